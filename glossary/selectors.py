"""Reads for the glossary. Searched in PostgreSQL directly, so terms seeded by a migration are found too."""

from django.contrib.postgres.search import SearchRank, SearchVector
from django.db.models import Func, TextField, Value

from glossary.models import Begrip
from kennisbank.fulltext import SEARCH_CONFIG, raw_query, tsquery_text


class ArrayToString(Func):
    function = "array_to_string"
    output_field = TextField()


def search_begrippen(query: str, *, limit: int = 8) -> list[Begrip]:
    # The OR query only: the common-word pruning of casus search uses casus statistics.
    raw = tsquery_text(query)
    if raw is None:
        return []
    tsquery = raw_query(raw)
    vector = (
        SearchVector("term", weight="A", config=SEARCH_CONFIG)
        + SearchVector(ArrayToString("synonyms", Value(" ")), weight="B", config=SEARCH_CONFIG)
        + SearchVector("definition", weight="C", config=SEARCH_CONFIG)
    )
    return list(
        Begrip.objects.annotate(rank=SearchRank(vector, tsquery)).filter(rank__gt=0).order_by("-rank", "term")[:limit]
    )
