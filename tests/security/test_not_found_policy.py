"""A refusal answers 404 like an unknown id whenever the person may not see the object (actionagenda.refusals);
403 only when they can see it; neither leaves a traceback in the logs."""

import logging

import pytest
from consultations.builders import make_consultation

from actionagenda.consultations import services
from actionagenda.consultations.models import Reply
from factories import ActorFactory, CommitmentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return CommitmentFactory(status="draft", published_at=None, actor=ActorFactory(members=[UserFactory()]))


@pytest.fixture
def moderator():
    return UserFactory()


@pytest.fixture
def question(moderator):
    return make_consultation(moderators=[moderator])


def _reply(question, status):
    reply = services.post_reply(user=UserFactory(), question=question, body="A contribution")
    Reply.objects.filter(pk=reply.pk).update(status=status)
    reply.refresh_from_db()
    return reply


def _slug(question):
    return question.theme.group.consultation.slug


def test_a_draft_answers_the_page_of_an_unknown_id_to_visitors(client, draft):
    unknown = client.get("/en/commitments/999999/")
    response = client.get(draft.get_absolute_url())
    assert response.status_code == unknown.status_code == 404
    page = response.content.decode()
    assert "<h1>Page not found</h1>" in page and draft.title not in page
    assert f'href="/en/accounts/login/?next=/en/commitments/{draft.pk}/"' in page  # its author may sign in


def test_a_draft_answers_404_to_another_signed_in_person(client, draft):
    client.force_login(UserFactory())
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_draft_is_shown_to_its_author(client, draft):
    client.force_login(draft.actor.members.get())
    assert draft.title in client.get(draft.get_absolute_url()).content.decode()


def test_the_api_answers_a_draft_id_as_an_unknown_one(client, draft):
    response = client.get(f"/api/v1/commitments/{draft.pk}")
    assert response.status_code == 404 and response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == f"No published commitment with id {draft.pk}."


@pytest.mark.parametrize("status", ["held", "hidden"])
def test_editing_a_reply_one_cannot_see_answers_404(client, question, status):
    reply = _reply(question, status)
    client.force_login(UserFactory())
    assert client.post(f"/en/consultations/{_slug(question)}/replies/{reply.pk}/edit/",
                       {"body": "Changed"}).status_code == 404
    reply.refresh_from_db()
    assert reply.body == "A contribution"


def test_editing_someone_elses_visible_reply_answers_403(client, question):
    reply = _reply(question, "visible")
    client.force_login(UserFactory())
    assert client.post(f"/en/consultations/{_slug(question)}/replies/{reply.pk}/edit/",
                       {"body": "Changed"}).status_code == 403


@pytest.mark.parametrize(("status", "expected"), [("held", 404), ("hidden", 404), ("visible", 403)])
def test_moderating_without_being_a_moderator_answers_404_unless_the_reply_is_visible(client, question, status,
                                                                                     expected):
    reply = _reply(question, status)
    client.force_login(UserFactory())
    url = f"/en/consultations/{_slug(question)}/replies/{reply.pk}/moderate/"
    assert client.post(url, {"action": "restore"}).status_code == expected
    reply.refresh_from_db()
    assert reply.status == status


def test_the_moderator_still_moderates_a_held_reply(client, question, moderator):
    reply = _reply(question, "held")
    client.force_login(moderator)
    client.post(f"/en/consultations/{_slug(question)}/replies/{reply.pk}/moderate/", {"action": "approve"})
    reply.refresh_from_db()
    assert reply.status == "visible"


@pytest.mark.parametrize(("published", "expected"), [(False, 404), (True, 403)])
def test_moderation_pages_of_an_unpublished_consultation_answer_404_to_non_moderators(client, question, published,
                                                                                    expected):
    consultation = question.theme.group.consultation
    consultation.published = published
    consultation.save()
    client.force_login(UserFactory())
    assert client.get(f"/en/consultations/{consultation.slug}/moderation/").status_code == expected
    group = question.theme.group
    assert client.post(f"/en/consultations/{consultation.slug}/groups/{group.pk}/hold/",
                       {"hold": "1"}).status_code == expected
    group.refresh_from_db()
    assert not group.hold_first_posts


def test_refusals_are_logged_in_one_line_without_a_traceback(client, question, draft, caplog):
    reply = _reply(question, "visible")
    client.force_login(UserFactory())
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client.post(f"/en/consultations/{_slug(question)}/replies/{reply.pk}/moderate/",
                           {"action": "hide"}).status_code == 403
        assert client.get(draft.get_absolute_url()).status_code == 404
    logged = [record for record in caplog.records if record.name == "django.request"]
    assert [record.status_code for record in logged] == [403, 404]
    assert [record.exc_info for record in logged] == [None, None]
    assert "Traceback" not in caplog.text
