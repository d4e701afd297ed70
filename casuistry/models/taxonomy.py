from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from casuistry.services.anonymisation.admin_forms import GatedAdminModelForm


class Thema(index.Indexed, models.Model):
    """A curated theme (e.g. 'Giften en leningen') used as the main facet of casus."""
    base_form_class = GatedAdminModelForm
    gated_fields = ("name", "description")
    ungated_fields = {"slug": "derived from the (gated) name"}

    name = models.CharField("naam", max_length=100, unique=True)
    slug = models.SlugField("slug", max_length=100, unique=True, blank=True)
    description = models.TextField("toelichting", blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "thema"
        verbose_name_plural = "thema's"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Thema, self.name)
        super().save(*args, **kwargs)


def unique_slug(model, text: str, *, max_length: int = 100) -> str:
    base = slugify(text)[: max_length - 6] or "thema"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


class Regime(models.Model):
    """A legal regime a casus was decided under, e.g. "Participatiewet in balans", from its start date.

    Redacteuren curate the list. A casus from an earlier regime still teaches, but its page and the
    suggestions say so and link to the kennisartikel about what changed."""

    base_form_class = GatedAdminModelForm
    gated_fields = ("name", "summary")
    ungated_fields = {"slug": "derived from the (gated) name"}

    name = models.CharField("naam", max_length=100, unique=True)
    slug = models.SlugField("slug", max_length=100, unique=True, blank=True)
    starts_on = models.DateField("geldt vanaf")
    summary = models.TextField("wat veranderde", blank=True, help_text="Eén of twee zinnen voor de melding.")
    article = models.ForeignKey(
        "articles.KennisartikelPage",
        verbose_name="kennisartikel over wat veranderde",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("starts_on"), FieldPanel("summary"), FieldPanel("article")]

    class Meta:
        ordering = ["starts_on"]
        verbose_name = "rechtsregime"
        verbose_name_plural = "rechtsregimes"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Regime, self.name)
        super().save(*args, **kwargs)
