"""News extraction on the way real news is written: the real-text gold set, coreference, headings,
direction and attachment, spellings, and the scoring options that report on them."""

from __future__ import annotations

import json

import pytest

from loaders import bundled_dataset, load_datasets
from loaders.cli.main import main
from loaders.news import DEFAULT_MIN_CONFIDENCE, build_nlp, evaluate, extract, load_gold
from tests.conftest import FIXTURES

REAL = FIXTURES / "extraction" / "real.yaml"


@pytest.fixture(scope="module")
def syria_graph():
    return load_datasets([bundled_dataset("syria")])


@pytest.fixture(scope="module")
def nlp(syria_graph):
    return build_nlp(syria_graph)


def triples(text, nlp, published):
    return {(c.subject, c.predicate, c.object) for c in extract(text, nlp, published=published).candidates}


# ---------------------------------------------------------------- the real-text gold set

def test_real_set_is_large_varied_and_split_once():
    _, articles = load_gold(REAL)
    dev = [a for a in articles if a.split == "dev"]
    test = [a for a in articles if a.split == "test"]
    assert len(articles) >= 40 and len({a.publisher for a in articles}) >= 12
    assert {a.published.year for a in articles} >= set(range(2012, 2026)) - {2011}
    # the frozen test part (21 articles) stays as split; later articles only enlarge the development part,
    # so the test part's share falls as the set grows (21 of 53 at the split, 21 of 112 after the sixth pass)
    assert len(test) == 21 and 0.15 <= len(test) / len(articles) <= 0.45 and len(dev) + len(test) == len(articles)
    assert sum(len(a.claims) for a in test) >= 60


def test_real_set_uses_only_ids_of_its_dataset(syria_graph):
    _, articles = load_gold(REAL)
    unknown = {i for a in articles for c in a.claims for i in (c.subject, c.object) if syria_graph.get(i) is None}
    assert not unknown


def test_kept_sentences_are_separate_paragraphs_and_a_split_can_be_chosen(tmp_path):
    gold = tmp_path / "g.yaml"
    gold.write_text("dataset: syria\narticles:\n- {id: a1, split: test, published: '2020', claims: [],\n"
                    "   segments: [{start: 90, text: Second.}, {start: 0, text: First.}]}\n", encoding="utf-8")
    (only,) = load_gold(gold, split="test")[1]
    assert only.text == "First.\n\nSecond."
    with pytest.raises(ValueError, match="no 'dev' part"):
        load_gold(gold, split="dev")


