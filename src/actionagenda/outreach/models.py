"""What the secretariat publishes: news items and stories (a story profiles an actor), quotes, tags, featured
commitments and the FAQ's categories (the FAQ's entries are the assistant's FAQ documents: `FAQEntry`).

Text is written in English and, when the secretariat has it, in French and Spanish: each translated field has
one column per language (`title_en`, `title_fr`, `title_es`). A record is shown in the page's language when its
`PRIMARY` field has text in it, otherwise wholly in English (`in_language`), and the page marks that language.
"""

import secrets
from types import SimpleNamespace

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actionagenda.assistant.models import GuidanceDocument
from actionagenda.concurrency import Versioned
from actionagenda.uploads import IMAGES, MAX_IMAGE, UploadCheck
from actionagenda.validators import multi_line, one_line

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
FIRST = LANGUAGES[0]  # every record has its text in this language
LANGUAGE_NAMES = {"en": _("English"), "fr": _("French"), "es": _("Spanish")}


class Translated(models.Model):
    """A record with per-language columns for its `TRANSLATED` fields."""

    TRANSLATED: tuple[str, ...] = ()
    PRIMARY = ""  # the field whose text in a language makes the record available in it

    class Meta:
        abstract = True

    def languages(self) -> list[str]:
        return [code for code in LANGUAGES if getattr(self, f"{self.PRIMARY}_{code}")]

    def in_language(self, wanted: str) -> SimpleNamespace:
        """The record's text in `wanted` when it has it, else in the first language; `language` says which."""
        language = wanted if getattr(self, f"{self.PRIMARY}_{wanted}", "") else FIRST
        return SimpleNamespace(record=self, language=language, translated=language == wanted,
                               **{name: getattr(self, f"{name}_{language}") for name in self.TRANSLATED})

    def clean_translations(self, required: tuple[str, ...]) -> None:
        """Every language the record is available in has each of `required` filled in."""
        errors = {}
        for language in self.languages():
            for name in required:
                if not getattr(self, f"{name}_{language}").strip():
                    errors[f"{name}_{language}"] = ValidationError(
                        _("Needed in %(language)s, since the %(primary)s is."), code="required",
                        params={"language": LANGUAGE_NAMES[language],
                                "primary": self._meta.get_field(f"{self.PRIMARY}_{language}").verbose_name})
        if errors:
            raise ValidationError(errors)


class Tag(Translated):
    """A topic a news item is filed under (the news list filters by it)."""

    TRANSLATED = ("name",)
    PRIMARY = "name"

    slug = models.SlugField(_("slug"), max_length=60, unique=True, validators=[one_line])
    name_en = models.CharField(_("name (English)"), max_length=80, validators=[one_line])
    name_fr = models.CharField(_("name (French)"), max_length=80, blank=True, validators=[one_line])
    name_es = models.CharField(_("name (Spanish)"), max_length=80, blank=True, validators=[one_line])

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["slug"]

    def __str__(self):
        return self.name_en

    def name_in(self, language: str) -> str:
        return getattr(self, f"name_{language}", "") or self.name_en


class NewsItemQuerySet(models.QuerySet):
    def public(self, now=None):
        """Published items whose publication date has come: drafts and scheduled items are never public."""
        return self.filter(status=NewsItem.Status.PUBLISHED, publish_at__lte=now or timezone.now())


