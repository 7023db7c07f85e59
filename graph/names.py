"""Finding an actor or place by id, name or alias, whatever the case, script or apostrophe.

Reporting spells the same group many ways (Hay'at / Hayʼat / Hayat Tahrir al-Sham); a name index
folds those differences once, so every command and query resolves names the same way.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from ontology import AmbiguousName, EntityNotFound

__all__ = ["NameIndex", "fold_name", "spelling_key"]

_APOSTROPHES = dict.fromkeys(map(ord, "'`´ʼʻ’‘ʿʾ"), None)
_DASHES = dict.fromkeys(map(ord, "-‐‑‒–—_"), " ")
_SPACES = re.compile(r"\s+")


def fold_name(name: str) -> str:
    """The comparison key of a name: case-folded, accents and apostrophes dropped, dashes as spaces.

    >>> fold_name("Hayʼat Taḥrīr al-Shām") == fold_name("hayat tahrir al sham")
    True
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_APOSTROPHES).translate(_DASHES).casefold()
    if text.startswith("the "):
        text = text[4:]
    return _SPACES.sub(" ", text).strip()


#: Arabic article forms that romanisations attach, drop or assimilate at will (al-, el-, ar-, ash-, ez- ...).
_ARTICLES = frozenset("al el il ul ar as ash ad at az an er es esh ed et ez en".split())
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")  # Raqqah, Hasakah: a final h after a vowel is often not written
_VOWELS = re.compile(r"(?<=.)[aeiouyw]")  # every vowel (and y, w: Dayr/Deir, Zawr/Zor) but a first letter
#: The shortest key (in letters) that may name a place or actor by spelling alone.
_MIN_SPELLING_KEY = 2


def spelling_key(name: str) -> str:
    """A name reduced to the letters that romanisations of Arabic agree on, to match a spelling variant.

    Articles are dropped, a final ``h`` after a vowel too, ``q`` is ``k`` and ``ch`` is ``sh``, letters
    written twice count once and vowels (with ``y`` and ``w``) go, but for a first letter: "Deir ez-Zor",
    "Dayr az-Zawr" and "Deir al-Zour" share one key, as do "Raqqa" and "Raqqah", "Qamishli" and
    "Kamishly". Far coarser than :func:`fold_name`, so only a fallback for a name nothing else matches.

    >>> spelling_key("Deir ez-Zor") == spelling_key("Dayr az-Zawr") == spelling_key("Deir al-Zour")
    True
    >>> spelling_key("Ma'arrat al-Nu'man") == spelling_key("Maarat an-Nouman")
    True
    """
    words = [w for w in fold_name(name).split(" ") if w]
    kept = [w for w in words if w not in _ARTICLES] or words
    text = _FINAL_H.sub("", " ".join(kept)).replace("ch", "sh").replace("q", "k").replace(" ", "")
    return _VOWELS.sub("", _single(text))


class NameIndex:
    """Maps folded ids, names and aliases to entity ids."""

    def __init__(self) -> None:
        self._by_key: dict[str, set[str]] = defaultdict(set)
        self._by_spelling: dict[str, set[str]] = defaultdict(set)
        self._display: dict[str, str] = {}  # entity id -> display name
        self._is_place: dict[str, bool] = {}

    def add(self, entity_id: str, name: str, aliases: Iterable[str], *, is_place: bool) -> None:
        self._display[entity_id] = name
        self._is_place[entity_id] = is_place
        for text in (name, *aliases):
            key = fold_name(text)
            if key:
                self._by_key[key].add(entity_id)
            spelling = spelling_key(text) if text != text.upper() else ""  # an acronym (KSA, SIG) spells nothing
            if len(spelling) >= _MIN_SPELLING_KEY:
                self._by_spelling[spelling].add(entity_id)
        key = fold_name(entity_id)
        if key:
            self._by_key[key].add(entity_id)

    def spelled_like(self, name: str, *, places: bool | None = None) -> list[str]:
        """Entity ids one of whose names or aliases is a spelling variant of ``name`` (:func:`spelling_key`).

        Only for a name that matches nothing exactly, and only when one entity fits: the caller says so.
        """
        key = spelling_key(name)
        if len(key) < _MIN_SPELLING_KEY:
            return []
        return sorted(i for i in self._by_spelling.get(key, ()) if places is None or self._is_place[i] is places)

    def candidates(self, name: str, *, places: bool | None = None) -> list[str]:
        """Entity ids whose id, name or alias matches ``name``; ``places`` restricts to places or actors."""
        if name in self._display and (places is None or self._is_place[name] is places):
            return [name]
        ids = self._by_key.get(fold_name(name), set())
        if places is not None:
            ids = {i for i in ids if self._is_place[i] is places}
        return sorted(ids)

    def resolve(self, name: str, *, places: bool | None = None) -> str:
        """The single entity id that ``name`` denotes; raises with candidates or suggestions otherwise."""
        ids = self.candidates(name, places=places)
        if len(ids) == 1:
            return ids[0]
        what = {None: "actor or place", True: "place", False: "actor"}[places]
        if not ids:
            raise EntityNotFound(name, self.suggest(name, places=places), what=what)
        if places is None:  # an actor and a place share the name (Syria the state, Syria the country)
            actors = [i for i in ids if not self._is_place[i]]
            if len(actors) == 1:
                return actors[0]
        raise AmbiguousName(name, [(i, self._display[i]) for i in ids])

    def suggest(self, name: str, *, places: bool | None = None, n: int = 3) -> list[str]:
        """The closest known names, for "did you mean" messages."""
        keys = [k for k, ids in self._by_key.items()
                if places is None or any(self._is_place[i] is places for i in ids)]
        close = _closest(fold_name(name), keys, n=n * 2)
        out: list[str] = []
        for key in close:
            for entity_id in sorted(self._by_key[key]):
                display = self._display[entity_id]
                if display not in out and (places is None or self._is_place[entity_id] is places):
                    out.append(display)
        return out[:n]


def _closest(query: str, keys: list[str], *, n: int, cutoff: float = 0.6) -> list[str]:
    """The ``n`` keys most like ``query``: by the whole key, or by one of its words ("Asad" is like "Bashar al-Assad").

    Letters written twice count once (transliterations differ there: Asad/Assad, Hezbolah/Hezbollah),
    and a misspelt word of a longer name scores almost as high as the word itself, so "Asad" finds
    the names that contain its usual spelling before short, unrelated names whose letters overlap.

    >>> _closest("asad", ["sdf", "bashar al assad", "assad government", "isis"], n=3)
    ['assad government', 'bashar al assad']
    """
    scored = []
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(_single(query))
    for key in keys:
        matcher.set_seq1(_single(key))
        if matcher.real_quick_ratio() < cutoff and " " not in key:
            continue
        best = matcher.ratio()
        for word in key.split(" ") if " " in key else ():
            if len(word) >= 3:
                matcher.set_seq1(_single(word))
                best = max(best, matcher.ratio() - 0.05)  # a word match ranks just below an equally good whole match
        if best >= cutoff:
            scored.append((-best, key))
    return [key for _, key in sorted(scored)[:n]]


_DOUBLED = re.compile(r"(.)\1+")


def _single(text: str) -> str:
    """``text`` with runs of one letter written once: the spelling-insensitive form names are compared in."""
    return _DOUBLED.sub(r"\1", text)
