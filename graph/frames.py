"""The graph for researchers' tools: a pandas table of claims, a plain networkx graph, notebook display.

:func:`to_pandas` gives one row per claim with scalar columns (names, kinds, EDTF text, the first
and last days of both readings of partial dates, status, support types, number of sources), so a
claim table can be filtered, grouped and plotted without knowing the model. :func:`to_networkx`
gives a plain ``MultiDiGraph`` (or, collapsed, a ``DiGraph``) whose node and edge attributes are
all strings, numbers or booleans: ``nx.write_gexf`` and ``nx.write_graphml`` accept it as it is,
which they do not accept for :meth:`ActorGraph.as_of`, whose edges hold claim objects. Both read
claims from one point of view (a date, a reading, a knowledge cut-off), as ``ActorGraph.claims``.

:class:`ClaimTable` is a list of claims that shows as a table in a notebook (``_repr_html_``).

pandas is optional (``pip install 'actorgraph[pandas]'``); nothing here imports it until asked.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.exports.escaping import html_text
from graph.pointofview import PointOfView, point_of_view
from graph.records import side_text
from graph.time import FAR_FUTURE, FAR_PAST

__all__ = ["CLAIM_COLUMNS", "ClaimTable", "claim_rows", "to_networkx", "to_pandas"]

_PANDAS_HINT = ("to_pandas needs pandas, an optional dependency of actorgraph: "
                "pip install 'actorgraph[pandas]' (or pip install pandas)")

#: The columns of :func:`to_pandas`, in order.
CLAIM_COLUMNS = ("id", "subject", "subject_name", "subject_kind", "predicate", "object", "object_name",
                 "object_kind", "valid", "valid_from", "valid_to", "possible_first", "possible_last",
                 "certain_first", "certain_last", "ever_certain", "status", "support_types", "sources",
                 "known_from")


def _day(day: int) -> date | None:
    """An ordinal day as a date; ``None`` for the open bounds (before or after every real date)."""
    return None if day <= FAR_PAST or day >= FAR_FUTURE else date.fromordinal(day)


def _last(day: int) -> date | None:
    """The last day of a half-open range ending at ``day`` (exclusive), ``None`` when open."""
    return None if day >= FAR_FUTURE else _day(day - 1)


def claim_rows(graph, claims, pov: PointOfView) -> list[dict[str, Any]]:
    """One dict per claim with the :data:`CLAIM_COLUMNS` (days as ``datetime.date`` or ``None``)."""
    rows = []
    for c in claims:
        s, o, v = graph.get(c.subject), graph.get(c.object), c.valid
        certain = v.certain_from < v.certain_to
        rows.append({
            "id": c.id, "subject": c.subject, "subject_name": s.name, "subject_kind": s.kind.value,
            "predicate": c.predicate.value, "object": c.object, "object_name": o.name, "object_kind": o.kind.value,
            "valid": v.edtf, "valid_from": side_text(v.start), "valid_to": None if v.single else side_text(v.end),
            "possible_first": _day(v.possible_from), "possible_last": _last(v.possible_to),
            "certain_first": _day(v.certain_from) if certain else None,
            "certain_last": _last(v.certain_to) if certain else None, "ever_certain": certain,
            "status": c.status.value, "support_types": tuple(t.value for t in c.support_types),
            "sources": len(graph.sources_of(c, pov)), "known_from": _day(graph.known_from(c)),
        })
    return rows


def to_pandas(graph, *, pov: PointOfView | None = None, **filters):
    """A ``pandas.DataFrame`` of the claims ``graph.claims(**filters, pov=pov)`` gives, one row per claim.

    Day columns (``possible_first`` ... ``known_from``) are ``datetime64`` with ``NaT`` for an open
    bound; ``support_types`` holds tuples (``df.explode("support_types")`` gives one row per type);
    ``sources`` counts the sources known from the point of view.

    Raises:
        ImportError: pandas is not installed (the message says how to install it).

    >>> from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Source
    >>> g = ActorGraph()
    >>> g.add(actors=[Actor("ru", "Russia", "state"), Actor("ag", "Assad government", "government")],
    ...       sources=[Source("s1", "A report", "An agency", "https://example.org/r", PartialDate.parse("2016"))],
    ...       claims=[Claim("c1", "ru", "supports", "ag", Interval.parse("2015-09/2024-12-08"),
    ...                     support_types=["troops"], citations=[Citation("s1")])])
    >>> df = to_pandas(g, as_of="2016")
    >>> row = df.iloc[0]
    >>> row["subject_name"], row["valid"], int(row["sources"]), str(row["possible_first"].date())
    ('Russia', '2015-09/2024-12-08', 1, '2015-09-01')
    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError(_PANDAS_HINT) from exc
    pov = point_of_view(pov, as_of=filters.pop("as_of", None), certainty=filters.pop("certainty", None),
                        known_as_of=filters.pop("known_as_of", None))
    rows = claim_rows(graph, graph.claims(**filters, pov=pov), pov)
    frame = pd.DataFrame(rows, columns=list(CLAIM_COLUMNS))
    for column in ("possible_first", "possible_last", "certain_first", "certain_last", "known_from"):
        frame[column] = pd.to_datetime(frame[column].astype("object"))
    frame["ever_certain"] = frame["ever_certain"].astype(bool)
    frame["sources"] = frame["sources"].astype("int64")
    return frame


