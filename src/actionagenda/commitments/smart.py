"""The SMART assessment of a commitment: derived from its data every time, never stored.

`assess` is a pure function over plain data (`CommitmentData`), so the live panel can run it on a form that
has not been saved and the submit step can run it on the stored commitment: one rule for the site and the API.
Must-haves (`Assessment.blocking`, each a `MustHave` naming its field) stop a submission; the rest is guidance.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from actionagenda.vocabularies import catalogue

from .models import EARLIEST_DATE_YEAR, LATEST_DATE_YEAR, date_in_range, date_order_problem

# The commitment fields whose absence alone blocks a submission (see `_time_bound`); forms mark them.
FIELDS_NEEDED_TO_SUBMIT = ("start_date", "end_date")
MIN_TITLE_LENGTH = 10
MIN_DESCRIPTION_LENGTH = 80


@dataclass
class KPIData:
    name: str = ""
    unit: str = ""
    baseline_value: Decimal | None = None
    baseline_date: datetime.date | None = None
    target_value: Decimal | None = None
    target_date: datetime.date | None = None


@dataclass
class CommitmentData:
    """What the assessment reads; vocabulary fields hold codes."""

    title: str = ""
    description: str = ""
    countries: list[str] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    action_areas: list[str] = field(default_factory=list)
    gbf_targets: list[str] = field(default_factory=list)
    ip_elements: list[str] = field(default_factory=list)
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    resources: str = ""
    partners: str = ""
    kpis: list[KPIData] = field(default_factory=list)


class MustHave(str):
    """A must-have problem: its message (in the language active when assessed), and the field it is about (a
    form field's name: the API points to it)."""

    field: str

    def __new__(cls, message, field_name: str):
        problem = super().__new__(cls, str(message))
        problem.field = field_name
        return problem


def _must_have(blocking: list, missing: list, message, field_name: str) -> None:
    problem = MustHave(message, field_name)
    missing.append(problem)
    blocking.append(problem)


@dataclass
class Criterion:
    key: str
    label: Promise | str
    missing: list = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.missing


@dataclass
class Assessment:
    criteria: list[Criterion]
    blocking: list = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(criterion.passed for criterion in self.criteria)

    @property
    def can_submit(self) -> bool:
        return not self.blocking


def assess(data: CommitmentData) -> Assessment:
    """The five SMART criteria with what is missing for each, and the must-have problems blocking submission."""
    blocking: list = []
    criteria = [
        Criterion("specific", _("Specific"), _specific(data)),
        Criterion("measurable", _("Measurable"), _measurable(data, blocking)),
        Criterion("achievable", _("Achievable"), _achievable(data)),
        Criterion("relevant", _("Relevant"), _relevant(data, blocking)),
        Criterion("time_bound", _("Time-bound"), _time_bound(data, blocking)),
    ]
    return Assessment(criteria, blocking)


def must_have_problems(data: CommitmentData) -> list:
    """The reasons a commitment cannot be submitted yet (empty when it can)."""
    return assess(data).blocking


def _specific(data: CommitmentData) -> list:
    missing = []
    if len(data.title.strip()) < MIN_TITLE_LENGTH:
        missing.append(ngettext("Give a title of at least %(n)d character that says what you will do.",
                                "Give a title of at least %(n)d characters that says what you will do.",
                                MIN_TITLE_LENGTH) % {"n": MIN_TITLE_LENGTH})
    if len(data.description.strip()) < MIN_DESCRIPTION_LENGTH:
        missing.append(ngettext("Describe what you will do, for whom and how in at least %(n)d character.",
                                "Describe what you will do, for whom and how in at least %(n)d characters.",
                                MIN_DESCRIPTION_LENGTH) % {"n": MIN_DESCRIPTION_LENGTH})
    if not data.audiences and not data.countries:
        missing.append(_("Name the target audiences or the countries where you will act."))
    return missing


def _complete_kpis(data: CommitmentData) -> list[KPIData]:
    return [kpi for kpi in data.kpis
            if kpi.name.strip() and kpi.baseline_value is not None and kpi.target_value is not None]


def _measurable(data: CommitmentData, blocking: list) -> list:
    missing = []
    named = [kpi for kpi in data.kpis if kpi.name.strip()]
    if not _complete_kpis(data):
        message = (_("Give at least one KPI a numeric baseline value and a numeric target value.") if named
                   else _("Add at least one KPI (key performance indicator) with a baseline and a target."))
        _must_have(blocking, missing, message, "kpis")
    for kpi in named:
        if not kpi.unit.strip():
            missing.append(_("Say in which unit “%(kpi)s” is counted.") % {"kpi": kpi.name})
    return missing


def _achievable(data: CommitmentData) -> list:
    if data.resources.strip() or data.partners.strip():
        return []
    return [_("State the resources (people, funding, in-kind) or the partners that make this achievable.")]


def _relevant(data: CommitmentData, blocking: list) -> list:
    missing = []
    if not data.gbf_targets and not data.ip_elements:
        _must_have(blocking, missing, _("Link at least one GBF target or Implementation Plan element."),
                   "gbf_targets")
    elif catalogue.PRIMARY_GBF_TARGET not in data.gbf_targets:
        missing.append(_("Consider GBF Target 17 (biosafety), the target this Action Agenda serves."))
    if catalogue.DEFAULT_ACTION_AREA not in data.action_areas:
        missing.append(_("Choose the Biosafety action area."))
    return missing


def _time_bound(data: CommitmentData, blocking: list) -> list:
    missing = []
    for name, date, absent in (("start_date", data.start_date, _("Give a start date.")),
                               ("end_date", data.end_date, _("Give an end date."))):
        if date is None:
            _must_have(blocking, missing, absent, name)
        elif not date_in_range(date):
            _must_have(blocking, missing, _("Dates must be between %(first)d and %(last)d; %(date)s is not.") % {
                "first": EARLIEST_DATE_YEAR, "last": LATEST_DATE_YEAR, "date": date_format(date)}, name)
    if message := date_order_problem(data.start_date, data.end_date):
        _must_have(blocking, missing, message, "end_date")
    for kpi in data.kpis:
        if not kpi.name.strip():
            continue
        if kpi.target_date is None:
            missing.append(_("Give “%(kpi)s” a target date.") % {"kpi": kpi.name})
        elif data.start_date and data.end_date and not data.start_date <= kpi.target_date <= data.end_date:
            missing.append(_("The target date of “%(kpi)s” falls outside the commitment's period.")
                           % {"kpi": kpi.name})
    return missing


def data_from_commitment(commitment) -> CommitmentData:
    """The assessment's view of a stored commitment."""
    def codes(manager):
        return [term.code for term in manager.all()]

    return CommitmentData(
        title=commitment.title, description=commitment.description, countries=codes(commitment.countries),
        audiences=codes(commitment.audiences), action_areas=codes(commitment.action_areas),
        gbf_targets=codes(commitment.gbf_targets), ip_elements=codes(commitment.ip_elements),
        start_date=commitment.start_date, end_date=commitment.end_date, resources=commitment.resources,
        partners=commitment.partners,
        kpis=[KPIData(kpi.name, kpi.unit, kpi.baseline_value, kpi.baseline_date, kpi.target_value,
                      kpi.target_date) for kpi in commitment.kpis.all()])
