"""Shared test set-up: paths, the `--regen-samples` flag, the corpus location."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# the command line keeps compiled regular expressions in a cache folder (kamerbrief/recache.py): the tests,
# and the commands they start, keep theirs in a folder of their own, not the user's ~/.cache
if "KAMERBRIEF_CACHE_DIR" not in os.environ:
    os.environ["KAMERBRIEF_CACHE_DIR"] = tempfile.mkdtemp(prefix="kamerbrief-test-cache-")
    atexit.register(shutil.rmtree, os.environ["KAMERBRIEF_CACHE_DIR"], True)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"
BULK = ROOT.parent / "shared" / "bulk"
LETTER_SUFFIXES = {".md", ".txt", ".pdf", ".docx", ".odt", ".html", ".rtf"}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-samples", action="store_true",
                     help="rewrite samples/<name>.yaml from the parser's output, for review with git diff")


@pytest.fixture
def regen(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen-samples"))


def sample_letters() -> list[Path]:
    """The sample letters; a file without a suffix is a letter whose format is found from its content."""
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in LETTER_SUFFIXES or (p.is_file() and not p.suffix))
