"""Report reminders: e-mails before a report is due (30, 7 and 1 days) and after (1 and 7 days, then every 30),
to the actor's members (else the commitment's creator), each in their own language.

What is owed comes from `periods` and the submitted reports, as for the traffic light: before the due date the
reminder speaks of the next period due; after it, of the newest period due and not reported (the one that turns
the light amber). Once that period is reported, its reminders stop.

Offsets are thresholds, not exact days, so that a day the worker did not run is caught up by the next run (one
reminder, the latest threshold reached, never a burst of the missed ones). Each reminder is a ReminderSent row
(commitment, recipient, period, offset) committed before the e-mail goes: a second run, or a second worker at the
same time, fails on the unique key and sends nothing. An e-mail that fails releases its row for the next run; a
run interrupted between the claim and the e-mail loses that one reminder rather than ever sending it twice.
"""

import datetime
import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from actionagenda.accounts.models import Actor, User
from actionagenda.commitments.models import Commitment
from actionagenda.links import absolute
from actionagenda.mail import send_templated

from . import links, periods
from .models import ProgressReport, ReminderSent
from .services import final_phase_days, first_reporting_day, last_reporting_day

logger = logging.getLogger(__name__)

BEFORE = (1, 7, 30)  # days before the due date, the nearest first
AFTER = (1, 7)  # days after it; then every EVERY days
EVERY = 30
BATCH = 2000


@dataclass(frozen=True)
class Reminder:
    commitment_id: int
    period: periods.Period
    days_from_due: int  # negative: before the due date

    @property
    def overdue(self) -> bool:
        return self.days_from_due > 0


def offset_before(days_left: int) -> int | None:
    """The reminder threshold reached `days_left` days before the due date (-1, -7, -30), or None."""
    reached = [days for days in BEFORE if days_left <= days]
    return -reached[0] if reached and days_left > 0 else None


def offset_after(days_late: int) -> int | None:
    """The reminder threshold reached `days_late` days after the due date (1, 7, 30, 60, ...), or None."""
    if days_late >= EVERY:
        return days_late // EVERY * EVERY
    reached = [days for days in AFTER if days_late >= days]
    return reached[-1] if reached else None


def due_reminders(commitment_id: int, first_day: datetime.date | None, cadence: str,
                  reported: list[tuple[datetime.date, datetime.date]], today: datetime.date,
                  last_day: datetime.date | None = None) -> list[Reminder]:
    """The reminders a commitment has reached today: at most one about the newest overdue period and one about
    the next period due (`reported`: the periods of its submitted reports; none after `last_day`'s period)."""
    if first_day is None:
        return []

    def covered(period):
        return any(period.covered_by(start, end) for start, end in reported)

    found = []
    due = periods.due_periods(first_day, cadence, today, last_day)
    if due and not covered(due[-1]):
        offset = offset_after((today - due[-1].due_on).days)
        if offset:
            found.append(Reminder(commitment_id, due[-1], offset))
    upcoming = periods.next_due(first_day, cadence, today, last_day)
    if upcoming is None:
        return found  # the commitment has ended: nothing more to remind of
    offset = offset_before((upcoming.due_on - today).days)
    if offset and not covered(upcoming):
        found.append(Reminder(commitment_id, upcoming, offset))
    return found


def plan(today: datetime.date, commitment_ids: list[int] | None = None) -> list[tuple[Reminder, User]]:
    """Every (reminder, recipient) reached on `today` and not yet claimed, for published commitments."""
    published = Commitment.objects.published().order_by("pk")
    if commitment_ids is not None:
        published = published.filter(pk__in=commitment_ids)
    ids = list(published.values_list("pk", flat=True))
    found = []
    for start in range(0, len(ids), BATCH):
        found += _plan_batch(ids[start:start + BATCH], today)
    return found


def _plan_batch(ids: list[int], today: datetime.date) -> list[tuple[Reminder, User]]:
    commitments = Commitment.objects.filter(pk__in=ids).only(
        "pk", "actor_id", "created_by_id", "status", "published_at", "start_date", "end_date",
        "reporting_cadence").in_bulk()
    finished = final_phase_days(commitments)
    reported: dict[int, list] = {}
    for commitment_id, start, end in ProgressReport.objects.filter(
            commitment_id__in=ids, status=ProgressReport.Status.SUBMITTED).order_by().values_list(
            "commitment_id", "period_start", "period_end"):
        reported.setdefault(commitment_id, []).append((start, end))
    reminders = [reminder for pk, commitment in commitments.items()
                 for reminder in due_reminders(pk, first_reporting_day(commitment), commitment.reporting_cadence,
                                               reported.get(pk, []), today,
                                               last_reporting_day(commitment, finished.get(pk)))]
    if not reminders:
        return []
    recipients = _recipients({commitments[r.commitment_id] for r in reminders})
    claimed = set(ReminderSent.objects.filter(
        commitment_id__in={r.commitment_id for r in reminders}, period_end__in={r.period.end for r in reminders},
    ).values_list("commitment_id", "recipient_id", "period_end", "days_from_due"))
    return [(reminder, user) for reminder in reminders for user in recipients.get(reminder.commitment_id, [])
            if (reminder.commitment_id, user.pk, reminder.period.end, reminder.days_from_due) not in claimed]


def _recipients(commitments: set[Commitment]) -> dict[int, list[User]]:
    """Commitment id -> the active members of its actor, else its creator (if still active)."""
    members: dict[int, list[User]] = {}
    through = Actor.members.through
    for link in through.objects.filter(actor_id__in={c.actor_id for c in commitments}, user__is_active=True
                                       ).select_related("user").order_by("user_id"):
        members.setdefault(link.actor_id, []).append(link.user)
    creators = User.objects.filter(is_active=True).in_bulk(
        {c.created_by_id for c in commitments if c.created_by_id and c.actor_id not in members})
    found = {}
    for commitment in commitments:
        users = members.get(commitment.actor_id) or ([creators[commitment.created_by_id]]
                                                     if commitment.created_by_id in creators else [])
        if users:
            found[commitment.pk] = users
    return found


def claim(reminder: Reminder, user: User) -> ReminderSent | None:
    """Record that `reminder` goes to `user`, committed at once; None when it was already claimed."""
    try:
        with transaction.atomic():
            return ReminderSent.objects.create(commitment_id=reminder.commitment_id, recipient=user,
                                               period_end=reminder.period.end,
                                               days_from_due=reminder.days_from_due)
    except IntegrityError:
        return None


def send(reminder: Reminder, user: User, today: datetime.date) -> int:
    """E-mail `reminder` to `user` in their language, with a link straight to the report form."""
    commitment = Commitment.objects.get(pk=reminder.commitment_id)
    context = {"commitment": commitment, "reminder": reminder, "period": reminder.period,
               "due_on": reminder.period.due_on, "days": abs((reminder.period.due_on - today).days), "user": user,
               "report_url": absolute(links.report_form_url(commitment, user.language))}
    return send_templated("progress/email/reminder", context, [user.email], user.language)


def send_due(today: datetime.date | None = None) -> int:
    """Send every reminder reached on `today` (default: today) and not sent before; returns how many went."""
    today = today or timezone.localdate()
    sent = 0
    for reminder, user in plan(today):
        row = claim(reminder, user)
        if row is None:
            continue  # another run claimed it since the plan was made
        try:
            send(reminder, user, today)
        except Exception:
            row.delete()  # the next run retries it
            logger.exception("Report reminder %s for user %s failed", row, user.pk)
            continue
        ReminderSent.objects.filter(pk=row.pk).update(sent=timezone.now())
        sent += 1
    return sent
