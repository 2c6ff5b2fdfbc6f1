"""Progress of a commitment over time: phase moves, interim targets, readings, reports and their evidence.

KPIs themselves live with their commitment (commitments.KPI, entered on the commitment form); everything dated
that happens to them after publication lives here. `KPIProgress` and `Scorecard` are derived: recomputed by
`progress.services` whenever a reading or report changes and daily by the worker (a state depends on the day),
so that pages, facets and the API read one row instead of recomputing.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actionagenda import uploads
from actionagenda.commitments.models import validate_date_range
from actionagenda.concurrency import Versioned
from actionagenda.validators import multi_line, one_line
from actionagenda.vocabularies import catalogue

from .choices import State, TrafficLight

VALUE = {"max_digits": 16, "decimal_places": 4}


class PhaseChange(models.Model):
    """The commitment entered `phase` on `started_on` (the newest row is its present phase)."""

    commitment = models.ForeignKey("commitments.Commitment", on_delete=models.CASCADE, related_name="phase_changes")
    phase = models.CharField(_("phase"), max_length=16, choices=catalogue.PHASES.choices)
    started_on = models.DateField(_("started on"), validators=[validate_date_range])
    reason = models.TextField(_("reason"), blank=True, validators=[multi_line],
                              help_text=_("Required when the commitment is discontinued; shown publicly."))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("phase change")
        verbose_name_plural = _("phase changes")
        ordering = ["commitment", "started_on", "pk"]

    def __str__(self):
        return f"{self.get_phase_display()} ({self.started_on})"


class InterimTarget(models.Model):
    """A milestone value of a KPI on a date, optionally the target for the end of a phase."""

    kpi = models.ForeignKey("commitments.KPI", on_delete=models.CASCADE, related_name="interim_targets")
    value = models.DecimalField(_("value"), **VALUE)
    date = models.DateField(_("date"), validators=[validate_date_range])
    phase = models.CharField(_("end of phase"), max_length=16, choices=catalogue.PHASES.choices, blank=True,
                             help_text=_("The phase this target closes, if any."))
    # Part of its KPI's history (commitments.history): added and removed targets, in full.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("interim target")
        verbose_name_plural = _("interim targets")
        ordering = ["kpi", "date", "pk"]

    def __str__(self):
        return f"{self.value} ({self.date})"


class ProgressReport(Versioned):
    """A periodic report on a commitment: a full report, or a short quarterly note (narrative and readings)."""

    class Kind(models.TextChoices):
        REPORT = "report", _("Progress report")
        NOTE = "note", _("Quarterly note")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for changes")

    commitment = models.ForeignKey("commitments.Commitment", on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.REPORT)
    period_start = models.DateField(_("period start"), validators=[validate_date_range])
    period_end = models.DateField(_("period end"), validators=[validate_date_range])
    phase = models.CharField(_("phase"), max_length=16, choices=catalogue.PHASES.choices, blank=True)
    narrative = models.TextField(_("what happened"), blank=True, validators=[multi_line],
                                 help_text=_("Markdown is allowed."))
    challenges = models.TextField(_("challenges"), blank=True, validators=[multi_line])
    support_needed = models.TextField(_("support needed"), blank=True, validators=[multi_line])
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="+", verbose_name=_("created by"))
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["commitment", "-period_end", "-pk"]
        indexes = [models.Index(fields=["commitment", "status", "period_end"])]
        constraints = [models.CheckConstraint(condition=models.Q(period_end__gte=models.F("period_start")),
                                              name="progress_report_period_in_order")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.period_start} – {self.period_end}"

    def get_absolute_url(self):
        return reverse("progress:report", kwargs={"pk": self.commitment_id, "report": self.pk})

    @property
    def is_public(self) -> bool:
        """Submitted reports are public at once (marked self-reported); drafts and returned ones are not."""
        return self.status == self.Status.SUBMITTED


class ReportDecision(models.Model):
    """The secretariat's comment on a report, or its return to the authors (its readings leave the public
    figures until the report is submitted again)."""

    class Action(models.TextChoices):
        SUBMIT = "submit", _("Submitted")
        CORRECT = "correct", _("Corrected")
        COMMENT = "comment", _("Commented")
        RETURN = "return", _("Returned for changes")

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="decisions")
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    comment = models.TextField(_("comment"), blank=True, validators=[multi_line])
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("report decision")
        verbose_name_plural = _("report decisions")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} — {self.report}"


class ReadingQuerySet(models.QuerySet):
    def current(self):
        """The latest version of each reading (a correction replaces the reading it corrects)."""
        return self.filter(replaced_by__isnull=True)

    def public(self):
        """Current readings in the public figures: outside any report, or in a submitted one."""
        return self.current().filter(models.Q(report__isnull=True)
                                     | models.Q(report__status=ProgressReport.Status.SUBMITTED))


class Reading(models.Model):
    """A KPI's value on a date. A correction is a new Reading that `corrects` the old one; nothing is
    overwritten, and the old version stays in the history."""

    class Source(models.TextChoices):
        REPORT = "report", _("Progress report")
        CSV = "csv", _("CSV upload")
        API = "api", _("API")
        PARTNER = "partner", _("Partner platform")  # harvested with its commitment (interop.harvest)
        # The "latest value" the commitment form asked for before readings were dated (migration 0005).
        FORM = "form", _("Commitment form")

    kpi = models.ForeignKey("commitments.KPI", on_delete=models.CASCADE, related_name="readings")
    date = models.DateField(_("date"), validators=[validate_date_range])
    value = models.DecimalField(_("value"), **VALUE)
    note = models.CharField(_("note"), max_length=500, blank=True, validators=[one_line])
    evidence_url = models.URLField(_("evidence link"), blank=True, validators=[one_line])
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, null=True, blank=True,
                               related_name="readings")
    source = models.CharField(_("source"), max_length=8, choices=Source.choices, default=Source.REPORT)
    corrects = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="replaced_by", verbose_name=_("corrects"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="+")
    created = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = ReadingQuerySet.as_manager()

    class Meta:
        verbose_name = _("reading")
        verbose_name_plural = _("readings")
        ordering = ["kpi", "date", "pk"]
        indexes = [models.Index(fields=["kpi", "date"])]

    def __str__(self):
        return f"{self.value} ({self.date})"


class EvidenceLink(models.Model):
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="evidence_links")
    url = models.URLField(_("link"), validators=[one_line])
    title = models.CharField(_("title"), max_length=200, blank=True, validators=[one_line])

    class Meta:
        verbose_name = _("evidence link")
        verbose_name_plural = _("evidence links")
        ordering = ["report", "pk"]

    def __str__(self):
        return self.title or self.url


class EvidenceFile(models.Model):
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="evidence_files")
    file = models.FileField(_("file"), upload_to="progress/evidence/%Y/",
                            validators=[uploads.UploadCheck(uploads.EVIDENCE_FILES, uploads.MAX_EVIDENCE_FILE)],
                            help_text=_("PDF, Word, Excel, PowerPoint or OpenDocument text, up to 10 MB."))
    title = models.CharField(_("title"), max_length=200, blank=True, validators=[one_line])

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["report", "pk"]

    def __str__(self):
        return self.title or self.file.name


class KPIProgress(models.Model):
    """Derived: a KPI's latest value, fraction and state on the day it was computed (progress.services)."""

    kpi = models.OneToOneField("commitments.KPI", on_delete=models.CASCADE, related_name="progress",
                               primary_key=True)
    latest_value = models.DecimalField(**VALUE, null=True)
    latest_date = models.DateField(null=True)
    fraction = models.DecimalField(max_digits=12, decimal_places=4, null=True)
    state = models.CharField(max_length=12, choices=State.choices, default=State.NO_DATA, db_index=True)
    computed_on = models.DateField()

    class Meta:
        verbose_name = _("KPI progress")
        verbose_name_plural = _("KPI progress")

    def __str__(self):
        return f"{self.kpi}: {self.get_state_display()}"


