"""Coreference within a paragraph: "the group", "it", "its", "they" and headings, resolved to actors.

News names an actor once and then refers back to it ("Hezbollah is a Shia militant group. It is a key
non-state actor backing the Syrian regime"); explainers put the name in a heading or at the head of a
list entry ("Iran – backs Assad with weapons"; "United States / Whom it backs: ..."). This module finds
such references and turns each into a mention of the actor it refers to (``via="coref"``), so the claim
rules read them like names. A reference that finds no compatible actor stays unresolved and yields no
claim: a claim never has an unresolved end.

Resolution, within the paragraph (a heading carries over to the paragraphs under it):

- compatibility by kind and number: "the group", "the militia", "the movement" are armed groups,
  militias, coalitions or parties; "the coalition", "the alliance" coalitions; "the country", "the
  kingdom" states; "he", "his" persons; "it", "its" any organisation; "they", "their", "them" a list of
  two or more actors or an actor whose name is plural ("Syrian Democratic Forces");
- preference: the subject of the sentence, when it comes before the reference; else the subjects of
  the previous sentences, nearest first; else the heading; else the most recent compatible actor. A
  subject is the first actor named in a sentence outside a prepositional phrase.
- a description that contains a name ("the al-Qaeda breakaway group") never refers to that name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.news.mentions import LOCATIVE, TokMention

__all__ = ["resolve", "Reference"]

_GROUPS = frozenset({"armed_group", "militia", "coalition", "political_organisation"})
_FORCES = _GROUPS | {"armed_forces"}
#: head nouns of definite descriptions and the actor kinds they may refer to
_HEADS = {
    "group": _GROUPS, "militia": _GROUPS, "movement": _GROUPS, "organisation": _GROUPS | {"international_organisation"},
    "organization": _GROUPS | {"international_organisation"}, "faction": _GROUPS, "outfit": _GROUPS,
    "network": _GROUPS, "party": _GROUPS, "jihadists": _GROUPS, "militants": _GROUPS,
    "coalition": frozenset({"coalition"}), "alliance": frozenset({"coalition"}), "umbrella": frozenset({"coalition"}),
    "force": _FORCES, "country": frozenset({"state"}), "kingdom": frozenset({"state"}),
    "republic": frozenset({"state"}), "state": frozenset({"state"}),
}
_ORGS = frozenset({"state", "government", "armed_forces", "international_organisation"}) | _GROUPS
# reflexives ("renamed itself") belong to the verb and are left alone
_PRONOUNS = {"it": _ORGS, "its": _ORGS, "he": frozenset({"person"}), "his": frozenset({"person"}),
             "him": frozenset({"person"}), "they": _ORGS, "their": _ORGS, "them": _ORGS}
_PLURAL_PRONOUNS = frozenset({"they", "their", "them"})
_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
#: words that may stand between the determiner and the head of a description
_MODIFIER = re.compile(r"^[a-z][a-z'’-]*$|^[A-Z][a-z]+(?:-[a-z]+)?$")
#: nouns after "its"/"their" that stand for the owner itself ("its fighters captured the town")
_OWN_TROOPS = frozenset({"fighters", "forces", "troops", "militants", "militiamen", "jihadists", "soldiers", "units",
                         "gunmen", "warplanes", "jets", "aircraft"})
#: heads that, right after a name, are that name's own fighters ("the Islamic State militants")
_TROOP_HEADS = frozenset({"militants", "jihadists", "force", "militia", "fighters"})
_PLURAL_NAME = re.compile(r"(Forces|Units|Brigades|Battalions|Guards|Militias|Factions|Emirates|States)$")
#: words after which "it" does not refer ("it said", "it is unclear", "it was not")
_EMPTY_IT = re.compile(r"^(said|says|is (unclear|not clear|likely|possible|believed|understood|thought)|"
                       r"was (unclear|not clear|not known|believed)|remains (unclear|to be seen)|seems|appears)")


@dataclass(frozen=True, slots=True)
class Reference:
    """A referring expression over tokens ``[start, end)`` and the actor kinds it may denote."""

    start: int
    end: int
    kinds: frozenset[str]
    plural: bool
    subject: bool  # stands where a clause's subject stands
    outer: int = -1  # where the whole description starts, when the reference is its head word alone


def _paragraphs(doc) -> list[tuple[int, int]]:
    """Token spans of paragraphs: blank lines separate them, and so does a line that is a heading."""
    out, start = [], 0
    for tok in doc:
        if tok.is_space and tok.text.count("\n") >= 2:
            if start < tok.i:
                out.append((start, tok.i))
            start = tok.i + 1
    if start < len(doc):
        out.append((start, len(doc)))
    return out


def _lines(doc, lo: int, hi: int) -> list[tuple[int, int]]:
    out, start = [], lo
    for k in range(lo, hi):
        if doc[k].is_space and "\n" in doc[k].text:
            if start < k:
                out.append((start, k))
            start = k + 1
    if start < hi:
        out.append((start, hi))
    return out


def _heading(doc, lo: int, hi: int, mentions: list[TokMention]) -> TokMention | None:
    """A short line that is only an actor's name (a heading), or the name a list entry starts with."""
    words = [t for t in doc[lo:hi] if not t.is_space]
    inside = [m for m in mentions if lo <= m.start and m.end <= hi and m.kind == "actor" and m.ids]
    if not words or not inside:
        return None
    first = inside[0]
    if len({m.primary for m in inside}) == 1 and len(words) <= 8 and all(
            t.text in "()" or any(m.start <= t.i < m.end for m in inside) or t.lower_ == "the" for t in words):
        return first  # "Hayat Tahrir al-Sham (HTS)": a name and its acronym in brackets
    if len(inside) == 1 and len(words) <= 6 and words[-1].text not in ".!?" and (
            first.end - first.start) >= len([t for t in words if t.text.lower() != "the"]) - 1:
        return first  # "Saudi Arabia", "Iran", "The Islamic State"
    if first.start == words[0].i or (first.start == words[0].i + 1 and words[0].lower_ == "the"):
        nxt = doc[first.end] if first.end < hi else None
        if nxt is not None and nxt.text in ("–", "—", "-", ":", "―"):
            return first  # "Iran – backs Assad ...", "United States: The U.S. is leading ..."
    return None


