"""Work a web process does once at start, in the background, so no user's first request pays for it."""

import logging
import os
import threading

from casuistry import embeddings
from casuistry.services import anonymisation

logger = logging.getLogger(__name__)


def warm_up_in_background() -> threading.Thread | None:
    if os.environ.get("KENNISBANK_WARM_UP", "1") == "0":
        return None

    def run():
        anonymisation.warm_up()  # name and place lookups of the anonymiser (a few seconds)
        try:
            embeddings.get_model()  # the embedding model (several seconds, ~600 MB)
        except embeddings.EmbeddingUnavailable:
            logger.warning("Zoekmodel niet beschikbaar bij het opstarten; zoeken valt terug op trefwoorden.")

    thread = threading.Thread(target=run, name="kennisbank-warm-up", daemon=True)
    thread.start()
    return thread
