"""Claim rules over token sequences: who does what to whom, when, and how firmly the text says it.

Works without a parser (``spacy.blank("en")``): a sentence is read as mention groups (coordinated
names: "Russia and Iran") around trigger words from ``data/triggers.jsonl``. The rules, each named in
the candidate's ``rule``:

- ``active``: SUBJECTS trigger OBJECTS ("Iran armed Hezbollah").
- ``passive``: OBJECTS be/, trigger by SUBJECTS ("forces, assisted by Russian warplanes").
- ``inverse``: PLACE fell to ACTOR.
- ``fronted``: a sentence-initial participle, its objects, a copula, then the subjects
  ("Supporting Assad ... has been Russia and Iran").
- ``participle``: "After capturing Hama, rebels ..." (the subject follows the comma).
- ``noun``: relational nouns with a preposition ("Russia's support for Assad", "an offshoot of ...").
- ``apposition``: "HTS, an al-Qaeda offshoot" (the object before the noun, the subject before the comma).
- ``between``: "clashes between X and Y" (every pair in the group).
- ``reciprocal``: "X and Y are allies".

Cues in the words before the trigger: negation drops the claim, an ending ("ended its support",
"no longer") makes the claim end at the nearest date (or by publication), hedges set the status.
When parser output is present, :mod:`loaders.news.syntax` adds the dependency-based readings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.time import PartialDate
from loaders.news.dates import DateMention
from loaders.news.mentions import LOCATIVE, TokMention
from loaders.news.model import Candidate
from loaders.news.resources import Resources, Trigger

__all__ = ["SentenceContext", "Found", "sentence_claims", "make_candidate", "candidate_features", "valid_for"]

_CONJ = re.compile(r"^(,|and|or|&|plus|, and|, or|as well as|, as well as|along with|, along with|together with|"
                   r"and its ally|and their allies|and its allies|alongside|, alongside)$")
_BE = frozenset({"is", "are", "was", "were", "been", "being", "be", "'s", "has", "have", "had", "reportedly",
                 "allegedly", "also", "now", "long", "since", "later", "then", "once", "formally", "officially"})
_COPULA = ("has been", "have been", "had been", "is", "are", "was", "were", "remains", "remain", "came", "come")
_FRONTED_OPENERS = frozenset({"after", "since", "before", "having", "upon", "following", "while", "when", "on"})
_RELATIVE = frozenset({"which", "who", "that", "whose"})
_INVERSE = frozenset({"fell to", "fallen to", "falls to"})
#: trigger verbs that are more often plural nouns: a verb only right after a name or a relative pronoun
_NOUN_VERBS = frozenset({"groups"})
#: verbs of giving: their object is what is given, the receiver follows "to" or "for"
_TRANSFER = frozenset({"sent", "sends", "sending", "deployed", "deploys", "deploying", "dispatched", "provided",
                       "provides", "providing", "gave", "gives", "giving", "offered", "offers", "extended", "extends",
                       "lent", "lends"})
_LIGHT_VERBS = frozenset({"launched", "launches", "launching", "began", "begun", "mounted", "waged", "wages",
                          "carried", "conducted", "stepped", "led", "leads", "continued", "intensified", "resumed",
                          "renewed", "announced", "declared", "started", "escalated", "expanded", "fired", "fires",
                          "firing", "opened", "unleashed", "fought", "waging", "fighting"})
_IRREGULAR_PARTICIPLES = frozenset({"led", "held", "fought", "taken", "seized", "paid", "sent", "given", "overrun",
                                    "lent", "struck", "hit", "run"})
_WINDOW = 12


@dataclass(frozen=True, slots=True)
class Found:
    """One reading before linking: subject and object mentions, the trigger and what the words around it say."""

    subject: TokMention
    object: TokMention
    trigger: Trigger
    t0: int
    t1: int
    rule: str
    phase: str
    status: str
    types: tuple[str, ...]
    date: DateMention | None
    gap: int


@dataclass
class SentenceContext:
    """What the rules need to know about one sentence."""

    doc: object
    start: int  # token offsets of the sentence
    end: int
    mentions: list[TokMention]
    triggers: list[tuple[int, int, list[Trigger]]]
    cues: dict  # token index -> set of cue names (for the first token of each cue)
    cue_spans: list[tuple[int, int, str]]
    support: list[tuple[int, int, str]]
    dates: list[tuple[int, int, DateMention]]  # token span and the date
    res: Resources
    groups: list[list[int]] = field(default_factory=list)  # lists of indexes into mentions

    def __post_init__(self) -> None:
        self.groups = _group(self.doc, self.mentions)


def _group(doc, mentions: list[TokMention]) -> list[list[int]]:
    groups: list[list[int]] = []
    for i, m in enumerate(mentions):
        if groups:
            prev = mentions[groups[-1][-1]]
            between = _joiner(doc, prev, m)
            if m.start == prev.start and m.end == prev.end:
                groups[-1].append(i)  # "they" resolved to two actors: one reference, both of them
                continue
            if between == "" and prev.end < m.start and m.primary == prev.primary:
                groups[-1].append(i)  # "Islamic State fighters (IS)": the same actor again
                continue
            if between.startswith("both "):
                between = between[5:]
            if prev.end <= m.start and _CONJ.match(between) and m.kind == prev.kind or (
                    prev.end <= m.start and _CONJ.match(between) and "candidate" not in (m.kind, prev.kind)
                    and between in ("and", ", and", "as well as", "along with", "together with")):
                groups[-1].append(i)
                continue
        groups.append([i])
    out = []
    for g in groups:
        if len(g) == 2 and _apposition_pair(doc, mentions[g[0]], mentions[g[1]]):
            out.extend([i] for i in g)  # "the branch of al-Qaeda, al-Nusra Front, has": an apposition, not a list
            continue
        # "Hama, Syria": a place and the country it is in, not a list of places
        if len(g) > 1 and all(mentions[i].kind == "place" for i in g):
            pairs = zip(g, g[1:], strict=False)
            joins = " ".join(t.lower_ for i, j in pairs for t in doc[mentions[i].end:mentions[j].start])
            if "and" not in joins.split() and "or" not in joins.split():
                out.extend([i] for i in g)
                continue
        out.append(g)
    return out


def _apposition_pair(doc, a: TokMention, b: TokMention) -> bool:
    """"X, Y, has ..." names one actor twice; "X, Y, and Z" and "X, Y and Z" are lists."""
    if _joiner(doc, a, b) != ",":
        return False
    return b.end + 1 < len(doc) and doc[b.end].text == "," and doc[b.end + 1].lower_ not in ("and", "or", "as")


_TROOP_NOUNS = frozenset({"fighters", "forces", "militants", "troops", "militiamen", "guerrillas", "jihadists"})


def _joiner(doc, prev: TokMention, m: TokMention) -> str:
    """The words joining two names, without brackets around an acronym ("Kurdish Popular Protection Units
    (YPG) and ...") and without a word for fighters after the first ("Islamic State fighters (IS)")."""
    words = [t for t in doc[prev.end:m.start] if not t.is_space]
    if words and words[0].text == ")":
        words = words[1:]
    if words and words[-1].text == "(" and m.end < len(doc) and doc[m.end].text == ")":
        words = words[:-1]
        while words and words[-1].is_title and words[-1].lower_ not in ("and", "or"):
            words.pop()  # the long form the acronym stands for
    while words and words[0].lower_ in _TROOP_NOUNS:
        words = words[1:]
    if len(words) > 1 and words[-1].lower_ == "the":
        words = words[:-1]  # "Ankara, the U.S., and the EU"
    return " ".join(t.lower_ for t in words)


def _group_of(ctx: SentenceContext, mention_index: int) -> list[int]:
    for g in ctx.groups:
        if mention_index in g:
            return g
    return [mention_index]


def _left_group(ctx: SentenceContext, before: int, *, limit: int = _WINDOW,
                skip_places: bool = True) -> list[int] | None:
    """The nearest group ending at or before token ``before``; names after a locative word are skipped."""
    doc = ctx.doc
    for idx in range(len(ctx.mentions) - 1, -1, -1):
        m = ctx.mentions[idx]
        if m.end > before:
            continue
        if before - m.end > limit:
            return None
        if any(doc[k].text == ";" for k in range(m.end, before)):
            return None
        if skip_places and (_after_locative(doc, m, ctx.start) or _after_direction(doc, m, ctx.start)):
            continue
        if m.end < len(doc) and doc[m.end].text == "-" and m.end < before:
            continue  # "US-backed", "al-Qaeda-linked": a modifier, not the subject
        if _anti(doc, m):
            continue
        group = _group_of(ctx, idx)
        return [g for g in group if ctx.mentions[g].end <= before]
    return None


#: words that may stand between a verb and its object's name ("backed the embattled government of ...")
_GAP = frozenset({"the", "a", "an", "its", "their", "his", "her", "both", "also", "fellow", "rival", "embattled",
                  "beleaguered", "besieged", "government", "regime", "forces", "troops", "army", "of", "president",
                  "leader", "syrian", "key", "main", "former", "hardline", "jihadist", "islamist", "militant",
                  "extremist", "radical", "kurdish", "kurdish-led", "arab", "lebanese", "iraqi", "shiite", "sunni",
                  "shia", "all", "several", "various", "other", "some", "to", "for", "on", "against", "with",
                  # a place's descriptors: "captured the strategic northern town of Tal Abyad"
                  "city", "town", "village", "province", "capital", "region", "governorate", "district", "border",
                  "strategic", "northern", "southern", "eastern", "western", "central", "northeastern",
                  "northwestern", "southeastern", "southwestern", "nearby", "neighbouring", "neighboring",
                  "rebel-held", "provincial", "countryside", "outskirts", "ancient", "largest",
                  "biggest", "second", "last", "remaining", "entire", "whole", "most", "much", "parts", "part",
                  "positions", "targets", "areas", "large", "swathes", "swaths", "districts", "neighbourhoods",
                  "neighborhoods", "villages", "towns", "sites", "half", "dozens", "number", "rebel",
                  "opposition", "suburbs", "quarters", "sections", "portions"})


def _gap_ok(ctx: SentenceContext, lo: int, hi: int) -> bool:
    """Whether only determiners, titles and modifiers stand in ``[lo, hi)``: no other noun phrase, no clause."""
    doc = ctx.doc
    for k in range(lo, hi):
        t = doc[k]
        if t.is_space or t.lower_ in _GAP or (t.text[:1].isupper() and t.is_alpha and k > lo - 1):
            continue
        if t.text == "-" or (k + 1 < hi and doc[k + 1].text == "-") or (k > lo and doc[k - 1].text == "-"):
            continue  # "US-backed", "al-Qaeda-linked": a modifier
        if t.lower_ in ("'s", "’s") and k > lo and doc[k - 1].text[:1].isupper():
            continue  # "the IRGC's Quds Force": the owner's name qualifies the name after it
        return False
    return True


def _right_group(ctx: SentenceContext, after: int, *, limit: int = 10, want_place: bool = False,
                 clean: bool = False) -> list[int] | None:
    doc = ctx.doc
    for idx, m in enumerate(ctx.mentions):
        if m.start < after:
            continue
        if m.start - after > limit:
            return None
        stops = (";", ".", ",", "—", "–", "(") if clean else (";", ".")
        if any(doc[k].text in stops for k in range(after, m.start)):
            return None
        if _anti(doc, m) or _modifier(doc, m) or _owner_of_next(ctx, idx):
            continue
        if clean and not _gap_ok(ctx, after, m.start):
            return None
        if want_place and m.kind != "place" and not _can_be_place(m) and m.kind != "candidate":
            continue
        if not want_place and _after_locative(doc, m, ctx.start) and _can_be_place(m) and m.start > after:
            continue
        group = _group_of(ctx, idx)
        return [g for g in group if ctx.mentions[g].start >= m.start]
    return None


def _including_group(ctx: SentenceContext, after: int, *, limit: int = 8) -> list[int] | None:
    """The names a description is expanded into: "fought against various rebel groups, including Al Nusrah and the
    Islamic State" (the groups fought are those named). Only lower-case words of the description stand between
    ``after`` and the comma; no name."""
    doc = ctx.doc
    starts = {m.start for m in ctx.mentions}
    k = after
    while k < ctx.end and k - after <= limit:
        if k in starts:
            return None
        t = doc[k]
        if t.text == "," and k > after:
            nxt = [w.lower_ for w in doc[k + 1:min(ctx.end, k + 3)]]
            if nxt[:1] in (["including"], ["notably"], ["particularly"], ["especially"]):
                return _right_group(ctx, k + 2, limit=2)
            if nxt[:2] == ["such", "as"]:
                return _right_group(ctx, k + 3, limit=2)
            return None
        if not (t.is_alpha and t.is_lower or t.text == "-"):
            return None
        k += 1
    return None


#: second halves of compounds after a name: the name modifies what follows ("US-backed", "al-Qaeda-linked")
_COMPOUND_HALVES = frozenset({"backed", "led", "supported", "funded", "armed", "trained", "sponsored", "financed",
                              "allied", "aligned", "equipped", "linked", "affiliated", "based", "held", "controlled",
                              "run", "dominated", "inspired", "style", "friendly", "leaning", "born"})


def _modifier(doc, m: TokMention) -> bool:
    """Whether a name is the first half of a compound modifier ("US-backed SDF"): not an end of its own."""
    return m.end + 1 < len(doc) and doc[m.end].text == "-" and doc[m.end + 1].lower_ in _COMPOUND_HALVES


def _owner_of_next(ctx: SentenceContext, idx: int) -> bool:
    """Whether a name only owns the name right after it ("attacks against the IRGC's Quds Force", "Iran's
    Quds Force"): the verb acts on the owned actor, so the owner is not the object."""
    doc, ms = ctx.doc, ctx.mentions
    m = ms[idx]
    return (idx + 1 < len(ms) and m.end < len(doc) and doc[m.end].lower_ in ("'s", "’s", "'")
            and ms[idx + 1].start == m.end + 1 and ms[idx + 1].kind == "actor")


def _anti(doc, m: TokMention) -> bool:
    """Whether a name is the object of an "anti-" prefix ("anti-IS coalition"): a modifier, not an end."""
    return m.start >= 2 and doc[m.start - 1].text == "-" and doc[m.start - 2].lower_ == "anti"


def _can_be_place(m: TokMention) -> bool:
    return m.kind == "place" or m.via == "alias" and m.kind == "actor" and len(m.ids) > 1


_AREAS = frozenset({"areas", "area", "parts", "regions", "region", "swathes", "swaths", "territory", "territories"})


def _after_locative(doc, m: TokMention, sent_start: int) -> bool:
    j = m.start - 1
    directed = False
    while j >= sent_start and doc[j].lower_ in ("the", "northern", "southern", "eastern", "western", "rural"):
        directed |= doc[j].lower_ not in ("the", "rural")
        j -= 1
    if j > sent_start and doc[j].lower_ == "of" and m.kind != "candidate" and (
            doc[j - 1].lower_ in _AREAS or (directed and doc[j - 1].lower_ in _AREAS | {"parts", "part", "much"})):
        return True  # "targeting areas of eastern Syria": where, not whom
    return j >= sent_start and doc[j].lower_ in LOCATIVE and doc[j].lower_ not in ("of", "on") and m.kind != "candidate"


def _after_direction(doc, m: TokMention, sent_start: int) -> bool:
    """A place after "north of", "on the outskirts of": where a subject is ("Turkish troops north of Saraqeb
    shelled ..."), never the subject itself."""
    j = m.start - 1
    while j > sent_start and doc[j].lower_ in ("the", "rural"):
        j -= 1
    return m.kind == "place" and j > sent_start and doc[j].lower_ == "of" and doc[j - 1].lower_ in _DIRECTIONS


_DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                         "north-east", "north-west", "south-east", "south-west", "outskirts", "countryside",
                         "suburbs", "kilometres", "kilometers", "miles", "km"})


