"""Dates in news text, normalised against the article's publication date.

News writes "on Thursday", "last week", "since 2015" or "December 4, 2024"; the graph needs EDTF
dates. A relative expression is read from the publication day and kept at the precision the text
gives: "in 2011" stays the year 2011, "last month" is a month, and a span that no EDTF date can hold
exactly ("last week") becomes the smallest month or year that contains it, never an invented day.
Weekday names refer to the most recent such day on or before publication, as news style uses them.

Pure functions over text (no spaCy), so they are cheap to test and reuse.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from graph.time import PartialDate

__all__ = ["DateMention", "find_dates", "span_date"]

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_RE = "|".join(_WEEKDAYS)

# one absolute or relative point in time; the named groups say which kind matched
_POINT = (
    rf"(?P<mdy>(?P<mdy_m>{_MONTH_RE})\.?\s+(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<mdy_y>(?:19|20)\d\d))"
    rf"|(?P<dmy>(?P<dmy_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dmy_m>{_MONTH_RE})\.?,?\s+(?P<dmy_y>(?:19|20)\d\d))"
    rf"|(?P<iso>(?P<iso_y>(?:19|20)\d\d)-(?P<iso_m>\d\d)-(?P<iso_d>\d\d))"
    rf"|(?P<my>(?P<my_m>{_MONTH_RE})\.?,?\s+(?:of\s+)?(?P<my_y>(?:19|20)\d\d))"
    rf"|(?P<md>(?P<md_m>{_MONTH_RE})\.?\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?\b)"
    rf"|(?P<dm>(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dm_m>{_MONTH_RE})\b)"
    rf"|(?P<season>(?:(?:early|mid|late|the\s+(?:spring|summer|autumn|fall|winter|end|start|beginning|middle)\s+of)[\s-]+)"
    rf"(?P<season_y>(?:19|20)\d\d))"
    rf"|(?P<y>(?<![\d,.])(?P<y_y>(?:19|20)\d\d)(?![\d%]|\s*(?:people|fighters|troops|km|kilometres|miles)))"
    rf"|(?P<mon>(?P<mon_m>(?:{'|'.join(n.lower() for n in calendar.month_name if n)})))\b"
    rf"|(?P<wd>(?:last\s+)?(?P<wd_d>{_DAY_RE}))"
    rf"|(?P<rel>yesterday|today|this\s+week|last\s+week|this\s+month|last\s+month|earlier\s+this\s+month"
    rf"|earlier\s+this\s+year|this\s+year|last\s+year|past\s+week|the\s+past\s+week|last\s+weekend"
    rf"|(?:the\s+)?(?:past|last)\s+24\s+hours)"
)
_PREFIX = (r"(?P<prefix>since|from|between|until|till|up\s+to|through|by|before|after|in|on|during|as\s+of"
           r"|as\s+early\s+as|starting\s+in|beginning\s+in)\s+(?:the\s+(?:start|end|middle)\s+of\s+|early\s+|late\s+|mid-)?")
_RANGE_JOIN = r"\s*(?:to|until|till|and|through|-|–)\s*"
_POINT_RE = re.compile(_POINT, re.IGNORECASE)
_MENTION_RE = re.compile(
    rf"(?:{_PREFIX})?(?P<first>{_POINT})(?:{_RANGE_JOIN}(?P<second>{_POINT.replace('?P<', '?P<b_')}))?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in text: where it is, and what it bounds.

    ``role`` is ``point`` (in, on, or no preposition), ``since`` (the start of a state that goes on),
    ``until`` (the end of one) or ``range`` (both ends given). ``start``/``end`` are the EDTF dates
    of the bounds the text gives; ``None`` where it gives none.
    """

    start_char: int
    end_char: int
    text: str
    role: str
    start: PartialDate | None
    end: PartialDate | None


def find_dates(text: str, published: PartialDate | str) -> list[DateMention]:
    """Every date expression in ``text``, normalised against the publication date.

    >>> pub = PartialDate.parse("2024-12-05")   # a Thursday
    >>> [(m.role, str(m.start)) for m in find_dates("Rebels took Hama on Thursday, after Aleppo last week.", pub)]
    [('point', '2024-12-05'), ('point', '2024')]
    >>> [(m.role, str(m.start), str(m.end)) for m in find_dates("Russia has backed Assad since 2015.", pub)]
    [('since', '2015', 'None')]
    >>> [(m.role, str(m.start), str(m.end)) for m in find_dates("from March 2012 until 2014", pub)]
    [('range', '2012-03', '2014')]
    """
    pub = PartialDate.parse(published) if not isinstance(published, PartialDate) else published
    out: list[DateMention] = []
    for m in _MENTION_RE.finditer(text):
        first = _point(m, "", pub)
        if first is None:
            continue
        second = _point(m, "b_", pub) if m.group("second") else None
        prefix = (m.group("prefix") or "").lower().split()
        prefix_word = prefix[0] if prefix else ""
        if second is not None:
            out.append(DateMention(m.start(), m.end(), m.group(0), "range", first, second))
        elif prefix_word in ("since", "starting", "beginning", "as", "from") and m.group("prefix").lower() != "as of":
            out.append(DateMention(m.start(), m.end(), m.group(0), "since", first, None))
        elif prefix_word in ("until", "till", "up", "through", "before"):
            out.append(DateMention(m.start(), m.end(), m.group(0), "until", None, first))
        else:
            out.append(DateMention(m.start(), m.end(), m.group(0), "point", first, first))
    return out


