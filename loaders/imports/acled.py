"""ACLED event exports, aggregated into time-scoped candidate claims (never one claim per event).

Layouts, recognised from the header (names in any case):

* **current**: today's lower-case columns (``event_id_cnty``, ``event_date``, ``time_precision``,
  ``event_type``, ``sub_event_type``, ``actor1``, ``assoc_actor_1``, ``inter1``, ``actor2``,
  ``assoc_actor_2``, ``inter2``, ``interaction``, ``civilian_targeting``, ``fatalities``, ``timestamp``...);
  ``inter1``/``inter2`` are words ("State forces") or, in older files, digits;
* **reduced**: upper-case headers with fewer columns, possibly without ``EVENT_ID_CNTY``, ``INTER1``/``INTER2``
  or ``TIME_PRECISION``;
* **legacy**: ``ALLY_ACTOR_1`` / ``ALLY_ACTOR_2`` instead of the associated actors, older event types
  ("Battle-No change of territory", "Remote violence") and day/month/year dates.

A row without an event id gets one derived from its content (so the same row gives the same id).

**What becomes a claim** (ACLED's codebook: actor 1 and its associated actors are one side, actor 2 and
its associated actors the other; actor types 1 state forces, 2 rebels, 3 political militias, 4 identity
militias and 8 external forces are armed, 5 rioters, 6 protesters and 7 civilians are not):

* Battles: every armed actor of one side ``fights`` every armed actor of the other; each armed associated
  actor is ``allied_with`` its side's main actor (they fought together).
* Explosions/remote violence: the attacking side's armed actors ``fight`` the target's armed actors, and
  the attacker's armed associated actors are ``allied_with`` it. The target's associated actors are
  co-victims, not allies.
* Violence against civilians, protests, riots and strategic developments (joint patrols, agreements,
  arrests...) make no claims: acting next to someone there is not fighting on their side.
* Placeholders (``Unidentified Armed Group (Syria)``, ``Opposition Rebels (Syria)``, ``Militia (Pro-Government)``)
  and civilians, protesters or rioters are not sides: unless the crosswalk maps them to an actor they
  make no actor and no claim; the import's notes count them.
* A unit (``Military Forces of Syria (2000-) Republican Guard``) is ``part_of`` its force.

Events of one pair and relation are grouped into episodes (:mod:`loaders.imports.episodes`): a gap of
more than ``max_gap_days`` (30) starts a new claim; the claim runs from the first event to the day after
the last (a lone event: its own date), with ``time_precision`` 2 written as approximate (``~``) and 3 as
the month. Claims have status ``reported`` and ``candidate: yes`` and carry their evidence: number of
events, their ids (the first 20) and fatalities. Several files in one import are aggregated together: a
relation seen in two exports is one claim citing both.

Each file is one source, published on the date of its newest row's ``timestamp`` (when ACLED last
updated it), or else the date given as ``published``, or else its last event's date (then noted).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path

from loaders.imports.bundle import Bundle, RowProblem, short_hash, slug
from loaders.imports.csvrows import ImportInputError, read_rows
from loaders.imports.episodes import EventGroups, day_event, month_event, take_pending
from loaders.imports.names import ActorName, category, parse_acled_name
from loaders.imports.progress import Progress
from loaders.imports.resolver import Resolver

__all__ = ["detect_layout", "finish_acled", "import_acled", "parse_event_date"]

_ARMED_TYPES = {"1", "2", "3", "4", "8"}
_KIND = {"1": "armed_forces", "2": "armed_group", "3": "militia", "4": "militia", "8": "armed_forces"}
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
_BATTLE = ("battle",)
_REMOTE = ("explosions/remote violence", "remote violence")
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y", "%d-%b-%y", "%d %b %Y", "%m/%d/%Y", "%Y/%m/%d")
_STATE_FORCES = re.compile(r"^(military|police) forces of (.+)$", re.IGNORECASE)
_MAX_IDS = 20


def detect_layout(header: list[str]) -> str:
    """``current``, ``reduced`` or ``legacy``, from a header row.

    >>> detect_layout(["GWNO", "EVENT_ID_CNTY", "EVENT_DATE", "ACTOR1", "ALLY_ACTOR_1", "ACTOR2"])
    'legacy'
    >>> detect_layout(["EVENT_DATE", "ACTOR1", "ASSOC_ACTOR_1", "INTERACTION"])
    'reduced'
    """
    cols = {h.strip().lower() for h in header}
    if "ally_actor_1" in cols:
        return "legacy"
    if all(h.strip() == h.strip().upper() for h in header if h.strip()):
        return "reduced"
    return "current"


@lru_cache(maxsize=65536)
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


def _type_code(value: str) -> str:
    value = value.strip().lower()
    return _TEXT_TYPES.get(value, value if value.isdigit() else "")


def _side_types(row: dict, names: tuple[ActorName, ActorName]) -> tuple[str, str]:
    """The actor type codes of actor 1 and actor 2 ("" when unknown).

    ``inter1``/``inter2`` when given. Otherwise ``interaction``: in text ("State forces-Rebel group") it is
    in actor order; in digits ("12") ACLED writes the lower code first whatever the actor order, so a
    side whose name says civilians or state forces takes its code and the other side the other one.
    """
    t1, t2 = _type_code(row.get("inter1", "")), _type_code(row.get("inter2", ""))
    if t1 or t2:
        return t1, t2
    interaction = row.get("interaction", "").strip().lower()
    if "-" in interaction and not interaction.isdigit():
        a, _, b = interaction.partition("-")
        return _TEXT_TYPES.get(a.strip(), ""), _TEXT_TYPES.get(b.strip(), "")
    digits = interaction if interaction.isdigit() else ""
    if len(digits) == 1:
        return digits, ""
    if len(digits) != 2:
        return "", ""
    if digits[0] == digits[1]:
        return digits[0], digits[1]
    guess = [_guess_type(n) for n in names]
    if guess[0] and guess[0] in digits and guess[0] != guess[1]:
        return guess[0], digits.replace(guess[0], "", 1)
    if guess[1] in digits and guess[1]:
        return digits.replace(guess[1], "", 1), guess[1]
    return digits[0], digits[1]


def _guess_type(name: ActorName) -> str:
    if category(name):
        return "7"
    if _STATE_FORCES.match(name.base):
        return "1"
    return ""


def _stamp(text: str) -> int:
    """Seconds since 1970 of ACLED's ``timestamp`` (Unix seconds, or ISO date and time in some exports), or 0."""
    if text.isdigit():
        return int(text)
    try:
        return int(datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=UTC).timestamp()) if text else 0
    except ValueError:
        return 0


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(";") if p.strip()]


