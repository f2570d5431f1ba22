"""``dyad_actors``: countries, organisations and titled persons, coded CAMEO-style.

One PhraseMatcher pass (attr LOWER) finds gazetteer phrases: COUNTRY (names, demonyms,
capitals, seats of government), ORG (IGOs, NGOs, armed groups, media) and ROLE (role words
with a sector suffix). Adjacent matches form *chains* ("Russian Foreign Ministry spokeswoman",
"the state-run KCNA news agency"): the country or organisation owns the chain, the leftmost
role gives the sector. A chain followed by a person's name codes that person; a person's name
followed by ", <chain>" (apposition) or "of/at/from <chain>" is coded by the chain. Later short
mentions of a coded person (surname, or spelling variants of the full name) join that actor.

Chains never cross a verb or a clause. A role may take its country after "of/in/from" ("rebels in
Darfur"; "in" only for groups and bodies). Role words with no owner are actors coded by the sector
alone ("soldiers" → MIL, country None); a title without a country gives its sector, and the registry
the country when it knows the name. A capital that is not a place in its sentence (object of
"in/at/to...", of "visited", a modifier, a dateline) stands for the government ("Moscow said" → RUSGOV).

Persons the text gives no title for are looked up in the dated actor registry
(``dyad.gazetteer.registry``) by full name, or by a one-word alias the registry lists (and only one
person has), and coded with the role they held on the publication date. A title in the text wins
over the registry; the registry then only names the person (``Actor.registry_id``).

A capitalised name ending in an organisation head word (``organisation_heads.tsv``: union, party,
association, committee...) that no gazetteer phrase covers is an organisation too: coded by the
country named inside it and the head word's sector ("Kenyan Union of Teachers" → KEN + the members'
EDU), or, naming no country, as an NGO ("Ceasefire Monitoring Committee") or by a sector alone
that ``dyad_domestic`` completes ("Homeland Union" → PTY). Company and outlet names are skipped.

Writes ``doc._.dyad_actors``, ``doc._.dyad_mentions`` and
``doc.spans["dyad_actors"]`` (label = actor code, "" when unknown).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from dyad.gazetteer import IDENTITY_PREFIXES, Gazetteer, OrgEntry, OrgHead, load_gazetteer, load_org_words
from dyad.gazetteer.history import country_on, state_of_capital
from dyad.gazetteer.registry import FORMER, Person, Registry, load_registry
from dyad.nlp.extensions import get_list, register_extensions
from dyad.nlp.lexicon import load_word_sets
from dyad.nlp.parse import first_conjunct, patron
from dyad.records import Actor, Mention

register_extensions()

COUNTRY, ORG, ROLE = "COUNTRY", "ORG", "ROLE"
MODIFIER_DEPS = {"amod", "nmod", "compound"}  # "Hungarian and Romanian officials": Hungarian officials too
PEOPLE = "PEOPLE"  # a plural demonym after a country: "Bosnian Serbs", an ethnic group of that country
PEOPLE_SECTOR = "CVL"  # an ethnic group is civilians, as CAMEO codes it
BUSINESS = "BUS"  # a company of a country ("Unicorp Canada Corp."), as CAMEO codes it
MODIFIER = "modifier"  # role kind of "former": changes the sector, names no one alone
PRIORITY = {ORG: 0, COUNTRY: 1, ROLE: 2}  # on equal spans, the more specific reading wins
NAME_KINDS = {"name", "informal", "iso3", "historical"}
MAX_GAP = 5  # filler tokens allowed between two items of a chain ("russia's Far Eastern Federal University")
FILLER_POS = {"DET", "ADJ", "ADV", "PROPN", "PART", "NOUN", "VERB"}  # ADV: "far" in "France’s far-right party"
ADJECTIVAL_DEPS = {"amod", "compound"}  # a verb inside a name ("state-run") is no clause of its own
LINK_WORDS = {"of", "at", "from", "with"}  # "Artyom Lukin of russia's ... University"
OWNER_PREPS = {"of", "in", "from"}  # "president of Armenia", "rebels in Darfur", "a missionary from Chad"
DATELINE_PUNCT = {",", "(", "-", "—", "–", ":"}
NAME_HEAD_DEPS = {"nsubj", "nsubjpass", "dobj", "conj", "appos", "poss", "dative"}  # not "in Kumba": a place
NAME_ENTITIES = {"PERSON", "ORG", "NORP", "GPE"}  # what the NER may take a surname for ("Mitterrand": ORG)
PLACE_MODIFIER_DEPS = {"amod", "compound", "nmod", "npadvmod"}  # "the Moscow metro", "Paris based"
COUNT_WORDS = {"both"}  # "both leaders", "the two ministers": anaphors that dyad_coref takes up
POSSESSIVE = {"'s", "’s", "'", "’"}
TAIL_PREPS = {"of", "for"}  # a name goes on after its head: "Union of Teachers", "Committee for Peace"
TAIL_JOINTS = {"of", "for", "on", "the", "and", "&", "-"}  # "Association of Lawyers and Jurists"
NAME_POS = {"PROPN", "ADJ", "NOUN", "VERB"}  # "Ceasefire Monitoring Committee": any capitalised word
MAX_PARENTHESIS = 4  # words inside "(Conservatives)", "(CFVC)" that a name may carry
MAX_TITLE_WORDS = 3  # "Managing Director", "Deputy Executive Director" between a body and a name


@dataclass
class Item:
    """One gazetteer match."""

    start: int  # token indices
    end: int
    label: str
    key: str  # lower-cased gazetteer phrase


@dataclass
class Chain:
    """Adjacent items: an optional owner (country or organisation) and role words."""

    items: list[Item]
    country: Item | None = None
    org: Item | None = None
    roles: list[Item] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.items[0].start

    @property
    def end(self) -> int:
        return self.items[-1].end


@dataclass
class _Draft:
    """An actor being built for one document, before ids are assigned."""

    actor: Actor
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # token start, end, how


@Language.factory("dyad_actors", default_config={"use_registry": True})
def make_actor_tagger(nlp: Language, name: str, use_registry: bool) -> "ActorTagger":
    return ActorTagger(nlp, name, use_registry)


class ActorTagger:
    def __init__(self, nlp: Language, name: str = "dyad_actors", use_registry: bool = True) -> None:
        self.name = name
        self.gaz: Gazetteer = load_gazetteer()
        self.registry: Registry | None = load_registry() if use_registry else None
        self.people = PhraseMatcher(nlp.vocab, attr="LOWER")
        if self.registry is not None:
            # "Kim Jong-un" is written "Kim Jong Un" too: match both forms of every name and alias
            forms = {form for name in self.registry.names() for form in (name, name.replace("-", " "))}
            self.people.add("PERSON", list(nlp.tokenizer.pipe(sorted(forms))))
        self.common_nouns = _dictionary_words(nlp, "noun")
        self.common_words = _dictionary_words(nlp, "noun", "adj")
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for label, phrases in ((COUNTRY, self.gaz.countries), (ORG, self.gaz.organisations), (ROLE, self.gaz.roles)):
            # tokenise the canonical form: "u.s." splits where "U.S." (a tokenizer exception) does not
            forms = [self.gaz.forms.get(key, key) for key in phrases]
            # "sen." splits too, where the tokenizer keeps "Sen.", "Gov.", "Lt." whole: add the title case
            forms += [key.title() for key in phrases if key.endswith(".") and key not in self.gaz.forms]
            self.matcher.add(label, list(nlp.tokenizer.pipe(forms)))

    def __call__(self, doc: Doc) -> Doc:
        names = _longest(self.people(doc, as_spans=True)) if self.registry is not None else []
        _DocActors(doc, self.gaz, self._items(doc), self.registry, names, self.common_nouns, self.common_words).run()
        return doc

    # ------------------------------------------------------------ matching

    def _items(self, doc: Doc) -> list[Item]:
        found = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            label, key = doc.vocab.strings[match_id], span.text.lower()
            if not self.gaz.case_ok(key, span.text) or (label == COUNTRY and (_ancestry(span) or patron(span))) or _stance(span):
                continue
            if label == ROLE or not _inside_longer_person(span):
                found.append(Item(start, end, label, key))
        found.sort(key=lambda i: (i.start - i.end, PRIORITY[i.label], i.start))
        taken: set[int] = set()
        items = []
        for item in found:  # longest match wins
            if not taken.intersection(range(item.start, item.end)):
                taken.update(range(item.start, item.end))
                items.append(item)
        return sorted(items, key=lambda i: i.start)


def _ancestry(span: Span) -> bool:
    """"of Indian origin", "of Korean descent": a people's ancestry names no state."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in load_word_sets("actor_context.tsv")["origin_word"]


