"""Demo bezwaar records and MKBA's: a realistic share, mostly ongegrond, some gegrond with lessons."""

from casuistry.models import BezwaarGrond, BezwaarRecord, CasusPage, MkbaRegel

LESSONS = {
    "gegrond": "Leg in het besluit vast hoe bewust of onbewust handelen is onderzocht; een vermoeden is geen feit.",
    "deels gegrond": "Weeg de hoogte van de sanctie zichtbaar af tegen de omstandigheden en het doenvermogen.",
}
GROUNDS = {
    "gegrond": ["verwijtbaarheid onvoldoende onderzocht", "motiveringsgebrek"],
    "deels gegrond": ["hoogte boete of maatregel onevenredig"],
    "ongegrond": ["omstandigheden onvoldoende gewogen"],
    "niet-ontvankelijk": ["procedurefout"],
    "ingetrokken": ["nieuwe feiten"],
}
# (scenario, post, bedrag): rough, illustrative estimates for a casus with rent arrears.
MKBA_LINES = [
    ("geen interventie", "uitkering", 0),
    ("geen interventie", "huisvesting", 18000),
    ("geen interventie", "zorg", 6000),
    ("repressief", "uitkering", -1500),
    ("repressief", "handhaving", 2500),
    ("repressief", "huisvesting", 12000),
    ("repressief", "schuldhulp", 3000),
    ("sociaal", "schuldhulp", 2500),
    ("sociaal", "handhaving", 1200),
    ("sociaal", "uitkering", 1800),
]


def load_bezwaar_demo() -> int:
    """One bezwaar record per demo casus with a bezwaar outcome; an appeal on the first gegrond one."""
    grounds = {g.name: g for g in BezwaarGrond.objects.all()}
    created = 0
    for casus in CasusPage.objects.filter(external_id__startswith="DEMO-").exclude(bezwaar="").order_by("external_id"):
        record, was_created = BezwaarRecord.objects.get_or_create(
            casus=casus,
            stage="bezwaar",
            defaults={"outcome": casus.bezwaar, "periode": casus.periode, "leerpunt": LESSONS.get(casus.bezwaar, "")},
        )
        if was_created:
            record.grounds.set([grounds[name] for name in GROUNDS.get(casus.bezwaar, []) if name in grounds])
            created += 1
    running = (
        CasusPage.objects.filter(external_id__startswith="DEMO-", bezwaar="ongegrond").order_by("external_id").first()
    )
    if running:
        BezwaarRecord.objects.get_or_create(casus=running, stage="beroep", defaults={"outcome": ""})
    return created


def load_mkba_demo() -> int:
    """An MKBA on two maatwerk casus and on the first casus whose bezwaar was gegrond."""
    demo = CasusPage.objects.filter(external_id__startswith="DEMO-").order_by("external_id")
    chosen = list(demo.filter(uitkomst="maatwerk via omgekeerde toets")[:2]) + list(demo.filter(bezwaar="gegrond")[:1])
    for casus in chosen:
        for scenario, post, bedrag in MKBA_LINES:
            MkbaRegel.objects.get_or_create(casus=casus, scenario=scenario, post=post, defaults={"bedrag_eur": bedrag})
    return len(chosen)
