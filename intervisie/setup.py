"""Idempotent creation of `/werkafspraken/` (WerkafsprakenIndexPage) below the home page.

Called by the migration `intervisie.0002_werkafspraken_index` with historical models, and at run time
(services.werkafspraken) when a flushed test database lost the page. Works with any `apps` registry.
"""

from kennisbank.accounts.setup import ensure_section_page

SLUG = "werkafspraken"
TITLE = "Werkafspraken"
INTRO = (
    "<p>Afspraken die collega's in intervisie en leerdialogen maakten over hoe wij afwegen. "
    "Een redacteur publiceert ze; zo groeit het afwegingskader uit de praktijk.</p>"
)


def ensure_werkafspraken_index(apps, *, grant_permissions: bool = True):
    """Return the index page, creating it (and its page permissions) when missing."""
    return ensure_section_page(
        apps,
        "intervisie.WerkafsprakenIndexPage",
        slug=SLUG,
        title=TITLE,
        intro=INTRO,
        grant_permissions=grant_permissions,
    )