def _stance(span: Span) -> bool:
    """"anti-government protesters", "pro-Russian separatists": what a group is for or against is not
    who it is."""
    doc, start = span.doc, span.start
    return start >= 2 and doc[start - 1].text == "-" and (
        doc[start - 2].lower_ in load_word_sets("actor_context.tsv")["stance_prefix"])


def _inside_longer_person(span: Span) -> bool:
    """"Jordan" in "Jordan Peterson": a place or organisation word inside a longer PERSON name.

    A name ending in a plural ("Bosnian Serbs" tagged PERSON) is a people, not a person.
    """
    ent = _entity_of(span[0]) if span[0].ent_type_ == "PERSON" else None
    if ent is None or ent[-1].tag_ in ("NNS", "NNPS"):
        return False
    return ent.start < span.start or ent.end > span.end


def _entity_of(token: Token) -> Span | None:
    doc = token.doc
    return next((e for e in doc.ents if e.start <= token.i < e.end), None)


class _DocActors:
    """The per-document work: chains, names, actors and mentions."""

    def __init__(self, doc: Doc, gaz: Gazetteer, items: list[Item],
                 registry: Registry | None = None, registry_names: list[Span] | None = None,
                 common_nouns: frozenset[str] = frozenset(), common_words: frozenset[str] = frozenset()) -> None:
        self.doc, self.gaz, self.items = doc, gaz, items
        self.common_nouns, self.common_words = common_nouns, common_words
        self.registry, self.registry_names = registry, registry_names or []
        document = doc._.dyad_document
        self.published: str | None = document.published if document is not None else None
        self.drafts: dict[tuple, _Draft] = {}
        self.used: set[int] = set()  # tokens already part of a mention
        self.persons: list[_Draft] = []
        self.org = load_org_words()

    def run(self) -> None:
        chains = self._chains()
        self._share_roles(chains)
        chains = self._companies(self._unknown_organisations(chains))
        claimed = self._titled_persons(chains)
        for chain in chains:
            if id(chain) not in claimed:
                self._chain_actor(chain)
        self._named_persons()
        self._registry_names()
        self._untagged_leaders()
        self._registry_codes()
        self._surnames()
        self._write()

    # ------------------------------------------------------------ chains

    def _chains(self) -> list[Chain]:
        chains: list[Chain] = []
        for item in self.items:
            last = chains[-1] if chains else None
            if last and self._joins(last, item):
                if item.label == COUNTRY and last.country is not None:
                    item = Item(item.start, item.end, PEOPLE, item.key)
                self._add(last, item)
            else:
                chains.append(self._add(Chain([]), item))
        return chains

    def _share_roles(self, chains: list[Chain]) -> None:
        """"Hungarian and Romanian officials", "US, South Korean and Japanese troops": a demonym
        coordinated with the next chain's owner shares its roles (right to left, so a list shares all)."""
        for left, right in reversed(list(zip(chains, chains[1:]))):
            if left.roles or left.org or left.country is None or right.country is None or not right.roles:
                continue
            if right.country.start != right.start or not self._modifies(left, right):
                continue
            gap = [t.lower_ for t in self.doc[left.end:right.start]]
            if gap in (["and"], [","], [",", "and"], ["or"]):
                left.roles = list(right.roles)
        for left, right in zip(chains, chains[1:]):  # "leaders of Egypt, Jordan and Syria": each one's leaders
            owned_after = left.roles and left.country is not None and left.roles[0].start < left.country.start
            if owned_after and right.roles == [] and right.org is None and right.country is not None and (
                    self._coordinated(left.country, right.country)):
                right.roles = list(left.roles)

    def _coordinated(self, first: Item, later: Item) -> bool:
        """The two countries are conjuncts of one list ("Egypt, Jordan and Syria")."""
        return self.doc[first.start:first.end].root in self.doc[later.start:later.end].root.conjuncts

    def _modifies(self, left: Chain, right: Chain) -> bool:
        """The left owner hangs on the right chain's words as a modifier, or is coordinated with
        one that does ("Hungarian and Romanian officials"; not "Russia and Chinese diplomats")."""
        root = first_conjunct(self.doc[left.start:left.end].root)  # "Hungarian, Czech and ...": through the list
        words = {i for item in (*right.items, *right.roles) for i in range(item.start, item.end)}
        return root.dep_ in MODIFIER_DEPS and root.head.i in words

    @staticmethod
    def _add(chain: Chain, item: Item) -> Chain:
        chain.items.append(item)
        if item.label == COUNTRY:
            chain.country = item
        elif item.label == ORG:
            chain.org = item
        else:
            chain.roles.append(item)
        return chain

    def _joins(self, chain: Chain, item: Item) -> bool:
        """One organisation at most; roles anywhere after; a country only where it owns the chain."""
        if item.label == ORG and chain.org is not None:
            return False
        if self.gaz.countries.get(chain.items[-1].key, ("", ""))[1] == "seat":
            return False
        gap = self.doc[chain.end:item.start]
        if len(gap) > MAX_GAP or any(t.is_sent_start for t in self.doc[chain.end:item.end]):
            return False
        if item.label == COUNTRY:
            return self._country_joins(chain, item, gap)
        if (item.label == ORG and chain.roles and chain.country is None and self._owner_after(chain, gap)
                and self._sector_of(self._sector_role(chain)) != FORMER):
            return True  # "finance ministers of the Group of Seven": the organisation's ("a former envoy of the UN" is an elite)
        if chain.country is not None and self._owns_relation(chain.country):
            return False  # "Iran's militia allies": the militias are the allies, not Iran's own
        return all(_filler(t) for t in gap)

    def _country_joins(self, chain: Chain, item: Item, gap: Span) -> bool:
        """"former Russian ...", "rebels in Darfur", "president of Armenia", "Bosnian Serbs"."""
        if chain.org is not None or self._owns_relation(item):
            return False
        if chain.country is not None:  # a people of that country, written right after it
            kind = self.gaz.countries[item.key][1]
            return not gap and len(chain.items) == 1 and kind == "demonym" and item.key.endswith("s")
        if all(self._kind_of(r) == MODIFIER for r in chain.roles):
            return all(_filler(t) for t in gap)
        return self._owner_after(chain, gap)

    def _owns_relation(self, item: Item) -> bool:
        """"the commander of Iran's proxy allies": the country owns the allies, someone else than itself."""
        root = self.doc[item.start:item.end].root
        relational = load_word_sets("event_rules.tsv")["relational_noun"]
        held = [root.head] + [c for c in root.head.children if c.dep_ == "compound"]  # "Manila's creditor banks"
        return root.dep_ == "poss" and any(t.lemma_.lower() in relational for t in held)

    def _owner_after(self, chain: Chain, gap: Span) -> bool:
        """Roles, then "of/in/from [the]" and the country: the preposition must hang on the roles.
        The country's own adjectives do not count ("rebels from the southern Philippines")."""
        while len(gap) and gap[-1].pos_ == "ADJ" and gap[-1].dep_ == "amod" and gap[-1].head.i >= gap.end:
            gap = gap[:-1]
        words = [t for t in gap if t.pos_ != "DET"]
        if not words or words[-1].lower_ not in OWNER_PREPS or gap[-1].pos_ not in ("DET", "ADP"):
            return False
        prep = words[-1]
        if not all(_filler(t) for t in words[:-1]) or not chain.start <= prep.head.i < prep.i:
            return False
        if prep.lower_ == "from" and self._moved_away(prep.head):
            return False
        # "the ambassador in Moscow" is no Russian: only groups and bodies are "in" a country
        return prep.lower_ != "in" or not self._singular_person(chain.roles[-1])

    def _moved_away(self, noun: Token) -> bool:
        """Whether the people named are being moved away ("withdrew troops", "the withdrawal of forces"),
        which makes a "from X" after them the place they leave."""
        mover = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun.head
        return noun.dep_ in ("dobj", "pobj") and self.gaz.locative.get(mover.lemma_.lower()) == "leaving"

    def _singular_person(self, role: Item) -> bool:
        return self._kind_of(role) == "person" and not self._plural(role)

    def _plural(self, role: Item) -> bool:
        """"Rebels" heading a sentence is tagged NNP: the gazetteer's plural form tells too."""
        if self.doc[role.end - 1].tag_ in ("NNS", "NNPS"):
            return True
        return role.key.endswith(("s", "men")) and not role.key.endswith(("ss", "us", "is"))

    def _sector_of(self, role: Item) -> str:
        return PEOPLE_SECTOR if role.label == PEOPLE else self.gaz.roles[role.key]

    def _kind_of(self, role: Item) -> str | None:
        return "person" if role.label == PEOPLE else self.gaz.role_kinds.get(role.key)

    def _chain_code(self, chain: Chain) -> tuple[str | None, str | None, str | None]:
        """(code, country, sector) of a chain: owner code + leftmost role's sector suffix.

        With no owner, the sector alone is the code ("MIL"), as GDELT codes "soldiers".
        """
        sector = self._sector_of(self._sector_role(chain)) if chain.roles else None
        if chain.org is not None:
            entry = self.gaz.organisations[chain.org.key]
            namesake = self._namesake_of(chain.org, entry, chain.country, sector)
            if namesake is not None:
                return namesake
            return entry.code, entry.country, self._org_sector(entry, chain, sector)
        if chain.country is not None:
            code, kind = self.gaz.countries[chain.country.key]
            if kind == "seat" or (kind == "capital" and not chain.roles and not self._locative(chain.country)):
                sector = sector or "GOV"  # the Kremlin, "Moscow said": the government
            if kind in ("seat", "capital"):
                # "Moscow said" in 1987 is the Soviet government; "shelled Juba" in 1992 hit Sudan
                state = state_of_capital(chain.country.key, self.published) if kind == "capital" else None
                code = state.code if state else country_on(code, self.published)
            return code + (sector or ""), code, sector[:3] if sector else None
        return sector, None, sector[:3] if sector else None

    def _sector_role(self, chain: Chain) -> Item:
        """The leftmost role, but "former" wins, and in "representatives of the Russian foreign
        ministry" the body after the owner tells what the people before it belong to."""
        first = chain.roles[0]
        if chain.country is None or self._kind_of(first) == MODIFIER or first.start > chain.country.start:
            return first
        return next((r for r in chain.roles if r.start > chain.country.start), first)

    def _org_sector(self, entry: OrgEntry, chain: Chain, role_sector: str | None) -> str | None:
        """The code's own sector block (PRKMED, IRQREB; a bare MED for an outlet of no one state).

        IGO/NGO codes hold the organisation's identity there (IGOUNO), no sector: a role after the
        name gives it ("UN peacekeepers": MIL)."""
        if entry.kind in ("igo", "ngo"):
            after = role_sector is not None and chain.roles[0].start > chain.org.start
            return role_sector[:3] if after else None
        own = entry.code[3:6] or entry.code[:3]
        return own if own in self.gaz.sectors else None

    def _locative(self, item: Item) -> bool:
        """A capital as a place: object of "in/at/to..." or "visited", a part's ("the streets of Lima"), a modifier ("Moscow metro",
        "Paris-based"), part of another name ("London Stock Exchange"), a gloss ("Acme Corp, Tokyo"),
        or a dateline."""
        doc = self.doc
        root = first_conjunct(doc[item.start:item.end].root)  # "in Moscow and Beijing"
        cue = self.gaz.locative.get(root.head.lower_ if root.dep_ == "pobj" else root.head.lemma_.lower())
        if (root.dep_, cue) in (("pobj", "prep"), ("dobj", "verb")) or root.dep_ == "appos":
            return True
        if root.dep_ == "pobj" and root.head.lower_ == "of" and self.gaz.locative.get(root.head.head.lemma_.lower()) == "part":
            return True  # "the streets of Lima"
        if root.dep_ in PLACE_MODIFIER_DEPS and root.head.pos_ in ("NOUN", "PROPN", "VERB"):
            return True
        if doc[item.start].ent_type_ not in ("", "GPE") or (item.end < len(doc) and doc[item.end].text == "-"):
            return True
        return dateline(doc, item.start, item.end)

    # ------------------------------------------------------------ organisations the gazetteer lacks

    def _unknown_organisations(self, chains: list[Chain]) -> list[Chain]:
        """Names ending in an organisation head word that no gazetteer phrase covers become actors;
        the chains inside such a name (its country, its members' role word) are used up by it."""
        for span, head in self._organisation_names():
            inside = {id(c) for c in chains if span.start <= c.start and c.end <= span.end}
            if any(c.start < span.end and span.start < c.end and id(c) not in inside for c in chains):
                continue  # "Congress Party leaders": a chain runs on out of the name, and codes it
            coded = self._organisation_code(span, head)
            if coded is not None:
                code, country, sector = coded
                actor = Actor("", span.text, code, country, sector, "organisation")
                self._mention(("org", code, span.text.lower()), actor, span, "name")
                chains = [c for c in chains if id(c) not in inside]
        return chains

    def _companies(self, chains: list[Chain]) -> list[Chain]:
        """"Unicorp Canada Corp.", "Union Bank of Finland": a company's name uses up the country (or the
        central bank) in it, which is no state actor; the company is that country's business (CAMEO BUS)."""
        for span in _longest([s for s in map(self._name_around, self._company_words()) if s is not None]):
            inside = [c for c in chains if span.start <= c.start and c.end <= span.end]
            if not inside or any(c.org is not None and c.org.start == span.start for c in inside) or any(
                    c.start < span.end and span.start < c.end and c not in inside for c in chains):
                continue  # the gazetteer's own organisation ("Bank of Japan"), or a chain that runs on out of the name
            if any(c.start == span.start and c.end == span.end and c.country is not None for c in inside):
                continue  # the name is a place's: "the West Bank"
            countries = {self._chain_code(c)[1] for c in inside} - {None}
            if len(countries) != 1:
                continue
            country = countries.pop()
            actor = Actor("", span.text, country + BUSINESS, country, BUSINESS, "organisation")
            self._mention(("org", country + BUSINESS, span.text.lower()), actor, span, "name")
            chains = [c for c in chains if c not in inside]
        return chains

    def _company_words(self) -> list[Token]:
        """Capitalised words of a company's name (Corp., Ltd, Bank: company_words.txt)."""
        return [t for t in self.doc if t.text[:1].isupper() and self.org.company_word(t.text)]

    def _organisation_names(self) -> list[tuple[Span, Token]]:
        """(name, head word) of every capitalised name around a head word, longest first."""
        spans = [self._name_around(t) for t in self.doc if self._org_head(t) is not None]
        return [(span, self._head_in(span)) for span in _longest([s for s in spans if s is not None])]

    def _org_head(self, token: Token) -> OrgHead | None:
        """A head word written capitalised, or one the data allows lower case after a name ("Umma party")."""
        row = self.org.heads.get(token.lower_)
        if row is None or token.pos_ not in ("PROPN", "NOUN"):
            return None
        if token.text[:1].isupper():
            return row
        before = self.doc[token.i - 1] if token.i > 0 else None
        return row if row.lower and before is not None and (_name_part(before) or before.text == ")") else None

    def _name_around(self, head: Token) -> Span | None:
        """The capitalised words before the head, and an "of/for ..." tail and a parenthesis after it;
        None unless some word besides the head is capitalised ("The Committee" names no one)."""
        doc, sent = self.doc, head.sent
        start = head.i
        while start > sent.start:
            before = doc[start - 1]
            opening = _parenthesis_start(doc, start, sent.start) if before.text == ")" else None
            if opening is not None:
                start = opening
            elif _name_part(before) or (before.text in POSSESSIVE | {"-"} and start - 2 >= sent.start
                                        and _name_part(doc[start - 2])):
                start -= 1
            else:
                break
        span = doc[start:self._name_tail(head.i + 1, sent.end)]
        return span if any(_name_part(t) and t.i != head.i for t in span) else None

    def _name_tail(self, i: int, limit: int) -> int:
        doc = self.doc
        end = _parenthesis_end(doc, i, limit) or i
        if end < limit and doc[end].lower_ in TAIL_PREPS:
            last, j = None, end + 1
            while j < limit and (_name_part(doc[j]) or _tail_joint(doc, j, limit)):
                last = j if _name_part(doc[j]) else last
                j += 1
            end = last + 1 if last is not None else end
            end = _parenthesis_end(doc, end, limit) or end  # "... Committee (CFVC)"
        return end

    def _head_in(self, span: Span) -> Token:
        """The last head word before the name's tail ("Association" of "Association of Arab Jurists")."""
        heads = [t for t in span if self._org_head(t) is not None]
        cut = next((t.i for t in span if t.lower_ in TAIL_PREPS or t.text == "("), span.end)
        before = [t for t in heads if t.i < cut]
        return before[-1] if before else heads[0]

    def _organisation_code(self, span: Span, head: Token) -> tuple[str, str | None, str | None] | None:
        """(code, country, sector), or None for a company, an outlet or a name the gazetteer covers."""
        if any(t.lower_ in self.org.not_heads for t in span):
            return None
        if any(item.start <= head.i < item.end for item in self.items):
            return None  # "European Union", "Security Council": the gazetteer's
        items = [item for item in self.items if span.start <= item.start and item.end <= span.end]
        countries = {self.gaz.countries[i.key][0] for i in items if i.label == COUNTRY}
        country = countries.pop() if len(countries) == 1 else None
        org = next((i for i in items if i.label == ORG), None)
        if org is not None:
            return self._national_branch(org, country, items)
        row = self.org.heads[head.lower_]
        role = next((i for i in items if i.label == ROLE and self._kind_of(i) in ("person", "body")), None)
        role = role if row.members else None
        base = row.lower if head.text[:1].islower() else row.named if country else row.alone
        if country is None and base == "NGO" and not self._of_no_state(span, head, row):
            base = None  # "Democratic National Committee": a domestic body, no international NGO
        sector = self.gaz.roles[role.key] if role is not None else base
        if country is not None:
            return country + (sector or ""), country, sector[:3] if sector else None
        if sector is None:
            return None
        if base == "NGO" and role is not None and self._kind_of(role) == "person":
            return "NGO" + sector, None, sector[:3]  # "Association of African Lawyers": NGOJUD, as Phoenix
        return sector, None, None if sector == "NGO" else sector[:3]  # NGO holds identity, no sector

    def _of_no_state(self, span: Span, head: Token, row: OrgHead) -> bool:
        """A country-less name of a body of no one state: an international word, or no domestic word
        and as many name words as the head asks ("Appropriations Committee" is some body's part)."""
        kinds = {self.org.markers.get(t.lower_) for t in span}
        if "international" in kinds or "domestic" in kinds:
            return "international" in kinds
        return sum(_name_part(t) and t.i != head.i for t in span) >= row.words

    def _national_branch(self, org: Item, country: str | None, items: list[Item]) -> tuple | None:
        """"the Zambian Red Cross Society": a country's branch of a known NGO, coded by the country and
        the NGO's own sector (HLH of NGOHLHIRC). Anything else inside a gazetteer name stays the gazetteer's."""
        entry = self.gaz.organisations[org.key]
        owner = next((i for i in items if i.label == COUNTRY), None)
        role = next((self.gaz.roles[i.key] for i in items if i.label == ROLE and i.start >= org.end), None)
        namesake = self._namesake_of(org, entry, owner, role)
        if namesake is not None:
            return namesake
        if entry.kind != "ngo" or country is None or owner is None or owner.start > org.start:
            return None
        blocks = [entry.code[i:i + 3] for i in range(3, len(entry.code), 3)]
        sector = next((b for b in blocks if b in self.gaz.sectors), "NGO")
        return country + sector, country, sector

    def _namesake_of(self, org: Item, entry, owner: Item | None, sector: str | None) -> tuple | None:
        """"France's National Front party": a name of two or more plain words, none a country's, which
        the gazetteer knows as another country's body, names a body of the country that owns it here,
        with the sector its own role words give (party: PTY), never the other body's. A proper name
        keeps its country: "Iran's Hezbollah" stays Lebanese."""
        if owner is None or owner.start > org.start or not entry.country:
            return None
        country = self.gaz.countries[owner.key][0]
        words = [t.lower_ for t in self.doc[org.start:org.end] if t.is_alpha]
        plain = len(words) > 1 and all(w in self.common_words and w not in self.gaz.countries for w in words)
        if country == entry.country or not plain:
            return None
        return country + (sector or ""), country, sector[:3] if sector else None

    # ------------------------------------------------------------ persons with titles

    def _titled_persons(self, chains: list[Chain]) -> set[int]:
        claimed: set[int] = set()
        for chain in chains:
            name = self._name_after(chain)
            if name is not None:
                self._person(chain, name, start=chain.start)
                claimed.add(id(chain))
        for chain in chains:
            if id(chain) in claimed:
                continue
            name = self._name_before(chain)
            if name is not None:
                self._person(chain, name, start=name.start)
                claimed.add(id(chain))
        return claimed

    def _name_after(self, chain: Chain) -> Span | None:
        """"<country> <role> Name": a person-role chain (or bare country) then a name."""
        last = chain.items[-1]
        # a person's title is singular: "reporters Kenya" names no reporter
        titled = last.label == ROLE and self.gaz.role_kinds.get(last.key) == "person" and not self._plural(last)
        seat = len(chain.items) == 1 and last.label == COUNTRY and self.gaz.countries[last.key][1] == "seat"
        if (chain.org is not None or seat) and (name := self._titled_after_organisation(chain.end)) is not None:
            return name
        if not titled and not (len(chain.items) == 1 and last.label == COUNTRY):
            return None
        doc, i = self.doc, chain.end
        if i < len(doc) and doc[i].ent_type_ == "PERSON":
            ent = _entity_of(doc[i])
            return _strip_possessive(doc[i:ent.end]) if ent is not None else None
        if titled and not any(it.start == i for it in self.items):
            # NER missed the name: take the capitalised words after a title, but no country's
            j = i
            while j < len(doc) and j - i < 4 and (_name_word(doc[j]) or (doc[j].text == "-" and j > i)):
                j += 1
            return _strip_possessive(doc[i:j]) if j > i and _name_word(doc[j - 1]) else None
        return None

    def _titled_after_organisation(self, i: int) -> Span | None:
        """"IMF Managing Director Michel Camdessus", "White House communications director John
        Koehler": title words with no entity type (up to MAX_TITLE_WORDS), between an organisation or
        a seat of government and a PERSON name, make the person the organisation's or government's."""
        doc, j = self.doc, i
        while j < len(doc) and j - i < MAX_TITLE_WORDS and not doc[j].ent_type_ and (
                doc[j].is_title or doc[j].pos_ in ("NOUN", "ADJ")):
            j += 1
        ent = _entity_of(doc[j]) if i < j < len(doc) and doc[j].ent_type_ == "PERSON" else None
        return _strip_possessive(doc[j:ent.end]) if ent is not None and ent.start == j else None

    def _name_before(self, chain: Chain) -> Span | None:
        """"Name, <chain>" (apposition) or "Name of/at/from <chain>"."""
        doc, i = self.doc, chain.start
        while i > 0 and doc[i - 1].pos_ == "DET":
            i -= 1
        if i < 2:
            return None
        link = doc[i - 1]
        appositive = link.text == "," and chain.roles and self.gaz.role_kinds.get(chain.roles[-1].key) == "person"
        linked = link.lower_ in LINK_WORDS and (chain.org is not None or chain.roles)
        ent = _entity_of(doc[i - 2]) if doc[i - 2].ent_type_ == "PERSON" else None
        if ent is None or not (appositive or linked) or ent.start in self.used:
            return None
        return _strip_possessive(ent)

    def _person(self, chain: Chain, name: Span, start: int) -> None:
        code, country, sector = self._chain_code(chain)
        roles = chain.roles
        role = self.doc[roles[0].start:roles[-1].end].text if roles else None
        draft = self._find_person(_name_key(name.text)) or self._new_person(name.text)
        # a title that names the country ("Zimbabwean President") betters one that does not
        if code and (draft.actor.code is None or (draft.actor.country is None and country)):
            actor = draft.actor
            actor.code, actor.country, actor.sector, actor.role = code, country, sector, role
            title = self.doc[chain.start + (self.doc[chain.start].pos_ == "DET"):chain.end]
            actor.evidence.append((title.start_char, title.end_char))
        end = max(name.end, chain.end)
        draft.mentions.append((start, end, "title"))
        self.used.update(range(start, end))

    # ------------------------------------------------------------ other actors

    def _chain_actor(self, chain: Chain) -> None:
        code, country, sector = self._chain_code(chain)
        if code is None:
            return
        span = self.doc[chain.start:chain.end]
        if chain.org is None and chain.country is None:
            self._role_actor(chain, code, sector, span)
        elif chain.org is not None:
            entry = self.gaz.organisations[chain.org.key]
            how = "name" if chain.org.key == entry.name.lower() else "alias"
            part = next((r.key for r in chain.roles if r.start > chain.org.start), None)  # "UN peacekeepers"
            key = ("org", code, part) if len(code) >= 6 else ("org", code, entry.name.lower(), part)
            kind = "media" if entry.kind == "media" else "organisation"
            self._mention(key, Actor("", entry.name, code, country, sector, kind), span, how)
        elif chain.roles:
            head = chain.roles[-1]
            # "the Russian president"; "Israeli soldiers", "British forces"; "the Russian foreign ministry"
            kind = "person" if self._singular_person(head) else "group" if self._plural(head) else "organisation"
            actor = Actor("", _title_name(span), code, country, sector, kind, role=head.key)
            self._mention(("role", code, head.key), actor, span, "title")
        elif sector is not None:  # the Kremlin; a capital standing for its government: "Moscow said"
            seat = self.gaz.countries[chain.country.key][1] == "seat"
            actor = Actor("", span.text, code, country, sector, "organisation" if seat else "country")
            self._mention(("role", code, chain.country.key), actor, span, "title" if seat else "name")
        else:
            kind = self.gaz.countries[chain.country.key][1]
            how = "name" if kind in NAME_KINDS else "alias"
            actor = Actor("", self.gaz.country_name(code), code, code, None, "country")
            self._mention(("country", code), actor, span, how)

    def _role_actor(self, chain: Chain, code: str, sector: str | None, span: Span) -> None:
        """Role words with no owner: "soldiers", "police", "a judge"; coded by the sector alone."""
        head, doc = chain.roles[-1], self.doc
        if self._kind_of(head) == MODIFIER or head.key in self.gaz.not_alone:
            return
        if doc[head.end - 1].pos_ not in ("NOUN", "PROPN"):  # "general" in "the general public"
            return
        singular = self._singular_person(head)
        if not singular and _counted(doc, chain.start):
            return  # "the two leaders" takes up earlier actors: dyad_coref's
        kind = "person" if singular else "group" if self._plural(head) else "organisation"
        actor = Actor("", _title_name(span), code, None, sector, kind, role=head.key)
        self._mention(("role", code, head.key), actor, span, "title")

    def _named_persons(self) -> None:
        """PERSON entities not introduced with a title: join a known person or stand alone."""
        for ent in self.doc.ents:
            if ent.label_ != "PERSON" or self.used.intersection(range(ent.start, ent.end)):
                continue
            name = _strip_possessive(ent)
            if not len(name) or self._word_not_name(name):
                continue
            key = _name_key(name.text)
            draft = self._find_person(key)
            if draft is None:
                draft, how = self._new_person(name.text), "name"
            elif key == _name_key(draft.actor.name):
                how = "name" if name.text == draft.actor.name else "alias"
            else:
                how = "surname"
            draft.mentions.append((name.start, name.end, how))
            self.used.update(range(name.start, name.end))

    def _word_not_name(self, name: Span) -> bool:
        """A surname that is also a word, tagged PERSON where the tagger reads no name heading a noun
        phrase: "Rice prices", "Brown and white rice"."""
        word = name[0]
        return len(name) == 1 and word.lower_ in self.gaz.surname_words and (
            word.pos_ != "PROPN" or word.dep_ not in NAME_HEAD_DEPS)

    # ------------------------------------------------------------ the dated actor registry

    def _registry_names(self) -> None:
        """Registry names the NER did not tag as PERSON ("Choe Son Hui" read as a nationality)."""
        for span in self.registry_names:
            if self.used.intersection(range(span.start, span.end)) or not span.text[:1].isupper():
                continue
            key = _name_key(span.text)
            draft = self._find_person(key)
            how = "name" if draft is None or key == _name_key(draft.actor.name) else "surname"
            draft = draft or self._new_person(span.text)
            draft.mentions.append((span.start, span.end, how))
            self.used.update(range(span.start, span.end))

    def _registry_codes(self) -> None:
        """Name persons the registry knows; code those the text gave no title, by date."""
        for draft in self.persons:
            actor, found = draft.actor, self._registry_people(draft.actor)
            if len(found) != 1:
                self._namesakes(actor, found)
                continue
            person = found[0]
            actor.registry_id = person.id
            if actor.code is not None and actor.country is None:  # "President Mugabe": title + known name
                if self._sector_only(actor.code):  # not "U.N. mediator Diego Cordovez" (IGOUNO)
                    actor.code, actor.country = self._titled(actor.code, found), person.country
                continue
            if actor.code is not None:
                continue
            role = person.role_at(self.published)
            if role is not None:
                code = self._of_the_day(role.code)
                actor.code, actor.country, actor.sector = code, self._of_the_day(person.country), role.code[3:6] or None
                actor.role = role.title
            elif person.country:  # "Donald Trump" in 2016: known, not yet in office: an elite, as Phoenix codes
                country = self._of_the_day(person.country)
                actor.code, actor.country, actor.sector = country + FORMER, country, FORMER

    def _of_the_day(self, code: str) -> str:
        """A code's state on the publication date: a Georgian official of 1987 was a Soviet one (as
        places are coded); an IGO's code is its own."""
        prefix = code[:3]
        return code if prefix in IDENTITY_PREFIXES else (country_on(prefix, self.published) or prefix) + code[3:]

    def _titled(self, title_code: str, people: list[Person]) -> str:
        """"President Mugabe": the person's country with the title's sector. An IGO official keeps the
        organisation's own code ("Secretary-General Annan": IGOUNO, not IGO + GOV)."""
        country = people[0].country
        codes = {p.code_at(self.published) for p in people}
        if country in IDENTITY_PREFIXES and len(codes) == 1 and None not in codes:
            return codes.pop()
        return country + title_code

    def _sector_only(self, code: str) -> bool:
        """A title's code with no owner ("GOV", "GOVMIL"), which a person's country may complete."""
        return all(code[i:i + 3] in self.gaz.sectors for i in range(0, len(code), 3))

    def _registry_people(self, actor: Actor) -> list[Person]:
        """The registry persons of this name (of the actor's country, when the text gave it).
        Namesakes: those in a role on the publication date, and of those the ones in office."""
        if self.registry is None:
            return []
        found = [p for p in self.registry.lookup(actor.name) if actor.country in (None, p.country)]
        if not found and actor.evidence:  # "King Hussein": a title the registry keeps in the name
            start, end = actor.evidence[0]
            titled = f"{self.doc.text[start:end]} {actor.name}"
            found = [p for p in self.registry.lookup(titled) if actor.country in (None, p.country)]
        if not found and len(actor.name.split()) == 1:
            found = self._serving_surname(actor) or self._leader_surname(actor)
        people = [p for p in found if len(found) == 1 or p.role_at(self.published) is not None]
        serving = [p for p in people if not (p.code_at(self.published) or "").endswith(FORMER)]
        people = serving if len(people) > 1 and serving else people
        # the curated tables over Phoenix's: its Gorbachev is Russia's, the curated one the Soviet Union's
        curated = [p for p in people if p.id not in self.registry.background]
        return curated if len(people) > 1 and curated else people

    def _serving_surname(self, actor: Actor) -> list[Person]:
        """"Arafat said": a bare surname (not one many share, such as Kim) is
        the registry person of that surname in office on the publication date (with no date, now):
        of several, the one in government, then the one of the curated leaders' tables rather than
        Phoenix's background persons. Entries that carry one code that day are returned together,
        and ``_namesakes`` codes them: one person listed twice ("Kofi Annan", "K. Annan"), or two
        of one government ("Baker" in 1987: the Treasury Secretary and the Chief of Staff)."""
        if actor.name.lower() in self.gaz.names_not_alone:
            return []
        day = self.published
        namesakes = self.registry.by_surname(actor.name, self.gaz.family_name)
        # namesakes in office that day; an elite (ELI) holds none ("Blair" in 1998 is not Dennis Blair)
        one_country = len({p.country for p in namesakes if (p.code_at(day) or "ELI")[3:6] != "ELI"}) == 1
        serving = [p for p in namesakes if p.serving(day) and actor.country in (None, p.country)
                   and (actor.code or self._plausible(p, day, one_country))]
        governing = [p for p in serving if (p.code_at(day) or "")[3:6] == "GOV"]
        leading = [p for p in governing if p.id not in self.registry.background]
        return next((group for group in (serving, governing, leading)
                     if len({(p.country, p.code_at(day)) for p in group}) == 1), [])

    def _leader_surname(self, actor: Actor) -> list[Person]:
        """"Mitterrand", "President Reagan" in a story dated after their terms (or given a placeholder
        date): the curated members of government of that surname, when they are one country's ("Frank"
        is no Barney Frank). With a title, any curated person and then Phoenix's background persons."""
        if actor.name.lower() in self.gaz.names_not_alone:
            return []
        namesakes = self.registry.by_surname(actor.name, self.gaz.family_name)
        titled = bool(actor.code) and self._sector_only(actor.code)
        curated = [p for p in namesakes if p.id not in self.registry.background and (titled or self._led(p))]
        for group in (curated, namesakes if titled else []):
            if group:
                return group if len({p.country for p in group}) == 1 else []
        return []

    def _led(self, person: Person) -> bool:
        """Head of state or government before the publication date ("Mitterrand"; not a governor,
        a minister or a vice-president, whose surnames are too common to stand alone)."""
        heads = load_word_sets("actor_context.tsv")["head_title"]
        return any(r.code[3:6] == "GOV" and (r.title or "").lower() in heads
                   and (self.published is None or (r.start or "") <= self.published) for r in person.roles)

    def _plausible(self, person: Person, day: str | None, one_country: bool) -> bool:
        """A bare surname with no title names a curated leader, an IGO's chief official (Phoenix lists
        only those: "Annan"), a member of a government (Phoenix's plain GOV code) whose surname no
        other country's officials share that day ("Arafat"; "Cruz" is many countries'), or a background official
        of a country the text names ("Ryan" in Washington is no Irish official)."""
        if person.id not in self.registry.background or person.country in IDENTITY_PREFIXES:
            return True
        if one_country and person.code_at(day) == person.country + "GOV":
            return True
        return any(d.actor.country == person.country for d in self.drafts.values() if d.actor.kind != "person")

    def _namesakes(self, actor: Actor, found: list[Person]) -> None:
        """Namesakes of one country ("George Bush", father or son) code as all of them do on the
        date (USAELI in 2015); with a title and no date, the title names the sector."""
        countries, codes = {p.country for p in found}, {p.code_at(self.published) for p in found}
        if len(countries) != 1 or actor.country is not None:
            return
        country = countries.pop()
        if actor.code is not None:
            if self._sector_only(actor.code):
                actor.code, actor.country = self._titled(actor.code, found), country
        elif len(codes) == 1:
            code = codes.pop() or country + FORMER  # leaders all out of office that day: an elite
            actor.code, actor.country, actor.sector = code, country, code[3:6] or None

    def _surnames(self) -> None:
        """Known surnames the NER did not tag as PERSON ("Choi" tagged ORG)."""
        by_surname = {self._surname(d): d for d in self.persons if d.actor.code and self._surname(d)}
        for token in self.doc:
            if token.i in self.used or not token.text[:1].isupper():
                continue
            draft = by_surname.get(token.lower_)
            if draft is not None and token.i > draft.mentions[0][0]:
                draft.mentions.append((token.i, token.i + 1, "surname"))
                self.used.add(token.i)

    # ------------------------------------------------------------ person registry

    def _untagged_leaders(self) -> None:
        """A lone capitalised name the NER missed ("Nakasone met Reagan") that is the surname of the
        one person in government on the publication date (as ``_serving_surname`` finds them)."""
        if self.registry is None:
            return
        for token in self.doc:
            if token.i in self.used or not _lone_name(token, self.common_nouns):
                continue
            known = self._find_person(_name_key(token.text))
            if known is not None:  # a known person's surname is theirs ("Choi" after "Choi Seon-hui")
                known.mentions.append((token.i, token.i + 1, "surname"))
                self.used.add(token.i)
                continue
            found = self._serving_surname(Actor("", token.text, kind="person"))
            # in government, or a curated public figure ("Pelosi", "Sanders"): not Phoenix's background persons
            if found and all((p.code_at(self.published) or "")[3:6] == "GOV" or p.id not in self.registry.background
                             for p in found):
                self._new_person(token.text).mentions.append((token.i, token.i + 1, "name"))
                self.used.add(token.i)

    def _new_person(self, name: str) -> _Draft:
        draft = _Draft(Actor("", name, kind="person"))
        self.drafts[("person", len(self.drafts))] = draft
        self.persons.append(draft)
        return draft

    def _surname(self, draft: _Draft) -> str | None:
        """The family name: first word where names are written family-first, else the last."""
        words = _name_key(draft.actor.name).split()
        return self.gaz.family_name(words, draft.actor.country) if len(words) > 1 else None

    def _find_person(self, key: str) -> _Draft | None:
        for draft in reversed(self.persons):  # the nearest introduction wins
            if key == _name_key(draft.actor.name) or key == self._surname(draft):
                return draft
        return None

    # ------------------------------------------------------------ output

    def _mention(self, key: tuple, actor: Actor, span: Span, how: str) -> None:
        draft = self.drafts.setdefault(key, _Draft(actor))
        start = span.start + 1 if span[0].pos_ == "DET" and len(span) > 1 else span.start
        draft.mentions.append((start, span.end, how))
        self.used.update(range(span.start, span.end))

    def _write(self) -> None:
        doc = self.doc
        drafts = sorted((d for d in self.drafts.values() if d.mentions), key=lambda d: min(m[0] for m in d.mentions))
        actors, mentions, spans = get_list(doc, "dyad_actors"), get_list(doc, "dyad_mentions"), []
        for n, draft in enumerate(drafts, 1):
            actor = draft.actor
            actor.id = f"a{n}"
            for start, end, how in sorted(set(draft.mentions)):
                span = doc[start:end]
                actor.mentions.append((span.start_char, span.end_char))
                mentions.append(Mention(span.start_char, span.end_char, span.text, actor.id, how))
                spans.append(Span(doc, start, end, label=actor.code or ""))
            actors.append(actor)
        mentions.sort(key=lambda m: m.start)
        doc.spans["dyad_actors"] = sorted(spans, key=lambda s: s.start)


