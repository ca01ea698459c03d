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
    done = subprocess.run([sys.executable, "-m", "kamerbrief", "parse", str(SAMPLES / letter), "--to", "json"],
                          capture_output=True, text=True, env={**os.environ, **env}, timeout=120)
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
    for damage in (b"", b"\x00garbage", cache.read_bytes()[:1000]):
        cache.write_bytes(damage)
        assert _parse(letter, {"KAMERBRIEF_CACHE_DIR": str(tmp_path)}) == want
        assert len(cache.read_bytes()) > 10_000  # read as empty, written whole again
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert _parse(letter, {"KAMERBRIEF_CACHE_DIR": str(blocked)}) == want
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_the_library_leaves_re_alone(tmp_path: Path) -> None:
    script = ("import re, kamerbrief\n"
              f"kamerbrief.parse_file({str(SAMPLES / LETTERS[0])!r})\n"
              "assert re._compiler.compile.__module__ == 're._compiler', re._compiler.compile\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "KAMERBRIEF_CACHE_DIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert _cache_files(tmp_path) == []
