"""EntityRuler patterns built from a graph's names and aliases, plus the descriptive forms news uses.

Case rules: a short or all-capital alias ("IS", "HTS", "SDF", "US") matches only with the exact case, so
the verb "is" and the pronoun "us" are never taken for actors; longer names match in any case, and in
the spellings transliteration from Arabic produces for the same name: a hyphen or a space after "al"
("Tahrir al-Sham", "Tahrir Al Sham"), with or without apostrophes ("Hay'at", "Hayat"), doubled letters
single ("Asad" for "Assad") and a final "a" with or without "h" ("Nusrah"). Descriptive forms
("government forces") are labelled ``DESC``: they name whoever holds the role when the article was
written, so the mention finder keeps only actors that existed then. An alias shared by several actors is
dropped (it cannot be linked), unless it is one actor's own name. A form that names both an actor and a
place ("Damascus", "Syria") keeps both ids and is labelled ``AMBIG``; the linker decides from context
and the claim rules from the relation.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from loaders.news.resources import Resources

__all__ = ["build_patterns", "is_exact_case"]

_APOSTROPHES = "'’ʼ"
_AL_HYPHEN = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")
_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1", re.IGNORECASE)
_MUHAMMAD = re.compile(r"\bM[ou]hamm[ae]d\b")
_FINAL_A = re.compile(r"(?<=[a-z]{3})a\b")


def spellings(name: str) -> set[str]:
    """The spellings of a multi-letter name that news transliteration produces.

    >>> sorted(spellings("al-Nusra Front"))[:3]
    ['al Nusra Front', 'al Nusrah Front', 'al-Nusra Front']
    >>> "Asad government" in spellings("Assad government")
    True
    """
    out = {name}
    if is_exact_case(name):
        return out
    for spelling in ("Muhammad", "Mohammad", "Mohammed", "Muhammed"):  # the Prophet's name, four ways
        out |= {_MUHAMMAD.sub(spelling, t) for t in out}
    for transform in (lambda t: _AL_HYPHEN.sub(" ", t),
                      lambda t: "".join(ch for ch in t if ch not in _APOSTROPHES),
                      lambda t: _DOUBLED.sub(r"\1", t),
                      lambda t: _FINAL_A.sub("ah", t)):
        out |= {transform(t) for t in out}
    return out


def is_exact_case(alias: str) -> bool:
    """Whether an alias must match with its exact case.

    >>> [is_exact_case(a) for a in ("IS", "HTS", "U.S.", "Hama", "Hezbollah", "HaD")]
    [True, True, True, True, False, True]
    """
    letters = [c for c in alias if c.isalpha()]
    return len(letters) <= 4 or (alias.upper() == alias and len(letters) <= 6)


#: the Arabic article as news writes it before a name ("Deir ez-Zor", "Deir el-Zour", "Deir al-Zor"): assimilated to
#: the next letter or not, with "a" or "e"
_ARTICLE = re.compile(r"(?<= )(?:al|el|ad|ed|ar|er|as|es|az|ez|ash|esh|at|et|an|en)-(?=[A-Z])")
#: vowels transliterated two ways in a name's last syllables: "Zor"/"Zour", "Qusayr"/"Qusair", "Saraqib"/"Saraqeb"
_VOWELS = ((re.compile(r"(?<=[A-Za-z])our\b"), "or"), (re.compile(r"(?<=[A-Za-z])or\b"), "our"),
           (re.compile(r"(?<=[A-Za-z])ayr\b"), "air"), (re.compile(r"(?<=[A-Za-z])air\b"), "ayr"),
           (re.compile(r"(?<=[a-z]{4})ib\b"), "eb"), (re.compile(r"(?<=[a-z]{4})eb\b"), "ib"))


def arabic_variants(name: str) -> set[str]:
    """Transliterations of an Arabic place or group name that news uses besides the graph's own: the article
    with "al-" or "el-" for any assimilated form, and two-way vowels of the last syllable. Names of four letters
    or fewer and all-capital ones are left as they are.

    >>> sorted(v for v in arabic_variants("Deir ez-Zor") if v.endswith("Zour"))
    ['Deir al-Zour', 'Deir el-Zour', 'Deir ez-Zour']
    >>> "Saraqeb" in arabic_variants("Saraqib")
    True
    """
    if is_exact_case(name):
        return {name}
    out = {name}
    out |= {_ARTICLE.sub(art, t) for t in out for art in ("al-", "el-")}
    for pattern, repl in _VOWELS:
        out |= {pattern.sub(repl, t) for t in out}
    return out


def _variants(text: str) -> set[str]:
    out = spellings(text)
    out |= {v for t in list(out) for v in arabic_variants(t)}
    for a in _APOSTROPHES:
        for b in _APOSTROPHES:
            if a in text:
                out.add(text.replace(a, b))
    if text.lower().startswith("the ") and (" " in text[4:] or text[4:5].isupper()):
        out.add(text[4:])  # "the Kremlin" -> "Kremlin", but "the regime" never becomes "regime"
    return out


def build_patterns(graph, res: Resources, tokenizer) -> list[dict]:
    """EntityRuler patterns (``label`` ACTOR, PLACE or AMBIG; ``id`` one or more ids joined by ``|``).

    Descriptive forms whose actor id is not in ``graph`` are skipped: the data files may name actors
    of the full corpus that a smaller graph lacks.
    """
    forms: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"actor": set(), "place": set()})
    own_name: dict[str, set[str]] = defaultdict(set)
    descriptive: set[str] = set()
    for entity in [*graph.actors, *graph.places]:
        kind = "place" if entity.is_place else "actor"
        names = [entity.name, *entity.aliases]
        for name in names:
            for v in _variants(name):
                forms[v][kind].add(entity.id)
        for v in _variants(entity.name):
            own_name[v].add(entity.id)
    for text, actor_id in res.descriptive:
        if graph.get(actor_id) is not None and not graph.get(actor_id).is_place:
            for v in _variants(text):
                forms[v]["actor"].add(actor_id)
                own_name[v].add(actor_id)
                descriptive.add(v)
    patterns = []
    for text, ids in sorted(forms.items()):
        actors, places = ids["actor"], ids["place"]
        if len(actors) > 1:
            actors = actors & own_name[text] if len(actors & own_name[text]) == 1 else set()
        if len(places) > 1:
            places = places & own_name[text] if len(places & own_name[text]) == 1 else set()
        if not actors and not places:
            continue
        label = "AMBIG" if actors and places else ("ACTOR" if actors else "PLACE")
        if label == "ACTOR" and (text in descriptive or _generic(text)):
            label = "DESC"
        entity_ids = "|".join([*sorted(actors), *sorted(places)])
        patterns.extend(_pattern(text, label, entity_ids, tokenizer))
    return patterns


#: words of a description that names a role, not an actor ("the Syrian government", "Damascus" for it)
_GENERIC = frozenset({"the", "syrian", "government", "regime", "forces", "army", "troops", "military", "soldiers",
                      "administration", "authorities", "damascus", "'s", "government's", "pro-government", "-"})


def _generic(text: str) -> bool:
    return all(w.lower() in _GENERIC for w in re.findall(r"[\w'-]+", text))


def _pattern(text: str, label: str, entity_ids: str, tokenizer) -> Iterable[dict]:
    words = [t.text for t in tokenizer(text)]
    if not words or not any(ch.isalpha() for ch in text):
        return []
    if is_exact_case(text):
        return [{"label": label, "id": entity_ids, "pattern": [{"ORTH": w} for w in words]}]
    # a phrase pattern: the ruler's PhraseMatcher compares lower-case forms, far faster than token patterns
    return [{"label": label, "id": entity_ids, "pattern": text}]
