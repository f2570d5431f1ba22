"""Participants the text implies rather than names.

PLOVER and CAMEO code some events with a participant no noun phrase gives: a domestic protest
is against the country it happens in, and "Britain sent troops" makes the troops Britain's. These make or
recode the actors for ``dyad_events``; who the parse names is in ``dyad.nlp.participants``.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from dyad.gazetteer import load_gazetteer
from dyad.nlp.actors import PEOPLE_SECTOR
from dyad.nlp.domestic import ATTACKED_IN
from dyad.nlp.extensions import get_list
from dyad.records import Actor, Event, Mention, next_actor_id


def claim_own_people(event: Event, own_people: list[Mention], by_id: dict, codes: dict[str, str],
                     inferred: set[str]) -> None:
    """"Britain sent troops that attacked ...": troops with no country of their own are Britain's.

    Only actors whose country the text did not state (none, or inferred from context) are claimed;
    an inferred country gives way, with the evidence that gave it.
    """
    owner = next((by_id[i] for i in event.source if i in by_id and by_id[i].country), None)
    if owner is None:
        return
    for mention in own_people:
        actor = by_id.get(mention.actor_id)
        if actor is not None and actor is not owner:
            _claim(actor, owner.country, owner.mentions[:1], codes, inferred)


def claim_victims_of_place(doc: Doc, event: Event, location: str | None, by_id: dict, codes: dict[str, str],
                           inferred: set[str], visitors: frozenset[str]) -> None:
    """"killed civilians in Tigray", "burst into southern Israel, killing hundreds": victims the text
    gives no country of their own are the people of the place the attack happened in. A country
    guessed from elsewhere gives way only when it is the attackers' own; visitors (tourists,
    migrants: ``visitors`` holds their lemmas) are no people of the place."""
    place = next((p for p in get_list(doc, "dyad_places") if p.id == location and p.country), None)
    if place is None:
        return
    attackers = {by_id[i].country for i in event.source if i in by_id}
    for actor in (by_id.get(i) for i in event.target):
        if actor is None or actor.kind != "group" or (actor.id in inferred and actor.country not in attackers):
            continue
        heads = {span.root.lemma_.lower() for start, end in actor.mentions
                 if (span := doc.char_span(start, end, alignment_mode="expand")) is not None}
        if not heads & visitors:
            _claim(actor, place.country, place.mentions[:1], codes, inferred)


def _claim(actor: Actor, country: str, evidence: list, codes: dict[str, str], inferred: set[str]) -> None:
    """Give a sector actor a country, when the text stated none of its own: an inferred one gives way."""
    if actor.country and actor.id not in inferred:
        return
    was_inferred = actor.id in inferred
    sector = (actor.code or "")[3:] if was_inferred else actor.code or ""
    actor.country, actor.code = country, country + sector
    actor.evidence = ([] if was_inferred else actor.evidence) + evidence
    inferred.discard(actor.id)
    codes[actor.id] = actor.code


def domestic_target(doc: Doc, event: Event, codes: dict[str, str], fallback: str = "any") -> list[str]:
    """The country a protest with no named target happens in, as its target (PLOVER codes domestic
    protest against that country): the country of its place, else of its one source country.
    ``fallback`` says which sources may give it: "any", "bodies" (a body of its country, not the
    state as a whole) or "none" (the place only).

    The country's actor is the document's own when it has one, else a new one with no mentions.
    """
    countries = {a.id: a.country for a in get_list(doc, "dyad_actors")}
    struck_in = doc.user_data.get(ATTACKED_IN, {})  # "gunmen abducted 300 schoolgirls in Zamfara"
    sources = {countries.get(a) or struck_in.get(a) for a in event.source
               if fallback == "any" or (fallback == "bodies" and (len(codes.get(a, "")) > 3 or a in struck_in))} - {None}
    country = _place_country(doc, event) or (sources.pop() if len(sources) == 1 else None)
    return [] if country is None else [_country_actor(doc, codes, country)]


def local_people(doc: Doc, event: Event, codes: dict[str, str]) -> list[str]:
    """The people of the place an event happens in, as its doer when the text names none by their
    country ("hundreds of thousands marched in Washington": American civilians)."""
    country = _place_country(doc, event)
    return [] if country is None else [_country_actor(doc, codes, country, PEOPLE_SECTOR)]


def _place_country(doc: Doc, event: Event) -> str | None:
    return {p.id: p.country for p in get_list(doc, "dyad_places")}.get(event.location)


def _country_actor(doc: Doc, codes: dict[str, str], country: str, sector: str = "") -> str:
    """The document's actor for the country (or its people, with a sector), else a new one with no mentions."""
    code = country + sector
    return _actor_coded(doc, codes, code, lambda aid: Actor(aid, load_gazetteer().country_name(country), code, country))


def _actor_coded(doc: Doc, codes: dict[str, str], code: str, make: Callable[[str], Actor]) -> str:
    """The id of the document's actor with this code, else of a new one ``make`` builds for a free id."""
    actors = get_list(doc, "dyad_actors")
    actor = next((a for a in actors if a.code == code), None)
    if actor is None:
        actor = make(next_actor_id(actors))
        actors.append(actor)
        codes[actor.id] = code
    return actor.id
