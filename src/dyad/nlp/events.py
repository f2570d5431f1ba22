"""``dyad_events``: PLOVER events from a trigger lexicon and the dependency parse.

A trigger (verb, noun or multi-word phrase from ``ontology/data/triggers.tsv``)
opens an event; its source and target come from the parse (subject and agent,
object and the trigger's target prepositions), its modality from negation,
modals and the verbs that govern it, its date from the time expressions in its
clause. Needs ``dyad_actors`` (mentions) and ``dyad_times`` before it;
``dyad_quotes`` and ``dyad_sources`` give attribution when present.

This module is the component and its flow: triggers, PLOVER's coding conventions,
folding an event into the one whose content it is, background, modality. The rest is
split by concern:

- ``dyad.nlp.participants``: who the parse names (the actors of a noun phrase, a
  subject shared with the verb above, the noun a participle describes);
- ``dyad.nlp.implied``: participants the text implies rather than names (the country a
  protest happens in, the doer's own troops);
- ``dyad.nlp.sentence_targets``: the target the rest of the sentence implies for an event
  whose own words name none;
- ``dyad.nlp.dedup``: one event, once (one actor per code on a side, one report per
  sentence, a partial event dropped for the whole one).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Container, Iterable
from functools import cache
from itertools import islice
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dyad.gazetteer import IDENTITY_PREFIXES, load_gazetteer, load_org_words
from dyad.nlp.extensions import get_list, register_extensions
from dyad.nlp.dating import clamp_to_publication, dated_ahead, event_date, starts_when, time_anchors
from dyad.nlp.dedup import one_per_code, without_duplicates, without_partial
from dyad.nlp.domestic import ATTACKED_IN, INFERRED_COUNTRY
from dyad.nlp.implied import claim_own_people, claim_victims_of_place, domestic_target, local_people
from dyad.nlp.lexicon import load_word_sets
from dyad.nlp.parse import children as _kids
from dyad.nlp.parse import dates, first_conjunct, infinitive
from dyad.nlp.participants import (
    LOCATION_PREPS,
    MAX_CLIMB,
    OBJECT_DEPS,
    OWNER_PREPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    actor_did,
    actor_doing,
    actors_of,
    done_by_actor,
    in_place_name,
    inherited_subject,
    is_modifier_clause,
    mention_index,
    modified_noun,
    objects_of,
    part_of_place,
    phrase_head,
    purpose_clause,
    up_to,
)
from dyad.nlp.places import place_at
from dyad.nlp.sentence_targets import SentenceTargets
from dyad.nlp.senses import DESCRIBING_DEPS, choose_sense
from dyad.ontology.cameo import cameo_entry
from dyad.ontology.plover import plover_type
from dyad.ontology.triggers import Trigger, load_triggers
from dyad.records import Event, Mention, content_id

register_extensions()

# a noun trigger inside one of these names an organisation, a place or a work, not an event
NAME_ENTITIES = {"ORG", "FAC", "GPE", "LOC", "NORP", "WORK_OF_ART", "LAW", "PRODUCT", "PERSON"}
# dependencies that open another clause: its events are not the content of the one above
CLAUSE_EDGES = {"ccomp", "xcomp", "advcl", "relcl", "parataxis", "acl", "csubj", "conj"}
# a verb trigger below one of these is an argument of the clause above, never its background
ARGUMENT_EDGES = {"ccomp", "xcomp", "conj", "nsubj", "nsubjpass"}
DEFINITE = {"the", "this", "that", "these", "those"}
PHYSICAL_PREPS = {"through", "at", "outside", "near", "inside", "into"}  # "tore through the hall at X"; not "in protest at"
MAX_TITLE_WORDS = 4  # "Trade and Industry Minister Ana Ruiz"
PHRASE_TRIES = 3  # dependents tried per phrase word: "to" may be the infinitive's or the phrase's
MAX_PAIRED_PARTIES = 4  # a joint event of more parties stays multilateral
MATERIAL_QUADS = (2, 4)  # material cooperation and conflict: what is done, not said
IGO = "IGO"  # the code prefix of intergovernmental organisations
# what a future event is coded as, by event_rules.tsv group (PLOVER manual, AGREE, THREATEN, CONCEDE)
FUTURE_RECODES = (("future_as_agree", "AGREE"), ("future_as_threaten", "THREATEN"), ("future_as_concede", "CONCEDE"))
# "X said Y must V" with V no trigger of its own: a demand all the same
OBLIGATION_TRIGGER = Trigger("", "VERB", "REQUEST", "", "", (), "reported obligation")
# "X said Y was a disaster / a welcome step": the speaker's verdict on Y, by sense_families.tsv group;
# "X said Y attacked Z" is blame too (``_allegations``)
VERDICT_TRIGGERS = {"verdict": Trigger("", "VERB", "ACCUSE", "disapprove", "111", (), "reported verdict"),
                    "praise": Trigger("", "VERB", "SUPPORT", "", "051", (), "reported praise"),
                    "blame": Trigger("", "VERB", "ACCUSE", "allege", "112", (), "reported blame")}


@cache
def _modality_words() -> dict[str, frozenset[str]]:
    return load_word_sets("modality.tsv")


class Told(NamedTuple):
    """An event of the document, for events that refer to it: where it starts, its type, its sides
    and whether it is told as done."""

    start: int
    type: str
    source: list[str]
    target: list[str]
    asserted: bool


@dataclasses.dataclass
class Found:
    """One coded trigger while the sentence is worked on: its tokens, event and how its dyad was found."""

    span: Span
    tokens: list[Token]
    event: Event
    own_participants: bool  # a source from its own dependents, not borrowed from a governing verb
    own_people: list[Mention] = dataclasses.field(default_factory=list)  # "withdrew its troops": the doer's
    mutual: bool = False  # "fighting between X and Y": each side's act on the other
    announced: Event | None = None  # the act as told, when a convention recoded it ("will blockade": THREATEN)


class EventCoder:
    """Finds triggers, fills in their dyads, modality, date and attribution."""

    def __init__(self, nlp: Language, name: str = "dyad_events", require_actor: bool = True):
        self.name = name
        self.require_actor = require_actor
        self.lexicon = load_triggers()
        self.verbs_of = {kind: self.lexicon.verbs_of(kind) for kind in {t.type for t in self.lexicon}}  # "shot and killed"
        self.words = defaultdict(frozenset, _modality_words())  # a group left out of the data is empty
        self.rules = load_word_sets("event_rules.tsv")
        self.families = load_word_sets("sense_families.tsv")
        self.sentence_targets = SentenceTargets(self.rules, self.families, frozenset(self.lexicon.nouns))

    def __call__(self, doc: Doc) -> Doc:
        actors = get_list(doc, "dyad_actors")
        mentions = mention_index(get_list(doc, "dyad_mentions"))
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
        found = [item for item in found if not self._statement(item.span.root, mentions)]
        claims = {item.span.root.i for item in found if item.event.type.lower() in self.words["claim_types"]}
        heads = {item.span.root.i for item in found}
        for item in found:  # types first: what folds into what depends on them ("would blockade ... to demand")
            self._conventions(item, heads)
        found = [item for item in found if not self._bare_vow(item, heads)]
        found = self._fold_nested(self._fold_complements(found, mentions, codes, sector_only))
        by_id, inferred = {a.id: a for a in actors}, doc.user_data.get(INFERRED_COUNTRY, set())
        for item in found:
            claim_own_people(item.event, item.own_people, by_id, codes, inferred)
        owner = {t.i: item for item in found for t in item.tokens}
        for item in found:
            if item.event.type == "ASSAULT":
                claim_victims_of_place(doc, item.event, self._scene_of(item, owner), by_id, codes, inferred,
                                       self.rules["visitor_noun"])
        told = [Told(item.span.start, item.event.type, item.event.source, item.event.target[:],
                     item.event.modality == "asserted") for item in found
                if item.event.modality != "negated"]
        for item in found:
            agreement = self._talks_behind(item, owner)
            if agreement is not None:  # the talks "X and Y agreed at" are theirs, and held
                _restore(item.event, item.announced)
                if not item.event.target and not set(agreement.event.source) & set(item.event.source):
                    # "at talks in Putrajaya", "after talks hosted by Malaysia": the parties' meeting
                    item.event.source, item.event.target = _two_parties(agreement.event, doc)
                item.event.modality = agreement.event.modality
        alleged = self._allegations(doc, found, mentions, anchors, sentence_of, codes, sector_only)
        flags = [self._background(item, owner, mentions) for item in found]
        for item in (item for item, told_on_the_way in zip(found, flags) if told_on_the_way):
            self._lend_target(item, owner)
        found = [item for item, told_on_the_way in zip(found, flags) if not told_on_the_way]
        found += self._protests_met(doc, found, mentions, anchors, sentence_of) + alleged
        for item in found:
            if not item.event.source and item.event.target and self._done_by_authorities(item.span.root):
                item.event.source = self._authorities(doc, item, mentions, codes, sector_only)
        coded = [(item.span, event) for item in self._without_terms(found, mentions)
                 for event in self._dyads(doc, item, codes, sector_only, claims, mentions, told)]
        coded = list(without_partial(without_duplicates(coded, codes, self.rules["one_per_sentence"]), codes))
        self.sentence_targets(doc, [event for _, event in coded], mentions, sector_only)
        events = get_list(doc, "dyad_events")
        spans = []
        for span, event in coded:
            events.append(event)
            spans.append(Span(doc, span.start, span.end, label=event.type))
        doc.spans["dyad_events"] = spans
        return doc

    def _allegations(self, doc: Doc, found: list[Found], mentions, anchors, sentence_of,
                     codes: dict[str, str], sector_only: set[str]) -> list[Found]:
        """"Russia said Ukraine had attacked its fleet", "..., saying Israeli jets struck the port",
        "Blinken said both armies had committed war crimes": a speaker telling of another state's
        force, or of anyone's wrongdoing, accuses them of it (PLOVER: "X said Y was behind the attack"
        is X's ACCUSE of Y). Force by its own side, or by doers the text gives no state ("gunmen"),
        it only reports; and "..., officials said" after the news only gives the news its source."""
        heads = {item.span.root.i: item for item in found}
        alleged = []
        for speech in doc:
            lemma = speech.lemma_.lower()
            if lemma not in self.words["speech_verbs"] or lemma in self.rules["tells_no_allegation"] or speech.i in heads:
                continue
            told = [(a, wrong) for clause in _kids(speech) if clause.dep_ == "ccomp" and clause.i > speech.i
                    for part in (clause, *_clause_conjuncts(clause)) for a, wrong in self._accused(part, heads, mentions)]
            if not told:
                continue
            accusation = self._event(doc, doc[speech.i:speech.i + 1], [speech], VERDICT_TRIGGERS["blame"], mentions,
                                     anchors, sentence_of[speech.i])
            speakers = [a for a in accusation.event.source if a not in sector_only]
            voices = _states(speakers, codes)
            foreign = [a for a, _ in told if not _states([a], codes) & voices]
            doers = [a for a in _unique(a for a, wrong in told if wrong or a in foreign)
                     if a not in sector_only and a not in speakers]
            if speakers and doers and accusation.event.modality == "asserted":
                accusation.event.source, accusation.event.target = speakers, doers
                alleged.append(accusation)
        return alleged

    def _accused(self, clause: Token, heads: dict[int, Found], mentions) -> list[tuple[str, bool]]:
        """Who a told clause says did wrong, and whether the act is a wrong in itself: the doers of its
        act of force, or its subject when its verb is a wrong ("had colluded", "committed war crimes")."""
        item = heads.get(clause.i)
        if item is not None:
            told = item.event
            hostile = told.type.lower() in self.rules["alleged_when_told"] and told.modality in ("asserted", "alleged")
            return [(a, False) for a in told.source] if hostile else []
        lemma, kids = clause.lemma_.lower(), list(_kids(clause))
        wrong = lemma in self.rules["wrongdoing_verb"] or (lemma in self.rules["commits_wrong"] and any(
            c.dep_ == "dobj" and self._of_families(c, "wrongdoing") for c in kids)) or (lemma in self.rules["implicated_in"] and any(
                c.dep_ == "prep" and c.lower_ == "in" and self._harm_named(c) for c in kids))
        if not wrong or self._clause_modality(clause, "ACCUSE") == "negated":
            return []  # "may have been involved in the killing" is an allegation all the same
        subjects = SUBJECT_DEPS | (PASSIVE_SUBJECT_DEPS if lemma in self.rules["implicated_in"] else set())  # "were involved"
        doers = _unique(m.actor_id for c in kids if c.dep_ in subjects for m in actors_of(c, mentions)) or [
            m.actor_id for c in kids if c.dep_ == "agent" for m in objects_of(c, mentions) if m.actor_id]
        return [(a, True) for a in doers]

    def _protests_met(self, doc: Doc, found: list[Found], mentions, anchors, sentence_of) -> list[Found]:
        """"Police fired tear gas at protesters", "troops opened fire on demonstrators": crowd control
        met by protesters tells of their protest too (ACLED's protest with intervention), against
        those who met it, unless the sentence codes it already. A killing or an arrest of protesters
        tells of no protest under way, nor does crowd control only named ("an inquiry into the
        firing of tear gas")."""
        protesting = {a for item in found if item.event.type == "PROTEST" for a in item.event.source}
        protests = []
        for item in found:
            root = item.span.root
            if root.lemma_.lower() not in self.rules["meets_protest"] or root.pos_ != "VERB" or (
                    item.event.modality != "asserted") or item.event.type not in ("ASSAULT", "COERCE"):
                continue
            toll = {t.i for c in _kids(root) if self._toll(c) for t in c.subtree}  # "opened fire, killing seven protesters"
            for noun in (t for t in root.subtree if t.i not in toll):
                actor = getattr(mentions.get(noun.idx), "actor_id", None)
                if noun.lemma_.lower() not in self.rules["protesting_noun"] or actor is None or actor in protesting:
                    continue
                held = any(c.dep_ in ("amod", "acl") and self._of_families(c, "arrest_verb") for c in _kids(noun))
                doing = actor in item.event.source and root.lemma_.lower() not in self.rules["mutual_force"]
                if held or doing:  # "beat detained protesters": no protest now; but "protesters clashed": one
                    continue
                protesting.add(actor)
                protest = self._event(doc, doc[noun.i:noun.i + 1], [noun], self.lexicon.nouns["protest"][0],
                                      mentions, anchors, sentence_of[noun.i])
                protest.event.source, protest.event.modality = [actor], item.event.modality
                against = item.event.target if actor in item.event.source else item.event.source
                protest.event.target = [a for a in protest.event.target if a != actor] or against[:]
                protests.append(protest)
        return protests

    def _dyads(self, doc: Doc, item: Found, codes: dict[str, str], sector_only: set[str],
               claims: set[int], mentions, told: list[Told]) -> list[Event]:
        """The event's final sides, and one event per direction of a joint one; none when no side is coded.
        ``told``: each event of the document not negated, where it starts, its type and its sides."""
        event = item.event
        clamp_to_publication(event, doc)
        event.source = one_per_code(event.source, codes, sector_only, doers=True)
        event.target = one_per_code(event.target, codes, sector_only)
        if not event.source and event.type.lower() in self.rules["unnamed_doer_is_local"]:
            event.source = local_people(doc, event, codes)
        if self._ruled(event, "never_at_own_state") and _same_state(event, codes, sector_only):
            event.target = []  # "Putin suspended Moscow's participation in the treaty": at whom, look further
        # a person no dictionary knows ("arrested Bernard Madoff") names no side: look further
        if not any(codes.get(a, a) != a for a in event.target) and not item.mutual:
            event.target = (self._party_met(item, told, mentions) or self._named_within(doc, item, claims, mentions)
                            or self._aimed_as_conjunct(item, told) or self._doer_referred_to(item, told, mentions)
                            or self._aimed_alike(item, told, codes) or self._act_answered(item, told, codes)
                            or self._untargeted(doc, event, codes, item.tokens) or event.target)
        self._answer_in_kind(item, told, codes)
        self._joint_exercise(event, item.span.root, codes, sector_only)
        # an event nobody coded did to nobody coded cannot enter a dyad; PETRARCH drops these too
        if not any(codes.get(a, a) != a for a in event.source + event.target) and self.require_actor:
            return []
        if self._commercial(event, codes) or self._home_again(item, codes):
            return []
        if len({codes.get(a, a) for a in event.source}) > 1 and _on_each_other(item.span.root):
            event.target = []  # "summoned each other's envoys": the envoys are the other side's
        return (self._directions(event, codes, sector_only, item.mutual or self._done_together(item))
                + self._joint_operation(event, item, codes, sector_only, mentions))

    def _home_again(self, item: Found, codes: dict[str, str]) -> bool:
        """"Erdogan landed in Istanbul", "Savchenko flew home to Kiev": travel to one's own country is no visit."""
        event = item.event
        if event.mode != "visit" or item.span.root.lemma_.lower() not in self.rules["travel_verb"] or not event.target:
            return False
        return _states(event.target, codes) <= _states(event.source, codes)

    def _done_together(self, item: Found) -> bool:
        """"X and Y restored ties", "exchanged prisoners", "signed a treaty": what two parties can only
        do together; a sign needs an accord ("signed a resolution condemning Z" is each one's)."""
        root = item.span.root
        lemma = root.lemma_.lower()
        if lemma in self.rules["reciprocal_verb"] or _on_each_other(root):
            return True
        if lemma not in self.rules["reciprocal_with_accord"]:
            return False
        objects = [t for t in (*item.tokens, *_kids(root)) if t.dep_ == "dobj"]
        # "signed an agreement normalising relations": the parser may make the accord a modifier
        words = [w for o in objects for w in (o, *(x for left in o.lefts for x in left.subtree))]
        return any(w.lemma_.lower() in self.families["deal"] for w in words)

    def _conventions(self, item: Found, heads: set[int]) -> None:
        """PLOVER's type conventions for intentions, readiness and refusals."""
        event = item.event
        if self._channel(item.span.root):  # "urged Japan, in talks with X, to ...": held, whatever was asked in them
            event.modality = "asserted"
        announced = dataclasses.replace(event)
        if event.modality != "negated" and self._willing(self._clause_of(item.span.root, heads)):  # "is ready to close the border"
            self._willingness_convention(event)
        else:
            self._future_convention(event)
        if event.type != announced.type:
            item.announced = announced
        if event.type == "AGREE" and self._vows_retaliation(item.span.root):
            _recode(event, "THREATEN")  # "vowed to respond", "promised a painful response": CAMEO 138
        if self._refusal(item) or self._unwilling(item, heads):
            _recode(event, "REJECT")  # "will not accept X", "failed to reach agreement": a refusal
            event.modality = "asserted"
        elif self._force_not_ruled_out(item):
            _recode(event, "THREATEN")  # "did not rule out military action against X": a threat
            event.modality = "asserted"
        elif self._averse(self._clause_of(item.span.root, heads)):
            event.modality = "negated"  # "reluctant to send troops": not sent

    def _bare_vow(self, item: Found, heads: set[int]) -> bool:
        """"Protesters vowed to stay until ...", "vowed that America would never know security": a vow
        whose content holds no event is a stance, not an agreement."""
        verb = item.span.root
        if item.event.type != "AGREE" or verb.lemma_.lower() not in self.rules["bare_vow"]:
            return False
        contents = [c for c in _kids(verb) if c.dep_ in ("xcomp", "ccomp", "dobj")]
        said = [t for c in contents for t in c.subtree  # "vowed to stay until X resigned": not the resignation
                if not any(a.dep_ in ("advcl", "relcl") and c.is_ancestor(a) for a in (t, *t.ancestors))]
        return not any(t.i in heads for t in said)

    def _vows_retaliation(self, verb: Token) -> bool:
        """A vow whose content is a reprisal or force: "vowed to hit back", "promised a painful
        response", "vowed that its people would resist", "vowed to step up attacks", "vowed to take
        it back by force", "vowed to defend its territory"; not "promised to end the attacks"."""
        if verb.lemma_.lower() not in self.rules["promise_verb"]:
            return False
        contents = [c for c in _kids(verb) if c.dep_ in ("xcomp", "dobj", "ccomp")]
        acts = [c for c in contents if c.pos_ == "VERB" and c.lemma_.lower() not in self.families["undoing"]]
        guards = [c for c in acts if c.lemma_.lower() == "defend"]  # "vowed to defend its territory", not "its allies"
        return (any(c.lemma_.lower() in self.families["retaliation"] and not self._peaceful_answer(c) for c in contents)
                or any(self._of_families(o, "own_ground") for c in guards for o in _kids(c) if o.dep_ == "dobj")
                or any(o.dep_ == "dobj" and self._of_families(o, "attack_noun") for c in acts for o in _kids(c))
                or any(by.lower_ == "by" and any(f.lemma_.lower() == "force" for f in _kids(by))
                       for c in acts for by in c.subtree))

    def _peaceful_answer(self, answer: Token) -> bool:
        """"respond calmly", "a united response to the refugee crisis", "respond to the letter": an
        answer that is no reprisal (one to an attack, or to a party named, may be)."""
        kids = _kids(answer)
        if any(c.dep_ in ("advmod", "amod") and c.lemma_.lower() in self.families["measured"] for c in kids):
            return True
        answered = [o for p in kids if p.dep_ == "prep" and p.lower_ == "to" for o in _kids(p) if o.dep_ == "pobj"]
        return any(o.pos_ != "PROPN" and not self._hostile_noun(o) for o in answered)

    def _hostile_noun(self, noun: Token) -> bool:
        """An act of conflict named by a noun: "shelling", "the attack", "provocations"."""
        kinds = self.lexicon.nouns.get(noun.lemma_.lower(), ())
        return self._of_families(noun, "attack_noun", "provocation") or any(
            plover_type(t.type).quad_class == 4 for t in kinds)

    def _force_not_ruled_out(self, item: Found) -> bool:
        """A negated "rule out" whose object is force or sanctions ("would not rule out a military option")."""
        phrase = " ".join(t.lemma_.lower() for t in item.tokens)
        if item.event.modality != "negated" or phrase not in self.rules["ruling_out"]:
            return False
        objects = [c for t in item.tokens for c in _kids(t) if c.dep_ == "dobj"]
        return any(self._of_families(w, "military", "military_adj", "attack_noun", "sanction_noun")
                   for o in objects for w in o.subtree)

    def _named_within(self, doc: Doc, item: Found, claims: set[int], mentions) -> list[str]:
        """The one foreign country named in what an event with no target was done to, or where it was
        sent: "refused to certify that Iran complied" is aimed at Iran, "seized a drone deployed by a
        U.S. vessel" at the United States, "fired missiles into waters around Taiwan" at Taiwan.
        Relative and adverbial clauses and claims' content are left out: they tell about something
        else, or name the victims."""
        if item.event.type.lower() not in self.rules["aimed_at_what_it_names"]:
            return []
        actors = get_list(doc, "dyad_actors")
        countries = {a.id: a.country for a in actors}
        codes = {a.id: a.code or "" for a in actors}
        own = {countries.get(a) for a in item.event.source} - {None}
        international = any(codes.get(a, "").startswith(IGO) for a in item.event.source)
        if not own and not (international and item.event.quad_class != 3):
            return []  # an IGO's pledge, aid or strike is aimed at the one state it names (its warnings may
            # only forecast); a doer of no known state has none
        found: dict[str, str] = {}
        bodies: dict[str, str] = {}
        beneficiary = item.event.type.lower() in self.rules["aimed_at_beneficiary"]
        words = [c for c in _kids(item.span.root) if c.dep_ in ("dobj", "xcomp", "ccomp")
                 or (c.dep_ == "prep" and c.lower_ in self.rules["sent_toward_prep"])]
        while words:
            word = words.pop()
            if word.i not in claims and not self._names_no_target(word):
                words += [c for c in word.children if c.dep_ not in ("relcl", "advcl", "parataxis")]
            if in_place_name(word) or word.head.lemma_.lower() in self.rules["border_noun"] or self._scene(word):
                continue  # "into the Sea of Japan", "a village near the Russian border", "a trial in the Netherlands"
            if beneficiary and not (word.dep_ == "pobj" and word.head.lower_ in self.rules["benefit_prep"]
                                    or self._permitted(word)):
                continue  # "pledged aid for Somalia", not "pledged support against Russia"
            mention = mentions.get(word.idx)
            country = countries.get(mention.actor_id) if mention else None
            if country and country not in own:
                found.setdefault(country, mention.actor_id)
            elif mention and not country and codes.get(mention.actor_id, "").startswith(IGO):
                bodies.setdefault(codes[mention.actor_id], mention.actor_id)
        # "agreed to let U.N. inspectors return": an international body, when no state is named
        return list(found.values()) if len(found) == 1 else list(bodies.values()) if not found and len(bodies) == 1 else []

    def _permitted(self, word: Token) -> bool:
        """Whom a promise lets in or lets act: "allow U.N. inspectors into", "let inspectors from the
        IAEA return"."""
        noun = word.head.head if word.dep_ == "pobj" and word.head.lower_ in ("of", "from") else word
        while noun.dep_ in DESCRIBING_DEPS and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head
        holder = noun.head.head if noun.dep_ == "nsubj" and noun.head.dep_ == "ccomp" else noun.head
        return noun.dep_ in ("dobj", "nsubj") and holder.lemma_.lower() in self.rules["permit_verb"]

    def _scene(self, word: Token) -> bool:
        """"a trial in the Netherlands", "talks at Camp David": where a gathering is held is no party."""
        prep = word.head
        return word.dep_ == "pobj" and prep.lower_ in self.rules["scene_prep"] and (
            prep.head.lemma_.lower() in self.rules["scene_holder"])

    def _party_met(self, item: Found, told: list[Told], mentions) -> list[str]:
        """"Biden visited Kyiv, pledging $500 million in aid", "Kim committed to denuclearisation at his
        summit with Trump": a promise made at a meeting is made to whom the doer met there."""
        if item.event.type.lower() not in self.rules["made_to_party_met"] or not item.event.source:
            return []
        met = [act.target for act in _told_in_sentence(item, told)
               if act.type == "CONSULT" and act.target and act.source == item.event.source]
        return met[0][:] if len(met) == 1 else self._met_in_setting(item.span.root, mentions)

    def _met_in_setting(self, verb: Token, mentions) -> list[str]:
        """"promised all possible assistance in a call with his Nepali counterpart": whom the doer
        met in the meeting the verb's own setting names."""
        holders = [verb, *(o for o in _kids(verb) if o.dep_ == "dobj")]  # the parser may hang it on the object
        meetings = [o for h in holders for p in _kids(h) if p.dep_ == "prep" for o in _kids(p)
                    if o.dep_ == "pobj" and o.lemma_.lower() in self.rules["meeting_noun"]]
        return [m.actor_id for o in meetings for p in _kids(o) if p.lower_ == "with"
                for m in objects_of(p, mentions)]

    def _aimed_as_conjunct(self, item: Found, told: list[Told]) -> list[str]:
        """"Warsaw accused Minsk of orchestrating the crisis and warned that it would close the border":
        a verb conjoined to an act of the same doer is aimed where that act was."""
        verb = item.span.root
        if item.event.type.lower() not in self.rules["aimed_as_conjunct"] or verb.dep_ != "conj" or verb.pos_ != "VERB":
            return []
        first = [act.target for act in told if act.start == verb.head.i and act.source == item.event.source]
        return first[0][:] if first else []

    def _act_answered(self, item: Found, told: list[Told], codes: dict[str, str]) -> list[str]:
        """"Pakistan vowed to respond after Indian warplanes struck": a threat naming no target answers
        the nearest act of another state told in its sentence; so do a sanction ("..., and Turkey recalled
        its ambassador"), a deployment, displeasure and force used in answer ("..., and the South
        returned fire") (``answers_an_act`` in event_rules.tsv)."""
        answers = item.event.type.lower() in self.rules["answers_an_act"] or self._answering_force(item)
        act = self._answered_act(item, told, codes) if answers else None
        return act.source[:] if act is not None else []

    def _answered_act(self, item: Found, told: list[Told], codes: dict[str, str]) -> Told | None:
        """The nearest act of another state told in the item's sentence, its own clause first."""
        if not item.event.source or item.event.modality != "asserted":
            return None
        own = _states(item.event.source, codes)
        acts = [act for act in _told_in_sentence(item, told) if act.asserted and act.source
                and act.type.lower() not in self.rules["said_not_done"] and not _states(act.source, codes) & own]
        inside = {t.i for t in item.span.root.subtree}  # "vowed to retaliate after X struck": its own clause first
        return min(acts, key=lambda act: (act.start not in inside, abs(act.start - item.span.start)), default=None)

    def _answer_in_kind(self, item: Found, told: list[Told], codes: dict[str, str]) -> None:
        """"The EU imposed tariffs on U.S. whiskey, and Washington retaliated": an answer to a measure
        is a measure (SANCTION), to words words (ACCUSE); force answers force."""
        act = self._answered_act(item, told, codes) if self._answering_force(item) else None
        if act is not None and act.type.lower() not in self.rules["answered_by_force"]:
            _recode(item.event, "SANCTION" if act.type.lower() in self.rules["answered_by_measure"] else "ACCUSE")

    def _aimed_alike(self, item: Found, told: list[Told], codes: dict[str, str]) -> list[str]:
        """"Bolivia cut ties with Israel, while Chile recalled its ambassador", "India flew food to
        Nepal, while China dispatched a rescue team": an act naming no target is aimed where the
        nearest like act of another state in its sentence was, unless that one was aimed at its doer."""
        if item.event.type.lower() not in self.rules["aimed_alike"] or item.event.modality != "asserted":
            return []
        own = _states(item.event.source, codes)
        alike = [act for act in _told_in_sentence(item, told) if act.type == item.event.type and act.asserted
                 and act.source and act.target and not _states(act.source + act.target, codes) & own]
        nearest = min(alike, key=lambda act: abs(act.start - item.span.start), default=None)
        return nearest.target[:] if nearest is not None else []

    def _answering_force(self, item: Found) -> bool:
        """"returned fire", "retaliated", "hit back", "responded with air strikes"."""
        root = item.span.root
        verb = root.head.head if self._response_with(root) else root
        lemma = verb.lemma_.lower()
        return item.event.type == "ASSAULT" and (lemma in self.rules["answering_verb"] or (
            lemma in self.rules["response_verb"] and any(c.lower_ == "back" for c in _kids(verb))))

    def _doer_referred_to(self, item: Found, told: list[Told], mentions) -> list[str]:
        """"North Korea fired a missile ..., and Kishida called the launch 'outrageous'": an accusation
        of a definite act that names no doer ("the launch", "the move", "the attack") is aimed at the
        doer of the last act told before it, in its sentence or the one before; an event noun refers
        only to an act of its own type, and an earlier statement or reaction is no act."""
        root = item.span.root
        if item.event.type.lower() not in self.rules["content_doer_is_target"]:
            return []
        accuser = set(item.event.source)
        if root.dep_ == "pcomp" and any(c.dep_ == "dobj" and c.tag_ == "WP" for c in _kids(root)):
            act = _verb_above(root.head)  # "jets flew over the islands in what Manila called intimidation"
            return [] if act is None else [a for a in _subject_actors(act, mentions) if a not in accuser]
        nouns = [c for c in _kids(root) if c.dep_ == "dobj" and self._refers_back(c, mentions)]
        if not nouns:
            return []
        kinds = {t.type for t in self.lexicon.nouns.get(nouns[0].lemma_.lower(), ())}  # none for "move", "launch"
        sentence = root.sent
        window = sentence.start if sentence.start == 0 else root.doc[sentence.start - 1].sent.start
        earlier = [act for act in told
                   if window <= act.start < item.span.start and act.source and not set(act.source) & accuser
                   and act.type.lower() not in self.rules["said_not_done"] and (not kinds or act.type in kinds)]
        # "Washington lifted sanctions after Minsk freed prisoners, and Lithuania welcomed the decision":
        # a main clause's act before one told on the way
        main = [act for act in earlier if not _subordinate(root.doc[act.start])]
        if earlier:
            return (main or earlier)[-1].source[:]
        # "Kosovo declared independence, and Belgrade denounced the move": an act the lexicon does not
        # code is still the conjoined clause's, done by its subject
        before = root.head if root.dep_ == "conj" and root.head.i < root.i and not kinds else None
        return [] if before is None else [m.actor_id for c in _kids(before) if c.dep_ in SUBJECT_DEPS
                                          for m in actors_of(c, mentions) if m.actor_id not in accuser]

    def _an_act(self, noun: Token) -> bool:
        """An act or an accord ("the accord signed by X", "the steps taken by X"), not people or a text
        ("the refugees rescued by X", "a report written by X")."""
        lemma = noun.lemma_.lower()
        return lemma in self.lexicon.nouns or lemma in self.rules["act_reference"] or lemma in self.families["deal"]

    def _refers_back(self, noun: Token, mentions) -> bool:
        """"the launch", "this move": a definite act naming no doer of its own."""
        lemma = noun.lemma_.lower()
        return ((lemma in self.rules["act_reference"] or lemma in self.lexicon.nouns)
                and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children)
                and noun.idx not in mentions and not _doers_named(noun, mentions))

    def _names_no_target(self, word: Token) -> bool:
        """What hangs on these names no party of the act: a maker ("Chinese-built missiles") or a
        suspicion ("arrested a man suspected of attacking the U.S. embassy", "wanted for", "linked to")."""
        lemma = word.lemma_.lower()
        return (word.dep_ == "amod" and lemma in self.rules["maker_participle"]) or (
            word.dep_ in ("acl", "amod") and lemma in self.rules["suspicion_participle"])

    def _untargeted(self, doc: Doc, event: Event, codes: dict[str, str], tokens: list[Token]) -> list[str]:
        """The target PLOVER gives an event that names none: the country it happens in (see event_rules.tsv);
        never the doer's own for an act aimed abroad ("Russian forces launched an invasion")."""
        kind = event.type.lower()
        if self._ruled(event, "untargeted_is_domestic"):
            return domestic_target(doc, event, codes)
        if kind in self.rules["untargeted_at_home"]:
            abroad = self._aimed_abroad(doc, event, tokens)
            at_home = "any" if (event.cameo or "")[:3] in self.rules["at_home_by_cameo"] else "bodies"
            return domestic_target(doc, event, codes, fallback="none" if abroad else at_home)
        if kind in self.rules["untargeted_at_place"] and event.location:
            return domestic_target(doc, event, codes, fallback="none")
        return []

    def _aimed_abroad(self, doc: Doc, event: Event, tokens: list[Token]) -> bool:
        """An act no state does at home ("launched an invasion"), or an attack in a sentence that
        names another state."""
        words = [*tokens, *(c for t in tokens for c in _kids(t) if c.dep_ == "dobj")]  # "launched an invasion"
        return any(t.lemma_.lower() in self.rules["aimed_abroad"] for t in words) or (
            event.type.lower() in self.rules["abroad_when_foreign_named"] and self._foreign_named(doc, event, tokens[0].sent))

    def _foreign_named(self, doc: Doc, event: Event, sentence: Span) -> bool:
        """The sentence names an actor of a state other than the doers' ("Pakistan put its air force
        on alert after Indian warplanes struck ..."): the act may be aimed there. A border is no
        party ("shelled a village close to the Somali border")."""
        countries = {a.id: a.country for a in get_list(doc, "dyad_actors")}
        struck_in = doc.user_data.get(ATTACKED_IN, {})  # unidentified attackers: where they struck
        own = {countries.get(a) or struck_in.get(a) for a in event.source}
        named = {countries.get(m.actor_id) for m in get_list(doc, "dyad_mentions")
                 if sentence.start_char <= m.start and m.end <= sentence.end_char
                 and (word := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None
                 and word.root.head.lemma_.lower() not in self.rules["border_noun"]}
        return bool(named - own - {None})

    def _ruled(self, event: Event, group: str) -> bool:
        """Whether event_rules.tsv puts the event's type, or its TYPE:mode, in ``group``."""
        kind = event.type.lower()
        return kind in self.rules[group] or f"{kind}:{event.mode}" in self.rules[group]

    def _done_by_authorities(self, head: Token) -> bool:
        """An arrest or a detention told in the passive without its doer ("was arrested in Lebanon",
        "a journalist detained in Russia"): the police or court that reports it did it, else the
        country where it happened (PLOVER gives it to that country: only its authorities do these)."""
        passive = head.dep_ == "acl" or any(c.dep_ == "auxpass" for c in _kids(head))
        return head.tag_ == "VBN" and passive and head.lemma_.lower() in self.rules["authorities_act"]

    def _authorities(self, doc: Doc, item: Found, mentions, codes: dict[str, str], sector_only: set[str]) -> list[str]:
        """Who did an act only authorities do: the reporting police of a known country, else the
        country of its place, else police of no known country."""
        reporting = self._reporting_authority(item.span.root, mentions, codes, sector_only)
        located = [a for a in reporting if a not in sector_only]
        return located or domestic_target(doc, item.event, codes, fallback="none") or reporting

    def _reporting_authority(self, head: Token, mentions, codes: dict[str, str], sector_only: set[str]) -> list[str]:
        """"... have been arrested, police said": the police or court whose statement tells the act."""
        clause = next((t for t in _clause_chain(head) if t.dep_ == "ccomp"), None)
        speech = clause.head if clause is not None else None
        if speech is None or speech.lemma_.lower() not in self.words["speech_verbs"]:
            return []
        return [a for a in _subject_actors(speech, mentions)
                if _sector(codes.get(a, a), a in sector_only) in self.rules["authority_sector"]]

    def _commercial(self, event: Event, codes: dict[str, str]) -> bool:
        """A loan or a financing by companies alone ("Taiwan banks joined a loan to finance a gas
        project") is business, not the aid PLOVER codes (given by states and international bodies)."""
        sources = [codes.get(a, "") for a in event.source]
        return (event.type.lower() in self.rules["not_by_business"] and bool(sources)
                and all(_business(code) for code in sources))

    def _joint_exercise(self, event: Event, head: Token, codes: dict[str, str], sector_only: set[str]) -> None:
        """Exercises held by two or more countries are joint military operations: COOPERATE (PLOVER manual);
        "patrols by police and soldiers" of one unnamed country are not."""
        countries = {codes.get(a, "")[:3] for a in event.source if a not in sector_only}
        if event.type == "MOBILIZE" and head.lemma_.lower() in self.rules["joint_exercise"] and len(countries) > 1:
            _recode(event, "COOPERATE")

    def _joint_operation(self, event: Event, item: Found, codes: dict[str, str], sector_only: set[str],
                         mentions) -> list[Event]:
        """"Belgian and French police carried out joint raids", "arrested in a joint operation with
        Nepali police", "Thai police, working with the CIA, arrested X": besides the act, the forces
        of different states cooperate (PLOVER COOPERATE, each way; CAMEO 062)."""
        if event.type.lower() not in self.rules["done_jointly"] or event.modality == "negated":
            return []
        root = item.span.root
        words = [*item.tokens, *(c for t in (root, *item.tokens) for c in _kids(t) if c.dep_ in ("dobj", "prep"))]
        words += [c for w in list(words) if w.dep_ == "dobj" for c in _kids(w) if c.dep_ == "prep"]  # misattached
        words += [c for w in list(words) if w.dep_ == "prep" for c in _kids(w) if c.dep_ == "pobj"]
        joint = [w for w in words if self._marked_joint(w)]
        # "X, working with Y, arrested": the parser hangs the participle anywhere before the verb
        joint += [t for t in root.doc[root.left_edge.i:root.i] if t.tag_ == "VBG" and t.lemma_.lower() in self.rules["working_with"]]
        if not joint:
            return []
        partners = [m.actor_id for w in joint for prep in _kids(w) if prep.lower_ in self.rules["partner_prep"]
                    for c in _kids(prep) for m in actors_of(c, mentions)]
        by_state = {codes.get(a, a)[:3]: a for a in [*event.source, *partners] if a not in sector_only}
        parties = list(by_state.values())
        if not 2 <= len(parties) <= MAX_PAIRED_PARTIES:
            return []
        together = dataclasses.replace(event, id=content_id(f"{event.id}:joint", "ev-"), source=parties, target=[])
        _recode(together, "COOPERATE")
        return self._directions(together, codes, sector_only, mutual=True)

    def _marked_joint(self, word: Token) -> bool:
        """"joint raids", "a joint ground and air offensive" (a noun's modifiers, however nested),
        "acting jointly"."""
        near = [*_kids(word), *(m for left in word.lefts for m in left.subtree)] if word.pos_ == "NOUN" else _kids(word)
        return any(m.lemma_.lower() in self.rules["joint_marker"] for m in near)

    # -- events inside events ----------------------------------------------

    def _without_terms(self, found: list[Found], mentions) -> list[Found]:
        """Drop the events inside another's terms ("threatened to attack unless Baghdad accepted its
        conditions": one THREATEN); whoever must meet the terms is its target when it names none."""
        inside: set[int] = set()
        for item in found:
            event = item.event
            inside.update(self._answered_proposal(item))
            inside.update(self._demanded_content(item, mentions))
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
                                for m in actors_of(c, mentions)]
                    event.target = [a for a in _unique(subjects) if a not in event.source]
        return [item for item in found if item.span.root.i not in inside]

    def _answered_proposal(self, item: Found) -> set[int]:
        """The words of a proposal a REJECT or AGREE answers ("rejected a French offer to host talks"):
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

    def _demanded_content(self, item: Found, mentions) -> set[int]:
        """The words of what a demand or threat asks for ("demanded an admission that its troops
        shelled the town"): asked for, not reported. An actor object keeps its own clauses
        ("urged Israel, which attacked Gaza, to stop"), and so does a support verb's object."""
        head = item.span.root
        if item.event.type.lower() not in self.rules["object_is_content"] or head.pos_ != "VERB" or (
                head.lemma_.lower() in self.rules["support_verb"]):
            return set()
        own = {t.i for t in item.tokens}
        objects = [c for c in _kids(head) if c.dep_ == "dobj" and c.i not in own and mentions.get(c.idx) is None]
        return {t.i for obj in objects for t in obj.subtree if t.i != obj.i}

    def _conditions(self, head: Token) -> list[Token]:
        """The if/unless/until/before clauses on an event or on the content it folds ("threatened to stop
        talks if the US goes ahead", "demanded a truce before allowing convoys")."""
        marks = self.rules["condition_mark"]
        clauses, stack = [], [head]
        while stack:
            for child in _kids(stack.pop()):
                if child.dep_ in ("xcomp", "ccomp", "dobj", "acl"):  # "reserved the right to act if ..."
                    stack.append(child)
                elif child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in _kids(child)):
                    clauses.append(child)
                elif child.dep_ == "prep" and child.lower_ in marks:
                    clauses += [c for c in _kids(child) if c.dep_ == "pcomp"]
        return clauses

    def _fold_complements(self, found: list[Found], mentions, codes: dict[str, str], sector_only: set[str]) -> list[Found]:
        """Drop an event that is the content of another ("offered to hand over"), giving it its target.

        When the content clause has its own subject ("demanded that Russia withdraw"), that subject
        is the target of the demand. An order to one's own forces is the act ordered, by whoever
        ordered it ("ordered the navy to increase its presence": MOBILIZE).
        """
        by_head = {item.span.root.i: item.event for item in found}
        trigger_of = {id(item.event): item.span.root for item in found}
        carried: set[int] = set()  # orders and decisions that stand for the act they carry
        clause_of = {item.span.root.i: self._clause_of(item.span.root, by_head) for item in found}
        for item in found:  # "started a hunger strike to protest": the support verb stands for its noun
            by_head.setdefault(clause_of[item.span.root.i].i, item.event)
            for token in item.tokens:  # "gave X an ultimatum to end the raids": a phrase's every word
                by_head.setdefault(token.i, item.event)
        kept, folded_into = [], {}
        # outer clauses first, so that the content of a content folds into the outermost event
        # ("agreed that their navies should work together to persuade X to ...": one AGREE)
        for item in sorted(found, key=lambda item: _depth(clause_of[item.span.root.i])):
            event, head = item.event, _content_head(first_conjunct(clause_of[item.span.root.i]), by_head)
            governor = by_head.get(head.head.i) if head.dep_ in ("xcomp", "ccomp", "advcl", "acl") else None
            if governor is None and head.dep_ == "xcomp" and head.head.dep_ == "acomp":
                governor = by_head.get(head.head.head.i)  # "said X must be ready to mediate": what is demanded
            own = first_conjunct(item.span.root)
            if governor is None and own.dep_ == "xcomp" and by_head.get(head.i) not in (None, event):
                governor, head = by_head[head.i], own  # "used tear gas to disperse them": the gas is for that
            governor = folded_into.get(id(governor), governor)
            if governor is not None and self._own_order(governor, trigger_of[id(governor)], head, codes, sector_only):
                event.source, event.modality = governor.source[:], governor.modality
                carried.add(id(governor))
                kept.append(item)
                continue
            if governor is not None and self._decided(governor, trigger_of[id(governor)], head, item):
                _restore(event, item.announced)
                event.source, event.modality = governor.source[:] or event.source, governor.modality
                carried.add(id(governor))
                kept.append(item)
                continue
            if governor is None or governor is event or not self._folds(governor, event, head) or (
                    trigger_of[id(governor)].lemma_.lower() in self.rules["keeps_content"]):
                kept.append(item)  # "denied torturing prisoners": the torture stays, negated
                continue
            folded_into[id(event)] = governor
            # "promised to end the attacks": the attacks are ended, not threatened ("vowed to suspend aid" is)
            undone = head.lemma_.lower() in self.families["undoing"] and trigger_of[id(event)].i != head.i
            self._promised_force(governor, trigger_of[id(governor)], event, undone)
            if not governor.target:
                own_subject = (head.dep_ in ("ccomp", "acl") or _for_to(head)) and _has_subject(head) and (
                    event.source != governor.source)
                governor.target = (event.source if own_subject else event.target)[:]
                if not governor.target and self._ruled(event, "untargeted_is_domestic"):
                    governor.target = domestic_target(item.span.doc, event, codes)  # "promised to hand over power"
        kept = [item for item in kept if id(item.event) not in carried]
        for item in kept:  # "agreed to open its ports to UN inspectors": no event, still a target
            if not item.event.target and item.event.type.lower() in self.rules["folds_xcomp"]:
                xcomps = [c for c in _kids(item.span.root)
                          if c.dep_ == "xcomp" and not any(_in_what_clause_says(other.span.root, c) for other in kept)]
                source = set(item.event.source)
                item.event.target = _unique(m.actor_id for c in xcomps
                                            for m in self._objects_named(c, mentions, source, c.i not in by_head))
        return sorted(kept, key=lambda item: item.span.start)

    def _promised_force(self, promise: Event, verb: Token, content: Event, undone: bool) -> None:
        """A vow of what the future convention made a threat is a threat ("vowed to bring the bombers
        to justice", "pledged to hunt them down"): PLOVER THREATEN, not AGREE; a vow never to
        cooperate is a refusal. (A vow to reject violence is no refusal: vowed rejections stay AGREE.)"""
        if verb.lemma_.lower() not in self.rules["promise_verb"]:
            return
        if content.modality == "negated":  # "vowed never to recognise X": a refusal (CAMEO 12);
            if content.quad_class in (1, 2):  # "promised never to attack X": an assurance (CAMEO 03)
                _recode(promise, "REJECT")
            elif promise.type == "THREATEN":
                _recode(promise, "AGREE")
        elif promise.type == "AGREE" and content.type == "THREATEN" and not undone:
            _recode(promise, "THREATEN")

    def _decided(self, decision: Event, verb: Token, content: Token, item: Found) -> bool:
        """An agreement to act against someone is that act, decided ("the EU agreed to impose sanctions
        on Russia", "the court agreed to investigate him"): AGREE is a commitment to cooperate."""
        if decision.type != "AGREE" or verb.lemma_.lower() not in self.rules["decision_verb"]:
            return False
        if content.dep_ != "xcomp" or content.head.i != verb.i or item.event.modality == "negated":
            return False
        act = item.span.root
        carried = act.dep_ == "dobj" and act.head.i == content.i and content.lemma_.lower() not in self.families["undoing"]
        if content.i != act.i and not carried:
            return False  # "agreed to extend sanctions" decides them; "agreed to stop shelling" ends the act
        if any(c.lemma_.lower() in self.rules["joint_marker"] | self.rules["together_adverb"] for c in _kids(content)):
            return False  # "agreed to investigate the clash jointly": an agreement to work together
        return (item.announced or item.event).type.lower() in self.rules["decided_act"]

    def _own_order(self, order: Event, verb: Token, content: Token, codes: dict[str, str], sector_only: set[str]) -> bool:
        """A request ("ordered", "authorized") whose infinitive is what its addressees, the orderer's own
        forces or officials, must do: the navy, troops, its police (of the orderer's country or none)."""
        if order.type != "REQUEST" or verb.lemma_.lower() not in self.rules["carries_object"] or not order.target:
            return False
        if content.dep_ != "xcomp" or content.head.i != verb.i:
            return False
        home = {codes.get(a, a)[:3] for a in order.source if a not in sector_only}
        if any(_sector(codes.get(a, a), a in sector_only) in self.rules["orders_nobody"] for a in order.source):
            return False  # a court or a parliament orders the government: a demand
        return all((a in sector_only or codes.get(a, a)[:3] in home)
                   and _sector(codes.get(a, a), a in sector_only) in self.rules["takes_orders"] for a in order.target)

    def _clause_of(self, head: Token, heads: Container[int]) -> Token:
        """The verb whose clause an event is: a support verb with no event of its own stands for its
        object or its -ing complement ("to voice their anger", "prepared to resume bombing")."""
        for _ in range(MAX_CLIMB):
            verb = head.head
            if head.dep_ not in ("dobj", "xcomp") or verb.i in heads or verb.lemma_.lower() not in self.rules["support_verb"]:
                break
            head = verb
        return head

    def _objects_named(self, verb: Token, mentions, doers: set[str], objects: bool = True) -> list[Mention]:
        """Whom a verb acts on: its objects (when asked: a trigger's object may be its doer's own
        troops), else the one its object is with, to, against or for ("open its ports to UN
        inspectors"); never its own doers."""
        found: list[Mention] = []
        for child in _kids(verb):
            if child.dep_ in OBJECT_DEPS and objects:
                named = [m for m in actors_of(child, mentions) if m.actor_id not in doers]
                found += named or self._through_object(child, mentions)
            elif child.dep_ == "prep" and child.lower_ in self.rules["object_target_prep"]:
                found += objects_of(child, mentions)
        return [m for m in found if m.actor_id not in doers]

    def _folds(self, governor: Event, event: Event, head: Token) -> bool:
        """A complement its governor's type folds ("offered to hand over"), or a purpose of the same
        type ("went on hunger strike to protest X": one protest, against X) or of a protest ("blocked
        roads to demand reforms": the demand is what the protest says), or what a threat says its
        own actor will do."""
        own_act = head.dep_ == "ccomp" and bool(event.source) and set(event.source) <= set(governor.source)
        if own_act and governor.type.lower() in self.rules["folds_own_ccomp"]:
            return True  # "warned it would retaliate": the threat itself; "warned Russia could invade" is not
        if head.dep_ != "advcl":  # "ordered the paper to suspend publication": one COERCE
            return governor.type.lower() in self.rules[f"folds_{head.dep_}"] or governor.type == event.type
        return purpose_clause(head) and (governor.type == event.type or governor.type.lower() in self.rules["folds_advcl"])

    def _fold_nested(self, found: list[Found]) -> list[Found]:
        """A noun event with no participants of its own, inside another event's words, is that event's content.

        "hosted X for talks", "killed in an attack", "suspended an aid programme for Chad": one
        event, which takes the nested one's target when it has none (an accusation takes its doer
        instead: "condemned the raid on its embassy" accuses the raiders, not the embassy). What a
        denial or an allegation is about stays an event ("deny arms supply agreements": negated).
        """
        owner = {t.i: item for item in found for t in item.tokens}
        kept, carriers = [], set()
        for item in found:
            governor = None if self._channel(item.span.root) else _governing_event(item, owner)
            if governor is not None and self._carried(item, governor):
                carriers.add(id(governor))  # "ordered patrols": the patrols are the news, by whoever ordered
            if governor is not None and self._talks_behind(item, owner) is not None:
                governor = None  # "agreed at talks in the Kremlin": the talks are news of their own
            if governor is not None and self._answered(item):
                provoked = item.event.type.lower() in self.rules["provocation"]
                if provoked and not governor.event.target:  # "struck in retaliation for X's attack": against X
                    governor.event.target = item.event.source[:]
                governor = None  # the event answered is news of its own
            # "began a mediation bid": a verb of the same type tells the same event, parties and
            # all; "demanded a meeting of the Security Council": what is demanded is the demand's
            restated = governor is not None and governor.span.root.pos_ == "VERB" and not _has_subject(item.span.root) and (
                governor.event.type == item.event.type or self._demanded(item, governor) or self._condemned(item, governor))
            if item.own_participants and not restated:
                governor = None
            if governor is None or governor.span.root.lemma_.lower() in self.rules["keeps_content"]:
                kept.append(item)
            elif not governor.event.target:
                others = [a for a in item.event.source if a not in governor.event.source]
                # an accusation takes the doer; a rejected claim its maker ("rejected allegations that X ...")
                doer_only = governor.event.type.lower() in self.rules["content_doer_is_target"] or (
                    governor.event.type == "REJECT" and item.event.type.lower() in self.words["claim_types"])
                governor.event.target = (others if doer_only else item.event.target or others)[:]
        return [item for item in kept if id(item) not in carriers]

    def _answered(self, item: Found) -> bool:
        """An event another answers: "in retaliation for the attack", "in response to the raid"."""
        noun = phrase_head(item.span.root)
        prep = noun.head
        return (noun.dep_ == "pobj" and prep.lower_ in ("for", "to")
                and prep.head.lemma_.lower() in self.rules["answer_word"])

    def _condemned(self, item: Found, governor: Found) -> bool:
        """The object of a condemnation ("condemned the attack on the embassy by militiamen"): what
        it is about, not news of its own (PLOVER codes the ACCUSE, against the doer)."""
        noun, verb = phrase_head(item.span.root), governor.span.root
        return (noun.dep_ == "dobj" and noun.head.i == verb.i and governor.event.mode == "disapprove"
                and governor.event.type.lower() in self.rules["content_doer_is_target"]
                and verb.lemma_.lower() not in self.rules["keeps_content"])

    def _carried(self, item: Found, governor: Found) -> bool:
        """A verb that only commands its object event ("ordered patrols", "authorized air strikes")."""
        noun, verb = phrase_head(item.span.root), governor.span.root
        return (noun.dep_ == "dobj" and noun.head.i == verb.i and verb.lemma_.lower() in self.rules["carries_object"]
                and governor.event.type != item.event.type)

    def _demanded(self, item: Found, governor: Found) -> bool:
        """A noun event that is the object of a demand or a threat, or the agreement a refusal breaks:
        its content, not an event. A support verb's object stays the event ("ordered patrols")."""
        noun, verb = phrase_head(item.span.root), governor.span.root
        held = noun.head.i == verb.i if noun.dep_ == "dobj" else noun.dep_ == "pobj" and noun.head.head.i == verb.i
        refused = held or (noun.dep_ == "nsubjpass" and noun.head.i == verb.i)  # "the demand was rejected"
        if refused and governor.event.type == "REJECT" and item.event.type in ("AGREE", "REQUEST"):
            return True  # "rejected the accord", "reneged on his commitment", "the demand was rejected": made before
        if noun.dep_ != "dobj" or not held:
            return False
        if verb.lemma_.lower() in self.rules["object_no_event"]:
            return True  # "signed a pact": one signing, not a signing and an agreement
        return (governor.event.type.lower() in self.rules["object_is_content"]
                and verb.lemma_.lower() not in self.rules["support_verb"])

    def _background(self, item: Found, owner: dict[int, Found], mentions) -> bool:
        """An event the sentence mentions on the way to its own. Coders of the field (PETRARCH, the
        PLOVER gold) code what a sentence reports, not these:
        - a restrictive relative clause, or a participle with no subject of its own ("a helicopter
          that was captured", "nationals suspected of blowing up", "a guard involved in a shooting");
        - a relative clause in the past perfect ("the ministers, whom they had taken hostage");
        - a noun after, or a clause opened by, "after", "since", "because"... ("cut ties after its
          envoy was expelled"): it dates or explains the news; but a clause opened by "after" or
          "before" with a doer of its own tells the event the news answers ("after protesters stormed");
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
        if self._talks_behind(item, owner) is not None or self._channel(head):
            return False  # "agreed to resume talks after talks in Islamabad", "told X in a phone call": news
        if self._in_background_clause(head):
            return True  # "cut ties after its envoy was expelled": the expulsion dates or explains the news
        if head.pos_ in ("NOUN", "PROPN"):
            noun = phrase_head(head)
            if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.rules["watch_verb"]:
                return True  # "observers who monitor the ceasefire between X and Y": a state of affairs
            if noun.dep_ == "pobj" and noun.head.lower_ in self.rules["topic_prep"] and self._about(noun.head.head):
                return True  # "an investigation into the killing", "talks on a ceasefire": what is discussed
            if noun.lemma_.lower() in self.rules["standing_noun"] and self._referred_to(noun, owner):
                return True  # "the IMF agreement requires Egypt to ...": an accord in force
            if head.lemma_.lower() in self.rules["standing_noun"] and any(c.dep_ == "poss" for c in _kids(head)):
                return True  # "the terms of its nuclear deal": an accord it has
            return not item.own_participants and self._idle_noun(noun, owner)
        tolled = self._toll_of(head, owner)
        if tolled is not None:  # "shelled the camps, killing 50": what the attack did, not a second attack;
            return tolled.event.type == "ASSAULT"  # but "mobs torched homes, killing dozens": the riot killed
        if self._killed_in_attack_told(head, owner):
            return True  # "three civilians were killed when Israeli jets struck a house": the strike's toll
        token = head
        for _ in range(MAX_CLIMB):
            if token.head.i == token.i or token.dep_ in ARGUMENT_EDGES:
                return False
            if token.dep_ == "relcl" and (_past_perfect(token) or _describes_place(token)
                                          or _standing(token, self.rules["stance_verb"])):
                return True  # "the envoys, whom they had seized", "the province, where dozens were killed"
            if self._summarised_act(token) is not None:
                return False  # "..., a move Egypt condemned", "..., a step condemned by Egypt": a reaction is news
            if token.dep_ == "relcl" and not (starts_when(token) or _non_restrictive(token) or actor_did(token, mentions)):
                return True
            if token.dep_ in ("acl", "advcl"):
                material = item.event.quad_class in MATERIAL_QUADS  # "aid sent by X"; not "a truce brokered by X"
                if _has_subject(token) or actor_doing(token, mentions) or (material and done_by_actor(token, mentions)) or (
                        _second_act(token, mentions, self.rules["says_on_its_own"])):
                    return False  # a clause with its own doer: what it says happened is reported
                if (token.dep_ == "advcl" and token.tag_ == "VBG" and token.head.pos_ == "VERB"
                        and token.head.lemma_.lower() in self.words["speech_verbs"]):
                    return False  # "X, (while) visiting Y, told reporters": what the speaker is doing meanwhile
                if not (purpose_clause(token) or self._content_of(token)):
                    return True
            token = token.head
        return False

    def _talks_behind(self, item: Found, owner: dict[int, Found]) -> Found | None:
        """The agreement of two parties the talks of "agreed ... after talks in Ankara", "agreed at talks
        in the Kremlin", "after talks between their ministers" led to: a meeting noun in a phrase of
        the agreeing verb."""
        noun = phrase_head(item.span.root)  # "after four days of talks"
        kind = (item.announced or item.event).type  # "agreed at talks" made them the agreement's content
        if kind != "CONSULT" or noun.pos_ != "NOUN" or noun.dep_ != "pobj":
            return None
        prep, verb = noun.head, noun.head.head
        if prep.lower_ not in self.rules["talks_behind_prep"]:
            return None
        for _ in range(MAX_CLIMB):  # "agreed to resume the dialogue, after talks": the agreeing verb's
            holder = owner.get(verb.i)
            if holder is not None and holder.event.type == "AGREE":  # two parties' talks, not a summit of many
                return holder if _two_parties(holder.event, verb.doc) else None
            if verb.dep_ not in ("xcomp", "conj", "ccomp", "pobj", "prep"):  # "agreed to a truce at talks"
                return None
            verb = verb.head
        return None

    def _killed_in_attack_told(self, head: Token, owner: dict[int, Found]) -> bool:
        """A passive "were killed" whose "when" clause tells the attack that killed them."""
        if head.lemma_.lower() not in self.rules["result_participle"] or not any(c.dep_ == "auxpass" for c in _kids(head)):
            return False
        return any(c.dep_ == "advcl" and starts_when(c) and c.i in owner
                   and owner[c.i].event.type == "ASSAULT" for c in _kids(head))

    def _lend_target(self, item: Found, owner: dict[int, Found]) -> None:
        """"launched its largest air attack, firing 120 missiles at Ukrainian cities": the participle
        tells the attack over again, with the target the attack's own words did not name."""
        clause = first_conjunct(item.span.root)
        if not _subjectless_participle(clause):
            return
        attack = next((x for x in _told_before(clause, owner) if x.event.type == item.event.type), None)
        if attack is not None and attack.event.source and not attack.event.target and (
                set(item.event.source) <= set(attack.event.source)):
            attack.event.target = item.event.target[:]

    def _toll_of(self, head: Token, owner: dict[int, Found]) -> Found | None:
        """The act a participle like "killing or wounding 50" tells the toll of: the first attack of
        the clause it hangs on, up to the comma, else its first event."""
        clause = first_conjunct(head)
        if not (self._toll(clause) and head.lemma_.lower() in self.rules["result_participle"]):
            return None
        before = _told_before(clause, owner)
        return next((item for item in before if item.event.type == "ASSAULT"), before[0] if before else None)

    def _in_background_clause(self, token: Token) -> bool:
        """Inside a clause opened by "after", "since", "because"... (the clause's counterpart of a
        background preposition), inside the reason "for" gives a verdict ("praised X for ..."), or in
        what a relative clause says a plan or a text would do."""
        for _ in range(MAX_CLIMB):
            if token.head.i == token.i:
                return False
            if token.dep_ == "advcl" and self._opened_by_background(token):
                return not self._reported_before(token)
            if token.dep_ in ("pobj", "pcomp") and self._background_prep(token.head):
                return True  # "after fighting with guerrillas who overran it": all of the phrase
            if token.dep_ in ("pobj", "pcomp") and token.head.lower_ == "for" and (
                    token.head.head.lemma_.lower() in self.rules["for_gives_reason"]):
                return True  # "apologized for its navy seizing a trawler": the reason, already known
            if token.dep_ == "relcl" and token.head.lemma_.lower() in self.rules["plan_noun"]:
                return True  # "a bill that seeks to curb imports": what a text would do
            token = token.head
        return False

    def _reported_before(self, clause: Token) -> bool:
        """"cut ties after protesters stormed its embassy": a clause with a doer of its own tells an
        event of its own, the one the news answers; a passive one ("after its envoy was expelled") or
        a reason ("because ...") only explains."""
        kids = _kids(clause)
        # not "after it tested a missile" (the pronoun may be anyone), "decades after X imposed",
        # or the past of a participle ("sanctions, first imposed after Moscow annexed Crimea")
        return (any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in kids)
                and any(c.dep_ == "mark" and c.lower_ in self.rules["sequence_mark"] for c in kids)
                and not any(c.dep_ == "npadvmod" and c.lemma_.lower() in self.rules["long_ago"] for c in kids)
                and not (clause.head.tag_ == "VBN" and not any(c.dep_ in SUBJECT_DEPS | {"aux", "auxpass"}
                                                                   for c in _kids(clause.head))))

    def _opened_by_background(self, clause: Token) -> bool:
        """A clause opened by "because", "after", "since"... (the parser may hang one as a verb's
        complement: "considers the plan unsatisfactory, not least because U.K. firms will pay")."""
        return any(c.dep_ == "mark" and self._background_prep(c) for c in _kids(clause))

    def _about(self, holder: Token) -> bool:
        """A noun of discussion or inquiry, or a verb whose object is one ("closed its probe into X":
        the parser hangs "into" on the verb)."""
        return any(n.lemma_.lower() in self.rules["topic_noun"] for n in _with_object(holder))

    def _background_prep(self, prep: Token) -> bool:
        """"since", "after", "because of" (the word before "of" counts too): the noun after it dates or explains."""
        words = self.rules["background_prep"]
        return prep.lower_ in words or f"{prep.head.lower_} {prep.lower_}" in words

    def _idle_noun(self, noun: Token, owner: dict[int, Found]) -> bool:
        """A noun event held by an object or a prepositional slot that no trigger or support verb governs."""
        noun = _amount_of(noun)
        if noun.dep_ == "dobj":
            verb = noun.head
            lemma = verb.lemma_.lower()
            kinds = [t.type for t in self.lexicon.nouns.get(noun.lemma_.lower(), ())]
            return verb.i not in owner and not self._kept_as_received(noun, kinds) and not any(
                lemma in self.rules[group] for group in ("support_verb", "reaction_verb"))
        if noun.dep_ == "pobj":
            prep, holder = noun.head, noun.head.head
            purpose = prep.lower_ in self.rules["purpose_prep"] and holder.pos_ in ("VERB", "ADJ")
            predicate = holder.lemma_.lower() in self.rules["copula"]  # "remained on alert", "went on strike"
            taking_part = any(w.lemma_.lower() in self.rules["take_part"] for w in _with_object(holder))
            owned = holder.lemma_.lower() in self.rules["responsibility_noun"]  # "claimed responsibility for"
            on_mission = prep.lower_ == "on" and noun.lemma_.lower() in self.rules["mission_noun"]  # "on a visit to"
            return holder.i not in owner and not (purpose or predicate or taking_part or owned or on_mission
                                                  or self._response_with(noun))
        return False

    def _referred_to(self, noun: Token, owner: dict[int, Found]) -> bool:
        """An accord or offer the sentence treats as in force: the subject of a verb that says so ("the
        deal requires X to": ``in_force_verb``; "the offer came after talks" is news), one a party has
        ("approved Britain's Brexit deal"), or idle where it stands ("citing his proposal", "to save
        the pact"); never one a participle reports."""
        if any(c.dep_ == "acl" and c.tag_ == "VBN" for c in _kids(noun)):
            return False  # "an offer announced by X"
        if noun.dep_ not in SUBJECT_DEPS and any(c.dep_ == "poss" for c in _kids(noun)):
            return True  # "approved Britain's Brexit deal", "complied with its nuclear deal": one it has
        if noun.dep_ in SUBJECT_DEPS:
            return noun.head.i not in owner and noun.head.lemma_.lower() in self.rules["in_force_verb"]
        return self._idle_noun(noun, owner)

    def _content_of(self, clause: Token) -> bool:
        """"issued a statement condemning X": a participle on a statement noun is what it says, also
        when the parser hangs it on the verb ("released a statement Thursday condemning X")."""
        if clause.tag_ != "VBG":
            return False
        holders = [clause.head]
        if clause.dep_ == "advcl":
            holders += [c for c in _kids(clause.head) if c.dep_ == "dobj"]
        return any(h.lemma_.lower() in self.rules["content_noun"] for h in holders)

    def _directions(self, event: Event, codes: dict[str, str], sector_only: set[str], mutual: bool = False) -> list[Event]:
        """A joint event with no target, "X and Y held talks" or "fighting between X and Y", in both
        directions: X→Y and Y→X.

        One event per ordered pair of source actors with different codes, each with its own id, for
        up to four named parties ("Ukraine, Russia, the US and the EU agreed on steps"). Among more
        ("the seven nations agreed") the event stays one, multilateral: every party a source, no
        target, rather than a pair for each of the n(n-1) directions.
        """
        sources = list({codes.get(a, a): a for a in event.source}.values())
        # "Israel and Syria exchanged fire across the Golan": a place of one side is no third party, nor
        # a body of no state ("agreed to reopen embassies")
        targets = {codes.get(a, a)[:3] for a in event.target if a not in sector_only}
        aimed_elsewhere = bool(targets - _states(sources, codes))
        if aimed_elsewhere or not 2 <= len(sources) <= MAX_PAIRED_PARTIES or not (mutual or event.type.lower() in self.rules["reciprocal"]):
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
        if keys & self.rules["future_as_itself"]:
            return
        for rule, type_name in FUTURE_RECODES:
            if keys & self.rules.get(rule, frozenset()):
                _recode(event, type_name)
                return

    def _willingness_convention(self, event: Event) -> None:
        """Readiness to cooperate is AGREE (CAMEO 03, "is willing to send aid"); readiness to use
        force or coercion is THREATEN (CAMEO 13, "is ready to close the border")."""
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
            found = self._phrase_at(token)
            if found is not None and found[1] is None:
                continue  # a phrase whose context says it is no event ("sent back the bill"): nor is its verb
            found = found or self._word_at(token)
            if found is None:
                reported = self._reported_act(token, mentions)
                found = ([token], reported[0]) if reported else None
            if found is None or _describes_name(_head_of(found[0])):
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

    def _phrase_at(self, token: Token) -> tuple[list[Token], Trigger | None] | None:
        """The longest phrase starting here, its sense chosen by context like a single word's (None
        for the trigger when the context makes the phrase no event)."""
        candidates = self.lexicon.phrases_starting(token.lemma_.lower())
        for trigger in candidates:
            tokens = _match_phrase(token, trigger.phrase.split())
            if tokens and self._own_means_as_subject(token, tokens, trigger):
                continue  # "troops moved out": no "moved troops"
            if tokens and trigger.pos == "NOUN" and _is_modifier_noun(tokens[-1]):  # a noun phrase ends in its head
                return tokens, None  # "a cease-fire agreement", "the test ban treaty": the head noun is the event
            if tokens and trigger.pos == "VERB" and len(tokens) > 1 and _is_modifier_noun(tokens[-1]) and (
                    tokens[-1].head.lemma_.lower() in self.lexicon.nouns):
                continue  # "launched missile strikes": the verb's object is the strikes, an event of their own
            if tokens:
                senses = [t for t in candidates if t.phrase == trigger.phrase]
                return tokens, choose_sense(_head_of(tokens), senses, phrase=trigger.phrase)
        return None

    def _own_means_as_subject(self, verb: Token, tokens: list[Token], trigger: Trigger) -> bool:
        """A phrase whose object is the doer's own forces ("move troops", "withdraw troops") matched
        on the verb's subject instead: the troops move themselves, and only a phrase of its own
        ("move into") makes that an event."""
        return self._own_object(trigger) and any(t.dep_ == "nsubj" and t.head.i == verb.i for t in tokens)

    def _own_object(self, trigger: Trigger) -> bool:
        """Whether the trigger's object is the doer's own forces or means (``object_is_own``, by
        type:mode or, for a verb that carries aid, type:verb)."""
        own = self.rules["object_is_own"]
        return f"{trigger.type}:{trigger.mode}".lower() in own or f"{trigger.type}:{trigger.phrase}".lower() in own

    # -- one event -------------------------------------------------------

    def _event(self, doc, trigger_span, tokens, trigger, mentions, anchors, sentence: Span) -> Found:
        head = trigger_span.root
        own = {t.i for t in tokens}
        told = self._told_by_occurrence(head)  # "protests erupted in Cairo": place and parties on the verb
        source, target, borrowed, mutual = self._participants(head, trigger, mentions, own, told)
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
            modality=self._modality(head, trigger.type),
            location=_location(head, own | {c.head.i for c in told}, trigger),
            **date,
        )
        if event.modality == "asserted" and dated_ahead(event, doc) and not _past_tense(head):
            event.modality = "future"  # "visits Moscow next month", "is sending Shultz next month": a plan
        elif event.modality == "hypothetical" and dated_ahead(event, doc) and self._reported_would(head):
            event.modality = "future"  # "said officials would meet next Monday": the future of the past
        reported = self._reported_act(head, mentions)
        if reported:  # the speaker demands it of the clause's subject, or judges the subject
            kind, event.source, event.target = reported
            borrowed = False
            if kind is OBLIGATION_TRIGGER:  # the modal is the demand, no doubt about it
                _recode(event, kind.type)
                event.modality = "asserted"
        event.confidence = _confidence(event, head)
        own_people = self._own_people(trigger, own, doc, mentions) if event.source else []
        return Found(trigger_span, tokens, event, bool(event.source) and not borrowed, own_people, mutual)

    def _statement(self, head: Token, mentions) -> bool:
        """"insisted he had a great relationship", "suggested the generals were loyal", "an aide
        who advises the senator": verbs that ask only when what follows asks (an infinitive, "insisted on",
        "suggested talks", a that-clause with "must" or a bare verb: "insisted that Israel withdraw");
        "wants peace", "wants to join": verbs of wanting ask only another actor to act."""
        if head.pos_ == "VERB" and head.lemma_.lower() in self.rules["asks_of_others"]:
            return not _asked_of_actor(head, mentions)
        if head.pos_ != "VERB" or head.lemma_.lower() not in self.rules["asks_by_mood"]:
            return False
        for child in _kids(head):
            if child.dep_ == "xcomp" or (child.dep_ == "prep" and child.lower_ in ("on", "upon")):
                return False
            if child.dep_ == "dobj" and mentions.get(child.idx) is None:
                return False  # a thing asked for, not a person advised
            if child.dep_ == "ccomp" and (_mandative(child) or any(
                    c.dep_ == "aux" and c.lower_ in self.words["hypothetical"] for c in _kids(child))):
                return False
        return True

    def _own_people(self, trigger: Trigger, own: set[int], doc: Doc, mentions) -> list[Mention]:
        """The object of "sent troops", "withdrew its forces", "mobilized reservists": the doer's own."""
        if not self._own_object(trigger):
            return []
        objects = [t for i in sorted(own) for t in (doc[i], *_kids(doc[i])) if t.dep_ in OBJECT_DEPS]
        return [m for t in objects for m in actors_of(t, mentions)]

    def _reported_act(self, head: Token, mentions) -> tuple[Trigger, list[str], list[str]] | None:
        """(kind, speaker, addressee) of what a neutral speech verb reports in the speaker's own voice:
        "X said Y must/should V" (a REQUEST by X of Y, PLOVER: "all requests, demands, and orders"),
        "X said Y was a disaster" (ACCUSE: disapproval), "... was a welcome step" (SUPPORT: praise).

        A demand needs a speaker and a subject who are different actors; a verdict needs a speaker
        and an actor it is passed on (the subject, or the owner of what the subject names).
        """
        speech = head.head
        if head.dep_ != "ccomp" or speech.lemma_.lower() not in self.words["speech_verbs"]:
            return None
        kids = list(_kids(head))
        if any(c.dep_ == "aux" and c.lower_ in self.words["obligation"] for c in kids) or (  # "must withdraw"
                head.lemma_.lower() in self.words["obligation_verbs"] and not _has_object(head)
                and any(c.dep_ == "xcomp" and infinitive(c) for c in kids)):  # "has to", "needs to", not "needs X to"
            kind = OBLIGATION_TRIGGER
        else:
            kind = self._verdict(head, kids)
        if kind is None:
            return None
        speaker = _subject_actors(speech, mentions)
        # "said Rabin's murder was a crime": the murder is judged, not Rabin
        subject = [a for a in _subject_actors(head, mentions, skip=self._suffered_by_owner) if a not in speaker]
        summed = self._summarised_act(head) if kind is not OBLIGATION_TRIGGER and not subject else None
        if summed is not None:  # "..., a decision Lima said was unjustified": a verdict on the act summed up
            subject = [a for a in _subject_actors(summed, mentions) if a not in speaker]
        return (kind, speaker, subject) if speaker and subject else None

    def _suffered_by_owner(self, noun: Token) -> bool:
        """A noun event a named person's possessive suffers: "Rabin's murder", "Mandela's release";
        with an "of" object the person does it ("Milosevic's arrest of opposition leaders")."""
        kids = list(_kids(noun))
        return noun.pos_ == "NOUN" and noun.lemma_.lower() in self.rules["person_possessor_suffers"] and any(
            c.dep_ == "poss" and c.ent_type_ == "PERSON" for c in kids) and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in kids)

    def _verdict(self, copula: Token, kids: list[Token]) -> Trigger | None:
        """"was a disaster", "is unacceptable", "was a welcome step", "was responsible": a judgement the
        copula passes."""
        if copula.lemma_.lower() != "be":
            return None
        for child in kids:
            if (child.dep_ == "prep" and child.lower_ == "behind" and self._harm_named(child)) or (
                    child.dep_ == "xcomp" and child.lemma_ == "blame"):
                return VERDICT_TRIGGERS["blame"]  # "was behind the attack", "was to blame for it"
            if child.dep_ not in ("attr", "acomp"):
                continue
            words = {child.lemma_.lower()} | {c.lemma_.lower() for c in _kids(child) if c.dep_ == "amod"}
            for group, trigger in VERDICT_TRIGGERS.items():
                if words & self.families[group] and (group != "blame" or self._blamed_for_harm(child)):
                    return trigger
        return None

    def _blamed_for_harm(self, word: Token) -> bool:
        """"responsible for the attack", "responsible" alone, "complicit": blame; "responsible for
        security", "accountable to parliament": a duty."""
        if word.lemma_.lower() in self.rules["blame_in_itself"]:
            return True
        preps = [c for c in _kids(word) if c.dep_ == "prep"]
        return not preps or any(self._harm_named(prep) for prep in preps)

    def _harm_named(self, prep: Token) -> bool:
        """The preposition's object is a hostile act or a harm ("behind the bombing", "for the deaths"),
        not "behind bars" or "for security"."""
        return any(self._hostile_noun(obj) or self._of_families(obj, "harm")
                   for obj in _kids(prep) if obj.dep_ in ("pobj", "pcomp"))

    def _participants(self, head: Token, trigger: Trigger, mentions, own: set[int],
                      told: list[Token]) -> tuple[list, list, bool, bool]:
        """(source, target, whether one side was borrowed from a governing verb, whether the sources
        act on each other: "fighting between X and Y")."""
        reaction = self._reaction_to(head)
        if reaction is not None:  # "the raid drew criticism from Egypt": Egypt's, aimed at the raid's doer
            return *self._reaction_parties(head, reaction, mentions), False, False
        source: list[Mention] = []
        target: list[Mention] = []
        target_preps = set(trigger.target_preps)
        of_target = trigger.type.lower() in self.rules["of_names_target"]
        speaker_says_pronoun = trigger.type.lower() in self.rules["content_pronoun_is_speaker"]  # "warned it would"
        doer_is_target = trigger.mode == "disapprove" and trigger.type.lower() in self.rules["content_doer_is_target"]
        own_object = self._own_object(trigger)
        stative = head.lemma_.lower() in self.rules["stative_passive"]  # "X is committed to": X acts
        topic = head.lemma_.lower() in self.rules["object_is_topic"]  # "discussed Ukraine": no party
        object_deps = set() if own_object or topic else OBJECT_DEPS
        # a phrase's words all carry arguments: "imposed sanctions [on X]", "held a meeting [with X]"
        children = [c for i in sorted(own) for c in _kids(head.doc[i])]
        if head.dep_ == "compound" and not _is_modifier_noun(head):  # "a mediation bid between X and Y"
            children += [c for c in _kids(head.head) if c.i not in own]
        children += told
        children += [c for i in sorted(own) if head.doc[i].dep_ in OBJECT_DEPS for conj in head.doc[i].conjuncts
                     for c in _kids(conj) if c.dep_ == "prep" and c.i > i]  # "fired missiles and drones at X"
        children += self._support_verb_args(head, own) or _stray_by(head)
        children += [c for i in sorted(own) if head.doc[i].pos_ == "NOUN" for c in self._support_participle_args(head.doc[i])]
        between: list[Mention] = []
        modifier: list[Mention] = []  # a nationality on a noun event: its doer unless another is named
        conveyed: list[Mention] = []  # the objects: handed over ("extradited X to Y"), deported...
        content: list[Mention] = []  # who must act or is accused in a that-clause
        suffered: list[Mention] = []  # a person's possessive on a noun event done to them
        compound: list[Mention] = []  # an abbreviation before a noun event: its doer once the noun names a target
        for child in children:
            if own_object and child.i not in own:  # "the pullout of troops from Mali": the place left
                target += self._place_left(child, target_preps, mentions)
            if topic and child.dep_ in OBJECT_DEPS:  # "discussed the crisis with Lavrov": only the partner
                target += [m for p in _kids(child) if p.lower_ == "with" for m in objects_of(p, mentions)]
                continue
            armed = (child.dep_ in PASSIVE_SUBJECT_DEPS and (child.i in own or own_object)) or (
                child.dep_ in SUBJECT_DEPS and child.i in own)  # "Russian missiles struck": a phrase's own word
            if armed and self._armament(child):
                inferred = head.doc.user_data.get(INFERRED_COUNTRY, set())  # a country guessed from the sentence is no owner
                source += [m for m in actors_of(child, mentions) if m.actor_id not in inferred]  # "Chinese missiles were fired"
                continue
            if child.i in own:
                # "diplomats" in "expelled Canadian diplomats" names a target only through its own
                # mention; "missiles" in "launched North Korean-made missiles" names none
                own_mention = mentions.get(child.idx)
                if own_mention is not None and own_mention.actor_id and child.dep_ in object_deps:
                    target.append(own_mention)
                elif child.dep_ in object_deps and child.lemma_.lower() not in self.lexicon.nouns:
                    target += actors_of(child, mentions)  # "froze Iraqi assets": the owner; not "U.S. sanctions"
                continue
            if child.head.i in own and child.head.i != head.i and child.head.lemma_.lower() in self.rules["proposal_noun"]:
                if child.dep_ in ("poss", "amod", "compound"):  # "rejected a Chinese proposal"
                    target += actors_of(child, mentions)
                    continue
            if child.dep_ == "poss" and child.pos_ != "PRON" and child.head.i in own and child.head.i != head.i and (
                    child.head.dep_ in object_deps):
                target += actors_of(child, mentions)  # "suspended Syria's membership": the phrase's object is Syria's
                continue
            if child.dep_ == "amod" and child.head.i == head.i and head.pos_ == "NOUN":
                # the adjective itself names a state: "Soviet offer", "American aggression"; but the
                # "Armenian genocide" was done to Armenians
                if getattr(mentions.get(child.idx), "actor_id", None) and head.lemma_.lower() not in self.rules["victim_first"]:
                    modifier += actors_of(child, mentions)
                continue
            if child.dep_ == "compound" and child.head.i == head.i and head.pos_ == "NOUN":
                if _abbreviation(child):  # "U.S. sanctions against Japan", "NATO strikes on"; not "the Lebanon raid on"
                    compound += actors_of(child, mentions)
                continue
            if child.dep_ in SUBJECT_DEPS and child.head.i in own and child.head.i != head.i and child.head.dep_ == "ccomp":
                target += actors_of(child, mentions)  # "demanded that Canada release": a phrase's content clause
                continue
            if child.dep_ == "poss" and self._suffered_by_owner(head):
                suffered = actors_of(child, mentions)  # "Rabin's murder", "Mandela's release": done to him
                target += suffered
            elif child.dep_ in SUBJECT_DEPS or child.dep_ == "poss":
                source += actors_of(child, mentions)
            elif child.dep_ in PASSIVE_SUBJECT_DEPS and stative:
                source += actors_of(child, mentions)
            elif child.dep_ in PASSIVE_SUBJECT_DEPS:
                handed = actors_of(child, mentions) or self._through_object(child, mentions)
                target += handed
                conveyed += handed
            elif child.dep_ == "dative" and child.pos_ == "ADP":
                target += objects_of(child, mentions)  # "sent aid to Iraq": the parser's dative "to"
            elif child.dep_ in object_deps and doer_is_target and child.lemma_.lower() in self.lexicon.nouns:
                # "condemned the raid on its embassy": the raiders; "condemned Rabin's murder": unnamed
                target += [] if self._suffered_by_owner(child) else _doers_named(child, mentions)
            elif child.dep_ in object_deps:
                handed = actors_of(child, mentions) or self._through_object(child, mentions)
                if not handed and (trigger.type == "ACCUSE" or (
                        trigger.type.lower() in self.rules["content_doer_is_target"] and self._an_act(child)
                        and head.lemma_.lower() not in self.rules["reciprocal_with_accord"])):  # not "signed a deal brokered by X"
                    handed = _agents_named(child, mentions)  # "blamed faulty repairs by Boeing", "welcomed the accord signed by X"
                target += handed
                conveyed += handed
            elif child.dep_ == "prt" and object_deps:  # "kidnapped up to 16 advisers": the parser's "up" + "to"
                target += [m for obj in up_to(child) for m in actors_of(obj, mentions)]
            elif child.dep_ == "agent":
                source += objects_of(child, mentions)
            elif child.dep_ == "pobj":
                target += actors_of(child, mentions)  # the phrase's own preposition: "meets with X"
            elif child.dep_ == "prep" and child.lower_ in target_preps:  # "hack into the computers of X"
                target += objects_of(child, mentions) or [
                    m for obj in _kids(child) if obj.dep_ == "pobj" for m in self._through_object(obj, mentions)]
                source += self._low_agent(child, head, mentions)
            elif child.dep_ == "prep" and child.lower_ == "of" and head.pos_ == "NOUN" and of_target:
                target += objects_of(child, mentions)  # "the arrest of X", "an invasion of X"
                source += self._low_agent(child, head, mentions)
            elif child.dep_ == "prep" and child.lower_ == "between":
                between += objects_of(child, mentions)  # "talks between X and Y"
            elif child.dep_ == "prep" and child.lower_ in OWNER_PREPS and head.pos_ == "NOUN":
                source += objects_of(child, mentions)  # "a visit by X", "criticism from X"
            elif child.dep_ in ("ccomp", "acl", "advcl") and self._aimed_content(child, head, trigger.type.lower()):
                content += [m for m in _content_doers(child, mentions) if not (m.how == "pronoun" and speaker_says_pronoun)]
        source = source or modifier or [m for m in compound if target and m not in target]
        if object_deps and target and head.pos_ == "VERB":  # "met the king on Tuesday and the president on Wednesday"
            target += [m for noun in _gapped_objects(head) for m in actors_of(noun, mentions)]
        if content and source and trigger.type.lower() in self.rules["speaker_not_content"]:
            content = _not_of_state(content, source, head.doc)  # "Yeltsin warned that Russia would ...": Russia speaks
        if content and trigger.type.lower() in self.rules["content_not_addressee"]:
            target = content
        elif content and not (target and trigger.type.lower() in self.rules["addressee_not_content"]):
            target = target + content
        if not target and head.pos_ == "VERB" and not any(c.dep_ in OBJECT_DEPS for c in _kids(head)):
            target = _shared_object(head, self.verbs_of.get(trigger.type, set()), mentions)  # "shot and killed X"
        if not target and trigger.type == "ASSAULT":
            target = self._victims(head, mentions)  # "attacked a bus, killing 12 Israelis"
        if not target and trigger.type.lower() in self.rules["faces_the_frontier"]:
            near = [c for i in sorted(own) for c in _kids(head.doc[i])]
            target = self._across_frontier(near + [c for o in near if o.dep_ == "dobj" for c in _kids(o)], mentions)
        conveys = head.lemma_.lower() in self.rules["conveys_object"]
        recipients = [m for m in target if m not in conveyed]
        if conveys and not recipients:  # "X and four others to Y", "flew rescue teams and supplies to Nepal",
            carried = [c for c in _kids(head) if c.dep_ in OBJECT_DEPS or c.lower_ == "with"]  # "ships with aid to Y"
            recipients = [m for c in carried for t in c.subtree
                          if t.dep_ == "prep" and t.lower_ in target_preps for m in objects_of(t, mentions)]
        if conveys and recipients:
            target = recipients  # "extradited X to Britain": Britain is the one dealt with
        elif conveyed and head.lemma_.lower() in self.rules["object_over_destination"]:
            target = conveyed  # "deported four Palestinians to Lebanon": the Palestinians
        # "talks between X and Y" are X's and Y's; "X mediated between Y and Z" are X's, with Y and Z
        mutual = not source and not target and len(between) > 1
        if source:
            target += between
        else:
            source += between
        if not (source or target) or head.tag_ in ("VBN", "VBG"):
            modified_source, modified_target = modified_noun(head, mentions)
            source, target = source or modified_source, target or modified_target
        summarised = self._summarised_act(head) if not target else None
        if summarised is not None:  # "Israel closed the border, a step condemned by Egypt": Israel
            target = [m for c in _kids(summarised) if c.dep_ in SUBJECT_DEPS for m in actors_of(c, mentions)]
        shared = _shares_passive(head, self.rules["done_to"])
        passive = not stative and (shared or any(c.dep_ == "auxpass" for c in _kids(head)))
        if shared and not source:  # "was arrested by police and charged": the police charged too
            source = [m for c in _kids(head.head) if c.dep_ == "agent" for m in objects_of(c, mentions)]
        if passive and not source and trigger.type == "ASSAULT":
            source = self._doers_of_the_means(head, mentions)  # "was killed in an Israeli air strike"
        borrowed = False
        received = None if passive else self._received(head, trigger, mentions)
        if received is not None:  # "Pakistan received aid from China": from China, to Pakistan
            givers, receivers = received
            source = givers or source
            target = receivers or [m for m in target if m not in givers]
        elif passive and not target and not any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in _kids(head)):
            target = inherited_subject(head, mentions, self.rules["subject_control"])  # "X arrived and was met by Y"
            borrowed = bool(target)
        elif not passive and not source and not suffered and not is_modifier_clause(head):
            charged = self._charged(head)  # "accused him of murder": him, named or not, never the accuser
            source = actors_of(charged, mentions) if charged else inherited_subject(
                head, mentions, self.rules["subject_control"], self.rules["says_on_its_own"])
            borrowed = bool(source)
        return source, target, borrowed, mutual

    def _received(self, head: Token, trigger: Trigger, mentions) -> tuple[list[Mention], list[Mention]] | None:
        """Who gives and who gets what someone accepts or receives ("Ireland accepted a bailout from
        the EU", "Taiwan received a threat from China"): the giver, never the receiving subject, acts.
        Aid is the receiver's even with no giver named ("Haiti received aid")."""
        noun = _amount_of(head)
        if not self._kept_as_received(noun, [trigger.type]):
            return None
        return ([m for p in self._givers_of(noun) for m in objects_of(p, mentions)],
                [m for c in _kids(noun.head) if c.dep_ in SUBJECT_DEPS for m in actors_of(c, mentions)])

    def _kept_as_received(self, noun: Token, kinds: list[str]) -> bool:
        """The object of a receive verb that is an event: one with a giver named, or aid ("Haiti received aid")."""
        return bool(self._givers_of(noun)) or (self._received_noun(noun) and any(
            kind.lower() in self.rules["aimed_at_receiver"] for kind in kinds))

    def _received_noun(self, noun: Token) -> bool:
        return noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.rules["receive_verb"]

    def _givers_of(self, noun: Token) -> list[Token]:
        """The "from" phrases naming who gave what a receive verb's object names: on the verb, the noun
        or the noun's "of" object ("a donation of vaccines from Britain")."""
        if not self._received_noun(noun):
            return []
        holders = [noun.head, noun, *(o for p in _kids(noun) if p.lower_ == "of" for o in _kids(p) if o.dep_ == "pobj")]
        return [p for w in holders for p in _kids(w) if p.dep_ == "prep" and p.lower_ == "from"]

    def _told_by_occurrence(self, noun: Token) -> list[Token]:
        """"Protests erupted in Cairo", "fighting broke out between X and Y": a noun event whose verb
        only says it happened has its place and parties on that verb; so has aid whose carriers
        arrive ("aid planes from Egypt landed in Libya")."""
        if noun.dep_ == "compound" and noun.lemma_.lower() in self.rules["carried_noun"]:
            noun = noun.head
        verb = noun.head
        verbs = self.words["occurrence_verbs"] | self.rules["arrival_verb"]
        if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "nsubj" or verb.lemma_.lower() not in verbs:
            return []
        return [c for c in _kids(verb) if c.dep_ == "prep" and c.lower_ not in ("from", "to", "into")]  # not "spread from X to Y"

    def _doers_of_the_means(self, verb: Token, mentions) -> list[Mention]:
        """Who did the attack a passive says someone was hurt "in" ("were killed in a U.S. drone strike",
        "in an Israeli air raid"): one side named by its adjective, abbreviation or "by" phrase; not a
        place ("a Baghdad car bombing"), an accident ("a coal mine explosion") or two sides ("clashes")."""
        means = [o for p in _kids(verb) if p.dep_ == "prep" and p.lower_ == "in" for o in _kids(p) if o.dep_ == "pobj"]
        attacks = [o for o in means if self._of_families(o, "attack_noun")]
        doers = [m for o in attacks for c in _kids(o) if c.dep_ == "amod" or (c.dep_ == "compound" and _abbreviation(c))
                 for m in actors_of(c, mentions)] + [m for o in attacks for m in _agents_named(o, mentions)]
        # "killed in a clash with Chinese troops": the other side of a fight; "killed when troops broke up
        # a protest": the subject of the clause that tells how
        doers += [m for o in means if o.lemma_.lower() in self.rules["fight_noun"]
                  for p in _kids(o) if p.lower_ == "with" for m in objects_of(p, mentions)]
        doers += [m for c in _kids(verb) if c.dep_ == "advcl" and starts_when(c)
                  for k in _kids(c) if k.dep_ in SUBJECT_DEPS for m in actors_of(k, mentions)]
        return doers if len({m.actor_id for m in doers}) == 1 else []

    def _summarised_act(self, clause: Token) -> Token | None:
        """The verb of the act a "move", "step" or "decision" set off by a comma sums up, when a
        participle with an agent or a relative clause with a subject describes that noun: "closed
        the border, a step condemned by Egypt", "..., a move Egypt condemned", "..., in a move Japan
        denounced"."""
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in self.words["speech_verbs"]:
            clause = clause.head  # "..., a decision Washington said it regretted"
        noun = clause.head
        by_agent = any(c.dep_ == "agent" for c in _kids(clause))
        described = (clause.dep_ == "acl" and clause.tag_ == "VBN" and by_agent) or (
            clause.dep_ == "relcl" and (by_agent or _has_subject(clause)))
        if not described or noun.lemma_.lower() not in self.rules["summary_noun"]:
            return None
        start = noun.left_edge.i
        if start > 0 and noun.dep_ == "pobj" and noun.head.i == start - 1:
            start -= 1  # "in a move": the parser hangs it as appos, npadvmod, dobj, or a "in" phrase
        if start == 0 or noun.doc[start - 1].text != ",":
            return None
        verbs = [t for t in noun.ancestors if t.pos_ == "VERB" and _has_subject(t)]
        if noun.lemma_.lower() in self.rules["claim_noun"]:  # "X said Y struck ..., a claim Z denied": X's
            said = self.words["speech_verbs"] | self.words["allegation_verbs"]
            verbs = [t for t in verbs if t.lemma_.lower() in said] or verbs
        return verbs[0] if verbs else None

    def _reaction_to(self, noun: Token) -> Token | None:
        """The verb of "drew criticism", "sparked protests", "prompted a rebuke": a reaction the
        subject provoked, whose noun event is the object."""
        verb = noun.head
        if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or verb.lemma_.lower() not in self.rules["reaction_verb"]:
            return None
        if noun.lemma_.lower() not in self.rules["reaction_noun"] or any(c.dep_ == "prt" for c in _kids(verb)):
            return None  # "drew up an agreement", "sparked talks between X and Y"
        if any(c.dep_ == "prep" and c.lower_ in ("against", "with", "to", "on", "between") for c in _kids(noun)):
            return None  # "brought a complaint against Iceland": the noun names its own target
        return verb

    def _reaction_parties(self, noun: Token, verb: Token, mentions) -> tuple[list[Mention], list[Mention]]:
        """Who reacted ("from X", on the noun or hung on the verb) and at whom: the verb's subject, or
        the doer its event noun names ("Israel's raid"), or the clause's ("India tested, drawing ...")."""
        froms = [c for t in (noun, verb) for c in _kids(t) if c.dep_ == "prep" and c.lower_ in ("from", "by")]
        source = [m for p in froms for m in objects_of(p, mentions)]
        subject = next((c for c in _kids(verb) if c.dep_ in SUBJECT_DEPS), None)
        if subject is None:
            return source, inherited_subject(verb, mentions, self.rules["subject_control"])
        own = mentions.get(subject.idx)  # "Israel drew criticism"; "the detention of X drew ..." is aimed at no X
        return source, [own] if own is not None and own.actor_id else _doers_named(subject, mentions)

    def _armament(self, noun: Token) -> bool:
        """Weapons and forces: what a phrase's owner fires, sends or deploys."""
        return self._of_families(noun, "weapon", "munition", "military")

    def _of_families(self, token: Token, *groups: str) -> bool:
        """Whether the word's lemma is in one of these ``sense_families.tsv`` groups."""
        lemma = token.lemma_.lower()
        return any(lemma in self.families[group] for group in groups)

    def _charged(self, head: Token) -> Token | None:
        """The accused in "accused two soldiers of murder", "charged him with fraud": they did what
        they are charged with, though the parser hangs the "of" on them ("[soldiers of murder]")."""
        prep = head.head
        if head.dep_ not in ("pobj", "pcomp") or prep.lower_ not in ("of", "with"):  # "of murder", "of bombing X"
            return None
        verb = prep.head.head if prep.head.dep_ == "dobj" else prep.head
        if verb.lemma_.lower() not in self.rules["charges_object"]:
            return None
        return next((c for c in _kids(verb) if c.dep_ == "dobj"), None)

    def _aimed_content(self, clause: Token, head: Token, kind: str) -> bool:
        """A that-clause whose subject the event is aimed at: who a demand or an accusation says must
        act or acted ("demanded that Russia withdraw"), who a concession lets act ("allowed X to
        hold rallies"), or who a warning says will pay for it ("warned
        that Taiwan would pay a heavy price", "a warning that Hanoi would suffer"; "warned that the
        economy would shrink" only forecasts). A clause opened by "because" is no content."""
        if self._opened_by_background(clause):
            return False
        told = clause.dep_ == "ccomp" or (head.pos_ == "NOUN" and _has_subject(clause))  # "allegations that X took"
        if kind in self.rules["content_subject_is_target"]:
            return told or _for_to(clause)  # "demanded that Russia", "called for Syria to withdraw"
        if kind in self.rules["infinitive_subject_is_target"]:
            return clause.dep_ == "ccomp" and infinitive(clause)  # "allowed inspectors to install"
        return told and kind in self.rules["warns_of_consequence"] and clause.lemma_.lower() in self.rules["consequence_verb"]

    def _low_agent(self, prep: Token, head: Token, mentions) -> list[Mention]:
        """"the attack on the embassy by militiamen": the parser hangs a noun event's "by" on the actor
        it acts on; the doer is the event's ("an inquiry into an allegation by X": the allegation's)."""
        if head.pos_ != "NOUN":
            return []
        acted_on = [obj for obj in _kids(prep) if obj.dep_ == "pobj" and obj.lemma_.lower() not in self.lexicon.nouns
                    and getattr(mentions.get(obj.idx), "actor_id", None)]  # itself an actor, not "violations by X"
        return [m for obj in acted_on for by in _kids(obj) if by.dep_ == "prep" and by.lower_ == "by"
                for m in objects_of(by, mentions)]

    def _victims(self, head: Token, mentions) -> list[Mention]:
        """Whom an attack's result participle names ("shelled the town, wounding three soldiers"), or
        the enemy its purpose is to drive off ("counter-attacks to drive the Iranians from ...")."""
        holders = [head, head.head] if head.dep_ == "dobj" else [head]  # "continued attacks to drive ..."
        clauses = [c for holder in holders for c in _kids(holder) if self._toll(c) or (
            c.dep_ == "advcl" and purpose_clause(c) and not _has_subject(c) and c.lemma_.lower() in self.rules["dislodge_verb"])]
        return [m for clause in clauses for obj in _kids(clause) if obj.dep_ == "dobj" for m in actors_of(obj, mentions)]

    def _scene_of(self, item: Found, owner: dict[int, Found]) -> str | None:
        """Where the event happened; for a toll, where the event it tells the toll of did
        ("crossed into southern Israel, killing hundreds")."""
        head = item.span.root
        above = owner.get(head.head.i) if self._toll(head) else None
        return item.event.location or (above.event.location if above is not None else None)

    def _toll(self, clause: Token) -> bool:
        """"..., killing 12": a subjectless participle telling what the event above it did."""
        return _subjectless_participle(clause) and clause.lemma_.lower() in self.rules["result_participle"]

    def _across_frontier(self, children: list[Token], mentions) -> list[Mention]:
        """"deployed troops along the border with Pakistan", "massed troops on the Afghan frontier": the
        state across it (the parser often hangs "with X" on the verb, after the border's phrase)."""
        for prep in children:
            border = next((o for o in _kids(prep) if o.dep_ == "pobj" and o.lemma_.lower() in self.rules["frontier_noun"]), None)
            if prep.dep_ != "prep" or border is None:
                continue
            after = [c for c in children if c.dep_ == "prep" and c.lower_ == "with" and c.i == border.right_edge.i + 1]
            withs = [c for c in _kids(border) if c.dep_ == "prep" and c.lower_ == "with"] + after
            return [m for w in withs for m in objects_of(w, mentions)] or actors_of(border, mentions)
        return []

    def _place_left(self, child: Token, target_preps: set[str], mentions) -> list[Mention]:
        """The target a moved object's own preposition names ("withdrew troops from Syria", "the
        pullout of troops from Mali"), when the parser hangs it on the object, not the event; or the
        place itself, for a verb with no target preposition ("troops left Lebanon")."""
        if child.dep_ == "prep" and child.lower_ == "of":
            child = next((c for c in _kids(child) if c.dep_ == "pobj"), child)
        elif child.dep_ not in OBJECT_DEPS:
            return []
        elif not target_preps:  # "the last troops left Lebanon": the place itself, not "put its forces on alert"
            return actors_of(child, mentions) if child.pos_ == "PROPN" else []
        return [m for c in _kids(child) if c.dep_ == "prep" and c.lower_ in target_preps for m in objects_of(c, mentions)]

    def _support_verb_args(self, head: Token, own: set[int]) -> list[Token]:
        """"X held a rally in Cairo against Y": a support verb's subject and prepositions are its noun's."""
        noun = _amount_of(head.head if head.dep_ == "compound" else head)  # "a mediation bid", "$5 million in aid"
        verb = noun.head
        if self._response_with(noun):
            verb = verb.head  # "Israel responded with air strikes on Lebanon": the strikes are Israel's
        elif head.pos_ == "NOUN" and noun.dep_ == "oprd":  # "declared X persona non grata": X is the object
            return [c for c in _kids(verb) if c.dep_ in SUBJECT_DEPS or c.dep_ == "dobj"]
        elif self._channel(head):  # "told Putin in a phone call": the speaker and whom they told
            return [c for c in _kids(verb.head) if c.dep_ in SUBJECT_DEPS or c.dep_ in ("dobj", "dative")]
        elif head.pos_ != "NOUN" or noun.dep_ != "dobj" or verb.lemma_.lower() not in self.rules["support_verb"]:
            return []
        return [c for c in _kids(verb) if c.i not in own and c.i != noun.i
                and (c.dep_ in SUBJECT_DEPS or c.dep_ in ("prep", "agent", "dative", "nsubjpass"))]  # "gave Tanzania a grant"

    def _channel(self, head: Token) -> bool:
        """A meeting a verb's act was done in: "told Putin in a phone call", "said during talks with X";
        not one force was used in ("arrested two activists during a meeting")."""
        prep, verb = head.head, head.head.head
        force = {t.type.lower() for t in self.lexicon.verbs.get(verb.lemma_.lower(), ())} & self.rules["channel_done_to"]
        return (head.dep_ == "pobj" and head.lemma_.lower() in self.rules["channel_noun"]
                and prep.lower_ in self.rules["channel_prep"] and verb.pos_ == "VERB" and not force)

    def _response_with(self, noun: Token) -> bool:
        """"responded with air strikes", "retaliated with sanctions": the noun is the response itself."""
        prep = noun.head
        return noun.dep_ == "pobj" and prep.lower_ == "with" and prep.head.lemma_.lower() in self.rules["response_verb"]

    def _support_participle_args(self, noun: Token) -> list[Token]:
        """"the sanctions imposed on Iraq by the UN", "aid given to Chad", "the sanctions Reagan
        imposed on Japan": a support participle's or relative clause's subject, prepositions and
        agent are its noun's."""
        # the tagger may call the participle past tense ("sanctions announced last week against X")
        return [c for verb in _kids(noun) if verb.lemma_.lower() in self.rules["support_verb"] and (
                    verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and not _has_subject(verb)
                    or verb.dep_ == "relcl" and not _has_object(verb))
                for c in _kids(verb) if c.dep_ in ("prep", "agent", "dative") or c.dep_ in SUBJECT_DEPS]

    def _through_object(self, obj: Token, mentions) -> list[Mention]:
        """The target an object that names nobody points to: "boycott all contact with the United States",
        "suspended part of an aid programme for Bosnia", "a camp for Congolese refugees was attacked"."""
        preps = self.rules["object_target_prep"]
        for _ in range(MAX_CLIMB):
            kids = [c for c in _kids(obj) if c.dep_ == "prep"]
            found = [m for c in kids if c.lower_ in preps for m in objects_of(c, mentions)]
            found += [m for c in _kids(obj) if c.dep_ == "acl" and c.lemma_.lower() in self.rules["carrier_verb"]
                      for o in _kids(c) if o.dep_ == "dobj" for m in actors_of(o, mentions)]  # "a plane carrying Red Cross staff"
            found += [m for c in _kids(obj) if c.dep_ == "acl" and infinitive(c) for t in c.subtree  # "agreements to
                      if t.dep_ == "prep" and t.lower_ == "with" for m in objects_of(t, mentions)]  # normalise ties with Israel"
            of = next((c for c in kids if c.lower_ == "of"), None)
            if found or of is None:
                return found
            obj = next((c for c in _kids(of) if c.dep_ == "pobj"), None)
            if obj is None:
                return []
        return []

    def _unwilling(self, item: Found, heads: set[int]) -> bool:
        """"Kyiv is not ready to negotiate", "not willing to resume talks", "unwilling to": a cooperation
        its actor says it will not take up is refused (CAMEO 12), as readiness is offered."""
        clause = self._clause_of(item.span.root, heads)
        return (((item.event.modality == "negated" and self._willing(clause)) or self._averse(clause))
                and item.event.quad_class in (1, 2)
                and not any(c.lower_ in self.words["not_yet"] for t in (clause.head, clause.head.head)
                            for c in _kids(t)))  # "not yet ready": later, perhaps

    def _averse(self, clause: Token) -> bool:
        """"unwilling to negotiate", "reluctant to send troops": an act its actor is against doing."""
        return clause.dep_ == "xcomp" and clause.head.lower_ in self.words["unwillingness"]

    def _refusal(self, item: Found) -> bool:
        """A cooperative event its own actor declines: negated by the clause itself, not denied by
        someone; talks only when the refusal is announced ("will not hold talks", CAMEO 125), as a
        meeting that did not take place was not refused."""
        kind = item.event.type.lower()
        if item.event.modality != "negated" or kind not in self.rules["refusal_as_reject"] | self.rules["announced_refusal"]:
            return False
        if kind in self.rules["refusal_needs_party"] and not item.event.target:
            return False  # "would never approve any illegal action": a stance, no one refused
        chain = list(_clause_chain(item.span.root))
        if kind not in self.rules["refusal_as_reject"] and not any(
                c.dep_ == "aux" and c.lower_ in self.words["announced_future"] for t in chain for c in _kids(t)):
            return False
        # denied by someone, or an end refused ("will never stop supporting Ukraine"): no refusal
        undoing = self.words["denial_verbs"] | self.words["cessation_verbs"]
        return not any(t.lemma_.lower() in undoing for t in chain[1:])

    def _modality(self, head: Token, kind: str) -> str:
        modality = self._clause_modality(head, kind)
        if modality == "negated" and self._said_of_it(head):
            return self._own_modality(head)  # "the raid is not linked to the probe": the raid took place
        return modality

    def _said_of_it(self, head: Token) -> bool:
        """A noun event that is the subject of a predicate saying something of it, not whether it
        happened: a copula ("the talks were not productive"), an act with an object of its own ("the
        attack did not kill anyone") or a relation ("the raid is not linked to the probe"). "The
        summit did not take place", "the accord was not signed" and "no talks were held" say it did not."""
        noun = phrase_head(head) if head.pos_ in ("NOUN", "PROPN") else None
        if noun is None or noun.dep_ not in ("nsubj", "nsubjpass") or any(
                c.dep_ == "neg" or c.lower_ in self.words["negation"] for c in _kids(noun)):
            return False
        predicate = noun.head
        lemma = predicate.lemma_.lower()
        return lemma not in self.words["occurrence_verbs"] and (
            lemma == "be" or lemma in self.words["relation_verbs"] or any(c.dep_ == "dobj" for c in _kids(predicate)))

    def _clause_modality(self, head: Token, kind: str) -> str:
        """The strongest marker on the trigger or the clauses that govern it."""
        words = self.words
        noun = phrase_head(head) if head.pos_ in ("NOUN", "PROPN") else None
        if noun is not None and noun.dep_ in ("dobj", "nsubjpass") and kind.lower() in words["claim_types"] and (
                noun.head.lemma_.lower() in words["denial_verbs"]):
            return "asserted"  # "dismissed Sanders' accusations": the accusations were made
        if noun is not None and (self._told_in_passing(noun) or self._conceded(head)):
            return self._own_modality(head)  # "did not comment on Moscow's accusations": they were made
        result = False  # above a result participle ("rejected the plan, prompting NATO to threaten him")
        for token in _clause_chain(head):
            deps = list(_kids(token))
            if result:  # what the clause above denies or fails at is not its consequence; its tense still counts
                deps = [c for c in deps if c.dep_ in ("aux", "auxpass")]
            if token.i == head.i and _shares_auxiliaries(head):  # "did not attack or invade": both negated
                deps += [c for c in _kids(head.head) if c.dep_ in ("neg", "aux", "auxpass")]
            if token.i == head.i and head.dep_ == "conj":  # "neither accepts nor recognises": the parser
                deps += [c for c in _kids(head.head) if c.dep_ == "cc" and c.lower_ == "nor"]  # hangs "nor" on the first
            if token.i == head.i:  # "sent no troops", "no talks were held": the object's "no" negates the act
                deps += [d for c in deps if c.dep_ in ("dobj", "nsubjpass") for d in _kids(c) if d.dep_ == "det"]
                deps += [d for c in deps if c.dep_ in SUBJECT_DEPS for d in _kids(c) if d.dep_ == "preconj"]  # "neither X nor Y"
            # a negating preposition negates what it holds: "left without signing" (signing is
            # negated), not the verb it hangs on ("detained them without trial": they were detained)
            negated = any(c.dep_ == "neg" or (c.lower_ in words["negation"] and (c.dep_ != "prep" or c.is_ancestor(head)))
                          or (c.lower_ in words["negated_by_no"] and any(g.lower_ == "no" for g in _kids(c)))  # "no longer"
                          for c in deps)
            if negated and not (token.i != head.i and token.lemma_.lower() in words["negated_reluctance"]):
                return "negated"  # but "will not hesitate to use force" will use it
            if token.i == head.i and any(c.dep_ in SUBJECT_DEPS and c.lower_ in words["negative_subject"] for c in deps):
                return "negated"  # "none of them will support X"; "nobody expected X to invade" is X's act
            if any(c.lower_ in words["not_yet"] for c in deps) and any(c.dep_ == "xcomp" for c in deps):
                return "negated"  # "has yet to apologize"
            lemmas = {c.lower_ for c in deps if c.dep_ in ("aux", "auxpass", "advmod", "mark")}
            if lemmas & words["allegation_adverbs"]:
                return "alleged"  # "rebels allegedly killed 40 villagers"
            if lemmas & (words["hypothetical"] - words["reported_future"]) or (
                lemmas & words["reported_future"] and not self._reported(token)
            ):
                return "hypothetical"
            if lemmas & words["future"] or (lemmas & words["reported_future"] and self._reported(token)):
                return "future"
            if token.i != head.i and not result:
                lemma = token.lemma_.lower()
                if lemma in words["denial_verbs"] or lemma in words["failure_verbs"] or lemma in words["cancellation_verbs"]:
                    return "negated"
                if lemma in words["short_of_verbs"] and any(c.lower_ == "short" for c in deps):
                    return "negated"  # "stopped short of calling for sanctions", "fell short of recognising"
                if lemma in words["postponement_verbs"]:
                    return "hypothetical"  # put off: may still happen, and no intention announced
                if lemma in words["allegation_verbs"]:
                    return "alleged"
                if lemma in words["future_verbs"]:
                    return "future"
                if lemma in words["speculation_verbs"] or lemma in words["request_verbs"]:
                    return "hypothetical"
            # above a result participle only its tense counts; its own verb does ("..., accusing X of ...")
            result = result or (token.dep_ == "advcl" and token.tag_ == "VBG" and token.i > token.head.i)
            if token.dep_ == "advcl" and self._opened_by_background(token):
                break  # "vowed revenge after X burned Y": what came before has its own mood
        modifiers = {c.lower_ for c in _kids(head) if c.dep_ == "amod"}
        for kind, modality in (("allegation_modifiers", "alleged"), ("hypothetical_modifiers", "hypothetical"),
                               ("future_modifiers", "future")):
            if modifiers & words[kind]:
                return modality  # "the alleged raid", "a possible attack", "the planned visit"
        return "asserted"

    def _told_in_passing(self, noun: Token) -> bool:
        """A noun event that names its own doer ("Moscow's accusations") under a verb that is no event
        and holds none ("have not commented on ..."): that verb's negation or mood is not the event's."""
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        return (noun.dep_ in ("pobj", "dobj") and verb.pos_ == "VERB" and any(c.dep_ == "poss" for c in _kids(noun))
                and verb.lemma_.lower() not in self.lexicon.verbs and verb.lemma_.lower() not in self.rules["support_verb"])

    def _conceded(self, noun: Token) -> bool:
        """A noun event after "despite" or "in spite of": the clause's negation or mood is not its own."""
        prep = noun.head
        words = self.words["concessive_prep"]
        return noun.dep_ == "pobj" and (prep.lower_ in words or prep.lower_ == "of" and prep.head.lower_ in words)

    def _own_modality(self, noun: Token) -> str:
        alleged = any(c.lower_ in self.words["allegation_modifiers"] for c in _kids(noun) if c.dep_ == "amod")
        return "alleged" if alleged else "asserted"

    def _reported_would(self, head: Token) -> bool:
        """"A spokesman said X would hold talks": "would" in a clause a speech verb reports, on no condition."""
        clause = _told_by(head) or head  # "would hold talks"
        kids = list(_kids(clause))
        return (clause.dep_ == "ccomp" and clause.head.lemma_.lower() in self.words["speech_verbs"]
                and any(c.dep_ == "aux" and c.lower_ in self.words["reported_future"] for c in kids)
                and not self._conditions(clause))

    def _reported(self, clause: Token) -> bool:
        """A speaker's own plan in a that-clause of a neutral speech verb: "X announced (that) it would withdraw".

        The clause's subject is a pronoun standing for the speaker, or anyone after an announcing
        verb; "X said Y would attack" is X's forecast, not Y's declared intention.
        """
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in self.words["speech_verbs"]:
            return False
        return clause.head.lemma_.lower() in self.words["announcing_verbs"] or any(
            c.dep_ in SUBJECT_DEPS and c.tag_ == "PRP" for c in _kids(clause))


