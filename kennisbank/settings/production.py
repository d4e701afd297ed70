from django.core.exceptions import ImproperlyConfigured

from kennisbank.settings import env

from .base import *  # noqa: F403
from .base import DATABASES

DEBUG = False
SECRET_KEY = env.text("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY ontbreekt in de omgeving.")
if not DATABASES:
    raise ImproperlyConfigured("DATABASE_URL ontbreekt: productie gebruikt nooit de ingebouwde database.")
ALLOWED_HOSTS = env.items("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.items("CSRF_TRUSTED_ORIGINS")
KENNISBANK_DEMO_ACCOUNTS = False
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    "embeddings": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["embeddings"]},
}
