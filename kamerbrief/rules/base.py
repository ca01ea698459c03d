"""What a field rule is given and what it gives back: the letter so far in, its part of the record out.

A rule is a function `rule(letter) -> Part`. `letter` holds the source, the layout (the regions of the
letter, found once) and the parts of the rules before it; the rule reads those and never another rule's
internals. Its `Part` holds the record keys it fills, the problems it found, where each value came from
(JSON pointer -> first and last source line; only when `letter.posities` asks for them: finding places
nobody asked for would cost every parse) and the texts it made that later rules read (`Passage`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from ..model import Document, Problem
from .body import Block
from .layout import Layout

Span = tuple[int, int]  # first and last source line
NOWHERE: Mapping[str, Span] = MappingProxyType({})  # no places (none found, or none asked for)

# These values are made many times per letter: named tuples (immutable, and cheaper to make than frozen
# dataclasses).


class Passage(NamedTuple):
    """A text of the record that later rules read (commitments, references): a section, a response,
    a question with its answer, a footnote."""

    pointer: str  # where it stands in the record ("/secties/2")
    text: str
    line: int  # the source line it starts on: its place in the letter
    span: Span | None  # the source lines it was read from, where known
    blocks: tuple[Block, ...] = ()  # the body's blocks in that span, where it was read from the body


class Part(NamedTuple):
    """One rule's part of the record."""

    values: Mapping[str, Any]
    problems: tuple[Problem, ...] = ()
    posities: Mapping[str, Span] = NOWHERE
    passages: tuple[Passage, ...] = ()


class Letter(NamedTuple):
    """What a rule reads: the source, its layout, and the parts of the rules before it."""

    source: Document
    layout: Layout
    parts: tuple[Part, ...] = ()
    posities: bool = False  # whether the places of the values were asked for (a rule may skip finding them)

    def value(self, key: str) -> Any:
        """The record value an earlier rule gave for `key`; KeyError when none did (a rule out of order)."""
        for part in self.parts:
            if key in part.values:
                return part.values[key]
        raise KeyError(key)

    def passages(self, *prefixes: str) -> list[Passage]:
        """The passages of earlier rules whose pointer starts with one of `prefixes`, in the order given."""
        return [p for prefix in prefixes for part in self.parts for p in part.passages
                if p.pointer.startswith(prefix)]


Rule = Callable[[Letter], Part]