def import_acled(
    path: str | Path,
    bundle: Bundle,
    resolver: Resolver,
    *,
    max_gap_days: int = 30,
    min_events: int = 1,
    published: str | None = None,
    progress: Progress | None = None,
) -> None:
    """Read one ACLED export into ``bundle``; :func:`finish_acled` makes the claims once every file is read."""
    rows = read_rows(path)
    layout = detect_layout(rows.header)
    ally = "ally_actor_" if layout == "legacy" else "assoc_actor_"
    need = {"event_date", "event_type", "actor1", "actor2"}
    missing = need - rows.columns
    if missing:
        raise ImportInputError(
            f"{path}: not an ACLED export ({layout} layout): missing the columns {', '.join(sorted(missing))}"
        )
    state = bundle.pending.setdefault("acled", {"groups": EventGroups(max_gap_days=max_gap_days,
                                                                      min_events=min_events), "sources": {}})
    groups: EventGroups = state["groups"]
    display, name = str(path), Path(path).name
    source = bundle.ns("acled", slug(Path(path).stem, limit=40))
    last_day, newest, count, derived = 0, 0, 0, 0
    for line, row in rows.rows:
        if progress:
            progress.update()
        try:
            if rows.width_problem(row):
                raise RowProblem("", rows.width_problem(row))
            try:
                day = parse_event_date(row["event_date"]).toordinal()
            except ValueError as exc:
                raise RowProblem("event_date", str(exc)) from None
            event_id = row.get("event_id_cnty", "")
            if not event_id:
                # from the event's own fields: a later release re-stamps rows (timestamp) but the event is the same
                event_id = "derived-" + short_hash(*(row.get(k, "") for k in sorted(row) if k.lower() != "timestamp"))
                derived += 1
            try:
                deaths = int(row.get("fatalities") or 0)
            except ValueError:
                raise RowProblem("fatalities", f"{row['fatalities']!r} is not a whole number") from None
            precision = row.get("time_precision", "1").strip() or "1"
            if precision == "3":
                event = month_event(day, event_id, source, deaths)
            else:
                event = day_event(day, event_id, source, deaths, approximate=precision == "2")
            _read_event(row, ally, event, day, f"{display}:{line}", resolver, groups)
        except RowProblem as problem:
            bundle.problem(display, line, problem.field, str(problem))
            continue
        count += 1
        last_day = max(last_day, day)
        newest = max(newest, _stamp(row.get("timestamp", "")))
    if derived:
        bundle.notes.append(f"{name}: {derived} row(s) without an event id were given one derived from their content")
    if not count:
        return
    when = published or (datetime.fromtimestamp(newest, UTC).date().isoformat() if newest else None)
    if when is None:
        when = date.fromordinal(last_day).isoformat()
        bundle.notes.append(f"{name}: no 'timestamp' column to date the release; its source is dated by its "
                            f"last event ({when}); give --published with the release date")
    state["sources"][source] = {
        "id": source,
        "title": f"ACLED event export {name} ({layout} layout)",
        "publisher": "Armed Conflict Location & Event Data (ACLED)",
        "url": "https://acleddata.com/",
        "published": when,
    }


