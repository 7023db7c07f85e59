"""Names spelt another way: a question about "Raqqah" or "Dayr az-Zawr" is read as Raqqa, Deir ez-Zor, and says so."""

from __future__ import annotations

import json

import pytest

from graph import Actor, ActorGraph, Place
from graph.names import NameIndex, spelling_key
from loaders.cli.main import main
from ontology import EntityNotFound
from queries.explain import QuestionParser, UnknownQuestion


@pytest.fixture(scope="module")
def parser():
    g = ActorGraph()
    g.add(actors=[Actor("nusra", "Jabhat al-Nusra", "armed_group", aliases=("Nusra Front",)),
                  Actor("saudi", "Saudi Arabia", "state", aliases=("KSA",)),
                  Actor("kss", "Kataib Sayyid al-Shuhada", "militia", aliases=("KSS",))],
          places=[Place("raqqa", "Raqqa", "city", 35.95, 39.01),
                  Place("dez", "Deir ez-Zor", "city", 35.33, 40.14),
                  Place("daraa", "Daraa", "city", 32.62, 36.10),
                  Place("darayya", "Darayya", "town", 33.46, 36.24),
                  Place("maarat", "Maarat al-Numan", "town", 35.64, 36.67),
                  Place("kobani", "Kobani", "city", 36.89, 38.35),
                  Place("hamra", "Hamra", "town", 33.0, 36.0),
                  Place("hamrah", "Hamrah", "town", 34.0, 37.0)])
    return QuestionParser(g)


@pytest.mark.parametrize("text, entity, written", [
    ("Who controls Raqqah?", "raqqa", "Raqqah"),
    ("Who controls Ar-Raqqa?", "raqqa", "Ar-Raqqa"),
    ("Who controls Dayr az-Zawr?", "dez", "Dayr az-Zawr"),
    ("Who is fighting in Deir al-Zour?", "dez", "Deir al-Zour"),
    ("Who controls Maarat an-Nouman?", "maarat", "Maarat an-Nouman"),
    ("Whom does Jabhat al-Nusrah fight?", "nusra", "Jabhat al-Nusrah"),
    ("Who controls Dara?", "daraa", "Dara"),
    ("Who controls Darayya?", "darayya", None),
    ("Who controls the city of Raqqa?", "raqqa", None),  # what the place is, said around its name
    ("Who controls Raqqa city?", "raqqa", None),
    ("Who is fighting in the town of Maarat al-Numan?", "maarat", None),
    ("Who controls the city of Raqqah?", "raqqa", "Raqqah"),
    ("Who captured Raqqa?", "raqqa", None),  # a capture is asked as control at the date
])
def test_a_spelling_variant_is_read_as_the_one_name_it_varies(parser, text, entity, written):
    q = parser.parse(text)
    assert q.entities == (entity,)
    assert q.readings == (((written, entity),) if written else ())


def test_names_the_record_spells_that_way_are_no_readings(parser):
    assert parser.parse("Who controls Raqqa?").readings == ()
    assert parser.parse("Whom does the Nusra Front fight?").readings == ()


@pytest.mark.parametrize("text", ["Who controls Hamraa?",  # Hamra or Hamrah: two fit, none is chosen
                                  "Who controls Zorbulak?",  # nothing fits
                                  "Who controls Kabani?",  # a village of its own, not Kobani: vowels count
                                  "Who controls Darya?"])  # Daraa and Darayya differ by a vowel
def test_a_spelling_that_fits_two_names_or_none_is_not_guessed(parser, text):
    with pytest.raises((EntityNotFound, UnknownQuestion)):
        parser.parse(text)


def test_acronyms_spell_nothing():
    """KSA and KSS reduce to almost the same letters; an acronym is matched as written or not at all."""
    index = NameIndex()
    index.add("saudi", "Saudi Arabia", ["KSA"], is_place=False)
    assert index.spelled_like("Ksaa") == []
    assert index.spelled_like("Saudi Arabiya") == ["saudi"]
    assert spelling_key("Qamishli") == spelling_key("Kamishly") != spelling_key("Qamishli Airport")


def test_the_explainer_says_how_it_read_the_name(capsys):
    code = main(["explain", "Who controls Raqqah?", "--as-of", "2018-06-01", "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [e["id"] for e in out["entities"]] == ["raqqa"]
    assert "'Raqqah' is read as Raqqa, a spelling of its name." in out["notes"]
    assert main(["explain", "Who controls Raqqa?", "--as-of", "2018-06-01", "--format", "json"]) == 0
    assert not any("is read as" in n for n in json.loads(capsys.readouterr().out)["notes"])
