import sys
import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from casuistry import embeddings
from casuistry.models import CasusPage
from casuistry.search import clear_caches
from casuistry.services.indexing import embed_casus, purge_unpublished, stale_casus

CHUNK = 32


class Command(BaseCommand):
    help = (
        "Embed alle gepubliceerde casus waarvan de vector ontbreekt of verouderd is (ander model of gewijzigde "
        "tekst). Kan worden onderbroken en hervat: klaar werk blijft bewaard."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=16, help="Aantal teksten per modelaanroep (standaard 16)")

    def handle(self, *args, batch, **options):
        try:
            identity = embeddings.model_identity()
            embeddings.get_model()
        except embeddings.EmbeddingUnavailable as exc:
            raise CommandError(f"Het zoekmodel kan niet worden geladen: {exc}") from None
        removed = purge_unpublished()
        todo = stale_casus(identity)
        self.stdout.write(
            f"Model: {identity}. Te indexeren: {len(todo)} casus; {removed} verouderde vectoren verwijderd."
        )
        if not todo:
            self.stdout.write(self.style.SUCCESS("Alles is bijgewerkt."))
            return
        started, vectors = time.perf_counter(), 0
        with tqdm(total=len(todo), desc="Indexeren", unit="casus", file=sys.stderr) as bar:
            for start in range(0, len(todo), CHUNK):
                ids = todo[start : start + CHUNK]
                vectors += embed_casus(CasusPage.objects.filter(pk__in=ids).order_by("pk"), batch_size=batch)
                bar.update(len(ids))
        seconds = time.perf_counter() - started
        clear_caches()
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(todo)} casus ({vectors} vectoren) geïndexeerd in {seconds:.1f} s: "
                f"{len(todo) / seconds:.1f} casus/s."
            )
        )
