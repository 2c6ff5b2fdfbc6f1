import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from actionagenda import ratelimits
from actionagenda.consultations import services
from actionagenda.consultations.models import ParticipantProfile, Reply
from factories import UserFactory

from .builders import make_consultation

pytestmark = pytest.mark.django_db


def test_a_participant_replies_to_a_question_and_another_replies_to_that_reply(question, participant):
    first = services.post_reply(user=participant, question=question, body="We need **trained** staff.")
    other = UserFactory()
    answer = services.post_reply(user=other, question=question, body="Agreed, and laboratories.", parent=first)
    assert answer.parent == first
    assert list(first.children.all()) == [answer]
    assert first.status == answer.status == Reply.Status.VISIBLE


def test_the_reply_keeps_the_authors_actor_type_and_country(question, participant):
    reply = services.post_reply(user=participant, question=question, body="Hello")
    assert (reply.actor_type, reply.country.code, reply.show_profile) == ("organization", "KE", True)


def test_a_participant_can_choose_not_to_show_actor_type_and_country(question, participant):
    ParticipantProfile.objects.create(user=participant, actor_type="individual", country="FR", show_on_posts=False)
    reply = services.post_reply(user=participant, question=question, body="Hello")
    assert (reply.actor_type, reply.country.code, reply.show_profile) == ("individual", "FR", False)


def test_a_reply_to_a_reply_of_another_question_is_refused(question, participant):
    other_question = question.theme.questions.get(number=2)
    elsewhere = services.post_reply(user=participant, question=other_question, body="Elsewhere")
    with pytest.raises(services.ReplyRefused):
        services.post_reply(user=participant, question=question, body="Wrong thread", parent=elsewhere)


def test_a_closed_consultation_refuses_replies(participant):
    question = make_consultation(open_now=False, slug="closed")
    with pytest.raises(services.ReplyRefused, match="not open"):
        services.post_reply(user=participant, question=question, body="Too late")
    assert Reply.objects.count() == 0


def test_an_empty_reply_is_refused(question, participant):
    with pytest.raises(services.ReplyRefused):
        services.post_reply(user=participant, question=question, body="   ")


def test_posting_too_quickly_is_refused(question, participant, settings):
    settings.ACTIONAGENDA_RATE_LIMITS = {**settings.ACTIONAGENDA_RATE_LIMITS, "consultation_reply": "2/60"}
    services.post_reply(user=participant, question=question, body="One")
    services.post_reply(user=participant, question=question, body="Two")
    with pytest.raises(ratelimits.RateLimited):
        services.post_reply(user=participant, question=question, body="Three")
    assert Reply.objects.count() == 2


def test_the_author_edits_within_the_window(question, participant):
    reply = services.post_reply(user=participant, question=question, body="Draft")
    services.edit_reply(user=participant, reply=reply, body="Final text")
    reply.refresh_from_db()
    assert reply.body == "Final text"
    assert reply.edited_at is not None


def test_the_author_cannot_edit_after_the_window(question, participant, settings):
    reply = services.post_reply(user=participant, question=question, body="Draft")
    Reply.objects.filter(pk=reply.pk).update(
        created=timezone.now() - datetime.timedelta(minutes=settings.CONSULTATION_EDIT_WINDOW_MINUTES + 1))
    reply.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.edit_reply(user=participant, reply=reply, body="Late change")
    reply.refresh_from_db()
    assert reply.body == "Draft"


def test_another_user_cannot_edit_a_reply(question, participant):
    reply = services.post_reply(user=participant, question=question, body="Mine")
    with pytest.raises(PermissionDenied):
        services.edit_reply(user=UserFactory(), reply=reply, body="Theirs")


def test_a_flag_is_recorded_once_per_reporter(question, participant):
    reply = services.post_reply(user=participant, question=question, body="Spam?")
    reporter = UserFactory()
    services.flag_reply(user=reporter, reply=reply, reason="Off topic")
    services.flag_reply(user=reporter, reply=reply, reason="Again")
    assert [(f.reporter, f.reason) for f in reply.flags.all()] == [(reporter, "Off topic")]


def test_a_flag_needs_a_reason(question, participant):
    reply = services.post_reply(user=participant, question=question, body="Hello")
    with pytest.raises(services.ReplyRefused):
        services.flag_reply(user=UserFactory(), reply=reply, reason=" ")
    assert not reply.flags.exists()


def test_an_author_cannot_flag_their_own_reply(question, participant):
    reply = services.post_reply(user=participant, question=question, body="Mine")
    with pytest.raises(PermissionDenied):
        services.flag_reply(user=participant, reply=reply, reason="Spam")
