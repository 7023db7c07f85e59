"""Mapping Militants (Stanford MMP) exports: groups, and the dated links between them.

Two kinds of file, told apart by their header, may be given to one import in any order:

* **groups**: a group id (``group_id``), its name (``group_name`` or ``name``) and optionally its
  ``start_date``/``end_date`` (or ``startdate``/``enddate``) -> ``founded``/``dissolved``;
* **links**: ``link_type`` (or ``type``), the two group ids (``group1_id``, ``group2_id``), optionally their
  names (``group1_name``, ``group2_name``), the link's date (``link_date``, ``date`` or ``start_date``) and
  ``description``.

Dates: MMP writes an unknown day or month as ``00`` (``2016-12-00`` is December 2016) and an unknown date
as ``0000-00-00`` (for ``end_date``: still active); re-saved files may hold ``2/18/10``. A group id of
``-99`` (no profile) is matched by name.

What each link type becomes (MMP's five relationship kinds; the link's date is the one date of the claim,
as MMP dates the event that shows the relationship, not a span):

========  ===========================  ======================================================
code      MMP meaning                  claim
========  ===========================  ======================================================
``all``   allies                       ``group1 allied_with group2``
``aff``   affiliates                   ``group1 allied_with group2`` (qualifier ``mmp_link: aff``;
                                       MMP does not say which one is the parent)
``riv``   rivals                       ``group1 opposes group2`` (rivalry, not always fighting)
``spl``   splinter                     ``group2 offshoot_of group1`` (group 2 split from group 1)
``mer``   merger                       ``group1 merged_into group2``
========  ===========================  ======================================================

Any other code is a bad row (file, line, code). Claims have status ``reported`` and cite the links file,
with the link's description (cut to 300 characters) as the citation's note.
"""

from __future__ import annotations

import html
from pathlib import Path

from loaders.imports.bundle import Bundle, RowProblem, slug
from loaders.imports.csvrows import ImportInputError, read_rows
from loaders.imports.dates import edtf_date
from loaders.imports.progress import Progress
from loaders.imports.resolver import Resolver

__all__ = ["LINKS", "finish_mmp", "import_mmp"]

#: MMP link code -> (relation kind, whether group 2 is the subject)
LINKS = {
    "all": ("allied_with", False),
    "aff": ("allied_with", False),
    "riv": ("opposes", False),
    "spl": ("offshoot_of", True),
    "mer": ("merged_into", False),
}
_COLUMNS = {
    "group_id": ("group_id", "groupid", "id"),
    "group_name": ("group_name", "groupname", "name"),
    "start": ("start_date", "startdate", "start", "founded"),
    "end": ("end_date", "enddate", "end", "dissolved"),
    "type": ("link_type", "type", "linktype", "relationship"),
    "group1": ("group1_id", "group_id_1", "group1", "groupid1", "from_id"),
    "group2": ("group2_id", "group_id_2", "group2", "groupid2", "to_id"),
    "name1": ("group1_name", "group_name_1", "groupname1", "from_name"),
    "name2": ("group2_name", "group_name_2", "groupname2", "to_name"),
    "date": ("link_date", "date", "start_date", "startdate"),
    "link_id": ("link_id", "unique_id", "id"),
    "description": ("description", "desc", "link_description"),
}


def _pick(columns: set[str], field: str) -> str | None:
    return next((c for c in _COLUMNS[field] if c in columns), None)


def import_mmp(
    path: str | Path,
    bundle: Bundle,
    resolver: Resolver,
    *,
    published: str | None = None,
    delimiter: str | None = None,
    progress: Progress | None = None,
) -> None:
    """Read one MMP groups or links file; :func:`finish_mmp` makes actors and claims once all are read."""
    rows = read_rows(path, delimiter=delimiter)
    cols = {f: _pick(rows.columns, f) for f in _COLUMNS}
    state = bundle.pending.setdefault("mmp", {"groups": {}, "links": [], "sources": {}, "published": published})
    display, name = str(path), Path(path).name
    links = cols["type"] and cols["group1"] and cols["group2"]
    if not links and not (cols["group_id"] and cols["group_name"]):
        raise ImportInputError(f"{path}: not an MMP groups file (group_id, group_name) nor links file "
                               f"(link_type, group1_id, group2_id); columns: {', '.join(rows.header)}")
    source = bundle.ns("mmp", slug(Path(path).stem, limit=40))
    for line, row in rows.rows:
        if progress:
            progress.update()
        try:
            if rows.width_problem(row):
                raise RowProblem("", rows.width_problem(row))
            if links:
                state["links"].append(_link(row, cols, f"{display}:{line}", source))
            else:
                gid, gname = row[cols["group_id"]], row[cols["group_name"]].strip()
                if not gname:
                    raise RowProblem(cols["group_name"], "a group needs a name")
                founded = _date(row, cols["start"])
                dissolved = _date(row, cols["end"])
                state["groups"][gid if gid not in ("", "-99") else f"name:{gname}"] = (gname, founded, dissolved)
        except RowProblem as problem:
            bundle.problem(display, line, problem.field, str(problem))
    if links:
        state["sources"][source] = name


