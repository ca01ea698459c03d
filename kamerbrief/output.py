"""Dump records as YAML or JSON, and write files atomically (temp file + rename, never partial)."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Document

FORMATS = ("yaml", "json")
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


def _style(value: str) -> str | None:
    """Multi-paragraph text as a literal block, as people read it; anything else as PyYAML chooses."""
    if "\n" in value and not any(c in value for c in "\r\t\x85\u2028\u2029") and value == value.strip():
        return "|"
    return None


def _str(dumper: Any, value: str) -> Any:
    return dumper.represent_scalar(_STR, value, style=_style(value))


def record_dumper(base: type[Any]) -> type[Any]:
    """The record dumper on top of a PyYAML safe dumper class (CSafeDumper or SafeDumper).

    Only the emitter is in C in CSafeDumper; representing the record as nodes is Python, and PyYAML's
    generic `represent_data` (type dispatch, alias bookkeeping) cost about a third of a dump. Plain
    dicts, lists and strings are turned into the very nodes it would make, with the same alias
    bookkeeping (an object met twice still becomes an anchor); everything else goes the generic way.
    tests/test_output.py checks byte for byte that both give the same text, in C and in pure Python.
    """
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    class RecordDumper(base):  # type: ignore[misc]
        _resolved: dict[tuple[str, Any], Any] = {}  # noqa: RUF012  (short scalars: keys repeat in every record)

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is not ScalarNode or len(value) > 40:
                return super().resolve(kind, value, implicit)
            key = (value, implicit)
            tag = self._resolved.get(key)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(self._resolved) < 4096:
                    self._resolved[key] = tag
            return tag

        def represent_data(self, data: Any) -> Any:
            kind = type(data)
            if self.default_style is not None or self.sort_keys or self.default_flow_style is None:
                return super().represent_data(data)  # not how dumps() calls it: the generic way
            if kind is str:
                self.alias_key = None
                return ScalarNode(_STR, data, style=_style(data))
            if kind is not dict and kind is not list:
                return super().represent_data(data)
            key = id(data)
            self.alias_key = key
            node = self.represented_objects.get(key)
            if node is not None:
                return node
            self.object_keeper.append(data)
            value: list[Any] = []
            if kind is dict:
                node = MappingNode(_MAP, value, flow_style=self.default_flow_style)
                self.represented_objects[key] = node
                rep = self.represent_data
                for k, v in data.items():
                    value.append((rep(k), rep(v)))
            else:
                node = SequenceNode(_SEQ, value, flow_style=self.default_flow_style)
                self.represented_objects[key] = node
                value.extend(map(self.represent_data, data))
            return node

    RecordDumper.add_representer(str, _str)
    return RecordDumper


@functools.cache
def fast_dumper() -> type[Any]:
    """The record dumper on libyaml's emitter (CSafeDumper, 15x faster), else on the pure-Python one, which
    gives the same output; built once. PyYAML is imported here, so that JSON output never imports it."""
    import yaml

    return record_dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper))


def __getattr__(name: str) -> Any:
    if name == "_RecordDumper":  # the dumper dumps() uses, by its former name
        return fast_dumper()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def dumps(record: dict[str, Any], to: str = "yaml", dumper: type[Any] | None = None) -> str:
    """The record as text, keys in schema order, non-ASCII kept as is."""
    if to == "json":
        return json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    import yaml

    return yaml.dump(record, Dumper=dumper or fast_dumper(), sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)


def format_for(path: str | os.PathLike[str] | None, default: str = "yaml") -> str:
    """The output format an output file's name asks for: .json -> json, .yaml/.yml -> yaml, else default."""
    suffix = Path(path).suffix.lower() if path is not None else ""
    return {".json": "json", ".yaml": "yaml", ".yml": "yaml"}.get(suffix, default)


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write text to path so that readers only ever see the old file or the whole new one.

    Only a regular file (or a new one) is replaced through a temp file and a rename; a device, FIFO or
    other special file is written to directly, never renamed over, and so is anything reached through
    /dev or /proc (`/dev/stdout` redirected to a file must write into that open file). A symlink to a
    regular file keeps its link: the file it points to is replaced. The new file gets the mode the
    umask gives, as any other tool's output does.
    """
    target = Path(path)
    real = Path(os.path.realpath(target))
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    special = any(str(p).startswith(("/dev/", "/proc/")) for p in (target.absolute(), real))
    if st is not None and (special or not stat.S_ISREG(st.st_mode)):
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "is a directory", str(target))
        with open(target, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        return
    target = real if st is not None else target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f".{target.name}.{os.urandom(6).hex()}.tmp"  # as secrets.token_hex(6), unimported
    # O_EXCL: never through someone's symlink; mode 0o666 so the umask decides, as for any new file
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def text_json(source: Document) -> str:
    """The text the parser read as JSON: the whole text, and each line with its number, page and roles.

    `role` comes from the parser's layout: head (letterhead, Kamerstuk head), salutation, body, page_furniture
    (running heads and feet in the body), signature, notes, tail (after the body, no signature found),
    markup (a line the parser drops, such as a markdown comment), blank. `reader` is the role the reader
    gave the line (`model.Role`: body, colophon, footnote, list_item, ...; null where it made no line of it).
    Line numbers are those of warnings (`letter.txt:12: ...`); for DOCX and the other pandoc formats a
    line's roles are those of its paragraph.
    """
    from .rules.layout import read

    lay = read(source.flow())
    roles: dict[int, str] = {}
    for i, line in enumerate(lay.lines):
        if i == lay.salutation:
            role = "salutation"
        elif i < lay.body_start:
            role = "head"
        elif i in lay.furniture:
            role = "page_furniture"
        elif i < lay.body_end:
            role = "body"
        elif i >= lay.notes_start:
            role = "notes"
        else:
            role = "signature" if lay.signature is not None else "tail"
        roles.setdefault(line.lineno, role)
    reader: dict[int, str] = {}
    for line in source.lines:
        if line.lineno:
            reader.setdefault(line.lineno, line.role)
        if line.role == "footnote" and line.lineno:  # notes the reader read as such (a PDF's page foot)
            roles.setdefault(line.lineno, "notes")
    lines: list[dict[str, Any]] = []
    page = 1
    by_paragraph = source.markdown and source.format != "markdown"  # pandoc's formats: lines are paragraphs
    paragraph = 0
    for no, raw in enumerate(source.text.splitlines(keepends=True), start=1):
        text = raw.rstrip("\r\n\f\v\x1c\x1d\x1e\x85\u2028\u2029")
        paragraph += bool(text.strip())
        key = paragraph if by_paragraph else no
        lines.append({"line": no, "page": page, "role": roles.get(key, "markup") if text.strip() else "blank",
                      "reader": reader.get(key) if text.strip() else None, "text": text})
        if raw.endswith("\f"):
            page += 1
    doc = {"path": source.path, "format": source.format, "pages": source.pages, "sha256": source.sha256,
           "text": source.text, "lines": lines}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
