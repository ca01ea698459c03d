"""The values passed between pipeline stages, and the errors that stop a parse.

Each stage hands one value to the next: a `Document` of `Line`s with their roles from a reader,
`Block`s from splitting. Problems found on the way are `Problem` values, collected, never raised.
Exceptions are for "cannot go on" only, and each carries the exit code the CLI uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
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


Role = Literal[
    "body",  # the letter's running text (also its headings, salutation and signature)
    "letterhead",  # the printed head a reader knows as such (Word header parts)
    "colophon",  # the right-hand column of a ministry letter's first page (PDF)
    "header",  # a running header, repeated at the top of the pages
    "footer",  # a running footer, repeated at the foot of the pages
    "page_number",  # "Pagina 2 van 7"
    "footnote",  # a note (its number in `Line.note`), or the "Noten" heading over the notes
    "table_cell",  # a table row with its cells in `Line.cells`
    "list_item",  # a list item, its marker in `Line.marker`
    "figure",  # text inside a figure (organogram labels, chart text, its caption): never body text
]
# Roles whose lines are no part of the body's paragraphs: page furniture, figures and notes.
FURNITURE_ROLES: frozenset[str] = frozenset({"header", "footer", "page_number"})
# Lines that stand outside the letter's running text (see `Document.flow`).
OUT_OF_FLOW: frozenset[str] = frozenset({"figure", "footnote"})
NOT_BODY_ROLES: frozenset[str] = FURNITURE_ROLES | OUT_OF_FLOW


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the letter as a reader read it, without markup, with where it came from and its role.

    `lineno` is the source line (text, markdown, the PDF reader's text) or the paragraph number
    (DOCX and the rest of what pandoc reads); 0 for a line that stands on no line of `Document.text`
    (a Word footnote read from its own part, figure text the PDF reader keeps out of the text).
    """

    text: str
    lineno: int
    heading: int = 0  # markdown heading level, 0 for none
    bold: bool = False  # the whole line was bold (a heading in PDF-derived markdown)
    page_break: bool = False  # a page ends before this line
    cells: tuple[str, ...] = ()  # a table row's cells, in order (the text joins them with " | ")
    italic: bool = False  # the whole line was in italics (PDF)
    page: int | None = None  # 1-based page, for formats with pages (PDF, text with form feeds)
    role: Role = "body"
    size: float = 1.0  # font size relative to the body type (PDF); 1.0 elsewhere
    marker: str = ""  # a list item's marker as printed ("•", "-", "1.", "a)")
    level: int = 0  # a list item's nesting level, 1 for the outermost; 0 for a line that is no item
    note: str | None = None  # a footnote line's number as printed ("1", "iv"); None on a continuation
    refs: tuple[str, ...] = ()  # the note references the line carries (PDF superscripts), out of its text
    row: int = 0  # a table_cell line's row in its table, 1-based (the header row is 1); 0 for other lines


@dataclass(frozen=True)
class Document:
    """What a reader returns: the letter's lines with their roles, whatever format it came in.

    `text` is the text the lines were read from (what `show` and `--emit-text` display; line numbers
    count in it); `markdown` says the text was markdown (written so, or converted by pandoc).
    """

    path: str
    format: str
    sha256: str
    lines: tuple[Line, ...]
    text: str = ""
    pages: int | None = None
    # Format-specific metadata that may fill empty fields (DOCX document properties).
    properties: dict[str, str] = field(default_factory=dict)
    # What the reader noticed (a stray byte that is not UTF-8), carried into the record's warnings.
    problems: tuple[Problem, ...] = ()
    markdown: bool = False

    def flow(self) -> Document:
        """The Document with only the lines of the letter's running text, which the parser's rules read in
        order: lines on a line of the text (`lineno` > 0: not a PDF's running header repeated on a later
        page) outside OUT_OF_FLOW (notes, read into `voetnoten` from their lines, and figure text)."""
        if not any(ln.role in OUT_OF_FLOW or not ln.lineno for ln in self.lines):
            return self
        return replace(self, lines=tuple(ln for ln in self.lines if ln.role not in OUT_OF_FLOW and ln.lineno))

    @property
    def footnotes(self) -> tuple[tuple[str, str], ...]:
        """The footnote-role lines as (number, text), a note's continuation lines joined to it."""
        return tuple((n, text) for n, text, _, _ in self.notes())

    def notes(self) -> tuple[tuple[str, str, int, int], ...]:
        """The notes as (number, text, first source line, last source line); lines 0 for a note read
        from no line of the text (a Word footnote pandoc wrote no paragraph of). A continuation line without
        text only carries the note on to its line (a Word note's further paragraphs)."""
        notes: list[tuple[str, list[str], list[int]]] = []
        for ln in self.lines:
            if ln.role != "footnote":
                continue
            if ln.note is not None:
                notes.append((ln.note, [ln.text] if ln.text else [], [ln.lineno, ln.lineno]))
            elif notes and ln.text:
                notes[-1][1].append(ln.text)
                notes[-1][2][1] = ln.lineno
            elif notes and notes[-1][2][0] and ln.lineno > notes[-1][2][1]:
                notes[-1][2][1] = ln.lineno
        return tuple((n, " ".join(parts), first, last) for n, parts, (first, last) in notes)


# The name readers' results had before they carried lines; kept for code written against it.
Source = Document


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


class UsageError(KamerbriefError):
    """The command cannot start as asked: a bad folder, option or path. The message names what it is about
    itself, so the error prints as the message alone."""

    exit_code = ExitCode.USAGE
    code = "usage"

    def __str__(self) -> str:
        return self.message


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
