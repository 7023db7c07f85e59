"""Writing an import as a dataset folder: checked first, then swapped in whole.

The folder is built under a temporary name next to the target, read back with the ordinary loader
(against the reference graph, when the import points at its actors), and only then renamed into
place; a failure at any step leaves the target as it was. Records are sorted and nothing depends
on the clock, so the same input always gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from graph.exports.escaping import spreadsheet_cell
from loaders.dataset import read_dataset
from loaders.imports.bundle import Bundle
from loaders.imports.csvrows import ImportInputError
from loaders.problems import Problem
from ontology import DatasetInvalid

__all__ = ["MANIFEST", "STORE_SUFFIX", "WriteResult", "check_target", "clean_claim", "write_bundle",
           "write_store_bundle"]

MANIFEST = "import.json"
STORE_SUFFIX = ".agstore"
UNMATCHED = "unmatched.csv"
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True, slots=True)
class WriteResult:
    """Where the dataset went and what it holds."""

    path: Path
    actors: int
    sources: int
    claims: int
    unmatched: int


def _dump(value) -> str:
    return yaml.dump(
        value, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000, default_flow_style=False
    )


def _unmatched_csv(bundle: Bundle) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["scheme", "key", "name", "assigned_id", "first_seen"])
    for u in sorted(bundle.unmatched.values()):  # names from outside data: never a spreadsheet formula
        writer.writerow([spreadsheet_cell(v) for v in (u.scheme, u.key, u.name, u.assigned, u.first_seen)])
    return buf.getvalue()


def clean_claim(claim: dict) -> dict:
    """The claim without empty qualifiers (a missing value says as much, in fewer bytes)."""
    q = {k: v for k, v in (claim.get("qualifiers") or {}).items() if v}
    out = {k: v for k, v in claim.items() if k != "qualifiers"}
    if q:
        out["qualifiers"] = q
    return out


def _is_replaceable(path: Path) -> bool:
    return not path.exists() or (path.is_dir() and (not any(path.iterdir()) or (path / MANIFEST).is_file()))


def check_target(out: str | os.PathLike, *, store: bool, force: bool = False) -> None:
    """Refuse (ImportInputError) an ``out`` that is not an earlier import of the same kind, unless ``force``.

    A file is never replaced by a folder, nor a folder by a file, even with ``force``.
    """
    from graph.store import is_store

    out = Path(out)
    if store:
        if out.is_dir():
            raise ImportInputError(f"{out} is a folder; a store output is a file (FILE.agstore)")
        if out.exists() and not force and not (out.is_file() and is_store(out)):
            raise ImportInputError(f"{out} exists and is not a store file; choose another -o, or add --force "
                                   "to replace it")
        return
    if out.exists() and not out.is_dir():
        raise ImportInputError(f"{out} is a file; a dataset output is a folder (or name a FILE{STORE_SUFFIX})")
    if not force and not _is_replaceable(out):
        raise ImportInputError(
            f"{out} exists and is not an import folder (no {MANIFEST}); choose another -o, or add --force to "
            "replace it whole"
        )


def write_bundle(
    bundle: Bundle, out: str | os.PathLike, *, dataset: dict, manifest: dict, reference=None, force: bool = False
) -> WriteResult:
    """Write ``bundle`` as the dataset folder ``out``, replacing an earlier import there.

    Raises:
        DatasetInvalid: the records fail the dataset checks (nothing is written).
        ImportInputError: ``out`` exists and is not an earlier import (refuses to overwrite curated data).
    """
    out = Path(out)
    check_target(out, store=False, force=force)
    bundle.share_claim_ids()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        files = {
            "dataset.yaml": {"dataset": dataset},
            "actors.yaml": {"actors": [bundle.actors[k] for k in sorted(bundle.actors)]},
            "sources.yaml": {"sources": [bundle.sources[k] for k in sorted(bundle.sources)]},
            "claims.yaml": {"claims": [clean_claim(bundle.claims[k]) for k in sorted(bundle.claims)]},
        }
        for name, content in files.items():
            (tmp / name).write_text(_dump(content), encoding="utf-8")
        (tmp / UNMATCHED).write_text(_unmatched_csv(bundle), encoding="utf-8")
        counts = {
            "actors": len(bundle.actors),
            "sources": len(bundle.sources),
            "claims": len(bundle.claims),
            "unmatched": len(bundle.unmatched),
        }
        (tmp / MANIFEST).write_text(
            json.dumps(
                {**manifest, "counts": counts, "notes": sorted(set(bundle.notes))},
                indent=2,
                sort_keys=True,
                ensure_ascii=False,
            )
            + "\n",
            encoding="utf-8",
        )
        checked = read_dataset([tmp], existing=reference)
        if checked.problems:  # named after the target, never the temporary folder that is about to go
            raise DatasetInvalid([Problem(p.file.replace(str(tmp), str(out)), p.line, p.field, p.message)
                                  for p in checked.problems])
        _swap(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return WriteResult(out, counts["actors"], counts["sources"], counts["claims"], counts["unmatched"])


def _swap(tmp: Path, out: Path) -> None:
    """Put ``tmp`` where ``out`` is; the old folder is removed only once the new one is in place."""
    if not out.exists():
        os.replace(tmp, out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=out.parent))
    old.rmdir()
    os.replace(out, old)
    try:
        os.replace(tmp, out)
    except BaseException:
        os.replace(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _unmatched_rows(bundle: Bundle) -> list[dict]:
    return [
        {"scheme": u.scheme, "key": u.key, "name": u.name, "assigned_id": u.assigned, "first_seen": u.first_seen}
        for u in sorted(bundle.unmatched.values())
    ]


def write_store_bundle(
    bundle: Bundle, out: str | os.PathLike, *, dataset: dict, manifest: dict, reference=None, force: bool = False
) -> WriteResult:
    """Write ``bundle`` straight to the store file ``out``: no YAML written, none read back.

    The records pass the same checks as a dataset folder's (:func:`loaders.dataset.check_records`),
    in memory; a store cannot point outside itself, so with a ``reference`` graph the store holds the
    reference's records too, and loads alone. The import's manifest and unmatched names go into the
    store's header notes (``actorgraph crosswalk list --unmatched FILE`` reads them). The file is
    replaced atomically; the same input gives the same bytes. The bundle's claim records are
    released once checked, to keep the peak memory of large imports down.

    Raises:
        DatasetInvalid: the records fail the checks (nothing is written).
        ImportInputError: ``out`` exists and is not a store file.
    """
    from graph import ActorGraph
    from graph.store import write_store
    from loaders.dataset import check_records

    out = Path(out)
    check_target(out, store=True, force=force)
    bundle.share_claim_ids()
    counts = {
        "actors": len(bundle.actors),
        "sources": len(bundle.sources),
        "claims": len(bundle.claims),
        "unmatched": len(bundle.unmatched),
    }
    sections = {
        "actors": [bundle.actors[k] for k in sorted(bundle.actors)],
        "sources": [bundle.sources[k] for k in sorted(bundle.sources)],
        "claims": [clean_claim(bundle.claims[k]) for k in sorted(bundle.claims)],
    }
    checked = check_records(sections, origin=str(out), where=bundle.origins, existing=reference)
    if checked.problems:
        raise DatasetInvalid(checked.problems)
    del sections  # the checked model objects are all that is needed from here on
    bundle.claims.clear()  # nor are the claim records (the largest part of a big import): free them now
    graph = ActorGraph()
    if reference is not None:
        graph.add(actors=reference.actors, places=reference.places, sources=reference.sources,
                  claims=reference.all_claims())
    graph.add(actors=checked.actors, places=checked.places, sources=checked.sources, claims=checked.claims)
    notes = {
        "dataset": dataset,
        "import": {**manifest, "counts": counts, "notes": sorted(set(bundle.notes))},
        "unmatched": _unmatched_rows(bundle),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    write_store(graph, out, notes=notes)
    return WriteResult(out, counts["actors"], counts["sources"], counts["claims"], counts["unmatched"])
