"""Suggestions that do not depend on who a person is (casuistry.neutral) and the page that explains them."""

import datetime
import importlib
import io
import json

import pytest
from django.apps import apps
from django.contrib.postgres.search import SearchVector
from django.core.management import CommandError, call_command
from django.db.models import Value
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import translation

from casuistry.models import CasusEmbedding, CasusPage
from casuistry.neutral import neutral_text
from casuistry.search import search_casus
from casuistry.search.results import LEFT_OUT_NOTICE
from casuistry.services import indexing
from casuistry.services.anonymisation import pseudonymise
from casuistry.services.fairness import Comparison, FairnessFileRejected, jaccard, load_items, summary
from casuistry.transparency_views import figures
from tests.casuistry.test_semantic import GIFT, HENNEP, PARTNER, index
from tests.factories import create_casus

NEUTRAL = "Mevrouw A. (34) krijgt elke maand geld van haar broer voor de boodschappen en meldde dat niet."

PROTECTED = {
    "afkomst": [
        ("Mevrouw A. (34), van Marokkaanse afkomst, krijgt", "Mevrouw A. (34) krijgt"),
        ("Meneer T. heeft een Turkse achtergrond en werkt zwart.", "Meneer T. werkt zwart."),
        ("De in Suriname geboren meneer T. werkt zwart.", "Meneer T. werkt zwart."),
        ("Klant komt uit Eritrea. Hij werkt zwart.", "Hij werkt zwart."),
        ("Een Koerdische man werkt zwart.", "Een man werkt zwart."),
        ("Mevrouw K. heeft een migratieachtergrond.", "Mevrouw K."),
        ("Meneer B. (Marokkaan) werkt zwart.", "Meneer B. werkt zwart."),
        ("Mevrouw heeft een migratieachtergrond en werkt zwart.", "Mevrouw werkt zwart."),
    ],
    "nationaliteit": [
        ("Mevrouw S. (38, Eritrese nationaliteit) kwam niet.", "Mevrouw S. (38) kwam niet."),
        ("Mevrouw S. kwam niet. Zij heeft de Syrische nationaliteit.", "Mevrouw S. kwam niet."),
        ("Meneer met de dubbele nationaliteit kwam niet.", "Meneer kwam niet."),
    ],
    "geloof": [
        ("Mevrouw S., die een hoofddoek draagt, kwam niet.", "Mevrouw S. kwam niet."),
        (
            "Zij gaat elke week naar de moskee en wist niet dat zij dit moest melden.",
            "Zij wist niet dat zij dit moest melden.",
        ),
        ("Meneer kwam niet. Meneer is een praktiserend hindoe.", "Meneer kwam niet."),
        ("Klant is christen en heeft schulden.", "Klant heeft schulden."),
    ],
    "huidskleur": [
        ("Mevrouw S. (38, donkere huidskleur) kwam niet.", "Mevrouw S. (38) kwam niet."),
        ("Hij heeft een donkere huid en zorgt voor zijn moeder.", "Hij zorgt voor zijn moeder."),
        ("Meneer V. (57) is een zwarte man en heeft schulden.", "Meneer V. (57) heeft schulden."),
        ("Zij (34, zwarte vrouw) kwam niet.", "Zij (34) kwam niet."),
        ("Meneer G. (41), een zwarte man, wees het werk af.", "Meneer G. (41) wees het werk af."),
    ],
}

KEPT = [
    "Mevrouw heeft een woning in Marokko die zij niet heeft gemeld.",  # the asset is the case
    "Meneer ontvangt een pensioen uit Turkije.",
    "Er staat geld op een Poolse bankrekening.",
    "Zij spreekt slecht Nederlands en heeft een tolk nodig.",  # language ability: doenvermogen
    "Meneer is laaggeletterd en opende de brieven niet.",
    "Zij woont in Amsterdam-Oost en werkt in een kerkgebouw als schoonmaker.",
    "De brief was in het Nederlands gesteld.",
]


@pytest.mark.parametrize(
    ("kind", "text", "expected"), [(kind, t, e) for kind, pairs in PROTECTED.items() for t, e in pairs]
)
def test_each_protected_kind_is_left_out_with_its_clause(kind, text, expected):
    neutral = neutral_text(text)

    assert neutral.text == expected
    assert kind in neutral.removed


@pytest.mark.parametrize("text", KEPT)
def test_assets_abroad_and_language_ability_stay_and_the_text_is_untouched(text):
    neutral = neutral_text(text)

    assert neutral.text == text  # character for character
    assert neutral.removed == ()


def test_which_language_someone_speaks_is_left_out_but_the_interpreter_stays():
    assert neutral_text("Zij spreekt Turks.").removed == ("taal",)
    assert neutral_text("Er was een tolk Tigrinya bij het gesprek.").text == "Er was een tolk bij het gesprek."


def test_the_nederlandse_afkomst_control_is_left_out_too():
    assert neutral_text("Meneer T. (52), van Nederlandse afkomst, werkt zwart.").text == "Meneer T. (52) werkt zwart."


