"""``dyad_events``: PLOVER events from a trigger lexicon and the dependency parse.

A trigger (verb, noun or multi-word phrase from ``ontology/data/triggers.tsv``)
opens an event; its source and target come from the parse (subject and agent,
object and the trigger's target prepositions), its modality from negation,
modals and the verbs that govern it, its date from the time expressions in its
clause. Needs ``dyad_actors`` (mentions) and ``dyad_times`` before it;
``dyad_quotes`` and ``dyad_sources`` give attribution when present.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dyad.gazetteer import load_gazetteer
from dyad.nlp.extensions import get_list, register_extensions
from dyad.nlp.dating import clamp_to_publication, event_date, starts_when, time_anchors
from dyad.nlp.domestic import INFERRED_COUNTRY
from dyad.nlp.lexicon import load_word_sets
from dyad.nlp.parse import children as _kids
from dyad.nlp.places import place_at
from dyad.nlp.senses import choose_sense
from dyad.ontology.cameo import cameo_entry
from dyad.ontology.plover import plover_type
from dyad.ontology.triggers import Trigger, load_triggers
from dyad.records import Actor, Event, Mention, content_id, next_actor_id

register_extensions()

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}
# dependents that still name the same participant as their head
PARTICIPANT_DEPS = ("compound", "amod", "poss", "nmod", "appos", "npadvmod")
# a noun that names nobody belongs to whoever these introduce
OWNER_PREPS = ("of", "by", "from")  # "members of X", "violations by X", "doctors from X"
LOCATION_PREPS = {"in", "at", "to", "near", "inside", "outside", "across", "into", "on"}
# a noun trigger inside one of these names an organisation, a place or a work, not an event
NAME_ENTITIES = {"ORG", "FAC", "GPE", "LOC", "NORP", "WORK_OF_ART", "LAW", "PRODUCT", "PERSON"}
# dependencies that open another clause: its events are not the content of the one above
CLAUSE_EDGES = {"ccomp", "xcomp", "advcl", "relcl", "parataxis", "acl", "csubj", "conj"}
# a verb trigger below one of these is an argument of the clause above, never its background
ARGUMENT_EDGES = {"ccomp", "xcomp", "conj", "nsubj", "nsubjpass"}
MODIFIED_NOUN_WINDOW = 12  # how far back an "as reported by X" clause looks for what it describes
MAX_TITLE_WORDS = 4  # "Planning and Investment Minister Tran Xuan Gia"
MAX_CLIMB = 8  # phrases nest a few levels deep; the bound keeps a long sentence linear
# what a future event is coded as, by event_rules.tsv group (PLOVER manual, AGREE, THREATEN, CONCEDE)
FUTURE_RECODES = (("future_as_agree", "AGREE"), ("future_as_threaten", "THREATEN"), ("future_as_concede", "CONCEDE"))
# "X said Y must V" with V no trigger of its own: a demand all the same
OBLIGATION_TRIGGER = Trigger("", "VERB", "REQUEST", "", "", (), "reported obligation")


@cache
def _modality_words() -> dict[str, frozenset[str]]:
    return load_word_sets("modality.tsv")


@dataclasses.dataclass
class Found:
    """One coded trigger while the sentence is worked on: its tokens, event and how its dyad was found."""

    span: Span
    tokens: list[Token]
    event: Event
    own_participants: bool  # a source from its own dependents, not borrowed from a governing verb
    own_people: list[Mention] = dataclasses.field(default_factory=list)  # "withdrew its troops": the doer's
    mutual: bool = False  # "fighting between X and Y": each side's act on the other


class EventCoder:
    """Finds triggers, fills in their dyads, modality, date and attribution."""

    def __init__(self, nlp: Language, name: str = "dyad_events", require_actor: bool = True):
        self.name = name
        self.require_actor = require_actor
        self.lexicon = load_triggers()
        self.phrases: dict[str, list[Trigger]] = {}
        for trigger in sorted(self.lexicon.phrases, key=lambda t: -len(t.phrase.split())):
            self.phrases.setdefault(trigger.phrase.split()[0], []).append(trigger)
        self.words = defaultdict(frozenset, _modality_words())  # a group left out of the data is empty
        self.rules = load_word_sets("event_rules.tsv")

    def __call__(self, doc: Doc) -> Doc:
        actors = get_list(doc, "dyad_actors")
        mentions = _mention_index(get_list(doc, "dyad_mentions"))
        codes = {a.id: a.code or a.id for a in actors}
        sectors = load_gazetteer().sectors
        sector_only = {a.id for a in actors if not a.country and (a.code or "")[:3] in sectors}
        sector_only |= doc.user_data.get(INFERRED_COUNTRY, set())  # "the soldiers and Kenya": Kenya says it
        times = get_list(doc, "dyad_times")
        in_times = {t.i for tx in times for t in doc.char_span(tx.start, tx.end, alignment_mode="expand") or ()}
        sentence_of = _sentence_index(doc)
        anchors = time_anchors(doc, times)
        found = [self._event(doc, span, tokens, trigger, mentions, anchors, sentence_of[span.root.i])
                 for span, tokens, trigger in self._triggers(doc, in_times, mentions)]
        heads = {item.span.root.i for item in found}
        for item in found:  # types first: what folds into what depends on them ("would blockade ... to demand")
            self._conventions(item, heads)
        found = self._fold_nested(self._fold_complements(found, mentions))
        by_id, inferred = {a.id: a for a in actors}, doc.user_data.get(INFERRED_COUNTRY, set())
        for item in found:
            _claim_own_people(item, by_id, codes, inferred)
        owner = {t.i: item for item in found for t in item.tokens}
        found = [item for item in found if not self._background(item, owner, mentions)]
        coded: list[tuple[Span, Event]] = []
        for item in self._without_terms(found, mentions):
            event = item.event
            clamp_to_publication(event, doc)
            event.source = _one_per_code(event.source, codes, sector_only)
            event.target = _one_per_code(event.target, codes, sector_only)
            if not event.target and not item.mutual:
                event.target = self._untargeted(doc, event, codes)
            if not event.source and event.type.lower() in self.rules["unidentified_doer"]:
                event.source = _unidentified_doer(doc, event, item.span.root, codes)
            self._joint_exercise(event, item.span.root, codes)
            # an event nobody did to nobody cannot enter a dyad; PETRARCH drops these too
            if event.source or event.target or not self.require_actor:
                coded += [(item.span, e) for e in self._directions(event, codes, item.mutual)]
        events = get_list(doc, "dyad_events")
        spans = []
        for span, event in _without_partial(_without_duplicates(coded, codes), codes):
            events.append(event)
            spans.append(Span(doc, span.start, span.end, label=event.type))
        doc.spans["dyad_events"] = spans
        return doc

    def _conventions(self, item: Found, heads: set[int]) -> None:
        """PLOVER's type conventions for intentions, readiness and refusals."""
        event = item.event
        if self._willing(self._clause_of(item.span.root, heads)):  # "is prepared to impose martial law"
            self._willingness_convention(event)
        else:
            self._future_convention(event)
        if self._refusal(item):
            _recode(event, "REJECT")  # "will not accept X", "failed to reach agreement": a refusal
            event.modality = "asserted"

    def _untargeted(self, doc: Doc, event: Event, codes: dict[str, str]) -> list[str]:
        """The target PLOVER gives an event that names none: the country it happens in (see event_rules.tsv)."""
        kind = event.type.lower()
        if kind in self.rules["untargeted_is_domestic"]:
            return _domestic_target(doc, event, codes)
        if kind in self.rules["untargeted_at_home"]:
            return _domestic_target(doc, event, codes, bodies_only=True)
        if kind in self.rules["untargeted_at_place"] and event.location:
            return _domestic_target(doc, event, codes, place_only=True)
        return []

    def _joint_exercise(self, event: Event, head: Token, codes: dict[str, str]) -> None:
        """Exercises held by two or more countries are joint military operations: COOPERATE (PLOVER manual)."""
        countries = {codes.get(a, "")[:3] for a in event.source}
        if event.type == "MOBILIZE" and head.lemma_.lower() in self.rules["joint_exercise"] and len(countries) > 1:
            _recode(event, "COOPERATE")

    # -- events inside events ----------------------------------------------

    def _without_terms(self, found: list[Found], mentions) -> list[Found]:
        """Drop the events inside another's terms ("threatened to attack unless Baghdad accepted its
        conditions": one THREATEN); whoever must meet the terms is its target when it names none."""
        inside: set[int] = set()
        for item in found:
            event = item.event
            inside.update(self._answered_proposal(item))
            conditions = self._conditions(item.span.root)
            if conditions and event.modality in ("future", "hypothetical") and (
                    event.type.lower() in self.rules["conditional_threat"]):
                _recode(event, "THREATEN")  # "may halt its mediation if ...": a threat
            if event.type.lower() not in self.rules["condition_is_terms"]:
                continue
            for clause in conditions:
                inside.update(t.i for t in clause.subtree)
                if not event.target:
                    subjects = [m.actor_id for c in _kids(clause) if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
                                for m in _actors_of(c, mentions)]
                    event.target = [a for a in _unique(subjects) if a not in event.source]
        return [item for item in found if item.span.root.i not in inside]

    def _answered_proposal(self, item: Found) -> set[int]:
        """The words of a proposal a REJECT or AGREE answers ("rejected a US offer to host a summit"):
        offered, not done. A denial's object stays ("deny arms supply agreements": negated)."""
        head = item.span.root
        if item.event.type.lower() not in self.rules["answers_proposal"] or (
                head.lemma_.lower() in self.rules["keeps_content"]):
            return set()
        own = {t.i for t in item.tokens}
        objects = [t for t in (*item.tokens, *_kids(head)) if t.dep_ == "dobj"]
        objects += [o for t in _kids(head) if t.dep_ == "prep" for o in _kids(t) if o.dep_ == "pobj"]  # "conceded to demands"
        return {t.i for obj in objects if obj.lemma_.lower() in self.rules["proposal_noun"]
                for t in obj.subtree if t.i not in own}

    def _conditions(self, head: Token) -> list[Token]:
        """The if/unless/until/before clauses on an event or on the content it folds ("threatened to stop
        talks if the US goes ahead", "demanded a truce before allowing convoys")."""
        marks = self.rules["condition_mark"]
        clauses, stack = [], [head]
        while stack:
            for child in _kids(stack.pop()):
                if child.dep_ in ("xcomp", "ccomp"):
                    stack.append(child)
                elif child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in _kids(child)):
                    clauses.append(child)
                elif child.dep_ == "prep" and child.lower_ in marks:
                    clauses += [c for c in _kids(child) if c.dep_ == "pcomp"]
        return clauses

    def _fold_complements(self, found: list[Found], mentions) -> list[Found]:
        """Drop an event that is the content of another ("offered to hand over"), giving it its target.

        When the content clause has its own subject ("demanded that Russia withdraw"), that subject
        is the target of the demand.
        """
        by_head = {item.span.root.i: item.event for item in found}
        clause_of = {item.span.root.i: self._clause_of(item.span.root, by_head) for item in found}
        for item in found:  # "started a hunger strike to protest": the support verb stands for its noun
            by_head.setdefault(clause_of[item.span.root.i].i, item.event)
        kept = []
        for item in found:
            event, head = item.event, clause_of[item.span.root.i]
            governor = by_head.get(head.head.i) if head.dep_ in ("xcomp", "ccomp", "advcl", "acl") else None
            if governor is None or governor is event or not self._folds(governor, event, head):
                kept.append(item)
                continue
            if not governor.target:
                own_subject = head.dep_ in ("ccomp", "acl") and _has_subject(head) and event.source != governor.source
                governor.target = (event.source if own_subject else event.target)[:]
        for item in kept:  # "agreed to re-open its borders to UN peacekeepers": no event, still a target
            if not item.event.target and item.event.type.lower() in self.rules["folds_xcomp"]:
                xcomps = [c for c in _kids(item.span.root)
                          if c.dep_ == "xcomp" and not any(_content_of(other.span.root, c) for other in kept)]
                source = set(item.event.source)
                item.event.target = _unique(m.actor_id for c in xcomps
                                            for m in self._objects_named(c, mentions, source, c.i not in by_head))
        return kept

    def _clause_of(self, head: Token, events: dict) -> Token:
        """The verb whose clause an event is: a support verb with no event of its own stands for its
        object or its -ing complement ("to show their disapproval", "prepared to resume shelling")."""
        for _ in range(MAX_CLIMB):
            verb = head.head
            if head.dep_ not in ("dobj", "xcomp") or verb.i in events or verb.lemma_.lower() not in self.rules["support_verb"]:
                break
            head = verb
        return head

    def _objects_named(self, verb: Token, mentions, doers: set[str], objects: bool = True) -> list[Mention]:
        """Whom a verb acts on: its objects (when asked: a trigger's object may be its doer's own
        troops), else the one its object is with, to, against or for ("re-open its borders to UN
        peacekeepers"); never its own doers."""
        found: list[Mention] = []
        for child in _kids(verb):
            if child.dep_ in OBJECT_DEPS and objects:
                named = [m for m in _actors_of(child, mentions) if m.actor_id not in doers]
                found += named or self._through_object(child, mentions)
            elif child.dep_ == "prep" and child.lower_ in self.rules["object_target_prep"]:
                found += _objects_of(child, mentions)
        return [m for m in found if m.actor_id not in doers]

    def _folds(self, governor: Event, event: Event, head: Token) -> bool:
        """A complement its governor's type folds ("offered to hand over"), or a purpose of the same
        type ("went on hunger strike to protest X": one protest, against X) or of a protest ("blocked
        roads to demand reforms": the demand is what the protest says)."""
        if head.dep_ != "advcl":  # "ordered the paper to suspend publication": one COERCE
            return governor.type.lower() in self.rules[f"folds_{head.dep_}"] or governor.type == event.type
        return _purpose(head) and (governor.type == event.type or governor.type.lower() in self.rules["folds_advcl"])

    def _fold_nested(self, found: list[Found]) -> list[Found]:
        """A noun event with no participants of its own, inside another event's words, is that event's content.

        "hosted X for an informal meeting", "killed in an attack", "suspended a military aid programme
        for Bosnia": one event, which takes the nested one's target when it has none. What a denial
        or an accusation is about stays an event ("deny arms supply agreements": negated).
        """
        owner = {t.i: item for item in found for t in item.tokens}
        kept = []
        for item in found:
            governor = _governing_event(item, owner)
            # "launched a mediation effort": a verb of the same type tells the same event, parties and
            # all; "demanded a meeting of the Security Council": what is demanded is the demand's
            restated = governor is not None and governor.span.root.pos_ == "VERB" and (
                governor.event.type == item.event.type or self._demanded(item, governor))
            if item.own_participants and not restated:
                governor = None
            if governor is None or governor.span.root.lemma_.lower() in self.rules["keeps_content"]:
                kept.append(item)
            elif not governor.event.target:
                others = [a for a in item.event.source if a not in governor.event.source]
                governor.event.target = (item.event.target or others)[:]
        return kept

    def _demanded(self, item: Found, governor: Found) -> bool:
        """A noun event that is the object of a demand or a threat: its content, not an event. A
        support verb's object stays the event ("ordered patrols": a MOBILIZE)."""
        return (governor.event.type.lower() in self.rules["object_is_content"]
                and governor.span.root.lemma_.lower() not in self.rules["support_verb"]
                and _phrase_head(item.span.root).dep_ == "dobj" and _phrase_head(item.span.root).head.i == governor.span.root.i)

    def _background(self, item: Found, owner: dict[int, Found], mentions) -> bool:
        """An event the sentence mentions on the way to its own. Coders of the field (PETRARCH, the
        PLOVER gold) code what a sentence reports, not these:
        - a restrictive relative clause, or a participle with no subject of its own ("a helicopter
          that was captured", "nationals suspected of blowing up", "a guard involved in a shooting");
        - a relative clause in the past perfect ("the ministers, whom they had taken hostage");
        - a noun event with no participants of its own, held by a word that is no trigger ("rejected
          an invitation to attend a meeting").
        Not background: a clause with its own doer ("came in July, when Shoigu visited", "troops,
        who attacked ...", "troops that attacked ...", "demonstrators protesting ..."), a
        purpose ("struck to protest", "converged for a rally", "responsible for killings"), what a
        statement says ("issued a declaration demanding"), the object of a support verb ("held a
        rally", "continued aid") or the predicate of a copula ("remained on alert", "went on strike"),
        and a noun event that names its own parties ("Kim's trip", "a summit between X and Y").
        """
        head = item.span.root
        if head.pos_ in ("NOUN", "PROPN"):
            noun = _phrase_head(head)
            if noun.dep_ == "pobj" and _preposition(noun.head) in self.rules["background_prep"]:
                return True  # "since the peace accord", "because of fighting": it dates or explains the news
            return not item.own_participants and self._idle_noun(noun, owner)
        token = head
        for _ in range(MAX_CLIMB):
            if token.head.i == token.i or token.dep_ in ARGUMENT_EDGES:
                return False
            if token.dep_ == "relcl" and not (starts_when(token) or _non_restrictive(token) or _actor_did(token, mentions)):
                return True
            if token.dep_ == "relcl" and (_past_perfect(token) or _describes_place(token)):
                return True  # "the ministers, whom they had taken hostage", "Kosovo, where 24 were killed"
            if token.dep_ in ("acl", "advcl"):
                if _has_subject(token) or _actor_doing(token, mentions):
                    return False  # a clause with its own doer: what it says happened is reported
                if not (_purpose(token) or self._content_of(token)):
                    return True
            token = token.head
        return False

    def _idle_noun(self, noun: Token, owner: dict[int, Found]) -> bool:
        """A noun event held by an object or a prepositional slot that no trigger or support verb governs."""
        if noun.dep_ == "dobj":
            verb = noun.head
            return verb.i not in owner and verb.lemma_.lower() not in self.rules["support_verb"]
        if noun.dep_ == "pobj":
            prep, holder = noun.head, noun.head.head
            purpose = prep.lower_ in self.rules["purpose_prep"] and holder.pos_ in ("VERB", "ADJ")
            predicate = holder.lemma_.lower() in self.rules["copula"]  # "remained on alert", "went on strike"
            return holder.i not in owner and not (purpose or predicate)
        return False

    def _content_of(self, clause: Token) -> bool:
        """"issued a statement condemning X": a participle on a statement noun is what it says."""
        return clause.tag_ == "VBG" and clause.head.lemma_.lower() in self.rules["content_noun"]

    def _directions(self, event: Event, codes: dict[str, str], mutual: bool = False) -> list[Event]:
        """A joint event with no target, "X and Y held talks" or "fighting between X and Y", in both
        directions: X→Y and Y→X.

        One event per ordered pair of source actors with different codes, each with its own id.
        """
        sources = list({codes.get(a, a): a for a in event.source}.values())
        if event.target or len(sources) < 2 or not (mutual or event.type.lower() in self.rules["reciprocal"]):
            return [event]
        pairs = [(a, b) for a in sources for b in sources if a != b]
        return [dataclasses.replace(event, id=content_id(f"{event.id}:{a}:{b}", "ev-"), source=[a], target=[b])
                for a, b in pairs]

    # -- triggers --------------------------------------------------------

    def _future_convention(self, event: Event) -> None:
        """A future event is coded as the intention it announces: AGREE, THREATEN or CONCEDE."""
        if event.modality != "future":
            return
        keys = {event.type.lower(), f"{event.type}:{event.mode}".lower()}  # a rule names a type or type:mode
        for rule, type_name in FUTURE_RECODES:
            if keys & self.rules.get(rule, frozenset()):
                _recode(event, type_name)
                return

    def _willingness_convention(self, event: Event) -> None:
        """Readiness to cooperate is AGREE (CAMEO 03, "is willing to send aid"); readiness to use
        force or coercion is THREATEN (CAMEO 13, "is prepared to impose martial law")."""
        event.modality = "future"
        if event.quad_class in (1, 2) and event.type != "AGREE":
            _recode(event, "AGREE")
        elif {event.type.lower(), f"{event.type}:{event.mode}".lower()} & self.rules["future_as_threaten"]:
            _recode(event, "THREATEN")

    def _willing(self, head: Token) -> bool:
        """"X is willing / ready / prepared to V": an offer or a readiness, not yet an act."""
        holder = head.head
        adjective = holder.pos_ == "ADJ" or any(c.dep_ == "auxpass" for c in _kids(holder))  # "is prepared to"
        return head.dep_ == "xcomp" and adjective and holder.lower_ in self.words["willingness"]

    def _triggers(self, doc: Doc, in_times: set[int], mentions) -> Iterable[tuple[Span, list[Token], Trigger]]:
        """Each trigger once: a multi-word phrase wins over its head word alone; "March" the month is none."""
        taken = set(in_times)
        for token in doc:
            if token.i in taken:
                continue
            found = self._phrase_at(token) or self._word_at(token)
            if found is None and self._reported_obligation(token, mentions):
                found = [token], OBLIGATION_TRIGGER
            if found is None:
                continue
            tokens, trigger = found
            taken.update(t.i for t in tokens)
            yield _trigger_span(doc, tokens), tokens, trigger

    def _word_at(self, token: Token) -> tuple[list[Token], Trigger] | None:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and token.dep_ != "amod":
            # "the occupied West Bank", "banned missiles": a participle as adjective describes a state
            entries = self.lexicon.verbs.get(lemma)
        elif token.pos_ in ("NOUN", "PROPN") and not _is_modifier_noun(token) and not _in_name(token):
            entries = self.lexicon.nouns.get(lemma)
        else:
            entries = None
        trigger = choose_sense(token, entries) if entries else None
        return ([token], trigger) if trigger else None

    def _phrase_at(self, token: Token) -> tuple[list[Token], Trigger] | None:
        """The longest phrase starting here, its sense chosen by context like a single word's."""
        candidates = self.phrases.get(token.lemma_.lower(), ())
        for trigger in candidates:
            tokens = _match_phrase(token, trigger.phrase.split())
            if tokens:
                senses = [t for t in candidates if t.phrase == trigger.phrase]
                chosen = choose_sense(_head_of(tokens), senses, phrase=trigger.phrase)
                return (tokens, chosen) if chosen else None
        return None

    # -- one event -------------------------------------------------------

    def _event(self, doc, trigger_span, tokens, trigger, mentions, anchors, sentence: Span) -> Found:
        head = trigger_span.root
        own = {t.i for t in tokens}
        source, target, borrowed, mutual = self._participants(head, trigger, mentions, own)
        date = event_date(head, anchors, doc)
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
        obligation = self._reported_obligation(head, mentions)
        if obligation:
            _recode(event, "REQUEST")  # the speaker demands it of the clause's subject
            event.source, event.target = obligation
            event.modality, borrowed = "asserted", False
        event.confidence = _confidence(event, head)
        own_people = self._own_people(trigger, own, doc, mentions) if event.source else []
        return Found(trigger_span, tokens, event, bool(event.source) and not borrowed, own_people, mutual)

    def _own_people(self, trigger: Trigger, own: set[int], doc: Doc, mentions) -> list[Mention]:
        """The object of "sent troops", "withdrew its forces", "mobilized reservists": the doer's own."""
        if f"{trigger.type}:{trigger.mode}".lower() not in self.rules["object_is_own"]:
            return []
        objects = [t for i in sorted(own) for t in (doc[i], *_kids(doc[i])) if t.dep_ in OBJECT_DEPS]
        return [m for t in objects for m in _actors_of(t, mentions)]

    def _reported_obligation(self, head: Token, mentions) -> tuple[list[str], list[str]] | None:
        """(speaker, addressee) of "X said Y must/should V": a REQUEST by X of Y (PLOVER REQUEST).

        Only with a neutral speech verb, and a speaker and subject who are different actors.
        """
        speech = head.head
        if head.pos_ != "VERB" or head.dep_ != "ccomp" or speech.lemma_.lower() not in self.words["speech_verbs"]:
            return None
        if not any(c.dep_ == "aux" and c.lower_ in self.words["obligation"] for c in _kids(head)):
            return None
        speaker = _unique(m.actor_id for c in _kids(speech) if c.dep_ in SUBJECT_DEPS for m in _actors_of(c, mentions))
        subject = _unique(m.actor_id for c in _kids(head) if c.dep_ in SUBJECT_DEPS for m in _actors_of(c, mentions))
        subject = [a for a in subject if a not in speaker]
        return (speaker, subject) if speaker and subject else None

    def _participants(self, head: Token, trigger: Trigger, mentions, own: set[int]) -> tuple[list, list, bool, bool]:
        """(source, target, whether one side was borrowed from a governing verb, whether the sources
        act on each other: "fighting between X and Y")."""
        source: list[Mention] = []
        target: list[Mention] = []
        target_preps = set(trigger.target_preps)
        of_target = trigger.type.lower() in self.rules["of_names_target"]
        # "demanded that Russia withdraw": whoever must act is the one asked
        content_target = trigger.type.lower() in self.rules["content_subject_is_target"]
        own_object = f"{trigger.type}:{trigger.mode}".lower() in self.rules["object_is_own"]
        stative = head.lemma_.lower() in self.rules["stative_passive"]  # "X is committed to": X acts
        object_deps = set() if own_object else OBJECT_DEPS
        # a phrase's words all carry arguments: "imposed sanctions [on X]", "held a meeting [with X]"
        children = [c for i in sorted(own) for c in _kids(head.doc[i])]
        if head.dep_ == "compound" and not _is_modifier_noun(head):  # "a mediation effort between X and Y"
            children += [c for c in _kids(head.head) if c.i not in own]
        children += self._support_verb_args(head, own)
        between: list[Mention] = []
        for child in children:
            if child.i in own:
                # "diplomats" in "expelled Canadian diplomats" names a target only through its own
                # mention; "missiles" in "launched North Korean-made missiles" names none
                own_mention = mentions.get(child.idx)
                if own_mention is not None and own_mention.actor_id and child.dep_ in object_deps:
                    target.append(own_mention)
                continue
            if child.head.i in own and child.head.lemma_.lower() in self.rules["proposal_noun"]:
                if child.dep_ in ("poss", "amod", "compound"):  # "rejected an Indian proposal"
                    target += _actors_of(child, mentions)
                    continue
            if child.dep_ in SUBJECT_DEPS or child.dep_ == "poss":
                source += _actors_of(child, mentions)
            elif child.dep_ in PASSIVE_SUBJECT_DEPS and stative:
                source += _actors_of(child, mentions)
            elif child.dep_ in PASSIVE_SUBJECT_DEPS:
                target += _actors_of(child, mentions) or self._through_object(child, mentions)
            elif child.dep_ == "dative" and child.pos_ == "ADP":
                target += _objects_of(child, mentions)  # "sent aid to Iraq": the parser's dative "to"
            elif child.dep_ in object_deps:
                target += _actors_of(child, mentions) or self._through_object(child, mentions)
            elif child.dep_ == "prt" and object_deps:  # "kidnapped up to 16 advisers": the parser's "up" + "to"
                target += [m for obj in _up_to(child) for m in _actors_of(obj, mentions)]
            elif child.dep_ == "agent":
                source += _objects_of(child, mentions)
            elif child.dep_ == "pobj":
                target += _actors_of(child, mentions)  # the phrase's own preposition: "meets with X"
            elif child.dep_ == "prep" and child.lower_ in target_preps:  # "hack into the computers of X"
                target += _objects_of(child, mentions) or [
                    m for obj in _kids(child) if obj.dep_ == "pobj" for m in self._through_object(obj, mentions)]
            elif child.dep_ == "prep" and child.lower_ == "of" and head.pos_ == "NOUN" and of_target:
                target += _objects_of(child, mentions)  # "the arrest of X", "an invasion of X"
            elif child.dep_ == "prep" and child.lower_ == "between":
                between += _objects_of(child, mentions)  # "talks between X and Y"
            elif child.dep_ == "prep" and child.lower_ in ("of", "by", "from") and head.pos_ == "NOUN":
                source += _objects_of(child, mentions)  # "a visit by X", "criticism from X"
            elif child.dep_ == "ccomp" and content_target:
                target += [m for c in _kids(child) if c.dep_ in SUBJECT_DEPS for m in _actors_of(c, mentions)]
        # "talks between X and Y" are X's and Y's; "X mediated between Y and Z" are X's, with Y and Z
        mutual = not source and not target and len(between) > 1
        if source:
            target += between
        else:
            source += between
        if not (source or target) or head.tag_ in ("VBN", "VBG"):
            modified_source, modified_target = _modified_noun(head, mentions)
            source, target = source or modified_source, target or modified_target
        passive = not stative and any(c.dep_ == "auxpass" for c in _kids(head))
        borrowed = False
        if passive and not target:
            target = _inherited_subject(head, mentions, self.rules["subject_control"])  # "X arrived and was met by Y"
            borrowed = bool(target)
        elif not passive and not source and not _is_modifier_clause(head):
            source = _inherited_subject(head, mentions, self.rules["subject_control"])
            borrowed = bool(source)
        return source, target, borrowed, mutual

    def _support_verb_args(self, head: Token, own: set[int]) -> list[Token]:
        """"X held a rally in Cairo against Y": a support verb's subject and prepositions are its noun's."""
        noun = head.head if head.dep_ == "compound" else head  # "a mediation effort"
        verb = noun.head
        if head.pos_ != "NOUN" or noun.dep_ != "dobj" or verb.lemma_.lower() not in self.rules["support_verb"]:
            return []
        return [c for c in _kids(verb) if c.i not in own and c.i != noun.i
                and (c.dep_ in SUBJECT_DEPS or c.dep_ in ("prep", "agent", "dative"))]  # "gave Tanzania a grant"

    def _through_object(self, obj: Token, mentions) -> list[Mention]:
        """The target an object that names nobody points to: "boycott all contact with the United States",
        "suspended part of an aid programme for Bosnia", "a camp for Congolese refugees was attacked"."""
        preps = self.rules["object_target_prep"]
        for _ in range(MAX_CLIMB):
            kids = [c for c in _kids(obj) if c.dep_ == "prep"]
            found = [m for c in kids if c.lower_ in preps for m in _objects_of(c, mentions)]
            found += [m for c in _kids(obj) if c.dep_ == "acl" and c.lemma_.lower() in self.rules["carrier_verb"]
                      for o in _kids(c) if o.dep_ == "dobj" for m in _actors_of(o, mentions)]  # "a helicopter carrying EC monitors"
            of = next((c for c in kids if c.lower_ == "of"), None)
            if found or of is None:
                return found
            obj = next((c for c in _kids(of) if c.dep_ == "pobj"), None)
            if obj is None:
                return []
        return []

    def _refusal(self, item: Found) -> bool:
        """A cooperative event its own actor declines: negated by the clause itself, not denied by someone."""
        if item.event.modality != "negated" or item.event.type.lower() not in self.rules["refusal_as_reject"]:
            return False
        governors = list(_clause_chain(item.span.root))[1:]
        return not any(t.lemma_.lower() in self.words["denial_verbs"] for t in governors)

    def _modality(self, head: Token) -> str:
        """The strongest marker on the trigger or the clauses that govern it."""
        words = self.words
        for token in _clause_chain(head):
            deps = list(_kids(token))
            if any(c.dep_ == "neg" or c.lower_ in words["negation"] for c in deps):
                return "negated"
            lemmas = {c.lower_ for c in deps if c.dep_ in ("aux", "auxpass", "advmod", "mark")}
            if lemmas & (words["hypothetical"] - words["reported_future"]) or (
                lemmas & words["reported_future"] and not self._reported(token)
            ):
                return "hypothetical"
            if lemmas & words["future"] or (lemmas & words["reported_future"] and self._reported(token)):
                return "future"
            if token.i != head.i:
                lemma = token.lemma_.lower()
                if lemma in words["denial_verbs"] or lemma in words["failure_verbs"]:
                    return "negated"
                if lemma in words["allegation_verbs"]:
                    return "alleged"
                if lemma in words["future_verbs"]:
                    return "future"
                if lemma in words["speculation_verbs"] or lemma in words["request_verbs"]:
                    return "hypothetical"
        if any(c.lower_ in words["allegation_modifiers"] for c in _kids(head) if c.dep_ == "amod"):
            return "alleged"
        return "asserted"

    def _reported(self, clause: Token) -> bool:
        """A speaker's own plan in a that-clause of a neutral speech verb: "X announced (that) it would withdraw".

        The clause's subject is a pronoun standing for the speaker; "X said Y would attack" is X's
        forecast, not Y's declared intention.
        """
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in self.words["speech_verbs"]:
            return False
        return any(c.dep_ in SUBJECT_DEPS and c.tag_ == "PRP" for c in _kids(clause))