def _read_event(row, ally, event, day, where, resolver, groups: EventGroups) -> None:
    names = (parse_acled_name(row["actor1"]), parse_acled_name(row["actor2"]))
    types = _side_types(row, names)
    event_type = row["event_type"].strip().lower()
    battle, remote = event_type.startswith(_BATTLE), event_type.startswith(_REMOTE)
    if not (battle or remote):
        return
    sides = []
    for i, side in enumerate(("1", "2")):
        members = []
        if row[f"actor{side}"]:
            members.append((names[i], types[i], True))
        members += [(parse_acled_name(n), "", False) for n in _split(row.get(f"{ally}{side}", ""))]
        resolved = []
        for n, code, primary in members:
            armed = code in _ARMED_TYPES if code else not category(n)
            if not armed:
                continue
            actor = _resolve(resolver, n, code, day, where)
            if actor is not None:
                resolved.append((actor, primary))
                if n.unit:
                    force = _resolve(resolver, parse_acled_name(n.force), code, day, where)
                    if force is not None and force != actor:
                        groups.add("part_of", actor, force, event)
        sides.append(resolved)
    for a, _ in sides[0]:
        for b, _ in sides[1]:
            groups.add("fights", a, b, event)
    for i, resolved in enumerate(sides):
        if remote and i == 1:
            continue  # the target's associated actors were hit together, not fighting together
        primary = [a for a, p in resolved if p]
        for a, p in resolved:
            if not p:
                for b in primary:
                    groups.add("allied_with", a, b, event)


def _resolve(resolver: Resolver, name: ActorName, code: str, day: int, where: str) -> str | None:
    forces = _STATE_FORCES.match(name.base)
    kind = _KIND.get(code) or ("armed_forces" if forces else "armed_group")
    country = resolver.country_code(forces.group(2) if forces else name.qualifier)
    period = f"; its name dates it {name.first_year}-{name.last_year or 'onward'}" if name.first_year else ""
    return resolver.actor(
        "acled", name.text, name.text, day=day, kind=kind, where=where, keys=name.keys()[1:],
        forces_of=forces.group(2) if forces and forces.group(1).lower() == "military" and not name.unit else None,
        category=category(name, code), country=country, description=f"ACLED actor{period}",
    )


def finish_acled(bundle: Bundle) -> None:
    """Turn the events of every file read into claims, and add the files' sources."""
    state = take_pending(bundle, "acled")
    if not state:
        return
    groups: EventGroups = state["groups"]
    for ep in groups.episodes():
        basis = {"fights": "fought", "allied_with": "acted_with", "part_of": "unit_of"}[ep.predicate]
        what = {"fought": "fighting each other", "acted_with": "fighting on the same side",
                "unit_of": "the first as a unit of the second"}[basis]
        record = ep.record(bundle.claim_id("acled", ep.subject, ep.predicate, ep.object, ep.first_day),
                           lambda n, what=what: f"{n} ACLED event(s) in this export show {what}", max_ids=_MAX_IDS)
        record["qualifiers"]["basis"] = basis
        if ep.predicate == "fights":
            record["qualifiers"]["fatalities"] = str(ep.deaths)
        bundle.add_claim(record)
    if groups.dropped:
        bundle.notes.append(f"{groups.dropped} episode(s) with fewer than {groups.min_events} event(s) made no claim")
