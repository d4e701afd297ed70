import json
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from casuistry.services.anonymisation import pseudonymise, warm_up


class Command(BaseCommand):
    help = (
        "Anonimiseer teksten in bulk (anonymise-v1): elke invoerregel {id, text} wordt {id, text, spans} met "
        "offsets in de oorspronkelijke tekst. Voor evaluatie en controles; schrijft niets in de database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--jsonl", required=True, help="Invoerbestand (JSONL met id en text)")
        parser.add_argument("--output", required=True, help="Uitvoerbestand (JSONL)")

    def handle(self, *args, jsonl, output, **options):
        try:
            with open(jsonl, encoding="utf-8") as handle:
                lines = handle.read().splitlines()
        except FileNotFoundError as exc:
            raise CommandError(f"Bestand niet gevonden: {jsonl}") from exc
        items, errors = [], []
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                item = json.loads(raw)
            except json.JSONDecodeError:
                errors.append(f"regel {number}: (regel): geen geldige JSON")
                continue
            if not isinstance(item, dict) or "id" not in item or not isinstance(item.get("text"), str):
                errors.append(f"regel {number}: id/text: verplicht (id en text als tekst)")
                continue
            items.append(item)
        if errors:
            for error in errors:
                self.stderr.write(error)
            raise CommandError("Ongeldige invoer; er is niets geschreven.")
        warm_up()
        with open(output, "w", encoding="utf-8") as out:
            for item in tqdm(items, desc="Anonimiseren", unit="tekst", file=sys.stderr, disable=len(items) < 20):
                result = pseudonymise(item["text"])
                spans = [{"start": f.start, "end": f.end, "label": f.label} for f in result.findings]
                record = {"id": item["id"], "text": result.text, "spans": spans}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.stdout.write(self.style.SUCCESS(f"{len(items)} teksten geanonimiseerd naar {output}."))
