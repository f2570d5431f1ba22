"""Choosing among a lemma's trigger entries by context ("strike" the attack or the labour protest).

The rules are data: ``data/sense_cues.tsv`` says, for a lemma, which sense its context picks
(or ``-``: no event, "launched a new phone"), and ``data/sense_families.tsv`` holds the word
families the rules name (``@weapon``, ``@captive``). A lemma's rules are tried in file order and
the first whose conditions all hold wins; with no rule matching, the lexicon's first entry (the
usual news sense) stands.

Rule columns: ``lemma, pos, type, mode, cameo, target_preps, when, note``; ``when`` is
``otherwise`` or space-separated ``role=cue;cue`` conditions. A cue is a lemma, ``@family``,
``ent:LABEL`` (a spaCy entity label), ``actor:KIND`` (a word of a mention dyad_actors coded as
that kind of actor, whatever label the NER gave it: ``actor:person``; ``actor:igo`` for an
intergovernmental body), ``place:name`` (a word of a place name dyad_places found), ``*``
(anything at all in that role), ``none`` (nothing in that role: "killed" with no subject) or
``quoted`` (a participant in quotation marks: called him "a liar"). Roles:

- ``object``: direct object; a passive's subject; the noun a participle or relative clause
  modifies ("the prisoners released"); a noun trigger's ``of`` object and compounds.
- ``subject``: active subject or passive agent, else the subject of the verb it depends on
  ("workers decided to strike"); a noun trigger's possessor, ``by`` object, or the subject of
  the verb that governs it directly or through a preposition ("workers staged a strike", "took
  part in strikes").
- ``modifier``: the trigger's own compounds and adjectives ("general strike", "verbal attack").
- ``prep``: the trigger's prepositions and particles ("fired at", "ordered out").
- ``prep_object``: the objects of those prepositions.
- ``xcomp``: the verb of its infinitive complement and that verb's object ("vowed to fight").
- ``governor``: a noun trigger's head word, and the preposition it hangs on ("on strike"); the verb
  a verb's participle, conjunct or infinitive hangs on ("won the runoff, beating X", "was to blame").
- ``dep``: the trigger's own dependency label ("amod" for "Israeli-occupied").
- ``clause``: the verbs of the trigger's adverbial clauses and their subjects ("killed when the
  helicopter crashed", "killed as the storm moved on").
- ``complement``: what a verb calls its object ("called the plan a disaster", "called him divisive").
- ``object_head``: the object's own word only, none of its modifiers ("expelled 300 Palestinians",
  not "expelled the Soviet ambassador").
- ``party``: the entity labels anywhere in the objects and prepositional phrases ("banned imports
  of South African steel": ``ent:norp``).

Each participant word also contributes its compounds, adjectives, ``of`` object (an amount's ``in``
object: "$5 million in aid"), conjuncts and cargo ("ships carrying relief supplies"), so "ceasefire
agreement" is both ``agreement`` and ``ceasefire``.
"""

from __future__ import annotations

import csv
import weakref
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from dyad.nlp.lexicon import data_lines, load_word_sets
from dyad.nlp.parse import dates, infinitive
from dyad.nlp.quotes import CLOSERS, OPENERS
from dyad.ontology.triggers import Trigger

NO_EVENT = "-"
ANY = "*"
NOTHING = "none"
QUOTED = "quoted"
PLACE_NAME = "place:name"
QUOTE_MARKS = OPENERS | CLOSERS | {"``", "''"}  # and the tokenizer's typewriter quotes
ROLES = ("object", "object_head", "subject", "modifier", "prep", "prep_object", "xcomp", "governor", "dep", "clause",
         "complement", "party")
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}
AIMED_PREPS = {"at", "into", "towards", "toward", "against"}  # where something fired or sent was aimed
RELATIVE_WORDS = {"who", "whom", "which", "that"}
# a participant's own dependents that say what it is ("ceasefire agreement", "Soviet-made rockets")
DESCRIBING_DEPS = {"compound", "amod", "nmod"}


@dataclass(frozen=True)
class SenseRule:
    lemma: str
    pos: str  # VERB, NOUN
    type: str  # PLOVER type, or "-" for no event
    mode: str
    cameo: str
    target_preps: tuple[str, ...]
    when: tuple[tuple[str, frozenset[str]], ...]  # (role, cues); empty: "otherwise"
    note: str = ""

    @property
    def no_event(self) -> bool:
        return self.type == NO_EVENT

    def matches(self, context: dict[str, set[str]]) -> bool:
        return all(_cues_hit(cues, context.get(role, set())) for role, cues in self.when)


def _cues_hit(cues: frozenset[str], words: set[str]) -> bool:
    if NOTHING in cues:
        return not words
    return bool(words) if ANY in cues else bool(cues & words)


