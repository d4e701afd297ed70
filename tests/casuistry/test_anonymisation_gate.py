"""The anonymisation gate on every write path: import, the Wagtail editor, the batch command."""

import io
import json
import logging

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from jsonschema import Draft202012Validator
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from base import roles
from casuistry.models import CasusPage
from casuistry.services.import_export import ImportRejected, import_casus
from tests.factories import casus_record, create_casus, jsonl

pytestmark = pytest.mark.django_db
BSN = "111222333"  # passes the 11-proef
NAME = "Fatima el Amrani"


def test_import_rejects_personal_data_naming_line_field_and_label_without_the_value(caplog):
    good = casus_record()
    bad = casus_record(summary=f"Mevrouw {NAME} met BSN {BSN} kreeg geld van haar ouders.")

    with caplog.at_level(logging.DEBUG), pytest.raises(ImportRejected) as rejected:
        import_casus(lines=jsonl([good, bad]))

    messages = [str(e) for e in rejected.value.errors]
    assert "regel 2: summary: mogelijke persoonsgegevens (BSN)" in messages
    assert "regel 2: summary: mogelijke persoonsgegevens (PERSON)" in messages
    assert not any(BSN in m or "Amrani" in m for m in messages)
    assert BSN not in caplog.text and "Amrani" not in caplog.text
    assert CasusPage.objects.count() == 0


def test_import_pseudonymise_replaces_findings_and_reports_counts_per_line(tmp_path):
    record = casus_record(summary=f"Mevrouw {NAME} (BSN {BSN}) belde op 12 maart 2024 over de giften.")
    path = tmp_path / "casus.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = io.StringIO()

    call_command("import_casus", str(path), pseudonimiseer=True, stdout=out, stderr=io.StringIO())

    casus = CasusPage.objects.get(external_id=record["external_id"])
    assert "[PERSOON-1]" in casus.samenvatting and "[BSN]" in casus.samenvatting and "[DATUM]" in casus.samenvatting
    assert BSN not in casus.samenvatting and "Amrani" not in casus.samenvatting
    assert "regel 1: gepseudonimiseerd (1× BSN, 1× DATE, 1× PERSON)" in out.getvalue()


def test_places_and_employers_are_warnings_that_do_not_block():
    record = casus_record(summary="Meneer K. werkte in de avonduren bij Albert Heijn in Zwolle en meldde dat niet.")

    report = import_casus(lines=jsonl([record]))

    assert report.created == 1
    assert {w.reason for w in report.warnings} >= {"let op, mogelijk herleidbaar (EMPLOYER)"}


def test_house_style_casus_pass_without_findings():
    report = import_casus(lines=jsonl([casus_record(summary="Mevrouw F. (41) en meneer K. wonen sinds 2023 samen.")]))

    assert report.created == 1 and not report.warnings


def edit_form_data(casus: CasusPage, **changes) -> dict:
    fields = {
        "title": casus.title,
        "slug": casus.slug,
        "samenvatting": casus.samenvatting,
        "regeling": casus.regeling,
        "verplichting": casus.verplichting,
        "thema": casus.thema_id,
        "cirkel_fase": casus.cirkel_fase,
        "signaalbron": casus.signaalbron,
        "periode": casus.periode,
        "tags": "",
        "bewust_onbewust": casus.bewust_onbewust,
        "verwijtbaarheid": "",
        "context_perspectief": casus.context_perspectief,
        "maatschappelijke_impact": casus.maatschappelijke_impact,
        "grondwaarde": "",
        "beoogd_effect": "",
        "maatwerk_oplossing": "",
        "juridische_inpassing": "",
        "uitkomst": casus.uitkomst,
        "bedrag_eur": casus.bedrag_eur or "",
        "bezwaar": casus.bezwaar,
        "leerpunt": casus.leerpunt,
        "external_id": casus.external_id,
        "deelniveau": casus.deelniveau,
        "organisation": casus.organisation_id or "",
        "regime": casus.regime_id or "",
        "relations": inline_formset([]),
    }
    fields.update(changes)
    return nested_form_data(fields)


@pytest.fixture
def redacteur_client(client, make_user):
    client.force_login(make_user(roles.REDACTEUR))
    return client


