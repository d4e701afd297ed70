import csv
import io
import json
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from base import roles
from casuistry.models import BezwaarGrond, BezwaarRecord, CasusPage, MkbaRegel
from casuistry.selectors.stats import MonitorFilters, jurist_worklist, monitor_tables
from casuistry.services.import_export import casus_to_record, import_casus
from tests.factories import casus_record, create_casus, jsonl

pytestmark = pytest.mark.django_db


@pytest.fixture
def fixture_casus():
    a = create_casus(thema="Giften en leningen", uitkomst="boete", bedrag_eur=400, bezwaar="gegrond", periode="2024")
    b = create_casus(
        thema="Giften en leningen", uitkomst="waarschuwing", bedrag_eur=100, bezwaar="ongegrond", periode="2024-Q3"
    )
    c = create_casus(
        thema="Zwart werk", uitkomst="terugvordering en boete", bedrag_eur=2000, bezwaar=None, periode="2025"
    )
    d = create_casus(
        thema="Zwart werk",
        uitkomst="maatregel",
        verplichting="arbeidsverplichting",
        bedrag_eur=None,
        bezwaar="deels gegrond",
        periode="2025-Q1",
    )
    e = create_casus(
        thema="Huurachterstand en huisuitzetting",
        uitkomst="maatwerk via omgekeerde toets",
        bedrag_eur=0,
        bezwaar=None,
        periode="2025",
        omgekeerde_toets={"grondwaarde": "a", "beoogd_effect": "b", "maatwerk_oplossing": "c"},
    )
    motivering = BezwaarGrond.objects.get(name="motiveringsgebrek")
    BezwaarRecord.objects.create(casus=a, stage="bezwaar", outcome="gegrond", periode="2024").grounds.add(motivering)
    BezwaarRecord.objects.create(casus=b, stage="bezwaar", outcome="ongegrond").grounds.add(motivering)
    MkbaRegel.objects.create(casus=e, scenario="geen interventie", post="huisvesting", bedrag_eur=18000)
    MkbaRegel.objects.create(casus=e, scenario="sociaal", post="schuldhulp", bedrag_eur=2500)
    MkbaRegel.objects.create(casus=e, scenario="sociaal", post="uitkering", bedrag_eur=-500)
    return a, b, c, d, e


def tables(filters=None):
    return {t.key: t for t in monitor_tables(filters or MonitorFilters())}


def rows(table):
    return {row["label"]: {k: v for k, v in row.items() if k != "label"} for row in table.rows}


def test_every_monitor_figure_matches_a_hand_count(fixture_casus):
    t = tables()

    assert rows(t["uitkomsten"]) == {
        "Waarschuwing": {"aantal": 1, "totaal": 100, "gemiddeld": 100},
        "Boete": {"aantal": 1, "totaal": 400, "gemiddeld": 400},
        "Maatregel": {"aantal": 1, "totaal": 0, "gemiddeld": 0},
        "Terugvordering en boete": {"aantal": 1, "totaal": 2000, "gemiddeld": 2000},
        "Maatwerk via omgekeerde toets": {"aantal": 1, "totaal": 0, "gemiddeld": 0},
    }
    assert rows(t["boetes-waarschuwingen"]) == {"Inlichtingenplicht": {"boetes": 2, "waarschuwingen": 1}}
    assert rows(t["maatregelen"]) == {"Arbeidsverplichting": {"aantal": 1}}
    assert rows(t["omgekeerde-toets"]) == {"Met omgekeerde toets": {"aantal": 1}, "Zonder": {"aantal": 4}}
    assert rows(t["bezwaren"]) == {"Gegrond": {"aantal": 1}, "Deels gegrond": {"aantal": 1}, "Ongegrond": {"aantal": 1}}
    assert rows(t["gegrond-per-thema"]) == {
        "Giften en leningen": {"bezwaren": 2, "gegrond": 1, "deels_gegrond": 0, "aandeel_gegrond": 0.5},
        "Zwart werk": {"bezwaren": 1, "gegrond": 0, "deels_gegrond": 1, "aandeel_gegrond": 0.0},
    }
    assert rows(t["gegrond-per-uitkomst"])["Boete"] == {
        "bezwaren": 1,
        "gegrond": 1,
        "deels_gegrond": 0,
        "aandeel_gegrond": 1.0,
    }
    assert rows(t["gegrond-per-grond"]) == {
        "motiveringsgebrek": {"bezwaren": 2, "gegrond": 1, "deels_gegrond": 0, "aandeel_gegrond": 0.5}
    }
    assert rows(t["over-tijd"]) == {
        "2024": {"aantal": 2, "bezwaren": 2, "gegrond": 1},
        "2025": {"aantal": 3, "bezwaren": 1, "gegrond": 0},
    }
    assert rows(t["mkba"]) == {
        "Geen interventie": {"totaal": 18000, "casus": 1},
        "Sociaal handhaven": {"totaal": 2000, "casus": 1},
    }


def test_filters_by_period_thema_and_regeling(fixture_casus):
    only_2025 = tables(MonitorFilters(year_from=2025))
    zwart = tables(MonitorFilters(themas=["zwart-werk"]))
    ioaw = tables(MonitorFilters(regelingen=["IOAW"]))

    assert sum(r["aantal"] for r in only_2025["uitkomsten"].rows) == 3
    assert set(rows(zwart["uitkomsten"])) == {"Maatregel", "Terugvordering en boete"}
    assert ioaw["uitkomsten"].rows == []


