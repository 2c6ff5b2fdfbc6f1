"""The statistics against figures counted by hand on a small fixture (tests/stats/fixtures.py), on whichever
database the suite runs on (SQLite, or PostgreSQL with DATABASE_URL)."""

import datetime
from decimal import Decimal

import pytest
from stats.fixtures import TODAY, make

from actionagenda.commitments import explore, workflow
from actionagenda.progress import services
from actionagenda.progress.models import Reading
from actionagenda.stats import figures

pytestmark = pytest.mark.django_db


def stats(**filters) -> dict:
    return figures.for_query(explore.parse({name: value if isinstance(value, list) else [value]
                                            for name, value in filters.items()}))


@pytest.fixture
def data():
    return make()


def test_totals_count_published_commitments_their_actors_countries_and_kpis(data):
    found = stats()
    assert (found["total"], found["actors"], found["countries"], found["kpis"]) == (4, 3, 4, 5)


def test_every_breakdown_matches_the_hand_count(data):
    by = stats()["by"]
    assert by["actor_type"] == {"organization": 3, "business": 1}
    assert by["organization_type"] == {"ngo": 2, "academic": 1}
    assert by["country"] == {"KE": 2, "UG": 1, "FR": 1, "PE": 1}
    assert by["region"] == {"002": 2, "150": 1, "019": 1}
    assert by["gbf_target"] == {"GBF-17": 3, "GBF-20": 1, "GBF-21": 1}
    assert by["ip_element"] == {"IP-PAEP": 3, "IP-RA": 1}
    assert by["action_area"] == {"BIOSAFETY": 4}
    assert by["phase"] == {"planning": 1, "implementation": 2, "evaluation": 1}
    assert by["scale"] == {"local": 1, "national": 2, "global": 1}
    assert by["language"] == {"en": 1, "fr": 2, "es": 1}


def test_commitments_over_time_fill_every_month_from_the_first_to_the_last(data):
    assert stats()["cumulative"] == [("2025-01", 1, 1), ("2025-02", 0, 1), ("2025-03", 2, 3), ("2025-04", 0, 3),
                                     ("2025-05", 0, 3), ("2025-06", 1, 4)]


def test_kpi_states_and_reporting_come_from_the_scorecards(data):
    found = stats()
    assert found["kpi_states"] == {"achieved": 2, "on_track": 0, "at_risk": 0, "off_track": 0, "regressing": 1,
                                   "no_data": 2}
    # Commitments with at least one KPI in a state (the explore facet): Uganda has one regressing, one without data.
    assert found["by"]["kpi_state"] == {"achieved": 2, "regressing": 1, "no_data": 2}
    # No report since 2025 against a quarterly cadence: two or more overdue for all four.
    assert found["by"]["traffic_light"] == {"red": 4}


def test_kpi_totals_add_up_units_that_agree_and_leave_percentages_out(data):
    found = stats()
    assert found["kpi_totals"] == [
        {"unit": "Laboratory", "kpis": 2, "commitments": 2, "baseline": Decimal(1), "with_baseline": 2,
         "target": Decimal(8), "with_target": 2, "latest": Decimal(5), "with_latest": 1},
        {"unit": "People", "kpis": 2, "commitments": 2, "baseline": Decimal(10), "with_baseline": 2,
         "target": Decimal(150), "with_target": 2, "latest": Decimal(120), "with_latest": 1},
    ]
    assert found["kpis_not_added"] == 1


def test_filters_are_the_explore_query(data):
    kenya = stats(country="KE")
    assert (kenya["total"], kenya["actors"], kenya["countries"], kenya["kpis"]) == (2, 1, 2, 3)
    assert kenya["by"]["organization_type"] == {"ngo": 2}
    assert kenya["cumulative"] == [("2025-01", 1, 1), ("2025-02", 0, 1), ("2025-03", 1, 2)]
    assert [(row["unit"], row["target"], row["latest"]) for row in kenya["kpi_totals"]] == [
        ("People", Decimal(150), Decimal(120))]
    assert kenya["kpis_not_added"] == 1
    assert stats(gbf_target="GBF-21", language="fr")["by"]["country"] == {"FR": 1}
    assert stats(country=["FR", "PE"])["total"] == 2
    assert stats(search="Laboratory")["total"] == 0
    assert stats(kpi_state="regressing")["total"] == 1


def test_a_new_reading_moves_the_totals_though_no_facet_changes(data):
    stats()
    Reading.objects.create(kpi=data["people"], date=datetime.date(2026, 4, 1), value=Decimal("130.5"),
                           source=Reading.Source.FORM)
    assert services.refresh([data["kenya"].pk], today=TODAY) is False  # still achieved: the facets stand
    people = next(row for row in stats()["kpi_totals"] if row["unit"] == "People")
    assert people["latest"] == Decimal("130.5")


def test_a_publication_is_counted_on_the_next_request(data, secretariat):
    stats()
    submitted = data["draft"]
    submitted.status = "submitted"
    submitted.save()
    workflow.apply(submitted, workflow.Action.PUBLISH, secretariat)
    found = stats()
    assert found["total"] == 5 and found["by"]["country"]["BR"] == 1


def test_the_figures_of_a_query_are_computed_once_per_data_version(data, django_assert_num_queries):
    stats(country="KE")
    with django_assert_num_queries(1):  # the facet index's version; base and figures come from the cache
        stats(country="KE")