def _sentence_index(doc: Doc) -> list[Span]:
    """Token index -> its sentence, built once: ``token.sent`` walks the sentence on every call."""
    index: list[Span] = []
    for sentence in doc.sents:
        index += [sentence] * len(sentence)
    return index


def _depth(token: Token) -> int:
    """How many heads above the token, up to its sentence's root (bounded: long sentences stay linear)."""
    depth = 0
    while token.head.i != token.i and depth < MAX_CLIMB:
        token, depth = token.head, depth + 1
    return depth


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
    match = _dependents_match([token], lemmas[1:]) if token.pos_ == "VERB" else None
    if match and any(t.pos_ == "ADP" and dates(t) for t in match):
        return None  # "called Bush on Friday" is no "call on"
    return match


def _dependents_match(found: list[Token], lemmas: list[str]) -> list[Token] | None:
    """Each further word a dependent of one already found, trying the first few such dependents
    ("vowed to bring them to justice": the infinitive's "to" is not the phrase's). Children only,
    never the whole subtree, and a few tries a word, so a very long sentence costs no more per verb
    than a short one."""
    if not lemmas:
        return found
    candidates = (c for f in found for c in _kids(f) if c.lemma_.lower() == lemmas[0] and c not in found)
    for child in islice(candidates, PHRASE_TRIES):
        match = _dependents_match(found + [child], lemmas[1:])
        if match:
            return match
    return None


