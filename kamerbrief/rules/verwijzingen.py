"""References: the earlier documents a letter cites, each normalised and with the text as written.

Recognises:
    (Kamerstuk 35 165, nr. 2) | Kamerstukken II 2018/19, 35 165, nr. 2 | Kamerstuk 32852 nr. 209
    Kamerstuk 33 000 X, nr. 30 | (kst-34700-19) | kst-33000-X-60
    motie-Van der Molen c.s. (Kamerstuk 32 847, nr. 1123) | de motie van het lid Knops (Kamerstuk ..)
    2024D39756 (document) | 2023Z19677 (zaak)
    Aanhangsel Handelingen II 2023/24, nr. 1234 | Handelingen II 2016/17, nr. 60
    Kamerstukken II 2021/22, Aanhangsel, nr. 1694 (an Aanhangsel cited as a Kamerstuk)
    Kamerstukken I 2012–2013, CII, B | (Kamerstuknr. 2012–2013, CII, B) (Eerste Kamer: a Roman dossier,
    a lettered stuk without "nr.", a dash or en dash in the year)
    mijn brief van 11 januari 2018 | de brief van 5 juli 2024
"""

from __future__ import annotations

import re
from typing import Any

from ..lexicon import LazyPattern
from ..lexicon import kamer_from_roman as _kamer
from .dates import parse_date
from .kamerstuk import normalise_year

_DOSSIER = r"(\d{1,3}(?:[ .]\d{3})|\d{4,6})(?:[ -]([IVXLC]{1,6}|[A-Z](?![a-z])|\d{2}(?!\d)))?"
_YEAR = r"(?:(\d{4})\s*[/-]\s*(\d{2,4}))"

KAMERSTUK = LazyPattern(
    rf"\b(?:Kamerstuk(?:ken)?|kamerstuk(?:ken)?|Kamerstuknr\.?)\s*(I{{1,2}})?\s*(?:{_YEAR}\s*,\s*)?{_DOSSIER}\s*,?\s*nr\.?\s*(\d+|[A-Z]{{1,2}})\b"
)
KST_ID = LazyPattern(r"\bkst-(\d{4,6})(?:-([IVXLC]{1,6}|[A-Z]|\d{2}))?-(\d+)\b")
KST_DASHED = LazyPattern(r"\bKamerstuk(?:ken)?\s+(\d{4,6})(?:-([IVXLC]{1,6}|[A-Z]|\d{2}))?-(\d+)\b")
# "motie-Van der Molen c.s. (Kamerstuk ...)": the name runs to the parenthesis. MOTIE_RUN takes the whole
# run of name characters at once; where the name ends is then read from the run's end (motie_dash), so
# that "motie-A motie-A ..." is read once and not once for every "motie-" in it.
MOTIE_RUN = LazyPattern(r"\bmotie-[A-Z][\w'’ -]*+")
MOTIE_END = LazyPattern(r"(?P<cs>\s+c\.s\.)?\s*\(\s*(?=Kamerstuk)")
_NAME = r"[A-Z][\w'’-]*(?:\s+(?:van|der|de|den|ter|[A-Z][\w'’-]*))*"
# The names are one atomic group: read once, greedily; their other readings ("Aen" as "A" + "en") all end
# at or before the greedy one, which is as near the parenthesis as any (no parenthesis in between).
MOTIE_VAN = LazyPattern(
    rf"\b(motie\s+van\s+(?:het\s+lid|de\s+leden)\s+(?>{_NAME}(?:\s*(?:,|en)\s*{_NAME})*(?:\s+c\.s\.)?))"
    r"[^()]{0,80}?\(\s*(?=Kamerstuk)"
)
# The forms KAMERSTUK leaves: a year with an en dash, a Roman dossier number (Eerste Kamer) and a lettered
# stuk without "nr." ("2012–2013, CII, B"). Possessive quantifiers: no backtracking between the parts.
_YEAR_ANY = r"(\d{4})\s*+[/–—-]\s*+(\d{2,4})"
KAMERSTUK_YEAR_FIRST = LazyPattern(
    rf"\b(?:Kamerstuk(?:ken)?|kamerstuk(?:ken)?|Kamerstuknr\.?)\s*+(I{{1,2}})?\s*+,?\s*+{_YEAR_ANY}\s*+,\s*+"
    rf"(?:([IVXLC]{{1,8}})|{_DOSSIER})\s*+,\s*+(?:nr\.?\s*+(\d+|[A-Z]{{1,2}})\b|([A-Z]{{1,2}})\b(?!\s*+,?\s*+nr\b))"
)
AANHANGSEL_CITED = LazyPattern(
    rf"\b(?:Kamerstukken|Handelingen)\s*+(I{{1,2}})?\s*+,?\s*+{_YEAR_ANY}\s*+,\s*+"
    r"Aanhangsel(?:\s++(?:van\s++de\s++)?Handelingen)?\s*+,?\s*+nr\.?\s*+(\d+)"
)
DOCUMENT = LazyPattern(r"\b(20\d{2})([DZ])(\d{5})\b")
AANHANGSEL = LazyPattern(rf"\bAanhangsel\s+(?:van\s+de\s+)?Handelingen\s*(I{{1,2}})?\s*,?\s*{_YEAR}\s*,\s*nr\.?\s*(\d+)")
HANDELINGEN = LazyPattern(rf"(?<!Aanhangsel )\bHandelingen\s*(I{{1,2}})\s*,?\s*{_YEAR}\s*,\s*nr\.?\s*(\d+)")
BRIEF = LazyPattern(
    r"\b((?:mijn|onze|de|het|uw|haar|zijn)\s+(?:Kamer)?brief(?:\s+van\s+(?:de\s+)?(?:minister|staatssecretaris)[^,.()]{0,60}?)?"
    r"\s+(?:van|d\.d\.)\s+(\d{1,2}\s+[a-z]+\s+\d{4}))"
)

