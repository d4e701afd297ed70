"""`load_demo`: fictional, anonymised demo content of every app, and one demo account per role.

Each app loads its own data files through its own services; this module only orders them and
creates the accounts (only with settings that allow demo accounts). Idempotent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from articles.demo import article_themes, load_articles
from articles.models import KennisartikelPage
from casuistry.models import Thema
from casuistry.selectors.visibility import visible_casus
from casuistry.services.demo import load_casus_demo
from glossary.services import refresh_base_glossary
from intervisie.demo import load_intervisie_demo
from leerpaden.demo import load_leerpaden_demo
from notifications.services import follow, notify_followers
from organisations.demo import load_organisations_demo
from organisations.models import Organisation
from organisations.services import link_user

DEMO_USERS_FILE = Path(__file__).resolve().parent / "demo_data" / "gebruikers.json"


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    role: str
    first_name: str
    organisatie: str = ""  # code of the demo organisation the account belongs to
    extra: bool = False  # an extra participant for the demo sessions, not the account of a role


# Passwords are public by design: these accounts exist only with demo settings.
DEMO_USERS = [DemoUser(**row) for row in json.loads(DEMO_USERS_FILE.read_text(encoding="utf-8"))]


def demo_accounts_allowed() -> bool:
    return bool(getattr(settings, "KENNISBANK_DEMO_ACCOUNTS", False))


class NotADemoDatabase(Exception):
    """The database holds real accounts: demo content does not belong there."""


def refuse_real_database() -> None:
    """Demo content goes only into a database whose accounts are all demo accounts (or that has none)."""
    others = get_user_model().objects.exclude(username__in=[u.username for u in DEMO_USERS]).count()
    if others:
        raise NotADemoDatabase(
            f"Deze database bevat {others} account(s) die geen demo-account zijn. Demo-inhoud hoort alleen "
            "in een demo- of ontwikkeldatabase; er is niets geladen."
        )


def load_demo(*, progress=None, log=print) -> dict:
    refuse_real_database()
    counts = {}
    with transaction.atomic():
        counts["begrippen"] = refresh_base_glossary()
        log(f"Begrippen: {counts['begrippen']}")
        counts["kennisartikelen"] = load_articles()
        log(f"Kennisartikelen: {counts['kennisartikelen']}")
        counts["organisaties"] = load_organisations_demo()
        log(f"Organisaties: {counts['organisaties']}")
        counts.update(load_casus_demo(progress=progress, log=log))
        link_articles_to_themes()
    if demo_accounts_allowed():
        counts["gebruikers"] = create_demo_users()
        counts["meldingen"] = follow_demo_thema()
    counts.update(load_intervisie_demo(log=log))
    counts.update(load_leerpaden_demo(with_progress=demo_accounts_allowed()))
    return counts


def create_demo_users() -> int:
    if not demo_accounts_allowed():
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
        if demo.organisatie:
            link_user(username=user.username, organisation=Organisation.objects.get(code=demo.organisatie))
    return len(DEMO_USERS)


DEMO_FOLLOWED_THEMA = "Giften en leningen"


def follow_demo_thema(*, user: str = "consulent", recent: int = 3) -> int:
    """The demo consulent follows one thema and has notifications of its newest casus."""
    follower = get_user_model().objects.get(username=user)
    thema = Thema.objects.get(name=DEMO_FOLLOWED_THEMA)
    follow(user=follower, thema=thema)
    newest = visible_casus(follower).filter(thema=thema).order_by("-first_published_at", "-pk")[:recent]
    return sum(notify_followers(casus) for casus in newest)


def link_articles_to_themes() -> None:
    """After the casus exist: each demo article shows under the thema's its data file names."""
    for slug, names in article_themes().items():
        page = KennisartikelPage.objects.filter(slug=slug).first()
        themes = list(Thema.objects.filter(name__in=names))
        if page and themes and set(page.themas.all()) != set(themes):
            page.themas.set(themes)
            page.save_revision().publish()
