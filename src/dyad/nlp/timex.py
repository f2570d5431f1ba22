"""Temporal expressions in plain text, normalised to TIMEX3 values.

Pure Python (no spaCy) so it can be tested and reused alone. Two steps:
``find_candidates`` finds spans with regular expressions built once from the word
lists in ``data/timex_*.tsv``; ``normalise`` turns a candidate into a
``TimeExpression`` against the document creation time (DCT). Weekdays, months
and seasons without a year need a *direction* (the tense of their clause):
the caller gives it, ``dyad_times`` reads it from the parse.

With no DCT, relative expressions get underspecified values ("XXXX-07",
"XXXX-WXX-7") or None: never today's date.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dyad.nlp.lexicon import data_lines, load_word_sets
from dyad.records import TimeExpression

DIRECTIONS = ("past", "future", "present", "none")


# --- word lists ----------------------------------------------------------------


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a data file as dicts; '#' lines are comments, the first row is the header."""
    lines = data_lines(name)
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:]]


def _alt(words) -> str:
    """A regex alternation, longest first so "September" wins over "Sept"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _plural(word: str) -> str:
    return word[:-1] + "ies" if word.endswith("y") and word[-2] not in "aeiou" else word + "s"


MONTHS = {r["word"]: int(r["month"]) for r in read_tsv("timex_months.tsv")}
MONTH_FORM = {r["word"]: r["form"] for r in read_tsv("timex_months.tsv")}
WEEKDAYS = {r["word"]: int(r["weekday"]) for r in read_tsv("timex_weekdays.tsv")}
WEEKDAY_FORM = {r["word"]: r["form"] for r in read_tsv("timex_weekdays.tsv")}
NUMBERS = {r["word"]: r for r in read_tsv("timex_numbers.tsv")}
UNITS = {r["word"]: r for r in read_tsv("timex_units.tsv")}
UNIT_OF = {**{w: w for w in UNITS}, **{_plural(w): w for w in UNITS}}
SEASONS = {r["word"]: r for r in read_tsv("timex_seasons.tsv")}
DAY_PARTS = {r["word"]: r["code"] for r in read_tsv("timex_day_parts.tsv")}
DATE_PARTS = {r["word"] for r in read_tsv("timex_day_parts.tsv") if r.get("with_weekday") == "date"}
REFS = {r["phrase"]: r["value"] for r in read_tsv("timex_refs.tsv")}
SIGNALS = {r["word"]: r["kind"] for r in read_tsv("timex_signals.tsv")}
ORDINALS = {w: int(r["value"]) for w, r in NUMBERS.items() if r["kind"] == "ordinal"}
CARDINALS = {w: r["value"] for w, r in NUMBERS.items() if r["kind"] != "ordinal"}
ARTICLES = {w for w, r in NUMBERS.items() if r["kind"] == "article"}
PERIOD_WORDS = {r["word"]: int(r["step"]) for r in read_tsv("timex_period_words.tsv")}
UNIT_WORDS = [r["word"] for r in read_tsv("timex_unit_words.tsv")]
RANGE_WORDS = load_word_sets("timex_ranges.tsv")
SET_WORDS = {r["word"]: r["value"] for r in read_tsv("timex_set_words.tsv")}
HOLIDAYS = {r["phrase"]: r for r in read_tsv("timex_holidays.tsv")}
ZONES = [r["zone"] for r in read_tsv("timex_zones.tsv")]
_VALUES = {w: int(r["value"]) for w, r in NUMBERS.items() if r["kind"] == "cardinal" and r["value"].isdigit()}
ONES = {w: v for w, v in _VALUES.items() if 1 <= v <= 9}
TENS = {w: v for w, v in _VALUES.items() if 20 <= v <= 90 and v % 10 == 0}
CENTURIES = {w: v for w, v in _VALUES.items() if 16 <= v <= 19}  # "nineteen ninety-six"


# --- patterns (compiled once) ------------------------------------------------------

_MONTH_ANY = rf"(?P<month>(?:{_alt(MONTHS)}))\b\.?"
_MONTH_NAME = rf"(?P<month>{_alt(w for w, f in MONTH_FORM.items() if f != 'abbrev')})\b"
_WEEKDAY_NAME = rf"(?P<wd>{_alt(w for w, f in WEEKDAY_FORM.items() if f == 'full')})\b"
_WEEKDAY_PREFIX = rf"(?:(?:{_alt(WEEKDAYS)})\b\.?,?\s+)?"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
# years as digits, or spoken as in broadcast transcripts ("nineteen ninety-six", "two thousand")
_SPOKEN_YEAR = (rf"(?:{_alt(CENTURIES)})[\s-]+(?:{_alt(TENS)})(?:[\s-]+(?:{_alt(ONES)}))?"
                rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_alt(ONES)}))?")
_YEAR = rf"(?P<year>(?:1[6-9]\d\d|20\d\d)(?!\d)|(?i:{_SPOKEN_YEAR})\b)"
_POS = r"(?P<pos>(?i:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))"
_REL = r"(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|the\s+current|the\s+previous|the\s+coming))"
_NUMWORD = rf"(?i:{_alt(set(CARDINALS) - ARTICLES)})"
# "a"/"an" count only alone: in "a five year low" the number is "five"
_NUMBER = rf"(?P<num>\d+(?:\.\d+)?|{_NUMWORD}(?:[\s-]+{_NUMWORD})*|(?i:{_alt(ARTICLES)}))"
_UNIT = rf"(?P<unit>(?i:{_alt(UNIT_OF)}))\b"
_PART = rf"(?P<part>(?i:{_alt(DAY_PARTS)}))\b"
_SEASON = rf"(?P<season>(?i:{_alt(SEASONS)}))\b"
_REL_YEAR = r"(?P<ryear>(?i:last|this|next))\s+(?i:year)"
_PLURAL_UNIT = rf"(?P<unit>(?i:{_alt(_plural(w) for w in UNITS)}))\b"

_YEAR_AGO = r"(?i:year)[\s-](?i:earlier|ago)\b"
_ORD_QUARTER = rf"(?:(?P<ord>(?i:{_alt(ORDINALS)}))[\s-]+)?(?P<qword>(?i:quarter|period))\b"
_QUARTER_AFTER = rf"(?:(?i:{_alt(ORDINALS)})[\s-]+)?(?i:quarter|period)\b"  # the same, in a lookahead

PATTERNS: dict[str, str] = {
    "iso": r"\b(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d)\b",
    "slash": r"\b(?P<mon>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d\d)\b",
    "month_day": rf"\b{_WEEKDAY_PREFIX}{_MONTH_ANY}\s*{_DAY}(?:,?\s+{_YEAR})?",
    "day_month": rf"\b{_WEEKDAY_PREFIX}{_DAY}\s+(?:(?i:of)\s+)?{_MONTH_ANY}(?:,?\s+{_YEAR})?",
    "month_year": rf"\b(?:{_POS}[\s-]+)?{_MONTH_ANY},?\s+(?:(?i:of)\s+)?{_YEAR}",
    "month": rf"\b(?:{_POS}[\s-]+)?(?:{_REL}\s+)?{_MONTH_NAME}",
    "month_rel_year": rf"\b(?:{_POS}[\s-]+)?{_MONTH_NAME}\s+(?:(?i:of)\s+)?{_REL_YEAR}\b",
    "year": rf"(?<![\d$£€.,/-])(?:{_POS}[\s-]+)?(?:(?P<fy>(?i:fiscal|calendar|the\s+year))\s+)?"
    rf"{_YEAR}(?![%\d]|[.,]\d|-\d)",
    "decade": rf"\b(?:(?i:the)\s+)?(?:{_POS}[\s-]+)?(?:(?P<dec>1[6-9]\d|20\d)0|'(?P<short>\d)0)'?s\b",
    # "the nineties": the tens of the twentieth century, as news of the time meant them
    "decade_word": rf"\b(?i:the)\s+(?:{_POS}[\s-]+)?(?P<tens>(?i:{_alt(_plural(w) for w in TENS)}))\b",
    "day_word": r"\b(?:(?P<pos>(?i:early|late|earlier|later))\s+)?"
    rf"(?P<rel>(?i:today|yesterday|tomorrow|tonight))\b(?:\s+{_PART})?",
    "part_of_day": rf"\b(?P<rel>(?i:this|last))\s+{_PART}",
    "period": r"\b(?:(?P<pos>(?i:earlier|later|early|late|mid|the\s+end\s+of|the\s+start\s+of|the\s+rest\s+of))"
    rf"[\s-]+)?{_REL}\s+(?:(?i:fiscal)\s+)?(?P<unit>(?i:week|weekend|month|year|quarter|decade|century))\b",
    # "the end of the year", "earlier in the month": the current one
    "period_the": r"\b(?P<pos>(?i:the\s+(?:end|start|beginning|middle|rest)\s+of|earlier\s+in|later\s+in))\s+"
    r"(?i:the)\s+(?P<unit>(?i:week|month|year|quarter))\b",
    "year_end": r"\b(?i:year)(?:'s)?[\s-](?i:end)\b",
    "quarter": rf"\b(?:(?i:the)\s+)?(?:(?P<pyear>1[6-9]\d\d|20\d\d)(?:'s)?\s+|{_REL_YEAR}'s\s+)?"
    rf"(?:(?i:fiscal)[\s-]+)?(?P<ord>(?i:{_alt(ORDINALS)}))[\s-]+(?i:quarter)\b(?:\s+(?i:of)\s+{_YEAR})?",
    # the quarter a financial text is about: "the latest quarter", "the year-ago period", "the 1988 quarter"
    "quarter_ref": rf"\b(?i:the)\s+(?:(?P<qrel>(?i:{_alt(PERIOD_WORDS)}))\s+|(?P<pyear>1[6-9]\d\d|20\d\d)\s+)?"
    r"(?:(?i:fiscal)\s+)?(?P<qword>(?i:quarter|period))\b",
    # "year-earlier" alone is an adjective ("year-earlier results"); "the" belongs to "the year-ago quarter"
    "year_ago": rf"\b(?:(?i:the)\s+(?={_YEAR_AGO}\s+{_QUARTER_AFTER}))?{_YEAR_AGO}(?:\s+{_ORD_QUARTER})?",
    # "the same period last year", "the quarter a year ago", "last year's quarter": the year-ago quarter
    "quarter_ago": r"\b(?:(?i:the)\s+(?:(?i:same|corresponding|comparable)\s+)?(?P<qword>(?i:quarter|period))\s+"
    r"(?:(?i:of\s+)?(?i:last\s+year)|(?i:a\s+year\s+(?:ago|earlier)))"
    r"|(?i:last\s+year's)\s+(?:(?i:same|corresponding|comparable)\s+)?(?P<qword2>(?i:quarter|period)))\b",
    # "that year", "later that day", "the following month": the last such unit the text named
    "anaphor": r"\b(?:(?P<pos>(?i:earlier|later))\s+)?(?:(?i:that)|(?i:the)\s+(?P<step>(?i:following|previous|preceding)))"
    r"\s+(?P<unit>(?i:day|week|month|year))\b(?!-)",
    # "April 24 and 25": the second day (the group ``keep`` is the expression)
    "day_pair": rf"\b{_MONTH_ANY}\s*(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*(?:-|(?i:and|or|to|through)\s)\s*"
    rf"(?P<keep>{_DAY})(?:,?\s+{_YEAR})?",
    "century": r"\b(?:(?i:the)\s+)?(?P<cent>[12]?\d)(?:st|nd|rd|th)[\s-]+(?i:century)\b",
    "weekday": rf"\b(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|early|late))\s+)?{_WEEKDAY_NAME}(?:\s+{_PART})?",
    # a rate: "$2 million a year", "50,000 copies per month" (the amount is checked in _plausible);
    # before "duration", which it beats on a tie
    "rate": r"\b(?i:a|an|per)\s+(?P<unit>(?i:year|month|week|day|hour))\b(?!-)",
    "duration": r"\b(?:(?P<lead>(?i:the\s+(?:past|last|next|first|coming|previous)|the))\s+)?"
    rf"(?:{_NUMBER}(?P<sep>[\s-]+))?(?:(?i:{_alt(UNIT_WORDS)})\s+)?{_UNIT}"
    r"(?P<ago>\s+(?i:ago|earlier))?",
    "vague_duration": rf"(?:(?<=\bfor\s)|(?<=\bover\s)|(?<=\bin\s)){_PLURAL_UNIT}",
    "season": rf"\b(?:{_POS}[\s-]+)?(?:(?P<rel>(?i:this|last|next|this\s+past|this\s+coming|the))\s+)?"
    rf"{_SEASON}(?:\s+(?:(?i:of)\s+)?{_YEAR})?",
    "set": rf"\b(?i:every|each)\s+(?:(?i:other)\s+)?(?:{_NUMBER}\s+)?(?:{_UNIT}|{_WEEKDAY_NAME}|{_MONTH_NAME})",
    "ref": rf"\b(?P<ref>(?i:{_alt(REFS)}))\b",
    "set_word": rf"\b(?P<often>(?i:{_alt(SET_WORDS)}))\b",
    # capitalised, so that "may day" or "thanksgiving" in lower case stay words
    "holiday": rf"\b(?:{_REL}\s+)?(?=[A-Z])(?P<holiday>(?i:{_alt(HOLIDAYS)}))\b(?:,?\s+{_YEAR})?",
    "the_weekend": r"\b(?i:the)\s+(?P<unit>(?i:weekend))\b",
    # "the year ended Sept. 30" is a year-long period; "sales for the full year" the current year
    "the_year": r"\b(?i:the)\s+(?:(?P<fy>(?i:full|fiscal))\s+)?(?i:year)\b(?![-'])"
    r"(?:(?=(?P<ended>\s+(?i:ended|ending)\b))|)",
    "clock": r"\b(?:(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>(?i:a\.m\.|p\.m\.|am|pm))(?!\w)"
    r"|(?P<noon>(?i:noon|midday|midnight))\b)"
    rf"(?:\s+(?P<zone>{_alt(ZONES)})\b)?"
    rf"(?:,?\s+(?:(?i:on)\s+)?(?:{_WEEKDAY_NAME}|(?P<rel>(?i:today|yesterday|tomorrow))\b"
    rf"|{_MONTH_ANY}\s*{_DAY}(?:,?\s+{_YEAR})?))?",
}
COMPILED = {name: re.compile(pattern) for name, pattern in PATTERNS.items()}
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]*$")
_WORD_AFTER = re.compile(r"^\s+([A-Za-z]+)")
_AGE = re.compile(r"[\s-]+(?i:old)\b")
_SENTENCE_END = re.compile(r"[.!?;]\s")
_ORDINAL_USE = re.compile(r"\s+[a-z]")  # "a second betrayal": the ordinal, not the unit


# rules whose value depends on the tense of the clause when no modifier/year fixes it
TENSE_RULES = frozenset({"month_day", "day_month", "day_pair", "month", "weekday", "quarter", "season", "clock", "holiday",
                         "the_weekend"})


@dataclass(frozen=True)
class Candidate:
    """A span that looks like a temporal expression, before normalisation."""

    start: int
    end: int
    text: str
    rule: str
    groups: tuple[tuple[str, str], ...]  # the named groups that matched

    def get(self, name: str) -> str | None:
        return dict(self.groups).get(name)

    @property
    def needs_direction(self) -> bool:
        """Whether the clause's tense decides the value (no year, no last/next)."""
        fixed = self.get("year") or self.get("pyear") or self.get("rel") or self.get("ryear")
        return self.rule in TENSE_RULES and not fixed and (self.rule != "clock" or bool(self.get("wd") or self.get("month")))

    @property
    def anchor(self) -> str | None:
        """The month or weekday word, for callers that check its part of speech."""
        return self.get("month") or self.get("wd")


