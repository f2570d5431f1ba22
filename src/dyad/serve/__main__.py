"""`python -m dyad.serve --db FILE`: the same as `dyad serve`."""

import typer

from dyad.serve.cli import serve

typer.run(serve)
