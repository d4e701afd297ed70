"""Reads for the glossary. Searched in PostgreSQL directly, so terms seeded by a migration are found too."""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import Func, TextField, Value

from kennisbank.glossary.models import Begrip


class ArrayToString(Func):
    function = "array_to_string"
    output_field = TextField()


def search_begrippen(query: str, *, limit: int = 8) -> list[Begrip]:
    from casuistry.selectors.search import SEARCH_CONFIG, tsquery_text

    # The OR query only: the common-word pruning of casus search uses casus statistics.
    raw = tsquery_text(query)
    if raw is None:
        return []
    tsquery = SearchQuery(raw, config=SEARCH_CONFIG, search_type="raw")
    vector = (
        SearchVector("term", weight="A", config="dutch")
        + SearchVector(ArrayToString("synonyms", Value(" ")), weight="B", config="dutch")
        + SearchVector("definition", weight="C", config="dutch")
    )
    return list(
        Begrip.objects.annotate(rank=SearchRank(vector, tsquery)).filter(rank__gt=0).order_by("-rank", "term")[:limit]
    )