def _sentence_index(doc: Doc) -> list[Span]:
    """Token index -> its sentence, built once: ``token.sent`` walks the sentence on every call."""
    index: list[Span] = []
    for sentence in doc.sents:
        index += [sentence] * len(sentence)
    return index


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
        # each further word is a dependent of one already found: children only, never the whole
        # subtree, so a very long sentence costs no more per verb than a short one
        found = [token]
        for lemma in lemmas[1:]:
            child = next((c for f in found for c in _kids(f) if c.lemma_.lower() == lemma and c not in found), None)
            if child is None:
                return None
            found.append(child)
        return found
    return None


def _content_of(token: Token, clause: Token) -> bool:
    """Whether the token is part of what the clause itself says ("promised to maintain its aid to X":
    the aid), not of a clause that describes one of its nouns ("peacekeepers who oversee a ceasefire")."""
    for _ in range(MAX_CLIMB):
        if token.i == clause.i:
            return True
        if token.dep_ in ("relcl", "acl", "advcl") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _in_name(token: Token) -> bool:
    """"Cooperation" in "Agency for Development and Cooperation" names an organisation, not an event;
    "Investment" in "Planning and Investment Minister Tran Xuan Gia" is part of a person's title."""
    if not token.is_title or token.is_sent_start:
        return False
    if token.ent_type_ in NAME_ENTITIES:
        return True
    for _ in range(MAX_TITLE_WORDS):  # up the title-case words that modify a named person or body
        if token.dep_ not in ("compound", "nmod", "conj") or token.head.i == token.i:
            return False
        token = token.head
        if token.ent_type_ in ("PERSON", "ORG"):
            return True
        if not token.is_title:
            return False
    return False


