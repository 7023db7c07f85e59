"""The crosswalk: the one place where an outside name or id is mapped to a graph actor.

Each entry says "in SCHEME (``ucdp``, ``acled``, ``wikidata``, ``name``...), KEY means ACTOR", optionally
only FROM/TO (EDTF dates; TO exclusive), because an outside name may have meant one actor in one
period and another later ("Military Forces of Syria" before and after December 2024). The file is
CSV (``scheme,key,actor,from,to,note``) so it is easy to review and edit; ``actorgraph crosswalk``
lists and sets entries. Keys come from outside data, so a key that would start a spreadsheet formula
is written with a leading apostrophe and read back without it (:mod:`graph.exports.escaping`).

:class:`Resolver` applies it during an import: crosswalk first, then the reference graph's
external ids, then its names and aliases; whatever is left becomes a new actor and is reported as
unmatched, so nothing is silently dropped or silently merged.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from graph.exports.escaping import spreadsheet_cell, spreadsheet_value
from graph.integrity import outside_existence
from graph.textfile import text_lines
from graph.time import Interval, PartialDate
from loaders.csvfile import csv_error
from loaders.imports.bundle import Bundle, Unmatched, slug
from ontology import ActorGraphError

__all__ = ["Crosswalk", "CrosswalkEntry", "CrosswalkError", "Resolver"]

HEADER = ["scheme", "key", "actor", "from", "to", "note"]


class CrosswalkError(ActorGraphError, ValueError):
    """A crosswalk file or entry that cannot be used as it is."""


@dataclass(frozen=True, slots=True, order=True)
class CrosswalkEntry:
    """SCHEME's KEY means ACTOR, from ``start`` (inclusive) to ``end`` (exclusive) when given."""

    scheme: str
    key: str
    actor: str
    start: str = ""
    end: str = ""
    note: str = ""

    def covers(self, day: int | None) -> bool:
        """Whether the entry applies on ordinal ``day`` (an entry without a span applies always)."""
        if not self.start and not self.end:
            return True
        if day is None:
            return False
        if self.start and day < PartialDate.parse(self.start).first_day:
            return False
        return not (self.end and day >= PartialDate.parse(self.end).last_day)


class Crosswalk:
    """Entries from a crosswalk file (an empty crosswalk when the file does not exist yet)."""

    def __init__(self, entries: list[CrosswalkEntry] | None = None, path: Path | None = None) -> None:
        self.entries = sorted(entries or [])
        self.path = path
        self._by_key: dict[tuple[str, str], list[CrosswalkEntry]] = {}
        for e in self.entries:
            self._by_key.setdefault((e.scheme, _norm(e.key)), []).append(e)

    @classmethod
    def load(cls, path: str | os.PathLike | None) -> Crosswalk:
        """Read a crosswalk CSV file.

        Raises:
            CrosswalkError: a row lacks scheme, key or actor, has a bad date or a span that covers no day,
                or is not CSV (with file and line).
            InputFileError: the file cannot be read, or has bad bytes (with line and column).
        """
        if path is None:
            return cls()
        path = Path(path)
        if not path.exists() and not path.is_symlink():
            return cls(path=path)
        entries = []
        lines = text_lines(path, display=str(path))
        reader = csv.DictReader(lines, strict=True)
        start = 1
        try:
            missing = {"scheme", "key", "actor"} - {(f or "").strip() for f in reader.fieldnames or ()}
            if missing:
                raise CrosswalkError(
                    f"{path}:1: the header must have the columns {', '.join(HEADER)} "
                    f"(missing: {', '.join(sorted(missing))})"
                )
            start = reader.line_num + 1
            for row in reader:
                values = {k: spreadsheet_value((row.get(k) or "").strip()) for k in HEADER}
                if not (values["scheme"] and values["key"] and values["actor"]):
                    raise CrosswalkError(f"{path}:{start}: scheme, key and actor are all required")
                try:
                    _check_span(values["from"], values["to"])
                except CrosswalkError as exc:
                    raise CrosswalkError(f"{path}:{start}: {exc}") from None
                entries.append(
                    CrosswalkEntry(
                        values["scheme"], values["key"], values["actor"], values["from"], values["to"], values["note"]
                    )
                )
                start = reader.line_num + 1
        except csv.Error as exc:
            line, message = csv_error(exc, start, reader.line_num)
            raise CrosswalkError(f"{path}:{line}: {message}") from None
        finally:
            lines.close()
        return cls(entries, path)

    def lookup(self, scheme: str, key: str, day: int | None = None) -> str | None:
        """The actor id KEY stands for in SCHEME on ``day``, or ``None``."""
        for e in self._by_key.get((scheme, _norm(key)), ()):
            if e.covers(day):
                return e.actor
        return None

    def set(self, entry: CrosswalkEntry) -> Crosswalk:
        """A crosswalk with ``entry`` added, replacing any entry for the same scheme, key and span.

        Raises:
            CrosswalkError: a bad date, or a ``to`` that is not after ``from`` (the entry would cover no day).
        """
        _check_span(entry.start, entry.end)
        kept = [
            e
            for e in self.entries
            if (e.scheme, _norm(e.key), e.start, e.end) != (entry.scheme, _norm(entry.key), entry.start, entry.end)
        ]
        return Crosswalk([*kept, entry], self.path)

    def text(self) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(HEADER)
        for e in self.entries:
            writer.writerow([spreadsheet_cell(v) for v in (e.scheme, e.key, e.actor, e.start, e.end, e.note)])
        return buf.getvalue()

    def save(self, path: str | os.PathLike | None = None) -> Path:
        """Write the crosswalk (sorted, so the same entries give the same file) atomically."""
        target = Path(path or self.path or "crosswalk.csv")
        if target.is_dir():
            raise CrosswalkError(f"{target} is a folder; give the crosswalk's file name "
                                 f"(e.g. {target / 'crosswalk.csv'})")
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                out.write(self.text())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return target


