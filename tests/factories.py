"""Test data builders. Casus go through the import service, the same path as real data."""

import itertools
import json

from casuistry.services.import_export import ImportRejected, import_casus

_ids = itertools.count(1)


def casus_record(**overrides) -> dict:
    n = next(_ids)
    record = {
        "external_id": f"T-{n:04d}",
        "title": f"Testcasus {n}",
        "summary": "Mevrouw F. ontving bijstand en meldde een wijziging in haar situatie niet op tijd.",
        "regeling": "Participatiewet",
        "verplichting": "inlichtingenplicht",
        "thema": "Overig",
        "cirkel_fase": "controle",
        "signaalbron": "Inlichtingenbureau",
        "drietrapstoets": {
            "bewust_onbewust": "Zij wist niet dat dit gemeld moest worden.",
            "context_perspectief": "Zij had schulden en weinig overzicht.",
            "maatschappelijke_impact": "Een hoge boete vergroot de schulden.",
        },
        "omgekeerde_toets": None,
        "uitkomst": "waarschuwing",
        "bedrag_eur": 120,
        "bezwaar": None,
        "periode": "2025-Q2",
        "tags": ["test"],
    }
    record.update(overrides)
    return record


def create_casus(**overrides):
    from casuistry.models import CasusPage

    record = casus_record(**overrides)
    try:
        import_casus(lines=[json.dumps(record)])
    except ImportRejected as rejected:
        raise AssertionError("; ".join(map(str, rejected.errors))) from None
    return CasusPage.objects.get(external_id=record["external_id"])


def jsonl(records) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in records]
