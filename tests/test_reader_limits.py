"""Readers under hostile input: bounded pages, characters, unpacked sizes, nesting; pandoc sandboxed and capped.

Every hostile file is made by a small generator here; none is stored.
"""

from __future__ import annotations

import http.server
import io
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

import kamerbrief
from kamerbrief.cli import main
from kamerbrief.limits import MAX_PDF_PAGES, LimitError, Limits, time_budget
from kamerbrief.model import FormatError
from kamerbrief.readers import read

from .conftest import SAMPLES
from .letterpdf import render

LETTER = SAMPLES / "ienw-reactie-advies-fietsparkeren.md"


def one_line_error(args: list[str], code: int, *needles: str) -> str:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def many_page_pdf(pages: int) -> bytes:
    """A tiny PDF whose page tree names one empty page `pages` times."""
    kids = b" ".join(b"3 0 R" for _ in range(pages))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def test_a_pdf_with_more_pages_than_the_limit_is_refused_by_its_page_count(tmp_path: Path) -> None:
    path = tmp_path / "pages.pdf"
    path.write_bytes(many_page_pdf(MAX_PDF_PAGES + 1))
    one_line_error(["parse", str(path)], 3, f"{MAX_PDF_PAGES + 1} pages", f"limit of {MAX_PDF_PAGES}")
    path.write_bytes(many_page_pdf(11))
    with pytest.raises(LimitError, match="11 pages"):
        read(path, limits=Limits(max_pdf_pages=10))


def test_a_pdf_page_with_more_characters_than_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dense.pdf"
    render(kamerbrief.parse_file(LETTER).record, str(path))
    assert read(path).text  # within the default limit
    with pytest.raises(LimitError, match="characters, over the limit of 200"):
        read(path, limits=Limits(max_pdf_chars_per_page=200))


def docx_with(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


DOCUMENT = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b"<w:body><w:p><w:r><w:t>Geachte voorzitter,</w:t></w:r></w:p>%s</w:body></w:document>")
CUSTOM = (b'<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
          b'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">%s'
          b"</Properties>")


def test_docx_members_are_checked_against_the_unpacked_limits_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(docx_with({"word/document.xml": DOCUMENT % (b" " * 3_000_000)}))
    with pytest.raises(LimitError, match=r"word/document\.xml in the DOCX file unpacks to 2\.86 MB"):
        read(path, limits=Limits(max_member_bytes=1024 * 1024))
    with pytest.raises(LimitError, match=r"the DOCX file unpacks to 2\.86 MB, over the limit of 2 MB"):
        read(path, limits=Limits(max_total_unpacked=2 * 1024 * 1024))


def test_nested_custom_properties_are_read_in_linear_time_and_a_dtd_is_not_parsed(tmp_path: Path) -> None:
    depth = 20_000  # quadratic before: every nested property joined the text of all below it
    nested = b'<property name="onskenmerk"><vt:lpwstr>ABC/123</vt:lpwstr>' * depth + b"</property>" * depth
    path = tmp_path / "props.docx"
    path.write_bytes(docx_with({"word/document.xml": DOCUMENT % b"", "docProps/custom.xml": CUSTOM % nested}))
    from kamerbrief.readers.pandoc import docx_parts

    with time_budget(30):
        _, props, _ = docx_parts(path.read_bytes(), path)
    assert props == {"onskenmerk": "ABC/123"}
    entity = b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x "Gefabriceerd">]>' + (
        CUSTOM % b'<property name="onderwerp"><vt:lpwstr>&x;</vt:lpwstr></property>')[21:]
    path.write_bytes(docx_with({"word/document.xml": DOCUMENT % b"", "docProps/custom.xml": entity}))
    assert docx_parts(path.read_bytes(), path)[1] == {}


def test_deeply_nested_html_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "nested.html"
    path.write_bytes(b"<html><body>" + b"<blockquote>" * 5000 + b"Geachte voorzitter," + b"</blockquote>" * 5000
                     + b"</body></html>")
    one_line_error(["parse", str(path)], 3, "nested more than 1000 deep")


def test_pandoc_runs_with_a_heap_cap(tmp_path: Path) -> None:
    from kamerbrief.readers.pandoc import to_markdown

    html = b"<blockquote>" * 20_000 + b"x" + b"</blockquote>" * 20_000
    with pytest.raises(LimitError, match="more than the 64 MB pandoc may use"):
        to_markdown(html, "html", tmp_path / "x.html", heap_mb=64)


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        body = b"<html><body><p>GESTOLEN TEKST VAN DE SERVER</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    _Recorder.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", _Recorder.requests
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_pandoc_fetches_nothing_from_the_network(tmp_path: Path, server: tuple[str, list[str]]) -> None:
    url, requests = server
    letter = LETTER.read_text(encoding="utf-8").split("\n\n")
    paras = "".join(f"<p>{p}</p>" for p in letter)
    html = (f'<html><body><iframe src="{url}/iframe.html"></iframe><img src="{url}/logo.png">{paras}'
            f'<link rel="stylesheet" href="{url}/style.css"></body></html>')
    path = tmp_path / "letter.html"
    path.write_text(html, encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(path), "--to", "json"])
    assert result.exit_code in (0, 4), result.output
    assert requests == []
    assert "GESTOLEN" not in result.stdout


def test_a_legacy_word_doc_is_named_with_how_to_convert_it(tmp_path: Path) -> None:
    path = tmp_path / "brief.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000)
    one_line_error(["parse", str(path)], 3, "legacy Word .doc", "soffice --headless --convert-to docx")
    one_line_error(["parse", str(path), "--from", "docx"], 3, "legacy Word .doc")


def test_text_named_or_forced_as_pdf_says_it_looks_like_text(tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    path.write_bytes(LETTER.read_bytes())
    one_line_error(["parse", str(path)], 3, "not a valid PDF file", "looks like plain text", "--from text")
    text = tmp_path / "brief.txt"
    text.write_bytes(LETTER.read_bytes())
    one_line_error(["parse", str(text), "--from", "pdf"], 3, "looks like plain text", "--from text")
    with pytest.raises(FormatError, match="looks like plain text"):
        read(text, "docx")
    assert CliRunner().invoke(main, ["parse", str(path), "--from", "text"]).exit_code == 0


def test_forcing_a_format_the_content_is_not_says_what_the_content_is(tmp_path: Path) -> None:
    pdf = tmp_path / "brief.pdf"
    render(kamerbrief.parse_file(LETTER).record, str(pdf))
    with pytest.raises(FormatError, match="not a valid DOCX file: the content is PDF; leave out --from"):
        read(pdf, "docx")
    zipped = tmp_path / "brief.docx"
    zipped.write_bytes(docx_with({"word/document.xml": DOCUMENT % b""}))
    with pytest.raises(FormatError, match="not a valid PDF file: the content is DOCX"):
        read(zipped, "pdf")
