"""Progress services: the derived figures of a commitment (KPI progress, scorecard) and its phase moves.

`refresh(ids)` recomputes KPIProgress and Scorecard rows from the public readings and submitted reports, in a
bounded number of queries whatever the number of commitments; call it after any change to readings, reports,
KPIs or phases (the views and the API do, after commit, through `refresh_after_commit`), and daily for every
published commitment (a state depends on the day: `refresh_all`). The commitments whose public record moved are
touched (`Commitment.updated`), so that the API's harvesters and validators see it: every commitment
`refresh_after_commit` is called for (a reading's note or a new report shows even when no figure changes), and
those whose stored figures changed in a `refresh` (the daily job's state changes).
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actionagenda.commitments import facets
from actionagenda.commitments.models import KPI, Commitment
from actionagenda.vocabularies import catalogue

from . import arithmetic, periods
from .choices import TrafficLight
from .models import InterimTarget, KPIProgress, PhaseChange, ProgressReport, Reading, Scorecard

INACTIVE_AFTER = datetime.timedelta(days=2 * 365)
PROGRESS_FIELDS = ("latest_value", "latest_date", "fraction", "state")
CARD_FIELDS = ("overall", "traffic_light", "inactive", "last_report_on", "next_report_due")
BATCH = 2000


def indicator(kpi: KPI, interim: Iterable[InterimTarget] = ()) -> arithmetic.Indicator:
    """The arithmetic's view of `kpi` and its interim targets."""
    def point(value, date):
        return arithmetic.Point(date, value) if value is not None else None

    return arithmetic.Indicator(
        baseline=point(kpi.baseline_value, kpi.baseline_date), target=point(kpi.target_value, kpi.target_date),
        interim=tuple(arithmetic.Point(target.date, target.value) for target in interim),
        direction=kpi.direction, cumulative=kpi.cumulative, tolerance=kpi.tolerance)


def first_reporting_day(commitment: Commitment) -> datetime.date | None:
    """The first day a published commitment owes reports for: its publication, or its start if later."""
    if commitment.published_at is None:
        return None
    published = timezone.localdate(commitment.published_at)
    return max(published, commitment.start_date) if commitment.start_date else published


def final_phase_days(commitment_ids: Iterable[int]) -> dict[int, datetime.date]:
    """The day each of `commitment_ids` was completed or discontinued, for those that were (one query)."""
    return dict(PhaseChange.objects.filter(commitment_id__in=list(commitment_ids), phase__in=FINAL_PHASES)
                .order_by("started_on").values_list("commitment_id", "started_on"))


def last_reporting_day(commitment: Commitment, finished_on: datetime.date | None = None) -> datetime.date | None:
    """The last day a commitment owes reports for: its end date, or the day it was completed or discontinued
    (`finished_on`, from `final_phase_days`) if earlier; None while it runs without an end."""
    days = [day for day in (commitment.end_date, finished_on) if day is not None]
    return min(days) if days else None


def reporting_days(commitment: Commitment) -> tuple[datetime.date | None, datetime.date | None]:
    """The first and last reporting days of one commitment (`first_reporting_day`, `last_reporting_day`)."""
    finished_on = final_phase_days([commitment.pk]).get(commitment.pk) if commitment.pk else None
    return first_reporting_day(commitment), last_reporting_day(commitment, finished_on)


@dataclass(frozen=True)
class Reporting:
    traffic_light: str
    inactive: bool
    last_report_on: datetime.date | None
    next_report_due: datetime.date | None


def reporting(first_day: datetime.date | None, cadence: str, reports: list[tuple[datetime.date, datetime.date,
              datetime.date]], today: datetime.date, last_day: datetime.date | None = None) -> Reporting:
    """The reporting record from the submitted `reports` (period start, period end, day submitted), for reports
    owed from `first_day` to `last_day` (see `periods.owed`).

    Green: the last period due is reported; amber: it alone is missing; red: two or more in a row. Inactive:
    nothing submitted for two years (counted from the first reporting day when nothing ever was). A commitment
    that ended with every report in owes nothing more: green, not inactive, no report due.
    """
    last = max((submitted for _start, _end, submitted in reports), default=None)
    if first_day is None:
        return Reporting(TrafficLight.GREEN, False, last, None)
    due = periods.due_periods(first_day, cadence, today, last_day)
    missing = []
    for period in reversed(due):
        if any(period.covered_by(start, end) for start, end, _submitted in reports):
            break
        missing.append(period)
    light = (TrafficLight.GREEN, TrafficLight.AMBER)[len(missing)] if len(missing) < 2 else TrafficLight.RED
    if missing:
        return Reporting(light, today - (last or first_day) >= INACTIVE_AFTER, last, missing[-1].due_on)
    upcoming = periods.next_due(first_day, cadence, today, last_day)
    if upcoming is None:
        return Reporting(light, False, last, None)  # ended, every report in
    return Reporting(light, today - (last or first_day) >= INACTIVE_AFTER, last, upcoming.due_on)