def _is_subject_position(doc, start: int, sent_start: int) -> bool:
    k = start - 1
    while k >= sent_start and (doc[k].is_space or doc[k].lower_ in ("also", "now", "then", "later", "since",
                                                                     "eventually", "still", "however")):
        k -= 1
    return k < sent_start or doc[k].text in (",", ";", ":", "–", "—", "(") or doc[k].lower_ in (
        "and", "but", "while", "as", "because", "after", "before", "when", "that", "although")


def find_references(doc, lo: int, hi: int, mentions: list[TokMention]) -> list[Reference]:
    """Pronouns and definite descriptions in tokens ``[lo, hi)`` that are not already mentions."""
    taken = set()
    for m in mentions:
        if m.kind == "candidate" and doc[m.start].lower_ in ("its", "their"):
            continue  # "Its fighters" read as a new actor: the pronoun is still a reference
        taken.update(range(m.start, m.end))
    out = []
    k = lo
    while k < hi:
        tok = doc[k]
        low = tok.lower_
        if k in taken:
            k += 1
            continue
        sent_start = tok.sent.start
        if low in _PRONOUNS:
            if low == "it" and _EMPTY_IT.match(doc[k + 1:min(hi, k + 4)].text.lower()):
                k += 1
                continue
            out.append(Reference(k, k + 1, _PRONOUNS[low], low in _PLURAL_PRONOUNS,
                                 _is_subject_position(doc, k, sent_start) or low in ("its", "their", "his")))
            k += 1
            continue
        if low in _DETERMINERS:
            j = k + 1
            while j < hi and j - k <= 6 and (j in taken or (
                    doc[j].lower_ not in _HEADS and _MODIFIER.match(doc[j].text) and doc[j].lower_ not in LOCATIVE
                    and not doc[j].is_space)):
                j += 1
            named_next = j + 1 < hi and (j + 1 in taken or (j + 2 < hi and doc[j + 1].is_space and j + 2 in taken))
            own_troops = j < hi and doc[j].lower_ in _TROOP_HEADS and j - 1 in taken
            if j < hi and j not in taken and doc[j].lower_ in _HEADS and not (
                    j + 1 < hi and doc[j + 1].lower_ in ("of", "'s", "’s")) and not named_next and not own_troops:
                # "the Lebanese group Hezbollah" is a title before the name, not a reference back; "the Islamic
                # State militants" are the named group's own fighters
                # a description holding a name ("the al-Qaeda breakaway group") is its head word alone,
                # so that the name inside stays a mention of its own
                start = j if any(t in taken for t in range(k, j)) else k
                out.append(Reference(start, j + 1, _HEADS[doc[j].lower_], False,
                                     _is_subject_position(doc, k, sent_start), k))
                k = j + 1
                continue
        k += 1
    return out


