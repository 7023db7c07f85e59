"""Mentions of actors and places in a Doc: linked names, demonym phrases and new-actor candidates.

The EntityRuler (or a trained NER) has set ``doc.ents``; this module turns them into :class:`TokMention`
values the claim rules work on, and adds what a ruler cannot express as fixed phrases:
"Russian and Iranian officers" (demonyms before a word for troops, aircraft or advisers, each a
mention of its state with a hint of the kind of support) and collectives that look like actors but
are not in the graph ("Islamist-led rebels", "the Hamza Brigade").
"""

from __future__ import annotations

from dataclasses import dataclass

from loaders.news.resources import Resources

__all__ = ["TokMention", "find_mentions", "LOCATIVE"]

#: words before a name that make it a place rather than an actor ("in Damascus", "towards Homs")
LOCATIVE = frozenset({"in", "into", "to", "towards", "toward", "from", "near", "around", "over", "across",
                      "inside", "outside", "at", "throughout", "through", "within", "of", "on", "outskirts",
                      "city", "province", "capital", "town", "governorate", "south", "north", "east", "west"})
_SKIP_BEFORE = frozenset({"the", "northern", "southern", "eastern", "western", "central", "rural", "city",
                          "strategic", "key", "northwestern", "northeastern", "southwestern", "southeastern"})
_NER_CANDIDATES = frozenset({"ORG", "NORP"})
#: second halves of compounds whose first half names a supporter ("Iran-backed", "Russian-supported")
_COMPOUND = frozenset({"backed", "supported", "funded", "armed", "trained", "sponsored", "financed", "allied",
                       "aligned", "equipped"})
#: second halves of compounds that a name's own words may begin with ("U.S.-led coalition", "Turkish-backed
#: factions"): the first half is an actor of its own, and the relation is read by the claim rules
_SPLIT = _COMPOUND | {"led", "affiliated"}


@dataclass(frozen=True, slots=True)
class TokMention:
    """A mention over tokens ``[start, end)``; ``ids`` are every graph id it may denote, best first."""

    start: int
    end: int
    ids: tuple[str, ...]
    kind: str  # actor, place, candidate
    via: str
    hint: str | None = None  # a support type suggested by the head noun ("officers" -> training_expertise)

    @property
    def primary(self) -> str | None:
        return self.ids[0] if self.ids else None


def _linked(doc, ent, place_ids: frozenset[str]) -> TokMention:
    ids = tuple(i for i in ent.ent_id_.split("|") if i)
    label = ent.label_
    via = "alias"
    if label == "AMBIG":
        j = ent.start - 1
        while j >= 0 and doc[j].lower_ in _SKIP_BEFORE:
            j -= 1
        place_first = j >= 0 and doc[j].lower_ in LOCATIVE and not (ent.end < len(doc) and doc[ent.end].lower_ == "'s")
        actors = tuple(i for i in ids if i not in place_ids)
        places = tuple(i for i in ids if i in place_ids)
        ids = places + actors if place_first else actors + places
        kind = "place" if place_first else "actor"
    else:
        kind = "place" if label == "PLACE" else "actor"
    return TokMention(ent.start, ent.end, ids, kind, via)


def _abroad(doc, m: TokMention, mentions: list[TokMention], states: dict[str, str]) -> TokMention:
    """"government forces in Iraq": a descriptive form followed by another country names that country."""
    if m.via != "descriptive" or m.end + 1 >= len(doc) or doc[m.end].lower_ not in ("in", "of"):
        return m
    place = next((x for x in mentions if x.start == m.end + 1 and x.kind == "place"), None)
    state = states.get(place.primary) if place is not None else None
    if state is None or state in m.ids:
        return m
    return TokMention(m.start, m.end, (state,), "actor", "descriptive", m.hint)


_SYRIAN_STATE = frozenset({"assad-government", "syrian-arab-army", "syrian-transitional-government"})


def _set_abroad(doc, m: TokMention, mentions: list[TokMention], states: dict[str, str]) -> TokMention:
    """"In Turkey the PKK has fought an insurgency against the government": a sentence set in another country
    by an opening "In <country>" gives "the government" of that country, not Syria's."""
    if m.via != "descriptive" or not set(m.ids) & _SYRIAN_STATE or not doc.has_annotation("SENT_START"):
        return m
    sent = doc[m.start].sent
    k = sent.start
    while k < m.start and doc[k].is_space:
        k += 1
    if k >= m.start or doc[k].lower_ != "in":
        return m
    place = next((x for x in mentions if x.start == k + 1 and x.kind == "place"), None)
    state = states.get(place.primary) if place is not None else None
    if state is None or place.primary in ("syria", "syr") or state in m.ids or place.end > m.start:
        return m
    if doc[m.start:m.end].text.lower().replace("the ", "") not in ("government", "authorities", "regime"):
        return m  # "Syrian government forces" stay Syria's wherever the sentence is set
    return TokMention(m.start, m.end, (state,), "actor", "descriptive", m.hint)


