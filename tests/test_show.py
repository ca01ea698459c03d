"""`kamerbrief show`: the page for one letter, in the library, through the CLI and in headless Chromium."""

from __future__ import annotations

import os
import re
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from kamerbrief.cli import main
from kamerbrief.model import KamerbriefError
from kamerbrief.readers import read
from kamerbrief.show import display_lines, fallback_positions, png, show_html

from .browser import DOCS, browser, console_errors, open_page, screenshot, why_no_browser
from .conftest import CORPUS, LETTER_SUFFIXES, SAMPLES, sample_letters

FETCH = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//""", re.IGNORECASE)
LNV = SAMPLES / "lnv-aanbevelingen-kabinetsreactie.md"
EVIL = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Postbus 20018
2500 EA Den Haag

Ons kenmerk
XSS-<b>1</b>

Datum 3 maart 2024
Betreft <script>window.__xss = 1</script> over <img src=x onerror="window.__xss = 2">

Geachte voorzitter,

Hierbij ontvangt u de reactie op het advies. De raad doet twee aanbevelingen.

1. <script>window.__xss = 3</script> Stel een norm vast

Het kabinet neemt deze aanbeveling over.

Hoogachtend,

De Minister van Infrastructuur en Waterstaat,

A. de Vries
"""


def test_a_page_for_every_sample_letter() -> None:
    for letter in sample_letters():
        page = show_html(letter)
        assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>"), letter
        assert not FETCH.search(page), f"{letter}: the page must not fetch anything"
        record = yaml.safe_load(letter.with_suffix(".yaml").read_text(encoding="utf-8")) \
            if letter.suffix else yaml.safe_load((SAMPLES / f"{letter.name}.yaml").read_text(encoding="utf-8"))
        for i, _ in enumerate(record.get("aanbevelingen") or []):
            assert f'data-ptr="/aanbevelingen/{i}/titel"' in page, letter


def test_fallback_finds_values_on_their_lines() -> None:
    lines = display_lines(read(LNV))
    text = {ln.number: ln.text for ln in lines}
    record = yaml.safe_load(LNV.with_suffix(".yaml").read_text(encoding="utf-8"))
    found = fallback_positions(record, lines)
    assert "DGNVG / 27119034" in text[found["/metadata/kenmerk"].van]
    assert "28 juni 2024" in text[found["/metadata/datum"].van]
    for i, a in enumerate(record["aanbevelingen"]):
        assert a["titel"] in text[found[f"/aanbevelingen/{i}/titel"].van]
        assert a["standpunt_citaat"][:30] in text[found[f"/aanbevelingen/{i}/standpunt_citaat"].van]


def test_the_parsers_posities_are_used_when_given(monkeypatch: pytest.MonkeyPatch) -> None:
    import kamerbrief.show as show

    real = show.parse_with_positions

    def with_posities(source: Any) -> Any:
        result = real(source)
        result.record["posities"] = {"/metadata/kenmerk": {"pagina": None, "van": 14, "tot": 15},
                                     "/aanbevelingen/1": {"pagina": None, "van": 30, "tot": 34}}
        return result

    monkeypatch.setattr(show, "parse_with_positions", with_posities)
    page = show_html(LNV)
    assert 'data-ptr="/metadata/kenmerk" data-van="14" data-tot="15"' in page
    # a value without its own entry takes its recommendation's span
    assert 'data-ptr="/aanbevelingen/1/titel" data-van="30" data-tot="34"' in page
    assert "Plaatsen gezocht in de tekst" not in page


def test_docx_lines_are_numbered_as_the_parser_numbers_paragraphs() -> None:
    docx = SAMPLES / "jenv-antwoorden-gedeeld-antwoord.docx"
    record = yaml.safe_load(docx.with_suffix(".yaml").read_text(encoding="utf-8"))
    lines = {ln.number: ln.text for ln in display_lines(read(docx))}
    warned = [w for w in record["waarschuwingen"] if w["line"]]
    assert warned
    for w in warned:  # "vraag 6 has no answer" points at the question's paragraph
        assert w["line"] in lines
    page = show_html(docx)
    assert f'href="#L{warned[0]["line"]}"' in page


def test_values_from_the_letter_are_escaped(tmp_path: Path) -> None:
    letter = tmp_path / "evil.txt"
    letter.write_text(EVIL, encoding="utf-8")
    page = show_html(letter)
    assert page.count("<script") == 1  # ours, at the end
    assert "<img src=x" not in page and "&lt;img src=x onerror=" in page
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in page


def test_png_is_a_valid_file() -> None:
    data = png(2, 2, 4, bytes([0, 255, 0, 0, 255, 0, 0, 0]), 1)  # stride 4: two bytes of padding a row
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    _, tag = struct.unpack(">I4s", data[8:16])
    assert tag == b"IHDR" and struct.unpack(">II", data[16:24]) == (2, 2)
    idat = data.index(b"IDAT")
    size = struct.unpack(">I", data[idat - 4:idat])[0]
    assert zlib.decompress(data[idat + 4:idat + 4 + size]) == b"\x00\x00\xff\x00\xff\x00"


# --- the command ---------------------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    code, _, err = run("show", str(LNV), "-o", str(out))
    assert code == 0, err
    assert "Kabinetsreactie op het rapport" in out.read_text(encoding="utf-8")
    code, stdout, _ = run("show", str(LNV))
    assert code == 0 and stdout.startswith("<!DOCTYPE html>")


def test_cli_open_uses_the_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    out = tmp_path / "page.html"
    code, _, err = run("show", str(LNV), "-o", str(out), "--open")
    assert code == 0, err
    assert opened == [out.resolve().as_uri()]


@pytest.mark.parametrize(("content", "code", "says"), [
    (None, 2, "no such file"),
    (b"", 3, "empty"),
    (b"\x00\x01\x02binary" * 50, 3, "error:"),
])
def test_cli_a_letter_that_cannot_be_read(tmp_path: Path, content: bytes | None, code: int, says: str) -> None:
    letter = tmp_path / "letter.txt"
    if content is not None:
        letter.write_bytes(content)
    got, _, err = run("show", str(letter), "-o", str(tmp_path / "page.html"))
    assert got == code
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kamerbrief: {letter}: error:") and says in lines[0], err
    assert not (tmp_path / "page.html").exists()


def test_cli_never_overwrites_the_letter(tmp_path: Path) -> None:
    letter = tmp_path / "letter.md"
    letter.write_bytes(LNV.read_bytes())
    code, _, err = run("show", str(letter), "-o", str(letter))
    assert code == 2 and "is the input letter" in err
    assert letter.read_bytes() == LNV.read_bytes()


# --- in the browser ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    reason = why_no_browser()
    if reason:
        pytest.skip(reason)
    with browser() as d:
        yield d


def _page(tmp_path: Path, letter: Path, name: str = "page.html") -> Path:
    out = tmp_path / name
    out.write_text(show_html(letter), encoding="utf-8")
    return out


def _highlighted(driver: Any) -> list[str]:
    return list(driver.execute_script("return [...document.querySelectorAll('.ln.hl')].map(e => e.id)"))


def test_clicking_a_value_marks_its_line(driver: Any, tmp_path: Path) -> None:
    open_page(driver, _page(tmp_path, LNV))
    driver.find_element("css selector", '[data-ptr="/metadata/kenmerk"]').click()
    assert _highlighted(driver) == ["L15"]
    assert "DGNVG / 27119034" in driver.find_element("id", "L15").text
    driver.find_element("css selector", '[data-ptr="/aanbevelingen/2/titel"]').click()
    [line] = _highlighted(driver)
    assert "Stel een landelijke predatieaanpak op" in driver.find_element("id", line).text
    assert console_errors(driver) == []


def test_the_keyboard_reaches_values_and_enter_marks(driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.keys import Keys

    open_page(driver, _page(tmp_path, LNV))
    driver.find_element("tag name", "body").send_keys(Keys.TAB)
    for _ in range(40):
        if driver.switch_to.active_element.get_attribute("data-ptr") == "/metadata/onderwerp":
            break
        driver.switch_to.active_element.send_keys(Keys.TAB)
    else:
        pytest.fail("the onderwerp value cannot be reached with Tab")
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    [line] = _highlighted(driver)
    assert "Kabinetsreactie op het rapport" in driver.find_element("id", line).text


def test_a_warning_links_to_its_line(driver: Any, tmp_path: Path) -> None:
    docx = SAMPLES / "jenv-antwoorden-gedeeld-antwoord.docx"
    open_page(driver, _page(tmp_path, docx))
    link = driver.find_element("css selector", "#waarschuwingen a")
    line = link.get_attribute("data-van")
    link.click()
    assert _highlighted(driver) == [f"L{line}"]
    assert console_errors(driver) == []


def test_a_pdf_shows_its_pages_and_marks_the_value(driver: Any, tmp_path: Path) -> None:
    from .letterpdf import render

    record = yaml.safe_load(LNV.with_suffix(".yaml").read_text(encoding="utf-8"))
    pdf = tmp_path / "letter.pdf"
    pages = render(record, str(pdf))
    open_page(driver, _page(tmp_path, pdf))
    assert len(driver.find_elements("css selector", ".page img")) == pages
    assert driver.execute_script("return [...document.images].every(i => i.complete && i.naturalWidth > 0)")
    value = driver.find_element("css selector", '[data-ptr="/aanbevelingen/0/titel"]')
    value.click()
    page = value.get_attribute("data-page")
    assert driver.execute_script("return [...document.querySelectorAll('.page.hl')].map(p => p.id)") == [f"P{page}"]
    mark = driver.find_element("css selector", f"#P{page} .mark")
    assert mark.is_displayed() and mark.size["height"] > 5
    assert console_errors(driver) == []


def test_screenshot_for_the_readme(driver: Any, tmp_path: Path) -> None:
    """A PDF letter with a recommendation's title marked; written to docs/show.png with KAMERBRIEF_SCREENSHOTS=1."""
    from .letterpdf import render

    record = yaml.safe_load(LNV.with_suffix(".yaml").read_text(encoding="utf-8"))
    pdf = tmp_path / "lnv-kabinetsreactie.pdf"
    render(record, str(pdf))
    open_page(driver, _page(tmp_path, pdf))
    driver.find_element("css selector", '[data-ptr="/metadata/kenmerk"]').click()
    assert screenshot(driver, tmp_path / "show.png").startswith(b"\x89PNG")
    assert console_errors(driver) == []
    if os.environ.get("KAMERBRIEF_SCREENSHOTS"):
        screenshot(driver, DOCS / "show.png")


