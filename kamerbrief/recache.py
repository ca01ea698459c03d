"""A cache of compiled regular expressions across runs of the command line, for a faster cold start.

Python compiles every regular expression again in each process: parsing the pattern and generating its
code, in Python, is about 50 ms of a cold `kamerbrief parse` (the rules hold some 300 patterns, PyYAML and
click a few dozen more), a third of the run. The generated code is plain data (a list of integers, the
group names) and depends only on the pattern, the flags and the Python build, so the command line keeps it
in a file and hands it to the regex engine (`_sre.compile`) on the next run; compiling from there costs
microseconds.

Only the command line installs it (`kamerbrief.cli`); importing kamerbrief as a library changes nothing in
`re`. It relies on CPython's regex internals (`re._compiler`, `_sre`), so it checks them when it installs:
on another Python, another version of them, or any surprise, it does not install, and a pattern it cannot
handle is compiled the ordinary way. The file is named for the Python build and the regex engine's magic
number, written once at exit when new patterns were compiled (through a temporary file and a rename), and
ignored when it cannot be read; nothing else is ever read from or written to the cache folder.

    KAMERBRIEF_CACHE_DIR   the folder (default: $XDG_CACHE_HOME/kamerbrief, else ~/.cache/kamerbrief)
    KAMERBRIEF_NO_CACHE=1  do not read or write the cache
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import sys
import zlib
from typing import Any

# (final flags, code, number of groups - 1, group index, index group) per (pattern, flags)
_Entry = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]

_state: dict[str, Any] = {"installed": False, "dirty": False, "entries": {}, "used": set(), "path": None}
MAX_ENTRIES = 4000  # past this (patterns made from arguments, run after run), only this run's are kept


def cache_path() -> str | None:
    """The cache file for this Python build, or None where caching is off (no pathlib: `--help` does not
    import it)."""
    if os.environ.get("KAMERBRIEF_NO_CACHE"):
        return None
    folder = os.environ.get("KAMERBRIEF_CACHE_DIR")
    if not folder:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "kamerbrief")
    import _sre  # type: ignore[import-not-found]

    build = zlib.crc32(f"{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}".encode())
    return os.path.join(folder, f"re-{sys.implementation.cache_tag}-{build:08x}.marshal")


def install() -> bool:
    """Compile regular expressions through the cache from now on, in this process. True if installed."""
    if _state["installed"]:
        return True
    path = cache_path()
    if path is None or sys.implementation.name != "cpython":
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
        if not isinstance(p, str) or flags & _compiler.SRE_FLAG_DEBUG:
            return original(p, flags)
        key = (p, int(flags))
        used.add(key)
        hit = entries.get(key)
        if hit is None:
            try:
                hit = _generate(_compiler, _parser, p, int(flags))
            except Exception:
                return original(p, flags)  # raises what re raises for a bad pattern
            entries[key] = hit
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


def _load(path: str) -> dict[tuple[str, int], _Entry]:
    """The cached entries, or none where the file is missing, unreadable or not what this module writes."""
    try:
        with open(path, "rb") as f:
            data = marshal.loads(f.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict):
        return {}
    good: dict[tuple[str, int], _Entry] = {}
    for key, value in data.items():
        if (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str) and isinstance(key[1], int)
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
        os.makedirs(folder, exist_ok=True)
        entries = _state["entries"]
        if len(entries) > MAX_ENTRIES:
            entries = {key: value for key, value in entries.items() if key in _state["used"]}
        with open(tmp, "wb") as f:
            f.write(marshal.dumps(entries))
        os.replace(tmp, path)
        _state["dirty"] = False
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
