"""``dyad_domestic``: a country for actors the text names only by role or by ethnicity, and for
persons no dictionary knows who act, named in full ("Maria Lopez criticised the government in La Paz").

"Opposition groups demanded that President Mugabe resign ..." codes Mugabe as GOV: the title
gives the sector and nothing gives the country. Event coders (PLOVER, CAMEO) code such domestic
actors with the country the text gives them or the sentence is about, in this order: the
actor's own words ("its forces", "doctors from American charities"), the places where the
sentence happens ("blocked roads in Algiers": Algerian protesters), the one country of its
domestic bodies ("the Fijian rebels"), the dateline (for officials named before any other
country), the article's dominant country, and last the state English-language news means by a
bare "Congress" or "Justice Department" (``usual_countries.tsv``). Such a body keeps that state
unless the text names where it is ("Congress in Lima", a Lima dateline): "Senate Democrats
condemned Russia's interference" are American. "Ethnic Albanians in Macedonia" are coded the same
way: an ethnic group is a people of the country it lives in, not the state its demonym names.
An unknown person takes the code of the title in apposition ("Juan Perez, a Bolivian diplomat").

Runs after ``dyad_coref`` (a bare title must first find its person); the mention that gave the
country is added to the actor's evidence, so the code still points back to text.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dyad.gazetteer import IDENTITY_PREFIXES, INTERNATIONAL_GROUP, load_gazetteer
from dyad.nlp.actors import dateline
from dyad.nlp.extensions import get_list, register_extensions
from dyad.nlp.lexicon import load_word_sets
from dyad.nlp.parse import first_conjunct
from dyad.nlp.participants import part_of_place
from dyad.records import Actor, Mention, next_actor_id

register_extensions()

DOCUMENT_SHARE = 2 / 3  # the article's country must hold this share of its country mentions
MODIFIER_DEPS = {"compound", "amod", "poss", "nmod"}
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "within", "around", "through"}
OWNER_PREPS = {"of", "from", "in"}
INFERRED_COUNTRY = "dyad_inferred_country"  # doc.user_data key: ids of actors given a country here
ATTACKED_IN = "dyad_attacked_in"  # doc.user_data key: unidentified attackers' id -> the country they struck in
CLAUSE_DEPS = {"advcl", "ccomp", "csubj", "parataxis"}  # where a clause of its own starts (a relative clause describes)
HERE, ENTERED = "here", "entered"  # a place as where things are, or as where a force goes in
MAX_CLIMB = 12  # heads climbed to a clause's head; the bound keeps long sentences linear


@Language.factory("dyad_domestic")
def make_domestic_coder(nlp: Language, name: str) -> "DomesticCoder":
    return DomesticCoder(name)


class DomesticCoder:
    def __init__(self, name: str = "dyad_domestic") -> None:
        self.name = name
        self.sectors = load_gazetteer().sectors
        context = load_word_sets("actor_context.tsv")
        self.ethnic_markers = context["ethnic_marker"]
        self.unattributed = context["unattributed_attacker"]
        self.affiliations = context["affiliation_word"]
        self.relational = load_word_sets("event_rules.tsv")["relational_noun"]

    def __call__(self, doc: Doc) -> Doc:
        actors = get_list(doc, "dyad_actors")
        mentions = get_list(doc, "dyad_mentions")
        _appositive_titles(doc, actors, mentions)
        _placed_again(doc, actors)
        fallback = self._split_ethnic_groups(doc, actors, mentions)
        every, clues = _country_mentions(doc, actors)
        for actor in actors:
            # an international militant group takes only a country the text gives it ("Iraq's Al-Qaeda")
            international = (actor.code or "").startswith(INTERNATIONAL_GROUP)
            unknown_person = actor.kind == "person" and not actor.code and _speaks_or_acts(doc, actor)
            if actor.country or not (actor.id in fallback or self._sector_only(actor) or international or unknown_person):
                continue
            if self._relational(doc, actor):
                continue  # "Brazil and its creditor banks": another country's, which the text does not name
            stated = _possessor(doc, actor, actors, mentions) or _owner_phrase(doc, actor, clues)
            usual = _usual_country(doc, actor)
            if international:
                found = stated or _named_within(actor, every)
            elif usual:  # "Senate Democrats rejected the Iran deal": only a place things happen in overrides
                places = [c for c in clues if c[2] and _scene(doc, c[1])]
                found = (stated or _sentence_country(doc, actor, places) or _dateline(actor, every)
                         or _document_country(places, every) or usual)
            else:
                found = (stated or _sentence_country(doc, actor, clues) or _dateline(actor, every)
                         or _document_country(clues, every))
            if not stated and self._unattributed(doc, actor):
                # the scene is the victims' country: whose the attackers are is unknown
                if found:
                    doc.user_data.setdefault(ATTACKED_IN, {})[actor.id] = found[0]
                continue
            country, evidence = found or (fallback.get(actor.id), None)
            if country:
                _set_country(actor, country, evidence)
                if not stated:
                    doc.user_data.setdefault(INFERRED_COUNTRY, set()).add(actor.id)
        return doc

    def _demonym_first(self, span: Span, country: str | None) -> bool:
        """"Albanian guerrillas": the mention starts with the demonym of the group's country."""
        entry = load_gazetteer().countries.get(span[0].lower_)
        return len(span) > 1 and entry is not None and entry[0] == country and entry[1] in ("demonym", "adjective")

    def _relational(self, doc: Doc, actor: Actor) -> bool:
        for start, end in actor.mentions:
            words = doc.char_span(start, end, alignment_mode="expand")
            if words is not None and any(w.lemma_.lower() in self.relational for w in [*words, *words.root.children]):
                return True
        return False

    def _unattributed(self, doc: Doc, actor: Actor) -> bool:
        """"Gunmen stormed a hotel in Mogadishu": where attackers strike is their victims' country;
        whose they are is unknown until the text says ("gunmen from al-Shabaab"). Gunmen the text
        tells acted on ("soldiers killed 14 gunmen") or whose ("gunmen loyal to ...") are of the place."""
        spans = [doc.char_span(start, end, alignment_mode="expand") for start, end in actor.mentions]
        return all(span is not None and (span.root.lemma_.lower() in self.unattributed
                                         or span[-2:].text.lower() in self.unattributed)
                   and not any(c.lower_ in self.affiliations for c in span.root.children) for span in spans) \
            and any(_acting(span) for span in spans)

    def _sector_only(self, actor: Actor) -> bool:
        return bool(actor.code) and actor.code[:3] in self.sectors - IDENTITY_PREFIXES

    def _split_ethnic_groups(self, doc: Doc, actors: list[Actor], mentions: list[Mention]) -> dict[str, str]:
        """"ethnic Albanians", "ethnic Albanian guerrillas": a mention that starts with Albania's demonym
        after an ethnic marker becomes a group of its own, with no country yet. Returns group id -> the
        demonym's country, the fallback."""
        by_id = {a.id: a for a in actors}
        fallback: dict[str, str] = {}
        for mention in mentions:
            owner = by_id.get(mention.actor_id)
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if owner is None or span is None or span.start == 0 or doc[span.start - 1].lower_ not in self.ethnic_markers:
                continue
            # "ethnic Albanians" (the country's demonym) or "ethnic Albanian guerrillas" (a group it
            # modifies, which keeps its sector: rebels of the country they fight in)
            sector = owner.sector if owner.kind == "group" and self._demonym_first(span, owner.country) else None
            if owner.kind != "country" and sector is None:
                continue
            group = Actor(next_actor_id(actors), f"{doc[span.start - 1].text} {mention.text}", kind="group",
                          code=sector, sector=sector, mentions=[(mention.start, mention.end)])
            owner.mentions.remove((mention.start, mention.end))
            mention.actor_id = group.id
            actors.append(group)
            fallback[group.id] = owner.country
        actors[:] = [a for a in actors if a.mentions or a.id in fallback]
        return fallback