class Scorecard(models.Model):
    """Derived: a commitment's overall progress and reporting record on the day it was computed."""

    commitment = models.OneToOneField("commitments.Commitment", on_delete=models.CASCADE,
                                      related_name="scorecard", primary_key=True)
    overall = models.DecimalField(max_digits=12, decimal_places=4, null=True)
    traffic_light = models.CharField(max_length=8, choices=TrafficLight.choices, default=TrafficLight.GREEN,
                                     db_index=True)
    inactive = models.BooleanField(default=False, db_index=True)
    last_report_on = models.DateField(null=True)
    next_report_due = models.DateField(null=True)
    computed_on = models.DateField()

    class Meta:
        verbose_name = _("scorecard")
        verbose_name_plural = _("scorecards")

    def __str__(self):
        return str(self.commitment)


class Survey(models.Model):
    """A before/after survey of the commitment's audience: a few questions asked in rounds (a baseline, then
    follow-ups), recorded as aggregate answers only: counts per option or a mean, never a person's answer."""

    commitment = models.ForeignKey("commitments.Commitment", on_delete=models.CASCADE, related_name="surveys")
    title = models.CharField(_("title"), max_length=200, validators=[one_line])
    audience = models.CharField(_("who is asked"), max_length=200, validators=[one_line],
                                help_text=_("For example: farmers of the Rift Valley cooperatives."))
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["commitment", "pk"]

    def __str__(self):
        return self.title


