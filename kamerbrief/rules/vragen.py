"""Answers to Kamervragen: numbered questions and the answers given to them.

Recognises, usually in the annex after the cover letter's signature:
    Vraag 1 / Kent u het bericht ...? / Antwoord op vraag 1 / Ja.
    Vraag 3: ... / Antwoord op vraag 3 en 8 / ...        (one answer to several questions)
    Antwoord op vragen 4 tot en met 7 / ...   Antwoord op vragen 7, 8, en 9 / ...
    **Vraag 5** / **Bent u bereid ...?** / Er wordt ...  (no label: the first plain paragraph after a
                                                          bold question is its answer)
A shared answer stands in full under each question it answers, for up to MAX_SHARED_COPIES questions;
under the questions past those it is "Zie het antwoord op vraag N." (N the first question it answers),
so that one answer cannot fill the record with hundreds of copies of itself. A question left without
an answer is reported by number.
"""

from __future__ import annotations

import re
from operator import attrgetter
from typing import NamedTuple

from ..lexicon import LazyPattern
from ..model import Problem
from .base import Letter, Part, Passage, Span
from .body import Block

TEXT = attrgetter("text")
MAX_SHARED_COPIES = 10  # real letters answer two to five questions at once

VRAAG = re.compile(r"^Vraag\s+(\d{1,3})\s*[:.)]?\s*(.*)$", re.IGNORECASE | re.DOTALL)
# between the numbers of one answer: "3 en 8", "7, 8, en 9", "4 tot en met 7", "4 t/m 7", "4-7"
_SEP = r"(?:\s*,\s*(?:en\s+)?|\s+en\s+|\s+tot\s+en\s+met\s+|\s*t/m\s*|\s*[-–]\s*)"
# possessive: the first reading is the one taken, and a long run of digits is never split into groups
# of one to three in every possible way
_NUMS = rf"((?:\d{{1,3}}(?:{_SEP}(?=\d))?)*+)"
ANTWOORD = LazyPattern(
    rf"^Antwoord(?:en)?(?:\s+op\s+(?:de\s+)?vra(?:ag|gen))?\s*{_NUMS}\s*[:.)]?\s*(.*)$", re.IGNORECASE | re.DOTALL
)
RANGE = LazyPattern(r"(\d{1,3})\s*(?:tot\s+en\s+met|t/m|-|–)\s*(\d{1,3})")


class Vraag(NamedTuple):
    nummer: int
    vraag: str
    antwoord: str | None
    line: int = 0  # source line of the question's label
    vraag_tot: int = 0  # source line the question ends on
    antwoord_van: int = 0  # source lines of the answer (its label included); 0: not known
    antwoord_tot: int = 0


def numbers(spec: str) -> list[int]:
    """'3 en 8' -> [3, 8]; '4 tot en met 7' -> [4, 5, 6, 7]; '7, 8, en 9' -> [7, 8, 9]."""
    out: list[int] = []
    for m in RANGE.finditer(spec):
        a, b = int(m.group(1)), int(m.group(2))
        if a <= b <= a + 50:
            out += range(a, b + 1)
    spec = RANGE.sub(" ", spec)
    out += [int(n) for n in re.findall(r"\d{1,3}", spec)]
    return sorted(set(out))


