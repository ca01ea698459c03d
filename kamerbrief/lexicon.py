"""Dutch language knowledge the rules share: months, labels, titles, ministries, number words.

Everything a rule needs to know about how Kamerbrieven are written lives here as data, so a
new label variant or title is one line in this file and no regex elsewhere has to change.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any


class LazyPattern:
    """A regular expression compiled when first used, with the methods of `re.Pattern` the rules call.

    Compiling is most of a cold start (the rules hold hundreds of patterns, each parsed by `re` in Python
    at import). A pattern that only some letters need, such as one behind a keyword test, waits for them.
    Once compiled, the compiled pattern's own methods stand in the instance's namespace, in front of the
    class's: a call after the first costs what a call on the `re.Pattern` costs (the rules run some of these
    on every line), not a Python call in between.
    """

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "split", "sub")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        return self._compiled or self._compile()

    def _compile(self) -> re.Pattern[str]:
        compiled = self._compiled = re.compile(self._source, self._flags)
        # instance attributes shadow the class's methods below (functions are non-data descriptors)
        self.__dict__.update({name: getattr(compiled, name) for name in self._METHODS})
        return compiled

    @property
    def pattern(self) -> str:
        return self._source

    @property
    def flags(self) -> int:
        return self.compiled.flags

    # used until the first call compiles the pattern (see _compile)
    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return (self._compiled or self._compile()).search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return (self._compiled or self._compile()).match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return (self._compiled or self._compile()).fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return (self._compiled or self._compile()).finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return (self._compiled or self._compile()).findall(string, pos, endpos)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return (self._compiled or self._compile()).split(string, maxsplit)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return (self._compiled or self._compile()).sub(repl, string, count)


MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    # abbreviations seen in older letters and colophons
    "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}
# Characters that IGNORECASE matches to an ASCII letter but str.lower() does not turn into that one letter
# (dotted and dotless i, long s): a text holding one is read without a filter on its lowercased words
# (tests/test_rule_prefilters.py checks that these are all such characters).
FOLDS = "\u0130\u0131\u017f"

# the twelve names in full, in calendar order, as an alternation ("januari|februari|...")
MONTH_NAMES = "|".join(name for name, _ in sorted(((m, n) for m, n in MONTHS.items() if len(m) > 4
                                                    or m in ("mei", "juni", "juli")), key=lambda mn: mn[1]))

# Colophon labels, by the record field they fill. The first match wins, so longer labels first.
LABELS: dict[str, tuple[str, ...]] = {
    "uw_kenmerk": ("Uw kenmerk", "Uw referentie", "Uw brief (kenmerk)", "Uw brief van", "Uw brief"),
    "kenmerk": ("Ons kenmerk", "Onze referentie", "Ons nummer", "Kenmerk", "Referentie"),
    "datum": ("Datum",),
    "onderwerp": ("Betreft", "Onderwerp"),
    "bijlagen": ("Bijlage(n)", "Bijlagen", "Bijlage"),
}

# Labels of the colophon that carry nothing for the record but are page furniture when repeated.
OTHER_LABELS: tuple[str, ...] = (
    "Contactpersoon", "Inlichtingen", "Behandeld door", "Doorkiesnummer", "Telefoon", "Fax",
    "E-mail", "Blad", "Pagina", "Projectnaam", "Documentnummer", "Afschrift aan", "Kopie aan",
    "Bezoekadres", "Postadres", "Retouradres", "Datum", "Referentie",
)

# Words that open the name of an organisational unit in the colophon.
UNIT_WORDS: tuple[str, ...] = (
    "Directoraat-Generaal", "Directoraat-generaal", "Directie", "Afdeling", "Dienst", "Programma",
    "Programmadirectie", "Inspectie", "Bureau", "Cluster", "Team", "Sector", "Stafdirectie",
    "Agentschap", "Project", "Hoofddirectie", "Centrale Directie", "Bestuursdepartement",
    "Secretariaat-Generaal", "Plaatsvervangend", "Unit", "Ministeriële", "DG ",
)

# Titles of a sender; the signature and "BRIEF VAN DE ..." lines use them.
TITLES: tuple[str, ...] = (
    "Minister-President", "Minister-president", "minister-president",
    "Vice-Minister-President", "Viceminister-president",
    "Minister", "minister", "Staatssecretaris", "staatssecretaris",
)

# Ministries that a portfolio without "van" maps to.
TITLE_MINISTRIES: dict[str, str] = {
    "minister-president": "Ministerie van Algemene Zaken",
}

# Ministries since 1945 as they spell themselves; PDF text that splits a name is matched against these.
MINISTRIES: tuple[str, ...] = tuple(f"Ministerie van {m}" for m in (
    "Algemene Zaken", "Binnenlandse Zaken", "Binnenlandse Zaken en Koninkrijksrelaties", "Buitenlandse Zaken",
    "Defensie", "Economische Zaken", "Economische Zaken en Klimaat", "Economische Zaken, Landbouw en Innovatie",
    "Financiën", "Infrastructuur en Milieu", "Infrastructuur en Waterstaat", "Justitie", "Justitie en Veiligheid",
    "Veiligheid en Justitie", "Landbouw, Natuur en Voedselkwaliteit", "Landbouw, Natuurbeheer en Visserij",
    "Landbouw, Visserij, Voedselzekerheid en Natuur", "Onderwijs, Cultuur en Wetenschap",
    "Onderwijs en Wetenschappen", "Sociale Zaken en Werkgelegenheid", "Verkeer en Waterstaat",
    "Volksgezondheid, Welzijn en Sport", "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer",
    "Welzijn, Volksgezondheid en Cultuur", "Volkshuisvesting en Ruimtelijke Ordening", "Asiel en Migratie",
    "Klimaat en Groene Groei", "Wederopbouw en Volkshuisvesting", "Overzeese Gebiedsdelen",
))

# Ministers "voor" a portfolio have no ministry in their title; the ministry that houses them.
# Portfolios of recent cabinets (Rutte III, Rutte IV, Schoof); the letterhead, where it names a
# ministry, always wins over this table.
MINISTER_FOR: dict[str, str] = {
    "buitenlandse handel en ontwikkelingssamenwerking": "Ministerie van Buitenlandse Zaken",
    "ontwikkelingssamenwerking": "Ministerie van Buitenlandse Zaken",
    "europese zaken": "Ministerie van Buitenlandse Zaken",
    "rechtsbescherming": "Ministerie van Justitie en Veiligheid",
    "migratie": "Ministerie van Justitie en Veiligheid",
    "asiel en migratie": "Ministerie van Asiel en Migratie",
    "medische zorg": "Ministerie van Volksgezondheid, Welzijn en Sport",
    "medische zorg en sport": "Ministerie van Volksgezondheid, Welzijn en Sport",
    "langdurige zorg en sport": "Ministerie van Volksgezondheid, Welzijn en Sport",
    "basis- en voortgezet onderwijs en media": "Ministerie van Onderwijs, Cultuur en Wetenschap",
    "primair en voortgezet onderwijs": "Ministerie van Onderwijs, Cultuur en Wetenschap",
    "klimaat en energie": "Ministerie van Economische Zaken en Klimaat",
    "natuur en stikstof": "Ministerie van Landbouw, Natuur en Voedselkwaliteit",
    "volkshuisvesting en ruimtelijke ordening": "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
    "armoedebeleid, participatie en pensioenen": "Ministerie van Sociale Zaken en Werkgelegenheid",
    "milieu en wonen": "Ministerie van Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer",
}


def _portfolio_key(name: str) -> str:
    """A portfolio folded for look-up: case and all spacing gone (PDF text splits "Inf rastructuur")."""
    return re.sub(r"\s+", "", name).casefold()


# The portfolios a title or a ministry line may name: each ministry (without "Ministerie van") and each
# minister's "voor" portfolio, folded.
_PORTFOLIO_KEYS = frozenset({_portfolio_key(m.removeprefix("Ministerie van ")) for m in MINISTRIES}
                            | {_portfolio_key(p) for p in MINISTER_FOR})
# the portfolio after the first "van"/"voor" of a title or ministry line
_PORTFOLIO_AFTER = re.compile(r"\b(?:van|voor|VAN|VOOR)\s+(\S.*)")


def known_portfolio(name: str) -> bool:
    """Whether a portfolio is one the lexicon knows: "Volksgezondheid, Welzijn en Sport", "Medische Zorg"."""
    return _portfolio_key(name) in _PORTFOLIO_KEYS


def portfolio_of(line: str) -> str | None:
    """The portfolio a title or ministry line names after its "van" or "voor", or None:
    "De Minister van Volksgezondheid," -> "Volksgezondheid"."""
    m = _PORTFOLIO_AFTER.search(line)
    return (m.group(1).rstrip(" ,") or None) if m else None


def joined_portfolio(first: str, second: str) -> str | None:
    """Two lines as one when together they name a portfolio the lexicon knows, or None: a title or ministry
    line wrapped inside its portfolio. The signature and the letterhead both join with this.

    "Ministerie van Infrastructuur" / "en Waterstaat" -> "Ministerie van Infrastructuur en Waterstaat";
    "De Minister van Volksgezondheid," / "Welzijn en Sport," -> "De Minister van Volksgezondheid, Welzijn en Sport,".
    """
    joined = f"{first.rstrip()} {second.strip()}"
    portfolio = portfolio_of(joined)
    return joined if portfolio is not None and known_portfolio(portfolio) else None

# Closing formulas: the body ends before them.
CLOSINGS: tuple[str, ...] = (
    "Hoogachtend,", "Hoogachtend", "Met vriendelijke groet,", "Met vriendelijke groet",
    "Met vriendelijke groeten,", "Met de meeste hoogachting,",
)

# Salutations that open the body: "Geachte voorzitter,", "Zeer geachte mevrouw ...", "Geachte dames en heren,".
SALUTATION_OPEN = r"(?:Zeer\s+)?[Gg]eachte\s+(?:[Vv]oorzitter|[Mm]evrouw|[Hh]eer|[Dd]ames)"
SALUTATION = re.compile(rf"^{SALUTATION_OPEN}\b.*$")
# a salutation with the first sentence of the body on its line: (salutation up to its comma, the rest)
GLUED_SALUTATION = LazyPattern(rf"^({SALUTATION_OPEN}[^,]{{0,30}},)\s+(\S.*)$")

# The two chambers: the word before "Kamer", and the Roman numeral of citations ("Kamerstukken II").
KAMER_WORD = r"(?:Tweede|Eerste)"
KAMERS: dict[str, str] = {"I": "Eerste Kamer", "II": "Tweede Kamer"}


def kamer_from_roman(roman: str | None) -> str | None:
    """'II' -> 'Tweede Kamer', 'I' -> 'Eerste Kamer', anything else None."""
    return KAMERS.get(roman or "")


def kamer_named(text: str | None) -> str | None:
    """The chamber a text names ("Eerste Kamer" before "Tweede Kamer"), or None."""
    if text:
        for name in ("Eerste Kamer", "Tweede Kamer"):
            if name in text:
                return name
    return None


# "Pagina 2 van 7" (and "P agina" as PDF text splits it): a page number line, never body text.
PAGE_N_OF_M = r"P\s?agina\s+\d+\s*van\s*\d+"
PAGE_LINE = re.compile(rf"^\s*{PAGE_N_OF_M}\s*$", re.IGNORECASE)

NUMBER_WORDS: dict[str, int] = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
    "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19, "twintig": 20,
}

ORDINALS: dict[str, int] = {
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7,
    "achtste": 8, "negende": 9, "tiende": 10, "elfde": 11, "twaalfde": 12, "dertiende": 13,
    "veertiende": 14, "vijftiende": 15, "zestiende": 16, "zeventiende": 17, "achttiende": 18,
    "negentiende": 19, "twintigste": 20, "laatste": -1,
}

# Recommendation nouns: a letter that answers recommendations names them.
RECOMMENDATION_WORDS = LazyPattern(
    r"\b(aanbeveling(?:en)?|advie(?:s|zen)|actiepunt(?:en)?|voorstel(?:len)?)\b", re.IGNORECASE
)

# Line-end hyphens that are real: the hyphen stays when OCR text is repaired.
HYPHEN_PREFIXES: frozenset[str] = frozenset({
    "vice", "ex", "oud", "niet", "anti", "pro", "co", "semi", "non", "pseudo", "extra", "super",
    "zelf", "oost", "west", "noord", "zuid", "midden", "sint", "prof", "mr", "dr", "ir", "drs",
})
HYPHEN_SUFFIXES: frozenset[str] = frozenset({"president", "generaal", "generaals", "en", "of", "tot"})

# Page furniture that is never body text.
FURNITURE_PATTERNS: tuple[re.Pattern[str], ...] = (
    PAGE_LINE,
    re.compile(r"^\s*Blad\s+\d+(?:\s*(?:/|van)\s*\d+)?\s*$", re.IGNORECASE),
    re.compile(r"^\s*-?\s*\d{1,3}\s*-?\s*$"),
    re.compile(rf"^\s*{KAMER_WORD}\s+Kamer,\s+(?:vergaderjaar|zitting)\s+\d{{4}}\s*[-–]\s*\d{{4}}\s*,.*$",
               re.IGNORECASE),
    re.compile(r"^\s*Copyright\b.*$", re.IGNORECASE),
    re.compile(rf"^\s*{KAMER_WORD}\s+Kamer\s+der\s+Staten[- ]Generaal\s+\d{{1,3}}\s*$"),  # running header
    re.compile(r"^.{0,40}\bISSN\s*\d{4}\s*[-–•]?\s*\d{3,4}\b.{0,60}$"),  # printer's imprint of a Kamerstuk
    re.compile(r"^\s*kst-\d{4,6}(?:-[A-Z0-9]+)?-\d+[A-Za-z]?\s*$"),
    re.compile(r"^\s*Gemaakt:\s.*$"),
    re.compile(r"^\s*Bij beantwoording (?:de datum|van deze brief).*$", re.IGNORECASE),
    re.compile(r"^\s*en ons kenmerk vermelden\.?\s*$", re.IGNORECASE),
    re.compile(r"^\s*Wilt u slechts één zaak in uw\s*$", re.IGNORECASE),
    re.compile(r"^\s*brief behandelen\.?\s*$", re.IGNORECASE),
)
# The furniture patterns as one alternation, each with its own flags: one match per line, not one per pattern.
FURNITURE = re.compile("|".join(f"(?{'i' if p.flags & re.IGNORECASE else ''}:{p.pattern})"
                                for p in FURNITURE_PATTERNS))


def is_page_furniture(text: str) -> bool:
    """Whether a line is page furniture (FURNITURE_PATTERNS): a page number, a running header, an imprint.
    One match of the patterns joined (FURNITURE), not one per pattern."""
    return FURNITURE.match(text) is not None


# The return address over the address block of a ministry letter ("> Retouradres Postbus 20301 2500 EH Den Haag").
RETURN_ADDRESS = LazyPattern(r"^\W{0,3}Retouradres\b", re.IGNORECASE)

# A run-in heading: a short bold phrase that opens a paragraph and runs into its text ("**Kosten.** De kosten
# van ..."). Not one when it is a label another rule reads on its line ("Vraag 1", "Antwoord", "Reactie
# kabinet:", "Aanbeveling 2", "Betreft:"), an answer ("Nee."), a phrase in the sender's voice (a sentence
# set in bold for stress), or cut after a function word; abbreviations that end in a full stop ("Mr.
# Jansen") are no headings.
RUN_IN_NOT = LazyPattern(
    r"^(?:Vraag|Vragen|Antwoord|Antwoorden|Aanbeveling(?:en)?|Advies|Actiepunt|Reactie|Kabinetsreactie|Standpunt"
    r"|Appreciatie|Toelichting|Bijlage|Noot|Zie|Let op|N\.?B\.?|Ja|Nee|Neen|Zeker|Inderdaad|Klopt|Juist|Dat klopt"
    r"|Dat is (?:juist|correct|niet juist))\b"
    r"|\b(?:ik|wij|we|mijn|onze?|u|uw|het kabinet|de regering)\b",
    re.IGNORECASE,
)
RUN_IN_ABBREVIATIONS: frozenset[str] = frozenset({
    "mr", "dr", "drs", "ir", "ing", "prof", "dhr", "mw", "mevr", "bc", "st", "nr", "art", "bijv", "vgl", "zgn",
    "resp", "incl", "excl", "ca", "jl", "jr", "sr", "vs",
})
# Words a phrase cut in the middle ends on ("Het rapport van"): such a bold run is no heading.
CONNECTIVES: frozenset[str] = frozenset({
    "de", "het", "een", "van", "en", "of", "op", "in", "voor", "met", "aan", "te", "bij", "door", "over", "tot",
    "uit", "naar", "om", "als", "dat", "die", "der", "den",
})

# Parliamentary papers that are not letters; named in capitals in their heading.
NON_LETTER_KINDS: tuple[str, ...] = (
    "MEMORIE VAN TOELICHTING", "MEMORIE VAN ANTWOORD", "NOTA VAN WIJZIGING", "GEWIJZIGD VOORSTEL VAN WET",
    "VOORSTEL VAN WET", "GEWIJZIGD ONTWERP VAN WET", "ONTWERP VAN WET", "KONINKLIJKE BOODSCHAP",
    "VOORLOPIG VERSLAG", "EINDVERSLAG", "VERSLAG", "MOTIE",
    "AMENDEMENT", "NADER RAPPORT", "ADVIES RAAD VAN STATE", "LIJST VAN VRAGEN EN ANTWOORDEN",
    "NOTA NAAR AANLEIDING VAN HET VERSLAG", "NOTA NAAR AANLEIDING VAN HET EINDVERSLAG", "VERSLAG VAN EEN",
)
