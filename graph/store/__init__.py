"""A fast storage format for large graphs: a million claims load in seconds.

The YAML dataset folders stay the format for curated data: readable, diffable, every value checked
on load with file and line. Imports of standard datasets and synthetic benchmarks reach millions of
claims, where reading and checking YAML takes minutes; a store file holds an already-checked graph
as numpy columns and rebuilds it without checking each claim again.

>>> import tempfile, os
>>> from loaders import load_datasets, bundled_dataset
>>> g = load_datasets([bundled_dataset("seed")])
>>> path = os.path.join(tempfile.mkdtemp(), "seed.agstore")
>>> _ = write_store(g, path)
>>> h = read_store(path)
>>> len(h) == len(g), [c.id for c in h.claims(actor="hts")] == [c.id for c in g.claims(actor="hts")]
(True, True)
"""

from __future__ import annotations

import os

from graph.store.container import MAGIC, StoreDamaged, StoreError, damaged, read_container, write_container
from ontology import ActorGraphError

__all__ = ["MAGIC", "StoreError", "is_store", "read_store", "store_notes", "write_store"]


def write_store(graph, path: str | os.PathLike, *, notes: dict | None = None) -> int:
    """Write ``graph`` to the store file ``path`` (atomically; same graph, same bytes); returns its size.

    Args:
        notes: JSON-able facts about where the graph came from (an import's manifest and unmatched
            names), kept in the header and read back by :func:`store_notes`; they do not affect the graph.
    """
    from graph.store.encode import encode_graph

    arrays, meta = encode_graph(graph)
    if notes is not None:
        meta = {**meta, "notes": notes}
    return write_container(path, arrays, meta)


def store_notes(path: str | os.PathLike) -> dict:
    """The ``notes`` a store file was written with (empty when none), once the file's checksum is verified.

    Raises:
        StoreError: not a store file, or damaged.
    """
    _, meta = read_container(path, verify=True)
    notes = meta.get("notes") or {}
    if not isinstance(notes, dict):
        raise damaged(path, "its notes are not a mapping")
    return dict(notes)


def read_store(path: str | os.PathLike, *, verify: bool = True):
    """Read a store file back into an :class:`graph.ActorGraph`.

    Args:
        verify: check the file's checksum first (the default: a damaged file must not load as another
            graph; the check costs one pass over the bytes, see ``benchmarks/store_verify.py``).

    Raises:
        StoreError: not a store file, damaged (with what was found and how to rebuild it), or written
            by an incompatible version.
    """
    from graph.store.decode import decode_graph

    arrays, meta = read_container(path, verify=verify)
    try:
        return decode_graph(arrays, meta)
    except StoreDamaged as exc:  # raised by the decoder, which does not know the file's name
        raise damaged(path, str(exc)) from None
    except StoreError as exc:  # another version or vocabulary
        raise StoreError(f"store {path}: {exc}") from None
    except (ActorGraphError, KeyError, IndexError, ValueError, TypeError, AttributeError, UnicodeDecodeError,
            RecursionError) as exc:  # a file that passed its checksum but was not written by write_store
        raise damaged(path, f"its content does not decode ({type(exc).__name__}: {exc})") from None


def is_store(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a file that starts like a store file."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False
