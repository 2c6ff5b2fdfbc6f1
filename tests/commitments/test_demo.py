"""The default demo (`seed_demo`, 300 commitments) reads as real data: actors act where they live, in their
language, under names no generator numbered; titles never repeat; phases follow today's date; readings stay
within their units; every progress case shows; and the actors' members receive the platform's reminders."""

import datetime
import re
from collections import defaultdict

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from actionagenda.accounts.models import Actor
from actionagenda.commitments import demo_places
from actionagenda.commitments.models import Commitment
from actionagenda.progress import reminders
from actionagenda.progress.models import KPIProgress, PhaseChange, ProgressReport, Reading, Scorecard

# One seeded demo for the module: its tests stay on one worker when the suite runs in parallel (pytest-xdist).
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("commitments-demo")]
RESERVED_DOMAINS = re.compile(r"@([a-z0-9-]+\.)*example\.(org|net|com)$")


@pytest.fixture(scope="module", autouse=True)
def default_demo(django_db_setup, django_db_blocker):
    """The default demo, made once for the module and rolled back after it (each test runs inside it)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", verbosity=0)
        yield
        transaction.set_rollback(True)


def test_every_commitment_acts_in_its_actors_country_and_a_local_government_nowhere_else():
    languages = defaultdict(set)
    for key, country in demo_places.COUNTRIES.items():
        languages[demo_places.country_code(key)].add(country.language)
    commitments = Commitment.objects.select_related("actor").prefetch_related("countries")
    assert commitments.count() == 300
    for commitment in commitments:
        actor = commitment.actor
        codes = {term.code for term in commitment.countries.all()}
        assert actor.country.code in codes, (commitment.title, actor.name, codes)
        if actor.kind == Actor.Kind.LOCAL_GOVERNMENT or commitment.scale not in ("regional", "global"):
            assert codes == {actor.country.code}, (commitment.title, commitment.scale, codes)
        assert commitment.language in languages[actor.country.code], (commitment.title, actor.country.code)


def test_no_name_is_numbered_and_no_title_or_actor_repeats():
    names = list(Actor.objects.values_list("name", flat=True))
    assert not [name for name in names if re.search(r"\d", name)]
    assert len(names) == len(set(names))
    titles = list(Commitment.objects.values_list("title", flat=True))
    assert len(titles) == len(set(titles))


def test_every_commitment_was_registered_while_it_still_had_half_a_year_to_run():
    late = [(title, published.date(), end) for title, published, end in
            Commitment.objects.values_list("title", "published_at", "end_date")
            if end <= published.date() + datetime.timedelta(days=180)]
    assert not late


def test_a_title_that_says_regional_belongs_to_a_regional_commitment_never_to_a_global_one():
    scales = defaultdict(set)
    for title, scale in Commitment.objects.values_list("title", "scale"):
        if re.search(r"\br[ée]gi[oó]n", title, re.IGNORECASE):
            scales[scale].add(title)
    assert scales["regional"]  # the demo has such titles, on regional commitments
    assert not scales["global"], scales["global"]


def test_individuals_show_the_name_of_the_person_who_is_their_member():
    individuals = Actor.objects.filter(kind=Actor.Kind.INDIVIDUAL).prefetch_related("members")
    assert individuals.exists()
    for actor in individuals:
        assert actor.name and [member.name for member in actor.members.all()] == [actor.name]


def test_phases_follow_where_today_falls_between_the_start_and_the_end():
    today = timezone.localdate()
    moves = defaultdict(list)
    for commitment_id, phase, started in PhaseChange.objects.order_by("started_on", "pk").values_list(
            "commitment_id", "phase", "started_on"):
        moves[commitment_id].append((phase, started))
    seen = set()
    for commitment in Commitment.objects.all():
        start, end, phase = commitment.start_date, commitment.end_date, commitment.phase
        assert start < end
        if start > today:
            assert phase in ("planning", "development"), (start, end, phase)
        elif end > today:
            assert phase in ("implementation", "discontinued"), (start, end, phase)
        else:
            assert phase in ("evaluation", "completed", "discontinued"), (start, end, phase)
        timeline = moves[commitment.pk]
        assert timeline[-1][0] == phase and all(day <= today for _phase, day in timeline)
        seen.add(phase)
    assert {"planning", "implementation", "evaluation", "completed"} <= seen


def within_unit(kpi, value) -> bool:
    """Counts are whole and never negative; percentages lie within 0-100."""
    if kpi.unit == "%":
        return 0 <= value <= 100
    return value >= 0 and value == int(value)


def test_readings_and_targets_stay_within_what_their_unit_allows():
    readings = list(Reading.objects.select_related("kpi"))
    assert len(readings) > 300
    for reading in readings:
        kpi = reading.kpi
        for value in (reading.value, kpi.baseline_value, kpi.target_value):
            assert within_unit(kpi, value), (kpi.name, kpi.unit, value)


def test_every_progress_case_shows_with_readings_a_report_could_hold(client):
    plausible = defaultdict(lambda: True)
    for reading in Reading.objects.select_related("kpi"):
        plausible[reading.kpi_id] &= within_unit(reading.kpi, reading.value)
    states = {state for kpi_id, state in KPIProgress.objects.values_list("kpi_id", "state") if plausible[kpi_id]}
    assert states == {"achieved", "on_track", "at_risk", "off_track", "regressing", "no_data"}
    # Reported every period, one report late, two or more missing: lapsed and silent commitments are red.
    assert set(Scorecard.objects.values_list("traffic_light", flat=True)) == {"green", "amber", "red"}
    reported = set(ProgressReport.objects.values_list("commitment_id", flat=True))
    red = set(Scorecard.objects.filter(traffic_light="red").values_list("commitment_id", flat=True))
    assert red & reported and red - reported  # stopped reporting; never reported
    html = client.get("/en/commitments/").content.decode()
    for label in ("Achieved", "On track", "At risk", "Off track", "Regressing", "No data"):
        assert f">{label}<" in html or f">{label} " in html, label


def test_reports_are_varied_and_written_in_the_commitments_language():
    narratives = defaultdict(set)
    for language, narrative in ProgressReport.objects.values_list("commitment__language", "narrative"):
        narratives[language].add(narrative)
    assert set(narratives) == {"en", "fr", "es"}
    assert all(len(texts) >= 10 for texts in narratives.values())
    assert not narratives["en"] & narratives["fr"] and not narratives["en"] & narratives["es"]


def test_every_actor_has_members_with_reserved_addresses_and_no_password():
    actors = Actor.objects.prefetch_related("members")
    for actor in actors:
        members = list(actor.members.all())
        assert members, actor.name
        for member in members:
            assert RESERVED_DOMAINS.search(member.email), member.email
            assert not member.has_usable_password()
            assert member.name


def test_members_get_the_next_progress_reminders_and_those_already_due_count_as_sent():
    today = timezone.localdate()
    assert reminders.plan(today) == []  # the demo's story began before today: those went already
    members = set(Actor.members.through.objects.values_list("user__email", flat=True))
    mail.outbox.clear()
    for days in range(1, 31):
        if reminders.send_due(today + datetime.timedelta(days=days)):
            break
    assert mail.outbox
    assert {address for message in mail.outbox for address in message.to} <= members


def test_a_second_run_adds_actors_whose_members_get_addresses_of_their_own():
    from actionagenda.accounts.models import User
    from actionagenda.commitments import demo

    before = User.objects.count()
    assert demo.generate(30, seed=7) == 30
    emails = list(User.objects.values_list("email", flat=True))
    assert len(emails) > before and len(emails) == len(set(emails))
