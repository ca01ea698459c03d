"""Reporters for `validate`, `parse` and `batch`: text (people), json (tools), github (workflow annotations).

`REPORTERS` report validate's files; `PROBLEM_REPORTERS` report the problems (warnings and errors) of
`parse` and `batch`, one `Problem` at a time through the same per-problem writers.

Every value that comes from a record or a file name passes through `safe` before it is printed, so a
key, a value or a file name cannot move the cursor, recolour the terminal, set its title (ESC, OSC),
reverse the text (bidi overrides) or start a line of its own (a forged `::error` workflow command).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from .lexicon import LazyPattern
from .model import Problem

if TYPE_CHECKING:
    from .validate import FileReport

__all__ = ["FORMATS", "PROBLEM_REPORTERS", "REPORTERS", "default_format", "exit_code", "report_problems", "safe",
           "summary"]

FORMATS = ("text", "json", "github")


def default_format() -> str:
    """github on GitHub Actions (GITHUB_ACTIONS=true), else text: what --format is when it is not given."""
    import os

    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"

# C0 controls (tab and newline included), DEL, C1 controls, the bidi marks, embeddings, overrides and
# isolates, and the Unicode line and paragraph separators: everything that changes what a terminal or a
# log viewer shows beyond the character itself.
_UNSAFE = LazyPattern("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# what json.dumps(ensure_ascii=False) leaves raw inside strings (it escapes C0 itself)
_UNSAFE_IN_JSON = LazyPattern("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(m: re.Match[str]) -> str:
    c = m.group()
    if c in _NAMED:
        return _NAMED[c]
    n = ord(c)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def safe(s: object) -> str:
    """`s` as text that prints as itself: control and bidi characters written as `\\x1b`, `\\n`, `\\u202e`.

    For any value from a record or a file name that goes to a terminal or a log. Other characters
    (Dutch letters, emoji) are kept as they are.
    """
    return _UNSAFE.sub(_escaped, str(s))


def _line(p: Problem) -> str:
    line = safe(p.format())
    # a file name such as "::error::x.yaml" must not start a workflow command on a CI log
    return "./" + line if line.startswith("::") else line


def text(reports: list[FileReport], strict: bool, out: TextIO, err: TextIO) -> None:
    for r in reports:
        for p in r.problems:
            err.write(_line(_level(p, strict)) + "\n")
    err.write(summary(reports) + "\n")


def github(reports: list[FileReport], strict: bool, out: TextIO, err: TextIO) -> None:
    for r in reports:
        for p in r.problems:
            out.write(_annotation(_level(p, strict), r.path) + "\n")
    out.write(summary(reports) + "\n")


def _annotation(p: Problem, path: str = "<input>") -> str:
    """One problem as a GitHub workflow command (`::error file=...,line=...,title=...::message`)."""
    kind = "error" if p.level == "error" else "warning"
    where = f"file={_escape_prop(safe(p.path or path))}"
    if p.line is not None:
        where += f",line={p.line}"
        if p.column is not None:
            where += f",col={p.column}"
    title = _escape_prop(f"kamerbrief [{safe(p.rule)}]")
    return f"::{kind} {where},title={title}::{_escape(safe(p.message))}"


def _as_dict(p: Problem) -> dict[str, object]:
    return {"path": p.path, "line": p.line, "column": p.column, "level": p.level, "rule": p.rule,
            "message": p.message}


def json_report(reports: list[FileReport], strict: bool, out: TextIO, err: TextIO) -> None:
    doc = {
        "files": len(reports),
        "valid": sum(1 for r in reports if _valid(r, strict)),
        "invalid": sum(1 for r in reports if not _valid(r, strict)),
        "problems": [_as_dict(_level(p, strict)) for r in reports for p in r.problems],
    }
    out.write(json_safe(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n")


def json_safe(encoded: str) -> str:
    """JSON text with the characters `safe` escapes written as \\uXXXX: the same value, inert when printed.

    json.dumps(ensure_ascii=False) escapes only C0 controls; C1 controls and bidi overrides would pass raw.
    They can only occur inside strings, where \\uXXXX means the same character.
    """
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


Reporter = Callable[[list["FileReport"], bool, TextIO, TextIO], None]
REPORTERS: dict[str, Reporter] = {"text": text, "json": json_report, "github": github}


def problems_text(problems: Sequence[Problem], out: TextIO, prefix: str = "") -> None:
    """One line a problem, `path:line: level: message [rule]`, escaped; `prefix` ("kamerbrief: ") before each."""
    for p in problems:
        out.write(prefix + _line(p) + "\n")


def problems_json(problems: Sequence[Problem], out: TextIO, prefix: str = "") -> None:
    """One JSON document: {"problems": [{path, line, column, level, rule, message}, ...]}."""
    doc = {"problems": [_as_dict(p) for p in problems]}
    out.write(json_safe(json.dumps(doc, ensure_ascii=False)) + "\n")


def problems_github(problems: Sequence[Problem], out: TextIO, prefix: str = "") -> None:
    for p in problems:
        out.write(_annotation(p) + "\n")


ProblemReporter = Callable[[Sequence[Problem], TextIO, str], None]
PROBLEM_REPORTERS: dict[str, ProblemReporter] = {"text": problems_text, "json": problems_json,
                                                 "github": problems_github}


def report_problems(problems: Sequence[Problem], fmt: str, out: TextIO, prefix: str = "") -> None:
    """Write `problems` with the reporter named `fmt` (text, json or github). Every value is escaped."""
    PROBLEM_REPORTERS[fmt](problems, out, prefix)


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
    """Workflow-command data: %, CR and LF escaped (https://github.com/actions/toolkit, command.ts)."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape(s).replace(":", "%3A").replace(",", "%2C")
