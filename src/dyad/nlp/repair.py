"""``dyad_repair``: mends eight parse errors and one entity error of the small English model before
anything reads the tree.

"Striking miners resorted to blocking roads", "Volunteers from three charities donated and
delivered food": the past tense is read as a participle modifying the noun (a reduced relative,
"miners resorted to ..."), leaving the sentence with a noun for its root and no verb at all, or
("..., officials said") a root with two subjects. A news sentence has a main verb and a verb one
subject, so then the first such participle inside the subject is the verb: it takes the noun's
place and the noun becomes its subject. A real participle with an agent ("a building hit by a missile"), or with
nothing but its setting after it ("soldiers wounded in an ambush"), is left alone.

"Myanmar's military seized power and detained X", "..., and South Korea's military returned fire":
the past tense is read as an adjective of the noun after it ("seized power"), which takes the verb's
place. A past tense is no adjective: it takes its place back, with the noun for its object and its
own subject, or the word before it, for its subject.

"Russia's gas monopoly Gazprom cut off supplies": the name after a noun is read as the subject of a
relative clause with no relative word, and the noun as the root. The noun describes the name, and
the verb is the root.

"Moscow agreed to reschedule the debt and extended new credits": a finite verb is read as a
conjunct of the infinitive before it, which makes it part of what was agreed. An infinitive has
no tense, so a conjunct in the past or present tense is the governing verb's: it hangs there.

"Troops loyal to Aquino crushed the revolt": the adjective is read as the root, with the verb a
clause of it. An adjective root with no copula is no predicate: the verb is the root again, and
the adjective describes its subject.

"Obama, Sarkozy and Brown accused Iran": the first name of a listed subject is read as a loose
modifier of the verb, and the list loses it. A name before a comma that opens the subject's list
is its first member: it heads the list, as the parser makes it in "Merkel, Hollande and Renzi met".

"Israel held Hamas responsible for the attack": the verb's object complement is read as an adjective
after the object ("Hamas responsible"). English puts few adjectives after a noun, so after the
object of a verb that judges its object, the adjective is the verb's complement. So is a noun read
as a clause with the object for its subject ("declared the ambassador persona non grata").

"Moon Jae-in": the tokenizer keeps a known hyphenated given name whole (see pipeline.py), and the
NER, trained on split names, leaves it out of the person it ends. A given name after a person's name
is part of it.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

# what a main verb has and a participle modifying a noun mostly has not ("resorted to", "donated X");
# a place or time after a participle ("wounded in an ambush", "killed on Sunday") is no sign of either
PREDICATE_DEPS = {"dobj", "xcomp", "ccomp", "advcl", "oprd", "dative", "prt"}
SETTING_PREPS = {"in", "at", "on", "near", "during", "after", "before", "since", "by", "from", "amid", "inside",
                 "outside", "across", "under", "over", "throughout"}
NOUN_PHRASE_DEPS = {"prep", "pobj", "compound", "amod", "nmod", "appos", "conj"}
FINITE_TAGS = {"VBD", "VBZ", "VBP"}
DESCRIBING = {"compound", "amod", "nmod"}
JUDGING_VERBS = {"hold", "find", "declare", "deem", "consider", "judge", "pronounce"}  # "held X responsible"
GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]+")  # "Jae-in", not "Al-Qaeda" or "Kremlin-backed"


@Language.factory("dyad_repair")
def make_repair(nlp: Language, name: str) -> "ParseRepair":
    return ParseRepair()


class ParseRepair:
    def __call__(self, doc: Doc) -> Doc:
        _whole_names(doc)
        repairs = []
        for sentence in doc.sents:
            noun = _subject_without_verb(sentence)
            verb = _participle_after(noun) if noun is not None else None
            if verb is not None:
                repairs.append((verb, noun))
        swallowed = _verbs_as_modifiers(doc)
        named = [found for sentence in doc.sents if (found := _clause_of_a_name(sentence))]
        finite = [t for t in doc if _finite_conjunct_of_infinitive(t)]
        adjectives = [found for sentence in doc.sents if (found := _adjective_root(sentence))]
        stranded = [(t, subject) for t in doc if (subject := _list_opened_by(t)) is not None]
        complements = [t for t in doc if _object_complement(t)]
        small_clauses = [t for t in doc if _noun_complement(t)]
        if repairs or finite or adjectives or stranded or complements or small_clauses or swallowed or named:
            _promote(doc, repairs, finite, adjectives, stranded, complements, small_clauses, swallowed, named)
        return doc


def _whole_names(doc: Doc) -> None:
    """Join a whole hyphenated given name to the name before it: the PERSON entity that ends there,
    or the capitalised surname with no entity of its own ("Yoon" "Suk-yeol")."""
    ents = list(doc.ents)
    joined = False
    for token in doc:
        if token.ent_type_ or token.i == 0 or not GIVEN_NAME.fullmatch(token.text):
            continue
        before = token.nbor(-1)
        person = next((e for e in ents if e.end == token.i and e.label_ == "PERSON"), None)
        if person is None and (before.ent_type_ or not before.is_title):
            continue
        if person is not None:
            ents.remove(person)
        ents.append(Span(doc, person.start if person is not None else before.i, token.i + 1, label="PERSON"))
        joined = True
    if joined:
        doc.set_ents(sorted(ents, key=lambda e: e.start))


def _object_complement(adjective: Token) -> bool:
    """"held Hamas responsible": an adjective after the object of a judging verb, read as the
    object's modifier."""
    noun = adjective.head
    return (adjective.pos_ == "ADJ" and adjective.dep_ == "amod" and adjective.i > noun.i and noun.dep_ == "dobj"
            and noun.head.lemma_.lower() in JUDGING_VERBS)


