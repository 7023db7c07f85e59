"""Explainers about actors: who supports, is supported by or opposes one; what it is; how two connect."""

from __future__ import annotations

import dataclasses
from collections import defaultdict, deque

from graph.records import entity_record
from graph.time import day_span
from ontology import RelationKind as R
from queries.explain.compose import Context, finish
from queries.explain.lately import lately_section, shown_in
from queries.explain.model import Explanation, Question, Section, Sentence
from queries.explain.posts import asked_post
from queries.explain.wording import date_text, lineage_sentence

__all__ = ["MAX_HOPS", "explain_allies", "explain_connection", "explain_designations", "explain_leaders",
           "explain_lineage", "explain_members", "explain_memberships", "explain_opponents", "explain_profile",
           "explain_supported", "explain_supporters", "explain_territory"]

#: The longest chain of relations "how are A and B connected" looks for.
MAX_HOPS = 4


def _by_other(ctx: Context, actor: str, claims) -> list:
    return sorted(claims, key=lambda c: (ctx.name(c.other(actor)).casefold(), c.other(actor)))


def _existence_notes(ctx: Context, actor: str) -> tuple[str, ...]:
    entity = ctx.entity(actor)
    if entity is None:
        return (f"No source published by {date_text(ctx.pov.known_as_of)} reports {ctx.name(actor)}.",)
    if entity.is_place or ctx.pov.holds(entity.existence):
        return ()
    life = []
    if entity.founded:
        life.append(f"founded {date_text(entity.founded)}")
    if entity.dissolved:
        life.append(f"dissolved {date_text(entity.dissolved)}")
    detail = f" ({', '.join(life)}, according to its record)" if life else ""
    return (f"{entity.name} did not exist as of {ctx.date_words()}{detail}.",)


def _parts(ctx: Context, actor: str) -> list[str]:
    """The bodies recorded as part of ``actor`` at the date (a state's armed forces), through which it acts."""
    return sorted({c.subject for c in ctx.claims(object=actor, predicate=R.PART_OF)} - {actor})


def _nothing(ctx: Context, what: str) -> tuple[str, ...]:
    return (f"No claim in the graph says {what} as of {ctx.date_words()}.",)


def _pointing_at(ctx: Context, q: Question, predicate: R, key: str, heading: str, nothing: str,
                 **filters) -> Explanation:
    """The answer listing the claims of one kind that point at the question's actor (its supporters, leaders,
    designators): one section of them at the date, the changes of the days before, and notes when the actor did
    not exist or no claim says anything."""
    actor = q.entities[0]
    claims = _by_other(ctx, actor, ctx.claims(object=actor, predicate=predicate, **filters))
    sections = [Section(key, heading, tuple(ctx.sentence(c) for c in claims)),
                ctx.recent(lambda c: c.predicate is predicate and c.object == actor)]
    notes = _existence_notes(ctx, actor) + (() if claims else _nothing(ctx, nothing))
    return finish(ctx, q, q.text, sections, notes=notes)


def explain_supporters(ctx: Context, q: Question) -> Explanation:
    """Who supports an actor at the date; asked for one kind of support ("who funds X") that no claim records, the
    support of other kinds is listed apart, and a note says that none of the kind asked is recorded."""
    actor = q.entities[0]
    name = ctx.name(actor)
    how = f" with {q.support_type}" if q.support_type else ""
    claims = _by_other(ctx, actor, ctx.claims(object=actor, predicate=R.SUPPORTS, support_type=q.support_type))
    other = _by_other(ctx, actor, ctx.claims(object=actor, predicate=R.SUPPORTS)) if q.support_type and not claims \
        else []
    sections = [Section("supporters", f"Who supports {name}{how}", tuple(ctx.sentence(c) for c in claims)),
                Section("other-support", f"Other support of {name} (none{how} is recorded)",
                        tuple(ctx.sentence(c) for c in other)),
                ctx.recent(lambda c: c.predicate is R.SUPPORTS and c.object == actor)]
    notes = _existence_notes(ctx, actor) + (() if claims else _nothing(ctx, f"that anyone supports {name}{how}"))
    return finish(ctx, q, q.text, sections, notes=notes)


