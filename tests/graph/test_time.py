"""Partial dates and intervals: precision is kept, ends are exclusive, two readings of "holds"."""

from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from graph.time import FAR_FUTURE, Bound, Interval, PartialDate, Precision, day_span
from ontology import Certainty, InvalidDate, InvalidInterval

POSSIBLE, CERTAIN = Certainty.POSSIBLE, Certainty.CERTAIN


@pytest.mark.parametrize(("text", "earliest", "latest", "precision"), [
    ("2015", date(2015, 1, 1), date(2015, 12, 31), Precision.YEAR),
    ("2016-02", date(2016, 2, 1), date(2016, 2, 29), Precision.MONTH),
    ("2015-02", date(2015, 2, 1), date(2015, 2, 28), Precision.MONTH),
    ("2015-09-30", date(2015, 9, 30), date(2015, 9, 30), Precision.DAY),
    ("2015?", date(2015, 1, 1), date(2015, 12, 31), Precision.YEAR),
])
def test_partial_date_is_a_span_not_a_first_day(text, earliest, latest, precision):
    d = PartialDate.parse(text)
    assert (d.earliest, d.latest, d.precision) == (earliest, latest, precision)
    assert str(d) == text


@pytest.mark.parametrize("bad", ["15", "2015-13", "2015-02-30", "2015/09", "Sept 2015", "2015-9-1", "", "2015-00"])
def test_malformed_dates_are_rejected_with_the_expected_form(bad):
    with pytest.raises(InvalidDate, match="YYYY|not a real date"):
        PartialDate.parse(bad)


def test_year_precision_is_not_january_first():
    claim = Interval.parse("2015/..")
    assert claim.holds_on(date(2015, 6, 1), POSSIBLE)
    assert not claim.holds_on(date(2015, 6, 1), CERTAIN)  # it may have begun in December
    assert claim.holds_on(date(2016, 1, 1), CERTAIN)


def test_ends_are_exclusive():
    i = Interval.parse("2015-09-30/2024-12-08")
    assert i.holds_on(date(2024, 12, 7), CERTAIN)
    assert not i.holds_on(date(2024, 12, 8), POSSIBLE)
    assert i.holds_on(date(2015, 9, 30), CERTAIN)
    assert not i.holds_on(date(2015, 9, 29), POSSIBLE)


def test_open_and_unknown_ends_differ_under_the_certain_reading():
    open_end, unknown_end = Interval.parse("2015-09-30/.."), Interval.parse("2015-09-30/")
    later = date(2030, 1, 1)
    assert open_end.holds_on(later, POSSIBLE) and open_end.holds_on(later, CERTAIN)
    assert unknown_end.holds_on(later, POSSIBLE)
    assert not unknown_end.holds_on(later, CERTAIN)
    assert unknown_end.holds_on(date(2015, 9, 30), CERTAIN)  # known to hold when it began
    assert open_end.end is Bound.OPEN and unknown_end.end is Bound.UNKNOWN


def test_unknown_start_is_certain_just_before_a_known_end():
    i = Interval.parse("/2024-12-08")
    assert i.holds_on(date(1990, 1, 1), POSSIBLE)
    assert not i.holds_on(date(1990, 1, 1), CERTAIN)
    assert i.holds_on(date(2024, 12, 7), CERTAIN)


def test_single_date_holds_on_some_day_within_it():
    i = Interval.parse("2016-12")
    assert i.single and i.edtf == "2016-12"
    assert i.holds_on(date(2016, 12, 1)) and i.holds_on(date(2016, 12, 31))
    assert not i.holds_on(date(2017, 1, 1)) and not i.holds_on(date(2016, 11, 30))
    assert not i.holds_on(date(2016, 12, 15), CERTAIN)
    day = Interval.parse("2024-12-05")
    assert day.holds_on(date(2024, 12, 5), CERTAIN) and not day.holds_on(date(2024, 12, 6))


def test_nothing_known_is_possible_always_and_certain_never():
    i = Interval.parse(None)
    assert i.holds_on(date(2000, 1, 1)) and not i.holds_on(date(2000, 1, 1), CERTAIN)
    assert i.edtf == ""


@pytest.mark.parametrize("bad", ["2017/2015", "2016-05-01/2016-04-30", "2015/2016/2017", "2015/Sept",
                                 "2024-12-08/2024-12-08"])
def test_reversed_or_malformed_intervals_are_rejected(bad):
    with pytest.raises(InvalidInterval):
        Interval.parse(bad)


def test_same_partial_date_at_both_ends_is_allowed():
    i = Interval.parse("2017/2017")  # began and ended within 2017
    assert i.holds_on(date(2017, 6, 1)) and not i.holds_on(date(2017, 6, 1), CERTAIN)


def test_a_partial_query_date_is_a_span():
    i = Interval.parse("2016-06-10/2016-07-01")
    first, last = day_span("2016-06")
    assert i.holds_during(first, last, POSSIBLE)
    assert not i.holds_during(first, last, CERTAIN)
    assert i.holds_during(*day_span("2016-06-20"), CERTAIN)