def _cues_in(ctx: SentenceContext, lo: int, hi: int) -> set[str]:
    return {name for s, e, name in ctx.cue_spans if lo <= s and e <= hi}


def _support_in(ctx: SentenceContext, lo: int, hi: int) -> set[str]:
    return {t for s, e, t in ctx.support if lo <= s and e <= hi}


def _nearest_date(ctx: SentenceContext, t0: int, t1: int, lo: int, hi: int) -> DateMention | None:
    best, best_d = None, None
    for s, e, d in ctx.dates:
        dist = s - t1 if s >= t1 else t0 - e
        if s >= t1:
            dist -= 0.5  # a date after the verb usually belongs to it ("captured Hama on Thursday")
        if best_d is None or dist < best_d:
            best, best_d = d, dist
    return best


_ANTI_FIGHTS = Trigger("fights", "state", "noun", ("anti-",), ())


def _anti_claims(ctx: SentenceContext) -> list[Found]:
    """"PKK – anti-IS Kurdish militias", "Army of Conquest – newly formed anti-Assad coalition": an armed group
    described as "anti-X" fights X (the described name is found as for an apposition)."""
    doc = ctx.doc
    out = []
    for idx, y in enumerate(ctx.mentions):
        if not _anti(doc, y):
            continue
        k = y.start - 2  # the "anti" token
        while k > ctx.start and (doc[k - 1].lower_ in ("a", "an", "the", "newly", "formed", "newly-formed", "main",
                                                       "hardline", "armed", "militant", "powerful")
                                 or doc[k - 1].text == "-" and k - 2 >= ctx.start and doc[k - 2].lower_ == "newly"):
            k -= 1
        named = _apposed(ctx, k)
        if not named or idx in named:
            continue
        out.extend(Found(ctx.mentions[s], y, _ANTI_FIGHTS, y.start - 2, y.start, "anti", "state", "confirmed", (),
                         None, 0) for s in named)
    return out


