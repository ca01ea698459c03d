"""Answers to Kamervragen: numbered questions and the answers given to them.

Recognises, usually in the annex after the cover letter's signature:
    Vraag 1 / Kent u het bericht ...? / Antwoord op vraag 1 / Ja.
    Vraag 3: ... / Antwoord op vraag 3 en 8 / ...        (one answer to several questions)
    Antwoord op vragen 4 tot en met 7 / ...
An answer given to several questions stands in full under each of them, for up to MAX_SHARED_COPIES
questions; under the questions past those it is "Zie het antwoord op vraag N." (N the first question it
answers), so that one answer cannot fill the record with hundreds of copies of itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Problem
from .body import Block

MAX_SHARED_COPIES = 10  # real letters answer two to five questions at once

VRAAG = re.compile(r"^Vraag\s+(\d{1,3})\s*[:.)]?\s*(.*)$", re.IGNORECASE | re.DOTALL)
# possessive: what follows always matches, so the first reading is the one taken, and a long run of
# digits is never split into groups of one to three in every possible way
_NUMS = r"((?:\d{1,3}(?:\s*(?:,|en|tot en met|t/m|-|–)\s*)?)*+)"
ANTWOORD = re.compile(
    rf"^Antwoord(?:en)?(?:\s+op\s+(?:de\s+)?vra(?:ag|gen))?\s*{_NUMS}\s*[:.)]?\s*(.*)$", re.IGNORECASE | re.DOTALL
)
RANGE = re.compile(r"(\d{1,3})\s*(?:tot en met|t/m|-|–)\s*(\d{1,3})")


@dataclass(frozen=True)
class Vraag:
    nummer: int
    vraag: str
    antwoord: str | None


def numbers(spec: str) -> list[int]:
    """'3 en 8' -> [3, 8]; '4 tot en met 7' -> [4, 5, 6, 7]."""
    out: list[int] = []
    for m in RANGE.finditer(spec):
        a, b = int(m.group(1)), int(m.group(2))
        if a <= b <= a + 50:
            out += range(a, b + 1)
    spec = RANGE.sub(" ", spec)
    out += [int(n) for n in re.findall(r"\d{1,3}", spec)]
    return sorted(set(out))


def parse(blocks: list[Block], problems: list[Problem] | None = None) -> list[Vraag]:
    """The questions with their answers, in letter order; empty when the letter has none.

    A shared answer past MAX_SHARED_COPIES questions is a reference to the first; a warning says so.
    """
    questions: dict[int, list[str]] = {}
    answers: dict[int, list[str]] = {}
    answer_line: dict[int, int] = {}  # id of an answer's paragraphs -> its heading's line
    order: list[int] = []
    target: list[str] | None = None
    for b in blocks:
        text = b.text
        v = VRAAG.match(text)
        if v and len(text) < 600:
            n = int(v.group(1))
            if n not in questions:
                order.append(n)
            questions[n] = [v.group(2).strip()] if v.group(2).strip() else []
            target = questions[n]
            continue
        a = ANTWOORD.match(text) if text.lower().startswith("antwoord") else None
        if a and order:
            nums = numbers(a.group(1)) or [order[-1]]
            shared: list[str] = [a.group(2).strip()] if a.group(2).strip() else []
            answer_line[id(shared)] = b.line
            for n in nums:
                answers[n] = shared
            target = shared
            continue
        if target is not None and text.strip("*\\ "):
            target.append(text)
    out: list[Vraag] = []
    given: dict[int, tuple[int, int, str]] = {}  # id of an answer -> (first question, copies, text)
    for n in order:
        if n not in answers:
            out.append(Vraag(n, "\n\n".join(questions[n]), None))
            continue
        key = id(answers[n])
        first, copies, text = given.get(key) or (n, 0, "\n\n".join(answers[n]))
        given[key] = (first, copies + 1, text)
        if copies < MAX_SHARED_COPIES:
            out.append(Vraag(n, "\n\n".join(questions[n]), text))
            continue
        out.append(Vraag(n, "\n\n".join(questions[n]), f"Zie het antwoord op vraag {first}."))
        if copies == MAX_SHARED_COPIES and problems is not None:
            problems.append(Problem("vragen", f"one answer is given to more than {MAX_SHARED_COPIES} questions; "
                                              f"past the first {MAX_SHARED_COPIES} it refers to vraag {first}",
                                    answer_line[key]))
    return out
