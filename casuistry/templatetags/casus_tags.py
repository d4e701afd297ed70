"""Template tags that read casus for a template (the editor's panels are rendered from model code)."""

from django import template

from casuistry.selectors.pages import editor_similar

register = template.Library()


@register.simple_tag
def similar_casus_for_editor(page, user):
    return editor_similar(page, user)