# --- finding -----------------------------------------------------------------------


def _word_before(text: str, start: int) -> str:
    found = _WORD_BEFORE.search(text[max(0, start - 30) : start])
    return found.group(1).lower() if found else ""


def _word_after(text: str, end: int) -> str:
    found = _WORD_AFTER.match(text[end : end + 30])
    return found.group(1) if found else ""


def _plausible(rule: str, m: re.Match, text: str) -> bool:
    """Context checks for words that are often not times (May, fall, 2000 troops)."""
    g = m.groupdict()
    before = SIGNALS.get(_word_before(text, m.start()))
    if rule == "month":
        return MONTH_FORM[g["month"]] != "context" or bool(g["rel"] or g["pos"]) or before == "signal"
    if rule == "year":
        if before == "quantity":
            return False
        after = _word_after(text, m.end())
        plural_noun = after.islower() and after.endswith("s") and not after.endswith("ss")
        return before == "signal" or bool(g["pos"] or g["fy"]) or not plural_noun
    if rule == "season":
        if g["year"] or (g["rel"] and g["rel"].lower() != "the") or g["pos"]:
            return True
        return before == "signal" and _word_after(text, m.end()).lower() != "of"
    if rule == "duration":
        if _AGE.match(text, m.end()):  # ages are not times: "six years old", "a 6-year-old boy"
            return False
        if g["sep"] and "-" in g["sep"] and g["unit"].lower() != UNIT_OF[g["unit"].lower()]:
            return False  # "three-quarters": a hyphenated unit is singular ("five-year")
        if g["unit"].lower() == "second" and (g["num"] or "").lower() in ARTICLES and _ORDINAL_USE.match(text, m.end()):
            return False
        if g["num"] and re.fullmatch(r"1[6-9]\d\d|20\d\d", g["num"]) and not g["unit"].lower().endswith("s"):
            return False  # "the 1988 second quarter": a year, not a count of seconds
        return bool(g["num"]) or bool(g["lead"] and g["lead"].lower() != "the")
    if rule == "rate":
        return before not in SIGNALS and _amount_before(text, m.start())
    if rule == "ref" and g["ref"].lower() == "soon":
        return _word_before(text, m.start()) != "as"  # "as soon as" is a conjunction
    if rule == "quarter_ref":
        return g["qword"].lower() == "quarter" or bool(g["qrel"] or g["pyear"])
    return True