def find_mentions(doc, res: Resources, place_ids: frozenset[str], demonym_ids: dict[str, str],
                  alive=None, states: dict[str, str] | None = None, names: dict[str, str] | None = None,
                  windows: dict | None = None) -> list[TokMention]:
    """All mentions in ``doc``, sorted and non-overlapping.

    ``alive(id, published)`` says whether an actor existed at publication; a descriptive form
    ("government forces", "the Syrian government") whose actors did not is no mention at all, and
    neither is one used outside the years it names that actor in (``windows``: lower-case form -> id ->
    (after, before) publication dates; "Kurdish fighters" are the YPG only before the SDF existed).
    ``states`` maps a country (place id) to its state, for "government forces in Iraq"; ``names`` maps
    lower-case names of actors to their ids, for the first half of "Ankara-backed factions".
    """
    out: list[TokMention] = []
    taken = [False] * len(doc)
    published = doc._.published
    for ent in doc.ents:
        if _dateline(doc, ent):
            continue
        if ent.label_ == "DESC" and ent.ent_id_:
            ids = tuple(i for i in ent.ent_id_.split("|") if i and (alive is None or alive(i, published))
                        and _in_window(windows, ent.text, i, published))
            if not ids:
                continue
            out.extend(_split(doc, TokMention(ent.start, ent.end, ids, "actor", "descriptive"), demonym_ids, names))
        elif ent.label_ in ("ACTOR", "PLACE", "AMBIG") and ent.ent_id_:
            out.extend(_split(doc, _linked(doc, ent, place_ids), demonym_ids, names))
        elif ent.label_ in _NER_CANDIDATES:
            out.append(TokMention(ent.start, ent.end, (), "candidate", "ner"))
        else:
            continue
        for i in range(ent.start, ent.end):
            taken[i] = True
    if states:
        out = [_abroad(doc, m, out, states) for m in out]
        out = [_set_abroad(doc, m, out, states) for m in out]
    out.sort(key=lambda m: m.start)
    out = _provinces(doc, out, place_ids)
    out.extend(_demonyms(doc, res, taken, demonym_ids))
    out.extend(_candidates(doc, res, taken))
    out.sort(key=lambda m: m.start)
    return out


#: plural heads after a list of city names that make each name its province ("Aleppo, Hama and Latakia provinces")
_PROVINCE_PLURALS = frozenset({"provinces", "governorates"})


def _provinces(doc, mentions: list[TokMention], place_ids: frozenset[str]) -> list[TokMention]:
    """"Idlib and Hama provinces", "parts of Aleppo, Hama and Latakia provinces": a list of names of cities followed
    by a plural "provinces" names each city's province (``<city>-governorate``), not the cities."""
    out = list(mentions)
    i = 0
    while i < len(out):
        chain = [i]
        j = i
        while j + 1 < len(out):
            between = " ".join(t.lower_ for t in doc[out[j].end:out[j + 1].start])
            if between not in (",", "and", ", and", "or"):
                break
            j += 1
            chain.append(j)
        last = out[chain[-1]]
        if (len(chain) >= 2 and last.end < len(doc) and doc[last.end].lower_ in _PROVINCE_PLURALS
                and all(f"{out[k].primary}-governorate" in place_ids for k in chain)):
            for k in chain:
                m = out[k]
                out[k] = TokMention(m.start, m.end, (f"{m.primary}-governorate",), "place", m.via, m.hint)
        i = chain[-1] + 1
    return out


def _dateline(doc, ent) -> bool:
    """"BEIRUT (AFP) -", "MANBIJ –": a place name in capitals opening a line says where the report was filed."""
    text = ent.text
    if not (text.isupper() and len(text) > 4 and ent.end < len(doc)):
        return False
    k = ent.start - 1
    if k >= 0 and not (doc[k].is_space and "\n" in doc[k].text):
        return False
    return doc[ent.end].text in ("(", "-", "–", "—", ",", ":")


def _in_window(windows: dict | None, text: str, entity_id: str, published) -> bool:
    window = (windows or {}).get(text.lower(), {}).get(entity_id)
    if window is None or published is None:
        return True
    after, before = window
    return (after is None or published.first_day >= after.first_day) and (
        before is None or published.last_day < before.first_day)