def _kind_of(m: TokMention, kinds: dict) -> str | None:
    kind = kinds.get(m.primary)
    return getattr(kind, "value", kind)


_OPENERS = frozenset({"in", "as", "after", "before", "with", "since", "following", "despite", "during", "under",
                      "unlike", "like", "according", "while", "when", "although", "though", "because", "amid"})


def _subject(doc, sent_lo: int, sent_hi: int, actors: list[TokMention]) -> TokMention | None:
    k = sent_lo
    while k < sent_hi and doc[k].is_space:
        k += 1
    if k < sent_hi and doc[k].lower_ in _OPENERS:  # "In its former incarnation as X, HTS ...": skip the opener
        comma = next((j for j in range(k, sent_hi) if doc[j].text == ","), None)
        if comma is not None:
            main = _first_actor(doc, comma + 1, sent_hi, actors)
            if main is not None or doc[k].lower_ not in ("while", "although", "though", "as", "when", "after"):
                return main
            # "While the SDF opposes Assad, the force has ...": a subordinate clause's subject, when the main
            # clause names none before the reference
            sent_lo = k + 1
    return _first_actor(doc, sent_lo, sent_hi, actors)


def _first_actor(doc, sent_lo: int, sent_hi: int, actors: list[TokMention]) -> TokMention | None:
    for m in actors:
        if not sent_lo <= m.start < sent_hi:
            continue
        j = m.start - 1
        while j >= sent_lo and doc[j].lower_ in ("the", "a", "an"):
            j -= 1
        if j >= sent_lo and (doc[j].lower_ in LOCATIVE or doc[j].lower_ in ("as", "by", "with", "against")):
            continue
        if m.end < len(doc) and doc[m.end].text == "-":
            continue  # "US-backed": a modifier
        return m
    return None


def resolve(doc, mentions: list[TokMention], kinds: dict, names: dict,
            place_kinds: dict | None = None) -> list[TokMention]:
    """Mentions for the references in ``doc`` that resolve to an actor (``via="coref"``).

    Args:
        mentions: the mentions found so far (names, descriptions, demonyms), sorted.
        kinds: entity id -> actor or place kind.
        names: entity id -> name, to tell plural names ("Syrian Democratic Forces").
    """
    actors = [m for m in mentions if m.kind == "actor" and m.ids and m.primary in kinds]
    out: list[TokMention] = []
    heading: TokMention | None = None
    for lo, hi in _paragraphs(doc):
        lines = _lines(doc, lo, hi)
        first = _heading(doc, *lines[0], mentions) if lines else None
        if first is not None:
            heading = first
        local = [m for m in actors if lo <= m.start < hi]
        sents = [(s.start, s.end) for s in doc[lo:hi].sents] if hi > lo else []
        chain: list[TokMention] = []  # references resolved so far: "The group ... It ..." follows the chain
        for ref in find_references(doc, lo, hi, mentions):
            lo_ref = ref.outer if ref.outer >= 0 else ref.start
            inner = {m.primary for m in local if lo_ref <= m.start and m.end <= ref.end}
            before = sorted([m for m in local + chain if m.end <= ref.start and m.primary not in inner],
                            key=lambda m: m.start)
            if ref.plural:
                pair = _pair_for(doc, ref, before, sents, kinds)
                if pair:  # "Iran and Hezbollah back Assad. They also ...": the reference stands for both
                    out.extend(TokMention(ref.start, ref.end, m.ids, "actor", "coref", m.hint) for m in pair)
                    continue
            target = _pick(doc, ref, before, sents, heading, kinds, names, inner)
            if target is not None:
                end = ref.end
                if doc[ref.start].lower_ in ("its", "their") and end < hi and doc[end].lower_ in _OWN_TROOPS:
                    end += 1  # "Its fighters captured Idlib": the group's fighters are the group
                found = TokMention(ref.start, end, target.ids, "actor", "coref", target.hint)
                out.append(found)
                chain.append(found)
        if place_kinds:
            out.extend(_place_references(doc, lo, hi, mentions, place_kinds))
    return out


#: heads of definite descriptions of places and the place kinds they may refer to
_PLACE_HEADS = {"city": frozenset({"city", "town"}), "town": frozenset({"town", "city"}),
                "village": frozenset({"town"}), "province": frozenset({"province"}),
                "governorate": frozenset({"province"})}
_PLACE_MODIFIERS = frozenset({"strategic", "border", "northern", "southern", "eastern", "western", "central", "key",
                              "embattled", "besieged", "whole", "entire", "ancient", "coastal", "desert", "rebel-held",
                              "frontline", "same", "northwestern", "northeastern", "southwestern", "southeastern"})