def _acting(span: Span) -> bool:
    """The subject of a clause or the "by" of a passive ("killed by a group of armed men")."""
    word = first_conjunct(span.root)
    while word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.i != word.head.i:
        word = word.head.head
    return word.dep_ == "nsubj" or (word.dep_ == "pobj" and word.head.dep_ == "agent")


def _speaks_or_acts(doc: Doc, actor: Actor) -> bool:
    """A person named in full ("Karen" alone may be a people the NER took for a name) as the subject
    of a clause: one acted on or met may well be a foreigner ("Pakistan handed over Mir Aimal Kasi")."""
    if len(actor.name.split()) < 2:
        return False
    spans = (doc.char_span(s, e, alignment_mode="expand") for s, e in actor.mentions)
    return any(span is not None and span.root.dep_ == "nsubj" for span in spans)


def _appositive_titles(doc: Doc, actors: list[Actor], mentions: list[Mention]) -> None:
    """"A member of the Syrian parliament, Mohammed Mamoun, ...", "Mamoun, a member of ...", "Libyan
    general Khalifa Haftar": a person the registry does not know takes the code of the body or
    country named in the apposition or before the name."""
    by_id = {a.id: a for a in actors}
    by_token = {doc.char_span(m.start, m.end, alignment_mode="expand").root.i: m for m in mentions}
    for mention in mentions:
        person = by_id.get(mention.actor_id)
        if person is None or person.kind != "person" or person.code:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        root = span.root
        around = [root.head] if root.dep_ == "appos" else [c for c in root.children if c.dep_ == "appos"]
        around += [c for c in root.children if c.dep_ in MODIFIER_DEPS and c.i < span.start]
        coded = [by_token[t.i] for other in around for t in other.subtree if t.i in by_token and t.i != root.i]
        title = next((m for m in coded if m.actor_id in by_id and by_id[m.actor_id].code), None)
        if title is not None:
            owner = by_id[title.actor_id]
            person.code, person.country, person.sector = owner.code, owner.country, owner.sector
            person.evidence.append((title.start, title.end))


