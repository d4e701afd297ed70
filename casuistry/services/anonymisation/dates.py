"""DATE candidates: exact dates (a day and a month) in the ways Dutch notes write them.

12-03-2024, 12/3/24, 2024-03-12, 12 maart (2024), 3 jan., maart 12, "op 5-6", "vóór 10/4",
"di 4/6", a list of dates ("op 12/04 en 19/04"), "14-06 jl.", zero-padded "26/02", bank lines
("04-03 BIJ ..."), "op de 14e". The weekday and "jl." stay outside the span. Never a date: a
year, a month with a year, "1e van de maand", fractions ("1/2"), times and ranges ("09-12 uur").
"""

from __future__ import annotations

import regex as re

from . import lexicon
from .rules import PRIO, Candidate

_MONTH_ALT = "|".join(sorted(lexicon.MONTHS + lexicon.MONTH_ABBREVIATIONS, key=len, reverse=True))
_WEEKDAY_ALT = "|".join(lexicon.WEEKDAYS + lexicon.WEEKDAY_ABBREVIATIONS)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_DAY2 = r"(?:0[1-9]|[12]\d|3[01])"
_MON_NUM = r"(?:0?[1-9]|1[0-2])"
_MON2 = r"(?:0[1-9]|1[0-2])"
_YEAR = r"(?:(?:19|20)\d{2}|'\d{2}|\d{2})"
# what may not follow a day/month: more digits, a unit ("09-12 uur"), a fraction's slash
_NOT_AFTER = (
    r"(?![\w]|[-/.,]\d|\s*(?:uur|u\b|h\b|min|keer|x\b|euro|eur\b|%|procent|dagen|weken|jaar|maanden|"
    r"km|kg|punten|deel|van\s+de))"
)

_DATE_NUMERIC = re.compile(rf"(?<![\w.,/-]){_DAY}(?P<sep>[-/.]){_MON_NUM}(?P=sep){_YEAR}(?![\w]|[-/.,]\d)")
_DATE_ISO = re.compile(rf"(?<![\w.,/-])(?:19|20)\d{{2}}-{_MON_NUM}-{_DAY}(?![\w]|[-/.]\d)")
_DATE_TEXT = re.compile(
    rf"(?<![\w.,/-]){_DAY}(?:e|ste|de)?\s+(?:{_MONTH_ALT})\b\.?(?:\s+(?:(?:19|20)\d{{2}}|'\d{{2}}))?(?![\w])",
    re.IGNORECASE,
)
_DATE_MONTH_DAY = re.compile(
    rf"\b(?:{'|'.join(lexicon.MONTHS)})\s+{_DAY}"
    r"(?!\d|[.,/]\d|/|\s*(?:uur|keer|x|euro|%|procent|dagen|weken|jaar|maanden|is\s+geworden|geworden|wordt|werd))\b",
    re.IGNORECASE,
)
# a day/month after a cue word: "op 5-6", "vóór 10/4", "di 4/6", "ontvangen 26/02"
_CUES = (
    r"op|per|d\.d\.|dd|sinds|vanaf|tot|t/m|tot\s+en\s+met|datum|voor|vóór|na|van|ontvangen|verzonden|"
    r"gedateerd|afspraak|gesprek|huisbezoek|bezoek|gebeld|belde|mail|brief|uiterlijk|vanaf|begin|eind|"
    rf"{_WEEKDAY_ALT}"
)
_DATE_DAY_MONTH_CTX = re.compile(
    rf"(?<![\p{{L}}])(?:{_CUES})\.?:?\s+(?P<d>{_DAY}[-/]{_MON_NUM}){_NOT_AFTER}",
    re.IGNORECASE,
)
# more dates in a list after a date: "op 12/04, 19/04 en 26/04"
_DATE_LIST_NEXT = re.compile(rf"\G(?:\s*,\s*|\s+(?:en|of|t/m|tot)\s+)(?P<d>{_DAY}[-/]{_MON_NUM}){_NOT_AFTER}")
# zero-padded day and month without a cue: "26/02", "14-06" (not "1/2", "09-12 uur")
_DATE_PADDED = re.compile(rf"(?<![\w.,/€:-])(?P<d>{_DAY2}[-/]{_MON2}){_NOT_AFTER}")
# "14-06 jl.", "3/4 j.l."
_DATE_JL = re.compile(rf"(?<![\w.,/-])(?P<d>{_DAY}[-/.]{_MON_NUM})\s+j\.?l\.?(?![\p{{L}}])", re.IGNORECASE)
# "op de 14e", "vóór de 1ste" (not "de 2e keer", "de 1e van de maand")
_DATE_ORDINAL = re.compile(
    rf"(?<![\p{{L}}])(?i:op|vóór|voor|na|sinds|vanaf|tot|per|t/m|uiterlijk|en)\s+de\s+(?P<d>{_DAY}(?:e|ste|de))"
    r"(?![\p{L}\d])(?!\s+(?:" + "|".join(lexicon.ORDINAL_NOUNS) + r")\b)(?!\s+\p{Lu})"
)


_AFTER_NAME_RX = re.compile(rf"(?<![\p{{L}}])(?!(?i:{_WEEKDAY_ALT}|{_MONTH_ALT})\b)\p{{Lu}}[\p{{Ll}}]+\s$")


def _fraction(value: str) -> bool:
    """ "1/2", "2/3", "3/4": a share, not the first of February."""
    d, sep, m = value.partition("/")
    return bool(sep) and len(d) == 1 and len(m) == 1 and int(d) < int(m) <= 4


def find_dates(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    p = PRIO["DATE"]
    for rx in (_DATE_NUMERIC, _DATE_ISO):
        out.extend(Candidate(m.start(), m.end(), "DATE", p) for m in rx.finditer(text))
    for m in _DATE_TEXT.finditer(text):
        end = m.end()
        s = text[m.start() : end]
        if s.endswith(".") and not re.search(rf"(?i)\b(?:{'|'.join(lexicon.MONTH_ABBREVIATIONS)})\.$", s):
            end -= 1
        out.append(Candidate(m.start(), end, "DATE", p))
    for m in _DATE_MONTH_DAY.finditer(text):
        # "maart 12" (not "maart 2024", which is month+year and not an exact date)
        out.append(Candidate(m.start(), m.end(), "DATE", p - 1))
    for rx in (_DATE_DAY_MONTH_CTX, _DATE_PADDED, _DATE_JL, _DATE_ORDINAL):
        for m in rx.finditer(text):
            if rx is not _DATE_ORDINAL and _fraction(m.group("d")):
                continue
            if rx is _DATE_PADDED and _AFTER_NAME_RX.search(text, max(0, m.start() - 40), m.start()):
                continue  # "Botter 27-12": a house number after a street name
            out.append(Candidate(m.start("d"), m.end("d"), "DATE", p - 1))
    for c in list(out):
        pos = c.end
        while True:
            m = _DATE_LIST_NEXT.match(text, pos)
            if not m:
                break
            out.append(Candidate(m.start("d"), m.end("d"), "DATE", p - 1))
            pos = m.end("d")
    return out
