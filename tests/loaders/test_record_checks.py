"""What `actorgraph validate` says about knowledge time and the integrity of a dataset, with file and line.

Errors stop a load (a source that reports an event before it happened); warnings do not (a bound no
source reports, a control without an extent, two claims of one relation, an actor that ceased with no
end date, a friendly and a hostile relation on one day, a one-off event left open).
"""

from __future__ import annotations

import textwrap

import pytest

from loaders import load_datasets, read_dataset
from ontology import DatasetInvalid

BASE = """\
actors:
  - {id: north, name: Northland, kind: state}
  - {id: south, name: Southland, kind: state}
  - id: front
    name: Liberation Front
    kind: armed_group
    founded: 2012-03
    sources:
      - {id: s2012, attests: [founded]}
  - {id: old, name: Old Front, kind: armed_group, founded: 2011}
places:
  - {id: cap, name: Capital, kind: city, lat: 33.5, lon: 36.3}
sources:
  - {id: s2011, title: Early report, publisher: Agency, url: "https://example.org/1", published: 2011-05-02}
  - {id: s2012, title: Founding report, publisher: Agency, url: "https://example.org/2", published: 2012-04-01}
  - {id: s2016, title: Later report, publisher: Paper, url: "https://example.org/3", published: 2016-02-10}
  - {id: s2019, title: End report, publisher: Paper, url: "https://example.org/4", published: 2019-11-01}
"""


def _check(tmp_path, claims: str):
    (tmp_path / "data.yaml").write_text(BASE + textwrap.dedent(claims), encoding="utf-8")
    return read_dataset([tmp_path])


def _line(tmp_path, text: str, nth: int = 1) -> int:
    """The line of the ``nth`` line of the written file that contains ``text``."""
    lines = (tmp_path / "data.yaml").read_text(encoding="utf-8").splitlines()
    return [i for i, line in enumerate(lines, 1) if text in line][nth - 1]


def _messages(problems) -> list[str]:
    return [f"{p.line}: {p.field}: {p.message}" for p in problems]


def test_a_source_cannot_report_an_event_before_it_happens(tmp_path):
    ds = _check(tmp_path, """\
        claims:
          - id: c1
            subject: north
            predicate: supports
            object: south
            valid: 2016-02/2019-10
            support_types: [funding]
            sources:
              - {id: s2011, attests: [start]}
              - {id: s2016, attests: [end]}
        """)
    assert [p.field for p in ds.problems] == ["sources[0]", "sources[1]"]
    text = " ".join(_messages(ds.problems))
    assert "'s2011' was published 2011-05-02, before the start it attests (2016-02)" in text
    assert "'s2016' was published 2016-02-10, before the end it attests (2019-10)" in text
    # each problem points at its own citation's line
    assert [p.line for p in ds.problems] == [_line(tmp_path, "- {id: s2011", 2), _line(tmp_path, "- {id: s2016", 2)]
    with pytest.raises(DatasetInvalid):
        load_datasets([tmp_path])


def test_an_announcement_may_come_first(tmp_path):
    ds = _check(tmp_path, """\
        claims:
          - id: c1
            subject: north
            predicate: supports
            object: south
            valid: 2016-02/2019-10
            support_types: [funding]
            sources:
              - {id: s2016, attests: [start]}
              - {id: s2016, attests: [end], announced: true, note: announced the end of funding in October 2019}
        """)
    assert ds.ok and not ds.warnings
    g = load_datasets([tmp_path])
    # the announcement counts as knowledge of the end from its publication
    assert g.as_known("c1", known_as_of="2016-03-01").valid.edtf == "2016-02/2019-10"


def test_attesting_an_end_the_claim_does_not_date_is_refused(tmp_path):
    ds = _check(tmp_path, """\
        claims:
          - {id: c1, subject: north, predicate: opposes, object: south, valid: 2012/..,
             sources: [{id: s2016, attests: [start, end]}]}
        """)
    assert _messages(ds.problems) == [
        f"{_line(tmp_path, 'sources: [{id: s2016')}: sources[0]: source 's2016' attests the end, but the claim's end "
        "is open ('..'); date the end or drop 'end' from attests"]


def test_an_actor_source_cannot_report_a_founding_before_it(tmp_path):
    text = BASE.replace("- {id: s2012, attests: [founded]}", "- {id: s2011, attests: [founded]}")
    (tmp_path / "data.yaml").write_text(text, encoding="utf-8")
    ds = read_dataset([tmp_path])
    assert [p.field for p in ds.problems] == ["sources[0]"]
    assert "before the founded date it attests (2012-03)" in ds.problems[0].message