def _date(row: dict, column: str | None) -> str:
    if not column:
        return ""
    try:
        return edtf_date(row.get(column, "")) or ""
    except ValueError as exc:
        raise RowProblem(column, str(exc)) from None


def _link(row: dict, cols: dict, where: str, source: str) -> dict:
    code = row[cols["type"]].strip().lower()
    if code not in LINKS:
        raise RowProblem(cols["type"], f"{code!r} is not an MMP link type; expected one of {', '.join(LINKS)}")
    ends = []
    for side in ("1", "2"):
        gid = row[cols[f"group{side}"]].strip()
        gname = html.unescape(row.get(cols[f"name{side}"] or "", "")).strip()
        if gid in ("", "-99") and not gname:
            raise RowProblem(cols[f"group{side}"], f"group {side} has neither an id nor a name")
        ends.append((gid if gid not in ("", "-99") else "", gname))
    text = html.unescape(row.get(cols["description"] or "", "")).replace("\\'", "'").strip()
    return {"code": code, "ends": ends, "date": _date(row, cols["date"]), "where": where, "source": source,
            "note": text[:300] or f"MMP link ({code})", "link_id": row.get(cols["link_id"] or "", "")}


def finish_mmp(bundle: Bundle, resolver: Resolver) -> None:
    """Resolve the groups of every link (by MMP id, then name) on the link's date, and make the claims."""
    state = bundle.pending.pop("mmp", None)
    if not state:
        return
    groups = state["groups"]
    last = max((link["date"] for link in state["links"] if link["date"]), default="")
    published = state["published"]
    if not published and state["sources"]:
        if not last:
            raise ImportInputError("the MMP links carry no dates to date the source by: give --published with "
                                   "the date the export was downloaded")
        published = last
        bundle.notes.append(f"MMP files carry no release date; the links file's source is dated by its latest link "
                            f"({published}); give --published with the date you downloaded it")
    for source, name in state["sources"].items():
        bundle.add_source({"id": source, "title": f"Mapping Militants Project, links ({name})",
                           "publisher": "Mapping Militant Organizations, Stanford University (CISAC)",
                           "url": "https://cisac.fsi.stanford.edu/mappingmilitants", "published": published})
    for link in state["links"]:
        try:
            ids = [_group(resolver, gid, gname, groups, link) for gid, gname in link["ends"]]
        except RowProblem as problem:
            file, _, line = link["where"].rpartition(":")
            bundle.problem(file, int(line), problem.field, str(problem))
            continue
        predicate, reverse = LINKS[link["code"]]
        subject, obj = (ids[1], ids[0]) if reverse else (ids[0], ids[1])
        if subject == obj:
            continue
        record = {
            "id": bundle.claim_id("mmp", subject, predicate, obj, link["date"] or "undated"),
            "subject": subject,
            "predicate": predicate,
            "object": obj,
            "status": "reported",
            "sources": [{"id": link["source"], "note": link["note"]}],
            "qualifiers": {"mmp_link": link["code"], "mmp_link_id": link["link_id"]},
        }
        if link["date"]:
            record["valid"] = link["date"]
        bundle.add_claim(record, where=link["where"])


def _group(resolver: Resolver, gid: str, gname: str, groups: dict, link: dict) -> str:
    known = groups.get(gid) or groups.get(f"name:{gname}")
    name = (known[0] if known else "") or gname or f"MMP group {gid}"
    fields = {"founded": known[1], "dissolved": known[2]} if known else {}
    return resolver.actor("mmp", gid or name, name, valid=link["date"] or None, where=link["where"],
                          keys=[name], kind="armed_group", description="Mapping Militants group", **fields)