# Each pattern above needs a word that `in` finds at memory speed; a text without it is not scanned by the
# pattern at all (most paragraphs cite nothing). DOCUMENT and BRIEF start with a word boundary and an
# alternation, which the regex engine tries at every character; these forms of them begin with a literal,
# which it jumps to, and every match of the pattern holds a match of its gate.
DOCUMENT_GATE = re.compile(r"20\d{2}[DZ]\d{5}\b")
BRIEF_GATE = re.compile(r"brief\s+(?:van\s+(?:de\s+)?(?:minister|staatssecretaris)|(?:van|d\.d\.)\s+\d)")


def _year(a: str | None, b: str | None) -> str | None:
    return normalise_year(a, b) if a and b else None


def _dossier(num: str, toev: str | None) -> str:
    n = re.sub(r"[ .]", "", num)
    return f"{n}-{toev}" if toev else n


def motie_dash(text: str) -> list[tuple[int, str]]:
    """(end, name) of each "motie-Name (Kamerstuk": the end is just before "Kamerstuk".

    The name is the shortest that the closing can follow: up to the blanks before the parenthesis, or
    before " c.s." and then the parenthesis.
    """
    out: list[tuple[int, str]] = []
    for run in MOTIE_RUN.finditer(text):
        first, end = run.start() + len("motie-X"), run.end()
        name = text[run.start():end]
        cut = len(name.rstrip())
        candidates = [cut]
        if name[cut - 1:cut] == "c" and text.startswith(".s.", end):
            candidates.insert(0, len(name[:cut - 1].rstrip()))  # "motie-X c.s. (": the name stops before c.s.
        for c in candidates:
            at = max(run.start() + c, first)
            m = MOTIE_END.match(text, at)
            if m:
                out.append((m.end(), text[run.start():m.end("cs") if m.group("cs") else at]))
                break
    return out


