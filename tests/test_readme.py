"""Every README example runs as a user would run it: python blocks as scripts, sh blocks with bash.

A fenced block tagged `python` or `sh` is run in a temporary folder that holds the files the examples
name (see README, "Development"). A block right after `<!-- not-run: reason -->` is skipped; blocks
without a language are output and are not run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, SAMPLES, sample_letters
from .letterpdf import render

README = ROOT / "README.md"
FENCE = re.compile(r"(?:^<!-- not-run: (?P<why>[^\n]*?) -->\n)?^```(?P<lang>[\w-]*)\n(?P<code>.*?)^```$",
                   re.MULTILINE | re.DOTALL)
RUNNERS = ("python", "sh")


def blocks() -> list[tuple[str, str, str, str | None]]:
    """(id, language, code, reason not to run) of each python and sh block, in README order."""
    text = README.read_text(encoding="utf-8")
    out = []
    for m in FENCE.finditer(text):
        if m.group("lang") in RUNNERS:
            line = text.count("\n", 0, m.start("code"))
            out.append((f"README.md:{line}-{m.group('lang')}", m.group("lang"), m.group("code"), m.group("why")))
    return out


def test_the_readme_has_examples_to_run() -> None:
    found = blocks()
    assert sum(1 for *_, why in found if why is None) >= 6
    assert {lang for _, lang, _, why in found if why is None} == set(RUNNERS)
    assert all(why for *_, why in found if why is not None), "a not-run marker gives its reason"


def _workspace(root: Path) -> None:
    shutil.copytree(SAMPLES, root / "samples")
    letters = sample_letters()
    md = next(p for p in letters if p.suffix == ".md")
    txt = next(p for p in letters if p.suffix == ".txt")
    shutil.copy(md, root / "letter.md")
    shutil.copy(txt, root / "letter.txt")
    render(yaml.safe_load(md.with_suffix(".yaml").read_text(encoding="utf-8")), str(root / "letter.pdf"))
    shutil.copy(root / "letter.pdf", root / "kamerbrief.pdf")
    (root / "archive").mkdir()
    for p in letters:
        shutil.copy(p, root / "archive" / p.name)
    (root / "records" / "2024").mkdir(parents=True)
    for golden in sorted(SAMPLES.glob("*.yaml"))[:3]:
        shutil.copy(golden, root / "records" / golden.name)
        shutil.copy(golden, root / "records" / "2024" / golden.name)
    shutil.copy(md.with_suffix(".yaml"), root / "records" / "a.yaml")


@pytest.mark.parametrize(("name", "lang", "code", "why"), blocks(), ids=[b[0] for b in blocks()])
def test_readme_example_runs(tmp_path: Path, name: str, lang: str, code: str, why: str | None) -> None:
    if why is not None:
        pytest.skip(f"marked not-run: {why}")
    _workspace(tmp_path)
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
               GITHUB_ACTIONS="")
    if lang == "python":
        script = tmp_path / "example.py"
        script.write_text(code, encoding="utf-8")
        command = [sys.executable, str(script)]
    else:
        command = ["bash", "-e", "-o", "pipefail", "-c", code]
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, f"{name}: exit {done.returncode}\n{code}\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
