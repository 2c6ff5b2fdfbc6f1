"""Online consultations: Consultation > Week > DiscussionGroup > Theme > Question > Reply (threaded)."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from actionagenda.concurrency import Versioned
from actionagenda.validators import multi_line, one_line
from actionagenda.vocabularies import catalogue, languages

# What a consultation page in another language says of the language its programme is written in.
WRITTEN_IN = {"en": _("The programme of this consultation is written in English."),
              "fr": _("The programme of this consultation is written in French."),
              "es": _("The programme of this consultation is written in Spanish.")}
WRITTEN_IN_OTHER = _("The programme of this consultation is written in this language: %(language)s.")


class Consultation(Versioned):
    """A moderated online discussion programme, open for replies between two dates (inclusive)."""

    title = models.CharField(_("title"), max_length=250, validators=[one_line])
    slug = models.SlugField(_("slug"), max_length=80, unique=True, validators=[one_line])
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown is allowed."),
                                   validators=[multi_line])
    language = models.CharField(_("language"), max_length=8, choices=catalogue.LANGUAGES.choices, default="en",
                                help_text=_("The language the programme (weeks, groups, themes, questions) is "
                                            "written in; its pages in the other languages say so."))
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    published = models.BooleanField(_("published"), default=True)
    # Webinars that belong to the programme (the launch webinar, often): registration lives in the events app.
    events = models.ManyToManyField("events.Event", blank=True, related_name="consultations",
                                    verbose_name=_("webinars and events"))
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-opens_on"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("consultations:detail", kwargs={"slug": self.slug})

    def language_notice(self) -> str:
        """The sentence that tells a reader of a page in another language which language the programme is in."""
        return languages.notice(self.language, WRITTEN_IN, WRITTEN_IN_OTHER)

    def is_open(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.opens_on <= today <= self.closes_on


class Week(Versioned):
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="weeks")
    number = models.PositiveSmallIntegerField(_("number"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    class Meta:
        verbose_name = _("week")
        verbose_name_plural = _("weeks")
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["consultation", "number"], name="unique_week_number")]

    def __str__(self):
        return _("Week %(number)s") % {"number": self.number}


class DiscussionGroup(Versioned):
    """A discussion group run by one or more moderators; only they (and the secretariat) moderate it."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="groups")
    week = models.ForeignKey(Week, on_delete=models.SET_NULL, null=True, blank=True, related_name="groups")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=250, validators=[one_line])
    moderators = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="moderated_groups",
                                        verbose_name=_("moderators"))
    hold_first_posts = models.BooleanField(
        _("hold newcomers' first posts"), default=False,
        help_text=_("A participant's first reply waits for a moderator's approval before it is shown."))

    class Meta:
        verbose_name = _("discussion group")
        verbose_name_plural = _("discussion groups")
        ordering = ["number"]

    def __str__(self):
        return self.title


class Theme(Versioned):
    group = models.ForeignKey(DiscussionGroup, on_delete=models.CASCADE, related_name="themes")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=250, validators=[one_line])
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown is allowed."),
                                   validators=[multi_line])
    followers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="followed_themes",
                                       verbose_name=_("followers"))

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["group__number", "number"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("consultations:theme", kwargs={"slug": self.group.consultation.slug, "pk": self.pk})


class Question(Versioned):
    """A numbered guiding question inside a theme."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("text"), help_text=_("Markdown is allowed."), validators=[multi_line])

    class Meta:
        verbose_name = _("guiding question")
        verbose_name_plural = _("guiding questions")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.text[:80]}"

    def get_absolute_url(self):
        return reverse("consultations:question",
                       kwargs={"slug": self.theme.group.consultation.slug, "pk": self.pk})


class ParticipantProfile(models.Model):
    """What a participant shows next to their posts; filled from their actor by default."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="participant_profile")
    actor_type = models.CharField(_("actor type"), max_length=32, blank=True,
                                  choices=catalogue.ACTOR_TYPES.choices)
    country = CountryField(_("country"), blank=True)
    show_on_posts = models.BooleanField(_("show my actor type and country on my posts"), default=True)

    class Meta:
        verbose_name = _("participant profile")
        verbose_name_plural = _("participant profiles")

    def __str__(self):
        return str(self.user)


class ReplyQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(status=Reply.Status.VISIBLE)


class Reply(Versioned):
    """A participant's reply to a guiding question, or to another reply (parent)."""

    class Status(models.TextChoices):
        VISIBLE = "visible", _("Visible")
        HELD = "held", _("Held for approval")
        HIDDEN = "hidden", _("Hidden by a moderator")

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="replies")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="children")
    # A deleted account leaves its replies as a "deleted participant", so the answers to them still read.
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                               related_name="consultation_replies")
    body = models.TextField(_("reply"), help_text=_("Markdown is allowed."), validators=[multi_line])
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.VISIBLE)
    pinned = models.BooleanField(_("pinned"), default=False)
    # A snapshot taken when posting: statistics stay true to the moment even if the profile changes later.
    actor_type = models.CharField(_("actor type"), max_length=32, blank=True, validators=[one_line])
    country = CountryField(_("country"), blank=True)
    show_profile = models.BooleanField(_("show actor type and country"), default=True)
    # Replies are written in any of the platform's languages, whatever the programme's: pages mark each one's
    # language (lang, and its name when it differs from the page's) for readers, screen readers and the synthesis.
    language = models.CharField(_("language"), max_length=8, choices=catalogue.LANGUAGES.choices, default="en",
                                validators=[one_line])
    created = models.DateTimeField(_("posted"), default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)

    objects = ReplyQuerySet.as_manager()

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        ordering = ["created", "pk"]
        indexes = [models.Index(fields=["question", "status"])]

    def __str__(self):
        return f"{self.author_name}: {self.body[:60]}"

    def get_absolute_url(self):
        return f"{self.question.get_absolute_url()}#reply-{self.pk}"

    @property
    def language_mark(self) -> str:
        """"in French" (or "en espagnol"...): what a page in another language says of the reply."""
        return languages.in_language(self.language)

    def is_visible_to(self, user, is_moderator: bool) -> bool:
        """Whether the thread shows this reply to `user`: a held reply only to its author and the moderators."""
        if self.status == Reply.Status.VISIBLE or is_moderator:
            return True
        return self.status == Reply.Status.HELD and user.is_authenticated and self.author_id == user.pk

    @property
    def author_name(self) -> str:
        """The name the author chose to show ("Anonymous participant" if none; never from the e-mail address);
        "Deleted participant" once the author's account is erased."""
        return self.author.public_name if self.author else gettext("Deleted participant")

    @property
    def actor_type_label(self) -> str:
        return catalogue.ACTOR_TYPES.label_of(self.actor_type) if self.actor_type else ""


class Flag(models.Model):
    """A participant's report that a reply needs a moderator's attention."""

    reply = models.ForeignKey(Reply, on_delete=models.CASCADE, related_name="flags")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=500, validators=[one_line])
    created = models.DateTimeField(auto_now_add=True)
    resolved = models.BooleanField(_("resolved"), default=False)

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        constraints = [models.UniqueConstraint(fields=["reply", "reporter"], name="one_flag_per_reporter")]

    def __str__(self):
        return f"{self.reporter} → {self.reply_id}"


class DigestDelivery(models.Model):
    """The daily digest sent to one user for one day: the unique key makes a second send impossible."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("day"))
    replies = models.PositiveIntegerField(_("replies included"), default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("digest delivery")
        verbose_name_plural = _("digest deliveries")
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="one_digest_per_user_per_day")]

    def __str__(self):
        return f"{self.user} {self.day}"
