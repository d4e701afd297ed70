#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    # Production unless told otherwise: a missing SECRET_KEY or DATABASE_URL stops the command
    # instead of running it with demo settings. `make` targets set kennisbank.settings.dev.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisbank.settings.production")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
