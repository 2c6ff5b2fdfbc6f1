"""The four commitment forms (one per actor type), the actor's own fields and the KPI rows.

Field checks here are about the shape of what was typed (a date is a date, within the range the models
accept); whether a commitment is complete enough to submit is `smart`'s rule, applied by the workflow, so a
draft can be saved while it is still incomplete.
"""

import re
import unicodedata
from decimal import Decimal

from django import forms
from django.db import models
from django.utils.datastructures import MultiValueDict
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from actionagenda import ids
from actionagenda.accounts.models import Actor
from actionagenda.concurrency import TOKEN_FIELD, VersionedFormMixin
from actionagenda.progress.choices import Direction
from actionagenda.progress.models import InterimTarget
from actionagenda.validators import one_line
from actionagenda.vocabularies import bch, catalogue, matching
from actionagenda.vocabularies.models import Term

from . import references, smart
from .models import KPI, TERM_LINKS, BCHReference, Commitment, date_order_problem

COMMON_FIELDS = [
    "title", "description", "language", "countries", "action_areas", "gbf_targets", "ip_elements",
    "start_date", "end_date", "scale", "audiences", "audiences_as_written", "partners", "resources", "expected_impact",
    "contact_name", "contact_email", "contact_public", "website", "reporting_cadence",
]


def alphabetical_key(label) -> str:
    """A sort key that puts accented letters with their base letter (Åland with A, Éire with E)."""
    return unicodedata.normalize("NFKD", str(label)).encode("ascii", "ignore").decode().casefold()


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def formfield(model_field, **kwargs):
    """Model fields to form fields, with addresses typed without a scheme taken as https."""
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class CountryChecklist(forms.CheckboxSelectMultiple):
    """Countries as checkboxes under their UN region in a scrolling list: it works as it is without JavaScript;
    `static/actionagenda/countries.js` adds a filter box and the chosen countries as removable chips."""

    template_name = "commitments/widgets/country_checklist.html"


def by_region(choices, vocabulary) -> list:
    """Country choices grouped under their UN region (in the catalogue's order), alphabetical in each group;
    places without a region (Antarctica, some territories) come last."""
    groups: dict[str, list] = {region.code: [] for region in catalogue.REGIONS}
    elsewhere: list = []
    for value, label in choices:
        entry = vocabulary.get(value.instance.code)
        groups.get(entry.group if entry else "", elsewhere).append((value, label))
    grouped = [(catalogue.REGIONS.label_of(code), members) for code, members in groups.items() if members]
    if elsewhere:
        grouped.append((_("Other places"), elsewhere))
    return [(name, sorted(members, key=lambda choice: alphabetical_key(choice[1]))) for name, members in grouped]


class TermChoiceField(forms.ModelMultipleChoiceField):
    """A vocabulary field whose choices show the translated label of each code."""

    def __init__(self, scheme: str, **kwargs):
        super().__init__(queryset=Term.objects.filter(scheme=scheme).order_by("position"), **kwargs)
        # Built once per form: catalogue.get("country") rebuilds all ~250 translated names on every call.
        self.vocabulary = catalogue.get(scheme)

    def label_from_instance(self, term):
        label = self.vocabulary.label_of(term.code)
        if term.scheme == "gbf_target" and term.code == catalogue.PRIMARY_GBF_TARGET:
            return _("%(target)s (suggested: the biosafety target)") % {"target": label}
        return label


