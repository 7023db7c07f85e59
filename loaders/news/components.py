"""The spaCy pipeline components of news extraction, registered by name for ``pipeline.cfg``.

``actorgraph_mentions`` turns entities into linked mentions and candidates, ``actorgraph_coref``
adds mentions for "the group", "it" and headings that refer to an actor, ``actorgraph_dates``
finds dates against ``doc._.published``, ``actorgraph_claims`` applies the claim rules and links
their ends to the graph (choosing among a name's ids by what the relation allows). Components that
need a graph get it through ``use_graph`` after the pipeline is built (a graph is not config data).

Registration happens when :func:`register` is called (by :func:`loaders.news.pipeline.build_nlp`),
not at import.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from graph.time import PartialDate
from loaders.news.calibrate import load_calibrator
from loaders.news.coref import resolve
from loaders.news.dates import find_dates
from loaders.news.mentions import find_mentions
from loaders.news.pairs import pair_claims
from loaders.news.resources import Trigger, load_resources
from loaders.news.rules import SentenceContext, make_candidate, sentence_claims
from ontology import RELATIONS, RelationKind

__all__ = ["register", "MentionsComponent", "CorefComponent", "ClaimsComponent"]


@lru_cache(maxsize=1)
def register() -> None:
    """Register the components and Doc extensions with spaCy (idempotent)."""
    from spacy.language import Language
    from spacy.tokens import Doc

    for name, default in (("published", None), ("ag_mentions", None), ("ag_dates", None), ("ag_claims", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)

    @Language.factory("actorgraph_mentions", assigns=["doc._.ag_mentions"], requires=["doc.ents"])
    def make_mentions(nlp, name):
        return MentionsComponent(nlp, name)

    @Language.factory("actorgraph_coref", assigns=["doc._.ag_mentions"], requires=["doc._.ag_mentions"])
    def make_coref(nlp, name):
        return CorefComponent(nlp, name)

    @Language.component("actorgraph_dates", assigns=["doc._.ag_dates"], requires=["doc._.published"])
    def dates_component(doc):
        if doc._.published is None:
            raise ValueError("the Doc has no publication date: set doc._.published = PartialDate.parse('YYYY-MM-DD') "
                             "before running the pipeline (loaders.news.extract does this)")
        doc._.ag_dates = find_dates(doc.text, doc._.published)
        return doc

    @Language.factory("actorgraph_claims", assigns=["doc._.ag_claims"],
                      requires=["doc._.ag_mentions", "doc._.ag_dates"],
                      default_config={"use_parser": True})
    def make_claims(nlp, name, use_parser: bool):
        return ClaimsComponent(nlp, name, use_parser=use_parser)


class MentionsComponent:
    """Linked mentions, demonym phrases and new-actor candidates, in ``doc._.ag_mentions``."""

    def __init__(self, nlp, name: str):
        self.name = name
        self.res = load_resources()
        self.place_ids: frozenset[str] = frozenset()
        self.demonym_ids: dict[str, str] = {}
        self.lifetimes: dict = {}
        self.states: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.windows: dict = {}

    def use_graph(self, graph) -> None:
        self.place_ids = frozenset(p.id for p in graph.places)
        self.demonym_ids = {text: i for text, i in self.res.demonyms.items() if graph.get(i) is not None}
        self.lifetimes = {a.id: (a.founded, a.dissolved) for a in graph.actors}
        states = {a.name: a.id for a in graph.actors if getattr(a.kind, "value", a.kind) == "state"}
        self.states = {p.id: states[p.name] for p in graph.places
                       if getattr(p.kind, "value", p.kind) == "country" and p.name in states}
        names: dict[str, set[str]] = {}
        for a in graph.actors:
            for n in (a.name, *a.aliases):
                names.setdefault(n.lower(), set()).add(a.id)
        self.names = {n: next(iter(ids)) for n, ids in names.items() if len(ids) == 1}
        self.windows = self.res.windows

    def alive(self, entity_id: str, published) -> bool:
        """Whether the actor may have existed on some day of the publication date."""
        founded, dissolved = self.lifetimes.get(entity_id, (None, None))
        if published is None:
            return True
        return (founded is None or founded.first_day <= published.last_day) and (
            dissolved is None or dissolved.last_day >= published.first_day)

    def __call__(self, doc):
        doc._.ag_mentions = find_mentions(doc, self.res, self.place_ids, self.demonym_ids, self.alive, self.states,
                                          self.names, self.windows)
        return doc


class CorefComponent:
    """Mentions for references to actors within a paragraph (see :mod:`loaders.news.coref`)."""

    def __init__(self, nlp, name: str):
        self.name = name
        self.kinds: dict[str, object] = {}
        self.names: dict[str, str] = {}

    def use_graph(self, graph) -> None:
        self.kinds = {a.id: a.kind for a in graph.actors}
        self.names = {a.id: a.name for a in graph.actors}
        self.place_kinds = {p.id: p.kind for p in graph.places}

    def __call__(self, doc):
        mentions = doc._.ag_mentions or []
        found = resolve(doc, mentions, self.kinds, self.names, getattr(self, "place_kinds", None))
        if found:
            covered = {k for m in found for k in range(m.start, m.end)}
            # "its fighters": the resolved reference replaces a new-actor candidate over the same words
            kept = [m for m in mentions if not (m.kind == "candidate" and covered.intersection(range(m.start, m.end)))]
            doc._.ag_mentions = sorted([*kept, *found], key=lambda m: m.start)
        return doc


#: kinds of actor one organisation's unit may be ("the IRGC's Quds Force")
_UNITS = frozenset({"armed_group", "militia", "armed_forces"})


class ClaimsComponent:
    """Candidate claims, linked to graph ids, in ``doc._.ag_claims``."""

    def __init__(self, nlp, name: str, *, use_parser: bool = True):
        from spacy.matcher import PhraseMatcher

        self.name = name
        self.use_parser = use_parser
        self.res = load_resources()
        self.kinds: dict[str, object] = {}
        self.places: frozenset[str] = frozenset()
        self.triggers = self.res.triggers
        self.trigger_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        forms: dict[str, list[int]] = {}
        for i, trig in enumerate(self.triggers):
            for w in trig.words:
                forms.setdefault(w.lower(), []).append(i)
        self.trigger_forms = forms
        for w in forms:
            self.trigger_matcher.add(w, [nlp.make_doc(w)])
        self.cue_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for cue, words in self.res.cues.items():
            self.cue_matcher.add("cue:" + cue, [nlp.make_doc(w) for w in words])
        for word, support_type in self.res.support_nouns.items():
            self.cue_matcher.add("support:" + support_type, [nlp.make_doc(word)])

    def use_graph(self, graph) -> None:
        self.kinds = {e.id: e.kind for e in [*graph.actors, *graph.places]}
        self.places = frozenset(p.id for p in graph.places)
        self.graph_ids = frozenset(self.kinds)
        self.graph = graph
        self.calibrator = load_calibrator()
        self._known: dict = {}

    def __call__(self, doc):
        from spacy.util import filter_spans

        published = doc._.published
        mentions = doc._.ag_mentions or []
        inside = set()
        for m in mentions:
            inside.update(range(m.start, m.end))
        vocab = doc.vocab.strings
        spans = [doc[s:e] for _, s, e in self.trigger_matcher(doc) if not inside.intersection(range(s, e))]
        triggers = [(sp.start, sp.end, [self.triggers[i] for i in self.trigger_forms[sp.text.lower()]])
                    for sp in sorted(filter_spans(spans), key=lambda sp: sp.start)]
        cue_spans, support = [], []
        for key, s, e in self.cue_matcher(doc):
            label = vocab[key]
            kind, _, value = label.partition(":")
            (cue_spans if kind == "cue" else support).append((s, e, value))
        dates = []
        for d in doc._.ag_dates or []:
            sp = doc.char_span(d.start_char, d.end_char, alignment_mode="expand")
            if sp is not None:
                dates.append((sp.start, sp.end, d))
        found_all = []
        for sent in doc.sents:
            ctx = SentenceContext(
                doc, sent.start, sent.end,
                [m for m in mentions if sent.start <= m.start and m.end <= sent.end],
                [t for t in triggers if sent.start <= t[0] and t[1] <= sent.end],
                {}, [c for c in cue_spans if sent.start <= c[0] < sent.end],
                [c for c in support if sent.start <= c[0] < sent.end],
                [d for d in dates if sent.start <= d[0] < sent.end],
                self.res,
            )
            readings = sentence_claims(ctx)
            found_all.extend(readings)
            found_all.extend(pair_claims(ctx, readings))
        if self.use_parser and doc.has_annotation("DEP"):
            from loaders.news.syntax import parsed_claims

            found_all.extend(parsed_claims(doc, mentions, self.triggers, self.trigger_forms, self.res))
        out, seen = [], {}
        for f in found_all:
            cand = self._link(f, published, doc)
            if cand is None:
                continue
            key = (cand.subject or cand.subject_text, cand.predicate, cand.object or cand.object_text, cand.sentence)
            if key in seen and seen[key].confidence >= cand.confidence:
                continue
            seen[key] = cand
        out = sorted(seen.values(), key=lambda c: (c.start, c.trigger, c.subject or "", c.object or ""))
        doc._.ag_claims = out
        return doc

    # ------------------------------------------------------------------ linking

    def _metonym(self, entity_id: str, predicate: str, role: str, published: PartialDate) -> str:
        for m in self.res.metonyms:
            if m["id"] != entity_id or predicate not in m["predicates"] or m["as"] not in self.kinds:
                continue
            if m.get("when", "any") not in ("any", role):
                continue
            if "before" in m and published.first_day >= PartialDate.parse(m["before"]).first_day:
                continue
            if "after" in m and published.last_day < PartialDate.parse(m["after"]).first_day:
                continue
            return m["as"]
        return entity_id

    def _choose(self, mention, predicate: str, role: str, published: PartialDate) -> tuple[bool, str | None]:
        """(acceptable, id): an id the relation allows for this side, None for an unlinked candidate."""
        spec = RELATIONS[RelationKind(predicate)]
        if mention.kind == "candidate" or not mention.ids:
            return True, None
        want_place = role == "object" and spec.object_is_place
        kinds = spec.object_kinds if role == "object" else spec.subject_kinds
        for raw in mention.ids:
            if raw not in self.kinds:
                continue
            entity_id = self._metonym(raw, predicate, role, published)
            is_place = entity_id in self.places
            if is_place == want_place and self.kinds[entity_id] in kinds:
                return True, entity_id
        return False, None

    def _flex(self, found):
        """"joined" and "merged into" mean different relations for different kinds of actor joined."""
        from dataclasses import replace

        trig = found.trigger
        target = next((i for i in found.object.ids if i in self.kinds), None)
        kind = getattr(self.kinds.get(target), "value", None)
        groups = ("coalition", "international_organisation", "political_organisation")
        if trig.flex == "lead":  # "Baghdadi leads IS" is leadership; "the US leads the coalition" membership
            source = next((i for i in found.subject.ids if i in self.kinds), None)
            person = getattr(self.kinds.get(source), "value", None) == "person"
            predicate = "leads" if person else ("member_of" if kind in ("coalition", "international_organisation")
                                                else "leads")
            return replace(found, trigger=replace(trig, predicate=predicate, types=()), types=())
        if trig.flex == "join":
            predicate = "supports" if kind in ("armed_forces", "government", "state") else "member_of"
        else:
            predicate = "member_of" if kind in groups else "merged_into"
        return replace(found, trigger=replace(trig, predicate=predicate, types=trig.types if predicate == "supports"
                                              else ()), types=found.types if predicate == "supports" else ())

    def _link(self, found, published: PartialDate, doc):
        if found.trigger.flex:
            found = self._flex(found)
        if found.trigger.predicate == "allied_with" and found.rule in ("apposition", "possessive", "title"):
            found = self._alliance_member(found)
        p = found.trigger.predicate
        ok_s, subject = self._choose(found.subject, p, "subject", published)
        ok_o, obj = self._choose(found.object, p, "object", published)
        if not (ok_s and ok_o) or (subject is None and obj is None):
            return None
        if subject is not None and subject == obj:
            return None
        if p == "controls" and obj is not None and getattr(self.kinds.get(obj), "value", None) == "country":
            return None  # "holding large areas of Syria": a country is never held whole by one side in news
        if p == "leads" and found.rule == "noun" and found.subject is found.object:
            return None
        unit_kind = getattr(self.kinds.get(subject), "value", None)
        owner_kind = getattr(self.kinds.get(obj), "value", None)
        if found.rule == "owner" and not (
                unit_kind in _UNITS and owner_kind in _UNITS | {"coalition", "political_organisation"}):
            return None  # "Iran's Quds Force", "Russia's Wagner Group": a state's unit is not part of the state
        if RELATIONS[RelationKind(p)].symmetric and subject and obj and obj < subject:
            pass  # symmetric relations are compared as unordered pairs downstream; keep the text's order
        cand = make_candidate(found, subject=subject, obj=obj, published=published, doc=doc,
                              calibrated=self.res.confidence)
        return self._calibrate(cand, published)

    def _alliance_member(self, found):
        """"Turkey and Washington -- NATO allies": an ally named by an international organisation before the noun is
        one of its members, not an ally of the organisation (``member_of``, the organisation the object)."""
        s_kind = {getattr(self.kinds.get(i), "value", None) for i in found.subject.ids[:1]}
        o_kind = {getattr(self.kinds.get(i), "value", None) for i in found.object.ids[:1]}
        org = "international_organisation"
        if (org in s_kind) == (org in o_kind):
            return found
        member, body = (found.object, found.subject) if org in s_kind else (found.subject, found.object)
        if not body.end <= found.t0:
            return found  # "allies of NATO" and the like: not the prenominal reading
        trig = Trigger("member_of", "state", "noun", found.trigger.words, ())
        return replace(found, subject=member, object=body, trigger=trig)

    def _corpus_signals(self, cand, published: PartialDate) -> tuple[tuple[str, float], ...]:
        """Whether the graph already holds the claim's pair (at all, and at the article's date)."""
        if not cand.linked or getattr(self, "graph", None) is None:
            return ()
        key = (cand.subject, cand.predicate, cand.object, str(published))
        if key not in self._known:
            ever = bool(self.graph.claims(subject=cand.subject, object=cand.object, predicate=cand.predicate))
            now = ever and bool(self.graph.claims(subject=cand.subject, object=cand.object,
                                                  predicate=cand.predicate, as_of=published))
            self._known[key] = (("in-corpus", 1.0),) * ever + (("in-corpus-then", 1.0),) * now
        return self._known[key]

    def _calibrate(self, cand, published: PartialDate):
        """The candidate with the corpus signals added and, when a calibrator ships, its learned confidence.

        A new-actor candidate (one end not in the graph) was never scored, so the model has not seen its
        kind: it keeps the rule-table confidence, which already takes 0.2 off for the unknown end; so does a
        candidate of a rule the model never saw (the parser's, when it was fitted without a trained pipeline).
        """
        from dataclasses import replace

        feats = cand.features + self._corpus_signals(cand, published)
        calibrator = getattr(self, "calibrator", None)
        if calibrator is None or not cand.linked or not calibrator.knows(cand.rule):
            return replace(cand, features=feats)
        confidence = max(0.01, min(0.99, calibrator.probability(feats)))
        return replace(cand, features=feats, confidence=round(confidence, 4))