def _in_what_clause_says(token: Token, clause: Token) -> bool:
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
    "Industry" in "Trade and Industry Minister Ana Ruiz" is part of a person's title."""
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
        noun_list = token.dep_ == "conj" and token.pos_ in ("NOUN", "PROPN")  # "a pact of trade and cooperation"
        if token.head.i == token.i or (token.dep_ in CLAUSE_EDGES and not noun_list):
            return None
        token = token.head
        governor = owner.get(token.i)
        if governor is not None and governor is not item:
            return governor
        if token.pos_ in ("VERB", "AUX"):
            return None
    return None


def _business(code: str) -> bool:
    """A company's code: USABUS, a bare BUS, a multinational (MNC); not a state bank (JPNGOVBUS) or
    an IGO whose identity block says BUS (IGOBUSIMF, the IMF)."""
    return code.startswith(("BUS", "MNC")) or (code[:3] not in IDENTITY_PREFIXES and code[3:6] == "BUS")


def _describes_name(token: Token) -> bool:
    """"its joint venture Maruti Udyog Ltd", "DD Corp., a partnership of two firms": a noun in
    apposition with a company's name says what the company is, not what happened."""
    partners = [c for c in _kids(token) if c.dep_ == "appos"] + ([token.head] if token.dep_ == "appos" else [])
    words = load_org_words()
    return any(p.pos_ == "PROPN" and any(words.company_word(t.text) for t in _kids(p) + [p]) for p in partners)


