"""Event dates: the time expression of the trigger's own clause, else the publication date.

``time_anchors`` indexes, once per document, where each dated time expression hangs in the
parse; ``event_date`` looks up a trigger's own few tokens in it, so a long sentence costs no
more per event than a short one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from dyad.nlp.parse import children
from dyad.records import TimeExpression

MAX_CLIMB = 8  # phrases nest a few levels deep; the bound keeps a long sentence linear


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


@dataclasses.dataclass
class TimeAnchors:
    """Where each dated time expression hangs in the parse, indexed once per document.

    ``passes``: every token on the way from the expression up to its verb ("test Sunday": test);
    ``ends``: that verb. An event looks up its own few tokens, never every time of the sentence.
    """

    passes: dict[int, list[tuple[int, TimeExpression]]]
    ends: dict[int, list[tuple[int, TimeExpression]]]


def time_anchors(doc: Doc, times: list[TimeExpression]) -> TimeAnchors:
    anchors = TimeAnchors({}, {})
    for tx in times:
        # an underspecified value ("XXXX-07": no publication date to anchor it) dates nothing
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand") if tx.value and "X" not in tx.value else None
        if span is None:
            continue
        attach = span.root
        for _ in range(4 * MAX_CLIMB):
            anchors.passes.setdefault(attach.i, []).append((span.root.i, tx))
            if attach.head.i == attach.i or attach.pos_ in ("VERB", "AUX"):
                break
            attach = attach.head
        anchors.ends.setdefault(attach.i, []).append((span.root.i, tx))
    return anchors


def event_date(head: Token, anchors: TimeAnchors, doc: Doc) -> dict:
    """Date from the nearest time expression in the trigger's clause, else the publication date."""
    candidates = list(anchors.passes.get(head.i, ()))
    for token in _own_clause(head):
        candidates += anchors.ends.get(token.i, ())
    best = min(candidates, key=lambda found: abs(found[0] - head.i), default=None)
    if best is not None and best[1].type == "DATE":
        tx = best[1]
        return {"date": tx.value, "date_precision": tx.precision, "date_source": "text", "date_span": (tx.start, tx.end)}
    published = doc._.dyad_document.published if doc._.dyad_document else None
    if published:
        return {"date": published, "date_precision": "day", "date_source": "publication"}
    return {"date": None, "date_precision": "none", "date_source": "none"}