def sentence_claims(ctx: SentenceContext) -> list[Found]:
    """Every reading the rules find in one sentence (before linking and kind checks)."""
    out: list[Found] = _anti_claims(ctx)
    previous: tuple[list[int], list[int], int] | None = None  # last subjects, objects, trigger end
    doc = ctx.doc
    for t0, t1, defs in ctx.triggers:
        form = " ".join(t.lower_ for t in doc[t0:t1])
        for trig in defs:
            readings = _readings(ctx, t0, t1, trig, form, previous)
            if not readings:
                continue
            rule, subj, obj = readings
            if (rule == "active" and previous is not None and subj == previous[1] and previous[2] <= t0
                    and previous[3] not in ("passive", "compound", "participle", "fronted")):
                between = [t.lower_ for t in doc[ctx.mentions[subj[-1]].end:t0] if t.text != ","]
                # "leads the coalition fighting IS": an -ing form right after the object (no comma, no "and")
                # modifies that object, which is its subject; after a comma it continues the clause
                reduced = ctx.mentions[subj[-1]].end == t0 and doc[t0].lower_.endswith("ing")
                if not (between and between[0] in _RELATIVE) and not reduced:
                    subj = previous[0]
            elif (rule == "active" and previous is not None and previous[3] == "passive" and subj == previous[0]
                  and doc[previous[4] - 1].lower_ not in _BE):
                subj = previous[1]  # "rebels backed by Ankara took Jarabulus": the rebels took it
            found = _finish(ctx, t0, t1, trig, rule, subj, obj)
            if not found:
                found = _aim_fights(ctx, t0, t1, trig, rule, subj, obj)
                if found:
                    out.extend(found)
                    break
            if found:
                out.extend(found)
                out.extend(_taken_from(ctx, trig, subj, obj, found[0]))
                previous = (subj, obj, t1, rule, t0)
                break
    out.extend(_receipt_claims(ctx))
    out.extend(_owner_claims(ctx))
    return out


_OWNER_PART = Trigger("part_of", "state", "noun", ("'s",), ())


def _owner_claims(ctx: SentenceContext) -> list[Found]:
    """A named unit owned by a named organisation is part of it: "the IRGC's Quds Force", "al-Qaeda's Nusra
    Front", "the Quds Force of the Revolutionary Guards". Only names of the graph (no demonym, no reference);
    linking keeps organisations only (a state's unit is not "part of" the state in the corpus's sense)."""
    doc, ms = ctx.doc, ctx.mentions
    out = []
    for i in range(len(ms) - 1):
        owner, unit = ms[i], ms[i + 1]
        if owner.kind != "actor" or unit.kind != "actor" or owner.via not in ("alias", "descriptive") or (
                unit.via not in ("alias", "descriptive")):
            continue
        between = [t.lower_ for t in doc[owner.end:unit.start] if not t.is_space]
        if between in (["'s"], ["’s"], ["'"]):
            out.append(Found(unit, owner, _OWNER_PART, owner.end, owner.end + 1, "owner", "state", "confirmed", (),
                             None, 0))
    for i in range(len(ms) - 1):
        unit, owner = ms[i], ms[i + 1]
        if unit.kind != "actor" or owner.kind != "actor" or owner.via not in ("alias", "descriptive") or (
                unit.via not in ("alias", "descriptive")):
            continue
        between = [t.lower_ for t in doc[unit.end:owner.start] if not t.is_space]
        if between in (["of", "the"], ["of"]) and unit.start > ctx.start and doc[unit.start - 1].lower_ in (
                "the", "elite"):
            out.append(Found(unit, owner, _OWNER_PART, unit.end, unit.end + 1, "owner", "state", "confirmed", (),
                             None, 0))
    return out


#: nouns of a military undertaking whose stated aim implies fighting ("an offensive to capture Raqqa from IS")
_UNDERTAKINGS = frozenset({"offensive", "offensives", "operation", "operations", "campaign", "push", "drive", "bid",
                           "battle", "assault", "attack", "attacks", "counteroffensive", "counter-offensive",
                           "onslaught", "incursion", "effort", "efforts", "attempt", "advance"})
_AIM_FIGHTS = Trigger("fights", "state", "verb", ("to capture from",), ())


def _aim_fights(ctx: SentenceContext, t0: int, t1: int, trig: Trigger, rule: str, subj: list[int],
                obj: list[int]) -> list[Found]:
    """An aim that implies fighting, where the aim itself is no claim: "launched an offensive to capture
    Raqqa from IS" (X fights IS; that X holds Raqqa is only intended), "are trying to halt an offensive by IS"
    (the offensive is under way). Only the fight is read, never the capture."""
    doc = ctx.doc
    if rule not in ("active", "purpose") or not subj or not obj:
        return []
    if trig.predicate == "fights" and _by_object(ctx, t1) == obj:
        # "trying to halt an offensive by IS": whoever holds the offensive fights whoever tries to halt it
        words = [t.lower_ for t in doc[max(ctx.start, t0 - 4):t0]]
        if "not" in words or "never" in words or "n't" in words:
            return []
        return _finish(ctx, t0, t1, trig, "aim", subj, obj)
    if trig.predicate != "controls" or trig.phase != "start" or t0 <= ctx.start or doc[t0 - 1].lower_ != "to":
        return []
    k = t0 - 2
    while k > ctx.start and k >= t0 - 4 and doc[k].lower_ not in _UNDERTAKINGS:
        k -= 1
    if doc[k].lower_ not in _UNDERTAKINGS:
        return []  # "rebels seek to capture Raqqa": an intention, not yet a fight
    end = ctx.mentions[obj[-1]].end
    if end >= ctx.end or doc[end].lower_ != "from":
        return []
    losers = _right_group(ctx, end + 1, limit=3)
    if not losers:
        return []
    fighters = subj
    first = _first_group(ctx, k)
    if first is not None and first != subj and ctx.mentions[first[0]].start < ctx.mentions[subj[0]].start:
        fighters = first  # "X announced the start of an offensive to capture P from Y": the clause's subject
    words = {t.lower_ for t in doc[ctx.start:t0]}
    if words & {"not", "never", "n't"}:
        return []
    return [Found(ctx.mentions[x], ctx.mentions[y], _AIM_FIGHTS, t0, t1, "aim", "state", "confirmed", (), None, 0)
            for x in fighters for y in losers if x != y]