# The reporting record of a commitment another platform holds: it reports there (its page links to it), owes
# nothing here, and is never overdue or inactive here.
REPORTED_ELSEWHERE = Reporting(TrafficLight.PARTNER, False, None, None)


def refresh(commitment_ids: Iterable[int], today: datetime.date | None = None) -> bool:
    """Recompute the KPI progress and scorecards of `commitment_ids` (only published ones get a scorecard);
    returns whether a KPI state, traffic light or inactivity changed (the explore facets are then rebuilt)."""
    today = today or timezone.localdate()
    ids = list(commitment_ids)
    changed = False
    for start in range(0, len(ids), BATCH):
        batch_changed, moved = _refresh_batch(ids[start:start + BATCH], today)
        changed |= batch_changed
        if moved:
            Commitment.objects.filter(pk__in=moved).touch()
    if changed:
        facets.invalidate()
    return changed


def refresh_all(today: datetime.date | None = None) -> int:
    """Recompute every published commitment's figures (the daily job); returns how many."""
    ids = list(Commitment.objects.published().order_by().values_list("pk", flat=True))
    refresh(ids, today)
    return len(ids)


@transaction.atomic
def _refresh_batch(ids: list[int], today: datetime.date) -> tuple[bool, set[int]]:
    """Whether a facet value changed, and the commitments whose stored figures changed (a first computation is
    no change: it shows what the record already showed, computed on the fly)."""
    commitments = Commitment.objects.filter(pk__in=ids).select_related("scorecard", "partner_record").only(
        "pk", "status", "published_at", "start_date", "end_date", "reporting_cadence", "partner_record__id",
        *(f"scorecard__{name}" for name in (*CARD_FIELDS, "computed_on"))).in_bulk()
    kpis = list(KPI.objects.filter(commitment_id__in=ids).select_related("progress")
                .order_by("commitment_id", "position", "pk"))
    kpi_ids = [kpi.pk for kpi in kpis]
    interim = defaultdict(list)
    for target in InterimTarget.objects.filter(kpi_id__in=kpi_ids).order_by("date", "pk"):
        interim[target.kpi_id].append(target)
    readings = defaultdict(list)
    # Unordered (the arithmetic sorts): the models' default orderings join the KPI and commitment tables and
    # sort every reading, ten times the cost of the read itself at 10^6 readings.
    for kpi_id, date, value in Reading.objects.public().filter(kpi_id__in=kpi_ids).order_by().values_list(
            "kpi_id", "date", "value"):
        readings[kpi_id].append(arithmetic.Point(date, value))
    reports = defaultdict(list)
    for commitment_id, start, end, submitted in ProgressReport.objects.filter(
            commitment_id__in=ids, status=ProgressReport.Status.SUBMITTED).order_by().values_list(
            "commitment_id", "period_start", "period_end", "submitted_at"):
        reports[commitment_id].append((start, end, timezone.localdate(submitted) if submitted else end))

    # The stored rows (read with the ones above), taken before new rows replace them in the relation caches.
    stored_progress = {kpi.pk: kpi.progress for kpi in kpis if _has(kpi, "progress")}
    stored_cards = {pk: c.scorecard for pk, c in commitments.items() if _has(c, "scorecard")}
    # What the explore facets knew, to tell whether they change.
    before = ({(pk, row.state) for pk, row in stored_progress.items()},
              {(pk, row.traffic_light, row.inactive) for pk, row in stored_cards.items()})
    progress_rows, weighted = [], defaultdict(list)
    for kpi in kpis:
        result = arithmetic.assess(indicator(kpi, interim[kpi.pk]), readings[kpi.pk], today)
        progress_rows.append(KPIProgress(kpi=kpi, latest_value=result.latest, latest_date=result.latest_date,
                                         fraction=result.fraction, state=result.state, computed_on=today))
        weighted[kpi.commitment_id].append((kpi.weight, result.fraction))
    KPIProgress.objects.filter(kpi__commitment_id__in=ids).exclude(kpi_id__in=kpi_ids).delete()
    owner = {kpi.pk: kpi.commitment_id for kpi in kpis}
    moved = {owner[row.kpi_id] for row in _save_changed(KPIProgress, progress_rows, stored_progress, "kpi",
                                                         PROGRESS_FIELDS, today) if row.kpi_id in stored_progress}
    cards = []
    finished = final_phase_days(commitments)
    for pk, commitment in commitments.items():
        if not commitment.is_public:
            continue
        record = REPORTED_ELSEWHERE if commitment.reported_elsewhere else reporting(
            first_reporting_day(commitment), commitment.reporting_cadence, reports[pk], today,
            last_reporting_day(commitment, finished.get(pk)))
        cards.append(Scorecard(commitment_id=pk, overall=arithmetic.overall(weighted[pk]),
                               traffic_light=record.traffic_light, inactive=record.inactive,
                               last_report_on=record.last_report_on, next_report_due=record.next_report_due,
                               computed_on=today))
    Scorecard.objects.filter(commitment_id__in=ids).exclude(
        commitment_id__in=[card.commitment_id for card in cards]).delete()
    moved |= {card.commitment_id for card in _save_changed(Scorecard, cards, stored_cards, "commitment",
                                                           CARD_FIELDS, today) if card.commitment_id in stored_cards}
    after = ({(row.kpi_id, row.state) for row in progress_rows},
             {(card.commitment_id, card.traffic_light, card.inactive) for card in cards})
    return before != after, moved


