"""Rules: small readers of one part of a letter each; the regions by `layout`, then the field rules in the
order of `kamerbrief.pipeline.RULES`."""
