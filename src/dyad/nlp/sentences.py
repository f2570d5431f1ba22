"""``dyad_sentences``: line-aware sentence starts, set before the parser runs.

News text carries structure the parser does not see: paragraphs separated by
blank lines, one-line headings ("Details", "Supplement"), datelines and
paragraphs that are one line each. A blank line always ends a sentence; a single
line break ends one when the line before it is complete (ends in sentence
punctuation) or is a heading. Hard-wrapped lines (Reuters-style) stay joined.
The parser keeps deciding boundaries inside lines.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from dyad.limits import LIMITS

SENTENCE_END = frozenset('.!?:;"\'”’)')
DASHES = frozenset("-–—")  # a dateline ends in one: "KYIV, March 3 (Reuters) -"
HEADING_MAX_WORDS = 6
CUT_AFTER = frozenset({",", ";", ":", "and", "but", "or", "while"})  # where an overlong sentence is cut
CUT_WINDOW = 50  # tokens past the limit searched for such a word before cutting anyway


def _line_is_heading(words: list[Token]) -> bool:
    """A short line with no closing punctuation that starts with a capital."""
    if not words or len(words) > HEADING_MAX_WORDS:
        return False
    first, last = words[0].text, words[-1].text
    return first[:1].isupper() and last[-1:] not in SENTENCE_END and last[-1:] != ","


def _ends_line(words: list[Token], next_token: Token) -> bool:
    """Whether a single line break after ``words`` ends a sentence."""
    last = words[-1].text if words else ""
    if last[-1:] in SENTENCE_END or last in DASHES:
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
    _cut_overlong(doc, LIMITS.max_sentence_tokens)
    return doc


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
