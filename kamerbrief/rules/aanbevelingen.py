"""Secties and aanbevelingen: the body's blocks split at their headings, each response with its stance.

The split itself is `sections.split` (numbered, explicit, quoted, tabled and prose-linked
recommendations); the stance of each response is `stance.classify`. This rule adds where each section
and recommendation stands: from its first line to the last block before the next one.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from ..model import Problem
from ..stance import classify
from . import sections as sections_rule
from .base import Letter, Part, Passage, Span
from .body import Block


def rule(letter: Letter) -> Part:
    """The record's `secties` and `aanbevelingen`, with a problem for a response without text."""
    blocks = letter.layout.blocks
    secties, recs, problems = sections_rule.split(list(blocks))
    aanbevelingen: list[dict[str, Any]] = []
    for r in recs:
        st = classify(r.reactie)
        aanbevelingen.append({
            "nummer": r.nummer,
            "titel": r.titel,
            "reactie": r.reactie,
            "standpunt": st.standpunt,
            "standpunt_citaat": st.citaat,
            "standpunt_vertrouwen": st.vertrouwen,
            "reeds_in_gang": st.reeds_in_gang,
            **({"aanduiding": r.aanduiding} if r.aanduiding else {}),
        })
        if not r.reactie.strip():
            problems.append(Problem("aanbevelingen", f"aanbeveling {r.nummer} has no response text", r.line))

    secties_out = [{"nummer": s.nummer, "kop": s.kop, "tekst": s.tekst} for s in secties]
    values = {"secties": secties_out, "aanbevelingen": aanbevelingen}
    if not letter.posities:
        texts = [Passage(f"/secties/{n}", s.tekst, s.line, None) for n, s in enumerate(secties)]
        texts += [Passage(f"/aanbevelingen/{n}", r.reactie, r.line, None) for n, r in enumerate(recs)]
        return Part(values, tuple(problems), passages=tuple(texts))

    # a section or a recommendation runs from its first line to the last block before the next one
    starts = sorted({s.line for s in secties} | {r.line for r in recs})
    lines = [b.line for b in blocks]
    by_line: dict[int, Block] = {}
    for b in blocks:
        by_line.setdefault(b.line, b)

    def inside(start: int) -> tuple[Block, ...]:
        k = bisect_right(starts, start)
        nxt = starts[k] if k < len(starts) else None
        return blocks[bisect_right(lines, start - 1):bisect_right(lines, nxt - 1) if nxt is not None else None]

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
        own = inside(r.line)
        whole = (r.line, own[-1].last) if own else None
        if whole:
            at[f"/aanbevelingen/{n}"] = whole
            if r.line in by_line:
                at[f"/aanbevelingen/{n}/titel"] = (r.line, by_line[r.line].last)
            after = bisect_right(lines, r.line)
            if r.reactie and after < len(lines) and lines[after] <= whole[1]:
                at[f"/aanbevelingen/{n}/reactie"] = (lines[after], whole[1])
        passages.append(Passage(f"/aanbevelingen/{n}", r.reactie, r.line, whole, own))
    return Part(values, tuple(problems), at, tuple(passages))

