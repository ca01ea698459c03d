"""Adressaat: to whom a recommendation is addressed, where the response says so, and what that does to the stance.

Recognised in the response, in a sentence about the recommendation ("deze aanbeveling", "het advies",
or a pronoun standing for it):
    Deze aanbeveling is gericht aan de gemeenten.                      -> "de gemeenten"
    De aanbeveling richt zich tot de Nederlandse Zorgautoriteit.        -> "de Nederlandse Zorgautoriteit"
    Deze aanbeveling is primair aan gemeenten en provincies gericht.    -> "gemeenten en provincies"
    Deze aanbeveling is niet aan het kabinet gericht, maar aan de sector. -> "de sector"
    De raad richt deze aanbeveling aan de toezichthouders.              -> "de toezichthouders"
    Dit advies is bestemd voor de zorgverzekeraars.                     -> "de zorgverzekeraars"
The addressee is kept as printed (article included); nothing is made up: a pronoun ("aan mij", "aan
hen") or a phrase that runs on past a clause gives none. Where the response says nothing, the addressee a
group heading ("Aanbevelingen aan de gemeenten") or a table column ("Gericht aan") gives is used.

A recommendation addressed to others has no stance of the sender's own unless the response states one:
`settle` turns a stance whose deciding sentence is not in the sender's voice ("Gemeenten nemen deze
aanbeveling over.") into `onbepaald`, quoting the sentence that names the addressee (also where no
sentence decided anything). A stance the sender
takes ("Ik onderschrijf deze aanbeveling ...") stands, and so does any stance on a recommendation
addressed to the government itself ("is gericht aan het kabinet").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..lexicon import LazyPattern
from ..stance import ONBEPAALD, Stance, sentences

# the words of an addressee, not past a clause boundary (a comma before "en" or a capital continues a name:
# "de minister van Volksgezondheid, Welzijn en Sport")
_NP = r"(?P<np>[^.;:()!?]{2,120}?)"
_END = (r"(?=\s*(?:[.;:()!?]|,(?!\s*(?:en\b|[A-Z]))|$|\s+(?:om|die|dat|omdat|zodat|waarbij|maar|want|dus|te"
        r"|en\s+(?:niet|ik|het kabinet|wij|we)|in het kader|met het oog)\b))")
ADDRESSED = (
    # "is (primair) gericht aan X", "richt zich (vooral) tot X", "is bestemd voor X", "geadresseerd aan X"
    LazyPattern(rf"\b(?:is|zijn|wordt|worden)\s+(?:[a-z]+\s+){{0,4}}?(?:gericht|geadresseerd)\s+(?:aan|tot)\s+{_NP}{_END}",
               re.IGNORECASE),
    LazyPattern(rf"\b(?:richt|richten)\s+zich\s+(?:[a-z]+\s+){{0,4}}?(?:tot|aan)\s+{_NP}{_END}", re.IGNORECASE),
    LazyPattern(rf"\b(?:is|zijn)\s+(?:[a-z]+\s+){{0,3}}?bestemd\s+voor\s+{_NP}{_END}", re.IGNORECASE),
    # "is (primair) aan X gericht"
    LazyPattern(r"\b(?:is|zijn|wordt|worden)\s+(?:[a-z]+\s+){0,4}?aan\s+(?P<np>[^.;:,()!?]{2,80}?)\s+gericht\b",
               re.IGNORECASE),
    # "De raad richt deze aanbeveling (vooral) aan X"
    LazyPattern(rf"\b(?:richt|richten|doet|doen)\s+(?:deze|de|die|dit|het|haar|zijn)\s+(?:aanbeveling(?:en)?|advies)\s+"
               rf"(?:[a-z]+\s+){{0,3}}?(?:aan|tot)\s+{_NP}{_END}", re.IGNORECASE),
)
# "..., maar aan de sector" after a negated addressee
BUT_TO = LazyPattern(rf"\bmaar\s+(?:wel\s+|vooral\s+|primair\s+)?(?:aan|tot)\s+{_NP}{_END}", re.IGNORECASE)
# the sentence is about the recommendation: it names it, or opens with a pronoun standing for it
ABOUT = LazyPattern(r"\b(?:aanbeveling(?:en)?|advie(?:s|zen)|voorstel(?:len)?)\b|^(?:Deze|Die|Dit|Zij|Ze)\s",
                   re.IGNORECASE)
NEGATED = LazyPattern(r"\bniet\b(?!\s+(?:alleen|uitsluitend|enkel)\b)", re.IGNORECASE)
PRONOUN = LazyPattern(r"^(?:mij|mijzelf|ons|hen|hun|haar|hem|u|jullie|hun\s+\w+|zichzelf|iedereen|anderen)$",
                     re.IGNORECASE)
# the government itself: a recommendation addressed to it keeps the stance the response gives
OWN = LazyPattern(
    r"\b(?:kabinet|regering|rijksoverheid|het rijk|minister\w*|staatssecretaris\w*|ministerie\w*|mij|ons)\b",
    re.IGNORECASE)
# the sender speaking: a decision of its own
SENDER = LazyPattern(r"\b(?:ik|wij|we|het kabinet|de regering|mijn ministerie)\b", re.IGNORECASE)
MAX_WORDS = 14


class Adressaat(NamedTuple):
    naam: str  # as printed: "de gemeenten", "de Nederlandse Zorgautoriteit"
    zin: str | None  # the response's sentence that says so, verbatim (None: a heading or table column says it)
    eigen: bool  # addressed to the government itself (or to it among others)


def find(reactie: str, given: str | None = None) -> Adressaat | None:
    """The addressee the response names for its recommendation; else `given`, the one a group heading or a
    table column names ("Aanbevelingen aan de gemeenten", "Gericht aan"); else None."""
    for s in sentences(reactie):
        if "richt" not in s and "bestemd" not in s and "geadresseerd" not in s:
            continue
        for rx in ADDRESSED:
            for m in rx.finditer(s):
                before = s[max(0, m.start("np") - 200):m.start("np")]  # the clause before, never all the text
                if not ABOUT.search(before):
                    continue
                naam = _clean(m.group("np"))
                if NEGATED.search(before.rsplit(",", 1)[-1][-40:]):  # "niet aan het kabinet gericht, maar aan ..."
                    alt = BUT_TO.search(s, m.end("np"))
                    naam = _clean(alt.group("np")) if alt else None
                if naam:
                    return Adressaat(naam, s, bool(OWN.search(naam)))
    naam = _clean(given) if given else None
    return Adressaat(naam, None, bool(OWN.search(naam))) if naam else None


def settle(stance: Stance, found: Adressaat | None) -> Stance:
    """The stance once the addressee is known: `onbepaald` for a recommendation addressed to others whose
    deciding sentence is not the sender's own decision; otherwise the stance as it was."""
    if found is None or found.eigen:
        return stance
    if stance.standpunt == ONBEPAALD:
        # already undecided: the sentence naming the addressee is its reason, where the response has one
        return stance._replace(citaat=found.zin) if found.zin else stance
    if stance.standpunt != ONBEPAALD and stance.citaat and SENDER.search(stance.citaat):
        return stance
    return Stance(ONBEPAALD, found.zin or stance.citaat, 0.8, stance.reeds_in_gang)


def _clean(np: str) -> str | None:
    """The addressee as printed, or None when it is a pronoun or runs on too long to be a name."""
    text = " ".join(np.split()).strip(" ,'\"“”")
    text = re.sub(r"^(?:met name|vooral|primair|in de eerste plaats|onder meer)\s+", "", text, flags=re.IGNORECASE)
    if not text or PRONOUN.match(text) or len(text.split()) > MAX_WORDS:
        return None
    return text