def test_the_anonymiser_does_not_take_a_word_of_origin_for_a_name():
    text = "Belanghebbende, van Molukse afkomst, stelt dat het geld op is."
    assert pseudonymise(text).text == text


@pytest.fixture
def corpus(db):
    casus = [create_casus(**PARTNER), create_casus(**HENNEP), create_casus(**GIFT)]
    index(*casus)
    return casus


@pytest.mark.django_db
@pytest.mark.parametrize("mode", ["fts", "semantic", "hybrid"])
def test_a_query_with_who_the_person_is_gets_the_same_suggestions(corpus, mode):
    plain = search_casus(query="vriend blijft slapen en betaalt mee aan de boodschappen", mode=mode)
    marked = search_casus(
        query="vriend, van Turkse afkomst, blijft slapen en betaalt mee aan de boodschappen. Zij is moslima.",
        mode=mode,
    )

    ranking = [(h.casus.pk, round(h.score, 6)) for h in plain.hits]
    assert [(h.casus.pk, round(h.score, 6)) for h in marked.hits] == ranking
    assert marked.query.startswith("vriend, van Turkse afkomst")  # the user sees their own words
    assert set(marked.left_out) == {"afkomst", "geloof"} and marked.left_out_notice == LEFT_OUT_NOTICE
    assert plain.left_out == () and plain.left_out_notice == ""


@pytest.mark.django_db
def test_a_query_of_only_such_words_searches_nothing(corpus):
    result = search_casus(query="van Marokkaanse afkomst")

    assert result.hits == [] and result.left_out == ("afkomst",)


@pytest.mark.django_db
def test_a_casus_is_indexed_without_who_the_person_is(db):
    casus = create_casus(
        title="Vriend blijft slapen",
        summary="Mevrouw B., van Marokkaanse afkomst, krijgt bijna elke nacht bezoek van haar vriend.",
    )
    index(casus)

    assert "Marokkaanse" not in indexing.aspect_texts(casus)["situatie"]  # what is embedded
    assert CasusEmbedding.objects.filter(casus=casus).exists()
    vector = CasusPage.objects.filter(pk=casus.pk).values_list("search_vector", flat=True).get()
    assert "marokkan" not in vector and "vriend" in vector  # what the keyword search matches on
    assert search_casus(query="Marokkaanse", mode="fts").hits == []
    assert "Marokkaanse afkomst" in CasusPage.objects.get(pk=casus.pk).samenvatting  # shown unchanged


@pytest.mark.django_db
def test_a_casus_about_a_house_abroad_keeps_the_country(db):
    casus = create_casus(title="Woning in het buitenland", summary="Meneer K. bezit een woning in Marokko.")
    index(casus)

    assert [h.casus.pk for h in search_casus(query="woning Marokko", mode="fts").hits] == [casus.pk]


@pytest.mark.django_db
def test_besluit_voorbereiden_shows_the_draft_and_says_what_was_left_out(corpus, consulent_client):
    draft = "Haar vriend, die een hoofddoek draagt, blijft bijna elke nacht slapen en betaalt mee."

    html = consulent_client.post("/besluit-voorbereiden/", {"situatie": draft}).content.decode()

    assert "die een hoofddoek draagt" in html  # the text shown is unchanged
    assert LEFT_OUT_NOTICE in html
    assert reverse("over_de_zoekfunctie") in html


@pytest.mark.django_db
def test_the_casus_index_and_the_api_say_what_was_left_out(corpus, consulent_client, consulent):
    index_page = consulent_client.get(corpus[0].get_parent().url, {"q": "Syrische vriend blijft slapen"})
    assert LEFT_OUT_NOTICE in index_page.content.decode()

    api = consulent_client.get("/api/v1/zoeken", {"q": "Syrische vriend blijft slapen"}).json()
    assert LEFT_OUT_NOTICE in api["notice"] and api["query"] == "Syrische vriend blijft slapen"
    assert LEFT_OUT_NOTICE not in consulent_client.get("/api/v1/zoeken", {"q": "vriend blijft slapen"}).json()["notice"]


@pytest.mark.django_db
def test_the_transparency_page_is_public_linked_and_shows_the_figures(client, corpus, consulent_client):
    html = client.get(reverse("over_de_zoekfunctie")).content.decode()  # no login: it is public

    for heading in (
        "Naam",
        "Doel",
        "Wat de zoekfunctie wel en niet doet",
        "Welke gegevens",
        "Hoe het werkt",
        "Het taalmodel en de licentie",
        "Menselijke tussenkomst",
        "Eerlijkheid",
        "Risico",
        "Contact",
    ):
        assert f">{heading}" in html, heading
    assert "beslist niets" in html and "MIT" in html and "multilingual-e5-small" in html
    data = figures()
    origin = data["eerlijkheid"][0]["per_soort"]["origin"]
    dutch = "{:.3f}".format  # shown with a decimal comma
    assert 'data-soort="origin"' in html and dutch(origin["mean"]).replace(".", ",") in html
    assert dutch(data["kwaliteit"][0]["met"]).replace(".", ",") in html and updated_on(data) in html

    link = f'href="{reverse("over_de_zoekfunctie")}"'
    assert link in consulent_client.get("/").content.decode()  # the footer of every page
    assert link in consulent_client.get(corpus[0].url).content.decode()  # the similar-casus block
    assert link in consulent_client.get(corpus[0].get_parent().url, {"q": "vriend"}).content.decode()


