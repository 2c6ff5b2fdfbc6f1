from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actionagenda.concurrency import Versioned
from actionagenda.progress.choices import Cadence, Direction
from actionagenda.validators import multi_line, one_line
from actionagenda.vocabularies import bch, catalogue
from actionagenda.vocabularies.models import Term

EARLIEST_DATE_YEAR = 1990
LATEST_DATE_YEAR = 2100


def date_in_range(value) -> bool:
    """Whether a commitment or KPI date falls within the years the platform accepts."""
    return EARLIEST_DATE_YEAR <= value.year <= LATEST_DATE_YEAR


def validate_date_range(value) -> None:
    """The field check of every date of a commitment and its KPIs, in the site's forms and the admin alike."""
    if value and not date_in_range(value):
        raise ValidationError(_("Enter a date between %(first)d and %(last)d."), code="date_range",
                              params={"first": EARLIEST_DATE_YEAR, "last": LATEST_DATE_YEAR})


def date_order_problem(start, end):
    """The message when a commitment's period ends before (or on the day) it starts, None otherwise: the one
    rule behind the end-date field's error and the SMART panel's time-bound criterion."""
    if start and end and end <= start:
        return _("The end date must come after the start date.")
    return None


class CommitmentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Commitment.Status.PUBLISHED)

    def editable_by(self, user):
        """Commitments `user` may edit: those of the actors they belong to, never another's."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(actor__members=user)

    def touch(self) -> int:
        """Mark these commitments changed now: what their public record shows beyond their own row (progress,
        the actor) moved. `updated` is what harvesters follow (`updated_after`) and what the API's validators
        (ETag, Last-Modified) and the facet index's version are made from. The version field is left alone:
        nobody's edit of the commitment is stale for it."""
        return self.update(updated=timezone.now())

    def with_relations(self):
        # A KPI's latest value is its derived progress row (progress.KPIProgress).
        return self.select_related("actor").prefetch_related(
            *TERM_LINKS, "bch_references", models.Prefetch("kpis", queryset=KPI.objects.select_related("progress")))


# The commitment's history, named so that a service can write one record by hand (`services._save_with_links`). The
# reason of a workflow step carries the moderator's whole comment: a text field, not the library's default of 100
# characters.
HISTORY = HistoricalRecords(m2m_fields=["countries", "action_areas", "gbf_targets", "ip_elements", "audiences"],
                            history_change_reason_field=models.TextField(null=True))


