"""dyad_quotes: attributions (source, cue, content) from the dependency parse and quotation marks.

A cue is a speech verb from ``data/speech_cues.tsv`` (or "according to"); its source
is the speaker's full noun phrase and its content the clause it governs. Quotation
marks turn an attribution into a direct quote and give it the quoted words.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from dyad.nlp.extensions import doc_text, get_list, register_extensions
from dyad.nlp.lexicon import data_lines, load_word_sets
from dyad.records import Quote

register_extensions()

TokenRange = tuple[int, int]  # token indices, end exclusive
CharSpan = tuple[int, int]

SUBJECTS = ("nsubj", "csubj")  # a passive subject is what was said of ("X is expected to"), not who
CLAUSES = ("ccomp",)
OBJECTS = ("dobj", "xcomp", "prep", "dative", "ccomp", "advcl")  # right of an object-taking cue
NOT_VERBAL = ("amod", "compound", "nmod", "poss")  # "the said agreement", "alleged transfers"
OPENERS = {'"', "\u201c"}
CLOSERS = {'"', "\u201d"}
EDGE_TRIM = set(" \t\n\r,;:-\u2013\u2014\"'`\u201c\u201d\u2018\u2019()")


@dataclass(frozen=True)
class Cue:
    lemma: str
    particle: str | None
    kind: str
    takes_object: bool
    forms: tuple[str, ...] = ()
    raising: bool = False  # "X seemed to ...": no source, the subject belongs to the content
    any_object: bool = True  # without a clause or quote, its object may be the content ("cited X")


@cache
def load_cues(name: str = "speech_cues.tsv") -> dict[str, tuple[Cue, ...]]:
    """The cue lexicon keyed by lemma; a lemma may appear alone and with particles."""
    cues: dict[str, list[Cue]] = {}
    for row in csv.reader(data_lines(name), delimiter="\t"):
        row += [""] * (5 - len(row))
        words = row[0].strip().lower().split()
        content = row[2].strip()
        cue = Cue(
            lemma=words[0],
            particle=words[1] if len(words) > 1 else None,
            kind=row[1].strip(),
            takes_object=content in ("yes", "raising"),
            forms=tuple(f for f in row[3].strip().split("|") if f),
            raising=content == "raising",
            any_object=content != "never",
        )
        cues.setdefault(cue.lemma, []).append(cue)
    return {lemma: tuple(entries) for lemma, entries in cues.items()}


@cache
def all_cues() -> dict[str, tuple[Cue, ...]]:
    """Speech cues and the further attribution cues of ``quote_cues.tsv``; speech cues win."""
    return {**load_cues("quote_cues.tsv"), **load_cues()}


def cue_kind(lemma: str) -> str | None:
    """The kind (statement, denial, accusation, ...) of a cue lemma, for other components."""
    entries = all_cues().get(lemma.lower())
    return entries[0].kind if entries else None


# ---------------------------------------------------------------- quotation marks


def quote_regions(text: str) -> list[CharSpan]:
    """Inside of each pair of double quotes; an unclosed quote runs to the end of its paragraph."""
    regions: list[CharSpan] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        marks = line.rstrip("\r\n").replace("``", '"`').replace("''", "\"'")  # typewriter quotes, same length
        regions.extend((offset + s, offset + e) for s, e in _line_regions(marks))
        offset += len(line)
    return [_drop_final_stop(text, r) for r in (_trim(text, s, e) for s, e in regions) if r]


def _line_regions(line: str) -> Iterator[CharSpan]:
    """Any closing double mark ends a quote: news text mixes curly openers with straight closers."""
    start = None
    for i, char in enumerate(line):
        if start is None and char in OPENERS:
            start = i + 1
        elif start is not None and char in CLOSERS:
            yield start, i
            start = None
    if start is not None:
        yield start, len(line)


def _trim(text: str, start: int, end: int) -> CharSpan | None:
    """Strip spaces, commas, dashes and stray quote marks from both ends of a span."""
    while start < end and text[start] in EDGE_TRIM:
        start += 1
    while end > start and text[end - 1] in EDGE_TRIM:
        end -= 1
    return (start, end) if end > start else None


# ---------------------------------------------------------------- parse rules


def cue_entry(token: Token) -> Cue | None:
    """The lexicon entry for a verbal use of ``token``, else None."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ in NOT_VERBAL or token.tag_ == "JJ":
        return None
    particles = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep")}
    entries = all_cues().get(token.lemma_.lower(), ())
    with_particle = [c for c in entries if c.particle and c.particle in particles]
    plain = [c for c in entries if not c.particle]
    return (with_particle or plain or [None])[0]


