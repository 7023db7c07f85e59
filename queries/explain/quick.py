"""The strict reading of a question without spaCy: plain words, known names, dates, and the forms.

Importing spaCy takes most of a second, several times what answering a question takes. Most
questions are plain: words of a form, names the graph knows, a date. This module reads those with
the same rules as the spaCy matchers of :mod:`queries.explain.questions` (names matched as whole
token sequences, by lower case or exactly as written for acronyms; dates by the same pattern;
overlapping matches resolved longest first; the first form, in file order, that covers the whole
question wins), on a tokenizer that splits only what spaCy's English tokenizer splits the same way.

Whenever the text holds anything that tokenizer might split otherwise (brackets, slashes, inner
dots, number words...), or a match could be read two ways, :func:`read` gives up and returns
``None``, and the caller asks spaCy. It never answers differently from spaCy's strict pass:
``tests/queries/test_explain_quick.py`` checks that on every form with every name of the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["QuickReader", "tokens"]

_SUFFIX_PUNCT = "?!.,:;"
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# spaCy's English infix rule for hyphens: between a letter or digit and a letter
_HYPHEN = re.compile(r"(?<=[^\W_])-(?=[^\W\d_])")
_NUM_WORDS = frozenset("""zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million
billion trillion quadrillion gajillion bazillion first second third fourth fifth sixth seventh eighth ninth tenth
eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth
fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth thousandth millionth billionth trillionth
quadrillionth gajillionth bazillionth""".split())


class _Unsure(Exception):
    """The text holds something spaCy might read differently: leave it to spaCy."""


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int
    end: int
    punct: bool = False


def tokens(text: str) -> list[_Token] | None:
    """``text`` split as spaCy's English tokenizer splits plain questions, or ``None`` when unsure.

    >>> [t.text for t in tokens("Who are the SDF's backers?")]
    ['Who', 'are', 'the', 'SDF', "'s", 'backers', '?']
    >>> [t.text for t in tokens("Who supports Hay'at Tahrir al-Sham?")]
    ['Who', 'supports', "Hay'at", 'Tahrir', 'al', '-', 'Sham', '?']
    >>> tokens("Who backs (HTS)?") is None
    True
    """
    try:
        return _tokens(text)
    except _Unsure:
        return None


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    for m in re.finditer(r"\S+", text):
        chunk, start = m.group(), m.start()
        tail: list[_Token] = []
        while chunk:
            if chunk[-1] in _SUFFIX_PUNCT:
                if chunk[-1] == "." and not _plain_before_dot(chunk[:-1]):
                    raise _Unsure  # abbreviations (U.S., St.) are single tokens to spaCy
                tail.append(_Token(chunk[-1], start + len(chunk) - 1, start + len(chunk), True))
                chunk = chunk[:-1]
            elif chunk.endswith("'s") and len(chunk) > 2:
                tail.append(_Token("'s", start + len(chunk) - 2, start + len(chunk)))
                chunk = chunk[:-2]
            else:
                break
        pos = 0
        for piece in _HYPHEN.split(chunk) if chunk else []:
            if pos:
                out.append(_Token("-", start + pos - 1, start + pos, True))
            if not _WORD.fullmatch(piece) and not _DATE_TOKEN.fullmatch(piece):
                raise _Unsure
            if "'" in piece and piece.lower().endswith(_CLITICS):
                raise _Unsure  # spaCy splits these off (FF'S, don't)
            out.append(_Token(piece, start + pos, start + pos + len(piece)))
            pos += len(piece) + 1
        out.extend(reversed(tail))
    return out


_CLITICS = ("'s", "n't", "'re", "'ve", "'ll", "'d", "'m")
_DATE_TOKEN = re.compile(r"\d{4}(?:-\d{2}){1,2}[~%]?|\d{4}[~%]")


def _plain_before_dot(word: str) -> bool:
    return len(word) > 4 and word.isalpha() and not word.isupper()


def _like_num(text: str) -> bool | None:
    """spaCy's ``like_num`` where it is sure: True for digits, False for plain words, None (unsure) otherwise."""
    if text.isdigit():
        return True
    lower = text.lower().lstrip("+-~")
    if lower in _NUM_WORDS or re.fullmatch(r"[\d.,/]+|\d+(?:st|nd|rd|th)", lower):
        return None
    return False


@dataclass(frozen=True, slots=True)
class _Unit:
    """A token of the question, or a name or date merged into one, as spaCy's retokenizer leaves it."""

    text: str
    label: str | None  # ACTOR, PLACE, BOTH, DATE, or None for a word or punctuation
    punct: bool
    ids: frozenset[str] = frozenset()


