"""WSGI entry point (gunicorn). Defaults to the production settings: a missing variable fails closed."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisbank.settings.production")
application = get_wsgi_application()

from kennisbank.startup import warm_up_in_background  # noqa: E402  (needs the app registry)

warm_up_in_background()
