"""Pair readings: a relation proposed for two names of one sentence that no rule connected.

The rules of :mod:`loaders.news.rules` read a claim only when the words fit one of their shapes (subject,
trigger, object; "X-backed Y"; "clashes between X and Y"). Measured on the development articles
(:mod:`loaders.news.ceiling`), that is where most recall was lost: for 99 of 340 gold relations both ends stand
in one sentence and no candidate joins them ("Russian warplanes struck headquarters related to the so-called
Hay'at Tahrir al-Sham": the words between the verb and the name fit no rule).

This module proposes, for every pair of names in a sentence that no rule's reading already joins, the relation
kind of each trigger word (``data/triggers.jsonl``, the rules' own lexicon) standing between them: the first
name is the subject, unless the trigger reads object-first (``inverse``, or a passive "by" right after it or right
before the second name).
Negation, intention and hedges are judged as for the rules (:func:`loaders.news.rules._finish`). Left out:
names in one coordinated list ("Russia and Iran" are a list, not a relation), two places, a name inside a longer
mention or description ("the al-Qaeda breakaway group" is Islamic State, not al-Qaeda), a first name that is the
object of a preposition before a relative clause ("forces opposed to Assad that captured ...": the forces, as for
the rules) or stands in an insertion between commas ("the SDF, an alliance with American advisers, battled IS": not
the Americans), a trigger that is
the second half of a compound ("US-backed": the compound's head is the rules' reading), and a trigger the rules
already read with one of the two names (its reading stands). Such a reading is weak evidence on its own (about
one in five was right on the development articles), so it is named ``pair`` and carries what the calibrator
(:mod:`loaders.news.calibrate`) needs to weigh it: how many other names and commas stand between the two, how
far the trigger is from the first, besides the features every candidate has (kind, trigger word, distance, the
corpus holding the pair). The learned confidence decides whether it is kept.
"""

from __future__ import annotations

from loaders.news.resources import Trigger

__all__ = ["pair_claims", "pair_features", "MAX_APART"]

#: the most tokens between the two names of a pair (longer spans rarely state a relation between them)
MAX_APART = 25
#: the kinds a pair reading may propose. Between two names, the trigger words of membership, leadership, lineage
#: and bases mostly belonged to a third name (in a first version, on the 84 development articles, none of 23 such
#: readings was right, and 3 of 33 for membership and parts); those of support, fighting, opposition, alliance,
#: control and designation were right often enough (68 of 331 then) for the calibrator to pick from
_KINDS = frozenset({"supports", "fights", "opposes", "allied_with", "controls", "designates_terrorist"})


def _object_first(doc, t0: int, t1: int, trig: Trigger, second) -> bool:
    """Whether the reading names its object first: an inverse trigger ("fell to"), or a passive whose agent is the
    second name ("was backed by", "supported for years, officials said, by Tehran")."""
    if trig.inverse or doc[t1 - 1].lower_ == "by" or (t1 < len(doc) and doc[t1].lower_ == "by"):
        return True
    k = second.start - 1
    while k >= t1 and doc[k].lower_ in ("the", "a", "an"):
        k -= 1
    return k >= t1 and doc[k].lower_ == "by"


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their"})


def _modifies(doc, m, mentions) -> bool:
    """A name inside a longer mention or a description ("the al-Qaeda breakaway group", resolved to Islamic State by
    coreference) or the first half of a compound ("Turkish-backed factions"): a modifier, not an actor of its own in
    the clause."""
    from loaders.news.rules import _COMPOUND_HALVES

    if m.end + 1 < len(doc) and doc[m.end].text == "-" and doc[m.end + 1].lower_ in _COMPOUND_HALVES:
        return True  # "Turkish-backed factions": the first half of a compound, the compound rule's reading
    for n in mentions:
        if n is m:
            continue
        if n.start <= m.start and m.end <= n.end and (n.start, n.end) != (m.start, m.end):
            return True
        if (n.via == "coref" and 0 <= n.start - m.end <= 3 and m.start > 0 and doc[m.start - 1].lower_ in _DETERMINERS
                and all(t.is_alpha and t.is_lower for t in doc[m.end:n.start])):
            return True
    return False


def _inserted(doc, m, t0: int, lo: int) -> bool:
    """"The SDF, an alliance with American advisers, battled IS": a name in a comma-delimited insertion (a comma
    before it, another between it and the verb) is not the verb's subject."""
    between = any(t.text == "," for t in doc[m.end:t0])
    k = m.start - 1
    while k >= lo and doc[k].text not in (",", ".", ";", ":"):
        k -= 1
    return between and k >= lo and doc[k].text == ","


