"""Demo content for intervisie from `demo_data/`: the methods library, four sessions and one werkafspraak.

Idempotent: methods are updated in place; sessions and werkafspraken are created once (by title).
Sessions go through the session services (plan, open, judge, reveal, record, close) and need people,
so they are only created when the demo accounts exist; without them the werkafspraak is published
directly.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from casuistry.models import CasusPage, Thema
from intervisie.choices import SessionStatus
from intervisie.models import Method, MethodPhase, Session, Werkafspraak, WerkafspraakPage
from intervisie.services import sessions as services
from intervisie.services.werkafspraken import propose_werkafspraak, publish_werkafspraak, werkafspraken_index

DEMO_DATA = Path(__file__).resolve().parent / "demo_data"


def _read(name: str):
    return json.loads((DEMO_DATA / name).read_text(encoding="utf-8"))


def load_intervisie_demo(*, log=print) -> dict:
    counts = {"methoden": load_methods()}
    if getattr(settings, "KENNISBANK_DEMO_ACCOUNTS", False):
        counts["intervisiesessies"] = load_sessions()
    counts["werkafspraken"] = ensure_demo_werkafspraak()
    log(f"Intervisie: {counts['methoden']} methoden, {counts.get('intervisiesessies', 0)} sessies")
    return counts


@transaction.atomic
def load_methods() -> int:
    methods = _read("methoden.json")
    for item in methods:
        method = Method.objects.filter(slug=item["slug"]).first() or Method(slug=item["slug"])
        method.name, method.summary = item["name"], item["summary"]
        method.purpose, method.ground_rules = item["purpose"], item["ground_rules"]
        method.save()
        MethodPhase.objects.filter(method=method).delete()
        for order, phase in enumerate(item["phases"]):
            MethodPhase.objects.create(method=method, sort_order=order, **phase)
    return len(methods)


@transaction.atomic
def load_sessions() -> int:
    data = _read("sessies.json")
    trainer = get_user_model().objects.filter(username=data["trainer"]).first()
    wanted = {s["casus"] for s in data["sessies"] if s.get("casus")}
    casus = {c.external_id: c for c in CasusPage.objects.live().filter(external_id__in=wanted)}
    if trainer is None or len(casus) < len(wanted):
        return 0
    for item in data["sessies"]:
        if not Session.objects.filter(title=item["title"], trainer=trainer).exists():
            _play(trainer, item, casus, location=data["locatie"], werkafspraak=data["werkafspraak"])
    return Session.objects.filter(trainer=trainer).count()


def _play(trainer, item: dict, casus: dict, *, location: str, werkafspraak: dict) -> None:
    """Plan one session and take it as far as the data says: judgements, reveal, record, close."""
    session, _ = services.plan_session(
        trainer=trainer,
        title=item["title"],
        starts_at=_at(item["dagen"]),
        method=Method.objects.get(slug=item["methode"]),
        participants=_users(item["deelnemers"]),
        casus=casus.get(item.get("casus")),
        inbreng=item.get("inbreng", ""),
        thema=Thema.objects.filter(name=item["thema"]).first() if item.get("thema") else None,
        location=location,
    )
    if not item.get("oordelen"):
        return
    services.open_judgements(session=session, user=trainer)
    people = {u.username: u for u in _users([a["username"] for a in item["oordelen"]])}
    for answer in item["oordelen"]:
        if answer["username"] in people:
            answers = {k: v for k, v in answer.items() if k != "username"}
            services.record_judgement(session=session, user=people[answer["username"]], answers=answers)
    if not item.get("onthullen"):
        return
    services.reveal(session=session, user=trainer)
    record = item["verslag"]
    notes = {int(position): text for position, text in record["notities"].items()}
    services.save_record(session=session, user=trainer, notes=notes, conclusions=record["conclusies"])
    if item.get("werkafspraak"):
        fields = {key: werkafspraak[key] for key in ("title", "text", "rationale")}
        services.add_werkafspraak(session=session, user=trainer, **fields)
    if item.get("afsluiten"):
        services.close_session(session=session, user=trainer)


def _users(names: list[str]) -> list:
    found = {u.username: u for u in get_user_model().objects.filter(username__in=names)}
    return [found[n] for n in names if n in found]


def _at(days: int):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=13, minute=30, second=0, microsecond=0)


@transaction.atomic
def ensure_demo_werkafspraak() -> int:
    """Publish the demo werkafspraak: via the session flow with demo accounts, otherwise directly."""
    wanted = _read("sessies.json")["werkafspraak"]
    index = werkafspraken_index()
    werkafspraak = Werkafspraak.objects.filter(title=wanted["title"]).select_related("session").first()
    redacteur = get_user_model().objects.filter(username="redacteur").first()
    if werkafspraak is not None and werkafspraak.session.status in (SessionStatus.REVEALED, SessionStatus.CLOSED):
        if werkafspraak.page_id is None:
            propose_werkafspraak(werkafspraak=werkafspraak, user=werkafspraak.session.trainer)
            werkafspraak.refresh_from_db()
        if not werkafspraak.page.live and redacteur is not None:
            publish_werkafspraak(page=werkafspraak.page, user=redacteur)
    elif not WerkafspraakPage.objects.filter(title=wanted["title"]).exists():
        casus = CasusPage.objects.live().filter(external_id=wanted["casus"]).first()
        page = WerkafspraakPage(
            title=wanted["title"],
            slug=wanted["slug"],
            afspraak=wanted["text"],
            toelichting=wanted["rationale"],
            thema=casus.thema if casus else None,
            casus=casus,
            agreed_on=timezone.localdate(),
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    return WerkafspraakPage.objects.live().count()
