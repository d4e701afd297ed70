"""Every path to a page is gated: one registry of gated text fields per model, and each write path
(admin pages and snippets, their inline children, services, import, API) holds to it."""

import json

import pytest
from django.apps import apps
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from base import roles
from casuistry.models import CasusPage, MkbaRegel, Thema
from casuistry.services.anonymisation.gated_fields import gated_fields, text_field_names, ungated_fields
from casuistry.services.import_export import ImportRejected, import_casus
from intervisie.models import Session
from tests.casuistry.test_anonymisation_gate import NAME, edit_form_data
from tests.factories import CasusRecordFactory, create_casus

pytestmark = pytest.mark.django_db
PROJECT_APPS = ("base", "articles", "glossary", "casuistry", "intervisie", "leerpaden")


def test_every_text_field_of_every_model_is_gated_or_says_why_not():
    missing, unknown = [], []
    for label in PROJECT_APPS:
        for model in apps.get_app_config(label).get_models():
            declared = set(gated_fields(model)) | set(ungated_fields(model))
            texts = set(text_field_names(model))
            missing += [f"{model._meta.label}.{name}" for name in sorted(texts - declared)]
            unknown += [f"{model._meta.label}.{name}" for name in sorted(declared - texts)]
            assert all(reason.strip() for reason in ungated_fields(model).values()), model
    assert missing == [], "text fields without a gate: declare them in gated_fields (or ungated_fields, with a reason)"
    assert unknown == [], "gated_fields or ungated_fields name a field that is not a text field"


@pytest.fixture
def beheerder_client(client, make_user):
    client.force_login(make_user(roles.BEHEERDER))
    return client


def test_a_thema_named_after_a_person_is_refused_in_the_admin_and_by_import(beheerder_client):
    response = beheerder_client.post("/admin/snippets/casuistry/thema/add/", {"name": f"Giften {NAME}", "slug": ""})
    assert response.status_code == 200 and "Mogelijke persoonsgegevens (naam)" in response.content.decode()
    assert not Thema.objects.filter(name__icontains="Amrani").exists()

    with pytest.raises(ImportRejected) as rejected:
        import_casus(lines=[json.dumps(CasusRecordFactory(thema=f"Giften {NAME}"))])
    assert any(e.field == "thema" for e in rejected.value.errors)


def test_the_mkba_explanation_is_gated_in_its_snippet(beheerder_client):
    casus = create_casus(external_id="MKBA-G")
    data = {"casus": casus.pk, "scenario": "sociaal", "post": "schuldhulp", "bedrag_eur": 100,
            "toelichting": f"Besproken met {NAME} van de schuldhulp."}
    response = beheerder_client.post("/admin/snippets/casuistry/mkbaregel/add/", data)
    assert "Mogelijke persoonsgegevens (naam)" in response.content.decode()
    assert not MkbaRegel.objects.exists()


def test_a_tag_and_a_precedent_explanation_are_gated_in_the_casus_editor(beheerder_client):
    casus = create_casus(external_id="TAG-G")
    other = create_casus(external_id="TAG-H")
    url = f"/admin/pages/{casus.pk}/edit/"
    tagged = beheerder_client.post(url, edit_form_data(casus, tags=f"gift, {NAME}"))
    assert "Mogelijke persoonsgegevens" in tagged.content.decode()
    relation = inline_formset([{"related": other.pk, "soort": "vergelijkbaar", "toelichting": f"Net als bij {NAME}."}])
    linked = beheerder_client.post(url, edit_form_data(casus, relations=relation))
    assert "Mogelijke persoonsgegevens (naam)" in linked.content.decode()
    assert not casus.relations.exists()


def test_pseudonymising_a_title_also_replaces_the_slug_wagtail_filled_from_it(beheerder_client):
    casus = create_casus(external_id="SLUG-G")
    data = edit_form_data(casus, title=f"Gift aan {NAME}", slug="gift-aan-fatima-el-amrani", pseudonimiseer="on")
    assert beheerder_client.post(f"/admin/pages/{casus.pk}/edit/", data).status_code == 302
    revision = CasusPage.objects.get(pk=casus.pk).get_latest_revision_as_object()
    assert "amrani" not in revision.slug.lower() and "[PERSOON-1]" in revision.title


def test_a_werkafspraak_page_and_a_leerpad_step_are_gated(beheerder_client):
    from intervisie.models import WerkafsprakenIndexPage
    from leerpaden.services import leerpaden_index

    index = WerkafsprakenIndexPage.objects.get()
    data = nested_form_data({"title": "Afspraak", "slug": "afspraak", "afspraak": f"Zoals bij {NAME} besproken."})
    response = beheerder_client.post(f"/admin/pages/add/intervisie/werkafspraakpage/{index.pk}/", data)
    assert "Mogelijke persoonsgegevens (naam)" in response.content.decode()

    steps = inline_formset([{"soort": "reflectie", "titel": "Vraag", "vraag": f"Wat deed {NAME}?", "minuten": 5}])
    data = nested_form_data({"title": "Pad", "slug": "pad-g", "intro": "Een pad.", "doelgroep": "", "stappen": steps})
    response = beheerder_client.post(f"/admin/pages/add/leerpaden/leerpadpage/{leerpaden_index().pk}/", data)
    assert "Mogelijke persoonsgegevens (naam)" in response.content.decode()


def test_a_sessions_location_is_pseudonymised(make_user):
    from intervisie.demo import load_methods
    from intervisie.models import Method
    from intervisie.services.sessions import plan_session

    load_methods()
    trainer = make_user(roles.TRAINER)
    people = [make_user(roles.CONSULENT, username=f"deelnemer{n}") for n in range(2)]
    session, _ = plan_session(
        trainer=trainer, title="Leerdialoog", starts_at="2026-12-10T13:30:00+01:00", method=Method.objects.first(),
        participants=people, casus=create_casus(external_id="LOC-G"), location=f"Kamer van {NAME}",
    )
    assert "Amrani" not in Session.objects.get(pk=session.pk).location


def test_casus_and_werkafspraak_pages_have_no_preview_that_would_store_the_raw_form():
    from intervisie.models import WerkafspraakPage

    assert CasusPage.preview_modes == [] and WerkafspraakPage.preview_modes == []