class Commitment(Versioned):
    """A voluntary, measurable biosafety commitment by a non-state actor."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for changes")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        ARCHIVED = "archived", _("Archived")

    actor = models.ForeignKey("accounts.Actor", on_delete=models.PROTECT, related_name="commitments",
                              verbose_name=_("actor"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="+", verbose_name=_("created by"))
    title = models.CharField(_("title"), max_length=250, validators=[one_line])
    description = models.TextField(_("description"), blank=True,
                                   help_text=_("What you will do, for whom and how. Markdown is allowed."),
                                   validators=[multi_line])
    language = models.CharField(_("language"), max_length=8, choices=catalogue.LANGUAGES.choices, default="en")
    countries = models.ManyToManyField(Term, related_name="+", blank=True, verbose_name=_("countries"),
                                       limit_choices_to={"scheme": "country"})
    action_areas = models.ManyToManyField(Term, related_name="+", blank=True, verbose_name=_("action areas"),
                                          limit_choices_to={"scheme": "action_area"})
    gbf_targets = models.ManyToManyField(Term, related_name="+", blank=True, verbose_name=_("GBF targets"),
                                         limit_choices_to={"scheme": "gbf_target"})
    ip_elements = models.ManyToManyField(Term, related_name="+", blank=True,
                                         verbose_name=_("Implementation Plan elements"),
                                         limit_choices_to={"scheme": "ip_element"})
    audiences = models.ManyToManyField(Term, related_name="+", blank=True, verbose_name=_("target audiences"),
                                       limit_choices_to={"scheme": "audience"})
    # Audiences named in the authors' own words (the API takes them as partners send them), one per line; a line
    # naming a code of the vocabulary also links that code (commitments.forms.CommitmentForm.clean).
    audiences_as_written = models.TextField(
        _("other target audiences"), blank=True, validators=[multi_line],
        help_text=_("In your own words, one per line. A line naming one of the audiences above ticks it too."))
    start_date = models.DateField(_("start date"), null=True, blank=True, validators=[validate_date_range])
    end_date = models.DateField(_("end date"), null=True, blank=True, validators=[validate_date_range])
    scale = models.CharField(_("scale"), max_length=16, choices=catalogue.SCALES.choices, blank=True)
    phase = models.CharField(_("phase"), max_length=16, choices=catalogue.PHASES.choices, default="planning")
    reporting_cadence = models.CharField(_("reporting cadence"), max_length=12, choices=Cadence.choices,
                                         default=Cadence.QUARTERLY,
                                         help_text=_("How often you will report progress once published."))
    partners = models.TextField(_("partners"), blank=True, validators=[multi_line])
    resources = models.TextField(_("resources"), blank=True,
                                 help_text=_("People, funding and in-kind means committed to the action."),
                                 validators=[multi_line])
    expected_impact = models.TextField(_("expected impact"), blank=True, validators=[multi_line])
    supply_chain_scope = models.CharField(_("supply-chain scope"), max_length=20, blank=True,
                                          choices=catalogue.SUPPLY_CHAIN_SCOPES.choices)
    contact_name = models.CharField(_("contact name"), max_length=150, blank=True, validators=[one_line])
    contact_email = models.EmailField(_("contact e-mail"), blank=True, validators=[one_line])
    # Contact details are personal data: the page shows them to the public only when the authors say so, and the
    # API never does.
    contact_public = models.BooleanField(
        _("show the contact name and e-mail address on the public page"), default=False,
        help_text=_("Unticked, only the commitment's authors and the secretariat see them."))
    website = models.URLField(_("website"), blank=True, validators=[one_line])
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    # Moves on every save and on every change its public record shows from other tables (`touch`).
    updated = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    history = HISTORY

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["-published_at", "-created"]
        permissions = [("moderate_commitment", _("Can moderate commitments"))]
        indexes = [
            models.Index(fields=["status", "-published_at"]),
            models.Index(fields=["status", "phase"]),
            models.Index(fields=["status", "scale"]),
            models.Index(fields=["status", "language"]),
            # The facet index's version reads the latest `updated` on every explore request and API list.
            models.Index(fields=["updated"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("commitments:detail", kwargs={"pk": self.pk})

    @property
    def actor_type(self) -> str:
        return self.actor.kind

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def reported_elsewhere(self) -> bool:
        """Whether another platform holds it (interop's harvests and imports keep its record there, a
        PartnerRecord): its progress reports are filed there, and none is owed here."""
        return hasattr(self, "partner_record")

    @property
    def confirmed_contact_email(self) -> str:
        """The contact address if its owner confirmed it for this commitment (ContactConfirmation), else ""."""
        address = self.contact_email.lower()
        confirmed = address and self.contact_confirmations.filter(email=address).exists()
        return self.contact_email if confirmed else ""

    @property
    def is_editable(self) -> bool:
        """Authors edit drafts and commitments returned to them; a submitted or published one is frozen."""
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def is_amendable(self) -> bool:
        """A published commitment changes through an Amendment the secretariat approves."""
        return self.status == self.Status.PUBLISHED


# Link field -> the vocabulary (Term scheme) it draws from, read from the fields themselves.
TERM_LINKS = {field.name: field.remote_field.limit_choices_to["scheme"] for field in Commitment._meta.many_to_many
              if field.remote_field.model is Term}


class ContactConfirmation(models.Model):
    """The owner of `email` followed the link e-mailed to it and agreed to be the contact of `commitment`.

    Anyone can type any address in the contact field, so the secretariat's notices reach the contact only while
    the commitment's `contact_email` is a confirmed one (commitments.contacts).
    """

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="contact_confirmations")
    email = models.EmailField(_("e-mail"), validators=[one_line])
    confirmed = models.DateTimeField(_("confirmed"), auto_now_add=True)

    class Meta:
        verbose_name = _("contact confirmation")
        verbose_name_plural = _("contact confirmations")
        constraints = [models.UniqueConstraint(fields=["commitment", "email"], name="commitments_contact_once")]

    def __str__(self):
        return self.email


class KPI(Versioned):
    """A key performance indicator: what is measured, from where, to where, by when."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="kpis")
    name = models.CharField(_("indicator"), max_length=200, validators=[one_line])
    unit = models.CharField(_("unit"), max_length=60, blank=True, validators=[one_line])
    baseline_value = models.DecimalField(_("baseline value"), max_digits=16, decimal_places=4, null=True,
                                         blank=True)
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True, validators=[validate_date_range])
    target_value = models.DecimalField(_("target value"), max_digits=16, decimal_places=4, null=True,
                                       blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True, validators=[validate_date_range])
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices, blank=True,
                                 help_text=_("Leave empty to derive it from the baseline and the target."))
    cumulative = models.BooleanField(_("readings add up"), default=False,
                                     help_text=_("Tick when each reading is the amount of its period (people "
                                                 "trained this quarter), not the level reached."))
    tolerance = models.DecimalField(_("tolerance"), max_digits=16, decimal_places=4, default=0,
                                    validators=[MinValueValidator(0)],
                                    help_text=_("For a value to maintain: how far from the target a reading "
                                                "may be and still count as on track."))
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=2, default=1,
                                 validators=[MinValueValidator(Decimal("0.01"))],
                                 help_text=_("Its share in the overall progress, relative to the other KPIs."))
    position = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")
        ordering = ["commitment", "position", "pk"]

    def __str__(self):
        return self.name

    @property
    def derived_direction(self) -> str:
        """The direction the author gave, else the one the baseline and the target imply ("" when unknown)."""
        if self.direction:
            return self.direction
        if self.baseline_value is None or self.target_value is None:
            return ""
        if self.target_value > self.baseline_value:
            return Direction.INCREASE
        return Direction.DECREASE if self.target_value < self.baseline_value else Direction.MAINTAIN

    def get_derived_direction_display(self) -> str:
        return str(Direction(self.derived_direction).label) if self.derived_direction else ""

    def clean(self):
        """The rules every way of writing a KPI applies (the form, the admin, the write API): a direction the
        baseline and the target agree with, and a target dated after the baseline."""
        super().clean()
        errors = {}
        baseline, target = self.baseline_value, self.target_value
        if self.direction and baseline is not None and target is not None:
            wrong = {Direction.INCREASE: target <= baseline, Direction.DECREASE: target >= baseline,
                     Direction.MAINTAIN: abs(target - baseline) > (self.tolerance or 0)}[self.direction]
            if wrong:
                errors["direction"] = ValidationError(DIRECTION_MISMATCH[self.direction], code="direction")
        if self.baseline_date and self.target_date and self.target_date <= self.baseline_date:
            errors["target_date"] = ValidationError(_("The target date must come after the baseline date."),
                                                    code="date_order")
        if errors:
            raise ValidationError(errors)

    def interim_target_errors(self, targets) -> dict[int, ValidationError]:
        """For each of `targets` ((value, date, phase) each, in order) that is wrong, why: its date must fall
        between the baseline and the target dates, and two targets cannot share a date."""
        errors, seen = {}, set()
        for index, (_value, date, _phase) in enumerate(targets):
            if date is None:
                continue
            if (self.baseline_date and date <= self.baseline_date) or (self.target_date and date >= self.target_date):
                errors[index] = ValidationError(_("An interim target must fall between the baseline date "
                                                  "and the target date."), code="interim_date")
            elif date in seen:
                errors[index] = ValidationError(_("Another interim target has this date."), code="interim_twice")
            seen.add(date)
        return errors


