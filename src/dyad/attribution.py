"""Who asserts each event: the quoted speaker whose words contain it, else the outlet."""

from __future__ import annotations

from dyad.records import DocumentRecord, Mention, Quote


def _inside(position: int, spans) -> bool:
    return any(start <= position < end for start, end in spans)


def link_speakers(record: DocumentRecord, mentions: list[Mention]) -> None:
    """Point each quote at the actor its source span names (the longest mention inside it)."""
    for quote in record.quotes:
        inside = [m for m in mentions if m.actor_id and _inside(m.start, quote.source)]
        if inside:
            quote.speaker_id = max(inside, key=lambda m: (m.end - m.start, -m.start)).actor_id


def speaker_name(record: DocumentRecord, quote: Quote) -> str | None:
    actor = record.actor(quote.speaker_id) if quote.speaker_id else None
    return actor.name if actor else quote.speaker


def attribute_events(record: DocumentRecord) -> None:
    outlet = next((s.name for s in record.sources if s.role == "outlet"), record.outlet)
    for event in record.events:
        # the innermost quote wins: "X said Y reported that ..." belongs to Y
        holders = [q for q in record.quotes if _inside(event.trigger[0], q.content)]
        if holders:
            quote = min(holders, key=lambda q: sum(e - s for s, e in q.content))
            event.attributed_to, event.attributed_id = speaker_name(record, quote), quote.speaker_id
        else:
            event.attributed_to, event.attributed_id = outlet, None
