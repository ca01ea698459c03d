"""`kamerbrief report`: the archive page, from batch's records, in the library, the CLI and headless Chromium."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from kamerbrief.batch import convert_tree
from kamerbrief.cli import main
from kamerbrief.model import InputError
from kamerbrief.report import load_archive, report_html

from .browser import DOCS, browser, console_errors, open_page, screenshot, why_no_browser
from .conftest import SAMPLES

PEILDATUM = "2025-01-01"
EVIL_TITLE = "<script>window.__xss = 1</script> Wijs kerngebieden aan"


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples through batch, plus a record with a script in a title and one that fails the schema."""
    root = tmp_path_factory.mktemp("report")
    archive = root / "archive"
    shutil.copytree(SAMPLES, archive, ignore=shutil.ignore_patterns("*.yaml"))
    out = root / "records"
    convert_tree(archive, out, jsonl=root / "all.jsonl")
    record = yaml.safe_load((SAMPLES / "lnv-aanbevelingen-kabinetsreactie.yaml").read_text(encoding="utf-8"))
    record["aanbevelingen"][0]["titel"] = EVIL_TITLE
    record["metadata"]["afzender"]["ministerie"] = "Ministerie van <b>Test</b>"
    (out / "extra").mkdir()
    (out / "extra" / "evil.yaml").write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    record["aanbevelingen"][0]["standpunt"] = "misschien"
    (out / "extra" / "bad.yaml").write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    (out / "extra" / "broken.json").write_text("{not json", encoding="utf-8")
    return out


def _records(folder: Path) -> list[dict[str, Any]]:
    good = []
    for p in sorted(folder.rglob("*.yaml")):
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
        if p.name != "bad.yaml":
            good.append(data)
    return good


def test_the_archive_loads_and_schema_failures_are_skipped(records: Path) -> None:
    archive = load_archive(records)
    assert len(archive.records) == len(_records(records))
    skipped = dict(archive.skipped)
    assert set(skipped) == {"extra/bad.yaml", "extra/broken.json"}
    assert "aanbevelingen[0].standpunt" in skipped["extra/bad.yaml"]


def test_a_jsonl_file_is_read_too(records: Path) -> None:
    archive = load_archive(records.parent / "all.jsonl")
    assert not archive.skipped and not archive.files
    assert len(archive.records) == len(_records(records)) - 1  # not the hand-made evil record
    page = report_html(archive, dt.date(2025, 1, 1))
    assert page.count("<script") == 2


