"""Shared test data for intervisie tests."""

ANSWER = {
    "bewustheid": "onbewust",
    "verwijtbaarheid": "verminderd",
    "context_weging": "enigszins",
    "impact_weging": "sanctie schaadt",
    "uitkomst": "waarschuwing",
    "toelichting": "",
}


def answer(**overrides) -> dict:
    return {**ANSWER, **overrides}