class SurveyQuestion(models.Model):
    class Kind(models.TextChoices):
        CHOICE = "choice", _("One option each (counts per option)")
        MEAN = "mean", _("A score (the mean)")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=300, validators=[one_line])
    kind = models.CharField(_("answers"), max_length=8, choices=Kind.choices, default=Kind.CHOICE)
    options = models.TextField(_("options"), blank=True, validators=[multi_line],
                               help_text=_("One option per line (for counts per option)."))
    scale_min = models.DecimalField(_("lowest score"), max_digits=8, decimal_places=2, null=True, blank=True)
    scale_max = models.DecimalField(_("highest score"), max_digits=8, decimal_places=2, null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")
        ordering = ["survey", "position", "pk"]

    def __str__(self):
        return self.text

    @property
    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]

    def clean(self):
        if self.kind == self.Kind.CHOICE and len(self.option_list) < 2:
            raise ValidationError({"options": _("Give at least two options, one per line.")})
        if self.kind == self.Kind.MEAN:
            if self.scale_min is None or self.scale_max is None:
                raise ValidationError({"scale_max": _("Give the lowest and the highest score of the scale.")})
            if self.scale_min >= self.scale_max:
                raise ValidationError({"scale_max": _("The highest score must be above the lowest.")})


class SurveyRound(models.Model):
    class Kind(models.TextChoices):
        BASELINE = "baseline", _("Baseline")
        FOLLOW_UP = "follow_up", _("Follow-up")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="rounds")
    kind = models.CharField(_("round"), max_length=10, choices=Kind.choices, default=Kind.FOLLOW_UP)
    held_on = models.DateField(_("held on"), validators=[validate_date_range])
    respondents = models.PositiveIntegerField(_("respondents"))
    created = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey round")
        verbose_name_plural = _("survey rounds")
        ordering = ["survey", "held_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["survey"], condition=models.Q(kind="baseline"),
                                               name="progress_survey_one_baseline")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.held_on})"


class SurveyAnswer(models.Model):
    """How many respondents of a round chose an option of a question, or the question's mean score."""

    round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    option = models.PositiveSmallIntegerField(null=True, blank=True)  # index in the question's options
    count = models.PositiveIntegerField(null=True, blank=True)
    mean = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        constraints = [models.UniqueConstraint(fields=["round", "question", "option"],
                                               name="progress_survey_answer_once")]

    def __str__(self):
        return f"{self.question}: {self.count if self.mean is None else self.mean}"


class ReminderSent(models.Model):
    """A report reminder claimed for one recipient, period and offset: the row is committed before the e-mail
    goes, and the unique key makes a second claim (a second run, a concurrent worker) fail and send nothing."""

    commitment = models.ForeignKey("commitments.Commitment", on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    period_end = models.DateField()
    # Days from the due date: negative before it (-30, -7, -1), positive after it (1, 7, then 30, 60, ...).
    days_from_due = models.SmallIntegerField()
    claimed = models.DateTimeField(auto_now_add=True)
    sent = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("report reminder")
        verbose_name_plural = _("report reminders")
        constraints = [models.UniqueConstraint(fields=["commitment", "recipient", "period_end", "days_from_due"],
                                               name="progress_reminder_once")]

    def __str__(self):
        return f"{self.commitment_id} {self.period_end} {self.days_from_due:+d}"
