"""The `kamerbrief` command: options in, one library call, a reporter, an exit code. Nothing else."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .model import KamerbriefError

EXIT_OK = 0
EXIT_PROBLEMS = 1  # warnings with --strict; invalid records (validate); failed letters (batch)
EXIT_USAGE = 2  # bad options, missing or unreadable input
EXIT_FORMAT = 3  # the file cannot be read as a letter's text (empty, binary, damaged, scanned)
EXIT_NOT_A_LETTER = 4
EXIT_INTERNAL = 5  # the record does not match the schema: a bug, please report it

READ_FORMATS = ("markdown", "text", "pdf", "docx", "odt", "rtf", "epub", "html")


def fail(exc: KamerbriefError) -> None:
    click.echo(f"kamerbrief: {exc}", err=True)
    sys.exit(exc.exit_code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kamerbrief")
def main() -> None:
    """Read Dutch government letters to parliament (Kamerbrieven) into structured records.

    Exit codes: 0 ok; 1 problems (warnings with --strict, invalid records, failed letters);
    2 usage error or unreadable input; 3 not readable as a letter's text; 4 not a letter;
    5 internal error.
    """


@main.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=True, exists=False))
@click.option("--to", "to", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the record here (atomically) instead of stdout.")
@click.option("--from", "fmt", type=click.Choice(READ_FORMATS),
              help="Read the file as this format, whatever its name or content says.")
@click.option("--strict", is_flag=True, help="Exit 1 when the letter gave warnings.")
@click.option("-q", "--quiet", is_flag=True, help="Do not print warnings on stderr.")
@click.option("--emit-text", is_flag=True, help="Print the text the parser read, not the record.")
def parse(file: Path, to: str, output: Path | None, fmt: str | None, strict: bool, quiet: bool,
          emit_text: bool) -> None:
    """Parse one letter (markdown, text, PDF, DOCX, ...) into a record (YAML or JSON)."""
    from .output import dumps, write_atomic
    from .parse import parse_file
    from .readers import read

    try:
        if emit_text:
            source = read(file, fmt)
            text = source.text
            if output:
                write_atomic(output, text)
            else:
                click.echo(text)
            return
        result = parse_file(file, fmt)
    except KamerbriefError as exc:
        fail(exc)
        return
    if not quiet:
        for p in result.problems:
            click.echo(p.format(), err=True)
    text = dumps(result.record, to)
    if output:
        try:
            write_atomic(output, text)
        except OSError as exc:
            click.echo(f"kamerbrief: {output}: error: cannot write: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_USAGE)
    else:
        click.echo(text, nl=False)
    if strict and result.warnings:
        sys.exit(EXIT_PROBLEMS)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]),
              help="Report format. Default: github when GITHUB_ACTIONS=true, else text.")
@click.option("--strict", is_flag=True, help="Warnings fail too.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for large runs (default: the number of cores).")
def validate(paths: tuple[str, ...], fmt: str | None, strict: bool, jobs: int | None) -> None:
    """Check record files (YAML or JSON; files, folders, globs) against the schema and the record rules.

    Text reports go to stderr as `path:line:col: level: message [rule]`; json and github go to stdout.
    Exit codes: 0 all valid; 1 invalid records (or warnings with --strict); 2 usage or unreadable input.
    """
    import os

    from . import reporters
    from .validate import UnreadableError, check_files, expand

    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    try:
        files = list(expand(paths))
    except UnreadableError as exc:
        click.echo(f"kamerbrief: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if not files:
        click.echo("kamerbrief: no .yaml, .yml or .json files found", err=True)
        sys.exit(EXIT_USAGE)
    reports = list(check_files(files, jobs or os.cpu_count() or 1))
    out = click.get_text_stream("stdout")
    err = click.get_text_stream("stderr")
    reporters.REPORTERS[fmt](reports, strict, out, err)
    sys.exit(reporters.exit_code(reports, strict))


@main.command()
def schema() -> None:
    """Print the record's JSON Schema (to pin or publish it)."""
    from .schema import schema_path

    click.echo(schema_path().read_text(encoding="utf-8"), nl=False)
