from django.core.exceptions import ImproperlyConfigured

from kennisbank.settings import env

from .base import *  # noqa: F403
from .base import DATABASES, LOGGING, MIDDLEWARE

DEBUG = False
SECRET_KEY = env.text("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY ontbreekt in de omgeving.")
if not DATABASES:
    raise ImproperlyConfigured("DATABASE_URL ontbreekt: productie gebruikt nooit de ingebouwde database.")
ALLOWED_HOSTS = env.items("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.items("CSRF_TRUSTED_ORIGINS")
KENNISBANK_DEMO_ACCOUNTS = False

# HTTPS only: the reverse proxy terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.boolean("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^health/"]  # the orchestrator probes the container over plain HTTP
SECURE_HSTS_SECONDS = env.integer("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.boolean("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env.boolean("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# `make serve-production` (kennisbank/serve.py): the production stack over plain HTTP on 127.0.0.1.
if env.boolean("KENNISBANK_LOCAL_TRIAL", False):
    SECURE_SSL_REDIRECT = False
    SECURE_HSTS_SECONDS = 0
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False

MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # WhiteNoise serves the hashed, compressed static files; the web tier keeps no other state.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    "embeddings": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["embeddings"]},
}

# JSON lines for the log collector (LOG_FORMAT=plain to read them by eye).
LOGGING["handlers"]["console"]["formatter"] = "plain" if env.text("LOG_FORMAT") == "plain" else "json"