#: words that may stand between a control trigger and the place it governs ("seized control of the strategic northern
#: town of", "occupies 40% of Idlib province and a few parts of"): place nouns, quantities, directions, determiners
_PLACE_PATH = frozenset({
    "the", "a", "an", "of", "and", "its", "their", "his", "her", "in", "control", "full", "part", "parts", "most",
    "much", "some", "few", "several", "all", "large", "vast", "swathes", "swaths", "areas", "area", "territory",
    "territories", "town", "towns", "city", "cities", "village", "villages", "province", "provinces", "district",
    "districts", "neighborhood", "neighborhoods", "neighbourhood", "neighbourhoods", "region", "regions",
    "countryside", "outskirts", "center", "centre", "heart", "capital", "strategic", "key", "important", "major",
    "northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern", "southwestern",
    "central", "north", "south", "east", "west", "syrian", "syria", "nearby", "neighboring", "neighbouring", "border",
    "rebel", "last", "remaining", "entire", "whole", "rest", "half", "third", "thirds", "quarter", "almost", "nearly",
    "about", "percent", "per", "cent",
    "old", "historic", "ancient", "besieged", "contested", "city's", "town's", "self", "proclaimed", "declared",
    "de", "facto", "itself", "back", "over", "fully", "partly", "stronghold", "bastion", "enclave", "oil", "rich",
    "held", "controlled", "government", "regime", "opposition", "kurdish", "'s", "’s"})


#: words that open a new clause: a name after one of them, past the trigger, is not the trigger's object
_CLAUSE_OPENERS = frozenset({"when", "while", "whereas", "because", "although", "though", "unless", "which", "who",
                             "whom", "whose", "where"})


def _governs_place(doc, t1: int, place, mentions) -> bool:
    """Whether a control trigger's object reaches ``place``: only place words, numbers and punctuation stand between
    ("captured the northern town of X", "occupies 40% of X"); another name or any other word there is the verb's own
    object ("held joint training exercises in the Hasakeh countryside", "had captured Kansaba in February, part of
    a wider advance in Latakia's countryside": the exercises and Kansaba, not the province, are what was held or
    taken)."""
    inside = {k for m in mentions if t1 <= m.start and m.end <= place.start and m.kind == "place" for k in
              range(m.start, m.end)}
    for k in range(t1, place.start):
        t = doc[k]
        if k in inside or t.is_punct or t.is_space or t.like_num or t.text in ("%", "-"):
            continue
        if t.lower_ not in _PLACE_PATH:
            return False
    return True


#: words after which a country's name is where something happens, not its government ("airstrikes in northern
#: Syria", "areas of eastern Syria"); "to", "from" and "on" are left out ("support to Syria", "weapons from Turkey")
_WHERE = frozenset({"in", "into", "inside", "throughout", "across", "within", "near", "around", "at", "outside",
                    "through"})
_WHERE_SKIP = frozenset({"the", "northern", "southern", "eastern", "western", "central", "rural", "northwestern",
                         "northeastern", "southwestern", "southeastern", "north-western", "north-eastern",
                         "south-western", "south-eastern", "war-torn", "neighbouring", "neighboring"})
_AREA_NOUNS = frozenset({"areas", "area", "parts", "part", "regions", "region", "outskirts", "north", "south", "east",
                         "west", "territory", "swathes", "swaths"})
_SAYING = frozenset({"said", "says", "say", "told", "reported", "reports", "claimed", "claims", "announced", "added"})


def _place_of_action(doc, m, lo: int) -> bool:
    """A name that may be a place standing where a place is meant: after "in", "across" and the like, or after
    "of" with a direction or an area noun before it ("areas of eastern Syria")."""
    if not (m.kind == "place" or (m.kind == "actor" and m.via == "alias" and len(m.ids) > 1)):
        return False
    j, skipped = m.start - 1, False
    while j >= lo and doc[j].lower_ in _WHERE_SKIP:
        skipped |= doc[j].lower_ != "the"
        j -= 1
    if j < lo:
        return False
    if doc[j].lower_ == "of":
        return skipped or (j - 1 >= lo and doc[j - 1].lower_ in _AREA_NOUNS)
    return doc[j].lower_ in _WHERE


#: people and bodies that speak for a side: "a U.S. military official says ..." names the speaker's side, not a party
_SPOKESMEN = frozenset({"official", "officials", "spokesman", "spokeswoman", "spokesperson", "source", "sources",
                        "media", "minister", "ministry", "commander", "envoy", "diplomat", "diplomats", "monitor",
                        "statement", "television", "tv", "agency"})


def _speaker(doc, m, hi: int) -> bool:
    """The source of the sentence, not a party to it: ", Turkey said.", ", the Turkish military said", "according
    to X", "a U.S. military official says"."""
    k = m.end
    while k < hi and k - m.end < 3 and doc[k].is_alpha and doc[k].is_lower and doc[k].lower_ not in _SPOKESMEN:
        k += 1
    if k + 1 < hi and doc[k].lower_ in _SPOKESMEN and doc[k + 1].lower_ in _SAYING:
        return True
    k = m.end
    if k < hi and doc[k].lower_ in _SAYING and m.start > 0 and doc[m.start - 1].text in (",", "the", "The") and (
            doc[m.start - 1].text == "," or (m.start > 1 and doc[m.start - 2].text == ",")):
        return True
    j = m.start - 1
    while j >= 0 and doc[j].lower_ in ("the", "a", "an"):
        j -= 1
    return j >= 1 and doc[j].lower_ == "to" and doc[j - 1].lower_ == "according"


