"""Actions in the CBD Action Agenda's schema imported as partner commitments (`actionagenda import-cbd-actions`).

`parse` is pure: it maps each record of a JSON array (the shape the CBD API returns; a page `{"items": [...]}` as
our `?format=cbd` gives is read too) to what a commitment holds, or says why it cannot, naming each field, so that
one record it cannot map is reported and the others go on. It reads what `cbd_format` writes, and the CBD's own
variants: texts as strings or keyed by language, terms as identifiers or `{"identifier": ...}`, our codes or the CBD
thesaurus identifiers. Everything a record says that the platform records is mapped, or the record is refused:
an unknown category, GBF target, country or actor type is a reason, never silently dropped. Subjects that stand for
no action category and SDGs have no field here: they stay in the record kept as received.

`save` writes one mapped record, all or nothing, keyed by its source and its identifier there: importing the same
record again changes nothing, a changed one updates its commitment, and the record as received is kept with it
(interop.PartnerRecord) for its provenance, without the personal data it may carry (`contacts`, e-mail addresses,
telephone numbers), which the platform does not map and has no reason to hold.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from functools import cache

from django.core.exceptions import ValidationError
from django.db import transaction
from django_countries import countries as iso_countries

from actionagenda.accounts.models import Actor
from actionagenda.commitments import partners
from actionagenda.commitments import services as commitments
from actionagenda.vocabularies import catalogue, cbd

from .models import PartnerRecord, PartnerSource

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
# The actor types partners write, ours and the CBD's; a national government is a state actor, not ours to record.
ACTOR_KINDS = {
    "individual": "individual", "person": "individual", "contact": "individual",
    "organization": "organization", "organisation": "organization",
    "business": "business", "company": "business",
    "local_government": "local_government", "local-government": "local_government",
    "subnational-government": "local_government", "city": "local_government",
}
STATE_ACTORS = {"party", "government", "national-government", "country"}
TEXT_LANGUAGES = catalogue.LANGUAGES.codes
MAX_ID_LENGTH = PartnerRecord._meta.get_field("external_id").max_length
MAX_URL_LENGTH = PartnerRecord._meta.get_field("url").max_length
# Where in the record a field the models refused came from, for the report.
FIELD_PATHS = {"title": "action.name", "description": "action.description", "start_date": "action.startDate",
               "end_date": "action.endDate", "website": "action.website", "countries": "actionDetails.operationalAreas",
               "action_areas": "actionDetails.actionCategories", "gbf_targets": "actionDetails.gbfTargets",
               "actor.kind": "actor.type", "actor.organization_type": "actor.organizationType"}


class Refused(Exception):
    """The record could not be saved as it is; `reasons` names each field."""

    def __init__(self, reasons):
        super().__init__("; ".join(reasons))
        self.reasons = list(reasons)


@dataclass
class Mapped:
    index: int
    external_id: str
    url: str
    actor: dict
    fields: dict
    terms: dict
    record: dict
    # What only another actionagenda platform's record holds (interop.harvest): None where the record has no place
    # for it, and what the commitment has here stays.
    kpis: list[dict] | None = None
    bch_records: list[dict] | None = None
    seen_on: datetime.date | None = None


@dataclass
class Unmapped:
    index: int
    external_id: str
    reasons: list[str] = field(default_factory=list)

    def __str__(self):
        name = f"record {self.index + 1}" + (f" ({self.external_id})" if self.external_id else "")
        return f"{name}: " + "; ".join(self.reasons)


def records_of(data) -> list:
    """The records of a parsed JSON document: an array, or a page with `items`; ValueError otherwise."""
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        return data["items"]
    if isinstance(data, list):
        return data
    raise ValueError("Expected a JSON array of actions (or an object with an `items` array).")


def parse(data) -> tuple[list[Mapped], list[Unmapped]]:
    """Each record mapped, or the reasons it cannot be (records_of says which documents are read)."""
    mapped, unmapped = [], []
    for index, record in enumerate(records_of(data)):
        result = map_record(index, record)
        (mapped if isinstance(result, Mapped) else unmapped).append(result)
    return mapped, unmapped


class _Reader:
    """Reads one record, collecting a reason for every value it cannot map."""

    def __init__(self, record: dict):
        self.record = record
        self.reasons: list[str] = []

    def refuse(self, path: str, message: str) -> None:
        self.reasons.append(f"{path}: {message}")

    def part(self, name: str) -> dict:
        value = self.record.get(name) or {}
        if not isinstance(value, dict):
            self.refuse(name, "expected an object")
            return {}
        return value

    def text(self, value, path: str, language: str | None = None) -> tuple[str, str]:
        """(language, text) of a string or a text keyed by language (`language`'s first, else the first in one of
        the platform's languages); ("", "") when there is none."""
        if value is None or value == "":
            return "", ""
        if isinstance(value, str):
            return "", value
        if isinstance(value, dict):
            keys = [key for key in value if isinstance(value[key], str) and value[key].strip()]
            ours = [key for key in keys if key in TEXT_LANGUAGES]
            if language in ours:
                return language, value[language]
            if ours:
                return ours[0], value[ours[0]]
            if keys:
                self.refuse(path, f"no text in a language the platform records ({', '.join(TEXT_LANGUAGES)}); "
                                  f"found {', '.join(keys)}")
            return "", ""
        self.refuse(path, "expected a text or an object of texts by language")
        return "", ""

    def identifiers(self, value, path: str) -> list[tuple[str, str]]:
        """(path of the item, identifier) of a list of identifiers or of `{"identifier": ...}` terms."""
        if value in (None, ""):
            return []
        if not isinstance(value, list):
            self.refuse(path, "expected a list")
            return []
        found = []
        for position, item in enumerate(value):
            identifier = item.get("identifier") if isinstance(item, dict) else item
            if isinstance(identifier, str) and identifier.strip():
                found.append((f"{path}[{position}]", identifier.strip()))
            else:
                self.refuse(f"{path}[{position}]", "expected an identifier")
        return found

    def codes(self, value, path: str, scheme: str, known, what: str) -> list[str]:
        codes = []
        for item_path, identifier in self.identifiers(value, path):
            code = cbd.ours(scheme, identifier)
            if code in known:
                codes.append(code)
            else:
                self.refuse(item_path, f"unknown {what} “{identifier}”")
        return list(dict.fromkeys(codes))

    def date(self, value, path: str) -> datetime.date | None:
        if value in (None, ""):
            return None
        try:
            return datetime.date.fromisoformat(str(value)[:10])
        except ValueError:
            self.refuse(path, f"“{value}” is not a date (YYYY-MM-DD)")
            return None

    def string(self, value, path: str) -> str:
        if value in (None, ""):
            return ""
        if not isinstance(value, str):
            self.refuse(path, "expected a text")
            return ""
        return value.strip()


@cache
def _country_codes() -> frozenset[str]:
    return frozenset(code for code, _name in iso_countries)


def map_record(index: int, record) -> Mapped | Unmapped:
    """One record as a commitment's actor, fields and vocabulary links, or the reasons it cannot be."""
    if not isinstance(record, dict):
        return Unmapped(index, "", ["expected an object"])
    read = _Reader(record)
    raw_id = next((record[key] for key in ("identifier", "_id", "id") if record.get(key) not in (None, "")), "")
    external_id = str(raw_id).strip() if isinstance(raw_id, str | int) else ""
    if not external_id:
        read.refuse("identifier", "missing: without it a second import could not find this record again")
    elif len(external_id) > MAX_ID_LENGTH:
        read.refuse("identifier", f"longer than {MAX_ID_LENGTH} characters")
    action = read.part("action")
    language, title = read.text(action.get("name"), "action.name", record.get("language"))
    if not title.strip():
        read.refuse("action.name", "missing")
    description_language, description = read.text(action.get("description"), "action.description",
                                                  language or None)
    language = language or description_language or "en"
    fields = {
        "title": " ".join(title.split()), "description": description.strip(), "language": language,
        "start_date": read.date(action.get("startDate", record.get("startDate")), "action.startDate"),
        "end_date": read.date(action.get("endDate", record.get("endDate")), "action.endDate"),
        "website": read.string(action.get("website", record.get("website")), "action.website"),
        "partners": partners.text(_partners(read, record.get("partners"))),
    }
    terms, actor = _terms(read, read.part("actionDetails")), _actor(read, read.part("actor"), language)
    url = read.string(record.get("url"), "url")
    if len(url) > MAX_URL_LENGTH:
        read.refuse("url", f"longer than {MAX_URL_LENGTH} characters")
    if read.reasons:
        return Unmapped(index, external_id, read.reasons)
    return Mapped(index=index, external_id=external_id, url=url if url.startswith(("https://", "http://")) else "",
                  actor=actor, fields=fields, terms=terms, record=without_personal_data(record))


def _terms(read: _Reader, details: dict) -> dict[str, list[str]]:
    """Action areas (from the categories and the subjects that stand for one), countries and GBF targets."""
    categories = read.codes(details.get("actionCategories"), "actionDetails.actionCategories", "action_area",
                            catalogue.ACTION_AREAS, "action category")
    for _path, subject in read.identifiers(details.get("subjects"), "actionDetails.subjects"):
        category = cbd.SUBJECT_CATEGORY.get(subject.upper())
        if category and category not in categories:
            categories.append(category)
    return {
        "action_areas": categories,
        "countries": read.codes(details.get("operationalAreas"), "actionDetails.operationalAreas", "country",
                                _country_codes(), "country (ISO 3166 alpha-2)"),
        "gbf_targets": read.codes(details.get("gbfTargets"), "actionDetails.gbfTargets", "gbf_target",
                                  catalogue.GBF_TARGETS, "GBF target"),
    }


def _actor(read: _Reader, actor: dict, language: str) -> dict:
    """The actor's fields; a national government is refused (a state actor)."""
    kind_text = read.string(actor.get("type"), "actor.type").lower() or "organization"
    if kind_text in STATE_ACTORS:
        read.refuse("actor.type", f"“{kind_text}” is a state actor; the platform records the commitments of "
                                  "non-state actors")
    elif kind_text not in ACTOR_KINDS:
        read.refuse("actor.type", f"unknown actor type “{kind_text}”")
    kind = ACTOR_KINDS.get(kind_text, "")
    organization_type = read.string(actor.get("organizationType"), "actor.organizationType")
    if organization_type and organization_type not in catalogue.ORGANIZATION_TYPES:
        read.refuse("actor.organizationType", f"unknown organisation type “{organization_type}”")
    country = read.codes([actor["country"]] if actor.get("country") else [], "actor.country", "country",
                         _country_codes(), "country (ISO 3166 alpha-2)")
    _name_language, name = read.text(actor.get("name"), "actor.name", language)
    if not name.strip():
        read.refuse("actor.name", "missing")
    return {"name": " ".join(name.split()), "kind": kind,
            "organization_type": organization_type if kind == "organization" else "",
            "country": country[0] if country else "", "website": read.string(actor.get("website"), "actor.website")}


def _partners(read: _Reader, value) -> list[dict]:
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        read.refuse("partners", "expected a list")
        return []
    found = []
    for position, partner in enumerate(value):
        path = f"partners[{position}]"
        if isinstance(partner, str):
            found.append({"name": partner, "url": ""})
        elif isinstance(partner, dict):
            _language, name = read.text(partner.get("name"), f"{path}.name")
            url = read.string(partner.get("url"), f"{path}.url")
            if url and not url.startswith(("https://", "http://")):
                read.refuse(f"{path}.url", f"“{url}” is not a web address (http or https)")
            found.append({"name": name, "url": url})
        else:
            read.refuse(path, "expected a name or an object with a name and a url")
    return found


PERSONAL_KEYS = {"contacts", "contact", "email", "emails", "phone", "phones", "telephone", "fax"}


def without_personal_data(value):
    """`value` (a record, or part of one) without the keys that hold people's contact details, at any depth."""
    if isinstance(value, dict):
        return {key: without_personal_data(item) for key, item in value.items() if key.lower() not in PERSONAL_KEYS}
    if isinstance(value, list):
        return [without_personal_data(item) for item in value]
    return value


def digest(record: dict) -> str:
    return hashlib.sha256(json.dumps(record, sort_keys=True, default=str).encode()).hexdigest()


def source_named(name: str, url: str = "") -> PartnerSource:
    source, _created = PartnerSource.objects.get_or_create(name=name, defaults={"url": url,
                                                                                "kind": PartnerSource.Kind.CBD})
    return source


def _actor_of_source(source: PartnerSource, actor: dict) -> Actor | None:
    """The actor an earlier record of `source` made for the same name, type and country: one organisation with
    several actions is one actor here too (the landing page counts actors)."""
    return (Actor.objects.filter(name=actor["name"], kind=actor["kind"], country=actor["country"], members=None,
                                 commitments__partner_record__source=source).order_by("pk").first())


@transaction.atomic
def save(mapped: Mapped, source: PartnerSource, publish: bool = False) -> str:
    """Write one mapped record (CREATED, UPDATED or UNCHANGED), all or nothing; Refused names what the models
    would not take."""
    fingerprint = digest(mapped.record)
    kept = (PartnerRecord.objects.select_for_update().select_related("commitment__actor")
            .filter(source=source, external_id=mapped.external_id).first())
    if kept is not None and kept.digest == fingerprint:
        return UNCHANGED
    try:
        commitment = commitments.save_partner_commitment(
            kept.commitment if kept else None, actor=mapped.actor, fields=mapped.fields, terms=mapped.terms,
            reason=f"Imported from {source.name}.", publish=publish,
            known_actor=None if kept else _actor_of_source(source, mapped.actor), kpis=mapped.kpis,
            bch_records=mapped.bch_records, seen_on=mapped.seen_on)
    except ValidationError as error:
        found = error.message_dict if hasattr(error, "error_dict") else {"record": error.messages}
        raise Refused([f"{FIELD_PATHS.get(name, name)}: {' '.join(messages)}"
                       for name, messages in found.items()]) from error
    outcome = UPDATED if kept else CREATED
    if kept is None:
        kept = PartnerRecord(source=source, external_id=mapped.external_id, commitment=commitment)
    kept.url, kept.record, kept.digest = mapped.url, mapped.record, fingerprint
    kept.save()
    return outcome