def test_a_script_in_the_letter_stays_text(driver: Any, tmp_path: Path) -> None:
    letter = tmp_path / "evil.txt"
    letter.write_text(EVIL, encoding="utf-8")
    open_page(driver, _page(tmp_path, letter))
    assert driver.execute_script("return window.__xss === undefined")
    assert "<script>window.__xss = 1</script>" in driver.find_element("css selector", "header h1").text
    assert console_errors(driver) == []


def test_a_narrow_screen_stacks_the_panes(driver: Any, tmp_path: Path) -> None:
    open_page(driver, _page(tmp_path, LNV))
    driver.set_window_size(420, 900)
    try:
        left = driver.find_element("css selector", ".letter").rect
        right = driver.find_element("css selector", ".record").rect
        assert right["y"] >= left["y"] + left["height"] - 1
        assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        driver.set_window_size(1280, 900)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
def test_every_corpus_letter_shows_without_console_errors(driver: Any, tmp_path: Path) -> None:
    letters = sorted(p for p in CORPUS.iterdir()
                     if p.suffix in LETTER_SUFFIXES and p.name not in ("README.md", "GOLD.md"))
    assert letters
    for letter in letters:
        try:
            out = _page(tmp_path, letter, "corpus.html")
        except KamerbriefError as exc:  # not a letter: the CLI says so in one line
            assert exc.exit_code in (3, 4), f"{letter}: {exc}"
            continue
        open_page(driver, out)
        assert console_errors(driver) == [], letter
        assert driver.find_elements("css selector", ".record [data-van], .record [data-page]"), letter


