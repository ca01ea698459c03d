"""Layout: the letter's regions as spans of lines, found once, in one frozen value.

    lines[0:body_start]            the head: letterhead, colophon, Kamerstuk heading, "Den Haag, <datum>"
    lines[salutation]              "Geachte voorzitter,"
    lines[body_start:body_end]     the body; its page furniture (running heads, "Pagina 2 van 7") marked
    lines[body_end:notes_start]    the closing and signature, and an annex (answers to Kamervragen)
    lines[notes_start:text_end]    notes printed after the letter ("Noten" / "1" / text)
    lines[text_end:]               a note list typed at the very end ("1) NOS, 6 maart 2024 ...")

Every later rule reads these spans and the blocks made from them; nothing here is changed afterwards.
OCR that put the body's first words on the date line ("Den Haag, 3 mei 2012 Geachte voorzitter, Hierbij
...") is split off once, after the head is read and before the regions are indexed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter
from types import MappingProxyType

from ..lexicon import GLUED_SALUTATION, LABELS, NON_LETTER_KINDS, SALUTATION, LazyPattern
from ..model import Document, Line
from . import body as body_rule
from . import kamerstuk as kamerstuk_rule
from . import letterhead as letterhead_rule
from . import noten as noten_rule
from . import pagefoot as pagefoot_rule
from . import sections as sections_rule
from . import signature as signature_rule
from .body import fold
from .furniture import Block as ColophonBlock
from .furniture import colophon_blocks, furniture, head_texts, late_labels

TEXT = attrgetter("text")
PROSE_END = re.compile(r"[.!?][\"”’)»]*$")
HEAD_LINE = LazyPattern(r"^(?:[Nn]r\.?\s*\d|(?:[A-Z]{1,2}\s+)?BRIEF VAN\b|Aan de [Vv]oorzitter)")
# a long line that opens so is a heading's, an addressee's or a subject's, not the body's prose
NOT_PROSE = LazyPattern(r"^(?:\d|Nr\b|nr\b|Aan\b|" + "|".join(map(re.escape, LABELS["onderwerp"])) + ")")


@dataclass(frozen=True, eq=False)
class Layout:
    """Where the parts of the letter are: its lines (repairs applied) and the regions in them."""

    lines: tuple[Line, ...]
    markdown: bool
    blank_structure: bool  # blank lines separate paragraphs (not OCR or web text, one paragraph a line)
    limit: int  # the letterhead ends before this line at the latest
    salutation: int | None
    letterhead: letterhead_rule.Letterhead  # its fields include colophon labels printed late (pdftotext)
    kamerstuk: kamerstuk_rule.Kamerstuk
    body_start: int
    body_end: int
    notes_start: int
    text_end: int
    signature: signature_rule.Signature | None
    furniture: frozenset[int]
    blocks: tuple[body_rule.Block, ...]  # the body's paragraphs and headings
    notes: tuple[noten_rule.Note, ...]  # in record order: typed list, reader's notes, page feet, after the letter
    kind: str | None  # the kind of paper a heading in capitals names, when it is no letter

    @cached_property
    def annex(self) -> tuple[body_rule.Block, ...]:
        """The paragraphs and headings of lines[body_end:notes_start] (the closing and an annex), made the
        first time a rule asks for them (only answers to Kamervragen do) and kept."""
        return tuple(_paragraphs(self.lines, self.body_end, self.notes_start, self.furniture, self.markdown,
                                 self.blank_structure))

    @cached_property
    def bijlage(self) -> tuple[body_rule.Block, ...]:
        """The paragraphs and headings of a bijlage after the signature that answers the recommendations
        ("Bijlage: reactie per aanbeveling", see `sections.annex_span`); none without a signature."""
        span = sections_rule.annex_span(self.lines, self.body_end, self.notes_start) if self.signature else None
        if span is None:
            return ()
        return tuple(_paragraphs(self.lines, *span, self.furniture, self.markdown, self.blank_structure))

    @property
    def head_first(self) -> int | None:
        """The head's first line with text (else the first line): where a missing head value is reported."""
        return next((ln.lineno for ln in self.lines[:self.body_start] if ln.text),
                    self.lines[0].lineno if self.lines else None)

    @property
    def head_line(self) -> int | None:
        """The source line where the head's fields were looked for: the first colophon value, else the
        head's first line."""
        return self.letterhead.first_line or self.head_first

    def not_a_letter(self) -> str | None:
        """Why these lines hold no letter to the Voorzitter, or None when they do."""
        lh, ks = self.letterhead, self.kamerstuk
        if self.kind and lh.geadresseerde is None and self.salutation is None and not ks.brief_van:
            return f"this is a {self.kind.capitalize()}, not a letter to the Voorzitter"
        if not (lh.geadresseerde or self.signature or self.salutation is not None or ks.found or lh.fields):
            return "no Kamerbrief found: no addressee, salutation, signature, colophon or Kamerstuk heading"
        return None


