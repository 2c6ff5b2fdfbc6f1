"""Settings for actionagenda, read from environment variables.

Nothing configured means the embedded run: SQLite (WAL) and uploads under ACTIONAGENDA_DATA_DIR, tasks run
in-process (except the indexing of uploads, queued for the worker), e-mail printed to the console, cache in a
database table. DATABASE_URL, REDIS_URL, EMAIL_URL, SECRET_KEY, ALLOWED_HOSTS and ACTIONAGENDA_TASKS configure a
real deployment. Reading these settings writes nothing: the data folder and its secret key are made by the
commands that run the site (see `datafolder`).
"""

import os
import secrets
from pathlib import Path

import csp.constants as csp
import dj_database_url
import dj_email_url
from django.utils.translation import gettext_lazy as _

from actionagenda import datafolder

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = datafolder.location()


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
# SECRET_KEY, else the key `migrate`, `demo` or `serve` made in the data folder. Without either, development
# (DEBUG) signs with a key of this process only; otherwise Django refuses to sign and the web entry points stop
# at start with what to do (datafolder.require_secret_key).
SECRET_KEY = os.environ.get("SECRET_KEY") or datafolder.read_secret_key(DATA_DIR)
if not SECRET_KEY and DEBUG:
    SECRET_KEY = secrets.token_urlsafe(50)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "actionagenda.accounts",
    "actionagenda.vocabularies",
    "actionagenda.markup",
    "actionagenda.commitments",
    "actionagenda.progress",
    "actionagenda.stats",
    "actionagenda.outreach",
    "actionagenda.interop",
    "actionagenda.events",
    "actionagenda.assistant",
    "actionagenda.consultations",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Its templates (sitemap.xml, the index) for the sitemap views of actionagenda.interop.sitemaps.
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_countries",
    # The API documentation's Swagger UI from ninja's own static files (not a CDN): it works offline, under the CSP.
    "ninja",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "simple_history",
]

MIDDLEWARE = [
    # First: every later middleware and view sees a HEAD as the GET it stands for.
    "actionagenda.methods.MethodsMiddleware",
    # The API's reads are open to every origin (embeddable components), its writes to none (interop.cors).
    "actionagenda.interop.cors.OpenReadsMiddleware",
    # Inside the CORS middleware, so that a partner's script can read a refusal's Retry-After.
    "actionagenda.interop.read_limits.ReadLimitsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before anything reads the body (CSRF reads POST in process_view), after the user is known.
    "actionagenda.bodies.RequestBodyLimitMiddleware",
    "actionagenda.cache_headers.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "actionagenda.accounts.middleware.SecretariatSecondFactorMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "actionagenda.urls"
WSGI_APPLICATION = "actionagenda.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            "libraries": {"links": "actionagenda.links"},
        },
    }
]

# Storage: SQLite in the data folder unless DATABASE_URL names another database.
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "actionagenda.sqlite3",
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# "default" holds what every process must share: rate-limit counters (ours and django-allauth's, which counts in
# the default cache), the scheduler's claims, the retrieval index's stamp. Redis when configured, otherwise a
# table in the database (never per-process memory: two workers would each let the whole limit through).
# "index" holds what is rebuilt from the database (the explore page's facet index, several megabytes at 10^5
# commitments, and its search matches): shared through Redis, otherwise per process, as a table would keep
# every past version of the index until it is culled.
if os.environ.get("REDIS_URL"):
    CACHES = {alias: {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"],
                      "KEY_PREFIX": alias} for alias in ("default", "index")}
