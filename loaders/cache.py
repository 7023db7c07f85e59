"""Datasets compiled once into a store file, keyed by their content, so a command starts fast.

Reading the bundled corpus means parsing YAML and checking every record against the schema and the
ontology: about a third of a second per command, every time. :func:`load_cached` does that once,
writes the checked graph as a store file (:mod:`graph.store`) named by a key, and afterwards reads
the store back instead. The key is a SHA-256 over:

- the bytes of every file a dataset folder could contribute (``.yaml``, ``.yml``, ``.csv``), with
  their paths, so changing, adding, removing or renaming one gives a new key;
- the store format version and the bytes of the code that decides what a load produces (the
  ontology, the graph model, the store codec, the dataset loader and its schema), so a new version
  of actorgraph never reads a store an older one wrote.

A cached store is not trusted blindly: it must be owned by the current user, carry the same key in
its header, and pass the store's checksum; otherwise it is rebuilt. Files are written atomically
(a temporary file, then a rename) into ``$ACTORGRAPH_CACHE``, else ``$XDG_CACHE_HOME/actorgraph``,
else ``~/.cache/actorgraph``; ``ACTORGRAPH_CACHE=off`` turns the cache off. Only the few most
recently used stores are kept.

The loader's warnings (a dated bound no source reports, ...) are kept in the store's notes and come
back with a cached load. ``actorgraph validate`` never uses the cache.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CACHE_ENV", "KEEP", "Loaded", "cache_folder", "cache_key", "load_cached"]

#: The environment variable naming the cache folder (``off`` disables the cache).
CACHE_ENV = "ACTORGRAPH_CACHE"
#: How many cached stores are kept (the most recently used).
KEEP = 8
#: The files of a dataset folder the key covers: every kind the loader may read.
_DATA_SUFFIXES = (".yaml", ".yml", ".csv")
_ROOT = Path(__file__).resolve().parents[1]
#: The code that decides what a load produces; a change to any of it gives new keys.
_CODE = ("ontology/*.py", "graph/*.py", "graph/store/*.py", "loaders/dataset.py", "loaders/yamlfile.py",
         "loaders/csvfile.py", "loaders/problems.py", "loaders/cache.py", "loaders/schema/*.json")


@dataclass(frozen=True, slots=True)
class Loaded:
    """A loaded graph, the loader's warnings about its files, and whether it came from the cache."""

    graph: object
    warnings: tuple
    cached: bool


def cache_folder() -> Path | None:
    """The cache folder, from the environment (``None`` when ``ACTORGRAPH_CACHE=off``)."""
    value = os.environ.get(CACHE_ENV)
    if value is not None:
        return None if value.strip().lower() in ("off", "0", "no", "false", "") else Path(value)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "actorgraph"


def _data_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.suffix in _DATA_SUFFIXES and p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(path).parts))


def _code_digest() -> bytes:
    from graph.store.encode import FORMAT_VERSION

    h = hashlib.sha256(f"store format {FORMAT_VERSION}\n".encode())
    for pattern in _CODE:
        for path in sorted(_ROOT.glob(pattern)):
            h.update(path.relative_to(_ROOT).as_posix().encode() + b"\0")
            h.update(path.read_bytes())
    return h.digest()


def cache_key(paths: Iterable[str | os.PathLike]) -> str:
    """The content key of loading ``paths`` together, in this order.

    >>> from loaders.bundled import bundled_dataset
    >>> cache_key([bundled_dataset("seed")]) == cache_key([bundled_dataset("seed")])
    True
    >>> cache_key([bundled_dataset("seed")]) == cache_key([bundled_dataset("syria")])
    False
    """
    h = hashlib.sha256(_code_digest())
    for raw in paths:
        path = Path(raw).resolve()
        h.update(b"\1" + str(path).encode("utf-8", "surrogateescape") + b"\0")
        for f in _data_files(path):
            data = f.read_bytes()
            h.update(f.relative_to(path).as_posix().encode("utf-8", "surrogateescape") if f != path else b"")
            h.update(b"\0" + len(data).to_bytes(8, "little") + hashlib.sha256(data).digest())
    return h.hexdigest()