def _country_mentions(doc: Doc, actors: list[Actor]) -> tuple[list, list]:
    """Every country the article names, as a place or an actor, in any role (to tell whether one
    dominates), and the clues among them: (country, span, HERE or ENTERED for a place) each, in text order.

    A clue is a place named as where things are, a domestic body ("Fijian rebels", "the Kenyan
    police") or a country named as a modifier ("the Kenya Anti-Corruption Commission"). A country
    that is a party ("The president criticised Israel") is no clue: it is the other side of an
    international event."""
    found = [(p.country, span, _entered_at(doc, span) or HERE, _where(doc, span))
             for p in get_list(doc, "dyad_places") if p.country for span in p.mentions]
    found += [(a.country, span, entered, bool(entered) or bool(a.sector) or _modifies(doc, span))
              for a in actors if a.country and a.country not in IDENTITY_PREFIXES for span in a.mentions
              if not _agency(a) for entered in [_entered_at(doc, span)]]
    missions = [span for a in actors for span in a.mentions if _names_mission(doc, span)]
    found = [c for c in found if not any(m[0] <= c[1][0] and c[1][1] <= m[1] for m in missions)]
    found.sort(key=lambda c: c[1])
    # a neighbour a border names is no clue to the place, but it leaves the place in doubt: no country
    return [c[:3] for c in found], [(None if _across_border(doc, c[1]) else c[0], *c[1:3]) for c in found if c[3]]


def _agency(actor: Actor) -> bool:
    """"SEOUL (Reuters) -", "Reuters reported that police ...": a news agency coded without its
    country (MED, not RUSMED) reports the story; where it is based says nothing of where the story is."""
    return actor.kind == "media" and not (actor.code or "").startswith(actor.country or "-")


def _across_border(doc: Doc, span: tuple[int, int]) -> bool:
    """"a villa near the Libyan border", "the border with Libya": the neighbour a border names is
    no clue to where things happen ("Macedonia's border with Bulgaria" is Macedonia's own)."""
    words = doc.char_span(*span, alignment_mode="expand")
    if words is None or words.root.dep_ == "poss":
        return False
    borders = load_word_sets("event_rules.tsv")["border_noun"]
    head = words.root.head
    if words.root.dep_ == "pobj" and head.lower_ == "with":
        head = head.head
    return head.lemma_.lower() in borders


def _names_mission(doc: Doc, span: tuple[int, int]) -> bool:
    """"the U.S. Embassy": a state's mission abroad, whose country is no clue to where things happen."""
    words = doc.char_span(*span, alignment_mode="expand")
    missions = load_word_sets("actor_context.tsv")["foreign_mission"]
    return words is not None and any(w.lower_ in missions for w in words)


def _where(doc: Doc, span: tuple[int, int]) -> bool:
    """A place named as where things are ("in Algiers", "the Kenyan capital's streets") or where
    a force goes in ("gunmen crossed into Israel, killing ..."), not as where someone goes or
    comes from ("sent to Moscow", "talks with China", "took hostages back into Gaza")."""
    words = doc.char_span(*span, alignment_mode="expand")
    if words is None:
        return False
    root = words.root
    while root.dep_ == "compound" and root.head.ent_iob_ == "I":  # "from the Gaza Strip": the whole name's role
        root = root.head
    if root.dep_ == "pobj":
        prep = root.head
        return (prep.lower_ in LOCATIVE_PREPS or part_of_place(prep) or _home_of(prep.head, prep)
                or _entered(prep))
    return root.dep_ in MODIFIER_DEPS or _home_of(root.head, root) or _entered(root)


