import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from casuistry.services.import_export import ImportRejected, import_casus


class Command(BaseCommand):
    help = (
        "Importeer casus uit een JSONL-bestand (casus-v2; v1 is ook geldig). "
        "Bij één ongeldige regel wordt niets geïmporteerd."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="Pad naar het .jsonl-bestand")
        parser.add_argument(
            "--pseudonimiseer",
            action="store_true",
            help="Vervang gevonden persoonsgegevens door plaatsaanduidingen ([PERSOON-1], [DATUM] ...) en importeer",
        )
        parser.add_argument(
            "--organisatie",
            default=None,
            help="Code van de organisatie die de casus zonder veld 'organisatie' bezit, bijvoorbeeld GM0034",
        )

    def handle(self, *args, bestand, pseudonimiseer=False, organisatie=None, **options):
        try:
            with open(bestand, encoding="utf-8") as handle:
                lines = handle.read().splitlines()
        except FileNotFoundError as exc:
            raise CommandError(f"Bestand niet gevonden: {bestand}") from exc
        except UnicodeDecodeError as exc:
            raise CommandError(f"Bestand is geen UTF-8 tekst: {bestand}") from exc

        def progress(records):
            return tqdm(records, desc="Importeren", unit="casus", file=sys.stderr, disable=len(records) < 20)

        try:
            report = import_casus(lines=lines, progress=progress, pseudonymise=pseudonimiseer, organisation=organisatie)
        except ImportRejected as rejected:
            for error in rejected.errors:
                self.stderr.write(str(error))
            bad_lines = len({e.line for e in rejected.errors})
            raise CommandError(
                f"{bad_lines} ongeldige regel(s), {len(rejected.errors)} fout(en). Er is niets geïmporteerd."
            ) from None
        for warning in report.warnings:
            self.stderr.write(f"waarschuwing {warning}")
        for line, counts in sorted(report.pseudonymised.items()):
            replaced = ", ".join(f"{n}× {label}" for label, n in sorted(counts.items()))
            self.stdout.write(f"regel {line}: gepseudonimiseerd ({replaced})")
        if report.total == 0:
            raise CommandError("Het bestand bevat geen casus.")
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.total} casus verwerkt: {report.created} nieuw, {report.updated} bijgewerkt, "
                f"{report.unchanged} ongewijzigd."
            )
        )
