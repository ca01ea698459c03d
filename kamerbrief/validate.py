"""Validate records: load safely with positions, check against the schema and the record rules.

    files ─load─▶ (data, positions) | problem ─schema─▶ problems ─checks─▶ problems ─▶ FileReport

Loading is safe and strict: no YAML tags, no aliases (a "billion laughs" bomb is refused at its
first alias), no duplicate keys, one mapping per file, a size limit. Every schema error names the
line and column of the value in the file and the path in the record. Dates stay strings: YAML's
implicit timestamps are off, so `datum: 2018-07-02` is the string the schema expects.
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import checks
from .model import Problem
from .schema import passes_fast, validator

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on the wheel
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

RECORD_SUFFIXES = (".yaml", ".yml", ".json")
MAX_BYTES = 10 * 1024 * 1024  # a record is some kilobytes; anything this large is a mistake


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


class UnreadableError(Exception):
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


def load(path: Path) -> tuple[Any, dict[PathKey, Position]]:
    """The document and the (line, column) of every value, or a Problem raised as LoadProblem."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LoadProblem("file", f"file is {size / 1024 / 1024:.0f} MB; a record is far smaller "
                                      f"(limit {MAX_BYTES // 1024 // 1024} MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise LoadProblem("file", f"cannot read: {exc.strerror or exc}") from None
    if b"\x00" in data[:8192]:
        raise LoadProblem("file", "binary file, not YAML or JSON")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadProblem("file", f"not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise LoadProblem("file", "file is empty")
    if path.suffix.lower() == ".json":
        return _load_json(text)
    return _load_yaml(text)


class LoadProblem(Exception):
    def __init__(self, rule: str, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.rule, self.message, self.line, self.column = rule, message, line, column


def _load_json(text: str) -> tuple[Any, dict[PathKey, Position]]:
    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in pairs:
            if k in out:
                raise LoadProblem("syntax", f"duplicate key {k!r}")
            out[k] = v
        return out

    try:
        data = json.loads(text, object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as exc:
        raise LoadProblem("syntax", f"invalid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except LoadProblem as exc:
        # find the line of the duplicate key for the message
        raise LoadProblem(exc.rule, exc.message, _line_of(text, exc.message)) from None
    positions: dict[PathKey, Position] = {}
    try:  # JSON is YAML: the same composer gives positions (where PyYAML can read it)
        node = _compose(text)
        if node is not None:
            _positions(node, (), positions, set())
    except (yaml.YAMLError, LoadProblem):
        pass
    return data, positions


def _line_of(text: str, message: str) -> int | None:
    key = message.split("'")[1] if "'" in message else None
    if key is None:
        return None
    hits = [i for i, ln in enumerate(text.splitlines(), 1) if f'"{key}"' in ln]
    return hits[1] if len(hits) > 1 else None


def _compose(text: str) -> yaml.Node | None:
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _load_yaml(text: str) -> tuple[Any, dict[PathKey, Position]]:
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            what = exc.problem or "invalid YAML"
            if "expected a single document" in str(exc):
                what = "more than one YAML document in the file; a record file holds one"
            raise LoadProblem("syntax", f"invalid YAML: {what}",
                              mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
        except yaml.YAMLError as exc:
            raise LoadProblem("syntax", f"invalid YAML: {exc}") from None
        if node is None:
            raise LoadProblem("file", "file holds no document")
        positions: dict[PathKey, Position] = {}
        _positions(node, (), positions, set())
        try:
            data = loader.construct_document(node)
        except yaml.constructor.ConstructorError as exc:
            mark = exc.problem_mark
            raise LoadProblem("syntax", f"invalid YAML: {exc.problem}",
                              mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
    finally:
        loader.dispose()
    return data, positions


def _positions(node: yaml.Node, path: PathKey, out: dict[PathKey, Position], seen: set[int]) -> None:
    """Record the position of every value; refuse aliases and duplicate keys."""
    if id(node) in seen:
        raise LoadProblem("syntax", "YAML aliases (*name) are not allowed in a record",
                          node.start_mark.line + 1, node.start_mark.column + 1)
    seen.add(id(node))
    out[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        keys: set[Any] = set()
        for k, v in node.value:
            if isinstance(k, yaml.MappingNode | yaml.SequenceNode):
                raise LoadProblem("syntax", "a mapping key must be a plain value",
                                  k.start_mark.line + 1, k.start_mark.column + 1)
            if k.value in keys:
                raise LoadProblem("syntax", f"duplicate key {k.value!r}", k.start_mark.line + 1,
                                  k.start_mark.column + 1)
            keys.add(k.value)
            out[(*path, k.value, "<key>")] = (k.start_mark.line + 1, k.start_mark.column + 1)
            _positions(v, (*path, k.value), out, seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _positions(item, (*path, i), out, seen)


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
    for error in ([] if passes_fast(data) else validator().iter_errors(data)):
        at: PathKey = tuple(error.absolute_path)
        if error.validator == "additionalProperties":
            extra = [k for k in error.instance if k not in error.schema.get("properties", {})]
            if extra:
                at = (*at, extra[0], "<key>")
        line, col = _where(positions, at)
        where = dotted(p for p in at if p != "<key>")
        report.problems.append(Problem("schema", f"{where}: {_schema_message(error)}", line, "error", str(path), col))
    for rule in checks.RULES:
        for rpath, level, message in rule(data):
            line, col = _where(positions, rpath)
            report.problems.append(Problem(rule.__name__.removeprefix("check_").replace("_", "-"),
                                           f"{dotted(rpath)}: {message}", line, level, str(path), col))
    bron = data.get("bron")
    if isinstance(bron, dict) and isinstance(bron.get("sha256"), str):
        report.sha256 = bron["sha256"]
    report.problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    return report


def check_files(paths: list[Path], jobs: int = 1) -> Iterator[FileReport]:
    """Reports in the order of `paths`; worker processes for large runs. Duplicates across files are flagged."""
    if jobs > 1 and len(paths) >= 200:
        import multiprocessing as mp

        ctx = mp.get_context("spawn" if os.name == "nt" else "fork")
        with ctx.Pool(jobs) as pool:
            reports: Iterable[FileReport] = pool.imap(check_file, paths, chunksize=64)
            yield from _flag_duplicates(reports)
    else:
        yield from _flag_duplicates(check_file(p) for p in paths)


def _flag_duplicates(reports: Iterable[FileReport]) -> Iterator[FileReport]:
    first: dict[str, str] = {}
    for r in reports:
        if r.sha256:
            if r.sha256 in first:
                r.problems.append(Problem("duplicate", f"bron.sha256: a record for the same source is also in "
                                                       f"{first[r.sha256]}", None, "warning", r.path))
            else:
                first[r.sha256] = r.path
        yield r
