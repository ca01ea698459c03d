"""`python -m kamerbrief`: the same as the `kamerbrief` command."""

from .cli import main

main()
