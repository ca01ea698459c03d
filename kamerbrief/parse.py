"""The parse pipeline: Document (Lines with roles) -> regions -> letter parts -> record, checked against the schema.

    read ─▶ lines in the flow ─▶ head limit ─▶ letterhead + kamerstuk ─▶ signature ─▶ body blocks
         ─▶ sections / recommendations ─▶ stance ─▶ record (schema order) ─▶ schema check
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import limits, positions
from .lexicon import GLUED_SALUTATION, NON_LETTER_KINDS, SALUTATION, kamer_named
from .model import FURNITURE_ROLES, NOT_BODY_ROLES, Document, Line, NotALetterError, Problem, Result
from .readers import read
from .readers.markup import normalise, text_document
from .rules import adressaat as adressaat_rule
from .rules import body as body_rule
from .rules import functies as functies_rule
from .rules import kamerstuk as kamerstuk_rule
from .rules import letterhead as letterhead_rule
from .rules import noten as noten_rule
from .rules import pagefoot as pagefoot_rule
from .rules import sections as sections_rule
from .rules import signature as signature_rule
from .rules import toezeggingen as toezeggingen_rule
from .rules import verwijzingen as verwijzingen_rule
from .rules import vragen as vragen_rule
from .rules.dates import parse_date
from .schema import SCHEMA_VERSION, check_record
from .stance import classify, sentence_spans

PROSE_END = re.compile(r"[.!?][\"”’)»]*$")
NOTE_HEAD = re.compile(r"^(?:X\s+)?No(?:ot|ten)(?:\s+(\d{1,3}))?$", re.IGNORECASE)  # "X Noot 1" when joined
NOTE_NUM = re.compile(r"^(\d{1,3})$")
NOTE_INLINE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
HEAD_LINE = re.compile(r"^(?:[Nn]r\.?\s*\d|(?:[A-Z]{1,2}\s+)?BRIEF VAN\b|Aan de [Vv]oorzitter)")
SITE_TAIL = re.compile(r"^(?:Ondertekenaars|Eerste ondertekenaar|Mede ondertekenaar|Copyright\b)", re.IGNORECASE)


def parse_file(path: str | os.PathLike[str], fmt: str | None = None, *,
               timeout: float | None = limits.DEFAULT_TIMEOUT,
               max_output_bytes: int | None = limits.MAX_OUTPUT_BYTES, posities: bool = False) -> Result:
    """Read and parse one letter. Raises a KamerbriefError subclass when it cannot go on.

    Reading and parsing run inside a time budget of `timeout` seconds (None: no budget); past it, or
    when the record would hold more than `max_output_bytes` of text, a `LimitError` is raised.
    With `posities`, the record says where each value came from (see `parse_source`).
    """
    with limits.time_budget(timeout, str(path)):
        return parse_source(read(path, fmt), timeout=None, max_output_bytes=max_output_bytes, posities=posities)


def parse_bytes(data: bytes, name: str = "<stdin>", fmt: str | None = None, *,
                timeout: float | None = limits.DEFAULT_TIMEOUT,
                max_output_bytes: int | None = limits.MAX_OUTPUT_BYTES, posities: bool = False) -> Result:
    """Parse a letter given as bytes (standard input, a download); `fmt`, limits, posities as for parse_file."""
    from .readers import from_bytes

    with limits.time_budget(timeout, name):
        return parse_source(from_bytes(data, Path(name), fmt), timeout=None, max_output_bytes=max_output_bytes,
                            posities=posities)


def parse_text(text: str, name: str = "<text>", fmt: str = "text", *,
               timeout: float | None = limits.DEFAULT_TIMEOUT,
               max_output_bytes: int | None = limits.MAX_OUTPUT_BYTES, posities: bool = False) -> Result:
    """Parse a letter given as a string (`fmt` "text" or "markdown"); limits and posities as for parse_file."""
    import hashlib

    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    with limits.time_budget(timeout, name):
        doc = text_document(name, fmt, text, digest, markdown=fmt == "markdown")
        return parse_source(doc, timeout=None, max_output_bytes=max_output_bytes, posities=posities)


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
        if long_prose and not re.match(r"^(?:\d|Nr\b|nr\b|Aan\b|Onderwerp|Betreft)", t) \
                and not kamerstuk_rule.PLACE_DATE.match(t) and not _head_follows(lines, i):
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


def parse_source(source: Document, *, timeout: float | None = limits.DEFAULT_TIMEOUT,
                 max_output_bytes: int | None = limits.MAX_OUTPUT_BYTES, posities: bool = False) -> Result:
    """Parse a Document that a reader made; the limits as for parse_file.

    With `posities`, the record gets `posities`: JSON pointer into the record -> {"pagina", "van", "tot"},
    the page (None where the format has none) and the first and last source line the value was read from.
    """
    with limits.time_budget(timeout, source.path):
        cleaned = source.flow()
        record, problems = build(source, cleaned, posities)
        if max_output_bytes is not None and (size := _text_bytes(record)) > max_output_bytes:
            raise limits.LimitError(f"the record would hold {size:,} bytes of text, more than the cap of "
                                    f"{max_output_bytes:,} (max_output_bytes)", source.path)
        check_record(record, source.path)
    return Result(record, tuple(problems))


def _text_bytes(value: Any) -> int:
    """The UTF-8 size of the strings in a record (keys and values): what any dump of it holds at least."""
    if isinstance(value, str):
        return len(value.encode("utf-8"))
    if isinstance(value, dict):
        return sum(_text_bytes(k) + _text_bytes(v) for k, v in value.items())
    if isinstance(value, list):
        return sum(_text_bytes(v) for v in value)
    return 8


@dataclass
class Layout:
    """Where the parts of the letter are: the lines (OCR repairs applied) and the regions in them."""

    lines: tuple[Line, ...]
    blank_structure: bool
    limit: int  # the letterhead ends before this line at the latest
    salutation: int | None
    lh: letterhead_rule.Letterhead
    ks: kamerstuk_rule.Kamerstuk
    body_start: int
    body_end: int
    notes_start: int
    sig: signature_rule.Signature | None
    furniture: set[int]
    page_notes: list[tuple[str, str]]


def layout(cleaned: Document) -> Layout:
    """Letterhead, body, closing and tail of the letter, and the page furniture in the body."""
    lines = cleaned.lines
    nonblank = sum(1 for ln in lines if ln.text)
    blank_structure = nonblank > 0 and (len(lines) - nonblank) >= max(2, nonblank // 12)

    limit, salutation = head_limit(lines)
    date_at = kamerstuk_rule.place_date_index(lines, limit)
    if date_at is not None and salutation is None:
        limit = min(limit, _after_date(lines, date_at))
    ks = kamerstuk_rule.read(lines, limit)
    lh = letterhead_rule.read(lines, limit, blank_structure)

    if ks.date_rest and ks.date_index is not None:
        # OCR put the first body words on the date line: keep them as the body's first line(s)
        at = ks.date_index
        rest = [Line(ks.date_rest, lines[at].lineno)]
        greeting = GLUED_SALUTATION.match(ks.date_rest)
        if greeting and salutation is None:
            rest = [Line(greeting.group(1), lines[at].lineno), Line(greeting.group(2), lines[at].lineno)]
            salutation = at + 1
        lines = (*lines[:at], Line("", lines[at].lineno), *rest, *lines[at + 1:])
        shift = len(rest)
        ks.consumed = {c + shift if c > at else c for c in ks.consumed}
        lh.consumed = {c + shift if c > at else c for c in lh.consumed}
        ks.footer_lines = {c + shift if c > at else c for c in ks.footer_lines}
    consumed = lh.consumed | ks.consumed
    body_start = (max(consumed) + 1) if consumed else 0
    if salutation is not None:
        body_start = salutation + 1
    elif consumed and not ks.found:
        body_start = letterhead_rule.skip_colophon(lines, body_start, limit)

    sig = signature_rule.find(lines, body_start)
    body_end = sig.start if sig else _tail_start(lines, body_start)
    notes_start = _notes_start(lines, sig.start if sig else body_end)
    furniture = _furniture(lines, lh, ks, body_start)
    # fill colophon fields the head did not hold from labelled lines later on (pdftotext column order)
    _late_labels(lines, body_start, body_end, lh, furniture)
    kenmerk = lh.fields.get("kenmerk")
    lines = pagefoot_rule.strip_glued_kenmerk(lines, body_start, body_end, kenmerk.value if kenmerk else None)
    foot, page_notes = pagefoot_rule.footnotes(lines, body_start, body_end)
    return Layout(lines, blank_structure, limit, salutation, lh, ks, body_start, body_end, notes_start, sig,
                  furniture | foot, page_notes)


def build(source: Document, cleaned: Document, posities: bool = False) -> tuple[dict[str, Any], list[Problem]]:
    problems: list[Problem] = list(source.problems)
    lay = layout(cleaned)
    lines, lh, ks, sig, salutation = lay.lines, lay.lh, lay.ks, lay.sig, lay.salutation

    # notes typed at the very end ("1) NOS, 6 maart 2024 ...") end the body and the annex
    typed = noten_rule.typed_list(lines, lay.body_start)
    text_end = typed.start if typed else len(lines)
    body_end, notes_start = min(lay.body_end, text_end), min(lay.notes_start, text_end)
    tail_spans: list[tuple[int, int]] = []
    tail_notes = _tail_notes(lines[:text_end], notes_start, tail_spans)
    typed_notes = [{"nummer": n, "tekst": t} for n, t in (typed.notes if typed else ()) if t]
    numbers = {n["nummer"] for n in [*tail_notes, *typed_notes]} | {n for n, _ in [*lay.page_notes, *source.footnotes]}
    lines = noten_rule.unglue(lines, lay.body_start, notes_start, numbers, typed.style if typed else None)

    def blocks_until(end: int) -> list[body_rule.Block]:
        return body_rule.paragraphs(lines, lay.body_start, end,
                                    lambda i: i in lay.furniture or lines[i].role in NOT_BODY_ROLES, cleaned.markdown,
                                    lay.blank_structure)

    blocks = blocks_until(body_end)
    # a bijlage after the signature that answers the recommendations ("Bijlage: reactie per aanbeveling")
    annex = sections_rule.annex_span(lines, body_end, notes_start) if sig else None
    annex_blocks = body_rule.paragraphs(lines, *annex, lambda i: i in lay.furniture, cleaned.markdown,
                                        lay.blank_structure) if annex else []
    secties, recs, sec_problems = sections_rule.split(blocks, annex_blocks)
    problems += sec_problems
    vragen: list[vragen_rule.Vraag] = []
    if any(vragen_rule.VRAAG.match(ln.text) for ln in lines[lay.body_start:]):
        vragen, vraag_problems = vragen_rule.parse(blocks_until(notes_start))  # the annex runs past the signature
        problems += vraag_problems
    # the letter's own typed notes first, then Word's footnotes, then notes printed at the page foot
    # (the reader's footnote lines: Word's footnotes and endnotes, markdown's "[^1]:", a PDF's page-foot notes)
    voetnoten = typed_notes + [{"nummer": n, "tekst": t} for n, t in [*source.footnotes, *lay.page_notes]]
    voetnoten += tail_notes

    kind = _non_letter_kind(lines, lay.limit)
    if kind and lh.geadresseerde is None and salutation is None and not ks.brief_van:
        raise NotALetterError(f"this is a {kind.capitalize()}, not a letter to the Voorzitter", source.path)
    if not (lh.geadresseerde or sig or salutation is not None or ks.found or lh.fields):
        raise NotALetterError(
            "no Kamerbrief found: no addressee, salutation, signature, colophon or Kamerstuk heading",
            source.path,
        )

    metadata = _metadata(source, lines, lh, ks, sig, blocks, problems)
    aanbevelingen = _recommendation_entries(recs, problems)
    toezeggingen = _commitments(secties, recs, metadata)
    texts = [s.tekst for s in secties] + [r.reactie for r in recs] + [n["tekst"] for n in voetnoten]
    texts += [f"{v.vraag}\n\n{v.antwoord or ''}" for v in vragen]
    verwijzingen = verwijzingen_rule.find(texts)

    record: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "bron": {
            "bestand": Path(source.path).name,
            "formaat": source.format,
            "sha256": source.sha256,
            "paginas": source.pages,
        },
        "soort": "antwoorden_kamervragen" if vragen else "brief",
        "metadata": metadata,
        "aanhef": lines[salutation].text if salutation is not None else None,
        "secties": [{"nummer": s.nummer, "kop": s.kop, "tekst": s.tekst} for s in secties],
        "aanbevelingen": aanbevelingen,
        **({"vragen": [{"nummer": v.nummer, "vraag": v.vraag, "antwoord": v.antwoord} for v in vragen]}
           if vragen else {}),
        "toezeggingen": toezeggingen,
        "verwijzingen": verwijzingen,
        "voetnoten": voetnoten,
        "ondertekening": {
            "slotformule": sig.slotformule if sig else None,
            "ondertekenaars": [{"functie": s.functie, "naam": s.naam} for s in sig.signers] if sig else [],
        },
        "waarschuwingen": [],
    }
    if posities:
        record["posities"] = positions.collect(
            record, source, cleaned.lines, positions.Found(lh, ks, sig, lines, salutation, blocks, secties, recs,
                                                           vragen, _letter_order(secties, recs),
                                                           len(voetnoten) - len(tail_notes), tail_spans,
                                                           _note_spans(source, len(typed_notes))))
    problems = [Problem(p.rule, p.message, p.line, p.level, source.path) for p in problems]
    record["waarschuwingen"] = [
        {"code": p.rule, "message": p.message, "line": p.line} for p in problems if p.level == "warning"
    ]
    return record, problems


def _note_spans(source: Document, at: int) -> list[tuple[int, int, int]]:
    """(index in voetnoten, first, last source line) of the reader's notes printed on lines of the text."""
    return [(at + k, first, last) for k, (_, text, first, last) in enumerate(source.notes()) if first > 0 and text]


