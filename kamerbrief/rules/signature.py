"""Closing and signature: "Hoogachtend,", "De Staatssecretaris van Justitie en Veiligheid," and the name.

Recognises, at the end of the letter:
    De Minister van Binnenlandse Zaken en Koninkrijksrelaties, J. W. E. Spies      (one line)
    De Staatssecretaris van Justitie en Veiligheid, / Mark Harbers                 (two lines)
    De Ministervan Economische Zaken, R. W. de Korte                               (OCR glue repaired)
    De Minister van Volksgezondheid, / Welzijn en Sport, / H. de Vries            (the ministry wrapped)
    De minister voor Buitenlandse Handel / en Ontwikkelingshulp, / P. Zeevaarder  (wrapped anywhere)
    De staatssecretaris van Financiën, / Toeslagen en Douane / A. de Munt         (a portfolio line:
                                        functie "staatssecretaris van Financiën (Toeslagen en Douane)")
and several signers in a row. Also the title as a portfolio anywhere ("mede namens de minister van
Buitenlandse Zaken en de minister voor ..."), for `mede_namens`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..lexicon import CLOSINGS, MINISTER_FOR, TITLE_MINISTRIES, joined_portfolio, known_portfolio, portfolio_of
from ..model import FURNITURE_ROLES, Line

WORD = r"[A-ZÀ-Ý][\w'’]*(?:-[\w'’]*)*"
# "- en " is no separator of its own: "A- en B" is the word "A-", " en " and "B" (a second reading of the
# same text made the pattern backtrack exponentially on "A- en " repeated)
PORTFOLIO = rf"{WORD}(?:(?:, | en | voor | van | | [-–] ){WORD})*"
TITLE = (r"(?:[Vv]ice-?[Mm]inister-[Pp]resident|[Mm]inister-[Pp]resident|MINISTER-PRESIDENT"
         r"|[Mm]inister|MINISTER|[Ss]taatssecretaris|STAATSSECRETARIS)")
FUNCTIE = re.compile(rf"(?P<functie>{TITLE}(?:\s+(?:van|voor|VAN|VOOR)\s+{PORTFOLIO})?)")
SIGN_LINE = re.compile(rf"^(?:De|de|DE)\s+{FUNCTIE.pattern}\s*(?:,\s*(?P<naam>.*))?$")
TITLE_ONLY = re.compile(rf"^{FUNCTIE.pattern}\s*,?$")
WAS_GETEKEND = re.compile(r"^w\.\s?g\.\s*", re.IGNORECASE)  # "w.g. J. Jansen": signed by, in a copy
GLUED = re.compile(r"\b(Minister|minister|Staatssecretaris|staatssecretaris)(van|voor)\b")
# A printed name: up to eight capitalised words (initials, first names), "van"/"de"/... particles and a
# surname; or initials, lowercase particles and the rest. Each word is taken whole (possessive), so a run
# of capitals cannot be split into words in exponentially many ways; the surname may be glued to the
# word before it ("J.Jansen", "AbCd"), which the second branch of the first alternative reads.
_CAP = "[A-ZÀ-Ý]"
_TITLES = r"(?:(?:drs|dr|mr|ir|prof|ing|ds|mw|dhr)\.\s*+)*+"
_CAPWORD = rf"{_CAP}[\w'’.-]*+\s++"
NAME = re.compile(
    rf"^{_TITLES}(?:(?:{_CAPWORD}){{1,8}}+(?:(?:van|de|der|den|ter|ten|het|in 't|'t)\s+)*+{_CAP}[\w'’-]++$"
    rf"|(?:{_CAPWORD}){{0,7}}+{_CAP}(?:[\w'’-]*+\.)*+(?=[\w'’-]*+$)[\w'’-]*?{_CAP}[\w'’-]+$)"
    r"|^(?:[A-Z]\.\s?+)++(?:[a-z]+\s+)*+[A-ZÀ-Ý][\w'’ -]++$"
)
MEDE_NAMENS = re.compile(r"\b[Mm]ede\s+namens\s+(.*)", re.DOTALL)
MINISTER_OF = re.compile(r"^(?:[Vv]ice-?)?(?:[Mm]inister|[Ss]taatssecretaris)\s+van\s+(.+)$")
SMALL_WORDS = {"van", "voor", "en", "de", "het", "der"}
PORTFOLIO_TAIL = re.compile(rf"^{WORD}(?:,? {WORD})*(?: en {WORD})+,$")
# A wrapped title: the first line starts with the title and stops after a connector ("De minister voor"), or
# the next line opens with "en" ("en Ontwikkelingshulp,").
FUNCTIE_START = re.compile(rf"^(?:(?:De|de|DE)\s+)?{TITLE}")
CONTINUED = re.compile(r"\s(?:van|voor|en|VAN|VOOR|EN)$")
GOES_ON = re.compile(r"^(?:en|EN)\s+[A-ZÀ-Ý]")
# The portfolio printed under the title, in italics or not: "Digitalisering en Koninkrijksrelaties",
# "*Herstel Groningen*", "Jeugd, Preventie en Sport,".
PORTFOLIO_LINE = re.compile(rf"^(?P<m>[*_]?)(?P<portfolio>{WORD}(?:(?:, | en | ){WORD}){{0,7}}),?(?P=m),?$")


class Signer(NamedTuple):
    functie: str
    naam: str | None
    line: int
    functie_line: int = 0  # source line of the title (0: not known)
    naam_line: int = 0  # source line of the name (0: not printed or not known)


class Signature(NamedTuple):
    """The closing: where it starts (index into lines), formula and signers, first signer first."""

    start: int
    slotformule: str | None
    signers: tuple[Signer, ...]


def repair(text: str) -> str:
    """Repair OCR glue such as "Ministervan"."""
    return GLUED.sub(r"\1 \2", text)


def sign_line(text: str) -> tuple[str, str | None] | None:
    """(functie, naam or None) for a signature line such as "De Minister van Defensie, J. Hillen"."""
    m = SIGN_LINE.match(repair(text))
    if not m:
        return None
    naam = WAS_GETEKEND.sub("", (m.group("naam") or "").strip().rstrip(",")) or None
    if naam and FUNCTIE.fullmatch(naam):
        # "De minister-president, Minister van Algemene Zaken,": two titles, the name below
        return f"{m.group('functie')}, {naam}", None
    if naam and not NAME.match(naam):
        return None
    functie = m.group("functie")
    return (titlecase(functie) if functie.isupper() else functie), naam


INITIALS_NAME = re.compile(r"^(?:(?:drs|dr|mr|ir|prof|ing)\.\s*)*(?:[A-Z]\.\s?){1,5}[A-ZÀ-Ý][\w'’-]+(?:\s[\w'’-]+){0,3}$")


def is_name(text: str) -> bool:
    """A printed name: "Mark Harbers", "J. W. E. Spies", "drs. K. van Dam" (not a sentence)."""
    plain = len(text) <= 60 and bool(NAME.match(text)) and not text.endswith((".", ",", ":"))
    return plain or bool(INITIALS_NAME.match(text))


def find(lines: tuple[Line, ...], start: int) -> Signature | None:
    """The signature block at the end of lines[start:], or None.

    Two layouts: "De Minister van X," with the name below or after the comma, and the newer
    "M.A.M. Adriaansens" / "Minister van Economische Zaken en Klimaat" (name first, no "De").
    """
    last = None
    for i in range(len(lines) - 1, start - 1, -1):
        if _signer_at(lines, i, start):
            last = i
            break
    if last is None:
        return None
    found = _signer_at(lines, last, start)
    assert found is not None
    signers = [found[0]]  # last signer first while walking up; reversed below
    first = found[1]
    j = first - 1
    while j >= start:
        t = lines[j].text
        got = _signer_at(lines, j, start) if t else None
        if t and not got:
            # a line of a signer above: a wrapped title's next line ("Welzijn en Sport,"), the portfolio
            # line under a title, the name
            got = _covering(lines, j, start)
        if got:
            signers.append(got[0])
            first = got[1]
            j = first - 1
            continue
        if not t or (is_name(t) and _signer_above(lines, j, start)):
            j -= 1
            continue
        break
    slot, begin = None, first
    for k in range(first - 1, max(start, first - 4) - 1, -1):
        t = lines[k].text
        if not t:
            continue
        if t in CLOSINGS or t.rstrip(",") + "," in CLOSINGS:
            slot, begin = t, k
        break
    return Signature(begin, slot, tuple(reversed(signers)))


def _wrapped(lines: tuple[Line, ...], i: int) -> tuple[str, int]:
    """The title on line i with the rest of it from the next line or two where it wraps there, and the index
    of the title's last line. A title wraps anywhere: "De Minister van Volksgezondheid," / "Welzijn en Sport,"
    (the two make a ministry, the first alone none), "De minister voor Buitenlandse Handel" / "en
    Ontwikkelingshulp," (the next line goes on with "en"), "De minister voor" / "Buitenlandse Handel en" /
    "Ontwikkelingshulp," (a line ends in "voor" or "en")."""
    t = lines[i].text
    if len(t) > 120:
        return t, i
    best, at = t, i
    j = _next_text(lines, i)
    two = _joins(lines, t, j) if j is not None else None
    if two is None or j is None:
        return t, i
    if _is_title(two):
        best, at = two, j
    k = _next_text(lines, j)
    three = _joins(lines, two, k) if k is not None else None
    if three is not None and k is not None and _is_title(three):
        best, at = three, k
    return best, at


def _next_text(lines: tuple[Line, ...], i: int) -> int | None:
    """The next line with text after i, at most two lines on."""
    return next((k for k in range(i + 1, min(len(lines), i + 3)) if lines[k].text), None)


def _is_title(text: str) -> bool:
    return bool(sign_line(text) or TITLE_ONLY.match(repair(text)))


def _joins(lines: tuple[Line, ...], t: str, j: int) -> str | None:
    """The title begun on t with line j added, when line j goes on with it; else None."""
    nxt = lines[j].text
    if len(nxt) > 80 or len(t) > 200:
        return None
    t = repair(t).rstrip()
    joined = f"{t} {nxt}"
    if not FUNCTIE_START.match(t):
        return None
    if CONTINUED.search(t) or GOES_ON.match(nxt):
        # the first line stops inside the title, or the next opens inside it: no name ever opens with "en"
        return joined
    own = portfolio_of(t)
    if own is None or known_portfolio(own):
        return None  # "De Minister van Justitie en Veiligheid," is a whole title: the line below is no part of it
    if joined_portfolio(t, nxt):
        return joined
    # a portfolio the lexicon does not know ("De minister voor Langdurige Zorg," / "Jeugd en Sport,", "De
    # minister voor Buitenlandse" / "Handel en Ontwikkelingshulp,"): the next line ends the list and the title
    # ("... en Sport,"), a name below it
    if PORTFOLIO_TAIL.match(nxt) and _name_below_at(lines, j) is not None:
        return joined
    return None


def _signer_at(lines: tuple[Line, ...], i: int, start: int) -> tuple[Signer, int] | None:
    """The signer whose title is on line i, and the first line the signature uses."""
    got = _signer_span(lines, i, start)
    return (got[0], got[1]) if got else None


def _signer_span(lines: tuple[Line, ...], i: int, start: int) -> tuple[Signer, int, int] | None:
    """The signer whose title is on line i, and the first and last line the signer uses."""
    if not FUNCTIE_START.match(lines[i].text):
        return None  # both layouts open the line with the title (SIGN_LINE, TITLE_ONLY): nothing to unwrap
    t, last = _wrapped(lines, i)
    got = sign_line(t)
    if got:
        functie, naam = got
        if naam:
            return Signer(functie, naam, lines[i].lineno, lines[i].lineno, lines[i].lineno), i, last
        functie, last = _with_portfolio(lines, functie, last)
        at = _name_below_at(lines, last)
        name = _name_below(lines, last) if at is not None else None
        return (Signer(functie, name, lines[i].lineno, lines[i].lineno,
                       lines[at].lineno if at is not None and name else 0), i, at if at is not None else last)
    m = TITLE_ONLY.match(repair(t))
    if m:
        functie = titlecase(m.group("functie")) if m.group("functie").isupper() else m.group("functie")
        for j in range(i - 1, max(start, i - 3) - 1, -1):
            if lines[j].text:
                if is_name(lines[j].text) and not sign_line(lines[j].text):
                    # "Q. Netwerk" / "Staatssecretaris van ..." / "Digitalisering en Koninkrijksrelaties": a
                    # portfolio below that cannot be the next signer's name
                    port = _portfolio_line(lines, last)
                    if port is not None and not is_name(port[0]):
                        functie, last = f"{functie} ({port[0]})", port[1]
                    return Signer(functie, lines[j].text, lines[j].lineno, lines[i].lineno, lines[j].lineno), j, last
                break
        if t.rstrip().endswith(","):
            # "Minister van Justitie en Veiligheid," / "D. Yeşilgöz-Zegerius"
            functie, last = _with_portfolio(lines, functie, last)
            at = _name_below_at(lines, last)
            below = _name_below(lines, last)
            if at is not None and below:
                return Signer(functie, below, lines[i].lineno, lines[i].lineno, lines[at].lineno), i, at
    return None


def _with_portfolio(lines: tuple[Line, ...], functie: str, last: int) -> tuple[str, int]:
    """The title with the portfolio printed on the line under it, and the index of that line; the title as it
    is otherwise. "De staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties," / "Digitalisering en
    Koninkrijksrelaties" / "Q. Netwerk" -> "staatssecretaris van ... Koninkrijksrelaties (Digitalisering en
    Koninkrijksrelaties)": a short line of capitalised words (in italics or not) with the name below it, the
    name not opening the next signer ("P. Zeevaarder" / "Minister van Defensie")."""
    got = _portfolio_line(lines, last)
    if got is None:
        return functie, last
    portfolio, j = got
    at = _name_below_at(lines, j)
    if at is None or (is_name(portfolio) and "." not in lines[at].text):
        # two lines that may both be names ("Herstel Groningen", "Sanne Bodem"): the first is the portfolio
        # only when the second is clearly a person's, with initials
        return functie, last
    after = _next_text(lines, at)
    if after is not None and TITLE_ONLY.match(repair(lines[after].text)) and _name_below_at(lines, after) is None:
        return functie, last  # the name opens the next signer, name first: "P. Zeevaarder" / "Minister van Defensie"
    return f"{functie} ({portfolio})", j


def _portfolio_line(lines: tuple[Line, ...], last: int) -> tuple[str, int] | None:
    """The portfolio on the next line after the title's last line, if that line has the shape of one, and
    its index. A portfolio in capitals ("TOESLAGEN EN DOUANE") is written as the title in capitals is."""
    j = _next_text(lines, last)
    if j is None or len(lines[j].text) > 60:
        return None
    m = PORTFOLIO_LINE.match(lines[j].text)
    if not m or _is_title(m.group("portfolio")):
        return None
    portfolio = m.group("portfolio")
    return (titlecase(portfolio) if portfolio.isupper() else portfolio), j


def _covering(lines: tuple[Line, ...], j: int, start: int) -> tuple[Signer, int] | None:
    """The signer above line j whose lines reach down to it (its title's next line, its portfolio, its name),
    and the first line that signer uses; None when line j is no part of one."""
    p = j
    for _ in range(3):
        prev = _previous(lines, p, start)
        if prev is None:
            return None
        p = prev
        got = _signer_span(lines, p, start)
        if got:
            return (got[0], got[1]) if got[2] >= j else None
    return None


def _previous(lines: tuple[Line, ...], j: int, start: int) -> int | None:
    """The nearest line above j with text, at most two lines up."""
    return next((p for p in range(j - 1, max(start, j - 3) - 1, -1) if lines[p].text), None)


def _signer_above(lines: tuple[Line, ...], j: int, start: int) -> bool:
    for k in range(j - 1, max(start, j - 4) - 1, -1):
        if lines[k].text:
            if sign_line(lines[k].text):
                return True
            above = _previous(lines, k, start)  # the title's second line ("Welzijn en Sport,"): its first
            if above is None:
                return False
            joined, last = _wrapped(lines, above)
            return last == k and bool(sign_line(joined))
    return False


def _name_below(lines: tuple[Line, ...], i: int) -> str | None:
    at = _name_below_at(lines, i)
    return WAS_GETEKEND.sub("", lines[at].text) if at is not None else None


def _name_below_at(lines: tuple[Line, ...], i: int) -> int | None:
    """The index of the signer's name printed in the lines below their title, if any: within three lines,
    not counting the running header and page number of a page that breaks between title and name."""
    seen = 0
    for j in range(i + 1, len(lines)):
        if lines[j].role in FURNITURE_ROLES:
            continue
        seen += 1
        if seen > 3:
            return None
        t = WAS_GETEKEND.sub("", lines[j].text)
        if not t:
            continue
        if sign_line(t) or not is_name(t):
            return None
        return j
    return None


def ministerie_of(functie: str | None) -> str | None:
    """'Staatssecretaris van Justitie en Veiligheid' -> 'Ministerie van Justitie en Veiligheid'."""
    if not functie:
        return None
    if functie.endswith(")") and "(" in functie:  # the portfolio under the title: "(Digitalisering en ...)"
        functie = functie[:functie.rindex("(")].rstrip()
    low = functie.lower()
    for title, ministry in TITLE_MINISTRIES.items():
        if low.startswith(title):
            return ministry
    m = MINISTER_OF.match(functie)
    if m:
        # "Staatssecretaris van Financiën – Fiscaliteit en Belastingdienst": the ministry is before the dash
        return "Ministerie van " + re.split(r"\s[-–]\s|,\s*(?=[Mm]inister)", m.group(1))[0]
    portfolio = re.sub(r"^(?:[Mm]inister|[Ss]taatssecretaris)\s+voor\s+", "", functie).casefold()
    return MINISTER_FOR.get(portfolio)


def titlecase(upper: str) -> str:
    """'MINISTER VAN ECONOMISCHE ZAKEN' -> 'Minister van Economische Zaken'."""
    words = upper.lower().split()
    out = []
    for k, w in enumerate(words):
        if k > 0 and w in SMALL_WORDS:
            out.append(w)
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in w.split("-")))
    return " ".join(out)


ARTICLE = re.compile(r"(?:de|het|De)\s+")
SEPARATOR = re.compile(r",\s*|\s+en\s+|\s+alsmede\s+")
BARE_TITLE = re.compile(r"(?:[Mm]inister|[Ss]taatssecretaris)")


def mede_namens(text: str) -> list[str]:
    """The co-senders after "mede namens": 'minister van Buitenlandse Zaken', ..."""
    out: list[str] = []
    if "namens" not in text:  # what MEDE_NAMENS needs, found at C speed: most lines hold none
        return out
    seen: set[str] = set()
    for m in MEDE_NAMENS.finditer(text):
        at = m.start(1)  # read on from here with match(text, at): no copies of the rest of the text
        while True:
            art = ARTICLE.match(text, at)
            if not art:
                break
            f = FUNCTIE.match(text, art.end())
            if not f:
                break
            functie = f.group("functie")
            if BARE_TITLE.fullmatch(functie):
                break
            if functie not in seen:
                seen.add(functie)
                out.append(functie)
            sep = SEPARATOR.match(text, f.end())
            if not sep:
                break
            at = sep.end()
    return out
