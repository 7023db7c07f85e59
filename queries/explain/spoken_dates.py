"""Dates as people write them in questions ("on 1 December 2016", "in March 2016"), rewritten as EDTF.

The question forms only know EDTF dates (``2016-12-01``, ``2016-03``, ``2016``), which is what the
matchers and the explainer's ``as_of`` read. A reader asks "Who controlled Aleppo on 1 December
2016?", so the question's wording is rewritten before it is matched. A day with its month and year
becomes a day ("the 1st of June, 2016" too); a month with its year becomes a month, because a
month is a span, not its first day. Words that only look like a date are left alone: a day and
month without a year, and an impossible day such as "31 June 2016", which the parser then reports.

>>> iso_dates("Who controlled Aleppo on 1 December 2016?")
'Who controlled Aleppo on 2016-12-01?'
>>> iso_dates("Who backed HTS in Sept. 2019, and on March 5th, 2020?")
'Who backed HTS in 2019-09, and on 2020-03-05?'
"""

from __future__ import annotations

import calendar
import re

__all__ = ["iso_dates"]

_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_MONTH = r"(?P<{g}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>[12]\d{3})"

_DAY_MONTH_YEAR = re.compile(
    rf"\b(?:the\s+)?{_DAY.format(g='day')}\s+(?:of\s+)?{_MONTH.format(g='month')},?\s+{_YEAR}\b", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH.format(g='month')}\s+{_DAY.format(g='day')},?\s+{_YEAR}\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b{_MONTH.format(g='month')},?\s+(?:of\s+)?{_YEAR}\b", re.IGNORECASE)


def _day(match: re.Match) -> str:
    year, month, day = int(match["year"]), _MONTHS[match["month"].lower()], int(match["day"])
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return match.group(0)  # "31 June 2016" is not a day: the parser reports the question as written
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month(match: re.Match) -> str:
    return f"{int(match['year']):04d}-{_MONTHS[match['month'].lower()]:02d}"


#: "mid-July 2019", "early March 2016": the month; "late 2023", "summer 2012", "the spring of 2013": the year (a
#: season or part of a year is no EDTF date the reader knows, and the year holds it: coarser, never more precise)
_PART_OF_MONTH = re.compile(rf"\b(?:early|mid|late|the\s+end\s+of|end\s+of|the\s+start\s+of|start\s+of)[\s-]+"
                            rf"(?={_MONTH.format(g='m2')},?\s+(?:of\s+)?[12]\d{{3}}\b)", re.IGNORECASE)
_PART_OF_YEAR = re.compile(r"\b(?:(?:the\s+)?(?:early|mid|late|summer|winter|spring|autumn|fall)(?:\s+of)?[\s-]+"
                           r"|(?:the\s+)?(?:start|end|beginning|middle)\s+of\s+)(?P<year>[12]\d{3})\b", re.IGNORECASE)


def iso_dates(text: str) -> str:
    """``text`` with every written-out day or month that has a year rewritten as an EDTF date.

    >>> iso_dates("Who held Khan Sheikhoun in mid-July 2019, and in the summer of 2012?")
    'Who held Khan Sheikhoun in 2019-07, and in 2012?'
    """
    text = _PART_OF_MONTH.sub("", text)
    text = _PART_OF_YEAR.sub(lambda m: m["year"], text)
    text = _DAY_MONTH_YEAR.sub(_day, text)
    text = _MONTH_DAY_YEAR.sub(_day, text)
    return _MONTH_YEAR.sub(_month, text)
