"""Validate records: load safely with positions, check against the schema and the record rules.

    files ─load─▶ (data, Positions) | problem ─schema─▶ problems ─checks─▶ problems ─▶ FileReport

Loading is safe and strict: no YAML tags, no aliases (a "billion laughs" bomb is refused at its
first alias), no duplicate keys, one mapping per file, a size limit. Every schema error names the
line and column of the value in the file and the path in the record. Dates stay strings: YAML's
implicit timestamps are off, so `datum: 2018-07-02` is the string the schema expects.
"""

from __future__ import annotations

import glob
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import checks
from .limits import MAX_OUTPUT_BYTES
from .model import Level, Problem, UsageError
from .schema import passes_fast, validator

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on the wheel
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

RECORD_SUFFIXES = (".yaml", ".yml", ".json")
MAX_BYTES = MAX_OUTPUT_BYTES  # the largest record `parse` writes; real ones are some kilobytes
MAX_DEPTH = 32  # a record nests five levels; more is a mistake or an attack (and would overflow the stack)


class _Loader(_BaseLoader):
    """Safe loader without implicit timestamps: dates stay the strings the schema asks for."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in _BaseLoader.yaml_implicit_resolvers.items()
}

Position = tuple[int, int]
PathKey = tuple[str | int, ...]


@dataclass
class FileReport:
    """The problems of one file; `record` is kept only for cross-file checks (e.g. duplicates)."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    sha256: str | None = None

    @property
    def valid(self) -> bool:
        return not any(p.level == "error" for p in self.problems)


class UnreadableError(UsageError):
    """A path given on the command line that cannot be read at all (exit code 2)."""


def expand(paths: Iterable[str]) -> Iterator[Path]:
    """Files, directories (recursively, .yaml/.yml/.json) and glob patterns, each file once, sorted per argument."""
    seen: set[Path] = set()
    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            found = sorted(q for q in p.rglob("*") if q.suffix.lower() in RECORD_SUFFIXES and q.is_file()
                           and not any(part.startswith(".") for part in q.relative_to(p).parts))
        elif p.exists():
            found = [p]
        elif glob.has_magic(arg):
            found = sorted(Path(g) for g in glob.glob(arg, recursive=True) if Path(g).is_file())
            if not found:
                raise UnreadableError(f"{arg}: error: no file matches this pattern")
        else:
            raise UnreadableError(f"{arg}: error: no such file or directory")
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                yield f


class Positions:
    """The (line, column) of values and keys in a loaded file, found only for the paths asked about.

    Most files have no problem, so nothing is computed up front. A YAML file keeps its node tree and
    walks down it; a JSON file is scanned once, in linear time, for the paths (and their ancestors)
    that a report needs.
    """

    def __init__(self, node: yaml.Node | None = None, text: str | None = None) -> None:
        self._node, self._text = node, text

    def find(self, paths: Iterable[PathKey]) -> dict[PathKey, Position]:
        wanted = {p[:i] for p in paths for i in range(len(p) + 1)}
        if self._node is not None:
            return {p: pos for p in wanted if (pos := _node_position(self._node, p)) is not None}
        if self._text is not None:
            return _json_positions(self._text, wanted)
        return {}


def load(path: Path) -> tuple[Any, Positions]:
    """The document and a way to find the (line, column) of its values; a problem is raised as LoadProblem."""
    text = _read_text(path)
    if path.suffix.lower() == ".json":
        return _load_json(text)
    return _load_yaml(text)


