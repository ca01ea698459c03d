"""Voetnoten: the letter's notes in one list, each with the lines it was read from.

In this order: a note list typed at the very end ("1) NOS, 6 maart 2024 ..."), the notes the reader
read as footnote lines (Word footnotes and endnotes, markdown "[^1]: ...", a PDF's page-foot notes:
`Document.notes`), notes printed at a page foot (pdftotext), and notes printed after the letter
("Noten" / "1" / text, "X Noot 1").
"""

from __future__ import annotations

from .base import Letter, Part, Passage, Span


def rule(letter: Letter) -> Part:
    """The record's `voetnoten`; a note on no line of the text (a Word footnote, read from its own part)
    has no `posities` entry."""
    at: dict[str, Span] = {}
    passages: list[Passage] = []
    for n, note in enumerate(letter.layout.notes):
        span = (note.van, max(note.van, note.tot)) if note.van else None
        if span:
            at[f"/voetnoten/{n}"] = span
        passages.append(Passage(f"/voetnoten/{n}", note.tekst, note.van, span))
    return Part({"voetnoten": [{"nummer": note.nummer, "tekst": note.tekst} for note in letter.layout.notes]},
                posities=at, passages=tuple(passages))
