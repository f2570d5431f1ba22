"""``dyad_coref``: in-document coreference by rules, after ``dyad_actors`` and ``dyad_sources``.

Four kinds of anaphor are taken up, each adding ``Mention`` records (``how`` = title, outlet,
group, pronoun) to ``doc._.dyad_mentions``, spans to the actors' ``mentions`` and to
``doc.spans["dyad_actors"]``:

- titles without a name ("the Russian president", "the spokeswoman"): the most recent earlier
  person whose role is the same office (``coref_role_classes.tsv``) and whose country agrees;
- definite phrases (``coref_phrases.tsv``): "the country" (the most salient country),
  "the two countries" / "both leaders" (the last two distinct actors of that kind), and
  "the publication" (the story's cited source, an actor made for it when there is none);
- third-person pronouns: candidates agree in number, gender and kind (``it`` never a person),
  pronouns bound in their clause skip its subject, and the nearest sentence wins, then a topic
  ("As for X"), then a subject, then the most recent. A noun phrase that names no actor competes
  too: when it wins, the pronoun stays unresolved rather than taking a worse antecedent.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from dyad.gazetteer import Gazetteer, load_gazetteer
from dyad.nlp.extensions import doc_text, get_list, register_extensions
from dyad.nlp.lexicon import data_lines, load_word_sets
from dyad.nlp.parse import first_conjunct
from dyad.nlp.sources import agency_country, canonical
from dyad.records import Actor, Mention, next_actor_id

register_extensions()

MAX_SENTENCES = 2  # pronouns and "the country" look back this many sentences beyond their own
MAX_CLIMB = 8  # heads climbed from a mention to its clause's verb
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
OBJECT_DEPS = {"dobj", "dative", "pobj"}
MODIFIER_DEPS = {"amod", "compound"}  # "North Korean" in "North Korean missiles" names no one alone
COUNT_DEPS = MODIFIER_DEPS | {"nummod"}  # nor "the two" in "the two soldiers"
SETTING_PREPS = {"in", "at", "near", "on", "during", "after", "before", "outside", "inside"}  # the scene, not a party
NON_REFERRING_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
NEUTER_KINDS = {"country", "organisation", "media"}  # what "it" may stand for
PLURAL_KINDS = {"group", "organisation"}  # what "they" may stand for alone
SINGULAR_TAGS = {"NN", "NNP"}


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class Pronoun:
    number: str  # sg | pl
    gender: str  # m | f | n | any
    person: int
    case: str  # subj | obj | poss | refl


def _rows(name: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.split("\t")] for line in data_lines(name)]


@cache
def load_pronouns() -> dict[str, Pronoun]:
    return {w: Pronoun(n, g, int(p), c) for w, n, g, p, c in _rows("coref_pronouns.tsv")}


@cache
def load_gender_words() -> dict[str, str]:
    return {word.lower(): gender for word, gender in _rows("coref_gender_words.tsv")}


@cache
def load_surname_endings() -> tuple[tuple[str, str, frozenset[str]], ...]:
    rows = [(end, gender, frozenset(countries.split("|"))) for end, gender, countries in _rows("coref_surname_gender.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def load_role_classes() -> dict[str, str]:
    return dict(_rows("coref_role_classes.tsv"))


@cache
def load_phrases() -> dict[str, tuple[str, int]]:
    """Anaphoric phrase -> (what it refers to, how many actors); "the <media noun>" is an outlet."""
    phrases = {"the " + row[0].lower(): ("outlet", 1) for row in _rows("media_nouns.tsv")}
    phrases.update({phrase: (refers, int(count)) for phrase, refers, count in _rows("coref_phrases.tsv")})
    phrases.update({phrase: ("half", 1) for phrase in load_halves()})
    return phrases


@cache
def load_halves() -> dict[str, tuple[str, frozenset[str]]]:
    """"the north" -> (the half it names, the countries a story must name for it to): coref_halves.tsv."""
    return {phrase: (country, frozenset(context.split("|"))) for phrase, country, context in _rows("coref_halves.tsv")}


# ---------------------------------------------------------------- component


@Language.factory("dyad_coref")
def make_coref(nlp: Language, name: str) -> "CorefResolver":
    return CorefResolver(nlp)


class CorefResolver:
    def __init__(self, nlp: Language) -> None:
        self.gaz: Gazetteer = load_gazetteer()
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase in load_phrases():
            self.phrases.add(phrase, [nlp.make_doc(phrase)])

    def __call__(self, doc: Doc) -> Doc:
        if doc.has_annotation("DEP"):
            _DocCoref(doc, self).run()
        return doc


@dataclass
class Candidate:
    """A possible antecedent: the actors it names (none for a plain noun phrase) and its standing."""

    actors: tuple[str, ...]
    token: Token  # the head
    sent: int
    numbers: frozenset[str]
    person: bool
    gender: str | None = None  # for noun phrases that name no actor ("the spokeswoman")

    @property
    def subject(self) -> bool:
        return first_conjunct(self.token).dep_ in SUBJECT_DEPS  # "the United States and its allies accused ..."

    @property
    def topic(self) -> bool:
        """Object of a topic marker: "As for North Korea, ..."."""
        prep = self.token.head
        if self.token.dep_ != "pobj":
            return False
        topics = load_word_sets("coref_cues.tsv")["topic"]
        pair = prep.doc[max(prep.i - 1, 0) : prep.i + 1].text.lower()
        return prep.lower_ in topics or pair in topics


class _DocCoref:
    """The per-document work."""

    def __init__(self, doc: Doc, resolver: CorefResolver) -> None:
        self.doc, self.res, self.gaz = doc, resolver, resolver.gaz
        self.text = doc_text(doc)
        self.actors: list[Actor] = get_list(doc, "dyad_actors")
        self.mentions: list[Mention] = get_list(doc, "dyad_mentions")
        self.by_id = {a.id: a for a in self.actors}
        self.sent_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}
        self.learned: dict[str, str] = {}  # actor id -> gender taken from a resolved pronoun
        self.candidates: list[Candidate] = []

    def run(self) -> None:
        self._phrases()
        self._titles()
        self.candidates = self._candidates()
        self._pronouns()
        self._speakers_words()
        self._write()

    # ------------------------------------------------------------ mentions and tokens

    def _span(self, mention: Mention) -> Span | None:
        return self.doc.char_span(mention.start, mention.end, alignment_mode="expand")

    def _mention_at(self, token: Token) -> Mention | None:
        return next((m for m in self.mentions if m.start <= token.idx < m.end and m.actor_id in self.by_id), None)

    def _free(self, span: Span) -> bool:
        return not any(m.start < span.end_char and span.start_char < m.end for m in self.mentions)

    def _link(self, span: Span, actors: list[Actor], how: str) -> None:
        for actor in actors:
            self.mentions.append(Mention(span.start_char, span.end_char, span.text, actor.id, how))
            actor.mentions.append((span.start_char, span.end_char))

    def _before(self, char: int) -> list[Mention]:
        """Mentions of known actors that end before ``char``, most recent first."""
        found = [m for m in self.mentions if m.end <= char and m.actor_id in self.by_id]
        return sorted(found, key=lambda m: m.start, reverse=True)

    # ------------------------------------------------------------ definite phrases

    def _phrases(self) -> None:
        matches = sorted(self.res.phrases(self.doc), key=lambda m: (m[1] - m[2], m[1]))
        taken: set[int] = set()
        for match_id, start, end in matches:  # longest first
            span = self.doc[start:end]
            stand_ins = self._overlapping(span)
            if taken.intersection(range(start, end)) or stand_ins is None or span[-1].dep_ in COUNT_DEPS:
                continue
            taken.update(range(start, end))
            refers, count = load_phrases()[self.doc.vocab.strings[match_id]]
            if refers == "outlet":
                actors = [a for a in [self._outlet_actor()] if a is not None]
            elif refers == "half":
                actors = self._half(span)
            elif count == 1:
                actors = self._salient_country(span) if refers == "country" else []
            elif span[-1].like_num and self._counted_before(span):
                actors = []  # "arrested two Palestinians ..., and the two were charged": those two
            else:
                actors = self._last(span.start_char, refers, count)
            if actors:
                self._drop(stand_ins)
                self._link(span, actors, "outlet" if refers == "outlet" else "group" if count > 1 else "title")

    def _half(self, span: Span) -> list[Actor]:
        """"South Korea suspended a pact with the North": the other half of a divided country the story
        is about (a longer name, "the South China Sea", is a name's mention and never gets here)."""
        country, context = load_halves()[span.text.lower()]
        if not any(a.country in context for a in self.actors):
            return []
        actor = next((a for a in self.actors if a.kind == "country" and a.code == country), None)
        return [actor or self._new_actor(load_gazetteer().country_name(country), country, country)]

    def _outlet_actor(self) -> Actor | None:
        """The story's cited source (else its outlet), as a media actor made on first need."""
        sources = get_list(self.doc, "dyad_sources")
        source = next((s for s in sources if s.role == "cited"), None) or next(
            (s for s in sources if s.role == "outlet"), None
        )
        if source is None:
            return None
        name = canonical(source.name)
        actor = next((a for a in self.actors if a.kind == "media" and canonical(a.name).casefold() == name.casefold()), None)
        if actor is None:
            country = agency_country(name)
            actor = self._new_actor(name, (country or "") + "MED", country, "MED", "media")
            span = self.doc.char_span(*source.span, alignment_mode="expand") if source.span else None
            if span is not None and self._free(span):
                self._link(span, [actor], "name")
        return actor

    def _new_actor(self, *fields) -> Actor:
        """An actor the document's text implies, under the next free id."""
        actor = Actor(next_actor_id(self.actors), *fields)
        self.actors.append(actor)
        self.by_id[actor.id] = actor
        return actor

    def _salient_country(self, span: Span) -> list[Actor]:
        countries = [c for c in self._candidates() if c.token.i < span.start and len(c.actors) == 1
                     and self.by_id[c.actors[0]].kind == "country"]
        best = self._best(countries, self.sent_of[span.start])
        return [self.by_id[best.actors[0]]] if best else []

    def _counted_before(self, span: Span) -> bool:
        """A noun counted with the same number earlier in the sentence or the one before ("two Palestinians")."""
        sentence = self.doc[span.start].sent
        start = self.doc[sentence.start - 1].sent.start if sentence.start > 0 else 0
        return any(t.dep_ == "nummod" and t.lower_ == span[-1].lower_ for t in self.doc[start:span.start])

    def _setting(self, mention: Mention) -> bool:
        """A mention in a phrase that sets the scene ("met in Istanbul", "after a call with Tusk", "on
        the sidelines of the APEC summit"), not a party to the clause."""
        span = self._span(mention)
        token = span.root if span is not None else None
        for _ in range(MAX_CLIMB):
            if token is None or token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
                return False
            if token.dep_ == "prep" and token.lower_ in SETTING_PREPS:
                return True
            token = token.head
        return False

    def _last(self, char: int, refers: str, count: int) -> list[Actor]:
        """The last ``count`` distinct actors of the right kind before ``char`` ("the two countries",
        "the three leaders"), not named as the scene."""
        countries = {a.code: a for a in self.actors if a.kind == "country"}
        found: dict[str, Actor] = {}
        for mention in self._before(char):
            actor = self.by_id[mention.actor_id]
            if actor.kind == "media" or (refers in ("person", "leader") and actor.kind != "person") or self._setting(mention):
                continue
            if refers == "country":  # a person's or ministry's country counts: "Choi ... Lavrov ... the two countries"
                key = actor.code if actor.kind == "country" else actor.country
                target = countries.get(key, actor)  # "Israel's prime minister": the state has no actor of its own
            else:
                key, target = (actor.id if refers == "person" else actor.country or actor.id), actor
            if key and key not in found:
                found[key] = target
            if len(found) == count:
                break
        return list(found.values()) if len(found) == count else []

    # ------------------------------------------------------------ titles

    def _titles(self) -> None:
        for chunk in list(self.doc.noun_chunks):
            title = self._title(chunk)
            if title is None:
                continue
            span, role, country = title
            stand_ins = self._overlapping(span)
            if stand_ins is None:
                continue  # part of a name: "Foreign Minister Sergei Lavrov"
            for mention in stand_ins:
                country = country or self.by_id[mention.actor_id].country
            antecedent = self._title_antecedent(span, role, country)
            if antecedent is not None:
                self._drop(stand_ins)
                self._link(span, [antecedent], "title")

    def _title(self, chunk: Span) -> tuple[Span, str, str | None] | None:
        """("Russian president" span, "president", "RUS") for "the Russian president", else None."""
        doc, root = self.doc, chunk.root
        if chunk[0].lower_ != "the" or root.i != chunk.end - 1 or root.tag_ not in SINGULAR_TAGS:
            return None
        if root.ent_type_ == "PERSON" or self._names_follow(chunk.end):
            return None
        words = [t.lower_ for t in chunk]
        role = next((" ".join(words[k:]) for k in range(1, len(words)) if self._is_title(" ".join(words[k:]))), None)
        if role is None:
            return None
        prefix = chunk[1 : len(chunk) - len(role.split())]
        return doc[chunk.start + 1 : chunk.end], role, self._country_in(prefix)

    def _names_follow(self, i: int) -> bool:
        """A name after the title ("the minister, Sergei Lavrov"): it introduces, it does not refer."""
        doc = self.doc
        if i < len(doc) and doc[i].text == ",":
            i += 1
        return i < len(doc) and doc[i].ent_type_ == "PERSON"

    def _is_title(self, phrase: str) -> bool:
        return self.gaz.role_kinds.get(phrase) == "person" or phrase in load_role_classes()

    def _country_in(self, words: Span) -> str | None:
        for size in range(len(words), 0, -1):  # the longest country phrase
            for start in range(len(words) - size + 1):
                part = words[start : start + size]
                entry = self.gaz.countries.get(part.text.lower())
                if entry and self.gaz.case_ok(part.text.lower(), part.text):
                    return entry[0]
        return None

    def _overlapping(self, span: Span) -> list[Mention] | None:
        """The mentions that ``span`` overlaps when all are stand-ins, else None."""
        found = [m for m in self.mentions if m.start < span.end_char and span.start_char < m.end]
        return found if all(self._stand_in(self.by_id.get(m.actor_id)) for m in found) else None

    def _stand_in(self, actor: Actor | None) -> bool:
        """An actor known only by a description: a person with a title and no name ("the Russian
        president"), or anything named by a bare role word ("the publication")."""
        if actor is None:
            return False
        own = [m for m in self.mentions if m.actor_id == actor.id]
        if any(m.how != "title" for m in own):
            return False
        if actor.kind == "person":
            spans = [self._span(m) for m in own]
            return not any(t.ent_type_ == "PERSON" for s in spans if s is not None for t in s)
        bare = [m.text.lower().removeprefix("the ") for m in own]
        return all(self.gaz.roles.get(text) is not None for text in bare)

    def _title_antecedent(self, span: Span, role: str, country: str | None) -> Actor | None:
        gender = self._gender_of_words(role.split())
        for mention in self._before(span.start_char):
            actor = self.by_id[mention.actor_id]
            if actor.kind != "person" or self._stand_in(actor) or not _role_fits(role, actor.role):
                continue
            if (country is None or actor.country == country) and _genders_agree(gender, self._gender(actor)):
                return actor
        return None

    def _drop(self, mentions: list[Mention]) -> None:
        """Remove stand-in mentions that now resolve; a stand-in actor left with nothing goes."""
        for mention in mentions:
            owner = self.by_id[mention.actor_id]
            self.mentions.remove(mention)
            if (mention.start, mention.end) in owner.mentions:
                owner.mentions.remove((mention.start, mention.end))
            if not owner.mentions:
                self.actors.remove(owner)
                del self.by_id[owner.id]

    # ------------------------------------------------------------ pronouns

    def _candidates(self) -> list[Candidate]:
        found, mention_roots = [], set()
        for mention in self.mentions:
            span = self._span(mention)
            if span is None or mention.actor_id not in self.by_id or span.root.dep_ in MODIFIER_DEPS:
                continue
            actor = self.by_id[mention.actor_id]
            mention_roots.add(span.root.i)
            numbers = {"pl"} if actor.kind == "group" else {"sg", "pl"} if actor.kind == "organisation" else {"sg"}
            found.append(Candidate((actor.id,), span.root, self.sent_of[span.root.i], frozenset(numbers),
                                   actor.kind == "person"))
        found += self._conjunctions(found)
        for chunk in self.doc.noun_chunks:
            root = chunk.root
            if root.i in mention_roots or root.pos_ == "PRON" or root.ent_type_ in NON_REFERRING_ENTS:
                continue
            number = "sg" if root.tag_ in SINGULAR_TAGS else "pl"
            person = self.gaz.role_kinds.get(root.lower_) == "person" or root.ent_type_ == "PERSON"
            gender = self._gender_of_words([root.lower_])
            found.append(Candidate((), root, self.sent_of[root.i], frozenset({number}), person, gender))
        return found

    def _conjunctions(self, found: list[Candidate]) -> list[Candidate]:
        """"Moscow and Pyongyang": one plural candidate naming every conjoined actor ("Assad and his
        family": Assad)."""
        by_token = {c.token.i: c for c in found}
        groups = []
        for cand in found:
            if cand.token.dep_ == "conj":
                continue
            named = [cand.token, *(c for c in cand.token.children if c.dep_ == "appos")]  # "leader X and his family"
            conjuncts = [t for head in named for t in head.conjuncts]
            members = [cand] + [by_token[t.i] for t in conjuncts if t.i in by_token]
            actors = tuple(dict.fromkeys(a for m in members for a in m.actors))
            if len(actors) > 1 or (actors and conjuncts):
                person = all(m.person for m in members)
                groups.append(Candidate(actors, cand.token, cand.sent, frozenset({"pl"}), person))
        return groups

    def _pronouns(self) -> None:
        pronouns = load_pronouns()
        pleonastic = load_word_sets("coref_cues.tsv")["pleonastic"]
        for token in self.doc:
            pron = pronouns.get(token.lower_)
            if pron is None or pron.person != 3 or token.tag_ not in ("PRP", "PRP$") or self._mention_at(token):
                continue
            if pron.gender == "n" and self._pleonastic(token, pleonastic):
                continue  # "it could be another sign"
            sent = self.sent_of[token.i]
            # only the candidates _best can choose (the last few sentences) are worth checking
            fitting = [c for c in self.candidates if c.token.i < token.i and 0 <= sent - c.sent <= MAX_SENTENCES
                       and self._agrees(pron, c) and self._bound_ok(pron, token, c) and not _within(token, c.token)]
            best = (self._controller(pron, token, fitting) or _relative_antecedent(pron, token, fitting)
                    or self._best(fitting, sent))
            if best is None or not best.actors:
                continue  # nothing fits, or a noun phrase that names no actor is the likelier antecedent
            self._link(self.doc[token.i : token.i + 1], [self.by_id[a] for a in best.actors], "pronoun")
            if pron.gender in ("m", "f") and len(best.actors) == 1:
                self.learned.setdefault(best.actors[0], pron.gender)
            numbers = frozenset({pron.number})
            self.candidates.append(Candidate(best.actors, token, self.sent_of[token.i], numbers, best.person))

    def _speakers_words(self) -> None:
        """"'We will retaliate,' the minister said": in a direct quote, I and we are its speaker."""
        pronouns = load_pronouns()
        for quote in get_list(self.doc, "dyad_quotes"):
            if not quote.direct:
                continue
            speaker = self.by_id.get(quote.speaker_id or "") or next(
                (self.by_id[m.actor_id] for m in self.mentions for start, end in quote.source
                 if start <= m.start and m.end <= end and m.actor_id in self.by_id), None)
            if speaker is None or speaker.kind == "media":
                continue
            for start, end in quote.content:
                for token in self.doc.char_span(start, end, alignment_mode="expand") or ():
                    pron = pronouns.get(token.lower_)
                    if pron and pron.person == 1 and token.tag_ in ("PRP", "PRP$") and not self._mention_at(token):
                        self._link(self.doc[token.i : token.i + 1], [speaker], "speaker")

    def _pleonastic(self, token: Token, pleonastic: frozenset[str]) -> bool:
        """"it is likely", "it could be"; but not in a clause an actor reports about itself
        ("Syria says it is willing"): there "it" is the speaker."""
        if token.dep_ == "expl":
            return True
        if token.dep_ not in SUBJECT_DEPS or token.head.lemma_ not in pleonastic:
            return False
        clause = token.head
        reported = clause.dep_ == "ccomp" and any(
            c.dep_ in SUBJECT_DEPS and self._mention_at(c) for c in clause.head.children)
        return not reported

    def _best(self, candidates: list[Candidate], sent: int) -> Candidate | None:
        """Nearest sentence, then topic, then subject, then the most recent."""
        near = [c for c in candidates if 0 <= sent - c.sent <= MAX_SENTENCES]
        return min(near, key=lambda c: (sent - c.sent, not c.topic, not c.subject, -c.token.i), default=None)

    @staticmethod
    def _controller(pron: Pronoun, token: Token, fitting: list[Candidate]) -> Candidate | None:
        """"X prompted Israel to recall its envoy": a possessive in an infinitive clause a causative
        verb governs is its controller's (the object of "prompted"), not the sentence's topic."""
        clause = token.head.head
        if pron.case != "poss" or token.head.dep_ not in ("dobj", "pobj") or clause.dep_ != "xcomp" or (
                clause.head.lemma_.lower() not in load_word_sets("coref_cues.tsv")["causative"]):
            return None
        controller = _clause_subjects(token.head)
        return next((c for c in fitting if c.token.i in controller), None)

    def _agrees(self, pron: Pronoun, cand: Candidate) -> bool:
        if pron.number not in cand.numbers:
            return False
        if pron.gender == "n":
            return not cand.person and (not cand.actors or self.by_id[cand.actors[0]].kind in NEUTER_KINDS)
        if pron.gender in ("m", "f"):
            gender = self._gender(self.by_id[cand.actors[0]]) if cand.actors else cand.gender
            return cand.person and _genders_agree(pron.gender, gender)
        return True

    def _bound_ok(self, pron: Pronoun, token: Token, cand: Candidate) -> bool:
        """"Lavrov met him": an object pronoun is not its clause's subject; "himself" must be.
        "it" is an object by its place: "X cut ties with Qatar, accusing it of ..."."""
        if pron.case not in ("obj", "refl") and token.dep_ not in OBJECT_DEPS:
            return True
        clause_subjects = _clause_subjects(token)
        subjects = [c for c in self.candidates if c.token.i in clause_subjects]
        same = any(set(c.actors) & set(cand.actors) for c in subjects) or any(c is cand for c in subjects)
        return same if pron.case == "refl" else not same

    # ------------------------------------------------------------ gender

    def _gender(self, actor: Actor) -> str | None:
        if actor.kind != "person":
            return None
        words = [w.lower() for text in [actor.role or "", actor.name] + [self.text[s:e] for s, e in actor.mentions]
                 for w in text.replace("-", " ").split()]
        return self._gender_of_words(words) or self._surname_gender(actor) or self.learned.get(actor.id)

    @staticmethod
    def _gender_of_words(words: list[str]) -> str | None:
        table = load_gender_words()
        pairs = [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]
        genders = {table[w] for w in words + pairs if w in table}
        return genders.pop() if len(genders) == 1 else None

    @staticmethod
    def _surname_gender(actor: Actor) -> str | None:
        """"Zakharova" is a woman, "Lavrov" a man, where family names inflect for gender."""
        surname = actor.name.split()[-1].lower() if actor.name.split() else ""
        for ending, gender, countries in load_surname_endings():
            if actor.country in countries and surname.endswith(ending) and len(surname) > len(ending) + 1:
                return gender
        return None

    # ------------------------------------------------------------ output

    def _write(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, m.end))
        for actor in self.actors:
            actor.mentions[:] = sorted(set(actor.mentions))
        spans = [self.doc.char_span(m.start, m.end, label=self.by_id[m.actor_id].code or "", alignment_mode="expand")
                 for m in self.mentions if m.actor_id in self.by_id]
        self.doc.spans["dyad_actors"] = sorted((s for s in spans if s is not None), key=lambda s: (s.start, s.end))