def _recommendation_entries(recs: list[sections_rule.Aanbeveling], problems: list[Problem]) -> list[dict[str, Any]]:
    """The aanbevelingen of the record, each with its stance."""
    out = []
    for r in recs:
        st = classify(r.reactie)
        adressaat = adressaat_rule.find(r.reactie, r.adressaat)  # addressed to others: no stance of its own
        st = adressaat_rule.settle(st, adressaat)
        out.append({
            "nummer": r.nummer,
            "titel": r.titel,
            "reactie": r.reactie,
            "standpunt": st.standpunt,
            "standpunt_citaat": st.citaat,
            "standpunt_vertrouwen": st.vertrouwen,
            "reeds_in_gang": st.reeds_in_gang,
            **({"aanduiding": r.aanduiding} if r.aanduiding else {}),
            **({"adressaat": adressaat.naam} if adressaat else {}),
        })
        if not r.reactie.strip():
            problems.append(Problem("aanbevelingen", f"aanbeveling {r.nummer} has no response text", r.line))
    return out


def _commitments(secties: list[sections_rule.Sectie], recs: list[sections_rule.Aanbeveling],
                 metadata: dict[str, Any]) -> list[dict[str, Any]]:
    """Toezeggingen in letter order. One inside a response belongs to its recommendation; prose-linked
    responses also stand in the sections, so each sentence is taken once, the recommendation first."""
    found: dict[str, dict[str, Any]] = {}
    passages = [(r.nummer, r.reactie) for r in recs] + [(None, s.tekst) for s in secties]
    for nummer, passage in passages:
        for t in toezeggingen_rule.find(passage, metadata["datum"]):
            found.setdefault(t.tekst, {"tekst": t.tekst, "termijn": t.termijn, "uiterlijk": t.uiterlijk,
                                       "aanbeveling": nummer, "ministerie": metadata["afzender"]["ministerie"]})
    order = _letter_order(secties, recs)
    return sorted(found.values(), key=lambda t: order.get(t["tekst"], (10**9, 0)))


