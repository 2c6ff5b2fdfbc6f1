"""The moderation workflow: who may move a commitment from which status to which, and what follows.

The transitions are data (TRANSITIONS); every step records a ModerationDecision (shown to the author and the
secretariat), the field history is kept by django-simple-history, and the author is e-mailed through a
background task once the transaction has committed.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actionagenda.accounts import roles
from actionagenda.progress import services as progress

from . import facets, smart
from .models import Commitment, ModerationDecision
from .tasks import notify_author, notify_secretariat_of_submission, send_submission_receipt

Status = Commitment.Status
Action = ModerationDecision.Action


class TransitionNotAllowed(Exception):
    """The action does not apply to the commitment in its current status, or not for this user.

    `reasons` lists the must-haves a submission still fails, one message each.
    """

    def __init__(self, message, reasons=()):
        super().__init__(message)
        self.reasons = [str(reason) for reason in reasons]


@dataclass(frozen=True)
class Transition:
    sources: tuple[str, ...]
    target: str
    by_secretariat: bool  # False: the commitment's own authors act
    comment_required: bool = False
    notify_author: bool = False


TRANSITIONS = {
    Action.SUBMIT: Transition((Status.DRAFT, Status.RETURNED), Status.SUBMITTED, by_secretariat=False),
    Action.PUBLISH: Transition((Status.SUBMITTED,), Status.PUBLISHED, by_secretariat=True, notify_author=True),
    Action.RETURN: Transition((Status.SUBMITTED,), Status.RETURNED, by_secretariat=True, comment_required=True,
                              notify_author=True),
    # A draft is deleted (services.delete_draft), not withdrawn: nobody but its authors ever saw it.
    Action.WITHDRAW: Transition((Status.SUBMITTED, Status.RETURNED, Status.PUBLISHED),
                                Status.WITHDRAWN, by_secretariat=False),
    Action.ARCHIVE: Transition((Status.PUBLISHED,), Status.ARCHIVED, by_secretariat=True, notify_author=True),
}
COMMENT_REQUIRED = _("Say what the author should change before returning the commitment.")


def lacks_comment(action: str, comment: str) -> bool:
    """Whether `action` needs a comment to the author and `comment` gives none (the form, the admin and
    `apply` all ask this, and all answer with COMMENT_REQUIRED)."""
    transition = TRANSITIONS.get(action)
    return bool(transition and transition.comment_required and not comment.strip())


def status_allows(commitment: Commitment, action: str) -> bool:
    """Whether `action` can start from the commitment's present status (who may take it is `allowed_actions`)."""
    return commitment.status in TRANSITIONS[action].sources


def allowed_actions(user, commitment: Commitment) -> list[str]:
    """The actions `user` may take on `commitment` now (for buttons; `apply` checks again)."""
    return [action for action, transition in TRANSITIONS.items()
            if status_allows(commitment, action) and _may_act(user, commitment, transition)]


def _may_act(user, commitment: Commitment, transition: Transition) -> bool:
    if transition.by_secretariat:
        return roles.is_secretariat(user)
    return roles.is_author(user, commitment)


@transaction.atomic
def apply(commitment: Commitment, action: str, user, comment: str = "",
          expected_version: int | None = None) -> ModerationDecision:
    """Move `commitment` along `action`; raises TransitionNotAllowed when it may not, or when it is no longer at
    `expected_version` (the version the person deciding read)."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise TransitionNotAllowed(_("Unknown action."))
    # Lock the row so that two moderators acting at once cannot both move it.
    locked = Commitment.objects.select_for_update().get(pk=commitment.pk)
    if expected_version is not None and locked.version != expected_version:
        raise TransitionNotAllowed(_("This commitment changed after you opened it; read it again, then decide."))
    if locked.status not in transition.sources:
        raise TransitionNotAllowed(_("This commitment is %(status)s; it cannot be %(action)s.") % {
            "status": locked.get_status_display().lower(), "action": Action(action).label.lower()})
    if not _may_act(user, locked, transition):
        raise TransitionNotAllowed(_("You are not allowed to do this."))
    if lacks_comment(action, comment):
        raise TransitionNotAllowed(COMMENT_REQUIRED)
    comment = comment.strip()
    if action == Action.SUBMIT:
        problems = smart.must_have_problems(smart.data_from_commitment(locked))
        if problems:
            raise TransitionNotAllowed(" ".join(str(problem) for problem in problems), reasons=problems)
    now = timezone.now()
    locked.status = transition.target
    if action == Action.SUBMIT:
        locked.submitted_at = now
    if action == Action.PUBLISH and locked.published_at is None:
        locked.published_at = now
    locked._change_reason = f"{action}: {comment}" if comment else action
    locked._history_user = user
    locked.save()
    facets.invalidate()
    if action == Action.PUBLISH:
        progress.on_publish(locked, user)  # the first phase of its timeline, and its scorecard
    else:
        progress.refresh_after_commit(locked.pk)  # a scorecard only while it is published
    decision = ModerationDecision.objects.create(commitment=locked, action=action, by=user, comment=comment)
    if transition.notify_author:
        transaction.on_commit(lambda: notify_author.enqueue(decision.pk))
    if action == Action.SUBMIT:
        # The author's receipt, and the secretariat told that something waits in the queue.
        transaction.on_commit(lambda: send_submission_receipt.enqueue(decision.pk))
        transaction.on_commit(lambda: notify_secretariat_of_submission.enqueue(decision.pk))
    commitment.refresh_from_db()
    return decision
