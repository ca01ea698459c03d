"""`python -m kamerbrief`: the same as the `kamerbrief` command."""

from .entry import main

main()