def _read_text(path: Path) -> str:
    """The file as text: regular files only, and never more than MAX_BYTES read (a FIFO or /dev/zero neither
    blocks nor fills memory)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise LoadProblem("file", f"cannot read: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise LoadProblem("file", "not a regular file (a device, FIFO or socket); a record is a file")
        if st.st_size > MAX_BYTES:
            raise LoadProblem("file", f"file is {st.st_size / 1024 / 1024:.0f} MB; a record is far smaller "
                                      f"(limit {MAX_BYTES // 1024 // 1024} MB)")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise LoadProblem("file", f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:  # it grew while we read it
        raise LoadProblem("file", f"file is over the limit of {MAX_BYTES // 1024 // 1024} MB")
    if b"\x00" in data[:8192]:
        raise LoadProblem("file", "binary file, not YAML or JSON")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadProblem("file", f"not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise LoadProblem("file", "file is empty")
    return text


class LoadProblem(Exception):
    def __init__(self, rule: str, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.rule, self.message, self.line, self.column = rule, message, line, column


TOO_DEEP = f"nested too deeply (more than {MAX_DEPTH} levels); a record has fewer than ten"


def _load_json(text: str) -> tuple[Any, Positions]:
    class Duplicate(Exception):
        pass

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(pairs)
        if len(out) != len(pairs):
            raise Duplicate
        return out

    try:
        data = json.loads(text, object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as exc:
        raise LoadProblem("syntax", f"invalid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except RecursionError:
        raise LoadProblem("structure", TOO_DEEP) from None
    except Duplicate:
        _json_positions(text, set(), duplicates=True)  # raises LoadProblem at the second key
        raise LoadProblem("syntax", "duplicate key") from None  # pragma: no cover - the scan finds it
    if _too_deep(data):
        raise LoadProblem("structure", TOO_DEEP)
    return data, Positions(text=text)


# JSON tokens; the text already parsed, so strings are well formed (possessive: no backtracking)
_JSON_TOKEN = re.compile(r'"(?:[^"\\]++|\\.)*+"|[{}\[\]:,]|[^\s{}\[\]:,"]++')


def _json_positions(text: str, wanted: set[PathKey], duplicates: bool = False) -> dict[PathKey, Position]:
    """One pass over valid JSON text: the positions of the wanted paths (a set closed under prefixes).

    Keys are found as `(*path, key, "<key>")`. With `duplicates`, a repeated key raises LoadProblem at
    its second use. Lines are counted as the scan moves on and paths are built only inside wanted
    containers, so the pass is linear in the text and cheap where nothing is wanted.
    """
    out: dict[PathKey, Position] = {}
    line, line_start, counted = 1, 0, 0

    def position(offset: int) -> Position:
        nonlocal line, line_start, counted
        n = text.count("\n", counted, offset)
        if n:
            line += n
            line_start = text.rindex("\n", counted, offset) + 1
        counted = offset
        return line, offset - line_start + 1

    # each open container: [path or None when nothing below it is wanted, index (-1..) or None for an
    # object, the key being read, the keys seen]
    stack: list[list[Any]] = []
    expect_key = False
    for m in _JSON_TOKEN.finditer(text):
        tok = m.group()
        if tok == ",":
            expect_key = bool(stack) and stack[-1][1] is None
            continue
        if tok == ":":
            continue
        if tok in ("}", "]"):
            stack.pop()
            expect_key = False
            continue
        frame = stack[-1] if stack else None
        if expect_key:  # a key in an object
            expect_key = False
            assert frame is not None
            if frame[0] is None and not duplicates:
                continue
            key = json.loads(tok)
            frame[2] = key
            if duplicates:
                if key in frame[3]:
                    raise LoadProblem("syntax", f"duplicate key {key!r}", *position(m.start()))
                frame[3].add(key)
            if frame[0] is not None and (kpath := (*frame[0], key, "<key>")) in wanted:
                out[kpath] = position(m.start())
            continue
        path: PathKey | None
        if frame is None:
            path = ()
        elif frame[1] is None:
            path = None if frame[0] is None else (*frame[0], frame[2])
        else:
            frame[1] += 1
            path = None if frame[0] is None else (*frame[0], frame[1])
        if path is not None:
            if path in wanted:
                out[path] = position(m.start())
            else:
                path = None  # wanted is closed under prefixes: nothing below is wanted either
        if tok == "{":
            stack.append([path, None, None, set()])
            expect_key = True
        elif tok == "[":
            stack.append([path, -1, None, None])
    return out


def _too_deep(data: Any) -> bool:
    """More than MAX_DEPTH levels of lists and mappings (checked without recursion)."""
    todo = [(data, 0)]
    while todo:
        value, depth = todo.pop()
        if depth > MAX_DEPTH:
            return True
        if isinstance(value, dict):
            todo.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            todo.extend((v, depth + 1) for v in value)
    return False


def _mark(exc: yaml.MarkedYAMLError) -> tuple[str, Any]:
    """The message and the place a person should look at."""
    what = exc.problem or "invalid YAML"
    if "expected a single document" in str(exc):
        return "more than one YAML document in the file; a record file holds one", exc.problem_mark
    if "maximum nesting depth" in str(exc):
        return TOO_DEEP, exc.problem_mark
    if exc.context and "quoted scalar" in exc.context and exc.context_mark is not None:
        # an unclosed quote is found only where the text ends; the mistake is where the string began
        return "a quoted string that starts here is never closed", exc.context_mark
    return what, exc.problem_mark or exc.context_mark


_KEY_LINE = re.compile(r"^\s*[\w-]+:(?:\s|$)")


def _unclosed_quote(text: str) -> tuple[int, int, int] | None:
    """(line, column, end line) of the last quoted string before a syntax error that runs over lines that
    look like `key: value` lines: a quote left open, which YAML only notices lines later."""
    loader = _Loader(text)
    found = None
    try:
        while loader.check_token():
            tok = loader.get_token()
            if (isinstance(tok, yaml.ScalarToken) and tok.style in ("'", '"')
                    and tok.end_mark.line > tok.start_mark.line):
                inner = text[tok.start_mark.index:tok.end_mark.index].split("\n")[1:]
                if any(_KEY_LINE.match(ln) for ln in inner):
                    found = (tok.start_mark.line + 1, tok.start_mark.column + 1, tok.end_mark.line + 1)
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return found


def _load_yaml(text: str) -> tuple[Any, Positions]:
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            what, mark = _mark(exc)
            began = _unclosed_quote(text)
            if began is not None and began[0] <= (mark.line + 1 if mark else 0):
                raise LoadProblem("syntax", f"invalid YAML: a quoted string that starts here is not closed on "
                                            f"its line (it runs on to line {began[2]})", began[0], began[1]) from None
            rule = "structure" if what == TOO_DEEP else "syntax"
            raise LoadProblem(rule, what if what == TOO_DEEP else f"invalid YAML: {what}",
                              mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
        except yaml.YAMLError as exc:
            raise LoadProblem("syntax", f"invalid YAML: {exc}") from None
        if node is None:
            raise LoadProblem("file", "file holds no document")
        _check_nodes(node)
        try:
            data = loader.construct_document(node)
        except yaml.constructor.ConstructorError as exc:
            mark = exc.problem_mark
            raise LoadProblem("syntax", f"invalid YAML: {exc.problem}",
                              mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
    finally:
        loader.dispose()
    return data, Positions(node=node)


def _at(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _check_nodes(root: yaml.Node) -> None:
    """Refuse aliases, duplicate keys, non-scalar keys and deep nesting: one pass, no recursion."""
    seen: set[int] = set()
    todo = [(root, 0)]
    while todo:
        node, depth = todo.pop()
        if id(node) in seen:
            raise LoadProblem("syntax", "YAML aliases (*name) are not allowed in a record", *_at(node))
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise LoadProblem("structure", TOO_DEEP, *_at(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[Any] = set()
            for k, v in node.value:
                if isinstance(k, yaml.MappingNode | yaml.SequenceNode):
                    raise LoadProblem("syntax", "a mapping key must be a plain value", *_at(k))
                if k.value in keys:
                    raise LoadProblem("syntax", f"duplicate key {k.value!r}", *_at(k))
                keys.add(k.value)
                todo.append((v, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            todo.extend((item, depth + 1) for item in node.value)


def _node_position(root: yaml.Node, path: PathKey) -> Position | None:
    node = root
    for i, part in enumerate(path):
        if part == "<key>" and i == len(path) - 1:
            return None  # handled with the key below
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == part or (not isinstance(part, str) and k.value == str(part)):
                    if path[i + 1:] == ("<key>",):
                        return _at(k)
                    node = v
                    break
            else:
                return None
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
        else:
            return None
    return _at(node)


def _where(positions: dict[PathKey, Position], path: PathKey) -> Position | tuple[None, None]:
    """Position of the value at path, or of its nearest ancestor."""
    p = path
    while True:
        if p in positions:
            return positions[p]
        if not p:
            return (None, None)
        p = p[:-1]


def dotted(path: Iterable[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(record)"


def _schema_message(error: Any) -> str:
    """A message a person can act on: allowed values listed, the missing key named."""
    v = error.validator
    if v == "enum":
        allowed = ", ".join("null" if x is None else str(x) for x in error.validator_value)
        return f"{error.instance!r} is not one of: {allowed}"
    if v == "additionalProperties":
        return f"{error.message} (the schema allows: {', '.join(error.schema.get('properties', {}))})"
    if v == "type":
        want = error.validator_value
        want = " or ".join(want) if isinstance(want, list) else want
        return f"{error.instance!r} is not of type {want}"
    return str(error.message)


def check_file(path: Path) -> FileReport:
    """Every problem of one record file; an unforeseen error is reported as a problem too."""
    try:
        return _check_file(path)
    except Exception as exc:  # a bug in kamerbrief: reported for this file, the run goes on
        report = FileReport(str(path))
        report.problems.append(Problem("internal", f"internal error ({type(exc).__name__}: {exc})", None,
                                       "error", str(path)))
        return report


def _check_file(path: Path) -> FileReport:
    report = FileReport(str(path))
    try:
        data, positions = load(path)
    except LoadProblem as exc:
        report.problems.append(Problem(exc.rule, exc.message, exc.line, "error", str(path), exc.column))
        return report
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a {type(data).__name__}"
        report.problems.append(Problem("structure", f"a record is a mapping, this file holds {kind}", 1, "error",
                                       str(path), 1))
        return report
    if "schema_version" not in data and "metadata" not in data:
        # a stray config file in the folder: one clear problem, not a schema error per key
        report.problems.append(Problem("structure", "not a kamerbrief record (it has neither schema_version nor "
                                                    "metadata)", 1, "error", str(path), 1))
        return report
    found: list[tuple[PathKey, str, Level, str]] = []  # (where, rule, level, message)
    for error in ([] if passes_fast(data) else validator().iter_errors(data)):
        at: PathKey = tuple(error.absolute_path)
        if error.validator == "additionalProperties":
            extra = [k for k in error.instance if k not in error.schema.get("properties", {})]
            if extra:
                at = (*at, extra[0], "<key>")
        where = dotted(p for p in at if p != "<key>")
        found.append((at, "schema", "error", f"{where}: {_schema_message(error)}"))
    for rule in checks.RULES:
        for rpath, level, message in rule(data):
            found.append((rpath, rule.__name__.removeprefix("check_").replace("_", "-"), level,
                          f"{dotted(rpath)}: {message}"))
    if found:
        known = positions.find(at for at, *_ in found)
        for at, rule_name, level, message in found:
            line, col = _where(known, at)
            report.problems.append(Problem(rule_name, message, line, level, str(path), col))
    bron = data.get("bron")
    if isinstance(bron, dict) and isinstance(bron.get("sha256"), str):
        report.sha256 = bron["sha256"]
    report.problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    return report


def position_of(path: Path, at: PathKey) -> Position | tuple[None, None]:
    """Where the value at `at` is in the file (or its nearest ancestor); (None, None) if it cannot be read."""
    try:
        _, positions = load(path)
    except LoadProblem:
        return (None, None)
    return _where(positions.find([at]), at)


class WorkerDied(Exception):
    """A worker process died (killed, out of memory): the files it had are reported, the rest are not checked."""

    def __init__(self, unchecked: int) -> None:
        super().__init__(f"a worker process died; {unchecked} file{'s' if unchecked != 1 else ''} not checked")
        self.unchecked = unchecked


PARALLEL_FROM = 200  # fewer files are checked in this process: starting workers costs more than it saves


def check_files(paths: list[Path], jobs: int = 1, parallel_from: int = PARALLEL_FROM) -> Iterator[FileReport]:
    """Reports in the order of `paths`; worker processes for large runs. Duplicates across files are flagged.

    If a worker dies, the files it may have held get an error report each and WorkerDied is raised: the
    run never waits for a worker that is gone.
    """
    if jobs > 1 and len(paths) >= parallel_from:
        yield from _flag_duplicates(_check_parallel(paths, jobs))
    else:
        yield from _flag_duplicates(check_file(p) for p in paths)


def _check_parallel(paths: list[Path], jobs: int) -> Iterator[FileReport]:
    import multiprocessing as mp
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ctx = mp.get_context("spawn" if os.name == "nt" else "fork")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_init, initargs=(os.getpid(),))
    window: deque[tuple[Path, Future[FileReport]]] = deque()  # a few files per worker: little is lost if one dies
    todo = iter(paths)
    submitted = 0
    try:
        while True:
            while len(window) < jobs * 2 and submitted < len(paths):
                p = next(todo)
                window.append((p, pool.submit(_check_in_worker, p)))
                submitted += 1
            if not window:
                return
            p, future = window[0]
            try:
                report = future.result()
            except BrokenProcessPool:
                for q, _ in window:
                    lost = FileReport(str(q))
                    lost.problems.append(Problem("worker", "not checked: a worker process died while this file was "
                                                           "being checked or waiting (killed, or out of memory?)",
                                                 None, "error", str(q)))
                    yield lost
                raise WorkerDied(len(paths) - submitted) from None
            window.popleft()
            yield report
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _check_in_worker(path: Path) -> FileReport:
    return check_file(path)  # looked up at call time, so a test can replace check_file


def _worker_init(parent: int) -> None:
    """Ctrl-C is for the main process; a worker dies with it, even when the parent is killed with SIGKILL."""
    import signal

    from .procs import die_with_parent

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)


def _flag_duplicates(reports: Iterable[FileReport]) -> Iterator[FileReport]:
    first: dict[str, str] = {}
    for r in reports:
        if r.sha256:
            if r.sha256 in first:
                # found again only here, for the few duplicates: no file pays for it up front
                line, col = position_of(Path(r.path), ("bron", "sha256"))
                r.problems.append(Problem("duplicate", f"bron.sha256: a record for the same source is also in "
                                                       f"{first[r.sha256]}", line, "warning", r.path, col))
            else:
                first[r.sha256] = r.path
        yield r
