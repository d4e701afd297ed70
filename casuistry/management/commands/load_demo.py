import sys

from django.conf import settings
from django.core.management.base import BaseCommand
from tqdm import tqdm

from casuistry.services.demo import DEMO_USERS, load_demo


class Command(BaseCommand):
    help = "Laad de fictieve demo-inhoud (casus, kennisartikelen, begrippen, demo-accounts). Idempotent."

    def handle(self, *args, **options):
        def progress(records):
            return tqdm(records, desc="Demo-casus", unit="casus", file=sys.stderr)

        counts = load_demo(progress=progress, log=self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS("Demo-inhoud geladen: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
        )
        if getattr(settings, "KENNISBANK_DEMO_ACCOUNTS", False):
            self.stdout.write("\nDemo-accounts (alleen voor demo en ontwikkeling):")
            for user in DEMO_USERS:
                self.stdout.write(f"  {user.role:<18} gebruikersnaam: {user.username:<10} wachtwoord: {user.password}")
