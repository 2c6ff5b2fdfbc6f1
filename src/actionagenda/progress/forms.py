"""The report and phase forms of the site. They check only the shape of what was typed (a date is a date); the
rules (a reading within the period, a note without evidence, the order of phases) are `progress.reports`' and
`progress.services`', which the API calls too: their per-field refusals are put back on these forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actionagenda import uploads
from actionagenda.commitments.forms import DateInput
from actionagenda.concurrency import VersionedFormMixin
from actionagenda.vocabularies import catalogue

from .models import ProgressReport
from .reports import ReadingInput, ReportInput
from .services import DISCONTINUED, PHASE_ORDER

REPORT_FIELDS = ["kind", "period_start", "period_end", "phase", "narrative", "challenges", "support_needed"]


class ReportForm(VersionedFormMixin, forms.Form):
    """A report's own fields; refused when someone saved the report after this page was opened."""

    kind = forms.ChoiceField(label=_("Kind"), choices=ProgressReport.Kind.choices, widget=forms.RadioSelect,
                             help_text=_("A quarterly note is the short variant: a narrative and readings only."))
    period_start = forms.DateField(label=_("Period start"), widget=DateInput())
    period_end = forms.DateField(label=_("Period end"), widget=DateInput(),
                                 help_text=_("Readings are dated within the period (the end, unless you say)."))
    phase = forms.ChoiceField(label=_("Phase during the period"), required=False,
                              choices=[("", "—"), *catalogue.PHASES.choices])
    narrative = forms.CharField(label=_("What happened"), required=False, widget=forms.Textarea(attrs={"rows": 8}),
                                help_text=_("Needed to submit. Markdown is allowed."))
    challenges = forms.CharField(label=_("Challenges"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    support_needed = forms.CharField(label=_("Support needed"), required=False,
                                     widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, report: ProgressReport, **kwargs):
        self.instance = report
        super().__init__(*args, **kwargs)

    def get_versioned_names(self) -> list[str]:
        return REPORT_FIELDS


class ReadingForm(forms.Form):
    """The reading of one KPI in the report (an empty value: no reading)."""

    value = forms.CharField(label=_("Value"), required=False, max_length=40,
                            widget=forms.TextInput(attrs={"inputmode": "decimal"}))
    date = forms.DateField(label=_("Date"), required=False, widget=DateInput(),
                           help_text=_("Empty: the end of the period."))
    note = forms.CharField(label=_("Note"), required=False, max_length=500)

    def __init__(self, *args, kpi, **kwargs):
        self.kpi = kpi
        super().__init__(*args, prefix=f"kpi-{kpi.pk}", **kwargs)
        if kpi.unit:
            self.fields["value"].label = _("Value (%(unit)s)") % {"unit": kpi.unit}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={
            "accept": ",".join(f".{extension}" for extension in uploads.EVIDENCE_FILES)}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class EvidenceForm(forms.Form):
    """Evidence of a full report: links (one a line, a title after the address if wished) and files."""

    links = forms.CharField(label=_("Evidence links"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                            help_text=_("One address a line; a title may follow the address after a space."))
    files = MultipleFileField(label=_("Evidence files"), required=False,
                              help_text=_("PDF, Word, Excel, PowerPoint or OpenDocument text, up to 10 MB each. "
                                          "Choose them again if the page shows an error."))
    remove_files = forms.MultipleChoiceField(label=_("Remove files"), required=False,
                                             widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, report: ProgressReport, **kwargs):
        super().__init__(*args, **kwargs)
        existing = list(report.evidence_files.all()) if report.pk else []
        self.fields["remove_files"].choices = [(str(evidence.pk), str(evidence)) for evidence in existing]
        if not existing:
            del self.fields["remove_files"]
        if report.pk and not self.is_bound:
            self.initial["links"] = "\n".join(f"{link.url} {link.title}".strip()
                                              for link in report.evidence_links.all())

    def link_pairs(self) -> list[tuple[str, str]]:
        pairs = []
        for line in self.cleaned_data["links"].splitlines():
            if line.strip():
                url, _space, title = line.strip().partition(" ")
                pairs.append((url, title.strip()))
        return pairs


class ReportForms:
    """The report form, a reading form per KPI and the evidence form, as one page posts them."""

    def __init__(self, commitment, report: ProgressReport, data=None, files=None, initial_period=None):
        self.report = report
        initial = {name: getattr(report, name) for name in REPORT_FIELDS} if report.pk else {
            "kind": ProgressReport.Kind.REPORT, "phase": commitment.phase,
            "period_start": initial_period.start, "period_end": initial_period.end}
        self.form = ReportForm(data, report=report, initial=initial)
        current = {reading.kpi_id: reading for reading in report.readings.current()} if report.pk else {}
        self.readings = []
        for kpi in commitment.kpis.all():
            reading = current.get(kpi.pk)
            row = {"value": f"{reading.value.normalize():f}", "date": reading.date, "note": reading.note} \
                if reading else {}
            self.readings.append(ReadingForm(data, kpi=kpi, initial=row))
        self.evidence = EvidenceForm(data, files, report=report)

    @property
    def all(self):
        return [self.form, *self.readings, self.evidence]

    @property
    def stale(self) -> bool:
        return self.form.is_bound and self.form.is_stale

    def is_valid(self) -> bool:
        return all([form.is_valid() for form in self.all])

    def input(self) -> ReportInput:
        """What was typed, for `reports.save`."""
        data = self.form.cleaned_data
        evidence = self.evidence.cleaned_data
        return ReportInput(
            **{name: data[name] for name in REPORT_FIELDS},
            readings=[ReadingInput(form.kpi.pk, form.cleaned_data["value"], form.cleaned_data["date"],
                                   form.cleaned_data["note"]) for form in self.readings],
            links=self.evidence.link_pairs(), files=evidence["files"],
            remove_files=[int(pk) for pk in evidence.get("remove_files", [])])

    def add_errors(self, error: ValidationError) -> None:
        """Put the refusals of `reports.save` (keyed `period_end`, `readings.0.value`, `links.1`, ...) on the
        fields they are about."""
        for key, messages in error.message_dict.items():
            name, _dot, rest = key.partition(".")
            if name == "readings" and rest:
                index, _dot, field = rest.partition(".")
                self.readings[int(index)].add_error(field if field in ReadingForm.base_fields else None, messages)
            elif name in ("links", "files"):
                number = f"{int(rest) + 1}: " if rest else ""
                label = gettext("Line") if name == "links" else gettext("File")
                self.evidence.add_error(name, [f"{label} {number}{message}" if number else message
                                               for message in messages])
            elif name in self.form.fields:
                self.form.add_error(name, messages)
            else:
                self.form.add_error(None, messages)


class PhaseForm(forms.Form):
    phase = forms.ChoiceField(label=_("New phase"))
    started_on = forms.DateField(label=_("Since"), widget=DateInput())
    reason = forms.CharField(label=_("Public reason"), required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Required when the commitment is discontinued; shown on its page."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(catalogue.PHASES.choices)
        self.fields["phase"].choices = [(code, labels[code]) for code in (*PHASE_ORDER, DISCONTINUED)]


class ReadingsUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file of readings"),
        validators=[uploads.UploadCheck(uploads.READINGS_FILES, uploads.MAX_READINGS_FILE)],
        help_text=_("The format of the download: kpi_id, kpi, unit, date (YYYY-MM-DD), value, note, evidence_url; "
                    "up to 2 MB."))
