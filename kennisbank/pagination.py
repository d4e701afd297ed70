from urllib.parse import urlencode

MAX_PAGE = 1000


def page_number(request) -> int:
    """``?page=`` as a page number from 1 to MAX_PAGE; anything else is page 1."""
    try:
        return min(max(1, int(request.GET.get("page", "1")[:8])), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def querystring_without(request, *remove) -> str:
    """The current query string minus parameters (a name) or single values (a (name, value) pair)."""
    names = {r for r in remove if isinstance(r, str)}
    pairs = {r for r in remove if isinstance(r, tuple)}
    items = [
        (key, value)
        for key, values in request.GET.lists()
        if key not in names
        for value in values
        if (key, value) not in pairs
    ]
    return urlencode(items)
