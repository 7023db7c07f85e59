"""UCDP actor list (v22.1): actors with their names, and the lineage and alliance links between them.

Columns used (multi-valued cells are ", "-joined UCDP ids or names):

* ``ActorId`` -> ``external_ids.ucdp``; ``NameData`` (the name UCDP uses) -> name; ``NameOrig``,
  ``NameOrigFull``, ``NameOrigFullEng`` and, for ``NameChange = 1``, ``NewName*`` -> aliases.
* ``Org`` -> kind: 4 government, 1 armed group (formally organised), 2 and 3 militia (2: informally
  organised supporters of a party or candidate, "Supporters of ..."; 3: informally organised groups
  sharing an identity, such as clans and ethnic groups). The readings were checked against the
  v22.1 file: all 163 rows coded 4 are "Government of ...", and 35 of the 37 coded 2 are "Supporters
  of ..." (the other two: "Opponents of al-Assad", "Opponents of Morsi").
* ``Splinter = 1``: split from ``ActorIdPrev`` -> ``offshoot_of``.
* ``SplitTemp = 1``: a temporary split from ``ActorIdSplitTemp`` -> ``offshoot_of`` with ``temporary: yes``.
* ``Alliance = 1``: took part in the alliance ``ActorIdAlliance`` -> ``member_of``.
* ``JoinGroup = 1``: joined ``ActorIdGroup`` -> ``member_of`` (``merged_into`` when the group joined is a
  government, e.g. South Yemen into Yemen, which the ontology cannot express as membership).

The list gives no dates for these links, so the claims carry no valid time ("nothing known").
"""

from __future__ import annotations

from pathlib import Path

from loaders.imports.bundle import Bundle
from loaders.imports.csvrows import ImportInputError, read_rows
from loaders.imports.progress import Progress
from loaders.imports.resolver import Resolver

__all__ = ["import_actor_list", "read_actor_names"]

_KINDS = {"4": "government", "1": "armed_group", "2": "militia", "3": "militia"}
_LINKS = [
    ("splinter", "actoridprev", "nameprev", "offshoot_of", {}),
    ("splittemp", "actoridsplittemp", "namesplittemp", "offshoot_of", {"temporary": "yes"}),
    ("alliance", "actoridalliance", "namealliance", "member_of", {"ucdp_link": "alliance"}),
    ("joingroup", "actoridgroup", "groupname", "member_of", {"ucdp_link": "joined_group"}),
]


def _ids(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(",") if p.strip()]


def read_actor_names(path: str | Path) -> dict[str, str]:
    """UCDP actor id -> the name UCDP uses, from an actor list file."""
    return {row.get("actorid", ""): row.get("namedata", "") for _, row in read_rows(path).rows}


def import_actor_list(
    path: str | Path, bundle: Bundle, resolver: Resolver, *, version: str = "22.1", progress: Progress | None = None
) -> None:
    """Read a UCDP actor list into ``bundle``: actors first, then the links between them."""
    rows = read_rows(path)
    missing = {"actorid", "namedata", "org"} - rows.columns
    if missing:
        raise ImportInputError(f"{path}: not a UCDP actor list: missing the columns {', '.join(sorted(missing))}")
    display = str(path)
    source = bundle.add_source(
        {
            "id": bundle.ns("ucdp", f"actors-{version.replace('.', '-')}"),
            "title": f"UCDP Actor List v{version}",
            "publisher": "Uppsala Conflict Data Program",
            "url": "https://ucdp.uu.se/downloads/",
            "published": "20" + version.split(".")[0],
            "license": "CC BY 4.0",
        }
    )
    table = []
    for line, row in rows.rows:
        if progress:
            progress.update()
        if rows.width_problem(row):
            bundle.problem(display, line, "", rows.width_problem(row))
            continue
        if not row["actorid"].isdigit() or not row["namedata"]:
            bundle.problem(display, line, "ActorId", "every actor needs a numeric ActorId and a NameData")
            continue
        table.append((line, row))
    kinds = {row["actorid"]: _KINDS.get(row["org"], "armed_group") for _, row in table}
    names = {row["actorid"]: row["namedata"] for _, row in table}
    ids = {}
    for line, row in table:
        aliases = [row.get(k, "") for k in ("nameorig", "nameorigfull", "nameorigfulleng")]
        if row.get("namechange") == "1":
            aliases += [row.get(k, "") for k in ("newname", "newnamefullmothertongue", "newnamefulleng")]
        aliases = [a for a in aliases if a and a.lower() != "n/a"]
        ids[row["actorid"]] = resolver.actor(
            "ucdp",
            row["actorid"],
            row["namedata"],
            kind=kinds[row["actorid"]],
            where=f"{display}:{line}",
            aliases=aliases,
        )
    for line, row in table:
        subject = ids[row["actorid"]]
        for flag, id_col, _name_col, predicate, extra in _LINKS:
            if row.get(flag) != "1":
                continue
            targets = _ids(row.get(id_col, ""))
            if not targets:
                bundle.problem(display, line, id_col, f"{flag} is 1 but {id_col} names no actor id")
                continue
            for t in targets:
                if t not in ids:
                    ids[t] = resolver.actor("ucdp", t, names.get(t) or f"UCDP actor {t}", where=f"{display}:{line}")
                    kinds.setdefault(t, "armed_group")
                obj = ids[t]
                if obj == subject:
                    continue
                pred = "merged_into" if predicate == "member_of" and kinds.get(t) == "government" else predicate
                bundle.add_claim(
                    {
                        "id": bundle.claim_id("ucdp", subject, pred, obj, "actor-list"),
                        "subject": subject,
                        "predicate": pred,
                        "object": obj,
                        "sources": [{"id": source, "note": f"The UCDP actor list records this link ({flag})"}],
                        "qualifiers": dict(extra),
                    },
                    where=f"{display}:{line}",
                )
