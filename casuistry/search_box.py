"""What a search box receives, made safe before anything else happens with it.

The text is pseudonymised first (a name or BSN typed into the box is searched, shown, put in a title
and in a URL only as its placeholder), and a long text (a pasted draft) is never put in a URL: the
search forms post to ``/zoeken/verzenden/``, which redirects a short query to the results and shows a
long one through besluit voorbereiden.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from casuistry.services.anonymisation import pseudonymise
from casuistry.services.anonymisation.gate import LABEL_NAMES

MAX_QUERY = 4000
LONG_WORDS = 30  # more than this is a draft, not a search term
LONG_CHARACTERS = 300


@dataclass(frozen=True)
class CleanQuery:
    text: str
    replaced: Counter = field(default_factory=Counter)

    @property
    def is_long(self) -> bool:
        return len(self.text) > LONG_CHARACTERS or len(self.text.split()) > LONG_WORDS

    @property
    def notice(self) -> str:
        if not self.replaced:
            return ""
        kinds = ", ".join(f"{n}× {LABEL_NAMES[label]}" for label, n in sorted(self.replaced.items()))
        return f"Uw zoekvraag bevatte mogelijk persoonsgegevens ({kinds}); die zijn vervangen voordat er gezocht werd."


def clean_query(raw: str | None) -> CleanQuery:
    text = (raw or "")[:MAX_QUERY].strip()
    if not text:
        return CleanQuery("")
    outcome = pseudonymise(text)
    return CleanQuery(outcome.text, Counter(f.label for f in outcome.findings))