def _split(doc, m: TokMention, demonym_ids: dict[str, str], names: dict[str, str] | None) -> list[TokMention]:
    """"U.S.-led coalition" and "Turkish-backed factions" as two mentions around the compound word, so that
    the claim rules read "US leads/backs ..." from them; a name that merely holds a hyphen stays whole."""
    if m.end - m.start < 4 or doc[m.start + 1].text != "-" or doc[m.start + 2].lower_ not in _SPLIT:
        return [m]
    first = doc[m.start].text
    owner = demonym_ids.get(first) or (names or {}).get(first.lower())
    if owner is None or owner in m.ids:
        return [m]
    return [TokMention(m.start, m.start + 1, (owner,), "actor", "demonym"),
            TokMention(m.start + 3, m.end, m.ids, m.kind, m.via, m.hint)]


def _head_noun(doc, i: int, res: Resources) -> tuple[int, str] | None:
    """A support noun starting at token ``i`` (one to three words): its end and support type."""
    for n in (3, 2, 1):
        if i + n <= len(doc):
            words = " ".join(t.lower_ for t in doc[i:i + n])
            if words in res.support_nouns:
                return i + n, res.support_nouns[words]
    return None


#: heads after a demonym that name a state's assets ("struck Iranian targets"): the demonym is the state
_STRUCK = frozenset({"targets", "positions", "bases", "sites", "facilities", "assets", "installations", "outposts"})


def _demonyms(doc, res: Resources, taken: list[bool], demonym_ids: dict[str, str]) -> list[TokMention]:
    out = []
    i = 0
    n = len(doc)
    while i < n:
        if taken[i] or doc[i].text not in demonym_ids:
            i += 1
            continue
        chain = [i]
        j = i + 1
        while j < n and not taken[j]:
            if _head_noun(doc, j, res) is not None:
                break  # "Russian air power": "air power" is the head, not a modifier to skip
            if doc[j].text in demonym_ids:
                chain.append(j)
                j += 1
            elif doc[j].lower_ in (",", "and", "or", "-") or doc[j].lower_ in ("military", "air", "naval", "special"):
                j += 1
            else:
                break
        head = _head_noun(doc, j, res) if j < n else None
        if head is None and j < n and doc[j].lower_ in _STRUCK:
            head = (j + 1, None)  # "Iranian targets", "Israeli positions": the state whose assets are struck
        while head is None and j < n and doc[j].lower_ in ("military", "air", "naval", "special", "elite"):
            j += 1
            head = _head_noun(doc, j, res) if j < n else None
        if head is None and len(chain) == 1 and 0 < j < n and doc[j - 1].text == "-" and doc[j].lower_ in _COMPOUND:
            head = (j, None)  # "Russian-backed": the demonym is the backer
        if head is not None:
            for k in chain:
                out.append(TokMention(k, k + 1, (demonym_ids[doc[k].text],), "actor", "demonym", head[1]))
                taken[k] = True
            i = head[0]
        else:
            i = j
    return out


def _candidates(doc, res: Resources, taken: list[bool]) -> list[TokMention]:
    heads = {h.lower() for h in res.candidate_heads if " " not in h}
    org_heads = set(res.org_heads)
    out = []
    n = len(doc)
    i = 0
    while i < n:
        t = doc[i]
        if taken[i]:
            i += 1
            continue
        if t.lower_ in heads:
            start = i
            k = i - 1
            while k >= 0 and not taken[k] and i - k <= 4 and (doc[k].is_title or doc[k].text == "-" or
                                                              (k > 0 and doc[k - 1].text == "-")):
                start = k
                k -= 1
            if start == i and (t.lower_ in ("forces", "troops", "coalition", "factions", "fighters") or
                               (i > 0 and taken[i - 1])):
                i += 1  # a bare "forces" names no one; "Hezbollah fighters" is Hezbollah
                continue
            out.append(TokMention(start, i + 1, (), "candidate", "candidate"))
            i += 1
            continue
        if t.is_title and not t.is_sent_start:
            j = i
            while j < n and not taken[j] and (doc[j].is_title or doc[j].lower_ in ("al", "-", "of", "the", "al-")):
                j += 1
            end = j
            while end > i and doc[end - 1].text not in org_heads:
                end -= 1
            if end - i >= 2:
                out.append(TokMention(i, end, (), "candidate", "candidate"))
                i = end
                continue
            i = max(j, i + 1)
            continue
        i += 1
    return out
