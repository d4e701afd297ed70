"""Demo content: fictional, anonymised casus, kennisartikelen, begrippen and one user per role.

Idempotent: running it again updates what exists and creates nothing twice.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from casuistry.choices import RelatieSoort
from casuistry.models import CasusPage, CasusRelation, Thema
from casuistry.services.demo_bezwaar import load_bezwaar_demo, load_mkba_demo
from casuistry.services.import_export import import_casus
from kennisbank.accounts import roles
from kennisbank.articles.models import KennisartikelPage, KennisIndexPage
from kennisbank.glossary.models import Begrip

BASE_DIR = Path(settings.BASE_DIR)
DEMO_CASUS = BASE_DIR / "casuistry" / "demo_data" / "casus.jsonl"
DEMO_ARTICLES = BASE_DIR / "kennisbank" / "demo_data" / "kennisartikelen.json"
DEMO_BEGRIPPEN = BASE_DIR / "kennisbank" / "glossary" / "data" / "begrippen.json"


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    role: str
    first_name: str


# Passwords are public by design: these accounts exist only with demo settings.
DEMO_USERS = [
    DemoUser("consulent", "demo-consulent", roles.CONSULENT, "Consulent"),
    DemoUser("redacteur", "demo-redacteur", roles.REDACTEUR, "Redacteur"),
    DemoUser("jurist", "demo-jurist", roles.JURIST, "Jurist"),
    DemoUser("trainer", "demo-trainer", roles.TRAINER, "Trainer"),
    DemoUser("nieuw", "demo-nieuw", roles.NIEUWE_MEDEWERKER, "Nieuwe medewerker"),
    DemoUser("beheerder", "demo-beheerder", roles.BEHEERDER, "Beheerder"),
]


def load_demo(*, progress=None, log=print) -> dict:
    counts = {}
    with transaction.atomic():
        counts["begrippen"] = load_begrippen()
        log(f"Begrippen: {counts['begrippen']}")
        counts["kennisartikelen"] = load_articles()
        log(f"Kennisartikelen: {counts['kennisartikelen']}")
        report = import_casus(lines=DEMO_CASUS.read_text(encoding="utf-8").splitlines(), progress=progress)
        counts["casus"] = report.total
        log(f"Casus: {report.total} ({report.created} nieuw, {report.updated} bijgewerkt)")
        counts["precedenten"] = link_precedents()
        counts["bezwaarprocedures"] = load_bezwaar_demo()
        counts["mkba"] = load_mkba_demo()
        link_articles_to_themes()
    if getattr(settings, "KENNISBANK_DEMO_ACCOUNTS", False):
        counts["gebruikers"] = create_demo_users()
    from intervisie.services.demo import load_intervisie_demo  # intervisie depends on casus, not the reverse

    counts.update(load_intervisie_demo(log=log))
    return counts


def load_begrippen() -> int:
    items = json.loads(DEMO_BEGRIPPEN.read_text(encoding="utf-8"))
    for item in items:
        Begrip.objects.update_or_create(
            term=item["term"],
            defaults={"definition": item["definition"], "synonyms": item.get("synonyms", [])},
        )
    return len(items)


def load_articles() -> int:
    index = KennisIndexPage.objects.get()
    items = json.loads(DEMO_ARTICLES.read_text(encoding="utf-8"))
    for item in items:
        body = [_block(b) for b in item["body"]]
        page = KennisartikelPage.objects.child_of(index).filter(slug=item["slug"]).first()
        if page is None:
            page = KennisartikelPage(slug=item["slug"], title=item["title"], intro=item["intro"], body=body)
            index.add_child(instance=page)
        else:
            page = page.get_latest_revision_as_object()
            page.title, page.intro, page.body = item["title"], item["intro"], body
        page.save_revision().publish()
    return len(items)


def _block(block: dict) -> tuple[str, object]:
    kind, value = block["type"], block["value"]
    if kind == "paragraph":
        return ("paragraph", f"<p>{value}</p>")
    return (kind, value)


ARTICLE_THEMES = {
    "signalen-inlichtingenbureau-beoordelen": [
        "Inkomsten uit werk",
        "Vermogen en bezit",
        "Studiefinanciering",
    ],
    "omgekeerde-toets": ["Huurachterstand en huisuitzetting", "Schulden en terugvordering"],
    "boete-maatregel-terugvordering": ["Schulden en terugvordering", "Giften en leningen", "Zwart werk"],
    "doenvermogen-stress-sensitieve-dienstverlening": [
        "Re-integratie en arbeidsverplichting",
        "Schulden en terugvordering",
    ],
}


def link_articles_to_themes() -> None:
    for slug, names in ARTICLE_THEMES.items():
        page = KennisartikelPage.objects.filter(slug=slug).first()
        themes = list(Thema.objects.filter(name__in=names))
        if page and themes and set(page.themas.all()) != set(themes):
            page.themas.set(themes)
            page.save_revision().publish()


def link_precedents() -> int:
    """Link demo casus of one theme: same outcome is 'vergelijkbaar', another outcome 'wijkt af'."""
    by_theme = defaultdict(list)
    for casus in CasusPage.objects.filter(external_id__startswith="DEMO-").order_by("external_id"):
        by_theme[casus.thema_id].append(casus)
    created = 0
    for group in by_theme.values():
        anchor, others = group[0], group[1:3]
        for other in others:
            soort = RelatieSoort.VERGELIJKBAAR if other.uitkomst == anchor.uitkomst else RelatieSoort.WIJKT_AF
            _, was_created = CasusRelation.objects.get_or_create(
                casus=other, related=anchor, defaults={"soort": soort, "toelichting": ""}
            )
            created += was_created
    return created


def create_demo_users() -> int:
    if not getattr(settings, "KENNISBANK_DEMO_ACCOUNTS", False):
        raise RuntimeError("Demo-accounts zijn alleen toegestaan met de dev- of testinstellingen.")
    User = get_user_model()
    for demo in DEMO_USERS:
        user, _ = User.objects.get_or_create(username=demo.username)
        user.first_name = demo.first_name
        user.last_name = "(demo)"
        user.email = f"{demo.username}@example.org"
        user.is_staff = False
        user.is_superuser = False
        user.set_password(demo.password)
        user.save()
        user.groups.set([Group.objects.get(name=demo.role)])
    return len(DEMO_USERS)