class BCHReference(models.Model):
    """A Biosafety Clearing-House record the commitment cites: its record type, and its identifier or the address
    of its page (the form of both checked by vocabularies.bch, whichever way the citation is written)."""

    MAX_PER_COMMITMENT = 20

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="bch_references",
                                   verbose_name=_("commitment"))
    record_type = models.CharField(_("record type"), max_length=8, choices=catalogue.BCH_RECORD_TYPES.choices)
    identifier = models.CharField(_("BCH identifier"), max_length=40, blank=True, validators=[one_line],
                                  help_text=_("For example BCH-LMO-SCBD-14786-6."))
    url = models.URLField(_("address on bch.cbd.int"), blank=True, max_length=400, validators=[one_line])
    # The cited record whatever its revision (BCH-LMO-SCBD-14786), from the identifier or the address: what the
    # API's filter by record matches.
    record = models.CharField(max_length=40, blank=True, editable=False)
    position = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("BCH record")
        verbose_name_plural = _("BCH records")
        ordering = ["commitment", "position", "pk"]
        indexes = [models.Index(fields=["record"]), models.Index(fields=["record_type"])]

    def __str__(self):
        return f"{self.record_type} {self.identifier or self.url}"

    def save(self, *args, **kwargs):
        self.record = bch.record_key(self.identifier, self.url)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        parsed = bch.parse(self.identifier)
        if parsed:
            self.identifier = str(parsed)
        errors = bch.problems(self.record_type, self.identifier, self.url)
        if errors:
            raise ValidationError({name: ValidationError(message, code="bch") for name, message in errors.items()})

    @property
    def link(self) -> str:
        """Where the record is read: the address given, else its page by identifier."""
        return self.url or bch.record_url(self.identifier)

    @property
    def type_label(self) -> str:
        return catalogue.BCH_RECORD_TYPES.label_of(self.record_type)

    @property
    def shown(self) -> str:
        """What names the record to a reader: its identifier, else the record its address names, else the address."""
        return self.identifier or bch.record_key("", self.url) or self.url

    @property
    def row(self) -> dict:
        """The citation as the forms, the amendments and the API pass it around."""
        return {"record_type": self.record_type, "identifier": self.identifier, "url": self.url}


