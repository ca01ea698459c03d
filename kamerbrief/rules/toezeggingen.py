"""Commitments (toezeggingen): sentences in which the sender commits to a future act, with the deadline.

Recognises a sender as subject with a future act:
    Ik zal uw Kamer voor de zomer informeren over ...      Nederland zal de komende tijd bekijken of ...
    Het kabinet stuurt u in het najaar de evaluatie ...    Voor 1 juli ontvangt uw Kamer ...
    Ik kom hier in het najaar van 2024 op terug.           Beantwoording zal zo spoedig mogelijk plaatsvinden.
    Uw Kamer wordt voor de zomer geïnformeerd ...          ... waarover ik uw Kamer dit najaar zal berichten.
    ... en zal de Kamer in het derde kwartaal worden geïnformeerd.
    De regeling wordt in 2025 afgerond.  (PLANNED: a future passive of government work, deadline ahead)
and the deadline phrase as written (`termijn`), resolved to a date (`uiterlijk`) where the phrase fixes
one, against the letter's datum. The rules (README "Deadlines"):
    voor de zomer / voor het zomerreces          -> 1 July
    in het voorjaar                               -> 30 June     in de zomer -> 31 August
    in het najaar / dit najaar                    -> 31 December     dit voorjaar -> 30 June
    in de eerste / tweede helft van 2023          -> 30 June / 31 December 2023
    op 1 juni, uiterlijk op 1 juni                -> that date
    voor het einde van het jaar / eind dit jaar   -> 31 December
    voor 1 juli [2024]                            -> that date
    in september [2024]                           -> the last day of that month
    in het eerste kwartaal [van 2025] / Q1 2025   -> the last day of the quarter
    in Q4                                         -> the end of the next Q4 on or after the datum
    dit jaar -> 31 December; volgend jaar -> 31 December of the next year
A phrase without a year takes the letter's year, or the next year when that date has passed at the
letter's datum. "binnenkort", "de komende tijd", "zo spoedig mogelijk" keep `uiterlijk` null.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple

from ..lexicon import FOLDS, KAMER_WORD, MONTH_NAMES, MONTHS, LazyPattern
from ..stance import sentences

_MONTH = MONTH_NAMES
SUBJECT = r"(?:ik|wij|we|het kabinet|de regering|Nederland|mijn ministerie|het ministerie)"
# the Kamer as addressee or object: "u", "uw Kamer", "de Kamer", "de Tweede Kamer"
KAMER = rf"(?:u|uw\s+Kamer|de\s+(?:{KAMER_WORD}\s+)?Kamer)"
# verbs of informing and sending the Kamer, as infinitive
INFORM_INF = r"(?:informeren|berichten|inlichten|rapporteren|sturen|toesturen|zenden|toezenden)"
# the Kamer informed, passive: "geïnformeerd", "ingelicht", "op de hoogte gesteld/gehouden"
INFORMED = r"(?:ge[iï]nformeerd|ingelicht|bericht|op\s+de\s+hoogte\s+(?:gesteld|gehouden))"
COMMIT = LazyPattern(
    rf"(?:\b(?:{SUBJECT})\s+(?:zal|zullen|ga|gaat|gaan|kom|komt|komen)\b"
    rf"|\b(?:zal|zullen|ga|gaat|gaan|kom|komt)\s+(?:{SUBJECT})\b"
    rf"|\b(?:ontvangt|ontvangen)\s+(?:u|uw Kamer|de Kamer)\b"
    rf"|\b(?:stuur|zend|informeer|bericht)\s+(?:ik|wij|we|het kabinet)\s+(?:u|uw Kamer|de Kamer)\b"
    # verb before its subject: "Over de uitkomst wordt uw Kamer ... geïnformeerd", "... en zal de Kamer ... worden
    # geïnformeerd"
    rf"|\b(?:zal|wordt|worden)\s+{KAMER}\s+[^.;?]{{0,80}}\b{INFORMED}\b"
    # the Kamer as subject of a passive: "De Kamer zal in het voorjaar worden geïnformeerd", "Uw Kamer wordt
    # voor de zomer geïnformeerd" (never "is/werd geïnformeerd": the past is not a commitment)
    rf"|\b(?:uw|de)\s+(?:{KAMER_WORD}\s+)?Kamer\s+(?:zal|wordt)\b[^.;?]{{0,80}}\b{INFORMED}\b"
    # the Kamer as object before the verb: "waarover ik uw Kamer dit najaar zal berichten"
    rf"|\b(?:ik|wij|we|het kabinet)\s+{KAMER}\b[^.;?]{{0,80}}\b(?:zal|zullen)\s+{INFORM_INF}\b"
    # another member of the cabinet: "De staatssecretaris zal uw Kamer voor de zomer informeren"
    rf"|\b(?:zal|zullen)\s+{KAMER}\b[^.;?]{{0,80}}\b{INFORM_INF}\b"
    rf"|\bzal\b[^.]{{0,60}}\b(?:plaatsvinden|worden\s+(?:gezonden|toegezonden|verstuurd|gestuurd))\b"
    rf"|\b(?:aan|naar)\s+(?:u|uw Kamer|de Kamer)\s+(?:wordt|worden)\s+(?:gezonden|toegezonden|gestuurd|verstuurd)\b"
    rf"|\bkunt u\b[^.]{{0,60}}\btegemoet\s+zien\b"
    rf"|\b(?:u|uw Kamer|de Kamer)\b[^.]{{0,80}}\b(?:te\s+(?:doen\s+)?toekomen|toe\s+te\s+(?:zenden|sturen)|te\s+informeren)\b)",
    re.IGNORECASE,
)
# "ik stuur u ... voor de zomer": a sender sends or informs, with a time word later in the same sentence
# (before its first full stop). Not part of COMMIT: a pattern scanning to the full stop from every
# "ik stuur u" would read a long run of them again and again; sends() reads each stretch once.
SENDS = LazyPattern(
    rf"\b(?:{SUBJECT})\s+(?:stuur|stuurt|sturen|informeer|informeert|informeren|zend|zendt|bericht|bericht)"
    r"\s+(?:u|uw Kamer|de Kamer)\b",
    re.IGNORECASE,
)
TIME_WORD = LazyPattern(r"\b(?:voor|in|na|begin|eind|uiterlijk|binnen|dit|volgend)\b", re.IGNORECASE)


def sends(s: str) -> bool:
    """Whether a SENDS phrase has a TIME_WORD after it, before the next full stop."""
    searched_to = -1  # TIME_WORD is known to be absent from the end of the last phrase up to here
    for m in SENDS.finditer(s):
        if m.end() < searched_to:
            continue  # a later phrase before the same full stop: nothing new to find
        stop = s.find(".", m.end())
        stop = len(s) if stop < 0 else stop
        if TIME_WORD.search(s, m.end(), stop):
            return True
        searched_to = stop
    return False


# A planned act in the future passive, with a deadline: "De regeling wordt in 2024 afgerond", "De convenanten
# zullen op 1 juni ondertekend worden". The participles are the acts that finish or deliver a piece of
# government work; a habitual present ("de kosten worden in mei gedeclareerd") names none of them.
# Counted only with a TERMIJN that has not passed at the letter's datum, and without another agent
# ("door de gemeenten").
PLANNED = LazyPattern(
    r"\b(?:zal|zullen|wordt|worden)\b[^.;?]{0,80}\b(?:afgerond|voltooid|opgeleverd|gepubliceerd|ondertekend|"
    r"uitgevoerd|ge[eë]valueerd|vastgesteld|gestart|ingediend|aangeboden|gepresenteerd|voorgelegd|verzonden|"
    r"(?:toe)?gezonden|(?:toe)?gestuurd|verstuurd|genomen|in\s+consultatie\s+(?:worden\s+)?gebracht|"
    r"opgesteld|uitgewerkt|ingevoerd|herzien|aangepast|bekendgemaakt|openbaar\s+gemaakt|opengesteld)\b",
    re.IGNORECASE,
)
OTHER_AGENT = LazyPattern(
    r"\bdoor\s+(?!(?:mij|ons|mijn|onze|middel|het\s+kabinet|de\s+regering|het\s+ministerie|de\s+minister|"
    r"de\s+staatssecretaris)\b)\w"
    # a forecast is no commitment: "naar verwachting worden in 2025 ... opgeleverd"
    r"|\b(?:naar\s+verwachting|verwacht|verwachten|wellicht|waarschijnlijk|mogelijkerwijs)\b",
    re.IGNORECASE,
)

# Every match of COMMIT, SENDS and PLANNED holds one of these verbs as a whole word (keep them in step when
# an alternative is added; tests/test_toezeggingen.py checks the samples and the corpus both ways). Most
# sentences hold none: they are passed over after one search of their lowercased text, which is several
# times cheaper than the case-insensitive patterns.
TRIGGER_WORDS = (
    "zal", "zullen", "ga", "gaat", "gaan", "kom", "komt", "komen", "ontvangt", "ontvangen", "stuur", "stuurt",
    "sturen", "zend", "zendt", "zenden", "informeer", "informeert", "informeren", "bericht", "wordt", "worden",
    "kunt", "toekomen",
)
# on str.lower() of the sentence; "(?<!\w)" is the "\b" before a word (each starts with a letter), written so that
# the regular expression engine can skip ahead to the letters a trigger word starts with: twice as fast
_TRIGGER = re.compile(rf"(?<!\w)(?:{'|'.join(TRIGGER_WORDS)})\b")

# past or conditional forms are no commitment
NOT_A_COMMITMENT = LazyPattern(
    # a promise reported as made before: "heb ik toegezegd", "is aan de commissie toegezegd dat ..."
    r"\b(?:zou|zouden|had|hadden|heb|heeft|hebben|is|werd)\b[^.]{0,30}\b(?:toegezegd|gezegd)\b"
    r"|\bals\b.{0,40}\bzal\b|\b(?:indien|mits|tenzij)\b|^Mocht\b"
    # the letter announcing its own structure: "Ik ga achtereenvolgens in op ...", "hieronder ga ik in op"
    r"|\b(?:ga|gaat|gaan|zal|zullen)\b[^.]{0,50}\bin\s+op\b|\b(?:hieronder|hierna|in deze brief)\b"
    # what this letter itself does: "Met deze brief informeer ik uw Kamer", "Hierbij stuur ik u"
    r"|\b(?:met|bij)\s+(?:deze|dit)\s+(?:brief|schrijven)\b|^(?:Hierbij|Hiermee)\b",
    re.IGNORECASE,
)

TERMIJN = LazyPattern(
    rf"\b(?:"
    rf"(?:nog\s+)?voor\s+(?:(?:de\s+zomer|het\s+(?:zomer|kerst|herfst|voorjaars)reces)(?:\s+van\s+\d{{4}})?|het\s+einde?\s+van\s+(?:het|dit)\s+jaar|de\s+jaarwisseling|\d{{1,2}}\s+(?:{_MONTH})(?:\s+\d{{4}})?|(?:{_MONTH})(?:\s+\d{{4}})?)"
    rf"|(?:in|na)\s+het\s+(?:voorjaar|najaar)(?:\s+van\s+\d{{4}})?"
    rf"|in\s+de\s+zomer(?:\s+van\s+\d{{4}})?|na\s+de\s+zomer(?:\s+van\s+\d{{4}})?"
    rf"|(?:in|voor|na)\s+(?:het\s+)?(?:eerste|tweede|derde|vierde)\s+kwartaal(?:\s+van\s+\d{{4}})?|Q[1-4]\s+\d{{4}}"
    # "in Q1" without a year (a year after it is the alternative above): the next Q1 from the letter's datum
    rf"|in\s+Q[1-4](?:\s+van\s+\d{{4}})?\b(?!\s*\d)"
    rf"|(?:in|begin|eind|medio|uiterlijk|voor)\s+(?:{_MONTH})(?:\s+\d{{4}})?"
    rf"|uiterlijk\s+\d{{1,2}}\s+(?:{_MONTH})(?:\s+\d{{4}})?"
    rf"|(?:op|uiterlijk\s+op)\s+\d{{1,2}}\s+(?:{_MONTH})(?:\s+\d{{4}})?"
    rf"|(?:dit|volgend)\s+(?:voor|na)jaar"
    rf"|(?:in\s+)?de\s+(?:eerste|tweede)\s+helft\s+van\s+(?:\d{{4}}|dit\s+jaar|volgend\s+jaar)"
    rf"|eind\s+(?:dit|volgend)\s+jaar|(?:in\s+de\s+loop\s+van\s+)?(?:dit|volgend)\s+jaar"
    rf"|(?:begin|eind|medio)\s+\d{{4}}|in\s+\d{{4}}"
    rf"|binnenkort|(?:de\s+)?komende\s+(?:tijd|periode|maanden|weken)|zo\s+spoedig\s+mogelijk|op\s+korte\s+termijn"
    rf"|na\s+het\s+(?:zomer|kerst)reces|voor\s+de\s+begrotingsbehandeling"
    rf")",
    re.IGNORECASE,
)
QUARTER_END = {"eerste": (3, 31), "tweede": (6, 30), "derde": (9, 30), "vierde": (12, 31)}


class Toezegging(NamedTuple):
    tekst: str
    termijn: str | None
    uiterlijk: str | None


def find(text: str, datum: str | None, prefilter: bool = True,
         memo: dict[str, Toezegging | None] | None = None) -> list[Toezegging]:
    """The commitments in a passage, in order. `prefilter=False` runs every pattern on every sentence (the
    slow path, kept to check that the trigger words change nothing). `memo` keeps each sentence's verdict
    for later passages with the same `datum` (a letter's responses also stand in its sections): a sentence
    read once is not read again."""
    out: list[Toezegging] = []
    filtered = prefilter and not any(c in text for c in FOLDS)  # a FOLDS character: every sentence read whole
    for s in sentences(text):
        if memo is not None and s in memo:
            found = memo[s]
        else:
            found = _commitment(s, datum, filtered)
            if memo is not None:
                memo[s] = found
        if found is not None:
            out.append(found)
    return out


def _commitment(s: str, datum: str | None, filtered: bool) -> Toezegging | None:
    """The sentence as a commitment, or None (`filtered`: passed over at once without a trigger word)."""
    if filtered and _TRIGGER.search(s.lower()) is None:
        return None  # no verb that COMMIT, SENDS or PLANNED needs
    if s.rstrip().endswith("?"):
        return None
    # the exclusion last: most sentences with a trigger word commit to nothing, and it is the costliest
    commits = bool(COMMIT.search(s) or sends(s))
    if (not commits and not PLANNED.search(s)) or NOT_A_COMMITMENT.search(s):
        return None
    m = TERMIJN.search(s)
    termijn = m.group(0) if m else None
    uiterlijk = resolve(termijn, datum) if termijn else None
    if not commits and not _planned(s, termijn, uiterlijk, datum):
        return None
    return Toezegging(s, termijn, uiterlijk)


def _planned(s: str, termijn: str | None, uiterlijk: str | None, datum: str | None) -> bool:
    """A PLANNED passive counts with a deadline still ahead (by the letter's datum), no other agent, no forecast."""
    if termijn is None or OTHER_AGENT.search(s):
        return False
    return uiterlijk is None or datum is None or uiterlijk >= datum


def _year(phrase: str) -> int | None:
    m = re.search(r"\b(\d{4})\b", phrase)
    return int(m.group(1)) if m else None


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def resolve(termijn: str, datum: str | None) -> str | None:
    """The latest date a deadline phrase allows, or None where the phrase fixes none."""
    if not datum:
        return None
    try:
        letter = dt.date.fromisoformat(datum)
    except ValueError:
        return None
    p = termijn.lower()
    explicit = _year(p)
    year = explicit or letter.year

    def roll(d: dt.date) -> dt.date:
        # "voor de zomer" in a letter of October means next summer
        if explicit is None and d < letter:
            return d.replace(year=d.year + 1)
        return d

    m = re.search(r"(eerste|tweede) helft van (?:(\d{4})|(dit|volgend) jaar)", p)
    if m:
        half_year = int(m.group(2)) if m.group(2) else letter.year + (m.group(3) == "volgend")
        return dt.date(half_year, *((6, 30) if m.group(1) == "eerste" else (12, 31))).isoformat()
    m = re.search(r"^(dit|volgend) (voor|na)jaar$", p)
    if m:
        season_year = letter.year + (m.group(1) == "volgend")
        return dt.date(season_year, *((6, 30) if m.group(2) == "voor" else (12, 31))).isoformat()
    if re.search(r"zomer\s*reces|voor de zomer", p):
        return roll(dt.date(year, 7, 1)).isoformat()
    if "in de zomer" in p:
        return roll(dt.date(year, 8, 31)).isoformat()
    if "voorjaar" in p and p.startswith("in"):
        return roll(dt.date(year, 6, 30)).isoformat()
    if "najaar" in p and p.startswith("in"):
        return roll(dt.date(year, 12, 31)).isoformat()
    if re.search(r"einde? van (?:het|dit) jaar|jaarwisseling|eind dit jaar|^dit jaar|in de loop van dit jaar", p):
        return dt.date(letter.year, 12, 31).isoformat()
    if re.search(r"volgend jaar", p):
        return dt.date(letter.year + 1, 12, 31).isoformat()
    q = re.search(r"(eerste|tweede|derde|vierde) kwartaal", p) or re.search(r"q([1-4])", p)
    if q and not p.startswith("na"):
        key = q.group(1)
        month, day = QUARTER_END[key] if key in QUARTER_END else QUARTER_END[
            ["eerste", "tweede", "derde", "vierde"][int(key) - 1]]
        return roll(dt.date(year, month, day)).isoformat()
    m = re.search(rf"(?:voor|uiterlijk(?:\s+op)?|^op)\s+(\d{{1,2}})\s+({_MONTH})", p)
    if m:
        try:
            return roll(dt.date(year, MONTHS[m.group(2)], int(m.group(1)))).isoformat()
        except ValueError:
            return None
    m = re.search(rf"(?:in|eind|uiterlijk|voor)\s+({_MONTH})\b", p)
    if m:
        month = MONTHS[m.group(1)]
        if p.startswith("voor"):
            d = dt.date(year, month, 1)
            return roll(d).isoformat()
        return roll(_last_day(year, month)).isoformat()
    m = re.search(r"^(?:eind|in)\s+(\d{4})$", p)
    if m:
        return dt.date(int(m.group(1)), 12, 31).isoformat()
    return None