def test_bounds_no_source_reports_are_warnings(tmp_path):
    ds = _check(tmp_path, """\
        claims:
          - id: c1
            subject: north
            predicate: opposes
            object: south
            valid: 2012/2018-06
            sources: [s2016]
          - id: c2
            subject: north
            predicate: opposes
            object: front
            valid: 2017/2018
            sources: [s2016]
        """)
    assert ds.ok
    messages = _messages(ds.warnings)
    assert any("no source reports the end (2018-06)" in m for m in messages)
    assert any("'s2016' (published 2016-02-10) reports neither bound" in m for m in messages)
    assert any("no source reports the start (2017)" in m for m in messages)
    g = load_datasets([tmp_path])
    # a bound no source reports is known from the last day it may have happened, never before
    assert g.as_known("c1", known_as_of="2018-06-29").valid.edtf == "2012/.."
    assert g.as_known("c1", known_as_of="2018-06-30").valid.edtf == "2012/2018-06"
    assert g.as_known("c2", known_as_of="2017-06-01") is None


def test_control_needs_an_extent_and_two_controllers_need_parts(tmp_path):
    ds = _check(tmp_path, """\
        claims:
          - {id: c1, subject: north, predicate: controls, object: cap, valid: 2013/2016,
             sources: [{id: s2016, attests: [start]}, {id: s2019, attests: [end]}]}
          - {id: c2, subject: front, predicate: controls, object: cap, valid: 2014/2015,
             qualifiers: {extent: whole}, sources: [{id: s2016, attests: [start, end]}]}
          - {id: c3, subject: south, predicate: controls, object: cap, valid: 2017/..,
             qualifiers: {extent: "half of it"}, sources: [{id: s2019, attests: [start]}]}
        """)
    assert ds.ok
    messages = _messages(ds.warnings)
    assert any(m.startswith(f"{_line(tmp_path, '- {id: c1')}: qualifiers: control of 'cap' without an extent")
               for m in messages)
    assert any("'front' and 'north' (claim 'c1') may both control 'cap'" in m for m in messages)
    assert any("extent 'half of it' is not valid" in m for m in messages)


def test_a_coalition_and_its_member_holding_one_place_is_one_hold(tmp_path):
    """The front was a member of the Old Front's umbrella while both held the capital: no warning for that pair;
    the same two holders after the membership ended are still reported."""
    ds = _check(tmp_path, """\
        claims:
          - {id: m1, subject: front, predicate: member_of, object: old, valid: 2014/2015-06,
             sources: [{id: s2016, attests: [start, end]}]}
          - {id: c1, subject: old, predicate: controls, object: cap, valid: 2014/2015-06,
             qualifiers: {extent: whole}, sources: [{id: s2016, attests: [start, end]}]}
          - {id: c2, subject: front, predicate: controls, object: cap, valid: 2014/2015-06,
             qualifiers: {extent: whole}, sources: [{id: s2016, attests: [start, end]}]}
          - {id: c3, subject: old, predicate: controls, object: cap, valid: 2017/2018,
             qualifiers: {extent: whole}, sources: [{id: s2019, attests: [start, end]}]}
          - {id: c4, subject: front, predicate: controls, object: cap, valid: 2017/2018,
             qualifiers: {extent: whole}, sources: [{id: s2019, attests: [start, end]}]}
        """)
    assert ds.ok
    clashes = [m for m in _messages(ds.warnings) if "may both control" in m]
    line = _line(tmp_path, 'qualifiers: {extent: whole}', nth=4)
    assert clashes == [f"{line}: qualifiers: 'front' and 'old' (claim 'c3') may both "
                       "control 'cap' on the same day; give both an extent (part: <districts>, contested), end one "
                       "when the other begins, or mark one disputed"]


def test_a_backers_army_holding_a_town_with_the_force_it_backs_is_one_hold(tmp_path):
    """Northland backs the front and its army is part of Northland: the army and the front holding the
    capital together is a joint hold; once the backing has ended, the two holders are reported again."""
    (tmp_path / "army.yaml").write_text(textwrap.dedent("""\
        actors:
          - {id: north-army, name: Northland Army, kind: armed_forces}
        """), encoding="utf-8")
    ds = _check(tmp_path, """\
        claims:
          - {id: p1, subject: north-army, predicate: part_of, object: north, valid: ../..,
             sources: [s2011]}
          - {id: b1, subject: north, predicate: supports, object: front, valid: 2014/2016,
             support_types: [weapons], sources: [{id: s2016, attests: [start]}, {id: s2019, attests: [end]}]}
          - {id: c1, subject: north-army, predicate: controls, object: cap, valid: 2015/2015-06,
             qualifiers: {extent: whole}, sources: [{id: s2016, attests: [start, end]}]}
          - {id: c2, subject: front, predicate: controls, object: cap, valid: 2015/2015-06,
             qualifiers: {extent: whole}, sources: [{id: s2016, attests: [start, end]}]}
          - {id: c3, subject: north-army, predicate: controls, object: cap, valid: 2018/2018-06,
             qualifiers: {extent: whole}, sources: [{id: s2019, attests: [start, end]}]}
          - {id: c4, subject: front, predicate: controls, object: cap, valid: 2018/2018-06,
             qualifiers: {extent: whole}, sources: [{id: s2019, attests: [start, end]}]}
        """)
    assert ds.ok
    clashes = [m for m in _messages(ds.warnings) if "may both control" in m]
    assert len(clashes) == 1 and "'front' and 'north-army' (claim 'c3')" in clashes[0], clashes


