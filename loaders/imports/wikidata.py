"""Wikidata: entity JSON (``Special:EntityData/Q….json``, one entity, a list, or JSON lines) and
SPARQL JSON results, as actors and claims.

Properties read: P361 part of -> ``part_of``; P807 separated from -> ``offshoot_of``; P1365 replaces ->
``successor_of``; P1366 replaced by -> ``successor_of`` the other way round; P463 member of ->
``member_of``; P1344 participant in -> ``member_of`` when the target is an actor given in the same input
(a coalition or an operation's alliance; an event such as a war has no place in the ontology and is
reported as skipped); P571 inception / P576 dissolved -> the actor's ``founded`` / ``dissolved``; P31
instance of -> the actor kind. Qualifiers P580 start time / P582 end time -> the claim's valid time
at the precision Wikidata gives (year, month, day). Deprecated statements are skipped.

Each statement reference becomes a source (P854 reference URL, P1476 title, P577 publication date,
P813 retrieved); a statement without references cites the Wikidata item itself, published on the
entity's ``modified`` date (or ``published=`` for SPARQL results, which carry no dates of their own).

SPARQL results use these variable names: ``item``, ``itemLabel``, ``property`` (a ``P…`` id or a
wikidata.org property URI), ``value``, ``valueLabel``, and optionally ``start``, ``end``, ``reference``
(a URL), ``startPrecision``/``endPrecision`` (9 year, 10 month, 11 day; default 11).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from graph.textfile import read_text
from loaders.imports.bundle import Bundle, short_hash
from loaders.imports.csvrows import ImportInputError
from loaders.imports.progress import Progress
from loaders.imports.resolver import Resolver
from ontology import ActorGraphError

__all__ = ["KIND_OF_CLASS", "PROPERTIES", "import_wikidata", "wikidata_date"]

PROPERTIES = {
    "P361": ("part_of", False),
    "P807": ("offshoot_of", False),
    "P1365": ("successor_of", False),
    "P1366": ("successor_of", True),
    "P463": ("member_of", False),
    "P1344": ("member_of", False),
}
KIND_OF_CLASS = {
    "Q6256": "state",
    "Q3624078": "state",
    "Q7275": "state",
    "Q7188": "government",
    "Q35798": "government",
    "Q17149090": "armed_group",
    "Q1520223": "armed_group",
    "Q1133443": "militia",
    "Q7278": "political_organisation",
    "Q484652": "international_organisation",
    "Q5": "person",
    "Q1127126": "coalition",
    "Q1788992": "coalition",
    "Q176799": "armed_forces",
    "Q8473": "armed_forces",
}
_PRECISION = {9: 4, 10: 7, 11: 10}
_QID = re.compile(r"(Q\d+)$")
_PID = re.compile(r"(P\d+)$")


def wikidata_date(value: str, precision: int = 11) -> str | None:
    """EDTF text of a Wikidata time (``+2013-04-00T00:00:00Z``) at its precision; ``None`` if coarser than a year.

    >>> wikidata_date("+2013-04-00T00:00:00Z", 10), wikidata_date("2017-01-28T00:00:00Z")
    ('2013-04', '2017-01-28')
    """
    if precision not in _PRECISION:
        return None
    text = value.lstrip("+")[:10]
    return text[: _PRECISION[precision]]


def _label(entity: dict) -> str:
    labels = entity.get("labels", {})
    return (labels.get("en") or next(iter(labels.values()), {})).get("value") or entity["id"]


def _snak_time(snaks: dict, pid: str) -> str | None:
    for snak in snaks.get(pid, ()):
        value = snak.get("datavalue", {}).get("value")
        if isinstance(value, dict) and "time" in value:
            return wikidata_date(value["time"], value.get("precision", 11))
    return None


def _snak_item(snak: dict) -> str | None:
    value = snak.get("datavalue", {}).get("value")
    return value.get("id") if isinstance(value, dict) else None


def _load(path: Path):
    text = read_text(path, display=str(path))
    try:
        return json.loads(text)
    except RecursionError:
        raise ImportInputError(f"{path}: JSON nested too deeply to be Wikidata entity JSON or SPARQL results") from None
    except json.JSONDecodeError:
        out = []
        for i, line in enumerate(text.splitlines(), 1):
            line = line.strip().rstrip(",")
            if line in ("", "[", "]"):
                continue
            try:
                out.append(json.loads(line))
            except RecursionError:
                raise ImportInputError(f"{path}:{i}: JSON nested too deeply to be a Wikidata entity") from None
            except json.JSONDecodeError as exc:
                raise ImportInputError(
                    f"{path}:{i}: not JSON ({exc.msg}); expected Wikidata entity JSON or SPARQL JSON results"
                ) from None
        return out


def import_wikidata(
    path: str | Path,
    bundle: Bundle,
    resolver: Resolver,
    *,
    published: str | None = None,
    progress: Progress | None = None,
) -> None:
    """Read Wikidata entity JSON or SPARQL JSON results into ``bundle``.

    Raises:
        ImportInputError: the file is not JSON, or not in either shape (a field of the wrong type).
    """
    path = Path(path)
    doc = _load(path)
    try:
        _import(doc, path, bundle, resolver, published, progress)
    except ImportInputError as exc:
        if str(path) in str(exc):
            raise
        raise ImportInputError(f"{path}: {exc}") from None
    except ActorGraphError:
        raise
    except (AttributeError, TypeError, KeyError, IndexError, ValueError) as exc:
        # the reader follows the documented shapes; outside data of another shape stops here, named
        raise ImportInputError(f"{path}: not Wikidata entity JSON or SPARQL JSON results of the expected shape "
                               f"({type(exc).__name__}: {exc})") from None


def _import(doc, path: Path, bundle: Bundle, resolver: Resolver, published, progress) -> None:
    if isinstance(doc, dict) and "results" in doc and "head" in doc:
        statements, entities = _from_sparql(doc, path, bundle, published)
    else:
        items = (
            doc.get("entities", {}).values()
            if isinstance(doc, dict) and "entities" in doc
            else ([doc] if isinstance(doc, dict) else doc)
        )
        entities = {e["id"]: e for e in items if isinstance(e, dict) and "id" in e}
        if not entities:
            raise ImportInputError(f"{path}: no Wikidata entities or SPARQL results found")
        statements, entities = _from_entities(entities, bundle)
    ids = {}
    for qid, info in sorted(entities.items()):
        if progress:
            progress.update()
        ids[qid] = resolver.actor(
            "wikidata",
            qid,
            info["label"],
            kind=info["kind"],
            where=str(path),
            aliases=info.get("aliases", []),
            founded=info.get("founded"),
            dissolved=info.get("dissolved"),
            description=info.get("description", ""),
        )
    for st in statements:
        pid, subject, target = st["property"], st["subject"], st["target"]
        predicate, reverse = PROPERTIES[pid]
        if target not in ids:
            if pid == "P1344":
                bundle.notes.append(
                    f"{path}: {subject} P1344 {target} skipped: the target is not an actor in this input"
                )
                continue
            ids[target] = resolver.actor("wikidata", target, st.get("target_label") or target, where=str(path))
        s, o = ids[subject], ids[target]
        if reverse:
            s, o = o, s
        if s == o:
            continue
        valid = f"{st['start'] or ''}/{st['end'] or ''}" if (st["start"] or st["end"]) else None
        record = {
            "id": bundle.ns("wikidata", f"{st['statement']}".lower().replace("$", "-")),
            "subject": s,
            "predicate": predicate,
            "object": o,
            "status": "reported",
            "sources": [{"id": src, "note": f"Wikidata statement {subject} {pid} {target}"} for src in st["sources"]],
            "qualifiers": {"wikidata_property": pid},
        }
        if valid:
            record["valid"] = valid
        clash = _lifetime_clash(resolver.reference, s, predicate, o, valid)
        if clash:
            bundle.notes.append(f"{path}: statement {st['statement']} ({subject} {pid} {target}) skipped: it {clash} "
                                f"in the reference data")
            continue
        bundle.add_claim(record, where=str(path))


def _lifetime_clash(reference, subject: str, predicate: str, obj: str, valid: str | None) -> str | None:
    """Why the reference data's actor lifetimes rule the statement out (``None`` when they do not).

    Wikidata and the curated data can disagree on dates; such a statement is skipped with a note
    rather than failing the whole import, since neither side is malformed.
    """
    if reference is None or not valid or (subject not in reference and obj not in reference):
        return None
    from graph.integrity import claim_problems
    from graph.model import Citation, Claim
    from graph.time import Interval

    claim = Claim("probe", subject, predicate, obj, Interval.parse(valid), citations=(Citation("probe"),))
    found = [m for f, m in claim_problems(claim, reference.get, lambda _: True) if f == "valid"]
    return found[0] if found else None


def _kind(entity: dict) -> str:
    for snak in (s.get("mainsnak", {}) for s in entity.get("claims", {}).get("P31", ())):
        kind = KIND_OF_CLASS.get(_snak_item(snak) or "")
        if kind:
            return kind
    return "armed_group"


def _from_entities(entities: dict, bundle: Bundle):
    statements = []
    for qid, e in entities.items():
        claims = e.get("claims", {})
        item_source = bundle_item_source(bundle, qid, e.get("modified", "")[:10] or None)
        aliases = [a["value"] for vals in e.get("aliases", {}).values() for a in vals if a.get("value")]
        info = {
            "label": _label(e),
            "kind": _kind(e),
            "aliases": aliases,
            "description": (e.get("descriptions", {}).get("en") or {}).get("value", ""),
        }
        for pid, field in (("P571", "founded"), ("P576", "dissolved")):
            for st in claims.get(pid, ()):
                if st.get("rank") != "deprecated":
                    info[field] = _snak_time({pid: [st.get("mainsnak", {})]}, pid)
                    break
        e["__info__"] = info
        for pid in PROPERTIES:
            for st in claims.get(pid, ()):
                target = _snak_item(st.get("mainsnak", {}))
                if st.get("rank") == "deprecated" or not target:
                    continue
                quals = st.get("qualifiers", {})
                sources = [_reference_source(bundle, ref, e) for ref in st.get("references", ())]
                statements.append(
                    {
                        "property": pid,
                        "subject": qid,
                        "target": target,
                        "statement": st.get("id") or f"{qid}-{pid}-{target}",
                        "start": _snak_time(quals, "P580"),
                        "end": _snak_time(quals, "P582"),
                        "sources": sorted(set(sources)) or [item_source],
                    }
                )
    return statements, {qid: e.pop("__info__") for qid, e in entities.items()}


def bundle_item_source(bundle: Bundle, qid: str, published: str | None) -> str:
    if not published:
        raise ImportInputError(
            f"Wikidata item {qid} has no 'modified' date to date it as a source; "
            f"pass published=DATE (--published) for the date the data was retrieved"
        )
    return bundle.add_source(
        {
            "id": bundle.ns("wikidata", f"item-{qid.lower()}"),
            "title": f"Wikidata item {qid}",
            "publisher": "Wikidata",
            "url": f"https://www.wikidata.org/wiki/{qid}",
            "published": published,
            "license": "CC0 1.0",
        }
    )


def _reference_source(bundle: Bundle, ref: dict, entity: dict) -> str:
    snaks = ref.get("snaks", {})
    url = next((s["datavalue"]["value"] for s in snaks.get("P854", ()) if "datavalue" in s), None)
    stated_in = next((_snak_item(s) for s in snaks.get("P248", ())), None)
    title = next(
        (
            s["datavalue"]["value"].get("text")
            for s in snaks.get("P1476", ())
            if isinstance(s.get("datavalue", {}).get("value"), dict)
        ),
        None,
    )
    published = _snak_time(snaks, "P577") or _snak_time(snaks, "P813") or entity.get("modified", "")[:10]
    if not url and stated_in:
        url = f"https://www.wikidata.org/wiki/{stated_in}"
    if not url or not published:
        return bundle_item_source(bundle, entity["id"], entity.get("modified", "")[:10] or None)
    return bundle.add_source(
        {
            "id": bundle.ns("wikidata", f"ref-{ref.get('hash') or short_hash(url)}"[:40].lower()),
            "title": title or f"Reference cited on Wikidata ({url})",
            "publisher": "cited on Wikidata",
            "url": url,
            "published": published,
        }
    )


def _from_sparql(doc: dict, path: Path, bundle: Bundle, published: str | None):
    entities, statements = {}, []

    def value(b, name):
        return (b.get(name) or {}).get("value")

    for i, b in enumerate(doc["results"]["bindings"]):
        item, prop, target = value(b, "item"), value(b, "property"), value(b, "value")
        qm, pm, tm = _QID.search(item or ""), _PID.search(prop or ""), _QID.search(target or "")
        if not (qm and pm and tm):
            bundle.problem(
                str(path), 0, f"results[{i}]", "each binding needs item, property and value (Wikidata ids or URIs)"
            )
            continue
        qid, pid, tid = qm.group(1), pm.group(1), tm.group(1)
        entities.setdefault(qid, {"label": value(b, "itemLabel") or qid, "kind": "armed_group"})
        if pid not in PROPERTIES:
            continue
        source = bundle_item_source(bundle, qid, published)
        ref = value(b, "reference")
        if ref:
            source = bundle.add_source(
                {
                    "id": bundle.ns("wikidata", f"ref-{short_hash(ref)}"),
                    "title": f"Reference cited on Wikidata ({ref})",
                    "publisher": "cited on Wikidata",
                    "url": ref,
                    "published": published,
                }
            )
        start, end = value(b, "start"), value(b, "end")
        statements.append(
            {
                "property": pid,
                "subject": qid,
                "target": tid,
                "target_label": value(b, "valueLabel"),
                "statement": f"{qid}-{pid}-{tid}-{short_hash(start or '', end or '')}",
                "start": wikidata_date(start, int(value(b, "startPrecision") or 11)) if start else None,
                "end": wikidata_date(end, int(value(b, "endPrecision") or 11)) if end else None,
                "sources": [source],
            }
        )
    return statements, entities
