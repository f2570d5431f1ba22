"""Who the dependency parse names: the actors behind a trigger's subject, object and prepositions.

``dyad_events`` asks these for an event's source and target: the actors a noun phrase names
(its own mention, its conjuncts', else the nearest modifier's), the noun a relative pronoun or a
participle stands for, the subject a trigger shares with the verb above it. Mentions are looked
up by character offset (``mention_index``). Participants the text only implies are in
``dyad.nlp.implied``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.nlp.lexicon import load_word_sets
from dyad.nlp.parse import children as _kids
from dyad.nlp.parse import infinitive
from dyad.records import Mention

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}
# dependents that still name the same participant as their head
PARTICIPANT_DEPS = ("compound", "amod", "poss", "nmod", "appos", "npadvmod")
# a noun that names nobody belongs to whoever these introduce
OWNER_PREPS = ("of", "by", "from")  # "members of X", "violations by X", "doctors from X"
LOCATION_PREPS = {"in", "at", "to", "near", "inside", "outside", "across", "into", "on", "through"}
MODIFIED_NOUN_WINDOW = 12  # how far back an "as reported by X" clause looks for what it describes
MAX_MODIFIER_WORDS = 6  # "four Bolivian army officers": words before a noun phrase's head
MAX_CLIMB = 8  # phrases nest a few levels deep; the bound keeps a long sentence linear
MAX_LIST = 30  # members of one coordinated list
EXAMPLE_PREPS = ("including", "as")  # "members, including X", "states such as X" ("as" only after "such")


class MentionIndex(dict):
    """Character offset -> the longest mention covering it. One span may name several actors, a
    mention each ("the two leaders", "they"): ``fellows`` gives the others."""

    def __init__(self, mentions: list[Mention]) -> None:
        super().__init__()
        self.by_span: dict[tuple[int, int], list[Mention]] = {}
        for mention in sorted(mentions, key=lambda m: m.end - m.start):
            self.by_span.setdefault((mention.start, mention.end), []).append(mention)
            for offset in range(mention.start, mention.end):
                self[offset] = mention

    def fellows(self, mention: Mention) -> list[Mention]:
        return [m for m in self.by_span.get((mention.start, mention.end), []) if m is not mention]


mention_index = MentionIndex  # character offset -> mention, built once per document


def actors_of(token: Token, mentions: MentionIndex) -> list[Mention]:
    """The actors a noun phrase names: its own mention, its conjuncts', else the nearest modifier's."""
    found: list[Mention] = []
    antecedent = _antecedent(token) if token.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | OBJECT_DEPS else None
    if antecedent is not None:
        return actors_of(antecedent, mentions)
    if token.tag_ == "VBG":  # "The Red Cross operating in Iraq said": the parser's subject is the participle
        subject = next((c for c in _kids(token) if c.dep_ == "nsubj"), None)
        if subject is not None:
            return actors_of(subject, mentions)
    own = mentions.get(token.idx)
    named = _named_members(token, mentions)  # "OPEC members, including Iran and Libya": the members
    if named:
        found += named
    elif own is not None and own.actor_id:
        found.append(own)
        found += [m for m in mentions.fellows(own) if m.actor_id]  # "the two leaders": both
        found += _coordinated_owners(token, own, mentions)
    else:
        # the nearest modifier that names someone: "Russian forces", "representatives of the ministry"
        rules = load_word_sets("event_rules.tsv")
        relational = token.lemma_.lower() in rules["relational_noun"]
        for dep in PARTICIPANT_DEPS + ("prep",):
            for child in _kids(token):
                if relational and child.dep_ == "poss":
                    continue  # "its neighbour" is not itself
                if child.dep_ == "amod" and child.lemma_.lower() in rules["maker_participle"]:
                    continue  # "Chinese-built missiles" are not China's
                if child.dep_ == "compound" and token.lemma_.lower() in rules["named_accord"] and _city(child):
                    continue  # "the Paris agreement", "the Minsk accords": named after where they were made
                if child.dep_ == dep == "prep" and child.lower_ in OWNER_PREPS:
                    found += objects_of(child, mentions)
                elif child.dep_ == dep != "prep":
                    found += actors_of(child, mentions)
            if found:
                break
    for child in _kids(token):
        if child.dep_ == "conj" or _listed_apposition(child) or _hyphen_partner(child, token, mentions):
            found += actors_of(child, mentions)
    return found


def _city(token: Token) -> bool:
    """A word of a place dyad_places found that is no country ("Paris", "Kyoto")."""
    return any(place.kind != "country" and any(start <= token.idx < end for start, end in place.mentions)
               for place in token.doc._.dyad_places or ())


def part_of_place(prep: Token) -> bool:
    """"the streets of Berlin", "the outskirts of Kabul": an "of" naming the place a part of a place
    belongs to (actor_context.tsv)."""
    return prep.lower_ == "of" and prep.head.lemma_.lower() in load_word_sets("actor_context.tsv")["place_part"]


def _hyphen_partner(child: Token, token: Token, mentions: dict[int, Mention]) -> bool:
    """"U.S.-British strikes", "the Israeli-American plan": the name before the hyphen is a conjunct."""
    doc = token.doc
    joined = child.i + 2 == token.i and doc[child.i + 1].text == "-"
    return joined and child.idx in mentions and token.idx in mentions


def _named_members(token: Token, mentions: dict[int, Mention]) -> list[Mention]:
    """"OPEC members, including Iran and Libya", "Arab states such as Egypt": the members named, by
    name ("Russian aircraft including helicopter gunships" stay Russian)."""
    for prep in _kids(token):
        if prep.dep_ == "prep" and prep.lower_ in EXAMPLE_PREPS and (
                prep.lower_ != "as" or any(c.lower_ == "such" for c in _kids(prep))):
            if all(obj.pos_ == "PROPN" for obj in _kids(prep) if obj.dep_ == "pobj"):
                return objects_of(prep, mentions)
    return []


def _listed_apposition(token: Token) -> bool:
    """"The United States, Japan, France and Canada agreed": the parser may hang the rest of a list
    on its first member as an apposition (or a noun-phrase adverbial) whose conjuncts end in a
    coordinator ("and", "or"); a true apposition has none."""
    member = token if token.dep_ in ("appos", "npadvmod") else None
    for _ in range(MAX_LIST):
        if member is None:
            return False
        kids = _kids(member)
        if any(c.dep_ == "cc" for c in kids):
            return True
        member = next((c for c in kids if c.dep_ == "conj"), None)
    return False


def _coordinated_owners(token: Token, own: Mention, mentions: dict[int, Mention]) -> list[Mention]:
    """"Hungarian and Romanian officials": the other owners the role words share (dyad_actors gave
    each its own titled actor), with their conjuncts."""
    found: list[Mention] = []
    owners = [c for c in _kids(token) if c.dep_ in ("amod", "nmod", "compound")]
    owners += [o for c in _kids(token) if c.dep_ == "prep" and c.lower_ == "of" for o in _kids(c) if o.dep_ == "pobj"]
    words = [w for child in owners for w in (child, *child.conjuncts)]
    # "troops from Chad and Niger": the others listed where they come from ("doctors from two aid groups": none)
    words += [w for c in _kids(token) if c.dep_ == "prep" and c.lower_ == "from" for o in _kids(c) if o.dep_ == "pobj"
              for w in o.conjuncts]
    for word in words:  # "Hungarian and Romanian officials", "leaders of Egypt, Jordan and Syria"
        mention = mentions.get(word.idx)
        if mention is not None and mention.how == "title" and mention.actor_id not in (own.actor_id, None):
            found.append(mention)
    return found


def modified_noun(head: Token, mentions: dict[int, Mention]) -> tuple[list[Mention], list[Mention]]:
    """(source, target) a participle takes from the noun it describes.

    "warships blocking a port": the warships act; "a camp attacked by militiamen" and
    "X's test ..., as reported by KCNA and condemned by Y": the camp and the test are acted on.
    """
    clause = head
    while clause.dep_ == "conj" and clause.head.tag_ in ("VBN", "VBG"):
        clause = clause.head  # "reported by X and condemned by Y": both describe the same noun
    if clause.dep_ == "acl":
        nouns = [clause.head]
    elif clause.dep_ == "advcl" and any(c.lower_ == "as" and c.dep_ == "mark" for c in _kids(clause)):
        nouns = _nouns_before(clause)
    else:
        return [], []
    actors = next((found for noun in nouns if (found := actors_of(noun, mentions))), [])
    return (actors, []) if head.tag_ == "VBG" and clause.dep_ == "acl" else ([], actors)


def _nouns_before(clause: Token) -> list[Token]:
    """The noun phrase just before an "as ..." clause: its nearest noun, then the nouns that hold it.

    "X's test of a new missile, as reported by ...": missile, then test (through "of").
    """
    start = clause.left_edge.i
    noun = None
    for t in reversed(clause.doc[max(0, start - MODIFIED_NOUN_WINDOW) : start]):
        if t.pos_ in ("NOUN", "PROPN"):
            noun = t
            break
        if t.is_sent_start:
            break
    nouns = []
    for _ in range(MAX_CLIMB):
        if noun is None or noun.pos_ not in ("NOUN", "PROPN", "ADP"):
            break
        if noun.pos_ != "ADP":
            nouns.append(noun)
        noun = noun.head if noun.head.i != noun.i else None
    return nouns


def is_modifier_clause(head: Token) -> bool:
    """A passive participle describing a noun ("a camp attacked by ..."): only its agent is its doer."""
    return head.tag_ == "VBN" and head.dep_ in ("acl", "advcl")


def _antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for: "troops, who attacked ..." -> troops."""
    if token.tag_ not in ("WP", "WDT") and token.lower_ not in ("who", "whom", "which", "that"):
        return None
    clause = token.head
    for _ in range(MAX_CLIMB):  # "troops who were sent to attack": up through the relative clause's verbs
        if clause.dep_ == "relcl" or clause.head.i == clause.i or clause.pos_ == "NOUN":
            break
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" else None


