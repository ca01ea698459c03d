"""Page furniture in the body, and colophon fields printed after the body began.

Page furniture is every body line the reader gave a role outside the body (a PDF's running header or
footer, its page numbers: `model.NOT_BODY_ROLES`), and every one that repeats the head (the colophon
block printed on every page, in any order), a colophon label or its value, "Pagina 2 van 7", a lone
page number, a printed page footer ("Tweede Kamer, vergaderjaar 1992-1993, 21 501-01, nr. 45").
pdftotext writes the right-hand column late, so a label with its value can stand in the body's lines:
    ... eerste alinea van de brief.
    Datum                                    <- late label, furniture
    3 februari 2023                          <- its value: fills `datum` when the head had none
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model import NOT_BODY_ROLES, Line
from .body import fold, is_page_furniture
from .letterhead import Found, fits, is_other_label, match_label

Label = tuple[str, str] | None  # what `match_label` says of a line


def furniture(lines: tuple[Line, ...], fields: Mapping[str, Found], body_start: int,
              footers: frozenset[tuple[int, str]]) -> tuple[set[int], dict[int, Label]]:
    """(indices of body lines that are page furniture, the colophon label of each line it read for one);
    `footers` are the printed page footers that the Kamerstuk rule found, as (source line, text)."""
    head = {fold(lines[i].text) for i in range(body_start) if lines[i].text}
    head.discard("")
    values = {fold(f.value) for f in fields.values()}
    out: set[int] = set()
    labels: dict[int, Label] = {}
    for i in range(body_start, len(lines)):
        t = lines[i].text
        if not t:
            continue
        if lines[i].role in NOT_BODY_ROLES or (footers and (lines[i].lineno, t) in footers) or is_page_furniture(t):
            out.add(i)
            continue
        if len(t) > 100:
            continue
        f = fold(t)
        lab = labels[i] = match_label(t)
        if (f in head or f in values
                or (is_other_label(t) and len(t.split()) <= 6)
                or (lab and (not lab[1] or fold(lab[1]) in values))):
            out.add(i)
    return out, labels


def late_labels(lines: tuple[Line, ...], start: int, end: int, fields: Mapping[str, Found],
                labels: dict[int, Label]) -> tuple[dict[str, Found], set[int]]:
    """(colophon fields the head did not hold, found in lines[start:end]; the indices of their lines).
    `labels` are the lines' labels that `furniture` already read (each line is matched once)."""
    found: dict[str, Found] = {}
    taken: set[int] = set()
    for i in range(start, end):
        t = lines[i].text
        lab = labels[i] if i in labels else (match_label(t) if t and len(t) <= 100 else None)
        if not lab:
            continue
        fld, value = lab
        if not value:
            for j in range(i + 1, min(end, i + 3)):
                v = lines[j].text
                if v:
                    if fits(fld, v) and not (labels[j] if j in labels else match_label(v)):
                        value = v
                        taken.add(j)
                    break
        known = found.get(fld) or fields.get(fld)
        if value and known is None and fld != "onderwerp":
            found[fld] = known = Found(value, lines[i].lineno)
            taken.add(i)
        if value and fold(value) == fold(known.value if known else ""):
            taken.add(i)
    return found, taken
