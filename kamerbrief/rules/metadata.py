"""Metadata: kenmerk, datum, onderwerp, afzender, mede namens, geadresseerde, kamer, bijlagen, Kamerstuk.

Read from what the layout found in the head (colophon labels, "Aan de Voorzitter ...", the Kamerstuk
heading, "Den Haag, 25 april 2012"), the signature ("De Minister van Defensie, / J. Jansen") and
"mede namens de minister van ..." in the body or under the signature. A field the printed letter
leaves empty may come from the DOCX document properties, with a warning; else it stays null, with a
warning at the line where it was looked for.
"""

from __future__ import annotations

import re
from typing import Any

from ..lexicon import kamer_named
from ..model import Document, Problem
from ..readers.markup import normalise
from . import functies as functies_rule
from . import signature as signature_rule
from .base import Letter, Part, Span
from .dates import parse_date
from .kamerstuk import PLACED


def rule(letter: Letter) -> Part:
    """The record's `metadata`, with a problem for each field the letter should hold but does not."""
    source, lay = letter.source, letter.layout
    lh, ks, sig, lines = lay.letterhead, lay.kamerstuk, lay.signature, lay.lines
    problems: list[Problem] = []
    at: dict[str, Span] = {}
    f = lh.fields
    is_kamerstuk = ks.found

    def put(name: str, van: int | None, tot: int | None = None) -> None:
        if van and letter.posities:
            at[f"/metadata/{name}"] = (van, max(van, tot or van))

    datum = None
    if "datum" in f:
        datum = parse_date(f["datum"].value)
        if datum is None:
            problems.append(Problem("datum", f"cannot read the date {f['datum'].value!r}", f["datum"].line))
        else:
            put("datum", f["datum"].line, f["datum"].end)
    if datum is None and ks.datum:
        datum = ks.datum
        put("datum", ks.datum_line)  # the "Den Haag, <datum>" line

    if datum is None and (prop := document_property(source, "datum")):
        datum = parse_date(prop)
        if datum:
            problems.append(Problem("eigenschappen", "datum is not printed; taken from the document properties",
                                    None))  # no line of the letter holds it

    if datum is None:
        problems.append(Problem("datum", "no datum found (no Datum label, no 'Den Haag, <datum>' line)", lay.head_line))

    kenmerk = code(f["kenmerk"].value) if "kenmerk" in f else None
    if kenmerk is not None:
        put("kenmerk", f["kenmerk"].line, f["kenmerk"].end)
    if kenmerk is None and (prop := document_property(source, "kenmerk")):
        kenmerk = code(prop)
        problems.append(Problem("eigenschappen", "kenmerk is not printed; taken from the document properties",
                                None))  # no line of the letter holds it
    if kenmerk is None and not is_kamerstuk:
        problems.append(Problem("kenmerk", "no kenmerk found in the letterhead", lay.head_line))
    uw_kenmerk = code(f["uw_kenmerk"].value) if "uw_kenmerk" in f else None
    if uw_kenmerk is not None:
        put("uw_kenmerk", f["uw_kenmerk"].line, f["uw_kenmerk"].end)

    onderwerp = f["onderwerp"].value if "onderwerp" in f else None
    if onderwerp is not None:
        put("onderwerp", f["onderwerp"].line, f["onderwerp"].end)
    if onderwerp is None and (prop := document_property(source, "onderwerp")):
        onderwerp = prop
        problems.append(Problem("eigenschappen", "onderwerp is not printed; taken from the document properties",
                                None))  # no line of the letter holds it
    if onderwerp is None and not is_kamerstuk:
        problems.append(Problem("onderwerp", "no Betreft/Onderwerp found in the letterhead", lay.head_line))

    signer = sig.signers[0] if sig and sig.signers else None
    functie = signer.functie if signer else None
    where_functie: Span = (0, 0)  # the line(s) the sender's title was read from
    if signer is not None:
        where_functie = (signer.functie_line, signer.functie_line)
    if functie is None and ks.brief_van:
        functie = signature_rule.titlecase(ks.brief_van)
        where_functie = ks.where.get("brief_van", (0, 0))  # the "BRIEF VAN DE MINISTER VAN ..." heading
    put("afzender/functie", *where_functie)
    naam = signer.naam if signer else None
    if signer is not None and naam is not None:
        put("afzender/naam", signer.naam_line)
    if functie is None:
        problems.append(Problem("afzender", "no sender found (no signature such as 'De Minister van ...,')",
                                lines[-1].lineno if lines else None))
    elif signer is None:
        problems.append(Problem("afzender", "no signature found; functie taken from the 'BRIEF VAN ...' heading, "
                                            "naam unknown", lay.head_line))
    elif naam is None:
        problems.append(Problem("afzender", "no name printed under the signature", signer.line))
    ministerie = lh.ministerie.value if lh.ministerie else signature_rule.ministerie_of(functie)
    if lh.ministerie:
        put("afzender/ministerie", lh.ministerie.line)
    elif ministerie is not None:  # worked out from the signer's title: the line of that title
        put("afzender/ministerie", *where_functie)
    if ministerie is None and functie is not None:
        problems.append(Problem("afzender", f"cannot tell the ministry of {functie!r}",
                                signer.line if signer else None))

    # co-senders: after "mede namens" in the body (read as one text), in the closing's lines, further signers
    found = functies_rule.co_senders("\n".join(b.text for b in lay.blocks))
    named: dict[str, Span] = {}
    if found and letter.posities:  # where each is named: the first paragraph that names it
        for b in lay.blocks:
            for name in functies_rule.co_senders(b.text):
                named.setdefault(name, (b.line, b.last))
    if sig:
        for ln in lines[sig.start:]:
            for name in signature_rule.mede_namens(ln.text):
                found.append(name)
                named.setdefault(name, (ln.lineno, ln.lineno))
        for s in sig.signers[1:]:
            found.append(s.functie)
            named.setdefault(s.functie, (s.functie_line, s.functie_line))
    mede, merged = functies_rule.dedupe(found)
    for n, name in enumerate(mede):
        if name in named:
            put(f"mede_namens/{n}", *named[name])
    for kept, dropped in merged:
        problems.append(Problem("mede_namens", f"co-signer named twice in two spellings: kept {kept!r}, "
                                               f"dropped {dropped!r}", sig.signers[0].line if sig else None))

    geadresseerde = lh.geadresseerde.value if lh.geadresseerde else None
    kamer = kamer_named(geadresseerde) or kamer_named(ks.kamer)
    if lh.geadresseerde is not None:
        put("geadresseerde", lh.geadresseerde.line, lh.geadresseerde.end)
    if kamer_named(geadresseerde) and lh.geadresseerde is not None:
        put("kamer", lh.geadresseerde.line, lh.geadresseerde.end)
    elif kamer is not None and "kamer" in ks.where:
        put("kamer", *ks.where["kamer"])  # the site's metadata row or a printed page footer
    if geadresseerde is None:
        problems.append(Problem("geadresseerde", "no addressee ('Aan de Voorzitter van ...') found", lay.head_first))

    bijlagen = None
    if "bijlagen" in f:
        m = re.match(r"^\s*(\d+)", f["bijlagen"].value)
        if m:
            bijlagen = int(m.group(1))
        elif re.match(r"^\s*(?:geen|-|–)\s*$", f["bijlagen"].value, re.IGNORECASE):
            bijlagen = 0
        if bijlagen is not None:
            put("bijlagen", f["bijlagen"].line)

    kamerstuk = None
    if is_kamerstuk or ks.dossiernummer:
        kamerstuk = {
            "dossiernummer": ks.dossiernummer,
            "ondernummer": ks.ondernummer,
            "vergaderjaar": ks.vergaderjaar,
            "dossiertitel": ks.dossiertitel,
        }
        for name in PLACED:
            if kamerstuk[name] is not None and name in ks.where:
                put(f"kamerstuk/{name}", *ks.where[name])
    for n, (van, tot) in enumerate(lh.unit_lines):
        put(f"afzender/organisatieonderdelen/{n}", van, tot)
    metadata: dict[str, Any] = {
        "kenmerk": kenmerk,
        "uw_kenmerk": uw_kenmerk,
        "datum": datum,
        "onderwerp": onderwerp,
        "afzender": {
            "functie": functie,
            "naam": naam,
            "ministerie": ministerie,
            "organisatieonderdelen": list(lh.units),
        },
        "mede_namens": mede,
        "geadresseerde": geadresseerde,
        "kamer": kamer,
        "bijlagen": bijlagen,
        "kamerstuk": kamerstuk,
    }
    return Part({"metadata": metadata}, tuple(problems), at)


# Document properties (DOCX docProps/custom.xml) that may fill a field the printed letter leaves empty.
PROPERTY_NAMES: dict[str, tuple[str, ...]] = {
    "kenmerk": ("onskenmerk", "ons kenmerk", "kenmerk"),
    "datum": ("datum",),
    "onderwerp": ("onderwerp", "betreft"),
}


def document_property(source: Document, field: str) -> str | None:
    """The document property that may fill `field` (kenmerk, datum, onderwerp), as printed text would be."""
    for name in PROPERTY_NAMES[field]:
        # normalised like printed text: an invisible mark inside a kenmerk must not split it
        value = normalise(source.properties.get(name, "").replace("_x000d_", " "))
        if value and not value.startswith("<"):
            return value
    return None


def code(value: str) -> str | None:
    """A kenmerk as printed, white space folded."""
    return " ".join(value.split()) or None
