"""pcplan settings: one module, every environment-specific value from the environment.

SQLite is the zero set-up default; set DATABASE_URL for PostgreSQL.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import dj_database_url
import django_stubs_ext

from pcplan.lib.env import (
    ImproperlyConfiguredEnv,
    env_bool,
    env_int,
    env_list,
    env_secret,
    env_str,
)

django_stubs_ext.monkeypatch()

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
    "django.contrib.admin",
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
    "pcplan.partnerships",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

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
