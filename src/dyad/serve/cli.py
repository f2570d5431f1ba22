"""`dyad serve`: the HTTP API and the web workbench on 127.0.0.1, read-only unless asked.

Registered in dyad/cli.py with ``app.command()(serve)``. FastAPI and uvicorn load only when the
command runs.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from dyad.store import DEFAULT_DB

LOOPBACK = "127.0.0.1"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    db: Annotated[Path, typer.Option("--db", help="DuckDB store file.", envvar="DYAD_DB")] = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option(help="Address to listen on; loopback unless --allow-remote.")] = LOOPBACK,
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    writable: Annotated[bool, typer.Option(
        "--writable", help="Let POST /api/extract store documents (read-only otherwise).")] = False,
    allow_remote: Annotated[bool, typer.Option(
        "--allow-remote", help="Allow --host to be an address other machines can reach.")] = False,
) -> None:
    """Serve the JSON API (OpenAPI page at /docs) and the web workbench: article view, event
    explorer, dyad chart, actor network and an analyse form."""
    err = typer.echo
    if not is_loopback(host):
        if not allow_remote:
            err(f"error: {host} is reachable from other machines; add --allow-remote to serve there", err=True)
            raise typer.Exit(2)
        err(f"warning: serving on {host}: anyone who can reach this address can read the store"
            + (" and add documents to it" if writable else "") + " (no authentication)", err=True)
    if not writable and not db.exists():
        err(f"error: no store at {db} (run `dyad ingest` first, or add --writable to start an empty one)", err=True)
        raise typer.Exit(2)

    import uvicorn

    from dyad.serve.app import create_app
    from dyad.store import StoreError

    try:
        app = create_app(db, writable=writable)
    except StoreError as error:
        err(f"error: {error}", err=True)
        raise typer.Exit(2) from error
    err(f"dyad: serving {db} ({'writable' if writable else 'read-only'}) on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
