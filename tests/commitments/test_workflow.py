import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from actionagenda.commitments import workflow
from actionagenda.commitments.models import Commitment
from factories import ActorFactory, CommitmentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(author):
    return CommitmentFactory(actor=ActorFactory(members=[author]), created_by=author, status="submitted",
                             published_at=None)


def test_the_secretariat_publishes_and_the_author_is_emailed(
    submitted, secretariat, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply(submitted, "publish", secretariat, comment="Thank you.")
    submitted.refresh_from_db()
    assert submitted.status == Commitment.Status.PUBLISHED and submitted.published_at
    assert [m.to for m in mail.outbox] == [["author@example.org"]]
    assert "Thank you." in mail.outbox[0].body


def test_returning_needs_a_comment(submitted, secretariat):
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.apply(submitted, "return", secretariat, comment="  ")
    assert Commitment.objects.get(pk=submitted.pk).status == "submitted"


def test_it_refuses_moderation_by_an_author(submitted, author):
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.apply(submitted, "publish", author)
    assert workflow.allowed_actions(author, submitted) == ["withdraw"]


def test_it_refuses_withdrawal_by_another_user(submitted):
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.apply(submitted, "withdraw", UserFactory())


def test_history_keeps_who_changed_the_status(submitted, secretariat):
    workflow.apply(submitted, "return", secretariat, comment="Add a baseline date.")
    latest = submitted.history.latest()
    assert latest.status == "returned" and latest.history_change_reason.startswith("return")
    assert latest.history_user == secretariat
    assert submitted.decisions.get().comment == "Add a baseline date."


def test_a_draft_is_deleted_not_withdrawn(author):
    from actionagenda.commitments import services

    draft = CommitmentFactory(actor=ActorFactory(members=[author]), status="draft", published_at=None)
    assert workflow.allowed_actions(author, draft) == ["submit"]
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.apply(draft, "withdraw", author)
    with pytest.raises(PermissionDenied):
        services.delete_draft(draft, UserFactory())
    assert Commitment.objects.filter(pk=draft.pk).exists()
    services.delete_draft(draft, author)
    assert not Commitment.objects.filter(pk=draft.pk).exists()
