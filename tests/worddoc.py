"""Write a small Word document part by part (zipfile + WordprocessingML), with real footnotes.

Pandoc can write DOCX from markdown, but its footnotes and header parts are not the ones Word writes
in ministry letters; this writes the parts Word does: a first-page header with the letterhead,
`word/footnotes.xml` and `word/endnotes.xml` with separator notes, and reference runs in the body.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# A paragraph is a list of runs; a run is text, ("b", text) for bold, ("fn", n) or ("en", n) for a reference.
Run = str | tuple[str, str] | tuple[str, int]


def _run(run: Run) -> str:
    if isinstance(run, str):
        return f'<w:r><w:t xml:space="preserve">{escape(run)}</w:t></w:r>'
    kind, value = run
    if kind == "b":
        return f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{escape(str(value))}</w:t></w:r>'
    tag = "footnoteReference" if kind == "fn" else "endnoteReference"
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{tag} w:id="{value}"/></w:r>'


def _para(runs: Sequence[Run]) -> str:
    return "<w:p>" + "".join(_run(r) for r in runs) + "</w:p>"


def _notes(kind: str, notes: dict[int, list[str]]) -> str:
    body = "".join(
        f'<w:{kind} w:id="{i}">'
        + "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in paras)
        + f"</w:{kind}>"
        for i, paras in notes.items()
    )
    sep = (f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
           f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
           f"</w:{kind}>")
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind}s xmlns:w="{W_NS}">{sep}{body}</w:{kind}s>'


def write_docx(path: Path, header: Sequence[str], body: Sequence[Sequence[Run]],
               footnotes: dict[int, list[str]] | None = None, endnotes: dict[int, list[str]] | None = None) -> Path:
    """A DOCX at `path`: header lines as the first-page header, body paragraphs, notes by Word id (1, 2, ...)."""
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}" '
           f'xmlns:r="{R_NS}"><w:body>' + "".join(_para(p) for p in body)
           + '<w:sectPr><w:headerReference w:type="first" r:id="rIdH1"/><w:titlePg/></w:sectPr></w:body></w:document>')
    hdr = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="{W_NS}">'
           + "".join(_para([line]) for line in header) + "</w:hdr>")
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/'
             'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
             '<Override PartName="/word/header1.xml" ContentType="application/'
             'vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
             '<Override PartName="/word/footnotes.xml" ContentType="application/'
             'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
             '<Override PartName="/word/endnotes.xml" ContentType="application/'
             'vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/></Types>')
    rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{DOC_REL}/officeDocument" Target="word/document.xml"/></Relationships>')
    doc_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG}">'
                f'<Relationship Id="rIdH1" Type="{DOC_REL}/header" Target="header1.xml"/>'
                f'<Relationship Id="rIdF" Type="{DOC_REL}/footnotes" Target="footnotes.xml"/>'
                f'<Relationship Id="rIdE" Type="{DOC_REL}/endnotes" Target="endnotes.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in (("[Content_Types].xml", types), ("_rels/.rels", rels),
                           ("word/_rels/document.xml.rels", doc_rels), ("word/document.xml", doc),
                           ("word/header1.xml", hdr), ("word/footnotes.xml", _notes("footnote", footnotes or {})),
                           ("word/endnotes.xml", _notes("endnote", endnotes or {}))):
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))  # the same bytes on every run
            zf.writestr(info, data, zipfile.ZIP_DEFLATED)
    return path
