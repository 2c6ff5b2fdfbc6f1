import pytest

from actionagenda.consultations import services
from factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reply(question, participant):
    return services.post_reply(user=participant, question=question, body="A contribution")


def _url(reply):
    return f"/en/consultations/{reply.question.theme.group.consultation.slug}/replies/{reply.pk}/moderate/"


def test_the_groups_moderator_hides_a_reply_and_sees_it_marked(client, reply, moderator):
    client.force_login(moderator)
    client.post(_url(reply), {"action": "hide"})
    reply.refresh_from_db()
    assert reply.status == "hidden"
    assert "Restore" in client.get(reply.question.get_absolute_url()).content.decode()


def test_it_returns_403_to_a_participant_moderating(client, reply):
    client.force_login(UserFactory())
    assert client.post(_url(reply), {"action": "hide"}).status_code == 403
    reply.refresh_from_db()
    assert reply.status == "visible"


def test_participants_do_not_see_moderation_buttons(client, reply):
    client.force_login(UserFactory())
    html = client.get(reply.question.get_absolute_url()).content.decode()
    assert 'value="hide"' not in html
    assert "Flag this reply" in html


def test_the_moderation_queue_lists_held_and_flagged_replies_for_moderators_only(client, reply, moderator):
    services.flag_reply(user=UserFactory(), reply=reply, reason="spam")
    url = f"/en/consultations/{reply.question.theme.group.consultation.slug}/moderation/"
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(moderator)
    assert "A contribution" in client.get(url).content.decode()


def test_a_moderator_turns_on_holding_first_posts(client, question, moderator, participant):
    group = question.theme.group
    url = f"/en/consultations/{group.consultation.slug}/groups/{group.pk}/hold/"
    client.force_login(participant)
    assert client.post(url, {"hold": "1"}).status_code == 403
    client.force_login(moderator)
    client.post(url, {"hold": "1"})
    group.refresh_from_db()
    assert group.hold_first_posts is True


def test_the_moderation_queue_shows_each_flags_reason(client, reply, moderator):
    services.flag_reply(user=UserFactory(), reply=reply, reason="Advertises a seed company")
    services.flag_reply(user=UserFactory(), reply=reply, reason="Off topic for this question")
    client.force_login(moderator)
    html = client.get(f"/en/consultations/{reply.question.theme.group.consultation.slug}/moderation/").content.decode()
    assert "Advertises a seed company" in html and "Off topic for this question" in html

