"""ICEWS event files (tab-separated ``.tab``/``.tsv``, or CSV), aggregated into candidate claims.

Columns read (any case): ``Event ID``, ``Event Date``, ``Source Name``, ``Source Sectors``, ``Source Country``,
``CAMEO Code``, ``Target Name``, ``Target Sectors``, ``Target Country`` (``Event Text``, ``Intensity``, ``Story ID``
and the place columns are kept out). Events are machine-coded from news sentences, so one sentence is
weak evidence: events of one pair and relation are grouped into episodes like ACLED's (a gap of more than
``max_gap_days``, 30, starts a new one) and an episode needs ``min_events`` (3) events to become a claim.

What each CAMEO code becomes (the code's first two digits are its root, 01-20; a code whose leading zero
a spreadsheet dropped, such as ``42`` for ``042``, is read with it):

====================  ==========================================  ==============================
CAMEO                 meaning                                     claim (source -> target)
====================  ==========================================  ==============================
19, 190-196           fight (conventional force, clashes...)      ``fights``
20, 200-204           unconventional mass violence                ``fights``
16, 17                reduce relations; coerce (sanctions...)     ``opposes``
062                   military cooperation                        ``allied_with``
064                   share intelligence                          ``supports`` (intelligence)
070                   provide aid                                 ``supports`` (unknown)
071                   economic aid                                ``supports`` (funding)
072                   military aid                                ``supports`` (materiel_logistics)
073                   humanitarian aid                            ``supports`` (other)
074                   military protection or peacekeeping         ``supports`` (troops)
075                   grant asylum                                ``supports`` (access_to_territory)
everything else       statements, appeals, consultations,         no claim
                      demands, threats, protests, assaults (18)
====================  ==========================================  ==============================

Assaults (18: abductions, bombings, killings) are left out because their targets are mostly people, not
armed parties. Actor names: a country name is the state; ``Sector (Country)`` names ICEWS's generic actors:
``Military (Syria)`` is matched through the crosswalk or, failing that, to the reference's one armed-forces
actor of that state; any other unmatched generic actor (``Citizen (Syria)``, ``Insurgent (Syria)``,
``Armed Rebel (Syria)``) is a placeholder or civilians and set aside, never a side.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from loaders.imports.bundle import Bundle, RowProblem, short_hash, slug
from loaders.imports.csvrows import ImportInputError, read_rows
from loaders.imports.dates import edtf_date
from loaders.imports.episodes import EventGroups, day_event, take_pending
from loaders.imports.names import CIVILIANS, PLACEHOLDER, parse_icews_name
from loaders.imports.progress import Progress
from loaders.imports.resolver import Resolver

__all__ = ["CAMEO", "cameo_claim", "finish_icews", "import_icews"]

#: CAMEO code prefix -> (relation kind, support type or None); the longest matching prefix wins
CAMEO: dict[str, tuple[str, str | None]] = {
    "19": ("fights", None),
    "20": ("fights", None),
    "16": ("opposes", None),
    "17": ("opposes", None),
    "062": ("allied_with", None),
    "064": ("supports", "intelligence"),
    "070": ("supports", "unknown"),
    "071": ("supports", "funding"),
    "072": ("supports", "materiel_logistics"),
    "073": ("supports", "other"),
    "074": ("supports", "troops"),
    "075": ("supports", "access_to_territory"),
}
_FORCES = re.compile(r"^(military|armed forces|army|air force|navy|special forces)$", re.IGNORECASE)
_CIVILIAN = re.compile(
    r"^(citizen|civilian|protester|media|business|student|women|children|refugee|religion|ethnic|"
    r"labor|labour|medical|health|education|social|ngo|worker|farmer|lawyer)", re.IGNORECASE)
_NEED = {"event date", "source name", "cameo code", "target name"}


def _normal_code(code: str) -> str:
    code = code.strip().lstrip("'")
    if not code.isdigit():
        return ""
    if len(code) == 1 or int(code[:2]) > 20:
        code = "0" + code
    return code


def cameo_claim(code: str) -> tuple[str, str | None] | None:
    """The relation kind (and support type) a CAMEO code becomes, or ``None``.

    >>> cameo_claim("190"), cameo_claim("0874"), cameo_claim("72"), cameo_claim("042")
    (('fights', None), None, ('supports', 'materiel_logistics'), None)
    """
    code = _normal_code(code)
    for n in (4, 3, 2):
        if code[:n] in CAMEO and len(code) >= n:
            return CAMEO[code[:n]]
    return None


def import_icews(
    path: str | Path,
    bundle: Bundle,
    resolver: Resolver,
    *,
    max_gap_days: int = 30,
    min_events: int = 3,
    published: str | None = None,
    delimiter: str | None = None,
    progress: Progress | None = None,
) -> None:
    """Read one ICEWS events file into ``bundle``; :func:`finish_icews` makes the claims."""
    rows = read_rows(path, delimiter=delimiter)
    missing = _NEED - rows.columns
    if missing:
        raise ImportInputError(f"{path}: not an ICEWS events file: missing the columns {', '.join(sorted(missing))}"
                               f" (read with delimiter {rows.delimiter!r}; give --delimiter if that is wrong)")
    state = bundle.pending.setdefault("icews", {"groups": EventGroups(max_gap_days=max_gap_days,
                                                                      min_events=min_events,
                                                                      symmetric=("fights", "allied_with")),
                                                "sources": {}, "types": {}})
    groups: EventGroups = state["groups"]
    display, name = str(path), Path(path).name
    source = bundle.ns("icews", slug(Path(path).stem, limit=40))
    last_day, count = 0, 0
    for line, row in rows.rows:
        if progress:
            progress.update()
        try:
            if rows.width_problem(row):
                raise RowProblem("", rows.width_problem(row))
            try:
                when = edtf_date(row["event date"])
            except ValueError as exc:
                raise RowProblem("Event Date", str(exc)) from None
            if not when or len(when) != 10:
                raise RowProblem("Event Date", f"{row['event date']!r} is not a day (expected YYYY-MM-DD)")
            code = row["cameo code"]
            if not _normal_code(code):
                raise RowProblem("CAMEO Code", f"{code!r} is not a CAMEO code (digits, e.g. 190)")
            count += 1
            day = date.fromisoformat(when).toordinal()
            last_day = max(last_day, day)
            mapped = cameo_claim(code)
            if mapped is None:
                continue
            predicate, support = mapped
            event_id = row.get("event id") or "derived-" + short_hash(*(row.get(k, "") for k in sorted(row)))
            where = f"{display}:{line}"
            a = _resolve(resolver, row["source name"], row.get("source sectors", ""), day, where)
            b = _resolve(resolver, row["target name"], row.get("target sectors", ""), day, where)
            if a is None or b is None or a == b:
                continue
            groups.add(predicate, a, b, day_event(day, event_id, source))
            if support:
                state["types"].setdefault((a, b), set()).add(support)
        except RowProblem as problem:
            bundle.problem(display, line, problem.field, str(problem))
    if not count:
        return
    if not published:
        published = date.fromordinal(last_day).isoformat()
        bundle.notes.append(f"{name}: ICEWS files carry no release date; its source is dated by its last event "
                            f"({published}); give --published with the release date")
    state["sources"][source] = {
        "id": source,
        "title": f"ICEWS coded event data, {name}",
        "publisher": "Integrated Crisis Early Warning System (ICEWS), Harvard Dataverse",
        "url": "https://dataverse.harvard.edu/dataverse/icews",
        "published": published,
    }


def _resolve(resolver: Resolver, text: str, sectors: str, day: int, where: str) -> str | None:
    name = parse_icews_name(text)
    if not name.text:
        raise RowProblem("Source Name", "an actor name is empty")
    generic = bool(name.qualifier)
    forces = generic and _FORCES.match(name.base)
    sector = sectors.lower()
    if forces or "military" in sector:
        kind = "armed_forces"
    elif "government" in sector or name.base.lower() == "government":
        kind = "government"
    else:
        kind = "armed_group"
    cat = ""
    if generic and not forces:
        cat = CIVILIANS if _CIVILIAN.match(name.base) else PLACEHOLDER
    return resolver.actor("icews", name.text, name.text, day=day, kind=kind, where=where,
                          forces_of=name.qualifier if forces else None, category=cat,
                          country=resolver.country_code(name.qualifier) if generic else None,
                          description="ICEWS actor")


def finish_icews(bundle: Bundle) -> None:
    """Turn the events of every file read into claims, and add the files' sources."""
    state = take_pending(bundle, "icews")
    if not state:
        return
    groups: EventGroups = state["groups"]
    for ep in groups.episodes():
        record = ep.record(bundle.claim_id("icews", ep.subject, ep.predicate, ep.object, ep.first_day),
                           lambda n: f"{n} ICEWS coded event(s) in this file")
        if ep.predicate == "supports":
            record["support_types"] = sorted(state["types"].get((ep.subject, ep.object), {"unknown"}))
        bundle.add_claim(record)
    if groups.dropped:
        bundle.notes.append(f"{groups.dropped} episode(s) with fewer than {groups.min_events} ICEWS event(s) made "
                            f"no claim (--min-events)")
