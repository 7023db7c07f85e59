"""Template files: headers, pairs, parameters, user folders, and the by-value SPARQL binding."""

from __future__ import annotations

import re

import pytest
from rdflib import Literal, URIRef

from queries.engines.sparql_params import bind_terms, sparql_bindings
from queries.template import PARAM_TYPES, TemplateError, load_templates, parse_header

TEMPLATES = load_templates()
REQUIRED = {"actor-profile", "supporters-of", "supported-by", "opponents-of", "allies-of", "fighting", "network-as-of",
            "changes-between", "lineage", "members-of", "timeline", "support-by-type", "contested-claims", "controls",
            "path-between"}


def test_the_issue_templates_exist():
    assert REQUIRED <= set(TEMPLATES)


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_pairs_declare_the_same_header_and_use_their_params(name):
    t = TEMPLATES[name]
    assert parse_header(t.cypher) == parse_header(t.sparql)
    assert t.columns and all(p.type in PARAM_TYPES for p in t.params)
    for p in t.params:  # every declared parameter is used, through itself or its derived values
        assert re.search(rf"\$({p.name}|{p.name}_\w+|as_of_lo|certain|known_at)\b", t.cypher), p.name
    select = re.search(r"SELECT\s+(DISTINCT\s+)?(.*?)\s+WHERE", t.sparql, re.S).group(2)
    assert len(select.split()) == len(t.columns)
    if any(p.name in ("as_of", "certainty") for p in t.params) and name != "changes-between":
        assert "STR(?from" in t.sparql  # ISO-text comparison, exact on Virtuoso too


def test_time_templates_take_as_of_and_certainty():
    timeless = {"lineage", "actor-profile", "find-actors", "changes-between"}
    for name, t in TEMPLATES.items():
        names = {p.name for p in t.params}
        if name not in timeless:
            assert {"as_of", "certainty", "known_as_of"} <= names, name


def test_bind_resolves_names_and_checks_types(seed_graph):
    t = TEMPLATES["supporters-of"]
    assert t.bind(seed_graph, {"actor": "the regime"}).values["actor"] == "assad-government"
    with pytest.raises(TemplateError, match="needs the parameter 'actor'"):
        t.bind(seed_graph, {})
    with pytest.raises(TemplateError, match="as_of"):
        t.bind(seed_graph, {"actor": "russia", "as_of": "June 2016"})
    with pytest.raises(TemplateError, match="certainty"):
        t.bind(seed_graph, {"actor": "russia", "certainty": "maybe"})
    with pytest.raises(TemplateError, match="no parameter"):
        t.bind(seed_graph, {"actor": "russia", "colour": "red"})
    with pytest.raises(TemplateError, match="between 0001-01-02 and 9999-12-30"):
        t.bind(seed_graph, {"actor": "russia", "as_of": "9999"}).days()


def test_derived_time_values_follow_the_reading(seed_graph):
    t = TEMPLATES["supporters-of"]
    possible = t.bind(seed_graph, {"actor": "russia", "as_of": "2016"}).days()
    certain = t.bind(seed_graph, {"actor": "russia", "as_of": "2016", "certainty": "certain"}).days()
    assert possible["as_of_lo"] == possible["as_of_last"] and possible["as_of_hi"] == possible["as_of_first"]
    assert certain["as_of_lo"] == certain["as_of_first"] and certain["as_of_hi"] == certain["as_of_last"]
    assert possible["as_of_last"] - possible["as_of_first"] == 365  # 2016 is a leap year
    bindings = sparql_bindings(t.bind(seed_graph, {"actor": "russia", "as_of": "2016"}))
    assert bindings["actor"] == URIRef("https://w3id.org/actorgraph/id/actor/russia")
    assert bindings["has_known_as_of"] == Literal(False) and bindings["known_at"] == Literal("9999-12-30")


def test_bind_terms_escapes_and_refuses_projected_params():
    hostile = Literal('x" } ; DROP ALL ; INSERT DATA { <a> <b> "c')
    text = bind_terms('SELECT ?n WHERE { ?a <p> ?n FILTER(CONTAINS(?n, ?text)) } # ?text', {"text": hostile})
    assert text.count("DROP ALL") == 1 and '\\" } ; DROP ALL' in text and text.endswith("# ?text")
    assert bind_terms('SELECT ?n WHERE { ?n <p> "?text" }', {"text": hostile}).endswith('"?text" }')
    with pytest.raises(ValueError, match="projected"):
        bind_terms("SELECT ?text WHERE { ?text <p> ?o }", {"text": hostile})


def test_user_template_folder_errors(tmp_path):
    (tmp_path / "lonely.cypher").write_text("// name: lonely\n// description: x\n// columns: a\nRETURN 1 AS a\n")
    with pytest.raises(TemplateError, match="lacks lonely.rq"):
        load_templates([tmp_path])
    with pytest.raises(TemplateError, match="does not exist"):
        load_templates([tmp_path / "missing"])
    (tmp_path / "lonely.rq").write_text("# name: lonely\n# description: x\n# param: n: number -- x\n# columns: a\n")
    with pytest.raises(TemplateError, match="unknown param type 'number'"):
        load_templates([tmp_path])
    (tmp_path / "lonely.rq").write_text("# name: lonely\n# description: x\n# columns: b\nSELECT ?b WHERE {}\n")
    with pytest.raises(TemplateError, match="different names, parameters or columns"):
        load_templates([tmp_path])


def _subqueries(text: str) -> list[str]:
    """The body of every ``{ SELECT ... }`` group of a SPARQL text, nested ones included."""
    out = []
    for m in re.finditer(r"\{\s*SELECT\b", text):
        depth, i = 0, m.start()
        while True:
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
            if depth == 0:
                break
        out.append(text[m.start():i])
    return out


def test_path_between_never_matches_a_claim_with_both_ends_free():
    """Each subquery that matches claims is anchored on ``?actor`` or ``?other`` (Oxigraph evaluates a
    subquery on its own, so a link with two free ends is a scan of every claim: seconds at 100k claims)."""
    sparql = re.sub(r"#[^\n]*", "", TEMPLATES["path-between"].sparql)
    subqueries = [q for q in _subqueries(sparql) if "ag:subject" in q]
    assert len(subqueries) >= 8
    for q in subqueries:
        inner = q
        for nested in _subqueries(q)[1:]:
            inner = inner.replace(nested, "")
        assert "?actor" in inner or "?other" in inner or "ag:subject" not in inner, q