def explain_supported(ctx: Context, q: Question) -> Explanation:
    """Whom an actor supports at the date; a state's support given through its parts (its Revolutionary Guard, its
    armed forces) is listed apart, as its fights are for "whom does it fight"."""
    actor = q.entities[0]
    name = ctx.name(actor)
    claims = ctx.claims(subject=actor, predicate=R.SUPPORTS)
    parts = _parts(ctx, actor)
    through = [c for part in parts for c in _by_other(ctx, part, ctx.claims(subject=part, predicate=R.SUPPORTS))
               if c.object != actor]
    own = tuple(ctx.sentence(c) for c in _by_other(ctx, actor, claims))
    sections = [Section("supported", f"Whom {name} supports", own),
                Section("through", f"Whom {name}'s forces and other parts support",
                        tuple(ctx.sentence(c) for c in through)),
                ctx.recent(lambda c: c.predicate is R.SUPPORTS and c.subject in (actor, *parts))]
    notes = _existence_notes(ctx, actor) + (() if claims or through else _nothing(ctx, f"that {name} supports anyone"))
    return finish(ctx, q, q.text, sections, notes=notes)


def explain_opponents(ctx: Context, q: Question) -> Explanation:
    actor = q.entities[0]
    fights = _by_other(ctx, actor, ctx.claims(actor=actor, predicate=R.FIGHTS))
    opposes = _by_other(ctx, actor, ctx.claims(object=actor, predicate=R.OPPOSES))
    listed = ctx.claims(object=actor, predicate=R.DESIGNATES_TERRORIST)
    name = ctx.name(actor)
    # A state fights through its armed forces (`russian-armed-forces part_of russia`): their fights at the date
    # answer "whom does Russia fight?" too, listed apart so the reader sees which body fought.
    parts = _parts(ctx, actor)
    forces = [c for part in parts for c in _by_other(ctx, part, ctx.claims(actor=part, predicate=R.FIGHTS))
              if c.other(part) != actor]
    # An organ with no fight of its own at the date fights those of the body it is part of (the post-2024 army, in
    # the government's war with the SDF): listed apart, so the reader sees the claims name the body.
    wholes = [] if fights else sorted({c.object for c in ctx.claims(subject=actor, predicate=R.PART_OF)} - {actor})
    through = [c for whole in wholes for c in _by_other(ctx, whole, ctx.claims(actor=whole, predicate=R.FIGHTS))
               if c.other(whole) != actor]
    sections = [
        Section("fighting", f"Who fights {name}", tuple(ctx.sentence(c) for c in fights)),
        Section("forces", f"Fights of {name}'s forces and other parts", tuple(ctx.sentence(c) for c in forces)),
        Section("whole", f"Fights of what {name} is part of ({', '.join(ctx.name(w) for w in wholes)})",
                tuple(ctx.sentence(c) for c in through)),
        Section("opposing", f"Who opposes {name}", tuple(ctx.sentence(c) for c in opposes)),
        Section("designations", f"Who designates {name} as terrorist",
                tuple(ctx.sentence(c) for c in _by_other(ctx, actor, listed))),
        lately := lately_section(ctx, lambda c: any(c.involves(a) for a in (actor, *parts))),
        ctx.recent(lambda c: c.predicate in (R.FIGHTS, R.OPPOSES) and c.involves(actor)
                   and c.id not in shown_in(lately)),
    ]
    notes = _existence_notes(ctx, actor)
    if through:
        notes += (f"No claim names {name} in a fight at that date; the fights of what it is part of are listed.",)
    if not (fights or opposes or forces or through):
        notes += _nothing(ctx, f"that anyone fights or opposes {name}")
        if lately is not None:
            notes += ("The short fights of the days before that date are listed with their own dates.",)
    return finish(ctx, q, q.text, sections, notes=notes)


def explain_leaders(ctx: Context, q: Question) -> Explanation:
    """Who leads an actor at the date (its `leads` claims); a dissolved actor's note says it no longer existed.

    A state with no leader recorded at the date (between a ruler's fall and a successor's appointment, or asked for
    its "prime minister") is answered with the leaders of the governments of its country that existed then, apart
    and said in a note: in a civil war or an interregnum those are who ran the country's parts."""
    post = asked_post(q.text)
    if post is not None:
        return _post_holders(ctx, q, post)
    actor = q.entities[0]
    name = ctx.name(actor)
    heads = _government_heads(ctx, actor) if not ctx.claims(object=actor, predicate=R.LEADS) else []
    if not heads:
        return _pointing_at(ctx, q, R.LEADS, "leaders", f"Who leads {name}", f"who leads {name}")
    sections = [Section("governments", f"Who leads the governments of {name}", tuple(ctx.sentence(c) for c in heads)),
                ctx.recent(lambda c: c.predicate is R.LEADS and c.object == actor)]
    note = (f"No claim names a leader of {name} itself as of {ctx.date_words()}; the leaders of the governments of "
            f"{name} that existed then are listed.")
    return finish(ctx, q, q.text, sections, notes=(note,))


