"""``dyad_times``: temporal expressions, normalised against the publication date.

``dyad.nlp.timex`` finds the expressions in the text; this component adds what
only the parse knows: the tense of the clause that governs each expression
(past: the most recent such weekday or month; future: the next one) and the part
of speech of month words ("May" the modal, "March" the verb are not dates).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dyad.nlp.extensions import get_list, register_extensions
from dyad.nlp.timex import Candidate, Discourse, find_candidates, read_tsv

register_extensions()

_CUES = read_tsv("timex_tense_cues.tsv")
FUTURE_MODALS = frozenset(r["word"] for r in _CUES if r["kind"] == "modal")
FUTURE_VERBS = frozenset(r["word"] for r in _CUES if r["kind"] == "cue")
FUTURE_BEFORE = tuple(r["word"] for r in _CUES if r["kind"] == "before")  # "as early as Tuesday"
COMMIT_VERBS = frozenset(r["word"] for r in _CUES if r["kind"] == "commit")  # "agreed to buy in February"
PLAN_TARGETS = frozenset(r["word"] for r in _CUES if r["kind"] == "target")  # "planned for March"
HAVE = frozenset({"have", "has", "'ve", "had", "'d"})
HAD = frozenset({"had", "'d"})
NOT_A_DATE = frozenset({"VERB", "AUX", "ADJ"})  # "you May go", "they March", "August body"


def governing_verb(token: Token) -> Token | None:
    """The first verb at or above ``token`` in the parse (None at a verbless root)."""
    while token.pos_ not in ("VERB", "AUX"):
        if token.head.i == token.i:
            return None
        token = token.head
    return token


def _aux(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _is_target(verb: Token, root: Token | None) -> bool:
    """Whether the expression is the object of a plan's "for" ("was planned for early March")."""
    prep = root.head if root is not None else None
    return prep is not None and prep.dep_ == "prep" and prep.lower_ in PLAN_TARGETS and prep.head.i == verb.i


def verb_direction(verb: Token, root: Token | None = None) -> str:
    """past / future / present / none from the verb's tag and auxiliaries; ``root`` is the
    expression's head token, when the direction is asked for an expression."""
    aux = _aux(verb)
    words = {a.lower_ for a in aux}
    if words & FUTURE_MODALS:
        return "future"
    is_past = verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux)
    planning = verb.lemma_.lower() in FUTURE_VERBS
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not aux:
        # a participle after its noun: "the year ended March 31" is over; "the rally planned for
        # Saturday" is ahead unless its own clause is told in the past ("... was cancelled")
        if not planning:
            return "past"
        outer = governing_verb(verb.head) if verb.head.i != verb.i else None
        return "past" if outer is not None and verb_direction(outer) == "past" else "future"
    if planning and _is_target(verb, root):
        return "future"  # "is scheduled for Monday", "the accession was planned for early March"
    # "plans to", "planned a rally on Saturday" (the time is the planned thing's); but a past plan's
    # own time before its complement ("planned on Friday to pay") is when the planning was
    if planning and (not is_past or (verb.tag_ == "VBD" and any(c.dep_ == "dobj" for c in verb.children))):
        return "future"
    if verb.dep_ == "xcomp" and any(a.lower_ == "to" for a in aux) and verb.head.i != verb.i:
        head = verb.head
        if head.lemma_.lower() in FUTURE_VERBS | COMMIT_VERBS and not any(a.lower_ in HAD for a in _aux(head)):
            return "future"  # "planned to leave on Thursday": the leaving is ahead of the planning
        return verb_direction(head)
    if is_past or (verb.tag_ == "VBN" and words & HAVE):
        return "past"
    if verb.tag_ in ("VBZ", "VBP", "VBG") or any(a.tag_ in ("VBZ", "VBP") for a in aux):
        return "present"
    return "none"


def clause_direction(span: Span) -> str:
    """The tense of the clause an expression belongs to."""
    verb = governing_verb(span.root)
    return verb_direction(verb, span.root) if verb is not None else "none"


def _direction(text: str, cand: Candidate, span: Span) -> str:
    """The clause's tense, unless the words just before point ahead ("as soon as Tuesday")."""
    before = " ".join(text[max(0, cand.start - 30) : cand.start].lower().split())
    return "future" if before.endswith(FUTURE_BEFORE) else clause_direction(span)


def _is_time_word(doc: Doc, cand: Candidate, span: Span) -> bool:
    """False when the parser reads a lone month word as a verb, modal or adjective, or a frequency
    word as an adjective or noun ("average daily volume", "the party daily Granma")."""
    if cand.rule == "set_word":
        return span.root.pos_ == "ADV"
    if cand.rule != "month":
        return True
    word = next((t for t in span if t.text == cand.anchor), None)
    if word is None:
        return True
    # in headline case the parser calls a verb "March" a PROPN, but leaves it heading its clause
    heads_clause = word.dep_ == "ROOT" and any(c.dep_ != "punct" for c in word.children)
    return word.pos_ not in NOT_A_DATE and word.tag_ != "MD" and not heads_clause


@Language.factory("dyad_times")
def make_times(nlp: Language, name: str) -> TimesComponent:
    return TimesComponent()


class TimesComponent:
    """Writes ``doc._.dyad_times`` (list[TimeExpression]) and ``doc.spans["dyad_times"]``."""

    def __call__(self, doc: Doc) -> Doc:
        document = doc._.dyad_document
        dct = document.published if document is not None else None
        times = get_list(doc, "dyad_times")
        times.clear()
        spans = []
        discourse = Discourse(doc.text, dct)
        for cand in find_candidates(doc.text):
            span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            if span is None or not _is_time_word(doc, cand, span):
                continue
            timex = discourse.read(cand, _direction(doc.text, cand, span) if cand.needs_direction else "none")
            if timex is None:
                continue
            times.append(timex)
            spans.append(Span(doc, span.start, span.end, label=timex.type))
        doc.spans["dyad_times"] = spans
        return doc
