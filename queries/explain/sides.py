"""'Who is fighting in PLACE?': the participants, grouped into sides, and where the sides do not hold.

Each side lists its members, what they fight, the ties that hold it together, who leads its
members and who backs them and how. The section on tensions names every claim that goes against the
partition, with the cycle of claims that makes it a tension.

Who is a member, precisely: a participant (:mod:`queries.explain.scope`) that fights in the place at
the date, controls ground there, or is a local force based there (:func:`~queries.explain.scope.takes_part`).
A foreign force that is only based there (a naval facility, an air base, an observation post) is
not: it is one of the backers of the side its ties put it on, with its bases named, or, on a side
where no one fights, present. A side is shown only when one of its members fights;
the other participants are listed as present. A backer that fights a member of the side is no
backer of it: its ties to the side are tensions.

The sides are drawn once; when an umbrella (a coalition) lands away from every actor it supports
itself, pulled there by its members' memberships, they are drawn again without that pull
(:func:`~queries.explain.scope.free_umbrellas`): the memberships left apart become tensions.
"""

from __future__ import annotations

from collections import defaultdict

from graph.model import claim_order
from graph.places import theatre_of
from ontology import RelationKind
from queries.explain.areas import question_area
from queries.explain.camps import Partition, partition, unbalanced_cycle
from queries.explain.compose import Context, finish
from queries.explain.lately import lately_section, shown_in
from queries.explain.model import Camp, Explanation, Question, Section, Sentence, Tension
from queries.explain.scope import fought_in, free_umbrellas, partners_of, signed_edges, takes_part, war_scope
from queries.explain.wording import claim_clause, join, sentence_case

__all__ = ["MAX_CYCLE", "MAX_TENSIONS", "explain_sides"]

#: Tensions beyond this many are counted in a note rather than spelt out.
MAX_TENSIONS = 12
#: A cycle longer than this many links is not explained in words (only the frustrated claim is named).
MAX_CYCLE = 4

_TIES = (RelationKind.MEMBER_OF, RelationKind.PART_OF, RelationKind.ALLIED_WITH)


def _camps(ctx: Context, claims, scope):
    partners = partners_of(ctx.graph, claims, scope.participants)
    nodes = (*scope.participants, *partners)
    edges = signed_edges(ctx.graph, claims, nodes, elsewhere=scope.elsewhere)
    part = partition(nodes, edges)
    freed = free_umbrellas(claims, edges, part.camps)
    if freed is not edges:  # an umbrella was pulled away from its own partners by its members: draw again
        edges, part = freed, partition(nodes, freed)
    grounded = {m: [ctx.claim(cid) for cid in scope.grounds[m]] for m in scope.participants}
    fighting = {m for m, cs in grounded.items() if any(c.predicate is RelationKind.FIGHTS for c in cs)}
    members_set = {m for m, cs in grounded.items() if any(takes_part(ctx.graph, c) for c in cs)}
    inbound: dict[str, int] = defaultdict(int)
    degree: dict[str, int] = defaultdict(int)
    where = {n: i for i, camp in enumerate(part.camps) for n in camp}
    for e in edges:
        if e.sign > 0 and where[e.a] == where[e.b]:
            inbound[e.b] += 1
            degree[e.a] += 1
            degree[e.b] += 1
    leads = [c for c in claims if c.predicate is RelationKind.LEADS]
    camps, present = [], []
    for camp in part.camps:
        members = [n for n in camp if n in members_set]
        based = [n for n in camp if n in grounded and n not in members_set]
        if not fighting.intersection(members):  # holds ground, or is based there, but fights no one at the date
            present.extend([*members, *based])
            continue
        members.sort(key=lambda n: (-inbound[n], -degree[n], ctx.name(n).casefold(), n))
        leaders = sorted({c.subject for c in leads if c.object in members}, key=lambda n: (ctx.name(n), n))
        camps.append((members, [n for n in camp if n not in members_set], leaders))
    fighting_pairs = {frozenset((c.subject, c.object)) for c in claims if c.predicate is RelationKind.FIGHTS}
    camps, disowned = _drop_hostile_partners(camps, edges, fighting_pairs)
    camps.sort(key=lambda c: (-len(c[0]) - len(c[1]), ctx.name(c[0][0]).casefold()))  # biggest side first
    result = tuple(Camp(i + 1, m[0], tuple(m), tuple(sorted(p, key=lambda n: ctx.name(n).casefold())), tuple(ld))
                   for i, (m, p, ld) in enumerate(camps))
    frustrated = tuple(dict.fromkeys([*part.frustrated, *disowned]))
    part = Partition(part.camps, frustrated)
    return result, part, edges, nodes, sorted(present, key=lambda n: (ctx.name(n).casefold(), n))


def _drop_hostile_partners(camps, edges, fighting_pairs):
    """A backer that fights a member of the side it would back is no partner of that side.

    Its + ties to the side's members go against the sides (they are tensions, named as such), and
    it is left out of the side's partners. ``fighting_pairs`` are the pairs that fight at the date.
    """
    out, disowned = [], []
    for members, partners, leaders in camps:
        kept = []
        for p in partners:
            if any(frozenset((p, m)) in fighting_pairs for m in members):
                disowned.extend(e for e in edges if e.sign > 0 and p in (e.a, e.b)
                                and (e.b if e.a == p else e.a) in members)
            else:
                kept.append(p)
        out.append((members, kept, leaders))
    return out, disowned