def _check_span(start: str, end: str) -> None:
    """Both dates valid EDTF, and ``end`` (exclusive) after some day of ``start``, or a CrosswalkError."""
    dates = {}
    for name, text in (("from", start), ("to", end)):
        if text:
            try:
                dates[name] = PartialDate.parse(text)
            except ActorGraphError as exc:
                raise CrosswalkError(f"{name}: {exc}") from None
    if len(dates) == 2 and dates["to"].last_day <= dates["from"].first_day:
        raise CrosswalkError(f"to {end} is not after from {start}: the entry would apply on no day; "
                             "give the earlier date as from and the later as to")


def _norm(key: str) -> str:
    return " ".join(key.split()).casefold()


class Resolver:
    """Turns outside actors into graph actor ids for one import, recording what it could not match."""

    def __init__(self, bundle: Bundle, crosswalk: Crosswalk | None = None, reference=None) -> None:
        self.bundle = bundle
        self.crosswalk = crosswalk or Crosswalk()
        self.reference = reference
        self._by_external: dict[tuple[str, str], list[str]] = {}
        if reference is not None:
            for a in reference.actors:
                for scheme, value in a.external_ids.items():
                    self._by_external.setdefault((scheme, _norm(str(value))), []).append(a.id)
        self._cache: dict[tuple, str | None] = {}
        self._made: dict[tuple, str] = {}

    def actor(
        self,
        scheme: str,
        key: str,
        name: str,
        *,
        day: int | None = None,
        valid: str | None = None,
        kind: str = "armed_group",
        where: str = "",
        match_name: str | None = None,
        forces_of: str | None = None,
        **fields,
    ) -> str:
        """The graph id of the outside actor KEY (called NAME) of SCHEME, on ``day`` or during ``valid``.

        ``valid`` (EDTF, e.g. the year of a UCDP row) is when the outside actor took part in what is
        being imported; a reference actor found by id or name but not in existence then is not taken
        (an id kept across renamings goes to the earlier name's actor through ``successor_of``).
        ``match_name`` is the name tried against the reference graph's names (default ``name``);
        ``forces_of`` names a country when the outside actor is its state's military (ACLED's "Military
        Forces of Syria (2000-2024)"): with no match by name, the one reference ``armed_forces`` actor of
        that state's country alive then is taken; ``fields`` (aliases, country, founded, dissolved,
        description) go into a new actor's record.
        """
        span = Interval.parse(valid) if valid else (Interval.parse(date.fromordinal(day).isoformat()) if day else None)
        if day is None and span is not None and isinstance(span.start, PartialDate):
            day = span.start.first_day
        target = self.crosswalk.lookup(scheme, key, day)
        if target is None and match_name and match_name != key:
            target = self.crosswalk.lookup(scheme, match_name, day)
        if target is not None:
            if self.reference is None or target not in self.reference:
                self._new(target, name, kind, scheme, key, fields)
            return target
        cache_key = (scheme, key, span)
        if cache_key not in self._cache:
            found = self._in_reference(scheme, key, match_name or name, span)
            if found is None and forces_of:
                found = self._forces_of(forces_of, span)
            self._cache[cache_key] = found
        found = self._cache[cache_key]
        if found is None:
            made_key = None if fields else (scheme, key, name, kind)  # a repeat adds nothing to the record
            found = self._made.get(made_key) if made_key else None
            if found is None:
                found = self._new(f"{scheme}-{slug(key)}", self._free_name(name, scheme, key), kind, scheme, key,
                                  fields)
                self.bundle.unmatched.setdefault((scheme, key), Unmatched(scheme, key, name, found, where))
                if made_key:
                    self._made[made_key] = found
        return found

    def _in_reference(self, scheme: str, key: str, name: str, span: Interval | None) -> str | None:
        """The reference actor KEY or NAME stands for during ``span``, or ``None``."""
        if self.reference is None:
            return None
        hits = self._by_external.get((scheme, _norm(key)))
        by_id = hits is not None
        if hits is None:
            hits = self.reference.named(name, places=False)
            if len(hits) != 1:  # unknown, or ambiguous: no guess
                return None
        if span is None:
            return hits[0]
        for hit in hits:
            for candidate in (hit, *self._predecessors(hit)) if by_id else (hit,):
                if not outside_existence(span, self.reference.get(candidate)):
                    if candidate != hit:
                        self.bundle.notes.append(
                            f"{scheme} {key} ({name}) is {hit!r} in the reference data, which did not exist in "
                            f"{span.edtf or span}; taken as its earlier name {candidate!r}"
                        )
                    return candidate
        self.bundle.notes.append(
            f"{scheme} {key} ({name}) would match {hits[0]!r} by {'id' if by_id else 'name'}, but that actor "
            f"did not exist in {span.edtf or span}; rows of then went to a new actor (map them with "
            f"'actorgraph crosswalk set {scheme} {key} ACTOR --from ... --to ...')"
        )
        return None

    def _forces_of(self, country: str, span: Interval | None) -> str | None:
        """The reference's one ``armed_forces`` actor of the state called ``country``, alive during ``span``."""
        if self.reference is None:
            return None
        states = [self.reference.get(i) for i in self.reference.named(country, places=False)]
        codes = {a.country for a in states if a.kind.value == "state" and a.country}
        if len(codes) != 1:
            return None
        forces = [a.id for a in self.reference.actors if a.kind.value == "armed_forces" and a.country in codes
                  and (span is None or not outside_existence(span, a))]
        return forces[0] if len(forces) == 1 else None

    def _free_name(self, name: str, scheme: str, key: str) -> str:
        """``name``, or ``name (SCHEME KEY)`` when a reference actor is already called so (names must stay unique)."""
        if self.reference is None or scheme == "name" or not self.reference.named(name):
            return name
        return f"{name} ({scheme} {key})"

    def _predecessors(self, actor_id: str) -> list[str]:
        """Actors ``actor_id`` continues under a new name (``successor_of``), nearest first."""
        out, frontier = [], [actor_id]
        while frontier:
            node = frontier.pop(0)
            for c in self.reference.claims(subject=node, predicate="successor_of"):
                if c.object not in out and c.object != actor_id:
                    out.append(c.object)
                    frontier.append(c.object)
        return out

    def _new(self, actor_id: str, name: str, kind: str, scheme: str, key: str, fields: dict) -> str:
        record = {"id": actor_id, "name": name, "kind": kind}
        aliases = [a for a in dict.fromkeys(fields.pop("aliases", ()) or ()) if a and a != name]
        if aliases:
            record["aliases"] = aliases
        record.update({k: v for k, v in fields.items() if v})
        record["external_ids"] = {scheme: key} if scheme != "name" else {}
        if not record["external_ids"]:
            del record["external_ids"]
        return self.bundle.add_actor(record)