def _verbs_as_modifiers(doc: Doc) -> list[tuple[Token, Token | None, Token]]:
    """(verb, its subject, its object) for each past tense read as an adjective of the noun after it:
    one with a subject of its own ("..., and South Korea's military returned fire"), one before a
    noun left with no verb ("Myanmar's military seized power"), and the conjuncts of either
    ("returned fire and scrambled jets")."""
    found: dict[int, tuple[Token, Token | None, Token]] = {}
    for verb in doc:
        noun = verb.head
        if verb.tag_ != "VBD" or verb.dep_ not in ("amod", "compound") or noun.i < verb.i or noun.dep_ in DESCRIBING:
            continue  # "extradited drug lord X": "drug" heads no phrase
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and _verbless(noun):
            before = doc[verb.i - 1] if verb.i > noun.sent.start else None  # "Myanmar's military seized power"
            subject = before if before is not None and before.head.i == noun.i and before.pos_ in ("NOUN", "PROPN", "ADJ") else None
        if subject is not None:
            found[noun.i] = (verb, subject, noun)
        elif noun.dep_ == "conj" and noun.head.i in found:
            found[noun.i] = (verb, None, noun)
    return list(found.values())


def _clause_of_a_name(sentence: Span) -> tuple[Token, Token] | None:
    """(verb, noun) for "Russia's gas monopoly Gazprom cut off supplies": a root noun whose name after
    it is read as the subject of a relative clause with no relative word."""
    root = sentence.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return None
    for verb in root.children:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if (verb.dep_ == "relcl" and subject is not None and subject.left_edge.i == root.i + 1 and subject.pos_ == "PROPN"
                and not any(c.tag_ in ("WDT", "WP", "WP$", "WRB") for c in verb.children)):
            return verb, root
    return None


def _verbless(noun: Token) -> bool:
    """A root noun with no subject, a noun conjoined to a verb ("shelled the island, and South Korea's
    military returned fire": "fire"), or the first of a verb's two subjects ("Myanmar's military
    seized power ..., and Biden threatened": "power" and "Biden")."""
    if noun.dep_ == "ROOT":
        return not any(c.dep_ in ("nsubj", "nsubjpass") for c in noun.children)
    if noun.dep_ == "conj" and noun.head.pos_ == "VERB":
        return True
    subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
    return noun.dep_ == "nsubj" and len(subjects) > 1 and subjects[0].i == noun.i


def _noun_complement(noun: Token) -> bool:
    """"declared the ambassador persona non grata": a noun complement after the object of a judging
    verb, read as a clause with the object for its subject."""
    return (noun.pos_ == "NOUN" and noun.dep_ in ("ccomp", "xcomp") and noun.head.lemma_.lower() in JUDGING_VERBS
            and not any(c.dep_ in ("aux", "auxpass", "cop") for c in noun.children)
            and any(c.dep_ == "nsubj" and c.i < noun.i for c in noun.children))


