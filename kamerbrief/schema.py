"""The record's JSON Schema: where it lives, its version, and one cached validator.

The schema file is the contract (`schemas/kamerbrief.schema.json` in the repository, shipped inside
the package). Building a validator costs about 20 ms, so it is built once per process. Records are
first checked by jsonschema-rs (about 3 microseconds); python-jsonschema (about 1.4 ms) runs only to
explain a record that the fast check refuses.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from .model import SchemaError

SCHEMA_NAME = "kamerbrief.schema.json"


def schema_path() -> Path:
    """The schema file: inside the installed package, or in the source tree's schemas/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "schemas" / SCHEMA_NAME, here.parent / "schemas" / SCHEMA_NAME):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"{SCHEMA_NAME} is missing from the installation")


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    with open(schema_path(), encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


SCHEMA_VERSION: str = load_schema()["version"]


def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


@lru_cache(maxsize=1)
def validator() -> Any:
    """A Draft 2020-12 validator with `format: date` asserted, built once."""
    from jsonschema import Draft202012Validator, FormatChecker

    checker = FormatChecker(formats=())
    checker.checks("date")(_is_date)
    return Draft202012Validator(load_schema(), format_checker=checker)


@lru_cache(maxsize=1)
def fast_validator() -> Any | None:
    """jsonschema-rs (Rust, microseconds per record) where it is installed, else None.

    It only ever says "valid" for us: a record it refuses goes through python-jsonschema, which
    decides and explains (path, message). tests/test_schema.py checks that the two agree.
    """
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - no wheel for this platform
        return None
    return jsonschema_rs.validator_for(load_schema(), validate_formats=True)


def passes_fast(record: object) -> bool:
    """True when the fast validator accepts the record; False when it refuses it or cannot say."""
    fast = fast_validator()
    if fast is None:
        return False
    try:
        return bool(fast.is_valid(record))
    except Exception:  # values JSON does not have (YAML !!binary ...): let python-jsonschema say
        return False


def check_record(record: dict[str, Any], path: str) -> None:
    """Raise SchemaError when the parser built a record the schema refuses (a kamerbrief bug)."""
    if passes_fast(record):
        return
    errors = sorted(validator().iter_errors(record), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        where = ".".join(str(p) for p in e.absolute_path) or "(record)"
        raise SchemaError(f"internal error: the record does not match the schema at {where}: {e.message}", path)
