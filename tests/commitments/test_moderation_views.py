import datetime

import pytest
from django.urls import reverse

from actionagenda.accounts.services import make_secretariat
from actionagenda.commitments import workflow
from actionagenda.commitments.models import Commitment
from factories import ActorFactory, CommitmentFactory, terms

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(client, secretariat):
    client.force_login(secretariat)
    return client


def submitted_commitment(author, title="Biosafety clinics for farmers", days_ago=1):
    return CommitmentFactory(actor=ActorFactory(members=[author]), created_by=author, status="submitted",
                             published_at=None, title=title,
                             submitted_at=datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=days_ago))


def moderate_url(commitment):
    return reverse("commitments:moderate", kwargs={"pk": commitment.pk})


QUEUE = "/en/commitments/moderation/"


# The queue

def test_the_queue_lists_submitted_commitments_oldest_first_with_counts(moderator, author,
                                                                        django_assert_max_num_queries):
    submitted_commitment(author, "Newer one", days_ago=1)
    submitted_commitment(author, "Older one", days_ago=5)
    CommitmentFactory(title="Already published")
    for n in range(20):
        submitted_commitment(author, f"Filler {n}", days_ago=0)
    with django_assert_max_num_queries(8):
        response = moderator.get(QUEUE)
    html = response.content.decode()
    assert html.index("Older one") < html.index("Newer one")
    assert "Already published" not in html
    assert "Submitted <span class=\"count\">(22)</span>" in html
    assert "Published <span class=\"count\">(1)</span>" in html


def test_the_queue_filters_by_status(moderator, author):
    submitted_commitment(author, "Waiting")
    CommitmentFactory(title="Sent back", status="returned")
    CommitmentFactory(title="Taken back", status="withdrawn")
    html = moderator.get(QUEUE, {"status": "returned"}).content.decode()
    assert "Sent back" in html and "Waiting" not in html and "Taken back" not in html
    assert "Taken back" in moderator.get(QUEUE, {"status": "withdrawn"}).content.decode()


def test_the_queue_returns_403_to_an_author(client, author):
    client.force_login(author)
    assert client.get(QUEUE).status_code == 403


def test_the_queue_sends_an_anonymous_visitor_to_log_in(client):
    response = client.get(QUEUE)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# The moderation page

def test_it_shows_the_whole_commitment_with_term_labels(moderator, author):
    commitment = submitted_commitment(author)
    html = moderator.get(moderate_url(commitment)).content.decode()
    assert "Biosafety clinics for farmers" in html
    assert "Radio programmes and school visits" in html
    assert "Kenya" in html and "People reached" in html
    assert ">Publish</button>" in html and ">Return for changes</button>" in html
    assert ">Archive</button>" not in html


def test_it_returns_403_to_the_author(client, author):
    commitment = submitted_commitment(author)
    client.force_login(author)
    assert client.get(moderate_url(commitment)).status_code == 403
    assert client.post(moderate_url(commitment), {"action": "publish"}).status_code == 403
    assert Commitment.objects.get(pk=commitment.pk).status == "submitted"


