"""Dump records as YAML or JSON, and write files atomically (temp file + rename, never partial)."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml is 15x faster; the pure-Python classes are the fallback
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - depends on the wheel
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]

FORMATS = ("yaml", "json")


class _RecordDumper(_Dumper):
    """Safe dumper that writes multi-paragraph text as a literal block, as people read it."""


def _str(dumper: Any, value: str) -> Any:
    if "\n" in value and not any(c in value for c in "\r\t\x85\u2028\u2029") and value == value.strip():
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_RecordDumper.add_representer(str, _str)


def dumps(record: dict[str, Any], to: str = "yaml") -> str:
    """The record as text, keys in schema order, non-ASCII kept as is."""
    if to == "json":
        return json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    return yaml.dump(record, Dumper=_RecordDumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write text to path so that readers only ever see the old file or the whole new one."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