def _letter_order(secties: list[sections_rule.Sectie],
                  recs: list[sections_rule.Aanbeveling]) -> dict[str, tuple[int, int]]:
    """Where each sentence stands in the letter, (source line, offset): its first place in the sections,
    else in the responses. One pass over the text, not a search of all of it per commitment."""
    order: dict[str, tuple[int, int]] = {}
    for line, text in [(s.line, s.tekst) for s in secties] + [(r.line, r.reactie) for r in recs]:
        for offset, sentence in sentence_spans(text):
            order.setdefault(sentence, (line, offset))
    return order


def _non_letter_kind(lines: tuple[Line, ...], limit: int) -> str | None:
    """The kind of paper a heading in capitals names ("MEMORIE VAN TOELICHTING"), if not a letter."""
    for ln in lines[: min(limit, 40)]:
        t = ln.text.strip(" .")
        if t.isupper():
            for kind in NON_LETTER_KINDS:
                if t.startswith(kind):
                    return kind
    return None


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


def _tail_start(lines: tuple[Line, ...], start: int) -> int:
    """Without a signature the body runs to the site furniture or footnotes at the end."""
    for i in range(start, len(lines)):
        if SITE_TAIL.match(lines[i].text) or NOTE_HEAD.match(lines[i].text):
            return i
    return len(lines)