def _governing_event(item: Found, owner: dict[int, Found]) -> Found | None:
    """The event whose words govern a noun trigger in the same clause, if any.

    Climbs from the noun through the phrases that hold it ("for an informal meeting", "part of a
    programme") and stops at the first verb that is no trigger, or at a clause's edge.
    """
    token = item.span.root
    for _ in range(MAX_CLIMB):
        noun_list = token.dep_ == "conj" and token.pos_ in ("NOUN", "PROPN")  # "a treaty of friendship and cooperation"
        if token.head.i == token.i or (token.dep_ in CLAUSE_EDGES and not noun_list):
            return None
        token = token.head
        governor = owner.get(token.i)
        if governor is not None and governor is not item:
            return governor
        if token.pos_ in ("VERB", "AUX"):
            return None
    return None


def _without_duplicates(coded: list[tuple[Span, Event]], codes: dict[str, str]) -> list[tuple[Span, Event]]:
    """One event per (type, source codes, target codes, date, modality) said with one lemma in one sentence.

    "X attacked Y ... and attacked Y again" in one sentence is one report; the most complete is kept.
    Modality and lemma stay in the key: a denied agreement and a vow to cooperate are two facts,
    and so are "a series of meetings, including a summit".
    """
    best: dict[tuple, int] = {}
    for n, (span, event) in enumerate(coded):
        key = (event.type, _codes_of(event.source, codes), _codes_of(event.target, codes), event.date,
               event.modality, event.sentence, span.root.lemma_.lower())
        kept = best.get(key)
        if kept is None or _completeness(event) > _completeness(coded[kept][1]):
            best[key] = n
    return [coded[n] for n in sorted(best.values())]


