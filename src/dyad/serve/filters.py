"""The event filters of `dyad events`, as one validated model shared by the JSON API and the pages."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from dyad.nlp.timex import interval
from dyad.ontology.plover import PLOVER_TYPES
from dyad.records import MODALITIES
from dyad.store import EventFilter

PAGE_SIZE = 50
MAX_PAGE = 500
Text = Annotated[str | None, Field(default=None, max_length=100)]


def _one_of(values) -> str:
    return "^(?i:" + "|".join(values) + ")$"


class EventParams(BaseModel):
    """Every filter of `dyad events`; a bad value is a 4xx with the field named, never a 500."""

    model_config = ConfigDict(extra="forbid")

    actor: Text = Field(None, description="Actor code prefix (RUS, PRKGOV) or name, on either side.")
    dyad: list[Annotated[str, Field(max_length=100)]] | None = Field(
        None, description="Two actors, either direction: dyad=RUS&dyad=PRK.")
    type: str | None = Field(None, pattern=_one_of(PLOVER_TYPES), description="PLOVER event type, e.g. CONSULT.")
    since: Text = Field(None, description="Events dated on or after YYYY[-MM[-DD]].")
    until: Text = Field(None, description="Events dated on or before YYYY[-MM[-DD]].")
    doc: Text = Field(None, description="Only this document's events (document id).")
    asserted_by: Text = Field(None, description="Who asserts it: a speaker's code prefix or name, or the outlet.")
    quad: int | None = Field(None, ge=1, le=4, description="Quad class 1-4 (verbal/material cooperation/conflict).")
    modality: str | None = Field(None, pattern=_one_of(MODALITIES), description=", ".join(MODALITIES) + ".")
    place: Text = Field(None, description="Where: a country code or a place name.")
    outlet: Text = Field(None, description="Reported by this outlet (name contains).")
    cluster: Text = Field(None, description="Every mention of one real-world event (cluster id).")
    limit: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE, description="Events per page.")
    offset: int = Field(0, ge=0, le=10_000_000, description="Skip this many first.")

    @field_validator("dyad")
    @classmethod
    def _two_sides(cls, value: list[str] | None) -> list[str] | None:
        if value is not None and len(value) != 2:
            raise ValueError("a dyad is two actors: dyad=RUS&dyad=PRK")
        return value

    @field_validator("since", "until")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        return check_date(value)

    @classmethod
    def from_form(cls, items: list[tuple[str, str]]) -> EventParams:
        """From a page's query string, where an empty field means "any"."""
        data: dict = {}
        for key, value in items:
            if value.strip():
                if key == "dyad":
                    data.setdefault("dyad", []).append(value.strip())
                else:
                    data[key] = value.strip()
        return cls.model_validate(data)

    def to_filter(self) -> EventFilter:
        return EventFilter(
            actor=self.actor, dyad=tuple(self.dyad) if self.dyad else None, type=self.type, since=self.since,
            until=self.until, doc_id=self.doc, asserted_by=self.asserted_by, quad_class=self.quad,
            modality=self.modality, place=self.place, outlet=self.outlet, cluster_id=self.cluster,
            limit=self.limit, offset=self.offset)


def check_date(value: str | None) -> str | None:
    if value is not None and interval(value) is None:
        raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return value
