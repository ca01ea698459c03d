"""The parse pipeline, conducted: read -> lines -> layout -> rules in order -> record -> schema check.

    read (readers/: a Document of Lines with roles) ─▶ lines in the flow (Document.flow)
         ─▶ layout (rules/layout.py: regions as spans, found once; the reader's notes)
         ─▶ RULES (pipeline.py: each returns its part, problems and places) ─▶ record in schema order
         ─▶ posities (positions.py) ─▶ schema check
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from . import limits, positions
from .model import Document, NotALetterError, Problem, Result
from .pipeline import RULES
from .readers import read
from .readers.markup import text_document
from .rules import layout as layout_rule
from .rules.base import Letter
from .schema import SCHEMA_VERSION, check_record
from .stance import forget


def parse_file(path: str | os.PathLike[str], fmt: str | None = None, *,
               timeout: float | None = limits.DEFAULT_TIMEOUT,
               max_output_bytes: int | None = limits.MAX_OUTPUT_BYTES, posities: bool = False) -> Result:
    """Read and parse one letter. Raises a KamerbriefError subclass when it cannot go on.

    Reading and parsing run inside a time budget of `timeout` seconds (None: no budget); past it, or
    when the record would hold more than `max_output_bytes` of text, a `LimitError` is raised.
    With `posities`, the record says where each value came from (see `parse_source`).
    """
    with limits.time_budget(timeout, str(path)):
        return parse_source(read(path, fmt), timeout=None, max_output_bytes=max_output_bytes, posities=posities)


def parse_bytes(data: bytes, name: str = "<stdin>", fmt: str | None = None, *,
                timeout: float | None = limits.DEFAULT_TIMEOUT,
                max_output_bytes: int | None = limits.MAX_OUTPUT_BYTES, posities: bool = False) -> Result:
    """Parse a letter given as bytes (standard input, a download); `fmt`, limits, posities as for parse_file."""
    from .readers import from_bytes

    with limits.time_budget(timeout, name):
        return parse_source(from_bytes(data, Path(name), fmt), timeout=None, max_output_bytes=max_output_bytes,
                            posities=posities)


def parse_text(text: str, name: str = "<text>", fmt: str = "text", *,
               timeout: float | None = limits.DEFAULT_TIMEOUT,
               max_output_bytes: int | None = limits.MAX_OUTPUT_BYTES, posities: bool = False) -> Result:
    """Parse a letter given as a string (`fmt` "text" or "markdown"); limits and posities as for parse_file."""
    import hashlib

    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    with limits.time_budget(timeout, name):
        doc = text_document(name, fmt, text, digest, markdown=fmt == "markdown")
        return parse_source(doc, timeout=None, max_output_bytes=max_output_bytes, posities=posities)


def parse_source(source: Document, *, timeout: float | None = limits.DEFAULT_TIMEOUT,
                 max_output_bytes: int | None = limits.MAX_OUTPUT_BYTES, posities: bool = False) -> Result:
    """Parse a Document that a reader made; the limits as for parse_file.

    With `posities`, the record gets `posities`: JSON pointer into the record -> {"pagina", "van", "tot"},
    the page (None where the format has none) and the first and last source line the value was read from.
    """
    with limits.time_budget(timeout, source.path):
        cleaned = source.flow()
        record, problems = build(source, cleaned, posities)
        if max_output_bytes is not None and (size := _text_bytes(record)) > max_output_bytes:
            raise limits.LimitError(f"the record would hold {size:,} bytes of text, more than the cap of "
                                    f"{max_output_bytes:,} (max_output_bytes)", source.path)
        check_record(record, source.path)
    return Result(record, tuple(problems))


def _text_bytes(value: Any) -> int:
    """The UTF-8 size of the strings in a record (keys and values): what any dump of it holds at least."""
    if isinstance(value, str):
        return len(value.encode("utf-8"))
    if isinstance(value, dict):
        return sum(_text_bytes(k) + _text_bytes(v) for k, v in value.items())
    if isinstance(value, list):
        return sum(_text_bytes(v) for v in value)
    return 8


def build(source: Document, cleaned: Document, posities: bool = False) -> tuple[dict[str, Any], list[Problem]]:
    """The record of a letter and its problems: layout, then the rules in order, then the record in schema
    order. `cleaned` is the source's flow (`Document.flow`): the lines the rules read; the notes come from
    the source's footnote lines."""
    forget()  # the per-text caches (sentence splits, stance probabilities) serve one letter only
    lay = layout_rule.read(cleaned, source.notes())
    if (why := lay.not_a_letter()) is not None:
        raise NotALetterError(why, source.path)
    letter = Letter(source, lay, posities=posities)
    for _, rule in RULES:
        letter = Letter(source, lay, (*letter.parts, rule(letter)), posities)
    values: dict[str, Any] = {k: v for part in letter.parts for k, v in part.values.items()}
    record: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "bron": {
            "bestand": Path(source.path).name,
            "formaat": source.format,
            "sha256": source.sha256,
            "paginas": source.pages,
        },
        **{key: values[key] for key in RECORD_KEYS if key in values},
        "waarschuwingen": [],
    }
    if posities:
        record["posities"] = positions.collect(source, cleaned.lines, [part.posities for part in letter.parts])
    problems = [Problem(p.rule, p.message, p.line, p.level, source.path)
                for p in (*source.problems, *(p for part in letter.parts for p in part.problems))]
    record["waarschuwingen"] = [
        {"code": p.rule, "message": p.message, "line": p.line} for p in problems if p.level == "warning"
    ]
    return record, problems


# The rules' keys in the order of the schema (between `bron` and `waarschuwingen`).
RECORD_KEYS = ("soort", "metadata", "aanhef", "secties", "aanbevelingen", "vragen", "toezeggingen", "verwijzingen",
               "voetnoten", "ondertekening")