def _entered_at(doc: Doc, span: tuple[int, int]) -> str | None:
    """A state or a place named as where a force goes in ("tunnelled into Israel", "infiltrated
    southern Israel"): a place, not a party."""
    words = doc.char_span(*span, alignment_mode="expand")
    return ENTERED if words is not None and _entered(words.root.head if words.root.dep_ == "pobj" else words.root) else None


def _entered(word: Token) -> bool:
    """"poured into Kuwait", "infiltrated Israel" (the "into" or the object): what the movers do next
    happens there; not a way home ("back into")."""
    if word.dep_ == "dobj":
        return word.head.lemma_.lower() in load_word_sets("actor_context.tsv")["entering_verb"]
    return word.lower_ == "into" and word.head.pos_ == "VERB" and not any(
        w.lower_ == "back" for w in (*word.head.children, word.doc[word.i - 1]))


def _home_of(holder, link) -> bool:
    """"Sen. Jane Doe of Ohio", "Sen. Jane Doe (D-Calif.)": a place after a person's name is where
    the person is from."""
    return holder.ent_type_ == "PERSON" and (link.dep_ == "appos" or link.lower_ in ("of", "from"))


def _modifies(doc: Doc, span: tuple[int, int]) -> bool:
    words = doc.char_span(*span, alignment_mode="expand")
    return words is not None and words.root.dep_ in MODIFIER_DEPS


def _possessor(doc: Doc, actor: Actor, actors: list[Actor], mentions: list[Mention]):
    """"Iraq said its forces sank ...": the country a possessive names (through coreference), or a
    name before the role ("the Reagan administration", "the Mubarak government")."""
    countries = {a.id: a.country for a in actors if a.country and a.country not in IDENTITY_PREFIXES}
    owner_of = {t.i: m for m in mentions if m.actor_id in countries  # any word of the owner's name: "Nicolas Maduro's"
                for t in doc.char_span(m.start, m.end, alignment_mode="expand") or ()}
    for start, end in actor.mentions:
        words = doc.char_span(start, end, alignment_mode="expand")
        for child in (words.root.children if words is not None else ()):
            owner = owner_of.get(child.i) if child.dep_ in ("poss", "compound") else None
            if owner is not None:
                return countries[owner.actor_id], (owner.start, owner.end)
    return None


def _named_within(actor: Actor, every: list) -> tuple[str, tuple[int, int]] | None:
    """The one country named inside the actor's own mention ("Iraq's Al-Qaeda frontman Abu Musab")."""
    inside = {(country, span) for country, span, _ in every
              if any(start <= span[0] and span[1] <= end for start, end in actor.mentions)}
    return min(inside) if len({country for country, _ in inside}) == 1 else None


def _owner_phrase(doc: Doc, actor: Actor, clues) -> tuple[str, tuple[int, int]] | None:
    """"doctors from two American charities", "officials of the Kenyan ministry": the country the
    actor's own of/from/in phrase names. Stated by the text, so not an inference."""
    for start, end in actor.mentions:
        words = doc.char_span(start, end, alignment_mode="expand")
        if words is None:
            continue
        for prep in words.root.children:
            if prep.dep_ != "prep" or prep.lower_ not in OWNER_PREPS:
                continue
            phrase = (prep.idx, prep.right_edge.idx + len(prep.right_edge))
            inside = {c[0] for c in clues if phrase[0] <= c[1][0] < phrase[1]}
            if len(inside) == 1:
                return inside.pop(), next(c[1] for c in clues if phrase[0] <= c[1][0] < phrase[1])
    return None


