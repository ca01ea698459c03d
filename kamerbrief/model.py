"""The values passed between pipeline stages, and the errors that stop a parse.

Each stage hands one value to the next: a `Source` from a reader, `Line`s from cleaning,
`Block`s from splitting. Problems found on the way are `Problem` values, collected, never raised.
Exceptions are for "cannot go on" only, and each carries the exit code the CLI uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Literal

Level = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Problem:
    """Something noticed while parsing or validating: where, which rule, how bad, what."""

    rule: str
    message: str
    line: int | None = None
    level: Level = "warning"
    path: str | None = None
    column: int | None = None

    def format(self) -> str:
        """`path:line:col: level: message [rule]`, leaving out what is unknown."""
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.level}: {self.message} [{self.rule}]"


@dataclass(frozen=True)
class Source:
    """What a reader returns: the letter as text, whatever format it came in."""

    path: str
    format: str
    text: str
    sha256: str
    pages: int | None = None
    # Format-specific metadata that may fill empty fields (DOCX document properties).
    properties: dict[str, str] = field(default_factory=dict)
    # Text a reader already knows is letterhead (DOCX header parts), kept apart from the body.
    header_text: str = ""
    # What the reader noticed (a stray byte that is not UTF-8), carried into the record's warnings.
    problems: tuple[Problem, ...] = ()
    # Notes a reader read apart from the text (Word footnotes and endnotes) as (number, text).
    notes: tuple[tuple[str, str], ...] = ()
    # Lines of `text` (1-based) that the page shows in bold or in italics (PDF): headings, bold items.
    bold_lines: frozenset[int] = frozenset()
    italic_lines: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Line:
    """One line of the letter after markup is removed, with the source line it came from."""

    text: str
    lineno: int
    heading: int = 0  # markdown heading level, 0 for none
    bold: bool = False  # the whole line was bold (a heading in PDF-derived markdown)
    page_break: bool = False  # a page ends before this line
    cells: tuple[str, ...] = ()  # a table row's cells, in order (the text joins them with " | ")
    italic: bool = False  # the whole line was in italics (PDF)


@dataclass(frozen=True)
class Result:
    """What `parse_file` / `parse_text` return: the record and every problem found."""

    record: dict[str, Any]
    problems: tuple[Problem, ...]

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level == "warning")


class ExitCode(IntEnum):
    """Every exit status of the `kamerbrief` command: the one table (README's "Exit codes" matches it)."""

    OK = 0  # the record was written; all valid; all converted
    PROBLEMS = 1  # warnings with --strict; invalid records (validate); failed letters (batch)
    USAGE = 2  # bad options, missing or unreadable input
    FORMAT = 3  # not readable as a letter's text (empty, binary, damaged, scanned), or over a limit
    NOT_A_LETTER = 4  # the text holds no Kamerbrief
    INTERNAL = 5  # a bug in kamerbrief (the record does not match the schema)
    INTERRUPTED = 130  # batch stopped by Ctrl-C or SIGTERM


class KamerbriefError(Exception):
    """A problem that stops the work on one file. `exit_code` is the CLI's exit status (an `ExitCode`)."""

    exit_code: int = ExitCode.FORMAT
    code = "error"

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: error: {self.message}"

    def problem(self) -> Problem:
        """The error as a `Problem` (level error, rule its `code`), for the reporters."""
        return Problem(self.code, self.message, self.line, "error", self.path or "<input>")


class InputError(KamerbriefError):
    """The file is missing, a directory, or cannot be opened."""

    exit_code = ExitCode.USAGE
    code = "unreadable"


class FormatError(KamerbriefError):
    """The file can be opened but not read as a letter's text (empty, binary, damaged, scanned)."""

    exit_code = ExitCode.FORMAT
    code = "format"


class NotALetterError(KamerbriefError):
    """The text was read but holds nothing of a Kamerbrief."""

    exit_code = ExitCode.NOT_A_LETTER
    code = "not_a_letter"


class SchemaError(KamerbriefError):
    """The record the parser built does not match the schema: a bug in kamerbrief."""

    exit_code = ExitCode.INTERNAL
    code = "schema"


class MissingToolError(KamerbriefError):
    """A reader needs a package that is not installed."""

    exit_code = ExitCode.FORMAT
    code = "missing_tool"
