from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "") if hasattr(mapping, "get") else ""


@register.filter
def euro(value):
    try:
        return "€ " + f"{int(value):,}".replace(",", ".")
    except (TypeError, ValueError):
        return ""


@register.filter
def percent(value):
    try:
        return f"{float(value) * 100:.0f}%"
    except (TypeError, ValueError):
        return ""
