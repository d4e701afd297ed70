"""The weighted Dutch tsvector of a casus, from plain values (used by the model and by migrations).

Every text is indexed without words about who the person is (casuistry.neutral): the keyword
search cannot match on them, while the page shows them unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib.postgres.search import SearchVector
from django.db.models import Value

from casuistry.neutral import neutral_text
from casuistry.text_fields import fields_of_weight
from kennisbank.fulltext import SEARCH_CONFIG


def casus_search_vector(values: Mapping[str, str], *, thema: str, tags: str) -> SearchVector:
    """Title A; samenvatting, thema and tags B; the reasoning fields together C."""
    texts = {w: [neutral_text(values.get(n) or "").text for n in fields_of_weight(w)] for w in "ABC"}
    texts["B"] += [neutral_text(thema).text, neutral_text(tags).text]
    vector = SearchVector(Value(texts["A"][0]), weight="A", config=SEARCH_CONFIG)
    for text in texts["B"]:
        vector += SearchVector(Value(text), weight="B", config=SEARCH_CONFIG)
    return vector + SearchVector(Value("\n".join(texts["C"])), weight="C", config=SEARCH_CONFIG)
