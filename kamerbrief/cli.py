"""The `kamerbrief` command: options in, one library call, a reporter, an exit code. Nothing else.

Nothing is imported here that `kamerbrief --help` does not need: the model (exit codes, errors), the
limits and pathlib come in when a command runs, and each command imports its own modules.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from . import __version__

if TYPE_CHECKING:
    from pathlib import Path

    from .model import ExitCode, KamerbriefError, Problem

def __getattr__(name: str) -> Any:
    """The exit codes as the command names them, EXIT_OK ... EXIT_INTERRUPTED, read from their one table,
    model.ExitCode (imported only when asked for)."""
    if name.startswith("EXIT_"):
        table = codes()
        if name.removeprefix("EXIT_") in table.__members__:
            return table[name.removeprefix("EXIT_")]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def codes() -> type[ExitCode]:
    """The exit code table (model.ExitCode), imported when a command exits or reports."""
    from .model import ExitCode

    return ExitCode


class PathType(click.Path):
    """click.Path that gives a pathlib.Path, with pathlib imported when a path is given, not for --help."""

    def coerce_path_result(self, value: Any) -> Any:
        from pathlib import Path

        return Path(value)


class TimeoutOption(click.Option):
    """--timeout, whose default is limits.DEFAULT_TIMEOUT, read when the command runs or shows its help, so
    that `kamerbrief --help` does not import the limits (and the model with them)."""

    def get_default(self, ctx: click.Context, call: bool = True) -> Any:
        from .limits import DEFAULT_TIMEOUT

        return DEFAULT_TIMEOUT


def fail(exc: KamerbriefError, fmt: str = "text") -> None:
    """Report the error that stopped a letter with the reporter `fmt` (text: one line), and exit with its code."""
    from .reporters import report_problems, safe

    if fmt == "text":  # one line: `kamerbrief: PATH: error: message`
        click.echo(f"kamerbrief: {safe(exc)}", err=True)
    else:
        report_problems([exc.problem()], fmt, sys.stderr)
    sys.exit(exc.exit_code)


def internal(path: object, exc: Exception, fmt: str = "text") -> None:
    from .model import Problem
    from .reporters import report_problems, safe

    message = f"internal error ({type(exc).__name__}: {exc}); please report it with the file"
    if fmt == "text":
        click.echo(f"kamerbrief: {safe(path)}: error: {safe(message)}", err=True)
    else:
        report_problems([Problem("internal", message, None, "error", str(path))], fmt, sys.stderr)
    sys.exit(codes().INTERNAL)


class FormatChoice(click.Choice):  # type: ignore[type-arg]
    """--from: the format names and the suffixes that stand for them, looked up when first needed, so that
    `kamerbrief --help` and the other commands do not import the readers."""

    def __init__(self) -> None:
        self.case_sensitive = False

    @property  # type: ignore[override]
    def choices(self) -> Sequence[str]:
        from .readers import FORMAT_NAMES

        return tuple(FORMAT_NAMES)

    @choices.setter
    def choices(self, value: Sequence[str]) -> None:
        raise AttributeError("the formats come from kamerbrief.readers")


class OneLineUsageError(click.UsageError):
    """A usage error shown as one line, `kamerbrief: error: ... (see kamerbrief parse --help)`, exit 2."""

    def show(self, file: object = None) -> None:
        message = " ".join(self.format_message().split())
        where = self.ctx.command_path if self.ctx is not None else "kamerbrief"
        click.echo(f"kamerbrief: error: {message} (see {where} --help)", err=True)


class Group(click.Group):
    """The command group: every command's usage errors, found while parsing options or later, take one line."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: object) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            raise _one_line(exc) from None

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise _one_line(exc) from None
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # a bug that a command did not foresee: one line, never a traceback
            from .reporters import safe

            click.echo(f"kamerbrief: error: internal error ({type(exc).__name__}: {safe(str(exc))}); "
                       "please report it with the file", err=True)
            sys.exit(codes().INTERNAL)