def _readings(ctx: SentenceContext, t0: int, t1: int, trig: Trigger, form: str, previous):
    doc = ctx.doc
    place_obj = trig.predicate in ("controls", "based_in")
    first_word = ctx.start
    while first_word < t0 and (doc[first_word].is_punct or doc[first_word].is_space
                               or doc[first_word].lower_ in ("also", "meanwhile", "and", "but")):
        first_word += 1
    if trig.role == "noun":
        last = doc[t1 - 1].lower_
        if last == "between":
            right = _right_group(ctx, t1, limit=4)
            if right and len(right) >= 2:
                return "between", right, right
            other = _between_second(ctx, right) if right else None
            if other is not None:  # "clashes between regime forces and fighters from the extremist group HTS"
                return "between", [right[0], other], [right[0], other]
            return None
        if last in ("of", "for", "to", "with", "against", "on", "in", "toward", "towards", "at"):
            right = _right_group(ctx, t1, limit=6, want_place=place_obj)
            if not right and not place_obj:
                right = _including_group(ctx, t1)  # "the fight against jihadist groups, including IS"
            if not right:
                return None
            campaign = _campaign_subject(ctx, t0, trig)
            if campaign is not None:  # "... allied with Nusra in battles against the regime"
                return "campaign", campaign, right
            if t0 > ctx.start and doc[t0 - 1].lower_ == "in" and trig.predicate == "supports":
                subj = _first_group(ctx, t0)  # "... carried out strikes in support of Assad"
                return ("purpose", subj, right) if subj and subj != right else None
            # possessive subject: "Russia's support for"
            left = _possessor(ctx, t0)
            if left is not None:
                return "possessive", left, right
            left = _left_group(ctx, t0, limit=8)
            between = [t.lower_ for t in doc[ctx.mentions[left[-1]].end:t0] if not t.is_space] if left else []
            if between and between[0] == "and" and "and" not in [t.lower_ for t in doc[ctx.mentions[left[0]].start:
                                                                                   ctx.mentions[left[-1]].end]]:
                shared = _shared_subject(ctx, t0)
                if shared is not None:  # "It funds rebels and began conducting airstrikes against ISIL"
                    return "coordinated", shared, right
            if left is None or not _linking_words(ctx, ctx.mentions[left[-1]].end, t0):
                # "The founder of HTS, Abu Muhammad al-Jolani, ...": the subject follows in apposition
                named_after = trig.predicate in ("leads", "part_of", "offshoot_of", "member_of", "successor_of")
                if named_after and len(right) == 2 and doc[ctx.mentions[right[0]].end].text == ",":
                    return "noun", right[1:], right[:1]
                end = ctx.mentions[right[-1]].end
                if named_after and end < ctx.end and doc[end].text == ",":
                    after = _right_group(ctx, end + 1, limit=1)
                    return ("noun", after, right) if after else None
                return None
            return "noun", left, right
        # bare noun: "HTS, an al-Qaeda offshoot"; "X and Y are allies"; "Idlib, an HTS stronghold"
        owner = _possessor(ctx, t0)
        skip = t1
        while skip < ctx.end and skip - t1 < 2 and doc[skip].text in (",", "-", "–", "—", ":"):
            skip += 1  # "Syria's key backers - Iran and Russia -", "its de facto capital, Raqqa"
        after = _right_group(ctx, skip, limit=2, clean=True, want_place=place_obj)
        if owner is not None and after and not place_obj:  # "its proxy Hezbollah", "Iran's ally Hezbollah"
            return _turn(trig, "possessive", after, owner)
        if owner is not None and after and trig.predicate == "controls":  # "the group's de facto capital, Raqqa"
            return "possessive", owner, after
        if owner is not None and not after and not place_obj:
            # "Kurdish forces have been America's main partner", "Hezbollah is Iran's proxy"
            first = ctx.mentions[owner[0]].start
            left = _left_group(ctx, first, limit=6)
            if left and left != owner and _linking_words(ctx, ctx.mentions[left[-1]].end, first):
                return _turn(trig, "possessive", left, owner)
        pre = _prenominal(ctx, t0)
        after = _right_group(ctx, t1, limit=2, clean=True, want_place=place_obj)
        if pre is not None and after and trig.predicate in ("leads", "part_of", "offshoot_of", "member_of"):
            return "title", after, pre  # "SDF commander Mazloum Abdi", "al-Qaeda affiliate al-Nusra Front"
        head = next((i for i, m in enumerate(ctx.mentions) if m.start == t1 and m.via == "coref"), None)
        if pre is not None and head is not None and not place_obj:  # "the al-Qaeda breakaway group"
            return _turn(trig, "apposition", [head], pre)
        if pre is not None:
            pm = ctx.mentions[pre[0]]
            left = _left_group(ctx, ctx.mentions[pre[0]].start, limit=5, skip_places=not place_obj)
            if left is None:
                return None
            if not place_obj and (doc[pm.start:pm.end].text.lower() in ("its", "their", "his", "her") or (
                    pm.end < ctx.end and doc[pm.end].lower_ in ("'s", "’s", "'"))) and [
                    t.lower_ for t in doc[ctx.mentions[left[-1]].end:pm.start] if not t.is_space] not in (
                    [","], [",", "the"], [",", "a"], [",", "an"], ["(",], ["-"], ["–"], ["—"]):
                # "attacks on America's own ally, the Syrian Kurds", "groups supported by the U.S. and its allies":
                # a possessed relational noun names the possessor's partner; an earlier name is that partner only in
                # apposition ("the Nusra Front, al-Qaeda's branch in Syria")
                return None
            if place_obj:
                return "apposition", pre, left
            return _turn(trig, "apposition", left, pre)
        if trig.predicate in ("allied_with", "fights"):
            left = _left_group(ctx, t0, limit=5)
            if left and len(left) >= 2:
                return "reciprocal", left, left
        return None
    # verbs
    if t0 >= 2 and doc[t0 - 1].text == "-" and not doc[t0 - 1].whitespace_:
        # a compound ("US-backed SDF", "Lebanon-based", "rebel-held"): no other reading of the verb
        modifier = next((i for i, m in enumerate(ctx.mentions) if m.end == t0 - 1), None)
        if modifier is None:
            return None
        if t1 < ctx.end and doc[t1].lower_ == "by":  # "the Asad government-backed by Russia": a passive
            right = _right_group(ctx, t1 + 1, limit=3)
            return ("passive", right, [modifier]) if right else None
        right = _compound_head(ctx, t1, want_place=place_obj and trig.predicate != "based_in")
        if not right:
            right = _apposed(ctx, ctx.mentions[modifier].start)
            if right and ctx.mentions[right[0]].start > ctx.start and doc[ctx.mentions[right[0]].start - 1].lower_ in (
                    "between", "and"):
                right = None  # "clashes between the SDF, Turkish-backed factions": a list, not an apposition
        if not right:
            return None
        if trig.predicate in ("based_in", "part_of", "member_of"):
            # "the Lebanon-based Hezbollah", "the al-Qaeda-affiliated Nusra Front": the head is based in,
            # or part of, the modifier
            return "compound", right, [modifier]
        return "compound", [modifier], right
    if form == "based":
        return None  # only "X-based" reads as based_in; "based on" and the like do not
    if trig.predicate == "designates_terrorist" and t0 > ctx.start and doc[t0 - 1].lower_ in ("a", "an"):
        # "the PKK, a designated terrorist organization by Ankara, the US and the EU"
        k = t1
        while k < ctx.end and k - t1 < 3 and doc[k].lower_ != "by":
            k += 1
        right = _right_group(ctx, k + 1, limit=2) if k < ctx.end and doc[k].lower_ == "by" else None
        named = _apposed(ctx, t0 - 1)
        return ("passive", right, named) if right and named else None
    if trig.inverse and form.split()[0] in ("with", "thanks", "under"):
        # "the Assad government clawed back territory with the help of Russia": the clause's subject is helped
        right = _right_group(ctx, t1, limit=3)
        left = _first_group(ctx, t0)
        return ("help", right, left) if left and right and left != right else None
    if form in _INVERSE or trig.inverse:
        if form in _NOUN_VERBS and not (t0 > ctx.start and (doc[t0 - 1].lower_ in ("which", "that", "it", "now", "also")
                                                            or any(m.end == t0 for m in ctx.mentions))):
            return None  # "countering groups linked to Al Qaeda": a plural noun, not the verb "X groups Y and Z"
        left = _left_group(ctx, t0, limit=8, skip_places=False)
        right = _right_group(ctx, t1, limit=4)
        if left and trig.predicate == "member_of" and any(
                ctx.mentions[left[-1]].end <= a < t0 and any(d.predicate != "member_of" for d in defs)
                for a, _, defs in ctx.triggers):
            return None  # "X fought several factions, including Y": Y is what X fought, not one of X's members
        return ("inverse", right, left) if left and right else None
    by_next = (t1 < ctx.end and doc[t1].lower_ == "by") or (t1 + 1 < ctx.end and doc[t1 + 1].lower_ == "by")
    before = {doc[k].lower_ for k in range(max(ctx.start, t0 - 3), t0)}
    last_word = doc[t1 - 1].lower_
    participle = last_word.endswith("ed") or last_word in _IRREGULAR_PARTICIPLES
    if form.endswith(" by") or (by_next and (before & _BE or participle or
                                             (t0 > ctx.start and doc[t0 - 1].text in (",", "and")))):
        by = t1 if form.endswith(" by") else (t1 if doc[t1].lower_ == "by" else t1 + 1) + 1
        right = _right_group(ctx, by, limit=3)
        left = _left_group(ctx, t0, limit=12, skip_places=not place_obj)
        if left and _modifies_noun(ctx, left, t0):
            # "Syria (a US foe supported by Iran)": the participle belongs to "foe", which stands for Syria
            k = ctx.mentions[left[0]].start
            while k > ctx.start and doc[k - 1].lower_ in ("a", "an", "the"):
                k -= 1
            left = _apposed(ctx, k)
        if right and left is None and not any(t.is_alpha and t.is_lower for t in doc[ctx.start:t0]):
            # "Backed by Russian and Iranian firepower, Assad's forces reached ...": a participle phrase that opens
            # the sentence (after a dateline at most) describes the subject after its comma
            k = ctx.mentions[right[-1]].end
            while k < ctx.end and k - ctx.mentions[right[-1]].end < 4 and doc[k].text != ",":
                k += 1
            subj = _right_group(ctx, k + 1, limit=3) if k < ctx.end and doc[k].text == "," else None
            if subj and all(ctx.mentions[i].kind == "actor" for i in subj):
                return "participle", right, subj
        return ("passive", right, left) if left and right else None
    if t0 > ctx.start and doc[t0 - 1].lower_ == "to" and not place_obj:
        # "sent fighters to Syria to back Assad": the purpose's subject is the clause's subject
        subj = _first_group(ctx, t0)
        right = _right_group(ctx, t1, limit=6)
        if subj and right and subj != right:
            return "purpose", subj, right
    if t0 == first_word and doc[t0].lower_.endswith("ing"):
        right = _right_group(ctx, t1, limit=6, want_place=place_obj)
        if right:
            end = ctx.mentions[right[-1]].end
            words = [(t.lower_, t.i) for t in doc[end:ctx.end] if not t.is_space]
            lowers = [w for w, _ in words]
            for cop in _COPULA:
                parts = cop.split()
                hit = next((k for k in range(len(lowers)) if lowers[k:k + len(parts)] == parts), None)
                if hit is not None:
                    subj = _right_group(ctx, words[hit + len(parts) - 1][1] + 1, limit=5)
                    if subj:
                        return "fronted", subj, right
                    break
    if first_word < t0 and doc[first_word].lower_ in _FRONTED_OPENERS and t0 - first_word <= 2 and (
            doc[t0].lower_.endswith(("ing", "ed"))):
        right = _right_group(ctx, t1, limit=6, want_place=place_obj)
        if right:
            k = ctx.mentions[right[-1]].end
            while k < ctx.end and doc[k].text != ",":
                k += 1
            subj = _right_group(ctx, k + 1, limit=3)
            if subj:
                return "participle", subj, right
    left = _left_group(ctx, t0)
    gerund = doc[t0].lower_.endswith("ing")
    if gerund and t0 > ctx.start and doc[t0 - 1].lower_ in ("of", "by", "after", "from", "while", "in"):
        left = _first_group(ctx, t0)  # "hardened by years of battling Israeli troops": the clause's subject
    if left and _parenthetical(ctx, left, t0):
        left = _left_group(ctx, ctx.mentions[left[0]].start - 2)
    right = _right_group(ctx, t1 + (t1 < ctx.end and doc[t1].text == ":"), want_place=place_obj, clean=True)
    if right and form in _TRANSFER:
        k = ctx.mentions[right[0]].start - 1
        while k > t1 and doc[k].lower_ in ("the", "a", "an"):
            k -= 1
        if doc[k].lower_ not in ("to", "for"):
            right = None  # "sent Revolutionary Guards officers": what is sent, not whom it helps
    if right is None and not place_obj:
        right = _including_group(ctx, t1)  # "fought against various rebel groups, including Al Nusrah and IS"
    if right is None and place_obj and trig.phase in ("start", "state") and trig.role == "verb":
        right = _held_place(ctx, t1)  # "seized a town and several villages in Syria's Idlib province"
    if right is None and trig.predicate == "fights":
        right = _by_object(ctx, t1)  # "pushed back an advance by IS"
    if trig.predicate == "fights" and (right is None or all(ctx.mentions[i].kind == "place" for i in right)):
        owned = _owned_object(ctx, t1)  # "attacked villages controlled by the SDF", "struck SDF-held areas"
        if owned:
            right = owned
    relative = _relative_object(ctx, t0, trig)
    if relative is not None:  # "Raqqa, which ISIS has held since 2014"
        return relative
    if left and right and _prepositional_relative(ctx, left, t0):
        return None  # "forces opposed to Assad that have captured Aleppo": the clause is the forces'
    if left and right:
        return "active", left, right
    if left and trig.predicate in ("fights", "allied_with") and len(left) >= 2 and not right and (
            t1 >= ctx.end or doc[t1].is_punct or doc[t1].lower_ in ("in", "on", "near", "around", "over", "for")) and (
            t0 - ctx.mentions[left[-1]].end <= 3):
        return "reciprocal", left, left
    return None


