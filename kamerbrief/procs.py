"""Worker processes that never outlive the command that started them (batch and validate share this)."""

from __future__ import annotations

import contextlib
import os
import sys
import time


def die_with_parent(parent: int) -> None:
    """End this worker when the main process dies, even by kill -9 (no orphans at 100 % CPU).

    Linux: PR_SET_PDEATHSIG; elsewhere (or where prctl fails) a watchdog thread that polls the parent.
    """
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        with contextlib.suppress(Exception):
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(1, int(signal.SIGKILL), 0, 0, 0) == 0:  # PR_SET_PDEATHSIG
                if os.getppid() != parent:  # died before the call
                    os._exit(1)
                return
    import threading

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os._exit(1)
            time.sleep(0.5)

    threading.Thread(target=watch, name="kamerbrief-watchdog", daemon=True).start()
