"""Ondertekening: the closing formula and the signers the layout found under the letter.

    Hoogachtend,                                   -> slotformule
    De Minister van Justitie en Veiligheid,        -> ondertekenaars[0].functie
    D. Veilig                                      -> ondertekenaars[0].naam
"""

from __future__ import annotations

from .base import Letter, Part, Span


def rule(letter: Letter) -> Part:
    """The record's `ondertekening`, each signer with the lines of their title and name."""
    sig = letter.layout.signature
    if sig is None:
        return Part({"ondertekening": {"slotformule": None, "ondertekenaars": []}})
    at: dict[str, Span] = {}
    source = letter.layout.lines
    if sig.slotformule and sig.start < len(source) and source[sig.start].text == sig.slotformule:
        at["/ondertekening/slotformule"] = (source[sig.start].lineno,) * 2  # the closing begins on it
    for n, signed in enumerate(sig.signers):
        lines = [no for no in (signed.functie_line, signed.naam_line) if no]
        if lines:
            at[f"/ondertekening/ondertekenaars/{n}"] = (min(lines), max(lines))
    return Part({"ondertekening": {
        "slotformule": sig.slotformule,
        "ondertekenaars": [{"functie": s.functie, "naam": s.naam} for s in sig.signers],
    }}, posities=at)
