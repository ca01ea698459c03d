"""Rules: small readers of one part of a letter each, applied in order by `kamerbrief.parse`."""
