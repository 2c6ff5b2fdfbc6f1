import datetime
from decimal import Decimal

import pytest

from actionagenda.commitments import smart, workflow
from actionagenda.commitments.models import Commitment
from actionagenda.commitments.smart import CommitmentData, KPIData, assess
from factories import ActorFactory, CommitmentFactory, UserFactory


def complete(**changes) -> CommitmentData:
    data = CommitmentData(
        title="Biosafety radio in every district",
        description="Weekly radio programmes on living modified organisms for farmers in all 47 counties, "
                    "with call-in shows answering questions from listeners.",
        countries=["KE"], audiences=["farmers"], action_areas=["BIOSAFETY"], gbf_targets=["GBF-17"],
        start_date=datetime.date(2025, 1, 1), end_date=datetime.date(2027, 12, 31),
        resources="Two producers and airtime donated by the national broadcaster.",
        kpis=[KPIData("Listeners reached", "people", Decimal("0"), datetime.date(2025, 1, 1), Decimal("100000"),
                      datetime.date(2027, 12, 31))])
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def criterion(assessment, key):
    return next(c for c in assessment.criteria if c.key == key)


def test_a_complete_commitment_meets_all_five_criteria_and_can_be_submitted():
    assessment = assess(complete())
    assert [c.key for c in assessment.criteria] == ["specific", "measurable", "achievable", "relevant", "time_bound"]
    assert assessment.passed == 5 and assessment.can_submit


def test_it_asks_for_a_longer_description_and_an_audience_to_be_specific():
    missing = criterion(assess(complete(description="Radio.", countries=[], audiences=[])), "specific").missing
    assert any("at least 80 characters" in str(m) for m in missing)
    assert any("target audiences or the countries" in str(m) for m in missing)


def test_a_kpi_without_numeric_target_blocks_submission():
    kpi = KPIData("Listeners reached", "people", Decimal("0"), None, None, None)
    assessment = assess(complete(kpis=[kpi]))
    measurable = criterion(assessment, "measurable")
    assert not measurable.passed
    assert any("numeric baseline value and a numeric target" in str(m) for m in assessment.blocking)


def test_no_kpi_at_all_is_named_as_missing():
    assessment = assess(complete(kpis=[]))
    assert any("Add at least one KPI" in str(m) for m in criterion(assessment, "measurable").missing)


def test_a_zero_baseline_counts_as_a_number():
    assert criterion(assess(complete()), "measurable").passed


def test_a_kpi_without_unit_is_guidance_not_a_blocker():
    kpi = KPIData("Listeners reached", "", Decimal("0"), None, Decimal("5"), datetime.date(2026, 1, 1))
    assessment = assess(complete(kpis=[kpi]))
    assert any("unit" in str(m) for m in criterion(assessment, "measurable").missing)
    assert assessment.can_submit


def test_achievable_needs_resources_or_partners():
    assert not criterion(assess(complete(resources="", partners="")), "achievable").passed
    assert criterion(assess(complete(resources="", partners="University of Nairobi")), "achievable").passed


def test_relevance_needs_a_gbf_target_or_ip_element():
    assessment = assess(complete(gbf_targets=[], ip_elements=[]))
    assert any("GBF target or Implementation Plan element" in str(m) for m in assessment.blocking)
    assert assess(complete(gbf_targets=[], ip_elements=["IP-PAEP"])).can_submit


def test_it_suggests_target_17_and_the_biosafety_action_area():
    missing = criterion(assess(complete(gbf_targets=["GBF-20"], action_areas=[])), "relevant").missing
    assert any("Target 17" in str(m) for m in missing) and any("Biosafety action area" in str(m) for m in missing)


def test_an_end_before_the_start_blocks_submission():
    assessment = assess(complete(end_date=datetime.date(2024, 1, 1)))
    assert any("end date must come after" in str(m) for m in assessment.blocking)


def test_dates_outside_1990_2100_block_submission():
    assessment = assess(complete(start_date=datetime.date(1989, 12, 31), end_date=datetime.date(2101, 1, 1)))
    assert sum("between 1990 and 2100" in str(m) for m in assessment.blocking) == 2


def test_a_kpi_target_date_outside_the_period_is_pointed_out():
    kpi = KPIData("Listeners reached", "people", Decimal("0"), None, Decimal("5"), datetime.date(2030, 1, 1))
    missing = criterion(assess(complete(kpis=[kpi])), "time_bound").missing
    assert any("falls outside" in str(m) for m in missing)


def test_each_must_have_names_the_field_it_is_about():
    assessment = assess(complete(kpis=[], gbf_targets=[], start_date=None, end_date=datetime.date(1980, 1, 1)))
    assert {(problem.field, str(problem)[:20]) for problem in assessment.blocking} == {
        ("kpis", "Add at least one KPI"), ("gbf_targets", "Link at least one GB"), ("start_date", "Give a start date."),
        ("end_date", "Dates must be betwee")}
    assert all(problem in criterion(assessment, "time_bound").missing for problem in assessment.blocking
               if problem.field.endswith("_date"))


def test_messages_follow_the_active_language():
    from django.utils import translation

    with translation.override("fr"):
        labels = [str(c.label) for c in assess(complete()).criteria]
    assert labels == ["Spécifique", "Mesurable", "Atteignable", "Pertinent", "Temporellement défini"]


@pytest.mark.django_db
def test_the_workflow_refuses_to_submit_a_commitment_failing_the_must_haves():
    author = UserFactory()
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]), status="draft", published_at=None,
                                   kpi=False, links={"gbf_targets": [], "ip_elements": []})
    with pytest.raises(workflow.TransitionNotAllowed) as refusal:
        workflow.apply(commitment, "submit", author)
    assert len(refusal.value.reasons) == 2
    assert Commitment.objects.get(pk=commitment.pk).status == "draft"


@pytest.mark.django_db
def test_the_assessment_reads_a_stored_commitment():
    commitment = CommitmentFactory()
    assert smart.assess(smart.data_from_commitment(commitment)).can_submit
