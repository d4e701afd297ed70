"""Demo content for intervisie: the methods library, four sessions and one published werkafspraak.

Idempotent: methods are updated in place; sessions and werkafspraken are created once (by title).
Sessions need people, so they (and their extra demo participants) are only created when
settings.KENNISBANK_DEMO_ACCOUNTS is true; without demo accounts the werkafspraak is published directly.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from casuistry.models import CasusPage, Thema
from intervisie.choices import SessionStatus
from intervisie.models import Method, MethodPhase, Session, Werkafspraak, WerkafspraakPage
from kennisbank.accounts import roles

from . import sessions as services
from .werkafspraken import propose_werkafspraak, publish_werkafspraak, werkafspraken_index

# (name, slug, summary, purpose, ground rules, [(title, minutes, purpose, prompts, questions, judgement round)])
METHODS = [
    (
        "Drietrapstoets-dialoog",
        "drietrapstoets-dialoog",
        "Ieder weegt een casus eerst zelf langs de drie stappen; daarna verkent de groep waar de oordelen uiteenlopen.",
        "Een gedeeld beeld van hoe het team bewust of onbewust handelen, omstandigheden en maatschappelijke impact "
        "weegt, en een werkafspraak voor de volgende vergelijkbare situatie.",
        "We bespreken het besluit, niet de collega.\nWat hier gezegd wordt, blijft hier.\n"
        "Eerst zelf oordelen, dan pas luisteren.\nWie afwijkt, helpt de groep: vraag door, overtuig niet.",
        [
            (
                "Opening en spelregels",
                5,
                "Een veilige start: iedereen weet waarvoor we hier zijn.",
                "Noem het doel: samen leren wegen, niet vaststellen wie het goed deed.\n"
                "Spreek de spelregels uit en vraag of iedereen ermee instemt.\n"
                "Vraag of niemand de uitkomst van de casus al heeft opgezocht.",
                "Wat wil je vandaag meenemen?",
                False,
            ),
            (
                "Inbreng en verhelderende vragen",
                10,
                "Iedereen kent dezelfde feiten voordat er geoordeeld wordt.",
                "Lees de inbreng voor of laat de inbrenger vertellen, zonder eigen oordeel.\n"
                "Sta alleen vragen naar feiten toe; parkeer meningen tot na de oordeelronde.\n"
                "Vat samen welke feiten ontbreken en hoe we daarmee omgaan.",
                "Welke feiten mis je om te kunnen oordelen?\nWat weten we over de omstandigheden van de persoon?",
                False,
            ),
            (
                "Wat zou jij besluiten?",
                10,
                "Een onafhankelijk oordeel van iedere deelnemer.",
                "Open de oordeelronde in de kennisbank.\n"
                "Laat ieder zelfstandig en in stilte antwoorden; geen overleg.\n"
                "Onthul pas als iedereen heeft geantwoord of de tijd om is.",
                "Kon de persoon weten wat er verwacht werd, en handelde hij of zij bewust?\n"
                "Welke omstandigheden wegen voor jou mee?\nWat gebeurt er als we niets doen?",
                True,
            ),
            (
                "Onthulling en verschillen verkennen",
                20,
                "Zicht op waar en waarom de oordelen uiteenlopen.",
                "Toon de verdeling en het overeenstemmingscijfer; benoem de vraag met de meeste spreiding.\n"
                "Vraag eerst de kleinste groep om haar redenering.\n"
                "Houd het bij argumenten: welk feit of welke waarde weegt voor wie zwaarder?\n"
                "Laat daarna zien wat er in de casus besloten is en met welke afweging.",
                "Welk argument van een ander deed je twijfelen?\nBij welke stap van de toets liepen we uiteen?",
                False,
            ),
            (
                "Werkafspraak en afronding",
                15,
                "Een concrete afspraak die het team voortaan gebruikt.",
                "Vraag: wat spreken we af voor de volgende vergelijkbare situatie?\n"
                "Maak de afspraak concreet: in welke situatie, welke afweging, welke uitkomst ligt voor de hand?\n"
                "Besluit samen of de afspraak naar de kennisbank gaat.\nSluit af met een korte ronde.",
                "Wat doe jij morgen anders?",
                False,
            ),
        ],
    ),
    (
        "Omgekeerde-toetsanalyse",
        "omgekeerde-toetsanalyse",
        "Redeneer vanuit de bedoeling van de wet naar maatwerk, als de standaardroute iemand schaadt.",
        "Oefenen met de omgekeerde toets: van grondwaarde via beoogd effect naar een oplossing die juridisch past.",
        "We bespreken het besluit, niet de collega.\nMaatwerk is geen gunst: het moet uitlegbaar zijn.",
        [
            (
                "Opening",
                5,
                "",
                "Noem het doel en de spelregels.\nLeg kort uit wanneer de omgekeerde toets aan de orde is.",
                "",
                False,
            ),
            (
                "Het standaardbesluit en zijn gevolgen",
                10,
                "Helder wat de regels zonder afweging opleveren, en wat dat doet.",
                "Laat de groep het besluit beschrijven dat de regels zonder afweging geven.\n"
                "Breng in kaart wat dat besluit doet met wonen, inkomen, gezondheid en kinderen.",
                "Wat gebeurt er met dit huishouden als we het standaardbesluit nemen?",
                False,
            ),
            (
                "Wat zou jij besluiten?",
                10,
                "Een onafhankelijk oordeel vóór de gezamenlijke analyse.",
                "Open de oordeelronde; ieder antwoordt zelfstandig.\nOnthul als iedereen heeft geantwoord.",
                "Welke uitkomst kies jij, en waarom?",
                True,
            ),
            (
                "Grondwaarde en beoogd effect",
                15,
                "Overeenstemming over wat er voor deze persoon bereikt moet worden.",
                "Vraag welke kernwaarde van de wet op het spel staat (bestaansminimum, menswaardig bestaan).\n"
                "Formuleer samen het effect dat bereikt moet worden.",
                "Wat moet er over een half jaar anders zijn voor deze persoon?",
                False,
            ),
            (
                "Maatwerk en juridische inpassing",
                15,
                "Een oplossing die het effect bereikt en in de wet past.",
                "Verzamel oplossingen die het beoogde effect bereiken.\n"
                "Toets elke oplossing: welke bepaling maakt dit mogelijk, welke voorwaarden horen erbij?",
                "Welke voorwaarde maakt deze oplossing uitlegbaar aan collega's en inwoners?",
                False,
            ),
            (
                "Werkafspraak",
                10,
                "",
                "Leg vast wanneer het team deze route kiest en wie meekijkt.",
                "Wat neem je mee naar je volgende casus?",
                False,
            ),
        ],
    ),
    (
        "Incidentmethode",
        "incidentmethode",
        "De groep krijgt alleen een kort incident en verzamelt zelf de feiten door vragen te stellen.",
        "Oefenen met het verzamelen van de juiste feiten vóór een oordeel, en zien welke vragen collega's "
        "stellen en welke ze overslaan.",
        "Alleen de facilitator kent de hele casus.\nEr zijn geen domme vragen.\n"
        "We bespreken het besluit, niet de collega.",
        [
            (
                "Het incident",
                5,
                "Een korte, onvolledige situatieschets als startpunt.",
                "Vertel het incident in enkele zinnen, zonder achtergrond.\nNoem de spelregels.",
                "",
                False,
            ),
            (
                "Feiten verzamelen",
                15,
                "De feiten die de groep nodig vindt, en het inzicht welke vragen ertoe doen.",
                "Beantwoord alleen wat gevraagd wordt; geef niets uit jezelf.\n"
                "Noteer welke vragen gesteld worden en welke niet.",
                "Wat wil je weten voordat je kunt oordelen?\nWelke informatie zou je bij de persoon zelf ophalen?",
                False,
            ),
            (
                "Kern bepalen",
                5,
                "Eén heldere vraag waarover besloten moet worden.",
                "Laat de groep de beslisvraag in één zin formuleren.",
                "Waarover moet hier eigenlijk besloten worden?",
                False,
            ),
            (
                "Wat zou jij besluiten?",
                10,
                "Een onafhankelijk oordeel van iedere deelnemer.",
                "Open de oordeelronde; ieder antwoordt zelfstandig.\nOnthul als iedereen heeft geantwoord.",
                "Welke uitkomst kies jij met de feiten die je nu hebt?",
                True,
            ),
            (
                "Vergelijken met het werkelijke besluit",
                15,
                "Zicht op verschillen tussen het oordeel van de groep en wat er besloten is.",
                "Vertel wat er werkelijk besloten is en met welke afweging.\n"
                "Bespreek welke ontbrekende feiten het verschil maakten.",
                "Welke vraag had je achteraf willen stellen?",
                False,
            ),
            (
                "Lessen en werkafspraak",
                10,
                "",
                "Vraag naar algemene lessen: welke feiten vragen we voortaan altijd uit?\n"
                "Leg een werkafspraak vast als de groep dat wil.",
                "Wat vraag jij voortaan altijd na?",
                False,
            ),
        ],
    ),
]

# Extra demo participants (only with KENNISBANK_DEMO_ACCOUNTS). Passwords are public by design.
DEMO_PARTICIPANTS = [
    ("klantmanager", "demo-klantmanager", roles.CONSULENT, "Klantmanager"),
    ("handhaver", "demo-handhaver", roles.CONSULENT, "Handhaver"),
    ("terugvordering", "demo-terugvordering", roles.CONSULENT, "Medewerker terugvordering"),
]

# Answers: (username, bewustheid, verwijtbaarheid, context, impact, uitkomst, toelichting)
EARLIER_ANSWERS = [
    ("consulent", "onbewust", "verminderd", "enigszins", "sanctie schaadt", "terugvordering", ""),
    (
        "jurist",
        "bewust",
        "volledig",
        "niet",
        "niets doen schaadt",
        "terugvordering en boete",
        "Jaren lang, structureel.",
    ),
    ("nieuw", "onbewust", "verminderd", "zwaar", "sanctie schaadt", "waarschuwing", ""),
    ("klantmanager", "onduidelijk", "verminderd", "enigszins", "in balans", "terugvordering", ""),
    ("handhaver", "bewust", "volledig", "niet", "niets doen schaadt", "boete", ""),
    ("terugvordering", "bewust", "verminderd", "enigszins", "in balans", "terugvordering en boete", ""),
]
COMPLETED_ANSWERS = [
    (
        "consulent",
        "onbewust",
        "verminderd",
        "enigszins",
        "sanctie schaadt",
        "waarschuwing",
        "Eenmalig en klein bedrag; uitleg geven weegt zwaarder dan straffen.",
    ),
    ("jurist", "onbewust", "verminderd", "enigszins", "in balans", "waarschuwing", ""),
    (
        "nieuw",
        "onbewust",
        "geen",
        "zwaar",
        "sanctie schaadt",
        "geen sanctie",
        "Zij kon niet weten dat een betaling door familie meetelt.",
    ),
    ("klantmanager", "onbewust", "verminderd", "enigszins", "sanctie schaadt", "waarschuwing", ""),
    (
        "handhaver",
        "bewust",
        "volledig",
        "niet",
        "niets doen schaadt",
        "terugvordering en boete",
        "De regel staat in elke brief; anders wordt het willekeur.",
    ),
    ("terugvordering", "onbewust", "verminderd", "enigszins", "in balans", "terugvordering", ""),
]
RUNNING_ANSWERS = [
    ("consulent", "onbewust", "geen", "zwaar", "sanctie schaadt", "maatwerk via omgekeerde toets", ""),
    ("klantmanager", "onbewust", "verminderd", "zwaar", "sanctie schaadt", "maatregel", ""),
]
PLANNED_INBRENG = (
    "Een alleenstaande man van midden vijftig verkoopt al een paar maanden spullen via een online platform. "
    "Het Inlichtingenbureau meldt tientallen verkopen. Hij zegt dat het om de inboedel van zijn overleden "
    "moeder gaat en dat hij niet wist dat hij dit moest doorgeven. Een deel van de verkochte spullen lijkt "
    "nieuw. Hij heeft een betalingsregeling bij de energieleverancier."
)
WERKAFSPRAAK = {
    "title": "Eenmalige betaling door familie: eerst uitleg, waarschuwing bij een klein bedrag",
    "text": (
        "Betaalt een familielid eenmalig een rekening en blijft het voordeel onder de grens voor een waarschuwing, "
        "dan voeren wij eerst het gesprek over de inlichtingenplicht en geven wij een schriftelijke waarschuwing. "
        "Wij vorderen het bedrag alleen terug als het de bijstand feitelijk heeft verhoogd."
    ),
    "rationale": (
        "In de leerdialoog liepen de oordelen uiteen van geen sanctie tot terugvordering en boete. "
        "De groep vond dat een eenmalige, kleine betaling zelden bewust verzwegen wordt; uitleg voorkomt herhaling "
        "beter dan een boete."
    ),
}


def load_intervisie_demo(*, log=print) -> dict:
    counts = {"methoden": load_methods()}
    if getattr(settings, "KENNISBANK_DEMO_ACCOUNTS", False):
        create_demo_participants()
        counts["intervisiesessies"] = load_sessions()
    counts["werkafspraken"] = ensure_demo_werkafspraak()
    from .leerpaden import load_leerpaden_demo

    counts.update(load_leerpaden_demo(with_progress=getattr(settings, "KENNISBANK_DEMO_ACCOUNTS", False)))
    log(f"Intervisie: {counts['methoden']} methoden, {counts.get('intervisiesessies', 0)} sessies")
    return counts


@transaction.atomic
def load_methods() -> int:
    for name, slug, summary, purpose, rules, phases in METHODS:
        method = Method.objects.filter(slug=slug).first() or Method(slug=slug)
        method.name, method.summary, method.purpose, method.ground_rules = name, summary, purpose, rules
        method.save()
        MethodPhase.objects.filter(method=method).delete()
        for order, (title, minutes, phase_purpose, prompts, questions, judgement) in enumerate(phases):
            MethodPhase.objects.create(
                method=method,
                sort_order=order,
                title=title,
                minutes=minutes,
                purpose=phase_purpose,
                facilitator_prompts=prompts,
                participant_questions=questions,
                is_judgement_round=judgement,
            )
    return len(METHODS)


def create_demo_participants() -> int:
    if not getattr(settings, "KENNISBANK_DEMO_ACCOUNTS", False):
        raise RuntimeError("Demo-accounts zijn alleen toegestaan met de dev- of testinstellingen.")
    User = get_user_model()
    for username, password, role, first_name in DEMO_PARTICIPANTS:
        user, _ = User.objects.get_or_create(username=username)
        user.first_name, user.last_name, user.email = first_name, "(demo)", f"{username}@example.org"
        user.is_staff = user.is_superuser = False
        user.set_password(password)
        user.save()
        user.groups.set([Group.objects.get(name=role)])
    return len(DEMO_PARTICIPANTS)


def _users(*names):
    User = get_user_model()
    found = {u.username: u for u in User.objects.filter(username__in=names)}
    return [found[n] for n in names if n in found]


def _at(days: int):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=13, minute=30, second=0, microsecond=0)


def _answer(session, rows):
    users = {u.username: u for u in _users(*(r[0] for r in rows))}
    for username, bewust, verwijt, context, impact, uitkomst, toelichting in rows:
        if username in users:
            services.record_judgement(
                session=session,
                user=users[username],
                answers={
                    "bewustheid": bewust,
                    "verwijtbaarheid": verwijt,
                    "context_weging": context,
                    "impact_weging": impact,
                    "uitkomst": uitkomst,
                    "toelichting": toelichting,
                },
            )


def _plan(trainer, title, days, method_slug, participants, casus=None, inbreng="", thema=None):
    existing = Session.objects.filter(title=title, trainer=trainer).first()
    if existing:
        return existing, False
    session, _ = services.plan_session(
        trainer=trainer,
        title=title,
        starts_at=_at(days),
        method=Method.objects.get(slug=method_slug),
        participants=participants,
        casus=casus,
        inbreng=inbreng,
        thema=thema,
        location="Vergaderruimte 2.14",
    )
    return session, True


@transaction.atomic
def load_sessions() -> int:
    trainer = get_user_model().objects.filter(username="trainer").first()
    casus = {
        c.external_id: c for c in CasusPage.objects.live().filter(external_id__in=["DEMO-003", "DEMO-004", "DEMO-033"])
    }
    if trainer is None or len(casus) < 3:
        return 0
    people = _users("consulent", "jurist", "nieuw", "klantmanager", "handhaver", "terugvordering")

    earlier, created = _plan(
        trainer,
        "Leerdialoog giften: huur betaald door vader",
        -63,
        "drietrapstoets-dialoog",
        people,
        casus=casus["DEMO-004"],
    )
    if created:
        services.open_judgements(session=earlier, user=trainer)
        _answer(earlier, EARLIER_ANSWERS)
        services.reveal(session=earlier, user=trainer)
        services.save_record(
            session=earlier,
            user=trainer,
            notes={
                4: "Verschil vooral bij stap 1: structureel betalen werd door de een als bewust, door de ander als "
                "onwetendheid gezien."
            },
            conclusions="Bij structurele betalingen door familie eerst vaststellen of de persoon de regel kende.",
        )
        services.close_session(session=earlier, user=trainer)

    completed, created = _plan(
        trainer,
        "Leerdialoog giften: tante betaalt de energierekening",
        -21,
        "drietrapstoets-dialoog",
        people,
        casus=casus["DEMO-003"],
    )
    if created:
        services.open_judgements(session=completed, user=trainer)
        _answer(completed, COMPLETED_ANSWERS)
        services.reveal(session=completed, user=trainer)
        services.save_record(
            session=completed,
            user=trainer,
            notes={
                2: "Vragen gingen over de hoogte van het bedrag en of het eenmalig was.",
                4: "Vier van de zes kozen geen boete. De handhaver wees op gelijke behandeling: de regel staat in "
                "elke brief. De groep zag het verschil tussen eenmalig en structureel als kern.",
                5: "Afspraak geformuleerd en voorgesteld voor de kennisbank.",
            },
            conclusions="Bij eenmalige, kleine betalingen door familie ligt een waarschuwing met uitleg voor de hand. "
            "Structurele betalingen wegen we anders; daarvoor plannen we een aparte leerdialoog.",
        )
        services.add_werkafspraak(session=completed, user=trainer, **WERKAFSPRAAK)
        services.close_session(session=completed, user=trainer)

    running, created = _plan(
        trainer,
        "Omgekeerde toets: gemiste afspraken en depressie",
        0,
        "omgekeerde-toetsanalyse",
        _users("consulent", "jurist", "klantmanager", "handhaver", "nieuw"),
        casus=casus["DEMO-033"],
    )
    if created:
        services.open_judgements(session=running, user=trainer)
        _answer(running, RUNNING_ANSWERS)

    _plan(
        trainer,
        "Incidentmethode: verkoop via internet",
        14,
        "incidentmethode",
        people,
        inbreng=PLANNED_INBRENG,
        thema=Thema.objects.filter(name="Verkoop via internet").first(),
    )
    return Session.objects.filter(trainer=trainer).count()


@transaction.atomic
def ensure_demo_werkafspraak() -> int:
    """Publish the demo werkafspraak: via the session flow with demo accounts, otherwise directly."""
    index = werkafspraken_index()
    werkafspraak = Werkafspraak.objects.filter(title=WERKAFSPRAAK["title"]).select_related("session").first()
    User = get_user_model()
    redacteur = User.objects.filter(username="redacteur").first()
    if werkafspraak is not None and werkafspraak.session.status in (SessionStatus.REVEALED, SessionStatus.CLOSED):
        trainer = werkafspraak.session.trainer
        if werkafspraak.page_id is None:
            propose_werkafspraak(werkafspraak=werkafspraak, user=trainer)
            werkafspraak.refresh_from_db()
        if not werkafspraak.page.live and redacteur is not None:
            publish_werkafspraak(page=werkafspraak.page, user=redacteur)
    elif not WerkafspraakPage.objects.filter(title=WERKAFSPRAAK["title"]).exists():
        casus = CasusPage.objects.live().filter(external_id="DEMO-003").first()
        page = WerkafspraakPage(
            title=WERKAFSPRAAK["title"],
            slug="eenmalige-betaling-door-familie",
            afspraak=WERKAFSPRAAK["text"],
            toelichting=WERKAFSPRAAK["rationale"],
            thema=casus.thema if casus else None,
            casus=casus,
            agreed_on=timezone.localdate(),
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    return WerkafspraakPage.objects.live().count()
