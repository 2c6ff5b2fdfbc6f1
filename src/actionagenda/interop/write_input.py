"""The write API's body as the commitment forms' data, and the forms' refusals as JSON pointers into the body.

Nothing is judged here: the body is written into the data a browser would post for the same change (empty for a
new commitment, `AuthoringForms.as_data` of the commitment or its amendment otherwise), so the forms, the SMART
must-haves and the services apply their own rules. This module translates names and codes, both ways, and removes
HTML from the text partners send.
"""

import re

from django import forms as django_forms
from django.core.exceptions import ValidationError
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from actionagenda.commitments.models import TERM_LINKS, Commitment
from actionagenda.markup import strip_html
from actionagenda.progress.models import Reading
from actionagenda.vocabularies import catalogue
from actionagenda.vocabularies.models import Term

# Body field -> commitment form field, where they differ; the others have the same name.
COMMITMENT_FIELDS = ("title", "description", "language", "start_date", "end_date", "scale", "resources",
                     "expected_impact", "website", "supply_chain_scope", "contact_name", "contact_email",
                     "contact_public", "reporting_cadence")
LINKS = {"gbf_targets": "gbf_targets", "implementation_plan_elements": "ip_elements",
         "action_areas": "action_areas", "countries": "countries"}
ACTOR_FIELDS = {"actor_name": "name", "actor_anonymous": "anonymous", "organization_type": "organization_type",
                "country": "country", "actor_website": "website", "sector": "sector", "size": "size",
                "government_level": "government_level", "population_served": "population_served"}
KPI_FIELDS = {"name": "name", "unit": "unit", "direction": "direction", "baseline": "baseline_value",
              "baseline_date": "baseline_date", "target": "target_value", "target_date": "target_date",
              "cumulative": "cumulative", "tolerance": "tolerance", "weight": "weight"}
# Free text, from which HTML is removed.
TEXT = {"title", "description", "resources", "expected_impact", "contact_name", "actor_name"}
KPI_TEXT = {"name", "unit"}

_FORM_TO_BODY = {**{form: body for body, form in LINKS.items()}, "audiences": "target_audiences",
                 "audiences_as_written": "target_audiences", "__all__": ""}
_ACTOR_TO_BODY = {form: body for body, form in ACTOR_FIELDS.items()} | {"existing": "actor_name", "__all__": ""}
_KPI_TO_BODY = {form: body for body, form in KPI_FIELDS.items()}
_ROW = re.compile(r"kpis-(\d+)(?:-(.*))?")
_INTERIM = re.compile(r"interim(?:-(\d+)-(\w+))?")
_BCH_ROW = re.compile(r"bch-(\d+)(?:-(\w+))?")


def problem(pointer: str, detail) -> dict:
    """One entry of a 422 problem's `errors`: `pointer` a JSON pointer into the body, as a URI fragment."""
    return {"pointer": pointer, "field": pointer[2:].replace("/", "."), "detail": str(detail)}


