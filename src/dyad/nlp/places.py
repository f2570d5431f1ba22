"""``dyad_places``: place names resolved offline to GeoNames (runs after ``dyad_actors``).

Candidates are the gazetteer's country, capital and city phrases (matched ignoring case, so
"moscow" and "russia" count) and spaCy's GPE/LOC/FAC entities. Demonyms and adjectives
("Russian", "North Korean"), historical states (Soviet Union) and seats of government
("the Kremlin", "the White House": they name a government, not a location) are not places.
A name is resolved with ``dyad.gazetteer.places.choose``; the article's countries (from the
actors and from places resolved without help) are its context, minus the name's own mentions,
so "Georgia" alone stays ambiguous even though the gazetteer reads it as a country.

Writes ``doc._.dyad_places`` (one Place per distinct location, ids p1, p2... in order of first
mention) and ``doc.spans["dyad_places"]`` (label = the place's name).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from dyad.gazetteer import Gazetteer, load_gazetteer
from dyad.gazetteer.history import country_on
from dyad.gazetteer.places import PlaceEntry, PlaceIndex, choose, distance_km, load_places, name_key
from dyad.nlp.extensions import get_list, register_extensions
from dyad.nlp.parse import patron
from dyad.nlp.participants import part_of_place
from dyad.records import Place

register_extensions()

ENTITY_LABELS = {"GPE", "LOC", "FAC"}
NOT_PLACES = {"demonym", "adjective", "seat", "historical"}  # gazetteer kinds that block a span
COUNTRY_NAMES = {"name", "informal", "iso3"}  # gazetteer kinds that name the country itself
CONTAINERS = {"PERSON", "ORG"}  # a place word inside a longer such entity is part of a name
BY_SYNTAX = "syntax"  # the label of a name found by where it stands, not by the gazetteer or the NER
BIG_CITY = 200_000  # a name the gazetteer lacks needs this many people, or a country of the article near it
NAMESAKE_CITY = 100_000  # a namesake this big, in the article's country, beats the gazetteer's city
NEAR_KM = 1000  # how near: Gaza's towns are within this of Jerusalem, Portugal's far beyond it of Bamako


@dataclass
class _Name:
    """All mentions of one place name in a document, and what is known about it."""

    text: str
    spans: list[Span] = field(default_factory=list)
    hint: tuple[str, str] | None = None  # gazetteer (code, kind)
    label: str | None = None  # spaCy entity label when not from the gazetteer
    readings: list[PlaceEntry] = field(default_factory=list)
    place: PlaceEntry | None = None


@Language.factory("dyad_places")
def make_place_tagger(nlp: Language, name: str) -> "PlaceTagger":
    return PlaceTagger(nlp, name)


class PlaceTagger:
    def __init__(self, nlp: Language, name: str = "dyad_places") -> None:
        self.name = name
        self.gaz: Gazetteer = load_gazetteer()
        self.index: PlaceIndex = load_places()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        forms = [self.gaz.forms.get(key, key) for key in self.gaz.countries]
        self.matcher.add("COUNTRY", list(nlp.tokenizer.pipe(forms)))

    def __call__(self, doc: Doc) -> Doc:
        names = self._names(doc)
        for name in names.values():
            name.readings = self._readings(name)
        self._resolve(doc, names)
        _write(doc, names)
        return doc

    # ------------------------------------------------------------ candidates

    def _names(self, doc: Doc) -> dict[str, _Name]:
        names: dict[str, _Name] = {}
        taken: set[int] = set()
        for span in self._gazetteer_spans(doc):
            taken.update(range(span.start, span.end))
            code, kind = self.gaz.countries[span.text.lower()]
            if kind not in NOT_PLACES and not _inside_longer(span, CONTAINERS) and not patron(span):
                _add(names, span, hint=(code, kind))
        persons = _person_names(doc)
        for ent in doc.ents:
            if ent.label_ in ENTITY_LABELS and not taken.intersection(range(ent.start, ent.end)):
                span = _trim(ent)
                key = name_key(span.text)
                if len(span) and key not in self.gaz.countries and key not in persons:
                    _add(names, span, label=ent.label_)
                    taken.update(range(span.start, span.end))
        for span in self._placed_by_syntax(doc, taken | _actor_tokens(doc)):
            _add(names, span, label=BY_SYNTAX)
        return names

    def _placed_by_syntax(self, doc: Doc, taken: set[int]) -> list[Span]:
        """"in the besieged city of Mariupol", "captured Sirte": a name the tagger missed, or took for
        an organisation, where the sentence puts a place; kept when GeoNames knows it and no actor
        or person has it."""
        spans = []
        for token in doc:
            if token.pos_ != "PROPN" or not token.is_title or token.i in taken or not self._locative(token):
                continue
            start = token.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" and start - 1 not in taken:
                start -= 1
            span = doc[start:token.i + 1]
            if not _inside_longer(span, {"PERSON"}) and self.index.readings(span.text):
                spans.append(span)
        return spans

    def _locative(self, token) -> bool:
        """The object of a place preposition, of a part of a place ("the city of X") or of a verb of
        going or taking ("entered X")."""
        head = token.head
        if token.dep_ == "pobj":
            return self.gaz.locative.get(head.lower_) == "prep" or part_of_place(head)
        return token.dep_ == "dobj" and self.gaz.locative.get(head.lemma_.lower()) == "verb"

    def _gazetteer_spans(self, doc: Doc) -> list[Span]:
        """Gazetteer country phrases written acceptably (case rules), longest first, no overlaps."""
        found = [doc[s:e] for _, s, e in self.matcher(doc)]
        found = [s for s in found if self.gaz.case_ok(s.text.lower(), s.text)]
        found.sort(key=lambda s: (s.start - s.end, s.start))
        taken: set[int] = set()
        spans = []
        for span in found:
            if not taken.intersection(range(span.start, span.end)):
                taken.update(range(span.start, span.end))
                spans.append(span)
        return sorted(spans, key=lambda s: s.start)

    # ------------------------------------------------------------ readings

    def _readings(self, name: _Name) -> list[PlaceEntry]:
        readings = self.index.readings(name.text)
        if name.hint is None:
            return readings
        code, kind = name.hint
        if kind in COUNTRY_NAMES:  # the country, and whatever else bears its name ("Georgia")
            country = self.index.country(code)
            return readings + [country] if country and country not in readings else readings
        if kind == "capital":  # the gazetteer names the country whose capital this is
            capital = self.index.capital(code)
            return [capital] if capital else [r for r in readings if r.country == code]
        return [r for r in readings if r.country == code]  # a city or place of that country

    def _resolve(self, doc: Doc, names: dict[str, _Name]) -> None:
        """Twice: names clear on their own first; their countries then help the others."""
        evidence = _actor_evidence(doc)
        contexts = {key: _context(evidence, key, name) for key, name in names.items()}
        for key, name in names.items():
            name.place = choose(self._namesake_in(name, contexts[key]) or name.readings, contexts[key])
        for key, name in names.items():
            if name.place is None:
                known = [(n.place.country, k, None) for k, n in names.items() if n.place and n.place.country]
                name.place = choose(name.readings, _context(evidence + known, key, name))
        for key, name in list(names.items()):
            if name.label is None or _plausible(name, contexts[key], self.index):
                continue
            if name.label == BY_SYNTAX:
                del names[key]
            else:  # the tagger's place, but not the one GeoNames knows by that name: unplaced
                name.place, name.readings = None, []

    def _namesake_in(self, name: _Name, context: set[str]) -> list[PlaceEntry]:
        """"Lebanese troops clashed with gunmen in Tripoli": a city the gazetteer gives one country,
        in an article of another country that has a big city of that name, is that country's (Moscow,
        Idaho is too small to be the Moscow of a story about the Soviet Union and the United States)."""
        if name.hint is None or name.hint[1] in COUNTRY_NAMES or not context or name.hint[0] in context:
            return []
        return [r for r in self.index.readings(name.text)
                if r.country in context and r.feature != "country" and r.population >= NAMESAKE_CITY]


# ---------------------------------------------------------------- context


def _actor_evidence(doc: Doc) -> list[tuple[str, str, tuple[int, int] | None]]:
    """(country, name key, span) of every mention of an actor with a country."""
    countries = {a.id: a.country for a in get_list(doc, "dyad_actors") if a.country}
    return [(countries[m.actor_id], name_key(m.text), (m.start, m.end)) for m in get_list(doc, "dyad_mentions")
            if m.actor_id in countries]


def _plausible(name: _Name, context: set[str], index: PlaceIndex) -> bool:
    """A name the gazetteer does not know is placed when its reading is a big city, in one of the
    article's countries or near one, or when the article names no country: "the town of Moura" in a
    story about Mali is not the Portuguese Moura, but Jabalya in a story about Israel is in Gaza."""
    place = name.place
    if place is None:
        return name.label != BY_SYNTAX
    if not context or place.country in context or place.population >= BIG_CITY:
        return True
    capitals = [c for c in (index.country(code) for code in context) if c is not None and c.lat is not None]
    return place.lat is not None and any(
        distance_km(place.lat, place.lon, c.lat, c.lon) <= NEAR_KM for c in capitals)


def _actor_tokens(doc: Doc) -> set[int]:
    """The tokens of every actor mention: a name an actor has is not a place the tagger missed."""
    return {t.i for m in get_list(doc, "dyad_mentions") for t in doc.char_span(m.start, m.end, alignment_mode="expand") or ()}


def _person_names(doc: Doc) -> set[str]:
    """Names the actors component read as persons: a GPE tag on "Choi" is a tagging error."""
    persons = {a.id for a in get_list(doc, "dyad_actors") if a.kind == "person"}
    return {name_key(m.text) for m in get_list(doc, "dyad_mentions")
            if m.actor_id in persons and m.how in ("name", "surname", "alias")}


def _context(evidence: list, key: str, name: _Name) -> set[str]:
    """The article's countries, not counting the name's own mentions, nor mentions around them
    ("Officials in Georgia" is Georgian only if "Georgia" is)."""
    own = [(span.start_char, span.end_char) for span in name.spans]

    def overlaps(span) -> bool:
        return span is not None and any(span[0] < end and start < span[1] for start, end in own)

    return {country for country, source, span in evidence if source != key and not overlaps(span)}


# ---------------------------------------------------------------- output


def _write(doc: Doc, names: dict[str, _Name]) -> None:
    merged: dict[object, Place] = {}
    spans: list[Span] = []
    for key, name in sorted(names.items(), key=lambda kv: kv[1].spans[0].start):
        place = _place(name)
        if place is None:
            continue
        target = merged.setdefault(name.place.geonames_id if name.place else key, place)
        for span in name.spans:
            target.mentions.append((span.start_char, span.end_char))
            spans.append(Span(doc, span.start, span.end, label=target.name))
    places = get_list(doc, "dyad_places")
    document = doc._.dyad_document
    published = document.published if document is not None else None
    for n, place in enumerate(merged.values(), 1):
        place.id = f"p{n}"
        if place.kind != "country":  # a city of a state that split off since ("Juba" in 1992: Sudan)
            place.country = country_on(place.country, published)
        place.mentions.sort()
        places.append(place)
    doc.spans["dyad_places"] = sorted(spans, key=lambda s: s.start)


def _place(name: _Name) -> Place | None:
    """The record: placed when one reading won; unplaced when the name is ambiguous or unknown."""
    entry = name.place
    if entry is not None:
        return Place("", entry.name, entry.feature, entry.geonames_id, entry.country, entry.admin1,
                     entry.lat, entry.lon)
    if name.readings:  # ambiguous: keep what all readings agree on
        kinds = {r.feature for r in name.readings}
        countries = {r.country for r in name.readings}
        kind = kinds.pop() if len(kinds) == 1 else "unknown"
        return Place("", name.spans[0].text, kind, country=countries.pop() if len(countries) == 1 else None)
    if name.hint is not None:  # the gazetteer knows its country, GeoNames not its name
        return Place("", name.spans[0].text, "city", country=name.hint[0])
    if name.label == "LOC":  # "the Korean Peninsula", "the Middle East"
        return Place("", name.spans[0].text, "region")
    return None  # an unknown GPE/FAC: too often a tagging error to keep


def place_at(doc: Doc, char_offset: int) -> str | None:
    """The id of the Place with a mention covering ``char_offset``, if any."""
    for place in doc._.dyad_places or []:
        if any(start <= char_offset < end for start, end in place.mentions):
            return place.id
    return None


# ---------------------------------------------------------------- small helpers


def _add(names: dict[str, _Name], span: Span, hint: tuple[str, str] | None = None, label: str | None = None) -> None:
    name = names.setdefault(name_key(span.text), _Name(span.text, hint=hint, label=label))
    name.spans.append(span)


def _trim(ent: Span) -> Span:
    """Without a leading determiner or a trailing possessive: "the United States's" -> "United States"."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].pos_ == "DET":
        start += 1
    while end > start and ent.doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return ent.doc[start:end]


def _inside_longer(span: Span, labels: set[str]) -> bool:
    """"Jordan" in "Jordan Peterson", "Korea" in "Bank of Korea": part of a longer name."""
    for ent in span.doc.ents:
        if ent.label_ in labels and ent.start <= span.start and span.end <= ent.end and len(ent) > len(span):
            return True
    return False
