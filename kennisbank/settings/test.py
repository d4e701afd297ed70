from kennisbank.db import database_settings

from .base import *  # noqa: F403
from .base import CONN_MAX_AGE

# DATABASE_URL when set, otherwise the embedded PostgreSQL (started here, not in base).
DATABASES = {"default": database_settings(conn_max_age=CONN_MAX_AGE)}

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
KENNISBANK_DEMO_ACCOUNTS = True
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