def test_no_records_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no records found"):
        load_archive(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        load_archive(tmp_path / "missing")


def test_values_are_escaped(records: Path) -> None:
    page = report_html(load_archive(records), dt.date(2025, 1, 1))
    assert page.count("<script") == 2  # the data and ours
    assert "<b>Test</b>" not in page and "&lt;b&gt;Test&lt;/b&gt;" in page
    assert "\\u003cscript>window.__xss" in page  # inside the JSON: cannot close its element


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_writes_the_report_and_names_skipped_records(records: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    code, _, err = run("report", str(records), "-o", str(out), "--peildatum", PEILDATUM)
    assert code == 0, err
    assert "bad.yaml: warning: skipped: does not match the schema" in err
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("what", ["empty", "missing", "text"])
def test_cli_bad_input_is_one_line(tmp_path: Path, what: str) -> None:
    target = tmp_path / "records"
    if what == "empty":
        target.mkdir()
    elif what == "text":
        target = tmp_path / "notes.jsonl"
        target.write_bytes(b"\xff\xfe garbage")
    code, _, err = run("report", str(target), "-o", str(tmp_path / "r.html"))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kamerbrief: {target}: error:"), err
    assert not (tmp_path / "r.html").exists()


def test_cli_bad_peildatum_is_a_usage_error(records: Path, tmp_path: Path) -> None:
    code, _, err = run("report", str(records), "-o", str(tmp_path / "r.html"), "--peildatum", "1-1-2025")
    assert code == 2 and err.startswith("kamerbrief: error: Invalid value for '--peildatum'")


# --- in the browser ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    reason = why_no_browser()
    if reason:
        pytest.skip(reason)
    with browser(1280, 1000) as d:
        yield d


@pytest.fixture
def page(records: Path, driver: Any) -> Path:
    out = records.parent / "site" / "report.html"
    out.parent.mkdir(exist_ok=True)
    archive = load_archive(records)
    out.write_text(report_html(archive, dt.date.fromisoformat(PEILDATUM), out), encoding="utf-8")
    open_page(driver, out)
    return out


def _counts(driver: Any, chart: str) -> dict[tuple[str, str], int]:
    got = driver.execute_script(
        "return [...document.querySelectorAll(arguments[0] + ' rect.bar')]"
        ".map(r => [r.dataset.label, r.dataset.series, Number(r.dataset.count)])", f"#{chart}")
    return {(label, series): n for label, series, n in got}


def test_the_charts_hold_the_counts(page: Path, driver: Any, records: Path) -> None:
    good = _records(records)
    per_ministry = Counter(r["metadata"]["afzender"]["ministerie"] or "(onbekend)" for r in good)
    assert _counts(driver, "chart-ministerie") == {(m, "brieven"): n for m, n in per_ministry.items()}
    per_year = Counter((r["metadata"]["datum"] or "(onbekend)")[:4] if r["metadata"]["datum"] else "(onbekend)"
                       for r in good)
    assert _counts(driver, "chart-jaar") == {(y, "brieven"): n for y, n in per_year.items()}
    stances = Counter((r["metadata"]["afzender"]["ministerie"] or "(onbekend)", a["standpunt"])
                      for r in good for a in r["aanbevelingen"])
    assert _counts(driver, "chart-standpunt-ministerie") == dict(stances)
    assert driver.find_element("id", "n-brieven").text == str(len(good))
    assert console_errors(driver) == []


def _rows(driver: Any) -> int:
    return int(driver.find_element("id", "n-rijen").get_attribute("data-count"))


def test_the_table_filters_narrow_the_rows(page: Path, driver: Any, records: Path) -> None:
    from selenium.webdriver.support.ui import Select, WebDriverWait

    good = _records(records)
    recs = [(r, a) for r in good for a in r["aanbevelingen"]]
    assert _rows(driver) == len(recs) == len(driver.find_elements("css selector", "#rijen tr"))
    Select(driver.find_element("id", "f-standpunt")).select_by_value("niet_overgenomen")
    want = sum(1 for _, a in recs if a["standpunt"] == "niet_overgenomen")
    assert 0 < _rows(driver) == want < len(recs)
    assert {tr.get_attribute("data-stance") for tr in driver.find_elements("css selector", "#rijen tr")} == \
        {"niet_overgenomen"}
    Select(driver.find_element("id", "f-standpunt")).select_by_value("")
    Select(driver.find_element("id", "f-jaar")).select_by_value("2024")
    assert _rows(driver) == sum(1 for r, _ in recs if (r["metadata"]["datum"] or "").startswith("2024"))
    Select(driver.find_element("id", "f-jaar")).select_by_value("")
    driver.find_element("id", "f-zoek").send_keys("fietsparkeren")
    want = sum(1 for r, a in recs if "fietsparkeren" in (a["titel"] + " " + (a["standpunt_citaat"] or "") + " "
                                                          + r["metadata"]["onderwerp"]).lower()
               or "fietsparkeren" in r["bron"]["bestand"])
    WebDriverWait(driver, 5).until(lambda d: _rows(d) == want)
    assert 0 < want < len(recs)
    assert console_errors(driver) == []


def test_sorting_and_links_to_record_files(page: Path, driver: Any) -> None:
    driver.find_element("css selector", 'button[data-sort="standpunt"]').click()
    stances = [tr.get_attribute("data-stance") for tr in driver.find_elements("css selector", "#rijen tr")]
    assert stances == sorted(stances)
    links = [a.get_attribute("href") for a in driver.find_elements("css selector", "#rijen a")]
    assert links
    for href in links:
        assert href.startswith("file://")
        assert Path(href.removeprefix("file://").replace("%20", " ")).is_file(), href


def test_a_script_in_a_record_stays_text(page: Path, driver: Any) -> None:
    assert driver.execute_script("return window.__xss === undefined")
    titles = [td.text for td in driver.find_elements("css selector", "#rijen td.titel")]
    assert any(EVIL_TITLE in t for t in titles)
    assert "Ministerie van <b>Test</b>" in driver.find_element("id", "f-ministerie").text


def test_commitments_past_due_are_marked(page: Path, driver: Any, records: Path) -> None:
    toez = [t for r in _records(records) for t in r["toezeggingen"]]
    late = sum(1 for t in toez if t["uiterlijk"] and t["uiterlijk"] < PEILDATUM)
    assert int(driver.find_element("id", "n-verlopen").text) == late > 0
    assert len(driver.find_elements("css selector", "#tijdlijn li")) == len(toez)
    assert len(driver.find_elements("css selector", "#tijdlijn li.verlopen")) == late
    driver.find_element("id", "f-verlopen").click()
    assert len(driver.find_elements("css selector", "#tijdlijn li")) == late
    bars = _counts(driver, "chart-toezeggingen")
    assert sum(n for (_, series), n in bars.items() if series == "verlopen") == late


def test_warnings_are_grouped_by_code(page: Path, driver: Any, records: Path) -> None:
    codes = Counter(w["code"] for r in _records(records) for w in r["waarschuwingen"])
    groups = driver.find_elements("css selector", "#waarschuwingen details")
    assert {g.get_attribute("data-code") for g in groups} == set(codes)
    groups[0].find_element("tag name", "summary").click()
    # the list is filled by the "toggle" event, which the browser fires after the click returns
    from selenium.webdriver.support.ui import WebDriverWait

    want = codes[groups[0].get_attribute("data-code")]
    WebDriverWait(driver, 20).until(lambda d: len(groups[0].find_elements("css selector", "li")) >= want)
    assert len(groups[0].find_elements("css selector", "li")) == want
    assert console_errors(driver) == []


def test_screenshot_for_the_readme(records: Path, driver: Any) -> None:
    """The samples' report (from batch's JSONL); written to docs/report.png with KAMERBRIEF_SCREENSHOTS=1."""
    out = records.parent / "readme" / "report.html"
    out.parent.mkdir(exist_ok=True)
    out.write_text(report_html(load_archive(records.parent / "all.jsonl"), dt.date.fromisoformat(PEILDATUM), out),
                   encoding="utf-8")
    open_page(driver, out)
    assert screenshot(driver, out.with_suffix(".png")).startswith(b"\x89PNG")
    assert console_errors(driver) == []
    if os.environ.get("KAMERBRIEF_SCREENSHOTS"):
        screenshot(driver, DOCS / "report.png")
