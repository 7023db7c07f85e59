"""What an import produces before it is written: actors, sources and claims as dataset records.

Records are plain dicts in the dataset format of ``loaders/FORMAT.md``, so the writer can dump them
as they are and the ordinary loader can check them. Problems (a malformed row) and unmatched names
(an outside actor no crosswalk entry or reference actor matched) are collected, never dropped.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field

from loaders.problems import Problem

__all__ = ["Bundle", "RowProblem", "Unmatched", "slug", "short_hash"]

_NON_ID = re.compile(r"[^a-z0-9]+")


def slug(text: str, *, limit: int = 60) -> str:
    """An id-safe version of ``text``: ASCII lower case, runs of other characters as one '-'.

    >>> slug("Military Forces of Syria (2000-2024)")
    'military-forces-of-syria-2000-2024'
    >>> slug("Hayʼat Taḥrīr al-Shām")
    'hayat-tahrir-al-sham'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().replace("ʼ", "").replace("'", "")
    out = _NON_ID.sub("-", text).strip("-")[:limit].strip("-")
    return out or "x" + short_hash(text)


def short_hash(*parts: str) -> str:
    """Eight hex digits that stand for ``parts`` (stable across runs and machines)."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:8]


class RowProblem(ValueError):
    """One input row that cannot be imported as it is (the importer records it with file and line)."""

    def __init__(self, fieldname: str, message: str) -> None:
        super().__init__(message)
        self.field = fieldname


@dataclass(frozen=True, slots=True, order=True)
class Unmatched:
    """An outside actor that matched nothing in the crosswalk or the reference data: a new actor was made."""

    scheme: str
    key: str
    name: str
    assigned: str
    first_seen: str


@dataclass
class Bundle:
    """Records being built by one import, keyed by id so that repeated rows merge."""

    actors: dict[str, dict] = field(default_factory=dict)
    sources: dict[str, dict] = field(default_factory=dict)
    claims: dict[str, dict] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    unmatched: dict[tuple[str, str], Unmatched] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    origins: dict[str, str] = field(default_factory=dict)  # claim id -> "file:line" of the row it came from
    tag: str = ""  # namespaces the ids this import makes, so that two imports load together
    set_aside: dict[tuple[str, str], int] = field(default_factory=dict)  # (category, name) -> rows not made sides
    skipped: list[Problem] = field(default_factory=list)  # bad rows left out under --skip-bad-rows
    pending: dict = field(default_factory=dict)  # state a reader keeps across the files of one import

    def ns(self, scheme: str, local: str) -> str:
        """The id ``local`` of SCHEME in this import's namespace (``acled.feb2020-1a2b3c.hts``).

        >>> Bundle(tag="x-1").ns("acled", "hts")
        'acled.x-1.hts'
        """
        return f"{scheme}.{self.tag}.{local}" if self.tag else f"{scheme}-{local}"

    def claim_id(self, scheme: str, subject: str, predicate: str, obj: str, suffix: str) -> str:
        """A claim id in this import's namespace, naming its actors without their own namespace prefix.

        >>> Bundle(tag="t").claim_id("acled", "acled.t.free-syrian-army", "allied_with", "hts", "2024-11-27")
        'acled.t.free-syrian-army-allied-with-hts-2024-11-27'
        """
        def local(actor_id: str) -> str:
            parts = actor_id.split(".", 2)
            return parts[2] if len(parts) == 3 and parts[1] == self.tag else actor_id

        return self.ns(scheme, f"{local(subject)}-{predicate.replace('_', '-')}-{local(obj)}-{suffix}")

    def share_claim_ids(self) -> None:
        """Give claims between outside actors (the reference's, not this import's own) ids by content.

        The same relation imported from two files then has the same id in both imports, and loading
        them together makes it one claim citing both sources (``loaders.dataset`` merges records that
        share an id and say the same thing); claims about this import's own actors keep its namespace.
        """
        prefix = f".{self.tag}." if self.tag else None
        renamed: dict[str, dict] = {}
        for cid, claim in self.claims.items():
            ends = (claim["subject"], claim["object"])
            if prefix is None or any(prefix in e for e in ends):
                renamed[cid] = claim
                continue
            scheme = cid.split(".", 1)[0]
            statement = json.dumps([claim.get(k) for k in ("subject", "predicate", "object", "valid", "status",
                                                           "support_types", "qualifiers")], sort_keys=True)
            new = (f"{scheme}.{slug(claim['subject'])}-{claim['predicate'].replace('_', '-')}-"
                   f"{slug(claim['object'])}-{short_hash(statement)}")
            renamed[new] = {**claim, "id": new}
            if cid in self.origins:
                self.origins[new] = self.origins.pop(cid)
        self.claims = renamed

    def problem(self, file: str, line: int, fieldname: str, message: str) -> None:
        self.problems.append(Problem(file, line, fieldname, message))

    def add_actor(self, record: dict) -> str:
        """Add an actor record, or merge its aliases and external ids into the one with the same id."""
        old = self.actors.get(record["id"])
        if old is None:
            self.actors[record["id"]] = record
            return record["id"]
        names = {old["name"], *old.get("aliases", ())}
        extra = [a for a in (record["name"], *record.get("aliases", ())) if a not in names]
        if extra:
            old["aliases"] = [*old.get("aliases", ()), *extra]
        for k, v in record.get("external_ids", {}).items():
            old.setdefault("external_ids", {}).setdefault(k, v)
        return old["id"]

    def add_source(self, record: dict) -> str:
        self.sources.setdefault(record["id"], record)
        return record["id"]

    def add_claim(self, record: dict, *, where: str | None = None) -> None:
        """Add a claim record; ``where`` ("file:line") lets a later check point at the input row.

        A claim with the id of one already added (the same relation from another row or file) is merged
        into it: one claim citing the sources of both.
        """
        old = self.claims.get(record["id"])
        if old is None:
            self.claims[record["id"]] = record
        else:
            cited = {c["id"] for c in old.get("sources", ())}
            old["sources"] = [*old.get("sources", ()), *(c for c in record.get("sources", ()) if c["id"] not in cited)]
        if where:
            self.origins.setdefault(record["id"], where)
