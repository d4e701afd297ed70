"""CASENR candidates: numbers that identify a person's file, case, parcel or payment.

* after a keyword (``data/casenr_keywords.txt``: dossiernummer, zaaknr, kenmerk, klantnr,
  betalingskenmerk, vestigingsnummer, ada/parsel ...) or any compound ending in "-nummer" /
  "-nr" / "-id" ("grondhuurnummer", "signaal-id"): the ID after it, also grouped in blocks
  ("7003 4412 9981 0024", "500 8173") or led by letters ("HH 24 1533", "N24.0331");
* court case numbers: "SGR 24/2719", "AWB 23/04567", "C/10/612345 / HA ZA 23-456",
  "10433587 CV EXPL 23-9921", "KG ZA 24-118";
* land registry: "sectie B nummer 3312", "WSN01 B 4412";
* ID shapes of their own: "Z-23-998877", "IB-RDW-240417-0071", "IB-24Q1-004417",
  "MDT0093381", "2024-0012345", parketnummers "10/217893-24", and bare numbers of seven or
  more digits;
* appeal numbers with their law ("22/1456 PW"), apartment rights ("C 4471 A 3") and the
  reference fields of SEPA bank lines ("/EREF/HLP-20240416-55712"), above postcodes and
  addresses.

Only the number is labelled, never the keyword. Article numbers, amounts and years are no
case numbers; a phone number, BSN or IBAN after a generic "nummer" keeps its own label.
"""

from __future__ import annotations

import regex as re

from . import lexicon
from .rules import PRIO, Candidate

_EXPLICIT = "|".join(
    sorted({re.escape(w).replace(r"\ ", r"\s+") for w in lexicon.CASENR_KEYWORDS}, key=len, reverse=True)
)
# compounds ending in -nummer / -nr / -id ("grondhuurnummer", "pers.nr", "signaal-id"), except
# those for phones, houses, accounts, plates and BSNs
_GENERIC = (
    r"(?!(?i:" + "|".join(lexicon.NOT_CASENR_PREFIXES) + r"))"
    r"[\p{L}][\p{L}.-]{1,30}?(?:nummer|nr|-id)|(?:onder|met|op)\s+(?:het\s+)?(?:nummer|nr)"
)
_COURT = (
    r"C/\d{2}/\d{5,7}(?:\s*/\s*[A-Z]{2}\s[A-Z]{2,4}\s\d{2}-\d{1,6})?"
    r"|\d{6,8}\s[A-Z]{2}\s[A-Z]{2,5}\s\d{2}-\d{1,6}"
    r"|[A-Z]{2}\s[A-Z]{2,4}\s\d{2}-\d{1,6}"
    r"|[A-Z]{2,4}[\s-]\d{2}/\d{3,6}"
)
_GROUPED = r"\d{2,5}(?:[ ]\d{3,5}){1,4}(?!\d|,\d)"
# "HH 24 1533", "BJZ 24-311" (letters, then digit groups)
_LETTER_GROUPS = r"[A-Z]{1,4}(?:[ ]\d{2,6}(?:-\d{2,6})?){1,3}(?!\d)|[A-Z]{3}\d{2}\s[A-Z]{1,2}\s\d{1,5}"
# (a tail segment holds a digit or is a short suffix: "1045-88172/EREF/NOTPROVIDED" stops at "/EREF")
_ID_TOKEN = r"(?:[A-Z&]{1,6}[-/.]?){0,3}\d[\dA-Za-z]*(?:[-/.](?:[A-Za-z]*\d[\dA-Za-z]*|[A-Za-z]{1,3}(?![\p{L}])))*"
_CONNECT = (
    r"(?:\s+[a-z]{3,20}(?=\s*:)|(?:\s+(?:bij|van|de|het|der)){1,2}\s+[a-z]{3,20}(?=\s+[A-Z0-9])"
    r"|\s+[a-z]{3,15}(?=\s+(?:[A-Z]{1,4}[\d.-]|\d{3})))?"
    r"(?:\s*(?::|#|is|was|nr\.?|nummer|no\.?)\s*){0,2}\s*"
)
_KW_RX = re.compile(
    rf"(?<![\p{{L}}])(?i:(?P<kw>{_EXPLICIT})|(?P<gen>{_GENERIC}))(?![\p{{L}}])\.?{_CONNECT}"
    rf"(?P<val>{_COURT}|{_GROUPED}|{_LETTER_GROUPS}|{_ID_TOKEN})",
)
_SHAPES = [
    # court and civil case numbers
    re.compile(rf"(?<![\w/.-])(?:{_COURT})(?![\w]|[-/]\w)"),
    # land registry: "sectie B nummer 3312", "sectie K, nr. 1234", "WSN01 B 4412"
    re.compile(r"(?<![\p{L}])(?i:sectie)\s+[A-Z]{1,2},?\s+(?:(?i:nummer|nr\.?|perceel(?:nummer)?)\s+)?\d{1,6}\b"),
    re.compile(r"(?<![\w-])[A-Z]{3}\d{2}\s[A-Z]{1,2}\s\d{1,5}(?![\w])"),
    # Z-23-998877, HV-2024-5521, MLD-24-0133, HC-2023-0456, Z/2024/03321, Z2024-01877
    re.compile(r"(?<![\w/.-])[A-Z]{1,5}\d{0,4}[-/]\d{2,4}(?:[-/][A-Z0-9]*\d{3,}[A-Z0-9]*)(?![\w]|[-/]\w)"),
    # IB-RDW-240417-0071, WI-BB-2024-0012, W&I-2019-33071 (letter groups, then digit groups)
    re.compile(r"(?<![\w/.-])[A-Z][A-Z&]{0,5}(?:[-/][A-Z]{1,5}){1,2}[-/]\d{2,}(?:[-/]\d{2,})*(?![\w]|[-/]\w)"),
    # KB-10334, GH-44172/2009 (letters, dash, at least four digits)
    re.compile(r"(?<![\w/.-])[A-Z]{1,4}-\d{4,}(?:/\d{2,4})?(?![\w]|[-/]\w)"),
    # MDT0093381 (letters directly followed by six or more digits)
    re.compile(r"(?<![\w/.-])[A-Z]{2,5}\d{6,}(?![\w]|[-/]\w)"),
    # 2024-0012345, 2023/44871, 2024-HH-0412
    re.compile(r"(?<![\w/.,-])(?:19|20)\d{2}[-/](?:[A-Z]{1,4}[-/])?\d{4,}(?![\w]|[-/]\w)"),
    # PL1700-2024123456
    re.compile(r"(?<![\w/.-])[A-Z]{1,4}\d{3,}[-/]\d{4,}(?![\w])"),
    # IB-24Q1-004417, MLD-2024A-00331 (letters, then groups that mix letters and digits)
    re.compile(r"(?<![\w/.-])[A-Z]{1,5}(?:-(?=[A-Z0-9]*\d)[A-Z0-9]{2,10}){2,4}(?![\w]|[-/]\w)"),
    # bare long numbers (not claimed by phone/BSN/IBAN, which have higher priority)
    re.compile(r"(?<![\w.,/€-])\d{7,}(?![\w]|[.,]\d)"),
]
# shapes that outrank a postcode or an address inside them:
_STRONG_SHAPES = [
    # appeal numbers with the law they concern: "22/1456 PW", "21/3390 WWB", "23/00412 AOW"
    # (never a month and year: "04/2024 PERSNR")
    re.compile(r"(?<![\w/.-])\d{2}/(?!(?:19|20)\d{2}(?!\d))\d{3,6}[ \t][A-Z]{2,6}\d{0,2}(?![\w/])"),
    # parketnummer 10/217893-24 (2-6-2; "07/335120-23" is no phone number)
    re.compile(r"(?<![\w/.-])\d{2}/\d{6}-\d{2}(?![\w]|[-/]\w)"),
    # apartment right in the land registry: "C 4471 A 3" (section, parcel, A, index)
    re.compile(r"(?<![\w.-])[A-Z]{1,2}[ \t]\d{1,5}[ \t]A[ \t]?\d{1,4}(?![\w])"),
]
# SEPA fields of a bank line: "/EREF/HLP-20240416-55712", "/MARF/M-000123" (not NOTPROVIDED)
_SEPA_RX = re.compile(r"/(?:EREF|MARF|CSID|KENM)/(?P<val>[^/\s]*\d[^/\s]*)")
_SHORT_OK_KEYWORDS = ("zaak", "dossier", "kenmerk", "ref")


