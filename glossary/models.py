from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from casuistry.services.anonymisation.admin_forms import GatedAdminModelForm


class Begrip(index.Indexed, models.Model):
    """A glossary term. Its synonyms double as a thesaurus for query expansion."""
    base_form_class = GatedAdminModelForm
    gated_fields = ("term", "definition", "synonyms")
    ungated_fields = {"slug": "derived from the (gated) term"}

    term = models.CharField("begrip", max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True, blank=True)
    definition = models.TextField("omschrijving")
    synonyms = ArrayField(
        models.CharField(max_length=120),
        verbose_name="synoniemen",
        default=list,
        blank=True,
        help_text="Woorden die collega's of inwoners ervoor gebruiken, gescheiden door komma's.",
    )

    panels = [FieldPanel("term"), FieldPanel("definition"), FieldPanel("synonyms")]
    search_fields = [
        index.SearchField("term", boost=3),
        index.SearchField("definition"),
        index.SearchField("synonyms_text"),
        index.AutocompleteField("term"),
    ]

    class Meta:
        ordering = ["term"]
        verbose_name = "begrip"
        verbose_name_plural = "begrippen"

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.term)[:120]
        self.synonyms = [s.strip() for s in self.synonyms if s and s.strip()]
        super().save(*args, **kwargs)

    @property
    def synonyms_text(self) -> str:
        return ", ".join(self.synonyms)

    @property
    def first_letter(self) -> str:
        return self.term[:1].upper()
