from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actionagenda.concurrency import Versioned
from actionagenda.progress.choices import Cadence, Direction
from actionagenda.validators import multi_line, one_line
from actionagenda.vocabularies import catalogue
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

    def with_relations(self):
        return self.select_related("actor").prefetch_related(*TERM_LINKS, "kpis")


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
    updated = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # The reason of a workflow step carries the moderator's whole comment: a text field, not the library's
    # default of 100 characters.
    history = HistoricalRecords(m2m_fields=[countries, action_areas, gbf_targets, ip_elements, audiences],
                                history_change_reason_field=models.TextField(null=True))

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
    def confirmed_contact_email(self) -> str:
        """The contact address if its owner confirmed it for this commitment (ContactConfirmation), else ""."""
        address = self.contact_email.lower()
        confirmed = address and self.contact_confirmations.filter(email=address).exists()
        return self.contact_email if confirmed else ""

    @property
    def is_editable(self) -> bool:
        """Authors edit drafts and commitments returned to them; a submitted or published one is frozen."""
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)


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
    current_value = models.DecimalField(_("latest value"), max_digits=16, decimal_places=4, null=True,
                                        blank=True)
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
