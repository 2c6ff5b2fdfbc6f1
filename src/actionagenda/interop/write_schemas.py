"""The bodies of the write API: field names of DESIGN.md's public API, values as partners send them.

Only the shape is checked here (a date is a date, a list a list, no field the API does not know); what a value
may be is the commitment forms' rule, applied by `write_input`, so that the API and the site refuse the same things.
"""

import datetime
from typing import Literal

from ninja import Schema
from pydantic import ConfigDict, Field

from actionagenda.commitments.forms import MAX_INTERIM_TARGETS, MAX_KPIS
from actionagenda.commitments.models import BCHReference
from actionagenda.progress.choices import Cadence, Direction
from actionagenda.vocabularies import catalogue

Number = str | int | float  # a decimal string keeps every digit


def _codes(vocabulary) -> str:
    return ", ".join(vocabulary.codes)


class Strict(Schema):
    # A field the API does not know is refused, named: a misspelt field is never silently dropped.
    model_config = ConfigDict(extra="forbid")


class MeasureIn(Strict):
    value: Number | None = None
    date: datetime.date | None = None


class InterimTargetIn(Strict):
    value: Number
    date: datetime.date = Field(description="Between the baseline date and the target date")
    phase: str = Field("", description="The phase this target closes: " + _codes(catalogue.PHASES))


class PartnerIn(Strict):
    name: str
    url: str = ""


class BCHRecordIn(Strict):
    record_type: str = Field(description="The BCH record type: " + _codes(catalogue.BCH_RECORD_TYPES))
    identifier: str | None = Field(None, description="Its BCH identifier, such as BCH-LMO-SCBD-14786-6")
    url: str | None = Field(None, description="Or the address of its page on bch.cbd.int")


class KPIIn(Strict):
    id: int | None = Field(None, description="In a PATCH: the KPI of the commitment this row changes (`kpis[].id` "
                                             "of the record); without it the row is a new KPI")
    name: str | None = None
    unit: str | None = None
    baseline: Number | MeasureIn | None = Field(None, description="The value at the start, or `{value, date}` as "
                                                                  "the record shows it")
    baseline_date: datetime.date | None = None
    target: Number | MeasureIn | None = Field(None, description="The value to reach, or `{value, date}`")
    target_date: datetime.date | None = None
    current: Number | None = Field(None, description="The value today: recorded as a reading dated today "
                                                     "(before publication only; then file a progress report)")
    direction: str | None = Field(None, description=", ".join(Direction.values) + "; derived from the baseline "
                                                                                   "and the target when empty")
    cumulative: bool | None = Field(None, description="Readings add up (people trained per quarter) rather than "
                                                      "each being the level reached")
    tolerance: Number | None = Field(None, description="For a value to maintain: how far a reading may be")
    weight: Number | None = Field(None, description="Its share of the overall progress (default 1)")
    interim_targets: list[InterimTargetIn] | None = Field(None, max_length=MAX_INTERIM_TARGETS)