def _notes_start(lines: tuple[Line, ...], start: int) -> int:
    for i in range(start, len(lines)):
        if NOTE_HEAD.match(lines[i].text):
            return i
    return len(lines)


def _tail_notes(lines: tuple[Line, ...], start: int,
                spans: list[tuple[int, int]] | None = None) -> list[dict[str, str]]:
    """Footnotes printed after the letter: "X Noot" / "1" / text. `spans` gets each note's source lines."""
    notes: list[tuple[str, list[str]]] = []  # (nummer, lines of its text)
    where: list[list[int]] = []  # [first, last] source line of each note
    cur: list[str] | None = None
    for ln in lines[start:]:
        t = ln.text
        head = NOTE_HEAD.match(t)
        if head and head.group(1):
            cur = []
            notes.append((head.group(1), cur))
            where.append([ln.lineno, ln.lineno])
            continue
        if not t or head:
            continue
        if SITE_TAIL.match(t) or (body_rule.is_page_furniture(t) and not NOTE_NUM.match(t)):
            cur = None
            continue
        m = NOTE_NUM.match(t)
        mi = NOTE_INLINE.match(t)
        if m:
            cur = []
            notes.append((m.group(1), cur))
            where.append([ln.lineno, ln.lineno])
        elif mi and (cur is None or cur):
            cur = [mi.group(2)]
            notes.append((mi.group(1), cur))
            where.append([ln.lineno, ln.lineno])
        elif cur is not None:
            cur.append(t)
            where[-1][1] = ln.lineno
    # the lines joined once at the end (joining them line by line was quadratic in a long note)
    texts = [(nummer, " ".join(parts).strip()) for nummer, parts in notes]
    if spans is not None:
        spans += [(a, b) for (_, text), (a, b) in zip(texts, where, strict=True) if text]
    return [{"nummer": nummer, "tekst": text} for nummer, text in texts if text]


