"""UCDP External Support Dataset (ESD): who supported which warring party, in which year, how.

Two layouts are read:

* **actor-year** (the v18.1 release): one row per warring party and year; its supporters are packed
  into comma-joined ``ext_id`` / ``ext_name`` lists. Ids split on every comma; names split only on a
  comma *not* followed by a space, because some names hold ", " themselves ("Interahamwe, ex-FAR").
  The support-type dummies are per row, not per supporter: the ``_s`` / ``_ns`` variants say which
  types came from state and from non-state supporters, and that is as fine as the release goes. A
  claim whose supporter shares its class with other supporters that year says so in the qualifier
  ``ucdp_attribution: shared``.
* **triad-year**: one row per supporter, recipient and year (``ext_id`` and ``ext_name`` single), with
  its own dummies and ``ext_alleged`` (1 = the support is alleged, not confirmed).

Every supporter-recipient-year becomes one ``supports`` claim valid during that year (EDTF ``2015``:
"on some day within 2015"; UCDP codes years, and the year precision is kept); rows of an active
dyad also give a ``fights`` claim for that year. UCDP actor ids are kept as ``external_ids.ucdp``.

Support-type letters and the ontology's support types. The letters follow the UCDP External Support
codebooks (Högbladh, Pettersson & Themnér 2011, v1.0-2011, and the ESD release of Meier, Karlén,
Pettersson & Croicu 2023); what was confirmed, and what is inferred, is said per letter:

====  ==============================================================  ===========================
code  meaning in the codebook                                         ontology support type
====  ==============================================================  ===========================
X     troops as a secondary warring party                             troops
P     access to military or intelligence infrastructure / joint ops   access_to_infrastructure (*)
Y     access to territory                                             access_to_territory
W     weapons                                                         weapons
M     materiel and logistics                                          materiel_logistics
T     training and expertise                                          training_expertise
F     funding / economic support                                      funding
I     intelligence material                                           intelligence
L     access to infrastructure / joint operations (2011 codebook)     access_to_infrastructure
O     other forms of support                                          other
U     unknown type of support                                         unknown
====  ==============================================================  ===========================

(*) P is new in ESD and was not found in a codebook text reachable from here; its reading comes from
the rows that carry it (joint operations such as Turkey with Iraq in 1985, the coalition with Iraq
from 2014). The original letters are kept on every claim (qualifier ``ucdp_esd_codes``), so nothing
is lost if P turns out to mean something else.
"""

from __future__ import annotations

import re
from pathlib import Path

from loaders.imports.bundle import Bundle
from loaders.imports.csvrows import ImportInputError, read_rows
from loaders.imports.progress import Progress
from loaders.imports.resolver import Resolver

__all__ = ["LETTERS", "SUPPORT_TYPES", "import_esd", "split_names"]

SUPPORT_TYPES = {
    "x": "troops",
    "p": "access_to_infrastructure",
    "y": "access_to_territory",
    "w": "weapons",
    "m": "materiel_logistics",
    "t": "training_expertise",
    "f": "funding",
    "i": "intelligence",
    "l": "access_to_infrastructure",
    "o": "other",
    "u": "unknown",
}
LETTERS = "xpywmtfilou"
_NAME_SPLIT = re.compile(r",(?!\s)")
_YEAR = re.compile(r"^\d{4}$")


def split_names(ids: str, names: str) -> list[tuple[str, str | None]]:
    """Pair the ids of a comma-joined ``ext_id`` cell with the names of its ``ext_name`` cell.

    >>> split_names("89,623,567", "Government of DR Congo (Zaire),Interahamwe, ex-FAR,UNITA")
    [('89', 'Government of DR Congo (Zaire)'), ('623', 'Interahamwe, ex-FAR'), ('567', 'UNITA')]
    >>> split_names("671,11545", "Puntland State of Somalia")  # the release has a few such rows
    [('671', None), ('11545', None)]
    """
    id_list = [i.strip() for i in ids.split(",") if i.strip()]
    name_list = [n.strip() for n in _NAME_SPLIT.split(names)] if names.strip() else []
    if len(name_list) != len(id_list):
        return [(i, None) for i in id_list]
    return list(zip(id_list, name_list, strict=False))


def _kind(name: str, nonstate: str | None = None) -> str:
    if nonstate == "0" or name.startswith("Government of"):
        return "government"
    return "armed_group"


def _source(bundle: Bundle, version: str, layout: str) -> str:
    year = "20" + version.split(".")[0] if re.match(r"^\d{2}\.", version) else version[:4]
    return bundle.add_source(
        {
            "id": bundle.ns("ucdp", f"esd-{version.replace('.', '-')}-{layout}"),
            "title": f"UCDP External Support Dataset (ESD) v{version}, {layout} level",
            "publisher": "Uppsala Conflict Data Program",
            "url": "https://ucdp.uu.se/downloads/",
            "published": year,
            "license": "CC BY 4.0",
        }
    )


def _detect(columns: set[str]) -> str:
    if "ext_alleged" in columns or "triad_id" in columns:
        return "triad"
    return "actor-year"


