"""The record's `posities`: for each value, as a JSON pointer, the page and the source lines it was read from.

The rules give the places with their parts (JSON pointer -> first and last source line); this module
only adds the page each line is on and puts the entries in record order. A value whose place no rule
knows is left out, never guessed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from typing import Any

from .lexicon import LazyPattern
from .model import Document, Line
from .schema import load_schema

INDEX = LazyPattern(r"\d+")


def collect(source: Document, cleaned: tuple[Line, ...],
            found: Iterable[Mapping[str, tuple[int, int]]]) -> dict[str, Any]:
    """JSON pointer -> {"pagina": int | None, "van": int, "tot": int}, in record order."""
    paged = source.format == "pdf" or "\f" in source.text
    pages: dict[int, int] = {}
    page = 1
    for ln in cleaned:
        if ln.page_break:
            page += 1
        pages.setdefault(ln.lineno, page)
    known = sorted(pages)

    def page_of(lineno: int) -> int | None:
        if not paged:
            return None
        at = bisect_right(known, lineno) - 1
        return pages[known[at]] if at >= 0 else 1

    places = {ptr: span for part in found for ptr, span in part.items() if span[0] > 0}
    return {ptr: {"pagina": page_of(van), "van": van, "tot": max(van, tot)}
            for ptr, (van, tot) in sorted(places.items(), key=lambda item: _rank(item[0]))}


def _rank(pointer: str) -> tuple[Any, ...]:
    """Where a pointer stands in the record: each key by its place among its siblings in the schema (the
    schema is the record's order), list items by number; a key the schema does not know after the rest."""
    node: Any = load_schema()
    out: list[tuple[int, str]] = []
    for part in pointer.split("/")[1:]:
        found = _child(node, part) if node is not None else None
        if found is None:
            node = None
            out.append((int(part), "") if INDEX.fullmatch(part) else (1 << 30, part))
            continue
        place, node = found
        out.append((place, part))
    return tuple(out)


def _child(node: Any, part: str) -> tuple[int, Any] | None:
    """(place among its siblings, schema) of `part` under a schema node, through anyOf/oneOf branches."""
    if not isinstance(node, dict):
        return None
    props = node.get("properties")
    if isinstance(props, dict) and part in props:
        return list(props).index(part), props[part]
    items = node.get("items")
    if isinstance(items, dict) and INDEX.fullmatch(part):
        return int(part), items
    extra = node.get("additionalProperties")
    if isinstance(extra, dict) and not isinstance(props, dict):
        return 0, extra  # a map (posities): its keys keep their own order
    for branch in (*node.get("anyOf", ()), *node.get("oneOf", ()), *node.get("allOf", ())):
        got = _child(branch, part)
        if got is not None:
            return got
    return None
