"""`kamerbrief show`: one self-contained HTML page, the letter on the left and its record on the right.

Each value on the right carries where it came from (the record's `posities`: JSON pointer -> page and
source lines); clicking, hovering or focusing it marks that place on the left. PDF pages are shown as
PNG images (rendered by pypdfium2, embedded as data: URIs); other formats as the reader's text with line
numbers. Everything taken from the letter is escaped: a letter is untrusted input.
"""

from __future__ import annotations

import base64
import os
import re
import struct
import zlib
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from .lexicon import MONTHS
from .limits import DEFAULT, Limits
from .model import Document, Result
from .parse import parse_source
from .readers import read
from .readers.markup import source_lines

PDF_SCALE = 1.25  # 72 dpi * 1.25: readable beside the form, about 100-250 KB a page as PNG
STANCE_LABELS = {
    "overgenomen": "overgenomen",
    "deels_overgenomen": "deels overgenomen",
    "niet_overgenomen": "niet overgenomen",
    "in_overweging": "in overweging",
    "onbepaald": "onbepaald",
}


@dataclass(frozen=True)
class Span:
    """Where a value came from: first and last source line (1-based), and the page where known."""

    pagina: int | None
    van: int
    tot: int


@dataclass(frozen=True)
class DisplayLine:
    """One line shown on the left: the number the parser uses for it, its text, the page it stands on."""

    number: int
    text: str
    page: int | None


def asset(name: str) -> str:
    """A CSS or JS file from kamerbrief/html/, inlined into the page."""
    return (Path(__file__).resolve().parent / "html" / name).read_text(encoding="utf-8")


def show_html(path: str | os.PathLike[str], fmt: str | None = None, limits: Limits = DEFAULT) -> str:
    """The page for one letter. Raises a KamerbriefError subclass when the letter cannot be read or parsed."""
    source = read(path, fmt, limits)
    result = parse_with_positions(source)
    record = result.record
    lines = display_lines(source)
    # the parser's places are exact; a value it could not place is searched in the text, and said so
    exact = _spans(record.get("posities") or {})
    guessed = {k: v for k, v in fallback_positions(record, lines).items()
               if not any(k == p or k.startswith(p + "/") for p in exact)}  # nor under a placed value
    posities = {**guessed, **exact}
    pdf_boxes: dict[str, tuple[int, float, float, float, float]] = {}
    pages_html = ""
    if source.format == "pdf":
        data = Path(path).read_bytes()
        pages_html, pdf_boxes = _pdf_pages(data, record, posities)
        left = pages_html
    else:
        left = _text_pane(lines)
    form = Form(posities, pdf_boxes, {ln.number: ln.page for ln in lines})
    right = form.render(record)
    title = record.get("metadata", {}).get("onderwerp") or Path(path).name
    kind = "pdf" if source.format == "pdf" else "text"
    note = ""
    if guessed:
        note = (f'<p class="note">{len(guessed)} waarde(n) zonder plaats van de parser '
                f'({escape(", ".join(sorted(guessed)))}): gezocht in de tekst, bij benadering.</p>')
    return (
        "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{escape(str(title))} — kamerbrief show</title><style>{asset('show.css')}</style></head>"
        f"<body data-kind=\"{kind}\"><header><h1>{escape(str(title))}</h1>"
        f"<p class=\"file\">{escape(Path(path).name)} · {escape(source.format)}</p></header>"
        f"<main><section class=\"letter\" aria-label=\"De brief\" tabindex=\"-1\">{left}</section>"
        f"<section class=\"record\" aria-label=\"Het record\">{note}{right}</section></main>"
        f"<script>{asset('show.js')}</script></body></html>\n"
    )


def parse_with_positions(source: Document) -> Result:
    """The record with the parser's `posities` (where each value was read)."""
    return parse_source(source, posities=True)


def _spans(raw: dict[str, Any]) -> dict[str, Span]:
    out: dict[str, Span] = {}
    for ptr, where in raw.items():
        if isinstance(where, dict) and isinstance(where.get("van"), int):
            tot = where.get("tot")
            out[str(ptr)] = Span(where.get("pagina"), where["van"], tot if isinstance(tot, int) else where["van"])
    return out


