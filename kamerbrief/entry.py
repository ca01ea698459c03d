"""The `kamerbrief` command's entry point: the regex cache first (kamerbrief/recache.py), then the CLI.

Kept apart from `kamerbrief.cli` so that a program importing the CLI (its tests, a host application) gets
`re` as it is: only running the command installs the cache.
"""

from __future__ import annotations

HELP = frozenset({"--help", "-h", "--version"})


def main() -> None:
    import sys

    if len(sys.argv) > 1 and HELP.isdisjoint(sys.argv[1:]):
        # a command that reads letters or records: before click, PyYAML and the rules compile their patterns.
        # Help and the version compile a few of click's only: reading the cache would cost more than it saves
        from . import recache

        recache.install()
    from .cli import main as cli

    cli()