def _without_partial(coded: list[tuple[Span, Event]], codes: dict[str, str]) -> list[tuple[Span, Event]]:
    """Drop an event missing a side when the same sentence has it whole: same type, same other side.

    "promised to continue aid to Mozambique" codes the promise (no target) and the aid (target
    Mozambique) as AGREE by Britain: one report, told in full by the second.
    """
    whole = {(e.type, e.sentence, side, _codes_of(ids, codes))
             for _, e in coded if e.source and e.target for side, ids in (("s", e.source), ("t", e.target))}

    def partial(event: Event) -> bool:
        if event.source and not event.target:
            return (event.type, event.sentence, "s", _codes_of(event.source, codes)) in whole
        if event.target and not event.source:
            return (event.type, event.sentence, "t", _codes_of(event.target, codes)) in whole
        return False

    return [(span, event) for span, event in coded if not partial(event)]


def _one_per_code(ids: list[str], codes: dict[str, str], sector_only: set[str]) -> list[str]:
    """One actor per code on an event side, in order; a bare sector ("GOV") only when no actor has a country.

    "Mugabe and his government" both code ZWEGOV: one participant, scored once. "the army and
    Syria" puts MIL beside SYR: the country already says who acts.
    """
    by_code: dict[str, str] = {}
    for i in ids:
        by_code.setdefault(codes.get(i, i), i)  # the first actor with each code, in order
    first = list(by_code.values())
    if any(i not in sector_only for i in first):
        first = [i for i in first if i not in sector_only]
    return first