def test_it_sends_an_anonymous_visitor_to_log_in(client, author):
    commitment = submitted_commitment(author)
    response = client.post(moderate_url(commitment), {"action": "publish"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Commitment.objects.get(pk=commitment.pk).status == "submitted"


def test_one_comment_box_serves_every_decision(moderator, author):
    commitment = submitted_commitment(author)
    html = moderator.get(moderate_url(commitment)).content.decode()
    assert html.count("<textarea") == 1 and html.count("Comment to the author") == 1
    assert 'name="action" value="publish"' in html and 'name="action" value="return"' in html
    assert "Required for: Return for changes." in html


def test_the_secretariat_lands_on_the_moderation_queue_after_signing_in(client, secretariat):
    secretariat.set_password("a sturdy biosafety passphrase")
    secretariat.save()
    response = client.post("/en/accounts/login/", {"login": "sec@example.org",
                                                   "password": "a sturdy biosafety passphrase"})
    assert response.status_code == 302 and response["Location"] == QUEUE


def test_an_author_lands_on_their_commitments_after_signing_in(client):
    from factories import UserFactory

    user = UserFactory(email="writer@example.org")
    user.set_password("a sturdy biosafety passphrase")
    user.save()
    response = client.post("/en/accounts/login/", {"login": "writer@example.org",
                                                   "password": "a sturdy biosafety passphrase"})
    assert response.status_code == 302 and response["Location"] == "/en/commitments/mine/"


def test_publishing_moves_it_out_of_the_queue(moderator, author):
    commitment = submitted_commitment(author)
    response = moderator.post(moderate_url(commitment), {"action": "publish", "comment": "Well done."}, follow=True)
    commitment.refresh_from_db()
    assert commitment.status == "published"
    assert commitment.decisions.get().comment == "Well done."
    assert "Biosafety clinics for farmers" in response.content.decode()  # in the success message
    assert "Nothing here." in response.content.decode()


def test_returning_without_a_comment_is_a_field_error(moderator, author):
    commitment = submitted_commitment(author)
    response = moderator.post(moderate_url(commitment), {"action": "return", "comment": "   "})
    assert response.status_code == 200
    assert "Say what the author should change" in response.content.decode()
    assert Commitment.objects.get(pk=commitment.pk).status == "submitted"


def test_the_page_the_admin_and_the_workflow_ask_for_the_comment_in_the_same_words(moderator, author,
                                                                                   secretariat):
    commitment = submitted_commitment(author)
    page = moderator.post(moderate_url(commitment), {"action": "return", "comment": ""}).content.decode()
    admin_page = moderator.post(reverse("admin:commitments_commitment_changelist"), {
        "action": "return_selected", "_selected_action": [commitment.pk], "confirm": "yes", "comment": ""},
    ).content.decode()
    with pytest.raises(workflow.TransitionNotAllowed) as refused:
        workflow.apply(commitment, "return", secretariat, comment=" ")
    message = "Say what the author should change before returning the commitment."
    assert message in page and message in admin_page and str(refused.value) == message


def test_returning_with_a_comment_keeps_the_comment_for_the_author(moderator, author):
    commitment = submitted_commitment(author)
    moderator.post(moderate_url(commitment), {"action": "return", "comment": "Add a baseline <date>."})
    commitment.refresh_from_db()
    assert commitment.status == "returned"
    html = moderator.get(moderate_url(commitment)).content.decode()
    assert "Add a baseline &lt;date&gt;." in html


def test_archiving_a_published_commitment(moderator):
    commitment = CommitmentFactory(title="Finished campaign")
    moderator.post(moderate_url(commitment), {"action": "archive"})
    assert Commitment.objects.get(pk=commitment.pk).status == "archived"


def test_the_second_moderator_is_told_the_commitment_was_already_decided(client, moderator, author):
    commitment = submitted_commitment(author)
    other, _ = make_secretariat("other@example.org")
    client_two = client.__class__()
    client_two.force_login(other)
    page_one, page_two = moderator.get(moderate_url(commitment)), client_two.get(moderate_url(commitment))
    assert ">Return for changes</button>" in page_two.content.decode() and page_one.status_code == 200
    moderator.post(moderate_url(commitment), {"action": "publish"})
    response = client_two.post(moderate_url(commitment), {"action": "return", "comment": "Too vague."},
                               follow=True)
    assert "This commitment is published; it cannot be returned for changes." in response.content.decode()
    commitment.refresh_from_db()
    assert commitment.status == "published" and commitment.decisions.count() == 1


def test_the_history_shows_who_changed_what_with_term_labels(moderator, author, secretariat):
    commitment = submitted_commitment(author)
    workflow.apply(commitment, "return", secretariat, comment="Name the country.")
    commitment.title = "Biosafety clinics for farmers in Uganda"
    commitment.countries.set(terms("country", "UG"))
    commitment._history_user = author
    commitment.save()
    workflow.apply(commitment, "submit", author)
    html = moderator.get(moderate_url(commitment)).content.decode()
    history = html[html.index('id="history"'):]
    assert "Biosafety clinics for farmers in Uganda" in history
    assert "added: Uganda" in history and "removed: Kenya" in history
    assert "Returned for changes" in history and "Submitted" in history
    assert "return: Name the country." in history
    assert str(author) in history and str(secretariat) in history


def test_the_decisions_are_listed_with_their_comments(moderator, author, secretariat):
    commitment = submitted_commitment(author)
    workflow.apply(commitment, "return", secretariat, comment="Line one.\nLine two.")
    html = moderator.get(moderate_url(commitment)).content.decode()
    assert "<p>Line one.<br>Line two.</p>" in html


def test_the_moderation_page_does_not_query_per_history_record(moderator, author, secretariat,
                                                              django_assert_max_num_queries):
    commitment = submitted_commitment(author)
    for n in range(8):
        workflow.apply(commitment, "return", secretariat, comment=f"Round {n}.")
        commitment.title = f"Biosafety clinics, version {n}"
        commitment.save()
        workflow.apply(commitment, "submit", author)
    with django_assert_max_num_queries(23):  # one of them the BCH citations' history, however long
        html = moderator.get(moderate_url(commitment)).content.decode()
    assert "Biosafety clinics, version 6" in html and "Round 7." in html


def test_the_history_shows_a_long_comment_in_full(moderator, author, secretariat):
    commitment = submitted_commitment(author)
    comment = ("Name the districts where the clinics will run, give a baseline for the number of farmers reached "
               "and say who pays for the radio time; then submit it again.")
    assert len(comment) > 100
    workflow.apply(commitment, "return", secretariat, comment=comment)
    html = moderator.get(moderate_url(commitment)).content.decode()
    history = html[html.index('id="history"'):]
    assert f"return: {comment}" in history
