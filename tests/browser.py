"""Headless Chromium for the page tests: Debian's chromium and chromedriver, driven by selenium.

`browser()` gives a driver or says why there is none (the tests then skip with that reason). Selenium's
own driver download cannot work offline, so the driver is found on PATH or at /usr/bin/chromedriver.
`.ci/run` installs the `chromium` and `chromium-driver` packages where apt can.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def why_no_browser() -> str | None:
    """None when a browser can be driven, else the reason (for pytest.skip)."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    if not _chromium():
        return "no chromium found (apt-get install chromium chromium-driver; .ci/run does this as root)"
    if not _driver():
        return "no chromedriver found (apt-get install chromium-driver)"
    return None


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _driver() -> str | None:
    found = shutil.which("chromedriver")
    if found:
        return found
    return "/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").is_file() else None


@contextmanager
def browser(width: int = 1280, height: int = 900) -> Iterator[Any]:
    """A headless Chromium driven by selenium; console messages kept for `console_errors`."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = _chromium() or ""
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={width},{height}", "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=_driver()))
    try:
        # errors thrown before a test looks are kept on the page too
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": (
            "window.__errors = [];"
            "window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });"
            "window.addEventListener('unhandledrejection', function (e) { window.__errors.push(String(e.reason)); });"
        )})
        yield driver
    finally:
        driver.quit()


def open_page(driver: Any, path: Path) -> None:
    """Load a local file and wait until its script says it is ready."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(path.resolve().as_uri())
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.body.dataset.ready === '1'"))


def console_errors(driver: Any) -> list[str]:
    """Errors the page logged or threw: console messages at SEVERE, and uncaught errors."""
    logged = [entry["message"] for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]
    thrown = driver.execute_script("return window.__errors || []")
    return logged + [str(t) for t in thrown]


def screenshot(driver: Any, path: Path) -> bytes:
    """A PNG of the window, written to `path`."""
    png: bytes = driver.get_screenshot_as_png()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)
    return png