def _amount_before(text: str, start: int) -> bool:
    """A number or an amount word among the three words before ("$2 million a year", "50,000 CDs a year")."""
    before = _SENTENCE_END.split(text[max(0, start - 40) : start])[-1]  # "in 1994. In January, a week after"
    words = before.split()[-3:]
    return any(any(ch.isdigit() for ch in w) or SIGNALS.get(w.lower().strip(",.$")) == "amount" for w in words)


def _spoken_year(text: str) -> str:
    """'nineteen ninety-six' -> '1996', 'two thousand' -> '2000'; digits are kept."""
    if text.isdigit():
        return text
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w != "and"]
    if words[:2] == ["two", "thousand"]:
        return str(2000 + sum(ONES.get(w, 0) for w in words[2:]))
    return str(CENTURIES[words[0]] * 100 + sum(TENS.get(w, 0) + ONES.get(w, 0) for w in words[1:]))


def find_candidates(text: str) -> list[Candidate]:
    """Non-overlapping candidates in text order; the longest match wins."""
    found: list[Candidate] = []
    for rule, regex in COMPILED.items():
        for m in regex.finditer(text):
            if m.end() > m.start() and _plausible(rule, m, text):
                groups = tuple((k, _spoken_year(v) if k == "year" else v) for k, v in m.groupdict().items() if v)
                start, end = m.span("keep") if m.groupdict().get("keep") else m.span()
                found.append(Candidate(start, end, text[start:end], rule, groups))
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[Candidate] = []
    for cand in sorted(found, key=lambda c: -(c.end - c.start)):
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