def _adjective_root(sentence: Span) -> tuple[Token, Token, Token] | None:
    """(adjective, its subject, the verb) for "troops loyal to X crushed Y": a root adjective with a
    subject before it, no copula, and a finite verb after it as a clause or a conjunct with no
    conjunction."""
    root = sentence.root
    if root.pos_ != "ADJ" or any(c.dep_ in ("aux", "auxpass", "cop") or c.lemma_ == "be" for c in root.children):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
    coordinated = any(c.dep_ == "cc" for c in root.children)  # "loyal and crushed": a real conjunct
    verb = next((c for c in root.children if c.tag_ in FINITE_TAGS and c.i > root.i
                 and (c.dep_ == "advcl" or (c.dep_ == "conj" and not coordinated))
                 and not any(g.dep_ == "mark" for g in c.children)), None)
    return (root, subject, verb) if subject is not None and verb is not None else None


def _finite_conjunct_of_infinitive(token: Token) -> bool:
    """"agreed to reschedule X and extended Y": a past or present tense conjoined to a "to" infinitive
    (a bare participle there, "called on him to step aside and imposed sanctions", is a past tense too)."""
    head = token.head
    finite = token.tag_ in FINITE_TAGS or (
        token.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in token.children))
    return (token.dep_ == "conj" and finite and head.tag_ == "VB" and head.dep_ == "xcomp"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children))


def _list_opened_by(name: Token) -> Token | None:
    """The listed subject a stranded name opens: "Obama, Sarkozy and Brown accused", with "Obama" a
    modifier of the verb and only a comma between it and the subject, whose list goes on."""
    verb = name.head
    if name.pos_ != "PROPN" or name.dep_ not in ("npadvmod", "nmod", "dep") or verb.pos_ != "VERB":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > name.i), None)
    if subject is None or not any(c.dep_ == "conj" for c in subject.children):
        return None
    between = name.doc[name.right_edge.i + 1:subject.left_edge.i]
    return subject if len(between) == 1 and between[0].lower_ == "," else None


def _subject_without_verb(sentence: Span) -> Token | None:
    """A root noun in a sentence with no subject but inside its participles' clauses ("X, the top
    Democrat, called on Y to act -- meddling the congressman said ..."), or the first of two subjects
    of the root ("..., officials said" with both nouns the subjects of "said")."""
    root = sentence.root
    if root.pos_ in ("NOUN", "PROPN"):
        subjects = [t for t in sentence if t.dep_ in ("nsubj", "nsubjpass") and not _under_participle(t)]
        return None if subjects else root
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    return subjects[0] if len(subjects) > 1 else None


def _under_participle(token: Token) -> bool:
    return any(t.dep_ == "acl" for t in token.ancestors)


def _participle_after(noun: Token) -> Token | None:
    """The first participle inside the noun's phrase, when it has what a main verb would have; or,
    after a real participle with its agent, the past tense its agent is read to have ("troops backed
    by helicopters crossed into Mali")."""
    participle = None
    for token in noun.subtree:
        if token.dep_ != "acl" or token.tag_ not in ("VBN", "VBD") or token.i <= noun.i:
            continue
        if participle is not None:
            return token if _agent_of(token.head) == participle and _predicate(token) else None
        if _inside(token, noun) and _predicate(token):
            return token
        if not any(c.dep_ == "agent" for c in token.children):
            return None
        participle = token
    return None


def _agent_of(word: Token) -> Token | None:
    """The participle whose agent phrase holds ``word`` ("backed by helicopters": "helicopters")."""
    prep = word.head if word.dep_ == "pobj" else word
    return prep.head if prep.dep_ == "agent" else None


def _inside(verb: Token, noun: Token) -> bool:
    """The participle hangs on the noun or on a noun of its own phrase ("Doctors from the groups")."""
    token = verb.head
    while token.i != noun.i:
        if token.dep_ not in NOUN_PHRASE_DEPS or token.head.i == token.i:
            return False
        token = token.head
    return True


def _predicate(verb: Token, conjunct: bool = True) -> bool:
    """An object or complement, a preposition that is not just the setting ("resorted to"), or a
    conjoined verb that has one ("donated and delivered medicine"); never a passive's agent."""
    kids = list(verb.children)  # not parse.children: its index would outlive this repair
    if any(c.dep_ in ("agent", "auxpass") for c in kids):
        return False
    return any(c.dep_ in PREDICATE_DEPS or (c.dep_ == "prep" and c.lower_ not in SETTING_PREPS) for c in kids) or (
        conjunct and any(c.dep_ == "conj" and c.pos_ == "VERB" and _predicate(c, False) for c in kids))


