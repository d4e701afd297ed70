"""Test data builders (factory_boy, wagtail-factories).

Casus go through the import service, the same path as real data: a ``CasusRecordFactory`` builds a
casus-v1 record and ``CasusFactory`` imports it, so the schema and the anonymisation gate apply.
"""

import json

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from articles.models import KennisartikelPage, KennisIndexPage
from casuistry.models import CasusPage, Thema
from casuistry.services.import_export import ImportRejected, import_casus
from glossary.models import Begrip

TEST_PASSWORD = "geheim-wachtwoord"  # noqa: S105 - test accounts only


class CasusRecordFactory(factory.DictFactory):
    """A valid casus-v1 record in house style (no personal data)."""

    external_id = factory.Sequence(lambda n: f"T-{n + 1:04d}")
    title = factory.Sequence(lambda n: f"Testcasus {n + 1}")
    summary = "Mevrouw F. ontving bijstand en meldde een wijziging in haar situatie niet op tijd."
    regeling = "Participatiewet"
    verplichting = "inlichtingenplicht"
    thema = "Overig"
    cirkel_fase = "controle"
    signaalbron = "Inlichtingenbureau"
    drietrapstoets = factory.Dict(
        {
            "bewust_onbewust": "Zij wist niet dat dit gemeld moest worden.",
            "context_perspectief": "Zij had schulden en weinig overzicht.",
            "maatschappelijke_impact": "Een hoge boete vergroot de schulden.",
        }
    )
    omgekeerde_toets = None
    uitkomst = "waarschuwing"
    bedrag_eur = 120
    bezwaar = None
    periode = "2025-Q2"
    tags = factory.List(["test"])


class CasusFactory(factory.Factory):
    """A published casus, imported from a CasusRecordFactory record (overrides are record keys)."""

    class Meta:
        model = CasusPage

    @classmethod
    def _create(cls, model_class, **overrides):
        record = CasusRecordFactory(**overrides)
        try:
            import_casus(lines=[json.dumps(record, ensure_ascii=False)])
        except ImportRejected as rejected:
            raise AssertionError("; ".join(map(str, rejected.errors))) from None
        return model_class.objects.get(external_id=record["external_id"])


class UserFactory(factory.django.DjangoModelFactory):
    """A user with one role (``role="Consulent"``) and the test password."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n + 1}")
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


class ThemaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thema
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Thema {n + 1}")


class BegripFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Begrip
        django_get_or_create = ("term",)

    term = factory.Sequence(lambda n: f"Begrip {n + 1}")
    definition = "Een omschrijving."


class KennisartikelPageFactory(wagtail_factories.PageFactory):
    """A published kennisartikel below /kennis/ (pass ``parent`` to place it elsewhere)."""

    class Meta:
        model = KennisartikelPage

    title = factory.Sequence(lambda n: f"Kennisartikel {n + 1}")
    intro = "Uitleg."
    body = factory.LazyFunction(list)
    parent = factory.LazyFunction(KennisIndexPage.objects.get)


def create_casus(**overrides) -> CasusPage:
    """A published casus through the import service (see CasusFactory)."""
    return CasusFactory(**overrides)


def casus_record(**overrides) -> dict:
    return CasusRecordFactory(**overrides)


def jsonl(records) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in records]