def _post_holders(ctx: Context, q: Question, post) -> Explanation:
    """Who holds a named post of an actor at the date (:mod:`queries.explain.posts`): the leaders of the actor, of
    its parts and, for a state, of every body of its country (in a civil war a post is held in two governments at
    once, Damascus's and the opposition's), recorded in that role or leading that portfolio's body. When none is
    recorded the answer says so: it never falls back on the head of the state."""
    q = dataclasses.replace(q, read_as="")  # the note below says how the question was read
    actor = q.entities[0]
    name = ctx.name(actor)
    entity = ctx.entity(actor)
    scope = {actor, *_parts(ctx, actor)}
    if entity is not None and not entity.is_place and entity.country and str(entity.kind) == "state":
        scope |= {a.id for a in ctx.graph.actors if a.country == entity.country}
    holders = [c for body in sorted(scope) for c in ctx.claims(object=body, predicate=R.LEADS)
               if post.held_through(c, ctx.entity(body))]
    holders.sort(key=lambda c: (ctx.name(c.object).casefold(), ctx.name(c.subject).casefold()))
    ids = {c.id for c in holders}
    sections = [Section("leaders", f"Who is the {post.title} of {name}", tuple(ctx.sentence(c) for c in holders)),
                ctx.recent(lambda c: c.predicate is R.LEADS and c.object in scope
                           and post.held_through(c, ctx.entity(c.object)) and c.id not in ids)]
    notes = (f"Read as: who holds the post of {post.title} of {name} (the leaders recorded in that role, or "
             f"leading that portfolio's body, among {name} and its bodies; a holder the graph does not record is not "
             f"listed).",)
    if not holders:
        notes += _nothing(ctx, f"who is the {post.title} of {name}")
    return finish(ctx, q, q.text, sections, notes=_existence_notes(ctx, actor) + notes)


def _government_heads(ctx: Context, actor: str) -> list:
    """The `leads` claims, at the date, of the governments of a state's country that existed then and were no organ
    of another body (a ministry is part of its government); none for an actor that is not a state."""
    state = ctx.entity(actor)
    if state is None or state.is_place or str(state.kind) != "state" or not state.country:
        return []
    governments = sorted(a.id for a in ctx.graph.actors if str(a.kind) == "government" and a.country == state.country
                         and ctx.pov.holds(a.existence) and not ctx.claims(subject=a.id, predicate=R.PART_OF))
    return [c for g in governments for c in _by_other(ctx, g, ctx.claims(object=g, predicate=R.LEADS))]


def explain_designations(ctx: Context, q: Question) -> Explanation:
    """Who designates an actor as a terrorist organisation at the date; the listings and delistings of the days
    before come under the recent changes."""
    name = ctx.name(q.entities[0])
    return _pointing_at(ctx, q, R.DESIGNATES_TERRORIST, "designations", f"Who designates {name} as terrorist",
                        f"that anyone designates {name} as terrorist")


def explain_lineage(ctx: Context, q: Question) -> Explanation:
    """Where an actor comes from and what it became: the splits, renamings and mergers of its lineage that had
    happened by the date (each a past event, dated; a group renamed in 2016 still descends from the old name)."""
    actor = q.entities[0]
    name = ctx.name(actor)
    lineage = ctx.graph.lineage(actor, pov=ctx.pov)
    last = day_span(ctx.as_of)[1]

    def told(steps) -> tuple[Sentence, ...]:
        claims = dict.fromkeys(s.claim for s in steps if s.claim.valid.possible_from <= last)
        return tuple(Sentence(lineage_sentence(c, ctx.name), (c.id,)) for c in claims)

    ancestors, descendants = told(lineage.ancestors), told(lineage.descendants)
    founders = tuple(Sentence(lineage_sentence(c, ctx.name), (c.id,)) for c in _founding_members(ctx, actor))
    sections = [Section("ancestors", f"Where {name} comes from", ancestors),
                Section("founders", f"Who founded {name} (its founding members)", founders),
                Section("descendants", f"What {name} became", descendants)]
    notes = () if (ancestors or descendants or founders) else _nothing(
        ctx, f"that {name} split from, succeeded or merged with any other actor")
    return finish(ctx, q, q.text, sections, notes=notes)


