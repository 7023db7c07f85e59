"""The datasets that ship inside the package."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["DEFAULT_DATASET", "bundled_dataset", "bundled_names"]

#: The dataset loaded when the user names none.
DEFAULT_DATASET = "syria"


def bundled_names() -> list[str]:
    """Names of the bundled datasets (folders under ``loaders/data``)."""
    root = resources.files("loaders").joinpath("data")
    # a dataset folder holds YAML records; crosswalks/ (CSV files that map outside names) is not one
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))
                  and any(c.name.endswith((".yaml", ".yml")) for c in p.iterdir()))


def bundled_dataset(name: str = DEFAULT_DATASET) -> Path:
    """The folder of a bundled dataset.

    Raises:
        FileNotFoundError: no bundled dataset has that name (the message lists those that exist).
    """
    path = Path(str(resources.files("loaders").joinpath("data", name)))
    if not path.is_dir():
        raise FileNotFoundError(f"no bundled dataset {name!r}; bundled: {', '.join(bundled_names())}")
    return path
