"""The target a sentence implies for an event whose own words name none.

"Floods killed 40 people in Ecuador, and Venezuela pledged $10 million for reconstruction": the
pledge names no recipient, but a coder reading the sentence codes it to Ecuador, the only other
party the sentence names. ``dyad_events`` fills such targets last, once every event of the
sentence is coded, and gives them less confidence than a target the parse gives.

A name is no party when it only describes a thing or a place, when its bearer reacts to the event
or does something else meanwhile, or when the sentence's other events show the event is not aimed
at it (the victim of what a condemnation condemns, whoever asked for a deployment).
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Doc, Token

from dyad.nlp.extensions import get_list
from dyad.nlp.parse import children as _kids
from dyad.nlp.parse import first_conjunct
from dyad.nlp.participants import SUBJECT_DEPS, in_place_name
from dyad.records import Actor, Event

HOSTILE_QUADS = (3, 4)  # verbal and material conflict
VERBAL_QUADS = (1, 3)  # what is said, done nowhere in particular
SCENE_PREPS = {"in", "at", "inside", "near", "outside"}
MODIFIER_DEPS = {"amod", "compound", "nmod", "npadvmod"}  # "Chinese" in "Chinese-built missiles"
NAMING_FAMILIES = ("deal", "legal_text", "document")  # "the Kyoto protocol": a name on a text
TARGET_FROM_SENTENCE = 0.1  # half the confidence a target the parse gives adds


class SentenceTargets:
    """Fills the target of events with a doer and no target from the rest of their sentence."""

    def __init__(self, rules: dict[str, frozenset[str]], families: dict[str, frozenset[str]],
                 event_nouns: Container[str]):
        self.border_nouns = rules["border_noun"]
        self.families = families
        self.event_nouns = event_nouns

    def __call__(self, doc: Doc, events: list[Event], mentions, sector_only: set[str]) -> None:
        by_id = {a.id: a for a in get_list(doc, "dyad_actors")}
        # all read before any is filled: one filled target must not rule out another's
        aimed = {id(e): self._only_other_party(doc, e, events, by_id, mentions, sector_only)
                 for e in events if e.source and not e.target}
        for event in events:
            if aimed.get(id(event)):
                event.target = aimed[id(event)]
                event.confidence = round(min(event.confidence + TARGET_FROM_SENTENCE, 1.0), 2)

    def _only_other_party(self, doc: Doc, event: Event, events: list[Event], by_id: dict[str, Actor], mentions,
                          sector_only: set[str]) -> list[str]:
        """The one state (or international body) besides the doers' that the sentence names (news
        outlets only carry the news); of several, the one the sentence's other events are only done to."""
        own = _states(event.source, by_id)
        start, end = event.sentence
        trigger = doc.char_span(*event.trigger, alignment_mode="expand").root
        named: dict[str, list[Actor]] = {}
        for mention in get_list(doc, "dyad_mentions"):
            actor = by_id.get(mention.actor_id)
            if actor is None or not actor.code or actor.kind == "media" or actor.id in sector_only or not (
                    start <= mention.start and mention.end <= end) or actor.code[:3] in own:
                continue
            word = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if word is not None and not self._in_passing(word.root, trigger, event, mentions):
                named.setdefault(actor.code[:3], []).append(actor)
        others = [e for e in events if e.sentence == event.sentence and e is not event]
        if len(named) > 1:  # "U.S. planes flew food into Haiti, and the Dominican Republic sent doctors": Haiti
            done_to = set().union(*(_states(e.target, by_id) for e in others)) - set().union(
                *(_states(e.source, by_id) for e in others))
            named = {state: actors for state, actors in named.items() if state in done_to}
        if len(named) != 1 or set(named) & _not_aimed_at(trigger, event, own, others, by_id):
            return []
        return [min(next(iter(named.values())), key=lambda a: len(a.code)).id]  # the state itself before its bodies

    def _in_passing(self, word: Token, trigger: Token, event: Event, mentions) -> bool:
        """A name that is no party to an event it takes no part in: one describing a thing or a place
        ("Chinese-built missiles", "the Kyoto protocol", "the Sea of Japan", "Macedonia's border with
        Bulgaria"), the doer of a passive or a participle ("was welcomed by Peru", "a deal brokered by
        Saudi Arabia", "a report written by a team of Ugandan economists"), one doing its own thing
        meanwhile ("with President Garcia of Peru hailing ..."); in the words of a verbal act, its
        scene ("for trial in the Netherlands") and whose economy or plans it is about; for hostility,
        the one a hostile act it reacts to was done to ("condemned Mandela's arrest")."""
        word = first_conjunct(word)
        if self._describes_thing(word, trigger, mentions) or in_place_name(word):
            return True
        own_words = trigger.left_edge.i <= word.i <= trigger.right_edge.i
        verbal = event.quad_class in VERBAL_QUADS and own_words
        token = word
        while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ in ("pobj", "nsubj", "dobj"):
            token = token.head.head  # "a team of Ugandan economists"
        prep = token.head if token.dep_ == "pobj" else None
        if prep is not None and (prep.dep_ == "agent" or (verbal and prep.lower_ in SCENE_PREPS)):
            return True
        if (word.head.head if word.dep_ == "pobj" else word.head).lemma_.lower() in self.border_nouns:
            return True  # "Macedonia's border with Bulgaria"
        of = word.dep_ == "pobj" and word.head.lower_ == "of"
        held = word.head.head if of else word.head
        if (word.dep_ == "poss" or of) and held.idx not in mentions and (
                (event.quad_class in HOSTILE_QUADS and held.lemma_.lower() in self.event_nouns)
                or (verbal and word.dep_ == "poss")):
            return True
        return word.dep_ in SUBJECT_DEPS and word.head.dep_ == "pcomp" and word.head.head.lower_ == "with"

    def _describes_thing(self, word: Token, trigger: Token, mentions) -> bool:
        """"Chinese" in "Chinese-built missiles", "Kyoto" in "the Kyoto protocol", "African Union" in
        "African Union members condemned": a maker or a name on a thing, or what the doers are; not
        the owner in "tanks struck Yugoslav army positions"."""
        token, made = word, False
        while token.dep_ in MODIFIER_DEPS and token.head.idx not in mentions and token.head.i != token.i:
            token = token.head
            made = made or token.tag_ == "VBN"
        doers = token.dep_ in SUBJECT_DEPS and token.head.i == trigger.i  # "African Union members condemned"
        named = any(token.lemma_.lower() in self.families[group] for group in NAMING_FAMILIES)
        return token.i != word.i and token.pos_ in ("NOUN", "PROPN") and (made or doers or named)


