"""The author reads the secretariat's comments on the commitment's own page; the public does not."""

import pytest

from actionagenda.commitments import workflow
from factories import ActorFactory, CommitmentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def returned(author, secretariat):
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]), created_by=author, status="submitted",
                                   published_at=None)
    workflow.apply(commitment, "return", secretariat,
                   comment="Add a baseline <b>date</b>.\nAnd name the region.")
    return commitment


def test_the_author_reads_the_return_comment(client, author, returned):
    client.force_login(author)
    html = client.get(returned.get_absolute_url()).content.decode()
    assert "Returned for changes" in html
    assert "<p>Add a baseline &lt;b&gt;date&lt;/b&gt;.<br>And name the region.</p>" in html
    assert "Secretariat" not in html.split('id="moderation-steps"')[1]  # who moderated is not shown to authors


def test_another_user_cannot_read_it(client, returned):
    client.force_login(UserFactory())
    assert client.get(returned.get_absolute_url()).status_code == 404


def test_the_public_page_of_a_published_commitment_has_no_moderation_steps(client, author, secretariat, returned):
    workflow.apply(returned, "submit", author)
    workflow.apply(returned, "publish", secretariat, comment="Internal note.")
    html = client.get(returned.get_absolute_url()).content.decode()
    assert returned.title in html and "Internal note." not in html and "moderation-steps" not in html