def find_casenrs(text: str) -> list[Candidate]:
    out = []
    for m in _KW_RX.finditer(text):
        value = m.group("val").rstrip(".-/ ")
        digits = sum(c.isdigit() for c in value)
        if digits < 3 or re.fullmatch(r"(?:19|20)\d{2}", value):  # too short, or a year
            continue
        if re.search(r"€|\beur\b", text[max(0, m.start("val") - 6) : m.start("val")], re.IGNORECASE):
            continue
        if m.group("kw"):
            kw = m.group("kw").lower()
            if (kw in _SHORT_OK_KEYWORDS or kw.startswith("kenmerk") or kw == "referentie") and digits < 4:
                continue
            prio = PRIO["CASENR_CTX"]
        else:
            # "nummer" / "-nr" in general: a phone number, BSN or IBAN keeps its own label
            if digits < 4:
                continue
            prio = PRIO["PHONE"] - 1
        out.append(Candidate(m.start("val"), m.start("val") + len(value), "CASENR", prio))
    for rx in _SHAPES:
        for m in rx.finditer(text):
            out.append(Candidate(m.start(), m.end(), "CASENR", PRIO["CASENR"]))
    for rx in _STRONG_SHAPES:
        for m in rx.finditer(text):
            out.append(Candidate(m.start(), m.end(), "CASENR", PRIO["CASENR_CTX"]))
    for m in _SEPA_RX.finditer(text):
        if sum(c.isdigit() for c in m.group("val")) >= 4:
            out.append(Candidate(m.start("val"), m.end("val"), "CASENR", PRIO["CASENR_CTX"]))
    return out
