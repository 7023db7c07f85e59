"""Store files rewritten the way a damaged disk or a careful forger would, for the tests that must refuse them.

The layout (magic line, 8-byte header length, JSON header padded to 8 bytes, payload) is the one of
:mod:`graph.store.container`; these helpers rebuild it by hand so that the tests do not trust the
code they test to make their inputs.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from graph.store.container import MAGIC

CHECKSUM_KEY = b'"checksum":"'


def split(data: bytes) -> tuple[dict, bytes]:
    """The parsed header and the payload of a store file's bytes."""
    size = int.from_bytes(data[len(MAGIC):len(MAGIC) + 8], "little")
    base = len(MAGIC) + 8 + size
    return json.loads(data[len(MAGIC) + 8:base]), data[base:]


def assemble(header: dict, payload: bytes, *, checksum: bool = True) -> bytes:
    """A store file of ``header`` and ``payload``; with ``checksum``, one that matches its new content."""
    header = dict(header)
    if checksum:
        header["checksum"] = "0" * 64
    raw = json.dumps(header, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    raw += b" " * ((-(len(MAGIC) + 8 + len(raw))) % 8)
    length = len(raw).to_bytes(8, "little")
    if checksum:
        digest = hashlib.sha256(MAGIC + length + raw + payload).hexdigest().encode()
        at = raw.index(CHECKSUM_KEY) + len(CHECKSUM_KEY)
        raw = raw[:at] + digest + raw[at + 64:]
    return MAGIC + length + raw + payload


def first_version(data: bytes) -> bytes:
    """The same store as the first version wrote it: a checksum of the payload only."""
    header, payload = split(data)
    del header["checksum"]
    return assemble(header, payload, checksum=False)


def forged(data: bytes, change: Callable[[dict], None]) -> bytes:
    """The store with its header changed by ``change`` and the checksum made to match again."""
    header, payload = split(data)
    change(header)
    return assemble(header, payload)