def _codes_of(ids: list[str], codes: dict[str, str]) -> tuple[str, ...]:
    return tuple(sorted({codes.get(i, i) for i in ids}))


def _completeness(event: Event) -> tuple[int, float]:
    return len(event.source) + len(event.target), event.confidence


def _is_modifier_noun(token: Token) -> bool:
    """"missile" in "missile test" is not itself an event; "test" is. But in "a mediation mission"
    the head only holds the event (``container_noun``)."""
    return token.dep_ == "compound" and token.head.lemma_.lower() not in load_word_sets("event_rules.tsv")["container_noun"]


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
    antecedent = _antecedent(token) if token.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | OBJECT_DEPS else None
    if antecedent is not None:
        return _actors_of(antecedent, mentions)
    if token.tag_ == "VBG":  # "The Red Cross operating in Iraq said": the parser's subject is the participle
        subject = next((c for c in _kids(token) if c.dep_ == "nsubj"), None)
        if subject is not None:
            return _actors_of(subject, mentions)
    own = mentions.get(token.idx)
    if own is not None and own.actor_id:
        found.append(own)
        found += _coordinated_owners(token, own, mentions)
    else:
        # the nearest modifier that names someone: "Russian forces", "representatives of the ministry"
        relational = token.lemma_.lower() in load_word_sets("event_rules.tsv")["relational_noun"]
        for dep in PARTICIPANT_DEPS + ("prep",):
            for child in _kids(token):
                if relational and child.dep_ == "poss":
                    continue  # "its neighbour" is not itself
                if child.dep_ == dep == "prep" and child.lower_ in OWNER_PREPS:
                    found += _objects_of(child, mentions)
                elif child.dep_ == dep != "prep":
                    found += _actors_of(child, mentions)
            if found:
                break
    for child in _kids(token):
        if child.dep_ == "conj":
            found += _actors_of(child, mentions)
    return found