def pair_claims(ctx, readings) -> list:
    """Pair readings of one sentence (``ctx``: a :class:`loaders.news.rules.SentenceContext`) that the rules'
    ``readings`` (their :class:`loaders.news.rules.Found` values for the sentence) leave unconnected."""
    from loaders.news.rules import _finish, _prepositional_relative

    ms = ctx.mentions
    if len(ms) < 2 or not ctx.triggers:
        return []
    covered = {frozenset(((f.subject.start, f.subject.end), (f.object.start, f.object.end))) for f in readings}
    used: dict[tuple[int, int], set[tuple[int, int]]] = {}  # trigger span -> the names the rules gave it
    for f in readings:
        used.setdefault((f.t0, f.t1), set()).update({(f.subject.start, f.subject.end), (f.object.start, f.object.end)})
    group_of = {i: g for g, members in enumerate(ctx.groups) for i in members}
    nested = {i for i, m in enumerate(ms) if _modifies(ctx.doc, m, ms) or _speaker(ctx.doc, m, ctx.end)}
    where = {i for i, m in enumerate(ms) if _place_of_action(ctx.doc, m, ctx.start)}
    out = []
    doc = ctx.doc
    for ia, a in enumerate(ms):
        if not a.ids or a.kind == "candidate" or ia in nested:
            continue
        for ib in range(ia + 1, len(ms)):
            b = ms[ib]
            if not b.ids or b.kind == "candidate" or ib in nested or b.start < a.end or b.start - a.end > MAX_APART:
                continue
            if group_of.get(ia) == group_of.get(ib) or (a.kind == "place" and b.kind == "place"):
                continue
            if a.primary == b.primary:
                continue
            if frozenset(((a.start, a.end), (b.start, b.end))) in covered:
                continue
            seen: set[str] = set()
            for t0, t1, defs in ctx.triggers:
                if t0 < a.end or t1 > b.start:
                    continue
                if t0 > 0 and doc[t0 - 1].text == "-":
                    continue  # "US-backed": a compound names its own head, a rule's reading
                if used.get((t0, t1), set()) & {(a.start, a.end), (b.start, b.end)}:
                    continue  # a rule read this trigger with one of the two names: its reading stands
                for trig in defs:
                    if trig.predicate not in _KINDS or trig.predicate in seen or trig.flex:
                        continue
                    if trig.predicate != "controls" and (ia in where or ib in where):
                        continue  # "airstrikes in northern Syria": the country is where, not who
                    seen.add(trig.predicate)
                    first, second = (ib, ia) if _object_first(doc, t0, t1, trig, b) else (ia, ib)
                    if any(t.lower_ == "between" for t in doc[t1 - 1:b.start]):
                        continue  # "hit a depot during fighting between the Kurds and IS": they are the parties
                    if any(t.text == ";" for t in doc[a.end:b.start]):
                        continue  # a semicolon joins two statements
                    if second == ib and any(t.lower_ in _CLAUSE_OPENERS for t in doc[t1:b.start]):
                        continue  # "IS had been fighting rival groups when the government launched ...": another clause
                    if trig.predicate == "controls" and second == ib and not _governs_place(doc, t1, b, ms):
                        continue  # the trigger's own object stands before the place: "held exercises in Hasakeh"
                    if first == ia and _prepositional_relative(ctx, [ia], t0):
                        continue  # "forces opposed to Assad that captured ...": the clause is the forces'
                    if first == ia and _inserted(doc, a, t0, ctx.start):
                        continue  # a name inside an insertion between commas is not the verb's subject
                    out.extend(_finish(ctx, t0, t1, trig, "pair", [first], [second]))
    return out


def pair_features(found, doc) -> dict[str, float]:
    """What the calibrator weighs for a pair reading: names and commas between its ends, the trigger's distance."""
    s, o = found.subject, found.object
    lo, hi = min(s.end, o.end), max(s.start, o.start)
    mentions = doc._.ag_mentions or []
    between = sum(1 for m in mentions if lo <= m.start and m.end <= hi and m.kind != "candidate")
    commas = sum(1 for t in doc[lo:hi] if t.text in (",", ";", "(", ")", "—", "–"))
    return {"pair-names-between": min(between, 4) / 2, "pair-commas": min(commas, 4) / 2,
            "pair-trigger-distance": min(max(0, found.t0 - lo), 20) / 10}
