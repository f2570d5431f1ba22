"""``dyad_repair``: mends one parse error of the small English model before anything reads the tree.

"Palestinian youths resorted to throwing stones", "Doctors from two aid groups donated medicine":
the past tense is read as a participle modifying the noun (a reduced relative, "youths resorted
to ..."), leaving the sentence with a noun for its root and no verb at all, or ("..., officials
said") a root with two subjects. A news sentence has a main verb and a verb one subject, so then
the first such participle inside the subject is the verb: it takes the noun's place and the noun
becomes its subject. A real participle with an agent ("a building hit
by a missile") or without anything after it is left alone.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

PREDICATE_DEPS = {"dobj", "prep", "xcomp", "ccomp", "advcl", "oprd", "dative", "prt", "conj"}
NOUN_PHRASE_DEPS = {"prep", "pobj", "compound", "amod", "nmod", "appos", "conj"}


@Language.factory("dyad_repair")
def make_repair(nlp: Language, name: str) -> "VerblessRoot":
    return VerblessRoot()


class VerblessRoot:
    def __call__(self, doc: Doc) -> Doc:
        for sentence in doc.sents:
            noun = _subject_without_verb(sentence)
            verb = _participle_after(noun) if noun is not None else None
            if verb is not None:
                _promote(verb, noun)
        return doc


def _subject_without_verb(sentence: Span) -> Token | None:
    """A root noun in a sentence with no subject anywhere, or the first of two subjects of the root
    ("youths resorted to ..., officials said": both nouns the subjects of "said")."""
    root = sentence.root
    if root.pos_ in ("NOUN", "PROPN"):
        return None if any(t.dep_ in ("nsubj", "nsubjpass") for t in sentence) else root
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    return subjects[0] if len(subjects) > 1 else None


def _participle_after(noun: Token) -> Token | None:
    """The first participle inside the noun's phrase, when it has what a main verb would have."""
    for token in noun.subtree:
        if token.dep_ == "acl" and token.tag_ in ("VBN", "VBD") and token.i > noun.i:
            return token if _inside(token, noun) and _predicate(token) else None
    return None


def _inside(verb: Token, noun: Token) -> bool:
    """The participle hangs on the noun or on a noun of its own phrase ("Doctors from groups")."""
    token = verb.head
    while token.i != noun.i:
        if token.dep_ not in NOUN_PHRASE_DEPS or token.head.i == token.i:
            return False
        token = token.head
    return True


def _predicate(verb: Token) -> bool:
    kids = list(verb.children)  # not parse.children: its index would outlive this repair
    passive = any(c.dep_ in ("agent", "auxpass") for c in kids)
    return not passive and any(c.dep_ in PREDICATE_DEPS for c in kids)


def _promote(verb: Token, noun: Token) -> None:
    """The verb takes the noun's place (root, or what the root says) and the noun as its subject."""
    later = [c for c in noun.children if c.i > verb.i]  # the closing stop
    if noun.head.i == noun.i:
        verb.head, verb.dep_ = verb, "ROOT"
    else:
        verb.head, verb.dep_ = noun.head, "ccomp"
    verb.tag_ = "VBD"
    noun.head, noun.dep_ = verb, "nsubj"
    for child in later:
        child.head = verb
