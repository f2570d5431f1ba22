"""Parse helpers shared by the components that walk the dependency tree."""

from __future__ import annotations

import weakref

from spacy.tokens import Span, Token

from dyad.nlp.lexicon import load_word_sets

_CHILDREN: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def children(token: Token) -> list[Token]:
    """``token.children`` from an index built once per document.

    spaCy finds a token's children by walking its whole subtree; the root of a 3,000-word
    sentence would be walked once per trigger.
    """
    doc = token.doc
    index = _CHILDREN.get(doc)
    if index is None:
        index = [[] for _ in range(len(doc))]
        for t in doc:
            if t.head.i != t.i:
                index[t.head.i].append(t)
        _CHILDREN[doc] = index
    return index[token.i]


def infinitive(token: Token) -> bool:
    """A verb with "to" before it ("to withdraw")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children(token))


def first_conjunct(token: Token) -> Token:
    """The first of a coordination, which holds its place in the tree: "Moscow" in "in Moscow and
    Beijing", "unite" in "urged them to unite and mobilize"."""
    for _ in range(len(token.doc)):
        if token.dep_ != "conj" or token.head.i == token.i:
            break
        token = token.head
    return token


def dates(prep: Token) -> bool:
    """A preposition whose object is a date or a time ("on Friday", "by midnight", "for a week")."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in children(prep))


def patron(span: Span) -> bool:
    """"U.S.-backed rebels", "Iranian-trained militias": a country before a hyphen and a patron's
    participle backs the group, which is not its own (actor_context.tsv)."""
    doc, end = span.doc, span.end
    return end + 1 < len(doc) and doc[end].text == "-" and (
        doc[end + 1].lower_ in load_word_sets("actor_context.tsv")["patron_participle"])
