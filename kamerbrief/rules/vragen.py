"""Answers to Kamervragen: numbered questions and the answers given to them.

Recognises, usually in the annex after the cover letter's signature:
    Vraag 1 / Kent u het bericht ...? / Antwoord op vraag 1 / Ja.
    Vraag 3: ... / Antwoord op vraag 3 en 8 / ...        (one answer to several questions)
    Antwoord op vragen 4 tot en met 7 / ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .body import Block

VRAAG = re.compile(r"^Vraag\s+(\d{1,3})\s*[:.)]?\s*(.*)$", re.IGNORECASE | re.DOTALL)
_NUMS = r"((?:\d{1,3}(?:\s*(?:,|en|tot en met|t/m|-|–)\s*)?)*)"
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


def parse(blocks: list[Block]) -> list[Vraag]:
    """The questions with their answers, in letter order; empty when the letter has none."""
    questions: dict[int, list[str]] = {}
    answers: dict[int, list[str]] = {}
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
            for n in nums:
                answers[n] = shared
            target = shared
            continue
        if target is not None and text.strip("*\\ "):
            target.append(text)
    return [
        Vraag(n, "\n\n".join(questions[n]), "\n\n".join(answers[n]) if n in answers else None)
        for n in order
    ]