class Translation:
    """The forms' data for a body; `errors` what could not be translated (unknown codes, KPI ids), `readings` the
    KPIs' `current` values (row prefix, value, pointer), `phase` the phase sent, if any."""

    def __init__(self, body: dict, data: MultiValueDict, commitment: Commitment, actor_form):
        self.body, self.data, self.errors = body, data, []
        self.rows: dict[str, int] = {}  # KPI row prefix -> index in the body's `kpis`
        self.readings: list[tuple[str, object, str]] = []
        self.phase = body.get("phase")
        self.countries_from = "countries" if "countries" in body or commitment.pk else "country"
        self.areas_from = "action_area" if "action_area" in body and "action_areas" not in body else "action_areas"
        self._commitment_fields(commitment)
        self._actor_fields(actor_form, commitment)
        if "kpis" in body:
            self._kpis(body["kpis"] or [])
        if "bch_records" in body:
            self._bch(body["bch_records"] or [])

    # Body -> data

    def _put(self, name: str, value) -> None:
        if value is None:
            self.data.pop(name, None)
        elif isinstance(value, list):
            self.data.setlist(name, value)
        else:
            self.data.setlist(name, [value if isinstance(value, bool | int) else str(value)])

    def _commitment_fields(self, commitment: Commitment) -> None:
        body = self.body
        for name in COMMITMENT_FIELDS:
            if name in body:
                self._put(name, _text(body[name]) if name in TEXT else body[name])
        linked: dict[str, list[int]] = {}

        def link(form_name, codes, pointer, listed):
            linked.setdefault(form_name, []).extend(self._term_ids(form_name, codes or [], pointer, listed))

        for name, form_name in LINKS.items():
            if name in body:
                link(form_name, body[name], f"#/{name}", listed=True)
        if "action_area" in body:
            link("action_areas", [body["action_area"]] if body["action_area"] else [], "#/action_area", listed=False)
        if "countries" not in body and "country" in body and not commitment.pk:
            link("countries", [body["country"]] if body["country"] else [], "#/country", listed=False)
        for form_name, ids in linked.items():
            self._put(form_name, list(dict.fromkeys(ids)))
        if "target_audiences" in body:
            self._audiences(body["target_audiences"] or [])
        if "partners" in body:
            self._put("partners", self._partners(body["partners"]))

    def _term_ids(self, form_name: str, codes: list[str], pointer: str, listed: bool) -> list[int]:
        scheme = TERM_LINKS[form_name]
        codes = [code.strip().upper() if scheme == "country" else code.strip() for code in codes]
        # A code with a control character is no code (and PostgreSQL refuses a NUL in a query's text).
        known = dict(Term.objects.filter(scheme=scheme, code__in=[code for code in codes if code.isprintable()])
                     .values_list("code", "pk"))
        for index, code in enumerate(codes):
            if code not in known:
                self.errors.append(problem(f"{pointer}/{index}" if listed else pointer, _(
                    "Unknown code “%(code)s”: the codes are listed at /api/v1/vocabularies/%(scheme)s.")
                    % {"code": code, "scheme": scheme}))
        return [known[code] for code in codes if code in known]

    def _audiences(self, values: list[str]) -> None:
        """Codes link their audience; anything else is kept as written (and links the code it names, in the form)."""
        codes = [value.strip() for value in values if value.strip() in catalogue.AUDIENCES]
        written = [_text(value) for value in values if value.strip() not in catalogue.AUDIENCES]
        self._put("audiences", list(Term.objects.filter(scheme="audience", code__in=codes)
                                    .values_list("pk", flat=True)))
        self._put("audiences_as_written", "\n".join(written))

    def _partners(self, partners) -> str:
        """Text as sent, or one Markdown list item per partner, linked when it has a URL."""
        if partners is None or isinstance(partners, str):
            return _text(partners or "")
        lines = []
        for index, partner in enumerate(partners):
            name, url = (partner, "") if isinstance(partner, str) else (partner["name"], partner.get("url") or "")
            name = _markdown_text(_text(name))
            if not name:
                self.errors.append(problem(f"#/partners/{index}", _("Give the partner's name.")))
                continue
            if url:
                try:
                    url = django_forms.URLField(assume_scheme="https").clean(url)
                except ValidationError as error:
                    self.errors.extend(problem(f"#/partners/{index}/url", message) for message in error.messages)
                    continue
                lines.append(f"- [{name}]({url.replace(')', '%29')})")
            else:
                lines.append(f"- {name}")
        return "\n".join(lines)

    def _actor_fields(self, actor_form, commitment: Commitment) -> None:
        for name, form_name in ACTOR_FIELDS.items():
            if name not in self.body:
                continue
            if actor_form is None:
                self.errors.append(problem(f"#/{name}", _("The actor of a published commitment does not change.")))
            elif form_name not in actor_form.fields:
                if name != "country" or commitment.pk:  # a new commitment acts in the country sent
                    self.errors.append(problem(f"#/{name}", _("An actor of this type has no such field.")))
            else:
                value = self.body[name]
                self._put(actor_form.add_prefix(form_name), _text(value) if name in TEXT else value)

    def _kpis(self, items: list[dict]) -> None:
        """The list sent replaces the KPIs: a row with an `id` changes that KPI, one without adds a KPI, and every
        KPI left out is marked for removal."""
        data = self.data
        initial = int(data.get("kpis-INITIAL_FORMS") or 0)
        stored = {int(data.get(f"kpis-{row}-id")): row for row in range(initial) if data.get(f"kpis-{row}-id")}
        for name in [name for name in data if (found := _ROW.fullmatch(name)) and int(found[1]) >= initial]:
            del data[name]  # rows added by an open amendment: the list sent replaces them
        kept, total = set(), initial
        for index, item in enumerate(items):
            if item.get("id") is not None:
                row = stored.get(item["id"])
                if row is None:
                    self.errors.append(problem(f"#/kpis/{index}/id", _("This commitment has no KPI with this id.")))
                    continue
                kept.add(row)
                data.pop(f"kpis-{row}-DELETE", None)
            else:
                row, total = total, total + 1
            self.rows[f"kpis-{row}"] = index
            self._kpi(f"kpis-{row}", item, index)
        for row in set(stored.values()) - kept:
            self._put(f"kpis-{row}-DELETE", True)
        self._put("kpis-TOTAL_FORMS", total)
        self._put("kpis-INITIAL_FORMS", initial)

    def _bch(self, records: list[dict]) -> None:
        """The list sent replaces the citations (the site's form posts every row it shows)."""
        for name in [name for name in self.data if name.startswith("bch-")]:
            del self.data[name]
        self._put("bch-TOTAL_FORMS", len(records))
        self._put("bch-INITIAL_FORMS", 0)
        for index, record in enumerate(records):
            for name in ("record_type", "identifier", "url"):
                self._put(f"bch-{index}-{name}", _text(record.get(name) or ""))

    def _kpi(self, prefix: str, item: dict, index: int) -> None:
        values = dict(item)
        for measure in ("baseline", "target"):
            if isinstance(values.get(measure), dict):
                given = values.pop(measure)
                values[measure] = given.get("value")
                values.setdefault(f"{measure}_date", given.get("date"))
        for name, form_name in KPI_FIELDS.items():
            if name in values:
                self._put(f"{prefix}-{form_name}", _text(values[name]) if name in KPI_TEXT else values[name])
        if "interim_targets" in values:
            for name in [name for name in self.data if name.startswith(f"{prefix}-interim-")]:
                del self.data[name]
            targets = values["interim_targets"] or []
            self._put(f"{prefix}-interim-TOTAL_FORMS", len(targets))
            self._put(f"{prefix}-interim-INITIAL_FORMS", 0)
            for number, target in enumerate(targets):
                for name in ("value", "date", "phase"):
                    self._put(f"{prefix}-interim-{number}-{name}", target.get(name))
        if values.get("current") is not None:
            self.readings.append((prefix, values["current"], f"#/kpis/{index}/current"))

    # Form errors -> pointers

    def pointer(self, name: str) -> str:
        """The body's pointer for a form data name: `kpis-0-target_value` is `#/kpis/0/target`."""
        if name.startswith("actor-"):
            return "#/" + _ACTOR_TO_BODY.get(name[len("actor-"):], name[len("actor-"):])
        cited = _BCH_ROW.fullmatch(name)
        if cited:
            return f"#/bch_records/{cited[1]}/{cited[2]}" if cited[2] else f"#/bch_records/{cited[1]}"
        if name == "bch":
            return "#/bch_records"
        found = _ROW.fullmatch(name)
        if found:
            index = self.rows.get(f"kpis-{found[1]}")
            if index is None:
                return "#/kpis"
            rest = found[2]
            if rest is None:
                return f"#/kpis/{index}"
            interim = _INTERIM.fullmatch(rest)
            if interim:
                return f"#/kpis/{index}/interim_targets" + (f"/{interim[1]}/{interim[2]}" if interim[1] else "")
            return f"#/kpis/{index}/{_KPI_TO_BODY.get(rest, rest)}"
        if name == "countries":
            return "#/" + self.countries_from
        if name == "action_areas":
            return "#/" + self.areas_from
        return "#/" + _FORM_TO_BODY.get(name, name)

    def form_problems(self, forms) -> tuple[list[dict], bool]:
        """Every refusal of the bound `forms` (commitments.forms.AuthoringForms) as problem entries, and whether one
        of them says the commitment changed since it was read."""
        refused: list[tuple[str, dict]] = []
        for form in (forms.actor, forms.form):
            if form is not None:
                refused += [(form.add_prefix(name) if name != "__all__" else "__all__", error)
                            for name, errors in form.errors.get_json_data().items() for error in errors]
        refused += [("kpis", {"message": message, "code": ""}) for message in forms.kpis.non_form_errors()]
        for row, kpi_form in enumerate(forms.kpis.forms):
            prefix = f"kpis-{row}"
            refused += [(prefix if name == "__all__" else f"{prefix}-{name}", error)
                        for name, errors in kpi_form.errors.get_json_data().items() for error in errors]
            if kpi_form.interim_posted and kpi_form.interim.is_bound:
                refused += [(f"{prefix}-interim", {"message": message, "code": ""})
                            for message in kpi_form.interim.non_form_errors()]
                refused += [(f"{prefix}-interim-{number}-{name}", error)
                            for number, interim_form in enumerate(kpi_form.interim.forms)
                            for name, errors in interim_form.errors.get_json_data().items() for error in errors]
        if forms.bch.is_bound:
            refused += [("bch", {"message": message, "code": ""}) for message in forms.bch.non_form_errors()]
            refused += [(f"bch-{number}" if name == "__all__" else f"bch-{number}-{name}", error)
                        for number, bch_form in enumerate(forms.bch.forms)
                        for name, errors in bch_form.errors.get_json_data().items() for error in errors]
        stale = any(error.get("code") == "stale" for _name, error in refused)
        return [problem(self.pointer(name), error["message"]) for name, error in refused], stale

    def checked_phase(self) -> str | None:
        """The phase sent, checked by the commitment's own field (None when none was sent)."""
        if self.phase is None:
            return None
        try:
            return Commitment._meta.get_field("phase").clean(self.phase, None)
        except ValidationError as error:
            self.errors.extend(problem("#/phase", message) for message in error.messages)
            return None

    def checked_readings(self) -> list[tuple[str, object]]:
        """The `current` values, each checked by the reading's own value field: (row prefix, value)."""
        checked = []
        field = Reading._meta.get_field("value")
        for prefix, value, pointer in self.readings:
            try:
                checked.append((prefix, field.clean(str(value), None)))
            except ValidationError as error:
                self.errors.extend(problem(pointer, message) for message in error.messages)
        return checked


_MARKDOWN = re.compile(r"([\\`*_\[\]<>#])")


def _text(value):
    return strip_html(value) if isinstance(value, str) else value


def _markdown_text(text: str) -> str:
    return _MARKDOWN.sub(r"\\\1", " ".join(text.split()))