class QuickReader:
    """Reads questions strictly, without spaCy, with the names of one graph.

    Args:
        names: (entity id, name text, exact) triples: ``exact`` names match only as written.
        kinds: entity id -> ``ACTOR`` or ``PLACE``.
        forms: the question forms, in file order.
        date_re: the date pattern of :mod:`queries.explain.questions`.
        compile_form: that module's pattern compiler (strict), so both readers use the same patterns.
    """

    def __init__(self, names: Iterable[tuple[str, str, bool]], kinds: dict[str, str], forms, date_re,
                 compile_form) -> None:
        self._lower: dict[tuple[str, ...], set[str]] = {}
        self._exact: dict[tuple[str, ...], set[str]] = {}
        self._unreadable: list[str] = []  # names this tokenizer cannot split surely: their presence means "ask spaCy"
        self._longest = 1
        for entity_id, text, exact in names:
            toks = tokens(text)
            if not toks:
                self._unreadable.append(text.lower())
                continue
            key = tuple(t.text if exact else t.text.lower() for t in toks)
            (self._exact if exact else self._lower).setdefault(key, set()).add(entity_id)
            self._longest = max(self._longest, len(key))
        self._kinds = kinds
        self._forms = forms
        self._date_re = date_re
        self._patterns = [compile_form(f.words, loose=False) for f in forms]

    def read(self, text: str):
        """(form, [(slot, text, candidate ids)]) of the first form covering ``text``; ``None`` when unsure or none."""
        try:
            units = self._units(text)
            if units is None:
                return None
            for form, (pattern, slots) in zip(self._forms, self._patterns, strict=True):
                found = self._match(pattern, slots, units)
                if found is not None:
                    return form, found
        except _Unsure:
            return None
        return None

    # ------------------------------------------------------------------ names and dates

    def _units(self, text: str) -> list[_Unit] | None:
        toks = tokens(text)
        if toks is None:
            return None
        folded = text.lower()
        if any(name in folded for name in self._unreadable):
            return None
        spans: dict[tuple[int, int], tuple[str, frozenset[str]]] = {}
        for i in range(len(toks)):
            for j in range(i + 1, min(len(toks), i + self._longest) + 1):
                exact = self._exact.get(tuple(t.text for t in toks[i:j]), set())
                lower = self._lower.get(tuple(t.text.lower() for t in toks[i:j]), set())
                ids = exact | lower
                if ids:
                    kinds = {self._kinds[e] for e in ids}
                    spans[(i, j)] = ("BOTH" if len(kinds) > 1 else kinds.pop(), frozenset(ids))
        dates = []
        for m in self._date_re.finditer(text):
            inside = [k for k, t in enumerate(toks) if t.start < m.end() and t.end > m.start()]
            if not inside or toks[inside[0]].start != m.start() or toks[inside[-1]].end != m.end():
                raise _Unsure  # spaCy would widen the span to whole tokens: leave that to it
            dates.append((inside[0], inside[-1] + 1))
        for d in dates:
            if any(s < d[1] and d[0] < e for s, e in spans):
                raise _Unsure
            spans[d] = ("DATE", frozenset())
        kept: list[tuple[int, int]] = []
        for s, e in sorted(spans, key=lambda k: (k[1] - k[0], -k[0]), reverse=True):  # spaCy's filter_spans
            if all(e <= ks or s >= ke for ks, ke in kept):
                kept.append((s, e))
        kept.sort()
        units, i = [], 0
        for s, e in kept:
            units += [_Unit(t.text, None, t.punct) for t in toks[i:s]]
            label, ids = spans[(s, e)]
            units.append(_Unit(text[toks[s].start:toks[e - 1].end], label, False, ids))
            i = e
        units += [_Unit(t.text, None, t.punct) for t in toks[i:]]
        return units

    # ------------------------------------------------------------------ forms

    def _match(self, pattern: list[dict], slots: list, units: list[_Unit]):
        """The slot values of the full matches of ``pattern``; None when none; unsure when they differ."""
        results: set[tuple] = set()

        def step(p: int, u: int, taken: tuple) -> None:
            if p == len(pattern):
                if u == len(units):
                    results.add(taken)
                return
            spec = pattern[p]
            op = spec.get("OP")
            if op in ("?", "*"):
                step(p + 1, u, taken)  # zero times
            if u < len(units) and self._fits(spec, units[u]):
                value = taken + ((slots[p], units[u]),) if slots[p] else taken
                step(p + 1, u + 1, value)
                if op == "*":
                    step(p, u + 1, value)

        step(0, 0, ())
        if not results:
            return None
        if len(results) > 1:
            raise _Unsure
        (taken,) = results
        return [(slot, unit.text, set(unit.ids) if unit.label not in (None, "DATE") else None)
                for slot, unit in taken]

    @staticmethod
    def _fits(spec: dict, unit: _Unit) -> bool:
        if "LOWER" in spec:
            want = spec["LOWER"]
            lower = unit.text.lower()
            return lower in want["IN"] if isinstance(want, dict) else lower == want
        if "ENT_TYPE" in spec:
            want = spec["ENT_TYPE"]
            return unit.label in want["IN"] if isinstance(want, dict) else unit.label == want
        if "LIKE_NUM" in spec:
            sure = _like_num(unit.text)
            if sure is None:
                raise _Unsure
            return sure
        if "IS_PUNCT" in spec:
            return unit.punct and unit.label is None
        raise _Unsure  # a pattern key this reader does not know