def to_networkx(graph, as_of=None, *, pov: PointOfView | None = None, certainty=None, known_as_of=None,
                places: bool = True, collapse: bool = False, **filters):
    """A plain networkx graph of the claims holding ``as_of`` (every claim, with no date); scalar attributes only.

    Args:
        as_of, certainty, known_as_of, pov: the point of view, as for ``ActorGraph.claims``.
        places: ``False`` leaves places out, and the claims that end at one (controls, based_in).
        collapse: ``True`` gives a ``DiGraph`` with one edge per (subject, object): its claims' ids,
            kinds and statuses joined by ``;``, and their number as ``count`` and ``weight``, so
            parallel claims (a relation reported several times, or renewed) count once in degrees.
            A symmetric claim (``fights``, ``allied_with``) reads the same both ways, so it joins the
            edge of its pair in id order whichever way it was recorded.
        filters: relation filters of ``ActorGraph.claims`` (actor, predicate, status...).

    Nodes are the actors that existed then (every actor known, with no date) and, with ``places``,
    the places; each has ``name``, ``kind``, ``type`` (actor or place), ``country``, ``founded`` and
    ``dissolved`` (EDTF, ``""`` when unknown). An edge, keyed by claim id, has ``claim_id``,
    ``predicate``, ``valid``, ``valid_from``, ``valid_to``, ``possible_first``, ``possible_last``,
    ``certain_first``, ``certain_last`` (ISO days, ``""`` when open), ``ever_certain``, ``status``,
    ``support_types`` (``;``-joined), ``sources`` (a count) and ``symmetric``.

    >>> from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Place, Source
    >>> g = ActorGraph()
    >>> cite = [Citation("s")]
    >>> g.add(actors=[Actor("a", "A", "armed_group"), Actor("b", "B", "armed_group")],
    ...       places=[Place("p", "P", "city", 35.0, 36.0)],
    ...       sources=[Source("s", "A report", "An agency", "https://example.org/r", PartialDate.parse("2018"))],
    ...       claims=[Claim("c1", "a", "fights", "b", Interval.parse("2015/2016"), citations=cite),
    ...               Claim("c2", "a", "fights", "b", Interval.parse("2015-06/2017"), citations=cite),
    ...               Claim("c3", "a", "controls", "p", Interval.parse("2015/.."), citations=cite)])
    >>> h = to_networkx(g, "2015-07", places=False, collapse=True)
    >>> sorted(h.nodes), h["a"]["b"]["count"], h["a"]["b"]["claims"]
    (['a', 'b'], 2, 'c1;c2')
    """
    import networkx as nx

    pov = point_of_view(pov, as_of=as_of, certainty=certainty, known_as_of=known_as_of)
    claims = graph.claims(**filters, pov=pov)
    if not places:
        claims = [c for c in claims if not graph.get(c.subject).is_place and not graph.get(c.object).is_place]
    nodes: dict[str, Any] = {}
    if not filters:
        for actor in graph.known_actors(pov):
            if pov.as_of is None or pov.holds(actor.existence):
                nodes[actor.id] = actor
        if places:
            nodes.update((p.id, graph.entity_as_known(p.id, pov)) for p in graph.places)
    for c in claims:
        for end in (c.subject, c.object):
            if end not in nodes:
                nodes[end] = graph.entity_as_known(end, pov) or graph.get(end)
    out = nx.DiGraph() if collapse else nx.MultiDiGraph()
    for node_id in sorted(nodes):
        e = nodes[node_id]
        out.add_node(node_id, name=e.name, kind=e.kind.value, type="place" if e.is_place else "actor",
                     country=e.country or "", founded=str(getattr(e, "founded", None) or ""),
                     dissolved=str(getattr(e, "dissolved", None) or ""))
    rows = claim_rows(graph, claims, pov)
    for c, row in zip(claims, rows, strict=True):
        attrs = {"claim_id": c.id, "predicate": row["predicate"], "valid": row["valid"] or "",
                 "valid_from": row["valid_from"] or "", "valid_to": row["valid_to"] or "",
                 **{k: row[k].isoformat() if row[k] else "" for k in ("possible_first", "possible_last",
                                                                      "certain_first", "certain_last")},
                 "ever_certain": row["ever_certain"], "status": row["status"],
                 "support_types": ";".join(row["support_types"]), "sources": row["sources"],
                 "symmetric": c.symmetric}
        if not collapse:
            out.add_edge(c.subject, c.object, key=c.id, **attrs)
            continue
        u, v = sorted((c.subject, c.object)) if c.symmetric else (c.subject, c.object)
        if out.has_edge(u, v):
            d = out[u][v]
            d["claims"] += f";{c.id}"
            d["count"] += 1
            d["weight"] = d["count"]
            for k in ("predicate", "status"):
                d[k] = ";".join(sorted(set(d[k].split(";")) | {attrs[k]}))
        else:
            out.add_edge(u, v, claims=c.id, predicate=attrs["predicate"], status=attrs["status"], count=1, weight=1)
    out.graph.update({"as_of": "" if pov.as_of is None else str(pov.as_of), "certainty": pov.certainty.value,
                      "known_as_of": "" if pov.known_as_of is None else str(pov.known_as_of)})
    return out


