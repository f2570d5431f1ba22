"""``dyad evaluate``: measure dyad against gold files. A measurement is not a failure: exit 0."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape

from dyad.evaluate.report import GoldError, render

app = typer.Typer(
    help="Measure dyad against gold data (NGEC actor cases, PLOVER event gold, CAMEO examples, TIMEX3).", no_args_is_help=True
)
out = Console()
err = Console(stderr=True)

GoldOption = Annotated[Path, typer.Option("--gold", help="Gold JSONL file; its format is detected from its keys.")]
JsonOption = Annotated[bool, typer.Option("--json", help="One JSON object instead of tables.")]
LimitOption = Annotated[Optional[int], typer.Option("--limit", min=1, help="Only the first N gold records.")]
MissesOption = Annotated[int, typer.Option("--misses", min=0, help="How many of the worst misses to show.")]


@app.command()
def actors(
    gold: GoldOption,
    as_json: JsonOption = False,
    limit: LimitOption = None,
    misses: MissesOption = 10,
) -> None:
    """Country and sector of coded actors against NGEC actor cases or PLOVER event actors."""
    from dyad.evaluate.actors import evaluate_actors

    _measure(lambda: evaluate_actors(gold, limit=limit), as_json, misses)


@app.command()
def events(
    gold: GoldOption,
    as_json: JsonOption = False,
    limit: LimitOption = None,
    misses: MissesOption = 10,
) -> None:
    """Event type, source and target against PLOVER event gold; type only against CAMEO examples."""
    from dyad.evaluate.events import evaluate_events

    _measure(lambda: evaluate_events(gold, limit=limit), as_json, misses)


@app.command()
def times(
    gold: GoldOption,
    as_json: JsonOption = False,
    limit: LimitOption = None,
    misses: MissesOption = 10,
) -> None:
    """Temporal expressions against TIMEX3 gold (TimeBank, AQUAINT): TempEval-3 span, type and value scores."""
    from dyad.evaluate.times import evaluate_times

    _measure(lambda: evaluate_times(gold, limit=limit), as_json, misses)


@app.command()
def quotes(
    gold: GoldOption,
    as_json: JsonOption = False,
    limit: LimitOption = None,
    misses: MissesOption = 10,
) -> None:
    """Attributions against PolNeAR gold: cue P/R/F1, content and source token F1, attribution F1."""
    from dyad.evaluate.quotes import evaluate_quotes

    _measure(lambda: evaluate_quotes(gold, limit=limit), as_json, misses)


@app.command()
def clusters(
    gold: GoldOption,
    as_json: JsonOption = False,
    limit: LimitOption = None,
    misses: MissesOption = 10,
    news: Annotated[Optional[Path], typer.Option(
        "--news", help="Folder of the news JSONL files the pairs refer to (default: ../shared/data/news).")] = None,
) -> None:
    """Cross-document event clustering against gold article pairs: pairwise precision and recall."""
    from dyad.evaluate.clusters import evaluate_clusters

    _measure(lambda: evaluate_clusters(gold, news_dir=news, limit=limit), as_json, misses)


def _measure(evaluate, as_json: bool, misses: int) -> None:
    """Run a scorer; a gold file it cannot use is one line and exit 2, malformed lines one line each."""
    try:
        evaluation = evaluate()
    except GoldError as error:
        err.print(f"[red]error:[/] {escape(str(error))}", soft_wrap=True)
        raise typer.Exit(2) from error
    for line in evaluation.malformed:
        err.print(f"[yellow]skipped[/] {escape(line)}", soft_wrap=True)
    if as_json:
        print(json.dumps(evaluation.to_dict(), ensure_ascii=False))
        return
    render(evaluation, out, misses=misses)
