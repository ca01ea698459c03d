"""Record rules beyond the schema: what a valid shape can still get wrong. Warnings; errors with --strict.

Each rule takes the record and yields (path, level, message). Adding a rule is one function here
and one line in RULES.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from .model import Level
from .schema import SCHEMA_VERSION

Finding = tuple[tuple[str | int, ...], Level, str]


def _version(v: str) -> tuple[int, ...]:
    try:
        return tuple(int(x) for x in v.split("."))
    except ValueError:
        return (0,)


def check_schema_version(r: dict[str, Any]) -> Iterator[Finding]:
    """schema_version older or newer than the schema this kamerbrief ships."""
    v = r.get("schema_version")
    if not isinstance(v, str):
        return
    if _version(v) < _version(SCHEMA_VERSION):
        yield ("schema_version",), "warning", f"record follows schema {v}; the current one is {SCHEMA_VERSION}"
    elif _version(v) > _version(SCHEMA_VERSION):
        yield (("schema_version",), "warning", f"record follows schema {v}, newer than this kamerbrief knows "
               f"({SCHEMA_VERSION}); it was checked against {SCHEMA_VERSION}: upgrade kamerbrief")


def check_numbering(r: dict[str, Any]) -> Iterator[Finding]:
    """Recommendation numbers run 1..n in letter order."""
    recs = r.get("aanbevelingen")
    if not isinstance(recs, list):
        return
    for i, rec in enumerate(recs):
        if isinstance(rec, dict) and isinstance(rec.get("nummer"), int) and rec["nummer"] != i + 1:
            yield ("aanbevelingen", i, "nummer"), "warning", f"expected nummer {i + 1}, found {rec['nummer']}"
            return


def check_empty_response(r: dict[str, Any]) -> Iterator[Finding]:
    """A recommendation without a response text."""
    for i, rec in enumerate(r.get("aanbevelingen") or []):
        if isinstance(rec, dict) and isinstance(rec.get("reactie"), str) and not rec["reactie"].strip():
            yield ("aanbevelingen", i, "reactie"), "warning", "empty reactie"


def check_datum(r: dict[str, Any]) -> Iterator[Finding]:
    """A datum in the future, or before the Staten-Generaal had two chambers (1814)."""
    meta = r.get("metadata")
    datum = meta.get("datum") if isinstance(meta, dict) else None
    if not isinstance(datum, str):
        return
    try:
        d = dt.date.fromisoformat(datum)
    except ValueError:
        return  # the schema reports it
    if d > dt.date.today():
        yield ("metadata", "datum"), "warning", f"{datum} is in the future"
    elif d.year < 1814:
        yield ("metadata", "datum"), "warning", f"{datum} is before 1814"


def check_blank_kenmerk(r: dict[str, Any]) -> Iterator[Finding]:
    """A kenmerk (or uw_kenmerk) that is only white space."""
    meta = r.get("metadata")
    if not isinstance(meta, dict):
        return
    for key in ("kenmerk", "uw_kenmerk"):
        v = meta.get(key)
        if isinstance(v, str) and not v.strip():
            yield ("metadata", key), "warning", f"{key} is only white space; use null"


RULES = (check_schema_version, check_numbering, check_empty_response, check_datum, check_blank_kenmerk)