def _is_modifier_noun(token: Token) -> bool:
    """"missile" in "missile test" is not itself an event; "test" is. But in "a mediation mission"
    the head only holds the event (``container_noun``)."""
    return token.dep_ == "compound" and token.head.lemma_.lower() not in load_word_sets("event_rules.tsv")["container_noun"]


def _clause_chain(head: Token) -> Iterable[Token]:
    """The trigger, then the verbs (and nouns of intent or claim: "a plan to ...", "claims that ...")
    that govern it, up to the sentence root or a relative clause's edge."""
    token = head
    yield token
    for _ in range(2 * MAX_CLIMB):
        # a relative clause has its own tense: "will release the men, whom they had taken hostage"
        if token.head.i == token.i or token.dep_ == "relcl" or _misattached_conjunct(token):
            return
        coordinated = token.dep_ == "conj"
        # "a plan to withdraw", "no intention to attack", "the possibility of talks": the noun whose
        # infinitive or "of" complement it is governs its mood
        content = (token.dep_ == "acl" and infinitive(token)) or (token.dep_ == "prep" and token.lower_ == "of") or (
            token.dep_ in ("acl", "ccomp") and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children))
        token = token.head
        # "deny X but vowed Y": the first conjunct does not govern the second
        if (token.pos_ in ("VERB", "AUX") or (content and token.pos_ == "NOUN")) and not coordinated:
            yield token


