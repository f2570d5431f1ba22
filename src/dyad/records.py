"""The plain records: the contract between the NLP side and everything downstream.

Every record is a small dataclass that serialises to JSON with ``to_dict`` and
comes back with ``from_dict``. Spans are ``(start, end)`` character offsets into
the document text. Nothing in this module (or downstream of it) imports spaCy.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

Span = tuple[int, int]

MODALITIES = ("asserted", "negated", "alleged", "future", "hypothetical", "historical")
Modality = Literal["asserted", "negated", "alleged", "future", "hypothetical", "historical"]
DatePrecision = Literal["day", "week", "month", "year", "none"]


def content_id(text: str, prefix: str = "") -> str:
    """A stable id from content: same text, same id, on every machine."""
    return prefix + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class _Record:
    """Shared JSON round-trip for the dataclasses below."""

    _span_fields: ClassVar[tuple[str, ...]] = ()
    _span_list_fields: ClassVar[tuple[str, ...]] = ()
    _nested: ClassVar[dict[str, type]] = {}

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if f.name in self._nested:
                value = [item.to_dict() for item in value]
            elif f.name in self._span_fields and value is not None:
                value = list(value)
            elif f.name in self._span_list_fields:
                value = [list(span) for span in value]
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key not in names:
                continue
            if key in cls._nested:
                value = [cls._nested[key].from_dict(item) for item in value]
            elif key in cls._span_fields and value is not None:
                value = tuple(value)
            elif key in cls._span_list_fields:
                value = [tuple(span) for span in value]
            kwargs[key] = value
        return cls(**kwargs)


@dataclass
class Source(_Record):
    """One link of a document's source chain: the outlet, then whom it cites."""

    name: str
    role: Literal["outlet", "cited", "agency"] = "outlet"
    span: Span | None = None
    _span_fields: ClassVar = ("span",)


@dataclass
class Mention(_Record):
    """One stretch of text that names or refers to an actor."""

    start: int
    end: int
    text: str
    actor_id: str | None = None
    how: str = "name"  # name, title, surname, alias, pronoun, ...


@dataclass
class Actor(_Record):
    """A political actor found in one document, with a CAMEO-style code."""

    id: str
    name: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    kind: Literal["country", "organisation", "person", "group", "media"] = "country"
    role: str | None = None
    mentions: list[Span] = field(default_factory=list)
    registry_id: str | None = None  # the dated-role registry entry that coded this person
    evidence: list[Span] = field(default_factory=list)  # the text that gave the code ("Russian Foreign Minister")
    evidence_doc: str | None = None  # the document holding that evidence, when it is not this one
    _span_list_fields: ClassVar = ("mentions", "evidence")


def next_actor_id(actors: list[Actor]) -> str:
    """An id no actor of the document has: the ids are "a<n>", not always contiguous."""
    numbers = [int(a.id[1:]) for a in actors if a.id[:1] == "a" and a.id[1:].isdigit()]
    return f"a{max(numbers, default=0) + 1}"


@dataclass
class Place(_Record):
    """A location named in the text, resolved offline to GeoNames where the reading is clear.

    Coordinates stay None for an ambiguous name without context: better unplaced than misplaced.
    """

    id: str
    name: str
    kind: str = "city"  # country, capital, city, admin1 (state/province), region
    geonames_id: int | None = None
    country: str | None = None  # ISO3 / CAMEO country code
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: list[Span] = field(default_factory=list)
    _span_list_fields: ClassVar = ("mentions",)


@dataclass
class TimeExpression(_Record):
    """A TIMEX3-style temporal expression, normalised against the publication date."""

    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    value: str | None = None
    precision: DatePrecision = "none"
    direction: Literal["past", "future", "present", "none"] = "none"


@dataclass
class Quote(_Record):
    """An attribution: who (source) said (cue) what (content)."""

    source: list[Span]
    cue: list[Span]
    content: list[Span]
    speaker: str | None = None
    speaker_id: str | None = None
    direct: bool = False
    _span_list_fields: ClassVar = ("source", "cue", "content")


@dataclass
class Event(_Record):
    """A PLOVER event with its evidence in the text."""

    id: str
    type: str
    trigger: Span
    sentence: Span
    mode: str | None = None
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    source_codes: list[str] = field(default_factory=list)
    target_codes: list[str] = field(default_factory=list)
    date: str | None = None
    date_precision: DatePrecision = "none"
    date_source: Literal["text", "publication", "none"] = "none"
    date_span: Span | None = None
    date_end: str | None = None  # a range's last value ("through Wednesday"); None for a single date
    modality: Modality = "asserted"
    attributed_to: str | None = None  # who asserts it: the quoted speaker, else the outlet
    attributed_id: str | None = None  # that speaker's actor id, when the speaker is a coded actor
    location: str | None = None  # a Place id from the same record
    confidence: float = 0.5
    _span_fields: ClassVar = ("trigger", "sentence", "date_span")


@dataclass
class Document(_Record):
    """An article as read: text plus metadata. ``published`` is None when unknown."""

    text: str
    id: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date, the document creation time
    published_source: Literal["given", "metadata", "dateline", "unknown"] = "unknown"
    language: str | None = None
    path: str | None = None

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text, "doc-")


@dataclass
class DocumentRecord(_Record):
    """Everything dyad found in one document: the JSON contract."""

    id: str
    text: str
    published: str | None = None
    published_source: str = "unknown"
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    pipeline_version: str = ""
    status: str = "coded"  # or why it was not coded: "not coded: language de"
    _nested: ClassVar = {
        "actors": Actor,
        "events": Event,
        "times": TimeExpression,
        "quotes": Quote,
        "places": Place,
        "sources": Source,
    }

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)