def parse(blocks: list[Block], closing: int | None = None) -> tuple[list[Vraag], list[Problem]]:
    """The questions with their answers, in letter order, and a problem for each unanswered one.

    `closing`: the source line where the letter's closing begins; no question or answer read before it
    runs on past it (an annex after the signature starts over at its own "Vraag N").

    A shared answer past MAX_SHARED_COPIES questions is a reference to the first; a warning says so.
    """
    questions: dict[int, list[str]] = {}
    bold: dict[int, bool] = {}  # every paragraph of the question so far was bold
    lines: dict[int, int] = {}
    answers: dict[int, list[str]] = {}
    implicit: set[int] = set()  # answers begun by a plain paragraph, with no "Antwoord" label
    answer_line: dict[int, int] = {}  # id of an answer's paragraphs -> its heading's line
    last: dict[int, int] = {}  # id of a question's or answer's paragraphs -> the source line it ends on
    order: list[int] = []
    target: list[str] | None = None
    current: int | None = None  # the question whose text is being read
    for b in blocks:
        if closing is not None and b.line >= closing:
            target, current, closing = None, None, None  # the closing ends what came before it
        text = b.text
        v = VRAAG.match(text)
        if v and len(text) < 600:
            n = int(v.group(1))
            if n not in questions:
                order.append(n)
            rest = v.group(2).strip()
            questions[n] = [rest] if rest else []
            bold[n] = b.bold
            lines[n] = b.line
            target, current = questions[n], n
            last[id(target)] = b.last
            continue
        a = ANTWOORD.match(text) if text.lower().startswith("antwoord") else None
        if a and order:
            nums = numbers(a.group(1)) or [order[-1]]
            shared: list[str] = [a.group(2).strip()] if a.group(2).strip() else []
            answer_line[id(shared)] = b.line
            last[id(shared)] = b.last
            for n in nums:
                if n in implicit:
                    # the label came after all: the plain paragraphs belonged to the question (a quote)
                    questions[n] += answers[n]
                    last[id(questions[n])] = last.get(id(answers[n]), last.get(id(questions[n]), 0))
                    implicit.discard(n)
                answers[n] = shared
            target, current = shared, None
            continue
        if target is None or not text.strip("*\\ "):
            continue
        if current is not None and questions[current] and bold[current] and not b.bold \
                and current not in answers:
            # a plain paragraph after a bold question, with no "Antwoord" label: the answer
            answers[current] = []
            implicit.add(current)
            target, current = answers[current], None
            answer_line[id(target)] = b.line
        elif current is not None:
            bold[current] = bold[current] and b.bold
        target.append(text)
        last[id(target)] = b.last
    problems = [
        Problem("vragen", f"vraag {n} has no answer", lines[n]) for n in order if not answers.get(n)
    ]
    out: list[Vraag] = []
    given: dict[int, tuple[int, int, str]] = {}  # id of an answer -> (first question, copies, text)
    for n in order:
        if not answers.get(n):
            out.append(Vraag(n, "\n\n".join(questions[n]), None, lines[n], last.get(id(questions[n]), 0)))
            continue
        key = id(answers[n])
        first, copies, text = given.get(key) or (n, 0, "\n\n".join(answers[n]))
        given[key] = (first, copies + 1, text)
        if copies < MAX_SHARED_COPIES:
            out.append(Vraag(n, "\n\n".join(questions[n]), text, lines[n], last.get(id(questions[n]), 0),
                             answer_line.get(key, 0), last.get(key, 0)))
            continue
        out.append(Vraag(n, "\n\n".join(questions[n]), f"Zie het antwoord op vraag {first}.", lines[n]))
        if copies == MAX_SHARED_COPIES:
            problems.append(Problem("vragen", f"one answer is given to more than {MAX_SHARED_COPIES} questions; "
                                              f"past the first {MAX_SHARED_COPIES} it refers to vraag {first}",
                                    answer_line.get(key)))
    return out, problems


def after_signature(letter: Letter) -> tuple[Block, ...]:
    """The annex's blocks past the closing and the signature (lines[body_end:] starts with them): the
    closing formula, the signer's title and name end the last answer before them, never belong to it."""
    sig = letter.layout.signature
    if sig is None:
        return letter.layout.annex
    end = max((no for s in sig.signers for no in (s.line, s.functie_line, s.naam_line)), default=0)
    return tuple(b for b in letter.layout.annex if b.line > end)


def rule(letter: Letter) -> Part:
    """`soort` and, for answers to Kamervragen, `vragen`: read from the body and the annex after the
    cover letter's signature."""
    lay = letter.layout
    if not any(map(VRAAG.match, map(TEXT, lay.lines[lay.body_start:]))):
        return Part({"soort": "brief"})
    closing = lay.lines[lay.body_end].lineno if lay.signature and lay.body_end < len(lay.lines) else None
    vragen, problems = parse([*lay.blocks, *after_signature(letter)], closing)
    if not vragen:
        return Part({"soort": "brief"}, tuple(problems))
    at: dict[str, Span] = {}
    passages: list[Passage] = []
    for n, v in enumerate(vragen):
        last = max(v.line, v.vraag_tot, v.antwoord_tot)
        if v.line:
            at[f"/vragen/{n}"] = (v.line, last)  # the question with its answer
            at[f"/vragen/{n}/nummer"] = (v.line, v.line)  # the "Vraag N" label
            at[f"/vragen/{n}/vraag"] = (v.line, max(v.line, v.vraag_tot))
        if v.antwoord is not None and v.antwoord_van:
            at[f"/vragen/{n}/antwoord"] = (v.antwoord_van, max(v.antwoord_van, v.antwoord_tot))
        passages.append(Passage(f"/vragen/{n}", f"{v.vraag}\n\n{v.antwoord or ''}", v.line,
                                (v.line, last) if v.line else None))
    return Part({"soort": "antwoorden_kamervragen",
                 "vragen": [{"nummer": v.nummer, "vraag": v.vraag, "antwoord": v.antwoord} for v in vragen]},
                tuple(problems), at, tuple(passages))