# `kamerbrief` alone shows the help, as click does (from click 8.2 through this UsageError)
_SHOW_HELP = getattr(click.exceptions, "NoArgsIsHelpError", OneLineUsageError)


def _one_line(exc: click.UsageError) -> click.UsageError:
    if isinstance(exc, (OneLineUsageError, _SHOW_HELP)):
        return exc
    return OneLineUsageError(exc.format_message(), exc.ctx)


@click.group(name="kamerbrief", cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kamerbrief")
def main() -> None:
    """Read Dutch government letters to parliament (Kamerbrieven) into structured records.

    Exit codes: 0 ok; 1 problems (warnings with --strict, invalid records, failed letters);
    2 usage error or unreadable input; 3 not readable as a letter's text, or over a limit;
    4 not a letter; 5 internal error.
    """


@main.command()
@click.argument("file", type=PathType(dir_okay=True, exists=False, allow_dash=True))
@click.option("--to", "to", type=click.Choice(["yaml", "json"]), default=None,
              help="Output format. Default: from the -o file's suffix (.json; .yaml, .yml), else yaml.")
@click.option("-o", "--output", type=PathType(dir_okay=False),
              help="Write the record here instead of stdout: a file through a temp file and a rename "
                   "(never partial); a device such as /dev/null directly. Never the input itself.")
@click.option("--from", "fmt", type=FormatChoice(),
              help="Read the file as this format (md and txt stand for markdown and text), "
                   "whatever its name or content says.")
@click.option("--timeout", cls=TimeoutOption, type=click.FloatRange(min=0), show_default=True,
              metavar="SECONDS", help="Time budget for the letter; over it, exit 3. 0: no budget.")
@click.option("--strict", is_flag=True, help="Exit 1 when the letter gave warnings.")
@click.option("--format", "report_fmt", type=click.Choice(["text", "json", "github"]),
              help="How warnings and errors are written on stderr. Default: github when "
                   "GITHUB_ACTIONS=true, else text.")
@click.option("-q", "--quiet", is_flag=True, help="Do not print warnings on stderr.")
@click.option("--emit-text", is_flag=True,
              help="Print the text the parser read, not the record; with --to json (or -o x.json) as "
                   "JSON with each line's number, page and role.")
@click.option("--posities", is_flag=True,
              help="Add `posities`: for each value, as a JSON pointer, the page and source lines it came from.")
def parse(file: Path, to: str | None, output: Path | None, fmt: str | None, timeout: float, strict: bool,
          report_fmt: str | None, quiet: bool, emit_text: bool, posities: bool) -> None:
    """Parse one letter (markdown, text, PDF, DOCX, ...) into a record (YAML or JSON).

    FILE may be - to read standard input: its format (markdown, text, PDF, DOCX, ...) is found from the
    content, as for a file without a telling name; --from forces one.

    Exit codes: 0 ok; 1 warnings with --strict; 2 usage error, unreadable input, or -o is the input;
    3 not readable as a letter's text, or over a limit (see README, Limits); 4 not a letter; 5 internal error.
    """
    from pathlib import Path

    from .limits import LimitError, Limits, time_budget
    from .model import KamerbriefError
    from .output import dumps, format_for, text_json, write_atomic
    from .parse import parse_source
    from .readers import from_bytes, read, read_bounded, size_text
    from .reporters import default_format, report_problems, safe

    report_fmt = report_fmt or default_format()
    limits = Limits(timeout=timeout or None)
    to = to or format_for(output)
    stdin = str(file) == "-"
    name = "<stdin>" if stdin else str(file)
    if output is not None:
        _refuse_output_over_input(file, output, stdin)
    try:
        # standard input is read before the budget starts: a slow pipe is the user's, and the read is bounded
        data = read_bounded(sys.stdin.buffer, limits.max_input_bytes) if stdin else b""
        with time_budget(limits.timeout, name):
            source = from_bytes(data, Path(name), fmt, limits) if stdin else read(file, fmt, limits)
            problems: tuple[Problem, ...] = ()
            warned = False
            if emit_text:
                text = text_json(source) if to == "json" else source.text + "\n"
            else:
                result = parse_source(source, posities=posities)
                problems, warned = result.problems, bool(result.warnings)
                text = dumps(result.record, to)
        if len(text.encode("utf-8")) > limits.max_output_bytes:
            raise LimitError(f"the record is larger than the {size_text(limits.max_output_bytes)} output limit",
                             name)
    except KamerbriefError as exc:
        fail(exc, report_fmt)
        return
    except Exception as exc:  # a bug in kamerbrief: one line, not a traceback
        internal(file, exc, report_fmt)
        return
    if not quiet and (problems or report_fmt == "json"):
        report_problems(problems, report_fmt, sys.stderr)
    if output:
        try:
            write_atomic(output, text)
        except OSError as exc:
            click.echo(f"kamerbrief: {safe(output)}: error: cannot write: {exc.strerror or exc}", err=True)
            sys.exit(codes().USAGE)
    else:
        click.echo(text, nl=False)
    if strict and warned:
        sys.exit(codes().PROBLEMS)


def _refuse_output_over_input(file: Path, output: Path, stdin: bool) -> None:
    """Exit 2 when -o names the input file itself (also through a symlink or a hard link)."""
    import os
    import stat

    try:
        out = os.stat(output)
        src = os.fstat(sys.stdin.fileno()) if stdin else os.stat(file)
    except (OSError, ValueError, AttributeError):
        return  # no output yet, or no input to compare: nothing can be overwritten
    if stat.S_ISREG(out.st_mode) and (out.st_dev, out.st_ino) == (src.st_dev, src.st_ino):
        from .reporters import safe

        click.echo(f"kamerbrief: {safe(output)}: error: the output is the input letter, which is never overwritten; "
                   "choose another -o", err=True)
        sys.exit(codes().USAGE)


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
        sys.exit(exc.exit_code)
    if not files:
        click.echo("kamerbrief: no .yaml, .yml or .json files found", err=True)
        sys.exit(codes().USAGE)
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
        sys.exit(codes().PROBLEMS)
    sys.exit(reporters.exit_code(reports, strict))


@main.command()
@click.argument("archive", type=PathType(file_okay=False))
@click.option("-o", "--output", "dst", type=PathType(file_okay=False), required=True,
              help="Folder for the records; the archive's tree is mirrored in it. Not the archive itself.")
@click.option("--to", "to", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True,
              help="Record format.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the number of cores).")
@click.option("--force", is_flag=True, help="Convert every letter again, changed or not.")
@click.option("--fail-fast", is_flag=True,
              help="Stop sending letters at the first failure (letters already started finish).")
@click.option("--shard", metavar="K/N", help="Only the K-th of N stable, disjoint slices of the archive.")
@click.option("--timeout", cls=TimeoutOption, type=click.FloatRange(min=0), show_default=True,
              help="Seconds one letter may take; past it the letter fails and the batch goes on. 0: no limit.")
@click.option("--exclude", "excludes", metavar="GLOB", multiple=True,
              help="Skip files matching this gitignore-like glob (repeatable); see also .kamerbriefignore.")
@click.option("--follow-symlinks", is_flag=True,
              help="Also read symlinked files whose target is outside the archive.")
@click.option("--prune", is_flag=True,
              help="Remove records (written by kamerbrief) whose letter is no longer in the archive.")
@click.option("--index", type=PathType(dir_okay=False),
              help="CSV with one row per letter (UTF-8 with BOM, for spreadsheets).")
@click.option("--index-aanbevelingen", type=PathType(dir_okay=False),
              help="CSV with one row per recommendation.")
@click.option("--jsonl", type=PathType(dir_okay=False), help="One whole record per line.")
@click.option("--format", "report_fmt", type=click.Choice(["text", "json", "github"]),
              help="How failed letters and warnings are written on stderr. Default: github when "
                   "GITHUB_ACTIONS=true, else text.")
@click.option("-q", "--quiet", is_flag=True, help="No progress (errors, warnings and the summary still print).")
@click.option("--posities", is_flag=True,
              help="Add `posities` to each record (where each value came from); with --force to redo old ones.")
def batch(archive: Path, dst: Path, to: str, jobs: int | None, force: bool, fail_fast: bool, shard: str | None,
          timeout: float, excludes: tuple[str, ...], follow_symlinks: bool, prune: bool, index: Path | None,
          index_aanbevelingen: Path | None, jsonl: Path | None, report_fmt: str | None, quiet: bool,
          posities: bool) -> None:
    """Convert every letter below ARCHIVE into records under --output.

    A second run converts only new or changed letters (the source's sha256 is in each record's bron).
    Letters that fail are listed in <output>/kamerbrief-errors.jsonl, warnings in
    <output>/kamerbrief-warnings.jsonl. Files matching a line of ARCHIVE/.kamerbriefignore or --exclude
    are skipped. One run at a time per output folder. Exit codes: 0 all converted; 1 some letters failed;
    2 usage error, or the output folder is in use; 130 interrupted (Ctrl-C or SIGTERM; outputs stay whole).
    """
    import os
    import signal

    from .batch import BatchError, Eta, Outcome, convert_tree, in_shard, parse_shard, printable, walk
    from .limits import Limits
    from .model import Problem
    from .reporters import safe

    try:
        shard_spec = parse_shard(shard)
        if not archive.is_dir():
            raise BatchError(f"{archive}: not a folder")
    except BatchError as exc:
        click.echo(f"kamerbrief: error: {safe(exc)}", err=True)
        sys.exit(exc.exit_code)

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
                                  follow_symlinks=follow_symlinks, prune=prune, processes=True, posities=posities)
        except BatchError as exc:
            click.echo(f"kamerbrief: error: {safe(exc)}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:  # before the run began
            click.echo("kamerbrief: interrupted", err=True)
            sys.exit(codes().INTERRUPTED)
        except OSError as exc:  # an index or the errors file could not be written (disk full, ...)
            click.echo(f"kamerbrief: error: cannot write: {exc.strerror or exc}", err=True)
            sys.exit(codes().PROBLEMS)
        except Exception as exc:  # a bug in kamerbrief: one line, not a traceback
            click.echo(f"kamerbrief: error: internal error ({type(exc).__name__}: {safe(exc)}); please report it",
                       err=True)
            sys.exit(codes().INTERNAL)
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)
        from .reporters import default_format, report_problems

        report_fmt = report_fmt or default_format()
        shown = 20
        failed = [Problem(code, printable(message), None, "error", printable(rel))
                  for rel, code, message in report.failures]
        warned = [Problem(code, printable(message), line or None, "warning", printable(rel))
                  for rel, warnings in report.warned for line, code, message in warnings]
        if report_fmt != "text":  # one JSON document, or one annotation a problem
            report_problems(failed[:shown] + warned, report_fmt, sys.stderr)
        else:
            report_problems(failed[:shown], report_fmt, sys.stderr, prefix="kamerbrief: ")
        if len(report.failures) > shown:
            click.echo(f"kamerbrief: ... and {len(report.failures) - shown} more in {dst / 'kamerbrief-errors.jsonl'}",
                       err=True)
        if report_fmt == "text":
            report_problems(warned, report_fmt, sys.stderr, prefix="kamerbrief: ")
        if report.letters_with_warnings > len(report.warned):
            click.echo(f"kamerbrief: ... and {report.letters_with_warnings - len(report.warned)} more letters with "
                       f"warnings in {dst / 'kamerbrief-warnings.jsonl'}", err=True)
        click.echo(report.summary(), err=True)
        if report.interrupted:
            sys.exit(codes().INTERRUPTED)
        sys.exit(codes().PROBLEMS if report.failed else codes().OK)
    finally:  # the caller's handlers again (a library user, or a test runner)
        for sig, handler in previous.items():
            if handler is not None:
                signal.signal(sig, handler)


