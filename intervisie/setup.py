"""Idempotent creation of `/werkafspraken/` (WerkafsprakenIndexPage) below the home page.

Called by the migration `intervisie.0002_werkafspraken_index` with historical models, and at run time
(services.werkafspraken) when a flushed test database lost the page. Works with any `apps` registry.
"""

from kennisbank.accounts.setup import ensure_roles

SLUG = "werkafspraken"
TITLE = "Werkafspraken"
INTRO = (
    "<p>Afspraken die collega's in intervisie en leerdialogen maakten over hoe wij afwegen. "
    "Een redacteur publiceert ze; zo groeit het afwegingskader uit de praktijk.</p>"
)
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's path alphabet, 4 characters per level
STEPLEN = 4


def _next_child_path(parent_path: str, last_child_path: str | None) -> str:
    if last_child_path is None:
        return parent_path + "0001"
    number = 0
    for char in last_child_path[-STEPLEN:]:
        number = number * len(ALPHABET) + ALPHABET.index(char)
    number += 1
    digits = ""
    for _ in range(STEPLEN):
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return parent_path + digits


def ensure_werkafspraken_index(apps, *, grant_permissions: bool = True):
    """Return the index page, creating it (and its page permissions) when missing."""
    Page = apps.get_model("wagtailcore.Page")
    IndexPage = apps.get_model("intervisie", "WerkafsprakenIndexPage")
    existing = IndexPage.objects.order_by("pk").first()
    if existing is not None:
        return existing
    home = Page.objects.filter(depth=2, slug="home").first()
    if home is None:
        return None  # no site yet: accounts.setup creates it first
    ContentType = apps.get_model("contenttypes.ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="intervisie", model="werkafsprakenindexpage")
    last = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).order_by("-path").first()
    page = IndexPage.objects.create(
        title=TITLE,
        draft_title=TITLE,
        slug=SLUG,
        path=_next_child_path(home.path, last.path if last else None),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{SLUG}/",
        live=True,
        content_type=content_type,
        locale_id=home.locale_id,
        intro=INTRO,
    )
    Page.objects.filter(pk=home.pk).update(
        numchild=Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).count()
    )
    if grant_permissions:
        ensure_roles(apps)
    return page
