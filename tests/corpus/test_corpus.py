"""The bundled Syria corpus: it loads, it is sourced, it is coherent, and it covers what it promises."""

from collections import Counter

import pytest

from loaders import bundled_dataset, load_datasets, read_dataset
from ontology import RelationKind


@pytest.fixture(scope="module")
def syria():
    return load_datasets([bundled_dataset("syria")])


def test_loads_and_validates_without_a_single_problem():
    ds = read_dataset([bundled_dataset("syria")])
    assert ds.problems == []


def test_size_and_span(syria):
    assert len(syria.actors) >= 90
    assert len(syria) >= 350
    years = Counter()
    for c in syria.all_claims():
        for side in (c.valid.start, c.valid.end):
            if hasattr(side, "year"):
                years[side.year] += 1
    assert all(years[y] > 0 for y in range(2011, 2026)), sorted(years.items())


def test_every_relation_kind_is_used(syria):
    used = {c.predicate for c in syria.all_claims()}
    assert used == set(RelationKind)


def test_every_claim_has_a_real_looking_source_with_a_note(syria):
    for c in syria.all_claims():
        assert c.citations, c.id
        for cite in c.citations:
            source = syria.source(cite.source)
            assert source.url.startswith(("https://", "http://")), source.id
            assert source.title.strip() and source.publisher.strip(), source.id
            assert len(cite.note.strip()) >= 15, f"{c.id}: citation of {cite.source} needs a note"


def test_no_two_sources_share_a_url(syria):
    urls = Counter(s.url for s in syria.sources)
    assert [u for u, n in urls.items() if n > 1] == []


def test_every_source_is_cited(syria):
    records = (*syria.all_claims(), *syria.actors, *syria.places)  # an actor's own sources count too
    cited = {cite.source for r in records for cite in r.citations}
    assert {s.id for s in syria.sources} - cited == set()


def test_no_actor_is_orphaned(syria):
    linked = {e for c in syria.all_claims() for e in (c.subject, c.object)}
    assert [a.id for a in syria.actors if a.id not in linked] == []


def test_lineage_is_acyclic(syria):
    assert syria.lineage_cycles() == []


@pytest.mark.parametrize("name", [
    "Syria", "Russia", "Iran", "Turkey", "United States", "Israel", "Iraq", "Jordan", "Saudi Arabia", "Qatar",
    "United Arab Emirates", "United Kingdom", "France", "Lebanon", "Assad government", "HTS", "Jabhat al-Nusra",
    "Jabhat Fateh al-Sham", "Free Syrian Army", "Ahrar al-Sham", "Jaysh al-Islam", "Nour al-Din al-Zenki",
    "Hurras al-Din", "Turkistan Islamic Party", "Syrian National Army", "National Front for Liberation",
    "Military Operations Command", "Southern Operations Room", "PYD", "YPG", "YPJ", "SDF", "PKK", "ISIS",
    "Islamic State of Iraq", "al-Qaeda in Iraq", "al-Qaeda", "Hezbollah", "IRGC", "Quds Force", "Kata'ib Hezbollah",
    "Harakat al-Nujaba", "Asa'ib Ahl al-Haq", "Popular Mobilization Forces", "Wagner Group",
    "Global Coalition against Daesh", "National Defence Forces", "Bashar al-Assad", "Ahmed al-Sharaa",
    "Abu Mohammad al-Jolani", "Daesh", "ISIL", "Hay'at Tahrir al-Sham", "Tahrir al-Sham",
])
def test_the_actors_a_reader_looks_for_resolve(syria, name):
    assert syria.resolve(name, places=False)


@pytest.mark.parametrize("name", ["Aleppo", "Idlib", "Hama", "Homs", "Damascus", "Raqqa", "Deir ez-Zor", "Manbij",
                                  "Afrin", "Kobani"])
def test_major_cities_have_control_over_time(syria, name):
    place = syria.resolve(name, places=True)
    controls = syria.claims(object=place, predicate="controls")
    assert len({c.subject for c in controls}) >= 2, f"{name}: control should change hands at least once"


def test_the_dw_report_backs_its_facts(syria):
    dw = syria.source("dw-2024-12-05-hama")
    assert dw.publisher == "DW" and str(dw.published) == "2024-12-05"
    cited = [c for c in syria.all_claims() if "dw-2024-12-05-hama" in c.source_ids]
    triples = {(c.subject, c.predicate.value, c.object) for c in cited}
    preds = Counter(c.predicate.value for c in cited)
    assert preds["supports"] >= 4 and preds["controls"] >= 2
    assert any(s == "hts" and p == "offshoot_of" for s, p, _ in triples)
    assert any(s == "hts" and p == "based_in" for s, p, _ in triples)
    assert any(s == "turkey" and p == "opposes" for s, p, _ in triples)
    assert {"russia", "iran"} <= {s for s, p, _ in triples if p == "supports"}


def test_arabic_names_for_the_main_actors(syria):
    for actor_id in ["hts", "assad-government", "islamic-state", "sdf", "hezbollah"]:
        aliases = syria.actor(actor_id).aliases
        assert any("\u0600" <= ch <= "\u06ff" for alias in aliases for ch in alias), actor_id
