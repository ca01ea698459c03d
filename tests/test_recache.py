"""The command line's cache of compiled regular expressions (kamerbrief/recache.py): the same records with a
cold cache, a warm one and none; a damaged or unwritable cache changes nothing; the library leaves `re` alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SAMPLES

LETTERS = ["vws-reactie-aanbevelingen-in-lopende-tekst.md", "ocw-voortgang-laaggeletterdheid.txt",
           "kst-36123-14-reactie-onderzoek.txt"]


def _parse(letter: str, env: dict[str, str]) -> str:
    base = {k: v for k, v in os.environ.items() if k != "KAMERBRIEF_NO_CACHE"}
    done = subprocess.run([sys.executable, "-m", "kamerbrief", "parse", str(SAMPLES / letter), "--to", "json"],
                          capture_output=True, text=True, env={**base, **env}, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("re-*.marshal"))


@pytest.mark.parametrize("letter", LETTERS)
def test_a_cold_a_warm_and_no_cache_give_the_same_record(tmp_path: Path, letter: str) -> None:
    env = {"KAMERBRIEF_CACHE_DIR": str(tmp_path)}
    plain = _parse(letter, {"KAMERBRIEF_NO_CACHE": "1", "KAMERBRIEF_CACHE_DIR": str(tmp_path / "none")})
    assert not (tmp_path / "none").exists()
    cold = _parse(letter, env)
    [cache] = _cache_files(tmp_path)
    written = cache.read_bytes()
    assert len(written) > 10_000  # the rules' patterns, PyYAML's and click's
    warm = _parse(letter, env)
    assert plain == cold == warm
    assert cache.read_bytes() == written  # nothing new compiled: not written again


def test_a_damaged_or_unwritable_cache_changes_nothing(tmp_path: Path) -> None:
    letter = LETTERS[0]
    want = _parse(letter, {"KAMERBRIEF_NO_CACHE": "1"})
    _parse(letter, {"KAMERBRIEF_CACHE_DIR": str(tmp_path)})
    [cache] = _cache_files(tmp_path)
    whole = cache.read_bytes()
    flipped = bytearray(whole)
    flipped[len(whole) // 2] ^= 0x01  # still marshal, most likely: the checksum says it is damaged
    for damage in (b"", b"\x00garbage", whole[:1000], bytes(flipped), b"kamerbrief-re-0\n" + whole[16:]):
        cache.write_bytes(damage)
        assert _parse(letter, {"KAMERBRIEF_CACHE_DIR": str(tmp_path)}) == want
        assert len(cache.read_bytes()) > 10_000  # read as empty, written whole again
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert _parse(letter, {"KAMERBRIEF_CACHE_DIR": str(blocked)}) == want
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_an_entry_the_engine_refuses_is_compiled_as_usual_and_dropped(tmp_path: Path) -> None:
    """A file whose checksum holds but whose code is wrong (written by a kamerbrief with a bug, say)."""
    script = ("import re, sys\n"
              "from kamerbrief import recache\n"
              "assert recache.install()\n"
              "key = (r'(?P<nr>\\d+)-x', 0)\n"
              "recache._state['entries'][key] = (32, [1, 2, 3], 0, {'nr': 1}, (None, 'nr'))\n"
              "rx = re.compile(key[0])\n"
              "assert rx.fullmatch('12-x').group('nr') == '12'\n"
              "assert key not in recache._state['entries'] or recache._state['entries'][key][1] != [1, 2, 3]\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "KAMERBRIEF_CACHE_DIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr


def test_a_cache_someone_else_may_write_is_not_read(tmp_path: Path) -> None:
    letter = LETTERS[0]
    _parse(letter, {"KAMERBRIEF_CACHE_DIR": str(tmp_path)})
    [cache] = _cache_files(tmp_path)
    assert cache.stat().st_mode & 0o777 == 0o600  # the user's alone
    script = ("from kamerbrief import recache\n"
              "import sys\n"
              "recache.install()\n"
              "print(len(recache._state['entries']))\n")
    env = {**os.environ, "KAMERBRIEF_CACHE_DIR": str(tmp_path)}
    trusted = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    cache.chmod(0o666)
    shared = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert int(trusted.stdout) > 100 and int(shared.stdout) == 0


def test_the_library_and_the_cli_module_leave_re_alone(tmp_path: Path) -> None:
    script = ("import re, kamerbrief, kamerbrief.cli\n"
              f"kamerbrief.parse_file({str(SAMPLES / LETTERS[0])!r})\n"
              "assert re._compiler.compile.__module__ == 're._compiler', re._compiler.compile\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "KAMERBRIEF_CACHE_DIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert _cache_files(tmp_path) == []


ENTRY_PROBE = r"""
import contextlib, io, json, sys
from kamerbrief import entry
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        entry.main()
    except SystemExit:
        pass
recache = sys.modules.get("kamerbrief.recache")
print(json.dumps(bool(recache and recache._state["installed"])))
"""


@pytest.mark.parametrize(("args", "installed"), [
    (["--help"], False), (["--version"], False), (["parse", "--help"], False), ([], False),
    (["parse", str(SAMPLES / LETTERS[1])], True)])
def test_the_entry_point_installs_the_cache_for_commands_not_for_help(tmp_path: Path, args: list[str],
                                                                       installed: bool) -> None:
    done = subprocess.run([sys.executable, "-c", ENTRY_PROBE, *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "KAMERBRIEF_CACHE_DIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ("true" if installed else "false")
