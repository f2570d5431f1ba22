"""serve: the HTTP API and the web workbench over a dyad store.

`create_app(db_path)` builds the FastAPI app; `dyad serve` runs it with uvicorn. FastAPI is
imported only when an app is made, so the rest of dyad (and `dyad --help`) stays light.
"""

from __future__ import annotations


def __getattr__(name: str):
    if name == "create_app":
        from dyad.serve.app import create_app

        return create_app
    raise AttributeError(name)