def _on_each_other(verb: Token) -> bool:
    """"accused each other", "expelled each other's envoys", "blamed one another": the doers act on each other."""
    words = [w for c in _kids(verb) if c.dep_ in ("dobj", "prep") for w in (c, *_kids(c))]
    words += [w for c in words if c.dep_ == "dobj" for w in _kids(c) if w.dep_ == "poss"]
    return any({t.lower_ for t in w.subtree} >= pair for w in words for pair in ({"each", "other"}, {"one", "another"}))


def _two_parties(event: Event, doc: Doc) -> tuple[list[str], list[str]] | None:
    """The two sides of an agreement: doers of two states ("X and Y agreed to ..."), else a doer and a target."""
    state = {a.id: a.country or a.id for a in get_list(doc, "dyad_actors")}
    if len({state.get(a, a) for a in event.source}) == 2:
        return event.source[:], []
    return (event.source[:], event.target[:]) if len({state.get(a, a) for a in event.source + event.target}) == 2 else None


def _clause_conjuncts(clause: Token) -> list[Token]:
    """The clauses conjoined to this one ("said X shelled the town and seized the bridge"), but
    not an adverbial clause the parser hangs as a conjunct ("..., a day after X struck")."""
    return [c for c in clause.subtree if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
            and c.head.pos_ in ("VERB", "AUX") and not any(k.dep_ == "mark" for k in _kids(c))
            and first_conjunct(c).i == clause.i]