def import_esd(
    path: str | Path,
    bundle: Bundle,
    resolver: Resolver,
    *,
    version: str = "18.1",
    layout: str | None = None,
    actor_names: dict[str, str] | None = None,
    progress: Progress | None = None,
) -> None:
    """Read one ESD file into ``bundle``; malformed rows become problems with file and line.

    Args:
        layout: ``actor-year`` or ``triad``; guessed from the columns when not given.
        actor_names: UCDP id -> name (from the UCDP actor list), for rows whose name list is broken.
    """
    rows = read_rows(path)
    layout = layout or _detect(rows.columns)
    need = {"year", "actor_id", "actor_name", "ext_id", "ext_name"}
    missing = need - rows.columns
    if missing:
        raise ImportInputError(f"{path}: not a UCDP ESD file: missing the columns {', '.join(sorted(missing))}")
    source = _source(bundle, version, layout)
    actor_names = actor_names or {}
    display = str(path)
    for line, row in rows.rows:
        if progress:
            progress.update()
        where = f"{display}:{line}"
        if rows.width_problem(row):
            bundle.problem(display, line, "", rows.width_problem(row))
            continue
        year = row["year"]
        if not _YEAR.match(year):
            bundle.problem(display, line, "year", f"{year!r} is not a year (expected YYYY)")
            continue
        if not row["actor_id"] or not row["ext_id"] and row.get("ext_sup", "0") not in ("", "0"):
            bundle.problem(display, line, "actor_id", "a row needs actor_id, and ext_id when ext_sup is 1")
            continue
        recipient = resolver.actor(
            "ucdp",
            row["actor_id"],
            row["actor_name"] or actor_names.get(row["actor_id"], ""),
            kind=_kind(row["actor_name"], row.get("actor_nonstate")),
            where=where,
            valid=year,
        )
        if row.get("oppo_id") and row.get("active", "1") == "1":
            _fights(bundle, resolver, row, recipient, year, source, where)
        if not row["ext_id"]:
            continue
        if layout == "triad":
            supporters = [(row["ext_id"], row["ext_name"])]
        else:
            supporters = split_names(row["ext_id"], row["ext_name"])
            if any(name is None for _, name in supporters):
                bundle.notes.append(
                    f"{where}: ext_name does not list one name per ext_id; names taken from the "
                    f"UCDP actor list where given"
                )
        states = sum(1 for sid, name in supporters if _kind(name or actor_names.get(sid, "")) == "government")
        for sid, name in supporters:
            name = name or actor_names.get(sid) or f"UCDP actor {sid}"
            kind = _kind(name)
            supporter = resolver.actor("ucdp", sid, name, kind=kind, where=where, valid=year)
            if supporter == recipient:
                continue
            if layout == "triad":
                codes = [c for c in LETTERS if row.get(f"ext_{c}") == "1"]
                shared = False
            else:
                suffix = "_s" if kind == "government" else "_ns"
                codes = [c for c in LETTERS if row.get(f"ext_{c}{suffix}", row.get(f"ext_{c}")) == "1"]
                shared = (states if kind == "government" else len(supporters) - states) > 1
            _support(bundle, row, supporter, recipient, year, codes, shared, layout, source, where)


def _support(bundle, row, supporter, recipient, year, codes, shared, layout, source, where) -> None:
    cid = bundle.claim_id("ucdp", supporter, "supports", recipient, f"esd-{year}")
    types = sorted({SUPPORT_TYPES[c] for c in codes}) or ["unknown"]
    alleged = row.get("ext_alleged") == "1"
    old = bundle.claims.get(cid)
    if old is not None:  # the same triad in another dyad of the recipient: one claim, merged evidence
        old["support_types"] = sorted(set(old["support_types"]) | set(types))
        q = old["qualifiers"]
        q["ucdp_esd_codes"] = ",".join(sorted(set(q["ucdp_esd_codes"].split(",")) - {""} | set(codes)))
        q["ucdp_conflict"] = ",".join(sorted(set(q["ucdp_conflict"].split(",")) | {row.get("conflict_id", "")}))
        if not alleged:
            old["status"] = "confirmed"
        return
    qualifiers = {"ucdp_esd_codes": ",".join(codes), "ucdp_conflict": row.get("conflict_id", "")}
    if shared:
        qualifiers["ucdp_attribution"] = "shared"
    bundle.add_claim(
        {
            "id": cid,
            "subject": supporter,
            "predicate": "supports",
            "object": recipient,
            "valid": year,
            "support_types": types,
            "status": "alleged" if alleged else "confirmed",
            "sources": [
                {
                    "id": source,
                    "note": f"UCDP ESD ({layout}) codes this supporter as backing the warring party "
                    f"in {year}" + (" (alleged)" if alleged else ""),
                }
            ],
            "qualifiers": qualifiers,
        },
        where=where,
    )


def _fights(bundle, resolver, row, recipient, year, source, where) -> None:
    opponent = resolver.actor(
        "ucdp",
        row["oppo_id"],
        row.get("oppo_name") or f"UCDP actor {row['oppo_id']}",
        kind=_kind(row.get("oppo_name", "")),
        where=where,
        valid=year,
    )
    if opponent == recipient:
        return
    a, b = sorted((recipient, opponent))
    cid = bundle.claim_id("ucdp", a, "fights", b, f"esd-{year}")
    if cid not in bundle.claims:
        bundle.add_claim(
            {
                "id": cid,
                "subject": a,
                "predicate": "fights",
                "object": b,
                "valid": year,
                "sources": [
                    {"id": source, "note": f"UCDP ESD lists the two as opposing sides of an active dyad in {year}"}
                ],
                "qualifiers": {"ucdp_dyad": row.get("dyad_id", "")},
            },
            where=where,
        )