def _point(m: re.Match, p: str, pub: PartialDate) -> PartialDate | None:
    g = m.group
    try:
        if g(p + "mdy"):
            return PartialDate(int(g(p + "mdy_y")), _MONTHS[g(p + "mdy_m").lower()], int(g(p + "mdy_d")))
        if g(p + "dmy"):
            return PartialDate(int(g(p + "dmy_y")), _MONTHS[g(p + "dmy_m").lower()], int(g(p + "dmy_d")))
        if g(p + "iso"):
            return PartialDate(int(g(p + "iso_y")), int(g(p + "iso_m")), int(g(p + "iso_d")))
        if g(p + "my"):
            return PartialDate(int(g(p + "my_y")), _MONTHS[g(p + "my_m").lower()])
        if g(p + "md"):
            return _recent_day(pub, _MONTHS[g(p + "md_m").lower()], int(g(p + "md_d")))
        if g(p + "dm"):
            return _recent_day(pub, _MONTHS[g(p + "dm_m").lower()], int(g(p + "dm_d")))
        if g(p + "season"):
            return PartialDate(int(g(p + "season_y")))
        if g(p + "y"):
            return PartialDate(int(g(p + "y_y")))
        if g(p + "mon"):
            if g(p + "mon") != g(p + "mon").capitalize():  # "may", "march" in lower case are not months
                return None
            month = _MONTHS[g(p + "mon_m").lower()]
            year = pub.year if pub.month is None or month <= pub.month else pub.year - 1
            return PartialDate(year, month)
        if g(p + "wd"):
            return _weekday(pub, _WEEKDAYS[g(p + "wd_d").lower()], g(p + "wd").lower().startswith("last"))
        if g(p + "rel"):
            return _relative(pub, " ".join(g(p + "rel").lower().split()))
    except ValueError:  # "February 30": not a date, so not a date mention
        return None
    return None


def _recent_day(pub: PartialDate, month: int, day: int) -> PartialDate:
    """A month and day without a year: the most recent one on or before publication."""
    candidate = PartialDate(pub.year, month, day)
    if pub.precision.value != "year" and candidate.earliest > pub.latest:
        candidate = PartialDate(pub.year - 1, month, day)
    return candidate


def _weekday(pub: PartialDate, weekday: int, last: bool) -> PartialDate:
    if pub.day is None:  # without a publication day a weekday tells nothing finer than the publication span
        return pub
    back = (pub.earliest.weekday() - weekday) % 7
    if last and back == 0:
        back = 7
    return PartialDate.from_date(pub.earliest - timedelta(days=back))


def span_date(first: date, last: date) -> PartialDate:
    """The most precise EDTF date that contains every day from ``first`` to ``last``.

    >>> str(span_date(date(2024, 11, 25), date(2024, 12, 1)))
    '2024'
    >>> str(span_date(date(2024, 11, 4), date(2024, 11, 10)))
    '2024-11'
    """
    if first == last:
        return PartialDate.from_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return PartialDate(first.year, first.month)
    if first.year == last.year:
        return PartialDate(first.year)
    return PartialDate(last.year)  # wider than EDTF level 0 can say: keep the later year, the usual news reading


def _relative(pub: PartialDate, word: str) -> PartialDate:
    if pub.day is None:
        return pub
    d = pub.earliest
    if word in ("today", "past 24 hours", "the past 24 hours", "last 24 hours", "the last 24 hours"):
        return pub
    if word == "yesterday":
        return PartialDate.from_date(d - timedelta(days=1))
    if word in ("this week",):
        monday = d - timedelta(days=d.weekday())
        return span_date(monday, d)
    if word in ("last week", "past week", "the past week"):
        monday = d - timedelta(days=d.weekday() + 7)
        return span_date(monday, monday + timedelta(days=6))
    if word == "last weekend":
        saturday = d - timedelta(days=d.weekday() + 2)
        return span_date(saturday, saturday + timedelta(days=1))
    if word in ("this month", "earlier this month"):
        return PartialDate(d.year, d.month)
    if word == "last month":
        prev = d.replace(day=1) - timedelta(days=1)
        return PartialDate(prev.year, prev.month)
    if word in ("this year", "earlier this year"):
        return PartialDate(d.year)
    if word == "last year":
        return PartialDate(d.year - 1)
    return pub
