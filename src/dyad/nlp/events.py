"""``dyad_events``: PLOVER events from a trigger lexicon and the dependency parse.

A trigger (verb, noun or multi-word phrase from ``ontology/data/triggers.tsv``)
opens an event; its source and target come from the parse (subject and agent,
object and the trigger's target prepositions), its modality from negation,
modals and the verbs that govern it, its date from the time expressions in its
clause. Needs ``dyad_actors`` (mentions) and ``dyad_times`` before it;
``dyad_quotes`` and ``dyad_sources`` give attribution when present.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dyad.nlp.extensions import get_list, register_extensions
from dyad.nlp.lexicon import load_word_sets
from dyad.nlp.places import place_at
from dyad.nlp.senses import choose_sense
from dyad.ontology.cameo import cameo_entry
from dyad.ontology.plover import plover_type
from dyad.ontology.triggers import Trigger, load_triggers
from dyad.records import Event, Mention, TimeExpression, content_id

register_extensions()

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}
# dependents that still name the same participant as their head
PARTICIPANT_DEPS = ("compound", "amod", "poss", "nmod", "appos", "npadvmod")
LOCATION_PREPS = {"in", "at", "to", "near", "inside", "outside", "across", "into", "on"}


@cache
def _modality_words() -> dict[str, frozenset[str]]:
    return load_word_sets("modality.tsv")


class EventCoder:
    """Finds triggers, fills in their dyads, modality, date and attribution."""

    def __init__(self, nlp: Language, name: str = "dyad_events", require_actor: bool = True):
        self.name = name
        self.require_actor = require_actor
        self.lexicon = load_triggers()
        self.phrases: dict[str, list[Trigger]] = {}
        for trigger in sorted(self.lexicon.phrases, key=lambda t: -len(t.phrase.split())):
            self.phrases.setdefault(trigger.phrase.split()[0], []).append(trigger)
        self.words = _modality_words()
        self.rules = load_word_sets("event_rules.tsv")

    def _fold_complements(self, found: list[tuple[Span, Event]]) -> list[tuple[Span, Event]]:
        """Drop an event that is the content of another ("offered to hand over"), giving it its target.

        When the content clause has its own subject ("demanded that Russia withdraw"), that subject
        is the target of the demand.
        """
        by_head = {span.root.i: event for span, event in found}
        kept = []
        for span, event in found:
            head = span.root
            governor = by_head.get(head.head.i) if head.dep_ in ("xcomp", "ccomp") else None
            if governor is None or governor is event or governor.type.lower() not in self.rules[f"folds_{head.dep_}"]:
                kept.append((span, event))
                continue
            if not governor.target:
                own_subject = head.dep_ == "ccomp" and event.source != governor.source
                governor.target = (event.source if own_subject else event.target)[:]
        return kept

    def __call__(self, doc: Doc) -> Doc:
        mentions = _mention_index(get_list(doc, "dyad_mentions"))
        times = get_list(doc, "dyad_times")
        events = get_list(doc, "dyad_events")
        spans = []
        in_times = {t.i for tx in times for t in doc.char_span(tx.start, tx.end, alignment_mode="expand") or ()}
        found = [(span, self._event(doc, span, trigger, mentions, times)) for span, trigger in self._triggers(doc, in_times)]
        for trigger_span, event in self._fold_complements(found):
            if event.modality == "future" and event.type.lower() in self.rules["future_as_agree"]:
                _recode(event, "AGREE")
            # an event nobody did to nobody cannot enter a dyad; PETRARCH drops these too
            if event.source or event.target or not self.require_actor:
                events.append(event)
                spans.append(Span(doc, trigger_span.start, trigger_span.end, label=event.type))
        doc.spans["dyad_events"] = spans
        return doc

    # -- triggers --------------------------------------------------------

    def _triggers(self, doc: Doc, in_times: set[int]) -> Iterable[tuple[Span, Trigger]]:
        """Each trigger once: a multi-word phrase wins over its head word alone; "March" the month is none."""
        taken = set(in_times)
        for token in doc:
            if token.i in taken:
                continue
            found = self._phrase_at(token) or self._word_at(token)
            if found is None:
                continue
            tokens, trigger = found
            taken.update(t.i for t in tokens)
            yield _trigger_span(doc, tokens), trigger

    def _word_at(self, token: Token) -> tuple[list[Token], Trigger] | None:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB":
            entries = self.lexicon.verbs.get(lemma)
        elif token.pos_ in ("NOUN", "PROPN") and not _is_modifier_noun(token):
            entries = self.lexicon.nouns.get(lemma)
        else:
            entries = None
        trigger = choose_sense(token, entries) if entries else None
        return ([token], trigger) if trigger else None

    def _phrase_at(self, token: Token) -> tuple[list[Token], Trigger] | None:
        for trigger in self.phrases.get(token.lemma_.lower(), ()):
            tokens = _match_phrase(token, trigger.phrase.split())
            if tokens:
                return tokens, trigger
        return None

    # -- one event -------------------------------------------------------

    def _event(self, doc, trigger_span, trigger, mentions, times) -> Event:
        head = trigger_span.root
        sentence = head.sent
        own = {t.i for t in trigger_span}
        source, target = self._participants(head, trigger, mentions, own)
        date = _event_date(head, times, doc)
        cameo = cameo_entry(trigger.cameo) if trigger.cameo else None
        ptype = plover_type(trigger.type)
        event = Event(
            id=content_id(f"{doc._.dyad_document.id if doc._.dyad_document else doc.text}"
                          f":{trigger_span.start_char}:{trigger.type}", "ev-"),
            type=trigger.type,
            mode=trigger.mode or None,
            cameo=trigger.cameo or None,
            goldstein=cameo.goldstein if cameo else None,
            quad_class=ptype.quad_class,
            trigger=(trigger_span.start_char, trigger_span.end_char),
            sentence=(sentence.start_char, sentence.end_char),
            source=_unique(m.actor_id for m in source),
            target=_unique(m.actor_id for m in target if m.actor_id not in {s.actor_id for s in source}),
            modality=self._modality(head),
            location=_location(head, own, trigger),
            **date,
        )
        event.confidence = _confidence(event, head)
        return event

    def _participants(self, head: Token, trigger: Trigger, mentions, own: set[int]) -> tuple[list, list]:
        source: list[Mention] = []
        target: list[Mention] = []
        target_preps = set(trigger.target_preps)
        # a phrase's words all carry arguments: "imposed sanctions [on X]"
        children = [c for i in sorted(own) for c in head.doc[i].children]
        for child in children:
            if child.i in own:
                # "diplomats" in "expelled Canadian diplomats" names a target only through its own
                # mention; "missiles" in "launched North Korean-made missiles" names none
                own_mention = mentions.get(child.idx)
                if own_mention is not None and own_mention.actor_id and child.dep_ in OBJECT_DEPS:
                    target.append(own_mention)
                continue
            if child.dep_ in SUBJECT_DEPS or child.dep_ == "poss":
                source += _actors_of(child, mentions)
            elif child.dep_ in PASSIVE_SUBJECT_DEPS or child.dep_ in OBJECT_DEPS:
                target += _actors_of(child, mentions)
            elif child.dep_ == "agent":
                source += _objects_of(child, mentions)
            elif child.dep_ == "pobj":
                target += _actors_of(child, mentions)  # the phrase's own preposition: "meets with X"
            elif child.dep_ == "prep" and child.lower_ in target_preps:
                target += _objects_of(child, mentions)
            elif child.dep_ == "prep" and (
                child.lower_ == "between" or (child.lower_ in ("of", "by", "from") and head.pos_ == "NOUN")
            ):
                # "talks between X and Y", "a visit by X", "criticism from X"
                source += _objects_of(child, mentions)
        passive = any(c.dep_ == "auxpass" for c in head.children)
        if passive and not target:
            target = _inherited_subject(head, mentions)  # "X arrived and was met by Y": X is met
        elif not passive and not source:
            source = _inherited_subject(head, mentions)
        return source, target

    def _modality(self, head: Token) -> str:
        """The strongest marker on the trigger or the clauses that govern it."""
        words = self.words
        for token in _clause_chain(head):
            deps = list(token.children)
            if any(c.dep_ == "neg" or c.lower_ in words["negation"] for c in deps):
                return "negated"
            lemmas = {c.lower_ for c in deps if c.dep_ in ("aux", "auxpass", "advmod", "mark")}
            if lemmas & words["hypothetical"]:
                return "hypothetical"
            if lemmas & words["future"]:
                return "future"
            if token.i != head.i:
                lemma = token.lemma_.lower()
                if lemma in words["denial_verbs"]:
                    return "negated"
                if lemma in words["allegation_verbs"]:
                    return "alleged"
                if lemma in words["future_verbs"]:
                    return "future"
                if lemma in words["speculation_verbs"] or lemma in words["request_verbs"]:
                    return "hypothetical"
        if any(c.lower_ in words["allegation_modifiers"] for c in head.children if c.dep_ == "amod"):
            return "alleged"
        return "asserted"


def _trigger_span(doc: Doc, tokens: list[Token]) -> Span:
    """The phrase when its words are adjacent ("held talks"), else its head ("expelled")."""
    first, last = min(t.i for t in tokens), max(t.i for t in tokens)
    if last - first + 1 == len(tokens):
        return doc[first : last + 1]
    head = _head_of(tokens)
    return doc[head.i : head.i + 1]


def _head_of(tokens: list[Token]) -> Token:
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[0])


def _match_phrase(token: Token, lemmas: list[str]) -> list[Token] | None:
    """A phrase as adjacent lemmas ("test - fire") or as head plus dependents ("hold ... talk")."""
    doc = token.doc
    words = [t for t in doc[token.i : token.i + 2 * len(lemmas)] if t.text != "-"]
    if [t.lemma_.lower() for t in words[: len(lemmas)]] == lemmas:
        last = words[len(lemmas) - 1]
        return list(doc[token.i : last.i + 1])
    if token.pos_ == "VERB":
        found = [token]
        for lemma in lemmas[1:]:
            child = next((c for c in token.subtree if c.lemma_.lower() == lemma and c.head.i in {f.i for f in found}), None)
            if child is None:
                return None
            found.append(child)
        return found
    return None


def _is_modifier_noun(token: Token) -> bool:
    """"missile" in "missile test" is not itself an event; "test" is."""
    return token.dep_ == "compound"


def _mention_index(mentions: list[Mention]) -> dict[int, Mention]:
    """Character offset -> the longest mention covering it."""
    index: dict[int, Mention] = {}
    for mention in sorted(mentions, key=lambda m: m.end - m.start):
        for offset in range(mention.start, mention.end):
            index[offset] = mention
    return index


def _actors_of(token: Token, mentions: dict[int, Mention]) -> list[Mention]:
    """The actors a noun phrase names: its own mention, its conjuncts', else the nearest modifier's."""
    found: list[Mention] = []
    own = mentions.get(token.idx)
    if own is not None and own.actor_id:
        found.append(own)
    else:
        # the nearest modifier that names someone: "Russian forces", "representatives of the ministry"
        for dep in PARTICIPANT_DEPS + ("prep",):
            for child in token.children:
                if child.dep_ == dep == "prep" and child.lower_ == "of":
                    found += _objects_of(child, mentions)
                elif child.dep_ == dep != "prep":
                    found += _actors_of(child, mentions)
            if found:
                break
    for child in token.children:
        if child.dep_ == "conj":
            found += _actors_of(child, mentions)
    return found


def _objects_of(prep: Token, mentions: dict[int, Mention]) -> list[Mention]:
    return [m for obj in prep.children if obj.dep_ == "pobj" for m in _actors_of(obj, mentions)]


def _inherited_subject(head: Token, mentions) -> list[Mention]:
    """The participant a trigger without a subject shares with the verb above it.

    "X vowed to deepen ...", "X is here for talks", "X arrived and met ...";
    "accused X of launching ..." gives X, the object of the accusing verb.
    """
    token = head
    for _ in range(6):
        if token.head.i == token.i or token.dep_ in ("ccomp", "advcl", "relcl", "parataxis"):
            break  # another clause, another speaker
        via_prep = token.dep_ in ("pcomp", "pobj") and token.head.dep_ == "prep"
        child_dep = token.dep_
        token = token.head.head if via_prep else token.head
        objects = [c for c in token.children if c.dep_ == "dobj"]
        # "accused X of launching", "urged X to recognise": the object is the doer
        controls = via_prep or child_dep == "xcomp"
        if controls and objects and token.pos_ == "VERB":
            return [m for o in objects for m in _actors_of(o, mentions)]
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        if subjects:
            return [m for s in subjects for m in _actors_of(s, mentions)]
    return []


def _clause_chain(head: Token) -> Iterable[Token]:
    """The trigger, then the verbs that govern it, up to the sentence root."""
    token = head
    yield token
    while token.head.i != token.i:
        coordinated = token.dep_ == "conj"
        token = token.head
        # "deny X but vowed Y": the first conjunct does not govern the second
        if token.pos_ in ("VERB", "AUX") and not coordinated:
            yield token


def _location(head: Token, own: set[int], trigger: Trigger) -> str | None:
    """Where the event happened: a place its own words govern ("arrived in Moscow", "visited Pyongyang").

    A direct object is a place only for visits: "accused Moscow" names a target, not a location.
    """
    place_objects = ("pobj", "npadvmod", "dobj") if trigger.mode == "visit" else ("pobj", "npadvmod")
    doc = head.doc
    candidates = [c for i in sorted(own) for c in doc[i].children]
    for child in candidates:
        if child.dep_ == "prep" and child.lower_ in LOCATION_PREPS:
            candidates += [obj for obj in child.children if obj.dep_ == "pobj"]
    for token in candidates:
        if token.dep_ in place_objects:
            place = place_at(doc, token.idx)
            if place is not None:
                return place
    return None


def _recode(event: Event, type_name: str) -> None:
    """Give the event another PLOVER type, with that type's default CAMEO code and Goldstein value."""
    ptype = plover_type(type_name)
    cameo = cameo_entry(ptype.default_cameo) if ptype.default_cameo else None
    event.type, event.mode, event.quad_class = ptype.name, None, ptype.quad_class
    event.cameo, event.goldstein = ptype.default_cameo, cameo.goldstein if cameo else None


