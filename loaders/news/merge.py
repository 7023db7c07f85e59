"""Writing reviewed candidates into a dataset folder, with the article as their source.

One YAML file per article (``news-<source id>.yaml``) holding the source and its claims, in the
format of loaders/FORMAT.md. Claim ids are hashes of the source and the claim's content, and the
file is rewritten whole, so merging the same article twice leaves the folder byte for byte the same.
The folder is checked with :func:`loaders.read_dataset` (together with the datasets it refers to)
before the file is kept; on any problem the previous state is restored (a folder the merge created
is removed again) and the problems raised. An article without an address cannot be a source (every
source has a ``url``), so it is refused before anything is written.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import yaml

from graph.outputs import replacing_file
from loaders.dataset import read_dataset
from loaders.discovery import dataset_files
from loaders.news.model import Candidate, Extraction, stable_id
from loaders.problems import Problem
from ontology import DatasetInvalid, OutputRefused

__all__ = ["merge_into", "article_records"]


def article_records(extraction: Extraction, candidates: Iterable[Candidate]) -> dict:
    """The source and claim records of one article, ready to write as YAML."""
    a = extraction.article
    source_id = a.source_id
    source = {"id": source_id, "title": a.title or f"{a.publisher or 'News'} report of {a.published}",
              "publisher": a.publisher or "unknown", "url": a.url or f"urn:actorgraph:news:{source_id}",
              "published": str(a.published), "language": "en"}
    claims: dict[str, dict] = {}
    for c in candidates:
        if not c.linked:
            continue
        claim_id = stable_id(source_id, c.subject, c.predicate, c.object, c.valid, prefix=f"{source_id}-", length=8)
        if claim_id in claims:  # the same claim from several sentences: keep the first quote, every support type
            if c.support_types:
                known = claims[claim_id].setdefault("support_types", [])
                known.extend(t for t in c.support_types if t not in known)
            continue
        record = {"id": claim_id, "subject": c.subject, "predicate": c.predicate, "object": c.object}
        if c.valid:
            record["valid"] = c.valid
        if c.support_types:
            record["support_types"] = list(c.support_types)
        if c.status != "confirmed":
            record["status"] = c.status
        record["sources"] = [{"id": source_id,
                              "note": f"Extracted by rule '{c.rule}' (confidence {c.confidence:.2f}) and reviewed.",
                              "quote": " ".join(c.sentence.split())}]
        claims[claim_id] = record
    return {"sources": [source], "claims": sorted(claims.values(), key=lambda r: r["id"])}


def merge_into(folder: str | os.PathLike, extraction: Extraction, candidates: Iterable[Candidate], *,
               context: Iterable[str | os.PathLike] = (), force: bool = False) -> Path:
    """Write the article's accepted candidates into ``folder``; returns the file written.

    Args:
        folder: the dataset folder (created if missing).
        context: other dataset paths the claims refer to (the actors and places); checked together.
        force: write into an existing folder even if it holds no dataset file.

    Raises:
        DatasetInvalid: the result would not load, or the article has no URL; the folder is left as it was.
        OutputRefused: ``folder`` is a file, or (unless ``force``) a non-empty folder with no dataset file.
    """
    folder = Path(folder)
    path = folder / f"news-{extraction.article.source_id}.yaml"
    if not extraction.article.url:
        raise DatasetInvalid([Problem(str(path), 0, "url", "the article has no address, and a source needs its "
                                                           "url: give the article's URL (--url)")])
    if folder.exists() and not folder.is_dir():
        raise OutputRefused(folder, f"{folder} is a file; --merge-into takes a dataset folder")
    if folder.is_dir() and not force and any(folder.iterdir()) and not dataset_files(folder)[0]:
        raise OutputRefused(folder, f"{folder} holds no dataset file (.yaml, .yml or a named .csv); nothing was "
                                    "written: give a dataset folder, a new one, or add --force")
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    records = article_records(extraction, candidates)
    text = "# Claims extracted from a news article by `actorgraph extract`; the article is the source.\n"
    text += yaml.safe_dump(records, sort_keys=False, allow_unicode=True, width=100)
    old = path.read_bytes() if path.is_file() else None
    if old == text.encode("utf-8"):
        return path
    try:
        with replacing_file(path) as tmp:
            tmp.write_text(text, encoding="utf-8")
        others = [Path(p) for p in context if Path(p).resolve() != folder.resolve()]
        checked = read_dataset([*others, folder])
        if checked.problems:
            raise DatasetInvalid(checked.problems)
    except BaseException:
        if old is None:
            path.unlink(missing_ok=True)
        else:
            with replacing_file(path) as tmp:
                tmp.write_bytes(old)
        if created:
            _remove_if_empty(folder)
        raise
    return path


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:  # not empty: something else was put there meanwhile
        pass