# -- loading -----------------------------------------------------------------


@cache
def load_sense_rules() -> dict[tuple[str, str], list[SenseRule]]:
    """(lemma, pos) -> rules in file order; families expanded to their words."""
    families = load_word_sets("sense_families.tsv")
    rules: dict[tuple[str, str], list[SenseRule]] = defaultdict(list)
    for row in csv.DictReader(data_lines("sense_cues.tsv"), delimiter="\t"):
        rule = SenseRule(
            lemma=row["lemma"].strip().lower(),
            pos=row["pos"].strip().upper(),
            type=row["type"].strip().upper(),
            mode=(row["mode"] or "").strip(),
            cameo=(row["cameo"] or "").strip(),
            target_preps=tuple(p for p in (row["target_preps"] or "").split(";") if p),
            when=_parse_when(row["when"], families),
            note=(row.get("note") or "").strip(),
        )
        rules[(rule.lemma, rule.pos)].append(rule)
    return dict(rules)


def _parse_when(text: str, families: dict[str, frozenset[str]]) -> tuple[tuple[str, frozenset[str]], ...]:
    text = text.strip()
    if text == "otherwise":
        return ()
    conditions = []
    for part in text.split():
        role, _, cues = part.partition("=")
        if role not in ROLES or not cues:
            raise ValueError(f"sense_cues.tsv: bad condition {part!r}")
        words: set[str] = set()
        for cue in cues.split(";"):
            if cue.startswith("@"):
                if cue[1:] not in families:
                    raise ValueError(f"sense_cues.tsv: unknown family {cue!r}")
                words |= families[cue[1:]]
            elif cue:
                words.add(cue.lower())
        conditions.append((role, frozenset(words)))
    return tuple(conditions)


# -- choosing ----------------------------------------------------------------


def choose_sense(token: Token, entries: list[Trigger], phrase: str | None = None) -> Trigger | None:
    """The entry that fits the trigger's context; the first (usual news sense) when no rule speaks.

    ``token`` is the trigger's head word; ``phrase`` names a multi-word trigger ("hand over"),
    whose rules are keyed by the whole phrase and the lexicon's part of speech.
    """
    if not entries:
        return None
    if phrase:
        pos = entries[0].pos
    else:
        pos = "VERB" if token.pos_ == "VERB" else "NOUN"
    rules = load_sense_rules().get((phrase or token.lemma_.lower(), pos))
    if not rules:
        return entries[0]
    context = sense_context(token, with_party=any(role == "party" for r in rules for role, _ in r.when))
    rule = next((r for r in rules if r.matches(context)), None)
    if rule is None:
        return entries[0]
    return None if rule.no_event else _trigger_for(rule, entries)


def _trigger_for(rule: SenseRule, entries: list[Trigger]) -> Trigger:
    """The lexicon's entry for the rule's sense, or a new one when the lexicon lists no such sense."""
    same = [e for e in entries if e.type == rule.type and (not rule.mode or e.mode == rule.mode)]
    if same and (not rule.cameo or same[0].cameo == rule.cameo):
        return same[0]
    preps = rule.target_preps or (same[0].target_preps if same else ())
    return Trigger(entries[0].phrase, entries[0].pos, rule.type, rule.mode, rule.cameo, preps,
                   f"sense: {rule.note}" if rule.note else "sense")


def sense_context(token: Token, with_party: bool = True) -> dict[str, set[str]]:
    """The words around a trigger, by role (see the module docstring). ``party`` walks whole
    subtrees, so a caller whose rules never ask for it can leave it out."""
    role_tokens = _verb_roles(token) if token.pos_ == "VERB" else _noun_roles(token)
    context = {role: set().union(*(_words(t) for t in tokens)) if tokens else set()
               for role, tokens in role_tokens.items()}
    context["modifier"] = {w for c in token.children if c.dep_ in DESCRIBING_DEPS for w in _words(c)}
    # a date is no argument: "fired Lebed on Thursday" has no "fired on"
    preps = [c for c in token.children if c.dep_ in ("prep", "prt", "agent") and not dates(c)]
    preps += [c for p in preps for c in p.children if c.dep_ == "conj" and c.pos_ == "ADP"]  # "on X but on Y"
    # "launched drones at Ukrainian cities": the parser may hang where a thing was sent on the thing
    # ("firing missiles and drones at X": on the last of its objects)
    sent = [o for o in token.children if o.dep_ == "dobj"]
    sent += [c for o in sent for c in o.conjuncts]
    preps += [c for o in sent for c in o.children if c.dep_ == "prep" and c.lower_ in AIMED_PREPS]
    context["prep"] = {c.lower_ for c in preps}
    context["prep_object"] = set().union(set(), *(_words(o) for p in preps for o in _pobjs(p)))
    context["dep"] = {token.dep_.lower()}  # "root" as the data writes it
    clauses = [c for c in token.children if c.dep_ == "advcl"]  # and their subjects: "as the storm moved on"
    context["clause"] = {w for c in clauses + [s for c in clauses for s in c.children if s.dep_ == "nsubj"]
                         for w in _own_words(c)}
    objects = role_tokens["object"]
    context["object_head"] = set().union(set(), *(_own_words(t) for t in objects))
    # the entities anywhere in the objects and prepositional phrases: "banned imports of South African
    # steel", "halted shipments to Moscow" name a foreign party; "banned exports of rice" names none
    if with_party:
        context["party"] = {f"ent:{t.ent_type_.lower()}" for o in [*objects, *preps] for t in o.subtree if t.ent_type_}
    return context