def _own_clause(head: Token) -> Iterable[Token]:
    """The trigger and the tokens above it up to its clause's edge ("arrived on Sunday and was met")."""
    token = head
    yield token
    while token.head.i != token.i and token.dep_ not in ("ccomp", "parataxis", "advcl", "relcl"):
        token = token.head
        yield token


def _event_date(head: Token, times: list[TimeExpression], doc: Doc) -> dict:
    """Date from the nearest time expression in the trigger's clause, else the publication date."""
    sentence = head.sent
    # an underspecified value ("XXXX-07": no publication date to anchor it) dates nothing
    in_sentence = [
        t for t in times if sentence.start_char <= t.start < sentence.end_char and t.value and "X" not in t.value
    ]
    governing = {t.i for t in _own_clause(head)}
    best = None
    for tx in in_sentence:
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None:
            continue
        attach = span.root
        while attach.head.i != attach.i and attach.pos_ not in ("VERB", "AUX") and attach.i != head.i:
            attach = attach.head
        if attach.i in governing or attach.i == head.i:
            distance = abs(span.root.i - head.i)
            if best is None or distance < best[0]:
                best = (distance, tx)
    if best is not None and best[1].type == "DATE":
        tx = best[1]
        return {"date": tx.value, "date_precision": tx.precision, "date_source": "text", "date_span": (tx.start, tx.end)}
    published = doc._.dyad_document.published if doc._.dyad_document else None
    if published:
        return {"date": published, "date_precision": "day", "date_source": "publication"}
    return {"date": None, "date_precision": "none", "date_source": "none"}


def _confidence(event: Event, head: Token) -> float:
    score = 0.4 + (0.3 if event.source else 0) + (0.2 if event.target else 0)
    if head.pos_ != "VERB":
        score -= 0.1
    return round(min(score, 1.0), 2)


def _unique(ids: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(i for i in ids if i))


@Language.factory("dyad_events", default_config={"require_actor": True})
def make_event_coder(nlp: Language, name: str, require_actor: bool) -> EventCoder:
    return EventCoder(nlp, name, require_actor)
