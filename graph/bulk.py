"""Building millions of objects at once without the cyclic garbage collector rescanning them all.

Loaders, store decoding and imports create records, dates and claims by the million and none of
them form reference cycles; each automatic collection walks the whole growing heap, which more
than doubled a store load and added a third to a 1M-row import. Pausing it for the bulk step and
restoring it after is the cure.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector inside the block; it is re-enabled after only if it was on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
