"""Secties and aanbevelingen: the body's blocks split at their headings, each response with its stance.

The split itself is `sections.split` (numbered, explicit, quoted, tabled and prose-linked
recommendations, or the responses in a bijlage after the signature: `Layout.bijlage`); the stance of each
response is `stance.classify`, settled by who the recommendation is addressed to (`adressaat`: addressed
to others, it has no stance of its own unless the deciding sentence is the government's). This rule adds
where each section and recommendation stands: from its first line to the last block before the next one,
in the body or in the bijlage it was read from.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from ..model import Problem
from ..stance import classify
from . import adressaat as adressaat_rule
from . import sections as sections_rule
from .base import Letter, Part, Passage, Span
from .body import Block


def rule(letter: Letter) -> Part:
    """The record's `secties` and `aanbevelingen`, with a problem for a response without text."""
    blocks, bijlage = letter.layout.blocks, letter.layout.bijlage
    secties, recs, problems = sections_rule.split(list(blocks), list(bijlage))
    aanbevelingen: list[dict[str, Any]] = []
    for r in recs:
        adressaat = adressaat_rule.find(r.reactie, r.adressaat)  # addressed to others: no stance of its own
        st = adressaat_rule.settle(classify(r.reactie), adressaat)
        aanbevelingen.append({
            "nummer": r.nummer,
            "titel": r.titel,
            "reactie": r.reactie,
            "standpunt": st.standpunt,
            "standpunt_citaat": st.citaat,
            "standpunt_vertrouwen": st.vertrouwen,
            "reeds_in_gang": st.reeds_in_gang,
            **({"aanduiding": r.aanduiding} if r.aanduiding else {}),
            **({"adressaat": adressaat.naam} if adressaat else {}),
        })
        if not r.reactie.strip():
            problems.append(Problem("aanbevelingen", f"aanbeveling {r.nummer} has no response text", r.line))

    secties_out = [{"nummer": s.nummer, "kop": s.kop, "tekst": s.tekst} for s in secties]
    values = {"secties": secties_out, "aanbevelingen": aanbevelingen}
    if not letter.posities:
        texts = [Passage(f"/secties/{n}", s.tekst, s.line, None) for n, s in enumerate(secties)]
        texts += [Passage(f"/aanbevelingen/{n}", r.reactie, r.line, None) for n, r in enumerate(recs)]
        return Part(values, tuple(problems), passages=tuple(texts))

    # a section or a recommendation runs from its first line to the last block before the next one, in the
    # blocks it was read from: the body's, or those of the bijlage after the signature
    starts = sorted({s.line for s in secties} | {r.line for r in recs})
    body_lines = [b.line for b in blocks]
    annex_at = bijlage[0].line if bijlage else None
    annex_lines = [b.line for b in bijlage]
    by_line: dict[int, Block] = {}
    for b in (*blocks, *bijlage):
        by_line.setdefault(b.line, b)

    def region(start: int) -> tuple[tuple[Block, ...], list[int]]:
        return (bijlage, annex_lines) if annex_at is not None and start >= annex_at else (blocks, body_lines)

    def row_line(r: sections_rule.Aanbeveling) -> int | None:
        """The source line of the table row a recommendation was read from (a row's cells), if it was."""
        for b in (*blocks, *bijlage):
            k = r.line - b.line  # the split numbers a table's rows from the block's first line
            if b.rows and 0 <= k < len(b.rows) and r.titel in (c.strip() for c in b.rows[k]):
                return b.offsets[k][1] if len(b.offsets) == len(b.rows) else None
        return None

    def inside(start: int) -> tuple[Block, ...]:
        k = bisect_right(starts, start)
        nxt = starts[k] if k < len(starts) else None
        own, lines = region(start)
        return own[bisect_right(lines, start - 1):bisect_right(lines, nxt - 1) if nxt is not None else None]

    at: dict[str, Span] = {}
    passages: list[Passage] = []
    for n, s in enumerate(secties):
        own = inside(s.line)
        whole = (s.line, own[-1].last) if own else None  # blocks stand in line order
        if whole:
            at[f"/secties/{n}"] = whole
            if s.kop is not None and s.line in by_line:
                at[f"/secties/{n}/kop"] = (s.line, by_line[s.line].last)
        passages.append(Passage(f"/secties/{n}", s.tekst, s.line, whole, own))
    for n, r in enumerate(recs):
        row = row_line(r)
        if row is not None:  # a table row: the recommendation, its title and its response stand on that line
            at[f"/aanbevelingen/{n}"] = at[f"/aanbevelingen/{n}/titel"] = (row, row)
            if r.reactie:
                at[f"/aanbevelingen/{n}/reactie"] = (row, row)
            passages.append(Passage(f"/aanbevelingen/{n}", r.reactie, r.line, (row, row)))
            continue
        own = inside(r.line)
        whole = (r.line, own[-1].last) if own else None
        if whole:
            at[f"/aanbevelingen/{n}"] = whole
            if r.line in by_line:
                at[f"/aanbevelingen/{n}/titel"] = (r.line, by_line[r.line].last)
            lines = region(r.line)[1]
            after = bisect_right(lines, r.line)
            if r.reactie and after < len(lines) and lines[after] <= whole[1]:
                at[f"/aanbevelingen/{n}/reactie"] = (lines[after], whole[1])
        passages.append(Passage(f"/aanbevelingen/{n}", r.reactie, r.line, whole, own))
    return Part(values, tuple(problems), at, tuple(passages))