def _subjectless_participle(clause: Token) -> bool:
    """"..., killing 12", "..., firing missiles at X": a participle clause that tells more of the act above it."""
    return clause.dep_ == "advcl" and clause.tag_ == "VBG" and not _has_subject(clause)


def _told_before(clause: Token, owner: dict) -> list:
    """The events of the clause a participle hangs on, up to the participle's comma."""
    return [owner[i] for i in range(clause.head.left_edge.i, clause.left_edge.i) if i in owner]


def _shares_auxiliaries(verb: Token) -> bool:
    """A second verb with no subject or auxiliary of its own shares the first one's ("did not attack
    or invade"); one with its own tense does not ("deny X but vowed Y")."""
    return (verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.tag_ == verb.head.tag_
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for c in _kids(verb)))


def _shares_passive(verb: Token, done_to: frozenset[str]) -> bool:
    """"was detained by police and expelled": a bare second verb of things done to people
    (``done_to``), with no object, shares the first one's passive, whether the tagger reads it as a
    participle or a past tense ("were detained and protested": the detainees protest)."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBN", "VBD") or verb.lemma_.lower() not in done_to:
        return False
    own = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "dobj", "prt"}
    return any(c.dep_ == "auxpass" for c in _kids(verb.head)) and not any(c.dep_ in own for c in _kids(verb))


def _misattached_conjunct(token: Token) -> bool:
    """"will not allow Iran to use missiles to choke off shipments and offered its warships": the
    parser hangs the finite "offered" on the infinitive "choke"; it governs nothing of the chain."""
    head = token.head
    return (token.dep_ == "conj" and token.tag_ in ("VBD", "VBZ", "VBP")
            and head.tag_ == "VB" and infinitive(head))


def _location(head: Token, own: set[int], trigger: Trigger) -> str | None:
    """Where the event happened: a place its own words govern ("arrived in Moscow", "visited Pyongyang").

    A direct object is a place only for visits and attacks ("shelled Homs", "captured Sirte"):
    "accused Moscow" names a target, not a location.
    """
    place_objects = ("pobj", "npadvmod", "dobj") if trigger.mode == "visit" or trigger.type == "ASSAULT" else ("pobj", "npadvmod")
    doc = head.doc
    candidates = [c for i in sorted(own) for c in _kids(doc[i])]
    # "suspended aid flights in Kandahar": the place may hang on the object the phrase shares
    candidates += [c for obj in list(candidates) if obj.dep_ == "dobj" and obj.i not in own for c in _kids(obj)]
    for child in candidates:  # "in Kabul"; "(took to) the streets of Berlin": the place a part belongs to;
        # "tore through the hall at Brussels airport": where the place is
        if child.dep_ == "prep" and (child.lower_ in LOCATION_PREPS or part_of_place(child)):
            objects = [obj for obj in _kids(child) if obj.dep_ == "pobj"]
            physical = child.lower_ in PHYSICAL_PREPS or (child.lower_ == "on" and trigger.type == "ASSAULT")  # "bombs on targets in X"
            candidates += objects + [p for o in objects for p in _kids(o) if p.dep_ == "prep" and (
                part_of_place(p) or (physical and p.lower_ in LOCATION_PREPS))]
    for token in candidates:
        if token.dep_ in place_objects:
            # "in Abkhazia province", "in the Kandahar region": the name modifies the place word
            named = [token] + [c for c in _kids(token) if c.dep_ == "compound"]
            place = next((p for p in (place_at(doc, t.idx) for t in named) if p is not None), None)
            if place is not None:
                return place
    return None


def _told_in_sentence(item: Found, told: list[Told]) -> list[Told]:
    """The events of the document told in the item's sentence."""
    sentence = item.span.root.sent
    return [act for act in told if sentence.start <= act.start < sentence.end]