def test_edtf_round_trips():
    for text in ["2015-09-30/2024-12-08", "2015/..", "../2012", "2015/", "/2024-12-08", "2016-12", "2011-03~/2012?"]:
        assert Interval.parse(text).edtf == text


# ---------------------------------------------------------------- properties

def _partial_dates():
    return st.builds(
        lambda y, m, d, p: PartialDate(y) if p == 0 else PartialDate(y, m) if p == 1 else PartialDate(y, m, d),
        st.integers(1990, 2030), st.integers(1, 12), st.integers(1, 28), st.integers(0, 2))


def _ends():
    return st.one_of(_partial_dates(), st.sampled_from([Bound.OPEN, Bound.UNKNOWN]))


@st.composite
def _intervals(draw):
    start, end = draw(_ends()), draw(_ends())
    if isinstance(start, PartialDate) and isinstance(end, PartialDate):
        if end.last_day < start.first_day:
            start, end = end, start
        assume(end.last_day > start.first_day)
    if draw(st.booleans()) and isinstance(start, PartialDate):
        return Interval(start, start, single=True)
    return Interval(start, end)


def _brute_force(interval: Interval, day: date, certainty: Certainty) -> bool:
    """Enumerate every exact (start day, end day) the partial ends allow, as the definition says."""
    def days(side, is_start):
        if isinstance(side, PartialDate):
            span = [side.earliest + timedelta(n) for n in range((side.latest - side.earliest).days + 1)]
            return [d.toordinal() for d in span]
        return [None]  # open or unknown: handled below
    t = day.toordinal()
    if interval.single:
        s = interval.start
        if certainty is POSSIBLE:
            return s.first_day <= t <= s.last_day
        return s.precision is Precision.DAY and t == s.first_day
    starts, ends = days(interval.start, True), days(interval.end, False)
    results = []
    for s in starts:
        for e in ends:
            lo = s if s is not None else None
            hi = e if e is not None else None
            if lo is None:
                if interval.start is Bound.OPEN:
                    lo_ok = True
                else:  # unknown start: could have begun any time; certain only just before a known end
                    lo_ok = None
            else:
                lo_ok = lo <= t
            if hi is None:
                hi_ok = True if interval.end is Bound.OPEN else None
            else:
                hi_ok = t < hi
            results.append((lo_ok, hi_ok))
    if certainty is POSSIBLE:
        return any((lo is not False) and (hi is not False) for lo, hi in results)
    return None  # certain reading of unknown sides is checked separately


@given(_intervals(), st.dates(date(1985, 1, 1), date(2035, 12, 31)))
def test_possible_reading_matches_enumeration_of_exact_dates(interval, day):
    assert interval.holds_on(day, POSSIBLE) == _brute_force(interval, day, POSSIBLE)


@given(_intervals(), st.dates(date(1985, 1, 1), date(2035, 12, 31)))
def test_certain_implies_possible(interval, day):
    if interval.holds_on(day, CERTAIN):
        assert interval.holds_on(day, POSSIBLE)


@given(_intervals(), st.dates(date(1985, 1, 1), date(2035, 12, 31)))
def test_certain_reading_holds_for_every_exact_choice_of_known_ends(interval, day):
    s, e = interval.start, interval.end
    if interval.single or not isinstance(s, PartialDate) or not isinstance(e, (PartialDate, Bound)):
        return
    if e is Bound.UNKNOWN:
        return
    t = day.toordinal()
    end_days = range(e.first_day, e.last_day + 1) if isinstance(e, PartialDate) else [FAR_FUTURE]
    every = all(sd <= t < ed for sd in range(s.first_day, s.last_day + 1) for ed in end_days if ed >= sd)
    assert interval.holds_on(day, CERTAIN) == every


@given(_intervals())
def test_edtf_text_parses_back_to_the_same_interval(interval):
    again = Interval.parse(interval.edtf)
    assert again.bounds(POSSIBLE) == interval.bounds(POSSIBLE)
    assert again.bounds(CERTAIN) == interval.bounds(CERTAIN)


@given(_intervals(), _partial_dates(), st.sampled_from([POSSIBLE, CERTAIN]))
def test_the_point_of_views_fast_test_agrees_with_its_rule(interval, as_of, certainty):
    """``PointOfView.holds_test`` (one call per claim in point queries) is ``holds`` with its branches taken once."""
    from graph.pointofview import PointOfView

    pov = PointOfView(as_of, certainty)
    assert pov.holds_test()(interval) is pov.holds(interval)
    assert PointOfView(None, certainty).holds_test()(interval) is True


@given(st.lists(_intervals(), max_size=8), _partial_dates(), st.sampled_from([POSSIBLE, CERTAIN]))
def test_the_point_of_views_list_filter_agrees_with_its_rule(intervals, as_of, certainty):
    from types import SimpleNamespace

    from graph.pointofview import PointOfView

    claims = [SimpleNamespace(valid=v) for v in intervals]
    pov = PointOfView(as_of, certainty)
    assert pov.holding_claims(claims) == [c for c in claims if pov.holds(c.valid)]