@main.command()
def schema() -> None:
    """Print the record's JSON Schema (to pin or publish it)."""
    from .schema import schema_path

    click.echo(schema_path().read_text(encoding="utf-8"), nl=False)


@main.command()
@click.argument("letter", type=PathType(dir_okay=True, exists=False))
@click.option("-o", "--output", type=PathType(dir_okay=False),
              help="Write the page here (default: standard output; with --open, a temporary file).")
@click.option("--open", "open_", is_flag=True, help="Open the page in the default browser.")
@click.option("--from", "fmt", type=FormatChoice(),
              help="Read the file as this format, whatever its name or content says.")
def show(letter: Path, output: Path | None, open_: bool, fmt: str | None) -> None:
    """Show a letter beside its record: one self-contained HTML page.

    On the left the letter (PDF pages as images, other formats as text with line numbers), on the right
    the record; clicking or focusing a value marks where it came from. Exit codes: 0 ok; 2 usage error
    or unreadable input; 3 not readable as a letter's text; 4 not a letter; 5 internal error.
    """
    import os
    from pathlib import Path

    from .model import KamerbriefError
    from .show import show_html

    if output is not None:
        _refuse_output_over_input(letter, output, False)
    try:
        page = show_html(letter, fmt)
    except KamerbriefError as exc:
        fail(exc)
        return
    except Exception as exc:  # a bug in kamerbrief: one line, not a traceback
        internal(letter, exc)
        return
    if output is None and open_:
        import tempfile

        fd, name = tempfile.mkstemp(prefix="kamerbrief-show-", suffix=".html")
        os.close(fd)
        output = Path(name)
    if output is None:
        click.echo(page, nl=False)
        return
    _write_page(output, page, open_)


