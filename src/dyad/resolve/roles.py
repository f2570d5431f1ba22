"""Event codes from actors, with a registry person's role on the event's own date.

"In 2010, Putin visited ..." codes Putin as he was in 2010, not as he was when the article
appeared; a minister who has left office codes as ELI (elite), not GOV.
"""

from __future__ import annotations

from dyad.gazetteer.registry import load_registry
from dyad.nlp.timex import interval
from dyad.records import Actor, DocumentRecord, Event


def recode_events(record: DocumentRecord) -> None:
    """Fill each event's source and target codes from its actors."""
    actors = {actor.id: actor for actor in record.actors}
    for event in record.events:
        event.source_codes = _codes(event, event.source, actors)
        event.target_codes = _codes(event, event.target, actors)


def _codes(event: Event, ids: list[str], actors: dict[str, Actor]) -> list[str]:
    return [code for code in (_code_on_event_date(actors[i], event) for i in ids if i in actors) if code]


def _code_on_event_date(actor: Actor, event: Event) -> str | None:
    days = interval(event.date) if event.date_source == "text" else None
    person = load_registry().people.get(actor.registry_id) if actor.registry_id and days else None
    if person is None:
        return actor.code
    return person.code_at(days[0].isoformat()) or actor.code
