"""Demo progress: phase timelines, submitted reports and KPI readings for demo commitments, so that scorecards,
traffic lights and the explore facets show every case (achieved, on track, behind, regressing, lapsed, silent).

Readings stay within what their unit allows (whole numbers for counts, never below zero; percentages within
0-100) and reports are written in the commitment's language. Bulk inserts, like `commitments.demo` (generated
rows, edited by nobody: no history); fast enough for the benchmark's 10^6 readings.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from actionagenda.commitments.models import KPI, Commitment

from . import periods, reminders, services
from .models import PhaseChange, ProgressReport, Reading, ReminderSent
from .services import FINAL_PHASES, first_reporting_day, last_reporting_day

BATCH = 5000
# How demo commitments report, with the share of commitments that do so: every period, ahead of their plan (three
# in ten with the last report late); every period but behind plan; with a KPI going the wrong way (when one can:
# a count above zero, a percentage below 100); reported then stopped; never.
PROFILES = (
    ("on_track", 0.45), ("behind", 0.15), ("regressing", 0.13), ("lapsed", 0.15), ("silent", 0.12),
)
WHOLE, TENTH = Decimal(1), Decimal("0.1")

NARRATIVES = {
    "en": {
        "good": ("Activities went ahead as planned this period.", "We kept to the work plan and met our partners "
                 "twice.", "Participation was higher than we expected.", "The national authority joined two of "
                 "our sessions.", "Our volunteers ran every session on the calendar.", "We finished the materials "
                 "and have started to use them."),
        "slow": ("Work went more slowly than planned.", "Several sessions had to be postponed.", "Funding arrived "
                 "late, so we did less than we planned.", "We are catching up after a difficult quarter."),
        "down": ("Fewer people took part than in the previous period.", "Some partners left the programme and "
                 "the figures fell.", "We lost ground this period and are reviewing our approach."),
        "challenges": ("Heavy rains cut off two districts for weeks.", "Staff turnover in the team.", "Delays in "
                       "receiving laboratory reagents.", "An election period left little room for public events.",
                       "Transport costs rose sharply."),
        "support": ("Contacts at the national competent authority.", "Training materials in local languages.",
                    "A small grant for transport.", "Advice on how to measure our indicators."),
    },
    "fr": {
        "good": ("Les activités se sont déroulées comme prévu.", "Nous avons suivi le plan de travail et rencontré "
                 "nos partenaires à deux reprises.", "La participation a dépassé nos attentes.", "L'autorité "
                 "nationale a pris part à deux de nos séances.", "Nos bénévoles ont assuré toutes les séances "
                 "prévues.", "Les supports sont prêts et déjà utilisés."),
        "slow": ("Le travail a avancé plus lentement que prévu.", "Plusieurs séances ont dû être reportées.",
                 "Le financement est arrivé en retard et nous avons moins fait que prévu.", "Nous rattrapons le "
                 "retard pris pendant un trimestre difficile."),
        "down": ("La participation a baissé par rapport à la période précédente.", "Certains partenaires se sont "
                 "retirés et les chiffres ont reculé.", "Nous avons perdu du terrain et revoyons notre approche."),
        "challenges": ("Les fortes pluies ont isolé deux districts pendant des semaines.", "Des départs dans "
                       "l'équipe.", "Des retards de livraison des réactifs de laboratoire.", "La période "
                       "électorale a laissé peu de place aux réunions publiques.", "Les coûts de transport ont "
                       "fortement augmenté."),
        "support": ("Des contacts à l'autorité nationale compétente.", "Des supports de formation en langues "
                    "locales.", "Une petite subvention pour le transport.", "Des conseils pour mesurer nos "
                    "indicateurs."),
    },
    "es": {
        "good": ("Las actividades se realizaron según lo previsto.", "Cumplimos el plan de trabajo y nos reunimos "
                 "dos veces con nuestros socios.", "La participación superó lo que esperábamos.", "La autoridad "
                 "nacional asistió a dos de nuestras sesiones.", "Nuestro voluntariado cubrió todas las sesiones "
                 "del calendario.", "Terminamos los materiales y ya los estamos usando."),
        "slow": ("El trabajo avanzó más despacio de lo previsto.", "Hubo que aplazar varias sesiones.", "Los fondos "
                 "llegaron tarde y hicimos menos de lo planificado.", "Estamos recuperando el retraso de un "
                 "trimestre difícil."),
        "down": ("Participaron menos personas que en el periodo anterior.", "Algunos socios dejaron el programa y "
                 "las cifras bajaron.", "Perdimos terreno en este periodo y estamos revisando el enfoque."),
        "challenges": ("Las lluvias dejaron incomunicados dos distritos durante semanas.", "Rotación de personal "
                       "en el equipo.", "Retrasos en la entrega de reactivos de laboratorio.", "El periodo "
                       "electoral dejó poco espacio para actividades públicas.", "Los costos de transporte "
                       "subieron mucho."),
        "support": ("Contactos en la autoridad nacional competente.", "Materiales de capacitación en lenguas "
                    "locales.", "Una pequeña subvención para transporte.", "Asesoría para medir nuestros "
                    "indicadores."),
    },
}

DISCONTINUED = {
    "en": ("The project lost its funding.", "Our partner organisation closed and we could not continue alone.",
           "The national programme we supported was replaced, so we stopped this work."),
    "fr": ("Le projet a perdu son financement.", "Notre organisation partenaire a fermé et nous ne pouvions pas "
           "continuer seuls.", "Le programme national que nous appuyions a été remplacé ; nous avons arrêté."),
    "es": ("El proyecto perdió su financiamiento.", "La organización socia cerró y no pudimos seguir solos.",
           "El programa nacional que apoyábamos fue reemplazado, así que dejamos este trabajo."),
}


def seed(seed: int = 2030, today: datetime.date | None = None) -> int:
    """Progress for every published commitment that has none yet, then their scorecards; returns readings made.

    The reminders already due today are recorded as sent (the demo's story began long before today), so a fresh
    demo does not send a burst of them at start; its members get the next ones as their dates come.
    """
    today = today or timezone.localdate()
    ids = list(Commitment.objects.published().filter(reports__isnull=True).order_by("pk")
               .values_list("pk", flat=True))
    made = generate(ids, seed=seed, today=today)
    services.refresh_all(today)
    now = timezone.now()
    ReminderSent.objects.bulk_create([
        ReminderSent(commitment_id=reminder.commitment_id, recipient=user, period_end=reminder.period.end,
                     days_from_due=reminder.days_from_due, sent=now)
        for reminder, user in reminders.plan(today, ids)], batch_size=BATCH, ignore_conflicts=True)
    return made


def generate(commitment_ids: list[int], seed: int = 2030, today: datetime.date | None = None,
             readings_per_kpi: int | None = None) -> int:
    """Phase timelines, reports and readings for the published `commitment_ids`; returns the number of readings.

    With `readings_per_kpi`, every KPI gets that many readings (the benchmark's volume) whatever its profile.
    """
    rng = random.Random(seed)
    today = today or timezone.localdate()
    made = 0
    for start in range(0, len(commitment_ids), BATCH):
        made += _generate_batch(commitment_ids[start:start + BATCH], rng, today, readings_per_kpi)
    return made


@transaction.atomic
def _generate_batch(ids: list[int], rng: random.Random, today: datetime.date, per_kpi: int | None) -> int:
    kpis: dict[int, list[KPI]] = {}
    for kpi in KPI.objects.filter(commitment_id__in=ids).select_related("commitment").order_by("pk"):
        kpis.setdefault(kpi.commitment_id, []).append(kpi)
    with_moves = set(PhaseChange.objects.filter(commitment_id__in=ids).values_list("commitment_id", flat=True))
    moves, reports, planned = [], [], []
    for commitment_kpis in kpis.values():
        commitment = commitment_kpis[0].commitment
        timeline = phase_moves(rng, commitment, today)
        if commitment.pk not in with_moves:
            moves += [PhaseChange(commitment_id=commitment.pk, phase=phase, started_on=day, reason=reason)
                      for phase, day, reason in timeline]
        first_day = first_reporting_day(commitment)
        if first_day is None:
            continue
        finished_on = min((day for phase, day, _reason in timeline if phase in FINAL_PHASES), default=None)
        due = periods.due_periods(first_day, commitment.reporting_cadence, today,
                                  last_reporting_day(commitment, finished_on))
        profile = _profile(rng, commitment_kpis, len(due))
        if profile == "lapsed":
            due = due[:max(1, len(due) - rng.randint(2, 9))]
        elif profile in ("on_track", "behind") and due and rng.random() < 0.3:
            due = due[:-1]  # one report late: amber
        elif profile == "silent":
            due = []
        for number, period in enumerate(due):
            reports.append(_report(rng, commitment, period, number, profile, timeline))
        planned.append((commitment_kpis, due, profile, len(reports)))
    PhaseChange.objects.bulk_create(moves, batch_size=1000)
    ProgressReport.objects.bulk_create(reports, batch_size=1000)
    readings = []
    for commitment_kpis, due, profile, end in planned:
        made_reports = reports[end - len(due):end]
        falling = next((kpi for kpi in commitment_kpis if can_regress(kpi)), None) if profile == "regressing" else None
        for kpi in commitment_kpis:
            readings += _readings(kpi, made_reports, profile if kpi is falling or profile != "regressing" else
                                  "behind", rng, today, per_kpi)
    Reading.objects.bulk_create(readings, batch_size=5000)
    return len(readings)


def phase_moves(rng: random.Random, commitment: Commitment, today: datetime.date) -> list[tuple]:
    """(phase, started on, reason) of each move that brought `commitment` to its present phase, none in the
    future: planning from its submission if that came before its start, implementation from its start,
    evaluation from the day after its end, completion some months later."""
    phase, start, end = commitment.phase, commitment.start_date, commitment.end_date
    submitted = timezone.localdate(commitment.submitted_at or commitment.published_at) if (
        commitment.submitted_at or commitment.published_at) else today
    submitted = min(submitted, today)
    if start is None or end is None:
        return [(phase, submitted, "")]
    if phase in ("planning", "development"):
        moves = [("planning", submitted, "")]
        if phase == "development":
            moves.append(("development", max(submitted, today - datetime.timedelta(days=rng.randint(5, 60))), ""))
        return moves
    moves = [("planning", submitted, "")] if submitted < start else []
    moves.append(("implementation", min(start, today), ""))
    if phase in ("evaluation", "completed"):
        moves.append(("evaluation", min(end + datetime.timedelta(days=1), today), ""))
    if phase == "completed":
        moves.append(("completed", min(end + datetime.timedelta(days=rng.randint(90, 179)), today), ""))
    if phase == "discontinued":
        last = min(today, end)
        stopped = start + datetime.timedelta(days=rng.randint(0, max((last - start).days, 0)))
        moves.append(("discontinued", stopped, rng.choice(DISCONTINUED[_language(commitment)])))
    return moves


def _language(commitment: Commitment) -> str:
    return commitment.language if commitment.language in NARRATIVES else "en"


def _profile(rng: random.Random, kpis: list[KPI], due: int) -> str:
    """How a commitment with `due` reports owed reports: a lapsed one reported at least once (and stopped two
    periods ago or more), a regressing one has a KPI that can go the wrong way."""
    profile = rng.choices([name for name, _ in PROFILES], weights=[w for _, w in PROFILES])[0]
    if (profile == "regressing" and not any(can_regress(kpi) for kpi in kpis)) or (profile == "lapsed" and due < 3):
        return "behind"
    return profile


def can_regress(kpi: KPI) -> bool:
    """Whether a reading can go the wrong way within the unit's bounds: below a baseline above zero for a KPI
    to increase, above a baseline below 100 % for a percentage to decrease."""
    if kpi.baseline_value is None or kpi.target_value is None:
        return False
    if kpi.target_value > kpi.baseline_value:
        return kpi.baseline_value > 0
    return kpi.unit != "%" or kpi.baseline_value < 100


def _phase_on(timeline: list[tuple], day: datetime.date, default: str) -> str:
    reached = [phase for phase, started, _reason in timeline if started <= day]
    return reached[-1] if reached else default


def _report(rng: random.Random, commitment: Commitment, period: periods.Period, number: int, profile: str,
            timeline: list[tuple]) -> ProgressReport:
    """A submitted report on `period`, written in the commitment's language, a few weeks after it ended."""
    texts = NARRATIVES[_language(commitment)]
    mood = {"on_track": "good", "regressing": "down"}.get(profile, "slow" if rng.random() < 0.6 else "good")
    narrative = " ".join(rng.sample(texts[mood], 2))
    troubled = mood != "good"
    submitted = datetime.datetime.combine(
        period.end + datetime.timedelta(days=rng.randint(1, 25)),
        datetime.time(rng.randint(7, 18), rng.randint(0, 59)), tzinfo=datetime.UTC)
    return ProgressReport(
        commitment_id=commitment.pk, period_start=period.start, period_end=period.end,
        kind=ProgressReport.Kind.NOTE if number % 2 else ProgressReport.Kind.REPORT,
        phase=_phase_on(timeline, period.end, commitment.phase), narrative=narrative,
        challenges=rng.choice(texts["challenges"]) if troubled else "",
        support_needed=rng.choice(texts["support"]) if troubled and rng.random() < 0.5 else "",
        status=ProgressReport.Status.SUBMITTED, submitted_at=submitted)


def _readings(kpi: KPI, reports: list[ProgressReport], profile: str, rng: random.Random, today: datetime.date,
              per_kpi: int | None) -> list[Reading]:
    """One reading per report (on the period's last day), or `per_kpi` readings spread up to today."""
    if kpi.baseline_value is None or kpi.target_value is None:
        return []
    start = kpi.baseline_date or today - datetime.timedelta(days=720)
    if per_kpi:
        step = max((today - start).days, per_kpi) // per_kpi
        dated = [(start + datetime.timedelta(days=step * (n + 1)), None) for n in range(per_kpi)]
    else:
        dated = [(report.period_end, report) for report in reports]
    if not dated:
        return []
    fractions = _fractions(kpi, [date for date, _report in dated], profile, rng, today)
    return [Reading(kpi_id=kpi.pk, date=date, value=bounded(kpi, fraction), report=report,
                    source=Reading.Source.REPORT if report else Reading.Source.CSV)
            for (date, report), fraction in zip(dated, fractions, strict=True)]


def _fractions(kpi: KPI, dates: list[datetime.date], profile: str, rng: random.Random,
               today: datetime.date) -> list[float]:
    """How far from baseline (0) to target (1) each reading is: ahead of the plan for a commitment on track (its
    newest reading ahead of where the plan is today), behind it otherwise, going back below 0 when regressing;
    never falling back except when regressing."""
    start = kpi.baseline_date or dates[0]
    span = max(((kpi.target_date or today) - start).days, 1)

    def share(day):
        return min(max((day - start).days / span, 0.0), 1.0)

    if profile == "regressing":
        fall = rng.uniform(0.15, 0.4)
        count = len(dates)
        return [0.1 - (0.1 + fall) * (n + 1) / count for n in range(count)]
    pace = rng.uniform(1.0, 1.2) if profile == "on_track" else rng.uniform(0.4, 0.8)
    lead = datetime.timedelta(days=240 if profile == "on_track" else 0)
    found, best = [], 0.0
    for day in dates:
        fraction = min(share(day + lead) * pace + rng.uniform(-0.03, 0.03), 1.05)
        best = max(best, fraction)
        found.append(best)
    return found


def bounded(kpi: KPI, fraction: float) -> Decimal:
    """The value `fraction` of the way from the KPI's baseline to its target, as its unit allows: counts whole
    and never below zero, percentages to a tenth within 0-100."""
    baseline, target = kpi.baseline_value, kpi.target_value
    value = baseline + (target - baseline) * Decimal(str(round(fraction, 4)))
    if kpi.unit == "%":
        return min(max(value, Decimal(0)), Decimal(100)).quantize(TENTH)
    return max(value, Decimal(0)).quantize(WHOLE)
