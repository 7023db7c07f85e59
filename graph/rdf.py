"""The RDF shape of a graph: export to and import from Turtle, TriG, N-Triples and JSON-LD.

A claim is a statement node (the n-ary pattern of Wikidata and PROV-O): it links subject,
predicate (the relation kind's property, e.g. ``ag:supports``) and object, keeps the original EDTF
text of each end with its earliest and latest days, and carries the derived bounds that make
"holds as of D" a plain comparison in SPARQL:

- the fields of :class:`graph.time.DayBounds`, camel-cased: ``ag:possibleFrom``/``ag:possibleTo`` and
  ``ag:certainFrom``/``ag:certainTo`` (the half-open day ranges under both readings) and
  ``ag:startEarliest`` ... ``ag:endLatest`` (left out when that end is open or unknown);
- ``ag:knownFrom``: the first day on which the record knew the claim (a source reporting its start
  was surely published), and ``ag:asKnown``: its states over knowledge time, each with
  ``ag:knownSince``/``ag:knownUntil``, its own ``ag:valid`` text and day bounds (an end reported
  later reads as open). The claim node is its own last state, so without a cut-off it reads as usual.

Every bound is an ``xsd:date``. An infinite bound is written as the first or the last
representable day (``0001-01-01``, ``9999-12-31``): with query days kept strictly inside that range
(:func:`query_day_limits`), a comparison with the clamped day answers exactly as one with the
infinite bound, and templates need no OPTIONAL for missing bounds. Templates compare the ISO text
(``STR(?d) <= "2016-06-01"``), which is exact and works around Virtuoso's wrong typed-date ranges.

Besides the statement node, each claim also writes the direct "truthy" triple ``subject ag:supports
object`` (as Wikidata does), and a lineage claim ``child ag:lineageParent parent``; the graph as a
whole also writes ``child ag:lineageAncestor ancestor`` for every ancestor reachable through
lineage links (the transitive closure), so that templates walk lineage chains without property
paths; likewise ``place ag:insideOf area`` for a place and every place enclosing it, and
``fight ag:theatre place`` for the places of a fight's ``theatre`` qualifier. Reading ignores them all.
Blank nodes are never used, so writing the same graph twice to a store adds nothing.
"""

from __future__ import annotations

import heapq
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from urllib.parse import quote, unquote

from rdflib import XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from graph.actorgraph import ActorGraph
from graph.knowledge import Epoch
from graph.model import Actor, Citation, Claim, Place, Source
from graph.places import enclosing, theatre_of
from graph.time import DayBounds, Interval, PartialDate
from ontology import NAMESPACE, ActorKind, Attested, PlaceKind, RelationKind, SourceKind, Status, SupportType

__all__ = [
    "AG",
    "DATA",
    "FORMATS",
    "GEO",
    "MAX_DAY",
    "MIN_DAY",
    "WD",
    "day_literal",
    "dump",
    "from_rdf",
    "load",
    "ntriples",
    "query_day_limits",
    "term_iri",
    "to_rdf",
    "triples",
]