def _coordinated_owners(token: Token, own: Mention, mentions: dict[int, Mention]) -> list[Mention]:
    """"Hungarian and Romanian officials": the other owners the role words share (dyad_actors gave
    each its own titled actor), with their conjuncts."""
    found: list[Mention] = []
    for child in _kids(token):
        if child.dep_ not in ("amod", "nmod", "compound"):
            continue
        for word in (child, *(c for c in _kids(child) if c.dep_ == "conj")):
            mention = mentions.get(word.idx)
            if mention is not None and mention.how == "title" and mention.actor_id not in (own.actor_id, None):
                found.append(mention)
    return found


def _modified_noun(head: Token, mentions: dict[int, Mention]) -> tuple[list[Mention], list[Mention]]:
    """(source, target) a participle takes from the noun it describes.

    "gunboats intercepting a ship": the gunboats act; "a camp attacked by militiamen" and
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
    actors = next((found for noun in nouns if (found := _actors_of(noun, mentions))), [])
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


def _is_modifier_clause(head: Token) -> bool:
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


def _objects_of(prep: Token, mentions: dict[int, Mention]) -> list[Mention]:
    return [m for obj in _kids(prep) if obj.dep_ == "pobj" for m in _actors_of(obj, mentions)]


def _inherited_subject(head: Token, mentions, subject_control: frozenset[str]) -> list[Mention]:
    """The participant a trigger without a subject shares with the verb above it.

    "X vowed to deepen ...", "X is here for talks", "X arrived and met ...";
    "accused X of launching ..." gives X, the object of the accusing verb; "summoned X to complain"
    gives the summoner (``subject_control`` verbs).
    """
    token = head
    for _ in range(6):
        if token.head.i == token.i or token.dep_ in ("ccomp", "relcl", "parataxis"):
            break  # another clause, another speaker
        if token.dep_ == "advcl" and not _purpose(token):
            break  # a purpose clause shares its subject: "X struck to protest"
        via_prep = token.dep_ in ("pcomp", "pobj") and token.head.dep_ == "prep"
        child_dep = token.dep_
        token = token.head.head if via_prep else token.head
        objects = [c for c in _kids(token) if c.dep_ == "dobj"]
        # "accused X of launching", "urged X to recognise": the object is the doer
        controls = via_prep or (child_dep == "xcomp" and token.lemma_.lower() not in subject_control)
        if controls and objects and token.pos_ == "VERB":
            return [m for o in objects for m in _actors_of(o, mentions)]
        subjects = [c for c in _kids(token) if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        if subjects:
            return [m for s in subjects for m in _actors_of(s, mentions)]
    return []


def _clause_chain(head: Token) -> Iterable[Token]:
    """The trigger, then the verbs that govern it, up to the sentence root or a relative clause's edge."""
    token = head
    yield token
    for _ in range(2 * MAX_CLIMB):
        # a relative clause has its own tense: "will release the men, whom they had taken hostage"
        if token.head.i == token.i or token.dep_ == "relcl":
            return
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
    candidates = [c for i in sorted(own) for c in _kids(doc[i])]
    for child in candidates:
        if child.dep_ == "prep" and child.lower_ in LOCATION_PREPS:
            candidates += [obj for obj in _kids(child) if obj.dep_ == "pobj"]
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


