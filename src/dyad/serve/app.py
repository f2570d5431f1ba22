"""The app factory: the JSON API, the pages and their static files, over one store.

Errors answer as JSON ``{"detail": "..."}`` with a 4xx status and a message a person can act on;
an unexpected failure is logged and answers 500 without its traceback.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from dyad import __version__
from dyad.serve import api, pages
from dyad.serve.stores import Stores

MAX_BODY = 1_000_000  # bytes a request may send: the largest article /api/extract takes, with room
log = logging.getLogger("dyad.serve")


def create_app(db_path: str | Path, writable: bool = False) -> FastAPI:
    """A FastAPI app over the store at ``db_path``, read-only unless ``writable``.

    Raises ``dyad.store.StoreError`` when the store cannot be opened (no file, wrong schema)."""
    stores = Stores(db_path, writable)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        stores.close()

    app = FastAPI(title="dyad", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Political event data from news text, every fact pointing back to its words.")
    app.state.stores = stores
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(files("dyad.serve") / "static")), name="static")
    app.middleware("http")(_limit_body)
    app.middleware("http")(_headers)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(ValueError, _bad_value)
    app.add_exception_handler(Exception, _unexpected)
    app.add_exception_handler(HTTPException, _http_error)
    return app


async def _limit_body(request: Request, call_next):
    """Refuse a body larger than MAX_BODY before reading it (a missing length is capped by the model)."""
    length = request.headers.get("content-length", "0")
    if request.method == "POST" and "content-length" not in request.headers:  # chunked: no size to check
        return JSONResponse({"detail": "a request body needs a Content-Length header"}, status_code=411)
    if not length.isdigit() or int(length) > MAX_BODY:
        return JSONResponse({"detail": f"request too large: at most {MAX_BODY // 1000} kB"}, status_code=413)
    return await call_next(request)


# scripts and styles from this server only: even a string that escaped escaping could not run
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
                               " object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


async def _headers(request: Request, call_next):
    response = await call_next(request)
    response.headers.update(SECURITY_HEADERS)
    return response


def _message(error: dict) -> str:
    text = error.get("msg", "invalid").removeprefix("Value error, ")
    where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("query", "body", "path"))
    return f"{where}: {text}" if where else text


async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [_message(e) for e in exc.errors()]
    return JSONResponse({"detail": "; ".join(errors), "errors": errors}, status_code=422)


async def _bad_value(request: Request, exc: ValueError) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=400)


async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    if not request.url.path.startswith("/api") and exc.status_code == 404:
        return pages.not_found(request, str(exc.detail))
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("error answering %s", request.url.path)
    return JSONResponse({"detail": "internal error (see the server log)"}, status_code=500)
