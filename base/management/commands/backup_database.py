from datetime import datetime
from pathlib import Path
from subprocess import CalledProcessError

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from base.backup import backup


class Command(BaseCommand):
    help = "Maak een volledige back-up van de database (pg_dump, custom format) in backups/."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Bestand (standaard backups/kennisbank-JJJJMMDD-UUMMSS.dump)")

    def handle(self, *args, output=None, **options):
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = Path(output) if output else Path(settings.BASE_DIR) / "backups" / f"kennisbank-{stamp}.dump"
        try:
            backup(target)
        except (CalledProcessError, FileNotFoundError) as exc:
            detail = exc.stderr.decode(errors="replace").strip()[-300:] if isinstance(exc, CalledProcessError) else exc
            raise CommandError(f"De back-up is mislukt: {detail}") from None
        self.stdout.write(self.style.SUCCESS(f"Back-up geschreven: {target} ({target.stat().st_size:,} bytes)"))
