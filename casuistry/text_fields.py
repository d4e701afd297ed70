"""The text fields of a casus, in one place, importing nothing.

The model declares them, the search vector weighs them, the snippets highlight them, indexing
embeds the situation and the anonymisation gate scans every one. A new text field is added here
and everywhere follows.
"""

from __future__ import annotations

from dataclasses import dataclass

SITUATION = "situatie"  # title and samenvatting: what a query or draft describes
REASONING = "afweging"  # drietrapstoets, omgekeerde toets, leerpunt


@dataclass(frozen=True)
class CasusTextField:
    name: str  # field of CasusPage
    weight: str  # full-text weight: A title, B situation, C reasoning
    part: str  # SITUATION or REASONING
    record_key: str | None  # path in a casus-v1 record; None when the interchange has no such key


CASUS_TEXT_FIELDS: tuple[CasusTextField, ...] = (
    CasusTextField("title", "A", SITUATION, "title"),
    CasusTextField("samenvatting", "B", SITUATION, "summary"),
    CasusTextField("bewust_onbewust", "C", REASONING, "drietrapstoets.bewust_onbewust"),
    CasusTextField("context_perspectief", "C", REASONING, "drietrapstoets.context_perspectief"),
    CasusTextField("maatschappelijke_impact", "C", REASONING, "drietrapstoets.maatschappelijke_impact"),
    CasusTextField("grondwaarde", "C", REASONING, "omgekeerde_toets.grondwaarde"),
    CasusTextField("beoogd_effect", "C", REASONING, "omgekeerde_toets.beoogd_effect"),
    CasusTextField("maatwerk_oplossing", "C", REASONING, "omgekeerde_toets.maatwerk_oplossing"),
    CasusTextField("juridische_inpassing", "C", REASONING, "omgekeerde_toets.juridische_inpassing"),
    CasusTextField("leerpunt", "C", REASONING, None),
)

#: Every text field's name, in the order an editor sees them.
TEXT_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in CASUS_TEXT_FIELDS)
#: The situation (embedded for semantic search, highlighted first).
SITUATION_FIELDS: tuple[str, ...] = tuple(f.name for f in CASUS_TEXT_FIELDS if f.part == SITUATION)
#: The reasoning (weight C, highlighted when the situation has no match).
REASONING_FIELDS: tuple[str, ...] = tuple(f.name for f in CASUS_TEXT_FIELDS if f.part == REASONING)


def fields_of_weight(weight: str) -> tuple[str, ...]:
    return tuple(f.name for f in CASUS_TEXT_FIELDS if f.weight == weight)