def _present_section(ctx: Context, present, scope) -> Section:
    sentences = [ctx.sentence(ctx.claim(cid)) for m in present for cid in scope.grounds[m]]
    return Section("present", "Also present, with no fighting recorded at the date", tuple(sentences))


def _by_actor(claims) -> dict[str, list]:
    """Claims by each entity they involve, in the snapshot's stable order."""
    out: dict[str, list] = defaultdict(list)
    for c in claims:
        out[c.subject].append(c)
        if c.object != c.subject:
            out[c.object].append(c)
    return out


def _camp_section(ctx: Context, camp: Camp, by_actor, scope) -> Section:
    inside = set(camp.members) | set(camp.partners)
    members = set(camp.members)
    sentences = []
    grounds = tuple(dict.fromkeys(cid for m in camp.members for cid in scope.grounds[m][:2]))
    names = [ctx.name(m) for m in camp.members]
    sentences.append(Sentence(sentence_case(f"On this side: {join(names)}."), grounds))
    for m in camp.members:
        fights = [c for c in by_actor[m] if c.predicate is RelationKind.FIGHTS and c.id not in scope.elsewhere
                  and c.other(m) not in inside and c.other(m) in scope.grounds]
        sentences.extend(ctx.grouped(m, "fights", fights))
    for p in camp.partners:  # backers that are based in the place without fighting there
        sentences.extend(ctx.sentence(ctx.claim(cid)) for cid in scope.grounds.get(p, ()))
    around = {c.id: c for n in sorted(inside) for c in by_actor[n]}
    ordered = sorted(around.values(), key=claim_order)
    for c in ordered:
        if c.predicate in _TIES and c.subject in inside and c.object in inside:
            sentences.append(ctx.sentence(c))
    for c in ordered:
        if c.predicate is RelationKind.LEADS and c.object in members:
            sentences.append(ctx.sentence(c))
    for c in sorted((c for c in ordered if c.predicate is RelationKind.SUPPORTS and c.object in members),
                    key=lambda c: (ctx.name(c.subject).casefold(), c.subject, ctx.name(c.object).casefold())):
        sentences.append(ctx.sentence(c))
    return Section(f"side-{camp.number}", f"Side {camp.number}: around {ctx.name(camp.anchor)}", tuple(sentences))


def _tensions(ctx: Context, part, edges) -> tuple[tuple[Tension, ...], list[Sentence]]:
    tensions, sentences = [], []
    for edge in part.frustrated:
        cycle = unbalanced_cycle(edge, edges)
        if len(cycle) > MAX_CYCLE:
            cycle = ()
        claim = ctx.claim(edge.key)
        head = sentence_case(claim_clause(claim, ctx.name, dates=False))
        links = [claim_clause(ctx.claim(e.key), ctx.name, dates=False) for e in cycle]
        if edge.sign < 0:
            why = f", although both are tied to the same side: {join(links)}" if links else \
                ", although the sides drawn here put both on the same side"
        else:
            why = f", although they stand on opposite sides: {join(links)}" if links else \
                ", although the sides drawn here put them on opposite sides"
        tensions.append(Tension(edge.key, tuple(e.key for e in cycle)))
        sentences.append(Sentence(f"{head}{why}.", (edge.key, *dict.fromkeys(e.key for e in cycle))))
    return tuple(tensions), sentences


def explain_sides(ctx: Context, question: Question) -> Explanation:
    """Who is fighting in the question's place as of ``ctx.as_of``, in sides, with tensions and recent changes."""
    area = question_area(ctx.graph, question)
    claims = ctx.snapshot()
    scope = war_scope(ctx.graph, area, claims)
    camps, part, edges, nodes, present = _camps(ctx, claims, scope)
    by_actor = _by_actor(claims)
    sections = [_camp_section(ctx, camp, by_actor, scope) for camp in camps]
    sections.append(_present_section(ctx, present, scope))
    tensions, tension_sentences = _tensions(ctx, part, edges)
    notes = [area.reading] if area.reading else []
    if len(tension_sentences) > MAX_TENSIONS:
        notes.append(f"{len(tension_sentences) - MAX_TENSIONS} further tension(s) are left out; "
                     "the JSON output lists them all under 'tensions'.")
    if tension_sentences:
        count = len(tensions)
        summary = Sentence(f"{count} claim{'s go' if count > 1 else ' goes'} against these sides "
                           f"(of {len(edges)} ties of support, alliance, membership, fighting or opposition "
                           "between the actors involved).", tuple(t.claim for t in tensions))
        sections.append(Section("tensions", "Where the sides do not add up",
                                (summary, *tension_sentences[:MAX_TENSIONS])))
    # A strike of the last days located in the place (its theatre lies in it) is shown apart, with its date.
    lately = lately_section(ctx, lambda c: bool(theatre_of(c)) and fought_in(ctx.graph, c, scope.places))
    sections.append(lately)
    earlier = war_scope(ctx.graph, area, ctx.snapshot(ctx.recent_start()))
    involved = set(nodes) | set(earlier.participants)
    told = shown_in(lately)
    sections.append(ctx.recent(lambda c: (c.subject in involved or c.object in involved or c.object in scope.places)
                               and c.id not in told))
    if not scope.participants:
        notes.append(f"No claim in the graph says who is fighting in {area.name} as of {ctx.date_words()}.")
    return finish(ctx, question, question.text, sections, camps=camps, tensions=tensions, notes=tuple(notes),
                  area=area.to_data(ctx.graph))

