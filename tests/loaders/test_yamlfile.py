"""The YAML reader: plain text values with their lines, within limits, with every refusal located."""

from __future__ import annotations

import pytest

from loaders.yamlfile import YamlLimits, parse_yaml


def test_values_stay_text_and_nulls_are_none():
    doc, problems = parse_yaml("a: 2015\nb: no\nc: ~\nd:\ne: ''\nf: 'null'\n", "t.yaml")
    assert problems == [] and doc.value == {"a": "2015", "b": "no", "c": None, "d": None, "e": "", "f": "null"}


def test_lines_of_values_and_of_aliased_values():
    doc, _ = parse_yaml("src: &s\n  - id: s1\nclaims:\n  - sources: *s\n  - sources:\n      - id: s2\n", "t.yaml")
    assert doc.line(("claims", 0, "sources")) == 4
    assert doc.line(("claims", 1, "sources", 0, "id")) == 6
    assert doc.value["claims"][0]["sources"] == [{"id": "s1"}]


def test_sharing_an_anchor_many_times_is_fine():
    """A source list anchored once and aliased by many claims is ordinary use, not a bomb."""
    claims = "".join(f"  - {{id: c{i}, sources: *s}}\n" for i in range(5000))
    doc, problems = parse_yaml("shared: &s [{id: s1, note: n}, {id: s2}]\nclaims:\n" + claims, "t.yaml")
    assert problems == [] and len(doc.value["claims"]) == 5000


@pytest.mark.parametrize("levels, refused", [(4, False), (6, True)])
def test_alias_expansion_is_bounded_by_what_the_file_writes(levels, refused):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, levels)]
    doc, problems = parse_yaml("\n".join(lines), "bomb.yaml", limits=YamlLimits(alias_values=100_000))
    assert (doc is None) == refused
    if refused:
        assert problems[0].line <= levels and "alias bomb" in problems[0].message


def test_depth_limit_is_exact():
    limits = YamlLimits(max_depth=4)
    assert parse_yaml("a: [[[x]]]", "t", limits=limits)[1] == []
    doc, problems = parse_yaml("a: [[[[x]]]]", "t", limits=limits)
    assert doc is None and "deeper than 4" in problems[0].message


def test_core_tags_are_plain_text_and_others_are_refused_without_being_built():
    doc, problems = parse_yaml("a: !!str 2015\nb: !!int 7\n", "t")
    assert problems == [] and doc.value == {"a": "2015", "b": "7"}
    doc, problems = parse_yaml("a: !!python/name:os.system x\nb: !!binary aGk=\n", "t")
    assert [p.line for p in problems] == [1, 2] and doc.value["a"] == "x"


def test_duplicate_keys_and_complex_keys_are_located():
    _, problems = parse_yaml("a: 1\nb: 2\na: 3\n[x]: 4\n", "t")
    assert [(p.line, p.field) for p in problems] == [(3, "a"), (4, "")]


@pytest.mark.parametrize("text, line", [
    ('a: "open\nb: 1\nc: 2\n', 1),
    ("a: [1, 2\nb: 3\n", 1),
    ("a: {x: 1\n", 1),
    ("a: 1\n b: 2\n", 2),
])
def test_syntax_errors_point_at_the_line_to_fix(text, line):
    doc, problems = parse_yaml(text, "t")
    assert doc is None and problems[0].line == line and "YAML syntax error" in problems[0].message


def test_an_empty_file_has_no_value_and_no_problem():
    doc, problems = parse_yaml("", "t")
    assert doc.value is None and problems == []
    doc, problems = parse_yaml("# only a comment\n", "t")
    assert doc.value is None and problems == []
