"""The four commitment forms (one per actor type), the actor's own fields and the KPI rows.

Field checks here are about the shape of what was typed (a date is a date, within the range the models
accept); whether a commitment is complete enough to submit is `smart`'s rule, applied by the workflow, so a
draft can be saved while it is still incomplete.
"""

import unicodedata

from django import forms
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from actionagenda.accounts.models import Actor
from actionagenda.concurrency import VersionedFormMixin
from actionagenda.validators import one_line
from actionagenda.vocabularies import catalogue
from actionagenda.vocabularies.models import Term

from . import smart
from .models import KPI, TERM_LINKS, Commitment, date_order_problem

COMMON_FIELDS = [
    "title", "description", "language", "countries", "action_areas", "gbf_targets", "ip_elements",
    "start_date", "end_date", "scale", "audiences", "partners", "resources", "expected_impact",
    "contact_name", "contact_email", "contact_public", "website",
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
            "partners": forms.Textarea(attrs={"rows": 3}),
            "resources": forms.Textarea(attrs={"rows": 3}),
            "expected_impact": forms.Textarea(attrs={"rows": 3}),
            "start_date": DateInput(),
            "end_date": DateInput(),
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
            instance = (Actor.objects.filter(kind=Actor.Kind.INDIVIDUAL, members=user).order_by("pk").first()
                        if user is not None and user.is_authenticated else None)
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


class KPIForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = KPI
        fields = ["name", "unit", "baseline_value", "baseline_date", "target_value", "target_date"]
        widgets = {"baseline_date": DateInput(), "target_date": DateInput()}


KPIFormSet = forms.inlineformset_factory(Commitment, KPI, form=KPIForm, extra=1, can_delete=True, max_num=20)

FORMS = {
    Actor.Kind.INDIVIDUAL: (IndividualCommitmentForm, IndividualActorForm),
    Actor.Kind.ORGANIZATION: (OrganizationCommitmentForm, OrganizationActorForm),
    Actor.Kind.BUSINESS: (BusinessCommitmentForm, BusinessActorForm),
    Actor.Kind.LOCAL_GOVERNMENT: (LocalGovernmentCommitmentForm, LocalGovernmentActorForm),
}


class AuthoringForms:
    """The forms one commitment page is made of, validated and assessed together."""

    def __init__(self, kind: str, user, commitment: Commitment, data=None):
        commitment_form_class, actor_form_class = FORMS[kind]
        self.kind = kind
        self.commitment = commitment
        self.form = commitment_form_class(data, instance=commitment)
        self.kpis = KPIFormSet(data, instance=commitment, prefix="kpis")
        self.actor = None
        if actor_form_class:
            actor = commitment.actor if commitment.pk else Actor(kind=kind)
            self.actor = actor_form_class(data, instance=actor, user=user, kind=kind, prefix="actor")

    @property
    def all(self) -> list:
        return [form for form in (self.actor, self.form, self.kpis) if form is not None]

    def is_valid(self) -> bool:
        return all([form.is_valid() for form in self.all])

    @property
    def stale(self) -> bool:
        """Whether someone else saved the commitment or one of its KPIs since these forms were loaded."""
        return any(form.is_stale for form in [self.form, *self.kpis.forms])

    def smart_data(self) -> smart.CommitmentData:
        return commitment_data(self.form, self.kpis)

    def show_problems_on_fields(self, data: smart.CommitmentData) -> None:
        """Name on the end-date field the date-order problem the SMART panel lists. Shown, not enforced: a
        draft with its dates the wrong way round still saves, and submitting it is refused."""
        problem = date_order_problem(data.start_date, data.end_date)
        if problem and not self.form["end_date"].errors:
            self.form.errors["end_date"] = self.form.error_class([problem])


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
