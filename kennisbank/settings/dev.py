from kennisbank.db import database_settings
from kennisbank.settings import env

from .base import *  # noqa: F403
from .base import CONN_MAX_AGE

# DATABASE_URL when set, otherwise the embedded PostgreSQL (started here, not in base).
DATABASES = {"default": database_settings(conn_max_age=CONN_MAX_AGE)}

DEBUG = True
SECRET_KEY = "dev-only-not-secret-kennisbank"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# Demo accounts (created by load_demo) are allowed only with these settings.
KENNISBANK_DEMO_ACCOUNTS = True
# Two-factor is on in production; demo and tests switch it on where they test it.
KENNISBANK_TWO_FACTOR = env.boolean("KENNISBANK_TWO_FACTOR", False)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