class CommitmentFields(Strict):
    """Every field a write may send. Text is plain text or Markdown: HTML tags are removed."""

    organization_type: str | None = Field(None, description="For an organisation: "
                                                            + _codes(catalogue.ORGANIZATION_TYPES))
    actor_name: str | None = Field(None, description="The actor's public name. An organisation, business or local "
                                                     "government of yours with this name and type is reused")
    actor_anonymous: bool | None = Field(None, description="For an individual: shown as an anonymous participant")
    actor_website: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code of the actor; also where the "
                                                  "commitment acts unless `countries` is given")
    countries: list[str] | None = Field(None, description="ISO 3166-1 alpha-2 codes of the countries where it acts")
    sector: str | None = Field(None, description="For a business: " + _codes(catalogue.BUSINESS_SECTORS))
    size: str | None = Field(None, description="For a business: " + _codes(catalogue.BUSINESS_SIZES))
    supply_chain_scope: str | None = Field(None, description="For a business: "
                                                             + _codes(catalogue.SUPPLY_CHAIN_SCOPES))
    government_level: str | None = Field(None, description="For a local government: "
                                                           + _codes(catalogue.GOVERNMENT_LEVELS))
    population_served: int | None = None
    language: str | None = Field(None, description=_codes(catalogue.LANGUAGES))
    title: str | None = None
    description: str | None = Field(None, description="What you will do, for whom and how (Markdown)")
    action_area: str | None = Field(None, description="One action area: " + _codes(catalogue.ACTION_AREAS))
    action_areas: list[str] | None = Field(None, description="Several action areas")
    gbf_targets: list[str] | None = Field(None, description=_codes(catalogue.GBF_TARGETS))
    implementation_plan_elements: list[str] | None = Field(None, description=_codes(catalogue.IP_ELEMENTS))
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    phase: str | None = Field(None, description=_codes(catalogue.PHASES) + " (before publication; then a progress "
                                                                           "report moves it)")
    scale: str | None = Field(None, description=_codes(catalogue.SCALES))
    target_audiences: list[str] | None = Field(None, description="Audience codes (" + _codes(catalogue.AUDIENCES)
                                               + ") or names in your own words, in any language: those are kept as "
                                                 "written, and the code one names is linked too")
    partners: str | list[str | PartnerIn] | None = Field(None, description="Names, `{name, url}`, or text")
    resources: str | None = None
    expected_impact: str | None = None
    website: str | None = None
    contact_name: str | None = None
    contact_email: str | None = Field(None, description="Receives the secretariat's notices once its owner "
                                                        "confirms (an e-mail is sent); never published by the API")
    contact_public: bool | None = Field(None, description="Show the contact on the public page")
    reporting_cadence: str | None = Field(None, description="How often progress is reported once published: "
                                                            + ", ".join(Cadence.values) + " (quarterly when not "
                                                            "given)")
    kpis: list[KPIIn] | None = Field(None, max_length=MAX_KPIS, description="In a PATCH: the whole list (a KPI "
                                                                             "left out is removed)")
    bch_records: list[BCHRecordIn] | None = Field(None, max_length=BCHReference.MAX_PER_COMMITMENT,
                                                  description="Biosafety Clearing-House records the commitment "
                                                              "cites, each by identifier or address; in a PATCH, "
                                                              "the whole list")


def example(body: dict) -> dict:
    """An operation's `openapi_extra` showing `body` as the example of its JSON body."""
    return {"requestBody": {"content": {"application/json": {"example": body}}}}


EXAMPLE = {
    "actor_type": "organization", "organization_type": "ngo", "actor_name": "Kenya Biosafety Network",
    "country": "KE", "language": "en", "title": "Biosafety radio in every county",
    "description": "Weekly radio programmes on living modified organisms for farmers in all 47 counties, with "
                   "call-in shows answering questions from listeners.",
    "action_area": "BIOSAFETY", "gbf_targets": ["GBF-17"], "implementation_plan_elements": ["IP-PAEP"],
    "start_date": "2026-01-01", "end_date": "2028-12-31", "phase": "planning", "scale": "national",
    "target_audiences": ["farmers", "Agriculteurs", "Seed companies"],
    "partners": ["Radio Citizen", {"name": "KEPHIS", "url": "https://www.kephis.org"}],
    "kpis": [{"name": "Listeners reached", "unit": "people", "baseline": 0, "baseline_date": "2026-01-01",
              "target": "100000", "target_date": "2028-12-31", "current": 1200}],
}
PATCH_EXAMPLE = {"title": "Biosafety radio in every county and school", "version": 3}


ActorType = Literal[tuple(catalogue.ACTOR_TYPES.codes)]


class CommitmentIn(CommitmentFields):
    actor_type: ActorType = Field(description="Which of the site's four forms checks the commitment")


class CommitmentPatch(CommitmentFields):
    """The fields to change; the others stay. `null` empties a field."""

    actor_type: ActorType | None = Field(None, description="Cannot change; when sent it must be the commitment's")
    version: int | None = Field(None, description="The `version` you read: a commitment changed since is refused "
                                                  "409 (or send `If-Match`)")
    status: Literal["submitted"] | None = Field(None, description="Submit a draft or a returned commitment "
                                                                  "after the change")
