"""The sharing rule of docs/operations.md, written out independently of the code."""

LEVELS = ("organisatie", "regio", "landelijk")
REGION = {"GM0001": "Waardenland", "GM0002": "Waardenland", "SD0003": "Noorderkwartier"}


def may_see(viewer_code: str, owner_code: str, level: str) -> bool:
    if level == "landelijk" or owner_code == viewer_code:
        return True
    return level == "regio" and REGION[owner_code] == REGION[viewer_code]


def expected_titles(viewer_code: str) -> set[str]:
    return {f"Casus {code} {level}" for code in REGION for level in LEVELS if may_see(viewer_code, code, level)}


ALL_TITLES = {f"Casus {code} {level}" for code in REGION for level in LEVELS}