_CAMPAIGN_NOUNS = frozenset({"fight", "war", "battle", "battles", "campaign", "struggle", "offensive", "operations",
                             "operation", "offensives", "attacks"})


def _campaign_subject(ctx: SentenceContext, t0: int, trig: Trigger) -> list[int] | None:
    """The fighter of "X ... in the fight against Y": the name just before "in", else the clause's subject."""
    doc = ctx.doc
    if trig.predicate != "fights" or doc[t0].lower_ not in _CAMPAIGN_NOUNS:
        return None
    k = t0 - 1
    while k > ctx.start and doc[k].lower_ in ("the", "a", "an", "their", "its", "joint", "ongoing", "military",
                                             "international", "global", "bitter", "long", "war"):
        k -= 1
    if doc[k].lower_ != "in" or k <= ctx.start:
        return None
    near = next((i for i, m in enumerate(ctx.mentions) if m.end == k), None)
    if near is not None and ctx.mentions[near].start > ctx.start and doc[ctx.mentions[near].start - 1].lower_ == "by":
        return None  # "armed by Washington in the fight against IS": the one armed fights, not the agent
    if near is not None and not _after_locative(doc, ctx.mentions[near], ctx.start):
        return _group_of(ctx, near)
    return _first_group(ctx, k)


_PREPOSITIONS = frozenset({"to", "of", "against", "by", "with", "from", "for", "on"})
_TITLES = frozenset({"president", "syrian", "the", "leader", "regime", "of", "government", "bashar", "prime",
                     "minister"})


def _prepositional_relative(ctx: SentenceContext, left: list[int], t0: int) -> bool:
    """Whether the subject found is the object of a preposition followed by a relative clause holding the verb:
    the clause then belongs to the noun before the preposition, not to the name."""
    doc = ctx.doc
    first, last = ctx.mentions[left[0]], ctx.mentions[left[-1]]
    words = [t.lower_ for t in doc[last.end:t0] if not t.is_space]
    if not words or words[0] not in _RELATIVE:
        return False
    k = first.start - 1
    while k > ctx.start and doc[k].lower_ in _TITLES:
        k -= 1
    return k >= ctx.start and doc[k].lower_ in _PREPOSITIONS


_PLACE_NOUNS = frozenset({"town", "towns", "village", "villages", "city", "cities", "areas", "area", "parts", "part",
                          "districts", "district", "neighbourhoods", "neighborhoods", "neighbourhood", "neighborhood",
                          "sites", "positions", "territory", "swathes", "swaths", "base", "bases", "airport",
                          "outskirts", "countryside", "suburbs", "quarters", "province", "region", "stronghold"})


def _held_place(ctx: SentenceContext, t1: int) -> list[int] | None:
    """The place of "captured a town and villages in Idlib province", "took key sites across Aleppo": a town
    or an area taken inside a named place is a part of it held (a country is never held whole)."""
    doc = ctx.doc
    saw_noun = False
    k = t1
    while k < ctx.end and k - t1 <= 12:
        t = doc[k]
        if t.lower_ in ("in", "of", "across", "around", "near", "throughout") and saw_noun:
            for idx, m in enumerate(ctx.mentions):
                if m.start <= k:
                    continue
                if m.start - k > 4 or m.kind != "place" and not _can_be_place(m):
                    return None
                if m.end < len(doc) and doc[m.end].lower_ in ("'s", "’s"):
                    continue  # "Syria's Idlib province": the country owns the name that follows
                return [idx]
            return None
        if t.lower_ in _PLACE_NOUNS:
            saw_noun = True
        elif t.text in (".", ";", ",", ":") or t.lower_ in _RELATIVE or (
                t.lower_ not in _GAP and not t.is_digit and t.lower_ not in ("and", "several", "five", "two", "three",
                                                                               "four", "other", "its", "their")):
            return None
        k += 1
    return None


_ASSAULT = frozenset({"advance", "offensive", "attack", "attacks", "assault", "onslaught", "push", "incursion",
                      "raid", "raids", "siege"})


def _by_object(ctx: SentenceContext, t1: int) -> list[int] | None:
    """"halted an advance by IS", "repelled an attack by the rebels": the actor after "by" is the one fought."""
    doc = ctx.doc
    k = t1
    while k < ctx.end and k - t1 <= 4 and doc[k].lower_ not in _ASSAULT:
        if not (doc[k].lower_ in _GAP or doc[k].like_num or doc[k].text == "-" or doc[k].lower_ in (
                "week", "weeks", "month", "months", "day", "days", "three-week", "new", "major", "renewed", "fresh")):
            return None
        k += 1
    if k >= ctx.end or doc[k].lower_ not in _ASSAULT or k + 1 >= ctx.end or doc[k + 1].lower_ not in ("by", "of"):
        return None
    return _right_group(ctx, k + 2, limit=2)


def _relative_object(ctx: SentenceContext, t0: int, trig: Trigger):
    """"Raqqa, which ISIS has held since 2014", "the Nusra Front, which US officials declared a terrorist
    organisation": the name before the relative pronoun is the object, the name after it the subject."""
    if trig.role != "verb" or trig.inverse or trig.predicate not in ("controls", "designates_terrorist", "supports",
                                                                      "fights", "opposes"):
        return None
    doc = ctx.doc
    named = set()
    for m in ctx.mentions:
        named.update(range(m.start, m.end))
    k = t0 - 1
    while k > ctx.start and k not in named and (doc[k].lower_ in _BE or doc[k].lower_ in (
            "officials", "forces", "troops", "authorities", "fighters", "militants", "jets", "warplanes")):
        k -= 1
    subj = next((i for i, m in enumerate(ctx.mentions) if m.end == k + 1), None)
    if subj is None:
        return None
    j = ctx.mentions[subj].start - 1
    while j > ctx.start and doc[j].lower_ in ("the", "a"):
        j -= 1
    if j <= ctx.start + 1 or doc[j].lower_ not in ("which", "whom", "that") or doc[j - 1].text != ",":
        return None
    obj = next((i for i, m in enumerate(ctx.mentions) if m.end == j - 1 or (
        m.end == j - 2 and doc[j - 2].text == ")")), None)
    if obj is None or _modifier(doc, ctx.mentions[subj]):
        return None
    return "relative", _group_of(ctx, subj), [obj]