#: How long after an actor's founding day a membership still counts as founding (reports date a merger by its
#: announcement, the members' statements follow within days).
FOUNDING_DAYS = 7


def _founding_members(ctx: Context, actor: str) -> list:
    """The groups recorded as members of ``actor`` from its founding (a membership starting within
    :data:`FOUNDING_DAYS` of the founding date), as then known, by the date: part of where a coalition or a
    merged group comes from, whether or not they stayed. Persons are left out (they join, they do not found)."""
    entity = ctx.entity(actor)
    if entity is None or entity.is_place or entity.founded is None:
        return []
    first, last_founding = day_span(str(entity.founded))
    last = day_span(ctx.as_of)[1]
    out = []
    for claim in ctx.graph.claims(object=actor, predicate=R.MEMBER_OF, pov=ctx.pov.at(None)):  # any date, as known
        member = ctx.entity(claim.subject)
        if member is None or str(member.kind) == "person":
            continue
        if first <= claim.valid.possible_from <= min(last_founding + FOUNDING_DAYS, last):
            out.append(claim)
    return _by_other(ctx, actor, out)


def explain_members(ctx: Context, q: Question) -> Explanation:
    """The members of a coalition (`member_of`) and the bodies that are part of an actor (`part_of`) at the date.

    The two are kept apart because they are different ties: a faction may leave a coalition, while an
    army is an organ of its state.
    """
    actor = q.entities[0]
    name = ctx.name(actor)
    members = _by_other(ctx, actor, [c for c in ctx.claims(object=actor, predicate=R.MEMBER_OF) if c.subject != actor])
    parts = _by_other(ctx, actor, [c for c in ctx.claims(object=actor, predicate=R.PART_OF) if c.subject != actor])
    # Groups that merged into it by the date ceased as bodies of their own, so they are no members; a reader
    # asking what a merger is made of still wants them, under their own heading (history, not membership),
    # unless the record also keeps them as members (a bloc that kept its name inside the new body).
    last = day_span(ctx.as_of)[1]
    listed = {c.subject for c in (*members, *parts)}
    merged = [s.claim for s in ctx.graph.lineage(actor, pov=ctx.pov).ancestors
              if s.depth == 1 and s.claim.predicate is R.MERGED_INTO and s.claim.object == actor
              and s.claim.valid.possible_from <= last and s.claim.subject not in listed]
    sections = [Section("members", f"Members of {name}", tuple(ctx.sentence(c) for c in members)),
                Section("parts", f"Part of {name}", tuple(ctx.sentence(c) for c in parts)),
                Section("merged", f"Merged into {name} by then",
                        tuple(Sentence(lineage_sentence(c, ctx.name), (c.id,)) for c in dict.fromkeys(merged))),
                ctx.recent(lambda c: c.predicate in (R.MEMBER_OF, R.PART_OF) and c.object == actor)]
    notes = _existence_notes(ctx, actor)
    if not (members or parts or merged):
        notes += _nothing(ctx, f"that any actor is a member or a part of {name}")
    return finish(ctx, q, q.text, sections, notes=notes)


