import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from jsonschema import Draft202012Validator

from casuistry.models import CasusPage, Thema
from casuistry.services.import_export import ImportRejected, export_casus, import_casus
from casuistry.services.interchange import parse_lines
from tests.factories import casus_record, jsonl

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent.parent / "data"
SECRET = "Jansen-Geheim"  # a value that must never appear in an error message


def errors_for(record_or_line) -> list[str]:
    line = record_or_line if isinstance(record_or_line, str) else json.dumps(record_or_line)
    _, errors = parse_lines([line])
    return [str(e) for e in errors]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda r: r.pop("uitkomst"), "regel 1: uitkomst: verplicht veld ontbreekt"),
        (
            lambda r: r.update(uitkomst=SECRET),
            "regel 1: uitkomst: ongeldige waarde; toegestaan: geen sanctie",
        ),
        (
            lambda r: r.update(bedrag_eur=SECRET),
            "regel 1: bedrag_eur: verkeerd type; verwacht een geheel getal of leeg",
        ),
        (lambda r: r.update(bedrag_eur=-5), "regel 1: bedrag_eur: moet minimaal 0 zijn"),
        (
            lambda r: r.update(periode="2025-03-12"),
            "regel 1: periode: ongeldige periode: gebruik JJJJ of JJJJ-Q1..Q4",
        ),
        (lambda r: r.update(external_id=f"{SECRET} met spaties"), "regel 1: external_id: ongeldig kenmerk"),
        (lambda r: r.update(summary="te kort"), "regel 1: summary: te kort; minimaal 20 tekens"),
        (lambda r: r.update(title="x" * 201), "regel 1: title: te lang; maximaal 200 tekens"),
        (lambda r: r.update(geboortedatum=SECRET), "regel 1: geboortedatum: onbekend veld"),
        (
            lambda r: r["drietrapstoets"].pop("context_perspectief"),
            "regel 1: drietrapstoets.context_perspectief: verplicht veld ontbreekt",
        ),
        (
            lambda r: r["drietrapstoets"].update(bewust_onbewust=""),
            "regel 1: drietrapstoets.bewust_onbewust: mag niet leeg zijn",
        ),
        (
            lambda r: r.update(omgekeerde_toets={"grondwaarde": SECRET, "beoogd_effect": "x"}),
            "regel 1: omgekeerde_toets.maatwerk_oplossing: verplicht veld ontbreekt",
        ),
        (
            lambda r: r.update(omgekeerde_toets=SECRET),
            "regel 1: omgekeerde_toets: moet een object of null zijn",
        ),
        (lambda r: r.update(tags=["a", "a"]), "regel 1: tags: bevat dubbele waarden"),
        (lambda r: r.update(tags=[SECRET, 3]), "regel 1: tags[2]: verkeerd type; verwacht tekst"),
        (lambda r: r.update(signaalbron="buurman"), "regel 1: signaalbron: ongeldige waarde"),
    ],
)
def test_each_kind_of_invalid_field_is_named_without_echoing_the_value(change, expected):
    record = casus_record()
    change(record)

    messages = errors_for(record)

    assert any(m.startswith(expected) for m in messages), messages
    assert not any(SECRET in m for m in messages)


def test_invalid_json_and_non_object_lines():
    assert errors_for('{"external_id": "X", ') == [
        "regel 1: (regel): geen geldige JSON (kolom 22: veldnaam tussen aanhalingstekens verwacht)"
    ]
    assert errors_for("[1, 2]") == ["regel 1: (regel): moet één JSON-object zijn"]


def test_duplicate_external_id_in_one_file_is_an_error():
    first, second = casus_record(external_id="DUP"), casus_record(external_id="DUP")

    _, errors = parse_lines(jsonl([first, second]))

    assert [str(e) for e in errors] == ["regel 2: external_id: komt al voor op regel 1"]


def test_a_file_with_one_bad_line_imports_nothing():
    good = [casus_record() for _ in range(3)]
    bad = casus_record()
    bad["uitkomst"] = "gevangenis"

    with pytest.raises(ImportRejected) as rejected:
        import_casus(lines=jsonl([*good, bad]))

    assert [str(e) for e in rejected.value.errors][0].startswith("regel 4: uitkomst:")
    assert CasusPage.objects.count() == 0
    assert not Thema.objects.filter(name="Overig").exists()


