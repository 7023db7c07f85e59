"""Writing reviewed candidates into a dataset folder, with the article as their source.

One YAML file per article (``news-<source id>.yaml``) holding the source and its claims, in the
format of loaders/FORMAT.md. Claim ids are hashes of the source and the claim's content, and the
file is rewritten whole, so merging the same article twice leaves the folder byte for byte the same.
The folder is checked with :func:`loaders.read_dataset` (together with the datasets it refers to)
before the file is kept; on any problem the previous state is restored and the problems raised.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import yaml

from loaders.dataset import read_dataset
from loaders.news.model import Candidate, Extraction, stable_id
from ontology import DatasetInvalid

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
               context: Iterable[str | os.PathLike] = ()) -> Path:
    """Write the article's accepted candidates into ``folder``; returns the file written.

    Args:
        folder: the dataset folder (created if missing).
        context: other dataset paths the claims refer to (the actors and places); checked together.

    Raises:
        DatasetInvalid: the result would not load; the folder is left as it was.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    records = article_records(extraction, candidates)
    path = folder / f"news-{extraction.article.source_id}.yaml"
    text = "# Claims extracted from a news article by `actorgraph extract`; the article is the source.\n"
    text += yaml.safe_dump(records, sort_keys=False, allow_unicode=True, width=100)
    old = path.read_text(encoding="utf-8") if path.exists() else None
    if old == text:
        return path
    path.write_text(text, encoding="utf-8")
    others = [Path(p) for p in context if Path(p).resolve() != folder.resolve()]
    checked = read_dataset([*others, folder])
    if checked.problems:
        if old is None:
            path.unlink()
        else:
            path.write_text(old, encoding="utf-8")
        raise DatasetInvalid(checked.problems)
    return path
