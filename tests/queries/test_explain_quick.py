"""The quick reader (no spaCy) answers exactly as spaCy's strict pass, or leaves the question to it."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from loaders import bundled_dataset, load_datasets
from queries.explain.questions import _APOSTROPHES, QuestionParser, load_forms
from queries.explain.quick import tokens
from tests.queries.explain_world import build_world


def spacy_strict(parser: QuestionParser, text: str):
    """What spaCy's strict pass reads: (form, [(slot, text, candidate ids)]) of the first full match, or None."""
    parser._spacy()
    doc, candidates = parser.mentions(text)
    for key, start, end, align in parser._full(parser._strict, doc):
        form, slots, _ = parser._slots[key]
        return form, [(slots[a], doc[i].text, candidates.get(doc[i].i))
                      for i, a in zip(range(start, end), align, strict=True) if slots[a]]
    return None


def _names(graph, places: bool | None):
    out = []
    for e in [*graph.actors, *graph.places]:
        if places is None or e.is_place is places:
            out += [e.id, e.name, *e.aliases]
    return out


def generated_questions(graph, n: int, seed: int) -> list[str]:
    """Questions from every form, with the graph's names (also of the wrong kind), dates, numbers and noise."""
    rng = random.Random(seed)
    pools = {"ACTOR": _names(graph, False), "PLACE": _names(graph, True), "ENTITY": _names(graph, None)}
    dates = ["2016", "2019-05", "2024-12-05", "2024-11-26", "2011-03-15"]
    endings = ["", "?", " in 2016?", " as of 2019-05", " on 2024-12-05?", "?!", ".", " in 2016 ?", " now?"]
    forms = load_forms()
    out = []
    while len(out) < n:
        form = rng.choice(forms)
        words = []
        for word in form.words:
            if word in ("ACTOR", "PLACE", "ENTITY"):
                pool = pools[word] if rng.random() < 0.85 else pools["ENTITY"]
                name = rng.choice(pool)
                words.append(("the " if rng.random() < 0.2 else "") + name)
            elif word == "DATE":
                words.append(rng.choice(dates))
            elif word == "NUMBER":
                words.append(rng.choice(["30", "2", "45", "ten", "1,000"]))
            else:
                optional = word.endswith("?")
                if optional and rng.random() < 0.5:
                    continue
                words.append(rng.choice(word.rstrip("?").split("|")))
        text = " ".join(words).replace(" 's", "'s" if rng.random() < 0.8 else " 's")
        text = text[0].upper() + text[1:] + rng.choice(endings)
        if rng.random() < 0.1:
            text = text.lower()
        elif rng.random() < 0.05:
            text = text.upper()
        out.append(text)
    return out


@pytest.fixture(scope="module")
def corpus_parser():
    return QuestionParser(load_datasets([bundled_dataset("syria")]))


@pytest.fixture(scope="module")
def world_parser():
    return QuestionParser(build_world())


@pytest.mark.parametrize("which,seed", [("corpus", 1), ("corpus", 2), ("world", 3)])
def test_quick_reading_agrees_with_spacy_on_every_form(request, which, seed):
    parser = request.getfixturevalue(f"{which}_parser")
    questions = generated_questions(parser.graph, 1500, seed)
    answered = agreed_by_spacy = 0
    for text in questions:
        expected = spacy_strict(parser, text)
        got = parser._quick.read(text.translate(_APOSTROPHES).strip())
        if got is not None:
            answered += 1
            assert got == expected, text
        agreed_by_spacy += expected is not None
    # the quick path does the work: it reads most questions spaCy's strict pass reads
    assert answered >= 0.8 * agreed_by_spacy, (answered, agreed_by_spacy)


@pytest.mark.parametrize("text", [
    "Who is fighting in Syria?", "Who are the SDF's backers?", "Who supports Hay'at Tahrir al-Sham as of 2019-05?",
    "What changed in Syria between 2024-11-26 and 2024-12-10?", "What is IS?", "who backs jabhat al-nusra",
    "What changed in Syria in the last 30 days?", "How are Russia and Turkey connected?",
    # a final stop after a name in another script: spaCy alone would leave it on the name's last word
    "Who leads هيئة تحرير الشام.", "Who were leading ܡܘܬܒܐ ܦܘܠܚܝܐ ܣܘܪܝܝܐ.",
])
def test_plain_questions_are_read_quickly(corpus_parser, text):
    got = corpus_parser._quick.read(text)
    assert got is not None and got == spacy_strict(corpus_parser, text)


@pytest.mark.parametrize("text", [
    "Who supports the U.S.?", "Who backs (HTS)?", "Who fights YPG/SDF?",
    "What changed in Syria in the last ten days?", "What changed in Syria in the last 1,000 days?",
    "Who supports F-16 pilots?", "Who is fighting in Syria in 2016-2017?",
])
def test_what_spacy_might_split_otherwise_is_left_to_spacy(corpus_parser, text):
    assert corpus_parser._quick.read(text) is None

    def outcome(read):
        try:
            return read(text)
        except Exception as exc:  # noqa: BLE001 - the same error is the same outcome
            return type(exc), str(exc)

    # the form reading (quick reader, then spaCy) against spaCy alone; `parse` adds later fallbacks (place words,
    # compass, gist) to both alike
    assert outcome(corpus_parser._parse) == outcome(corpus_parser.parse_with_spacy)


def test_the_tokenizer_splits_like_spacy_where_it_answers():
    import spacy

    nlp = spacy.blank("en")
    for text in ["Who are the SDF's backers?", "Who supports Hay'at Tahrir al-Sham?", "Who is fighting in Syria?!",
                 "What changed in Syria in the last 30 days?", "who backs jaysh al-islam,",
                 "Who supports al-Qa'ida's men?",
                 "Who backs the Assad's", "Who supports 2nd-army?", "Tell me about Syria."]:
        assert [t.text for t in tokens(text)] == [t.text for t in nlp.make_doc(text)], text


def test_explain_on_a_plain_question_never_imports_spacy(tmp_path):
    code = ("import sys\n"
            "from loaders import bundled_dataset, load_datasets\n"
            "from queries.explain import explain, render\n"
            "g = load_datasets([bundled_dataset('seed')])\n"
            "text = render(explain(g, 'Who supports the Assad government?', as_of='2016'), 'markdown')\n"
            "assert 'Russia' in text, text\n"
            "print('spacy' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
