import datetime
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from actionagenda.validators import multi_line, one_line
from actionagenda.vocabularies import catalogue

from . import roles

# What the public reads where a person chose to show no name. A name is never made from an e-mail address.
ANONYMOUS = _("Anonymous participant")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account; signs in with a verified e-mail address."""

    class ModerationNotices(models.TextChoices):
        """How a secretariat member hears of commitments waiting in the moderation queue."""

        EACH = "each", _("An e-mail for each submitted commitment")
        DAILY = "daily", _("One daily digest of the queue")
        NONE = "none", _("No e-mail")

    email = models.EmailField(_("e-mail address"), unique=True, validators=[one_line])
    # Public: shown with the person's consultation replies; empty, they read "Anonymous participant".
    name = models.CharField(_("name"), max_length=150, blank=True, validators=[one_line])
    is_staff = models.BooleanField(_("staff status"), default=False,
                                   help_text=_("Can log into the administration site."))
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    language = models.CharField(_("language for e-mails"), max_length=8, choices=settings.LANGUAGES,
                                default="en", help_text=_("Set from the site's language when you sign up or in."))
    moderation_notices = models.CharField(
        _("moderation queue e-mails"), max_length=8, choices=ModerationNotices.choices,
        default=ModerationNotices.EACH, help_text=_("For the secretariat: how you hear of commitments to review."))

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name or self.email

    def get_short_name(self):
        return self.name

    @property
    def public_name(self) -> str:
        """The name the public reads with this person's contributions: the one they gave, else ANONYMOUS."""
        return self.name or str(ANONYMOUS)

    def verified_emails(self) -> set[str]:
        """The addresses this person has proven they receive (allauth's verified addresses), lower-cased."""
        return {email.lower() for email in self.emailaddress_set.filter(verified=True).values_list("email", flat=True)}

    @property
    def is_secretariat(self) -> bool:
        """For templates: `roles.is_secretariat`."""
        return roles.is_secretariat(self)


class ActorQuerySet(models.QuerySet):
    def individual_of(self, user):
        """The actor that stands for `user` as an individual (the first one made), or None."""
        return self.filter(kind=Actor.Kind.INDIVIDUAL, members=user).order_by("pk").first()


class Actor(models.Model):
    """Who makes commitments: a person, an organisation, a business or a local government.

    What the commitments app needs of this table: its full-text search copies `name` (database triggers on this
    table, made by commitments migration 0002_search_index, follow a rename at once), and its facets count
    commitments by `kind` through the `commitments` relation. Renaming either column, or the table, needs a
    commitments migration beside the accounts one.
    """

    # The actor types of the published vocabulary, as choices: Kind.INDIVIDUAL == "individual", and so on.
    Kind = models.TextChoices("Kind", [(entry.code.upper(), (entry.code, entry.label))
                                       for entry in catalogue.ACTOR_TYPES])

    kind = models.CharField(_("actor type"), max_length=20, choices=Kind.choices)
    # Empty only for an individual who chose to stay anonymous (display_name then reads ANONYMOUS).
    name = models.CharField(_("name"), max_length=200, blank=True, validators=[one_line])
    organization_type = models.CharField(_("organisation type"), max_length=32, blank=True,
                                         choices=catalogue.ORGANIZATION_TYPES.choices)
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True, validators=[one_line])
    description = models.TextField(_("about"), blank=True, validators=[multi_line])
    # Business
    sector = models.CharField(_("sector"), max_length=32, blank=True, choices=catalogue.BUSINESS_SECTORS.choices)
    size = models.CharField(_("size"), max_length=16, blank=True, choices=catalogue.BUSINESS_SIZES.choices)
    # Local government
    government_level = models.CharField(_("level of government"), max_length=16, blank=True,
                                        choices=catalogue.GOVERNMENT_LEVELS.choices)
    population_served = models.PositiveBigIntegerField(_("population served"), null=True, blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="actors", blank=True,
                                     verbose_name=_("members"))
    # A person's choice (the account's profile page); organisations, businesses and local governments always
    # have their page.
    public_profile = models.BooleanField(
        _("public profile page"), default=False,
        help_text=_("For an individual: a page listing their published commitments, stories and quotes."))
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = ActorQuerySet.as_manager()

    class Meta:
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        # The second finds the actor an earlier record of a partner made (interop.cbd_import), without reading every
        # actor for each harvested record.
        indexes = [models.Index(fields=["kind"]), models.Index(fields=["name", "kind", "country"])]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        adding = self._state.adding
        super().save(*args, **kwargs)
        if not adding:  # its name, type and country are part of its commitments' public records
            self.commitments.touch()

    def get_absolute_url(self):
        """The actor's profile page (public when `shows_profile` and something of theirs is public)."""
        return reverse("outreach:actor", kwargs={"pk": self.pk})

    @property
    def display_name(self) -> str:
        """The actor's public name: an anonymous individual reads ANONYMOUS."""
        return self.name or str(ANONYMOUS)

    @property
    def shows_profile(self) -> bool:
        """Whether the actor may have a public profile page: always for organisations, businesses and local
        governments; for an individual only when they chose it under a name (never an anonymous one)."""
        if self.kind == self.Kind.INDIVIDUAL:
            return self.public_profile and bool(self.name)
        return True


LAST_USED_PRECISION = datetime.timedelta(minutes=1)


class ApiToken(models.Model):
    """A bearer token for an API client, named by its owner, read-only or read-write, revocable; only its SHA-256
    digest is stored, and the secret is shown once when it is issued."""

    class Scope(models.TextChoices):
        READ = "read", _("Read")
        WRITE = "write", _("Read and write")

    # Active tokens one account may hold: enough for a few partner systems, few enough to review on one page.
    MAX_ACTIVE = 20

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100, blank=True, validators=[one_line])
    scope = models.CharField(_("access"), max_length=8, choices=Scope.choices, default=Scope.WRITE)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(_("revoked"), default=False)
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["revoked", "-created", "-pk"]

    def __str__(self):
        return f"{self.prefix}… ({self.user})"

    @staticmethod
    def hash(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @classmethod
    def issue(cls, user, name: str = "", scope: str = Scope.WRITE) -> tuple["ApiToken", str]:
        """Create a token for `user`; returns it with the raw secret, which is shown once and never stored."""
        raw = "aa_" + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, scope=scope, digest=cls.hash(raw), prefix=raw[:8])
        return token, raw

    @classmethod
    def find(cls, raw: str) -> "ApiToken | None":
        """The active token whose secret is `raw` (its user active too), marked as used now; None otherwise."""
        token = (cls.objects.select_related("user")
                 .filter(digest=cls.hash(raw), revoked=False, user__is_active=True).first())
        now = timezone.now()
        # Written at most once a minute: a client reading page after page does not write on every request.
        if token is not None and (token.last_used is None or now - token.last_used > LAST_USED_PRECISION):
            cls.objects.filter(pk=token.pk).update(last_used=now)
        return token

    @classmethod
    def authenticate(cls, raw: str):
        """The active user behind a raw token, or None."""
        token = cls.find(raw)
        return token.user if token else None

    def allows(self, scope: str) -> bool:
        """A write token also reads; a read token only reads."""
        return scope == self.Scope.READ or self.scope == self.Scope.WRITE

    def revoke(self) -> None:
        """Stop the token for good (idempotent): a revoked token is refused like an unknown one."""
        if not self.revoked:
            self.revoked, self.revoked_at = True, timezone.now()
            self.save(update_fields=["revoked", "revoked_at"])
