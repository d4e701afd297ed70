import json

import pytest
from jsonschema import Draft202012Validator
from wagtail.models import APIToken

from base import roles
from casuistry.models import CasusPage
from tests.casuistry.test_semantic import GIFT, HENNEP, PARTNER, index
from tests.factories import casus_record, create_casus

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    casus = [create_casus(**PARTNER), create_casus(**HENNEP), create_casus(**GIFT)]
    index(*casus)
    return casus


@pytest.fixture
def token(make_user):
    _, plaintext = APIToken.create_token(user=make_user(roles.REDACTEUR), name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def test_api_requires_a_session_or_a_valid_token(client, corpus):
    assert client.get("/api/v1/zoeken?q=hennep").status_code == 401
    assert client.get("/api/v1/zoeken?q=hennep", HTTP_AUTHORIZATION="Bearer fout").status_code == 401
    assert client.get("/api/v1/openapi.json").status_code == 401


def test_search_with_a_token_returns_ranked_explained_results(client, corpus, token):
    response = client.get("/api/v1/zoeken", {"q": "wietplantage op zolder", "k": 2, "mode": "hybrid"}, **token)

    body = response.json()
    assert response.status_code == 200
    assert body["mode"] == "hybrid" and len(body["results"]) <= 2
    assert body["results"][0]["external_id"] == corpus[1].external_id
    assert any("Inhoudelijk vergelijkbaar" in r for r in body["results"][0]["reasons"])


def test_search_facets_as_repeated_parameters(consulent_client, corpus):
    body = consulent_client.get("/api/v1/zoeken?q=geld&mode=fts&uitkomst=waarschuwing&uitkomst=aangifte").json()

    assert {r["uitkomst"] for r in body["results"]} <= {"waarschuwing", "aangifte"}


def test_bad_parameters_get_a_dutch_400(consulent_client):
    assert consulent_client.get("/api/v1/zoeken?q=x&k=500").json()["detail"] == "k moet tussen 1 en 50 liggen."
    assert "Onbekende modus" in consulent_client.get("/api/v1/zoeken?q=x&mode=magie").json()["detail"]


def test_casus_detail_conforms_to_the_interchange_schema(consulent_client, corpus, casus_schema):
    body = consulent_client.get(f"/api/v1/casus/{corpus[0].external_id}").json()

    assert not list(Draft202012Validator(casus_schema).iter_errors(body))
    assert body["title"] == PARTNER["title"]
    assert consulent_client.get("/api/v1/casus/BESTAAT-NIET").status_code == 404


def test_similar_excludes_the_casus_itself(consulent_client, corpus):
    body = consulent_client.get(f"/api/v1/casus/{corpus[0].external_id}/vergelijkbaar?k=5").json()

    assert corpus[0].external_id not in [r["external_id"] for r in body]
    assert len(body) == 2


def test_write_rejects_personal_data_and_names_the_field(client, token):
    record = casus_record(summary="Mevrouw Fatima el Amrani met BSN 111222333 kreeg giften van haar ouders.")

    response = client.post("/api/v1/casus", json.dumps(record), content_type="application/json", **token)

    assert response.status_code == 400
    assert "summary: mogelijke persoonsgegevens (BSN)" in response.json()["fouten"]
    assert "111222333" not in response.content.decode()
    assert not CasusPage.objects.filter(external_id=record["external_id"]).exists()


def test_write_creates_then_updates_and_requires_publish_rights(client, token, consulent_client, casus_schema):
    record = casus_record()

    created = client.post("/api/v1/casus", json.dumps(record), content_type="application/json", **token)
    record["uitkomst"] = "boete"
    updated = client.post("/api/v1/casus", json.dumps(record), content_type="application/json", **token)
    refused = consulent_client.post("/api/v1/casus", json.dumps(record), content_type="application/json")

    assert created.status_code == 201 and updated.status_code == 200
    assert updated.json()["uitkomst"] == "boete"
    assert refused.status_code in (403, 401)
    assert CasusPage.objects.filter(external_id=record["external_id"]).count() == 1


def test_openapi_description_lists_the_endpoints(consulent_client):
    spec = consulent_client.get("/api/v1/openapi.json").json()

    assert {"/api/v1/zoeken", "/api/v1/casus/{external_id}", "/api/v1/casus/{external_id}/vergelijkbaar"} <= set(
        spec["paths"]
    )
