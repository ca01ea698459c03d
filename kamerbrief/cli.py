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
    from .reporters import safe
    from .validate import UnreadableError, WorkerDied, check_files, expand

    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    try:
        files = list(expand(paths))
    except UnreadableError as exc:
        click.echo(f"kamerbrief: {safe(exc)}", err=True)
        sys.exit(EXIT_USAGE)
    if not files:
        click.echo("kamerbrief: no .yaml, .yml or .json files found", err=True)
        sys.exit(EXIT_USAGE)
    reports = []
    died = None
    try:
        for report in check_files(files, jobs or os.cpu_count() or 1):
            reports.append(report)
    except WorkerDied as exc:
        died = exc
    reporters.REPORTERS[fmt](reports, strict, sys.stdout, sys.stderr)
    if died is not None:
        click.echo(f"kamerbrief: error: {died}", err=True)
        sys.exit(EXIT_PROBLEMS)
    sys.exit(reporters.exit_code(reports, strict))


@main.command()
@click.argument("archive", type=click.Path(path_type=Path, file_okay=False))
@click.option("-o", "--output", "dst", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Folder for the records; the archive's tree is mirrored in it.")
@click.option("--to", "to", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True)
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the number of cores).")
@click.option("--force", is_flag=True, help="Convert every letter again, changed or not.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first letter that fails.")
@click.option("--shard", metavar="K/N", help="Only the K-th of N stable, disjoint slices of the archive.")
@click.option("--index", type=click.Path(path_type=Path, dir_okay=False),
              help="CSV with one row per letter (UTF-8 with BOM, for spreadsheets).")
@click.option("--index-aanbevelingen", type=click.Path(path_type=Path, dir_okay=False),
              help="CSV with one row per recommendation.")
@click.option("--jsonl", type=click.Path(path_type=Path, dir_okay=False), help="One whole record per line.")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary.")
def batch(archive: Path, dst: Path, to: str, jobs: int | None, force: bool, fail_fast: bool, shard: str | None,
          index: Path | None, index_aanbevelingen: Path | None, jsonl: Path | None, quiet: bool) -> None:
    """Convert every letter below ARCHIVE into records under --output.

    A second run converts only new or changed letters (the source's sha256 is in each record's bron).
    Letters that fail are listed in <output>/kamerbrief-errors.jsonl. Exit codes: 0 all converted;
    1 some letters failed; 2 usage error; 130 interrupted (Ctrl-C or SIGTERM; outputs stay whole).
    """
    import os
    import signal

    from .batch import BatchError, convert_tree, parse_shard, walk

    try:
        shard_spec = parse_shard(shard)
        if not archive.is_dir():
            raise BatchError(f"{archive}: not a folder")
    except BatchError as exc:
        click.echo(f"kamerbrief: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)

    def terminate(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)
    progress = None
    bar = None
    if not quiet:
        from .batch import in_shard

        total = sum(1 for _, rel in walk(archive, dst) if in_shard(rel, shard_spec))
        if sys.stderr.isatty():
            import time

            started = time.monotonic()

            def rate(_: object) -> str:
                done = bar.pos if bar is not None else 0
                return f"{done / max(time.monotonic() - started, 1e-9):.0f} letters/s"

            bar = click.progressbar(length=total, label="kamerbrief batch", file=sys.stderr,
                                    show_pos=True, show_eta=True, item_show_func=rate)
            bar.__enter__()

            def progress(done: int, outcome: object) -> None:
                assert bar is not None
                bar.update(1, outcome)
        else:
            import time

            last = [time.monotonic(), time.monotonic()]

            def progress(done: int, outcome: object) -> None:
                now = time.monotonic()
                if now - last[0] >= 5:
                    last[0] = now
                    rate = done / max(now - last[1], 1e-9)
                    click.echo(f"kamerbrief batch: {done}/{total} letters ({rate:.0f}/s)", err=True)
    try:
        report = convert_tree(archive, dst, to=to, jobs=jobs or os.cpu_count() or 1, force=force,
                              fail_fast=fail_fast, shard=shard_spec, index=index,
                              index_aanbevelingen=index_aanbevelingen, jsonl=jsonl, progress=progress)
    except BatchError as exc:
        click.echo(f"kamerbrief: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    if not quiet:
        for rel, code, message in report.failures[:20]:
            click.echo(f"kamerbrief: {rel}: error: {message} [{code}]", err=True)
        if len(report.failures) > 20:
            click.echo(f"kamerbrief: ... and {len(report.failures) - 20} more in {dst / 'kamerbrief-errors.jsonl'}",
                       err=True)
        click.echo(report.summary(), err=True)
    if report.interrupted:
        sys.exit(EXIT_INTERRUPTED)
    sys.exit(EXIT_PROBLEMS if report.failed else EXIT_OK)


@main.command()
def schema() -> None:
    """Print the record's JSON Schema (to pin or publish it)."""
    from .schema import schema_path

    click.echo(schema_path().read_text(encoding="utf-8"), nl=False)
