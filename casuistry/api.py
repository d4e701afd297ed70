"""JSON API v1 (`/api/v1/`), described by OpenAPI at `/api/v1/openapi.json` (docs at `/api/v1/docs`).

Authentication: a Wagtail API token (`Authorization: Bearer ...`, managed in the admin or with
`manage.py api_tokens`) or a logged-in session. Reads go through the one search selector; writes go
through the import service, so schema validation and the anonymisation gate apply unchanged.
"""

from __future__ import annotations

import json

from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError
from ninja.security import django_auth
from wagtail.api.v3.auth import BearerTokenAuth

from casuistry.models import CasusIndexPage, CasusPage
from casuistry.search import MODES, SORTS, search_casus
from casuistry.search_box import clean_query
from casuistry.selectors.visibility import visible_casus
from casuistry.services.import_export import ImportRejected, casus_to_record, import_casus

api = NinjaAPI(
    title="Kennisbank Sociaal Handhaven",
    version="1",
    description="Zoeken in geanonimiseerde casus en casus uitwisselen (casus-v2). Suggesties beslissen niets.",
    auth=[BearerTokenAuth(), django_auth],
    urls_namespace="api-v1",
)
MAX_K = 50


class Hit(Schema):
    external_id: str
    title: str
    url: str
    thema: str
    uitkomst: str
    score: float
    similarity: float | None = None
    similarity_band: str = ""
    reasons: list[str]
    snippet: str = ""
    regime: str | None = None
    eerder_regime: bool = False


class FacetValueOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(Schema):
    param: str
    title: str
    values: list[FacetValueOut]


class SearchOut(Schema):
    query: str
    mode: str
    total: int
    notice: str
    results: list[Hit]
    facets: list[FacetOut]


class Errors(Schema):
    fouten: list[str]


def _hit(hit) -> dict:
    casus = hit.casus
    return {
        "external_id": casus.external_id,
        "title": casus.title,
        "url": casus.url or "",
        "thema": casus.thema.name,
        "uitkomst": casus.uitkomst,
        "score": hit.score,
        "similarity": hit.similarity,
        "similarity_band": hit.similarity_band,
        "reasons": hit.reasons,
        "snippet": hit.snippet,
        "regime": casus.regime.name if casus.regime_id else None,
        "eerder_regime": hit.regime_notice is not None,
    }


def _check_k(k: int) -> int:
    if not 1 <= k <= MAX_K:
        raise HttpError(400, f"k moet tussen 1 en {MAX_K} liggen.")
    return k


@api.get("/zoeken", response=SearchOut, summary="Zoek casus (trefwoorden, betekenis of beide) met facetten")
def zoeken(request, q: str = "", k: int = 10, mode: str = "hybrid", sort: str = "relevantie", page: int = 1):
    """Facetfilters als herhaalde parameters: thema, uitkomst, fase, verplichting, regeling, bezwaar, tag."""
    if mode not in MODES:
        raise HttpError(400, f"Onbekende modus '{mode[:20]}'; kies uit {', '.join(MODES)}.")
    if sort not in SORTS:
        raise HttpError(400, f"Onbekende sortering; kies uit {', '.join(SORTS)}.")
    if len(q) > 8000:
        raise HttpError(400, "De zoekvraag is te lang (maximaal 8000 tekens).")
    cleaned = clean_query(q)  # a name or number in q is searched and returned only as its placeholder
    result = search_casus(
        query=cleaned.text,
        filters=request.GET,
        mode=mode,
        sort=sort,
        page=max(1, page),
        per_page=_check_k(k),
        viewer=request.user,
    )
    return {
        "query": result.query,
        "mode": result.mode,
        "total": result.total,
        "notice": " ".join(n for n in (cleaned.notice, result.notice, result.left_out_notice) if n),
        "results": [_hit(h) for h in result.hits],
        "facets": [
            {"param": f.param, "title": f.title, "values": [v.__dict__ for v in f.values]} for f in result.facets
        ],
    }


@api.get("/casus/{external_id}", summary="Eén casus in het uitwisselformaat casus-v2")
def casus_detail(request, external_id: str):
    casus = get_object_or_404(visible_casus(request.user).select_related("thema"), external_id=external_id)
    return casus_to_record(casus)


@api.get("/casus/{external_id}/vergelijkbaar", response=list[Hit], summary="Casus die inhoudelijk lijken op deze")
def vergelijkbaar(request, external_id: str, k: int = 5):
    casus = get_object_or_404(visible_casus(request.user), external_id=external_id)
    return [_hit(h) for h in search_casus(like=casus, per_page=_check_k(k), viewer=request.user).hits]


@api.post("/casus", response={201: dict, 200: dict, 400: Errors, 403: Errors}, summary="Casus toevoegen of bijwerken")
def casus_upsert(request):
    """Body: één casus-v2 record (v1 is ook geldig). Dezelfde controles als import_casus, inclusief de
    anonimiseringscontrole."""
    index = CasusIndexPage.objects.get()
    if not index.permissions_for_user(request.user).can_publish_subpage():
        return 403, {"fouten": ["U mag geen casus publiceren."]}
    try:
        body = json.loads(request.body or b"null")
    except (json.JSONDecodeError, UnicodeDecodeError):
        return 400, {"fouten": ["regel 1: (regel): geen geldige JSON"]}
    try:
        report = import_casus(lines=[json.dumps(body, ensure_ascii=False)], user=request.user)
    except ImportRejected as rejected:
        return 400, {"fouten": [str(e).removeprefix("regel 1: ") for e in rejected.errors]}
    casus = CasusPage.objects.get(external_id=body["external_id"])
    return (201 if report.created else 200), casus_to_record(casus)