def _place_references(doc, lo: int, hi: int, mentions: list[TokMention], place_kinds: dict) -> list[TokMention]:
    """"the city", "the strategic town": the most recent place named before it in the paragraph, when that place
    is of a kind the head allows ("took full control of the city" after "Aleppo"). "the town of X" names X
    itself, and a place named after the head is not referred back to."""
    taken = set()
    for m in mentions:
        taken.update(range(m.start, m.end))
    places = [m for m in mentions if m.kind == "place" and m.ids and lo <= m.start < hi]
    out = []
    for k in range(lo, hi - 1):
        if doc[k].lower_ != "the" or k in taken:
            continue
        j = k + 1
        while j < hi and doc[j].lower_ in _PLACE_MODIFIERS:
            j += 1
        if j >= hi or j in taken or doc[j].lower_ not in _PLACE_HEADS:
            continue
        if j + 1 < hi and (doc[j + 1].lower_ in ("of", "'s", "’s") or j + 1 in taken
                           or doc[j + 1].text == "-" or doc[j + 1].text[:1].isupper()):
            continue
        allowed = _PLACE_HEADS[doc[j].lower_]
        target = next((m for m in reversed(places) if m.end <= k
                       and str(getattr(place_kinds.get(m.primary), "value", place_kinds.get(m.primary))) in allowed),
                      None)
        if target is not None:
            out.append(TokMention(k, j + 1, target.ids[:1], "place", "coref"))
    return out


def _compatible(m: TokMention, ref: Reference, kinds: dict, names: dict) -> bool:
    kind = _kind_of(m, kinds)
    if kind not in ref.kinds:
        return False
    if ref.plural:  # "the United States" is one state, "the Syrian Democratic Forces" many fighters
        return kind != "state" and bool(_PLURAL_NAME.search(names.get(m.primary, ""))) or kind == "coalition"
    return True


def _pick(doc, ref: Reference, before, sents, heading, kinds, names, inner) -> TokMention | None:
    if ref.plural:
        group = _last_list(doc, before)
        if group is not None and all(_kind_of(m, kinds) in ref.kinds for m in group):
            return None  # a list of several actors: one mention cannot carry them all
    ranked: list[TokMention] = []
    here = next(((a, b) for a, b in sents if a <= ref.start < b), None)
    if ref.subject and here is not None:
        s = _subject(doc, here[0], ref.start, before)
        if s is not None:
            ranked.append(s)
    for a, b in reversed([s for s in sents if s[1] <= ref.start]):
        s = _subject(doc, a, b, before)
        if s is not None:
            ranked.append(s)
    if heading is not None and heading.primary not in inner:
        ranked.append(heading)
    ranked.extend(reversed(before))
    return next((m for m in ranked if _compatible(m, ref, kinds, names)), None)


def _last_list(doc, before: list[TokMention]) -> list[TokMention] | None:
    """The last coordinated list of actors ("HTS and the Syrian National Army") before a reference."""
    if len(before) < 2:
        return None
    a, b = before[-2], before[-1]
    between = doc[a.end:b.start].text.strip().lower()
    if between in ("and", ", and", ",", "or", "along with"):
        return [a, b]
    return None


def _pair_for(doc, ref: Reference, before: list[TokMention], sents, kinds) -> list[TokMention] | None:
    """The coordinated list a plural pronoun refers to: the subject list of its own sentence before it, else the
    last list of the previous sentence when it is that sentence's subject ("Iran and Hezbollah are allies of
    the government. They are fighting ..."); None when the nearest list is not a subject or holds a state's
    name alone with an organisation of another kind."""
    if doc[ref.start].lower_ not in _PLURAL_PRONOUNS or not ref.subject:
        return None
    here = next(((a, b) for a, b in sents if a <= ref.start < b), None)
    if here is None:
        return None
    prev = [s for s in sents if s[1] <= here[0]]
    for lo, hi in ([(here[0], ref.start)] + ([prev[-1]] if prev else [])):
        inside = [m for m in before if lo <= m.start < hi]
        subj = _subject(doc, lo, hi, inside)
        if subj is None:
            continue
        k = inside.index(subj)
        group = [subj]
        while k + 1 < len(inside) and doc[group[-1].end:inside[k + 1].start].text.strip().lower() in (
                "and", ", and", ","):
            k += 1
            group.append(inside[k])
        if len(group) >= 2 and all(_kind_of(m, kinds) in ref.kinds for m in group) and (
                len({m.primary for m in group}) == len(group)):
            return group
        return None
    return None
