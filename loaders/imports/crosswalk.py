"""The crosswalk: the one place where an outside name or id is mapped to a graph actor.

Each entry says "in SCHEME (``ucdp``, ``acled``, ``wikidata``, ``name``...), KEY means ACTOR", optionally
only FROM/TO (EDTF dates; TO exclusive), because an outside name may have meant one actor in one
period and another later ("Military Forces of Syria" before and after December 2024). The file is
CSV (``scheme,key,actor,from,to,note``) so it is easy to review and edit; ``actorgraph crosswalk``
lists and sets entries. Keys come from outside data, so a key that would start a spreadsheet formula
is written with a leading apostrophe and read back without it (:mod:`graph.exports.escaping`).

:class:`loaders.imports.resolver.Resolver` applies it during an import. Crosswalks can be layered: the
user's own file first, then the one shipped with a bundled dataset (``loaders/data/crosswalks/``).
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from graph.exports.escaping import spreadsheet_cell, spreadsheet_value
from graph.textfile import text_lines
from graph.time import PartialDate
from loaders.csvfile import csv_error
from ontology import ActorGraphError

__all__ = ["Crosswalk", "CrosswalkEntry", "CrosswalkError", "norm_key"]

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
    origin: str = field(default="", compare=False)  # "file:line" the entry was read from

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

    def __init__(
        self,
        entries: list[CrosswalkEntry] | None = None,
        path: Path | None = None,
        *,
        fallback: Crosswalk | None = None,
    ) -> None:
        self.entries = sorted(entries or [])
        self.path = path
        self.fallback = fallback  # consulted when no entry of this crosswalk applies (the shipped ones)
        self._by_key: dict[tuple[str, str], list[CrosswalkEntry]] = {}
        for e in self.entries:
            self._by_key.setdefault((e.scheme, _norm(e.key)), []).append(e)

    def with_fallback(self, fallback: Crosswalk | None) -> Crosswalk:
        """This crosswalk, consulting ``fallback`` for keys it has no applicable entry for."""
        if fallback is None or not fallback.entries:
            return self
        return Crosswalk(self.entries, self.path, fallback=fallback)

    @classmethod
    def load_many(cls, paths) -> Crosswalk:
        """The entries of several crosswalk files, as one crosswalk (a key's entries from all of them)."""
        entries: list[CrosswalkEntry] = []
        for p in paths:
            entries += cls.load(p).entries
        return cls(entries)

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
                        values["scheme"], values["key"], values["actor"], values["from"], values["to"], values["note"],
                        origin=f"{path}:{start}",
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
        entry = self.find(scheme, key, day)
        return entry.actor if entry else None

    def has(self, scheme: str, key: str) -> bool:
        """Whether any entry (of any period) maps KEY of SCHEME."""
        return (scheme, _norm(key)) in self._by_key or (self.fallback is not None and self.fallback.has(scheme, key))

    def find(self, scheme: str, key: str, day: int | None = None) -> CrosswalkEntry | None:
        """The entry that maps KEY of SCHEME on ``day`` (this crosswalk's own first, then the fallback's)."""
        for e in self._by_key.get((scheme, _norm(key)), ()):
            if e.covers(day):
                return e
        return self.fallback.find(scheme, key, day) if self.fallback is not None else None

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
        return Crosswalk([*kept, entry], self.path, fallback=self.fallback)

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


def norm_key(key: str) -> str:
    """How crosswalk keys compare: spaces collapsed, case folded."""
    return " ".join(key.split()).casefold()


_norm = norm_key