def explain_memberships(ctx: Context, q: Question) -> Explanation:
    """What an actor belongs to at the date: the coalitions and organisations it is a member of (`member_of`), and,
    apart, the bodies it is an organ of (`part_of`); the other way round from :func:`explain_members`.

    A yes/no question naming the body too ("Is Syria back in the Arab League?") gets a note that says whether the
    graph records that membership at the date, so the answer does not leave the reader to search the list.
    """
    actor = q.entities[0]
    name = ctx.name(actor)
    member = _by_other(ctx, actor, [c for c in ctx.claims(subject=actor, predicate=R.MEMBER_OF) if c.object != actor])
    part = _by_other(ctx, actor, [c for c in ctx.claims(subject=actor, predicate=R.PART_OF) if c.object != actor])
    # a person belongs to the bodies they lead ("what faction did Abu Hassan al-Hamwi belong to"), shown apart
    entity = ctx.entity(actor)
    led = (_by_other(ctx, actor, ctx.claims(subject=actor, predicate=R.LEADS))
           if entity is not None and not entity.is_place and str(entity.kind) == "person" else [])
    sections = [Section("memberships", f"What {name} is a member of", tuple(ctx.sentence(c) for c in member)),
                Section("part_of", f"What {name} is part of", tuple(ctx.sentence(c) for c in part)),
                Section("led", f"What {name} leads (a leader belongs to the body)",
                        tuple(ctx.sentence(c) for c in led)),
                ctx.recent(lambda c: c.predicate in (R.MEMBER_OF, R.PART_OF) and c.subject == actor)]
    notes = _existence_notes(ctx, actor)
    if not (member or part or led):
        notes += _nothing(ctx, f"that {name} is a member or a part of anything")
    for body in q.entities[1:]:
        held = any(c.object == body for c in (*member, *part, *led))
        leader = ", as its leader," if any(c.object == body for c in led) else ""
        notes += (f"{name} is recorded as a member or part of {ctx.name(body)}{leader} as of {ctx.date_words()}."
                  if held
                  else f"No claim in the graph says that {name} is a member or part of {ctx.name(body)} as of "
                       f"{ctx.date_words()}.",)
    return finish(ctx, q, q.text, sections, notes=notes)


def explain_allies(ctx: Context, q: Question) -> Explanation:
    """An actor's allies at the date (`allied_with`, either direction), then, apart, its backing ties.

    News calls a backed group its patron's ally ("Iran-allied Kataib Hezbollah"); the graph records
    that as support, not alliance. Both are shown, under their own headings, so the reader sees which
    is which: the allies first, then who backs the actor and whom it backs.
    """
    actor = q.entities[0]
    name = ctx.name(actor)
    allied = ctx.claims(actor=actor, predicate=R.ALLIED_WITH)
    claims = _by_other(ctx, actor, [c for c in allied if c.other(actor) != actor])
    supports = ctx.claims(actor=actor, predicate=R.SUPPORTS)
    backing = _by_other(ctx, actor, [c for c in supports if c.other(actor) != actor])
    sections = [Section("allies", f"Allies of {name}", tuple(ctx.sentence(c) for c in claims)),
                Section("backing", f"Backing to and from {name} (support, recorded apart from alliance)",
                        tuple(ctx.sentence(c) for c in backing)),
                ctx.recent(lambda c: c.predicate in (R.ALLIED_WITH, R.SUPPORTS) and c.involves(actor))]
    notes = _existence_notes(ctx, actor)
    if not claims:
        notes += _nothing(ctx, f"that {name} is allied with anyone")
        if backing:
            notes += ("The backing listed is support, which the graph does not count as alliance.",)
    return finish(ctx, q, q.text, sections, notes=notes)


def explain_territory(ctx: Context, q: Question) -> Explanation:
    """What an actor holds (`controls`) and, apart, where it is based: a deployment is not control."""
    actor = q.entities[0]
    name = ctx.name(actor)

    def by_place(claims):
        return sorted(claims, key=lambda c: (ctx.name(c.object).casefold(), c.object, c.id))

    held = by_place(ctx.claims(subject=actor, predicate=R.CONTROLS))
    based = by_place(ctx.claims(subject=actor, predicate=R.BASED_IN))
    # A state holds ground through its armed forces (`israel-defense-forces part_of israel`): their holdings
    # answer "what does Israel control?" too, listed apart so the reader sees which body holds what.
    parts = _parts(ctx, actor)
    through = by_place([c for part in parts for c in ctx.claims(subject=part, predicate=(R.CONTROLS, R.BASED_IN))])
    sections = [Section("controls", f"What {name} controls", tuple(ctx.sentence(c) for c in held)),
                Section("based", f"Where {name} is based", tuple(ctx.sentence(c) for c in based)),
                Section("forces", f"Held by {name}'s forces and other parts, or where they are based",
                        tuple(ctx.sentence(c) for c in through)),
                ctx.recent(lambda c: c.predicate in (R.CONTROLS, R.BASED_IN) and c.subject in (actor, *parts))]
    notes = _existence_notes(ctx, actor)
    if not (held or based or through):
        notes += _nothing(ctx, f"that {name} controls any place or is based anywhere")
    return finish(ctx, q, q.text, sections, notes=notes)


