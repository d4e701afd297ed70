import sys
import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from casuistry import embeddings
from casuistry.search import clear_caches
from casuistry.services.indexing import mark_all_for_redo, purge_unpublished, redo_pending, reindex, stale_casus


class Command(BaseCommand):
    help = (
        "Embed alle gepubliceerde casus waarvan de vector ontbreekt of verouderd is (ander model of gewijzigde "
        "tekst), of met --all alle gepubliceerde casus. Kan worden onderbroken en hervat: klaar werk blijft bewaard."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            dest="everything",
            help="Alle gepubliceerde casus opnieuw embedden, ook actuele; een onderbroken --all gaat verder.",
        )
        parser.add_argument("--batch", type=int, default=32, help="Aantal teksten per modelaanroep (standaard 32)")
        parser.add_argument(
            "--threads",
            type=int,
            default=embeddings.usable_cores(),
            help="CPU-threads voor het model (standaard alle beschikbare cores: dit proces doet alleen dit werk)",
        )

    def handle(self, *args, everything, batch, threads, **options):
        if batch < 1 or threads < 1:
            raise CommandError("--batch en --threads moeten minstens 1 zijn.")
        try:
            identity = embeddings.model_identity()
            embeddings.get_model()
        except embeddings.EmbeddingUnavailable as exc:
            raise CommandError(f"Het zoekmodel kan niet worden geladen: {exc}") from None
        removed = purge_unpublished()
        if everything:
            self._mark_everything()
        todo = stale_casus(identity)
        self.stdout.write(
            f"Model: {identity}; {threads} threads. Te indexeren: {len(todo)} casus; "
            f"{removed} vectoren van niet-gepubliceerde casus verwijderd."
        )
        if not todo:
            self.stdout.write(self.style.SUCCESS("Alles is bijgewerkt."))
            return
        started = time.perf_counter()
        with tqdm(total=len(todo), desc="Indexeren", unit="casus", file=sys.stderr) as bar:
            try:
                vectors = reindex(todo, batch_size=batch, threads=threads, on_written=bar.update)
            except embeddings.EmbeddingUnavailable as exc:
                raise CommandError(
                    f"Indexeren afgebroken na {bar.n} van {len(todo)} casus ({exc}). Wat klaar is, blijft bewaard; "
                    "start de opdracht opnieuw om verder te gaan."
                ) from None
        seconds = max(time.perf_counter() - started, 1e-9)
        clear_caches()
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(todo)} casus ({vectors} vectoren) geïndexeerd in {seconds:.1f} s: "
                f"{len(todo) / seconds:.1f} casus/s."
            )
        )

    def _mark_everything(self):
        pending = redo_pending()
        if pending:
            # An interrupted --all: what it finished keeps its fresh vector.
            self.stdout.write(f"Een eerdere --all is onderbroken: nog {pending} casus te gaan; die run gaat verder.")
        else:
            self.stdout.write(f"Alle {mark_all_for_redo()} bestaande vectoren worden opnieuw berekend.")
