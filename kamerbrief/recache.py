"""A cache of compiled regular expressions across runs of the command line, for a faster cold start.

Python compiles every regular expression again in each process: parsing the pattern and generating its
code, in Python, is some 35-45 ms of a cold `kamerbrief parse` (the rules hold some 300 patterns, PyYAML and
click a few dozen more), about a quarter of the run. The generated code is plain data (a list of integers,
the group names) and depends only on the pattern, the flags and the Python build, so the command line keeps
it in a file and hands it to the regex engine (`_sre.compile`) on the next run; compiling from there costs
microseconds. Python trusts its own `__pycache__` files the same way.

Only the command's entry points install it (`kamerbrief.entry`, `python -m kamerbrief`); importing
kamerbrief, `kamerbrief.cli` included, changes nothing in `re`. It relies on CPython's regex internals
(`re._compiler`, `_sre`), so it checks them when it installs: on another Python, another version of them,
or any surprise, it does not install, and a pattern it cannot handle (not a plain `str`, the DEBUG flag, one
whose compiling warns or fails) is compiled the ordinary way, every time.

The file: named for the Python build and the regex engine's magic number; a header with the format and a
checksum of the contents, so that a truncated or damaged file is ignored as a whole; read only when it
belongs to the user running the command and no one else may write it; an entry the engine refuses is
compiled the ordinary way and dropped. It is written at exit, when the run compiled patterns it did not
hold, through a temporary file and a rename, in a folder only the user may enter; workers of `batch` (which
end without running exit handlers) never write it. Past `MAX_BYTES` only the patterns of the run are kept.

    KAMERBRIEF_CACHE_DIR   the folder (default: $XDG_CACHE_HOME/kamerbrief, else ~/.cache/kamerbrief)
    KAMERBRIEF_NO_CACHE=1  do not read or write the cache
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import stat
import sys
import warnings
import zlib
from typing import Any

# (final flags, code, number of groups - 1, group index, index group) per (pattern, flags)
_Entry = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]

FORMAT = b"kamerbrief-re-1\n"  # then the CRC-32 of the contents (8 hex digits and a newline), then marshal
MAX_BYTES = 1_000_000  # past this (patterns made from arguments, run after run), only this run's are kept
_state: dict[str, Any] = {"installed": False, "dirty": False, "entries": {}, "used": set(), "path": None}


def cache_path() -> str | None:
    """The cache file for this Python build, or None where caching is off or this is not CPython (no
    pathlib: `--help` does not import it)."""
    if os.environ.get("KAMERBRIEF_NO_CACHE", "") not in ("", "0") or sys.implementation.name != "cpython":
        return None
    folder = os.environ.get("KAMERBRIEF_CACHE_DIR")
    if not folder:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "kamerbrief")
    try:
        import _sre  # type: ignore[import-not-found]

        magic = _sre.MAGIC
    except (ImportError, AttributeError):
        return None
    build = zlib.crc32(f"{sys.version}|{sys.implementation.cache_tag}|{magic}".encode())
    return os.path.join(folder, f"re-{sys.implementation.cache_tag}-{build:08x}.marshal")


def install() -> bool:
    """Compile regular expressions through the cache from now on, in this process. True if installed."""
    if _state["installed"]:
        return True
    path = cache_path()
    if path is None:
        return False
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]

        original = _compiler.compile
        if not _works(_sre, _compiler, _parser):
            return False
    except Exception:  # another Python's internals: compile as usual
        return False
    entries: dict[tuple[str, int], _Entry] = _load(path)
    used: set[tuple[str, int]] = _state["used"]
    _state.update(entries=entries, path=path, installed=True)

    def compile_cached(p: Any, flags: int = 0) -> Any:
        if type(p) is not str or flags & _compiler.SRE_FLAG_DEBUG:
            return original(p, flags)
        key = (p, int(flags))
        hit = entries.get(key)
        if hit is not None:
            try:
                compiled = _sre.compile(p, *hit)
                used.add(key)
                return compiled
            except Exception:  # an entry the engine refuses: compiled as usual, and dropped
                del entries[key]
                _state["dirty"] = True
                return original(p, flags)
        try:
            with warnings.catch_warnings(record=True) as warned:
                warnings.simplefilter("always")
                hit = _generate(_compiler, _parser, p, int(flags))
        except Exception:
            return original(p, flags)  # raises what re raises for a bad pattern
        if warned:
            return original(p, flags)  # warns as re warns, every time: not cached
        entries[key] = hit
        used.add(key)
        _state["dirty"] = True
        return _sre.compile(p, *hit)

    _compiler.compile = compile_cached
    atexit.register(save)
    return True


def _generate(_compiler: Any, _parser: Any, pattern: str, flags: int) -> _Entry:
    """What `re._compiler.compile` hands to `_sre.compile`, as plain data."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[Any] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    # the code holds named int constants (opcodes): plain ints for the file, the same to the engine
    return (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


def _works(_sre: Any, _compiler: Any, _parser: Any) -> bool:
    """Whether the internals are those this module was written against: a pattern with named groups, flags
    and a lookahead, compiled from the generated data, behaves as `re` compiles it."""
    import re

    source = r"(?i)(?P<dag>\d{1,2})\s+(?P<maand>[a-z]+)(?=\s+\d{4})|(?P<nr>Nr\.\s*\d+)"
    ours = _sre.compile(source, *_generate(_compiler, _parser, source, 0))
    theirs = _compiler.compile(source, 0)
    text = "Den Haag, 5 Maart 2019; Nr. 12"
    return (ours.flags == theirs.flags and ours.groupindex == theirs.groupindex and ours.groups == theirs.groups
            and [m.groupdict() for m in ours.finditer(text)] == [m.groupdict() for m in theirs.finditer(text)]
            and ours.flags == re.compile(source).flags)


def _trusted(fd: int) -> bool:
    """A file of the user's own that no one else may write (as a shared folder such as /tmp could hold)."""
    info = os.fstat(fd)
    getuid = getattr(os, "getuid", None)
    own = getuid is None or info.st_uid == getuid()
    return stat.S_ISREG(info.st_mode) and own and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _load(path: str) -> dict[tuple[str, int], _Entry]:
    """The cached entries, or none where the file is missing, not the user's own, of another format, damaged
    (its checksum) or not what this module writes."""
    try:
        with open(path, "rb") as f:
            if not _trusted(f.fileno()):
                return {}
            blob = f.read()
    except OSError:
        return {}
    head = len(FORMAT)
    if not blob.startswith(FORMAT) or blob[head + 8:head + 9] != b"\n":
        return {}
    body = blob[head + 9:]
    if blob[head:head + 8] != b"%08x" % zlib.crc32(body):
        return {}
    try:
        data = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict):
        return {}
    good: dict[tuple[str, int], _Entry] = {}
    for key, value in data.items():
        if (isinstance(key, tuple) and len(key) == 2 and type(key[0]) is str and type(key[1]) is int
                and isinstance(value, tuple) and len(value) == 5 and isinstance(value[1], list)):
            good[key] = value
    return good


def save() -> None:
    """Write the cache when this run compiled patterns it did not hold; never fails the command."""
    path: str | None = _state["path"]
    if not _state["dirty"] or path is None:
        return
    folder, name = os.path.split(path)
    tmp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        body = marshal.dumps(_state["entries"])
        if len(body) > MAX_BYTES:
            body = marshal.dumps({k: v for k, v in _state["entries"].items() if k in _state["used"]})
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(FORMAT + b"%08x\n" % zlib.crc32(body) + body)
        os.replace(tmp, path)
        _state["dirty"] = False
    except (OSError, ValueError):
        pass
    finally:
        if os.path.exists(tmp):  # interrupted, or the write failed
            with contextlib.suppress(OSError):
                os.unlink(tmp)
