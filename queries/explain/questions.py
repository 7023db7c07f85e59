"""Understanding a question: spaCy's PhraseMatcher finds the graph's names, its Matcher the question's form.

The forms are data (``forms.jsonl``, one per line: a family, an example, and a compact pattern where
``a|b`` is a choice, a trailing ``?`` makes a word optional and ``ACTOR``, ``PLACE``, ``ENTITY``,
``DATE``, ``NUMBER`` are slots). Names come from the graph itself (ids, names, aliases), so a new
alias in the data is understood without touching code. Only ``spacy.blank("en")`` is needed: no
model is downloaded.

Matching runs twice. The strict pass wants every slot filled by a known name; when it fails, a loose
pass lets any words fill a slot, so "Who supports Hezbolah?" is recognised as a question about
supporters and answered with the closest known names instead of a generic error.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

from graph.names import fold_name
from graph.time import PartialDate
from ontology import ActorGraphError, AmbiguousName, EntityNotFound
from queries.explain.areas import default_country, find_compass
from queries.explain.gist import Word, read_as, read_gist
from queries.explain.model import Question
from queries.explain.spoken_dates import iso_dates

__all__ = ["FAMILIES", "Form", "QuestionParser", "UnknownQuestion", "load_forms"]

#: The question families, with a short description each.
FAMILIES = {
    "sides": "who is fighting in a place, grouped into sides",
    "supporters": "who supports an actor (and how)",
    "supported": "whom an actor supports",
    "opponents": "who fights or opposes an actor",
    "leaders": "who leads an actor",
    "members": "the members of a coalition and the bodies that are part of an actor",
    "memberships": "what an actor belongs to: the coalitions it is a member of and the bodies it is part of",
    "allies": "whom an actor is allied with",
    "territory": "what an actor controls and where it is based",
    "profile": "what an actor is: kind, lineage, leaders, allies, enemies, backers, territory",
    "connection": "how two actors (or an actor and a place) are connected",
    "changes": "what changed in a place between two dates, or in the last N days",
    "control": "who controls a place and the places within it",
    "designations": "who designates an actor as a terrorist organisation",
    "lineage": "where an actor comes from and what it became: splits, renamings, mergers",
}

_PLACE_FAMILIES = frozenset({"sides", "changes", "control"})
_SLOTS = ("ACTOR", "PLACE", "ENTITY", "DATE", "NUMBER")  # and ASOF, the optional date at the end of any form
_ENTITY_LABELS = {"ACTOR": ["ACTOR", "BOTH"], "PLACE": ["PLACE", "BOTH"], "ENTITY": ["ACTOR", "PLACE", "BOTH"]}
_DATE_RE = re.compile(r"(?<![\w-])\d{4}(?:-\d{2}){0,2}[~%]?(?![\w-])")  # no '?': it ends questions
_APOSTROPHES = str.maketrans({c: "'" for c in "`´ʼʻ’‘"})
#: A question's final stop after a letter of another script ("... ܣܘܪܝܝܐ."), which spaCy's tokenizer leaves on the
#: word (a Latin "U.S." keeps its own stop)
_FINAL_STOP = re.compile(r"(?<=[^\x00-\x7f\W])([.?!]+)$")
_DATE_WORDS = frozenset({"in", "on", "as", "at", "by", "of"})
#: Words around a place's name that say what it is ("the city of Raqqa", "Aleppo city"), dropped when the
#: question is not understood with them (a name may contain them: "Capital City" is matched first).
_PLACE_WORDS_BEFORE = re.compile(r"\b(?:the\s+)?(?:city|town|village|district|neighbou?rhood)\s+of\s+", re.I)
_PLACE_WORDS_AFTER = re.compile(r"(?<=\w)\s+(?:city|town|village)(?=\s*(?:[?.!]|$|\s(?:in|on|as|at|by)\s))", re.I)
_ACRONYM = re.compile(r"^[A-Z0-9.]{1,5}$")
#: the Arabic article as romanised inside names ("Jaysh al-Fatah", "Hurras ad-Din", "Ahrar ash-Sham")
_ARTICLE_WORDS = frozenset({"al", "el", "ad", "ed", "ar", "as", "ash", "at", "az", "an", "ul", "es", "ez", "-"})
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ed|ar|as|ash|at|az|an|ul|es|ez)-\w")
#: capitalised words that are not names of actors or places: adjectives of peoples and creeds ("Kurdish",
#: "Iranian", "Sunni"), titles, and the words of operation names; any other unknown capitalised word stops a
#: reading by gist
_NOT_A_NAME = re.compile(r"(?i)^(?:\w+(?:ish|ian|ean|ese|ic|ist|ists|ite|ites|is|i)|kurds?|arabs?|shia|shiite"
                         r"|afghans?|turkmens?|uyghurs?|chechens?"
                         r"|shi'a|sunni|druze|christians?|jews?|muslims?|western|gulf|operation|president|mr|general|sheikh|emir"
                         r"|army|front|forces?|militias?|groups?|rebels?|regime|government|state|shield|branch|spring"
                         r"|peace|dawn|freedom|deterrence|aggression|caliphate|i|ok|january|february|march|april"
                         r"|may|june|july|august|september|october|november|december"
                         r"|tow|manpads|grad|kornet|stinger|scud|sarin|chlorine)$")  # weapons
#: nouns of buildings and sites: capitalised words just before one name a landmark ("the Mar Elias church", "the
#: Tishreen hospital"), which says where something happened, not a name the question is about
_LANDMARKS = frozenset("""church churches mosque mosques shrine hospital prison school university bridge dam square
airport market stadium hotel palace street road highway museum citadel checkpoint crossing gate neighbourhood
neighborhood district quarter""".split())
#: short English words that are also acronyms of the graph (US, IS): never read as the acronym in lower case
_ENGLISH_WORDS = frozenset("us is it an as at in on or no so to up we me he be do go am by of if my".split())


class UnknownQuestion(ActorGraphError, ValueError):
    """A question none of the understood forms matches; the message lists them and suggests the closest."""

    def __init__(self, question: str, closest: str, forms: list[str], detail: str = ""):
        self.question = question
        self.closest = closest
        self.forms = tuple(forms)
        lead = f"{detail}; " if detail else ""
        super().__init__(f"{lead}I do not understand {question!r}; the closest form I know is {closest!r}. "
                         f"Understood forms: {' | '.join(self.forms)}")


@dataclass(frozen=True, slots=True)
class Form:
    """One understood wording of a question family."""

    family: str
    example: str
    words: tuple[str, ...]
    support_type: str | None = None


@functools.cache
def demonyms() -> dict[str, str]:
    """Country adjectives ("Russian") to country codes ("RUS"), from demonyms.json."""
    data = json.loads(resources.files("queries.explain").joinpath("demonyms.json").read_text(encoding="utf-8"))
    return {word: code for code, words in data.items() if not code.startswith("_") for word in words}


#: words after a country's adjective that make it name the state's forces or patronage ("Russian jets",
#: "Turkish-backed"); "Iraqi militias" or "Lebanese Hezbollah" name others
#: words of a state's posts after its adjective ("syrian defence minister"): the only place an adjective typed in lower
#: case is read as its state (elsewhere, "syrian troops" or "turkish-backed" in lower case keep their old reading)
_POST_WORDS = frozenset("defence defense foreign interior prime minister ministry president chief".split())
_FORCES_AFTER = frozenset("""jets warplanes planes aircraft air force forces troops army military soldiers navy drone
drones strike strikes airstrike airstrikes bombers advisers advisors officers government authorities regime
backed led supported funded armed sponsored""".split()) | _POST_WORDS


def _peoples() -> dict[str, str]:
    """A country's people in the plural ("Americans", "Russians", "Turks") to its code: in questions about the war
    they name the state ("backed by the Americans"). The war's own country is left out ("the Syrians" are its people,
    not one party)."""
    out = {word + "s": code for word, code in demonyms().items() if word[-1:] in ("n", "i") and code != "SYR"}
    out.update({"Turks": "TUR", "Brits": "GBR"})
    return out


_PEOPLES = _peoples()


def _unique_surnames(graph) -> dict[str, tuple[str, ...]]:
    """Persons' family names written with the article ("Bashir" and "al-Bashir" of "Mohammed al-Bashir"), where no
    other entity bears the same text: how the press names them after a first mention ("Baghdadi's death").

    Only names with an "al-" article are taken (a plain last word is often a given name or an English word:
    "Salih Muslim", "Ilham Ahmed"); a name that another person also bears, first or last ("al-Khatib", "Qassem"
    of Naim Qassem), or that is another entity's name or alias, is left out, so it stays an unknown word rather
    than a wrong guess. One exception: a name whose other bearers had all died (``dissolved``) before the first
    dated claim of one of them is that one's ("Baghdadi": Abu Bakr, whose record begins after Abu Omar died in 2010).
    """
    first: dict[str, int] = {}
    for c in graph.all_claims():
        if isinstance(c.valid.start, PartialDate):
            for end in (c.subject, c.object):
                first[end] = min(first.get(end, c.valid.start.first_day), c.valid.start.first_day)

    def died_before(other: str, person: str) -> bool:
        gone = graph.get(other).dissolved
        return isinstance(gone, PartialDate) and person in first and gone.last_day <= first[person]

    taken: dict[str, set[str]] = {}
    for e in [*graph.actors, *graph.places]:
        for text in (e.id, e.name, *e.aliases):
            taken.setdefault(text.translate(_APOSTROPHES).lower(), set()).add(e.id)
    offered: dict[str, set[str]] = {}
    for person in graph.actors:
        if str(person.kind) != "person":
            continue
        for name in (person.name, *person.aliases):  # every person's first and last word blocks the same text
            words = name.translate(_APOSTROPHES).split()
            for word in (words[0], words[-1]) if len(words) > 1 else ():
                for text in {word, word[3:] if word.lower().startswith("al-") else word}:
                    offered.setdefault(text.lower(), set()).add(person.id)
    out: dict[str, list[str]] = {}
    for person in graph.actors:
        last = person.name.split()[-1] if str(person.kind) == "person" and " " in person.name else ""
        if last.lower().startswith("al-") and len(last) > 5:
            for text in (last, last[3].upper() + last[4:]):
                key = text.lower()
                alone = all(died_before(other, person.id) for other in offered[key] - {person.id})
                if alone and taken.get(key, {person.id}) == {person.id}:
                    out.setdefault(person.id, []).append(text)
    return {k: tuple(v) for k, v in out.items()}


_PARENTHESIS = re.compile(r"^(.*\S)\s+\([^()]*\)$")


def _unique_short_names(graph) -> dict[str, tuple[str, ...]]:
    """Names written with a trailing explanation in brackets ("Golan buffer zone (UNDOF area of separation)",
    "Mount Hermon (Syrian side)"), without it, where no other entity bears the shorter text: how users write them."""
    taken: dict[str, set[str]] = {}
    short: dict[str, set[str]] = {}
    for e in [*graph.actors, *graph.places]:
        for text in (e.id, e.name, *e.aliases):
            taken.setdefault(text.translate(_APOSTROPHES).lower(), set()).add(e.id)
            m = _PARENTHESIS.match(text)
            if m:
                short.setdefault(m.group(1).translate(_APOSTROPHES), set()).add(e.id)
    out: dict[str, list[str]] = {}
    for text, ids in short.items():
        if len(ids) == 1 and taken.get(text.lower(), ids) == ids:
            out.setdefault(next(iter(ids)), []).append(text)
    return {k: tuple(v) for k, v in out.items()}


def load_forms() -> tuple[Form, ...]:
    """The question forms shipped in ``forms.jsonl``, in file order (the order loose matching tries them)."""
    text = resources.files("queries.explain").joinpath("forms.jsonl").read_text(encoding="utf-8")
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row["family"] not in FAMILIES:
            raise ValueError(f"forms.jsonl line {number}: unknown family {row['family']!r}; "
                             f"known: {', '.join(FAMILIES)}")
        out.append(Form(row["family"], row["example"], tuple(row["form"].split()), row.get("support_type")))
    return tuple(out)


#: A token that may be part of a name in the loose reading: a word, or a hyphen or apostrophe between words.
_NAME_TOKEN = r"^(?:[^\W_]|[-'’‐])"


def _compile(words: tuple[str, ...], *, loose: bool) -> tuple[list[dict], list[str | None]]:
    """Matcher token patterns for a form, and the slot name of each pattern element (None for words)."""
    pattern: list[dict] = []
    slots: list[str | None] = []
    for i, word in enumerate(words):
        if word in _SLOTS:
            if word in _ENTITY_LABELS and (i == 0 or words[i - 1] != "the?"):
                pattern.append({"LOWER": "the", "OP": "?"})
                slots.append(None)
            if word == "DATE":
                pattern.append({"ENT_TYPE": "DATE"})
            elif word == "NUMBER":
                pattern.append({"LIKE_NUM": True})
            elif loose:  # any words, with the hyphens and apostrophes inside names ("Ar-Raqqa", "Ma'arrat")
                pattern.append({"TEXT": {"REGEX": _NAME_TOKEN}, "ENT_TYPE": {"NOT_IN": ["DATE"]}, "OP": "+"})
            else:
                pattern.append({"ENT_TYPE": {"IN": _ENTITY_LABELS[word]}})
            slots.append(word)
            continue
        optional = word.endswith("?")
        choices = word.rstrip("?").split("|")
        token: dict = {"LOWER": {"IN": choices}} if len(choices) > 1 else {"LOWER": choices[0]}
        if optional:
            token["OP"] = "?"
        pattern.append(token)
        slots.append(None)
    # any form may end with the date it asks about: "... in 2016", "... on 2024-12-05", "... as of 2019"
    pattern += [{"LOWER": {"IN": sorted(_DATE_WORDS - {"of"})}, "OP": "?"}, {"LOWER": "of", "OP": "?"},
                {"ENT_TYPE": "DATE", "OP": "?"}, {"IS_PUNCT": True, "OP": "*"}]
    slots += [None, None, "ASOF", None]
    return pattern, slots


class QuestionParser:
    """Parses questions about one graph; build once and reuse.

    Plain questions are read by :mod:`queries.explain.quick` without spaCy; spaCy's matchers are
    built (~0.1 s, plus importing spaCy) for the first question that reader leaves to them, and
    give the loose reading and the suggestions of errors.

    >>> from graph import ActorGraph, Actor, Place
    >>> g = ActorGraph()
    >>> g.add(actors=[Actor("hts", "Hayat Tahrir al-Sham", "armed_group", aliases=("HTS",))],
    ...       places=[Place("syr", "Syria", "country", 35.0, 38.5, country="SYR")])
    >>> p = QuestionParser(g)
    >>> p.parse("Who supports HTS?").entities, p.parse("Who is fighting in Syria?").family
    (('hts',), 'sides')
    """

    def __init__(self, graph, forms: tuple[Form, ...] | None = None) -> None:
        from queries.explain.quick import QuickReader

        self.graph = graph
        self.forms = forms if forms is not None else load_forms()
        self._form_words = {w for f in self.forms for word in f.words for w in word.rstrip("?").split("|")}
        self._kind: dict[str, str] = {}
        self._surnames = _unique_surnames(graph)
        self._short_names = _unique_short_names(graph)
        names = []
        for entity in [*graph.actors, *graph.places]:
            self._kind[entity.id] = "PLACE" if entity.is_place else "ACTOR"
            names += [(entity.id, text, exact) for text, exact in self._name_texts(entity)]
        self._quick = QuickReader(names, self._kind, self.forms, _DATE_RE, _compile)
        self._spacy_ready = False
        self._acronyms: set[str] | None = None

    def _name_texts(self, entity) -> list[tuple[str, bool]]:
        """(text, exact) of each id, name and alias: acronyms (IS, US, SDF) and question words match only as written."""
        out = []
        for text in dict.fromkeys((entity.id, entity.name, *entity.aliases, *self._short_names.get(entity.id, ()))):
            text = text.translate(_APOSTROPHES)
            exact = bool(_ACRONYM.match(text)) or text.lower() in self._form_words
            out.append((text, exact))
            if not exact and "-" in text and " " in text.replace("-", " ").strip():  # "hurras al din", typed plain
                out.append((text.replace("-", " "), False))
        # as written when short ("Said" is not "said"); in any case when long or with its article ("baghdadi")
        out += [(text, len(text) < 6 and not text.lower().startswith("al-"))
                for text in self._surnames.get(entity.id, ())]
        return out

    def _spacy(self) -> None:
        """Build spaCy's matchers, on the first question the quick reader leaves to them (~0.1 s, plus the import)."""
        if self._spacy_ready:
            return
        try:
            import spacy
            from spacy.matcher import Matcher, PhraseMatcher
        except ImportError as exc:  # spaCy is a dependency, but a trimmed install may lack it
            raise ImportError("explainers need spaCy to read questions: pip install 'spacy>=3.7,<4' "
                              "(no model download is needed)") from exc

        self.nlp = spacy.blank("en")
        self._names_lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._names_exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        for entity in [*self.graph.actors, *self.graph.places]:
            texts = self._name_texts(entity)
            lower = [text for text, exact in texts if not exact]
            exact = [text for text, is_exact in texts if is_exact]
            if lower:
                self._names_lower.add(entity.id, list(self.nlp.tokenizer.pipe(lower)))
            if exact:
                self._names_exact.add(entity.id, list(self.nlp.tokenizer.pipe(exact)))
        self._strict = Matcher(self.nlp.vocab)
        self._loose = Matcher(self.nlp.vocab)
        self._slots: dict[str, tuple[Form, list[str | None], list[str | None]]] = {}
        for n, form in enumerate(self.forms):
            key = f"form{n}"
            strict, strict_slots = _compile(form.words, loose=False)
            loose, loose_slots = _compile(form.words, loose=True)
            self._strict.add(key, [strict])
            self._loose.add(key, [loose])
            self._slots[key] = (form, strict_slots, loose_slots)
        self._spacy_ready = True

    # ------------------------------------------------------------------ parsing

    def understood_forms(self) -> list[str]:
        return list(dict.fromkeys(f.example for f in self.forms))

    def mentions(self, text: str):
        """The question as a Doc whose names and dates are merged into single tokens, and each name's candidates."""
        from spacy.tokens import Span
        from spacy.util import filter_spans

        self._spacy()
        doc = self.nlp.make_doc(_FINAL_STOP.sub(r" \1", text.translate(_APOSTROPHES).strip()))
        found: dict[tuple[int, int], set[str]] = {}
        for matcher in (self._names_lower, self._names_exact):
            for match_id, start, end in matcher(doc):
                found.setdefault((start, end), set()).add(self.nlp.vocab.strings[match_id])
        spans = []
        for (start, end), ids in found.items():
            kinds = {self._kind[i] for i in ids}
            spans.append(Span(doc, start, end, label="BOTH" if len(kinds) > 1 else kinds.pop()))
        for m in _DATE_RE.finditer(doc.text):
            span = doc.char_span(m.start(), m.end(), label="DATE", alignment_mode="expand")
            if span is not None:
                spans.append(span)
        kept = sorted(filter_spans(spans), key=lambda s: s.start)
        doc.ents = kept
        candidates = {}
        with doc.retokenize() as retokenizer:
            for span in kept:
                retokenizer.merge(span)
        merged = [t for t in doc if t.ent_type_]
        for token, span in zip(merged, kept, strict=True):  # merged tokens keep the order of their spans
            if span.label_ != "DATE":
                candidates[token.i] = found[(span.start, span.end)]
        return doc, candidates

    def parse(self, text: str, *, on: str | None = None) -> Question:
        """The question's family and its resolved entities, dates and numbers.

        ``on`` is the date the answer is for (a date at the end of the question wins over it). A name
        shared by several actors ("the Syrian government" before and after December 2024) is read as
        the one that existed at that date, when only one did.

        A question about a compass part of a place ("Who is fighting in the north-east of Syria?",
        "... in northeastern Syria", "... in the north-east") that no name in the graph matches is
        read as a question about that place (the main country when none is named) with
        ``compass`` set.

        Raises:
            UnknownQuestion: no understood form fits (the message lists them and the closest one).
            EntityNotFound: the form fits but a name is unknown (the message gives the closest names).
            AmbiguousName: a name belongs to several actors or places.

        Dates written out ("on 1 December 2016", "in March 2016") are read as EDTF dates
        (:func:`queries.explain.spoken_dates.iso_dates`); the question keeps its wording.
        """
        question = self._parse_places(iso_dates(text) if text else text, on)
        return dataclasses.replace(question, text=text.strip()) if question.text != text.strip() else question

    def _parse_places(self, text: str, on: str | None) -> Question:
        """:meth:`parse` of a question whose dates are EDTF, with the compass reading as a fallback."""
        try:
            return self._parse(text, on)
        except (UnknownQuestion, EntityNotFound, AmbiguousName):
            plain = _PLACE_WORDS_BEFORE.sub("", _PLACE_WORDS_AFTER.sub("", text)) if text else text
            if plain != text:  # "the city of Raqqa", "Aleppo city": the place's name alone
                try:
                    return dataclasses.replace(self._parse(plain, on), text=text.strip())
                except (UnknownQuestion, EntityNotFound, AmbiguousName):
                    pass
            found = find_compass(text) if text else None
            if found is not None:
                direction, start, end = found
                variants = [text[:start] + text[end:]]
                country = default_country(self.graph)
                if country is not None:
                    variants.append(f"{text[:start]}{self.graph.get(country).name} {text[end:]}")
                for variant in variants:
                    try:
                        q = self._parse(variant, on)
                    except (UnknownQuestion, EntityNotFound, AmbiguousName):
                        continue
                    if q.family in _PLACE_FAMILIES and self._kind.get(q.entities[0]) == "PLACE":
                        return dataclasses.replace(q, text=text.strip(), compass=direction)
            gist = self._by_gist(text, on) if text else None
            if gist is None:
                raise
            return gist

    def _by_gist(self, text: str, on: str | None) -> Question | None:
        """The question read by its cue words and names (:mod:`queries.explain.gist`) when no form fits, or None.

        The names are those the graph knows (merged into single words), acronyms also in lower case
        ("isis", "the us"); a capitalised name the graph does not know, nor as another spelling, stops the
        reading (the question is about something else). ``Question.read_as`` says which form the question
        was taken for.
        """
        doc, candidates = self.mentions(self._acronyms_upper(text))
        words, ids_at, readings = [], {}, []
        spelled_spans = self._spelled_spans(doc, on)
        skip_to = 0
        for token in doc:
            if token.i < skip_to:
                continue
            if token.i in spelled_spans:  # "jaish al-fatah": Jaysh al-Fatah spelled another way
                end, entity = spelled_spans[token.i]
                written = doc[token.i:end].text
                ids_at[len(words)] = ({entity}, written)
                readings.append((written, entity))
                words.append(Word(written, self._kind[entity]))
                skip_to = end
                continue
            if token.is_punct and token.ent_type_ != "DATE":
                continue
            label = token.ent_type_ if token.ent_type_ in ("ACTOR", "PLACE", "BOTH", "DATE") else ""
            if label and label != "DATE":
                ids_at[len(words)] = (candidates.get(token.i) or set(), token.text)
            elif not label and (state := self._state_of_adjective(doc, token)) is not None:
                ids_at[len(words)] = ({state}, token.text)  # "Russian jets": Russia
                readings.append((token.text, state))
                label = "ACTOR"
            elif not label and token.text[:1].isupper() and token.lower_ not in self._form_words:
                # a capitalised word no name matched: another spelling of one name ("Raqqah", also first: "Raqqah
                # after the battle: ..."), else, past the first word, a name the graph does not know
                spelled = self._spelled_like(token.text, None, on)
                if spelled is not None:
                    ids_at[len(words)] = ({spelled}, token.text)
                    readings.append((token.text, spelled))
                    label = self._kind[spelled]
                elif token.i > 0 and not _NOT_A_NAME.match(token.text) and not _names_a_landmark(doc, token):
                    return None  # a name the graph does not know: the question is about something else
            words.append(Word(token.text if label else token.lower_, label))

        def kind_of(i: int) -> str:
            kinds = {("place" if self._kind[e] == "PLACE" else str(self.graph.get(e).kind)) for e in ids_at[i][0]}
            return kinds.pop() if len(kinds) == 1 else ""

        country = default_country(self.graph)
        def is_country(i: int) -> bool:
            return any(self._kind[e] == "PLACE" and str(self.graph.get(e).kind) == "country" for e in ids_at[i][0])

        gist = read_gist(words, kind_of, country, is_country)
        if gist is None:
            return None
        dated = [i for i, w in enumerate(words) if w.label == "DATE"]
        as_of = words[dated[-1]].text if dated else None
        if dated and words[:dated[-1]] and (any(w.text == "since" for w in words[:dated[-1]])
                                            or words[dated[-1] - 1].text in ("after", "following")
                                            or words[max(dated[-1] - 2, 0)].text in ("after", "following")):
            # "held since the army lost it in March 2015", "after the October 2017 fighting": when a period began,
            # not the day asked about
            as_of = None
        slot = {"control": "PLACE", "sides": "PLACE"}.get(gist.family, "ACTOR")
        entities = [country] if gist.where_default else []
        for i in gist.names:
            ids, written = ids_at[i]
            try:
                entities.append(self._resolve("ENTITY" if gist.family == "profile" else slot, written, ids, text,
                                              as_of or on))
            except (EntityNotFound, AmbiguousName, UnknownQuestion):
                return None
        names = [self.graph.get(e).name for e in entities]
        return Question(text.strip(), gist.family, tuple(entities), (), None, gist.support_type, as_of,
                        readings=tuple((w, e) for w, e in readings if e in entities),
                        read_as=read_as(gist.family, names, gist.support_type))

    def _state_of_adjective(self, doc, token) -> str | None:
        """The state a country's adjective names when the next word is its forces or patronage ("Russian jets"), or
        that its people's plural names ("backed by the Americans", "the Russians"), else None."""
        text = token.text
        after = next((t for t in doc[token.i + 1:] if t.text != "-"), None)
        if text.islower() and after is not None and after.lower_ in _POST_WORDS:
            text = text.capitalize()  # "new syrian foreign minister": the state's post, typed in lower case
        code = _PEOPLES.get(text) if text not in demonyms() else None
        if code is None:
            code = demonyms().get(text)
            if code is None or after is None or after.lower_ not in _FORCES_AFTER or after.ent_type_:
                return None
        states = [a.id for a in self.graph.actors if str(a.kind) == "state" and a.country == code]
        return states[0] if len(states) == 1 else None

    def _acronyms_upper(self, text: str) -> str:
        """``text`` with known acronyms written in lower case put in capitals ("isis", "sdf"), except words that
        are also plain English ("us", "is", "it"; "the us" is the US)."""
        if self._acronyms is None:
            self._acronyms = {t for e in [*self.graph.actors, *self.graph.places]
                              for t, exact in self._name_texts(e) if exact and t.isalpha() and t.isupper()}

        def upper(m: re.Match) -> str:
            word = m.group(0)
            if word.upper() not in self._acronyms:
                return word
            if word in _ENGLISH_WORDS and not (word == "us" and re.search(r"\bthe\s+$", text[:m.start()], re.I)):
                return word
            return word.upper()

        return re.sub(r"(?<![\w'-])[a-z]{2,6}(?![\w'-])", upper, text)

    def _parse(self, text: str, on: str | None = None) -> Question:
        if not text or not text.strip():
            raise self._unknown(text or "", None, detail="the question is empty")
        quick = self._quick.read(text.translate(_APOSTROPHES).strip())
        if quick is not None:  # a plain question: read without spaCy, exactly as its strict pass would
            form, values = quick
            return self._question(text, form, values, on)
        return self.parse_with_spacy(text, on=on)

    def parse_with_spacy(self, text: str, *, on: str | None = None) -> Question:
        """:meth:`parse` by spaCy's matchers alone (the strict pass, then the loose one)."""
        doc, candidates = self.mentions(text)
        for key, start, end, align in self._full(self._strict, doc):
            form, slots, _ = self._slots[key]
            values = [(slots[a], doc[i]) for i, a in zip(range(start, end), align, strict=True) if slots[a]]
            return self._question(text, form, [(slot, token.text, candidates.get(token.i)) for slot, token in values],
                                  on)
        first_error: Exception | None = None
        for key, start, end, align in self._full(self._loose, doc):
            form, _, slots = self._slots[key]
            groups: list[tuple[str, list]] = []
            for i, a in zip(range(start, end), align, strict=True):
                if slots[a] is None:
                    continue
                if groups and groups[-1][0] == slots[a] and groups[-1][2] == a:
                    groups[-1][1].append(doc[i])
                else:
                    groups.append((slots[a], [doc[i]], a))
            values = []
            for n, (slot, tokens, _) in enumerate(groups):
                if slot in _ENTITY_LABELS and n + 1 < len(groups) and groups[n + 1][0] == "ASOF":
                    while len(tokens) > 1 and tokens[-1].lower_ in _DATE_WORDS:  # "Narnia in 2016": not "Narnia in"
                        tokens = tokens[:-1]
                single = candidates.get(tokens[0].i) if len(tokens) == 1 else None
                written = doc.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]  # "Ar-Raqqa", not "Ar - Raqqa"
                values.append((slot, written, single))
            try:
                return self._question(text, form, values, on)
            except (EntityNotFound, AmbiguousName, UnknownQuestion) as exc:
                first_error = first_error or exc
        if first_error is not None:
            raise first_error
        raise self._unknown(text, doc)

    # ------------------------------------------------------------------ helpers

    @staticmethod
    def _full(matcher, doc):
        hits = matcher(doc, with_alignments=True)
        full = [(matcher.vocab.strings[m], s, e, a) for m, s, e, a in hits if s == 0 and e == len(doc)]
        return sorted(full, key=lambda h: int(h[0][4:]))

    def _question(self, text: str, form: Form, values, on: str | None = None) -> Question:
        entities, dates, days, as_of, readings = [], [], None, None, []
        on = next((value for slot, value, _ in values if slot == "ASOF"), None) or on
        for slot, value, ids in values:
            if slot == "DATE":
                dates.append(value)
            elif slot == "ASOF":
                as_of = value
            elif slot == "NUMBER":
                if not value.isdigit() or int(value) <= 0:
                    raise self._unknown(text, None, detail=f"{value!r} is not a whole number of days")
                unit = text.lower()
                days = int(value) * (7 if re.search(r"\bweeks?\b", unit) else 1)
            else:
                entity = self._resolve(slot, value, ids, text, on)
                entities.append(entity)
                if not ids and not self.graph.named(value) and entity != value:
                    readings.append((value, entity))
        return Question(text.strip(), form.family, tuple(entities), tuple(dates), days, form.support_type, as_of,
                        readings=tuple(readings))

    def _alive(self, ids: list[str], on: str | None) -> list[str]:
        """Those of ``ids`` that may have existed on the date ``on`` (all of them with no date or a bad one)."""
        if on is None or not hasattr(self.graph, "alive_on"):
            return ids
        try:
            return self.graph.alive_on(ids, on)
        except ValueError:
            return ids  # a malformed date is reported by the explainer, with its own message

    def _resolve(self, slot: str, value: str, ids: set[str] | None, text: str, on: str | None = None) -> str:
        places = {"ACTOR": False, "PLACE": True, "ENTITY": None}[slot]
        if ids:
            fitting = sorted(i for i in ids if places is None or (self._kind[i] == "PLACE") is places)
            if places is None and len(fitting) > 1:  # Syria the state and Syria the country: the actor
                actors = [i for i in fitting if self._kind[i] == "ACTOR"]
                fitting = actors if len(actors) == 1 else fitting
            if len(fitting) > 1:  # a name beats an alias
                named = [i for i in fitting if fold_name(self.graph.get(i).name) == fold_name(value)
                         or i == value.lower()]
                fitting = named if len(named) == 1 else fitting
            if len(fitting) > 1:  # a name that passed from one actor to another: the one alive at the date
                alive = self._alive(fitting, on)
                fitting = alive if len(alive) == 1 else fitting
            if len(fitting) == 1:
                return fitting[0]
            if len(fitting) > 1:
                raise AmbiguousName(value, [(i, self.graph.get(i).name) for i in fitting])
        try:
            return self.graph.resolve(value, places=places, on=on)
        except EntityNotFound as exc:
            spelled = self._spelled_like(value, places, on)
            if spelled is not None:
                return spelled
            if exc.suggestions:
                raise
            what = {False: "an actor", True: "a place", None: "an actor or a place"}[places]
            raise self._unknown(text, None, detail=f"{value!r} is not {what} I know") from None

    def _spelled_spans(self, doc, on: str | None) -> dict[int, tuple[int, str]]:
        """Runs of two to five words no name matched that spell an Arabic name another way, with its article
        ("jaish al-fatah", "hurras al deen"), by the token where each starts: (the token after it, the entity).

        Only runs holding an article (al, el, ad, ash...) are tried, longest first, so plain English words are
        never read as a name; the entity must be the only one the spelling fits (:meth:`_spelled_like`)."""
        # the run starts with a word no name matched; later words may be part of a name matched alone ("al-fatah")
        free = [t.ent_type_ != "DATE" and (not t.is_punct or t.text == "-") for t in doc]
        out: dict[int, tuple[int, str]] = {}
        i = 0
        while i < len(doc):
            found = None
            for end in range(min(len(doc), i + 5), i + 1, -1):
                span = doc[i:end]
                if doc[i].ent_type_ or not all(free[i:end]) or span[0].text == "-" or span[-1].text == "-":
                    continue
                if not any(t.lower_ in _ARTICLE_WORDS or _ARTICLE_PREFIX.match(t.lower_) for t in span[1:]):
                    continue
                if any(t.lower_ in self._form_words for t in span if t.lower_ not in _ARTICLE_WORDS):
                    continue
                entity = self._spelled_like(span.text, None, on)
                if entity is not None:
                    found = (end, entity)
                    break
            if found:
                out[i] = found
                i = found[0]
            else:
                i += 1
        return out

    def _spelled_like(self, value: str, places: bool | None, on: str | None) -> str | None:
        """The one entity (alive on the date, if several) whose name ``value`` spells another way, if any.

        Reporting romanises Arabic names many ways (Raqqah, Dayr az-Zawr, Qamishly); a question written
        with a spelling the record lacks is read as the entity whose name it varies, when exactly one
        fits (:func:`graph.names.spelling_key`). The answer notes the reading.
        """
        if not hasattr(self.graph, "spelled_like"):
            return None
        ids = self.graph.spelled_like(value, places=places)
        if places is None and len(ids) > 1:  # Syria the state and Syria the country: the actor
            actors = [i for i in ids if self._kind.get(i) == "ACTOR"]
            ids = actors if len(actors) == 1 else ids
        if len(ids) > 1:
            ids = self._alive(ids, on)
        return ids[0] if len(ids) == 1 else None

    def _unknown(self, text: str, doc, detail: str = "") -> UnknownQuestion:
        if doc is None and text.strip():
            doc = self.mentions(text)[0]
        shape = text.lower()
        if doc is not None:
            shape = " ".join(t.ent_type_ if t.ent_type_ in ("ACTOR", "PLACE", "BOTH", "DATE") else t.lower_
                             for t in doc if not t.is_punct)
            shape = shape.replace("BOTH", "PLACE")
        examples = self.understood_forms()
        shapes = [e.lower().rstrip("?").replace("actor", "ACTOR").replace("place", "PLACE") for e in examples]
        scores = [difflib.SequenceMatcher(None, shape, s).ratio() for s in shapes]
        closest = examples[max(range(len(examples)), key=lambda i: (scores[i], -i))]
        return UnknownQuestion(text, closest, examples, detail)


def _names_a_landmark(doc, token) -> bool:
    """Whether the capitalised ``token`` is part of a landmark's name: the first word after the capitalised run is a
    noun of buildings and sites ("the Mar Elias church", "Tishreen Dam")."""
    after = next((t for t in doc[token.i + 1:] if not t.text[:1].isupper()), None)
    return after is not None and after.lower_ in _LANDMARKS
