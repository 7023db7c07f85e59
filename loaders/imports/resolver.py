"""Turning the outside actors of one import into graph actor ids, on the day each row speaks of.

Order of trial, for the outside key and each of its alternative spellings (``keys``, most specific
first: ACLED's full string, then without its suffixes, its base name, its acronym):

1. the crosswalk (the user's, then the one shipped with the ``--data`` dataset), for that day;
2. the reference graph's external ids (an id kept across renamings goes back through ``successor_of``
   to the actor of the name in use then);
3. the reference graph's names and aliases (folded: case, accents, apostrophes and dashes ignored);
4. for a state's forces (``forces_of``), the reference's one ``armed_forces`` actor of that state (its units,
   ``part_of`` another, left out).

A reference actor is only taken for a row dated within its lifetime. Whatever is left becomes a new
actor, in this import's id namespace, and is reported as unmatched, so nothing is silently dropped
or silently merged. A crosswalk entry that sends a row to an actor that did not exist on its day is
an error naming the crosswalk's file and line and the input row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from graph.integrity import outside_existence
from graph.time import Interval, PartialDate
from loaders.imports.bundle import Bundle, RowProblem, Unmatched, slug
from loaders.imports.crosswalk import Crosswalk, norm_key

__all__ = ["Resolver"]


@lru_cache(maxsize=65536)
def _span(valid: str | None, day: int | None) -> tuple[Interval | None, int | None]:
    """The interval a row speaks of, and its first day (for crosswalk entries), from EDTF text or a day."""
    span = Interval.parse(valid) if valid else (Interval.parse(date.fromordinal(day).isoformat()) if day else None)
    if day is None and span is not None and isinstance(span.start, PartialDate):
        day = span.start.first_day
    return span, day


class Resolver:
    """Resolves outside actors for one import, recording what it could not match."""

    def __init__(self, bundle: Bundle, crosswalk: Crosswalk | None = None, reference=None) -> None:
        self.bundle = bundle
        self.crosswalk = crosswalk or Crosswalk()
        self.reference = reference
        self._by_external: dict[tuple[str, str], list[str]] = {}
        if reference is not None:
            for a in reference.actors:
                for scheme, value in a.external_ids.items():
                    self._by_external.setdefault((scheme, norm_key(str(value))), []).append(a.id)
        self._cache: dict[tuple, str | None] = {}
        self._made: dict[tuple, str] = {}
        self._not_alive: dict[tuple[str, str], list] = {}  # (scheme, key) -> [actor, how, first span, count]
        self._hits: dict[tuple, tuple[list[str] | None, bool]] = {}  # (scheme, key, names) -> (actor ids, by id)
        self._forces: dict[str, list] = {}  # country name -> its state's armed-forces actors
        self._earlier: dict[str, list[str]] = {}  # actor id -> its predecessors through successor_of

    def flush_notes(self) -> None:
        """Add one note per outside actor a reference actor was refused for (it did not exist then)."""
        for (scheme, key), (hit, how, first, count) in sorted(self._not_alive.items()):
            more = f" and {count - 1} other date(s)" if count > 1 else ""
            self.bundle.notes.append(
                f"{scheme} {key} would match {hit!r} by {how}, but that actor did not exist in {first}{more}; "
                f"rows of then went to a new actor (map them with 'actorgraph crosswalk set {scheme} {key!r} "
                f"ACTOR --from ... --to ...')"
            )
        self._not_alive.clear()

    def kind_of(self, actor_id: str) -> str | None:
        """The kind of a resolved actor (reference or new), or ``None``."""
        record = self.bundle.actors.get(actor_id)
        if record is not None:
            return record["kind"]
        if self.reference is not None and actor_id in self.reference:
            return self.reference.get(actor_id).kind.value
        return None

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
        keys: Sequence[str] = (),
        forces_of: str | None = None,
        category: str = "",
        **fields,
    ) -> str | None:
        """The graph id of the outside actor KEY (called NAME) of SCHEME, on ``day`` or during ``valid``.

        ``valid`` (EDTF, e.g. the year of a UCDP row) is when the outside actor took part in what is
        being imported; a reference actor not in existence then is not taken. ``keys`` (or the single
        ``match_name``) are further spellings tried after KEY; ``forces_of`` names a country when the
        outside actor is its state's military. With a ``category`` (placeholder, civilians), an actor
        that nothing matches is set aside instead of made: ``None`` is returned and the name counted in
        ``bundle.set_aside``. ``fields`` (aliases, country, founded, dissolved, description) go into a new
        actor's record.

        Raises:
            RowProblem: a crosswalk entry maps the actor to one that did not exist then.
        """
        tried = [key, *(k for k in (*keys, match_name or "") if k and k != key)]
        span = None
        if any(self.crosswalk.has(scheme, k) for k in tried):
            span, day = _span(valid, day)
            for k in tried:
                entry = self.crosswalk.find(scheme, k, day)
                if entry is not None:
                    return self._crosswalked(entry, scheme, k, name, kind, span, where, fields)
        # without reference data the day does not matter: one resolution per outside actor
        cache_key = (scheme, key) if self.reference is None else (scheme, key, valid, day)
        if cache_key not in self._cache:
            if self.reference is not None and span is None:
                span, day = _span(valid, day)
            found = self._in_reference(scheme, key, tried[1:] or [name], span)
            if found is None and forces_of:
                found = self._forces_of(forces_of, span)
            self._cache[cache_key] = found
        found = self._cache[cache_key]
        if found is None and category:
            self.bundle.set_aside[(category, name)] = self.bundle.set_aside.get((category, name), 0) + 1
            return None
        if found is None:
            made_key = (scheme, key, name, kind)
            found = self._made.get(made_key)
            if found is None or fields.get("aliases"):  # a repeat adds nothing to the record, unless new aliases
                found = self._new(self.bundle.ns(scheme, slug(key)), self._free_name(name, scheme, key), kind,
                                  scheme, key, fields)
                self.bundle.unmatched.setdefault((scheme, key), Unmatched(scheme, key, name, found, where))
                self._made[made_key] = found
        return found

    def _crosswalked(self, entry, scheme, key, name, kind, span, where, fields) -> str:
        target = entry.actor
        if self.reference is None or target not in self.reference:
            self._new(target, name, kind, scheme, key, fields)
            return target
        if span is not None and outside_existence(span, self.reference.get(target)):
            a = self.reference.get(target)
            life = f"{a.founded or '..'} to {a.dissolved or '..'}"
            raise RowProblem(
                "crosswalk",
                f"the crosswalk entry at {entry.origin or 'set in memory'} maps {scheme} {key!r} to {target!r}, "
                f"which existed {life}, not on {span.edtf or span}; give the entry from/to dates that fit "
                f"that lifetime and map the other period to another actor",
            )
        return target

    def _in_reference(self, scheme: str, key: str, names: Sequence[str], span: Interval | None) -> str | None:
        """The reference actor KEY or one of NAMES stands for during ``span``, or ``None``."""
        if self.reference is None:
            return None
        looked = (scheme, key, tuple(names))
        if looked not in self._hits:  # which actors the key or names denote does not depend on the day
            hits = self._by_external.get((scheme, norm_key(key)))
            by_id = hits is not None
            if hits is None:
                for candidate in names:
                    hits = self.reference.named(candidate, places=False)
                    if hits:
                        break
                if not hits or len(hits) != 1:  # unknown, or ambiguous: no guess
                    hits = None
            self._hits[looked] = (hits, by_id)
        hits, by_id = self._hits[looked]
        if hits is None:
            return None
        if span is None:
            return hits[0]
        for hit in hits:
            for candidate in (hit, *self._predecessors(hit)) if by_id else (hit,):
                if not outside_existence(span, self.reference.get(candidate)):
                    if candidate != hit:
                        self.bundle.notes.append(
                            f"{scheme} {key} is {hit!r} in the reference data, which did not exist in "
                            f"{span.edtf or span}; taken as its earlier name {candidate!r}"
                        )
                    return candidate
        seen = self._not_alive.setdefault((scheme, key), [hits[0], "id" if by_id else "name", span.edtf or span, 0])
        seen[3] += 1
        return None

    def _forces_of(self, country: str, span: Interval | None) -> str | None:
        """The reference's one ``armed_forces`` actor of the state called ``country``, alive during ``span``.

        Its units (a division, a guard recorded ``part_of`` another armed-forces actor of the state) are not
        "the military forces of" the state, nor is the security force of an armed group (``part_of`` an armed
        group or militia during ``span``): only the forces that are part of no other body but the state's count.
        """
        if self.reference is None:
            return None
        if country not in self._forces:
            states = [self.reference.get(i) for i in self.reference.named(country, places=False)]
            codes = {a.country for a in states if a.kind.value == "state" and a.country}
            forces = [a for a in self.reference.actors if a.kind.value == "armed_forces"
                      and len(codes) == 1 and a.country in codes]
            ids = {a.id for a in forces}
            units = {c.subject for a in forces for c in self.reference.claims(subject=a.id, predicate="part_of")
                     if c.object in ids}
            self._forces[country] = [a for a in forces if a.id not in units]
        forces = [a.id for a in self._forces[country] if (span is None or not outside_existence(span, a))
                  and not self._part_of_a_group(a.id, span)]
        return forces[0] if len(forces) == 1 else None

    def _part_of_a_group(self, actor_id: str, span: Interval | None) -> bool:
        """Whether ``actor_id`` is recorded as part of an armed group or militia at some time in ``span``."""
        for c in self.reference.claims(subject=actor_id, predicate="part_of"):
            whole = self.reference.get(c.object)
            if whole is None or whole.kind.value not in ("armed_group", "militia"):
                continue
            if span is None or (c.valid.possible_from < span.possible_to and span.possible_from < c.valid.possible_to):
                return True
        return False

    def country_code(self, country: str) -> str | None:
        """The ISO code of the reference state called ``country`` (for a new actor's ``country``), or ``None``."""
        if self.reference is None or not country:
            return None
        codes = {a.country for i in self.reference.named(country, places=False)
                 if (a := self.reference.get(i)).kind.value == "state" and a.country}
        return codes.pop() if len(codes) == 1 else None

    def _free_name(self, name: str, scheme: str, key: str) -> str:
        """``name``, or ``name (SCHEME KEY)`` when a reference actor is already called so (names must stay unique)."""
        if self.reference is None or scheme == "name" or not self.reference.named(name):
            return name
        return f"{name} ({scheme} {key})"

    def _predecessors(self, actor_id: str) -> list[str]:
        """Actors ``actor_id`` continues under a new name (``successor_of``), nearest first."""
        if actor_id in self._earlier:
            return self._earlier[actor_id]
        out, frontier = [], [actor_id]
        while frontier:
            node = frontier.pop(0)
            for c in self.reference.claims(subject=node, predicate="successor_of"):
                if c.object not in out and c.object != actor_id:
                    out.append(c.object)
                    frontier.append(c.object)
        self._earlier[actor_id] = out
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