def test_reimport_updates_and_never_duplicates():
    record = casus_record(external_id="UPD", tags=["a", "b"])
    import_casus(lines=jsonl([record]))
    first = CasusPage.objects.get(external_id="UPD")

    again = import_casus(lines=jsonl([record]))
    record.update(uitkomst="boete", tags=["b", "c"], title="Nieuwe titel")
    changed = import_casus(lines=jsonl([record]))

    assert (again.unchanged, again.created, again.updated) == (1, 0, 0)
    assert (changed.updated, changed.created) == (1, 0)
    page = CasusPage.objects.get(external_id="UPD")
    assert page.pk == first.pk and CasusPage.objects.count() == 1
    assert (page.title, page.uitkomst) == ("Nieuwe titel", "boete")
    assert [t.tag.name for t in page.tagged_items.order_by("pk")] == ["b", "c"]


def test_export_round_trips_every_field_and_conforms_to_the_schema(casus_schema):
    lines = (DATA / "search_eval_casus.jsonl").read_text(encoding="utf-8").splitlines()
    variants = [
        casus_record(
            omgekeerde_toets={
                "grondwaarde": "Bestaansminimum.",
                "beoogd_effect": "Woning behouden.",
                "maatwerk_oplossing": "Bijzondere bijstand voor de huurschuld.",
            }
        ),
        {
            k: v
            for k, v in casus_record().items()
            if k not in ("signaalbron", "bezwaar", "tags", "periode", "bedrag_eur")
        },
        casus_record(
            tags=[],
            bedrag_eur=0,
            omgekeerde_toets={
                "grondwaarde": "a",
                "beoogd_effect": "b",
                "maatwerk_oplossing": "c",
                "juridische_inpassing": "",
            },
        ),
    ]
    lines += jsonl(variants)
    import_casus(lines=lines)

    out = io.StringIO()
    count = export_casus(stream=out)

    exported = [json.loads(line) for line in out.getvalue().splitlines()]
    assert count == len(lines)
    assert exported == [json.loads(line) for line in lines]
    validator = Draft202012Validator(casus_schema)
    assert all(not list(validator.iter_errors(record)) for record in exported)


def test_admin_created_casus_exports_a_valid_record(casus_schema):
    from casuistry.models import CasusIndexPage

    index = CasusIndexPage.objects.get()
    page = CasusPage(
        title="In de beheeromgeving gemaakt",
        samenvatting="Meneer K. meldde zijn inkomsten te laat.",
        regeling="IOAW",
        verplichting="inlichtingenplicht",
        thema=Thema.objects.create(name="Inkomsten uit werk"),
        cirkel_fase="controle",
        bewust_onbewust="a",
        context_perspectief="b",
        maatschappelijke_impact="c",
        uitkomst="waarschuwing",
    )
    index.add_child(instance=page)
    page.save_revision().publish()

    out = io.StringIO()
    export_casus(stream=out)
    record = json.loads(out.getvalue())

    assert not list(Draft202012Validator(casus_schema).iter_errors(record))
    assert record["external_id"].startswith("KB-")
    assert "periode" not in record and record["omgekeerde_toets"] is None


def test_command_rejects_a_160_casus_file_with_four_bad_lines_naming_exactly_those(tmp_path):
    records = [casus_record() for _ in range(160)]
    records[9]["regeling"] = "WWB"
    records[41].pop("summary")
    records[99]["periode"] = "12-03-2025"
    lines = jsonl(records)
    lines[139] = lines[139][:-5]  # truncated JSON
    path = tmp_path / "casus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    err = io.StringIO()

    with pytest.raises(CommandError, match="4 ongeldige regel"):
        call_command("import_casus", str(path), stderr=err)

    named = sorted(
        {
            int(line.split(":")[0].split()[1])
            for line in err.getvalue().splitlines()
            if line.startswith("regel ")
        }
    )
    assert named == [10, 42, 100, 140]
    assert CasusPage.objects.count() == 0


def test_command_imports_reimports_and_exports_160_casus(tmp_path):
    records = [casus_record() for _ in range(160)]
    path = tmp_path / "casus.jsonl"
    path.write_text("\n".join(jsonl(records)) + "\n", encoding="utf-8")
    out = io.StringIO()

    call_command("import_casus", str(path), stdout=out, stderr=io.StringIO())
    call_command("import_casus", str(path), stdout=out, stderr=io.StringIO())
    export_path = tmp_path / "export.jsonl"
    call_command("export_casus", output=str(export_path), stderr=io.StringIO())

    assert "160 nieuw" in out.getvalue() and "160 ongewijzigd" in out.getvalue()
    assert CasusPage.objects.count() == 160
    assert [json.loads(x) for x in export_path.read_text().splitlines()] == records


def test_missing_file_gives_a_dutch_error():
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        call_command("import_casus", "/bestaat/niet.jsonl")