#: prepositions of place: after a compound's head noun they start a phrase of where, not the compound's head
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "across", "inside", "into", "throughout", "around", "within",
                             "outside", "from"})


def _compound_head(ctx: SentenceContext, t1: int, *, want_place: bool) -> list[int] | None:
    """The name a compound qualifies ("US-backed SDF", "the US-backed, Kurdish-led SDF", "its Lebanon-based
    proxy Hezbollah"): the next name, with only modifiers, other compounds and a head noun or two between."""
    doc = ctx.doc
    nouns = 0
    for idx, m in enumerate(ctx.mentions):
        if m.start < t1:
            continue
        if m.start - t1 > 5:
            return None
        if _modifier(doc, m) or _anti(doc, m):
            continue
        for k in range(t1, m.start):
            t = doc[k]
            if t.lower_ in _GAP or t.text == "-" or (k > t1 and doc[k - 1].text == "-") or t.is_space:
                continue
            if t.text == "," and k + 2 < m.start + 1 and doc[k + 2].text == "-":
                continue  # "US-backed, Kurdish-led SDF"
            if not want_place and t.lower_ in _LOCATIVE_PREPS:
                return None  # "Iran-backed proxy forces in Syria": the head has ended, the name is where it is
            if t.is_alpha and (t.is_lower or t.is_title) and t.lower_ not in ("and", "or", "but", "by", "with") and (
                    not t.lower_.endswith(("ing", "ed"))):
                nouns += 1
                if nouns <= 2:
                    continue
            return None
        if want_place and m.kind != "place" and not _can_be_place(m):
            return None
        return [idx]
    return None


def _modifies_noun(ctx: SentenceContext, group: list[int], t0: int) -> bool:
    """Whether a name only modifies a noun before the verb ("a US foe supported by"): a lowercase noun
    that is neither a copula nor an adverb stands between them."""
    doc = ctx.doc
    words = [t for t in doc[ctx.mentions[group[-1]].end:t0] if not t.is_space]
    return bool(words) and words[0].is_alpha and words[0].is_lower and words[0].lower_ not in _BE and not (
        words[0].lower_.endswith("ly")) and words[0].lower_ not in ("and", "or", "fighters", "forces", "troops")


def _apposed(ctx: SentenceContext, start: int) -> list[int] | None:
    """The name a description stands in apposition to ("Jabhat al-Nusra – Al Qaida-affiliated militia",
    "Hezbollah, an Iranian-backed group"): the nearest group before a dash, colon or comma and an article."""
    doc = ctx.doc
    k = start - 1
    while k > ctx.start and doc[k].lower_ in ("a", "an", "the", "long-time", "longtime", "powerful", "sunni",
                                             "shiite", "shia", "kurdish", "islamist", "jihadist"):
        k -= 1
    if k < ctx.start or doc[k].text not in (",", "–", "—", "-", ":", "("):
        return None
    for idx in range(len(ctx.mentions) - 1, -1, -1):
        m = ctx.mentions[idx]
        if m.end <= k and k - m.end <= 1:
            return _group_of(ctx, idx)
        if m.end <= k:
            return None
    return None


def _turn(trig: Trigger, rule: str, subj: list[int], obj: list[int]):
    """A reading of a relational noun whose name is the object ("proxy": the owner backs the proxy)."""
    return (rule, obj, subj) if trig.inverse else (rule, subj, obj)


def _first_group(ctx: SentenceContext, before: int) -> list[int] | None:
    """The first group of the sentence that is not a place after a preposition: the clause's subject."""
    for idx, m in enumerate(ctx.mentions):
        if m.start >= before:
            return None
        if _after_locative(ctx.doc, m, ctx.start) or (m.end < len(ctx.doc) and ctx.doc[m.end].text == "-"):
            continue
        return _group_of(ctx, idx)
    return None


_LINKING = frozenset({",", "is", "was", "are", "were", "has", "have", "had", "been", "a", "an", "the", "its", "their",
                      "main", "key", "long", "longtime", "long-time", "close", "closest", "chief", "major",
                      "principal", "staunch", "former", "biggest", "largest", "top", "also", "now", "remains",
                      "remained", "became", "become", "becomes", "as", "being", "one", "of", "another", "sole",
                      "primary", "most", "important", "powerful", "strongest", "only", "regional", "foreign",
                      "military", "loyal", "still", "once", "avowed", "sworn", "declared", "new", "local",
                      "syrian", "official", "formal", "direct", "effective", "de", "facto", "-",
                      "his", "her", "provided", "provides", "gave", "gives", "offered", "offers", "extended", "extends",
                      "expressed", "announced", "pledged", "increased", "stepped", "up", "continued", "continues",
                      "maintained", "maintains", "began", "begun", "started", "resumed", "renewed", "financial",
                      "political", "diplomatic", "strong", "full", "crucial", "vital", "open", "covert", "ended",
                      "stopped", "halted", "cut", "suspended", "withdrew", "ceased", "scaled", "back", "down",
                      "no", "longer", "reportedly", "allegedly", "lent", "lends", "which", "functions", "serves",
                      "acts", "functioned", "served", "acted", "—", "–", "shiite", "shia", "sunni", "kurdish", "arab",
                      "western", "traditional", "strategic", "natural", "staunchest", "steadfast", "nominal",
                      "closely", "oldest", "last", "remaining", "fellow", "armed",
                      "militant", "islamist", "jihadist",
                      # "has taken full control of": verbs of taking carry "control of"
                      "taken", "took", "complete", "total", "gained", "regained", "seized",
                      "wrested", "retaken", "retook"})


def _linking_words(ctx: SentenceContext, lo: int, hi: int) -> bool:
    """Whether only copulas, articles and modifiers stand between a name and a relational noun."""
    words = [t for t in ctx.doc[lo:hi] if not t.is_space]
    if all(t.lower_ in _LINKING for t in words):
        return True
    # "launched a surprise offensive against": a light verb carries the noun's relation
    return len(words) <= 8 and any(t.lower_ in _LIGHT_VERBS for t in words) and not any(
        t.text in (";", ":") or t.lower_ in _RELATIVE for t in words)


def _parenthetical(ctx: SentenceContext, group: list[int], t0: int) -> bool:
    """Whether a group is the object inside a comma-delimited aside ("X, opposing Y, captured Z")."""
    doc = ctx.doc
    first = ctx.mentions[group[0]].start
    last = ctx.mentions[group[-1]].end
    if not any(doc[k].text == "," for k in range(last, t0)):
        return False
    for s, e, _ in ctx.triggers:
        if e <= first and first - e <= 3 and s > ctx.start and (doc[s - 1].text == "," or (
                doc[s - 1].lower_ in _RELATIVE and s - 1 > ctx.start and doc[s - 2].text == ",")):
            return True
    return False


def _taken_from(ctx: SentenceContext, trig: Trigger, subj: list[int], obj: list[int], done: Found) -> list[Found]:
    """"X captured P from Y": Y's control of P ends, and X fights Y."""
    if trig.predicate != "controls" or trig.phase != "start" or done.phase != "start":
        return []
    doc = ctx.doc
    end = ctx.mentions[obj[-1]].end
    if end >= ctx.end or doc[end].lower_ != "from":
        return []
    losers = _right_group(ctx, end + 1, limit=3)
    if not losers:
        return []
    out = []
    fights = Trigger("fights", "state", "verb", (), ())
    for y in losers:
        for p in obj:
            out.append(Found(ctx.mentions[y], ctx.mentions[p], trig, done.t0, done.t1, "from", "end", done.status,
                             (), done.date, 0))
        for x in subj:
            out.append(Found(ctx.mentions[x], ctx.mentions[y], fights, done.t0, done.t1, "from", "state",
                             done.status, (), done.date, 0))
    return out


def _possessor(ctx: SentenceContext, t0: int) -> list[int] | None:
    doc = ctx.doc
    k = t0 - 1
    while k > ctx.start and doc[k].lower_ not in ("'s", "’s", "'") and k > t0 - 4 and doc[k].is_alpha:
        k -= 1
    if k >= ctx.start and doc[k].lower_ in ("'s", "’s", "'"):
        for idx, m in enumerate(ctx.mentions):
            if m.end == k:
                return _group_of(ctx, idx)
    for idx, m in enumerate(ctx.mentions):  # "its proxy", "their ally": a pronoun resolved to an actor
        if m.via == "coref" and m.end == m.start + 1 and doc[m.start].lower_ in ("its", "their", "his") and (
                0 <= t0 - m.end <= 3 and all(t.is_alpha or t.text == "-" for t in doc[m.end:t0])):
            return [idx]
    return None


