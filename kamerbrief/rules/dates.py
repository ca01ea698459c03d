"""Dates as Dutch letters print them: "2 juli 2018", "19april 1993", "22-12-2022", "2 jul. 2018"."""

from __future__ import annotations

import datetime as dt
import re

from ..lexicon import MONTHS

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
WRITTEN = re.compile(rf"\b(\d{{1,2}})\s*({_MONTH_ALT})\.?\s+(\d{{4}})\b", re.IGNORECASE)
NUMERIC = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def parse_date(text: str) -> str | None:
    """The first date in `text` as an ISO string, or None when there is no valid one."""
    for pattern, order in ((WRITTEN, "dmy"), (ISO, "ymd"), (NUMERIC, "dmy")):
        m = pattern.search(text)
        if not m:
            continue
        a, b, c = m.groups()
        try:
            if order == "ymd":
                d = dt.date(int(a), int(b), int(c))
            else:
                month = MONTHS[b.lower()] if not b.isdigit() else int(b)
                d = dt.date(int(c), month, int(a))
        except ValueError:
            continue
        return d.isoformat()
    return None
