import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from base.demo import DEMO_USERS, NotADemoDatabase, demo_accounts_allowed, load_demo


class Command(BaseCommand):
    help = "Laad de fictieve demo-inhoud (casus, kennisartikelen, begrippen, demo-accounts). Idempotent."

    def handle(self, *args, **options):
        def progress(records):
            return tqdm(records, desc="Demo-casus", unit="casus", file=sys.stderr)

        try:
            counts = load_demo(progress=progress, log=self.stdout.write)
        except NotADemoDatabase as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            self.style.SUCCESS("Demo-inhoud geladen: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
        )
        if demo_accounts_allowed():
            self.stdout.write("\nDemo-accounts (alleen voor demo en ontwikkeling):")
            for user in DEMO_USERS:
                if not user.extra:
                    self.stdout.write(
                        f"  {user.role:<18} gebruikersnaam: {user.username:<10} wachtwoord: {user.password}"
                    )
