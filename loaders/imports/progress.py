"""A one-line progress count on stderr for long imports.

Shown only when stderr is a terminal or when asked for (``--progress``), so logs and pipes stay clean.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["Progress"]


class Progress:
    """Counts rows and redraws ``label: N rows`` at most a few times a second."""

    def __init__(
        self, label: str, *, enabled: bool | None = None, stream: TextIO | None = None, interval: float = 0.2
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.enabled, self.label, self.interval = enabled, label, interval
        self.count, self._shown = 0, 0.0

    def update(self, n: int = 1) -> None:
        self.count += n
        if self.enabled:
            now = time.monotonic()
            if now - self._shown >= self.interval:
                self._shown = now
                self.stream.write(f"\r{self.label}: {self.count:,} rows")
                self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write(f"\r{self.label}: {self.count:,} rows, done\n")
            self.stream.flush()
