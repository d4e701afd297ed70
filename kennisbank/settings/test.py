from kennisbank.db import database_settings

from .base import *  # noqa: F403
from .base import CONN_MAX_AGE

# DATABASE_URL when set, otherwise the embedded PostgreSQL (started here, not in base).
DATABASES = {"default": database_settings(conn_max_age=CONN_MAX_AGE)}

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
KENNISBANK_DEMO_ACCOUNTS = True
# Two-factor is on in production; demo and tests switch it on where they test it.
KENNISBANK_TWO_FACTOR = False
# Lockout needs the request in authenticate(); the test client's login() has none. Lockout tests switch it on.
AXES_ENABLED = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Embedding tasks are recorded, not run: tests that need vectors run them explicitly.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "embeddings": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["embeddings"]},
}
