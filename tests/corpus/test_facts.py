"""Researcher-check facts (tests/corpus/facts-*.yaml): date-scoped assertions the corpus must satisfy."""

from pathlib import Path

import pytest
import yaml

from loaders import bundled_dataset, load_datasets

HERE = Path(__file__).resolve().parent


def _facts():
    out = []
    for path in sorted(HERE.glob("facts-*.yaml")):
        for fact in yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["facts"]:
            out.append(pytest.param(fact, id=f"{path.stem}:{fact['id']}"))
    return out


FACTS = _facts()


@pytest.fixture(scope="module")
def syria():
    return load_datasets([bundled_dataset("syria")])


def test_there_are_enough_facts():
    assert len(FACTS) >= 40
    ids = [p.values[0]["id"] for p in FACTS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("fact", FACTS)
def test_fact(syria, fact):
    on = fact["on"]
    certainty = fact.get("certainty", "possible")
    if "actor" in fact:
        assert syria.exists(fact["actor"], on, certainty) == (fact["exists"] == "true"), fact.get("why")
        return
    subject = None if fact["subject"] == "any" else fact["subject"]
    obj = None if fact["object"] == "any" else fact["object"]
    claims = syria.claims(subject=subject, predicate=fact["predicate"], object=obj, as_of=on, certainty=certainty)
    if "support_type" in fact:
        claims = [c for c in claims if fact["support_type"] in {t.value for t in c.support_types}]
    expected = fact["expect"] == "true"
    assert bool(claims) == expected, f"{fact['id']}: {fact.get('why')} (found {[c.id for c in claims]})"
