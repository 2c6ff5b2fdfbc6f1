"""A `next` taken from the request is followed only when it stays on this site (issue 14.11)."""

import pytest
from consultations.builders import make_consultation

from factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(db):
    return UserFactory(name="Mona Moderator")


@pytest.fixture
def group(moderator):
    return make_consultation(moderators=[moderator]).theme.group


def _hold(client, group, next_url):
    return client.post(f"/en/consultations/{group.consultation.slug}/groups/{group.pk}/hold/",
                       {"hold": "1", "next": next_url})


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example", "/\\evil.example",
                                    "\\\\evil.example", "https:evil.example", "javascript:alert(1)"])
def test_a_moderation_post_never_redirects_to_another_site(client, group, moderator, target):
    client.force_login(moderator)
    response = _hold(client, group, target)
    assert response.status_code == 302
    assert response["Location"] == f"/en/consultations/{group.consultation.slug}/"
    group.refresh_from_db()
    assert group.hold_first_posts is True


def test_a_moderation_post_returns_to_the_page_of_this_site_it_came_from(client, group, moderator):
    client.force_login(moderator)
    question_page = f"/en/consultations/{group.consultation.slug}/questions/1/"
    assert _hold(client, group, question_page)["Location"] == question_page