def _not_aimed_at(trigger: Token, event: Event, own: set[str], others: list[Event], by_id: dict[str, Actor]) -> set[str]:
    """States the sentence's other events show the event is not aimed at: the victims of what its
    own words tell of ("signed a resolution condemning Bolivia", "rejected allegations that its
    troops killed Peruvian fishermen"), and for a hostile act those who asked for it ("deployed
    troops in response to a request from the UN")."""
    hostile = event.quad_class in HOSTILE_QUADS
    conjoined = {t.idx for c in _kids(trigger) if c.dep_ == "conj" for t in c.subtree}  # "fired on and seized": a second act
    content = {t.idx for t in trigger.subtree} - conjoined
    ruled_out = set()
    for other in others:
        if other.trigger[0] not in content:
            continue
        done_by_them = other.modality == "asserted" and bool(_states(other.source, by_id) & own)  # "what it called camps"
        if (other.quad_class in HOSTILE_QUADS) != hostile or (hostile and not done_by_them):
            ruled_out |= _states(other.target, by_id)
        if hostile and other.type == "REQUEST" and (not other.target or _states(other.target, by_id) & own):
            ruled_out |= _states(other.source, by_id)
    return ruled_out


def _states(ids: list[str], by_id: dict[str, Actor]) -> set[str]:
    return {by_id[a].code[:3] for a in ids if a in by_id and by_id[a].code}