def explain_profile(ctx: Context, q: Question) -> Explanation:
    """What an actor is: its record, then lineage, leaders, ties, enemies, backers, clients, territory."""
    actor = q.entities[0]
    g = ctx.graph
    name = ctx.name(actor)
    held = ctx.claims(actor=actor)
    last = day_span(ctx.as_of)[1]
    lineage = g.lineage(actor, pov=ctx.pov)
    steps = [s.claim for s in (*lineage.ancestors, *lineage.descendants) if s.claim.valid.possible_from <= last]

    def pick(predicates, direction=None):
        out = []
        for c in held:
            if c.predicate not in predicates:
                continue
            if direction == "out" and not (c.subject == actor or c.symmetric):
                continue
            if direction == "in" and not (c.object == actor or c.symmetric):
                continue
            out.append(c)
        return [ctx.sentence(c) for c in _by_other(ctx, actor, out)]

    sections = [
        Section("lineage", "Lineage", tuple(Sentence(lineage_sentence(c, ctx.name), (c.id,))
                                            for c in dict.fromkeys(steps))),
        Section("leaders", "Leaders", tuple(pick({R.LEADS}, "in"))),
        Section("leads", "Leads", tuple(pick({R.LEADS}, "out"))),
        Section("belongs", "Belongs to", tuple(pick({R.MEMBER_OF, R.PART_OF}, "out"))),
        Section("includes", "Includes", tuple(pick({R.MEMBER_OF, R.PART_OF}, "in"))),
        Section("allies", "Allies", tuple(pick({R.ALLIED_WITH}))),
        Section("enemies", "Enemies", tuple(pick({R.FIGHTS, R.OPPOSES}))),
        Section("backers", "Backed by", tuple(pick({R.SUPPORTS}, "in"))),
        Section("backs", "Backs", tuple(pick({R.SUPPORTS}, "out"))),
        Section("territory", "Territory", tuple(pick({R.CONTROLS, R.BASED_IN}, "out"))),
        Section("designations", "Terrorist designations", tuple(pick({R.DESIGNATES_TERRORIST}))),
        ctx.recent(lambda c: c.involves(actor)),
    ]
    notes = _existence_notes(ctx, actor)
    if not held and not steps:
        notes += _nothing(ctx, f"anything about {name}")
    known = ctx.entity(actor)
    return finish(ctx, q, q.text, sections, entity=entity_record(known) if known is not None else None, notes=notes)


def _path(ctx: Context, a: str, b: str) -> list:
    """The claims of a shortest chain from ``a`` to ``b`` at the date, or [] (breadth first, by name, then id)."""
    adjacency = defaultdict(list)
    for c in ctx.snapshot():
        adjacency[c.subject].append((c.object, c))
        adjacency[c.object].append((c.subject, c))
    for node in adjacency:
        adjacency[node].sort(key=lambda pair: (ctx.name(pair[0]).casefold(), pair[0], pair[1].id))
    back = {a: None}
    queue = deque([(a, 0)])
    while queue:
        node, depth = queue.popleft()
        if node == b:
            path = []
            while back[node] is not None:
                node, claim = back[node]
                path.append(claim)
            return path[::-1]
        if depth == MAX_HOPS:
            continue
        for other, claim in adjacency[node]:
            if other not in back:
                back[other] = (node, claim)
                queue.append((other, depth + 1))
    return []


def explain_connection(ctx: Context, q: Question) -> Explanation:
    a, b = q.entities[0], q.entities[-1]
    direct = [c for c in ctx.claims(actor=a) if c.other(a) == b and c.subject != c.object]
    sections = [Section("direct", f"Between {ctx.name(a)} and {ctx.name(b)}",
                        tuple(ctx.sentence(c) for c in direct))]
    notes = _existence_notes(ctx, a) + _existence_notes(ctx, b)
    if a == b:
        notes += ("Both names denote the same entity.",)
    elif not direct:
        path = _path(ctx, a, b)
        if path:
            sentences = tuple(ctx.sentence(c) for c in path)
            sections.append(Section("path", f"Through {len(path) - 1} other actor(s) or place(s)", sentences))
        else:
            notes += _nothing(ctx, f"how {ctx.name(a)} and {ctx.name(b)} are connected "
                              f"(within {MAX_HOPS} relations)")
    sections.append(ctx.recent(lambda c: c.involves(a) and c.involves(b)))
    return finish(ctx, q, q.text, sections, notes=notes)