def _write_page(output: Path, page: str, open_: bool) -> None:
    """Write an HTML page (exit 2 when it cannot be written) and open it in the browser if asked."""
    from .output import write_atomic

    try:
        write_atomic(output, page)
    except OSError as exc:
        click.echo(f"kamerbrief: {output}: error: cannot write: {exc.strerror or exc}", err=True)
        sys.exit(codes().USAGE)
    click.echo(f"kamerbrief: wrote {output}", err=True)
    if open_:
        import webbrowser

        webbrowser.open(output.resolve().as_uri())


@main.command()
@click.argument("records", type=PathType(exists=False))
@click.option("-o", "--output", type=PathType(dir_okay=False), default="report.html",
              show_default=True, help="Write the page here; links to record files are relative to it.")
@click.option("--peildatum", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Commitments due before this date are past due (default: today).")
@click.option("--open", "open_", is_flag=True, help="Open the page in the default browser.")
def report(records: Path, output: Path, peildatum: object, open_: bool) -> None:
    """Report over the records `batch` wrote (a folder of YAML/JSON records, or its --jsonl file).

    One self-contained HTML page: counts per ministry and year, stances as charts, a table of every
    recommendation to sort and filter, commitments on a timeline (past due marked), letters with warnings.
    Records that fail the schema are listed as skipped. Exit codes: 0 ok; 2 usage error, no records, or
    unreadable input; 5 internal error.
    """
    import datetime as dt

    from .model import KamerbriefError
    from .report import load_archive, report_html

    day = peildatum.date() if isinstance(peildatum, dt.datetime) else None
    try:
        archive = load_archive(records)
        page = report_html(archive, day, output)
    except KamerbriefError as exc:
        fail(exc)
        return
    except Exception as exc:  # a bug in kamerbrief: one line, not a traceback
        internal(records, exc)
        return
    for name, reason in archive.skipped[:20]:
        click.echo(f"kamerbrief: {records / name if archive.files else name}: warning: skipped: {reason}", err=True)
    if len(archive.skipped) > 20:
        click.echo(f"kamerbrief: ... and {len(archive.skipped) - 20} more skipped records, listed in the report",
                   err=True)
    _write_page(output, page, open_)