# --- calendar helpers --------------------------------------------------------------


def parse_dct(value: str | date | None) -> date | None:
    """The DCT as a date (from an ISO string, possibly with a time), or None."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _week(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


AGAINST_TENSE = 3  # with soft=True, an option against the tense counts as this many times farther


def _choose(options: list[tuple[int, str]], now: int, how: str, soft: bool = False) -> str:
    """Pick among (key, value) options around ``now``: last/next are strict, past/future
    include now, anything else takes the nearest (ties go to the past). ``soft`` makes
    past/future a preference: a day date a week ahead in a past-tense clause ("payable
    Dec. 7") is more likely than the same day eleven months back."""
    if soft and how in ("past", "future"):
        against = (lambda key: key > now) if how == "past" else (lambda key: key < now)
        cost = lambda o: (abs(o[0] - now) * (AGAINST_TENSE if against(o[0]) else 1), o[0] > now)  # noqa: E731
        return min(options, key=cost)[1]
    keep = {
        "last": lambda key: key < now,
        "next": lambda key: key > now,
        "past": lambda key: key <= now,
        "future": lambda key: key >= now,
    }.get(how, lambda key: True)
    pool = [o for o in options if keep(o[0])] or options
    return min(pool, key=lambda o: (abs(o[0] - now), o[0] > now))[1]


def _how(rel: str | None, direction: str) -> str:
    """'last'/'next'/'this' from a modifier, else the clause's direction."""
    rel = re.sub(r"\s+", " ", (rel or "").lower())
    return {"last": "last", "this past": "last", "the previous": "last", "next": "next",
            "this coming": "next", "the coming": "next", "this": "this", "the current": "this"}.get(rel, direction)


# --- normalisation ------------------------------------------------------------------

Value = tuple[str, str | None, str]  # (TIMEX type, value, precision)


def _full_year(text: str) -> int:
    year = int(text)
    return year if len(text) == 4 else (2000 + year if year < 50 else 1900 + year)


def _explicit_day(c: Candidate, dct: date | None, direction: str) -> Value | None:
    """Month + day, with or without a year ("Jan. 15", "15 January 2024", "1/15/2024")."""
    month = int(c.get("mon")) if c.get("mon") else MONTHS[c.get("month")]
    day = int(c.get("day"))
    if c.get("year"):
        try:
            return "DATE", date(_full_year(c.get("year")), month, day).isoformat(), "day"
        except ValueError:
            return None
    if dct is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", "day"
    options = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            options.append((date(year, month, day).toordinal(), date(year, month, day).isoformat()))
        except ValueError:
            continue
    return ("DATE", _choose(options, dct.toordinal(), direction, soft=True), "day") if options else None


def _month(c: Candidate, dct: date | None, direction: str) -> Value:
    month = MONTHS[c.get("month")]
    if c.get("year"):
        return "DATE", f"{c.get('year')}-{month:02d}", "month"
    if dct is None:
        return "DATE", f"XXXX-{month:02d}", "month"
    how = _how(c.get("rel"), direction)
    if how == "this":
        return "DATE", f"{dct.year}-{month:02d}", "month"
    options = [(y * 12 + month, f"{y}-{month:02d}") for y in (dct.year - 1, dct.year, dct.year + 1)]
    return "DATE", _choose(options, dct.year * 12 + dct.month, how), "month"


def _month_rel_year(c: Candidate, dct: date | None, direction: str) -> Value:
    month = MONTHS[c.get("month")]
    if dct is None:
        return "DATE", f"XXXX-{month:02d}", "month"
    return "DATE", f"{dct.year + _step(c.get('ryear'))}-{month:02d}", "month"


def _step(rel: str | None) -> int:
    return {"last": -1, "next": 1}.get(_how(rel, "this"), 0)


def _weekday(c: Candidate, dct: date | None, direction: str) -> Value:
    weekday = WEEKDAYS[c.get("wd")]
    part_word = (c.get("part") or "").lower()
    part = None if part_word in DATE_PARTS else DAY_PARTS.get(part_word)
    kind = "TIME" if part else "DATE"
    if dct is None:
        return kind, f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""), "day"
    how = _how(c.get("rel"), direction)
    if how == "this":
        day = dct + timedelta(days=weekday - dct.isoweekday())
    else:
        # news convention: an untensed weekday is the most recent one
        how = how if how in ("last", "next", "future") else "past"
        options = [(o, date.fromordinal(o).isoformat()) for o in range(dct.toordinal() - 7, dct.toordinal() + 8)
                   if date.fromordinal(o).isoweekday() == weekday]
        day = date.fromisoformat(_choose(options, dct.toordinal(), how))
    return kind, day.isoformat() + (f"T{part}" if part else ""), "day"


