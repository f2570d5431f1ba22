"""The HTML pages: documents, article view, event explorer, dyad, network, analyse.

Pages are rendered by Jinja2 with autoescaping on; data a page draws with JavaScript is embedded
with ``tojson`` (which escapes ``<``, ``>`` and ``&``) and written into the page as text, never
as HTML. Every script and style comes from /static: the pages work without a network.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import ValidationError

from dyad.ontology.plover import PLOVER_TYPES
from dyad.records import MODALITIES
from dyad.serve import queries
from dyad.serve.api import MAX_TEXT
from dyad.serve.filters import EventParams, check_date
from dyad.serve.stores import request_store
from dyad.store import EventFilter, Store
from dyad.store.analytics import PERIODS, QUADS

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(request_store)]
NAV = (("/", "Documents"), ("/events", "Events"), ("/dyad", "Dyad"), ("/network", "Network"), ("/analyse", "Analyse"))


def _plain(value):
    """JSON for what DuckDB returns besides plain types: dates and decimals."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"not JSON: {type(value).__name__}")


env = Environment(loader=PackageLoader("dyad.serve", "templates"), autoescape=select_autoescape(default=True))
env.policies["json.dumps_function"] = lambda obj, **kw: json.dumps(obj, default=_plain, **kw)
env.globals.update(nav=NAV, quads=QUADS)


def render(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    context.setdefault("error", None)
    html = env.get_template(template).render(path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def not_found(request: Request, message: str) -> HTMLResponse:
    return render(request, "error.html", 404, title="Not found", error=message)


def _form_error(error: ValidationError | ValueError) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg'].removeprefix('Value error, ')}"
                         for e in error.errors())
    return str(error)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep):
    return render(request, "home.html", title="Documents", documents=store.documents()[:500],
                  clusters=store.clusters(15), counts={"documents": store.count("documents"),
                                                       "events": store.count("events")})


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def article(request: Request, doc_id: str, store: StoreDep):
    record = store.document(doc_id[:100])
    if record is None:
        return not_found(request, f"no document {doc_id!r} in this store")
    clusters = {row["id"]: row["cluster_id"] for row in store.events(EventFilter(doc_id=record.id))}
    return render(request, "article.html", title=record.title or record.id, record=record,
                  data={"record": record.to_dict(), "clusters": clusters})


@router.get("/events", response_class=HTMLResponse)
def explorer(request: Request, store: StoreDep):
    form = {k: v for k, v in request.query_params.multi_items() if k != "dyad"}
    form["dyad"] = request.query_params.getlist("dyad") + ["", ""]
    context = dict(title="Events", form=form, types=PLOVER_TYPES, modalities=MODALITIES, rows=[], total=0)
    try:
        params = EventParams.from_form(request.query_params.multi_items())
        where = params.to_filter()
        rows, total = store.events(where), store.count_events(where)
    except (ValidationError, ValueError) as error:
        return render(request, "events.html", 400, error=_form_error(error), params=None, **context)
    cluster = store.events(EventFilter(cluster_id=params.cluster)) if params.cluster else None
    context.update(rows=rows, total=total)
    return render(request, "events.html", params=params, pages=_pages(request, params, total),
                  cluster=cluster and {"id": params.cluster, "mentions": len(cluster),
                                       "documents": len({r["doc_id"] for r in cluster})}, **context)


def _pages(request: Request, params: EventParams, total: int) -> dict:
    def link(offset: int) -> str:
        return str(request.url.include_query_params(offset=offset))

    last = params.offset + params.limit
    return {"first": params.offset + 1 if total else 0, "last": min(last, total),
            "prev": link(max(0, params.offset - params.limit)) if params.offset else None,
            "next": link(last) if last < total else None}


@router.get("/dyad", response_class=HTMLResponse)
def dyad(request: Request, store: StoreDep):
    query = request.query_params
    actors = queries.actors(store, 3) + queries.actors(store, 6)
    a, b = query.get("a", "").strip().upper(), query.get("b", "").strip().upper()
    if not (a and b):  # start on the busiest pair rather than on an empty page
        busiest = next(iter(store.network()), None)
        a, b = (busiest["source"], busiest["target"]) if busiest else ("", "")
    by = query.get("by") if query.get("by") in PERIODS else "month"
    form = {"a": a, "b": b, "by": by, "since": query.get("since", ""), "until": query.get("until", "")}
    context = dict(title="Dyad", form=form, periods=PERIODS, actors=actors, series=[], rows=[], total=0)
    if not (a and b):
        return render(request, "dyad.html", **context)
    try:
        since, until = check_date(form["since"] or None), check_date(form["until"] or None)
        where = EventFilter(dyad=(a, b), since=since, until=until, limit=50)
        context.update(series=store.series(a, b, by, since, until), rows=store.events(where),
                       total=store.count_events(where))
    except ValueError as error:
        return render(request, "dyad.html", 400, error=str(error), **context)
    return render(request, "dyad.html", **context)


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, store: StoreDep):
    query = request.query_params
    level = 6 if query.get("level") == "6" else 3
    limit = int(query["limit"]) if query.get("limit", "").isdigit() else 120
    form = {"since": query.get("since", ""), "until": query.get("until", ""), "actor": query.get("actor", ""),
            "level": level, "limit": limit}
    try:
        since, until = check_date(form["since"] or None), check_date(form["until"] or None)
        actor = form["actor"].strip()[:40] or None
        edges = store.network(actor, level, since, until)
    except ValueError as error:
        return render(request, "network.html", 400, title="Network", error=str(error), form=form, edges=[], total=0)
    return render(request, "network.html", title="Network", form=form, edges=edges[:max(1, min(limit, 1000))],
                  total=len(edges))


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    """The OpenAPI description written out as a page (FastAPI's Swagger page loads from a CDN)."""
    return render(request, "docs.html", title="API")


@router.get("/analyse", response_class=HTMLResponse)
def analyse(request: Request):
    return render(request, "analyse.html", title="Analyse", max_text=MAX_TEXT, max_upload=MAX_TEXT,
                  today=date.today().isoformat(), writable=request.app.state.stores.writable)