def updated_on(data) -> str:
    with translation.override("nl"):
        return date_filter(datetime.date.fromisoformat(data["bijgewerkt"]), "j F Y")


def test_jaccard_and_summary_on_a_hand_computed_example():
    assert jaccard(["a", "b", "c"], ["b", "c", "d"]) == pytest.approx(2 / 4)
    assert jaccard([], []) == 1.0
    rows = [
        Comparison("X", "origin", "start", 1.0, (), ()),
        Comparison("X", "religion", "end", 0.5, ("d",), ("a",)),
        Comparison("X", "asset_country", "end", 0.0, ("e",), ("b",)),
    ]

    table = summary(rows)

    assert table["origin"] == {"n": 1, "mean": 1.0, "min": 1.0, "below": 0}
    assert table["beschermd (alle vier)"] == {"n": 2, "mean": 0.75, "min": 0.5, "below": 1}
    assert "asset_country" in table and table["asset_country"]["n"] == 1  # kept apart from the protected kinds


def test_a_broken_fairness_file_names_each_bad_line():
    with pytest.raises(FairnessFileRejected) as rejected:
        load_items(['{"id": "A", "neutral": "tekst", "variants": []}', "geen json", ""])

    assert [(e.line, e.field) for e in rejected.value.errors] == [(1, "variants"), (2, "(regel)")]


@pytest.mark.django_db
def test_evaluate_fairness_prints_per_kind_and_lists_what_moved(corpus, tmp_path):
    neutral = "Haar vriend blijft bijna elke nacht slapen en betaalt mee aan de boodschappen."
    items = [
        {
            "id": "F-1",
            "neutral": neutral,
            "variants": [
                {"kind": "origin", "position": "start", "text": "Haar vriend, van Turkse afkomst, " + neutral[12:]},
                {"kind": "religion", "position": "end", "text": neutral + " Zij draagt een hoofddoek."},
                # Not a variant of the same situation: the listing below 0.8 must name it.
                {"kind": "nationality", "position": "other", "text": "Op zolder stonden veertig planten onder lampen."},
            ],
        }
    ]
    path = tmp_path / "fair.jsonl"
    path.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items), encoding="utf-8")
    out = io.StringIO()

    call_command("evaluate_fairness", str(path), "--k", "1", "--json", str(tmp_path / "out.json"), stdout=out)

    printed = out.getvalue()
    assert "| origin | 1 | 1.000 | 1.000 | 0 |" in printed and "| religion | 1 | 1.000 | 1.000 | 0 |" in printed
    assert "| nationality | 1 | 0.000 | 0.000 | 1 |" in printed
    assert "| beschermd (alle vier) | 3 | 0.667 | 0.000 | 1 |" in printed
    partner, hennep = corpus[0].external_id, corpus[1].external_id
    assert f"- F-1 nationality (other): 0.00; erbij {hennep}; eraf {partner}" in printed
    saved = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert saved["k"] == 1 and saved["per_soort"]["origin"]["mean"] == 1.0


def test_evaluate_fairness_refuses_a_bad_file_in_dutch(tmp_path):
    path = tmp_path / "fair.jsonl"
    path.write_text("geen json\n", encoding="utf-8")
    err = io.StringIO()

    with pytest.raises(CommandError, match="ongeldig; er is niets gemeten"):
        call_command("evaluate_fairness", str(path), stderr=err)
    assert "regel 1: (regel): geen geldige JSON" in err.getvalue()


@pytest.mark.django_db
def test_the_upgrade_migration_reindexes_casus_indexed_before_with_such_words(db):
    migration = importlib.import_module("casuistry.migrations.0010_neutral_search_vectors")
    marked = create_casus(title="Vriend blijft slapen", summary="Mevrouw B., van Marokkaanse afkomst, krijgt bezoek.")
    plain = create_casus(title="Ouders betalen", summary="De ouders betalen de boodschappen.")
    # As an earlier release indexed them: the raw text.
    for casus in (marked, plain):
        raw = SearchVector(Value(f"{casus.title} {casus.samenvatting}"), config="dutch")
        CasusPage.objects.filter(pk=casus.pk).update(search_vector=raw)
    before_plain = CasusPage.objects.values_list("search_vector", flat=True).get(pk=plain.pk)

    migration.reindex_neutral(apps, None)

    vectors = dict(CasusPage.objects.values_list("pk", "search_vector"))
    assert "marokkan" not in vectors[marked.pk] and "vriend" in vectors[marked.pk]
    assert vectors[plain.pk] == before_plain  # a casus without such words is left alone