def _prenominal(ctx: SentenceContext, t0: int) -> list[int] | None:
    """A mention just before a relational noun ("an al-Qaeda offshoot"), allowing one modifier word."""
    doc = ctx.doc
    for idx, m in enumerate(ctx.mentions):
        if m.end == t0 or (m.end == t0 - 1 and doc[t0 - 1].is_alpha and doc[t0 - 1].is_lower) or (
                m.end == t0 - 2 and doc[m.end].text == "-"):
            return [idx]
        # "one of Ankara's closest allies": the possessor, then at most two modifiers
        if m.end < t0 and doc[m.end].lower_ in ("'s", "’s", "'") and t0 - m.end - 1 <= 2 and all(
                t.is_alpha and t.is_lower for t in doc[m.end + 1:t0]):
            return [idx]
    return None


_MODAL = frozenset({"will", "would", "may", "might", "could", "should", "can", "must", "plans", "plan", "planned",
                    "aims", "aim", "seeks", "seek", "wants", "want", "threatened", "threatens", "vowed", "vows",
                    "pledged", "decide", "hopes", "hope", "intends", "ready", "prepared", "help", "attempt",
                    "attempted", "tried", "trying", "try", "sought"})


def _irrealis(doc, t0: int, lo: int, predicate: str) -> bool:
    """Whether the verb states an intention or a possibility, not a fact ("to help retake", "may decide to")."""
    words = [t.lower_ for t in doc[max(lo, t0 - 4):t0]]
    if any(w in _MODAL for w in words):
        return True
    # a bare purpose ("sent troops to back Assad") is support given; a purpose of capture is not a capture
    return predicate in ("controls", "fights", "designates_terrorist") and bool(words) and words[-1] == "to"


def _finish(ctx: SentenceContext, t0: int, t1: int, trig: Trigger, rule: str, subj: list[int],
            obj: list[int]) -> list[Found]:
    doc = ctx.doc
    if rule not in ("between", "reciprocal", "apposition", "possessive", "compound", "aim") and _irrealis(
            doc, t0, ctx.start, trig.predicate):
        return []
    ms = ctx.mentions
    lo = min(ms[i].start for i in subj + obj)
    hi = max(ms[i].end for i in subj + obj)
    subj_end = max(ms[i].end for i in subj)
    window_lo = min(subj_end, t0) if rule in ("active", "possessive", "noun") else ctx.start
    if rule == "receipt":  # "could not have lasted without the aid it has had from": only the receiving verb's
        window_lo = max(ctx.start, t0 - 4)
    if rule == "possessive" and any(ms[i].via == "coref" for i in subj + obj):
        window_lo = ctx.start  # "Qatar ended its support for ...": the cue comes before the pronoun
    before = _cues_in(ctx, window_lo, t0)
    if rule in ("passive",):
        before |= _cues_in(ctx, max(ctx.start, t0 - 4), t0)
    near = _cues_in(ctx, t0, min(ctx.end, t1 + 1))
    if ("negation" in before or "negation" in near) and "ending" not in before and not _no_longer(doc, window_lo, t0):
        return []
    phase = trig.phase
    if "ending" in before or _no_longer(doc, window_lo, t0):
        phase = "end"
    sentence_cues = _cues_in(ctx, ctx.start, hi + 3)
    status = "confirmed"
    if "alleged" in sentence_cues:
        status = "alleged"
    elif "reported" in sentence_cues:
        status = "reported"
    elif "disputed" in sentence_cues:
        status = "disputed"
    if trig.predicate == "designates_terrorist" and not _cues_in(ctx, max(ctx.start, t0 - 3), min(ctx.end, hi + 6)) & {
            "terror_noun"}:
        return []
    types: set[str] = set()
    if trig.predicate == "supports":
        types = _support_in(ctx, max(ctx.start, lo - 1), min(ctx.end, hi + 4))
        types |= {ms[i].hint for i in subj if ms[i].hint}
        if not types or trig.types and trig.types[0] != "troops":
            types |= set(trig.types)
    date = _nearest_date(ctx, t0, t1, ctx.start, ctx.end)
    gap = max(0, t0 - subj_end) if rule == "active" else 0
    out = []
    for s in subj:
        for o in obj:
            if s == o or (rule in ("between", "reciprocal") and s > o):
                continue
            out.append(Found(ms[s], ms[o], trig, t0, t1, rule, phase, status, tuple(sorted(types)), date, gap))
    return out


def _no_longer(doc, lo: int, hi: int) -> bool:
    words = [t.lower_ for t in doc[lo:hi]]
    return any(a == "no" and b == "longer" for a, b in zip(words, words[1:], strict=False))


def valid_for(phase: str, date: DateMention | None, published: PartialDate) -> str:
    """The EDTF validity of a claim from the trigger's phase and the date found near it.

    >>> pub = PartialDate.parse("2024-12-05")
    >>> valid_for("state", None, pub), valid_for("end", None, pub)
    ('2024-12-05', '/2024-12-05')
    """
    if date is None:
        return f"/{published}" if phase == "end" else str(published)
    if date.role == "range":
        return f"{date.start}/{date.end}"
    if date.role == "since":
        return f"{date.start}/.." if phase != "end" else f"/{date.start}"
    if date.role == "until":
        return f"/{date.end}"
    if phase == "end":
        return f"/{date.start}"
    if phase == "start":
        return f"{date.start}/"
    return str(date.start)


def candidate_features(found: Found, doc, sent) -> tuple[tuple[str, float], ...]:
    """What the learned calibrator weighs (:mod:`loaders.news.calibrate`): how the claim was read and what
    the words of its sentence say, as ``(name, value)`` pairs (a name present once; values scaled near 0..1)."""
    from loaders.news.calibrate import sentence_signals

    s, o = found.subject, found.object
    trigger = doc[found.t0:found.t1].text.lower()
    apart = max(0, max(s.start, o.start) - min(s.end, o.end))
    feats = {
        "rule:" + found.rule: 1.0,
        "kind:" + found.trigger.predicate: 1.0,
        "trigger:" + trigger: 1.0,
        "subject-via:" + s.via: 1.0,
        "object-via:" + o.via: 1.0,
        "gap": min(found.gap, 30) / 10,
        "apart": min(apart, 30) / 10,
        "sentence-length": min(len(sent), 80) / 40,
        "position": sent.start / max(1, len(doc)),
    }
    if found.date is not None:
        feats["dated"] = 1.0
    if found.phase:
        feats["phase:" + found.phase] = 1.0
    if found.status and found.status != "confirmed":
        feats["status:" + found.status] = 1.0
    if sent.start == 0 or doc[sent.start - 1].is_space or "\n" in doc[sent.start - 1].whitespace_:
        feats["paragraph-start"] = 1.0
    if s.start > o.start:
        feats["object-first"] = 1.0
    if found.rule == "pair":
        from loaders.news.pairs import pair_features

        feats.update(pair_features(found, doc))
    cache = doc.user_data.setdefault("ag_sentence_signals", {})  # several candidates share a sentence
    if sent.start not in cache:
        cache[sent.start] = sentence_signals([t.lower_ for t in sent])
    feats.update(cache[sent.start])
    return tuple(feats.items())


def make_candidate(found: Found, *, subject: str | None, obj: str | None, published: PartialDate, doc,
                   calibrated: dict | None = None) -> Candidate:
    """A candidate with its evidence; ``confidence`` starts from the rule's precision on the real-text
    development set (``data/confidence.jsonl``) and drops for what made a rule err there."""
    sent = doc[found.t0].sent
    subj_text = doc[found.subject.start:found.subject.end].text
    obj_text = doc[found.object.start:found.object.end].text
    confidence = (calibrated or {}).get(found.rule, 0.6) - 0.02 * max(0, found.gap - 4)
    if subject is None or obj is None:
        confidence -= 0.2
    if "demonym" in (found.subject.via, found.object.via):
        confidence -= 0.1
    if "coref" in (found.subject.via, found.object.via):
        confidence -= 0.05  # a resolved reference may be resolved wrongly
    return Candidate(
        features=candidate_features(found, doc, sent),
        subject=subject, predicate=found.trigger.predicate, object=obj,
        valid=valid_for(found.phase, found.date, published),
        subject_text=subj_text, object_text=obj_text,
        sentence=sent.text, start=sent.start_char, end=sent.end_char,
        trigger=(doc[found.t0].idx, doc[found.t1 - 1].idx + len(doc[found.t1 - 1].text)),
        rule=found.rule, confidence=max(0.05, min(0.95, confidence)),
        support_types=found.types if found.trigger.predicate == "supports" else (),
        status=found.status, date_text=found.date.text if found.date else "",
    )


