"""The admin moderates replies through services.moderate: the same flags resolved and notices sent as on the
site; a reply's status cannot be typed into its change form."""

import pytest
from django.core import mail
from django.urls import reverse

from actionagenda.accounts.models import User
from actionagenda.consultations import services
from actionagenda.consultations.models import Flag, Reply

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:consultations_reply_changelist")


@pytest.fixture
def staff(client):
    client.force_login(User.objects.create_superuser(email="secretariat@example.org", password="x-long-password-1"))
    return client


@pytest.fixture
def held(question, moderator, participant):
    services.set_hold_first_posts(user=moderator, group=question.theme.group, hold=True)
    return services.post_reply(user=participant, question=question, body="My first words")


def test_approving_in_the_admin_publishes_the_reply_and_tells_its_author(staff, held, participant,
                                                                        django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(CHANGELIST, {"action": "approve_replies", "_selected_action": [held.pk]})
    held.refresh_from_db()
    assert held.status == Reply.Status.VISIBLE
    assert [message.to for message in mail.outbox] == [[participant.email]]


def test_hiding_in_the_admin_resolves_the_replys_flags(staff, question, participant, moderator):
    reply = services.post_reply(user=participant, question=question, body="Off topic")
    services.flag_reply(user=moderator, reply=reply, reason="Spam")
    staff.post(CHANGELIST, {"action": "hide_replies", "_selected_action": [reply.pk]})
    reply.refresh_from_db()
    assert reply.status == Reply.Status.HIDDEN
    assert Flag.objects.get().resolved


def test_the_change_form_does_not_change_the_status(staff, held, participant):
    url = reverse("admin:consultations_reply_change", args=[held.pk])
    page = staff.get(url).content.decode()
    assert 'name="status"' not in page and 'name="pinned"' not in page
    response = staff.post(url, {"question": held.question_id, "author": participant.pk, "body": "Typo fixed",
                                "status": "visible", "pinned": "on", "actor_type": "", "country": "", "language": "en",
                                "created_0": held.created.strftime("%Y-%m-%d"),
                                "created_1": held.created.strftime("%H:%M:%S"),
                                "flags-TOTAL_FORMS": "0", "flags-INITIAL_FORMS": "0"})
    assert response.status_code == 302
    held.refresh_from_db()
    assert (held.body, held.status, held.pinned, mail.outbox) == ("Typo fixed", Reply.Status.HELD, False, [])


def test_a_hidden_reply_cannot_be_flagged(question, participant, moderator):
    reply = services.post_reply(user=participant, question=question, body="Removed")
    services.moderate(user=moderator, reply=reply, action="hide")
    with pytest.raises(services.PermissionDenied):
        services.flag_reply(user=moderator, reply=reply, reason="Spam")
    assert not Flag.objects.exists()


def test_the_admin_shows_each_flags_reason(staff, question, participant, moderator):
    reply = services.post_reply(user=participant, question=question, body="Buy our seeds")
    services.flag_reply(user=moderator, reply=reply, reason="Advertises a seed company")
    assert "Advertises a seed company" in staff.get(CHANGELIST).content.decode()
    assert "Advertises a seed company" in staff.get(reverse("admin:consultations_flag_changelist")).content.decode()