class CommitmentForm(VersionedFormMixin, forms.ModelForm):
    """The fields every actor type answers."""

    # The shared field include marks these "required to submit" (Django marks those a draft needs).
    needed_to_submit = smart.FIELDS_NEEDED_TO_SUBMIT

    class Meta:
        model = Commitment
        fields = COMMON_FIELDS
        formfield_callback = formfield
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "audiences_as_written": forms.Textarea(attrs={"rows": 2}),
            "partners": forms.Textarea(attrs={"rows": 3}),
            "resources": forms.Textarea(attrs={"rows": 3}),
            "expected_impact": forms.Textarea(attrs={"rows": 3}),
            "start_date": DateInput(),
            "end_date": DateInput(),
            "reporting_cadence": forms.RadioSelect,
        }
        help_texts = {
            "countries": _("Tick every country where you will act; they are listed by UN region."),
            "gbf_targets": _("Target 17 is the biosafety target; link the others your action also serves."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, scheme in TERM_LINKS.items():
            label = capfirst(self._meta.model._meta.get_field(name).verbose_name)
            widget = CountryChecklist if name == "countries" else forms.CheckboxSelectMultiple
            self.fields[name] = TermChoiceField(
                scheme, required=False,
                widget=widget, label=label, help_text=self.fields[name].help_text)
        # Countries by UN region, in the alphabetical order of the reader's language.
        countries = self.fields["countries"]
        countries.choices = by_region(countries.choices, countries.vocabulary)
        # One choice is always ticked on the page; a post without it (an older client) keeps what was chosen.
        self.fields["reporting_cadence"].required = False
        for name in smart.FIELDS_NEEDED_TO_SUBMIT:
            if name in self.fields and not self.fields[name].widget.use_fieldset:
                # Announced as required, not enforced by the browser: a draft saves without them.
                self.fields[name].widget.attrs["aria-required"] = "true"
        if not self.instance.pk and not self.is_bound:
            # Unsaved instances give empty lists for M2M fields, so these suggestions replace them.
            self.initial["action_areas"] = list(Term.objects.filter(scheme="action_area",
                                                                    code=catalogue.DEFAULT_ACTION_AREA))
            self.initial["gbf_targets"] = list(Term.objects.filter(scheme="gbf_target",
                                                                   code=catalogue.PRIMARY_GBF_TARGET))
            if get_language() in catalogue.LANGUAGES:
                self.initial["language"] = get_language()

    def clean_reporting_cadence(self):
        return self.cleaned_data["reporting_cadence"] or self.instance.reporting_cadence

    def clean_audiences_as_written(self):
        lines = (" ".join(line.split()) for line in self.cleaned_data["audiences_as_written"].splitlines())
        return "\n".join(dict.fromkeys(line for line in lines if line))

    def clean(self):
        """Audiences written in one's own words that name a code of the vocabulary link that code too."""
        cleaned = super().clean()
        named = {matching.code_for(catalogue.AUDIENCES, line)
                 for line in (cleaned.get("audiences_as_written") or "").splitlines()} - {None}
        if named and cleaned.get("audiences") is not None:
            cleaned["audiences"] = self.fields["audiences"].queryset.filter(
                models.Q(pk__in=cleaned["audiences"]) | models.Q(code__in=named))
        return cleaned

    def proposal_fields(self) -> list[str]:
        """The commitment's own fields this form edits (what an amendment proposes)."""
        return [name for name in self.fields if name != TOKEN_FIELD]


class IndividualCommitmentForm(CommitmentForm):
    pass


class OrganizationCommitmentForm(CommitmentForm):
    pass


class BusinessCommitmentForm(CommitmentForm):
    class Meta(CommitmentForm.Meta):
        fields = [*COMMON_FIELDS, "supply_chain_scope"]


class LocalGovernmentCommitmentForm(CommitmentForm):
    pass


class ActorForm(forms.ModelForm):
    """Who makes the commitment: one of the user's actors of this kind, or a new one described here."""

    existing = forms.ModelChoiceField(queryset=Actor.objects.none(), required=False,
                                      label=_("On behalf of"))
    required_when_new = ("name",)

    class Meta:
        model = Actor
        fields = ["name", "country", "website"]
        formfield_callback = formfield

    def __init__(self, *args, user=None, kind="", **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
        if self.instance.pk:
            del self.fields["existing"]
        else:
            mine = Actor.objects.filter(kind=kind, members=user).order_by("name") if user else Actor.objects.none()
            if mine.exists():
                self.fields["existing"].queryset = mine
                self.fields["existing"].empty_label = _("A new one, described below")
            else:
                del self.fields["existing"]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("existing"):
            for name in self.required_when_new:
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, forms.ValidationError(self.fields[name].error_messages["required"],
                                                               code="required"))
        return cleaned


class OrganizationActorForm(ActorForm):
    required_when_new = ("name", "organization_type")

    class Meta(ActorForm.Meta):
        fields = ["name", "organization_type", "country", "website"]
        labels = {"name": _("Name of the organisation")}


class BusinessActorForm(ActorForm):
    required_when_new = ("name", "sector", "size")

    class Meta(ActorForm.Meta):
        fields = ["name", "sector", "size", "country", "website"]
        labels = {"name": _("Name of the business")}


class LocalGovernmentActorForm(ActorForm):
    required_when_new = ("name", "government_level")

    class Meta(ActorForm.Meta):
        fields = ["name", "government_level", "population_served", "country", "website"]
        labels = {"name": _("Name of the local government")}


class IndividualActorForm(forms.Form):
    """The name an individual shows with their commitments, or their choice to stay anonymous. Never made up
    from the e-mail address: it starts from the name they gave before (their individual actor, their account)."""

    name = forms.CharField(label=_("Name to show"), max_length=200, required=False, validators=[one_line],
                           help_text=_("As the public will read it with your commitments, e.g. “Amina Bello”."))
    anonymous = forms.BooleanField(label=_("Stay anonymous"), required=False,
                                   help_text=_("Your commitments then read “Anonymous participant”."))

    def __init__(self, *args, instance=None, user=None, kind="", **kwargs):
        super().__init__(*args, **kwargs)
        if instance is None or instance.pk is None:
            instance = Actor.objects.individual_of(user) if user is not None and user.is_authenticated else None
        if instance is not None and instance.pk is not None:
            self.initial = {"name": instance.name, "anonymous": not instance.name}
        elif user is not None:
            self.initial = {"name": user.name}

    def clean(self):
        cleaned = super().clean()
        cleaned["name"] = " ".join((cleaned.get("name") or "").split())
        if cleaned.get("anonymous"):
            cleaned["name"] = ""
        elif not cleaned["name"] and "name" not in self.errors:
            self.add_error("name", _("Give the name to show, or tick “Stay anonymous”."))
        return cleaned


KPI_FIELDS = ("name", "unit", "direction", "baseline_value", "baseline_date", "target_value", "target_date",
              "cumulative", "tolerance", "weight")
MAX_KPIS, MAX_INTERIM_TARGETS = 20, 12


class InterimTargetForm(forms.ModelForm):
    class Meta:
        model = InterimTarget
        fields = ["value", "date", "phase"]
        widgets = {"date": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        value = self.initial.get("value")
        if isinstance(value, Decimal):
            self.initial["value"] = format(value.normalize(), "f")


InterimTargetFormSet = forms.formset_factory(InterimTargetForm, extra=1, can_delete=True,
                                             max_num=MAX_INTERIM_TARGETS)


class KPIForm(VersionedFormMixin, forms.ModelForm):
    """One indicator with its interim targets (a formset of its own, prefixed by the row's prefix). A client that
    posts no interim rows (one that never loaded them) leaves the stored ones as they are."""

    class Meta:
        model = KPI
        fields = list(KPI_FIELDS)  # a copy: inline formsets append their foreign key to it
        widgets = {"baseline_date": DateInput(), "target_date": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["direction"].choices = [("", _("Automatic")), *Direction.choices]
        # Stored decimals as people write them: 5000, not 5000.0000.
        for name in ("baseline_value", "target_value", "tolerance", "weight"):
            value = self.initial.get(name)
            if isinstance(value, Decimal):
                self.initial[name] = format(value.normalize(), "f")
        # Left empty, they keep their defaults (no tolerance, a weight of one).
        for name in ("tolerance", "weight"):
            self.fields[name].required = False
        prefix = self.add_prefix("interim")
        self.interim_posted = self.is_bound and f"{prefix}-TOTAL_FORMS" in self.data
        self.interim = InterimTargetFormSet(self.data if self.interim_posted else None, prefix=prefix,
                                            initial=None if self.interim_posted else self._stored_interim())

    def clean_tolerance(self):
        value = self.cleaned_data.get("tolerance")
        return KPI._meta.get_field("tolerance").default if value is None else value

    def clean_weight(self):
        value = self.cleaned_data.get("weight")
        return KPI._meta.get_field("weight").default if value is None else value

    def _stored_interim(self) -> list[dict]:
        if "interim" in self.initial:  # an amendment's proposal
            return [dict(row) for row in self.initial["interim"]]
        if self.instance.pk:
            return [{"value": target.value, "date": target.date, "phase": target.phase}
                    for target in self.instance.interim_targets.all()]
        return []

    @property
    def marked_for_removal(self) -> bool:
        """Whether the row is to be removed on saving (its checkbox ticked, or the proposal removes it)."""
        if "DELETE" not in self.fields:
            return False
        if self.is_bound:
            return self.fields["DELETE"].widget.value_from_datadict(self.data, self.files, self.add_prefix("DELETE"))
        return bool(self.initial.get("DELETE"))

    def has_changed(self) -> bool:
        return super().has_changed() or (self.interim_posted and self.interim.has_changed())

    def full_clean(self):
        super().full_clean()
        if not self.is_bound or not self.interim_posted or (self.empty_permitted and not self.has_changed()):
            return
        if not self.interim.is_valid():
            self.add_error(None, forms.ValidationError(_("Check the interim targets of this indicator."),
                                                       code="interim"))
            return
        rows = [form for form in self.interim.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        errors = self.instance.interim_target_errors(
            [(form.cleaned_data.get("value"), form.cleaned_data.get("date"), "") for form in rows])
        for index, error in errors.items():
            rows[index].add_error("date", error)
        if errors:
            self.add_error(None, forms.ValidationError(_("Check the interim targets of this indicator."),
                                                       code="interim"))

    def derived_direction_label(self) -> str:
        """What the KPI's direction is taken to be when the author leaves it empty (shown beside the field)."""
        return "" if self.instance.direction else self.instance.get_derived_direction_display()

    def proposal_fields(self) -> list[str]:
        return list(KPI_FIELDS)

    def interim_targets(self) -> list[tuple]:
        """The interim targets as typed (value, date, phase), or as stored when none were posted."""
        if self.interim_posted and self.interim.is_valid():
            return [(row["value"], row["date"], row.get("phase") or "")
                    for row in (form.cleaned_data for form in self.interim.forms)
                    if row and not row.get("DELETE") and row.get("value") is not None and row.get("date")]
        return [(row["value"], row["date"], row.get("phase") or "") for row in self._stored_interim()]

    def interim_rows(self) -> list[dict]:
        """The interim targets as an amendment keeps them (plain JSON values)."""
        return [{"value": str(value), "date": str(date), "phase": phase}
                for value, date, phase in self.interim_targets()]


class BaseKPIFormSet(forms.BaseInlineFormSet):
    """The KPI rows; on an amendment, unbound rows start from the proposal instead of the stored KPIs."""

    def __init__(self, *args, proposal_rows=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.row_initial = {}
        if proposal_rows is None or self.is_bound:
            return
        proposed = {row.get("id"): row for row in proposal_rows if row.get("id")}
        for index, kpi in enumerate(self.get_queryset()):
            self.row_initial[index] = proposed.get(kpi.pk) or {"DELETE": True}
        added = [row for row in proposal_rows if not row.get("id")]
        for index, row in enumerate(added, start=len(self.row_initial)):
            self.row_initial[index] = row
        self.extra = len(added) + 1

    def get_queryset(self):
        return super().get_queryset().prefetch_related("interim_targets")

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if index in self.row_initial:
            kwargs["initial"] = {name: value for name, value in self.row_initial[index].items() if name != "id"}
        return kwargs


class BCHReferenceForm(forms.ModelForm):
    """One BCH record the commitment cites. The model checks the form of the citation (BCHReference.clean)."""

    class Meta:
        model = BCHReference
        fields = ["record_type", "identifier", "url"]
        formfield_callback = formfield

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        groups = {"national": _("National records"), "reference": _("Reference records")}
        self.fields["record_type"].choices = [("", _("Choose a record type")), *[
            (groups[group], [(entry.code, f"{entry.label} ({entry.code})")
                             for entry in catalogue.BCH_RECORD_TYPES if entry.group == group])
            for group in groups]]
        self.fields["url"].help_text = _("Or the address of the record's page on the BCH.")
        # A row may stay empty: the type is needed only with an identifier or an address (the model says so).
        self.fields["record_type"].required = False


class BaseBCHFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Stop citing this record")
    def _cited(self):
        """The valid rows that cite a record, with the citation as the model normalised it."""
        for form in self.forms:
            row = getattr(form, "cleaned_data", None)
            if row and not row.get("DELETE") and not form.errors:
                yield form, form.instance.row

    def clean(self):
        seen = set()
        for form, row in self._cited():
            key = bch.record_key(row["identifier"], row["url"]) or tuple(row.values())
            if key in seen:
                form.add_error("identifier", _("This record is already cited above."))
            seen.add(key)

    def rows(self) -> list[dict]:
        """The citations as typed, in their order (those marked for removal and empty rows left out); unposted,
        those it started from."""
        if not self.is_bound:
            return [dict(row) for row in self.initial or []]
        return [row for _form, row in self._cited()]


BCHFormSet = forms.formset_factory(BCHReferenceForm, formset=BaseBCHFormSet, extra=1, can_delete=True,
                                   max_num=BCHReference.MAX_PER_COMMITMENT, validate_max=True)


KPIFormSet = forms.inlineformset_factory(Commitment, KPI, form=KPIForm, formset=BaseKPIFormSet, extra=1,
                                         can_delete=True, max_num=MAX_KPIS)
KPI_ROW = re.compile(r"kpis-\d{1,2}")
ROW_ACTION = re.compile(r"(add|remove|add-interim|add-bch)(?::(kpis-\d{1,2}))?")


def rows_requested(data):
    """The form data with the row a no-JavaScript "add" or "remove" button asked for (another KPI, another
    interim target, a KPI marked for removal), or None when the button pressed was not one of those."""
    found = ROW_ACTION.fullmatch(data.get("kpi_action", ""))
    if not found:
        return None
    action, row = found.groups()
    data = data.copy()
    if action == "add":
        total = ids.parse(data.get("kpis-TOTAL_FORMS")) or 0
        data["kpis-TOTAL_FORMS"] = str(min(total + 1, MAX_KPIS))
    elif action == "remove" and row:
        data[f"{row}-DELETE"] = "on"
    elif action == "add-interim" and row:
        key = f"{row}-interim-TOTAL_FORMS"
        data[key] = str(min((ids.parse(data.get(key)) or 0) + 1, MAX_INTERIM_TARGETS))
    elif action == "add-bch":
        data["bch-TOTAL_FORMS"] = str(min((ids.parse(data.get("bch-TOTAL_FORMS")) or 0) + 1,
                                          BCHReference.MAX_PER_COMMITMENT))
    return data

FORMS = {
    Actor.Kind.INDIVIDUAL: (IndividualCommitmentForm, IndividualActorForm),
    Actor.Kind.ORGANIZATION: (OrganizationCommitmentForm, OrganizationActorForm),
    Actor.Kind.BUSINESS: (BusinessCommitmentForm, BusinessActorForm),
    Actor.Kind.LOCAL_GOVERNMENT: (LocalGovernmentCommitmentForm, LocalGovernmentActorForm),
}


class AuthoringForms:
    """The forms one commitment page is made of, validated and assessed together."""

    def __init__(self, kind: str, user, commitment: Commitment, data=None, proposal: dict | None = None):
        """`proposal`: an amendment's (commitments.amendments), which unbound forms start from; an amendment
        never changes who the actor is, so it has no actor form."""
        commitment_form_class, actor_form_class = FORMS[kind]
        self.kind = kind
        self.commitment = commitment
        self.form = commitment_form_class(data, instance=commitment,
                                          initial=proposal["fields"] if proposal and data is None else None)
        self.kpis = KPIFormSet(data, instance=commitment, prefix="kpis",
                               proposal_rows=proposal["kpis"] if proposal else None)
        # The citations start from the proposal or the stored ones; once posted, every row filled in counts. A
        # client that posts no citation rows (one that never loaded them) leaves them as they are.
        posted = data is not None and "bch-TOTAL_FORMS" in data
        cited = None
        if not posted:
            cited = proposal["bch"] if proposal and "bch" in proposal else (
                references.rows_of(commitment) if commitment.pk else [])
        self.bch = BCHFormSet(data if posted else None, prefix="bch", initial=cited)
        self.actor = None
        if actor_form_class and not commitment.is_amendable:
            actor = commitment.actor if commitment.pk else Actor(kind=kind)
            self.actor = actor_form_class(data, instance=actor, user=user, kind=kind, prefix="actor")

    @property
    def all(self) -> list:
        bch = self.bch if self.bch.is_bound else None
        return [form for form in (self.actor, self.form, self.kpis, bch) if form is not None]

    def is_valid(self) -> bool:
        return all([form.is_valid() for form in self.all])

    @property
    def stale(self) -> bool:
        """Whether someone else saved the commitment or one of its KPIs since these forms were loaded."""
        return any(form.is_stale for form in [self.form, *self.kpis.forms])

    def smart_data(self) -> smart.CommitmentData:
        return commitment_data(self.form, self.kpis)

    def as_data(self) -> MultiValueDict:
        """What a browser posts back for these unbound forms as they are shown (the stored commitment, or the
        amendment's proposal): where an edit sent another way starts, the write API changing only the fields it
        is sent before the forms check the whole."""
        data = MultiValueDict()
        for form in self.all:
            _post_back(data, form)
        return data

    def show_problems_on_fields(self, data: smart.CommitmentData) -> None:
        """Name on the end-date field the date-order problem the SMART panel lists. Shown, not enforced: a
        draft with its dates the wrong way round still saves, and submitting it is refused."""
        problem = date_order_problem(data.start_date, data.end_date)
        if problem and not self.form["end_date"].errors:
            self.form.errors["end_date"] = self.form.error_class([problem])


def _post_back(data: MultiValueDict, form) -> None:
    if isinstance(form, forms.BaseFormSet):
        for part in (form.management_form, *form.forms):
            _post_back(data, part)
        return
    for bound in form:
        value = bound.value()
        if value is not None:  # a field left out of a post reads as empty, whatever its widget
            data.setlist(bound.html_name, list(value) if isinstance(value, list | tuple) else [value])
    if isinstance(form, KPIForm):
        _post_back(data, form.interim)


def commitment_data(form: CommitmentForm, kpis) -> smart.CommitmentData:
    """What the SMART assessment reads from the forms: typed values when bound, stored or initial otherwise."""
    if not form.is_bound:
        if form.instance.pk:
            return smart.data_from_commitment(form.instance)
        return smart.CommitmentData(action_areas=[catalogue.DEFAULT_ACTION_AREA],
                                    gbf_targets=[catalogue.PRIMARY_GBF_TARGET])
    form.is_valid()
    kpis.is_valid()
    cleaned = form.cleaned_data
    values = {name: cleaned.get(name) or "" for name in ("title", "description", "resources", "partners")}
    terms = {name: [term.code for term in cleaned.get(name) or []] for name in TERM_LINKS}
    rows = [smart.KPIData(name=row.get("name") or "", unit=row.get("unit") or "",
                          baseline_value=row.get("baseline_value"), baseline_date=row.get("baseline_date"),
                          target_value=row.get("target_value"), target_date=row.get("target_date"))
            for row in (getattr(kpi_form, "cleaned_data", {}) for kpi_form in kpis.forms)
            if row and not row.get("DELETE")]
    return smart.CommitmentData(**values, **terms, start_date=cleaned.get("start_date"),
                                end_date=cleaned.get("end_date"), kpis=rows)
