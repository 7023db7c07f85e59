"""Bringing data in: curated dataset folders (YAML and CSV), and the bundled datasets.

Builds on :mod:`graph` and :mod:`ontology`. ``load_datasets`` is all or nothing: a dataset with a
problem anywhere raises :class:`ontology.DatasetInvalid` listing every problem with file, line and field.
"""

from loaders.bundled import DEFAULT_DATASET, bundled_dataset, bundled_names
from loaders.dataset import Dataset, load_datasets, read_dataset, validate_paths
from loaders.problems import Problem

__all__ = [
    "DEFAULT_DATASET",
    "Dataset",
    "Problem",
    "bundled_dataset",
    "bundled_names",
    "load_datasets",
    "read_dataset",
    "validate_paths",
]