def _verb_roles(token: Token) -> dict[str, list[Token]]:
    children = list(token.children)
    passive = any(c.dep_ == "auxpass" for c in children)
    objects = [c for c in children if c.dep_ in OBJECT_DEPS or (passive and c.dep_ == "nsubjpass")]
    if passive and not objects and token.dep_ == "conj":  # "was arrested and flown to The Hague": the shared subject
        objects = [c for c in token.head.children if c.dep_ == "nsubjpass"]
    subjects = [c for c in children if c.dep_ == "nsubj"]
    subjects += [o for c in children if c.dep_ == "agent" for o in _pobjs(c)]
    if token.dep_ in ("acl", "amod", "relcl"):
        # "the prisoners released on Friday", "prisoners whom they released": the noun is the object
        relative = [o for o in objects if o.lower_ in RELATIVE_WORDS]
        if token.dep_ != "relcl" or relative:
            objects = [o for o in objects if o not in relative] + [token.head]
        elif any(s.lower_ in RELATIVE_WORDS for s in subjects):
            subjects = [token.head]
    if not subjects:
        subjects = _inherited_subjects(token)
    # "vowed to fight": the parser makes some such infinitives advcl, and "allowed X to run" a ccomp
    xcomps = [c for c in children if c.dep_ == "xcomp" or (c.dep_ in ("advcl", "ccomp") and infinitive(c))]
    xcomp_words = xcomps + [o for x in xcomps for o in x.children if o.dep_ in OBJECT_DEPS]
    if not objects:  # "allowed inspectors to install": the parser's subject of the infinitive is the object
        objects = [c for x in xcomps if x.dep_ == "ccomp" for c in x.children if c.dep_ == "nsubj"]
    # "called the plan a disaster", "called him divisive": the object's predicate, which the parser
    # also hangs on the object ("called [the plan [a disaster]]", "branded [the militia, [a group]]")
    complements = [c for c in children if c.dep_ in ("oprd", "acomp")]
    complements += [c for o in objects for c in o.children if c.dep_ in ("dobj", "oprd", "appos")
                    or (c.dep_ == "amod" and c.i > o.i)]  # "called [the plan [dangerous and reckless]]"
    # "deemed the plan a disaster", "considers the law unsatisfactory", "described it as unacceptable"
    complements += [c for c in children if c.dep_ == "dobj" and objects and c is not objects[0]]
    complements += [c for c in children if c.dep_ == "ccomp" and c.pos_ in ("ADJ", "NOUN")]
    complements += [c for p in children if p.dep_ == "prep" and p.lower_ == "as" for c in p.children
                     if c.dep_ in ("pobj", "amod", "acomp")]
    governors = [token.head] if token.dep_ in ("advcl", "conj", "xcomp") else []  # "won the runoff, beating X"
    return {"object": objects, "subject": subjects, "xcomp": xcomp_words, "governor": governors, "complement": complements}


def _noun_roles(token: Token) -> dict[str, list[Token]]:
    children = list(token.children)
    objects = [c for c in children if c.dep_ == "compound"]
    objects += [o for c in children if c.dep_ == "prep" and c.lower_ == "of" for o in _pobjs(c)]
    subjects = [c for c in children if c.dep_ == "poss"]
    subjects += [o for c in children if c.dep_ == "prep" and c.lower_ == "by" for o in _pobjs(c)]
    governors = [token.head] if token.head.i != token.i else []
    if token.dep_ == "pobj":
        governors.append(token.head.head)  # "on strike": the preposition, and what it hangs on
    head = token.head.head if token.dep_ == "pobj" else token.head
    if token.dep_ in (*OBJECT_DEPS, "pobj") and head.pos_ in ("VERB", "AUX"):  # "staged a strike", "took part in strikes"
        subjects += [c for c in head.children if c.dep_ == "nsubj"] or _inherited_subjects(head)
    xcomps = [c for c in children if c.dep_ == "acl" and infinitive(c)]  # "an appeal to stop the fighting"
    return {"object": objects, "subject": subjects, "xcomp": xcomps, "governor": governors}


