"""Event dates: the time expression of the trigger's own clause, else the publication date.

``time_anchors`` reads, once per document, what each time expression says about when
something happened (a ``Reading``: a date, or a range "from Monday through Wednesday",
"since last year") and indexes where it hangs in the parse; ``event_date`` looks up a
trigger's own few tokens in it, so a long sentence costs no more per event than a short one.
``clamp_to_publication`` then keeps events that did happen from being dated after the article.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from datetime import date

from spacy.tokens import Doc, Token

from dyad.nlp.parse import children
from dyad.nlp.timex import (
    RANGE_WORDS,
    find_candidates,
    interval,
    joins_range,
    normalise,
)
from dyad.records import Event, Span, TimeExpression

MAX_CLIMB = 8  # phrases nest a few levels deep; the bound keeps a long sentence linear
MAY_BE_LATER = frozenset({"future", "hypothetical"})  # the only modalities dated after publication
_LAST_WORD = re.compile(r"(\S+)\s*$")


@dataclasses.dataclass(frozen=True)
class Reading:
    """When a time expression (or a range of two) says something happened: Event date fields."""

    date: str
    precision: str
    span: Span
    end: str | None = None  # a range's last value

    def fields(self, source: str = "text") -> dict:
        return {"date": self.date, "date_precision": self.precision, "date_source": source,
                "date_span": self.span, "date_end": self.end}


def _own_clause(head: Token) -> Iterable[Token]:
    """The trigger and the tokens above it up to its clause's edge ("arrived on Sunday and was met")."""
    token = head
    yield token
    for _ in range(MAX_CLIMB):  # bounded: a chain of "and ... and ..." must not make a long sentence quadratic
        if token.head.i == token.i or (token.dep_ in ("ccomp", "parataxis", "advcl", "relcl") and not starts_when(token)):
            return
        token = token.head
        yield token


def starts_when(clause: Token) -> bool:
    """"came in July, when X visited": a when-clause happens at the time of the clause it hangs on."""
    return clause.dep_ in ("advcl", "relcl") and any(c.lower_ == "when" for c in children(clause))


# --- what a time expression says about an event's date ------------------------------------


def datable(tx: TimeExpression) -> Reading | None:
    """The date a DATE or TIME expression gives an event, when it is a calendar value.

    A TIME gives its day ("Sunday morning": 2024-01-14); references ("recently": PAST_REF),
    values left open for want of a publication date ("XXXX-07"), durations and sets give none.
    """
    if tx.type not in ("DATE", "TIME") or not tx.value:
        return None
    value = tx.value.split("T")[0] if tx.type == "TIME" else tx.value
    if interval(value) is None:
        return None
    precision = "day" if tx.type == "TIME" else tx.precision
    return Reading(value, precision, (tx.start, tx.end))


def _word_before(text: str, start: int) -> str:
    found = _LAST_WORD.search(text[max(0, start - 20) : start])
    return found.group(1).lower() if found else ""


def _first_day(value: str) -> date:
    return interval(value)[0]  # type: ignore[index]  (only called on datable values)


def _open_range(reading: Reading, word: str, published: date | None) -> Reading:
    """"since last year": from then until publication; "through Wednesday" (still ahead): from
    publication until then. The publication date stands in for the end or start the text leaves
    open, only where it lies on the right side of the expression."""
    if published is None:
        return reading
    if word in RANGE_WORDS["since"] and _first_day(reading.date) <= published:
        return dataclasses.replace(reading, end=published.isoformat())
    if word in RANGE_WORDS["until"] and _first_day(reading.date) > published:
        return Reading(published.isoformat(), "day", reading.span, reading.date)
    return reading


def readings(text: str, times: list[TimeExpression], published: date | None) -> list[Reading | None]:
    """What each time expression (in text order) says; both ends of a range share one Reading."""
    out: list[Reading | None] = [None] * len(times)
    for i, tx in enumerate(times):
        if out[i] is not None:  # already the end of the range before it
            continue
        reading = datable(tx)
        if reading is None:
            continue
        before = _word_before(text, tx.start)
        after = datable(times[i + 1]) if i + 1 < len(times) else None
        if after is not None and joins_range(text, tx, times[i + 1].start):
            out[i] = out[i + 1] = Reading(reading.date, reading.precision, (tx.start, after.span[1]), after.date)
        else:
            out[i] = _open_range(reading, before, published)
    return out


