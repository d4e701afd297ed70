"""Pattern rules for structured identifiers (no word lists needed beyond ``lexicon``).

Every rule returns :class:`Candidate` tuples ``(start, end, label, priority)``; the detector
resolves overlaps by priority, then length. Nothing here logs or stores matched values.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from stdnum import iban as std_iban
from stdnum.nl import bsn as std_bsn

from . import lexicon


class Candidate(NamedTuple):
    start: int
    end: int
    label: str
    priority: int


# Priorities (higher wins an overlap; ties go to the longer span).
PRIO = {
    "EMAIL": 100,
    "IBAN": 95,
    "BSN": 90,
    "PHONE": 90,
    "CASENR_CTX": 92,
    "PLATE": 85,
    "DATE": 80,
    "POSTCODE": 80,
    "ADDRESS": 75,
    "CASENR": 70,
    "EMPLOYER": 60,
    "PERSON": 50,
    "PLACE": 40,
}


def _kw_alternation(words) -> str:
    parts = sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words}, key=len, reverse=True)
    return "|".join(parts)


# --------------------------------------------------------------------------- e-mail
_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def find_emails(text: str) -> list[Candidate]:
    return [Candidate(m.start(), m.end(), "EMAIL", PRIO["EMAIL"]) for m in _EMAIL.finditer(text)]


# --------------------------------------------------------------------------- IBAN
_IBAN_NL = re.compile(r"(?<![A-Za-z0-9])NL ?\d{2} ?[A-Z]{4} ?(?:\d ?){9}\d(?![A-Za-z0-9])", re.IGNORECASE)
_IBAN_ANY = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![a-z0-9])")


def find_ibans(text: str) -> list[Candidate]:
    out = []
    for m in _IBAN_NL.finditer(text):
        # A Dutch IBAN has a fixed, very specific shape: accept it even when the check
        # digits are wrong (typos, fictional numbers) -- it is still an account number.
        out.append(Candidate(m.start(), m.end(), "IBAN", PRIO["IBAN"]))
    for m in _IBAN_ANY.finditer(text):
        # the greedy match may swallow a trailing group; shrink until it validates
        value = m.group(0)
        while len(value.replace(" ", "")) >= 15:
            if std_iban.is_valid(value):
                out.append(Candidate(m.start(), m.start() + len(value), "IBAN", PRIO["IBAN"]))
                break
            value = value[:-1].rstrip()
    return out


# --------------------------------------------------------------------------- BSN
_BSN = re.compile(
    r"(?<![\w.,/-])(\d{9}|\d{8}|\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3}|\d{2}\.\d{3}\.\d{3}\.\d)"
    r"(?![\w]|[.,/-]\d)"
)
_BSN_CONTEXT = re.compile(
    r"(?:" + _kw_alternation(lexicon.BSN_KEYWORDS) + r")\W{0,3}(?:[^\W\d]+\W{1,3}){0,2}$",
    re.IGNORECASE,
)
_CASENR_CONTEXT = re.compile(
    r"(?:" + _kw_alternation(lexicon.CASENR_KEYWORDS) + r")\.?\W{0,3}(?:(?:is|was|nr|nummer)\W{1,3}){0,2}$",
    re.IGNORECASE,
)


def find_bsns(text: str) -> list[Candidate]:
    out = []
    for m in _BSN.finditer(text):
        digits = re.sub(r"\D", "", m.group(1))
        before = text[max(0, m.start() - 40) : m.start()]
        if _CASENR_CONTEXT.search(before):
            out.append(Candidate(m.start(), m.end(), "CASENR", PRIO["CASENR_CTX"]))
            continue
        bsn_context = bool(_BSN_CONTEXT.search(before))
        if bsn_context or (len(digits) == 9 and std_bsn.is_valid(digits)):
            # After "BSN" a 9-digit number is a BSN even if it fails the 11-proef (typo).
            if len(digits) == 9 or bsn_context:
                out.append(Candidate(m.start(), m.end(), "BSN", PRIO["BSN"]))
    return out


# --------------------------------------------------------------------------- phone numbers
_PHONE_START = re.compile(r"(?<![\w+])(?:\+|00)\d|(?<![\w])\(?0\d")
_SEP = " -.()/"


def _scan_digits(text: str, pos: int, max_digits: int) -> list[tuple[int, int]]:
    """From ``pos``, walk digits separated by single separators; return (ndigits, end) steps."""
    steps = []
    n = 0
    i = pos
    length = len(text)
    while i < length and n < max_digits:
        ch = text[i]
        if ch.isdigit():
            n += 1
            i += 1
            steps.append((n, i))
            continue
        if ch in _SEP:
            # allow short runs of separators like " - " or ") "
            j = i
            while j < length and text[j] in _SEP and j - i < 3:
                j += 1
            if j < length and text[j].isdigit() and text[i:j].count(" ") <= 2:
                i = j
                continue
        break
    return steps


def find_phones(text: str) -> list[Candidate]:
    out = []
    for m in _PHONE_START.finditer(text):
        start = m.start()
        lead = text[start]
        steps = _scan_digits(text, start + (1 if lead in "+(" else 0), 16)
        if not steps:
            continue
        digits = re.sub(r"\D", "", text[start : steps[-1][1]])
        if lead == "+" or digits.startswith("00"):
            cc_digits = 0 if lead == "+" else 2
            intl = digits[cc_digits:]
            if intl.startswith("31"):
                national = 10 if intl[2:].startswith("0") else 9  # "+31 (0)6 ..."
                counts = [cc_digits + 2 + national]
            elif 8 <= len(intl) <= 14:
                counts = [steps[-1][0]]
            else:
                continue
        else:
            counts = [10]
            if digits.startswith(("0800", "0900", "0906", "0909")):
                counts = [11, 8]
        end = None
        for cnt in counts:
            end = next((e for n, e in steps if n == cnt), None)
            if end is not None:
                break
        if end is None or (end < len(text) and text[end].isdigit()):
            continue
        out.append(Candidate(start, end, "PHONE", PRIO["PHONE"]))
    return out


# --------------------------------------------------------------------------- postcode
_POSTCODE = re.compile(r"(?<![\w.,€$-])([1-9]\d{3}) ?([A-Za-z]{2})(?![\w])")
_POSTCODE_BAD_LETTERS = {"SA", "SD", "SS"}


def find_postcodes(text: str) -> list[Candidate]:
    out = []
    for m in _POSTCODE.finditer(text):
        letters = m.group(2)
        if letters.upper() in _POSTCODE_BAD_LETTERS:
            continue
        if not letters.isupper():
            if not letters.islower() or letters in lexicon.POSTCODE_LOWER_WORDS:
                continue
        before = text[max(0, m.start() - 6) : m.start()].lower()
        if "€" in before or "eur" in before:
            continue
        out.append(Candidate(m.start(), m.end(), "POSTCODE", PRIO["POSTCODE"]))
    return out


# --------------------------------------------------------------------------- licence plates
_L = "[A-Z]"
_SIDECODES = [
    rf"{_L}{{2}}-\d{{2}}-\d{{2}}",
    rf"\d{{2}}-\d{{2}}-{_L}{{2}}",
    rf"\d{{2}}-{_L}{{2}}-\d{{2}}",
    rf"{_L}{{2}}-\d{{2}}-{_L}{{2}}",
    rf"{_L}{{2}}-{_L}{{2}}-\d{{2}}",
    rf"\d{{2}}-{_L}{{2}}-{_L}{{2}}",
    rf"\d{{2}}-{_L}{{3}}-\d",
    rf"\d-{_L}{{3}}-\d{{2}}",
    rf"{_L}{{2}}-\d{{3}}-{_L}",
    rf"{_L}-\d{{3}}-{_L}{{2}}",
    rf"{_L}{{3}}-\d{{2}}-{_L}",
    rf"{_L}-\d{{2}}-{_L}{{3}}",
    rf"\d-{_L}{{2}}-\d{{3}}",
    rf"\d{{3}}-{_L}{{2}}-\d",
]
_PLATE = re.compile(r"(?<![\w-])(?:" + "|".join(_SIDECODES) + r")(?![\w]|-\w)")
# After the word "kenteken" a plate may be written in lower case, without dashes or with spaces
# ("kenteken 12abc3", "kenteken xx 99 xx"), but it must still have a sidecode shape: every Dutch
# sidecode mixes letters and digits, so a plain word ("kentekens en een ...") is never a plate.
_SIDECODE_LOOSE = "|".join(code.replace(_L, "L").replace("-", "[- ]?").replace("L", "[A-Za-z]") for code in _SIDECODES)
_PLATE_CTX = re.compile(
    r"\bkenteken(?:nummer)?(?![^\W\d_])\s*:?\s*(?:is\s+|was\s+)?"
    r"(?<![\w-])(" + _SIDECODE_LOOSE + r")(?![\w]|-\w)",
    re.IGNORECASE,
)


# A Dutch sidecode in capitals without dashes ("GZ418T", "12ABC3"): every sidecode has three
# groups, so letters and digits alternate twice and a word or a plain number never matches.
# (not sidecodes 1 and 2 -- "2518EV" is a postcode -- whose groups are four digits and two letters)
_SIDECODE_NODASH = "|".join(code.replace("A-Z", "L").replace("-", "").replace("L", "A-Z") for code in _SIDECODES[2:])
_PLATE_NODASH = re.compile(r"(?<![\w-])(?:" + _SIDECODE_NODASH + r")(?![\w-])")
# A foreign plate after "kenteken" ("Pools kenteken BI 4827K", "Duits kenteken KLE-AB 123"):
# capitals and digits in one to three groups, with both letters and digits.
_PLATE_FOREIGN = re.compile(
    r"\bkenteken(?:nummer)?\s*:?\s*(?:is\s+|was\s+)?"
    r"(?<![\w-])([A-Z0-9]{1,4}(?:[ -][A-Z0-9]{1,5}){0,2})(?![\w]|-\w)"
)


def find_plates(text: str) -> list[Candidate]:
    out = [Candidate(m.start(), m.end(), "PLATE", PRIO["PLATE"]) for m in _PLATE.finditer(text)]
    for m in _PLATE_CTX.finditer(text):
        out.append(Candidate(m.start(1), m.end(1), "PLATE", PRIO["PLATE"] - 1))
    for m in _PLATE_NODASH.finditer(text):
        out.append(Candidate(m.start(), m.end(), "PLATE", PRIO["PLATE"] - 1))
    for m in _PLATE_FOREIGN.finditer(text):
        value = m.group(1)
        compact = value.replace(" ", "").replace("-", "")
        if 4 <= len(compact) <= 9 and re.search(r"[A-Z]", value) and re.search(r"\d", value):
            out.append(Candidate(m.start(1), m.end(1), "PLATE", PRIO["PLATE"] - 1))
    return out


def find_structured(text: str) -> list[Candidate]:
    """E-mail, IBAN, BSN, phone, postcode and plate (dates: ``dates``; case numbers: ``casenrs``)."""
    out: list[Candidate] = []
    for fn in (
        find_emails,
        find_ibans,
        find_bsns,
        find_phones,
        find_postcodes,
        find_plates,
    ):
        out.extend(fn(text))
    return out
