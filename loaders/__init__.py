"""Bringing data in: curated dataset folders (YAML and CSV), and the bundled datasets.

Builds on :mod:`graph` and :mod:`ontology`. ``load_datasets`` is all or nothing: a dataset with a
problem anywhere raises :class:`ontology.DatasetInvalid` listing every problem with file, line and field.
``load_cached`` gives the same graph from a cache keyed by the files' content, without reading
YAML or checking records again when nothing changed.

The names below are imported when first used (PEP 562): the schema checker and YAML reader cost a
few hundred milliseconds, which a command answered from the cache never pays.
"""

from __future__ import annotations

from graph.lazy import lazy_exports

__all__ = [
    "DEFAULT_DATASET",
    "Dataset",
    "Loaded",
    "Problem",
    "bundled_dataset",
    "bundled_names",
    "load_cached",
    "load_datasets",
    "read_dataset",
    "validate_paths",
]

_HOME = {
    "DEFAULT_DATASET": "loaders.bundled", "bundled_dataset": "loaders.bundled", "bundled_names": "loaders.bundled",
    "Dataset": "loaders.dataset", "load_datasets": "loaders.dataset", "read_dataset": "loaders.dataset",
    "validate_paths": "loaders.dataset",
    "Loaded": "loaders.cache", "load_cached": "loaders.cache",
    "Problem": "loaders.problems",
}


__getattr__, __dir__ = lazy_exports(__name__, _HOME)