def test_shared_control_with_parts_is_fine(tmp_path):
    ds = _check(tmp_path, """\
        claims:
          - {id: c1, subject: north, predicate: controls, object: cap, valid: 2013/2016,
             qualifiers: {extent: "part: western districts"},
             sources: [{id: s2016, attests: [start]}, {id: s2019, attests: [end]}]}
          - {id: c2, subject: front, predicate: controls, object: cap, valid: 2014/2015,
             qualifiers: {extent: "part: eastern districts"}, sources: [{id: s2016, attests: [start, end]}]}
        """)
    assert ds.ok and _messages(ds.warnings) == []


def test_one_relation_twice_and_contradictions_are_flagged(tmp_path):
    ds = _check(tmp_path, """\
        claims:
          - {id: a1, subject: north, predicate: allied_with, object: south, valid: 2013/2016,
             sources: [{id: s2016, attests: [start]}, {id: s2019, attests: [end]}]}
          - {id: a2, subject: south, predicate: allied_with, object: north, valid: 2014/..,
             sources: [{id: s2016, attests: [start]}]}
          - {id: f1, subject: north, predicate: fights, object: south, valid: 2015-03/2015-06,
             sources: [{id: s2016, attests: [start, end]}]}
          - {id: f2, subject: north, predicate: fights, object: south, valid: 2015-04/2015-05,
             status: disputed, sources: [{id: s2016, attests: [start, end]}]}
        """)
    assert ds.ok
    messages = _messages(ds.warnings)
    assert any("states the same relation as 'a1'" in m for m in messages)  # symmetric: either way round
    contradictions = [m for m in messages if "contradicts" in m]
    assert len(contradictions) == 2 and all("fights contradicts 'a" in m for m in contradictions)


def test_a_ceased_actor_needs_an_end_and_a_one_off_event_a_date(tmp_path):
    ds = _check(tmp_path, """\
        claims:
          - {id: m1, subject: old, predicate: merged_into, object: front, valid: 2014-05,
             sources: [{id: s2016, attests: [start]}]}
          - {id: e1, subject: north, predicate: fights, object: front, valid: 2015-06/,
             qualifiers: {episode: Border raid}, sources: [{id: s2016, attests: [start]}]}
        """)
    assert ds.ok
    messages = _messages(ds.warnings)
    assert any("'old' merged here (2014-05) but its record has no 'dissolved' date" in m for m in messages)
    assert any("leaves a one-off event ('Border raid') open" in m for m in messages)


def test_strict_validate_fails_on_warnings(tmp_path, capsys):
    from loaders.cli.main import main

    _check(tmp_path, """\
        claims:
          - {id: c1, subject: north, predicate: controls, object: cap, valid: 2013/..,
             sources: [{id: s2016, attests: [start]}]}
        """)
    assert main(["validate", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ok: ") and "warning:" in out and "without an extent" in out
    assert main(["validate", "--strict", str(tmp_path)]) == 1


def test_one_claim_stated_in_two_files_is_one_claim_citing_both(tmp_path):
    (tmp_path / "data.yaml").write_text(BASE, encoding="utf-8")
    claim = """\
claims:
  - {{id: shared, subject: north, predicate: opposes, object: south, valid: 2016-01/.., status: reported,
     sources: [{{id: {source}, attests: [start]}}]}}
"""
    (tmp_path / "a.yaml").write_text(claim.format(source="s2016"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(claim.format(source="s2019"), encoding="utf-8")
    g = load_datasets([tmp_path])
    assert g.claim("shared").source_ids == ("s2016", "s2019")
    # the same id saying something else is still refused, naming both places
    (tmp_path / "b.yaml").write_text(claim.format(source="s2019").replace("reported", "alleged"), encoding="utf-8")
    ds = read_dataset([tmp_path])
    assert [p.field for p in ds.problems] == ["id"]
    assert "duplicate claim id 'shared' (first at" in ds.problems[0].message