def test_an_article_without_a_split_is_refused_with_its_id(tmp_path):
    gold = tmp_path / "g.yaml"
    gold.write_text("articles:\n- {id: a9, published: '2020', text: t, claims: []}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="article a9: 'split' must be dev or test"):
        load_gold(gold)


# ---------------------------------------------------------------- the failures the issue names

@pytest.mark.parametrize("text, published, wanted, unwanted", [
    ("The Assad government clawed back territory with the help of Russia, Iran and Hezbollah.", "2024-12-01",
     {("russia", "supports", "assad-government"), ("hezbollah", "supports", "assad-government")},
     {("assad-government", "supports", "russia")}),
    ("Syria (a US foe supported by Iran and Russia) is at war.", "2018",
     {("iran", "supports", "assad-government")}, {("iran", "supports", "usa"), ("russia", "supports", "usa")}),
    ("Hezbollah fired rockets. The Shiite group has been armed by Iran and hardened by years of battling "
     "Israeli troops.", "2024-10",
     {("iran", "supports", "hezbollah"), ("hezbollah", "fights", "israel")}, {("iran", "fights", "israel")}),
    ("The Asad government—backed by Russia, Iran, and aligned militia forces—controls about two thirds of "
     "Syria's territory.", "2024-07-15",
     {("russia", "supports", "assad-government"), ("iran", "supports", "assad-government")},
     {("assad-government", "supports", "russia")}),
])
def test_direction_and_attachment(nlp, text, published, wanted, unwanted):
    got = triples(text, nlp, published)
    assert wanted <= got and not unwanted & got


def test_a_reference_resolves_to_the_sentence_subject_of_a_compatible_kind(nlp):
    ex = extract("Hezbollah is a Shia militant group. It is a key non-state actor backing the Syrian regime.",
                 nlp, published="2016-12")
    (it,) = [m for m in ex.mentions if m.text == "It"]
    assert (it.entity_id, it.via) == ("hezbollah", "coref")
    assert ("hezbollah", "supports", "assad-government") in {(c.subject, c.predicate, c.object)
                                                            for c in ex.candidates}


def test_a_description_holding_a_name_does_not_refer_to_that_name(nlp):
    got = triples("Islamic State militants seized a Syrian air base. The al-Qaeda breakaway group, which is also "
                  "fighting government forces in Iraq, stormed the base.", nlp, "2014-08-25")
    assert ("islamic-state", "offshoot_of", "al-qaeda") in got
    assert ("islamic-state", "fights", "iraq") in got  # government forces abroad are that country's
    assert not {c for c in got if c[0] == "al-qaeda"}


def test_headings_and_list_entries_give_the_subject(nlp):
    got = triples("United States\n\nWhom it opposes: The government of President Bashar Assad.\n\n"
                  "Iran – backs Assad with weapons and its Lebanon-based proxy Hezbollah militia.", nlp, "2015-10")
    assert {("usa", "opposes", "assad-government"), ("iran", "supports", "assad-government"),
            ("iran", "supports", "hezbollah"), ("hezbollah", "based_in", "lbn")} <= got


def test_an_unresolved_reference_gives_no_claim(nlp):
    assert extract("It backs Assad and they fight the regime.", nlp, published="2015").candidates == ()


def test_claims_in_the_json_output_have_both_ends(nlp):
    ex = extract("Rebels captured Hama. HTS backs the rebels.", nlp, published="2024-12-05")
    record = ex.record()
    assert all(c["subject"]["id"] and c["object"]["id"] for c in record["claims"])
    assert any(c["subject"]["id"] is None for c in record["new_actor_claims"])


@pytest.mark.parametrize("text, actor", [
    ("The Asad government met.", "assad-government"),
    ("Hayat Tahrir Al Sham advanced.", "hts"),
    ("The al-Nusrah Front advanced.", "jabhat-al-nusra"),
    ("The U.S.-led coalition struck.", "global-coalition"),
])
def test_transliterated_spellings_link(nlp, text, actor):
    assert actor in extract(text, nlp, published="2016").linked_ids


@pytest.mark.parametrize("text, published, gone", [
    ("Turkish-backed rebels advanced.", "2016-08", "sna"),          # the SNA was founded in December 2017
    ("Government forces clashed with Druze fighters.", "2025-07", "syrian-arab-army"),  # dissolved January 2025
])
def test_a_description_names_only_an_actor_that_existed_then(nlp, text, published, gone):
    assert gone not in extract(text, nlp, published=published).linked_ids


def test_compounds_read_one_way_only(nlp):
    got = triples("Russia began an air campaign against rebel-held areas in Syria.", nlp, "2015-10")
    assert not {c for c in got if c[1] == "controls"}  # "rebel-held" names no graph actor
    assert ("usa", "supports", "sdf") in triples("U.S.-backed Syrian Democratic Forces advanced.", nlp, "2017")


def test_intentions_are_not_facts(nlp):
    got = triples("Thousands of Iranian troops arrived to help retake Aleppo. Russia may decide to support "
                  "the SDF.", nlp, "2015-10")
    assert not got


def test_leaders_from_titles_and_appositions(nlp):
    got = triples("SDF commander Mazloum Abdi met the envoy. The founder of HTS, Abu Muhammad al-Jolani, spoke.",
                  nlp, "2025-03")
    assert {("mazloum-abdi", "leads", "sdf"), ("ahmed-al-sharaa", "leads", "hts")} <= got


# ---------------------------------------------------------------- scoring and calibration

def test_scores_by_relation_kind_rule_and_threshold_add_up(nlp):
    _, articles = load_gold(REAL, split="dev")
    result = evaluate(articles, nlp, curve=True)
    total = result["claims"]
    assert sum(s["tp"] for s in result["by_predicate"].values()) == total["tp"]
    assert sum(s["fp"] for s in result["by_predicate"].values()) == total["fp"]
    assert sum(r["tp"] + r["fp"] for r in result["by_rule"].values()) == total["tp"] + total["fp"]
    proposed = [c["tp"] + c["fp"] for c in result["curve"]]
    assert proposed == sorted(proposed, reverse=True) and result["curve"][0]["tp"] == total["tp"]
    at_default = next(c for c in result["curve"] if c["min_confidence"] == DEFAULT_MIN_CONFIDENCE)
    assert at_default["precision"] >= 0.7  # the default was chosen on this part for precision


def test_eval_extract_cli_reports_a_split_with_its_curve(capsys):
    assert main(["eval-extract", str(REAL), "--split", "dev", "--curve", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["paragraphs"] == len(load_gold(REAL, split="dev")[1])
    assert {"by_predicate", "by_rule", "curve"} <= set(out) and len(out["curve"]) == 20


def test_eval_extract_unknown_split_is_one_line_error(tmp_path, capsys):
    gold = tmp_path / "g.yaml"
    gold.write_text("dataset: syria\narticles:\n- {id: a1, split: dev, published: '2020', text: t, claims: []}\n",
                    encoding="utf-8")
    assert main(["eval-extract", str(gold), "--split", "test"]) == 2
    assert "no 'test' part" in capsys.readouterr().err


# ---------------------------------------------------------------- the second pass: how news states relations

@pytest.mark.parametrize("text, published, wanted, unwanted", [
    # a name's own words can hold a relation: the coalition the US leads, the factions Turkey backs
    ("The U.S.-led coalition bombed Islamic State positions near Raqqa.", "2016-05",
     {("usa", "member_of", "global-coalition"), ("global-coalition", "fights", "islamic-state")}, set()),
    ("Turkish-backed factions attacked the SDF near Manbij.", "2024-12-10",
     {("turkey", "supports", "sna"), ("sna", "fights", "sdf")}, {("turkey", "fights", "sdf")}),
    ("Turkish-backed rebels captured Tal Abyad.", "2019-10-13",
     {("sna", "controls", "tal-abyad")}, {("turkey", "controls", "tal-abyad")}),
    # "X, Y, has ..." names one actor twice; the branch noun gives the relation between them
    ("The Syrian branch of al-Qaeda, the Nusra Front, has seized several villages in Idlib province.", "2014-11",
     {("jabhat-al-nusra", "part_of", "al-qaeda"), ("jabhat-al-nusra", "controls", "idlib-governorate")},
     {("al-qaeda", "controls", "idlib-governorate")}),
    ("Al-Qaeda affiliate Jabhat al-Nusra fought the Syrian army in Idlib.", "2014",
     {("jabhat-al-nusra", "part_of", "al-qaeda"), ("jabhat-al-nusra", "fights", "syrian-arab-army")}, set()),
    # a relative clause whose object is the name before it
    ("Analysts expect a long battle for Raqqa, which IS has held since 2014.", "2017-06",
     {("islamic-state", "controls", "raqqa")}, set()),
    ("Rebels worked with the Nusra Front, which US officials declared a terrorist organization.", "2015-04",
     {("usa", "designates_terrorist", "jabhat-al-nusra")}, set()),
    ("Ankara accuses the YPG of links to the PKK, a designated terrorist organization by Turkey and the EU.",
     "2025-01", {("turkey", "designates_terrorist", "pkk"), ("eu", "designates_terrorist", "pkk")}, set()),
    # possessive nouns whose subject comes first, or in apposition after them
    ("Kurdish fighters have been America's main partner in the war against the Islamic State.", "2015-02",
     {("ypg", "allied_with", "usa"), ("ypg", "fights", "islamic-state")}, set()),
    ("Syria's key backers - Iran and Russia - were busy elsewhere.", "2024-12-02",
     {("iran", "supports", "assad-government"), ("russia", "supports", "assad-government")}, set()),
    ("Turkey distrusts the SDF's main component, the YPG.", "2019",
     {("ypg", "member_of", "sdf")}, set()),
    # fighting stated through nouns, brackets and descriptions
    ("The town saw fierce clashes between Islamic State fighters (IS) and the People's Protection Units (YPG).",
     "2014-10", {("islamic-state", "fights", "ypg")}, set()),
    ("The YPG repelled an advance by IS near the border.", "2014-09", {("ypg", "fights", "islamic-state")}, set()),
    ("Moderate rebels have in the past allied with Nusra in battles against the Syrian regime.", "2014",
     {("jabhat-al-nusra", "fights", "assad-government")}, set()),
    ("Army of Conquest – a newly formed anti-Assad coalition of Islamist groups.", "2015-10",
     {("jaysh-al-fatah", "fights", "assad-government")}, set()),
    # a clause after the object of a preposition is not that object's
    ("It was an offensive by forces opposed to President Bashar Assad that have captured parts of Aleppo.",
     "2024-12-03", set(), {("assad-government", "controls", "aleppo")}),
])
def test_how_news_states_relations(nlp, text, published, wanted, unwanted):
    got = triples(text, nlp, published)
    assert wanted <= got, got
    assert not unwanted & got


def test_a_description_names_an_actor_only_in_its_years(nlp):
    text = "Kurdish fighters battled the Islamic State in Kobani."
    assert ("ypg", "fights", "islamic-state") in triples(text, nlp, "2014-10")
    assert not {c for c in triples(text, nlp, "2020-05") if "ypg" in c}  # later, the YPG or the SDF


def test_a_dateline_is_not_a_mention(nlp):
    ex = extract("BEIRUT (AFP) - Hezbollah fighters battled rebels near Qusair.", nlp, published="2013-05")
    assert "lebanon" not in {m.entity_id for m in ex.mentions}


def test_a_plural_pronoun_is_not_one_state(nlp):
    ex = extract("The United States bombed IS. Syria's allies are fighting them as well.", nlp, published="2015-10")
    assert not [m for m in ex.mentions if m.text == "them" and m.entity_id == "usa"]