def _furniture(lines: tuple[Line, ...], lh: letterhead_rule.Letterhead, ks: kamerstuk_rule.Kamerstuk,
               body_start: int) -> set[int]:
    """Indices of body lines that are page furniture."""
    head = {body_rule.fold(lines[i].text) for i in range(body_start) if lines[i].text}
    head.discard("")
    values = {body_rule.fold(f.value) for f in lh.fields.values()}
    out: set[int] = set(ks.footer_lines)
    for i in range(body_start, len(lines)):
        t = lines[i].text
        if not t:
            continue
        if lines[i].role in FURNITURE_ROLES or body_rule.is_page_furniture(t):
            out.add(i)
            continue
        if len(t) > 100:
            continue
        f = body_rule.fold(t)
        lab = letterhead_rule.match_label(t)
        if (f in head or f in values
                or (letterhead_rule.is_other_label(t) and len(t.split()) <= 6)
                or (lab and (not lab[1] or body_rule.fold(lab[1]) in values))):
            out.add(i)
    return out


def _late_labels(lines: tuple[Line, ...], start: int, end: int, lh: letterhead_rule.Letterhead,
                 furniture: set[int]) -> None:
    """Colophon fields printed after the body began (pdftotext puts the right column late)."""
    for i in range(start, end):
        t = lines[i].text
        lab = letterhead_rule.match_label(t) if t and len(t) <= 100 else None
        if not lab:
            continue
        fld, value = lab
        if not value:
            for j in range(i + 1, min(end, i + 3)):
                v = lines[j].text
                if v:
                    if letterhead_rule.fits(fld, v) and not letterhead_rule.match_label(v):
                        value = v
                        furniture.add(j)
                    break
        if value and fld not in lh.fields and fld != "onderwerp":
            lh.fields[fld] = letterhead_rule.Found(value, lines[i].lineno)
            furniture.add(i)
        if value and body_rule.fold(value) == body_rule.fold(lh.fields.get(fld, letterhead_rule.Found("", 0)).value):
            furniture.add(i)


