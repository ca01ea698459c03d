"""Office titles: one form for grouping, and co-signers named twice in two spellings.

Letters print the same office in different capitals ("Minister van Financiën", "minister van
Financiën", "MINISTER VAN FINANCIËN") and now and then with a typing slip ("Binnenlandse Zaken en
Koninkrijkrelaties" beside "... Koninkrijksrelaties"). The record keeps what is printed; the index
groups on `normalise_functie`, and `dedupe` keeps one of two near-identical co-signers.
"""

from __future__ import annotations

import re
import unicodedata

from ..lexicon import MINISTER_FOR, MINISTRIES
from .signature import mede_namens

# Words naming the office itself: lower case, as Dutch writes them inside a sentence.
OFFICE_WORDS = frozenset({
    "minister", "staatssecretaris", "minister-president", "vice-minister-president", "viceminister-president",
    "vicepremier", "premier", "voorzitter", "ondervoorzitter", "president", "secretaris", "secretaris-generaal",
    "directeur", "directeur-generaal", "commissaris", "ombudsman",
})
# Joining words inside a portfolio: lower case.
SMALL_WORDS = frozenset({"van", "voor", "en", "de", "het", "der", "den", "a.i.", "ad", "interim"})
# A slip is one letter in one word of at least this length (compound nouns: "Koninkrijksrelaties");
# shorter words differ by one letter between real offices too.
MIN_SLIP_WORD = 8
# Names with more words than this are not checked for slips (no office title has so many).
MAX_SLIP_WORDS = 24

_KNOWN_PORTFOLIO_WORDS = frozenset(
    w.casefold() for name in (*MINISTRIES, *MINISTER_FOR) for w in re.findall(r"[\w-]+", name))


def _word(w: str, first: bool, shouted: bool) -> str:
    low = w.casefold()
    bare = low.rstrip(",;:")
    if bare in OFFICE_WORDS or (not first and bare in SMALL_WORDS):
        return low
    if shouted:
        w = "-".join(p.capitalize() for p in w.split("-"))
    return w[:1].upper() + w[1:]


def normalise_functie(functie: str | None) -> str | None:
    """One form of an office title for grouping: office words in lower case ("minister",
    "staatssecretaris", "voorzitter"), joining words in lower case, every other word with a
    capital (a title in capitals as a name: "Onderwijs, Cultuur"), spaces folded, no trailing comma.

    "Minister van Binnenlandse zaken" -> "minister van Binnenlandse Zaken".
    """
    if functie is None:
        return None
    words = functie.strip().rstrip(",").split()
    shouted = functie.isupper()
    return " ".join(_word(w, k == 0, shouted) for k, w in enumerate(words)) or None


MEDE_NAMENS_AT = re.compile(r"\b[Mm]ede\s++namens\b")


def co_senders(text: str) -> list[str]:
    """The co-senders after every "mede namens" in the text, in order (each phrase read up to the next
    one, so the text is read once)."""
    if "namens" not in text:  # what MEDE_NAMENS_AT needs, found at C speed: most letters hold none
        return []
    starts = [m.start() for m in MEDE_NAMENS_AT.finditer(text)]
    out: list[str] = []
    for k, at in enumerate(starts):
        out += mede_namens(text[at:starts[k + 1] if k + 1 < len(starts) else len(text)])
    return out


def _key(name: str) -> str:
    """Case, accents, punctuation and spacing folded."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"[\w-]+", plain))


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether b is a with one letter added, dropped or changed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]


def near_identical(a: str, b: str) -> bool:
    """The same office in two spellings: equal but for case, accents and spacing, or the same words
    but one long word one letter apart ("Koninkrijkrelaties" / "Koninkrijksrelaties").
    "Buitenlandse Zaken" and "Binnenlandse Zaken" are two letters apart and stay two offices."""
    return _near_keys(_key(a), _key(b))


def _near_keys(ka: str, kb: str) -> bool:
    if ka == kb:
        return True
    wa, wb = ka.split(), kb.split()
    if len(wa) != len(wb):
        return False
    differ = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    return (len(differ) == 1 and min(len(differ[0][0]), len(differ[0][1])) >= MIN_SLIP_WORD
            and _one_letter_apart(*differ[0]))


def _known(name: str) -> int:
    """How many of the name's words the list of ministries and portfolios holds."""
    return sum(1 for w in _key(name).split() if w in _KNOWN_PORTFOLIO_WORDS)


def _slip_keys(key: str) -> list[tuple[int, str, str]]:
    """(word position, the other words, the word with at most one letter left out): two names one
    letter apart in one long word share one of these."""
    words = key.split()
    if len(words) > MAX_SLIP_WORDS:
        return []
    out = []
    for i, w in enumerate(words):
        if len(w) < MIN_SLIP_WORD - 1:
            continue
        rest = " ".join(words[:i] + words[i + 1:])
        out.append((i, rest, w))
        out.extend((i, rest, w[:j] + w[j + 1:]) for j in range(len(w)))
    return out


def dedupe(names: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Names with near-identical ones merged, in order of first appearance, and the merged pairs
    (kept, dropped) that differ beyond case, accents and spacing. Of two spellings the one whose words
    the list of ministries holds is kept, else the first. Linear in the number of names: each is looked
    up by its folded key, and by the keys a one-letter slip shares (`_slip_keys`)."""
    out: list[str] = []
    merged: list[tuple[str, str]] = []
    by_key: dict[str, int] = {}
    by_slip: dict[tuple[int, str, str], int] = {}
    out_keys: list[str] = []
    for name in names:
        key = _key(name)
        if key in by_key:
            continue  # only case, accents or spacing differ: the first form stays, no warning
        slips = _slip_keys(key)
        at = next((by_slip[s] for s in slips if s in by_slip and _near_keys(out_keys[by_slip[s]], key)), None)
        if at is None:
            at = len(out)
            out.append(name)
            out_keys.append(key)
        else:
            kept = out[at]
            if _known(name) > _known(kept):
                out[at] = name
                merged.append((name, kept))
            else:
                merged.append((kept, name))
        by_key[key] = at
        for s in slips:
            by_slip.setdefault(s, at)
    return out, merged
