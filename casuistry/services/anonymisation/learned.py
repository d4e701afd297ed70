"""A learned second opinion on names, places and employers: a CRF over tokens.

The rules know shapes, cues and lists; a writer they never saw uses forms they do not know. A
linear-chain CRF (python-crfsuite), trained on the fictional gold notes in ``tests/data`` (own and
independent writers, ``learned_train.py``), tags capitalised words as PERSON, PLACE or EMPLOYER from
their spelling, their neighbours and the name and place lists. Its spans enter the detector as the
lowest-priority candidates: a rule finding always wins, and the protected lexicon, the house-style
pseudonym ("mevrouw F.") and the overlap resolution apply as to every other candidate.

It adds only capitalised spans: lower-case names stay the cue rules' job, because lower-case
professional words look like chat names to a model and house-style texts must stay clean.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pycrfsuite
import regex as re

from .rules import Candidate
from .vocabulary import Vocabulary

MODEL_FILE = Path(__file__).resolve().parent / "data" / "names.crf"
LABELS = ("PERSON", "PLACE", "EMPLOYER")
LEARNED = ("PERSON", "PLACE")  # employers: the model doubled the false ones on unseen writers
PRIORITY = 10  # below every rule (rules.PRIO): the model only fills what no rule claimed
TOKEN = re.compile(r"\w+(?:[-']\w+)*|[^\w\s]")
PARTICLES = frozenset("van de der den el al ten ter te het bin ben da di du la le".split())
_INITIAL = re.compile(r"^\w\.?$")
# "DJI", "UWV-signaal", "PvA", "VvE": bodies, plans and their compounds
_ACRONYM = re.compile(r"^(?:\p{Lu}{2,5}|(?=\p{L}{2,5}\b)\p{Lu}\p{Ll}*\p{Lu}\p{L}*)(?:-\w+)?$")
_SENTENCE_END = frozenset(".!?:;\n")

_TAGGER: pycrfsuite.Tagger | None = None
_LOCK = threading.Lock()


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]


def _shape(word: str) -> str:
    shape = re.sub(r"\p{Lu}", "X", word)
    shape = re.sub(r"\p{Ll}", "x", shape)
    shape = re.sub(r"\d", "d", shape)
    return re.sub(r"(.)\1+", r"\1\1", shape)


def features(vocab: Vocabulary, toks: list[tuple[int, int, str]]) -> list[dict]:
    """Per token: its spelling, its neighbours' and whether the lists know it as a name or place."""
    out = []
    for i, (_, _, word) in enumerate(toks):
        low = word.lower()
        f = {
            "bias": 1.0,
            "w": low,
            "shape": _shape(word),
            "p3": low[:3],
            "s3": low[-3:],
            "s2": low[-2:],
            "title": float(word[:1].isupper()),
            "upper": float(word.isupper() and len(word) > 1),
            "digit": float(word.isdigit()),
            "name": float(vocab.is_known_name(word)),
            "common": float(vocab.is_common_word(low)),
            "place": float(vocab.is_place_token(word)),
            "world": float(vocab.is_world_place(word)),
            "protected": float(vocab.is_protected(word)),
            "non_name": float(vocab.is_non_name(word)),
        }
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < len(toks):
                other = toks[j][2]
                f[f"{d}w"] = other.lower()
                f[f"{d}title"] = float(other[:1].isupper())
                if abs(d) == 1:
                    f[f"{d}shape"] = _shape(other)
                    f[f"{d}name"] = float(vocab.is_known_name(other))
            else:
                f[f"{d}w"] = "<s>" if d < 0 else "</s>"
        out.append(f)
    return out


def _tagger() -> pycrfsuite.Tagger | None:
    global _TAGGER
    if _TAGGER is None and MODEL_FILE.exists():
        with _LOCK:
            if _TAGGER is None:
                tagger = pycrfsuite.Tagger()
                tagger.open(str(MODEL_FILE))
                _TAGGER = tagger
    return _TAGGER


def find_learned(text: str, vocab: Vocabulary) -> list[Candidate]:
    tagger = _tagger()
    toks = tokens(text)
    if tagger is None or not toks:
        return []
    tags = tagger.tag(features(vocab, toks))
    return [c for c in _spans(toks, tags) if c.label in LEARNED and _plausible(text, c, vocab)]


def _spans(toks, tags) -> list[Candidate]:
    spans: list[list] = []
    for (start, end, word), tag in zip(toks, tags, strict=True):
        label = tag[2:]
        if not word[:1].isalnum():  # "Batticaloa (Sri Lanka)": punctuation ends a span
            if spans:
                spans[-1][3] = False
            continue
        if tag.startswith("I-") and spans and spans[-1][2] == label and spans[-1][3]:
            spans[-1][1] = end
        elif tag != "O":
            spans.append([start, end, label, True])
        elif spans:
            spans[-1][3] = False  # an O closes the span
    return [Candidate(s, e, label, PRIORITY) for s, e, label, _ in spans]


def _plausible(text: str, c: Candidate, vocab: Vocabulary) -> bool:
    """Only capitalised, name-like spans; never an initial, a body's acronym or a common word
    that is capitalised because a sentence starts with it."""
    fragment = text[c.start : c.end]
    words = [w for w in TOKEN.findall(fragment) if w[:1].isalpha()]
    if not words or _INITIAL.match(fragment) or vocab.is_protected(fragment):
        return False
    before = TOKEN.findall(text[max(0, c.start - 40) : c.start])[-1:]
    after = TOKEN.findall(text[c.end : c.end + 40])[:1]
    around = [*before, *words, *after]  # "Sri Lanka" when only "Lanka" was tagged
    pairs = [f"{a} {b}" for a, b in zip(around, around[1:], strict=False)]
    if any(vocab.is_protected(part) for part in (*words, *pairs)):
        return False  # a country, body or professional term inside: not a name
    if not words[0][:1].isupper() or any(not w[:1].isupper() and w.lower() not in PARTICLES for w in words):
        return False
    if len(words) == 1:
        if _ACRONYM.match(words[0]):
            return False
        before = text[: c.start].rstrip(" \t\"'‘“(")
        sentence_start = not before or before[-1] in _SENTENCE_END
        # one word alone: the lists must know it as a name or a place; the model judges the context
        listed = vocab.is_place_token(words[0]) or vocab.is_world_place(words[0])
        known = vocab.is_known_name(words[0]) if c.label == "PERSON" else listed
        if not known:
            return False
        if (sentence_start and not known) or (vocab.is_common_word(words[0].lower()) and (sentence_start or not known)):
            return False  # a capital that only says a sentence starts here
    return True
