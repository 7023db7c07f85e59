"""ACLED event exports, aggregated into time-scoped candidate claims (never one claim per event).

Three layouts are recognised from the header:

* **current**: the 31 lower-case columns of today's exports (``event_id_cnty``, ``event_date``,
  ``actor1``, ``assoc_actor_1``, ``inter1``, ``actor2``, ``assoc_actor_2``, ``inter2``, ``interaction``, ...);
* **reduced**: upper-case headers with fewer columns (``EVENT_ID_CNTY``, ``EVENT_DATE``, ``ACTOR1``,
  ``ASSOC_ACTOR_1``, ``ACTOR2``, ``ASSOC_ACTOR_2``, ``INTERACTION``, ...), actor types read from the
  two digits of ``INTERACTION``;
* **legacy**: ``ALLY_ACTOR_1`` / ``ALLY_ACTOR_2`` instead of the associated actors, older event types
  ("Battle-No change of territory", "Remote violence") and day/month/year dates.

What becomes a claim. For battles and explosions/remote violence between two armed actors (actor
types 1 state forces, 2 rebels, 3 political militias, 4 identity militias, 8 external forces):
``fights`` between actor 1 and actor 2. For every armed actor and each actor listed with it
(``assoc_actor_*`` / ``ALLY_ACTOR_*``): ``allied_with`` ("acted with"). Events are grouped per pair and
relation; a gap of more than ``max_gap_days`` (365) without an event starts a new claim. A claim is
valid from its first event's day to the day after its last (what the events show, not more), has
status ``reported`` and ``candidate: yes``, and carries its evidence: the number of events, their ids
and the fatalities. Rioters, protesters and civilians give no claims.

Actor strings keep ACLED's spelling as ``external_ids.acled``; a period suffix ("Military Forces of
Syria (2000-2024)") is split off to match the crosswalk and the reference names by the base name on
the event's date; "Military Forces of C" with no such name matches the reference's one ``armed_forces``
actor of state C alive on that day.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

from loaders.imports.bundle import Bundle, short_hash, slug
from loaders.imports.crosswalk import Resolver
from loaders.imports.csvrows import ImportInputError, read_rows
from loaders.imports.progress import Progress

__all__ = ["detect_layout", "import_acled", "parse_actor", "parse_event_date"]

_PERIOD = re.compile(r"^(.*?)\s*\((\d{4})-(\d{4})?\)$")
_ARMED = {"1": "armed_forces", "2": "armed_group", "3": "militia", "4": "militia", "8": "armed_forces"}
_TEXT_TYPES = {
    "state forces": "1",
    "rebel group": "2",
    "political militia": "3",
    "identity militia": "4",
    "rioters": "5",
    "protesters": "6",
    "civilians": "7",
    "external/other forces": "8",
}
_FIGHTING = ("battle", "explosions/remote violence", "remote violence")
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y", "%d-%b-%y", "%d %b %Y", "%m/%d/%Y")


def detect_layout(header: list[str]) -> str:
    """``current``, ``reduced`` or ``legacy``, from a header row.

    >>> detect_layout(["GWNO", "EVENT_ID_CNTY", "EVENT_DATE", "ACTOR1", "ALLY_ACTOR_1", "ACTOR2"])
    'legacy'
    >>> detect_layout(["EVENT_ID_CNTY", "EVENT_DATE", "ACTOR1", "ASSOC_ACTOR_1", "INTERACTION"])
    'reduced'
    """
    cols = {h.strip().lower() for h in header}
    if "ally_actor_1" in cols:
        return "legacy"
    if all(h.strip() == h.strip().upper() for h in header if h.strip()):
        return "reduced"
    return "current"


def parse_actor(text: str) -> tuple[str, str | None, str | None]:
    """(base name, first year, last year) of an ACLED actor string with an optional period suffix.

    >>> parse_actor("Military Forces of Syria (2000-2024)")
    ('Military Forces of Syria', '2000', '2024')
    >>> parse_actor("Military Forces of Syria (2024-)")
    ('Military Forces of Syria', '2024', None)
    >>> parse_actor("Hayat Tahrir al-Sham")
    ('Hayat Tahrir al-Sham', None, None)
    """
    m = _PERIOD.match(text.strip())
    if not m:
        return text.strip(), None, None
    return m.group(1), m.group(2), m.group(3)


def parse_event_date(text: str) -> date:
    """An ACLED event date in any of the layouts' spellings.

    >>> parse_event_date("05 December 2024"), parse_event_date("15/03/2011")
    (datetime.date(2024, 12, 5), datetime.date(2011, 3, 15))
    """
    text = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(
        f"{text!r} is not a date in a known ACLED spelling (e.g. 2024-12-05, 05 December 2024, 05/12/2024)"
    )


def _actor_type(row: dict, side: str) -> str:
    value = row.get(f"inter{side}", "").strip().lower()
    if value:
        return _TEXT_TYPES.get(value, value)
    interaction = row.get("interaction", "").strip().lower()
    if interaction.isdigit() and len(interaction) == 2:
        return interaction[int(side) - 1]
    if "-" in interaction:
        parts = interaction.split("-", 1)
        if len(parts) == 2:
            return _TEXT_TYPES.get(parts[int(side) - 1].strip(), "")
    return ""


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(";") if p.strip()]


def import_acled(
    path: str | Path, bundle: Bundle, resolver: Resolver, *, max_gap_days: int = 365, progress: Progress | None = None
) -> None:
    """Read one ACLED export into ``bundle`` as aggregated candidate claims."""
    rows = read_rows(path)
    layout = detect_layout(rows.header)
    ally = "ally_actor_" if layout == "legacy" else "assoc_actor_"
    need = {"event_id_cnty", "event_date", "event_type", "actor1", "actor2", f"{ally}1", f"{ally}2"}
    missing = need - rows.columns
    if missing:
        raise ImportInputError(
            f"{path}: not an ACLED export ({layout} layout): missing the columns {', '.join(sorted(missing))}"
        )
    display = str(path)
    groups: dict[tuple[str, str, str], list[tuple[int, str, int]]] = defaultdict(list)
    last_day = 0
    digest = []
    for line, row in rows.rows:
        if progress:
            progress.update()
        if "__width__" in row:
            bundle.problem(display, line, "", f"{row['__width__']} cells, but the header has {len(rows.header)}")
            continue
        try:
            day = parse_event_date(row["event_date"]).toordinal()
        except ValueError as exc:
            bundle.problem(display, line, "event_date", str(exc))
            continue
        event_id = row["event_id_cnty"]
        if not event_id:
            bundle.problem(display, line, "event_id_cnty", "every event needs its id")
            continue
        try:
            deaths = int(row.get("fatalities") or 0)
        except ValueError:
            bundle.problem(display, line, "fatalities", f"{row['fatalities']!r} is not a whole number")
            continue
        digest.append(event_id)
        last_day = max(last_day, day)
        where = f"{display}:{line}"
        sides = {}
        for side in ("1", "2"):
            name, kind = row[f"actor{side}"], _ARMED.get(_actor_type(row, side))
            if name and kind:
                sides[side] = _resolve(resolver, name, kind, day, where)
        fighting = row["event_type"].strip().lower().startswith(_FIGHTING)
        if fighting and len(sides) == 2 and sides["1"] != sides["2"]:
            a, b = sorted((sides["1"], sides["2"]))
            groups[("fights", a, b)].append((day, event_id, deaths))
        for side, primary in sides.items():
            for partner_name in _split(row[f"{ally}{side}"]):
                partner = _resolve(resolver, partner_name, "armed_group", day, where)
                if partner != primary:
                    a, b = sorted((primary, partner))
                    groups[("allied_with", a, b)].append((day, event_id, 0))
    if not digest:
        return
    source = bundle.add_source(
        {
            "id": f"acled-{slug(Path(path).stem, limit=40)}-{short_hash(*sorted(digest))}",
            "title": f"ACLED event export {Path(path).name} ({layout} layout)",
            "publisher": "Armed Conflict Location & Event Data (ACLED)",
            "url": "https://acleddata.com/",
            "published": date.fromordinal(last_day).isoformat(),
        }
    )
    for (predicate, a, b), events in sorted(groups.items()):
        for episode in _episodes(sorted(events), max_gap_days):
            _claim(bundle, predicate, a, b, episode, source, layout)


def _resolve(resolver: Resolver, text: str, kind: str, day: int, where: str) -> str:
    base, first, last = parse_actor(text)
    description = f"ACLED actor; the name's suffix dates it {first}-{last or 'onward'}" if first else ""
    forces = _MILITARY_OF.match(base)
    return resolver.actor(
        "acled", text, text, day=day, kind=kind, where=where, match_name=base, description=description,
        forces_of=forces.group(1) if forces else None,
    )


_MILITARY_OF = re.compile(r"^Military Forces of (.+)$", re.IGNORECASE)


def _episodes(events: list[tuple[int, str, int]], max_gap: int):
    run = [events[0]]
    for e in events[1:]:
        if e[0] - run[-1][0] > max_gap:
            yield run
            run = []
        run.append(e)
    yield run


def _claim(bundle: Bundle, predicate: str, a: str, b: str, events, source: str, layout: str) -> None:
    first, last = date.fromordinal(events[0][0]), date.fromordinal(events[-1][0])
    ids = sorted({e[1] for e in events})
    basis = "fought" if predicate == "fights" else "acted_with"
    qualifiers = {
        "candidate": "yes",
        "basis": basis,
        "events": str(len(ids)),
        "event_ids": ";".join(ids),
        "acled_layout": layout,
    }
    if predicate == "fights":
        qualifiers["fatalities"] = str(sum(e[2] for e in events))
    bundle.add_claim(
        {
            "id": f"acled-{a}-{predicate.replace('_', '-')}-{b}-{first.isoformat()}",
            "subject": a,
            "predicate": predicate,
            "object": b,
            "valid": f"{first.isoformat()}/{(last + timedelta(days=1)).isoformat()}",
            "status": "reported",
            "sources": [
                {
                    "id": source,
                    "note": f"{len(ids)} ACLED event(s) from {first} to {last} show the two "
                    f"{'fighting each other' if basis == 'fought' else 'acting together'}",
                }
            ],
            "qualifiers": qualifiers,
        }
    )