def read(cleaned: Document, reader_notes: tuple[tuple[str, str, int, int], ...] = ()) -> Layout:
    """The regions of the lines in the flow (`Document.flow`): head, body, closing, annex and notes, each
    found once. `reader_notes` are the notes the reader read as footnote lines (`Document.notes`: Word's
    footnotes and endnotes, markdown's "[^1]:", a PDF's page-foot notes), with their source lines."""
    lines = cleaned.lines
    nonblank = sum(map(bool, map(TEXT, lines)))
    blank_structure = nonblank > 0 and (len(lines) - nonblank) >= max(2, nonblank // 12)

    limit, salutation = head_limit(lines)
    date_at = kamerstuk_rule.place_date_index(lines, limit)
    if date_at is not None and salutation is None:
        limit = min(limit, _after_date(lines, date_at))
    ks = kamerstuk_rule.read(lines, limit)
    lh = letterhead_rule.read(lines, limit, blank_structure)
    consumed = lh.consumed | ks.consumed
    last_used = max(consumed) if consumed else None

    if ks.date_rest and ks.date_index is not None:
        # OCR put the first body words on the date line: they become the body's first line(s), and the
        # indices read so far (the last line the head used) move down past them
        at = ks.date_index
        rest = [Line(ks.date_rest, lines[at].lineno)]
        greeting = GLUED_SALUTATION.match(ks.date_rest)
        if greeting and salutation is None:
            rest = [Line(greeting.group(1), lines[at].lineno), Line(greeting.group(2), lines[at].lineno)]
            salutation = at + 1
        lines = (*lines[:at], Line("", lines[at].lineno), *rest, *lines[at + 1:])
        if last_used is not None and last_used > at:
            last_used += len(rest)
    body_start = last_used + 1 if last_used is not None else 0
    if salutation is not None:
        body_start = salutation + 1
    elif last_used is not None and not ks.found:
        body_start = letterhead_rule.skip_colophon(lines, body_start, limit)

    sig = signature_rule.find(lines, body_start)
    body_end = sig.start if sig else noten_rule.tail_start(lines, body_start)
    notes_start = noten_rule.notes_start(lines, sig.start if sig else body_end)
    # the colophon column printed in the body (pdftotext writes it late, and again on every page): its lines
    # are furniture and count as the head's; its fields fill what the head did not hold
    head = head_texts(lines, body_start)
    blocks_in_body = colophon_blocks(lines, body_start, len(lines), head, {fold(f.value) for f in lh.fields.values()})
    lh = _with_late_colophon(lines, lh, [b for b in blocks_in_body if b.start < body_end], blank_structure)
    in_blocks = {i for b in blocks_in_body for i in range(b.start, b.end)}
    marked, labels = furniture(lines, lh.fields, body_start, ks.footer_lines, (lines[i].text for i in in_blocks))
    marked |= in_blocks
    # colophon fields the head did not hold, from labelled lines later on (pdftotext column order)
    late, late_lines = late_labels(lines, body_start, body_end, lh.fields, labels)
    if late:
        lh = lh._replace(fields=MappingProxyType({**lh.fields, **late}))
    kenmerk = lh.fields.get("kenmerk")
    lines = pagefoot_rule.strip_glued_kenmerk(lines, body_start, body_end, kenmerk.value if kenmerk else None)
    foot, page_notes = pagefoot_rule.footnotes(lines, body_start, body_end)
    marked |= late_lines | foot

    # notes typed at the very end ("1) NOS, 6 maart 2024 ...") end the body and the annex
    typed = noten_rule.typed_list(lines, body_start)
    text_end = typed.start if typed else len(lines)
    body_end, notes_start = min(body_end, text_end), min(notes_start, text_end)
    after = noten_rule.tail_notes(lines[:text_end], notes_start)
    # a note on no line of the text (a Word footnote) has lines 0
    read_apart = tuple(noten_rule.Note(n, t, first, last) for n, t, first, last in reader_notes)
    listed = tuple(n for n in (typed.notes if typed else ()) if n.tekst)
    notes = (*listed, *read_apart, *page_notes, *after)
    numbers = {n.nummer for n in (*listed, *after, *page_notes, *read_apart)}
    lines = noten_rule.unglue(lines, body_start, notes_start, numbers, typed.style if typed else None)

    fixed = frozenset(marked)
    blocks = _paragraphs(lines, body_start, body_end, fixed, cleaned.markdown, blank_structure)
    return Layout(lines, cleaned.markdown, blank_structure, limit, salutation, lh, ks, body_start, body_end,
                  notes_start, text_end, sig, fixed, tuple(blocks), notes,
                  _non_letter_kind(lines, limit))


def _paragraphs(lines: tuple[Line, ...], start: int, end: int, furniture: frozenset[int], markdown: bool,
                blank_structure: bool) -> list[body_rule.Block]:
    """The blocks of lines[start:end] (`body.paragraphs`), each paragraph that was joined over a page end after
    a short line parted again there (`_part_at_page_ends`)."""
    blocks = body_rule.paragraphs(lines, start, end, furniture.__contains__, markdown, blank_structure)
    if markdown or not blank_structure:
        return blocks
    return _part_at_page_ends(blocks, lines, start, end)


def _part_at_page_ends(blocks: list[body_rule.Block], lines: tuple[Line, ...], start: int, end: int
                       ) -> list[body_rule.Block]:
    """Paragraphs joined over a page end (a page break, or page furniture between) parted again where the line
    before it ended short: the first word after it would have fitted on it, so the paragraph ended there (a
    hard-wrapped paragraph that runs on to the next page fills its last line). A recommendation's title
    without a full stop at the foot of a page and its response at the top of the next are two blocks:
        3. Maak valbeveiliging op steigers in alle gevallen verplicht, ook bij korte
        klussen op lage steigers                        <- "Ik" would have fitted: the title ends here
        Pagina 1 van 3 / (the column repeated)
        Ik neem deze aanbeveling over. ...              <- the response
    """
    sizes = sorted(len(lines[i].text) for i in range(start, end) if lines[i].text)
    width = sizes[int(len(sizes) * 0.9)] if sizes else 0
    index = {lines[i].lineno: i for i in range(start, end)}
    out: list[body_rule.Block] = []
    for b in blocks:
        cuts = _page_end_cuts(b, lines, index, width) if b.kind == "paragraph" and len(b.offsets) > 1 else []
        prev = 0
        for k in [*cuts, len(b.offsets)]:
            part = b.offsets[prev:k]
            at, stop = part[0][0], (b.offsets[k][0] if k < len(b.offsets) else len(b.text))
            out.append(b if not cuts else b._replace(
                text=b.text[at:stop].rstrip(), line=part[0][1], end=part[-1][1] if k < len(b.offsets) else b.last,
                offsets=tuple((o - at, no) for o, no in part)))
            prev = k
    return out


def _page_end_cuts(b: body_rule.Block, lines: tuple[Line, ...], index: dict[int, int], width: int) -> list[int]:
    """The indices into b.offsets of the lines where the paragraph should part again (`_part_at_page_ends`)."""
    cuts: list[int] = []
    for k in range(1, len(b.offsets)):
        (_, before), (at, here) = b.offsets[k - 1], b.offsets[k]
        i, j = index.get(before), index.get(here)
        if i is None or j is None or not (j - i > 1 or lines[j].page_break):
            continue  # lines that stand together
        last, word = lines[i].text, b.text[at:].split(maxsplit=1)[0]
        if (len(last) + 1 + len(word) < 0.9 * width and word[:1].isupper()
                and not PROSE_END.search(b.text[:at].rstrip())):
            cuts.append(k)
    return cuts


def _with_late_colophon(lines: tuple[Line, ...], lh: letterhead_rule.Letterhead, blocks: list[ColophonBlock],
                        blank_structure: bool) -> letterhead_rule.Letterhead:
    """The letterhead with what the colophon blocks in the body hold and the head did not: fields (the first
    block's value of each), the addressee, the ministry and the units."""
    if not blocks:
        return lh
    fields = dict(lh.fields)
    for b in blocks:
        for fld, found in b.fields.items():
            fields.setdefault(fld, found)
    lh = lh._replace(fields=MappingProxyType(fields))
    for b in blocks:
        if lh.geadresseerde and lh.ministerie and lh.units:
            break
        # the labels and values blanked out: a subject read on would take the ministry's and units' lines
        part = tuple(Line("", lines[i].lineno) if i in b.taken else lines[i] for i in range(b.start, b.end))
        late = letterhead_rule.read(part, len(part), blank_structure)
        if lh.geadresseerde is None and late.geadresseerde is not None:
            lh = lh._replace(geadresseerde=late.geadresseerde)
        if lh.ministerie is None and late.ministerie is not None:
            lh = lh._replace(ministerie=late.ministerie)
        if not lh.units and late.units:
            lh = lh._replace(units=late.units, unit_lines=late.unit_lines)
    return lh


def head_limit(lines: tuple[Line, ...]) -> tuple[int, int | None]:
    """(index where the letterhead can end at the latest, index of the salutation or None)."""
    n = len(lines)
    for i, ln in enumerate(lines):
        t = ln.text
        if SALUTATION.match(t):
            return i, i
        if not t:
            continue
        long_prose = (len(t) >= 90 and PROSE_END.search(t)) or len(t) >= 200 or _wrapped_paragraph(lines, i)
        if long_prose and not NOT_PROSE.match(t) \
                and not kamerstuk_rule.is_place_date(t) and not _head_follows(lines, i):
            return i, None
    return n, None


def _wrapped_paragraph(lines: tuple[Line, ...], i: int) -> bool:
    """Whether line i opens a hard-wrapped paragraph: three or more long lines in a row, words flowing on."""
    run = lines[i:i + 3]
    if len(run) < 3 or any(len(ln.text) < 45 or letterhead_rule.match_label(ln.text) for ln in run):
        return False
    return not lines[i].text.isupper() and sum(ln.text.count(" ") for ln in run) >= 18


def _head_follows(lines: tuple[Line, ...], i: int) -> bool:
    """Whether a Kamerstuk heading line comes right after line i (so line i is a dossier title)."""
    seen = 0
    for ln in lines[i + 1:]:
        if not ln.text:
            continue
        if HEAD_LINE.match(ln.text):
            return True
        seen += 1
        if seen >= 3:
            return False
    return False


def _after_date(lines: tuple[Line, ...], date_at: int) -> int:
    """The head ends after the place-and-date line, or after a Betreft/Onderwerp right below it."""
    end = date_at + 1
    seen = 0
    for j in range(date_at + 1, min(len(lines), date_at + 4)):
        if not lines[j].text:
            continue
        seen += 1
        if letterhead_rule.match_label(lines[j].text):
            end = j + 1
        if seen >= 2:
            break
    return end


KIND_NUMBERING = re.compile(r"^(?:[(\[]?(?:\d{1,5}[.)]?|[IVXLC]{1,5}\.?)[)\]]?\s+)+")


def _non_letter_kind(lines: tuple[Line, ...], limit: int) -> str | None:
    """The kind of paper a heading in capitals names ("MEMORIE VAN TOELICHTING"), if not a letter."""
    for ln in lines[: min(limit, 40)]:
        t = ln.text.strip(" .")
        if t.isupper():
            # a Handelingen number or list mark before the heading: "291. 8. MEMORIE VAN TOELICHTING",
            # "(457. 72.) ONTWERP VAN WET", "I KONINKLIJKE BOODSCHAP"
            t = KIND_NUMBERING.sub("", t)
            for kind in NON_LETTER_KINDS:
                if t.startswith(kind):
                    return kind
    return None

