"""Dutch patterns that several modules share are written once, in lexicon.py (issue 11, item 2)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kamerbrief.lexicon import GLUED_SALUTATION, PAGE_LINE, SALUTATION, kamer_from_roman, kamer_named

PACKAGE = Path(__file__).resolve().parent.parent / "kamerbrief"

# what a second definition would look like in code: the regex source, the literal chamber name, or a
# colophon label written into a pattern ("|Betreft" in an alternation) instead of taken from LABELS
SECOND_DEFINITION = re.compile(r"agina\\s|eachte\\s|[\"']Eerste Kamer[\"']|[\"']Tweede Kamer[\"']"
                               r"|\|(?:Betreft|Onderwerp|Ons kenmerk)\b|\b(?:Betreft|Onderwerp)\|")


def test_shared_patterns_are_defined_only_in_the_lexicon() -> None:
    elsewhere = [f"{p.relative_to(PACKAGE)}:{n}" for p in sorted(PACKAGE.rglob("*.py")) if p.name != "lexicon.py"
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if SECOND_DEFINITION.search(line)]
    assert elsewhere == []


@pytest.mark.parametrize("line", ["Pagina 3 van 12", "  pagina 1 van 1 ", "P agina 2 van 9", "Pagina 4van 5"])
def test_page_line(line: str) -> None:
    assert PAGE_LINE.match(line)


@pytest.mark.parametrize("line", ["Pagina 3", "Zie pagina 3 van het rapport", "Pagina 3 van 12 en verder"])
def test_not_a_page_line(line: str) -> None:
    assert not PAGE_LINE.match(line)


def test_salutations() -> None:
    assert SALUTATION.match("Geachte voorzitter,")
    assert SALUTATION.match("Zeer geachte mevrouw Jansen,")
    assert not SALUTATION.match("Geachtenis")
    m = GLUED_SALUTATION.match("Geachte dames en heren, Hierbij bied ik u het verslag aan.")
    assert m and m.group(1) == "Geachte dames en heren," and m.group(2).startswith("Hierbij")


def test_chambers() -> None:
    assert kamer_from_roman("I") == "Eerste Kamer"
    assert kamer_from_roman("II") == "Tweede Kamer"
    assert kamer_from_roman("III") is None and kamer_from_roman(None) is None
    assert kamer_named("Aan de Voorzitter van de Eerste Kamer der Staten-Generaal") == "Eerste Kamer"
    assert kamer_named("de Voorzitter van de Tweede Kamer") == "Tweede Kamer"
    assert kamer_named("de Staten-Generaal") is None and kamer_named(None) is None


def test_a_lazy_pattern_compiles_on_first_use_and_answers_as_re_does() -> None:
    import subprocess
    import sys

    from kamerbrief.lexicon import LazyPattern

    lazy = LazyPattern(r"\b(kamer)stuk(ken)?\b", re.IGNORECASE)
    plain = re.compile(r"\b(kamer)stuk(ken)?\b", re.IGNORECASE)
    assert lazy._compiled is None
    text = "Kamerstukken en kamerstuk, niet kamerstukje"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert lazy.compiled is lazy.compiled and lazy.pattern == plain.pattern
    for pos in (0, 5, 20):
        assert repr(lazy.search(text, pos)) == repr(plain.search(text, pos))
        assert repr(lazy.match(text, pos)) == repr(plain.match(text, pos))
    assert lazy.sub("X", text, 1) == plain.sub("X", text, 1)
    # importing the rules compiles none of their gated patterns
    code = ("from kamerbrief.rules import toezeggingen, verwijzingen; "
            "assert verwijzingen.KAMERSTUK._compiled is None and toezeggingen.TERMIJN._compiled is None")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_lazy_pattern_answers_as_the_compiled_one_before_and_after_its_first_use() -> None:
    from kamerbrief.lexicon import LazyPattern

    source, flags, text = r"\b(a+)(b?)\b", re.IGNORECASE, "x AAb a, ab; b aab"
    rx = re.compile(source, flags)
    calls = [("search", (text,)), ("search", (text, 3)), ("match", (text, 2)), ("match", (text, 2, 4)),
             ("fullmatch", ("aab",)), ("findall", (text,)), ("split", (text,)), ("split", (text, 1)),
             ("sub", (r"<\1>", text)), ("sub", (lambda m: m.group(0).upper(), text, 1))]

    def answers(p: LazyPattern | re.Pattern[str]) -> list[object]:
        out: list[object] = []
        for name, args in calls:
            got = getattr(p, name)(*args)
            out.append(got.span() if isinstance(got, re.Match) else got)
        out.append([m.span() for m in p.finditer(text, 1)])
        return out

    for first in range(len(calls)):  # whichever method compiles it, every later call answers the same
        lazy = LazyPattern(source, flags)
        name, args = calls[first]
        getattr(lazy, name)(*args)
        assert answers(lazy) == answers(rx)
    fresh = LazyPattern(source, flags)
    assert fresh.pattern == source and fresh.flags == rx.flags and fresh.compiled is fresh.compiled