_RECEIVE = frozenset({"received", "receives", "receive", "receiving", "got", "gets", "getting", "obtained", "obtains",
                      "enjoyed", "enjoys", "enjoying", "won", "secured", "accepted", "accepts"})
#: what is received when one actor supports another (besides the support nouns of data/support_nouns.jsonl)
_GIVEN = frozenset({"support", "backing", "aid", "assistance", "help", "funding", "funds", "money", "weapons", "arms",
                    "missiles", "training", "shipment", "shipments", "supplies", "equipment", "protection",
                    "reinforcements", "ammunition", "cover", "sponsorship", "patronage"})
_RECEIPT = Trigger("supports", "state", "verb", ("received",), ())
#: words that may stand between a receiver and the verb of receiving ("they had received", "have long enjoyed")
_AUX = frozenset({"has", "have", "had", "was", "were", "is", "are", "also", "already", "long", "reportedly",
                  "recently", "since", "once", "previously", "allegedly", "both", "all", "now", "'s", "’s"})


def _receipt_claims(ctx: SentenceContext) -> list[Found]:
    """Support told from the receiving end: "Both the YPG and the SDF have received U.S. support", "they had
    received a shipment of missiles from the United States", "the support it has had from Russia and Iran":
    the giver (a name before the thing given, or after "from") supports the receiver (the verb's subject)."""
    doc = ctx.doc
    out: list[Found] = []
    for k in range(ctx.start, ctx.end):
        low = doc[k].lower_
        if low in _RECEIVE or (low == "had" and k > ctx.start and doc[k - 1].lower_ in ("'s", "’s", "has", "have")):
            out.extend(_receipt_at(ctx, k))
    return out


def _given_noun(ctx: SentenceContext, k: int) -> bool:
    t = ctx.doc[k]
    return t.lower_ in _GIVEN or any(s <= k < e for s, e, _ in ctx.support)


def _receipt_at(ctx: SentenceContext, k: int) -> list[Found]:
    doc, ms = ctx.doc, ctx.mentions
    # the thing given, after the verb: only articles, modifiers, names and "of" phrases up to it
    noun = None
    j = k + 1
    while j < ctx.end and j - k <= 7:
        t = doc[j]
        if _given_noun(ctx, j):
            noun = j
        elif t.text in (",", ";", ".", ":", "—", "–") or t.lower_ in _RELATIVE or t.lower_ in ("from", "by", "and"):
            break
        j += 1
    givers: list[int] = []
    receivers: list[int] | None = None
    if noun is not None:
        givers = [i for i, m in enumerate(ms) if k < m.start and m.end <= noun and m.kind == "actor"]
        receivers = _receiver_before(ctx, k)
    else:
        # "the support it has had from Russia": the thing given comes first, the receiver between
        lo = k - 1
        while lo > ctx.start and doc[lo].lower_ in _AUX:
            lo -= 1
        rec = next((i for i, m in enumerate(ms) if m.end == lo + 1 and m.kind == "actor"), None)
        if rec is None:
            return []
        before = ms[rec].start - 1
        if before > ctx.start and doc[before].lower_ in ("that", "which"):
            before -= 1
        if before < ctx.start or not _given_noun(ctx, before):
            return []
        receivers = [rec]
        j = k + 1
    if not receivers:
        return []
    if not givers:
        # "... a shipment of anti-tank missiles from the United States and other countries"
        f = j
        while f < ctx.end and f - k <= 10 and doc[f].lower_ != "from" and doc[f].text not in (",", ";", "."):
            f += 1
        if f < ctx.end and doc[f].lower_ == "from":
            givers = _right_group(ctx, f + 1, limit=2) or []
    givers = [g for g in givers if g not in receivers]
    if not givers:
        return []
    return _finish(ctx, k, k + 1, _RECEIPT, "receipt", givers, receivers)


def _receiver_before(ctx: SentenceContext, k: int) -> list[int] | None:
    """The subject of a verb of receiving: the group right before it, with only auxiliaries between."""
    doc = ctx.doc
    lo = k - 1
    while lo > ctx.start and doc[lo].lower_ in _AUX:
        lo -= 1
    for idx, m in enumerate(ctx.mentions):
        if m.end == lo + 1 and m.kind == "actor" and not _after_locative(doc, m, ctx.start):
            return _group_of(ctx, idx)
    return None


_OWNED = ("belonging to", "belongs to", "owned by", "used by", "run by", "held by", "controlled by", "manned by",
          "occupied by", "operated by")
_OWNED_HALVES = frozenset({"held", "controlled", "run", "occupied", "owned", "operated"})


def _owned_object(ctx: SentenceContext, t1: int) -> list[int] | None:
    """Whom a strike on places or things hits: "attacking villages controlled by the SDF", "hit targets in Syria
    belonging to the government", "shelled SDF-held areas": the holder or owner is the one fought."""
    doc = ctx.doc
    k = t1
    while k < ctx.end and k - t1 <= 12:
        t = doc[k]
        if t.text in (",", ";", ".", ":", "—", "–") or t.lower_ in _RELATIVE:
            return None
        two = " ".join(x.lower_ for x in doc[k:k + 2])
        if two in _OWNED:
            return _right_group(ctx, k + 2, limit=3)
        m = next((i for i, x in enumerate(ctx.mentions) if x.start == k), None)
        if m is not None:
            x = ctx.mentions[m]
            if x.kind == "actor" and x.end + 1 < ctx.end and doc[x.end].text == "-" and (
                    doc[x.end + 1].lower_ in _OWNED_HALVES):
                return [m]
            if x.kind == "actor" and not _can_be_place(x):
                return None  # another actor first: not a place or thing held by someone
            k = x.end
            continue
        if not (t.is_alpha and (t.is_lower or t.is_title) or t.like_num or t.lower_ in _GAP or t.text == "-"
                or t.is_space):
            return None
        k += 1
    return None


#: words that may stand between "and" and the second side of "clashes between X and ..." ("fighters from the
#: extremist opposition group HTS", "militiamen loyal to ...")
_SIDE_WORDS = _TROOP_NOUNS | {"from", "of", "loyal", "to", "belonging", "linked", "affiliated", "with", "members",
                               "group", "groups", "units", "elements", "gunmen", "rebels", "opposition", "rebel",
                               "extremist", "jihadist", "militia", "militias", "factions", "faction", "allied",
                               "alliance", "coalition", "movement", "organisation", "organization", "militant",
                               "islamist", "armed", "insurgent", "insurgents"}


def _between_second(ctx: SentenceContext, right: list[int]) -> int | None:
    """The second side of "between X and <fighters from> Y", when only words for fighters stand before Y."""
    doc = ctx.doc
    x = ctx.mentions[right[-1]]
    k = x.end
    while k < ctx.end and doc[k].text == ")":
        k += 1
    if k >= ctx.end or doc[k].lower_ != "and":
        return None
    k += 1
    start = k
    while k < ctx.end and k - start <= 8:
        m = next((i for i, y in enumerate(ctx.mentions) if y.start == k), None)
        if m is not None:
            y = ctx.mentions[m]
            if y.kind != "actor" or _modifier(doc, y) or k == start:
                return None  # a list ("between X and Y") is read by the group itself
            return m
        if not (doc[k].lower_ in _SIDE_WORDS or doc[k].lower_ in _GAP or doc[k].text == "-" or doc[k].is_space):
            return None
        k += 1
    return None


_COORDINATED_VERBS = frozenset({"conducting", "carrying", "out", "launching", "waging", "mounting", "leading",
                                "staging", "fighting"})


def _shared_subject(ctx: SentenceContext, t0: int) -> list[int] | None:
    """The subject a second verb phrase shares with the first: "X funds rebels and began conducting airstrikes
    against Y" (X conducts them). Only when "and" and a light verb, and nothing else, stand before the noun."""
    doc = ctx.doc
    k = t0 - 1
    tail = []
    while k > ctx.start and doc[k].lower_ != "and" and len(tail) < 6:
        if doc[k].text in (",", ";", ":") or doc[k].lower_ in _RELATIVE:
            return None
        tail.append(doc[k])
        k -= 1
    if doc[k].lower_ != "and" or not tail or k > 0 and doc[k - 1].text == ",":
        return None
    words = [t.lower_ for t in tail if not t.is_space]
    if not any(w in _LIGHT_VERBS for w in words) or not all(
            w in _LIGHT_VERBS or w in _LINKING or w in _COORDINATED_VERBS for w in words):
        return None
    subj = _first_group(ctx, k)
    if subj is None or ctx.mentions[subj[-1]].end > k:
        return None
    # the first clause must start with its subject and a verb: "It funds ... and began ..."
    first = ctx.mentions[subj[-1]].end
    if first < k and not any(doc[j].lower_.endswith(("s", "ed")) or doc[j].lower_ in _BE
                             for j in range(first, min(k, first + 3))):
        return None
    return subj
