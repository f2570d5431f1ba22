"""The JSON API under /api: documents, events, clusters, actors, series, network, quotes, extract."""

from __future__ import annotations

import threading
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi import Path as PathParam
from pydantic import AfterValidator, BaseModel, Field

from dyad.records import DocumentRecord
from dyad.serve import queries
from dyad.serve.filters import MAX_PAGE, EventParams, check_date
from dyad.serve.stores import request_store
from dyad.store import Store
from dyad.store.analytics import PERIODS

MAX_TEXT = 200_000  # characters: a long feature article is 50,000
router = APIRouter(prefix="/api")
StoreDep = Annotated[Store, Depends(request_store)]
Code = Annotated[str, Query(min_length=1, max_length=40, pattern=r"^[A-Za-z]+$", description="Actor code prefix.")]
DateQuery = Annotated[str | None, Query(max_length=10, description="YYYY[-MM[-DD]].")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]


def _level(value: int) -> int:
    if value not in queries.ACTOR_LEVELS:
        raise ValueError("must be 3 (countries) or 6 (country and sector)")
    return value


Level = Annotated[int, Query(description="Code letters per actor: 3 country, 6 with sector."), AfterValidator(_level)]
_coding = threading.Lock()  # one spaCy pipeline per process; it is not made for concurrent calls


@router.get("/documents", summary="Stored documents, newest first, with their event counts")
def documents(store: StoreDep) -> list[dict]:
    return store.documents()


@router.get("/documents/{doc_id}", summary="One document's full record: text, actors, events, times, quotes")
def document(doc_id: Annotated[str, PathParam(max_length=100)], store: StoreDep) -> dict:
    record = store.document(doc_id)
    if record is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return record.to_dict()


@router.get("/events", summary="Event mentions with every filter of `dyad events`, one page at a time")
def events(params: Annotated[EventParams, Query()], store: StoreDep) -> dict:
    where = params.to_filter()
    return {"total": store.count_events(where), "limit": params.limit, "offset": params.offset,
            "events": store.events(where)}


@router.get("/clusters", summary="Real-world events, most reported first (events?cluster=ID lists the mentions)")
def clusters(store: StoreDep, limit: Limit = 50) -> list[dict]:
    return store.clusters(limit)


@router.get("/actors", summary="Actor codes that take part in events, busiest first")
def actors(store: StoreDep, level: Level = 3,
           since: DateQuery = None, until: DateQuery = None, limit: Limit = MAX_PAGE) -> list[dict]:
    return queries.actors(store, level, _date(since), _date(until))[:limit]


@router.get("/series", summary="A dyad over time, both directions: counts by quad class, mean Goldstein")
def series(a: Code, b: Code, store: StoreDep, by: Annotated[Literal[PERIODS], Query()] = "month",
           since: DateQuery = None, until: DateQuery = None) -> list[dict]:
    return store.series(a, b, by, _date(since), _date(until))


@router.get("/network", summary="Who acts on whom: edges weighted by events, signed by mean Goldstein")
def network(store: StoreDep, actor: Annotated[str | None, Query(max_length=40, pattern=r"^[A-Za-z]+$")] = None,
            level: Level = 3, since: DateQuery = None, until: DateQuery = None,
            limit: Limit = MAX_PAGE) -> list[dict]:
    return store.network(actor, level, _date(since), _date(until))[:limit]


@router.get("/quotes", summary="Attributions by a speaker, or whose words name an actor (about)")
def quotes(store: StoreDep, speaker: Annotated[str | None, Query(max_length=100)] = None,
           about: Annotated[str | None, Query(max_length=100)] = None,
           doc: Annotated[str | None, Query(max_length=100)] = None, limit: Limit = 50) -> list[dict]:
    rows = store.quotes(actor=speaker, doc_id=doc, limit=None if about else limit)
    if about:
        said = {(r["doc_id"], r["position"]) for r in store.said_about(about)}
        rows = [r for r in rows if (r["doc_id"], r["position"]) in said][:limit]
    return rows


class ExtractRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT, description="The article text.")
    published: str | None = Field(None, max_length=40, description="Publication date; anchors relative dates.")
    title: str | None = Field(None, max_length=500)
    outlet: str | None = Field(None, max_length=200)
    store: bool = Field(False, description="Also store it (only when the server runs with --writable).")


class ExtractResponse(BaseModel):
    stored: str | None = Field(description="added, unchanged or replaced when stored; null when not")
    record: dict


@router.post("/extract", summary="Code a pasted article; store it only when asked and the server is writable")
def extract(body: ExtractRequest, request: Request) -> ExtractResponse:
    from dyad.api import extract as code

    stores = request.app.state.stores
    if body.store and not stores.writable:
        raise HTTPException(403, "this server is read-only: start it with --writable to store documents")
    with _coding:
        record = code(body.text, published=body.published or None, title=body.title, outlet=body.outlet)
    return ExtractResponse(stored=_save(stores, record) if body.store else None, record=record.to_dict())


def _save(stores, record: DocumentRecord) -> str:
    """As `dyad ingest` stores it: persons named alone are first recalled from stored articles."""
    from dyad.resolve.memory import recall

    store = stores.open()
    try:
        recall(record, store.remembered)
        return store.save(record)
    finally:
        store.close()


def _date(value: str | None) -> str | None:
    try:
        return check_date(value)
    except ValueError as error:
        raise HTTPException(422, str(error)) from error
