"""Publication dates: any common date string to ISO ``YYYY-MM-DD``.

Only complete dates count: a date missing its day or year is unknown, and
today's date is never used to fill a gap.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from dateutil import parser as dateutil_parser

# Two far-apart defaults: a string that parses differently under each one was
# missing a part that dateutil filled in from the default.
_DEFAULTS = (datetime(1900, 1, 1), datetime(1904, 2, 2))
_YEARS = range(1800, 2200)
# 01/02/2024 is January in the US and February elsewhere: unknown, not a guess.
_NUMERIC = re.compile(r"\A(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\Z")

# "MOSCOW, Jan 15, 2024 (Reuters) -": a dateline with a year, at the start.
_DATELINE = re.compile(
    r"\A\s*[A-Z][\w.'/-]*(?:\s[A-Z][\w.'/-]*){0,3},\s+"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})"
    r"\s*(?:\([^)\n]{1,40}\))?\s*[-\u2013\u2014]"
)


def parse_date(value: object) -> str | None:
    """The ISO date in ``value``, or None when it is not a complete date."""
    if isinstance(value, datetime):
        return _iso(value.date())
    if isinstance(value, date):
        return _iso(value)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    for parse in (_from_iso, _from_rfc2822, _from_dateutil):
        found = parse(text)
        if found is not None:
            return _iso(found)
    return None


def given_date(value: str) -> str:
    """A user-given date as ISO; ValueError with a clear message when unreadable."""
    found = parse_date(value)
    if found is None:
        raise ValueError(
            f"cannot read the publication date {value!r}: "
            "give a full, unambiguous date such as 2024-01-15"
        )
    return found


def dateline_date(text: str) -> str | None:
    """The date of an opening dateline, only when it names a year."""
    match = _DATELINE.match(text[:200])
    return parse_date(match.group("date")) if match else None


def _iso(day: date) -> str | None:
    return day.isoformat() if day.year in _YEARS else None


def _from_iso(text: str) -> date | None:
    # The date as the publisher wrote it: a timezone is not converted to UTC.
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


def _from_rfc2822(text: str) -> date | None:
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _from_dateutil(text: str) -> date | None:
    if (numeric := _NUMERIC.match(text)) and _ambiguous(*map(int, numeric.groups())):
        return None
    try:
        first, second = (dateutil_parser.parse(text, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    return first.date() if first.date() == second.date() else None


def _ambiguous(first: int, second: int) -> bool:
    return first != second and first <= 12 and second <= 12
