"""The author hears of each secretariat decision by e-mail, sent by the notify_author background task."""

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from actionagenda.commitments import contacts, workflow
from factories import ActorFactory, CommitmentFactory

pytestmark = pytest.mark.django_db


def commitment_of(author, status="submitted", language="en"):
    return CommitmentFactory(actor=ActorFactory(members=[author]), created_by=author, status=status,
                             published_at=None, language=language, title="Seed-saver biosafety training")


@pytest.mark.parametrize(("status", "action", "comment"), [
    ("submitted", "publish", "Thank you, it is online."),
    ("submitted", "return", "Add a baseline date to the first indicator."),
    ("published", "archive", "The commitment ended in 2025."),
])
def test_each_decision_emails_the_author_once(author, secretariat, django_capture_on_commit_callbacks,
                                              status, action, comment):
    commitment = commitment_of(author, status)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply(commitment, action, secretariat, comment=comment)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["author@example.org"]
    assert "Seed-saver biosafety training" in message.subject
    assert comment in message.body
    assert f"/en/commitments/{commitment.pk}/" in message.body


def test_a_confirmed_contact_address_gets_its_own_message(author, secretariat, django_capture_on_commit_callbacks):
    commitment = commitment_of(author, language="es")
    commitment.contact_email = "Desk@example.org"
    commitment.save()
    contacts.confirm(commitment)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply(commitment, "publish", secretariat)
    assert [m.to for m in mail.outbox] == [["author@example.org"], ["Desk@example.org"]]
    assert f"/es/commitments/{commitment.pk}/" in mail.outbox[1].body


def test_the_email_is_in_the_members_language(author, secretariat, django_capture_on_commit_callbacks):
    author.language = "fr"
    author.save()
    commitment = commitment_of(author, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply(commitment, "return", secretariat, comment="Précisez le public visé.")
    body = mail.outbox[0].body
    assert f"/fr/commitments/{commitment.pk}/" in body and "Précisez le public visé." in body


def test_no_email_before_the_decision_is_committed(author, secretariat, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        workflow.apply(commitment_of(author), "publish", secretariat)
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1


def test_submitting_emails_the_author_a_receipt_not_a_decision(author, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply(commitment_of(author, status="draft"), "submit", author)
    assert [(message.to, message.subject) for message in mail.outbox] == [
        (["author@example.org"], 'We received your commitment "Seed-saver biosafety training"')]


# A real transaction: the worker closes the connection between tasks, which a test transaction cannot survive.
@pytest.mark.django_db(transaction=True)
def test_the_database_backend_queues_the_email_for_the_worker(author, secretariat, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    workflow.apply(commitment_of(author), "return", secretariat, comment="Name the region.")
    assert mail.outbox == []
    queued = DBTaskResult.objects.get()
    assert queued.task_path.endswith("notify_author") and queued.status == "READY"

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert len(mail.outbox) == 1 and "Name the region." in mail.outbox[0].body
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
