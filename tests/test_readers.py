"""Readers: PDF by geometry, DOCX (body through pandoc, letterhead from the header part), HTML, bad files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import kamerbrief
from kamerbrief.cli import main
from kamerbrief.readers import read

from .conftest import CORPUS, SAMPLES
from .letterpdf import render, render_kamerstuk

SEED = CORPUS / "2018-07-02_jenv_reactie-actieplan-d66.md"
MINISTRY_SAMPLES = [p for p in sorted(SAMPLES.glob("*.md")) if kamerbrief.parse_file(p).record["metadata"]["kenmerk"]]
META_FIELDS = ("kenmerk", "uw_kenmerk", "datum", "onderwerp", "afzender", "mede_namens", "geadresseerde", "kamer",
               "bijlagen")


def fold(text: Any) -> str:
    return " ".join(str(text).split())


def same_letter(a: dict[str, Any], b: dict[str, Any]) -> None:
    for key in META_FIELDS:
        assert a["metadata"][key] == b["metadata"][key], key
    assert [(r["nummer"], r["titel"], r["standpunt"]) for r in a["aanbevelingen"]] == [
        (r["nummer"], r["titel"], r["standpunt"]) for r in b["aanbevelingen"]]
    assert [fold(r["reactie"]) for r in a["aanbevelingen"]] == [fold(r["reactie"]) for r in b["aanbevelingen"]]


@pytest.mark.parametrize("sample", MINISTRY_SAMPLES, ids=lambda p: p.name)
def test_a_letter_rendered_to_pdf_reads_as_its_markdown(tmp_path: Path, sample: Path) -> None:
    md = kamerbrief.parse_file(sample).record
    pdf = tmp_path / "letter.pdf"
    pages = render(md, str(pdf))
    result = kamerbrief.parse_file(pdf)
    assert result.record["bron"]["formaat"] == "pdf" and result.record["bron"]["paginas"] == pages
    same_letter(md, result.record)
    text = " ".join(fold(s["tekst"]) for s in result.record["secties"])
    text += " ".join(fold(a["reactie"]) for a in result.record["aanbevelingen"])
    for leaked in ("Pagina", "Ons kenmerk", md["metadata"]["kenmerk"], "Postbus"):
        assert leaked not in text


@pytest.mark.skipif(not SEED.exists(), reason="../shared/corpus is not here")
def test_the_seed_letter_rendered_to_pdf_gives_the_same_record(tmp_path: Path) -> None:
    md = kamerbrief.parse_file(SEED).record
    pdf = tmp_path / "seed.pdf"
    assert render(md, str(pdf)) >= 3
    same_letter(md, kamerbrief.parse_file(pdf).record)


def test_a_published_kamerstuk_as_pdf_reads_as_its_text(tmp_path: Path) -> None:
    txt = SAMPLES / "kst-36123-14-reactie-onderzoek.txt"
    pdf = tmp_path / "kst-36123-14.pdf"
    assert render_kamerstuk(txt.read_text(encoding="utf-8"), str(pdf), "2023-2024", "36 123", "14",
                            lines_per_page=6) >= 2
    a = kamerbrief.parse_file(txt).record
    b = kamerbrief.parse_file(pdf).record
    for key in META_FIELDS:
        assert a["metadata"][key] == b["metadata"][key], key
    assert b["metadata"]["kamerstuk"] == {**a["metadata"]["kamerstuk"], "vergaderjaar": "2023-2024"}
    assert [fold(s["tekst"]) for s in a["secties"]] == [fold(s["tekst"]) for s in b["secties"]]
    assert a["voetnoten"] == b["voetnoten"]


def test_pdf_footnotes_are_kept_apart(tmp_path: Path) -> None:
    md = kamerbrief.parse_file(SAMPLES / "ienw-reactie-advies-fietsparkeren.md").record
    md["voetnoten"] = [{"nummer": "1", "tekst": "Kamerstuk 32 000, nr. 1."}]
    render(md, str(tmp_path / "n.pdf"))
    r = kamerbrief.parse_file(tmp_path / "n.pdf").record
    assert r["voetnoten"] == [{"nummer": "1", "tekst": "Kamerstuk 32 000, nr. 1."}]
    assert all("Kamerstuk 32 000" not in s["tekst"] for s in r["secties"])


def test_pdf_read_as_txt_is_detected_by_content(tmp_path: Path) -> None:
    md = kamerbrief.parse_file(SAMPLES / "bzk-voortgang-zonder-aanbevelingen.md").record
    render(md, str(tmp_path / "a.pdf"))
    (tmp_path / "a.txt").write_bytes((tmp_path / "a.pdf").read_bytes())
    assert read(tmp_path / "a.txt").format == "pdf"
    (tmp_path / "b.txt").write_text("**Ons kenmerk**  \n2024-1\n", encoding="utf-8")
    assert read(tmp_path / "b.txt", "markdown").format == "markdown"  # --from forces a reader


def docx_from_markdown(md_text: str, path: Path) -> None:
    import subprocess

    from kamerbrief.readers.pandoc import pandoc_path

    subprocess.run([pandoc_path(), "-f", "markdown-smart", "-t", "docx", "-o", str(path)], input=md_text.encode(),
                   check=True)


def test_docx_made_from_a_sample_reads_as_the_sample(tmp_path: Path) -> None:
    sample = SAMPLES / "ienw-reactie-advies-fietsparkeren.md"
    docx = tmp_path / "letter.docx"
    docx_from_markdown(sample.read_text(encoding="utf-8"), docx)
    same_letter(kamerbrief.parse_file(sample).record, kamerbrief.parse_file(docx).record)


@pytest.mark.parametrize("fmt", ["odt", "rtf", "epub", "html"])
def test_other_pandoc_formats_read_as_the_sample(tmp_path: Path, fmt: str) -> None:
    import subprocess

    from kamerbrief.readers.pandoc import pandoc_path

    sample = SAMPLES / "lnv-aanbevelingen-kabinetsreactie.md"
    out = tmp_path / f"letter.{fmt}"
    subprocess.run([pandoc_path(), "-f", "markdown-smart", "-s", "-o", str(out), "--metadata", "title=Brief"],
                   input=sample.read_bytes(), check=True)
    record = kamerbrief.parse_file(out).record
    assert record["bron"]["formaat"] == fmt
    same_letter(kamerbrief.parse_file(sample).record, record)


def test_docx_letterhead_in_a_header_part_and_properties_only_where_empty(tmp_path: Path) -> None:
    sample = SAMPLES / "bzk-voortgang-zonder-aanbevelingen.md"
    body = sample.read_text(encoding="utf-8").split("Geachte voorzitter,", 1)[1]
    docx = tmp_path / "body.docx"
    docx_from_markdown("Geachte voorzitter,\n" + body, docx)
    header = ("<w:hdr xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>"
              + "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in [
                  "&gt; Retouradres Postbus 20011 2500 EA Den Haag", "", "Aan de Voorzitter van de Tweede Kamer",
                  "der Staten-Generaal", "Postbus 20018", "", "Datum", "5 april 2024", "Betreft",
                  "Voortgang digitale inclusie"])
              + "</w:hdr>")
    props = ("<Properties xmlns='http://schemas.openxmlformats.org/officeDocument/2006/custom-properties' "
             "xmlns:vt='http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes'>"
             "<property fmtid='{D5CDD505-2E9C-101B-9397-08002B2CF9AE}' pid='2' name='Onskenmerk'>"
             "<vt:lpwstr>2024-0000318822</vt:lpwstr></property>"
             "<property fmtid='{D5CDD505-2E9C-101B-9397-08002B2CF9AE}' pid='3' name='Datum'>"
             "<vt:lpwstr>1 januari 2020</vt:lpwstr></property></Properties>")
    out = tmp_path / "letter.docx"
    with zipfile.ZipFile(docx) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            if item.filename not in ("word/header1.xml", "docProps/custom.xml"):
                dst.writestr(item, src.read(item.filename))
        dst.writestr("word/header1.xml", header)
        dst.writestr("docProps/custom.xml", props)
    r = kamerbrief.parse_file(out)
    meta = r.record["metadata"]
    assert meta["datum"] == "2024-04-05"  # printed wins over the stale property
    assert meta["onderwerp"] == "Voortgang digitale inclusie"
    assert meta["geadresseerde"] == "Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert meta["kenmerk"] == "2024-0000318822"  # not printed: taken from the properties, with a warning
    assert any(p.rule == "eigenschappen" for p in r.problems)
    assert r.record["secties"][0]["tekst"].startswith("In deze brief informeer ik u")


def test_html_kamerstuk_gives_the_same_record_as_its_text(tmp_path: Path) -> None:
    txt = SAMPLES / "kst-36123-14-reactie-onderzoek.txt"
    paras = [p.strip() for p in txt.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    html = "<!DOCTYPE html><html><body>" + "".join(f"<p>{p}</p>" for p in paras) + "</body></html>"
    (tmp_path / "kst.html").write_text(html, encoding="utf-8")
    a = kamerbrief.parse_file(txt).record
    b = kamerbrief.parse_file(tmp_path / "kst.html").record
    assert a["metadata"] == b["metadata"]
    assert [s["tekst"] for s in a["secties"]] == [s["tekst"] for s in b["secties"]]


def scanned_pdf(path: Path) -> None:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    doc.new_page(595, 842)
    doc.save(str(path))


def encrypted_pdf(path: Path, tmp: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    md = kamerbrief.parse_file(SAMPLES / "bzk-voortgang-zonder-aanbevelingen.md").record
    render(md, str(tmp / "plain.pdf"))
    writer = PdfWriter(clone_from=PdfReader(tmp / "plain.pdf"))
    writer.encrypt("geheim", algorithm="RC4-128")  # RC4 needs no cryptography package
    with open(path, "wb") as fh:
        writer.write(fh)


def truncated_pdf(path: Path, tmp: Path) -> None:
    md = kamerbrief.parse_file(SAMPLES / "bzk-voortgang-zonder-aanbevelingen.md").record
    render(md, str(tmp / "whole.pdf"))
    data = (tmp / "whole.pdf").read_bytes()
    path.write_bytes(data[: len(data) // 3])


def zip_of_other(path: Path, tmp: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("foto.jpg", b"\xff\xd8\xff\xe0 not a document")
    path.write_bytes(buf.getvalue())


def damaged_docx(path: Path, tmp: Path) -> None:
    docx_from_markdown((SAMPLES / "bzk-voortgang-zonder-aanbevelingen.md").read_text(encoding="utf-8"), tmp / "ok.docx")
    data = bytearray((tmp / "ok.docx").read_bytes())
    with zipfile.ZipFile(tmp / "ok.docx") as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for k in range(start + 10, start + 60, 3):  # scramble the compressed document part
        data[k] ^= 0xFF
    path.write_bytes(data)


BAD = [
    ("scan.pdf", lambda p, t: scanned_pdf(p), "no text layer"),
    ("secret.pdf", encrypted_pdf, "encrypted"),
    ("truncated.pdf", truncated_pdf, "PDF"),
    ("zero.pdf", lambda p, t: p.write_bytes(b""), "file is empty"),
    ("photos.docx", zip_of_other, "not a valid DOCX"),
    ("garbage.docx", lambda p, t: p.write_bytes(b"PK\x03\x04" + b"\x00" * 64), "DOCX"),
    ("damaged.docx", damaged_docx, "DOCX"),
]


@pytest.mark.parametrize(("name", "make", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_documents_give_one_line_and_a_nonzero_exit(tmp_path: Path, name: str, make: Any, message: str) -> None:
    path = tmp_path / name
    make(path, tmp_path)
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code in (2, 3), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kamerbrief: {path}: error:") and message in lines[0], lines
