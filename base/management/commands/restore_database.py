from pathlib import Path
from subprocess import CalledProcessError

from django.core.management.base import BaseCommand, CommandError

from base.backup import restore


class Command(BaseCommand):
    help = "Zet een back-up (pg_dump custom format) terug. Vervangt de inhoud van de database, in één transactie."

    def add_arguments(self, parser):
        parser.add_argument("dump", help="Het back-upbestand")
        parser.add_argument("--ja", action="store_true", help="Niet om bevestiging vragen")

    def handle(self, *args, dump, ja, **options):
        path = Path(dump)
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        if not ja and input("Dit vervangt alle inhoud van de database. Doorgaan? [ja/nee] ").strip().lower() != "ja":
            raise CommandError("Afgebroken; er is niets veranderd.")
        try:
            restore(path)
        except CalledProcessError as exc:
            detail = exc.stderr.decode(errors="replace").strip()[-300:]
            raise CommandError(f"Terugzetten mislukt; er is niets veranderd: {detail}") from None
        self.stdout.write(self.style.SUCCESS(f"Back-up teruggezet uit {path}."))