def _claim_own_people(item: Found, by_id: dict, codes: dict[str, str], inferred: set[str]) -> None:
    """"Britain sent troops that attacked ...": troops with no country of their own are Britain's.

    Only actors whose country the text did not state (none, or inferred from context) are claimed;
    an inferred country gives way, with the evidence that gave it.
    """
    owner = next((by_id[i] for i in item.event.source if i in by_id and by_id[i].country), None)
    if owner is None:
        return
    for mention in item.own_people:
        actor = by_id.get(mention.actor_id)
        if actor is None or actor is owner or (actor.country and actor.id not in inferred):
            continue
        was_inferred = actor.id in inferred
        sector = (actor.code or "")[3:] if was_inferred else actor.code or ""
        actor.country, actor.code = owner.country, owner.country + sector
        actor.evidence = ([] if was_inferred else actor.evidence) + owner.mentions[:1]
        inferred.discard(actor.id)
        codes[actor.id] = actor.code


def _domestic_target(doc: Doc, event: Event, codes: dict[str, str], bodies_only: bool = False,
                     place_only: bool = False) -> list[str]:
    """The country a protest with no named target happens in, as its target (PLOVER codes domestic
    protest against that country): the country of its place, else of its one source country (with
    ``bodies_only``, only a source that is a body of its country, not the state as a whole; with
    ``place_only``, never).

    The country's actor is the document's own when it has one, else a new one with no mentions.
    """
    actors = get_list(doc, "dyad_actors")
    places = {p.id: p.country for p in get_list(doc, "dyad_places")}
    countries = {a.id: a.country for a in actors}
    sources = set() if place_only else {
        countries.get(a) for a in event.source if not bodies_only or len(codes.get(a, "")) > 3} - {None}
    country = places.get(event.location) or (sources.pop() if len(sources) == 1 else None)
    if country is None:
        return []
    actor = next((a for a in actors if a.code == country), None)
    if actor is None:
        actor = Actor(next_actor_id(actors), load_gazetteer().country_name(country), country, country)
        actors.append(actor)
        codes[actor.id] = country
    return [actor.id]


