"""A small, deterministic file of named numpy arrays plus a JSON header, checked whole on every read.

Why not ``numpy.savez``: a zip archive stamps the time of writing into every member, so the same
graph would give different bytes each time, and an import must be byte-for-byte repeatable. This
layout is a magic line, the header length, a JSON header (sorted keys) naming each array's dtype,
shape and offset, then the arrays themselves, 8-byte aligned, read back without copying.

A damaged file must never load as a different graph: one flipped bit in a date column would change
answers without a word. So the header carries ``checksum``, the SHA-256 of the whole file (magic,
length, header with the checksum's own 64 digits written as zeros, and payload), verified on every
read; it costs one pass over bytes already in memory (measured in ``benchmarks/store_verify.py``).
Files written before ``checksum`` existed carry only ``sha256``, the payload's digest, which is then
verified instead; in both cases the header's array table is checked against the file's size before
any array is touched.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from ontology import ActorGraphError

__all__ = ["MAGIC", "StoreDamaged", "StoreError", "damaged", "read_container", "read_header", "write_container"]

MAGIC = b"ACTORGRAPH-STORE 1\n"
_ALIGN = 8
_LENGTH = 8
_CHECKSUM_KEY = b'"checksum":"'
_ZEROS = b"0" * 64
#: The array element types a store uses: integers of 1 to 8 bytes (never floats, strings or Python objects).
_DTYPE = re.compile(r"[<>|=][iu][1248]")
_HEADER_KEYS = ({"arrays", "checksum", "meta", "sha256"}, {"arrays", "meta", "sha256"})  # this version, the first
REBUILD = "rebuild it with 'actorgraph pack' (or the import that wrote it)"


class StoreError(ActorGraphError, ValueError):
    """A store file that is not one, is damaged, or was written by an incompatible version."""


class StoreDamaged(StoreError):
    """A store whose bytes or content are not what ``write_store`` wrote (the message says what was found)."""


def damaged(path, what: str) -> StoreDamaged:
    """The error for a store file whose content is wrong: what was found, and how to get a good file."""
    return StoreDamaged(f"damaged store {path}: {what}; {REBUILD}")


def _pad(n: int) -> int:
    return (-n) % _ALIGN


def write_container(path: str | os.PathLike, arrays: Mapping[str, np.ndarray], meta: Mapping[str, Any]) -> int:
    """Write ``arrays`` and ``meta`` to ``path`` atomically (temp file, then rename); returns the size in bytes.

    The header's ``checksum`` covers every byte of the file; ``sha256`` (the payload alone) is kept
    for readers of the first version.
    """
    names = sorted(arrays)
    entries, offset, payload_digest = {}, 0, hashlib.sha256()
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
        payload_digest.update(chunk)
    header = json.dumps(
        {"arrays": entries, "checksum": _ZEROS.decode(), "meta": meta, "sha256": payload_digest.hexdigest()},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    header += b" " * _pad(len(MAGIC) + _LENGTH + len(header))
    length = len(header).to_bytes(_LENGTH, "little")
    digest = hashlib.sha256(MAGIC + length + header)
    for chunk in prepared:
        digest.update(chunk)
    at = header.index(_CHECKSUM_KEY) + len(_CHECKSUM_KEY)  # "arrays" sorts first and holds no such key
    header = header[:at] + digest.hexdigest().encode() + header[at + 64 :]
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC)
            out.write(length)
            out.write(header)
            for chunk in prepared:
                out.write(chunk)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(MAGIC) + _LENGTH + len(header) + offset


def _read(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read()
    except IsADirectoryError:
        raise StoreError(f"{path} is a folder, not a store file") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read ({exc.strerror or type(exc).__name__})") from None


def _split(path: Path, buffer: bytes) -> tuple[dict, int]:
    """The parsed header and where the payload starts; the header's own shape is checked."""
    if not buffer.startswith(MAGIC):
        raise StoreError(
            f"{path} is not an actorgraph store file (it does not start with {MAGIC!r}); "
            f"build one with 'actorgraph pack' or graph.store.write_store"
        )
    start = len(MAGIC)
    size = int.from_bytes(buffer[start : start + _LENGTH], "little")
    if start + _LENGTH + size > len(buffer):
        raise damaged(path, f"the header claims {size:,} bytes but the file has {len(buffer) - start - _LENGTH:,} "
                            "after the magic line (truncated?)")
    try:
        header = json.loads(buffer[start + _LENGTH : start + _LENGTH + size].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise damaged(path, f"the header is not JSON ({exc})") from None
    if not (isinstance(header, dict) and isinstance(header.get("arrays"), dict)
            and isinstance(header.get("meta"), dict)):
        raise damaged(path, "the header lacks its array table or metadata")
    return header, start + _LENGTH + size


def _verify(path: Path, buffer: bytes, header: dict, base: int) -> None:
    """The whole-file checksum (or, in first-version files, the payload's), or a StoreError."""
    view = memoryview(buffer)
    if set(header) not in _HEADER_KEYS:  # a changed key would otherwise pass for a first-version header
        raise damaged(path, f"the header's fields are {sorted(header)}, not those of a store header")
    if "checksum" in header:
        at = buffer.find(_CHECKSUM_KEY, len(MAGIC) + _LENGTH, base)
        if at < 0:
            raise damaged(path, "the header's checksum field is unreadable")
        at += len(_CHECKSUM_KEY)
        digest = hashlib.sha256(view[:at])
        digest.update(_ZEROS)
        digest.update(view[at + 64 :])
        stored = buffer[at : at + 64].decode("ascii", errors="replace")
        if stored != header["checksum"] or digest.hexdigest() != stored:
            raise damaged(path, "checksum mismatch, some bytes changed since it was written")
    elif not isinstance(header.get("sha256"), str) or hashlib.sha256(view[base:]).hexdigest() != header["sha256"]:
        raise damaged(path, "checksum mismatch, some bytes changed since it was written")


def _arrays(path: Path, buffer: bytes, header: dict, base: int) -> dict[str, np.ndarray]:
    """Each array as a read-only view, once its entry is checked against the dtypes used and the file's size."""
    view = memoryview(buffer)
    arrays = {}
    for name, e in header["arrays"].items():
        try:
            dtype, shape, lo, nbytes = e["dtype"], [int(n) for n in e["shape"]], int(e["offset"]), int(e["nbytes"])
        except (KeyError, TypeError, ValueError):
            raise damaged(path, f"the entry of array {name!r} is malformed") from None
        if not (isinstance(dtype, str) and _DTYPE.fullmatch(dtype)) or any(n < 0 for n in shape) or lo < 0 \
                or lo % _ALIGN:
            raise damaged(path, f"the entry of array {name!r} is impossible ({dtype}, shape {shape}, offset {lo})")
        if math.prod(shape) * np.dtype(dtype).itemsize != nbytes:
            raise damaged(path, f"array {name!r}: shape {shape} does not fit its {nbytes:,} bytes")
        if base + lo + nbytes > len(buffer):
            raise damaged(path, f"array {name!r} runs past the end of the file (truncated?)")
        arrays[name] = np.frombuffer(view[base + lo : base + lo + nbytes], dtype=np.dtype(dtype)).reshape(shape)
    return arrays


def read_container(path: str | os.PathLike, *, verify: bool = True) -> tuple[dict[str, np.ndarray], dict]:
    """Read a store file: its arrays (read-only views over one buffer) and its metadata.

    Args:
        verify: check the checksum (default; ``False`` only for tools that inspect a damaged file).

    Raises:
        StoreError: not a store file, unreadable, truncated, or damaged (checksum or header table).
    """
    path = Path(path)
    buffer = _read(path)
    header, base = _split(path, buffer)
    arrays = _arrays(path, buffer, header, base)  # a table that does not fit the file says "truncated" first
    if verify:
        _verify(path, buffer, header, base)
    return arrays, header["meta"]


def read_header(path: str | os.PathLike) -> dict:
    """The JSON header of a store file alone (its metadata), without reading the arrays.

    Only the header is read, so the checksum (which covers the whole file) is not verified here.

    Raises:
        StoreError: not a store file, or its header is damaged.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            if handle.read(len(MAGIC)) != MAGIC:
                raise StoreError(f"{path} is not an actorgraph store file (it does not start with {MAGIC!r})")
            size = int.from_bytes(handle.read(_LENGTH), "little")
            raw = handle.read(min(size, 1 << 30))
    except IsADirectoryError:
        raise StoreError(f"{path} is a folder, not a store file") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read ({exc.strerror or type(exc).__name__})") from None
    if len(raw) != size:
        raise damaged(path, "the header is cut short (truncated?)")
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise damaged(path, f"the header is not JSON ({exc})") from None
    if not isinstance(header, dict) or not isinstance(header.get("meta", {}), dict):
        raise damaged(path, "the header lacks its metadata")
    return header