def find(texts: list[str], prefilter: bool = True) -> list[dict[str, Any]]:
    """Every reference in the texts (body and footnotes), in order, each once. `prefilter=False` runs every
    pattern on every text (the slow path, kept to check that the gates change nothing)."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def add(ref: dict[str, Any]) -> None:
        key = (ref["soort"], ref["tekst"])
        if key not in seen:
            seen.add(key)
            out.append({k: ref.get(k) for k in ("soort", "tekst", "dossiernummer", "ondernummer", "vergaderjaar",
                                                   "kamer", "nummer", "datum", "motie")})

    for text in texts:
        def has(word: str, text: str = text) -> bool:
            return not prefilter or word in text

        found: list[tuple[int, dict[str, Any]]] = []
        moties: dict[int, str] = {}
        if has("motie"):
            moties.update(motie_dash(text) if has("motie-") else ())
            moties.update({m.end(): m.group(1) for m in MOTIE_VAN.finditer(text)})
        rank = {k: r for r, k in enumerate(moties)}
        cites = has("amerstuk")  # Kamerstuk, Kamerstukken, kamerstuk, Kamerstuknr
        kamerstukken = list(KAMERSTUK.finditer(text)) if cites else []
        for m in kamerstukken:
            ref = {"soort": "kamerstuk", "tekst": m.group(0), "dossiernummer": _dossier(m.group(4), m.group(5)),
                   "ondernummer": m.group(6), "vergaderjaar": _year(m.group(2), m.group(3)),
                   "kamer": _kamer(m.group(1))}
            motie = moties.get(m.start())
            if motie is None:
                # a motie ending up to two characters before the citation; the first found if two do
                near = [k for k in (m.start() - 1, m.start() - 2) if k in moties]
                motie = moties[min(near, key=rank.__getitem__)] if near else None
            if motie:
                ref["soort"] = "motie"
                ref["motie"] = motie
            found.append((m.start(), ref))
        taken = [(m.start(), m.end()) for m in kamerstukken]
        for m in KAMERSTUK_YEAR_FIRST.finditer(text) if cites else ():
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            dossier = m.group(4) or _dossier(m.group(5), m.group(6))
            found.append((m.start(), {"soort": "kamerstuk", "tekst": m.group(0), "dossiernummer": dossier,
                                      "ondernummer": m.group(7) or m.group(8),
                                      "vergaderjaar": _year(m.group(2), m.group(3)), "kamer": _kamer(m.group(1))}))
        aanhangsel = has("Aanhangsel")
        for m in AANHANGSEL_CITED.finditer(text) if aanhangsel else ():
            found.append((m.start(), {"soort": "aanhangsel_handelingen", "tekst": m.group(0),
                                      "ondernummer": m.group(4), "vergaderjaar": _year(m.group(2), m.group(3)),
                                      "kamer": _kamer(m.group(1))}))
        ids = [*(KST_ID.finditer(text) if has("kst-") else ()), *(KST_DASHED.finditer(text) if cites else ())]
        for m in ids:
            found.append((m.start(), {"soort": "kamerstuk", "tekst": m.group(0),
                                      "dossiernummer": _dossier(m.group(1), m.group(2)), "ondernummer": m.group(3)}))
        for m in DOCUMENT.finditer(text) if not prefilter or DOCUMENT_GATE.search(text) else ():
            found.append((m.start(), {"soort": "document" if m.group(2) == "D" else "zaak", "tekst": m.group(0),
                                      "nummer": m.group(0)}))
        for m in AANHANGSEL.finditer(text) if aanhangsel else ():
            found.append((m.start(), {"soort": "aanhangsel_handelingen", "tekst": m.group(0),
                                      "ondernummer": m.group(4), "vergaderjaar": _year(m.group(2), m.group(3)),
                                      "kamer": _kamer(m.group(1))}))
        for m in HANDELINGEN.finditer(text) if has("Handelingen") else ():
            found.append((m.start(), {"soort": "handelingen", "tekst": m.group(0), "ondernummer": m.group(4),
                                      "vergaderjaar": _year(m.group(2), m.group(3)),
                                      "kamer": _kamer(m.group(1))}))
        for m in BRIEF.finditer(text) if not prefilter or BRIEF_GATE.search(text) else ():
            datum = parse_date(m.group(2))
            if datum:
                found.append((m.start(), {"soort": "brief", "tekst": m.group(1), "datum": datum}))
        for _, ref in sorted(found, key=lambda x: x[0]):
            add(ref)
    return out
