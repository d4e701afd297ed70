"""The sections below the home page (/casus/, /kennis/, /werkafspraken/, /leerpaden/). Imports no app.

Each app declares its own :class:`Section`; the ``base`` app creates them all with the site. A
section page is created with plain rows (no Wagtail ``add_child``), so the same code works in
migrations with historical models and at run time.
"""

from __future__ import annotations

from dataclasses import dataclass

TREE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's path alphabet, 4 characters per level
TREE_STEPLEN = 4
HOME_SLUG = "home"


@dataclass(frozen=True)
class Section:
    model_label: str  # "app_label.ModelName" of the index page
    slug: str
    title: str
    intro: str  # rich text


def next_child_path(parent_path: str, last_child_path: str | None) -> str:
    if last_child_path is None:
        return parent_path + "0001"
    number = 0
    for char in last_child_path[-TREE_STEPLEN:]:
        number = number * len(TREE_ALPHABET) + TREE_ALPHABET.index(char)
    number += 1
    digits = ""
    for _ in range(TREE_STEPLEN):
        number, rest = divmod(number, len(TREE_ALPHABET))
        digits = TREE_ALPHABET[rest] + digits
    return parent_path + digits


def ensure_section_page(apps, section: Section, *, model_label: str | None = None):
    """Return the one page of the section's model below home, creating it when missing.

    ``model_label`` overrides the section's model (a migration that ran before the model moved).
    Returns None while there is no home page yet. Works with historical models and the live registry.
    """
    app_label, model_name = (model_label or section.model_label).split(".")
    Page = apps.get_model("wagtailcore.Page")
    model = apps.get_model(app_label, model_name)
    existing = model.objects.order_by("pk").first()
    if existing is not None:
        return existing
    home = Page.objects.filter(depth=2, slug=HOME_SLUG).first()
    if home is None:
        return None
    ContentType = apps.get_model("contenttypes.ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name.lower())
    children = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
    last = children.order_by("-path").first()
    page = model.objects.create(
        title=section.title,
        draft_title=section.title,
        slug=section.slug,
        path=next_child_path(home.path, last.path if last else None),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{section.slug}/",
        live=True,
        content_type=content_type,
        locale_id=home.locale_id,
        intro=section.intro,
    )
    Page.objects.filter(pk=home.pk).update(numchild=children.count())
    return page
