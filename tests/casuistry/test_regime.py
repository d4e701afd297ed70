"""The legal regime of a precedent: derived from the period, a search filter, and a notice."""

from datetime import date

import pytest

from casuistry.models import Regime
from casuistry.search import search_casus
from tests.factories import KennisartikelPageFactory, create_casus

pytestmark = pytest.mark.django_db


@pytest.fixture
def regimes(db):
    return (
        Regime.objects.create(name="Participatiewet (oud)", starts_on=date(2015, 1, 1)),
        Regime.objects.create(
            name="Participatiewet in balans", starts_on=date(2026, 1, 1), summary="meer ruimte voor maatwerk."
        ),
    )


def test_a_casus_takes_the_regime_in_force_at_the_end_of_its_period(regimes):
    old, new = regimes
    assert create_casus(periode="2025-Q4").regime == old
    assert create_casus(periode="2026-Q1").regime == new
    assert create_casus(periode="2026").regime == new
    assert create_casus(periode="2014").regime is None  # before the first regime on the list


def test_search_filters_on_regime_with_counts(regimes):
    old, new = regimes
    create_casus(periode="2024", title="Oud precedent")
    create_casus(periode="2026-Q2", title="Nieuw precedent")
    facet = next(f for f in search_casus().facets if f.param == "regime")
    assert {(v.value, v.count) for v in facet.values} == {(old.slug, 1), (new.slug, 1)}
    assert [h.casus.title for h in search_casus(filters={"regime": [new.slug]}).hits] == ["Nieuw precedent"]
    assert [h.casus.title for h in search_casus(query="wijziging", filters={"regime": [old.slug]}).hits] == [
        "Oud precedent"
    ]


def test_a_precedent_from_an_earlier_regime_carries_a_notice_with_the_article(consulent_client, regimes):
    old, new = regimes
    article = KennisartikelPageFactory(title="Wat verandert er?")
    new.article = article
    new.save()
    older = create_casus(periode="2024", title="Oud precedent")
    newer = create_casus(periode="2026-Q2", title="Nieuw precedent")
    page = consulent_client.get(older.url).content.decode()
    assert "Beoordeeld onder een eerder rechtsregime" in page and article.url in page
    assert "eerder rechtsregime" not in consulent_client.get(newer.url).content.decode()
    hit = next(h for h in search_casus(query="wijziging").hits if h.casus == older)
    assert hit.regime_notice.current == new and "Let op: beoordeeld onder Participatiewet (oud)" in hit.reasons
    listing = consulent_client.get("/casus/").content.decode()
    assert "Wat veranderde met Participatiewet in balans" in listing