# --- where each reading hangs in the parse --------------------------------------------------


@dataclasses.dataclass
class TimeAnchors:
    """Where each dated time expression hangs in the parse, indexed once per document.

    ``passes``: every token on the way from the expression up to its verb ("test Sunday": test);
    ``ends``: that verb. An event looks up its own few tokens, never every time of the sentence.
    Each entry is (the expression's root token index, its Reading).
    """

    passes: dict[int, list[tuple[int, Reading]]]
    ends: dict[int, list[tuple[int, Reading]]]


def _published(doc: Doc) -> date | None:
    document = doc._.dyad_document
    try:
        return date.fromisoformat(document.published) if document and document.published else None
    except ValueError:
        return None


def time_anchors(doc: Doc, times: list[TimeExpression]) -> TimeAnchors:
    anchors = TimeAnchors({}, {})
    ordered = sorted(times, key=lambda tx: tx.start)
    for tx, reading in zip(ordered, readings(doc.text, ordered, _published(doc))):
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand") if reading else None
        if span is None:
            continue
        attach = span.root
        for _ in range(4 * MAX_CLIMB):
            anchors.passes.setdefault(attach.i, []).append((span.root.i, reading))
            if attach.head.i == attach.i or attach.pos_ in ("VERB", "AUX"):
                break
            attach = attach.head
        anchors.ends.setdefault(attach.i, []).append((span.root.i, reading))
    return anchors


def event_date(head: Token, anchors: TimeAnchors, doc: Doc) -> dict:
    """Event date fields from the nearest time expression in the trigger's clause, else the publication date."""
    candidates = list(anchors.passes.get(head.i, ()))
    for token in _own_clause(head):
        candidates += anchors.ends.get(token.i, ())
    best = min(candidates, key=lambda found: abs(found[0] - head.i), default=None)
    if best is not None:
        return best[1].fields()
    return _publication_fields(doc)


def _publication_fields(doc: Doc) -> dict:
    published = _published(doc)
    if published:
        return {"date": published.isoformat(), "date_precision": "day", "date_source": "publication",
                "date_span": None, "date_end": None}
    return {"date": None, "date_precision": "none", "date_source": "none", "date_span": None, "date_end": None}


# --- nothing that happened is dated after the article -----------------------------------------


def dated_ahead(event: Event, doc: Doc) -> bool:
    """The text dates the event after the article appeared ("next month", a later date)."""
    published = _published(doc)
    return (published is not None and event.date_source == "text" and bool(event.date)
            and interval(event.date) is not None and _first_day(event.date) > published)


def clamp_to_publication(event: Event, doc: Doc) -> None:
    """An event the article reports as done (asserted, negated, alleged, historical) cannot start
    after the article appeared. Such a date comes from a misread tense ("On Friday, X met Y" read
    as the coming Friday) or a modality the coder missed; call this once the modality is final.

    The expression is first read again as past ("Friday": the last one); when even that lies
    ahead ("next week", an explicit later date), the text's date is not trusted for a done event
    and the publication date stands instead.
    """
    if event.modality in MAY_BE_LATER or event.date_span is None or not dated_ahead(event, doc):
        return
    past = _past_reading(doc.text, event.date_span, _published(doc))
    if past is not None:
        for name, value in past.fields().items():
            setattr(event, name, value)
    else:
        for name, value in _publication_fields(doc).items():
            setattr(event, name, value)


def _past_reading(text: str, span: Span, published: date) -> Reading | None:
    """The expression at ``span`` read in a past-tense clause, if that puts it by publication."""
    found = [normalise(c, published, "past") for c in find_candidates(text[span[0] : span[1]])]
    dated = [r for r in (datable(tx) for tx in found if tx is not None) if r is not None]
    if not dated or _first_day(dated[0].date) > published:
        return None
    end = dated[-1].date if len(dated) > 1 and _first_day(dated[-1].date) <= published else None
    return Reading(dated[0].date, dated[0].precision, span, end)