def _restore(event: Event, told: Event | None) -> None:
    """Give the event back the type a convention took from it."""
    if told is not None:
        event.type, event.mode, event.quad_class = told.type, told.mode, told.quad_class
        event.cameo, event.goldstein = told.cameo, told.goldstein


def _recode(event: Event, type_name: str) -> None:
    """Give the event another PLOVER type, with that type's default CAMEO code and Goldstein value."""
    ptype = plover_type(type_name)
    cameo = cameo_entry(ptype.default_cameo) if ptype.default_cameo else None
    event.type, event.mode, event.quad_class = ptype.name, None, ptype.quad_class
    event.cameo, event.goldstein = ptype.default_cameo, cameo.goldstein if cameo else None


def _describes_place(clause: Token) -> bool:
    """"the province, where dozens were killed": a relative clause that says what a place has seen,
    with no doer; "Gaza, where troops attacked militants" reports an act."""
    kids = list(_kids(clause))
    return any(c.lower_ == "where" for c in kids) and not any(c.dep_ == "nsubj" for c in kids)


def _with_object(word: Token) -> list[Token]:
    """A verb with its objects: the parser hangs a noun's preposition on the verb ("closed its probe
    into X", "took part in protests")."""
    return [word, *(c for c in _kids(word) if c.dep_ == "dobj")] if word.pos_ == "VERB" else [word]