def _subtree(token: Token) -> TokenRange:
    return token.left_edge.i, token.right_edge.i + 1


def _speaker(token: Token) -> TokenRange:
    """The speaker's phrase without a relative clause after it: "Barkley, who said he ...," → Barkley."""
    start, end = _subtree(token)
    relative = [c for c in token.children if c.dep_ == "relcl" and c.i > token.i]
    if relative:
        end = relative[0].left_edge.i
        while end > token.i + 1 and token.doc[end - 1].is_punct:
            end -= 1
    return start, end


def _source(verb: Token) -> TokenRange | None:
    """The speaker: subject subtree, agent of a passive, or the subject of the verb it is conjoined to."""
    for child in verb.children:
        expletive = child.dep_ != "nsubj" and child.lower_ in ("it", "there")  # "it was reported that"
        if child.dep_ in SUBJECTS and not expletive:
            return _speaker(child)
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return _subtree(objects[0]) if objects else None
    if verb.dep_ == "acl" and verb.head.i < verb.i and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head.left_edge.i, verb.left_edge.i  # "a super PAC supporting Clinton"
    controller = _controller(verb)
    return _source(controller) if controller is not None else None


def _controller(verb: Token) -> Token | None:
    """The verb whose subject an unsubjected cue shares: "deny ... but have vowed", "..., saying", "by saying"."""
    if verb.dep_ in ("conj", "xcomp"):  # "have chosen not to respond": the chooser responds
        return verb.head
    if verb.dep_ == "advcl" and verb.tag_ == "VBN":  # "Informed of ..., Early described it"
        return verb.head
    if verb.tag_ != "VBG":
        return None
    head = verb.head if verb.dep_ == "advcl" else verb.head.head if verb.dep_ == "pcomp" else None
    if head is not None and head.dep_ == "ccomp" and cue_entry(head.head):
        return head.head  # "X said Y was wrong, while pledging ...": X pledges, not Y
    return head


def _rest_of_sentence(cue_range: TokenRange, verb: Token) -> list[TokenRange]:
    """The sentence outside the cue's own phrase: what "according to X" or "as X said" frames."""
    sent = verb.sent
    parts = [(sent.start, cue_range[0]), (cue_range[1], sent.end)]
    return [p for p in parts if p[1] > p[0]]


def _content(verb: Token, cue: Cue) -> list[TokenRange]:
    clauses = [c for c in verb.children if c.dep_ in CLAUSES]
    if clauses:
        start, end = _subtree(clauses[0])
        if end <= verb.i and verb.dep_ == "ROOT":  # "..., X said": the clause runs from the sentence start
            start = verb.sent.start
        return [(start, end)]
    right = [c for c in verb.children if c.dep_ in OBJECTS and c.i > verb.i]
    if cue.takes_object and right and right[0].dep_ in ("dobj", "xcomp"):
        return [(right[0].left_edge.i, max(c.right_edge.i for c in right) + 1)]
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if verb.dep_ == "advcl" and "as" in marks:  # "as reported by X", "as X said"
        return _rest_of_sentence(_subtree(verb), verb)
    if verb.dep_ == "parataxis":  # "The talks failed, officials said." / "The talks, he said, failed."
        return _rest_of_sentence(_subtree(verb), verb)
    clause_objects = [c for c in right if c.dep_ == "dobj" and _has_finite_verb(c)]
    if clause_objects:  # a clause parsed as an object: "said many of the examples failed"
        return [_subtree(clause_objects[0])]
    return []


def _has_finite_verb(token: Token) -> bool:
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in token.subtree)


def _cue_range(verb: Token, cue: Cue) -> TokenRange:
    particle = [c for c in verb.children if cue.particle and c.lower_ == cue.particle and c.i == verb.i + 1]
    return verb.i, (particle[0].i + 1 if particle else verb.i + 1)


@dataclass
class Found:
    """An attribution under construction, in token ranges (content may become a char span)."""

    source: TokenRange | None
    cue: TokenRange
    content: list[CharSpan]
    direct: bool = False
    fallback: list[CharSpan] = field(default_factory=list)  # the object, if no quote or clause


def _according_to(token: Token) -> Found | None:
    if token.lower_ != "according" or token.i + 1 >= len(token.doc):
        return None
    to = token.doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if to.lower_ != "to" or not objects:
        return None
    phrase = (token.i, max(_subtree(token)[1], _subtree(to)[1]))
    content = _char_spans(token.doc, _rest_of_sentence(phrase, token), token)
    if not content:
        return None
    return Found(_subtree(objects[0]), (token.i, to.i + 1), content)