def _inherited_subjects(token: Token) -> list[Token]:
    """The subject of the verbs this one hangs on by infinitive, coordination or a trailing participle
    ("decided to strike", "an earthquake struck Chile, killing 20"), or the object that controls an
    infinitive ("ordered the army to attack": the army attacks)."""
    for _ in range(3):
        trailing = token.dep_ == "advcl" and token.tag_ == "VBG" and token.i > token.head.i
        if not (token.dep_ in ("xcomp", "conj") or trailing) or token.head.i == token.i:
            return []
        controlled = token.dep_ == "xcomp" and token.head.lemma_.lower() not in load_word_sets("event_rules.tsv")["subject_control"]
        token = token.head
        objects = [c for c in token.children if c.dep_ == "dobj"] if controlled else []
        if objects:
            return objects
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if subjects and token.dep_ == "relcl" and all(c.lower_ in RELATIVE_WORDS for c in subjects):
            return [token.head]  # "a tsunami that swept away cars and killing hundreds": the tsunami
        if subjects:
            return subjects
        if trailing and token.dep_ == "acl" and token.tag_ == "VBN":
            return [token.head]  # the parser's "a tsunami triggered by a quake ..., killing 100": the tsunami
    return []


def _pobjs(prep: Token) -> Iterable[Token]:
    return (o for o in prep.children if o.dep_ in ("pobj", "pcomp"))


def _words(token: Token) -> set[str]:
    """A participant's lemma, its describing dependents' and its conjuncts', and its entity label."""
    words = _own_words(token) | _cargo(token)
    if token.dep_ != "conj":  # "water, food and medical supplies", "warships and a vessel loaded with aid"
        for conjunct in token.conjuncts:
            words |= _own_words(conjunct) | _cargo(conjunct)
            words |= {w for c in conjunct.children if c.dep_ in DESCRIBING_DEPS for w in _own_words(c)}
    for child in token.children:
        if child.dep_ in DESCRIBING_DEPS:
            words |= _own_words(child)
        elif child.dep_ == "prep" and (child.lower_ == "of" or (child.lower_ == "in" and _amount(token))):
            for obj in _pobjs(child):  # "the release of prisoners", "$800 million in military aid"
                words |= _own_words(obj) | {w for c in obj.children if c.dep_ in DESCRIBING_DEPS for w in _own_words(c)}
    return words


def _cargo(token: Token) -> set[str]:
    """The words of what a carrier carries: "ships carrying relief supplies", "a vessel loaded with aid"."""
    carriers = [c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in load_word_sets("event_rules.tsv")["carrier_verb"]]
    carried = [c for v in carriers for c in v.children if c.dep_ == "dobj"]
    carried += [o for v in carriers for p in v.children if p.lower_ == "with" for o in _pobjs(p)]
    return set().union(set(), *(_words(c) for c in carried))


def _amount(token: Token) -> bool:
    return token.like_num or token.ent_type_ == "MONEY"


def _own_words(token: Token) -> set[str]:
    words = {token.lemma_.lower(), token.lower_}
    if token.tag_ == "NNPS" and token.lower_.endswith("s"):
        words.add(token.lower_[:-1])  # "Marines": the lemmatizer leaves a capitalised plural as it is
    if token.ent_type_:
        words.add(f"ent:{token.ent_type_.lower()}")
    if _quoted(token):
        words.add(QUOTED)
    return words | _marks(token.doc).get(token.i, set())


_MARKS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _marks(doc: Doc) -> dict[int, set[str]]:
    """Token index -> what dyad's own components made of it, once per document: the kind of actor
    its mention names (``actor:person`` for "Trump", which the NER may call an ORG; ``actor:igo``
    for ECOWAS, an organisation coded IGO) and ``place:name`` for a word of a place name."""
    if doc not in _MARKS:
        kinds = {a.id: "igo" if (a.code or "").startswith("IGO") else a.kind for a in doc._.dyad_actors or ()}
        marks: dict[int, set[str]] = defaultdict(set)
        for m in doc._.dyad_mentions or ():
            if m.actor_id in kinds:
                for t in doc.char_span(m.start, m.end, alignment_mode="expand") or ():
                    marks[t.i].add(f"actor:{kinds[m.actor_id]}")
        for span in doc.spans.get("dyad_places", ()):
            for t in span:
                marks[t.i].add(PLACE_NAME)
        _MARKS[doc] = dict(marks)
    return _MARKS[doc]


def _quoted(token: Token) -> bool:
    """The word's phrase opens with a quotation mark ("a liar" in: called him "a liar")."""
    doc, left = token.doc, token.left_edge.i
    return any(doc[i].text in QUOTE_MARKS for i in (left - 1, left) if i >= 0)