def _save_changed(model, rows: list, stored: dict, key: str, fields: tuple[str, ...], today: datetime.date) -> list:
    """Upsert the `rows` whose `fields` differ from the `stored` row of the same key, and return them; the others
    (most of them in the daily job) only get today's `computed_on`, one UPDATE for all, instead of a rewrite of
    every row."""
    def same(row) -> bool:
        old = stored.get(getattr(row, f"{key}_id"))
        return old is not None and all(getattr(old, name) == getattr(row, name) for name in fields)

    changed = [row for row in rows if not same(row)]
    unchanged = [getattr(row, f"{key}_id") for row in rows if same(row)]
    if changed:
        model.objects.bulk_create(changed, update_conflicts=True, unique_fields=[key],
                                  update_fields=[*fields, "computed_on"])
    if unchanged:
        model.objects.filter(pk__in=unchanged).exclude(computed_on=today).update(computed_on=today)
    return changed


def _has(row, relation: str) -> bool:
    """Whether the reverse one-to-one `relation` of `row` (fetched with select_related) exists."""
    try:
        getattr(row, relation)
    except ObjectDoesNotExist:
        return False
    return True


def refresh_after_commit(commitment_id: int) -> None:
    """Recompute one commitment's figures once the current transaction has committed, and touch it: whatever
    changed (a reading, a report, a phase, a KPI) shows in its public record. Within `refreshed_together`, at
    its end instead, with the others."""
    together = _together.get()
    if together is not None:
        together.add(commitment_id)
        return

    def run():
        Commitment.objects.filter(pk=commitment_id).touch()
        refresh([commitment_id])

    transaction.on_commit(run)


_together: ContextVar[set[int] | None] = ContextVar("refreshed_together", default=None)


@contextmanager
def refreshed_together():
    """Within it, each commitment `refresh_after_commit` is called for waits, and all are touched and
    recomputed in one `refresh` when it ends, whatever ended it (a harvest's page of records, each saved in a
    transaction of its own: one batch instead of a refresh per record). Call it outside any transaction."""
    ids: set[int] = set()
    token = _together.set(ids)
    try:
        yield
    finally:
        _together.reset(token)
        if ids:
            Commitment.objects.filter(pk__in=ids).touch()
            refresh(sorted(ids))


def set_interim_targets(kpi: KPI, targets: Iterable[tuple], user=None) -> None:
    """Make `kpi`'s interim targets exactly `targets` ((value, date, phase) each), as `user` did: unchanged
    ones are kept, the others removed or added, so that the history shows only real changes."""
    wanted = [(arithmetic_value(value), date, phase or "") for value, date, phase in targets]
    kept = []
    for target in list(kpi.interim_targets.all()):
        key = (arithmetic_value(target.value), target.date, target.phase)
        if key in wanted and key not in kept:
            kept.append(key)
        else:
            target._history_user = user
            target.delete()
    for value, date, phase in wanted:
        if (value, date, phase) not in kept:
            target = InterimTarget(kpi=kpi, value=value, date=date, phase=phase)
            target._history_user = user
            target.save()


def record_current_value(kpi: KPI, value: Decimal, user, source: str = Reading.Source.API,
                         on: datetime.date | None = None) -> Reading | None:
    """The value `kpi` has today (or `on`), sent with the commitment before it is published (the write API's
    `current`), or shown by the partner platform a harvested commitment comes from: a reading outside any report,
    unless the latest one already says the same. Later values come in reports, or in later harvests."""
    latest = kpi.readings.current().order_by("-date", "-pk").first()
    if latest is not None and arithmetic_value(latest.value) == arithmetic_value(value):
        return None
    reading = Reading.objects.create(kpi=kpi, date=on or timezone.localdate(), value=value, source=source,
                                     created_by=user)
    refresh_after_commit(kpi.commitment_id)
    return reading


