"""``dyad_sentences``: line-aware sentence starts, set before the parser runs.

News text carries structure the parser does not see: paragraphs separated by
blank lines, one-line headings ("Details", "Supplement"), datelines and
paragraphs that are one line each. A blank line always ends a sentence; a single
line break ends one when the line before it is complete (ends in sentence
punctuation) or is a heading. Hard-wrapped lines (Reuters-style) stay joined.
An opening dateline on the story's first line ("MOSCOW, April 13 -") is a sentence
of its own: the place it names reports the story, it does not act in it.
The parser keeps deciding boundaries inside lines.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from dyad.limits import LIMITS
from dyad.nlp.sources import load_agencies
from dyad.nlp.timex import MONTHS

SENTENCE_END = frozenset('.!?:;"\'”’)')
DASHES = frozenset("-–—")  # a line ending in one ends a sentence: "KYIV, March 3 (Reuters) -"
DASH_MARKS = frozenset("-–—_")  # a dateline ends in a dash: "KYIV, March 3 (Reuters) -", "(AP) --", "(AP)_"
HEADING_MAX_WORDS = 6
CUT_AFTER = frozenset({",", ";", ":", "and", "but", "or", "while"})  # where an overlong sentence is cut
CUT_WINDOW = 50  # tokens past the limit searched for such a word before cutting anyway
DATELINE_MAX_TOKENS = 16  # "WASHINGTON, March 6, 1987 (Reuters) -" and a few more
OPENING_QUOTES = frozenset('"“')
CLOSING_QUOTES = frozenset('"”')
SHORT_QUOTE_TOKENS = 6  # "El Chapo", "a mockery of justice": a name or a phrase, not a quoted sentence
MONTH_WORDS = frozenset(word.lower().rstrip(".") for word in MONTHS)


def _line_is_heading(words: list[Token]) -> bool:
    """A short line with no closing punctuation that starts with a capital."""
    if not words or len(words) > HEADING_MAX_WORDS:
        return False
    first, last = words[0].text, words[-1].text
    return first[:1].isupper() and last[-1:] not in SENTENCE_END and last[-1:] != ","


def _ends_line(words: list[Token], next_token: Token) -> bool:
    """Whether a single line break after ``words`` ends a sentence."""
    last = words[-1].text if words else ""
    if last[-1:] in SENTENCE_END or last in DASHES:  # a dateline's line; not "--", AP's dash in a wrapped sentence
        return True
    # a heading is followed by a capitalised line; a wrapped sentence is not
    return next_token.text[:1].isupper() and _line_is_heading(words)


@Language.component("dyad_sentences")
def sentence_starts(doc: Doc) -> Doc:
    line: list[Token] = []  # the words of the current line
    for token in doc:
        if token.is_space and "\n" in token.text:
            if token.i + 1 < len(doc) and line:
                blank_line = token.text.count("\n") > 1 or "\n" in token.whitespace_
                if blank_line or _ends_line(line, doc[token.i + 1]):
                    doc[token.i + 1].is_sent_start = True
            line = []
        elif "\n" in token.whitespace_:
            # spaCy attaches a single newline to the token's trailing whitespace
            line.append(token)
            if token.i + 1 < len(doc) and _ends_line(line, doc[token.i + 1]):
                doc[token.i + 1].is_sent_start = True
            line = []
        else:
            line.append(token)
    end = _dateline_end(doc)
    if end is not None:
        doc[end].is_sent_start = True
    _keep_short_quotes(doc)
    _cut_overlong(doc, LIMITS.max_sentence_tokens)
    return doc


def _keep_short_quotes(doc: Doc) -> None:
    """A short quotation inside a sentence ('drug lord Joaquin "El Chapo" Guzman', 'called the
    vote "a farce" on Monday') starts no sentence, nor does the word after it: the parser would
    otherwise cut the sentence at the quotation mark."""
    for token in doc[1:]:
        if token.text not in OPENING_QUOTES or not doc[token.i - 1].is_alpha or token.whitespace_:
            continue
        inside = doc[token.i + 1 : token.i + 1 + SHORT_QUOTE_TOKENS]
        close = next((t for t in inside if t.text in CLOSING_QUOTES), None)
        if close is None or any(t.text in ".!?" or "\n" in t.text for t in doc[token.i + 1 : close.i]):
            continue
        for word in (token, doc[token.i + 1], *doc[close.i + 1 : close.i + 2]):
            if not word.is_sent_start:
                word.is_sent_start = False


def _dateline_end(doc: Doc) -> int | None:
    """The first token after an opening dateline: a place in capitals ("MOSCOW,", "SAN JOSE, Costa
    Rica,", "HAVANA (AP) --") or in title case before a month ("Caracas, Feb 26"), then a date or an
    agency, then a dash."""
    words = [t for t in doc[:DATELINE_MAX_TOKENS] if not t.is_space]
    if not words or not words[0].is_alpha or not words[0].text[:1].isupper():
        return None
    place_end = next((i for i, t in enumerate(words) if t.text in (",", "(")), None)
    dash = next((i for i, t in enumerate(words) if _is_dash(t)), None)
    if place_end is None or dash is None or not 0 < place_end < dash or dash + 1 >= len(words):
        return None
    if any(t.text in ".!?" for t in words[:dash]) or any(t.is_space and "\n\n" in t.text for t in doc[:words[dash].i]):
        return None  # a sentence or a paragraph ended first: no dateline
    between = words[place_end:dash]  # ", April 13", ", Costa Rica, March 2 (Reuters)", " (AP)": dates, names, an agency
    if not all(t.like_num or t.text in ",()." or t.text[:1].isupper() for t in between):
        return None
    months = [t for t in between if t.lower_.rstrip(".") in MONTH_WORDS]
    if not months and not any(t.text == "(" for t in between):
        return None
    if words[place_end].text == "(" and not _agency(between):
        return None  # "UN (UNHCR) - The agency said": no place, no agency
    place_in_capitals = all(t.text.isupper() for t in words[:place_end] if t.is_alpha)
    return words[dash + 1].i if place_in_capitals or between[1:2] == months[:1] else None


def _agency(between: list[Token]) -> bool:
    """"(AP)", "(Xinhua)": the parenthesis names a news agency."""
    inside = " ".join(t.text for t in between if t.text not in "()").strip()
    return inside in _agency_names()


@cache
def _agency_names() -> frozenset[str]:
    return frozenset(name for agency in load_agencies() for name in (agency.name, *agency.aliases))


def _is_dash(token: Token) -> bool:
    return set(token.text) <= DASH_MARKS


def _cut_overlong(doc: Doc, limit: int) -> None:
    """No run of more than ``limit`` tokens without a sentence start reaches the parser: it is cut
    after the first comma or conjunction past the limit (or at the limit plus a window)."""
    since = 0
    for token in doc:
        if token.is_sent_start:
            since = 0
        since += 1
        if since > limit and token.i + 1 < len(doc) and (token.lower_ in CUT_AFTER or since > limit + CUT_WINDOW):
            doc[token.i + 1].is_sent_start = True
            since = 0
