from django.db import models
from pgvector.django import HnswIndex, VectorField

EMBEDDING_DIMENSIONS = 384  # multilingual-e5-small; another size needs a migration


class Aspect(models.TextChoices):
    # One vector per casus: the situation's, with half the reasoning's added (services/indexing.py).
    # The column stays so field-level vectors can return without a new table.
    SITUATIE = "situatie", "Situatie"


class CasusEmbedding(models.Model):
    """The vector of a published casus: its situation (title + samenvatting) plus half its reasoning.

    Stored with the model's identity and a hash of the embedded text, so a changed casus or a
    changed model is recognised as stale and re-embedded by ``reindex_casus``.
    """
    gated_fields = ()
    ungated_fields = {
        "model_identity": "the embedding model's name and version",
        "content_hash": "a hash of the embedded text",
    }

    casus = models.ForeignKey("casuistry.CasusPage", on_delete=models.CASCADE, related_name="embeddings")
    aspect = models.CharField(max_length=16, choices=Aspect.choices)
    embedding = VectorField(dimensions=EMBEDDING_DIMENSIONS)
    model_identity = models.CharField(max_length=200)
    content_hash = models.CharField(max_length=64)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "casusvector"
        verbose_name_plural = "casusvectoren"
        constraints = [models.UniqueConstraint(fields=["casus", "aspect"], name="unique_casus_aspect")]
        indexes = [
            HnswIndex(
                name="casus_embedding_hnsw",
                fields=["embedding"],
                m=16,
                ef_construction=64,
                opclasses=["vector_cosine_ops"],
            ),
            models.Index(fields=["aspect", "casus"], name="casus_embedding_aspect"),
            # The search selector asks for the lowest and highest identity on every search.
            models.Index(fields=["model_identity"], name="casus_embedding_model"),
        ]

    def __str__(self):
        return f"{self.get_aspect_display()} van casus {self.casus_id}"