else:
    # Past MAX_ENTRIES the cache drops expired keys, then live ones: far above the live counters of a busy hour,
    # low enough for the row count it takes on every write to stay cheap.
    CACHES = {"default": {"BACKEND": "actionagenda.dbcache.DatabaseCache", "LOCATION": "actionagenda_cache",
                          "OPTIONS": {"MAX_ENTRIES": 20_000}},
              "index": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background work: in-process unless ACTIONAGENDA_TASKS=database, which queues tasks for `actionagenda worker`.
# Reading and indexing uploaded files is queued in the database either way (the "queued" backend then), so
# that it never runs inside a web request; `actionagenda worker`, which the demo starts, runs that queue.
if os.environ.get("ACTIONAGENDA_TASKS", "immediate") == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    ACTIONAGENDA_QUEUED_TASKS = "default"
else:
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
             "queued": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    ACTIONAGENDA_QUEUED_TASKS = "queued"

_email = dj_email_url.parse(os.environ.get("EMAIL_URL", "console://"))
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
if _email.get("EMAIL_FILE_PATH"):
    EMAIL_FILE_PATH = _email["EMAIL_FILE_PATH"]
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "actionagenda <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Accounts (django-allauth): e-mail is the login, verified before first use; allauth's own rate limits.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_ADAPTER = "actionagenda.accounts.adapter.AccountAdapter"
# Sign-up asks for the name shown publicly (optional: without one a person reads "Anonymous participant").
ACCOUNT_SIGNUP_FORM_CLASS = "actionagenda.accounts.forms.SignupForm"
# allauth's forms with the site's labels; its e-mails with the site's subjects, without a "[site] " prefix.
ACCOUNT_FORMS = {name: f"actionagenda.accounts.allauth_forms.{form}" for name, form in {
    "login": "LoginForm", "signup": "AllauthSignupForm", "add_email": "AddEmailForm",
    "change_password": "ChangePasswordForm", "set_password": "SetPasswordForm", "reset_password": "ResetPasswordForm",
    "reset_password_from_key": "ResetPasswordKeyForm", "reauthenticate": "ReauthenticateForm"}.items()}
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Behind reverse proxies every request comes from a proxy's address: say how many proxies append to
# X-Forwarded-For (or which header carries the client's address), so that rate limits, allauth's and ours,
# count clients rather than the proxy. Left unset, forwarded headers are ignored: a client could forge them.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("TRUSTED_CLIENT_IP_HEADER") or None
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/h/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}
LOGIN_REDIRECT_URL = "commitments:mine"
LOGIN_URL = "account_login"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Secretariat members must set up an authenticator app before using the site (the embedded demo turns it off).
ACTIONAGENDA_SECRETARIAT_MFA = env_bool("SECRETARIAT_REQUIRE_MFA", True)

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "UTC"
FORMAT_MODULE_PATH = ["actionagenda.formats"]  # one date style per language, see formats/__init__.py
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Static files are served by WhiteNoise straight from the finders, with no collectstatic step; STATIC_ROOT is
# only where `collectstatic` copies them for a deployment that wants a proxy to serve them.
STATIC_ROOT = os.environ.get("STATIC_ROOT") or None
# The site's own CSS and htmx live in the package, which is not an installed app: without this they are
# neither found by the finders (WhiteNoise, the test live server) nor collected.
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or DATA_DIR / "media")

# Request bodies: a declared Content-Length over the limit is refused with 413 before the body is read
# (actionagenda.bodies); only signed-in staff on the upload pages get the larger limit, above the largest upload
# field's own limit (20 MB). Form fields without files stay within Django's 2.5 MB, at most 20 files a request.
ACTIONAGENDA_MAX_REQUEST_BYTES = int(os.environ.get("MAX_REQUEST_BYTES", 3 * 1024 * 1024))
ACTIONAGENDA_MAX_UPLOAD_REQUEST_BYTES = int(os.environ.get("MAX_UPLOAD_REQUEST_BYTES", 25 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FILES = 20
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o640

# HTTPS and security headers. Served over HTTPS, a deployment sets SECURE_COOKIES, SECURE_SSL_REDIRECT and
# SECURE_HSTS_SECONDS (and BEHIND_TLS_PROXY behind a proxy that ends TLS); `check --deploy` then passes.
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY") else None
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
# Everything comes from the site itself: no inline script or style (htmx's indicator style is turned off in
# base.html), no framing, forms post only here. Responses that set their own policy (uploads) keep it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF],
        "img-src": [csp.SELF, "data:"],
        "object-src": [csp.NONE],
        "base-uri": [csp.SELF],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
    },
}

