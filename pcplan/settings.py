"""pcplan settings: one module, every environment-specific value from the environment.

SQLite is the zero set-up default; set DATABASE_URL for PostgreSQL.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import dj_database_url

from pcplan.lib.env import (
    ImproperlyConfiguredEnv,
    env_bool,
    env_int,
    env_list,
    env_secret,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("PCPLAN_DATA_DIR", str(Path.cwd())))

DEBUG = env_bool("PCPLAN_DEBUG", False)
# The test suite runs with production-like settings, but may use the development key.
TESTING = env_bool("PCPLAN_TESTING", False) or "pytest" in sys.modules
_DEV_SECRET = "pcplan-insecure-development-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = env_secret("SECRET_KEY") or (_DEV_SECRET if DEBUG or TESTING else "")
if not SECRET_KEY:
    raise ImproperlyConfiguredEnv(
        "SECRET_KEY is not set. Set SECRET_KEY (or SECRET_KEY_FILE) to a long random value, "
        "or PCPLAN_DEBUG=1 for local development."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "pcplan.adminsite",  # django.contrib.admin, its admin.py modules found by pcplan.urls
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "django_htmx",
    "simple_history",
    "pcplan.core",
    "pcplan.plans",
    "pcplan.delivery",
    "pcplan.reports",
    "pcplan.performance",
    "pcplan.panel",
    "pcplan.public",
    "pcplan.demo",
    "pcplan.grants",
    "pcplan.engagement",
    "pcplan.transparency",
    "pcplan.partnerships",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Renews a signed-in session at most once a minute (pcplan.accounts.session_renewal).
    "pcplan.accounts.session_renewal.SessionRenewalMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "pcplan.urls"
WSGI_APPLICATION = "pcplan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pcplan.core.context_processors.site",
                "pcplan.core.context_processors.office",
            ],
        },
    },
]

# Opening a PostgreSQL connection per request made pages 1.4-2.5x slower (issue 17): in
# production a connection is kept for a minute, and checked before reuse so a database restart
# costs no failed request. Development and tests close it after each request (Django's default).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'pcplan.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0 if DEBUG or TESTING else 60),
        conn_health_checks=env_bool("DATABASE_CONN_HEALTH_CHECKS", True),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # While an import writes, pages go on reading (write-ahead log: readers never wait for
    # the writer), and a second writer waits its turn for up to PCPLAN_SQLITE_BUSY_SECONDS
    # instead of failing at once with "database is locked" (issue 15, item 7).
    # IMMEDIATE takes the write lock when a transaction starts, so a transaction that reads
    # and then writes waits at its start rather than failing halfway. Not in the test suite,
    # whose in-memory shared-cache database cannot wait for a lock (browser tests share it).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": env_int("PCPLAN_SQLITE_BUSY_SECONDS", 30),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            **({} if TESTING else {"transaction_mode": "IMMEDIATE"}),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django's cache: whole public pages (pcplan.core.pagecache), the performance figures and the
# public forms' rate limit. The database cache by default, so every worker shares it and no
# other service is needed (`pcplan migrate` creates its table); Redis with
# PCPLAN_CACHE_URL=redis://host:6379/0 (needs the `redis` package), or one process's memory
# with PCPLAN_CACHE_URL=locmem:// (a single worker only; the test suite's default, as its tests
# without a database clear the cache).
# Whole public pages are cached unless PCPLAN_PAGE_CACHE=0 (pcplan.core.pagecache).
PCPLAN_PAGE_CACHE = env_bool("PCPLAN_PAGE_CACHE", True)
# The main staff pages' bodies are kept per user until anything changes, unless
# PCPLAN_KEEP_STAFF_PARTS=0 or PCPLAN_PAGE_CACHE=0 (pcplan.core.fragments).
PCPLAN_KEEP_STAFF_PARTS = env_bool("PCPLAN_KEEP_STAFF_PARTS", True)
# Each worker also keeps the pages it served last in its own memory, up to this many bytes.
PCPLAN_PAGE_MEMORY_BYTES = env_int("PCPLAN_PAGE_MEMORY_BYTES", 32 * 1024 * 1024)
CACHE_URL = env_str("PCPLAN_CACHE_URL", "locmem://" if TESTING else "")
CACHES: dict[str, dict[str, Any]]
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
elif CACHE_URL.startswith("locmem:"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "pcplan_cache",
            "OPTIONS": {"MAX_ENTRIES": env_int("PCPLAN_CACHE_MAX_ENTRIES", 5000)},
        }
    }

AUTH_USER_MODEL = "core.User"
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:staff-home"
LOGOUT_REDIRECT_URL = "public:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["pcplan.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(DATA_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Generated report files (and agenda papers). Never served directly: downloads go through
# permission-checked views, which read them through Django's storage API only, so that app
# servers behind a load balancer can share one store (docs/deployment.md, "File storage").
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(DATA_DIR / "media")))
MEDIA_URL = "/media/"


def default_storage() -> dict[str, Any]:
    """Local files under MEDIA_ROOT, or with PCPLAN_STORAGE=s3 any S3-compatible store
    through django-storages (pip install 'pcplan[s3]')."""
    kind = env_str("PCPLAN_STORAGE", "filesystem").strip().lower() or "filesystem"
    if kind == "filesystem":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if kind != "s3":
        raise ImproperlyConfiguredEnv(
            f"PCPLAN_STORAGE={kind!r}: expected 'filesystem' (the default) or 's3'"
        )
    if importlib.util.find_spec("storages") is None:
        raise ImproperlyConfiguredEnv(
            "PCPLAN_STORAGE=s3 needs django-storages: pip install 'pcplan[s3]'"
        )
    bucket = env_str("PCPLAN_S3_BUCKET")
    if not bucket:
        raise ImproperlyConfiguredEnv("PCPLAN_STORAGE=s3 needs PCPLAN_S3_BUCKET")
    options: dict[str, Any] = {
        "bucket_name": bucket,
        "location": env_str("PCPLAN_S3_PREFIX"),
        # Private objects, never overwritten: reports are read only through pcplan's views.
        "default_acl": "private",
        "querystring_auth": True,
        "file_overwrite": False,
    }
    optional = {
        "endpoint_url": env_str("PCPLAN_S3_ENDPOINT_URL"),
        "region_name": env_str("PCPLAN_S3_REGION"),
        # Left unset, boto3 finds credentials itself (instance role, ~/.aws, AWS_* variables).
        "access_key": env_str("AWS_ACCESS_KEY_ID"),
        "secret_key": env_secret("AWS_SECRET_ACCESS_KEY"),
    }
    options.update({name: value for name, value in optional.items() if value})
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


STORAGES = {
    "default": default_storage(),
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG and not TESTING)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "pcplan@localhost")

PCPLAN_SITE_NAME = env_str("PCPLAN_SITE_NAME", "pcplan")

# Uploaded spreadsheets larger than this are refused before they are parsed.
PCPLAN_MAX_UPLOAD_BYTES = env_int("PCPLAN_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Days a closed concern keeps the raiser's personal details before
# `pcplan erase-expired-personal-data` blanks them (the office's retention schedule).
PCPLAN_CONCERN_RETENTION_DAYS = env_int("PCPLAN_CONCERN_RETENTION_DAYS", 365)
# Days after the meeting that a public question's or statement's contact details are kept
# (to reply, and to deal with a complaint about the answer) before the same command blanks them.
PCPLAN_SUBMISSION_RETENTION_DAYS = env_int("PCPLAN_SUBMISSION_RETENTION_DAYS", 180)
# The public address of the site, for links in emails sent outside a request (digests).
PCPLAN_SITE_URL = env_str("PCPLAN_SITE_URL", "http://localhost:8000")
# The open data API (issue 14): Django REST Framework with an OpenAPI 3 schema. Anonymous
# reads of what is public; staff writes with a per-user token (pcplan.api.authentication).
INSTALLED_APPS += ["rest_framework", "drf_spectacular", "drf_spectacular_sidecar", "pcplan.api"]
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "pcplan.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "pcplan.api.pagination.Pagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "pcplan.api.exceptions.api_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "pcplan open data API",
    "DESCRIPTION": "The published Police and Crime Plan, its delivery, performance and the "
    "Police and Crime Panel's business. Anonymous reads; staff writes with an API token.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from the installed sidecar package's static files: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Several records have a "status" with its own choices: each gets a stable, named enum.
    "ENUM_NAME_OVERRIDES": {
        "DeliverableStatusEnum": "pcplan.delivery.rules.Status",
        "PlanStatusEnum": "pcplan.plans.lifecycle.PlanStatus",
        "MeetingStatusEnum": "pcplan.panel.models.Meeting.Status",
        "DecisionKindEnum": "pcplan.transparency.models.Decision.Kind",
        "BodyKindEnum": "pcplan.partnerships.models.BodyKind",
    },
}
# Accounts and security headers (issue 15): lockout (django-axes), two-factor sign-in
# (django-otp), Content-Security-Policy (django-csp), session expiry, HSTS behind TLS.
INSTALLED_APPS += ["axes", "django_otp", "django_otp.plugins.otp_totp", "csp", "pcplan.accounts"]
MIDDLEWARE += [
    # Before any view (or the CSRF check) reads a body: refuses an oversized one unread.
    "pcplan.accounts.uploads.RequestSizeLimitMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "pcplan.accounts.two_factor.TwoFactorMiddleware",
    "csp.middleware.CSPMiddleware",
    # Public pages for anonymous visitors from the cache (pcplan.core.pagecache).
    "pcplan.core.pagecache.PublicPageCacheMiddleware",
    # Last, as django-axes asks: it turns a refused sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# After PCPLAN_SIGN_IN_FAILURES wrong passwords for one username, or from one address, that
# username or address is refused (even with the right password) for PCPLAN_LOCKOUT_MINUTES.
# A successful sign-in clears the count, so an office behind one address is not locked out by
# one person's typing.
AXES_FAILURE_LIMIT = env_int("PCPLAN_SIGN_IN_FAILURES", 5)
AXES_COOLOFF_TIME = env_int("PCPLAN_LOCKOUT_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# pcplan's own sign-in record (accounts.SignInEvent) is the log, kept for a stated period.
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_CALLABLE = "pcplan.accounts.views.lockout.locked_out"
# Behind a reverse proxy, the number of proxies that add X-Forwarded-For (docs/deployment.md).
AXES_IPWARE_PROXY_COUNT = env_int("PCPLAN_PROXY_COUNT", 0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)
# Roles that must pass the second sign-in step (TOTP). Off for `make demo` (PCPLAN_DEBUG) so the
# demo's sign-ins work as documented, and in the test suite, whose tests of it turn it on.
PCPLAN_TWO_FACTOR_ROLES = env_list(
    "PCPLAN_TWO_FACTOR_ROLES", [] if DEBUG or TESTING else ["administrator", "opcc-editor"]
)
OTP_TOTP_ISSUER = PCPLAN_SITE_NAME
# A session ends after this many minutes without a request: a request renews it, at most once
# a minute (pcplan.accounts.session_renewal), rather than writing it on every request.
SESSION_COOKIE_AGE = env_int("PCPLAN_SESSION_IDLE_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = False
PASSWORD_RESET_TIMEOUT = env_int("PCPLAN_PASSWORD_LINK_HOURS", 72) * 3600
# Served over TLS (directly or behind a proxy that sets X-Forwarded-Proto): HSTS, secure
# cookies and a redirect from http.
PCPLAN_HTTPS = env_bool("PCPLAN_HTTPS", False)
if PCPLAN_HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        # Preloading binds every subdomain of the office's domain (often a council's) for
        # months and is hard to undo: the domain's owner opts in with SECURE_HSTS_PRELOAD=1.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
# Scripts only from pcplan's own static files (no inline script); inline styles are allowed
# because report previews embed the house style sheet. Charts are data: images.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The public question form: at most this many submissions per address per hour.
PCPLAN_PUBLIC_FORM_LIMIT = env_int("PCPLAN_PUBLIC_FORM_LIMIT", 5)
PCPLAN_PUBLIC_FORM_WINDOW_SECONDS = env_int("PCPLAN_PUBLIC_FORM_WINDOW_SECONDS", 3600)
# A request body larger than this is refused before it is read: the largest upload a form
# accepts (Panel reports, 20 MB) and room for the form's other fields.
PCPLAN_MAX_REQUEST_BYTES = env_int(
    "PCPLAN_MAX_REQUEST_BYTES", max(PCPLAN_MAX_UPLOAD_BYTES, 20 * 1024 * 1024) + 1024 * 1024
)
# The sign-in record is kept this long (the privacy notice says so).
PCPLAN_SIGN_IN_RECORD_DAYS = env_int("PCPLAN_SIGN_IN_RECORD_DAYS", 365)
# Background work (issue 15): long imports started from a page run in `pcplan worker`, queued
# in the database (django-tasks with its database backend), so no broker is needed.
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A running job's worker writes a sign of life this often; a job on another machine whose
# worker has been silent for PCPLAN_JOB_STALE_SECONDS is taken as stopped (a worker on this
# machine is checked directly). pcplan.core.jobs.
PCPLAN_JOB_HEARTBEAT_SECONDS = env_int("PCPLAN_JOB_HEARTBEAT_SECONDS", 10)
PCPLAN_JOB_STALE_SECONDS = env_int("PCPLAN_JOB_STALE_SECONDS", 120)
# Progress reports on plans with more deliverables than this are built by `pcplan worker`, and
# the officer follows them on the job's page (a PDF of the demo's 43 takes seconds).
PCPLAN_BACKGROUND_REPORT_DELIVERABLES = env_int("PCPLAN_BACKGROUND_REPORT_DELIVERABLES", 15)
