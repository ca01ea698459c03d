"""Sections and recommendations: the body split at its headings.

Recommendations are recognised in these forms:
    ### **1. Zet internationale sancties in ...**   numbered headings, in a letter that speaks of
                                                    aanbevelingen ("de vijf aanbevelingen", "per aanbeveling")
    1. Geef iedere school een leesplan.             numbered paragraphs 1..n, each with its response below
                                                    (plain text; a table's rows as text extraction writes them)
    Aanbeveling 3: Versterk de ...                  explicit headings, always recommendations (a bare
    Aanbeveling 3 / Versterk de ...                 "Aanbeveling 3" takes the paragraph below as its title)
    "Het kabinet moet ..." / Reactie: ...           a quoted, italic or bold recommendation and its response
    | 1 | Geef ... | Ik neem ... over. |            table rows (an optional number and "Gericht aan" column)
    A.1 Geef ... / 2a ... / II ...                  designated under themes
    De Raad beveelt aan om ...                      advising paragraphs, each followed by its response
    1. ... 2. ... then "Ten aanzien van de tweede aanbeveling ..."   listed first, answered in prose
A heading over a group ("Aanbevelingen aan de gemeenten"), a "Gericht aan" column or a sentence naming
them by number ("De aanbevelingen 5 en 6 zijn gericht aan ...") gives `adressaat` (rules/adressaat.py).
Each response runs to the next recommendation, to an unnumbered heading of the same rank or to the
end of the body (the closing is not part of the body). Numbered headings in a letter that answers no
recommendations are sections.

The responses may stand in a bijlage after the signature, the body only summarising them:
    Bijlage: reactie per aanbeveling                 a heading after the ondertekening that names
    Bijlage 1 / Kabinetsreactie op de aanbevelingen  aanbevelingen and a response (on its line or the next)
The bijlage is read in any of the forms above; when it gives recommendations with responses, those are the
`aanbevelingen` and the body is read as sections only, so its summary is never taken for a response.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

from ..lexicon import NUMBER_WORDS, ORDINALS, RECOMMENDATION_WORDS, LazyPattern
from ..model import Line, Problem
from ..stance import sentences
from . import adressaat as adressaat_rule
from .body import NUMBERED_HEADING, Block

EXPLICIT = LazyPattern(
    r"^(?:Aanbeveling|Advies|Actiepunt)\s+(\d{1,2})\s*(?:[:.\-–]\s*|\s+|$)(.*)$", re.IGNORECASE
)
RESPONSE_LABEL = re.compile(
    r"^(?:Reactie(?:\s+(?:van\s+)?(?:het\s+)?kabinet)?|Kabinetsreactie|Standpunt(?:\s+kabinet)?|Appreciatie)\s*[:.]?\s*(.*)$",
    re.IGNORECASE | re.DOTALL,
)
QUOTED = LazyPattern(r"^[\"“„‘'«](.+?)[\"”’'»]?$", re.DOTALL)
COUNT = LazyPattern(
    r"\b(" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"|\d{1,2})\s+aanbevelingen\b",
    re.IGNORECASE,
)
_ORD = "|".join(sorted((k for k in ORDINALS if k != "laatste"), key=len, reverse=True))
ORDINAL_REF = LazyPattern(
    rf"\b(?:de|het)\s+((?:{_ORD}|\d{{1,2}}e)(?:(?:\s*,\s*|\s+en\s+)(?:de\s+)?(?:{_ORD}|\d{{1,2}}e))*)\s+aanbeveling(?:en)?\b"
    rf"|\baanbeveling(?:en)?\s+((?:\d{{1,2}})(?:(?:\s*,\s*|\s+en\s+|\s+tot\s+en\s+met\s+)\d{{1,2}})*)\b",
    re.IGNORECASE,
)
SUBNUMBERED = LazyPattern(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+(\S.*)$")  # "1.1 Blootstelling ...": a subsection
LISTED = re.compile(r"^(?:Aanbeveling\s+)?\(?(\d{1,2})[.):]\s+(\S.*)$", re.IGNORECASE | re.DOTALL)
CLOSING_PARAGRAPH = LazyPattern(
    r"^(?:Ik hoop (?:u|uw Kamer) hiermee|Ik vertrouw erop (?:u|uw Kamer) hiermee|Hiermee hoop ik)", re.IGNORECASE
)
# The closing of the letter after its last recommendation, no heading between (see `_letter_end`):
#   Tot slot dank ik de raad voor ... / Ten slotte ... / Afsluitend ...       a closing word
#   Ik dank de Onderzoeksraad voor het heldere rapport.                        thanks for the report as a whole
#   Ik zal uw Kamer in 2027 informeren over de voortgang.                     the Kamer told about all of it
#   Hiermee heb ik uw Kamer ... / Ik ga hierover graag met uw Kamer in gesprek.
CLOSING_OPENER = LazyPattern(
    r"^(?:Tot slot|Ten slotte|Tenslotte|Afsluitend|Tot besluit|Samenvattend|Concluderend|Alles overziend\w*)\b"
    r"|^(?:Graag\s+)?(?:(?:Ik|Wij|We)\s+(?:dank|bedank|wil\s+\S+(?:\s+\S+){0,3}\s+(?:be)?danken)"
    r"|Het kabinet (?:dankt|bedankt)|Graag dank ik)\b"
    r"|^(?:Hiermee|Met deze (?:brief|reactie|kabinetsreactie))\s+(?:heb|hoop|informeer|beantwoord|meen|geef)\b"
    r"|^(?:Ik|Het kabinet|Wij|We)\s+(?:ga|gaat|gaan)\s+(?:hierover\s+)?graag\s+(?:met\s+(?:uw|de)\s+Kamer\s+)?"
    r"(?:in\s+gesprek|het\s+gesprek)",
    re.IGNORECASE,
)
# "... uw Kamer ... informeren over de voortgang." about the whole: the progress bare, or of the
# recommendations, this reactie or the report, not of one measure ("de voortgang van de pilot")
KAMER = re.compile(r"\b(?:uw|de) Kamer\b")
INFORMS = LazyPattern(r"\b(?:informeren|informeer|rapporteren|rapporteer|op de hoogte|terugkomen|kom\b.*\bterug"
                     r"|berichten|bericht)\b", re.IGNORECASE | re.DOTALL)
WHOLE = LazyPattern(
    r"\b(?:voortgang|stand van zaken)\s*(?:[.,;]|$)"
    r"|\b(?:voortgang|stand van zaken|uitvoering|opvolging|implementatie)\s+(?:van|bij|in)\s+(?:de|het|deze|dit)\s+"
    r"(?:(?:uitvoering|opvolging|implementatie)\s+van\s+(?:de|deze|het|dit|alle)\s+)?"
    r"(?:aanbevelingen|kabinetsreactie|rapport|advies|brief|maatregelen)\b"
    r"|\balle aanbevelingen\b|\b(?:deze|dit) (?:kabinetsreactie|brief)\b", re.IGNORECASE)
# the recommendation itself ("deze aanbeveling"); "dit advies" is as often the whole report, so no sign
ONE_RECOMMENDATION = LazyPattern(r"\b(?:deze|die|de laatste) (?:aanbeveling|adviespunt)\b(?!en)", re.IGNORECASE)


class Sectie(NamedTuple):
    nummer: int | None
    kop: str | None
    tekst: str
    line: int


class Aanbeveling(NamedTuple):
    nummer: int
    titel: str
    reactie: str
    line: int
    aanduiding: str | None = None  # the designation as printed ("2a", "A.3", "II") when it is no plain 1..n
    adressaat: str | None = None  # whom a group heading or a table column says it is addressed to, as printed


ANNEX_HEAD = re.compile(r"^Bijlage\b(?!\s*\(n\))", re.IGNORECASE)
ANNEX_TOPIC = LazyPattern(r"\b(?:aanbeveling(?:en)?|advie(?:s|zen)|adviespunten)\b", re.IGNORECASE)
# the bijlage holds the responses, not the advice itself ("Bijlage: advies van de Onderwijsraad")
ANNEX_RESPONSE = LazyPattern(r"reactie|standpunt|appreciatie|\bper (?:aanbeveling|advies)|opvolging|beantwoording"
                            r"|stand van zaken", re.IGNORECASE)
ANNEX_NEXT = LazyPattern(r"^Bijlage\s+(?:\d{1,2}|[IVX]{1,4}|[A-H])\b", re.IGNORECASE)


def annex_span(lines: tuple[Line, ...], start: int, end: int) -> tuple[int, int] | None:
    """(first, end) line indices of a bijlage in lines[start:end] (after the signature) that answers the
    recommendations: its heading names aanbevelingen or adviezen and a response (reactie, standpunt, ...)
    on its own line or with the next one ("Bijlage: reactie per aanbeveling", "Bijlage 1" / "Kabinetsreactie
    op de aanbevelingen"); "Bijlage: advies van de Onderwijsraad" is the advice itself. It runs to the
    next numbered bijlage or to `end`."""
    for i in range(start, end):
        t = lines[i].text
        if not t or len(t) > 160 or not ANNEX_HEAD.match(t):
            continue
        nxt = next((ln.text for ln in lines[i + 1:min(end, i + 4)] if ln.text), "")
        head = f"{t} {nxt}" if len(t) <= 100 and len(nxt) <= 120 and not nxt.endswith(".") else t
        if ANNEX_TOPIC.search(head) and ANNEX_RESPONSE.search(head):
            stop = next((j for j in range(i + 1, end) if lines[j].text and ANNEX_NEXT.match(lines[j].text)
                         and len(lines[j].text) <= 160), end)
            return i, stop
    return None


def split(blocks: list[Block], annex: list[Block] | None = None
          ) -> tuple[list[Sectie], list[Aanbeveling], list[Problem]]:
    """Secties and aanbevelingen of the body; problems for counts that do not add up. `annex`: the blocks
    of a bijlage after the signature that answers the recommendations (see `annex_span`)."""
    if annex:
        _, annexed, problems = _split(annex, announced=True)
        if annexed and sum(1 for r in annexed if r.reactie.strip()) * 2 >= len(annexed):
            secties, _, _ = _split(blocks, find=False)
            problems = [p for p in problems if p.rule != "aanbevelingen"]
            _check_count([*blocks, *annex], annexed, problems)
            return secties, _addressed_by_number([*blocks, *annex], annexed), problems
    prose = _prose_recommendations(blocks)
    if prose is not None:
        listing_at, recs_prose, problems = prose
        secties, _, _ = _split(_merge_listing(blocks, listing_at))
        _check_count(blocks, recs_prose, problems)
        return secties, _addressed_by_number(blocks, recs_prose), problems
    secties, recs, problems = _split(blocks)
    return secties, _addressed_by_number(blocks, recs), problems


def _addressed_by_number(blocks: list[Block], recs: list[Aanbeveling]) -> list[Aanbeveling]:
    """Recommendations the letter says elsewhere are addressed to someone, by number or ordinal: "De
    aanbevelingen 5 en 6 zijn gericht aan de gemeenten", "De derde aanbeveling richt zich tot de sector"
    (in a summary above a bijlage, say). Fills `adressaat` where the group heading or table gave none; what
    the recommendation's own response says still wins (see rules/adressaat.py)."""
    if not recs:
        return recs
    given: dict[int, str] = {}
    for b in blocks:
        if b.kind != "paragraph" or ("richt" not in b.text and "bestemd" not in b.text):
            continue
        for sentence in sentences(b.text):
            ref = ORDINAL_REF.search(sentence[:80])
            ref = ref if ref and ref.start() <= 4 else None  # they are the subject: "De aanbevelingen 5 en 6 ..."
            found = adressaat_rule.find(sentence) if ref else None
            if ref and found and found.zin is not None:
                for n in _ordinals(ref.group(1) or ref.group(2)):
                    given.setdefault(n, found.naam)
    return [r._replace(adressaat=given[r.nummer]) if r.nummer in given and not r.adressaat else r for r in recs]


def _split(blocks: list[Block], *, find: bool = True, announced: bool = False
           ) -> tuple[list[Sectie], list[Aanbeveling], list[Problem]]:
    """`find=False`: sections only. `announced`: the blocks answer recommendations (a bijlage named so),
    so no paragraph before them needs to speak of aanbevelingen."""
    problems: list[Problem] = []
    recs_at = _recommendation_headings(blocks, announced) if find else {}
    quoted = {} if recs_at or not find else (_quoted_recommendations(blocks) or _advised_recommendations(blocks))
    tables = {} if recs_at or quoted or not find else _table_recommendations(blocks, announced)
    secties: list[Sectie] = []
    recs: list[Aanbeveling] = []
    i = 0
    group_to: str | None = None  # "Aanbevelingen aan de gemeenten": the addressee of the recommendations below
    text_before: list[str] = []
    kop: str | None = None
    nummer: int | None = None
    start_line = blocks[0].line if blocks else 1

    def flush_section() -> None:
        if text_before or kop is not None:
            secties.append(Sectie(nummer, kop, "\n\n".join(text_before), start_line))

    while i < len(blocks):
        b = blocks[i]
        if i in recs_at:
            flush_section()
            text_before, kop, nummer = [], None, None
            num, titel, aanduiding = recs_at[i]
            theme = THEME_JOINED.match(b.text) if aanduiding else None
            if theme and theme.group("des") == aanduiding:  # the theme heading a PDF reader joined to it
                head = b.text[:theme.start("des")].strip()
                numbered_theme = NUMBERED_HEADING.match(head)  # "1. Bewustwording": as the heading alone reads
                secties.append(Sectie(int(numbered_theme.group(1)), numbered_theme.group(2).strip(), "", b.line)
                               if numbered_theme else Sectie(None, head, "", b.line))
                to = GROUP_TO.match(secties[-1].kop or "")
                group_to = " ".join(to.group(1).split()) if to else None
            j = i + 1
            body: list[str] = []
            nxt_num = _next_number(num, aanduiding, recs_at, i)
            last = i == max(recs_at)
            stop = _letter_end(blocks, i + 1 + (not titel), len(blocks)) if last else len(blocks)
            while j < stop and j not in recs_at and not _ends_response(blocks[j], b):
                if nxt_num and _opens_number(blocks, j, i + 1, nxt_num):
                    problems.append(Problem("aanbevelingen", f"paragraph {nxt_num}. below recommendation "
                                            f"{nxt_num - 1} was not read as a recommendation", blocks[j].line))
                    break  # the next recommendation in sequence: never part of this response
                t = blocks[j].text
                if blocks[j].kind == "heading" and RESPONSE_LABEL.match(t) and not RESPONSE_LABEL.match(t).group(1):  # type: ignore[union-attr]
                    j += 1
                    continue
                m = RESPONSE_LABEL.match(t) if blocks[j].kind == "paragraph" and not body else None
                body.append(m.group(1) if m and m.group(1) else t)
                j += 1
            if not titel and body and blocks[i + 1].kind == "paragraph" and (
                    QUOTED.match(body[0]) or _title_below(blocks, i + 1, j)):
                titel = _unquote(body.pop(0))
                label = RESPONSE_LABEL.match(body[0]) if body and _label_only(blocks[i + 2]) else None
                if label:  # "Reactie: ..." under the recommendation: the label is no part of the response
                    body = ([label.group(1)] if label.group(1) else []) + body[1:]
            recs.append(Aanbeveling(num, titel, "\n\n".join(body), b.line, aanduiding, group_to))
            i = j
            start_line = blocks[i].line if i < len(blocks) else b.line
            continue
        if i in tables:
            flush_section()
            text_before, kop, nummer = [], None, None
            recs.extend(r if r.adressaat or not group_to else r._replace(adressaat=group_to) for r in tables[i])
            i += 1
            start_line = blocks[i].line if i < len(blocks) else b.line
            continue
        if i in quoted:
            flush_section()
            text_before, kop, nummer = [], None, None
            num, titel, j, body = quoted[i]
            recs.append(Aanbeveling(num, titel, "\n\n".join(body), b.line, adressaat=group_to))
            i = j
            start_line = blocks[i].line if i < len(blocks) else b.line
            continue
        if b.kind == "heading":
            flush_section()
            m = NUMBERED_HEADING.match(b.text)
            sub = SUBNUMBERED.match(b.text)
            nummer, kop = (int(m.group(1)), m.group(2).strip()) if m else (None, sub.group(1) if sub else b.text)
            to = GROUP_TO.match(b.text)
            group_to = " ".join(to.group(1).split()) if to else None
            text_before = []
            start_line = b.line
        else:
            text_before.append(b.text)
        i += 1
    flush_section()
    if recs:  # a table's header row read as headings ("Aanbeveling" / "Reactie kabinet"): no sections
        secties = [s for s in secties if s.tekst or not s.kop or not TABLE_HEADER_WORD.fullmatch(s.kop)
                   or s.line > recs[0].line]
    _check_count(blocks, recs, problems)
    return secties, recs, problems


def _next_number(num: int, aanduiding: str | None, recs_at: dict[int, tuple[int, str, str | None]], at: int
                 ) -> int | None:
    """The number the recommendation after the one at block `at` would print, when it is plainly numbered
    and no later recommendation prints that number."""
    printed = num if aanduiding is None else int(aanduiding) if aanduiding.isdigit() else None
    if printed is None:
        return None
    later = {v[0] if v[2] is None else v[2] for k, v in recs_at.items() if k > at}
    return None if printed + 1 in later or str(printed + 1) in later else printed + 1


def _opens_number(blocks: list[Block], j: int, first: int, number: int) -> bool:
    """Whether block j, inside the response that starts at block `first`, is a paragraph numbered `number`
    with a paragraph below it, and no item of a list the response holds itself (no other numbered paragraph
    before it in the response, no colon just before it). The paragraph below may be the next number again:
    a title and its response joined into one paragraph (over a page end) leave no paragraph between."""
    m = NUMBERED_PARAGRAPH.match(blocks[j].text) if blocks[j].kind == "paragraph" else None
    if not m or int(m.group(1)) != number or len(blocks[j].text) > 400:
        return False
    if blocks[j - 1].text.rstrip().endswith(":") or any(NUMBERED_PARAGRAPH.match(c.text) for c in blocks[first:j]):
        return False
    below = blocks[j + 1] if j + 1 < len(blocks) else None
    if below is None or below.kind != "paragraph":
        return False
    then = NUMBERED_PARAGRAPH.match(below.text)
    return then is None or int(then.group(1)) == number + 1


TABLE_HEADER_WORD = LazyPattern(
    r"(?:Nr\.?|Nummer|Aanbeveling(?:en)?|Advie(?:s|zen)|(?:Reactie|Standpunt)(?:\s+(?:van\s+)?(?:het\s+)?kabinet)?"
    r"|Kabinetsreactie|Appreciatie|Gericht aan)",
    re.IGNORECASE,
)


def _recommendation_headings(blocks: list[Block], announced: bool = False
                             ) -> dict[int, tuple[int, str, str | None]]:
    """Block index -> (nummer, titel, aanduiding) for the headings that open a recommendation."""
    found = _plain_headings(blocks, announced)
    if found:
        return {i: (n, t, None) for i, (n, t) in found.items()}
    return _designated_headings(blocks, announced)


DESIGNATED = re.compile(
    r"^(?:Aanbeveling\s+)?(\d{1,2}[a-z]|\d{1,2}\.\d{1,2}|[A-H]\.?\d{1,2}|[A-H]|[IVX]{1,5}|\d{1,2})[.):]?\s+(\S.*)$"
)


# a theme heading and its first recommendation read as one line (a PDF reader joins two bold lines with no
# paragraph gap): "A. Vroegsignalering A.1 Deel ..." is recommendation "A.1"; the inner designation extends
# the theme's ("A" -> "A.1", "A1"; "2" -> "2a", "2.1")
THEME_JOINED = LazyPattern(
    r"^(?P<theme>[A-H]|[IVX]{1,5}|\d{1,2})[.)]?\s+\S[^.:;]{0,80}?\s+"
    r"(?P<des>(?P=theme)(?:\.\d{1,2}|[a-z]|(?<=[A-H])\d{1,2}))[.):]?\s+(?P<titel>\S.*)$"
)
COMPOUND = LazyPattern(r"^(?:\d{1,2}[a-z]|\d{1,2}\.\d{1,2}|[A-H]\.?\d{1,2})$")


def _designated_headings(blocks: list[Block], announced: bool = False) -> dict[int, tuple[int, str, str | None]]:
    """Recommendations grouped under themes: designated "2a", "A.3", "II" or numbered anew under each theme
    heading. Each keeps its position in the letter as nummer and its designation as printed. Only in a
    letter that speaks of aanbevelingen before the first one, and only with two or more."""
    out: dict[int, tuple[int, str, str | None]] = {}
    lettered = 0
    first: int | None = None
    for i, b in enumerate(blocks):
        if RESPONSE_LABEL.match(b.text) or len(b.text) > 400:
            continue
        joined = THEME_JOINED.match(b.text) if b.kind == "heading" or b.bold else None
        m = DESIGNATED.match(b.text)
        if m and b.kind != "heading" and not b.bold and not COMPOUND.match(m.group(1)):
            continue  # a plain paragraph opens one only with a compound designation ("1a", "A.3")
        if not m or not (i + 1 < len(blocks) and blocks[i + 1].kind == "paragraph"):
            continue  # a theme heading ("A. Toezicht") with its recommendations below
        aanduiding, titel = (joined.group("des"), joined.group("titel")) if joined else (m.group(1), m.group(2))
        below = DESIGNATED.match(blocks[i + 1].text)
        if below and COMPOUND.match(below.group(1)) and below.group(1).startswith(aanduiding) and not joined:
            continue  # a theme ("A. Scholen") right above its first recommendation ("A.1 Geef ... .")
        if not joined and not COMPOUND.match(aanduiding) and _items_within(blocks, i, aanduiding):
            continue  # a theme with a paragraph of its own before its first recommendation
        lettered += not aanduiding.isdigit()
        first = i if first is None else first
        out[i] = (len(out) + 1, titel.strip().rstrip(":"), aanduiding)
    if len(out) < 2 or first is None:
        return {}
    designations = [v[2] for v in out.values()]
    if not lettered and designations == [str(n) for n in range(1, len(out) + 1)]:
        return {}  # plain 1..n: a numbered list the plain rule declined
    if not lettered and any(d != "1" and int(d or 0) != int(p or 0) + 1 for p, d in pairwise(designations)):
        return {}  # "1" then "5": numbers skipped, not numbered anew under themes (those restart at 1)
    intro = " ".join(b.text for b in blocks[:first] if b.kind == "paragraph")
    if not announced and not re.search(r"aanbeveling", intro, re.IGNORECASE):
        return {}
    return out


def _within(theme: str, designation: str) -> bool:
    """Whether `designation` is designated within `theme`: "1a", "1.2" under "1"; "A.1", "A2" under "A"."""
    t = re.escape(theme)
    return re.match(rf"{t}(?:[a-z]|\.\d)" if theme.isdigit() else rf"{t}\.?\d", designation) is not None


def _items_within(blocks: list[Block], at: int, theme: str) -> bool:
    """Whether items designated within `theme` stand below the block at `at`, before the next heading or
    bold line of the same rank."""
    for b in blocks[at + 1:]:
        m = DESIGNATED.match(b.text)
        if not m:
            continue
        if COMPOUND.match(m.group(1)):
            if _within(theme, m.group(1)):
                return True
        elif b.kind == "heading" or b.bold:
            return False  # the next theme
    return False


def _plain_headings(blocks: list[Block], announced: bool = False) -> dict[int, tuple[int, str]]:
    """Block index -> (nummer, titel) for numbered 1..n or "Aanbeveling N" headings."""
    explicit: dict[int, tuple[int, str]] = {}
    numbered: dict[int, tuple[int, str]] = {}
    for i, b in enumerate(blocks):
        if b.kind != "heading" and not (b.bold and NUMBERED_HEADING.match(b.text) and len(b.text) < 400):
            continue  # a bold numbered paragraph ("**1. Geef iedere gemeente ... .**") opens one too
        m = EXPLICIT.match(b.text)
        if m:
            titel = m.group(2).strip()
            explicit[i] = (int(m.group(1)), titel)
            continue
        n = NUMBERED_HEADING.match(b.text)
        if n:
            numbered[i] = (int(n.group(1)), n.group(2).strip().rstrip(":"))
    if explicit:
        return explicit
    if numbered and _themes_over_designated(blocks, numbered):
        return {}  # "## 1. Bewustwording" over "**1a. Start ...**": themes; the designated rule reads them
    if numbered:
        got = _answered_sequence(blocks, _complete_sequence(blocks, numbered), announced)
        if got:
            return got
    # no numbered headings, or none that are answered recommendations ("1. Bewustwording" over nothing)
    return _answered_sequence(blocks, _numbered_paragraphs(blocks), announced)


def _answered_sequence(blocks: list[Block], numbered: dict[int, tuple[int, str]], announced: bool
                       ) -> dict[int, tuple[int, str]]:
    """`numbered` when it is 1..n, most of them answered by a paragraph below, in a letter that speaks of
    aanbevelingen before the first (or `announced`); else nothing."""
    if not numbered:
        return {}
    nums = [v[0] for v in numbered.values()]
    if nums != list(range(1, len(nums) + 1)):
        return {}
    answered = sum(1 for i in numbered if i + 1 < len(blocks) and blocks[i + 1].kind == "paragraph")
    if answered * 2 < len(numbered):
        return {}  # a bare numbered list: the answers, if any, come later in prose
    intro = " ".join(b.text for b in blocks[:min(numbered)] if b.kind == "paragraph")
    if announced or (RECOMMENDATION_WORDS.search(intro) and re.search(r"aanbeveling", intro, re.IGNORECASE)):
        return numbered
    return {}


def _complete_sequence(blocks: list[Block], numbered: dict[int, tuple[int, str]]) -> dict[int, tuple[int, str]]:
    """Numbered headings with the numbers missing between and after them read from numbered paragraphs.
    In plain text a title on one line without a full stop is read as a heading and a title wrapped over
    two lines as a paragraph ("1. Geef ... zorgverlof" / "2. Schaf ... een" + "arts te overleggen."), so
    the numbers 1..n come half as headings, half as paragraphs. A paragraph counts when it carries the next
    number in sequence and a paragraph of response stands below it; a list inside a response (after a
    colon, or restarting at 1) does not. The headings are kept unless all of them fit one sequence."""
    out: dict[int, tuple[int, str]] = {}
    expected = 1
    inner = False  # inside a response's own numbered list, until the next heading
    for i, b in enumerate(blocks):
        if i in numbered:
            if numbered[i][0] != expected:
                return numbered
            out[i] = numbered[i]
            expected += 1
            inner = False
            continue
        m = NUMBERED_PARAGRAPH.match(b.text) if b.kind == "paragraph" else None
        if b.kind == "heading":
            inner = False
        if not m:
            continue
        if int(m.group(1)) != expected or inner or len(b.text) > 400 or blocks[i - 1].text.rstrip().endswith(":"):
            inner = True
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if nxt is None or nxt.kind != "paragraph" or NUMBERED_PARAGRAPH.match(nxt.text):
            inner = True
            continue
        out[i] = (expected, " ".join(m.group(2).split()).rstrip(":"))
        expected += 1
    return out if len(out) > len(numbered) else numbered


def _themes_over_designated(blocks: list[Block], numbered: dict[int, tuple[int, str]]) -> bool:
    """Whether numbered headings are themes: under each of most of them, before the next, stands a heading
    or bold or plain paragraph designated within it ("## 2. Ondersteuning" / "**2a. Financier ...**",
    "2.1 ...") with a paragraph of its own below."""
    at = sorted(numbered)
    ends = [*at[1:], len(blocks)]
    themed = 0
    for a, e in zip(at, ends, strict=True):
        num = str(numbered[a][0])
        for k in range(a + 1, e - 1):
            m = DESIGNATED.match(blocks[k].text)
            if (m and COMPOUND.match(m.group(1)) and _within(num, m.group(1))
                    and blocks[k + 1].kind == "paragraph" and len(blocks[k].text) <= 400):
                themed += 1
                break
    return themed * 2 > len(at)


NUMBERED_PARAGRAPH = re.compile(r"^(\d{1,2})[.)]\s+(\S.*)$", re.DOTALL)


def _numbered_paragraphs(blocks: list[Block]) -> dict[int, tuple[int, str]]:
    """Numbered paragraphs 1..n, each with a paragraph of response below it before the next: a table
    recommendation | response as pdftotext writes it row by row, or a plain-text letter whose recommendations
    end in a full stop ("1. Geef iedere school een leesplan." / "Ik neem deze aanbeveling over.")."""
    out: dict[int, tuple[int, str]] = {}
    for i, b in enumerate(blocks):
        m = NUMBERED_PARAGRAPH.match(b.text) if b.kind == "paragraph" and len(b.text) <= 300 else None
        if m and int(m.group(1)) == len(out) + 1:
            out[i] = (int(m.group(1)), " ".join(m.group(2).split()))
    if len(out) < 2:
        return {}
    at = sorted(out)
    ends = [*at[1:], len(blocks)]
    answered = all(any(c.kind == "paragraph" and not NUMBERED_PARAGRAPH.match(c.text) for c in blocks[a + 1:e])
                   for a, e in zip(at, ends, strict=True))
    return out if answered else {}


# a paragraph in the sender's voice or about "deze aanbeveling" is a response, not the recommendation
SENDER_VOICE = LazyPattern(r"\b(?:ik|wij|we|het kabinet|de regering|mijn|onze?|deze aanbeveling|dit advies)\b",
                          re.IGNORECASE)


# a paragraph opening with an article, pronoun, preposition or linking word is context of a response, not a
# recommendation (those open with the verb, "Geef ...", or name the adviser, "De raad beveelt aan ...")
CONTEXT_START = LazyPattern(
    r"^(?!(?:De|Het)\s+\S*(?:[Rr]aad|[Cc]ommissie|[Ii]nspectie)\b)(?:De|Het|Een|Dit|Deze|Die|Dat|Er|Hier\w*|Daar\w*|In|"
    r"Op|Voor|Met|Bij|Na|Naar|Om|Over|Zoals|Ook|Wel|Niet|Al|Nu|Als|Omdat|Hoewel|Wanneer|Sinds|Tot|Uit|Vanuit|Zij|"
    r"Ze|Hij|Veel|Alle|Sommige|Beide|Onder|Binnen|Inmiddels|Momenteel|Daarnaast|Bovendien|Verder|Tevens|Mede|"
    r"Vanaf|Sinds|Tijdens|Door|Gelet|Gezien|Mijn|Onze?)\b"
)


def _title_below(blocks: list[Block], at: int, end: int) -> bool:
    """Whether the paragraph under a bare "Aanbeveling 3" heading is the recommendation itself: set in
    bold or italics, or followed by a response label, or a short passage not in the sender's voice with
    the response after it ("Aanbeveling 1" / "Geef huurders recht op isolatie." / "Het kabinet ...")."""
    b = blocks[at]
    nxt = blocks[at + 1] if at + 1 < len(blocks) else None
    if nxt is not None and at + 1 < end and RESPONSE_LABEL.match(nxt.text) and _label_only(nxt):
        return True
    if at + 1 >= end:
        return False  # nothing would be left for the response
    plain = len(b.text) <= 300 and not SENDER_VOICE.search(b.text) and not CONTEXT_START.match(b.text)
    return b.bold or b.italic or plain


def _label_only(b: Block) -> bool:
    """A response label with or without its text after it ("Reactie", "Reactie kabinet: ...")."""
    m = RESPONSE_LABEL.match(b.text)
    return m is not None and (b.kind == "heading" or len(b.text) - len(m.group(1)) <= 30)


def _ordinals(spec: str) -> list[int]:
    """'tweede en derde' -> [2, 3]; '3 tot en met 5' -> [3, 4, 5]."""
    out: list[int] = []
    m = re.fullmatch(r"\s*(\d{1,2})\s+tot\s+en\s+met\s+(\d{1,2})\s*", spec)
    if m:
        return list(range(int(m.group(1)), int(m.group(2)) + 1))
    for word in re.findall(rf"{_ORD}|\d{{1,2}}e?", spec, re.IGNORECASE):
        w = word.lower()
        out.append(ORDINALS[w] if w in ORDINALS else int(w.rstrip("e")))
    return out


def _listing(blocks: list[Block]) -> tuple[list[int], list[tuple[int, str]]] | None:
    """Consecutive blocks 1. .. n. right after a paragraph that speaks of aanbevelingen."""
    for i, b in enumerate(blocks):
        m = LISTED.match(b.text)
        if not m or m.group(1) != "1" or i == 0:
            continue
        if not re.search(r"aanbeveling", blocks[i - 1].text, re.IGNORECASE):
            continue
        at: list[int] = []
        items: list[tuple[int, str]] = []
        j = i
        while j < len(blocks):
            m = LISTED.match(blocks[j].text)
            if not m or int(m.group(1)) != len(items) + 1:
                break
            at.append(j)
            items.append((int(m.group(1)), " ".join(m.group(2).split()).rstrip(";.")))
            j += 1
        if len(items) >= 2:
            return at, items
    return None


def _prose_recommendations(blocks: list[Block]) -> tuple[list[int], list[Aanbeveling], list[Problem]] | None:
    """A listed set of recommendations answered later in running text by ordinal:
    "Ten aanzien van de tweede aanbeveling ...", "Indachtig de vierde aanbeveling ...", "aanbeveling 3"."""
    found = _listing(blocks)
    if found is None:
        return None
    at, items = found
    wanted = {n for n, _ in items}
    passages: dict[int, list[str]] = {n: [] for n in wanted}
    current: list[int] = []
    last_ref = max((k for k in range(at[-1] + 1, len(blocks)) if ORDINAL_REF.search(blocks[k].text[:200])),
                   default=len(blocks))
    for k, b in enumerate(blocks[at[-1] + 1:], at[-1] + 1):
        sentence = b.text.rstrip().endswith(".") and ORDINAL_REF.search(b.text[:200])  # "Aanbeveling 4 neem ik over."
        if (b.kind == "heading" and not sentence) or CLOSING_PARAGRAPH.match(b.text):
            current = []
            continue
        if k > last_ref and _closes_letter(b):  # the closing after the last passage: none of it is a response
            current = []
            continue
        m = ORDINAL_REF.search(b.text[:200])
        if m:
            nums = [n for n in _ordinals(m.group(1) or m.group(2)) if n in wanted]
            if nums:
                current = nums
        for n in current:
            passages[n].append(b.text)
    if not any(passages.values()):
        return None
    recs = [Aanbeveling(n, titel, "\n\n".join(passages[n]), blocks[at[n - 1]].line) for n, titel in items]
    return at, recs, []


def _merge_listing(blocks: list[Block], at: list[int]) -> list[Block]:
    """The listed recommendations as one paragraph of the section around them."""
    listing = Block("paragraph", "\n".join(blocks[i].text for i in at), blocks[at[0]].line)
    return [*blocks[:at[0]], listing, *blocks[at[-1] + 1:]]


def _quoted_recommendations(blocks: list[Block]) -> dict[int, tuple[int, str, int, list[str]]]:
    """A quoted recommendation followed by a "Reactie" paragraph or heading."""
    out: dict[int, tuple[int, str, int, list[str]]] = {}
    n = 0
    i = 0
    while i < len(blocks) - 1:
        b = blocks[i]
        nxt = blocks[i + 1]
        if _cited(b) and RESPONSE_LABEL.match(nxt.text):
            n += 1
            label = RESPONSE_LABEL.match(nxt.text)
            body = [label.group(1)] if label and label.group(1) else []
            j = i + 2
            while j < len(blocks):
                c = blocks[j]
                cited_next = _cited(c) and j + 1 < len(blocks) and RESPONSE_LABEL.match(blocks[j + 1].text)
                if c.kind == "heading" or cited_next:
                    break
                if CLOSING_PARAGRAPH.match(c.text) or (body and _closes_letter(c) and not _cited_later(blocks, j)):
                    break
                body.append(c.text)
                j += 1
            out[i] = (n, _unquote(b.text), j, body)
            i = j
            continue
        i += 1
    return out


TABLE_REC_HEAD = LazyPattern(r"^(?:aanbeveling(?:en)?|advies|adviezen|conclusies? en aanbeveling(?:en)?)\b",
                            re.IGNORECASE)
TABLE_RESP_HEAD = LazyPattern(r"^(?:(?:\w+\s+)?reactie\b|kabinetsreactie|standpunt|appreciatie)", re.IGNORECASE)
TABLE_TO_HEAD = LazyPattern(
    r"^(?:gericht aan|adressaat|geadresseerde|aan wie|voor wie|actor(?:en)?|betrokken partij(?:en)?)\b", re.IGNORECASE)
TABLE_NUM = LazyPattern(
    r"^(?:nr\.?|nummer|#|)$|^\(?[0-9]{1,2}[a-z]?(?:\.[0-9]{1,2})?[.)]?$|^\(?[A-Z]{1,4}(?:\.[0-9]{1,2})?[.)]?$",
    re.IGNORECASE,
)


def _table_recommendations(blocks: list[Block], announced: bool = False) -> dict[int, list[Aanbeveling]]:
    """Tables of recommendation | response, with or without a first column for the number and with or
    without the header row "Aanbeveling | Reactie". A table without that header counts only in a letter
    that speaks of aanbevelingen before it, and only when every row has the same two or three cells."""
    out: dict[int, list[Aanbeveling]] = {}
    n = 0
    spoken = announced
    for i, b in enumerate(blocks):
        if not b.rows:
            spoken = spoken or bool(re.search(r"aanbeveling|adviseert|adviezen", b.text, re.IGNORECASE))
            continue
        rows = [tuple(c.strip() for c in r) for r in b.rows]
        width = len(rows[0])
        addressed = _addressed_table(rows, n, b.line)
        if addressed:
            out[i] = addressed
            n += len(addressed)
            continue
        if width not in (2, 3) or any(len(r) != width for r in rows):
            continue
        head = rows[0]
        has_head = bool(TABLE_REC_HEAD.match(head[-2]) and TABLE_RESP_HEAD.match(head[-1]))
        numbered = width == 3 and all(TABLE_NUM.match(r[0]) for r in rows[1 if has_head else 0:])
        if width == 3 and not numbered:
            continue
        if not has_head and (not spoken or any(len(r[-2]) < 15 for r in rows)):
            continue
        recs: list[Aanbeveling] = []
        for k, r in enumerate(rows[1:] if has_head else rows):
            if not r[-2]:
                continue
            n += 1
            recs.append(Aanbeveling(n, r[-2], r[-1], b.line + k + (1 if has_head else 0)))
        if recs:
            out[i] = recs
    return out


def _addressed_table(rows: list[tuple[str, ...]], before: int, line: int) -> list[Aanbeveling]:
    """A table with a header row that names, beside "Aanbeveling" and "Reactie", whom each recommendation
    is addressed to ("Nr. | Aanbeveling | Gericht aan | Reactie kabinet"): its rows with their adressaat."""
    head = rows[0]
    to_col = next((k for k, c in enumerate(head) if TABLE_TO_HEAD.match(c)), None)
    if to_col is None or len(head) not in (3, 4) or any(len(r) != len(head) for r in rows):
        return []
    cols = [k for k in range(len(head)) if k != to_col]
    rec_c, resp_c = cols[-2], cols[-1]
    if not (TABLE_REC_HEAD.match(head[rec_c]) and TABLE_RESP_HEAD.match(head[resp_c])):
        return []
    if len(cols) == 3 and not all(TABLE_NUM.match(r[cols[0]]) for r in rows[1:]):
        return []
    recs: list[Aanbeveling] = []
    for k, r in enumerate(rows[1:]):
        if r[rec_c]:
            recs.append(Aanbeveling(before + len(recs) + 1, r[rec_c], r[resp_c], line + k + 1,
                                    adressaat=" ".join(r[to_col].split()) or None))
    return recs


# a heading that groups recommendations by addressee: "Aanbevelingen aan de gemeenten", "Gericht aan de sector"
GROUP_TO = LazyPattern(
    r"^(?:(?:\d{1,2}|[A-H]|[IVX]{1,5})[.)]?\s+)?(?:(?:Aanbeveling(?:en)?|Advie(?:s|zen))\s+(?:gericht\s+)?aan|"
    r"Gericht\s+aan)\s+(?!mij\b|ons\b|hen\b)([^.;:?!]{2,80})$",
    re.IGNORECASE,
)


ADVISES = LazyPattern(
    r"^(?:De|Het)\s+(?:[\w-]*[Rr]aad|[Cc]ommissie|[Oo]mbudsman|[Ii]nspectie|[Rr]ekenkamer|[Aa]dviescollege)\b"
    r"[^.;:]{0,80}?\b(?:beveelt|adviseert|raadt)\b"
)


def _advised_recommendations(blocks: list[Block]) -> dict[int, tuple[int, str, int, list[str]]]:
    """Unnumbered "De Raad beveelt aan om ..." / "De commissie adviseert ..." paragraphs, each followed by
    the response, which runs to the next such paragraph, a heading or the closing. Two or more, each
    answered, or none: one such sentence in a letter is context, not a list of recommendations."""
    at = [i for i, b in enumerate(blocks) if b.kind == "paragraph" and ADVISES.match(b.text)]
    out: dict[int, tuple[int, str, int, list[str]]] = {}
    for k, i in enumerate(at):
        end = at[k + 1] if k + 1 < len(at) else _letter_end(blocks, i + 1, len(blocks))
        body: list[str] = []
        j = i + 1
        while j < end and blocks[j].kind == "paragraph" and not CLOSING_PARAGRAPH.match(blocks[j].text):
            body.append(blocks[j].text)
            j += 1
        out[i] = (k + 1, blocks[i].text, j, body)
    if len(out) < 2 or sum(1 for v in out.values() if v[3]) * 2 < len(out):
        return {}
    return out


def _cited_later(blocks: list[Block], j: int) -> bool:
    """Whether a cited recommendation with its response label follows block j."""
    return any(_cited(blocks[k]) and RESPONSE_LABEL.match(blocks[k + 1].text) for k in range(j + 1, len(blocks) - 1))


def _cited(b: Block) -> bool:
    """A recommendation as the letter cites it: between quotes, in italics or in bold (a paragraph, or a
    heading that is no response label of its own)."""
    if b.kind == "paragraph":
        return b.text[:1] in "\"“„‘'«" or b.italic or b.bold
    return b.kind == "heading" and not b.level and (b.bold or b.italic) and not RESPONSE_LABEL.match(b.text)


def _closes_letter(b: Block) -> bool:
    """Whether a paragraph after the last recommendation's response is the letter's closing: a closing word
    ("Tot slot", "Ten slotte", "Afsluitend"), thanks, a closing formula, or one or two sentences that tell
    the Kamer about the whole ("Ik zal uw Kamer in 2027 informeren over de voortgang."); never a paragraph
    that speaks of the recommendation itself ("Tot slot merk ik over deze aanbeveling op ...")."""
    t = b.text
    if b.kind != "paragraph" or b.rows or ONE_RECOMMENDATION.search(t) or ORDINAL_REF.search(t):
        return False
    if CLOSING_PARAGRAPH.match(t) or CLOSING_OPENER.match(t):
        return True
    return len(sentences(t)) <= 2 and bool(KAMER.search(t) and INFORMS.search(t) and WHOLE.search(t))


def _letter_end(blocks: list[Block], first: int, end: int) -> int:
    """Where the last recommendation's response, blocks[first:end], ends: at the first closing paragraph
    (`_closes_letter`) after its first paragraph, or at `end`."""
    return next((k for k in range(first + 1, end) if _closes_letter(blocks[k])), end)


def _ends_response(b: Block, opener: Block) -> bool:
    if CLOSING_PARAGRAPH.match(b.text):
        return True
    if b.kind != "heading" or RESPONSE_LABEL.match(b.text):
        return False
    if opener.level and b.level:
        return b.level <= opener.level
    return True


def _unquote(text: str) -> str:
    m = QUOTED.match(text.strip())
    return (m.group(1) if m else text).strip().strip("\"“”„‘’'«»").strip()


def _check_count(blocks: list[Block], recs: list[Aanbeveling], problems: list[Problem]) -> None:
    """Warn when the letter announces a number of aanbevelingen and another number is found."""
    if not recs:
        return
    for b in blocks:
        if b.kind != "paragraph":
            continue
        m = COUNT.search(b.text)
        if not m:
            continue
        word = m.group(1).lower()
        announced = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
        if announced and announced != len(recs) and announced > 1:
            problems.append(Problem(
                "aanbevelingen",
                f"the letter announces {announced} aanbevelingen but {len(recs)} were found",
                b.line,
            ))
        return