POSITIES_SAMPLES = [LNV, SAMPLES / "ocw-voortgang-laaggeletterdheid.txt",
                    SAMPLES / "ienw-kabinetsreactie-regenwater.pdf"]


@pytest.mark.parametrize("letter", POSITIES_SAMPLES, ids=lambda p: p.suffix)
def test_show_uses_the_parsers_own_posities(letter: Path) -> None:
    import kamerbrief

    where = kamerbrief.parse_file(letter, posities=True).record["posities"]["/metadata/kenmerk"]
    page = show_html(letter)
    assert "Plaatsen gezocht in de tekst" not in page
    assert f'data-ptr="/metadata/kenmerk" data-van="{where["van"]}" data-tot="{where["tot"]}"' in page


@pytest.mark.parametrize("letter", POSITIES_SAMPLES, ids=lambda p: p.suffix)
def test_clicking_the_kenmerk_marks_the_line_the_parser_read(driver: Any, tmp_path: Path, letter: Path) -> None:
    import kamerbrief

    record = kamerbrief.parse_file(letter, posities=True).record
    where = record["posities"]["/metadata/kenmerk"]
    open_page(driver, _page(tmp_path, letter))
    driver.find_element("css selector", '[data-ptr="/metadata/kenmerk"]').click()
    if letter.suffix == ".pdf":
        marked = driver.execute_script("return [...document.querySelectorAll('.page.hl')].map(p => p.id)")
        assert marked == [f"P{where['pagina']}"]
    else:
        assert _highlighted(driver) == [f"L{where['van']}"]
        assert record["metadata"]["kenmerk"] in driver.find_element("id", f"L{where['van']}").text
    assert console_errors(driver) == []


def test_a_value_the_parser_did_not_place_is_searched_and_said_to_be_approximate(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A value without a place from the parser is found in the text, and the page says which values were
    searched rather than placed. The parser places every value of the samples now (the closing formula,
    the example before, is placed on its line), so its place is taken away here."""
    from kamerbrief import show
    from kamerbrief.model import Result

    placed = show.parse_with_positions

    def unplaced(source: Any) -> Result:
        result = placed(source)
        assert "/ondertekening/slotformule" in result.record["posities"]
        del result.record["posities"]["/ondertekening/slotformule"]
        return result

    monkeypatch.setattr(show, "parse_with_positions", unplaced)
    letter = SAMPLES / "bzk-voortgang-zonder-aanbevelingen.md"
    page = show_html(letter)
    assert re.search(r"zonder plaats van de parser \([^)]*/ondertekening/slotformule\b", page)
