"""Commitments written in the CBD Action Agenda's action schema (v2019), for `?format=cbd` on the API.

The record keeps the schema's parts (`actor`, `action {name, description}`, `actionDetails {actionCategories,
operationalAreas, gbfTargets, sdgs}`, `partners[] {name, url}`) and its conventions: texts are keyed by language
(`{"en": "..."}`), thesaurus terms are `{"identifier": ...}` with the CBD's identifiers (vocabularies.cbd). What the
schema has no place for (KPIs, Implementation Plan elements, progress) stays in our own format. `interop.cbd_import`
reads the same shape back.
"""

import datetime

from pydantic import BaseModel, Field

from actionagenda.commitments import partners
from actionagenda.vocabularies import cbd


class CBDTerm(BaseModel):
    identifier: str


class CBDActor(BaseModel):
    name: str
    type: str = Field(description="individual, organization, business or local_government")
    organizationType: str = Field(description="Our organisation type code, empty for other actors")
    country: CBDTerm | None = Field(description="ISO 3166-1 alpha-2, lower case as in the CBD thesaurus")


class CBDAction(BaseModel):
    name: dict[str, str] = Field(description="The title, keyed by its language (ISO 639-1)")
    description: dict[str, str] = Field(description="The description (Markdown), keyed by its language")
    startDate: datetime.date | None
    endDate: datetime.date | None
    website: str


class CBDActionDetails(BaseModel):
    actionCategories: list[CBDTerm] = Field(description="Action Agenda category identifiers, e.g. BIOSAFETY")
    subjects: list[CBDTerm] = Field(description="The CBD subject terms of those categories, e.g. CBD-SUBJECT-CPB")
    operationalAreas: list[CBDTerm] = Field(description="Countries, ISO 3166-1 alpha-2 in lower case, e.g. ke")
    gbfTargets: list[CBDTerm] = Field(description="CBD thesaurus GBF targets, e.g. GBF-TARGET-17")
    sdgs: list[CBDTerm] = Field(description="Always empty: the platform records no SDGs")


class CBDPartner(BaseModel):
    name: str
    url: str


class CBDActionRecord(BaseModel):
    """A published commitment as a CBD Action Agenda action."""

    identifier: str = Field(description="The commitment's id on this platform")
    url: str = Field(description="Its page on this platform")
    actor: CBDActor
    action: CBDAction
    actionDetails: CBDActionDetails
    partners: list[CBDPartner]


def _terms(identifiers) -> list[dict]:
    return [{"identifier": identifier} for identifier in dict.fromkeys(identifiers)]


def record(item: dict) -> dict:
    """The CBD action for one commitment as the API lists it (commitments_api.item)."""
    actor = item["actor"]
    language = item["language"]
    return {
        "identifier": str(item["id"]),
        "url": item["url"],
        "actor": {"name": actor["name"], "type": actor["type"], "organizationType": actor["organization_type"],
                  "country": {"identifier": cbd.cbd_country(actor["country"])} if actor["country"] else None},
        "action": {"name": {language: item["title"]}, "description": {language: item["description"]},
                   "startDate": item["start_date"], "endDate": item["end_date"], "website": item["website"]},
        "actionDetails": {
            "actionCategories": _terms(item["action_areas"]),
            "subjects": _terms(subject for area in item["action_areas"] for subject in cbd.subjects(area)),
            "operationalAreas": _terms(cbd.cbd_country(code) for code in item["countries"]),
            "gbfTargets": _terms(cbd.cbd_gbf_target(code) for code in item["gbf_targets"]),
            "sdgs": [],
        },
        "partners": partners.parse(item["partners"]),
    }