# ---------------------------------------------------------------- small helpers


def _role_fits(title: str, role: str | None) -> bool:
    """"minister" fits "Foreign Minister"; "president" fits "dictator" (one office, from the data)."""
    if not role:
        return False
    role = role.lower()
    if role == title or role.endswith(" " + title):
        return True
    classes = load_role_classes()
    words = role.split()
    office = next((classes[" ".join(words[k:])] for k in range(len(words)) if " ".join(words[k:]) in classes), None)
    return office is not None and classes.get(title) == office


def _genders_agree(wanted: str | None, known: str | None) -> bool:
    return wanted is None or known is None or wanted == known


def _within(token: Token, head: Token) -> bool:
    """"criticism from the U.S. and its allies": a pronoun inside a noun phrase is not its head."""
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        conjunct = token.dep_ == "conj"  # "the U.S. and its allies": a coordinate, not a container
        token = token.head
        if token.i == head.i and not conjunct:
            return True
    return False


def _relative_antecedent(pron: Pronoun, token: Token, fitting: list[Candidate]) -> Candidate | None:
    """"a response from Israel, which recalled its ambassadors": a possessive in a relative clause
    whose subject is the relative pronoun is the relative's antecedent's."""
    verb = token.head.head if token.dep_ == "poss" else None
    while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # "which recalled some of its envoys"
    if pron.case != "poss" or verb is None or verb.dep_ != "relcl" or not any(
            c.dep_ in SUBJECT_DEPS and c.tag_ in ("WDT", "WP") for c in verb.children):
        return None
    return next((c for c in fitting if c.token.i == verb.head.i), None)


def _clause_subjects(token: Token) -> set[int]:
    """Token indices of the subject of the clause a pronoun sits in, its conjuncts too (through
    "with", "and", a participle's and a purpose infinitive's: "Bush met Sharon, urging him to ...":
    Bush urges; "Modi telephoned Putin to congratulate him": Modi congratulates)."""
    verb = token.head
    while verb.dep_ == "prep" and verb.head.i != verb.i:
        verb = verb.head
    while True:
        subjects = {t.i for c in verb.children if c.dep_ in SUBJECT_DEPS for t in (c, *c.conjuncts)}
        infinitive = verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        # "prompting NATO to threaten him" (the parser's advcl too): the object is the doer
        object_control = verb.dep_ == "xcomp" or (
            infinitive and verb.head.lemma_.lower() in load_word_sets("coref_cues.tsv")["causative"])
        controller = {c.i for c in verb.head.children if c.dep_ == "dobj"} if object_control else set()
        shares = verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and (verb.tag_ in ("VBG", "VBN") or infinitive))
        if subjects or controller or not shares or verb.head.i == verb.i:
            return subjects or controller  # "prompting NATO to threaten him": NATO threatens
        verb = verb.head
