"""The role table of DESIGN.md and the content rules: bezwaar data, CSV cells, drafts on live pages, copies."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from base import roles
from casuistry.models import CasusIndexPage, CasusPage
from casuistry.monitor_views import spreadsheet_safe
from casuistry.services.import_export import ImportRejected, import_casus
from leerpaden.models import LeerpadPage, LeerpadStap, StapSoort
from leerpaden.services import leerpaden_index
from tests.factories import CasusRecordFactory, create_casus

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "status"),
    [(roles.JURIST, 200), (roles.BEHEERDER, 200), (roles.CONSULENT, 403), (roles.REDACTEUR, 403),
     (roles.TRAINER, 403), (roles.NIEUWE_MEDEWERKER, 403)],
)
def test_the_jurist_worklist_is_for_jurist_and_beheerder(client, make_user, role, status):
    client.force_login(make_user(role))
    response = client.get("/monitor/werklijst/")
    assert response.status_code == status
    if status == 403:
        assert "Geen toegang" in response.content.decode()


def test_only_jurist_and_beheerder_set_the_bezwaar_outcome_by_import_or_api(client, make_user):
    casus = create_casus(external_id="BZ-1")
    record = CasusRecordFactory(external_id="BZ-1", bezwaar="gegrond")
    with pytest.raises(ImportRejected) as rejected:
        import_casus(lines=[json.dumps(record)], user=make_user(roles.REDACTEUR))
    assert "regel 1: bezwaar: alleen juristen en beheerders" in str(rejected.value.errors[0])
    import_casus(lines=[json.dumps(record)], user=make_user(roles.BEHEERDER))  # Jurist records it in the admin
    casus.refresh_from_db()
    assert casus.bezwaar == "gegrond"

    # Through the API: the same rule (a Redacteur may publish, not record bezwaar).
    client.force_login(make_user(roles.REDACTEUR, username="redacteur_api"))
    changed = CasusRecordFactory(external_id="BZ-1", bezwaar="ongegrond")
    response = client.post("/api/v1/casus", json.dumps(changed), content_type="application/json")
    assert response.status_code == 400 and "bezwaar" in response.json()["fouten"][0]


def test_the_editor_shows_bezwaar_to_others_but_only_jurists_change_it(client, make_user):
    casus = create_casus(external_id="BZ-2")
    client.force_login(make_user(roles.REDACTEUR))
    html = client.get(f"/admin/pages/{casus.pk}/edit/").content.decode()
    assert 'name="bezwaar"' in html and "Alleen juristen en beheerders" in html
    client.force_login(make_user(roles.JURIST))
    assert "Alleen juristen en beheerders" not in client.get(f"/admin/pages/{casus.pk}/edit/").content.decode()


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised_and_numbers_stay_numbers():
    assert spreadsheet_safe(["=HYPERLINK(\"x\")", "+1+1", "@SUM(A1)", "\tx", "-x", "gewoon"]) == [
        "'=HYPERLINK(\"x\")", "'+1+1", "'@SUM(A1)", "'\tx", "'-x", "gewoon"
    ]
    assert spreadsheet_safe([-3, 4.5, "-12", "-1,5", 0]) == [-3, 4.5, "-12", "-1,5", 0]


def test_a_thema_named_like_a_formula_is_not_a_formula_in_the_monitor_csv(consulent_client):
    create_casus(external_id="CSV-1", thema="=HYPERLINK(\"https://example.org\")", periode="2025", bezwaar="gegrond")
    body = consulent_client.get("/monitor/gegrond-per-thema.csv").content.decode()
    assert "'=HYPERLINK" in body and "\n=HYPERLINK" not in body


def test_a_leerpad_step_does_not_show_a_casus_that_is_no_longer_published(client, make_user):
    casus = create_casus(external_id="LP-DRAFT", title="Een casus die ingetrokken wordt")
    page = LeerpadPage(title="Pad", slug="pad-draft", intro="Een pad.")
    page.stappen = [LeerpadStap(soort=StapSoort.CASUS, titel="Bestudeer", casus=casus, sort_order=0)]
    leerpaden_index().add_child(instance=page)
    page.save_revision().publish()
    client.force_login(make_user(roles.NIEUWE_MEDEWERKER))
    assert "Een casus die ingetrokken wordt" in client.get(page.step_url(1)).content.decode()

    casus.unpublish()
    html = client.get(page.step_url(1)).content.decode()
    assert "Een casus die ingetrokken wordt" not in html and "niet meer beschikbaar" in html


def test_copying_or_aliasing_a_casus_is_refused_with_a_message(client, make_user):
    casus = create_casus(external_id="COPY-1")
    client.force_login(make_user(roles.BEHEERDER))
    response = client.post(
        f"/admin/pages/{casus.pk}/copy/",
        {"new_title": "Kopie", "new_slug": "kopie", "new_parent_page": CasusIndexPage.objects.get().pk,
         "copy_subpages": "", "publish_copies": "", "alias": ""},
        follow=True,
    )
    assert "kopiëren of als alias plaatsen kan niet" in response.content.decode()
    assert CasusPage.objects.count() == 1


def test_load_demo_refuses_a_database_with_real_accounts(make_user):
    make_user(roles.CONSULENT, username="echte.collega")
    with pytest.raises(CommandError, match="geen demo-account"):
        call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    assert not CasusPage.objects.filter(external_id__startswith="DEMO-").exists()