def display_lines(source: Document) -> list[DisplayLine]:
    """The reader's text as numbered lines, numbered as the parser numbers them.

    Markdown and text: the file's lines. What pandoc read (DOCX, ODT ...): the non-blank lines, numbered
    by paragraph, as the parser counts them. PDF: the reader's lines, each on the page its form feed says.
    """
    out: list[DisplayLine] = []
    page = 1
    paged = source.format == "pdf" or "\f" in source.text  # text with form feeds has pages too
    paragraph = 0
    for no, raw in enumerate(source_lines(source.text), start=1):
        if "\f" in raw:
            page += raw.count("\f")
            raw = raw.replace("\f", "")
        if source.markdown and source.format != "markdown":
            if not raw.strip():
                continue
            paragraph += 1
            no = paragraph
        out.append(DisplayLine(no, raw, page if paged else None))
    return out


# ---------------------------------------------------------------------------------------------------------
# Fallback: positions found by searching the values' text in the lines. Drop once `posities` has landed.
# ---------------------------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)
_MONTH_NAMES = [max((n for n, m in MONTHS.items() if m == month), key=len) for month in range(1, 13)]


class _TextIndex:
    """The lines' words joined in one string, with the line each word stands on, for phrase search."""

    def __init__(self, lines: list[DisplayLine]) -> None:
        parts: list[str] = []
        self.starts: list[int] = []
        self.numbers: list[int] = []
        self.pages: list[int | None] = []
        at = 0
        for ln in lines:
            words = " ".join(w.lower() for w in _WORD.findall(ln.text))
            if not words:
                continue
            self.starts.append(at)
            self.numbers.append(ln.number)
            self.pages.append(ln.page)
            parts.append(words)
            at += len(words) + 1
        self.text = " ".join(parts)

    def line_at(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def find(self, value: str, start: int = 0) -> tuple[Span, int] | None:
        """Where the value's first and last words stand (searched from `start`), and where it starts."""
        words = [w.lower() for w in _WORD.findall(value)]
        if not words or not self.starts:
            return None
        head = " ".join(words[:8])
        at = self.text.find(head, start)
        if at < 0:
            at = self.text.find(head)
        if at < 0:
            return None
        end = at + len(head)
        if len(words) > 8:
            tail = " ".join(words[-8:])
            t = self.text.find(tail, at)
            if t >= 0 and t - at < 4 * len(value) + 200:
                end = t + len(tail)
        i, j = self.line_at(at), self.line_at(max(at, end - 1))
        return Span(self.pages[i], self.numbers[i], self.numbers[j]), at


def _date_text(iso: str) -> str:
    try:
        y, m, d = (int(x) for x in iso.split("-"))
        return f"{d} {_MONTH_NAMES[m - 1]} {y}"
    except (ValueError, IndexError):
        return iso


def _values(record: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(JSON pointer, text to look for) for every value the page shows, in letter order."""
    meta = record.get("metadata") or {}
    for key in ("kenmerk", "uw_kenmerk", "onderwerp", "geadresseerde"):
        if isinstance(meta.get(key), str):
            yield f"/metadata/{key}", meta[key]
    if isinstance(meta.get("datum"), str):
        yield "/metadata/datum", _date_text(meta["datum"])
    sender = meta.get("afzender") or {}
    for key in ("ministerie", "functie", "naam"):
        if isinstance(sender.get(key), str):
            yield f"/metadata/afzender/{key}", sender[key]
    if isinstance(record.get("aanhef"), str):
        yield "/aanhef", record["aanhef"]
    for i, s in enumerate(record.get("secties") or []):
        yield f"/secties/{i}", s.get("kop") or s.get("tekst") or ""
    for i, a in enumerate(record.get("aanbevelingen") or []):
        yield f"/aanbevelingen/{i}/titel", a.get("titel") or ""
        yield f"/aanbevelingen/{i}/reactie", a.get("reactie") or ""
        if a.get("standpunt_citaat"):
            yield f"/aanbevelingen/{i}/standpunt_citaat", a["standpunt_citaat"]
    for i, v in enumerate(record.get("vragen") or []):
        yield f"/vragen/{i}/vraag", v.get("vraag") or ""
        if v.get("antwoord"):
            yield f"/vragen/{i}/antwoord", v["antwoord"]
    for i, t in enumerate(record.get("toezeggingen") or []):
        yield f"/toezeggingen/{i}", t.get("tekst") or ""
    for i, r in enumerate(record.get("verwijzingen") or []):
        yield f"/verwijzingen/{i}", r.get("tekst") or ""
    for i, n in enumerate(record.get("voetnoten") or []):
        yield f"/voetnoten/{i}", n.get("tekst") or ""
    sign = record.get("ondertekening") or {}
    if isinstance(sign.get("slotformule"), str):
        yield "/ondertekening/slotformule", sign["slotformule"]
    for i, o in enumerate(sign.get("ondertekenaars") or []):
        yield f"/ondertekening/ondertekenaars/{i}", o.get("naam") or o.get("functie") or ""


def fallback_positions(record: dict[str, Any], lines: list[DisplayLine]) -> dict[str, Span]:
    """Best-effort places for values the parser could not place: each value's words searched in the lines.

    Recommendations and questions are searched in letter order, each from where the one before was
    found, so a title that the introduction repeats is found at its own place. The page says which
    values were placed this way.
    """
    index = _TextIndex(lines)
    out: dict[str, Span] = {}
    cursor = 0
    for ptr, value in _values(record):
        ordered = ptr.startswith(("/aanbevelingen", "/vragen"))
        found = index.find(value, cursor if ordered else 0)
        if found is None:
            continue
        out[ptr], at = found
        if ordered:
            cursor = at
    return out


# ---------------------------------------------------------------------------------------------------------
# The left pane
# ---------------------------------------------------------------------------------------------------------


def _text_pane(lines: list[DisplayLine]) -> str:
    rows = [f'<div class="ln" id="L{ln.number}"><span class="no" aria-hidden="true">{ln.number}</span>'
            f'<span class="tx">{escape(ln.text) or " "}</span></div>' for ln in lines]
    return '<div class="source">' + "".join(rows) + "</div>"


def png(width: int, height: int, stride: int, pixels: bytes, channels: int) -> bytes:
    """A PNG file from 8-bit rows (grey when channels is 1, RGB when 3): no imaging library needed."""
    row = width * channels
    raw = b"".join(b"\x00" + pixels[y * stride: y * stride + row] for y in range(height))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    colour = 0 if channels == 1 else 2
    header = struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")


def _pdf_pages(data: bytes, record: dict[str, Any], posities: dict[str, Span]
               ) -> tuple[str, dict[str, tuple[int, float, float, float, float]]]:
    """The pages as <img> (PNG data: URIs) with a mark layer, and each value's box on its page (fractions)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        pages: list[str] = []
        texts: list[Any] = []
        sizes: list[tuple[float, float]] = []
        for k in range(len(doc)):
            page = doc[k]
            w, h = page.get_size()
            sizes.append((w, h))
            bitmap = page.render(scale=PDF_SCALE, grayscale=True)
            uri = base64.b64encode(png(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer), 1)).decode()
            pages.append(f'<figure class="page" id="P{k + 1}" data-page="{k + 1}">'
                         f'<img src="data:image/png;base64,{uri}" alt="Pagina {k + 1}" '
                         f'width="{bitmap.width}" height="{bitmap.height}">'
                         f'<div class="mark" hidden></div><figcaption>Pagina {k + 1}</figcaption></figure>')
            texts.append(page.get_textpage())
        values = dict(_values(record))
        boxes: dict[str, tuple[int, float, float, float, float]] = {}
        for ptr, value in values.items():
            span = _lookup(posities, ptr)
            first = span.pagina if span and span.pagina else 1
            order = [first - 1] + [k for k in range(len(texts)) if k != first - 1]
            for k in order:
                if 0 <= k < len(texts):
                    box = _find_box(texts[k], value, *sizes[k])
                    if box:
                        boxes[ptr] = (k + 1, *box)
                        break
        return '<div class="pages">' + "".join(pages) + "</div>", boxes
    finally:
        doc.close()


def _find_box(textpage: Any, value: str, width: float, height: float) -> tuple[float, float, float, float] | None:
    """The box (left, top, right, bottom as fractions of the page) of the value's opening words."""
    words = value.split()[:6]
    if not words:
        return None
    phrase = " ".join(words)[:60]
    found = textpage.search(phrase).get_next()
    if not found:
        return None
    index, count = found
    xs0, ys0, xs1, ys1 = [], [], [], []
    for i in range(index, index + count):
        left, bottom, right, top = textpage.get_charbox(i)
        if right > left:
            xs0.append(left)
            xs1.append(right)
            ys0.append(bottom)
            ys1.append(top)
    if not xs0:
        return None
    return (min(xs0) / width, 1 - max(ys1) / height, max(xs1) / width, 1 - min(ys0) / height)


def _lookup(posities: dict[str, Span], ptr: str) -> Span | None:
    """The span of a pointer, or of the nearest enclosing value that has one."""
    while ptr:
        if ptr in posities:
            return posities[ptr]
        ptr = ptr.rsplit("/", 1)[0]
    return None


# ---------------------------------------------------------------------------------------------------------
# The right pane
# ---------------------------------------------------------------------------------------------------------


class Form:
    """The record as a readable form; every value a focusable element that says where it came from."""

    def __init__(self, posities: dict[str, Span], boxes: dict[str, tuple[int, float, float, float, float]],
                 pages: dict[int, int | None]) -> None:
        self.posities = posities
        self.boxes = boxes
        self.pages = pages

    def where(self, ptr: str) -> str:
        span = _lookup(self.posities, ptr)
        attrs = f' data-ptr="{escape(ptr)}"'
        if span is None and ptr not in self.boxes:
            return attrs
        page = (span.pagina or self.pages.get(span.van)) if span is not None else None
        if span is not None:
            attrs += f' data-van="{span.van}" data-tot="{span.tot}"'
        if ptr in self.boxes:  # a PDF value found on its page: the box wins over the page of its lines
            page, x0, y0, x1, y1 = self.boxes[ptr]
            attrs += f' data-box="{x0:.4f},{y0:.4f},{x1:.4f},{y1:.4f}"'
        if page:
            attrs += f' data-page="{page}"'
        return attrs + ' tabindex="0" role="button"'

    def value(self, ptr: str, text: object, tag: str = "span", cls: str = "v") -> str:
        if text is None or text == "":
            return '<span class="empty">—</span>'
        attrs = self.where(ptr)
        if "data-van" not in attrs and "data-box" not in attrs:
            cls += " nopos"
        return f'<{tag} class="{cls}"{attrs}>{escape(str(text))}</{tag}>'

    def render(self, record: dict[str, Any]) -> str:
        return "".join([self._metadata(record), self._aanbevelingen(record), self._vragen(record),
                        self._toezeggingen(record), self._verwijzingen(record), self._voetnoten(record),
                        self._secties(record), self._ondertekening(record), self._waarschuwingen(record)])

    def _metadata(self, record: dict[str, Any]) -> str:
        meta = record.get("metadata") or {}
        sender = meta.get("afzender") or {}
        rows = [("Soort", "/soort", record.get("soort"))]
        rows += [(label, f"/metadata/{key}", meta.get(key)) for label, key in (
            ("Kenmerk", "kenmerk"), ("Uw kenmerk", "uw_kenmerk"), ("Datum", "datum"), ("Onderwerp", "onderwerp"))]
        rows += [(label, f"/metadata/afzender/{key}", sender.get(key)) for label, key in (
            ("Ministerie", "ministerie"), ("Afzender", "functie"), ("Naam", "naam"))]
        rows += [(label, f"/metadata/{key}", meta.get(key)) for label, key in (
            ("Geadresseerde", "geadresseerde"), ("Kamer", "kamer"), ("Bijlagen", "bijlagen"))]
        stuk = meta.get("kamerstuk")
        if isinstance(stuk, dict):
            text = " ".join(str(stuk[k]) for k in ("vergaderjaar", "dossiernummer", "ondernummer") if stuk.get(k))
            rows.append(("Kamerstuk", "/metadata/kamerstuk", text))
        body = "".join(f"<dt>{label}</dt><dd>{self.value(ptr, val)}</dd>" for label, ptr, val in rows)
        return f'<section id="metadata"><h2>Metadata</h2><dl>{body}</dl></section>'

    def _aanbevelingen(self, record: dict[str, Any]) -> str:
        items = record.get("aanbevelingen") or []
        if not items:
            return ""
        cards = []
        for i, a in enumerate(items):
            stance = str(a.get("standpunt") or "onbepaald")
            base = f"/aanbevelingen/{i}"
            quote = a.get("standpunt_citaat")
            cards.append(
                f'<article class="card"><h3>{escape(str(a.get("nummer", i + 1)))}. '
                f'{self.value(base + "/titel", a.get("titel"))}</h3>'
                f'<p><span class="badge s-{escape(stance)}">{escape(STANCE_LABELS.get(stance, stance))}</span> '
                f'<span class="conf">vertrouwen {escape(str(a.get("standpunt_vertrouwen", "")))}</span>'
                f'{" · reeds in gang" if a.get("reeds_in_gang") else ""}</p>'
                + (f'<blockquote>{self.value(base + "/standpunt_citaat", quote)}</blockquote>' if quote else "")
                + f'<details><summary>Reactie</summary><p>{self.value(base + "/reactie", a.get("reactie"))}</p>'
                  "</details></article>")
        return f'<section id="aanbevelingen"><h2>Aanbevelingen ({len(items)})</h2>{"".join(cards)}</section>'

    def _vragen(self, record: dict[str, Any]) -> str:
        items = record.get("vragen") or []
        if not items:
            return ""
        cards = [f'<article class="card"><h3>Vraag {escape(str(v.get("nummer", i + 1)))}</h3>'
                 f'<p>{self.value(f"/vragen/{i}/vraag", v.get("vraag"))}</p>'
                 f'<p><b>Antwoord:</b> {self.value(f"/vragen/{i}/antwoord", v.get("antwoord"))}</p></article>'
                 for i, v in enumerate(items)]
        return f'<section id="vragen"><h2>Vragen ({len(items)})</h2>{"".join(cards)}</section>'

    def _toezeggingen(self, record: dict[str, Any]) -> str:
        items = record.get("toezeggingen") or []
        if not items:
            return ""
        rows = [f'<li>{self.value(f"/toezeggingen/{i}", t.get("tekst"))}'
                f'<br><small>termijn: {escape(str(t.get("termijn") or "—"))}; uiterlijk: '
                f'{escape(str(t.get("uiterlijk") or "—"))}</small></li>' for i, t in enumerate(items)]
        return f'<section id="toezeggingen"><h2>Toezeggingen ({len(items)})</h2><ul>{"".join(rows)}</ul></section>'

    def _verwijzingen(self, record: dict[str, Any]) -> str:
        items = record.get("verwijzingen") or []
        if not items:
            return ""
        rows = [f'<li><span class="tag">{escape(str(r.get("soort", "")))}</span> '
                f'{self.value(f"/verwijzingen/{i}", r.get("tekst"))}</li>' for i, r in enumerate(items)]
        return f'<section id="verwijzingen"><h2>Verwijzingen ({len(items)})</h2><ul>{"".join(rows)}</ul></section>'

    def _voetnoten(self, record: dict[str, Any]) -> str:
        items = record.get("voetnoten") or []
        if not items:
            return ""
        rows = [f'<li><sup>{escape(str(n.get("nummer", "")))}</sup> '
                f'{self.value(f"/voetnoten/{i}", n.get("tekst"))}</li>' for i, n in enumerate(items)]
        return f'<section id="voetnoten"><h2>Voetnoten ({len(items)})</h2><ul>{"".join(rows)}</ul></section>'

    def _secties(self, record: dict[str, Any]) -> str:
        items = record.get("secties") or []
        if not items:
            return ""
        rows = []
        for i, s in enumerate(items):
            text = s.get("kop") or (s.get("tekst") or "")[:120] + ("…" if len(s.get("tekst") or "") > 120 else "")
            rows.append(f"<li>{self.value(f'/secties/{i}', text)}</li>")
        return (f'<section id="secties"><details><summary><h2>Secties ({len(items)})</h2></summary>'
                f'<ol>{"".join(rows)}</ol></details></section>')

    def _ondertekening(self, record: dict[str, Any]) -> str:
        sign = record.get("ondertekening") or {}
        people = sign.get("ondertekenaars") or []
        if not people:
            return ""
        rows = []
        for i, o in enumerate(people):
            who = " — ".join(str(x) for x in (o.get("naam"), o.get("functie")) if x)
            rows.append(f'<li>{self.value(f"/ondertekening/ondertekenaars/{i}", who)}</li>')
        return f'<section id="ondertekening"><h2>Ondertekening</h2><ul>{"".join(rows)}</ul></section>'

    def _waarschuwingen(self, record: dict[str, Any]) -> str:
        items = record.get("waarschuwingen") or []
        if not items:
            return '<section id="waarschuwingen"><h2>Waarschuwingen</h2><p>Geen.</p></section>'
        rows = []
        for w in items:
            line = w.get("line")
            text = f'<span class="tag">{escape(str(w.get("code", "")))}</span> {escape(str(w.get("message", "")))}'
            if isinstance(line, int):
                page = self.pages.get(line)
                at = f' data-page="{page}"' if page else ""
                rows.append(f'<li>{text} <a class="v" href="#L{line}" data-van="{line}" data-tot="{line}"{at}>'
                            f"regel {line}</a></li>")
            else:
                rows.append(f"<li>{text}</li>")
        return f'<section id="waarschuwingen"><h2>Waarschuwingen ({len(items)})</h2><ul>{"".join(rows)}</ul></section>'
