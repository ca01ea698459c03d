"""Reporters for `kamerbrief validate`: text (people), json (tools), github (workflow annotations)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TextIO

from .model import Problem
from .validate import FileReport

FORMATS = ("text", "json", "github")


def text(reports: list[FileReport], strict: bool, out: TextIO, err: TextIO) -> None:
    for r in reports:
        for p in r.problems:
            err.write(_level(p, strict).format() + "\n")
    err.write(summary(reports) + "\n")


def github(reports: list[FileReport], strict: bool, out: TextIO, err: TextIO) -> None:
    for r in reports:
        for p in r.problems:
            p = _level(p, strict)
            kind = "error" if p.level == "error" else "warning"
            where = f"file={_escape_prop(p.path or r.path)}"
            if p.line is not None:
                where += f",line={p.line}"
                if p.column is not None:
                    where += f",col={p.column}"
            out.write(f"::{kind} {where},title=kamerbrief [{p.rule}]::{_escape(p.message)}\n")
    out.write(summary(reports) + "\n")


def json_report(reports: list[FileReport], strict: bool, out: TextIO, err: TextIO) -> None:
    doc = {
        "files": len(reports),
        "valid": sum(1 for r in reports if _valid(r, strict)),
        "invalid": sum(1 for r in reports if not _valid(r, strict)),
        "problems": [
            {"path": p.path, "line": p.line, "column": p.column, "level": _level(p, strict).level, "rule": p.rule,
             "message": p.message}
            for r in reports for p in r.problems
        ],
    }
    out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


Reporter = Callable[[list[FileReport], bool, TextIO, TextIO], None]
REPORTERS: dict[str, Reporter] = {"text": text, "json": json_report, "github": github}


def _level(p: Problem, strict: bool) -> Problem:
    if strict and p.level == "warning":
        return Problem(p.rule, p.message, p.line, "error", p.path, p.column)
    return p


def _valid(r: FileReport, strict: bool) -> bool:
    return not any(_level(p, strict).level == "error" for p in r.problems)


def summary(reports: list[FileReport]) -> str:
    valid = sum(1 for r in reports if r.valid)
    warnings = sum(1 for r in reports for p in r.problems if p.level == "warning")
    return (f"{len(reports)} file{'s' if len(reports) != 1 else ''} checked: {valid} valid, "
            f"{len(reports) - valid} invalid, {warnings} warning{'s' if warnings != 1 else ''}")


def exit_code(reports: list[FileReport], strict: bool) -> int:
    """0 all valid; 1 any invalid (or any warning with --strict)."""
    return 0 if all(_valid(r, strict) for r in reports) else 1


def _escape(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape(s).replace(":", "%3A").replace(",", "%2C")