def _metadata(source: Document, lines: tuple[Line, ...], lh: letterhead_rule.Letterhead,
              ks: kamerstuk_rule.Kamerstuk, sig: signature_rule.Signature | None, blocks: list[body_rule.Block],
              problems: list[Problem]) -> dict[str, Any]:
    f = lh.fields
    is_kamerstuk = ks.found
    first_line = lines[0].lineno if lines else 1

    datum = None
    if "datum" in f:
        datum = parse_date(f["datum"].value)
        if datum is None:
            problems.append(Problem("datum", f"cannot read the date {f['datum'].value!r}", f["datum"].line))
    if datum is None and ks.datum:
        datum = ks.datum

    if datum is None and (prop := _property(source, "datum")):
        datum = parse_date(prop)
        if datum:
            problems.append(Problem("eigenschappen", "datum is not printed; taken from the document properties",
                                    None))  # no line of the letter holds it

    if datum is None:
        problems.append(Problem("datum", "no datum found (no Datum label, no 'Den Haag, <datum>' line)", first_line))

    kenmerk = _code(f["kenmerk"].value) if "kenmerk" in f else None
    if kenmerk is None and (prop := _property(source, "kenmerk")):
        kenmerk = _code(prop)
        problems.append(Problem("eigenschappen", "kenmerk is not printed; taken from the document properties",
                                None))  # no line of the letter holds it
    if kenmerk is None and not is_kamerstuk:
        problems.append(Problem("kenmerk", "no kenmerk found in the letterhead", first_line))
    uw_kenmerk = _code(f["uw_kenmerk"].value) if "uw_kenmerk" in f else None

    onderwerp = f["onderwerp"].value if "onderwerp" in f else None
    if onderwerp is None and (prop := _property(source, "onderwerp")):
        onderwerp = prop
        problems.append(Problem("eigenschappen", "onderwerp is not printed; taken from the document properties",
                                None))  # no line of the letter holds it
    if onderwerp is None and not is_kamerstuk:
        problems.append(Problem("onderwerp", "no Betreft/Onderwerp found in the letterhead", first_line))

    signer = sig.signers[0] if sig and sig.signers else None
    functie = signer.functie if signer else None
    if functie is None and ks.brief_van:
        functie = signature_rule.titlecase(ks.brief_van)
    naam = signer.naam if signer else None
    if functie is None:
        problems.append(Problem("afzender", "no sender found (no signature such as 'De Minister van ...,')",
                                lines[-1].lineno if lines else None))
    elif signer is None:
        problems.append(Problem("afzender", "no signature found; functie taken from the 'BRIEF VAN ...' heading, "
                                            "naam unknown", first_line))
    elif naam is None:
        problems.append(Problem("afzender", "no name printed under the signature", signer.line))
    ministerie = lh.ministerie.value if lh.ministerie else signature_rule.ministerie_of(functie)
    if ministerie is None and functie is not None:
        problems.append(Problem("afzender", f"cannot tell the ministry of {functie!r}",
                                signer.line if signer else None))

    found = functies_rule.co_senders("\n".join(b.text for b in blocks))
    if sig:
        for ln in lines[sig.start:]:
            found += signature_rule.mede_namens(ln.text)
        found += [s.functie for s in sig.signers[1:]]
    mede, merged = functies_rule.dedupe(found)
    for kept, dropped in merged:
        problems.append(Problem("mede_namens", f"co-signer named twice in two spellings: kept {kept!r}, "
                                               f"dropped {dropped!r}", sig.signers[0].line if sig else None))

    geadresseerde = lh.geadresseerde.value if lh.geadresseerde else None
    kamer = kamer_named(geadresseerde) or kamer_named(ks.kamer)
    if geadresseerde is None:
        problems.append(Problem("geadresseerde", "no addressee ('Aan de Voorzitter van ...') found", first_line))

    bijlagen = None
    if "bijlagen" in f:
        m = re.match(r"^\s*(\d+)", f["bijlagen"].value)
        if m:
            bijlagen = int(m.group(1))
        elif re.match(r"^\s*(?:geen|-|–)\s*$", f["bijlagen"].value, re.IGNORECASE):
            bijlagen = 0

    kamerstuk = None
    if is_kamerstuk or ks.dossiernummer:
        kamerstuk = {
            "dossiernummer": ks.dossiernummer,
            "ondernummer": ks.ondernummer,
            "vergaderjaar": ks.vergaderjaar,
            "dossiertitel": ks.dossiertitel,
        }
    return {
        "kenmerk": kenmerk,
        "uw_kenmerk": uw_kenmerk,
        "datum": datum,
        "onderwerp": onderwerp,
        "afzender": {
            "functie": functie,
            "naam": naam,
            "ministerie": ministerie,
            "organisatieonderdelen": lh.units,
        },
        "mede_namens": mede,
        "geadresseerde": geadresseerde,
        "kamer": kamer,
        "bijlagen": bijlagen,
        "kamerstuk": kamerstuk,
    }


# Document properties (DOCX docProps/custom.xml) that may fill a field the printed letter leaves empty.
PROPERTY_NAMES: dict[str, tuple[str, ...]] = {
    "kenmerk": ("onskenmerk", "ons kenmerk", "kenmerk"),
    "datum": ("datum",),
    "onderwerp": ("onderwerp", "betreft"),
}


def _property(source: Document, field: str) -> str | None:
    for name in PROPERTY_NAMES[field]:
        # normalised like printed text: an invisible mark inside a kenmerk must not split it
        value = normalise(source.properties.get(name, "").replace("_x000d_", " "))
        if value and not value.startswith("<"):
            return value
    return None


def _code(value: str) -> str | None:
    """A kenmerk as printed, white space folded."""
    return " ".join(value.split()) or None