def arithmetic_value(value) -> Decimal:
    """`value` as a Decimal compared by quantity (5 equals 5.0000)."""
    return Decimal(value).normalize()


# The phases in the order a commitment goes through them; discontinued may end any of them.
PHASE_ORDER = ("planning", "development", "implementation", "evaluation", "completed")
DISCONTINUED = "discontinued"
FINAL_PHASES = ("completed", DISCONTINUED)


def phase_problems(moves: list[tuple[str, datetime.date]], phase: str, started_on, reason: str,
                   today: datetime.date, present: str = "") -> dict[str, list[str]]:
    """What is wrong with adding the move to `phase` on `started_on` to the commitment's `moves` (phase, date),
    field by field; empty when it fits. The timeline, in date order, must follow PHASE_ORDER (a phase may be
    skipped, none repeated or gone back to), discontinued ends it and needs a public reason, and no move is
    dated in the future. Without any move yet, the first one may not go back from the `present` phase."""
    problems = defaultdict(list)
    if phase not in PHASE_ORDER and phase != DISCONTINUED:
        problems["phase"].append(_("Choose one of the phases."))
    if not isinstance(started_on, datetime.date):
        problems["started_on"].append(_("Enter the date the phase started."))
    elif started_on > today:
        problems["started_on"].append(_("A phase move cannot be dated in the future."))
    if phase == DISCONTINUED and not reason.strip():
        problems["reason"].append(_("Say publicly why the commitment is discontinued."))
    if problems:
        return dict(problems)
    if phase in {existing for existing, _day in moves}:
        problems["phase"].append(_("The commitment already went through this phase."))
        return dict(problems)
    rank = {name: index for index, name in enumerate((*PHASE_ORDER, DISCONTINUED))}
    if not moves and rank.get(present, 0) > rank[phase]:
        problems["phase"].append(_("The commitment is already in a later phase (%(present)s).")
                                 % {"present": catalogue.PHASES.label_of(present)})
        return dict(problems)
    # Same-day moves keep the order of the phases; discontinued is always last.
    timeline = sorted([*moves, (phase, started_on)], key=lambda move: (move[1], rank[move[0]]))
    ranks = [rank[name] for name, _day in timeline]
    if any(name in FINAL_PHASES for name, _day in timeline[:-1]):
        problems["phase"].append(_("The commitment is completed or discontinued: no phase can follow."))
    elif ranks != sorted(ranks):
        problems["started_on"].append(_("Phases follow one another in order: this date puts %(phase)s before a "
                                        "phase that comes earlier.") % {"phase": catalogue.PHASES.label_of(phase)})
    return dict(problems)


def record_phase(commitment: Commitment, phase: str, started_on: datetime.date, user, reason: str = "",
                 today: datetime.date | None = None) -> PhaseChange:
    """Move `commitment` to `phase` from `started_on`, keeping the move (the timeline is every move). Raises
    ValidationError (a dict naming each bad field, see `phase_problems`); refreshes the figures after commit."""
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = Commitment.objects.select_for_update().get(pk=commitment.pk)
        moves = list(PhaseChange.objects.filter(commitment=locked).values_list("phase", "started_on"))
        problems = phase_problems(moves, phase, started_on, reason, today, present=locked.phase)
        if problems:
            raise ValidationError(problems)
        change = PhaseChange(commitment=locked, phase=phase, started_on=started_on, by=user,
                             reason=reason.strip() if phase == DISCONTINUED else "")
        change.full_clean(exclude=["commitment", "by"])
        change.save()
        latest = PhaseChange.objects.filter(commitment=locked).order_by("-started_on", "-pk").first()
        if latest.phase != locked.phase:
            locked.phase = latest.phase
            locked._history_user = user
            locked._change_reason = f"phase: {latest.phase}"
            locked.save(update_fields=["phase", "updated", "version"])
        refresh_after_commit(locked.pk)
        commitment.refresh_from_db()
    return change


def on_publish(commitment: Commitment, user) -> None:
    """Called by the moderation workflow inside its transaction when `commitment` is published: its phase
    becomes the first move of its timeline if it has none, and its scorecard is computed after the commit."""
    if not PhaseChange.objects.filter(commitment=commitment).exists():
        today = timezone.localdate()
        start = commitment.start_date
        PhaseChange.objects.create(commitment=commitment, phase=commitment.phase, by=user,
                                   started_on=min(start, today) if start else today)
    refresh_after_commit(commitment.pk)


def present_phase(commitment: Commitment) -> PhaseChange | None:
    """The move that set the commitment's present phase (its reason is public when it is discontinued)."""
    return PhaseChange.objects.filter(commitment=commitment).order_by("-started_on", "-pk").first()
