"""Organisations sharing one installation: a gemeente or a regional service, and who belongs to it.

Every user belongs to at most one organisation. Roles (Django groups) act inside it; what a user
may read of other organisations' casus is decided in ``casuistry/selectors/visibility.py``.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

# The casus-v2 contract (shared/schemas/casus-v2.schema.json): a CBS code such as GM0034, or a
# regional service's own code.
CODE_PATTERN = r"^[A-Z]{2}[0-9A-Z]{2,10}$"
CODE_MESSAGE = "Gebruik twee hoofdletters en daarna 2 tot 10 cijfers of hoofdletters, bijvoorbeeld GM0034."


class Organisation(ClusterableModel):
    ungated_fields = {
        "code": "an organisation code (validated pattern), not personal data",
        "name": "the name of a municipality or service, not personal data",
        "region": "the name of a region, not personal data",
    }

    code = models.CharField("code", max_length=12, unique=True, validators=[RegexValidator(CODE_PATTERN, CODE_MESSAGE)])
    name = models.CharField("naam", max_length=200)
    region = models.CharField(
        "regio",
        max_length=100,
        blank=True,
        help_text="Organisaties in dezelfde regio zien elkaars casus met deelniveau 'regio'.",
    )

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("region"), InlinePanel("members", label="lid")]

    class Meta:
        ordering = ["name"]
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"

    def __str__(self):
        return f"{self.name} ({self.code})"


class Membership(models.Model):
    """The one organisation a user belongs to."""

    organisation = ParentalKey(Organisation, related_name="members", on_delete=models.CASCADE)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="gebruiker", related_name="membership", on_delete=models.CASCADE
    )

    panels = [FieldPanel("user")]

    class Meta:
        verbose_name = "lidmaatschap"
        verbose_name_plural = "lidmaatschappen"

    def __str__(self):
        return f"{self.user} – {self.organisation.code}"