def _sentence_country(doc: Doc, actor: Actor, clues) -> tuple[str, tuple[int, int]] | None:
    """The one country of the places in the actor's clause, else of its actors there, else the same
    in its sentence; first sentence wins. "Moi agreed to allow opposition parties, a week after
    donors meeting in Paris suspended aid": the clause says whose opposition, not the one after."""
    for start, _ in actor.mentions:
        sentence = _sentence_at(doc, start)
        if sentence is None:
            continue
        inside = [c for c in clues if sentence.start_char <= c[1][0] < sentence.end_char and c[1] not in actor.mentions]
        clause = _clause_at(doc, start)
        near = [c for c in inside if _clause_at(doc, c[1][0]) == clause]
        # a place things happen in before one a force went into ("bombed positions in Lebanon")
        for pool in ([c for c in near if c[2] == HERE], [c for c in near if c[2]], near,
                     [c for c in inside if c[2] == HERE], [c for c in inside if c[2]], inside):
            countries = {c[0] for c in pool}
            if len(countries) == 1:
                return countries.pop(), pool[0][1]
    return None


def _clause_at(doc: Doc, char: int) -> int | None:
    """The head of the clause the word at ``char`` is in (conjoined verbs share their clause)."""
    token = _word_at(doc, char)
    if token is None:
        return None
    for _ in range(MAX_CLIMB):
        if token.head.i == token.i or token.dep_ in CLAUSE_DEPS:
            break
        token = token.head
    return token.i


def _dateline(actor: Actor, every) -> tuple[str, tuple[int, int]] | None:
    """"WASHINGTON, March 6 - President Reagan said": a story's dateline is where the domestic
    actors named before any other country are ("... sending Shultz to Moscow for talks with
    Foreign Minister Shevardnadze": Shevardnadze comes after Moscow, and stays uncoded)."""
    first = next((c for c in every if c[2]), None)
    if first is None or first[1][0] != 0 or not actor.mentions:
        return None
    named = min(start for start, _ in actor.mentions)
    others = [c for c in every if first[1][1] <= c[1][0] < named and c[0] != first[0]]
    return None if others else (first[0], first[1])


def _document_country(clues, every) -> tuple[str, tuple[int, int]] | None:
    """The country of the article's clues that also holds two thirds of every country it names
    (parties included: a story about Israel's critics is not an Israeli story for that)."""
    if not clues:
        return None
    country = Counter(c for c, _, _ in clues).most_common(1)[0][0]
    named = Counter(c for c, _, _ in every)
    if named[country] < DOCUMENT_SHARE * sum(named.values()):
        return None
    return country, next(span for c, span, _ in clues if c == country)


def _scene(doc: Doc, span: tuple[int, int]) -> bool:
    """A place named as the scene: in a phrase of its own ("in Lima", "the streets of Berlin") or as
    the dateline, not as a modifier of what someone acts on ("Russia's interference", "the Iran deal")."""
    words = doc.char_span(*span, alignment_mode="expand")
    return words is not None and (words.root.dep_ == "pobj" or dateline(doc, words.start, words.end))


def _usual_country(doc: Doc, actor: Actor) -> tuple[str, tuple[int, int]] | None:
    """"Congress", "members of Congress", "the Justice Department": a body named as English-language
    news names one state's (usual_countries.tsv), when the text gives no country."""
    usual = load_gazetteer().usual_countries
    for start, end in actor.mentions:
        words = doc.text[start:end].lower().split()
        for tail in (" ".join(words[n:]) for n in range(len(words))):  # its last words: "members of Congress"
            if tail in usual:
                return usual[tail], (start, end)
    return None


def _word_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None else None


def _sentence_at(doc: Doc, char: int) -> Span | None:
    word = _word_at(doc, char)
    return word.sent if word is not None else None


def _placed_again(doc: Doc, actors: list[Actor]) -> None:
    """"Lebanese troops fired at protesters in Tripoli": an actor that took its country from a city
    inside its own name takes the country dyad_places resolved that city to (Lebanon's Tripoli)."""
    countries = load_gazetteer().countries
    cities = [place for place in get_list(doc, "dyad_places") if place.kind != "country"]
    for actor in actors:
        inside = [place for place in cities for start, end in place.mentions
                  if any(s <= start and end <= e for s, e in actor.mentions)]
        named = {countries.get(doc.text[start:end].lower(), (None,))[0] for place in inside for start, end in place.mentions}
        resolved = {place.country for place in inside}
        if actor.country and len(resolved) == 1 and named == {actor.country} and None not in resolved | {actor.code}:
            country = resolved.pop()
            if country != actor.country:
                actor.code, actor.country = country + actor.code[len(actor.country):], country


def _set_country(actor: Actor, country: str, evidence: tuple[int, int] | None) -> None:
    actor.country = country
    actor.code = country + (actor.code or "")
    if evidence is not None and evidence not in actor.evidence:
        actor.evidence.append(evidence)
