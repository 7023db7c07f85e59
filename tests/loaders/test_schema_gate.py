"""The compiled first pass (fastjsonschema) and jsonschema agree on what the dataset schema accepts.

Loading trusts the compiled check to say "valid" and asks jsonschema to explain only what it
rejects, so a document the fast check accepted but jsonschema would reject would lose its
problems. (The other way round is harmless: jsonschema then has the last word. It happens: Python's
``re.search`` lets ``$`` match before a final newline, so jsonschema takes the id "x\\n", which
the fast check refuses and the model's id check then rejects.) Records of the bundled data,
broken in many ways, are put to both.
"""

from __future__ import annotations

import copy
import random

import pytest

from loaders import bundled_dataset
from loaders.dataset import _fast_check, _validator, schema_errors
from loaders.yamlfile import read_yaml

WRONG_VALUES = [None, True, False, 0, 7, -1.5, 1e9, "", " ", "X", "Bad Id", "a b", "x\n", "2015", 2015, "2015-13",
                "2015-02-30", "2015?", "2015/..", "../2015", "/", "2015/2016/2017", "supports", "weapons", "troops",
                "https://example.org/x", "ftp://x", "http://", "SYR", "syr", "35.5", "-36", "1e3", [], [""], ["x"],
                ["weapons", 3], {}, {"id": "s1"}, {"id": "s1", "extra": 1}, {"note": "n"}, {"wikidata": 5}]


def _records():
    out = []
    for path in sorted(bundled_dataset("syria").glob("*.yaml")):
        located, problems = read_yaml(path, str(path))  # dates stay text, as the loader reads them
        assert not problems
        doc = located.value
        for section, items in doc.items():
            if isinstance(items, list):
                out.extend((section, item) for item in items[:40])
    return out


def _mutate(rng: random.Random, record: dict) -> dict:
    record = copy.deepcopy(record)
    for _ in range(rng.choice([1, 1, 2])):
        action = rng.random()
        key = rng.choice(sorted(record)) if record else "id"
        if action < 0.6:
            record[key] = copy.deepcopy(rng.choice(WRONG_VALUES))
        elif action < 0.75:
            record.pop(key, None)
        elif action < 0.85:
            record[rng.choice(["extra", "Subject", "valid_from", "aliases", "qualifiers", "note"])] = \
                copy.deepcopy(rng.choice(WRONG_VALUES))
        elif isinstance(record.get("sources"), list) and record["sources"]:
            record["sources"][0] = copy.deepcopy(rng.choice(WRONG_VALUES))
        else:
            record[key] = [copy.deepcopy(rng.choice(WRONG_VALUES))]
    return record


def _fast_accepts(doc) -> bool:
    try:
        _fast_check()(doc)
    except Exception:
        return False
    return True


@pytest.mark.parametrize("seed", range(4))
def test_fast_check_and_jsonschema_agree_on_broken_records(seed):
    rng = random.Random(seed)
    records = _records()
    rejected = 0
    for _ in range(1500):
        section, record = rng.choice(records)
        doc = {section: [_mutate(rng, record)]}
        slow_ok = not any(True for _ in _validator().iter_errors(doc))
        if _fast_accepts(doc):
            assert slow_ok, doc
        assert (schema_errors(doc) == []) == slow_ok
        rejected += not slow_ok
    assert rejected > 500


def test_the_bundled_data_passes_both():
    for section, record in _records():
        assert _fast_accepts({section: [record]}) and schema_errors({section: [record]}) == []


def test_a_rejected_document_gets_every_error():
    doc = {"claims": [{"id": "Bad Id", "subject": "a", "predicate": "backs", "object": "b", "sources": ["s"]},
                      {"id": "c2", "subject": "a", "predicate": "supports", "object": "b", "sources": []}]}
    paths = [tuple(e.absolute_path) for e in schema_errors(doc)]
    assert ("claims", 0, "id") in paths and ("claims", 0, "predicate") in paths and len(paths) >= 2
