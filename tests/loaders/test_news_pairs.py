"""News extraction, fifth pass of issue 16: pair readings (loaders/news/pairs.py), "X and Y provinces"
(loaders/news/mentions.py) and the recall ceilings (loaders/news/ceiling.py).

Each test is written on sentences made up for it (not copied from articles) and fails if its mechanism is
broken: the reading it wants is missing or points the wrong way, or the reading it rules out appears.
"""

from __future__ import annotations

import textwrap

import pytest

from loaders import bundled_dataset, load_datasets
from loaders.news import build_nlp, extract
from loaders.news.ceiling import STAGES, ceilings


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(load_datasets([bundled_dataset("syria")]))


def readings(text, nlp, published="2019-03-01"):
    """(subject, predicate, object) -> rule, for every candidate."""
    return {(c.subject, c.predicate, c.object): c.rule for c in extract(text, nlp, published=published).candidates}


# ---------------------------------------------------------------- pair readings

def test_two_names_no_rule_joins_get_a_pair_reading(nlp):
    # words between the verb and the name that fit no rule's shape
    text = ("Russian warplanes on Tuesday struck depots that local sources described as belonging to "
            "Hayat Tahrir al-Sham.")
    ex = extract(text, nlp, published="2023-08-22")
    pair = [c for c in ex.candidates if c.rule == "pair"]
    assert [(c.subject, c.predicate, c.object) for c in pair] == [("russia", "fights", "hts")]
    feats = dict(pair[0].features)
    assert feats["rule:pair"] == 1.0 and "pair-names-between" in feats and "pair-trigger-distance" in feats


def test_a_passive_agent_after_an_insertion_is_the_subject(nlp):
    got = readings("Hezbollah units near the border have been supported for a decade, officials said, by Tehran.", nlp)
    assert got.get(("iran", "supports", "hezbollah")) == "pair"
    assert ("hezbollah", "supports", "iran") not in got


def test_a_negated_verb_gives_no_pair_reading(nlp):
    assert not readings("Turkey did not, officials insisted, attack the positions of the YPG near Afrin.", nlp)


def test_a_name_inside_an_insertion_is_not_the_subject(nlp):
    got = readings("The SDF, an alliance with American advisers, has for years battled with remarkable persistence "
                   "against the Islamic State.", nlp)
    assert ("sdf", "fights", "islamic-state") in got
    assert ("usa", "fights", "islamic-state") not in got


def test_the_first_half_of_a_compound_is_not_a_subject(nlp):
    got = readings("Turkish-backed factions later clashed, a monitor said, with the SDF near Manbij.", nlp)
    assert got.get(("turkey", "supports", "sna")) == "compound"
    assert ("turkey", "fights", "sdf") not in got and ("sdf", "fights", "turkey") not in got


def test_a_rule_reading_is_not_doubled_by_a_pair_reading(nlp):
    got = readings("Iran armed Hezbollah throughout the war.", nlp)
    assert got == {("iran", "supports", "hezbollah"): "active"}


def test_pair_readings_are_weighed_by_the_shipped_calibrator(nlp):
    from loaders.news.calibrate import load_calibrator

    assert load_calibrator().knows("pair")  # the calibrator was refitted with pair readings in its training rows
    ex = extract("Russian warplanes on Tuesday struck depots that local sources described as belonging to "
                 "Hayat Tahrir al-Sham.", nlp, published="2023-08-22")
    assert all(0.0 < c.confidence < 1.0 for c in ex.candidates)


# ---------------------------------------------------------------- a list of cities before "provinces"

def test_a_list_of_cities_before_provinces_names_the_provinces(nlp):
    got = readings("Hayat Tahrir al-Sham seized most of Idlib and Hama provinces in the offensive.", nlp)
    assert {("hts", "controls", "idlib-governorate"), ("hts", "controls", "hama-governorate")} <= set(got)
    assert not {("hts", "controls", "idlib"), ("hts", "controls", "hama")} & set(got)
    got = readings("Hayat Tahrir al-Sham seized Idlib and Hama in the offensive.", nlp)  # no "provinces": the cities
    assert {("hts", "controls", "idlib"), ("hts", "controls", "hama")} <= set(got)


# ---------------------------------------------------------------- the ceilings

def test_ceilings_count_where_each_gold_relation_is_lost(tmp_path, nlp):
    gold = tmp_path / "gold.yaml"
    gold.write_text(textwrap.dedent("""\
        dataset: syria
        articles:
        - id: t1
          split: dev
          published: '2019-03-01'
          text: Iran armed Hezbollah. Russia was also there.
          claims:
          - iran supports hezbollah
          - russia supports hezbollah
          - qatar supports hezbollah
        - id: t2
          split: test
          published: '2019-03-01'
          text: Iran armed Hezbollah.
          claims:
          - iran supports hezbollah
        """), encoding="utf-8")
    result = ceilings(gold, split="dev", nlp=nlp)
    t = result["totals"]
    assert result["articles"] == 1 and t["gold"] == 3
    assert t["mentioned"] == 2  # Qatar is never named
    assert t["one sentence"] == 1  # Russia and Hezbollah stand in different sentences
    assert t["candidate pair"] == t["candidate triple"] == t["scored"] == 1
    assert [t[s] for s in STAGES] == sorted((t[s] for s in STAGES), reverse=True)
    assert result["lost"]["mentioned"] == ["t1: qatar supports hezbollah"]
    assert result["lost"]["one sentence"] == ["t1: russia supports hezbollah"]
