from urllib.parse import urlencode


def page_number(request) -> int:
    try:
        return max(1, int(request.GET.get("page", 1)))
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