def _content_head(head: Token, by_head: Container[int]) -> Token:
    """The complement that holds an event, up a chain of infinitives that are no events themselves
    ("appealed to X to help prevent Y from trying to block Z": "trying" and, were they no events,
    "prevent" and "help"), so that the event above the chain governs it."""
    for _ in range(MAX_CLIMB):
        verb = head.head
        if head.dep_ == "pcomp" and verb.dep_ == "prep":  # "from trying": through the preposition
            verb = verb.head
        elif head.dep_ != "xcomp":
            return head
        if verb.i in by_head or verb.i == head.i or verb.dep_ not in ("xcomp", "pcomp"):
            return head
        head = verb
    return head


def _gapped_objects(verb: Token) -> list[Token]:
    """A verb's second object with the verb left out ("met the king on Tuesday and the president on
    Wednesday"), which the parser coordinates with the verb or with the first object's date."""
    if not any(c.dep_ == "dobj" for c in _kids(verb)):
        return []
    dates = [o for p in _kids(verb) if p.dep_ == "prep" for o in _kids(p) if o.dep_ == "pobj" and o.ent_type_ == "DATE"]
    return [c for holder in (verb, *dates) for c in _kids(holder) if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")
            and c.ent_type_ != "DATE" and not any(k.dep_ in SUBJECT_DEPS for k in _kids(c)) and not _subject_of_next(c)]


def _subject_of_next(noun: Token) -> bool:
    """"... on Monday and Ukraine protested": a noun right before a verb is that verb's subject,
    however the parser hangs it."""
    after = noun.right_edge.i + 1
    return after < len(noun.doc) and noun.doc[after].pos_ in ("VERB", "AUX")


def _amount_of(noun: Token) -> Token:
    """"gave Chad $5 million in aid": the amount a noun event measures stands in its place."""
    prep = noun.head
    amount = prep.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or amount.pos_ not in ("NOUN", "NUM", "SYM"):
        return noun
    counted = amount.like_num or any(c.like_num for c in amount.subtree if c.i < amount.i)  # "$5 million", "billions"
    return amount if counted else noun


def _for_to(clause: Token) -> bool:
    """An infinitive with its own subject after "for": "called for Syria to withdraw"."""
    kids = list(_kids(clause))
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in kids) and any(c.dep_ == "nsubj" for c in kids)


def _not_of_state(mentions: list[Mention], of: list[Mention], doc: Doc) -> list[Mention]:
    """The mentions whose actors are of no state the actors of ``of`` belong to."""
    countries = {a.id: a.country for a in get_list(doc, "dyad_actors")}
    states = {countries.get(m.actor_id) for m in of} - {None}
    return [m for m in mentions if countries.get(m.actor_id) not in states]


def _content_doers(clause: Token, mentions) -> list[Mention]:
    """Who a that-clause says acts: its subject, or a passive's agent ("alleged that the raids were
    planned by X")."""
    subjects = [m for c in _kids(clause) if c.dep_ in SUBJECT_DEPS for m in actors_of(c, mentions)]
    return subjects or [m for c in _kids(clause) if c.dep_ == "agent" for m in objects_of(c, mentions)]


def _asked_of_actor(verb: Token, mentions) -> bool:
    """"wants Japan to open its markets": an infinitive whose doer (its own subject, or the verb's
    object) is an actor; "wants to open" has none of its own."""
    for clause in _kids(verb):
        if clause.dep_ in ("ccomp", "xcomp") and infinitive(clause):
            doers = [c for c in _kids(clause) if c.dep_ == "nsubj"] or [c for c in _kids(verb) if c.dep_ == "dobj"]
            if any(actors_of(d, mentions) for d in doers):
                return True
    return False


def _mandative(verb: Token) -> bool:
    """"that Israel withdraw", "that both sides halt the fighting": the bare verb of a demand. A
    statement backshifts or has a copula or auxiliary ("that he had", "that the generals are loyal")."""
    kids = _kids(verb)
    if any(c.dep_ == "aux" for c in kids):
        return False  # "that talks will be held", "that they don't understand"
    if verb.tag_ == "VB" or any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in kids):
        return True  # "that Israel withdraw", "that new talks be held"
    return verb.tag_ == "VBP" and verb.lemma_ not in ("be", "have", "do") and not any(c.dep_ == "auxpass" for c in kids)


def _standing(clause: Token, stance_verbs: frozenset[str]) -> bool:
    """"a leader, who has vowed never to cede the islands", "migrants, whom the mayor holds
    responsible": a relative clause in the present, or in the present perfect of a word of stance, says
    what someone stands for, not what happened ("rebels, who have attacked three villages" did)."""
    kids = _kids(clause)
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "would", "'ll", "had", "'d") for c in kids):
        return False
    if any(t.ent_type_ in ("DATE", "TIME") for c in kids if c.dep_ in ("npadvmod", "prep") for t in c.subtree):
        return False  # "which rebels have besieged since March": dated, so news
    perfect = any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lemma_ == "have" for c in kids)
    return clause.tag_ in ("VBZ", "VBP") or (perfect and clause.lemma_.lower() in stance_verbs)


def _sector(code: str, sector_only: bool) -> str:
    """The (first) sector of a code: "MIL" of ISRMIL, of a bare MIL and of a KENMIL whose country
    was only inferred."""
    bare = sector_only and code[:3] in load_gazetteer().sectors
    return (code[:3] if bare else code[3:6]).lower()


def _past_tense(head: Token) -> bool:
    """A verb told in the past ("met", "has met", "was met"): a later date is a misread one. A noun
    event is told in the tense of the verb it is the object of ("held talks"), else in none."""
    verb = _told_by(head)
    if verb is None:
        return False
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in _kids(verb)) or any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in _kids(verb))


def _past_perfect(clause: Token) -> bool:
    return clause.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in _kids(clause))


def _doers_named(noun: Token, mentions) -> list[Mention]:
    """Who did what an event noun names, never to whom: "X's raid", "the Serb attack", "the raid by X"."""
    found = [m for c in _kids(noun) if c.dep_ in ("poss", "compound", "amod", "nmod") for m in actors_of(c, mentions)]
    return found + _agents_named(noun, mentions)


def _agents_named(noun: Token, mentions) -> list[Mention]:
    """Who a noun's "by" phrase names: "the raid by X", "the bombing of its ports by Iraq" (the parser
    hangs the noun's "by" on its "of" object, or on the verb whose object the noun is)."""
    nouns = [noun] + [o for p in _kids(noun) if p.dep_ == "prep" and p.lower_ == "of" for o in _kids(p) if o.dep_ == "pobj"]
    by = [c for n in nouns for c in _kids(n) if c.dep_ == "prep" and c.lower_ == "by"] + _stray_by(noun)
    # "the declaration signed by X", "the sanctions imposed by X": a participle's agent
    by += [a for c in _kids(noun) if c.dep_ == "acl" and c.tag_ == "VBN" for a in _kids(c) if a.dep_ == "agent"]
    return [m for c in by for m in objects_of(c, mentions)]


def _abbreviation(token: Token) -> bool:
    """"U.S.", "NATO", "UN": an abbreviation before a noun event names its doer, where a name names
    the place ("the Lebanon raid", "the Grenada invasion", "the Lima bombing")."""
    letters = [c for c in token.text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _stray_by(noun: Token) -> list[Token]:
    """"condemned the invasion of Kuwait by Iraq": the parser hangs the noun's "by" on the active
    verb whose object it is; an active verb has no agent of its own."""
    verb = noun.head
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or any(c.dep_ == "auxpass" for c in _kids(verb)):
        return []
    return [c for c in _kids(verb) if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i]


def _second_act(clause: Token, mentions, says_on_its_own: frozenset[str]) -> bool:
    """"Blair pledged support, warning Saddam that ...": a participle after the comma that acts on an
    actor, or that accuses whoever it names ("expelled the correspondent, accusing the broadcaster
    of lying") or says what it agrees to, is a second act of the sentence's doer, not the
    circumstance of the first; one that accuses an actor needs no comma ("filed a case on Friday
    accusing Israel of ...")."""
    if not (clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.i > clause.head.i):
        return False
    comma = clause.left_edge.i > 0 and clause.doc[clause.left_edge.i - 1].text == ","
    says = clause.lemma_.lower() in says_on_its_own
    objects = [c for c in _kids(clause) if c.dep_ == "dobj"]
    acts_on_actor = any(actors_of(c, mentions) for c in objects)
    content = [c for c in _kids(clause) if c.dep_ in ("xcomp", "ccomp")]  # "..., agreeing to exchange prisoners"
    return (acts_on_actor and (comma or says)) or (comma and says and bool(objects or content))


def _same_state(event: Event, codes: dict[str, str], sector_only: set[str]) -> bool:
    """Every target of the event is one of its doers under another name, or their state itself
    ("Putin suspended Moscow's participation": RUSGOV both). Only doers the text gives a state count
    (not "the ministry announced duties on Japanese steel"); Colombia suspending talks with the ELN stays."""
    own = {codes.get(a, a) for a in event.source if a not in sector_only}
    states = {code[:3] for code in own}
    return bool(event.target) and all(codes.get(a, a) in own or codes.get(a, a) in states for a in event.target)


def _verb_above(token: Token) -> Token | None:
    """The verb whose clause the word is in."""
    for _ in range(MAX_CLIMB):
        if token.pos_ == "VERB" or token.head.i == token.i:
            break
        token = token.head
    return token if token.pos_ == "VERB" else None


def _states(ids: list[str], codes: dict[str, str]) -> set[str]:
    """The states (code prefixes) of these actors."""
    return {codes.get(a, a)[:3] for a in ids}


def _subordinate(token: Token) -> bool:
    """Inside an adverbial clause ("after Minsk freed prisoners")."""
    for _ in range(MAX_CLIMB):
        if token.head.i == token.i:
            return False
        if token.dep_ == "advcl":
            return True
        token = token.head
    return False


def _has_subject(clause: Token) -> bool:
    """A clause with a subject of its own, not a relative pronoun: "when Shoigu visited"."""
    return any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS and c.tag_ not in ("WDT", "WP") for c in _kids(clause))


def _told_by(head: Token) -> Token | None:
    """The verb an event is told with: its own, or the one a noun event is the object of ("held talks")."""
    return head if head.pos_ in ("VERB", "AUX") else head.head if head.dep_ == "dobj" else None


def _shared_object(verb: Token, kinds: set[str], mentions) -> list[Mention]:
    """"shot and killed two protesters": a verb with no object or clause of its own shares the object
    of the next verb of its coordination, one of the same kind (``kinds``, its lemmas of the
    trigger's type) with no subject or auxiliary of its own ("resigned and criticized X" does not);
    a verb whose preposition lacks its object shares it with any ("fired on and seized three ships")."""
    if any(c.dep_ in ("xcomp", "ccomp") for c in _kids(verb)):
        return []
    stranded = any(c.dep_ == "prep" and not any(o.dep_ == "pobj" for o in _kids(c)) for c in _kids(verb))
    return [m for c in _kids(verb) if c.dep_ == "conj" and (stranded or c.lemma_.lower() in kinds) and _shares_auxiliaries(c)
            for o in _kids(c) if o.dep_ == "dobj" for m in actors_of(o, mentions)]


def _has_object(clause: Token) -> bool:
    """A clause with an object of its own, not a relative pronoun: "which gave Chad aid"."""
    return any(c.dep_ in OBJECT_DEPS and c.tag_ not in ("WDT", "WP") for c in _kids(clause))


def _non_restrictive(clause: Token) -> bool:
    """"Chinese troops, who attacked ...": a relative clause set off by a comma adds a reported fact;
    a restrictive one ("a helicopter that was captured") only says which thing is meant."""
    first = clause.left_edge
    return first.i > 0 and clause.doc[first.i - 1].text == ","


def _confidence(event: Event, head: Token) -> float:
    score = 0.4 + (0.3 if event.source else 0) + (0.2 if event.target else 0)
    if head.pos_ != "VERB":
        score -= 0.1
    return round(min(score, 1.0), 2)


def _unique(ids: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(i for i in ids if i))


def _subject_actors(verb: Token, mentions, skip: Callable[[Token], bool] = lambda subject: False) -> list[str]:
    """The actor ids a verb's subjects name, each once (but for the subjects ``skip`` rules out)."""
    return _unique(m.actor_id for c in _kids(verb) if c.dep_ in SUBJECT_DEPS and not skip(c)
                   for m in actors_of(c, mentions))


@Language.factory("dyad_events", default_config={"require_actor": True})
def make_event_coder(nlp: Language, name: str, require_actor: bool) -> EventCoder:
    return EventCoder(nlp, name, require_actor)