@dataclass(frozen=True, slots=True)
class ClaimTable(Sequence):
    """Claims with the graph and point of view they were read from: a list that shows as a table in a notebook."""

    graph: Any
    claims: tuple
    pov: PointOfView = PointOfView()

    def __getitem__(self, i):
        return self.claims[i]

    def __len__(self) -> int:
        return len(self.claims)

    def __iter__(self) -> Iterator:
        return iter(self.claims)

    def to_pandas(self):
        """The same claims as :func:`to_pandas` rows."""
        try:
            import pandas as pd
        except ImportError as exc:
            raise ImportError(_PANDAS_HINT) from exc
        return pd.DataFrame(claim_rows(self.graph, self.claims, self.pov), columns=list(CLAIM_COLUMNS))

    def _repr_html_(self) -> str:
        """How a notebook shows it: one row per claim, its sources as links (every value HTML-escaped)."""
        head = ["claim", "subject", "relation", "object", "valid", "status", "support", "sources"]
        when = self.pov.describe()
        lines = ['<table class="actorgraph-claims">',
                 f"<caption>{len(self.claims)} claim(s){html_text(' ' + when) if when else ''}</caption>",
                 "<thead><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead><tbody>"]
        for c in self.claims:
            links = ", ".join(f'<a href="{html_text(s.url)}" title="{html_text(s.title)}">'
                              f"{html_text(s.publisher or s.title)}</a>" for s in self.graph.sources_of(c, self.pov))
            cells = [c.id, self.graph.get(c.subject).name, c.predicate.spec.label, self.graph.get(c.object).name,
                     c.valid.edtf or "undated", c.status.value, ", ".join(t.value for t in c.support_types)]
            lines.append("<tr>" + "".join(f"<td>{html_text(x)}</td>" for x in cells) + f"<td>{links}</td></tr>")
        lines.append("</tbody></table>")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"ClaimTable({len(self.claims)} claims{', ' + self.pov.describe() if self.pov.describe() else ''})"