def _unidentified_doer(doc: Doc, event: Event, head: Token, codes: dict[str, str]) -> list[str]:
    """"A roadside bomb near Samarra killed a soldier": violence nobody is named for is by the
    unidentified armed forces of the country it happens in (CAMEO UAF, as ICEWS codes "Unidentified
    Gunmen (Iraq)"), with the place as the evidence. Only one country's places may be in question."""
    places = [(p, m) for p in get_list(doc, "dyad_places") if p.country for m in p.mentions
              if p.id == event.location or _where(doc, m, head)]
    countries = {p.country for p, _ in places}
    if len(countries) != 1:
        return []
    country = countries.pop()
    code = country + "UAF"
    actors = get_list(doc, "dyad_actors")
    actor = next((a for a in actors if a.code == code), None)
    if actor is None:
        name = f"unidentified armed group ({load_gazetteer().country_name(country)})"
        actor = Actor(next_actor_id(actors), name, code, country, "UAF", kind="group", evidence=[places[0][1]])
        actors.append(actor)
        codes[actor.id] = code
    return [actor.id]


def _where(doc: Doc, mention: tuple[int, int], head: Token) -> bool:
    """A place named in the event's own clause after in, near, at ("a bombing near the town of Samarra")."""
    span = doc.char_span(*mention, alignment_mode="expand")
    if span is None or not (head.left_edge.i <= span.root.i <= head.right_edge.i):
        return False
    token = span.root
    for _ in range(4):  # Samarra <- of <- town <- near
        if token.dep_ == "prep" and token.lower_ in LOCATION_PREPS:
            return True
        token = token.head
    return False


def _phrase_head(noun: Token) -> Token:
    """Up through "of" phrases to the noun phrase's head: "a series of meetings" -> series."""
    for _ in range(MAX_CLIMB):
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.pos_ not in ("NOUN", "PROPN"):
            break
        noun = prep.head
    return noun


def _up_to(particle: Token) -> list[Token]:
    """The counted nouns of "up to 16 advisers" when the parser read a particle "up" and a "to" under it."""
    if particle.lower_ != "up":
        return []
    return [obj for prep in _kids(particle) if prep.dep_ == "prep" and prep.lower_ == "to"
            for obj in _kids(prep) if obj.dep_ == "pobj" and any(n.dep_ == "nummod" for n in _kids(obj))]


def _describes_place(clause: Token) -> bool:
    """"in Kosovo, where 24 people were killed": a relative clause that says what a place has seen."""
    return any(c.lower_ in ("where", "wherein") for c in _kids(clause))


def _preposition(prep: Token) -> str:
    """A preposition with the word that makes it one: "because of", "due to", else the word."""
    if prep.head.i != prep.i and prep.head.lower_ in ("because", "due", "owing"):
        return f"{prep.head.lower_} {prep.lower_}"
    return prep.lower_


def _past_perfect(clause: Token) -> bool:
    return clause.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in _kids(clause))


def _has_subject(clause: Token) -> bool:
    """A clause with a subject of its own, not a relative pronoun: "when Shoigu visited"."""
    return any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS and c.tag_ not in ("WDT", "WP") for c in _kids(clause))


def _non_restrictive(clause: Token) -> bool:
    """"Chinese troops, who attacked ...": a relative clause set off by a comma adds a reported fact;
    a restrictive one ("a helicopter that was captured") only says which thing is meant."""
    first = clause.left_edge
    return first.i > 0 and clause.doc[first.i - 1].text == ","


def _actor_did(clause: Token, mentions) -> bool:
    """"troops that attacked ...": the relative pronoun is the subject and stands for an actor."""
    return any(c.dep_ in SUBJECT_DEPS and (a := _antecedent(c)) is not None and _actors_of(a, mentions)
               for c in _kids(clause))


def _actor_doing(clause: Token, mentions) -> bool:
    """"demonstrators protesting election results": an active participle on an actor is its act."""
    return clause.dep_ == "acl" and clause.tag_ == "VBG" and bool(_actors_of(clause.head, mentions))


def _purpose(clause: Token) -> bool:
    """"went on strike to protest": an infinitive adverbial clause says what the main event is for."""
    return clause.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in _kids(clause))


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