def load_cached(paths: Iterable[str | os.PathLike], *, folder: str | os.PathLike | None = None,
                key: str | None = None) -> Loaded:
    """Load dataset folders or files as :func:`loaders.load_datasets` does, through the cache when it is on.

    Args:
        paths: dataset folders or files (a store file among them bypasses the cache: it is fast already).
        folder: the cache folder; by default :func:`cache_folder`.
        key: :func:`cache_key` of ``paths`` when the caller has just computed it (it hashes every data file).

    Raises:
        DatasetInvalid: with every problem found (a dataset with problems is never cached).

    >>> import tempfile
    >>> from loaders.bundled import bundled_dataset
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     first = load_cached([bundled_dataset("seed")], folder=tmp)
    ...     again = load_cached([bundled_dataset("seed")], folder=tmp)
    >>> first.cached, again.cached, len(first.graph) == len(again.graph)
    (False, True, True)
    """
    paths = [Path(p) for p in paths]
    where = Path(folder) if folder is not None else cache_folder()
    if where is None or any(_is_store(p) for p in paths):
        return _load(paths, None, None)
    try:
        key = key if key is not None else cache_key(paths)
    except OSError:  # an unreadable file: let the loader report it with its own words
        return _load(paths, None, None)
    target = where / f"{key}.agstore"
    hit = _read(target, key)
    if hit is not None:
        return hit
    return _load(paths, target, key)


def _is_store(path: Path) -> bool:
    from graph.store import is_store

    return path.is_file() and is_store(path)


def _read(target: Path, key: str) -> Loaded | None:
    """The cached load at ``target``, or ``None`` when there is none or it cannot be trusted."""
    from graph.store import StoreError, read_store, store_notes

    try:
        info = target.stat()
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return None  # someone else's file: never read it
        notes = store_notes(target)
        if notes.get("cache_key") != key:
            return None
        graph = read_store(target, verify=True)
    except (OSError, StoreError, ValueError, KeyError, TypeError):
        return None  # missing, damaged, foreign or from another version: rebuild
    try:
        os.utime(target)  # marks it recently used, for pruning
    except OSError:
        pass
    from loaders.problems import Problem

    warnings = tuple(Problem(**w) for w in notes.get("warnings", ()))
    return Loaded(graph, warnings, True)


def _load(paths: list[Path], target: Path | None, key: str | None) -> Loaded:
    from graph.actorgraph import ActorGraph
    from loaders.dataset import load_datasets, read_dataset
    from ontology import DatasetInvalid

    if target is None:
        if any(_is_store(p) for p in paths):
            return Loaded(load_datasets(paths), (), False)
    ds = read_dataset(paths)
    if ds.problems:
        raise DatasetInvalid(ds.problems)
    graph = ActorGraph()
    graph.add(actors=ds.actors, places=ds.places, sources=ds.sources, claims=ds.claims)
    warnings = tuple(ds.warnings)
    if target is not None:
        _write(graph, target, key, warnings)
    return Loaded(graph, warnings, False)


def _write(graph, target: Path, key: str, warnings: tuple) -> None:
    """Write the cache file atomically; a cache that cannot be written is no error, only slower."""
    from graph.store import write_store

    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_store(graph, target, notes={"cache_key": key, "warnings": [w.as_dict() for w in warnings]})
        _prune(target.parent, keep=KEEP)
    except OSError:
        pass


def _prune(folder: Path, *, keep: int) -> None:
    stores = []
    for p in folder.glob("*.agstore"):
        try:
            stores.append((p.stat().st_mtime, p))
        except OSError:
            continue
    for _, p in sorted(stores, reverse=True)[keep:]:
        p.unlink(missing_ok=True)
