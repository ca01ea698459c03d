"""The `kamerbrief` command's entry point: the regex cache first (kamerbrief/recache.py), then the CLI.

Kept apart from `kamerbrief.cli` so that a program importing the CLI (its tests, a host application) gets
`re` as it is: only running the command installs the cache.
"""

from __future__ import annotations


def main() -> None:
    from . import recache

    recache.install()  # before click, PyYAML and the rules compile their patterns
    from .cli import main as cli

    cli()
