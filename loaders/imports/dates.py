"""Dates as outside datasets write them, read into EDTF text that keeps their precision.

Mapping Militants writes an unknown day or month as ``00`` (``2016-12-00`` is December 2016,
``2005-00-00`` the year 2005) and an unknown date as ``0000-00-00``; spreadsheets re-save dates as
``2/18/10`` (month/day/two-digit year) or with a time (``2016-12-05 00:00:00``). None of these may
become a made-up first of the month.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from graph.time import PartialDate
from ontology import ActorGraphError

__all__ = ["edtf_date"]

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$")
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")


@lru_cache(maxsize=65536)
def edtf_date(text: str) -> str | None:
    """EDTF text of an outside date, ``None`` when it says "unknown"; ``ValueError`` when unreadable.

    >>> edtf_date("2016-12-00"), edtf_date("2005-00-00"), edtf_date("0000-00-00"), edtf_date("")
    ('2016-12', '2005', None, None)
    >>> edtf_date("2/18/10"), edtf_date("2016-12-05 00:00:00"), edtf_date("2014")
    ('2010-02-18', '2016-12-05', '2014')
    """
    text = text.strip()
    if not text or text in ("0000-00-00", "0000", "00/00/0000", "NA", "N/A", "n/a"):
        return None
    m = _ISO.match(text)
    if m:
        year, month, day = m.group(1), m.group(2), m.group(3)
        if year == "0000":
            return None
        parts = [year]
        if month and int(month):
            parts.append(f"{int(month):02d}")
            if day and int(day):
                parts.append(f"{int(day):02d}")
        out = "-".join(parts)
    else:
        m = _US.match(text)
        if not m:
            try:
                return str(PartialDate.parse(text))
            except ActorGraphError:
                raise ValueError(
                    f"{text!r} is not a date (expected YYYY, YYYY-MM, YYYY-MM-DD, with 00 for an unknown "
                    f"month or day, or M/D/YY)"
                ) from None
        month, day, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if year < 100:
            year += 2000 if year < 50 else 1900
        out = f"{year:04d}-{month:02d}-{day:02d}"
    try:
        if len(out) == 10:
            date.fromisoformat(out)
        PartialDate.parse(out)
    except (ValueError, ActorGraphError):
        raise ValueError(f"{text!r} is not a real date") from None
    return out
