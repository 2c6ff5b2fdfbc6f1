"""A submission e-mails the author a receipt and tells the secretariat that a commitment waits in the queue,
at once or in a daily digest, as each member chose (issue 16.7)."""

import datetime

import pytest
from django.core import mail

from actionagenda import periodic
from actionagenda.accounts.services import make_secretariat
from actionagenda.commitments import notices, services
from actionagenda.commitments.models import QueueDigestDelivery
from factories import ActorFactory, CommitmentFactory, UserFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 11, 30)


def draft_of(author, title="Seed-saver biosafety training"):
    return CommitmentFactory(actor=ActorFactory(members=[author]), created_by=author, status="draft",
                             published_at=None, title=title)


def secretariat_member(email, notices_choice="each", language="en"):
    user, _password = make_secretariat(email)
    user.moderation_notices, user.language = notices_choice, language
    user.save()
    return user


def messages_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_submitting_sends_the_author_a_receipt_in_their_language(django_capture_on_commit_callbacks):
    author = UserFactory(email="amina@example.org", name="Amina Bello", language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(draft_of(author), author)
    [receipt] = messages_to("amina@example.org")
    assert receipt.subject == "Nous avons bien reçu votre engagement «\u00a0Seed-saver biosafety training\u00a0»"
    assert "Amina Bello" in receipt.body and "/fr/commitments/mine/" in receipt.body


def test_a_saved_draft_sends_nothing(client):
    author = UserFactory()
    draft_of(author)
    assert mail.outbox == []


def test_the_secretariat_hears_of_each_submission_as_each_member_chose(django_capture_on_commit_callbacks):
    each = secretariat_member("each@example.org", "each", language="es")
    secretariat_member("daily@example.org", "daily")
    secretariat_member("none@example.org", "none")
    author = UserFactory(email="amina@example.org")
    commitment = draft_of(author)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(commitment, author)
    [notice] = messages_to(each.email)
    assert notice.subject == "Por revisar: «Seed-saver biosafety training»"
    assert f"/es/commitments/{commitment.pk}/moderate/" in notice.body
    assert messages_to("daily@example.org") == [] and messages_to("none@example.org") == []
    assert sorted(message.to[0] for message in mail.outbox) == ["amina@example.org", "each@example.org"]


def submitted_on(day, title, author=None):
    author = author or UserFactory()
    return CommitmentFactory(actor=ActorFactory(members=[author]), status="submitted", published_at=None,
                             title=title, submitted_at=datetime.datetime.combine(
                                 day, datetime.time(10), tzinfo=datetime.UTC))


def test_the_daily_digest_lists_the_days_submissions_and_the_queue_once_per_member():
    daily = secretariat_member("daily@example.org", "daily", language="fr")
    secretariat_member("each@example.org", "each")
    submitted_on(DAY - datetime.timedelta(days=3), "Older radio programme")
    submitted_on(DAY, "Laboratory network in Lima")
    assert notices.send_queue_digests(DAY) == 1
    assert notices.send_queue_digests(DAY) == 0  # a second run (another worker) sends nothing
    [digest] = mail.outbox
    assert digest.to == [daily.email]
    assert digest.subject == "2 engagements attendent dans la file de modération"
    assert "Laboratory network in Lima" in digest.body and "Older radio programme" not in digest.body
    assert "/fr/commitments/moderation/" in digest.body
    assert QueueDigestDelivery.objects.get().waiting == 2


def test_no_digest_while_nothing_waits():
    secretariat_member("daily@example.org", "daily")
    CommitmentFactory(title="Already published")
    assert notices.send_queue_digests(DAY) == 0 and mail.outbox == []


def test_a_failed_digest_leaves_no_record_so_the_next_run_retries(monkeypatch):
    secretariat_member("daily@example.org", "daily")
    submitted_on(DAY, "Laboratory network in Lima")

    def broken(*args, **kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr(notices, "send_templated", broken)
    assert notices.send_queue_digests(DAY) == 0 and not QueueDigestDelivery.objects.exists()
    monkeypatch.undo()
    assert notices.send_queue_digests(DAY) == 1


def test_the_digest_is_a_periodic_job():
    assert "actionagenda.commitments.tasks.send_moderation_digests" in {job.task for job in periodic.JOBS}


def test_the_profile_offers_the_choice_to_the_secretariat_only(client):
    member = secretariat_member("sec@example.org", "each")
    client.force_login(member)
    page = client.get("/en/accounts/profile/").content.decode()
    assert "One daily digest of the queue" in page
    client.post("/en/accounts/profile/", {"name": member.name, "moderation_notices": "daily"})
    member.refresh_from_db()
    assert member.moderation_notices == "daily"
    author = UserFactory()
    client.force_login(author)
    assert "One daily digest of the queue" not in client.get("/en/accounts/profile/").content.decode()
    client.post("/en/accounts/profile/", {"name": author.name, "moderation_notices": "none"})
    author.refresh_from_db()
    assert author.moderation_notices == "each"
