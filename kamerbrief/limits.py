"""Limits that keep one letter from taking unbounded time, memory or output: defaults and the time budget.

Every limit has a documented default (README, "Limits") and can be set by the user: the time budget with
`--timeout` on `parse` and `batch`, the others through `Limits` in the library. Exceeding one is a
`LimitError` for that letter: one clear line, exit 3, and in a batch the next letter goes on.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from .model import ExitCode, KamerbriefError

DEFAULT_TIMEOUT = 60.0  # seconds of parsing for one letter; real letters take milliseconds
MAX_INPUT_BYTES = 200 * 1024 * 1024  # a file larger than this is refused before it is read
MAX_PDF_PAGES = 2000  # a Kamerbrief with its bijlagen has tens of pages, rarely hundreds
MAX_PDF_CHARS_PER_PAGE = 100_000  # a dense A4 page holds about 5,000
MAX_MEMBER_BYTES = 50 * 1024 * 1024  # one unpacked DOCX/ODT/EPUB member (document.xml, custom.xml, ...)
MAX_TOTAL_UNPACKED = 200 * 1024 * 1024  # all unpacked members of one container together
MAX_OUTPUT_BYTES = 50 * 1024 * 1024  # the record as YAML or JSON


class LimitError(KamerbriefError):
    """A letter went over a limit (time, pages, unpacked size, output size)."""

    exit_code = ExitCode.FORMAT
    code = "limit"


@dataclass(frozen=True)
class Limits:
    """The limits for one run; the defaults above unless the user set them."""

    timeout: float | None = DEFAULT_TIMEOUT
    max_input_bytes: int = MAX_INPUT_BYTES
    max_pdf_pages: int = MAX_PDF_PAGES
    max_pdf_chars_per_page: int = MAX_PDF_CHARS_PER_PAGE
    max_member_bytes: int = MAX_MEMBER_BYTES
    max_total_unpacked: int = MAX_TOTAL_UNPACKED
    max_output_bytes: int = MAX_OUTPUT_BYTES


DEFAULT = Limits()


class _Expired(BaseException):
    """Raised by the alarm inside the budgeted block; a BaseException so no `except Exception` swallows it."""


@contextmanager
def time_budget(seconds: float | None, path: str | None = None) -> Iterator[None]:
    """Run the block with a wall-clock budget; past it, raise LimitError naming the file.

    Uses SIGALRM (interval timer), which also interrupts a long regular-expression match. Where no
    alarm can be set (not the main thread, or no SIGALRM on this platform) the block runs unbudgeted.
    A budget opened inside a running one sets no alarm of its own: the outer budget holds.
    """
    usable = (
        seconds is not None and seconds > 0 and hasattr(signal, "SIGALRM")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0.0
    )
    if not usable:
        yield
        return

    def _alarm(signum: int, frame: FrameType | None) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, float(seconds))  # type: ignore[arg-type]
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0.0)
    except _Expired:
        raise LimitError(f"took longer than the time budget of {seconds:g} s (set it with --timeout)",
                         path) from None
    finally:
        signal.signal(signal.SIGALRM, previous)