AG = Namespace(NAMESPACE)
#: Where actors, places, sources and claims live: ``DATA + "actor/hts"``.
DATA = Namespace("https://w3id.org/actorgraph/id/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
WD = Namespace("http://www.wikidata.org/entity/")

#: The output formats accepted by :func:`dump` and :func:`load` (rdflib format names).
FORMATS = ("turtle", "trig", "nt", "json-ld")

MIN_DAY = date.min.toordinal()
MAX_DAY = date.max.toordinal()
_WIKIDATA_ID = re.compile(r"^Q[1-9][0-9]*$")


def _camel(word: str) -> str:
    head, *rest = word.split("_")
    return head + "".join(p.capitalize() for p in rest)


def bound_property(field: str) -> URIRef:
    """The RDF property of a :class:`graph.time.DayBounds` field: ``possible_from`` -> ``ag:possibleFrom``."""
    return AG[_camel(field)]


def term_iri(term) -> URIRef:
    """The IRI of a vocabulary term (relation kind, actor/place kind, support type, status).

    >>> term_iri(RelationKind.ALLIED_WITH), term_iri(SupportType.MATERIEL_LOGISTICS)
    (rdflib.term.URIRef('https://w3id.org/actorgraph/ns#alliedWith'), rdflib.term.URIRef('https://w3id.org/actorgraph/ns#support-materiel-logistics'))
    """
    if isinstance(term, RelationKind):
        return AG[_camel(term.value)]
    if isinstance(term, (ActorKind, PlaceKind)):
        return AG["".join(p.capitalize() for p in term.value.split("_"))]
    if isinstance(term, SupportType):
        return AG["support-" + term.value.replace("_", "-")]
    if isinstance(term, Status):
        return AG["status-" + term.value]
    if isinstance(term, SourceKind):
        return AG["source-" + term.value.replace("_", "-")]
    if isinstance(term, Attested):
        return AG["part-" + term.value]
    raise TypeError(f"{term!r} is not a vocabulary term")


@lru_cache(maxsize=1)
def _terms_by_iri() -> dict[URIRef, object]:
    return {term_iri(t): t for enum in (RelationKind, ActorKind, PlaceKind, SupportType, Status, SourceKind, Attested)
            for t in enum}


def day_literal(day: int) -> Literal:
    """An ordinal day as ``xsd:date``, infinities clamped to the first/last representable day."""
    return Literal(date.fromordinal(min(max(day, MIN_DAY), MAX_DAY)).isoformat(), datatype=XSD.date)


def known_literal(day: int) -> Literal:
    """A knowledge day as ``xsd:date``: "known only when everything is" becomes 9999-12-30.

    Templates compare it with the knowledge cut-off, which is 9999-12-30 when none is given, so
    that what no source dates shows without a cut-off and under no real one.
    """
    return day_literal(min(day, MAX_DAY - 1))


def query_day_limits(first: int, last: int) -> None:
    """Refuse a query span touching the clamped days, where a clamped bound would answer differently.

    Raises:
        ValueError: the span includes 0001-01-01 or 9999-12-31.
    """
    if first <= MIN_DAY or last >= MAX_DAY:
        raise ValueError("query dates must lie between 0001-01-02 and 9999-12-30")


def _iri(kind: str, ident: str) -> URIRef:
    return DATA[f"{kind}/{quote(ident, safe='')}"]


def _edtf(value: PartialDate | None) -> Literal | None:
    return Literal(str(value)) if value is not None else None


def triples(graph: ActorGraph, *, direct: bool = True) -> Iterator[tuple]:
    """Every triple of the RDF shape of ``graph`` (rdflib terms), entities first, then sources and claims."""
    for e in [*graph.actors, *graph.places]:
        yield from _entity_triples(e)
        yield from _entity_knowledge_triples(graph, e)
    for s in graph.sources:
        yield from _source_triples(s)
    for c in graph.all_claims():
        yield from _claim_triples(graph, c, direct=direct)
    if direct:
        yield from _lineage_closure(graph)
        yield from _place_closure(graph)


def _place_closure(graph: ActorGraph) -> Iterator[tuple]:
    """``place ag:insideOf area`` for the place itself and every place that encloses it (following ``within``).

    Written out for the reason ``ag:lineageAncestor`` is: a ``ag:within*`` property path inside an
    ``EXISTS`` lost rows on Virtuoso 7.2 after earlier loads (a contract test of ``fighting-in`` failed
    that way on a busy machine and passed alone); a plain triple pattern answers the same on every
    engine. Place trees are shallow, so the closure is a few triples per place.
    """
    for p in graph.places:
        node = _iri("place", p.id)
        yield node, AG.insideOf, node
        for outer in enclosing(graph, p.id):
            yield node, AG.insideOf, _iri("place", outer)


def _lineage_closure(graph: ActorGraph) -> Iterator[tuple]:
    """``child ag:lineageAncestor ancestor`` for every ancestor reachable through ``ag:lineageParent``.

    Written out rather than left to a ``ag:lineageParent+`` property path because Virtuoso 7.2
    evaluates such paths wrongly when the optimiser binds both ends (it then found no ancestors
    for some actors, depending on the statistics of earlier data); a plain triple pattern over the
    closure gives the same answer on every engine. Lineage chains are short, so the closure is small.

    Each pair also gets an ``ag:LineageReach`` node with the first day on which the record knew a
    whole chain of links from the child to the ancestor (the least, over chains, of the latest
    ``knownFrom`` of a chain's links), so that a knowledge cut-off walks only links known by then.
    """
    parents: dict[str, dict[str, int]] = {}
    for c in graph.all_claims():
        if c.predicate.spec.lineage:
            child, parent = _child_and_parent(c)
            known = graph.known_from(c)
            links = parents.setdefault(child, {})
            links[parent] = min(links.get(parent, known), known)
    for child in sorted(parents):
        reach: dict[str, int] = {}
        queue = [(known, parent) for parent, known in parents[child].items()]
        heapq.heapify(queue)
        while queue:
            known, node = heapq.heappop(queue)
            if node in reach:
                continue
            reach[node] = known
            for parent, link_known in parents.get(node, {}).items():
                if parent not in reach:
                    heapq.heappush(queue, (max(known, link_known), parent))
        child_iri = _entity_iri(graph, child)
        for ancestor in sorted(reach):
            ancestor_iri = _entity_iri(graph, ancestor)
            yield child_iri, AG.lineageAncestor, ancestor_iri
            node = DATA[f"lineage/{quote(child, safe='')}/{quote(ancestor, safe='')}"]
            yield node, RDF.type, AG.LineageReach
            yield node, AG.descendant, child_iri
            yield node, AG.ancestor, ancestor_iri
            yield node, AG.knownFrom, known_literal(reach[ancestor])


def _child_and_parent(c: Claim) -> tuple[str, str]:
    """The ends of a lineage claim as (child, parent), whatever the relation's direction."""
    return (c.object, c.subject) if c.predicate is RelationKind.MERGED_INTO else (c.subject, c.object)


def _entity_iri(graph: ActorGraph, ident: str) -> URIRef:
    return _iri("place" if graph.get(ident).is_place else "actor", ident)


def _entity_triples(e: Actor | Place) -> Iterator[tuple]:
    node = _iri("place" if e.is_place else "actor", e.id)
    yield node, RDF.type, AG.Place if e.is_place else AG.Actor
    yield node, RDF.type, term_iri(e.kind)
    yield node, AG.id, Literal(e.id)
    yield node, RDFS.label, Literal(e.name)
    for alias in e.aliases:
        yield node, SKOS.altLabel, Literal(alias)
    if list(e.aliases) != sorted(e.aliases):  # RDF values are a set: keep the curator's order too
        yield node, AG.aliasOrder, Literal(json.dumps(list(e.aliases), ensure_ascii=False))
    if e.country:
        yield node, AG.country, Literal(e.country)
    for scheme, value in e.external_ids.items():
        if scheme == "wikidata" and _WIKIDATA_ID.match(value):
            yield node, OWL.sameAs, WD[value]
        else:
            yield node, AG.externalId, Literal(f"{scheme}={value}")
    if e.description:
        yield node, DCTERMS.description, Literal(e.description)
    if isinstance(e, Place):
        yield node, GEO.lat, Literal(repr(e.lat), datatype=XSD.double)
        yield node, GEO.long, Literal(repr(e.lon), datatype=XSD.double)
        if e.within:
            yield node, AG.within, _iri("place", e.within)
    else:
        for prop, value in ((AG.founded, e.founded), (AG.dissolved, e.dissolved)):
            if value is not None:
                yield node, prop, _edtf(value)


def _entity_knowledge_triples(graph: ActorGraph, e: Actor | Place) -> Iterator[tuple]:
    """The entity's own sources, and when the record knew it and each part of its record (derived)."""
    node = _iri("place" if e.is_place else "actor", e.id)
    yield from _citation_triples(node, e.citations)
    k = graph.entity_knowledge(e)
    if not e.is_place:
        yield node, AG.knownFrom, known_literal(graph.entity_known_from(e.id))
        if e.founded is not None:
            yield node, AG.foundedKnownFrom, known_literal(k.founded)
        if e.dissolved is not None:
            yield node, AG.dissolvedKnownFrom, known_literal(k.dissolved)
    if e.description:
        yield node, AG.descriptionKnownFrom, known_literal(k.description)


def _source_triples(s: Source) -> Iterator[tuple]:
    node = _iri("source", s.id)
    yield node, RDF.type, AG.Source
    yield node, AG.id, Literal(s.id)
    yield node, DCTERMS.title, Literal(s.title)
    yield node, DCTERMS.publisher, Literal(s.publisher)
    yield node, AG.url, Literal(s.url, datatype=XSD.anyURI)
    yield node, DCTERMS.issued, _edtf(s.published)
    yield node, AG.publishedEarliest, day_literal(s.published.first_day)
    yield node, AG.publishedLatest, day_literal(s.published.last_day)
    if s.accessed is not None:
        yield node, AG.accessed, _edtf(s.accessed)
    if s.language:
        yield node, DCTERMS.language, Literal(s.language)
    if s.license:
        yield node, DCTERMS.license, Literal(s.license)
    if s.kind is not None:
        yield node, AG.sourceKind, term_iri(s.kind)


def _claim_triples(graph: ActorGraph, c: Claim, *, direct: bool) -> Iterator[tuple]:
    node = _iri("claim", c.id)
    subject, obj = _entity_iri(graph, c.subject), _entity_iri(graph, c.object)
    predicate = term_iri(c.predicate)
    yield node, RDF.type, AG.Claim
    yield node, AG.id, Literal(c.id)
    yield node, AG.subject, subject
    yield node, AG.predicate, predicate
    yield node, AG.object, obj
    if direct:
        yield subject, predicate, obj
        if c.predicate.spec.lineage:
            child, parent = _child_and_parent(c)
            yield _entity_iri(graph, child), AG.lineageParent, _entity_iri(graph, parent)
    v = c.valid
    for prop, side in ((AG.validFrom, v.start), (AG.validTo, v.end)):
        if isinstance(side, PartialDate) and not v.single:
            yield node, prop, Literal(str(side))
        elif not isinstance(side, PartialDate) and side.value:
            yield node, prop, Literal(side.value)
    if v.single:
        yield node, AG.validFrom, Literal(str(v.start))
    knowledge = graph.knowledge(c)
    yield node, AG.knownFrom, known_literal(knowledge.known_from)
    *earlier, last = knowledge.epochs
    for i, epoch in enumerate(earlier):  # how the claim read before the record knew all of it
        state = URIRef(f"{node}/known/{i}")
        yield node, AG.asKnown, state
        yield from _state_triples(state, epoch)
    yield node, AG.asKnown, node  # the claim itself is how it reads once everything is known
    yield from _state_triples(node, last)
    for t in c.support_types:
        yield node, AG.supportType, term_iri(t)
    yield node, AG.status, term_iri(c.status)
    if c.note:
        yield node, RDFS.comment, Literal(c.note)
    if c.predicate is RelationKind.FIGHTS:
        for place_id in theatre_of(c):  # where the fight took place, as links a template can join
            yield node, AG.theatre, _iri("place", place_id)
    for key, value in c.qualifiers.items():
        q = URIRef(f"{node}/qualifier/{quote(key, safe='')}")
        yield node, AG.qualifier, q
        yield q, AG.key, Literal(key)
        yield q, RDF.value, Literal(value)
    yield from _citation_triples(node, c.citations)


def _citation_triples(node: URIRef, citations) -> Iterator[tuple]:
    """``prov:qualifiedDerivation`` nodes: which source, in which order, its note, quote and attested parts."""
    for position, cite in enumerate(citations):
        src = _iri("source", cite.source)
        d = URIRef(f"{node}/derivation/{position}/{quote(cite.source, safe='')}")
        yield node, PROV.wasDerivedFrom, src
        yield node, PROV.qualifiedDerivation, d
        yield d, RDF.type, PROV.Derivation
        yield d, PROV.entity, src
        yield d, AG.position, Literal(position)
        if cite.note:
            yield d, AG.note, Literal(cite.note)
        if cite.quote:
            yield d, AG.quote, Literal(cite.quote)
        if cite.attests is not None:
            yield d, AG.attestsStated, Literal(True)
            for part in cite.attests:
                yield d, AG.attests, term_iri(part)
        if cite.announced:
            yield d, AG.announced, Literal(True)


def _state_triples(node: URIRef, epoch: Epoch) -> Iterator[tuple]:
    """A claim's validity during one epoch of knowledge time: its EDTF text and its :class:`DayBounds`.

    Spans of a start or end that is open or unknown are left out, so templates can ask for them.
    """
    yield node, AG.knownSince, known_literal(epoch.known_from)
    yield node, AG.knownUntil, day_literal(epoch.known_to)
    if epoch.valid.edtf:
        yield node, AG.valid, Literal(epoch.valid.edtf)
    bounds = DayBounds.of(epoch.valid)
    for name, day in zip(DayBounds._fields, bounds, strict=True):
        if name in _SPAN_FIELDS and not _span_dated(bounds, name):
            continue
        yield node, BOUND_PROPERTIES[name], day_literal(day)


#: The RDF property of each :class:`DayBounds` field (``possible_from`` -> ``ag:possibleFrom``).
BOUND_PROPERTIES = {name: bound_property(name) for name in DayBounds._fields}
_SPAN_FIELDS = frozenset({"start_earliest", "start_latest", "end_earliest", "end_latest"})


def _span_dated(bounds: DayBounds, name: str) -> bool:
    lo, hi = (bounds.start_earliest, bounds.start_latest) if name.startswith("start") else (
        bounds.end_earliest, bounds.end_latest)
    return lo <= hi


def to_rdf(graph: ActorGraph) -> Graph:
    """The RDF shape of ``graph`` as an in-memory rdflib graph, with the usual prefixes bound.

    >>> from loaders import bundled_dataset, load_datasets
    >>> rdf = to_rdf(load_datasets([bundled_dataset("seed")]))
    >>> (None, AG.predicate, AG.supports) in rdf
    True
    """
    out = Graph()
    _bind(out)
    for t in triples(graph):
        out.add(t)
    return out


def _bind(g: Graph) -> None:
    for prefix, ns in (("ag", AG), ("agid", DATA), ("geo", GEO), ("wd", WD), ("prov", PROV),
                       ("skos", SKOS), ("dcterms", DCTERMS), ("owl", OWL)):
        g.bind(prefix, ns)


def dump(graph: ActorGraph, fmt: str = "turtle") -> str:
    """``graph`` serialised as ``turtle``, ``trig`` (one named graph), ``nt`` or ``json-ld``.

    TriG and JSON-LD are written by Oxigraph (rdflib's writers for them raise deprecation warnings).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt in _OX_FORMATS:
        import pyoxigraph as ox

        quads = [ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(str(DATA["graph"])))
                 for q in ox.parse("".join(ntriples(graph)).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)]
        prefixes = {"ag": str(AG), "agid": str(DATA), "prov": str(PROV), "skos": str(SKOS)}
        if fmt == "json-ld":
            quads = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        return ox.serialize(quads, format=_OX_FORMATS[fmt](), prefixes=prefixes).decode("utf-8")
    return to_rdf(graph).serialize(format=fmt)


_OX_FORMATS = {"trig": lambda: __import__("pyoxigraph").RdfFormat.TRIG,
               "json-ld": lambda: __import__("pyoxigraph").RdfFormat.JSON_LD}


def load(text: str, fmt: str = "turtle") -> ActorGraph:
    """Read an :class:`ActorGraph` back from text written by :func:`dump` (any of :data:`FORMATS`)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; use one of {', '.join(FORMATS)}")
    g = Graph()
    if fmt in _OX_FORMATS:
        import pyoxigraph as ox

        lines = [f"{q.subject} {q.predicate} {q.object} .\n"
                 for q in ox.parse(text.encode("utf-8"), format=_OX_FORMATS[fmt]())]
        g.parse(data="".join(lines), format="nt")
    else:
        g.parse(data=text, format=fmt)
    return from_rdf(g)


def _one(g: Graph, node, prop, *, required: bool = True):
    values = list(g.objects(node, prop))
    if not values:
        if required:
            raise ValueError(f"{node} has no {prop}; the RDF is not in actorgraph's shape (see ontology/shapes.ttl)")
        return None
    return values[0]


def _text(g: Graph, node, prop, *, required: bool = False) -> str | None:
    v = _one(g, node, prop, required=required)
    return None if v is None else str(v)


def _kind(g: Graph, node, enum):
    terms = _terms_by_iri()
    for t in g.objects(node, RDF.type):
        term = terms.get(t)
        if isinstance(term, enum):
            return term
    raise ValueError(f"{node} has no {enum.__name__} type")


def _external_ids(g: Graph, node) -> dict[str, str]:
    out = {}
    for same in g.objects(node, OWL.sameAs):
        if str(same).startswith(str(WD)):
            out["wikidata"] = str(same)[len(WD):]
    for text in g.objects(node, AG.externalId):
        scheme, _, value = str(text).partition("=")
        out[scheme] = value
    return out


def _aliases(g: Graph, node) -> tuple[str, ...]:
    ordered = _text(g, node, AG.aliasOrder)
    if ordered is not None:
        return tuple(json.loads(ordered))
    return tuple(sorted(str(a) for a in g.objects(node, SKOS.altLabel)))


def _source_kind(g: Graph, node) -> SourceKind | None:
    kind = _one(g, node, AG.sourceKind, required=False)
    return None if kind is None else _terms_by_iri()[kind]


def _date(text: str | None) -> PartialDate | None:
    return PartialDate.parse(text) if text is not None else None


def _citations(g: Graph, node) -> tuple[Citation, ...]:
    """The citations written by :func:`_citation_triples`, in their original order."""
    terms = _terms_by_iri()
    out = []
    for d in g.objects(node, PROV.qualifiedDerivation):
        stated = _one(g, d, AG.attestsStated, required=False) is not None
        attests = tuple(terms[p] for p in g.objects(d, AG.attests)) if stated else None
        out.append((int(_one(g, d, AG.position)), Citation(
            _text(g, _one(g, d, PROV.entity), AG.id, required=True), _text(g, d, AG.note) or "",
            _text(g, d, AG.quote) or "", attests=attests,
            announced=_one(g, d, AG.announced, required=False) is not None)))
    return tuple(c for _, c in sorted(out, key=lambda x: x[0]))


def from_rdf(g: Graph) -> ActorGraph:
    """Rebuild an :class:`ActorGraph` from triples in actorgraph's RDF shape (the derived bounds are recomputed)."""
    actors, places, sources, claims = [], [], [], []
    for node in sorted(g.subjects(RDF.type, AG.Actor)):
        actors.append(Actor(
            _text(g, node, AG.id, required=True), _text(g, node, RDFS.label, required=True), _kind(g, node, ActorKind),
            aliases=_aliases(g, node),
            country=_text(g, node, AG.country), founded=_date(_text(g, node, AG.founded)),
            dissolved=_date(_text(g, node, AG.dissolved)), external_ids=_external_ids(g, node),
            description=_text(g, node, DCTERMS.description) or "", citations=_citations(g, node)))
    for node in sorted(g.subjects(RDF.type, AG.Place)):
        within = _one(g, node, AG.within, required=False)
        places.append(Place(
            _text(g, node, AG.id, required=True), _text(g, node, RDFS.label, required=True), _kind(g, node, PlaceKind),
            float(_one(g, node, GEO.lat)), float(_one(g, node, GEO.long)),
            aliases=_aliases(g, node),
            country=_text(g, node, AG.country),
            within=unquote(str(within).rsplit("/", 1)[1]) if within is not None else None,
            external_ids=_external_ids(g, node), description=_text(g, node, DCTERMS.description) or "",
            citations=_citations(g, node)))
    for node in sorted(g.subjects(RDF.type, AG.Source)):
        sources.append(Source(
            _text(g, node, AG.id, required=True), _text(g, node, DCTERMS.title, required=True),
            _text(g, node, DCTERMS.publisher, required=True), _text(g, node, AG.url, required=True),
            PartialDate.parse(_text(g, node, DCTERMS.issued, required=True)),
            accessed=_date(_text(g, node, AG.accessed)), language=_text(g, node, DCTERMS.language),
            license=_text(g, node, DCTERMS.license), kind=_source_kind(g, node)))
    ids = {}
    for node in [*g.subjects(RDF.type, AG.Actor), *g.subjects(RDF.type, AG.Place), *g.subjects(RDF.type, AG.Source)]:
        ids[node] = str(_one(g, node, AG.id))
    terms = _terms_by_iri()
    for node in g.subjects(RDF.type, AG.Claim):
        qualifiers = {str(_one(g, q, AG.key)): str(_one(g, q, RDF.value)) for q in g.objects(node, AG.qualifier)}
        claims.append(Claim(
            _text(g, node, AG.id, required=True), ids[_one(g, node, AG.subject)], terms[_one(g, node, AG.predicate)],
            ids[_one(g, node, AG.object)], Interval.parse(_text(g, node, AG.valid)),
            support_types=tuple(terms[t] for t in g.objects(node, AG.supportType)),
            status=terms[_one(g, node, AG.status)],
            citations=_citations(g, node), qualifiers=qualifiers, note=_text(g, node, RDFS.comment) or ""))
    claims.sort(key=lambda c: c.id)
    out = ActorGraph()
    out.add(actors=actors, places=places, sources=sources, claims=claims)
    return out


def ntriples(graph: ActorGraph) -> Iterable[str]:
    """The graph as N-Triples lines (for bulk loading), written straight from the terms."""
    for s, p, o in triples(graph):
        yield f"{s.n3()} {p.n3()} {o.n3()} .\n"

