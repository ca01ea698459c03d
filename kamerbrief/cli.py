"""The `kamerbrief` command: options in, one library call, a reporter, an exit code. Nothing else."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .limits import DEFAULT_TIMEOUT
from .model import KamerbriefError

EXIT_OK = 0
EXIT_PROBLEMS = 1  # warnings with --strict; invalid records (validate); failed letters (batch)
EXIT_USAGE = 2  # bad options, missing or unreadable input
EXIT_FORMAT = 3  # the file cannot be read as a letter's text (empty, binary, damaged, scanned)
EXIT_NOT_A_LETTER = 4
EXIT_INTERNAL = 5  # the record does not match the schema: a bug, please report it
EXIT_INTERRUPTED = 130  # batch stopped by Ctrl-C or SIGTERM

READ_FORMATS = ("markdown", "text", "pdf", "docx", "odt", "rtf", "epub", "html")


def fail(exc: KamerbriefError) -> None:
    click.echo(f"kamerbrief: {exc}", err=True)
    sys.exit(exc.exit_code)


def internal(path: object, exc: Exception) -> None:
    click.echo(f"kamerbrief: {path}: error: internal error ({type(exc).__name__}: {exc}); "
               "please report it with the file", err=True)
    sys.exit(EXIT_INTERNAL)


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
    """Parse one letter (markdown, text, PDF, DOCX, ...) into a record (YAML or JSON).

    FILE may be - to read standard input (give --from for markdown; PDF and DOCX are recognised).
    """
    from .output import dumps, write_atomic
    from .parse import parse_file, parse_source
    from .readers import read

    stdin = str(file) == "-"
    try:
        if stdin:
            from .readers import from_bytes

            source = from_bytes(sys.stdin.buffer.read(), Path("<stdin>"), fmt)
        if emit_text:
            source = source if stdin else read(file, fmt)
            text = source.text
            if output:
                write_atomic(output, text)
            else:
                click.echo(text)
            return
        result = parse_source(source) if stdin else parse_file(file, fmt)
    except KamerbriefError as exc:
        fail(exc)
        return
    except Exception as exc:  # a bug in kamerbrief: one line, not a traceback
        internal(file, exc)
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
    reporters.REPORTERS[fmt](reports, strict, sys.stdout, sys.stderr)
    sys.exit(reporters.exit_code(reports, strict))


@main.command()
@click.argument("archive", type=click.Path(path_type=Path, file_okay=False))
@click.option("-o", "--output", "dst", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Folder for the records; the archive's tree is mirrored in it. Not the archive itself.")
@click.option("--to", "to", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True,
              help="Record format.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the number of cores).")
@click.option("--force", is_flag=True, help="Convert every letter again, changed or not.")
@click.option("--fail-fast", is_flag=True,
              help="Stop sending letters at the first failure (letters already started finish).")
@click.option("--shard", metavar="K/N", help="Only the K-th of N stable, disjoint slices of the archive.")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds one letter may take; past it the letter fails and the batch goes on. 0: no limit.")
@click.option("--exclude", "excludes", metavar="GLOB", multiple=True,
              help="Skip files matching this gitignore-like glob (repeatable); see also .kamerbriefignore.")
@click.option("--follow-symlinks", is_flag=True,
              help="Also read symlinked files whose target is outside the archive.")
@click.option("--prune", is_flag=True,
              help="Remove records (written by kamerbrief) whose letter is no longer in the archive.")
@click.option("--index", type=click.Path(path_type=Path, dir_okay=False),
              help="CSV with one row per letter (UTF-8 with BOM, for spreadsheets).")
@click.option("--index-aanbevelingen", type=click.Path(path_type=Path, dir_okay=False),
              help="CSV with one row per recommendation.")
@click.option("--jsonl", type=click.Path(path_type=Path, dir_okay=False), help="One whole record per line.")
@click.option("-q", "--quiet", is_flag=True, help="No progress (errors, warnings and the summary still print).")
def batch(archive: Path, dst: Path, to: str, jobs: int | None, force: bool, fail_fast: bool, shard: str | None,
          timeout: float, excludes: tuple[str, ...], follow_symlinks: bool, prune: bool, index: Path | None,
          index_aanbevelingen: Path | None, jsonl: Path | None, quiet: bool) -> None:
    """Convert every letter below ARCHIVE into records under --output.

    A second run converts only new or changed letters (the source's sha256 is in each record's bron).
    Letters that fail are listed in <output>/kamerbrief-errors.jsonl, warnings in
    <output>/kamerbrief-warnings.jsonl. Files matching a line of ARCHIVE/.kamerbriefignore or --exclude
    are skipped. One run at a time per output folder. Exit codes: 0 all converted; 1 some letters failed;
    2 usage error, or the output folder is in use; 130 interrupted (Ctrl-C or SIGTERM; outputs stay whole).
    """
    import os
    import signal
    from typing import Any

    from .batch import BatchError, Eta, Outcome, convert_tree, in_shard, parse_shard, printable, walk
    from .limits import Limits

    try:
        shard_spec = parse_shard(shard)
        if not archive.is_dir():
            raise BatchError(f"{archive}: not a folder")
    except BatchError as exc:
        click.echo(f"kamerbrief: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)

    signalled: list[int] = []

    def terminate(signum: int, frame: object) -> None:
        if not signalled:  # once: a second signal must not break the clean-up
            signalled.append(signum)
            raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, terminate) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        progress = None
        bar: Any = None
        if not quiet:
            import time

            total = sum(1 for _, rel in walk(archive, dst, excludes, follow_symlinks) if in_shard(rel, shard_spec))
            eta = Eta(total, warmup=max(8, 2 * (jobs or os.cpu_count() or 1)))
            if sys.stderr.isatty():
                bar = click.progressbar(length=total, label="kamerbrief batch", file=sys.stderr, show_pos=True,
                                        show_eta=False, item_show_func=lambda _: eta.text())
                bar.__enter__()

                def progress(done: int, outcome: Outcome) -> None:
                    assert bar is not None
                    eta.update(done, time.monotonic())
                    bar.update(1, outcome)
            else:
                last = [time.monotonic()]

                def progress(done: int, outcome: Outcome) -> None:
                    now = time.monotonic()
                    eta.update(done, now)
                    if now - last[0] >= 5:
                        last[0] = now
                        click.echo(f"kamerbrief batch: {done}/{total} letters ({eta.text()})", err=True)
        try:
            report = convert_tree(archive, dst, to=to, jobs=jobs or os.cpu_count() or 1, force=force,
                                  fail_fast=fail_fast, shard=shard_spec, index=index,
                                  index_aanbevelingen=index_aanbevelingen, jsonl=jsonl, progress=progress,
                                  limits=Limits(timeout=timeout or None), excludes=excludes,
                                  follow_symlinks=follow_symlinks, prune=prune, processes=True)
        except BatchError as exc:
            click.echo(f"kamerbrief: error: {exc}", err=True)
            sys.exit(EXIT_USAGE)
        except KeyboardInterrupt:  # before the run began
            click.echo("kamerbrief: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except OSError as exc:  # an index or the errors file could not be written (disk full, ...)
            click.echo(f"kamerbrief: error: cannot write: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_PROBLEMS)
        except Exception as exc:  # a bug in kamerbrief: one line, not a traceback
            click.echo(f"kamerbrief: error: internal error ({type(exc).__name__}: {exc}); please report it",
                       err=True)
            sys.exit(EXIT_INTERNAL)
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)
        shown = 20
        for rel, code, message in report.failures[:shown]:
            click.echo(f"kamerbrief: {rel}: error: {printable(message)} [{code}]", err=True)
        if len(report.failures) > shown:
            click.echo(f"kamerbrief: ... and {len(report.failures) - shown} more in {dst / 'kamerbrief-errors.jsonl'}",
                       err=True)
        for rel, warnings in report.warned:
            for line, code, message in warnings:
                where = f"{rel}:{line}" if line else rel
                click.echo(f"kamerbrief: {where}: warning: {printable(message)} [{code}]", err=True)
        if report.letters_with_warnings > len(report.warned):
            click.echo(f"kamerbrief: ... and {report.letters_with_warnings - len(report.warned)} more letters with "
                       f"warnings in {dst / 'kamerbrief-warnings.jsonl'}", err=True)
        click.echo(report.summary(), err=True)
        if report.interrupted:
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(EXIT_PROBLEMS if report.failed else EXIT_OK)
    finally:  # the caller's handlers again (a library user, or a test runner)
        for sig, handler in previous.items():
            if handler is not None:
                signal.signal(sig, handler)


@main.command()
def schema() -> None:
    """Print the record's JSON Schema (to pin or publish it)."""
    from .schema import schema_path

    click.echo(schema_path().read_text(encoding="utf-8"), nl=False)