def _from_verb(token: Token) -> Found | None:
    cue = cue_entry(token)
    if cue is None:
        return None
    if cue.raising or _passive_raising(token):
        return _raising(token, cue)
    source = _source(token)
    if source is None:
        return None
    cue_range = _cue_range(token, cue)
    content = _char_spans(token.doc, _content(token, cue), token)
    fallback = [] if content or not cue.any_object else _char_spans(token.doc, _object(token, source), token)
    return Found(source, cue_range, content, fallback=fallback)


def _object(verb: Token, source: TokenRange) -> list[TokenRange]:
    """What a cue without a clause is about: its object ("cited the program") or the object of a
    preposition it governs ("alluded to the importance"), or, for a cue set off by commas
    ("This opining, CNN claimed, violates ..."), the rest of the sentence."""
    words = load_word_sets("quote_objects.tsv")
    right = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "xcomp", "prep", "oprd", "dative")]
    if right and right[0].dep_ == "prep":
        objects = [c for c in right[0].children if c.dep_ in ("pobj", "pcomp")]
        if right[0].lower_ not in words["preposition"] or not objects or _setting(objects[0], words):
            return []
        return [(objects[0].left_edge.i, max(c.right_edge.i for c in right) + 1)]
    if right and right[0].lower_ not in words["empty"]:
        return [(right[0].left_edge.i, max(c.right_edge.i for c in right) + 1)]
    doc = verb.doc
    before, after = doc[verb.i - 1] if verb.i else None, doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    start = min(source[0], verb.i)
    if before is not None and after is not None and doc[start - 1].text == "," and after.text == ",":
        return _rest_of_sentence((start, verb.i + 1), verb)
    return []


def _setting(token: Token, words: dict[str, frozenset[str]]) -> bool:
    """A time or an occasion ("said in a statement", "told on Monday"), not what was said."""
    return token.ent_type_ in ("DATE", "TIME") or token.lemma_.lower() in words["setting"]


def _passive_raising(verb: Token) -> bool:
    """"X is expected to win": a passive cue with an infinitive and no agent."""
    deps = {c.dep_ for c in verb.children}
    return "nsubjpass" in deps and "xcomp" in deps and "agent" not in deps


def _raising(verb: Token, cue: Cue) -> Found | None:
    """"X seemed to suggest Y": no source; the content is the subject and the infinitive."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    clauses = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i]
    if not subjects or not clauses:
        return None
    ranges = [_subtree(subjects[0]), _subtree(clauses[0])]
    return Found(None, _cue_range(verb, cue), _char_spans(verb.doc, ranges, verb))


# ---------------------------------------------------------------- char spans


def _char_spans(doc: Doc, ranges: list[TokenRange], anchor: Token) -> list[CharSpan]:
    """Token ranges as trimmed char spans that stay in the anchor's paragraph."""
    line_start = doc_text(doc).rfind("\n", 0, anchor.idx) + 1
    line_end = doc_text(doc).find("\n", anchor.idx)
    line_end = len(doc_text(doc)) if line_end < 0 else line_end
    spans = []
    for start, end in ranges:
        chars = max(doc[start].idx, line_start), min(doc[end - 1].idx + len(doc[end - 1]), line_end)
        trimmed = _trim(doc_text(doc), *chars) if chars[1] > chars[0] else None
        trimmed = _drop_final_stop(doc_text(doc), trimmed) if trimmed else None
        if trimmed and trimmed[0] < trimmed[1]:
            spans.append(_balance(doc_text(doc), trimmed))
    return spans


def _drop_final_stop(text: str, span: CharSpan) -> CharSpan:
    start, end = span
    if text[end - 1] == "." and (end - start < 2 or not text[end - 2].isupper()):
        end -= 1
    return start, end


def _balance(text: str, span: CharSpan) -> CharSpan:
    """Keep the closing mark of a quote that the content opens: 'was "dead on arrival."'."""
    start, end = span
    inside = text[start:end]
    if inside.count('"') % 2 == 0 and inside.count("\u201c") <= inside.count("\u201d"):
        return span
    close = re.match(r'[.,!?]?["\u201d]', text[end : end + 2])
    return (start, end + close.end()) if close else span


def _token_chars(doc: Doc, rng: TokenRange) -> CharSpan:
    return doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1])


def _overlaps(a: CharSpan, b: CharSpan) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside(a: CharSpan, b: CharSpan) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]


# ---------------------------------------------------------------- direct quotes


