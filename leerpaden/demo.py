"""Demo leerpaden from `demo_data/leerpaden.json`, and demo learners' progress made through the services.

Idempotent: a path is created once (by slug); a learner who already has progress on a path is left alone.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from articles.models import KennisartikelPage
from casuistry.choices import Verwijtbaarheid
from casuistry.models import CasusPage
from leerpaden import services
from leerpaden.models import LeerpadPage, LeerpadStap, LeerpadVoortgang, StapSoort

DEMO_FILE = Path(__file__).resolve().parent / "demo_data" / "leerpaden.json"


def demo_data() -> dict:
    return json.loads(DEMO_FILE.read_text(encoding="utf-8"))


@transaction.atomic
def load_leerpaden_demo(*, with_progress: bool = True) -> dict:
    """Create the demo paths once (by slug) and the demo learners' progress. Idempotent."""
    data = demo_data()
    index = services.leerpaden_index()
    created = 0
    for item in data["leerpaden"]:
        if LeerpadPage.objects.filter(slug=item["slug"]).exists():
            continue
        page = LeerpadPage(title=item["title"], slug=item["slug"], intro=item["intro"], doelgroep=item["doelgroep"])
        stappen = [s for s in (_step(step) for step in item["stappen"]) if s is not None]
        for order, stap in enumerate(stappen):
            stap.sort_order = order
        page.stappen = stappen
        index.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    progress = _load_progress(data) if with_progress else 0
    return {"leerpaden": len(data["leerpaden"]), "leerpaden_nieuw": created, "leerpadvoortgang": progress}


def _step(step: dict) -> LeerpadStap | None:
    stap = LeerpadStap(soort=step["soort"], titel=step["titel"], uitleg=step.get("uitleg", ""), minuten=step["minuten"])
    if stap.soort == StapSoort.LEZEN:
        stap.artikel = KennisartikelPage.objects.filter(slug=step["artikel"]).first()
        return stap if stap.artikel else None
    if stap.soort == StapSoort.REFLECTIE:
        stap.vraag = step["vraag"]
        return stap
    stap.casus = CasusPage.objects.filter(external_id=step["casus"]).first()
    return stap if stap.casus else None


def _load_progress(data: dict) -> int:
    """Each learner completes the first N steps of a path and opens the next one.

    The answers of 'nieuw' follow the casus; the others differ here and there, so the trainer
    overview has signals.
    """
    wanted = data["voortgang"]
    users = {u.username: u for u in get_user_model().objects.filter(username__in=[p["username"] for p in wanted])}
    count = 0
    for row in wanted:
        user, page = users.get(row["username"]), LeerpadPage.objects.filter(slug=row["leerpad"]).first()
        if user is None or page is None or LeerpadVoortgang.objects.filter(user=user, leerpad=page).exists():
            continue
        stappen = list(page.stappen.order_by("sort_order", "pk"))
        uitkomsten = iter(row["oefenuitkomsten"])
        for stap in stappen[: row["afgerond"]]:
            _complete(user, stap, next(uitkomsten, None) if stap.soort == StapSoort.OEFENEN else None, data)
        if row["afgerond"] < len(stappen):
            services.open_step(user=user, stap=stappen[row["afgerond"]])  # opened, not finished
        count += 1
    return count


def _complete(user, stap: LeerpadStap, uitkomst: str | None, data: dict) -> None:
    services.open_step(user=user, stap=stap)
    if stap.soort == StapSoort.REFLECTIE:
        services.answer_reflection(user=user, stap=stap, antwoord=data["reflectie_antwoord"])
    elif stap.soort == StapSoort.OEFENEN:
        uitkomst = uitkomst or stap.casus.uitkomst
        same = uitkomst == stap.casus.uitkomst
        judgement = {
            "bewustheid": "onbewust" if same else "bewust",
            "verwijtbaarheid": (stap.casus.verwijtbaarheid or Verwijtbaarheid.VERMINDERD) if same else "volledig",
            "context_weging": "enigszins",
            "impact_weging": "in balans",
            "uitkomst": uitkomst,
        }
        services.answer_practice(user=user, stap=stap, judgement=judgement)
    else:
        services.complete_step(user=user, stap=stap)
