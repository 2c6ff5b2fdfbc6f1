import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection

from actionagenda import mail as mail_module
from actionagenda.consultations import services
from actionagenda.consultations.models import DigestDelivery, Reply
from actionagenda.consultations.tasks import send_consultation_digests
from factories import UserFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 10)


@pytest.fixture
def follower(question):
    user = UserFactory(email="follower@example.org")
    services.follow_theme(user=user, theme=question.theme)
    return user


def _reply_on(question, day, body, author=None):
    reply = services.post_reply(user=author or UserFactory(), question=question, body=body)
    Reply.objects.filter(pk=reply.pk).update(created=datetime.datetime(day.year, day.month, day.day, 12,
                                                                        tzinfo=datetime.UTC))
    return reply


def test_a_follower_gets_the_days_replies_in_one_email(question, follower):
    _reply_on(question, DAY, "Regulators need laboratories.")
    _reply_on(question, DAY - datetime.timedelta(days=1), "Yesterday's news")
    assert services.send_digests(DAY) == 1
    [message] = mail.outbox
    assert message.to == ["follower@example.org"]
    assert "1 new reply" in message.subject
    assert "Capacity for risk assessment" in message.body
    assert "Regulators need laboratories." in message.body
    assert "Yesterday's news" not in message.body


def test_the_digest_is_never_sent_twice_for_the_same_day(question, follower):
    _reply_on(question, DAY, "Once only")
    assert services.send_digests(DAY) == 1
    assert services.send_digests(DAY) == 0
    assert len(mail.outbox) == 1
    assert DigestDelivery.objects.get(user=follower).replies == 1


def test_the_task_and_the_command_use_the_same_record(question, follower, capsys):
    _reply_on(question, DAY, "Via the task")
    send_consultation_digests.enqueue(DAY.isoformat())
    call_command("send_consultation_digests", "--day", DAY.isoformat())
    assert "Digests sent: 0" in capsys.readouterr().out
    assert len(mail.outbox) == 1


def test_nothing_is_sent_without_new_replies_or_for_ones_own_replies(question, follower):
    _reply_on(question, DAY, "My own words", author=follower)
    assert services.send_digests(DAY) == 0
    assert mail.outbox == []
    assert DigestDelivery.objects.count() == 0


def test_hidden_replies_are_not_in_the_digest(question, follower, moderator):
    reply = _reply_on(question, DAY, "Hidden words")
    services.moderate(user=moderator, reply=reply, action="hide")
    assert services.send_digests(DAY) == 0


def test_a_failed_send_leaves_no_record_so_the_next_run_retries(question, follower, monkeypatch):
    _reply_on(question, DAY, "Retry me")

    def broken(*args, **kwargs):
        raise ConnectionError("SMTP down")

    monkeypatch.setattr(mail_module.EmailMessage, "send", broken)
    assert services.send_digests(DAY) == 0
    assert DigestDelivery.objects.count() == 0
    monkeypatch.undo()
    assert services.send_digests(DAY) == 1


@pytest.mark.django_db(transaction=True)
def test_no_transaction_is_open_while_the_digest_is_sent(question, follower, monkeypatch):
    """On SQLite an open write transaction locks out every other writer for as long as SMTP talks."""
    _reply_on(question, DAY, "Sent after the commit")
    in_transaction = []
    send = mail_module.EmailMessage.send

    def recording(message, *args, **kwargs):
        in_transaction.append(connection.in_atomic_block)
        return send(message, *args, **kwargs)

    monkeypatch.setattr(mail_module.EmailMessage, "send", recording)
    assert services.send_digests(DAY) == 1
    assert in_transaction == [False]
    assert DigestDelivery.objects.get().user == follower


def test_the_digest_is_written_in_the_followers_language(question, follower):
    follower.language = "fr"
    follower.save()
    _reply_on(question, DAY, "Les régulateurs ont besoin de laboratoires.")
    services.send_digests(DAY)
    [message] = mail.outbox
    assert message.subject == "1 nouvelle réponse dans les thèmes que vous suivez (10 mars 2026)"
    assert "/fr/consultations/" in message.body