def _promote(doc: Doc, repairs: list[tuple[Token, Token]], finite: list[Token],
             adjectives: list[tuple[Token, Token, Token]], stranded: list[tuple[Token, Token]],
             complements: list[Token], small_clauses: list[Token],
             swallowed: list[tuple[Token, Token | None, Token]], named: list[tuple[Token, Token]]) -> None:
    """Each verb takes its noun's place (root, or what the root says) and the noun as its subject;
    each finite conjunct hangs on the verb above its infinitive; each verb under a root adjective
    becomes the root, the adjective its subject's; each past tense read as a modifier takes its
    noun's place, the noun its object; each clause of a name after a noun becomes the root; each
    stranded name heads the list it opens; each object complement hangs on its verb, a noun one with
    its subject as the verb's object. All heads are set in one pass, as setting them one token at a
    time rebuilds the tree each time."""
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    for adjective in complements:
        heads[adjective.i], deps[adjective.i] = adjective.head.head.i, "oprd"
    for verb, subject, noun in swallowed:  # in order: a conjunct takes the place its head was given
        for child in noun.children:
            if subject is not None and child.i < subject.i and child.i != verb.i:  # "Myanmar's": the subject's
                heads[child.i] = subject.i
            elif child.i > noun.i and not (child.dep_ == "prep" and child.lower_ == "of"):  # "in a coup and detained X"
                heads[child.i] = verb.i
        if noun.dep_ == "ROOT":
            heads[verb.i], deps[verb.i] = verb.i, "ROOT"
        else:  # a conjunct, or the first of two subjects: a clause conjoined to the verb it hung on
            heads[verb.i], deps[verb.i] = heads[noun.i], "conj" if deps[noun.i] == "nsubj" else deps[noun.i]
        if subject is not None:
            heads[subject.i], deps[subject.i] = verb.i, "nsubj"
        heads[noun.i], deps[noun.i] = verb.i, "dobj"
    for verb, noun in named:
        subject = next(c for c in verb.children if c.dep_ == "nsubj")
        for child in noun.children:
            if child.i > verb.i:  # the closing stop
                heads[child.i] = verb.i
        heads[verb.i], deps[verb.i] = verb.i, "ROOT"
        heads[noun.i], deps[noun.i] = subject.i, "compound"
    for noun in small_clauses:
        subject = next(c for c in noun.children if c.dep_ == "nsubj")
        heads[subject.i], deps[subject.i] = noun.head.i, "dobj"
        deps[noun.i] = "oprd"
    for name, subject in stranded:
        comma = subject.left_edge.i - 1
        heads[name.i], deps[name.i] = name.head.i, "nsubj"
        heads[subject.i], deps[subject.i] = name.i, "conj"
        heads[comma] = name.i
    for verb in finite:
        heads[verb.i] = verb.head.head.i
        if verb.tag_ == "VBN":
            verb.tag_ = "VBD"
    for adjective, subject, verb in adjectives:
        for child in adjective.children:
            if child.i > verb.i:  # the closing stop
                heads[child.i] = verb.i
        heads[verb.i], deps[verb.i] = verb.i, "ROOT"
        heads[subject.i], deps[subject.i] = verb.i, "nsubj"
        heads[adjective.i], deps[adjective.i] = subject.i, "amod"
    for verb, noun in repairs:
        # the closing stop; and "backed by X crossed into Mali and drove ...": the conjuncts after the verb
        chain = [noun, *(t for t in verb.ancestors if t.i > noun.i and noun in t.ancestors)]
        for child in (c for t in chain for c in t.children):
            if child.i > verb.i:
                heads[child.i] = verb.i
        heads[verb.i], deps[verb.i] = (verb.i, "ROOT") if noun.head.i == noun.i else (noun.head.i, "ccomp")
        heads[noun.i], deps[noun.i] = verb.i, "nsubj"
        verb.tag_ = "VBD"
    strings = doc.vocab.strings
    rows = [((head - i) % 2**64, strings.add(dep)) for i, (head, dep) in enumerate(zip(heads, deps))]
    doc.from_array([HEAD, DEP], numpy.array(rows, dtype="uint64"))
