"""Closing and signature: "Hoogachtend,", "De Staatssecretaris van Justitie en Veiligheid," and the name.

Recognises, at the end of the letter:
    De Minister van Binnenlandse Zaken en Koninkrijksrelaties, J. W. E. Spies      (one line)
    De Staatssecretaris van Justitie en Veiligheid, / Mark Harbers                 (two lines)
    De Ministervan Economische Zaken, R. W. de Korte                               (OCR glue repaired)
    De Minister van Volksgezondheid, / Welzijn en Sport, / H. de Vries            (the ministry wrapped)
and several signers in a row. Also the title as a portfolio anywhere ("mede namens de minister van
Buitenlandse Zaken en de minister voor ..."), for `mede_namens`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import CLOSINGS, MINISTER_FOR, MINISTRIES, TITLE_MINISTRIES
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
# the portfolios a title may carry, folded: a title wrapped over two lines is joined only when it makes one
PORTFOLIOS = frozenset({m.removeprefix("Ministerie van ").casefold() for m in MINISTRIES} | set(MINISTER_FOR))


@dataclass(frozen=True)
class Signer:
    functie: str
    naam: str | None
    line: int
    functie_line: int = 0  # source line of the title (0: not known)
    naam_line: int = 0  # source line of the name (0: not printed or not known)


@dataclass(frozen=True)
class Signature:
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
        if t and not got:  # the second line of a wrapped title ("Welzijn en Sport,"): the signer above it
            above = _previous(lines, j, start)
            got = _signer_at(lines, above, start) if above is not None and _wrapped(lines, above)[1] == j else None
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
    """The title on line i with the rest of its portfolio from the next line when it wraps there, and the
    index of the title's last line: "De Minister van Volksgezondheid," / "Welzijn en Sport," is one title
    because "Volksgezondheid, Welzijn en Sport" is a ministry and "Volksgezondheid" alone is none."""
    t = lines[i].text
    j = next((k for k in range(i + 1, min(len(lines), i + 3)) if lines[k].text), None)
    if j is None or len(t) > 120 or len(lines[j].text) > 80:
        return t, i
    joined = f"{t} {lines[j].text}"
    m = re.search(r"\b(?:van|voor|VAN|VOOR)\s+(.+?),?$", repair(joined))
    own = re.search(r"\b(?:van|voor|VAN|VOOR)\s+(.+?),?$", repair(t))
    if not m or not own:
        return t, i
    # a portfolio the lexicon does not know ("De minister voor Langdurige Zorg," / "Jeugd en Sport,"): the
    # second line ends the list ("... en Sport,") after a first line that ends in a comma, a name below
    unknown_tail = (t.endswith(",") and PORTFOLIO_TAIL.match(lines[j].text) is not None
                    and _name_below_at(lines, j) is not None)
    if " ".join(m.group(1).split()).casefold() not in PORTFOLIOS and not unknown_tail:
        return t, i
    if " ".join(own.group(1).split()).casefold() in PORTFOLIOS or not (sign_line(joined) or TITLE_ONLY.match(repair(joined))):
        return t, i
    return joined, j


def _signer_at(lines: tuple[Line, ...], i: int, start: int) -> tuple[Signer, int] | None:
    """The signer whose title is on line i, and the first line the signature uses."""
    t, last = _wrapped(lines, i)
    got = sign_line(t)
    if got:
        functie, naam = got
        at = i if naam else _name_below_at(lines, last)
        name = naam if naam else (_name_below(lines, last) if at is not None else None)
        return Signer(functie, name, lines[i].lineno, lines[i].lineno,
                      lines[at].lineno if at is not None and name else 0), i
    m = TITLE_ONLY.match(repair(t))
    if m:
        functie = titlecase(m.group("functie")) if m.group("functie").isupper() else m.group("functie")
        for j in range(i - 1, max(start, i - 3) - 1, -1):
            if lines[j].text:
                if is_name(lines[j].text) and not sign_line(lines[j].text):
                    return Signer(functie, lines[j].text, lines[j].lineno, lines[i].lineno, lines[j].lineno), j
                break
        below = _name_below(lines, last)
        if t.rstrip().endswith(",") and below:
            # "Minister van Justitie en Veiligheid," / "D. Yeşilgöz-Zegerius"
            at = _name_below_at(lines, last)
            return Signer(functie, below, lines[i].lineno, lines[i].lineno, lines[at].lineno if at else 0), i
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