def objects_of(prep: Token, mentions: dict[int, Mention]) -> list[Mention]:
    objects = [obj for obj in _kids(prep) if obj.dep_ == "pobj"] or _stranded_object(prep)
    return [m for obj in objects for m in actors_of(obj, mentions)]


def _stranded_object(prep: Token) -> list[Token]:
    """"gave shelter to four officers hiding in X": the parser may make "officers" the subject of the
    verb after it and leave "to" without an object; the noun right after is the object. Not so
    for "with X hailing ...": a clause of its own, which tells what X did meanwhile."""
    if prep.lower_ in ("with", "without") and any(c.dep_ == "pcomp" for c in _kids(prep)):
        return []
    for token in prep.doc[prep.i + 1 : prep.i + 1 + MAX_MODIFIER_WORDS]:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.tag_ in ("VBN", "VBG", "VBD") and token.head.i > token.i:
            return [token]
        if token.pos_ not in ("DET", "NUM", "ADJ", "NOUN", "PROPN"):
            return []  # a clause boundary ("sent weapons to, officials said") or another phrase
    return []


def inherited_subject(head: Token, mentions, subject_control: frozenset[str],
                      said_by_main: frozenset[str] = frozenset()) -> list[Mention]:
    """The participant a trigger without a subject shares with the verb above it.

    "X vowed to deepen ...", "X is here for talks", "X arrived and met ...";
    "accused X of launching ..." gives X, the object of the accusing verb; "summoned X to complain"
    gives the summoner (``subject_control`` verbs). A participle of ``said_by_main`` after a comma is
    the main clause's ("Vietnam demanded that China withdraw its ships, accusing Beijing of ...").
    """
    token = head
    said = token.dep_ == "advcl" and token.tag_ == "VBG" and token.lemma_.lower() in said_by_main and (
        token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].text == ",")
    if said:
        token = token.head
        # up through what the main verb demands ("that China withdraw", "to leave"); a clause with no
        # "that" may be the parser's ("X cut ties, accusing Y, a charge Z called baseless")
        while (token.dep_ == "xcomp" or (token.dep_ == "ccomp" and any(c.dep_ == "mark" for c in _kids(token)))) and (
                token.head.i != token.i):
            token = token.head
        return [m for s in _kids(token) if s.dep_ in SUBJECT_DEPS for m in actors_of(s, mentions)]
    for _ in range(6):
        if token.head.i == token.i or token.dep_ in ("ccomp", "relcl", "parataxis"):
            break  # another clause, another speaker
        if token.dep_ == "advcl" and not (purpose_clause(token) or token.tag_ == "VBG"):
            break  # a purpose clause or a participle shares its subject: "X struck to protest", "X left, saying"
        via_prep = token.dep_ in ("pcomp", "pobj") and token.head.dep_ == "prep"
        child_dep = token.dep_
        token = token.head.head if via_prep else token.head
        objects = [c for c in _kids(token) if c.dep_ == "dobj"]
        # "accused X of launching", "urged X to recognise": the object is the doer
        controls = via_prep or (child_dep == "xcomp" and token.lemma_.lower() not in subject_control)
        doers = [m for o in objects for m in actors_of(o, mentions)] if controls and token.pos_ == "VERB" else []
        if doers:  # an object that names no one ("took part in talks") leaves the subject
            return doers
        subjects = [c for c in _kids(token) if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        if subjects:
            return [m for s in subjects for m in actors_of(s, mentions) if not (s.i == head.i and _in_of_phrase(m, s))]
    return []


def _in_of_phrase(mention: Mention, noun: Token) -> bool:
    """"the detention of X angered Y": X, in the event noun's own "of" phrase, is who it was done to."""
    return any(p.idx <= mention.start < p.right_edge.idx + len(p.right_edge)
               for p in _kids(noun) if p.dep_ == "prep" and p.lower_ == "of")


def phrase_head(noun: Token) -> Token:
    """Up through "of" phrases to the noun phrase's head: "a series of meetings" -> series."""
    for _ in range(MAX_CLIMB):
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.pos_ not in ("NOUN", "PROPN"):
            break
        noun = prep.head
    return noun


def up_to(particle: Token) -> list[Token]:
    """The counted nouns of "up to 16 advisers" when the parser read a particle "up" and a "to" under it."""
    if particle.lower_ != "up":
        return []
    return [obj for prep in _kids(particle) if prep.dep_ == "prep" and prep.lower_ == "to"
            for obj in _kids(prep) if obj.dep_ == "pobj" and any(n.dep_ == "nummod" for n in _kids(obj))]


def purpose_clause(clause: Token) -> bool:
    """"went on strike to protest": an infinitive adverbial clause says what the main event is for."""
    return clause.tag_ == "VB" and infinitive(clause)


def actor_did(clause: Token, mentions) -> bool:
    """"troops that attacked ...": the relative pronoun is the subject and stands for an actor."""
    return any(c.dep_ in SUBJECT_DEPS and (a := _antecedent(c)) is not None and actors_of(a, mentions)
               for c in _kids(clause))


def actor_doing(clause: Token, mentions) -> bool:
    """"demonstrators protesting election results": an active participle on an actor is its act."""
    return clause.dep_ == "acl" and clause.tag_ == "VBG" and bool(actors_of(clause.head, mentions))


def done_by_actor(clause: Token, mentions) -> bool:
    """"vaccines donated by China": a passive participle whose agent is an actor tells that actor's act;
    not a state since ("villages occupied by Russia since 2014")."""
    kids = _kids(clause)
    return clause.dep_ == "acl" and clause.tag_ == "VBN" and not any(c.lower_ == "since" for c in kids) and any(
        c.dep_ == "agent" and objects_of(c, mentions) for c in kids)


def in_place_name(token: Token) -> bool:
    """"Japan" in "the Sea of Japan", "China" in "the South China Sea": part of a larger proper name."""
    head = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else token.head
    return token.dep_ in ("compound", "pobj") and head.pos_ == "PROPN" and head.i != token.i and head.ent_type_ not in ("GPE", "NORP")