DIRECTION_MISMATCH = {
    Direction.INCREASE: _("To increase, the target must be above the baseline."),
    Direction.DECREASE: _("To decrease, the target must be below the baseline."),
    Direction.MAINTAIN: _("To maintain a value, the target must equal the baseline (within the tolerance)."),
}


class ModerationDecision(models.Model):
    """A step of the moderation workflow, with the comment shown to the author."""

    class Action(models.TextChoices):
        SUBMIT = "submit", _("Submitted")
        PUBLISH = "publish", _("Published")
        RETURN = "return", _("Returned for changes")
        WITHDRAW = "withdraw", _("Withdrawn")
        ARCHIVE = "archive", _("Archived")

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="decisions")
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    comment = models.TextField(_("comment"), blank=True, validators=[multi_line])
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} — {self.commitment}"



class QueueDigestDelivery(models.Model):
    """The daily moderation-queue digest sent to one secretariat member for one day: the unique key makes a
    second send impossible, however many workers run the periodic job."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("day"))
    waiting = models.PositiveIntegerField(_("commitments waiting"), default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("moderation digest delivery")
        verbose_name_plural = _("moderation digest deliveries")
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="one_queue_digest_per_user_per_day")]

    def __str__(self):
        return f"{self.user} {self.day}"


class Amendment(Versioned):
    """Changes the authors propose to a published commitment, kept aside until the secretariat approves them.

    `proposal` holds the whole proposed version (commitments.amendments reads and writes it): the fields of the
    commitment form and every KPI, each with the id of the KPI it changes (none for a new one; a KPI left out is
    removed). The public page and the API show the commitment itself, never this, until it is applied.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Awaiting review")
        RETURNED = "returned", _("Returned for changes")
        APPROVED = "approved", _("Approved")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    OPEN = (Status.DRAFT, Status.SUBMITTED, Status.RETURNED)

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="amendments",
                                   verbose_name=_("commitment"))
    proposal = models.JSONField(_("proposal"), default=dict)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="+", verbose_name=_("created by"))
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+", verbose_name=_("submitted by"))
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    comment = models.TextField(_("comment to the author"), blank=True, validators=[multi_line])

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["-created", "-pk"]
        indexes = [models.Index(fields=["status", "submitted_at"])]
        constraints = [models.UniqueConstraint(fields=["commitment"],
                                               condition=models.Q(status__in=["draft", "submitted", "returned"]),
                                               name="commitments_one_open_amendment")]

    def __str__(self):
        return f"{self.commitment} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def is_editable(self) -> bool:
        """The authors edit a draft amendment or one returned to them; a submitted one waits for the decision."""
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)
