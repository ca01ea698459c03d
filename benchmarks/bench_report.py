"""How fast a big archive's report opens in headless Chromium, and how its size grows.

    python benchmarks/bench_report.py [--letters 10000] [--records DIR] [--jobs 2] [--loads 3]

Makes an archive with make_archive.py, runs `kamerbrief batch` over it (or takes the records in
--records), writes `kamerbrief report` over all of them, and opens the page in headless Chromium
(Debian's chromium and chromedriver, as the tests use them) `--loads` times. The load time is the
page's own clock (performance.now(), from navigation start) when its script has drawn the first rows,
the commitments and set data-ready; the wall time around driver.get() is printed beside it. File sizes
for a tenth, half and all of the records show that the page grows linearly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_archive import make_archive  # noqa: E402

from kamerbrief.report import Archive, load_archive, report_html  # noqa: E402
from tests.browser import browser, console_errors, why_no_browser  # noqa: E402


def batch(letters: int, work: Path, jobs: int) -> Path:
    archive, records = work / "archive", work / "records"
    t0 = time.perf_counter()
    make_archive(archive, letters)
    print(f"archive: {letters} letters in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kamerbrief", "batch", str(archive), "-o", str(records), "-j", str(jobs),
                    "-q"], check=False)
    print(f"batch: {time.perf_counter() - t0:.1f} s")
    return records


def load_times(page: Path, loads: int) -> tuple[list[float], list[float]]:
    from selenium.webdriver.support.ui import WebDriverWait

    inside, wall = [], []
    with browser() as driver:
        for _ in range(loads):
            driver.get("about:blank")
            t0 = time.perf_counter()
            driver.get(page.resolve().as_uri())
            WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.body.dataset.ready === '1'"))
            wall.append(time.perf_counter() - t0)
            inside.append(float(driver.execute_script("return Number(document.body.dataset.readyMs)")) / 1000)
        errors = console_errors(driver)
        if errors:
            print("console errors:", *errors[:5], sep="\n  ")
    return inside, wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--letters", type=int, default=10000)
    ap.add_argument("--records", type=Path, help="records batch already wrote (skips making the archive)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--loads", type=int, default=3)
    args = ap.parse_args()
    reason = why_no_browser()
    if reason:
        sys.exit(f"bench_report: {reason}")
    with tempfile.TemporaryDirectory(prefix="kb-bench-report-") as tmp:
        work = Path(tmp)
        records = args.records or batch(args.letters, work, args.jobs)
        t0 = time.perf_counter()
        archive = load_archive(records)
        print(f"load: {len(archive.records)} records ({len(archive.skipped)} skipped) in "
              f"{time.perf_counter() - t0:.1f} s")
        day = dt.date(2026, 1, 1)
        n = len(archive.records)
        for part in (n // 10, n // 2):
            sub = Archive(archive.root, archive.records[:part], [], archive.files)
            size = len(report_html(sub, day, work / "r.html").encode("utf-8"))
            print(f"size: {part:6d} records -> {size / 1e6:6.2f} MB ({size / max(part, 1) / 1e3:.2f} KB a record)")
        t0 = time.perf_counter()
        html = report_html(archive, day, work / "report.html")
        made = time.perf_counter() - t0
        page = work / "report.html"
        page.write_text(html, encoding="utf-8")
        size = page.stat().st_size
        recs = sum(len(r.get("aanbevelingen") or []) for _, r in archive.records)
        print(f"size: {n:6d} records -> {size / 1e6:6.2f} MB ({size / max(n, 1) / 1e3:.2f} KB a record); "
              f"{recs} recommendations; written in {made:.1f} s")
        inside, wall = load_times(page, args.loads)
        print(f"load in headless Chromium ({args.loads} loads): page ready at median {statistics.median(inside):.2f} s "
              f"(max {max(inside):.2f} s); wall time around driver.get median {statistics.median(wall):.2f} s")


if __name__ == "__main__":
    main()