# ---------------------------------------------------------------- small helpers


def _longest(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans, longest first ("Kim Jong Un" over "Kim")."""
    taken: set[int] = set()
    kept = []
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        if not taken.intersection(range(span.start, span.end)):
            taken.update(range(span.start, span.end))
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def _filler(token: Token) -> bool:
    """Words that may sit between a chain's items: determiners, 's, adjectives, names, hyphens.

    A verb only inside a modifier ("state-run", "Kurdish-led"): a chain never crosses a clause
    ("the German government today welcomed President Reagan").
    """
    if token.ent_type_ == "PERSON" or token.is_punct and token.text != "-":
        return False
    if token.pos_ == "VERB" and token.dep_ not in ADJECTIVAL_DEPS and not _hyphenated(token):
        return False
    return token.text in POSSESSIVE or token.text == "-" or token.pos_ in FILLER_POS


def _hyphenated(token: Token) -> bool:
    doc = token.doc
    return (token.i > 0 and doc[token.i - 1].text == "-") or (token.i + 1 < len(doc) and doc[token.i + 1].text == "-")


def _lone_name(token: Token, common_nouns: frozenset[str]) -> bool:
    """A capitalised word heading a noun phrase, tagged a proper noun or a noun no dictionary knows
    ("Nakasone met ...": the tagger's NOUN, the NER's nothing or GPE), not part of a longer name. A
    sentence's first word is capitalised anyway: there a dictionary's noun is a noun ("Horn sounded"),
    unless the NER took it for a name ("Mitterrand said": WordNet lists him)."""
    doc = token.doc
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    # "Blair met Clinton": a proper noun doing something to a named party, though WordNet lists the word
    # ("Horn sounded at the border" names none)
    acting = token.is_sent_start and token.pos_ == "PROPN" and token.dep_ == "nsubj" and token.head.pos_ == "VERB" and any(
        o.dep_ in ("dobj", "pobj") and o.ent_type_ in NAME_ENTITIES for o in token.head.subtree)
    unknown = token.lower_ not in common_nouns or (token.is_sent_start and token.ent_type_ in NAME_ENTITIES) or acting
    proper = (token.pos_ == "PROPN" and (unknown or not token.is_sent_start)) or (token.pos_ == "NOUN" and unknown)
    whole_entity = not token.ent_type_ or (token.ent_iob_ == "B" and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I"))
    return (proper and whole_entity and token.is_alpha and token.text[:1].isupper() and not token.text.isupper()
            and not any(n.pos_ == "PROPN" for n in neighbours) and token.dep_ in NAME_HEAD_DEPS)


def _dictionary_words(nlp: Language, *parts: str) -> frozenset[str]:
    """Words of the model's lemmatizer index (WordNet's), by part of speech: "Hope", "Police" are
    nouns, not names; "National Front" is made of words, "Hezbollah" is a name."""
    if not nlp.has_pipe("lemmatizer"):
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(word for part in parts for word in index.get(part, ()))


def dateline(doc: Doc, start: int, end: int) -> bool:
    """"MOSCOW, Jan 5 (Reuters) -", "Caracas, Feb 26 -": a place opening a story."""
    if not doc[start].is_sent_start or end >= len(doc) or doc[end].text not in DATELINE_PUNCT:
        return False
    after = doc[end + 1] if end + 1 < len(doc) else None
    return doc[start].text.isupper() or (after is not None and after.ent_type_ == "DATE")


def _counted(doc: Doc, start: int) -> bool:
    """"both leaders", "the two ministers": a count of earlier actors, not new ones."""
    before = doc[start - 1] if start > 0 else None
    if before is None:
        return False
    if before.lower_ in COUNT_WORDS:
        return True
    return before.like_num and start > 1 and doc[start - 2].lower_ == "the"


def _name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.is_alpha


def _strip_possessive(span: Span) -> Span:
    end = span.end
    while end > span.start and span.doc[end - 1].text in POSSESSIVE:
        end -= 1
    return span.doc[span.start:end]


def _name_key(text: str) -> str:
    """"Kim Jong-un" and "Kim Jong Un" are one name: lower case, hyphens as spaces."""
    return re.sub(r"\s+", " ", text.replace("-", " ")).strip().lower()


def _title_name(span: Span) -> str:
    words = span.text.split()
    return " ".join(words[1:]) if span[0].pos_ == "DET" and len(words) > 1 else span.text


def _name_part(token: Token) -> bool:
    """A capitalised word that can be part of a name (not "The" opening a sentence)."""
    if not (token.text[:1].isupper() and token.is_alpha and token.pos_ in NAME_POS):
        return False
    return not token.is_sent_start or token.pos_ in ("PROPN", "ADJ")


def _tail_joint(doc: Doc, i: int, limit: int) -> bool:
    """"of", "and", "the"... inside a name's tail, only before more of the name ("and Jurists", not "and the")."""
    if doc[i].lower_ not in TAIL_JOINTS or i + 1 >= limit:
        return False
    return _name_part(doc[i + 1]) or (doc[i].lower_ in TAIL_PREPS and doc[i + 1].lower_ == "the")


def _parenthesis_end(doc: Doc, i: int, limit: int) -> int | None:
    """"(Conservatives)", "(CFVC)" right after a name: the index after ")", else None."""
    if i >= limit or doc[i].text != "(":
        return None
    for j in range(i + 1, min(limit, i + MAX_PARENTHESIS + 2)):
        if doc[j].text == ")":
            return j + 1 if j > i + 1 and all(t.text[:1].isupper() for t in doc[i + 1:j]) else None
    return None


def _parenthesis_start(doc: Doc, end: int, limit: int) -> int | None:
    """"Umma (Nation) party": the index of the "(" of a parenthesis ending at ``end``, after a name word."""
    for i in range(end - 2, max(limit, end - MAX_PARENTHESIS - 2) - 1, -1):
        if doc[i].text == "(":
            inside_ok = i + 1 < end - 1 and all(t.text[:1].isupper() for t in doc[i + 1:end - 1])
            return i if inside_ok and i > limit and _name_part(doc[i - 1]) else None
    return None