class NewsItem(Versioned, Translated):
    """A news item or a story written by the secretariat. A story profiles an actor and carries quotes."""

    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        STORY = "story", _("Story")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    TRANSLATED = ("title", "summary", "body", "image_alt")
    PRIMARY = "title"

    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.NEWS)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT,
                              help_text=_("A draft is never public, whatever its publication date."))
    publish_at = models.DateTimeField(_("publication date"), default=timezone.now,
                                      help_text=_("A published item appears on the site from this moment: a date "
                                                  "in the future schedules it."))
    slug = models.SlugField(_("slug"), max_length=100, unique=True, validators=[one_line],
                            help_text=_("The item's address: /news/<slug>/. Keep it once published."))
    title_en = models.CharField(_("title (English)"), max_length=200, validators=[one_line])
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True, validators=[one_line],
                                help_text=_("Leave empty to show the English version on French pages."))
    title_es = models.CharField(_("title (Spanish)"), max_length=200, blank=True, validators=[one_line],
                                help_text=_("Leave empty to show the English version on Spanish pages."))
    summary_en = models.TextField(_("summary (English)"), max_length=400, validators=[multi_line],
                                  help_text=_("One or two sentences for lists, feeds and sharing cards."))
    summary_fr = models.TextField(_("summary (French)"), max_length=400, blank=True, validators=[multi_line])
    summary_es = models.TextField(_("summary (Spanish)"), max_length=400, blank=True, validators=[multi_line])
    body_en = models.TextField(_("text (English)"), validators=[multi_line], help_text=_("Markdown is allowed."))
    body_fr = models.TextField(_("text (French)"), blank=True, validators=[multi_line])
    body_es = models.TextField(_("text (Spanish)"), blank=True, validators=[multi_line])
    image = models.FileField(_("image"), upload_to="news/", blank=True, validators=[UploadCheck(IMAGES, MAX_IMAGE)],
                             help_text=_("PNG, JPEG or WebP, up to 3 MB, about 1200 × 675 pixels."))
    image_alt_en = models.CharField(_("image description (English)"), max_length=250, blank=True,
                                    validators=[one_line],
                                    help_text=_("What the image shows, for people who cannot see it. Required "
                                                "with an image."))
    image_alt_fr = models.CharField(_("image description (French)"), max_length=250, blank=True,
                                    validators=[one_line])
    image_alt_es = models.CharField(_("image description (Spanish)"), max_length=250, blank=True,
                                    validators=[one_line])
    image_credit = models.CharField(_("image credit"), max_length=200, blank=True, validators=[one_line])
    tags = models.ManyToManyField(Tag, related_name="items", blank=True, verbose_name=_("tags"))
    profiled_actor = models.ForeignKey("accounts.Actor", on_delete=models.SET_NULL, null=True, blank=True,
                                       related_name="stories", verbose_name=_("actor profiled"),
                                       help_text=_("For a story: the actor it is about."))
    actors = models.ManyToManyField("accounts.Actor", related_name="news_items", blank=True,
                                    verbose_name=_("linked actors"))
    commitments = models.ManyToManyField("commitments.Commitment", related_name="news_items", blank=True,
                                         verbose_name=_("linked commitments"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("created by"), editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    # The image is left out: the history would keep its name as text, with the upload's validators.
    history = HistoricalRecords(excluded_fields=["image"])

    objects = NewsItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("news item or story")
        verbose_name_plural = _("news and stories")
        ordering = ["-publish_at", "-pk"]
        indexes = [models.Index(fields=["status", "publish_at"])]

    def __str__(self):
        return self.title_en

    def get_absolute_url(self):
        return reverse("outreach:news_item", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()

    @property
    def is_scheduled(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.publish_at > timezone.now()

    def image_url(self) -> str:
        """Where pages load the image (the file's name in the address: a new image is a new address)."""
        if not self.image:
            return ""
        return reverse("news_image", kwargs={"pk": self.pk, "name": self.image.name.rsplit("/", 1)[-1]})

    def clean(self):
        super().clean()
        required = ("summary", "body", "image_alt") if self.image else ("summary", "body")
        self.clean_translations(required)
        if self.kind == self.Kind.STORY and not self.profiled_actor_id:
            raise ValidationError({"profiled_actor": ValidationError(_("A story profiles an actor: choose it."),
                                                                     code="required")})


class QuoteQuerySet(models.QuerySet):
    def public(self, now=None):
        """Published quotes standing alone, and those of public stories."""
        now = now or timezone.now()
        return self.filter(published=True).filter(
            models.Q(story__isnull=True)
            | models.Q(story__status=NewsItem.Status.PUBLISHED, story__publish_at__lte=now))


class Quote(Versioned, Translated):
    """Words of a person, in a story or standing alone; those marked for it rotate on the landing page."""

    TRANSLATED = ("text", "role")
    PRIMARY = "text"

    text_en = models.TextField(_("quote (English)"), max_length=600, validators=[multi_line])
    text_fr = models.TextField(_("quote (French)"), max_length=600, blank=True, validators=[multi_line])
    text_es = models.TextField(_("quote (Spanish)"), max_length=600, blank=True, validators=[multi_line])
    speaker = models.CharField(_("speaker"), max_length=150, validators=[one_line])
    role_en = models.CharField(_("speaker's role (English)"), max_length=200, blank=True, validators=[one_line],
                               help_text=_("E.g. “Coordinator, Seed Savers Network”."))
    role_fr = models.CharField(_("speaker's role (French)"), max_length=200, blank=True, validators=[one_line])
    role_es = models.CharField(_("speaker's role (Spanish)"), max_length=200, blank=True, validators=[one_line])
    actor = models.ForeignKey("accounts.Actor", on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="quotes", verbose_name=_("actor"),
                              help_text=_("The quote shows on this actor's profile page."))
    story = models.ForeignKey(NewsItem, on_delete=models.CASCADE, null=True, blank=True, related_name="quotes",
                              verbose_name=_("story"), help_text=_("Empty for a quote that stands alone."))
    published = models.BooleanField(_("published"), default=True,
                                    help_text=_("A quote of a story is public once the story is."))
    on_landing = models.BooleanField(_("rotates on the landing page"), default=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    objects = QuoteQuerySet.as_manager()

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = ["position", "pk"]

    def __str__(self):
        return f"{self.speaker}: {self.text_en[:60]}"

    def clean(self):
        super().clean()
        if self.role_en:
            self.clean_translations(("role",))


class FeaturedCommitment(models.Model):
    """A published commitment the secretariat puts on the landing page (in this order)."""

    commitment = models.OneToOneField("commitments.Commitment", on_delete=models.CASCADE, related_name="+",
                                      verbose_name=_("commitment"),
                                      limit_choices_to={"status": "published"})
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("featured commitment")
        verbose_name_plural = _("featured commitments")
        ordering = ["position", "pk"]

    def __str__(self):
        return str(self.commitment)


class FAQCategory(Translated):
    """A heading of the FAQ page, in the secretariat's order."""

    TRANSLATED = ("name",)
    PRIMARY = "name"

    slug = models.SlugField(_("slug"), max_length=60, unique=True, validators=[one_line],
                            help_text=_("The category's anchor on the FAQ page: /faq/#<slug>."))
    name_en = models.CharField(_("name (English)"), max_length=120, validators=[one_line])
    name_fr = models.CharField(_("name (French)"), max_length=120, blank=True, validators=[one_line])
    name_es = models.CharField(_("name (Spanish)"), max_length=120, blank=True, validators=[one_line])
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("FAQ category")
        verbose_name_plural = _("FAQ categories")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.name_en


class FAQEntryManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(kind=GuidanceDocument.Kind.FAQ)


class FAQEntry(GuidanceDocument):
    """A question of the FAQ page: the assistant's own FAQ document, so that the page and the assistant answer
    from one list. Its question and answer per language are the document's title and passages."""

    objects = FAQEntryManager()

    class Meta:
        proxy = True
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ entries")
        ordering = ["faq_category__position", "faq_position", "pk"]

    def save(self, *args, **kwargs):
        self.kind = GuidanceDocument.Kind.FAQ
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("outreach:faq") + "#" + self.anchor


# The newsletter's topics: a subscriber chooses some (none: all), an issue is sent to those of its own.
NEWSLETTER_TOPICS = (
    ("news", _("News and stories")),
    ("commitments", _("New commitments")),
    ("events", _("Events and webinars")),
    ("consultations", _("Consultations")),
)


class CodeList(models.CharField):
    """A list of vocabulary codes in one column, kept as "|a|b|" so that a segment's filter is a `contains` on
    any database ("" is the empty list: every code)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 2000)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        kwargs.setdefault("validators", [one_line])
        super().__init__(*args, **kwargs)

    @staticmethod
    def pack(codes) -> str:
        codes = sorted({str(code) for code in codes if code})
        return f"|{'|'.join(codes)}|" if codes else ""

    @staticmethod
    def unpack(value: str) -> list[str]:
        return [code for code in (value or "").split("|") if code]


def new_subscriber_token() -> str:
    """The secret of a subscriber's preferences and unsubscribe links."""
    return secrets.token_urlsafe(32)


class Subscriber(models.Model):
    """A newsletter subscriber without an account: subscribed only once the link e-mailed to the address was
    followed (double opt-in). After unsubscribing only the address, the status and the dates stay: what keeps
    the platform from sending to it again."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        SUSPENDED = "suspended", _("Suspended (bounces)")

    email = models.EmailField(_("e-mail"), max_length=254, unique=True, validators=[one_line])
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default=FIRST)
    topics = CodeList(_("topics"))
    actor_types = CodeList(_("actor types"))
    countries = CodeList(_("countries"))
    status = models.CharField(_("status"), max_length=14, choices=Status.choices, default=Status.PENDING)
    # The links of every e-mail (preferences, unsubscribe) carry it.
    token = models.CharField(max_length=64, unique=True, editable=False)
    consent_text = models.TextField(_("consent given"), blank=True, validators=[multi_line],
                                    help_text=_("The words the subscriber agreed to, in their language."))
    consented_at = models.DateTimeField(_("consent given on"), null=True, blank=True)
    soft_bounces = models.PositiveSmallIntegerField(_("soft bounces"), default=0)
    created = models.DateTimeField(_("signed up"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-created"]
        indexes = [models.Index(fields=["status", "language"])]

    def __str__(self):
        return self.email


class Newsletter(Translated):
    """An issue of the newsletter: a subject and an introduction per language, ordered blocks, the segment it
    goes to. Sent once; what was sent is kept (`sent_content`) for the archive."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    TRANSLATED = ("subject", "intro")
    PRIMARY = "subject"

    subject_en = models.CharField(_("subject (English)"), max_length=200, validators=[one_line])
    subject_fr = models.CharField(_("subject (French)"), max_length=200, blank=True, validators=[one_line],
                                  help_text=_("Leave empty to send the English version to French subscribers."))
    subject_es = models.CharField(_("subject (Spanish)"), max_length=200, blank=True, validators=[one_line],
                                  help_text=_("Leave empty to send the English version to Spanish subscribers."))
    intro_en = models.TextField(_("introduction (English)"), blank=True, validators=[multi_line],
                                help_text=_("Markdown is allowed."))
    intro_fr = models.TextField(_("introduction (French)"), blank=True, validators=[multi_line])
    intro_es = models.TextField(_("introduction (Spanish)"), blank=True, validators=[multi_line])
    segment_languages = CodeList(_("languages"), help_text=_("Empty: every language."))
    segment_topics = CodeList(_("topics"), help_text=_("Subscribers who chose one of these topics (or chose "
                                                       "none). Empty: everybody."))
    segment_actor_types = CodeList(_("actor types"), help_text=_("Subscribers interested in one of these (or "
                                                                 "in all). Empty: everybody."))
    segment_countries = CodeList(_("countries"), help_text=_("Subscribers interested in one of these (or in "
                                                             "all). Empty: everybody."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT,
                              editable=False)
    # Per language, the blocks as they were when sending started: what the e-mails and the archive show.
    sent_content = models.JSONField(default=dict, blank=True, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    sending_started_at = models.DateTimeField(_("sending started"), null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+", verbose_name=_("sent by"), editable=False)

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-sent_at", "-created"]

    def __str__(self):
        return self.subject_en

    def get_absolute_url(self):
        return reverse("outreach:newsletter_issue", kwargs={"pk": self.pk})

    def clean(self):
        super().clean()
        if self.status != self.Status.DRAFT:
            raise ValidationError(_("This issue has been sent: it can no longer be changed."))


class NewsletterBlock(models.Model):
    """One block of an issue, in the issue's order. Text blocks hold their own text; the others are drawn from
    the platform when the issue is sent (their `count` newest items, or the commitments chosen)."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        COMMITMENTS = "commitments", _("Featured commitments")
        NEWS = "news", _("Latest news")
        STATISTICS = "statistics", _("Statistics")
        EVENTS = "events", _("Upcoming events")
        CONSULTATIONS = "consultations", _("Consultations")

    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="blocks")
    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices, default=Kind.TEXT)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    heading_en = models.CharField(_("heading (English)"), max_length=200, blank=True, validators=[one_line],
                                  help_text=_("Empty: the kind's own heading."))
    heading_fr = models.CharField(_("heading (French)"), max_length=200, blank=True, validators=[one_line])
    heading_es = models.CharField(_("heading (Spanish)"), max_length=200, blank=True, validators=[one_line])
    text_en = models.TextField(_("text (English)"), blank=True, validators=[multi_line],
                               help_text=_("For a text block. Markdown is allowed."))
    text_fr = models.TextField(_("text (French)"), blank=True, validators=[multi_line])
    text_es = models.TextField(_("text (Spanish)"), blank=True, validators=[multi_line])
    commitments = models.ManyToManyField("commitments.Commitment", blank=True, related_name="+",
                                         verbose_name=_("commitments"),
                                         help_text=_("For featured commitments: empty, the landing page's."))
    count = models.PositiveSmallIntegerField(_("number of items"), default=3)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.get_kind_display()


class Delivery(models.Model):
    """An issue's message to one subscriber, made when sending starts (one per issue and subscriber). It is
    claimed before its message goes out, so it is never sent twice: a claim a stopped worker left is an unknown
    outcome, never sent again."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        CLAIMED = "claimed", _("Unknown (sending was interrupted)")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Refused by the mail server")
        BOUNCED = "bounced", _("Bounced")

    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.QUEUED)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.TextField(_("error"), max_length=500, blank=True, validators=[multi_line])
    bounce_status = models.CharField(_("bounce status"), max_length=20, blank=True, validators=[one_line])
    bounced_at = models.DateTimeField(_("bounced"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [models.UniqueConstraint(fields=["newsletter", "subscriber"], name="one_delivery_per_issue")]
        indexes = [models.Index(fields=["newsletter", "status"])]

    def __str__(self):
        return f"{self.newsletter_id} → {self.subscriber_id}"
