"""A small, deterministic file of named numpy arrays plus a JSON header.

Why not ``numpy.savez``: a zip archive stamps the time of writing into every member, so the same
graph would give different bytes each time, and an import must be byte-for-byte repeatable. This
layout is a magic line, the header length, a JSON header (sorted keys) naming each array's dtype,
shape and offset, then the arrays themselves, 8-byte aligned, read back without copying.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from ontology import ActorGraphError

__all__ = ["MAGIC", "StoreError", "read_container", "read_header", "write_container"]

MAGIC = b"ACTORGRAPH-STORE 1\n"
_ALIGN = 8


class StoreError(ActorGraphError, ValueError):
    """A store file that is not one, is damaged, or was written by an incompatible version."""


def _pad(n: int) -> int:
    return (-n) % _ALIGN


def write_container(path: str | os.PathLike, arrays: Mapping[str, np.ndarray], meta: Mapping[str, Any]) -> int:
    """Write ``arrays`` and ``meta`` to ``path`` atomically (temp file, then rename); returns the size in bytes.

    The payload's SHA-256 is kept in the header, so a damaged file is detected on request.
    """
    names = sorted(arrays)
    entries, offset, digest = {}, 0, hashlib.sha256()
    prepared = []
    for name in names:
        arr = np.ascontiguousarray(arrays[name])
        if arr.dtype.hasobject:
            raise TypeError(f"array {name!r} holds Python objects; encode it as numbers or text first")
        data = arr.tobytes()
        entries[name] = {"dtype": arr.dtype.str, "shape": list(arr.shape), "offset": offset, "nbytes": len(data)}
        prepared.append(data + b"\0" * _pad(len(data)))
        offset += len(data) + _pad(len(data))
    for chunk in prepared:
        digest.update(chunk)
    header = json.dumps(
        {"arrays": entries, "meta": meta, "sha256": digest.hexdigest()},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    header += b" " * _pad(len(MAGIC) + 8 + len(header))
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC)
            out.write(len(header).to_bytes(8, "little"))
            out.write(header)
            for chunk in prepared:
                out.write(chunk)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(MAGIC) + 8 + len(header) + offset


def read_container(path: str | os.PathLike, *, verify: bool = False) -> tuple[dict[str, np.ndarray], dict]:
    """Read a store file: its arrays (read-only views over one buffer) and its metadata.

    Raises:
        StoreError: not a store file, truncated, or (with ``verify``) its checksum does not match.
    """
    path = Path(path)
    with path.open("rb") as handle:
        buffer = handle.read()
    if not buffer.startswith(MAGIC):
        raise StoreError(
            f"{path} is not an actorgraph store file (it does not start with {MAGIC!r}); "
            f"build one with 'actorgraph pack' or graph.store.write_store"
        )
    start = len(MAGIC)
    size = int.from_bytes(buffer[start : start + 8], "little")
    try:
        header = json.loads(buffer[start + 8 : start + 8 + size].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StoreError(f"{path}: the header is damaged ({exc}); rebuild the store") from None
    base = start + 8 + size
    view = memoryview(buffer)
    if verify:
        if hashlib.sha256(view[base:]).hexdigest() != header["sha256"]:
            raise StoreError(f"{path}: checksum mismatch, the file is damaged; rebuild the store")
    arrays = {}
    for name, e in header["arrays"].items():
        lo = base + e["offset"]
        if lo + e["nbytes"] > len(buffer):
            raise StoreError(f"{path}: truncated (array {name!r} runs past the end); rebuild the store")
        arrays[name] = np.frombuffer(view[lo : lo + e["nbytes"]], dtype=np.dtype(e["dtype"])).reshape(e["shape"])
    return arrays, header["meta"]


def read_header(path: str | os.PathLike) -> dict:
    """The JSON header of a store file alone (its metadata), without reading the arrays.

    Raises:
        StoreError: not a store file, or its header is damaged.
    """
    path = Path(path)
    with path.open("rb") as handle:
        if handle.read(len(MAGIC)) != MAGIC:
            raise StoreError(f"{path} is not an actorgraph store file (it does not start with {MAGIC!r})")
        size = int.from_bytes(handle.read(8), "little")
        raw = handle.read(size)
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StoreError(f"{path}: the header is damaged ({exc}); rebuild the store") from None