def _apply_regions(doc: Doc, found: list[Found], regions: list[CharSpan]) -> None:
    """Mark quotes whose content is quoted; give the quoted words to cues that have none."""
    for item in found:
        cue_chars = _token_chars(doc, item.cue)
        for region in _near(doc, item, regions):
            if _inside(cue_chars, region):
                continue
            if any(_overlaps(span, region) for span in item.content):
                item.direct = True
                if not any(_inside(region, span) for span in item.content):
                    item.content = [region]  # the quote reaches past the parsed clause
            elif not item.content and _adjacent(doc, item, region):
                item.content, item.direct = [region], True


def _near(doc: Doc, item: Found, regions: list[CharSpan]) -> list[CharSpan]:
    """The regions that can touch an item or its content: a bisect, so the pass stays linear."""
    ends = [_token_chars(doc, r) for r in [item.cue] + ([item.source] if item.source else [])] + item.content
    low, high = min(s for s, _ in ends) - 8, max(e for _, e in ends) + 8
    at = max(bisect_left(regions, (low, 0)) - 1, 0)
    near = []
    while at < len(regions) and regions[at][0] < high:
        if regions[at][1] > low:
            near.append(regions[at])
        at += 1
    return near


def _adjacent(doc: Doc, item: Found, region: CharSpan) -> bool:
    """True when only punctuation and space separate the quote from the cue and its speaker."""
    ranges = [item.cue] + ([item.source] if item.source else [])
    first = min(_token_chars(doc, r)[0] for r in ranges)
    last = max(_token_chars(doc, r)[1] for r in ranges)
    if region[1] <= first:
        gap = doc_text(doc)[region[1] : first]
    elif region[0] >= last:
        gap = doc_text(doc)[last : region[0]]
    else:
        return False
    return len(gap) <= 6 and "\n" not in gap and all(char in EDGE_TRIM or char in ".?!" for char in gap)


# ---------------------------------------------------------------- component


def find_quotes(doc: Doc) -> list[Quote]:
    """All attributions in a parsed doc, as records."""
    regions = quote_regions(doc_text(doc))
    found = []
    for token in doc:
        item = _according_to(token) or _from_verb(token)
        if item is not None and not _quoted(doc, item, regions):
            found.append(item)
    _apply_regions(doc, found, regions)
    _continue_quotes(doc, found, regions)
    for item in found:
        item.content = item.content or item.fallback
    return [_record(doc, item) for item in found if item.content]


def _quoted(doc: Doc, item: Found, regions: list[CharSpan]) -> bool:
    """A cue inside quotation marks belongs to the quoted speaker's words ("I think ...")."""
    cue = _token_chars(doc, item.cue)
    at = bisect_right(regions, (cue[0], len(doc_text(doc)) + 1)) - 1  # regions are sorted and disjoint
    return at >= 0 and _inside(cue, regions[at])


def _continue_quotes(doc: Doc, found: list[Found], regions: list[CharSpan]) -> None:
    """'"A," X said, "B."': the quote that resumes right after the cue is the same speaker's."""
    used = {span for item in found for span in item.content}
    for item in found:
        if not item.direct:
            continue
        last = max(_token_chars(doc, r)[1] for r in [item.cue] + ([item.source] if item.source else []))
        at = bisect_left(regions, (last, 0))
        after = regions[at] if at < len(regions) else None
        if after is not None and after not in used and _adjacent(doc, item, after):
            item.content.append(after)
            used.add(after)


def _record(doc: Doc, item: Found) -> Quote:
    source = [_trim_source(doc, item.source)] if item.source else []
    source = [s for s in source if s]
    speaker = doc_text(doc)[source[0][0] : source[0][1]] if source else None
    return Quote(
        source=source,
        cue=[_token_chars(doc, item.cue)],
        content=item.content,
        speaker=speaker,
        direct=item.direct,
    )


def _trim_source(doc: Doc, rng: TokenRange) -> CharSpan | None:
    return _trim(doc_text(doc), *_token_chars(doc, rng))


@Language.factory("dyad_quotes")
def make_quotes(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder()


class QuoteFinder:
    """Writes ``doc._.dyad_quotes`` and the cue and content span groups."""

    def __call__(self, doc: Doc) -> Doc:
        quotes = find_quotes(doc)
        get_list(doc, "dyad_quotes").extend(quotes)
        doc.spans["dyad_quotes"] = [_span(doc, q.cue[0], "cue") for q in quotes]
        doc.spans["dyad_quote_content"] = [
            _span(doc, span, "direct" if q.direct else "content") for q in quotes for span in q.content
        ]
        return doc


def _span(doc: Doc, chars: CharSpan, label: str):
    return doc.char_span(chars[0], chars[1], label=label, alignment_mode="expand")