# Rate limits of our own views (submission, registration, assistant, replies), counted in the cache: "count/seconds".
ACTIONAGENDA_RATE_LIMITS = {
    "commitment_submit": os.environ.get("RATE_LIMIT_SUBMIT", "20/3600"),
    # Submissions and corrections of progress reports (each one is public at once).
    "progress_report_submit": os.environ.get("RATE_LIMIT_REPORT_SUBMIT", "20/3600"),
    "event_register": os.environ.get("RATE_LIMIT_EVENT_REGISTER", "10/600"),
    "assistant": os.environ.get("RATE_LIMIT_ASSISTANT", "30/60"),
    "consultation_reply": os.environ.get("RATE_LIMIT_CONSULTATION_REPLY", "10/60"),
    "readings_upload": os.environ.get("RATE_LIMIT_READINGS_UPLOAD", "30/3600"),
    # Reads of the public API (interop.read_limits): per client address, or per token for a client that sends one.
    "api_read": os.environ.get("RATE_LIMIT_API_READ", "600/60"),
    "api_read_token": os.environ.get("RATE_LIMIT_API_READ_TOKEN", "3000/60"),
    # Every write through the API (commitments made, changed or withdrawn, reports filed), counted per token and
    # per client address; submissions also count against RATE_LIMIT_SUBMIT, as on the site.
    "api_write": os.environ.get("RATE_LIMIT_API_WRITE", "120/3600"),
    # API tokens made on the account page, per account.
    "api_token_create": os.environ.get("RATE_LIMIT_API_TOKEN_CREATE", "10/3600"),
    # Newsletter sign-ups per client address, and confirmation e-mails per e-mail address (more are not sent).
    "newsletter_signup": os.environ.get("RATE_LIMIT_NEWSLETTER_SIGNUP", "10/600"),
    "newsletter_address": os.environ.get("RATE_LIMIT_NEWSLETTER_ADDRESS", "3/3600"),
}
# Where newsletter bounces go: "bounces@example.org" sends each message from bounces+<delivery>@example.org (VERP),
# whose delivery status notifications `actionagenda newsletter-bounces` reads. Empty: the From address.
NEWSLETTER_BOUNCE_ADDRESS = os.environ.get("NEWSLETTER_BOUNCE_ADDRESS", "")
# Minutes during which a participant may still edit their consultation reply.
CONSULTATION_EDIT_WINDOW_MINUTES = int(os.environ.get("CONSULTATION_EDIT_WINDOW_MINUTES", "30"))
# Days after an event ends before its registrants' personal data is erased (the registration form's consent).
ACTIONAGENDA_REGISTRATION_RETENTION_DAYS = int(os.environ.get("REGISTRATION_RETENTION_DAYS", "90"))
ACTIONAGENDA_DEMO_COMMITMENTS = 300

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"client_errors_without_traceback": {"()": "actionagenda.logs.ClientErrorsWithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"filters": ["client_errors_without_traceback"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Guidance assistant: an optional generated summary through an OpenAI-compatible endpoint (off when unset).
ACTIONAGENDA_ASSISTANT_LLM = {
    "url": os.environ.get("ASSISTANT_LLM_URL", ""),
    "model": os.environ.get("ASSISTANT_LLM_MODEL", ""),
    "api_key": os.environ.get("ASSISTANT_LLM_API_KEY", ""),
}
# The scope gate's and ranker's weights the worker refits when the library changes (shared by every process).
ACTIONAGENDA_ASSISTANT_FIT = DATA_DIR / "assistant-fit.npz"