def test_csv_export_parses_and_matches_the_page(fixture_casus, consulent_client):
    page = consulent_client.get("/monitor/?van=2024").content.decode()
    response = consulent_client.get("/monitor/gegrond-per-thema.csv?van=2024")

    assert response["Content-Type"].startswith("text/csv")
    parsed = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert parsed[0] == {
        "label": "Giften en leningen",
        "bezwaren": "2",
        "gegrond": "1",
        "deels_gegrond": "0",
        "aandeel_gegrond": "0.5",
    }
    assert 'href="/monitor/gegrond-per-thema.csv?van=2024"' in page
    assert ">50%<" in page  # the same share on the page
    assert consulent_client.get("/monitor/bestaat-niet.csv").status_code == 404


def test_monitor_page_has_accessible_charts_and_tables(fixture_casus, consulent_client):
    html = consulent_client.get("/monitor/").content.decode()

    assert html.count('role="img"') == html.count("<table") - 0 or html.count('role="img"') >= 8
    assert '<title id="grafiek-uitkomsten">' in html and 'scope="col"' in html


def test_interchange_field_follows_the_latest_decided_stage(fixture_casus):
    a = fixture_casus[0]

    BezwaarRecord.objects.create(casus=a, stage="beroep", outcome="")
    assert CasusPage.objects.get(pk=a.pk).bezwaar == "gegrond"  # beroep still running
    BezwaarRecord.objects.create(casus=a, stage="hoger beroep", outcome="ongegrond")

    a.refresh_from_db()
    assert a.bezwaar == "ongegrond" and casus_to_record(a)["bezwaar"] == "ongegrond"


def test_ecli_is_validated_and_shown_as_a_link(fixture_casus, consulent_client):
    a = fixture_casus[0]
    with pytest.raises(ValidationError):
        BezwaarRecord(casus=a, stage="beroep", ecli="CRVB 2024/1234").full_clean()
    record = BezwaarRecord(casus=a, stage="beroep", outcome="gegrond", ecli="ECLI:NL:CRVB:2024:1234")
    record.full_clean()
    record.save()

    html = consulent_client.get(a.url).content.decode()

    assert 'href="https://uitspraken.rechtspraak.nl/details?id=ECLI:NL:CRVB:2024:1234"' in html
    assert "Bezwaar en beroep" in html and "motiveringsgebrek" in html


def test_casus_page_shows_mkba_totals(fixture_casus, consulent_client):
    html = consulent_client.get(fixture_casus[4].url).content.decode()

    assert "Maatschappelijke kosten en baten" in html and "€ 18.000" in html and "€ 2.000" in html


def test_only_jurist_and_beheerder_edit_bezwaar_data_and_changes_are_audited(fixture_casus, client, make_user):
    url = "/admin/snippets/casuistry/bezwaarrecord/add/"
    client.force_login(make_user(roles.CONSULENT))
    assert client.get(url).status_code in (302, 403)

    client.force_login(make_user(roles.JURIST))
    data = {
        "casus": fixture_casus[2].pk,
        "stage": "bezwaar",
        "outcome": "",
        "ecli": "",
        "periode": "2025",
        "leerpunt": "",
        "grounds": [],
    }
    response = client.post(url, data)

    assert response.status_code == 302
    record = BezwaarRecord.objects.get(casus=fixture_casus[2])
    entry = ModelLogEntry.objects.get(object_id=str(record.pk), action="wagtail.create")
    assert entry.user.username == "jurist"


def test_worklist_lists_running_procedures_and_outcomes_without_records(fixture_casus, make_user, client):
    a, b, c, d, e = fixture_casus
    BezwaarRecord.objects.create(casus=c, stage="bezwaar", outcome="")

    listed = set(jurist_worklist().values_list("pk", flat=True))

    assert listed == {c.pk, d.pk}  # c is running; d has 'deels gegrond' but no recorded procedure
    client.force_login(make_user(roles.JURIST))
    assert c.title in client.get("/monitor/werklijst/?fase=bezwaar").content.decode()


def test_csv_counts_equal_the_imported_file(consulent_client):
    uitkomsten = ["boete", "waarschuwing", "maatregel", "terugvordering", "geen sanctie", "aangifte"]
    bezwaren = [None, None, "gegrond", "ongegrond", None, "deels gegrond", "gegrond", None]
    records = [
        casus_record(uitkomst=uitkomsten[i % len(uitkomsten)], bezwaar=bezwaren[i % len(bezwaren)]) for i in range(160)
    ]
    import_casus(lines=jsonl(records))

    by_uitkomst = {
        r["label"]: int(r["aantal"])
        for r in csv.DictReader(io.StringIO(consulent_client.get("/monitor/uitkomsten.csv").content.decode()))
    }
    gegrond = sum(
        int(r["gegrond"])
        for r in csv.DictReader(io.StringIO(consulent_client.get("/monitor/gegrond-per-thema.csv").content.decode()))
    )

    expected = Counter(r["uitkomst"] for r in records)
    assert {k.lower(): v for k, v in by_uitkomst.items()} == dict(expected)
    assert gegrond == sum(1 for r in records if r["bezwaar"] == "gegrond") == json.dumps(records).count('"gegrond"')
