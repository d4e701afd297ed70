import sys

from django.core.management.base import BaseCommand

from casuistry.services.import_export import export_casus


class Command(BaseCommand):
    help = "Exporteer alle gepubliceerde casus als JSONL (casus-v2)."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="Uitvoerbestand (standaard: standaarduitvoer)")

    def handle(self, *args, output=None, **options):
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                count = export_casus(stream=handle)
            self.stderr.write(self.style.SUCCESS(f"{count} casus geëxporteerd naar {output}."))
        else:
            count = export_casus(stream=sys.stdout)
            self.stderr.write(f"{count} casus geëxporteerd.")