def _day_word(c: Candidate, dct: date | None, direction: str) -> Value:
    word = c.get("rel").lower()
    part = DAY_PARTS.get((c.get("part") or "").lower()) or ("NI" if word == "tonight" else None)
    kind = "TIME" if part else "DATE"
    if dct is None:
        return kind, None, "day"
    offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    day = dct + timedelta(days=offset)
    return kind, day.isoformat() + (f"T{part}" if part else ""), "day"


def _part_of_day(c: Candidate, dct: date | None, direction: str) -> Value:
    part = DAY_PARTS[c.get("part").lower()]
    if dct is None:
        return "TIME", None, "day"
    day = dct - timedelta(days=1) if c.get("rel").lower() == "last" else dct
    return "TIME", f"{day.isoformat()}T{part}", "day"


def _period(c: Candidate, dct: date | None, direction: str) -> Value:
    """this/last/next week, month, year, quarter, decade, century."""
    unit = c.get("unit").lower()
    precision = {"week": "week", "weekend": "week", "month": "month", "quarter": "month"}.get(unit, "year")
    if dct is None:
        return "DATE", None, precision
    step = _step(c.get("rel"))
    if unit in ("week", "weekend"):
        return "DATE", _week(dct + timedelta(weeks=step)) + ("-WE" if unit == "weekend" else ""), precision
    if unit == "month":
        year, month = _shift_month(dct.year, dct.month, step)
        return "DATE", f"{year}-{month:02d}", precision
    if unit == "quarter":
        index = dct.year * 4 + (dct.month - 1) // 3 + step
        return "DATE", f"{index // 4}-Q{index % 4 + 1}", precision
    if unit == "decade":
        return "DATE", str(dct.year // 10 + step), "none"
    if unit == "century":
        return "DATE", str(dct.year // 100 + step), "none"
    return "DATE", str(dct.year + step), precision


def _quarter(c: Candidate, dct: date | None, direction: str) -> Value:
    quarter = ORDINALS[c.get("ord").lower()]
    if c.get("year") or c.get("pyear"):
        return "DATE", f"{c.get('year') or c.get('pyear')}-Q{quarter}", "month"
    if dct is not None and c.get("ryear"):
        return "DATE", f"{dct.year + _step(c.get('ryear'))}-Q{quarter}", "month"
    if dct is None:
        return "DATE", f"XXXX-Q{quarter}", "month"
    options = [(y * 4 + quarter - 1, f"{y}-Q{quarter}") for y in (dct.year - 1, dct.year, dct.year + 1)]
    return "DATE", _choose(options, dct.year * 4 + (dct.month - 1) // 3, direction, soft=True), "month"


def _season(c: Candidate, dct: date | None, direction: str) -> Value:
    season = SEASONS[c.get("season").lower()]
    code, first = season["code"], int(season["month"])
    if c.get("year"):
        return "DATE", f"{c.get('year')}-{code}", "month"
    if dct is None:
        return "DATE", f"XXXX-{code}", "month"
    how = _how(c.get("rel"), direction)
    if how == "this":
        return "DATE", f"{dct.year}-{code}", "month"
    # seasons are keyed by the month index they start in (winter starts in December)
    month_index = dct.year * 12 + dct.month - 1
    current = month_index - (month_index - 2) % 3
    options = [(y * 12 + first - 1, f"{y}-{code}") for y in range(dct.year - 2, dct.year + 2)]
    return "DATE", _choose(options, current, how), "month"


def _year(c: Candidate, dct: date | None, direction: str) -> Value:
    return "DATE", c.get("year"), "year"


def _decade(c: Candidate, dct: date | None, direction: str) -> Value:
    if c.get("tens"):
        return "DATE", f"19{TENS[c.get('tens').lower()[:-3] + 'y'] // 10}", "none"
    return "DATE", c.get("dec") or f"19{c.get('short')}", "none"


def _number(text: str | None) -> str:
    """'three' -> '3', 'twenty four' -> '24', '48' -> '48', 'several' -> 'X', None -> '1'."""
    if not text:
        return "1"
    if text[0].isdigit():
        return text
    total = 0.0
    words = re.split(r"[\s-]+", text.lower())
    phrase = " ".join(words)
    if phrase in CARDINALS:
        return CARDINALS[phrase] if CARDINALS[phrase] == "X" else _fmt(float(CARDINALS[phrase]))
    for word in words:
        value = CARDINALS.get(word)
        if value is None or value == "X":
            return "X"
        total = total * float(value) if NUMBERS[word]["kind"] == "multiplier" else total + float(value)
    return _fmt(total)


def _fmt(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)


def _unit_code(row: dict[str, str]) -> tuple[int, str]:
    """(multiplier, TIMEX3 unit) of a unit row: "2W" (a fortnight) is (2, "W"), "10Y" (a decade) (10, "Y")."""
    code = row["code"].lstrip("0123456789")
    return int(row["code"][: len(row["code"]) - len(code)] or 1), code


def _duration_value(num: str, unit: str) -> str:
    row = UNITS[UNIT_OF[unit.lower()]]
    factor, code = _unit_code(row)
    if num == "X":
        code = row.get("vague") or code
    elif factor > 1:
        num = _fmt(float(num) * factor)
    return ("PT" if row["time"] == "1" else "P") + num + code


def _ago(num: str, unit: str, dct: date | None, sign: int = -1) -> Value:
    """"N units ago" (sign -1) or "N units later" (sign 1), from the DCT, to the unit's precision."""
    row = UNITS[UNIT_OF[unit.lower()]]
    precision = row["precision"]
    ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
    if num == "X" or dct is None or precision == "none" or "." in num:
        return "DATE", ref if num == "X" or dct is not None else None, "none"
    factor, code = _unit_code(row)
    n = -sign * int(num) * factor
    if precision == "day":
        return "DATE", (dct - timedelta(days=n)).isoformat(), "day"
    if precision == "week":
        return "DATE", _week(dct - timedelta(weeks=n)), "week"
    if precision == "month":
        months = n * 3 if code == "Q" else n
        year, month = _shift_month(dct.year, dct.month, -months)
        return "DATE", f"{year}-{month:02d}", "month"
    return "DATE", str(dct.year - n), "year"


def _duration(c: Candidate, dct: date | None, direction: str) -> Value:
    num = _number(c.get("num"))
    lead = re.sub(r"\s+", " ", (c.get("lead") or "").lower())
    unit = UNIT_OF[c.get("unit").lower()]
    if lead in ("the past", "the last") and not c.get("num") and unit in ("week", "month", "year") and dct:
        # "over the past year" (no count): the calendar unit before the DCT's, as TimeBank reads it
        return _period(Candidate(c.start, c.end, c.text, "period", (("rel", "last"), ("unit", unit))), dct, direction)
    if c.get("ago"):
        ahead = _implied(c) == "future"  # "two days later", "a year from now"
        return _ago(num, c.get("unit"), dct, 1 if ahead else -1)
    return "DURATION", _duration_value(num, c.get("unit")), "none"


def _set(c: Candidate, dct: date | None, direction: str) -> Value:
    if c.get("wd"):
        return "SET", f"XXXX-WXX-{WEEKDAYS[c.get('wd')]}", "none"
    if c.get("month"):
        return "SET", f"XXXX-{MONTHS[c.get('month')]:02d}", "none"
    num = _number(c.get("num"))
    if "other" in c.text.lower() and num != "X":
        num = _fmt(float(num) * 2)
    return "SET", _duration_value(num, c.get("unit")), "none"


def _ref(c: Candidate, dct: date | None, direction: str) -> Value:
    return "DATE", REFS[re.sub(r"\s+", " ", c.get("ref").lower())], "none"


def _clock(c: Candidate, dct: date | None, direction: str) -> Value:
    if c.get("noon"):
        clock = DAY_PARTS[c.get("noon").lower()]
    else:
        hour = int(c.get("hour")) % 12 + (12 if c.get("ampm").lower().startswith("p") else 0)
        clock = f"{hour:02d}:{c.get('minute') or '00'}"
    if c.get("wd"):
        day = _weekday(c, dct, direction)[1]
    elif c.get("month"):
        day = (_explicit_day(c, dct, direction) or ("", None))[1]
    elif c.get("rel"):
        day = _day_word(c, dct, direction)[1]
    else:
        day = dct.isoformat() if dct else "XXXX-XX-XX"
    return "TIME", f"{(day or 'XXXX-XX-XX')[:10]}T{clock}", "day"


def _set_word(c: Candidate, dct: date | None, direction: str) -> Value:
    return "SET", SET_WORDS[c.get("often").lower()], "none"


def _easter(year: int) -> date:
    """Easter Sunday, Gregorian (the anonymous algorithm, as in Meeus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday_date(phrase: str, year: int) -> date:
    """The day a holiday falls on in ``year`` (see data/timex_holidays.tsv)."""
    row = HOLIDAYS[re.sub(r"\s+", " ", phrase.lower())]
    offset = timedelta(days=int(row.get("offset") or 0))
    if row["kind"] == "easter":
        return _easter(year) + offset
    month = int(row["month"])
    if row["kind"] == "fixed":
        return date(year, month, int(row["day"]))
    weekday, n = int(row["weekday"]), int(row["n"])
    if n > 0:
        first = date(year, month, 1)
        day = first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    else:
        last = date(*_shift_month(year, month, 1), 1) - timedelta(days=1)
        day = last - timedelta(days=(last.isoweekday() - weekday) % 7)
    return day + offset


def _holiday(c: Candidate, dct: date | None, direction: str) -> Value:
    phrase = c.get("holiday")
    if c.get("year"):
        return "DATE", holiday_date(phrase, int(c.get("year"))).isoformat(), "day"
    if dct is None:
        return "DATE", None, "day"
    how = _how(c.get("rel"), direction)
    if how == "this":
        return "DATE", holiday_date(phrase, dct.year).isoformat(), "day"
    options = [(d.toordinal(), d.isoformat()) for d in (holiday_date(phrase, y) for y in range(dct.year - 1, dct.year + 2))]
    return "DATE", _choose(options, dct.toordinal(), how, soft=how in ("past", "future")), "day"


def _the_weekend(c: Candidate, dct: date | None, direction: str) -> Value:
    """"over the weekend": the coming one in a future clause, else the last one (or this one, on a weekend)."""
    if dct is None:
        return "DATE", None, "week"
    ahead = direction == "future" and dct.isoweekday() < 6
    saturday = dct + timedelta(days=(6 - dct.isoweekday()) % 7) if ahead else dct - timedelta(days=(dct.isoweekday() - 6) % 7)
    return "DATE", _week(saturday) + "-WE", "week"


def _the_year(c: Candidate, dct: date | None, direction: str) -> Value:
    """"the year ended March 31", "the fiscal year": a year-long period; "the full year": the current one."""
    if c.get("ended") or (c.get("fy") or "").lower() == "fiscal":
        return "DURATION", "P1Y", "none"
    return "DATE", str(dct.year) if dct else None, "year"


def _rate(c: Candidate, dct: date | None, direction: str) -> Value:
    return "SET", _duration_value("1", c.get("unit")), "none"


def _period_the(c: Candidate, dct: date | None, direction: str) -> Value:
    """"the end of the year": the current unit, like "this year"."""
    return _period(c, dct, direction)


def _year_end(c: Candidate, dct: date | None, direction: str) -> Value:
    return "DATE", str(dct.year) if dct else None, "year"


def _quarter_index(dct: date) -> int:
    return dct.year * 4 + (dct.month - 1) // 3


def _quarter_value(index: int) -> str:
    return f"{index // 4}-Q{index % 4 + 1}"


def _quarter_ref(c: Candidate, dct: date | None, direction: str) -> Value:
    """"the latest quarter": with no quarter named before it, the last completed one (see ``_anchored``)."""
    if c.get("pyear"):
        return "DATE", c.get("pyear"), "year"
    if dct is None:
        return "DATE", None, "month"
    step = PERIOD_WORDS.get((c.get("qrel") or "").lower(), -1)
    return "DATE", _quarter_value(_quarter_index(dct) + step), "month"


def _year_ago(c: Candidate, dct: date | None, direction: str) -> Value:
    """"year-earlier", "the year-ago quarter": the year before the DCT's (its quarter, when named)."""
    if dct is None:
        return "DATE", None, "year"
    if c.get("ord"):
        return "DATE", f"{dct.year - 1}-Q{ORDINALS[c.get('ord').lower()]}", "month"
    if c.get("qword"):
        return "DATE", _quarter_value(_quarter_index(dct) - 5), "month"
    return "DATE", str(dct.year - 1), "year"


def _quarter_ago(c: Candidate, dct: date | None, direction: str) -> Value:
    """"the same period last year": the quarter a year before the last completed one (see ``_anchored``)."""
    if dct is None:
        return "DATE", None, "month"
    return "DATE", _quarter_value(_quarter_index(dct) - 5), "month"


ANAPHOR_STEP = {"following": 1, "previous": -1, "preceding": -1}


def _anaphor(c: Candidate, ref: date | None, direction: str) -> Value | None:
    """"that year", "the following month": the unit of ``ref`` (the date the text last named, which
    ``Discourse`` passes in place of the DCT), or the one after or before it."""
    if ref is None:
        return None
    unit = c.get("unit").lower()
    step = ANAPHOR_STEP.get((c.get("step") or "").lower(), 0)
    if unit == "day":
        return "DATE", (ref + timedelta(days=step)).isoformat(), "day"
    rel = {1: "next", -1: "last"}.get(step, "this")
    return _period(Candidate(c.start, c.end, c.text, "period", (("rel", rel), ("unit", unit))), ref, direction)


def _century(c: Candidate, dct: date | None, direction: str) -> Value:
    return "DATE", f"{int(c.get('cent')) - 1:02d}", "none"


def _vague_duration(c: Candidate, dct: date | None, direction: str) -> Value:
    return "DURATION", _duration_value("X", c.get("unit")), "none"


NORMALISERS: dict[str, Callable[[Candidate, date | None, str], Value | None]] = {
    "iso": _explicit_day, "slash": _explicit_day, "month_day": _explicit_day, "day_month": _explicit_day,
    "month_year": _month, "month": _month, "year": _year, "decade": _decade, "day_word": _day_word,
    "part_of_day": _part_of_day, "period": _period, "quarter": _quarter, "weekday": _weekday,
    "duration": _duration, "vague_duration": _vague_duration, "month_rel_year": _month_rel_year,
    "season": _season, "set": _set, "ref": _ref, "clock": _clock, "rate": _rate, "period_the": _period_the,
    "year_end": _year_end, "quarter_ref": _quarter_ref, "year_ago": _year_ago, "century": _century,
    "set_word": _set_word, "holiday": _holiday, "the_weekend": _the_weekend, "the_year": _the_year,
    "decade_word": _decade, "quarter_ago": _quarter_ago, "anaphor": _anaphor, "day_pair": _explicit_day,
}


# --- direction of the result relative to the DCT -----------------------------------

_SEASON_START = {r["code"]: int(r["month"]) for r in SEASONS.values()}


def interval(value: str | None) -> tuple[date, date] | None:
    """The first and last day a TIMEX3 date value covers, when it is absolute."""
    if not value:
        return None
    try:
        if m := re.match(r"^(\d{4})-(\d\d)-(\d\d)", value):
            day = date(*map(int, m.groups()))
            return day, day
        if m := re.match(r"^(\d{4})-W(\d\d)", value):
            first = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return first, first + timedelta(days=6)
        if m := re.match(r"^(\d{4})-(Q\d|SP|SU|FA|WI|\d\d)$", value):
            year, part = int(m[1]), m[2]
            first_month = 3 * int(part[1]) - 2 if part[0] == "Q" else _SEASON_START.get(part) or int(part)
            months = 1 if part.isdigit() else 3
            end_year, end_month = _shift_month(year, first_month, months)
            return date(year, first_month, 1), date(end_year, end_month, 1) - timedelta(days=1)
        if m := re.match(r"^(\d{2,4})$", value):
            span = 10 ** (4 - len(value))
            first_year = int(value) * span
            return date(first_year, 1, 1), date(first_year + span - 1, 12, 31)
    except ValueError:
        return None
    return None


def relation(value: str | None, dct: date | None, fallback: str = "none") -> str:
    """past/present/future of a value relative to the DCT; ``fallback`` when unknown."""
    refs = {"PAST_REF": "past", "PRESENT_REF": "present", "FUTURE_REF": "future"}
    if value in refs:
        return refs[value]
    span = interval(value)
    if span is None or dct is None:
        return fallback
    if span[1] < dct:
        return "past"
    return "future" if span[0] > dct else "present"


# --- public entry points ------------------------------------------------------------


_IMPLIED = {"last": "past", "this past": "past", "the previous": "past", "yesterday": "past", "ago": "past",
            "earlier": "past",
            "next": "future", "this coming": "future", "the coming": "future", "tomorrow": "future",
            "this": "present", "the current": "present", "today": "present", "tonight": "present"}


def _implied(cand: Candidate) -> str:
    """The direction a modifier states by itself ("last", "tomorrow", "ago")."""
    for name in ("rel", "ryear", "ago"):
        word = re.sub(r"\s+", " ", (cand.get(name) or "").strip().lower())
        if word in _IMPLIED:
            return _IMPLIED[word]
    return "none"


_QUARTER = re.compile(r"^(\d{4})-Q(\d)$")


def _anchored(cand: Candidate, value: str | None, quarter: str | None) -> str | None:
    """News about a quarter's results speaks of that quarter: after "the third quarter" (1989-Q3),
    "the latest period" is 1989-Q3 and "a year earlier" or "the year-ago period" 1988-Q3."""
    named = _QUARTER.match(quarter or "")
    if named is None or value is None:
        return value
    year, number = int(named[1]), named[2]
    if cand.rule == "quarter_ref":
        return f"{cand.get('pyear') or year}-Q{number}"
    year_back = cand.rule == "quarter_ago" or (cand.rule == "year_ago" and not cand.get("ord"))
    if cand.rule == "duration" and cand.get("ago") and UNIT_OF[cand.get("unit").lower()] == "year":
        year_back = re.fullmatch(r"\d{4}", value) is not None and _implied(cand) == "past"
        back = int(_number(cand.get("num"))) if year_back else 0
        return f"{year - back}-Q{number}" if year_back else value
    return f"{year - 1}-Q{number}" if year_back else value


def normalise(
    cand: Candidate, dct: str | date | None, direction: str = "none", quarter: str | None = None
) -> TimeExpression | None:
    """The TimeExpression for a candidate; ``direction`` is the tense of its clause, ``quarter``
    the last quarter (a "1989-Q3" value) the text named before it, if any."""
    anchor = parse_dct(dct)
    result = NORMALISERS[cand.rule](cand, anchor, direction if direction in DIRECTIONS else "none")
    if result is None:
        return None
    kind, value, precision = result
    value = _anchored(cand, value, quarter)
    fallback = direction if cand.needs_direction else _implied(cand)
    rel = "none" if kind in ("DURATION", "SET") else relation(value, anchor, fallback)
    return TimeExpression(cand.start, cand.end, cand.text, kind, value, precision, rel)  # type: ignore[arg-type]


def joins_range(text: str, first: TimeExpression, second_start: int) -> bool:
    """Whether ``first`` and the expression at ``second_start`` are the two ends of one range:
    "Monday through Wednesday", "from May to July", "between 1990 and 1995"."""
    between = text[first.end : second_start].strip().lower()
    opener = _word_before(text, first.start)
    return between in RANGE_WORDS["joins"] or (between in RANGE_WORDS["pairs"] and opener in RANGE_WORDS["opens"])


def read_forward(cand: Candidate, timex: TimeExpression, before: TimeExpression | None, text: str,
                 dct: str | date | None) -> TimeExpression:
    """A range's end is read forward from its start: in "from Monday through Wednesday", said on a
    Wednesday, "Wednesday" is the one after that Monday, whatever the clause's tense made of it."""
    if before is None or not cand.needs_direction or not joins_range(text, before, cand.start):
        return timex
    start, end = interval(before.value), interval(timex.value)
    if start is None or end is None or end[0] >= start[0]:
        return timex
    forward = normalise(cand, start[0], "future")
    if forward is None or forward.value is None:
        return timex
    return dataclasses.replace(timex, value=forward.value,
                               direction=relation(forward.value, parse_dct(dct), "future"))  # type: ignore[arg-type]


def find_times(
    text: str,
    dct: str | date | None = None,
    direction: str | Callable[[Candidate], str] = "none",
) -> list[TimeExpression]:
    """All temporal expressions in ``text``, normalised. ``direction`` is one tense for
    the whole text or a function giving the tense of each candidate's clause."""
    discourse = Discourse(text, dct)
    found = (discourse.read(cand, direction(cand) if callable(direction) else direction)
             for cand in find_candidates(text))
    return [timex for timex in found if timex is not None]


_NAMED = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T|$)")
_UNIT_NEEDS = {"day": 3, "week": 3, "month": 2, "year": 1}  # how many of year/month/day an anaphor's anchor needs


@dataclass
class Discourse:
    """What the text has said so far that later expressions lean on: the last quarter named
    ("the latest period" is that quarter), the last year, month and day named ("later that year";
    a bare "10 p.m." is on that day, not necessarily the publication date's) and the expression
    just before (a range's start)."""

    text: str
    dct: str | date | None
    quarter: str | None = None
    day: str | None = None
    named: tuple[int, ...] = ()  # (year,), (year, month) or (year, month, day) of the last date named
    previous: TimeExpression | None = None

    def read(self, cand: Candidate, direction: str = "none") -> TimeExpression | None:
        timex = self._anaphor(cand, direction) if cand.rule == "anaphor" else normalise(cand, self.dct, direction, self.quarter)
        if timex is None:
            return None
        if cand.rule == "clock" and self.day and timex.value and not (cand.get("wd") or cand.get("month") or cand.get("rel")):
            timex = dataclasses.replace(timex, value=self.day + timex.value[10:])
        timex = read_forward(cand, timex, self.previous, self.text, self.dct)
        self.quarter = last_quarter(self.quarter, cand, timex, parse_dct(self.dct))
        self._remember(timex)
        self.previous = timex
        return timex

    def _anaphor(self, cand: Candidate, direction: str) -> TimeExpression | None:
        """"that year" needs a year named before it; "the following month" without one counts from the DCT."""
        need = _UNIT_NEEDS[cand.get("unit").lower()]
        if len(self.named) >= need:
            ref = date(*(self.named + (1, 1))[:3])
            timex = normalise(cand, ref, direction)
            if timex is None:
                return None
            return dataclasses.replace(timex, direction=relation(timex.value, parse_dct(self.dct), "past"))  # type: ignore[arg-type]
        return normalise(cand, self.dct, direction) if cand.get("step") else None

    def _remember(self, timex: TimeExpression) -> None:
        if timex.type not in ("DATE", "TIME") or not timex.value:
            return
        named = _NAMED.match(timex.value)
        if named is None:
            return
        self.named = tuple(int(g) for g in named.groups() if g)
        if named[3]:
            self.day = timex.value[:10]


_REPORTING = re.compile(r"^P(?:([4-9]|\d\d+)M|\d+Y)$")


def last_quarter(before: str | None, cand: Candidate, timex: TimeExpression, dct: date | None = None) -> str | None:
    """The last quarter named ("the third quarter": "1989-Q3") once ``timex`` is read, for
    ``normalise``; quarters found by anchoring ("the latest period") do not move it, nor does a
    quarter not over by the DCT ("a fourth-quarter charge" expected): results are reported for
    quarters that have ended. A longer reporting period ("in the nine months") ends the quarter's talk."""
    if timex.type == "DURATION" and timex.text.lower().startswith("the ") and _REPORTING.match(timex.value or ""):
        return None  # "the nine months", "the year ended Sept. 30": results for a longer period follow
    if cand.rule != "quarter" or not timex.value or not _QUARTER.match(timex.value):
        return before
    span = interval(timex.value)
    return before if dct is not None and span is not None and span[1] >= dct else timex.value