def test_admin_publish_is_blocked_and_the_fragment_is_highlighted(redacteur_client):
    casus = create_casus()
    text = f"Mevrouw {NAME} met BSN {BSN} meldde de gift niet."
    data = edit_form_data(casus, samenvatting=text, **{"action-publish": "1"})

    response = redacteur_client.post(f"/admin/pages/{casus.pk}/edit/", data)

    html = response.content.decode()
    assert response.status_code == 200  # the form comes back instead of a redirect
    assert "Mogelijke persoonsgegevens (BSN, BSN)" in html
    assert f"<mark>{BSN}</mark>" in html
    casus.refresh_from_db()
    assert BSN not in casus.samenvatting and not casus.has_unpublished_changes


def test_admin_pseudonymise_all_then_publish(redacteur_client):
    casus = create_casus()
    text = f"Mevrouw {NAME} met BSN {BSN} meldde de gift niet."
    data = edit_form_data(casus, samenvatting=text, pseudonimiseer="on", **{"action-publish": "1"})

    response = redacteur_client.post(f"/admin/pages/{casus.pk}/edit/", data)

    assert response.status_code == 302
    casus.refresh_from_db()
    assert casus.samenvatting.startswith("Mevrouw [PERSOON-1] met BSN [BSN]")


def test_admin_false_positive_needs_a_reason_and_is_audit_logged(redacteur_client):
    from casuistry.services.anonymisation.gate import scan_texts

    casus = create_casus()
    text = f"De casus is besproken met {NAME} van het wijkteam."
    key = next(f.key for f in scan_texts({"samenvatting": text}) if f.label == "PERSON")
    url = f"/admin/pages/{casus.pk}/edit/"
    reason = {f"anonimisering_reden_{key}": "fictieve naam uit een training", "action-publish": "1"}

    without_reason = redacteur_client.post(url, edit_form_data(casus, samenvatting=text, anonimisering_onterecht=key))
    with_reason = redacteur_client.post(
        url, edit_form_data(casus, samenvatting=text, anonimisering_onterecht=key, **reason)
    )

    assert "Geef een reden" in without_reason.content.decode()
    assert with_reason.status_code == 302
    entry = PageLogEntry.objects.get(page=casus, action="casuistry.anonimisering_onterecht")
    assert entry.data == {"veld": "samenvatting", "soort": "PERSON", "reden": "fictieve naam uit een training"}
    assert entry.user.groups.filter(name=roles.REDACTEUR).exists()
    assert "Amrani" not in json.dumps(entry.data)


def test_anonymise_command_writes_schema_conformant_spans(tmp_path, settings):
    source = tmp_path / "in.jsonl"
    text = f"Mevrouw {NAME} (BSN {BSN}) woont aan de Dorpsstraat 12 in 1234 AB."
    source.write_text(json.dumps({"id": "n1", "text": text}) + "\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"

    call_command("anonymise", jsonl=str(source), output=str(target), stdout=io.StringIO(), stderr=io.StringIO())

    row = json.loads(target.read_text())
    schema = json.loads((settings.SCHEMA_DIR / "anonymise-v1.schema.json").read_text())
    assert not list(Draft202012Validator(schema).iter_errors(row))
    labels = {s["label"] for s in row["spans"]}
    assert {"PERSON", "BSN", "ADDRESS", "POSTCODE"} <= labels
    bsn = next(s for s in row["spans"] if s["label"] == "BSN")
    assert text[bsn["start"] : bsn["end"]] == BSN
    assert BSN not in row["text"]


def test_anonymise_command_rejects_bad_input_and_writes_nothing(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1}\nnot json\n', encoding="utf-8")
    target = tmp_path / "out.jsonl"
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command("anonymise", jsonl=str(source), output=str(target), stderr=err)

    assert "regel 1: id/text" in err.getvalue() and "regel 2: (regel): geen geldige JSON" in err.getvalue()
    assert not target.exists()


def test_the_gate_checks_every_text_field_that_search_shows():
    from casuistry.models import CasusPage
    from casuistry.services.anonymisation.gate import PAGE_TEXT_FIELDS
    from casuistry.text_fields import fields_of_weight

    # A field added to the search vector but not to the gate would publish unchecked text.
    assert {"title", *fields_of_weight("B"), *fields_of_weight("C")} <= set(PAGE_TEXT_FIELDS)
    # The registry names real text fields of the casus, so model, search and gate cannot drift.
    assert all(CasusPage._meta.get_field(name).get_internal_type() in ("TextField", "CharField")
               for name in PAGE_TEXT_FIELDS)
