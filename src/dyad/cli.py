"""The ``dyad`` command: ingest articles, list and show their events, extract JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import duckdb
import typer
from rich.console import Console
from rich import box
from rich.console import Group
from rich.markup import escape
from rich.padding import Padding
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dyad.records import DocumentRecord
from dyad.store import DEFAULT_DB, EventFilter, Store, StoreError

app = typer.Typer(
    help="dyad: political event data from news text, every fact pointing back to its words.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.", envvar="DYAD_DB")]
PublishedOption = Annotated[
    Optional[str],
    typer.Option("--published", help="Publication date (YYYY-MM-DD) for every input; overrides metadata."),
]
OutletOption = Annotated[Optional[str], typer.Option("--outlet", help="Outlet name for inputs that lack one.")]
PathsArgument = Annotated[
    list[str], typer.Argument(help="Text, HTML or JSONL files, folders of them, or - for stdin.")
]


def _open_store(db: Path, read_only: bool = False) -> Store:
    if read_only and not db.exists():
        err.print(f"[red]error:[/] no store at {escape(str(db))} (run `dyad ingest` first)")
        raise typer.Exit(2)
    try:
        return Store(db, read_only=read_only)
    except StoreError as error:
        err.print(f"[red]error:[/] {escape(str(error))}")
        raise typer.Exit(2) from error


def _read(paths: list[str], published: str | None, outlet: str | None, failures: list):
    """Documents from the inputs; each unreadable input is reported on one line and skipped."""
    from dyad.ingest import ReadError, read_paths

    try:
        items = read_paths(paths, published=published, outlet=outlet)
        for item in items:
            if isinstance(item, ReadError):
                err.print(f"[yellow]skipped[/] {escape(str(item))}")
                failures.append((str(item.path), item.line, item.reason))
            else:
                yield item
    except ValueError as error:  # a bad --published is the user's to fix, before any work
        err.print(f"[red]error:[/] {escape(str(error))}")
        raise typer.Exit(2) from error


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _advance(progress: Progress, task) -> None:
    """One more document done; the rate shown is documents per second since the start."""
    done = progress.tasks[task].completed + 1
    elapsed = progress.tasks[task].elapsed or 1e-9
    progress.update(task, advance=1, rate=f"{done / elapsed:.1f} docs/s")


WorkersOption = Annotated[
    Optional[int],
    typer.Option("--workers", "-w", min=0, help="Processes coding in parallel (default: one per core; 0: in this process)."),
]
BatchOption = Annotated[int, typer.Option("--batch-size", min=1, help="Documents per nlp.pipe batch.")]


def _failed(failures: list, where: str, reason: str) -> None:
    err.print(f"[yellow]failed[/] {escape(where)}: {escape(reason)}", soft_wrap=True)
    failures.append((where, None, reason))


@app.command()
def ingest(
    paths: Annotated[Optional[list[str]], typer.Argument(
        help="Text, HTML or JSONL files, folders of them, or - for stdin.")] = None,
    db: DbOption = Path(DEFAULT_DB),
    published: PublishedOption = None,
    outlet: OutletOption = None,
    workers: WorkersOption = None,
    batch_size: BatchOption = 16,
    retry_failed: Annotated[bool, typer.Option(
        "--retry-failed", help="Also read again every input earlier runs could not code (see `dyad failures`).")] = False,
) -> None:
    """Read articles, code their events and store them. Re-ingesting the same text changes nothing;
    a run that was killed, started again the same way, picks up where it stopped."""
    from dyad.run import CodingPool, Failed
    from dyad.run.journal import begin
    from dyad.run.writer import store_record

    store = _open_store(db)
    paths = list(paths or [])
    if retry_failed:
        retried = store.take_failed_inputs()
        err.print(f"retrying {len(retried)} inputs that failed before")
        paths += [p for p in retried if p not in paths]
    if not paths:
        err.print("[red]error:[/] nothing to ingest: give files, folders or -, or --retry-failed")
        raise typer.Exit(2)
    run_id, resumed = begin(store, {"paths": paths, "published": published, "outlet": outlet})
    if resumed:
        err.print(f"resuming interrupted run {', '.join(resumed)}: documents already stored are skipped")
    failures: list[tuple[str, int | None, str]] = []
    counts = {"added": 0, "unchanged": 0, "replaced": 0}
    documents = list(_read(paths, published, outlet, failures))
    fresh = [d for d in documents if not store.is_stored(d.id, d.text)]
    counts["unchanged"] = len(documents) - len(fresh)
    try:
        with _progress() as progress, CodingPool(workers, batch_size) as pool:
            task = progress.add_task("coding", total=len(fresh), rate="")
            for outcome in pool.code(fresh):  # in input order; the store is written here only
                if isinstance(outcome, Failed):
                    _failed(failures, outcome.where, outcome.reason)
                else:
                    counts[store_record(store, outcome)] += 1
                _advance(progress, task)
    except (OSError, duckdb.Error) as error:
        # a full disk, a store taken away: what was saved stays saved (one transaction each)
        done = sum(counts.values())
        err.print(f"[red]error:[/] cannot write to {escape(str(db))} ({escape(str(error))}); the {done} documents "
                  "before it are kept, and the same command resumes", soft_wrap=True)
        store.close()
        raise typer.Exit(1) from error
    store.finish_run(run_id, counts, failures)
    summary = ", ".join(f"{n} {k}" for k, n in counts.items())
    err.print(f"{summary}, {len(failures)} failed → {escape(str(db))}", soft_wrap=True)
    store.close()
    if failures:
        raise typer.Exit(1)


@app.command()
def events(
    db: DbOption = Path(DEFAULT_DB),
    actor: Annotated[Optional[str], typer.Option(help="Actor code prefix (RUS, PRKGOV) or name on either side.")] = None,
    dyad: Annotated[
        Optional[tuple[str, str]], typer.Option(help="Two actors, in either direction: --dyad RUS PRK.")
    ] = None,
    type: Annotated[Optional[str], typer.Option("--type", help="PLOVER event type, e.g. CONSULT.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Events dated on or after YYYY[-MM[-DD]].")] = None,
    until: Annotated[Optional[str], typer.Option(help="Events dated on or before YYYY[-MM[-DD]].")] = None,
    asserted_by: Annotated[Optional[str], typer.Option(
        "--asserted-by", help="Who asserts it: a quoted speaker's code prefix or name, or the outlet.")] = None,
    quad: Annotated[Optional[int], typer.Option(
        min=1, max=4, help="Quad class: 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict.")] = None,
    modality: Annotated[Optional[str], typer.Option(
        help="asserted, negated, alleged, future, hypothetical or historical.")] = None,
    place: Annotated[Optional[str], typer.Option(help="Where: a country code or a place name.")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="Reported by this outlet (name contains).")] = None,
    cluster: Annotated[Optional[str], typer.Option(help="Every mention of one real-world event (cluster id).")] = None,
    limit: Annotated[Optional[int], typer.Option(help="At most this many events.")] = None,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many first (pages, with --limit).")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line instead of a table.")] = False,
) -> None:
    """List stored event mentions, filtered by actor, dyad, type, date, quad class, modality, place,
    outlet, real-world event and who asserts them."""
    with _open_store(db, read_only=True) as store:
        try:
            rows = store.events(EventFilter(
                actor=actor, dyad=dyad, type=type, since=since, until=until, asserted_by=asserted_by,
                quad_class=quad, modality=modality, place=place, outlet=outlet, cluster_id=cluster,
                limit=limit, offset=offset))
        except ValueError as error:
            err.print(f"[red]error:[/] {escape(str(error))}")
            raise typer.Exit(2) from error
    if as_json:
        return _json_lines(rows)
    out.print(_events_table(rows))


def _json_lines(rows: list[dict]) -> None:
    """For machines: one JSON object per line."""
    for row in rows:
        out.print_json(json.dumps(row, default=str), indent=None)


def _events_table(rows: list[dict]) -> Table:
    """A compact table that still reads at 80 columns: codes here, names in `dyad show`."""
    table = Table(title=f"{len(rows)} events", box=box.SIMPLE_HEAD, caption="* dated by publication, not by the text")
    # (column, min width, max width): dates and modalities whole, long names cut with an ellipsis;
    # who asserts it only where there is room (it is in --json and `dyad show` anyway)
    columns = [("date", 11, 11), ("event", 10, 10), ("source", 6, 20), ("target", 6, 20), ("modality", 12, 12),
               ("per", 6, 18), ("trigger", 6, 18)]
    if out.width < 100:
        columns.remove(("per", 6, 18))
    for column, least, most in columns:
        table.add_column(column, min_width=least, max_width=most, overflow="fold" if most < 12 else "ellipsis",
                         no_wrap=column in ("modality", "per", "trigger"))
    for row in rows:
        table.add_row(*(escape(cell) for cell in (
            (row["date"] or "undated") + ("" if row["date_source"] == "text" else "*"),
            row["type"] + (f"\n{row['mode']}" if row["mode"] else ""),
            ", ".join(row["source_codes"] or []) or "—",
            ", ".join(row["target_codes"] or []) or "—",
            row["modality"],
            *([row["attributed_to"] or ""] if out.width >= 100 else []),
            row["trigger_text"],
        )))
    return table


def _event_block(n: int, row: dict, text: str) -> Group:
    """One event as a heading line and its sentence with the trigger highlighted."""
    kind = row["type"] + (f"·{row['mode']}" if row["mode"] else "")
    date = (row["date"] or "undated") + ("" if row["date_source"] == "text" else "*")
    heading = (
        f"[bold]{n:>3}[/]  {date}  [bold cyan]{kind}[/]  {escape(_side(row['source_names'], row['source_codes']))}"
        f" → {escape(_side(row['target_names'], row['target_codes']))}"
        f"  [dim]{row['modality']} · per {escape(row['attributed_to'] or '?')}[/]"
    )
    s, ts, te, e = row["sentence_start"], row["trigger_start"], row["trigger_end"], row["sentence_end"]
    sentence = f"{escape(text[s:ts])}[reverse]{escape(text[ts:te])}[/]{escape(text[te:e])}"
    return Group(heading, Padding(" ".join(sentence.split()), (0, 0, 1, 5)))


def _side(names: list[str] | None, codes: list[str] | None) -> str:
    return "; ".join(f"{n} ({c})" for n, c in zip(names or [], codes or [])) or "—"


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id, as `dyad documents` lists.")],
    db: DbOption = Path(DEFAULT_DB),
    as_json: Annotated[bool, typer.Option("--json", help="The full JSON record.")] = False,
) -> None:
    """Show one document's events with the sentences that support them."""
    with _open_store(db, read_only=True) as store:
        record = store.document(doc_id)
        if record is None:
            err.print(f"[red]error:[/] no document {escape(doc_id)} in {escape(str(db))}")
            raise typer.Exit(1)
        if as_json:
            out.print_json(json.dumps(record.to_dict()))
            return
        rows = store.events(EventFilter(doc_id=doc_id))
        actors = _actors_table(record, store)
    out.print(_record_header(record))
    out.print(actors)
    for n, row in enumerate(sorted(rows, key=lambda r: r["trigger_start"]), 1):
        out.print(_event_block(n, row, record.text))


def _actors_table(record: DocumentRecord, store: Store) -> Table:
    """Coded actors with the words that coded them, from this document or an earlier one."""
    table = Table(title="actors", box=box.SIMPLE_HEAD)
    for column in ("actor", "code", "role", "mentions", "coded from"):
        table.add_column(column, overflow="fold")
    for actor in record.actors:
        if not actor.code:
            continue
        source = store.document(actor.evidence_doc) if actor.evidence_doc else record
        evidence = "; ".join(" ".join(source.text[s:e].split()) for s, e in actor.evidence) if source else ""
        if actor.evidence_doc:
            evidence = f"{evidence} (in {actor.evidence_doc})"
        table.add_row(*(escape(str(c)) for c in (actor.name, actor.code, actor.role or "", len(actor.mentions), evidence)))
    return table


def _record_header(record: DocumentRecord) -> str:
    chain = " citing ".join(s.name for s in record.sources if s.role in ("outlet", "cited"))
    return (
        f"[bold]{escape(record.title or record.id)}[/]  {record.id}\n"
        f"published {record.published or 'unknown'} ({record.published_source})"
        + (f" · {escape(chain)}" if chain else "")
        + f" · {len(record.actors)} actors, {len(record.events)} events, {len(record.quotes)} quotes\n"
        + "[dim]* dated by publication, not by the text[/]\n"
    )


@app.command()
def quotes(
    db: DbOption = Path(DEFAULT_DB),
    actor: Annotated[Optional[str], typer.Option(help="Speaker's code prefix (RUSGOV) or name (Lavrov).")] = None,
    about: Annotated[Optional[str], typer.Option(help="Only quotes whose words name this actor (code or name).")] = None,
    doc_id: Annotated[Optional[str], typer.Option("--doc", help="Only this document.")] = None,
    limit: Annotated[Optional[int], typer.Option(help="At most this many quotes.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line instead of a table.")] = False,
) -> None:
    """What was said and by whom (--actor), or about whom (--about): attributions with their
    speaker, the verb that reports them and what was said, newest first."""
    with _open_store(db, read_only=True) as store:
        rows = store.quotes(actor=actor, doc_id=doc_id, limit=limit)
        if about:
            said = {(r["doc_id"], r["position"]) for r in store.said_about(about)}
            rows = [r for r in rows if (r["doc_id"], r["position"]) in said]
    if as_json:
        return _json_lines(rows)
    table = Table(title=f"{len(rows)} quotes", box=box.SIMPLE_HEAD)
    for column, least in (("date", 10), ("speaker", 12), ("cue", 6), ("said", 30), ("document", 8)):
        table.add_column(column, min_width=least, overflow="fold")
    for row in rows:
        said = " ".join(row["content"].split())
        table.add_row(*(escape(cell) for cell in (
            row["published"] or "undated",
            row["speaker"] + (f" ({row['speaker_code']})" if row["speaker_code"] else "") if row["speaker"] else "?",
            row["cue"], ("“" + said + "”") if row["direct"] else said, row["doc_id"])))
    out.print(table)


@app.command()
def series(
    a: Annotated[str, typer.Argument(help="One side: a code prefix (RUS, RUSGOV).")],
    b: Annotated[str, typer.Argument(help="The other side.")],
    db: DbOption = Path(DEFAULT_DB),
    by: Annotated[str, typer.Option(help="day, week, month or year.")] = "month",
    since: Annotated[Optional[str], typer.Option(help="From YYYY[-MM[-DD]].")] = None,
    until: Annotated[Optional[str], typer.Option(help="To YYYY[-MM[-DD]].")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per period.")] = False,
) -> None:
    """A dyad over time, both directions: real-world events per quad class, mean Goldstein value and
    cooperation minus conflict, per period, with a bar for each."""
    with _open_store(db, read_only=True) as store:
        try:
            rows = store.series(a, b, by, since, until)
        except ValueError as error:
            err.print(f"[red]error:[/] {escape(str(error))}")
            raise typer.Exit(2) from error
    if as_json:
        return _json_lines(rows)
    table = Table(title=escape(f"{a.upper()} ⇄ {b.upper()} by {by}"), box=box.SIMPLE_HEAD,
                  caption="v./m. = verbal/material; gold. = mean Goldstein; net = cooperation − conflict;"
                          " bar: green cooperation, red conflict")
    for column in ("period", "events", "v.coop", "m.coop", "v.confl", "m.confl", "gold.", "net", ""):
        table.add_column(column, justify="left" if column in ("period", "") else "right",
                         no_wrap=bool(column), min_width=len(column) or 11, overflow="crop")
    widest = max((r["events"] for r in rows), default=1)
    for r in rows:
        coop, conflict = r["verbal_cooperation"] + r["material_cooperation"], r["verbal_conflict"] + r["material_conflict"]
        bar = "[green]" + "█" * round(10 * coop / widest) + "[/][red]" + "█" * round(10 * conflict / widest) + "[/]"
        table.add_row(str(r["period"])[: {"year": 4, "month": 7}.get(by, 10)], str(r["events"]),
                      *(str(r[q]) for q in ("verbal_cooperation", "material_cooperation", "verbal_conflict",
                                            "material_conflict")),
                      f"{r['mean_goldstein']:+.1f}", f"{r['cooperation_minus_conflict']:+d}", bar)
    out.print(table)


@app.command()
def network(
    db: DbOption = Path(DEFAULT_DB),
    actor: Annotated[Optional[str], typer.Option(help="Only edges touching this code prefix.")] = None,
    level: Annotated[int, typer.Option(help="Code letters per node: 3 country, 6 country and sector.")] = 3,
    since: Annotated[Optional[str], typer.Option(help="From YYYY[-MM[-DD]].")] = None,
    until: Annotated[Optional[str], typer.Option(help="To YYYY[-MM[-DD]].")] = None,
    limit: Annotated[int, typer.Option(help="At most this many edges in the table.")] = 40,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per edge.")] = False,
) -> None:
    """Who acts on whom: edges weighted by real-world events and signed by mean Goldstein value
    (`dyad export gexf` draws it in Gephi)."""
    with _open_store(db, read_only=True) as store:
        try:
            rows = store.network(actor, level, since, until)
        except ValueError as error:
            err.print(f"[red]error:[/] {escape(str(error))}")
            raise typer.Exit(2) from error
    if as_json:
        return _json_lines(rows)
    table = Table(title=escape(f"{len(rows)} edges" + (f" touching {actor.upper()}" if actor else "")),
                  box=box.SIMPLE_HEAD)
    for column in ("source", "target", "events", "coop", "conflict", "goldstein"):
        table.add_column(column, justify="left" if column in ("source", "target") else "right")
    for r in rows[:limit]:
        colour = {"cooperation": "green", "conflict": "red"}.get(r["sign"], "white")
        table.add_row(r["source"], r["target"], str(r["events"]), str(r["cooperation"]), str(r["conflict"]),
                      f"[{colour}]{r['mean_goldstein']:+.1f}[/]")
    out.print(table)


@app.command()
def clusters(
    db: DbOption = Path(DEFAULT_DB),
    limit: Annotated[int, typer.Option(help="At most this many.")] = 40,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per real-world event.")] = False,
) -> None:
    """Real-world events, each counted once however many reports tell it, most reported first
    (`dyad events --cluster ID` lists its mentions)."""
    with _open_store(db, read_only=True) as store:
        rows = store.clusters(limit)
    if as_json:
        return _json_lines(rows)
    table = Table(title=f"{len(rows)} real-world events", box=box.SIMPLE_HEAD,
                  caption="m/d/o = mentions, documents, outlets; `dyad events --cluster ID` lists the mentions")
    columns = [("cluster", 18), ("type", 9), ("source", 8), ("target", 8), ("date", 10), ("m/d/o", 7)]
    columns += [("first report", 12)] if out.width >= 100 else []
    for column, width in columns:
        table.add_column(column, min_width=width, overflow="ellipsis" if column in ("source", "target") else "fold")
    for r in rows:
        table.add_row(*(escape(str(cell)) for cell in (
            r["cluster_id"], r["type"], r["source_key"] or "—", r["target_key"] or "—", r["date_start"] or "undated",
            f"{r['n_mentions']}/{r['n_documents']}/{r['n_outlets']}", r["earliest_report"] or "")[:len(columns)]))
    out.print(table)


actors_app = typer.Typer(help="One actor across documents: list entities, merge two, undo a merge.",
                          no_args_is_help=True)
app.add_typer(actors_app, name="actors")


@actors_app.command("list")
def actors_list(
    search: Annotated[Optional[str], typer.Argument(help="A name part or code prefix.")] = None,
    db: DbOption = Path(DEFAULT_DB),
    limit: Annotated[int, typer.Option(help="At most this many.")] = 40,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per entity.")] = False,
) -> None:
    """Entities with every name and code they appear under and how many documents mention them."""
    with _open_store(db, read_only=True) as store:
        rows = store.entities(search, limit)
    if as_json:
        return _json_lines(rows)
    table = Table(title=f"{len(rows)} entities", box=box.SIMPLE_HEAD)
    for column in ("entity", "names", "codes", "docs"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(row["entity_id"], escape("; ".join(row["names"])), ", ".join(row["codes"] or []),
                      str(row["documents"]))
    out.print(table)


@actors_app.command("merge")
def actors_merge(
    keep: Annotated[str, typer.Argument(help="The entity that stays.")],
    absorb: Annotated[str, typer.Argument(help="The entity whose members join it.")],
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Say two entities are one actor; prints the merge id that `dyad actors unmerge` takes."""
    with _open_store(db) as store:
        try:
            merge_id = store.merge_entities(keep, absorb)
        except ValueError as error:
            err.print(f"[red]error:[/] {escape(str(error))}")
            raise typer.Exit(2) from error
    out.print(merge_id)


@actors_app.command("unmerge")
def actors_unmerge(
    merge_id: Annotated[str, typer.Argument(help="A merge id that `dyad actors merge` printed.")],
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Undo a merge: every member goes back to the entity it came from."""
    with _open_store(db) as store:
        try:
            store.unmerge_entities(merge_id)
        except ValueError as error:
            err.print(f"[red]error:[/] {escape(str(error))}")
            raise typer.Exit(2) from error
    err.print(f"undid {escape(merge_id)}")


@app.command()
def check(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Check the store's integrity: no rows without their document, spans inside the text, every
    event clustered, texts matching their hashes, records that parse. Exit 1 when something is wrong."""
    with _open_store(db, read_only=True) as store:
        problems = store.check()
        documents = store.count("documents")
    for problem in problems:
        err.print(f"[red]problem:[/] {escape(problem)}")
    if problems:
        raise typer.Exit(1)
    err.print(f"{escape(str(db))}: {documents} documents, no problems")


@app.command()
def failures(
    db: DbOption = Path(DEFAULT_DB),
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per failure.")] = False,
) -> None:
    """Every input an ingest could not read or code, with the reason, newest first; and every stored
    document left uncoded (another language). `dyad ingest --retry-failed` reads them again."""
    with _open_store(db, read_only=True) as store:
        rows = store.failures()
    if as_json:
        return _json_lines(rows)
    table = Table(title=f"{len(rows)} not coded", box=box.SIMPLE_HEAD)
    for column in ("when", "input", "line", "reason"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(str(row["run_at"])[:16], escape(str(row["path"])), str(row["line"] or ""), escape(row["reason"]))
    out.print(table)


@app.command()
def upgrade(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Bring an older store's schema up to this dyad's version, in place, keeping every row."""
    if not db.exists():
        err.print(f"[red]error:[/] no store at {escape(str(db))}")
        raise typer.Exit(2)
    with _open_store(db) as store:
        err.print(f"{escape(str(db))}: schema version {store.schema_version}")


@app.command()
def documents(db: DbOption = Path(DEFAULT_DB)) -> None:
    """List stored documents."""
    with _open_store(db, read_only=True) as store:
        rows = store.documents()
    table = Table(title=f"{len(rows)} documents")
    for column in ("id", "published", "outlet", "events", "title"):
        table.add_column(column, overflow="fold")
    for row in rows:
        title = escape(row["title"] or "")
        if row["status"] != "coded":
            title = f"[yellow]{escape(row['status'])}[/] {title}"
        table.add_row(*(escape(str(row[c] if row[c] is not None else "")) for c in ("id", "published", "outlet", "events")),
                      title)
    out.print(table)


@app.command()
def delete(
    doc_id: Annotated[str, typer.Argument(help="Document id to remove, with everything derived from it.")],
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Remove a document and all its records from the store."""
    with _open_store(db) as store:
        if not store.delete(doc_id):
            err.print(f"[red]error:[/] no document {escape(doc_id)} in {escape(str(db))}")
            raise typer.Exit(1)
    err.print(f"deleted {escape(doc_id)}")


def _export_help() -> str:
    from dyad.store.exports import EXPORTS, FOLDER_FORMATS, describe

    lines = [f"{name}{' (PATH is a folder)' if name in FOLDER_FORMATS else ''}: {describe(name)}" for name in EXPORTS]
    return ("Export the store for the field's tools. The GDELT tables and the network keep the events that "
            "at least one report states as fact; PLOVER lines keep every mention with its modality."
            "\n\nFormats:\n\n" + "\n\n".join(lines))


@app.command(help=_export_help())
def export(
    format: Annotated[str, typer.Argument(metavar="FORMAT", help="gdelt, mentions, plover, parquet, csv, gexf or graphml.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (a folder for parquet and csv).")],
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    from dyad.store.exports import EXPORTS, FOLDER_FORMATS

    if format not in EXPORTS:
        err.print(f"[red]error:[/] unknown format {escape(format)!r}; use one of {', '.join(EXPORTS)}", soft_wrap=True)
        raise typer.Exit(2)
    with _open_store(db, read_only=True) as store, _progress() as progress:
        task = progress.add_task(f"export {format}", total=None, rate="")
        try:
            written = EXPORTS[format](store, output, lambda done, total: progress.update(task, completed=done, total=total))
        except OSError as error:
            err.print(f"[red]error:[/] {escape(str(error))}", soft_wrap=True)
            raise typer.Exit(1) from error
    unit = "files" if format in FOLDER_FORMATS else "edges" if format in ("gexf", "graphml") else "rows"
    err.print(f"{written} {unit} → {escape(str(output))}", soft_wrap=True)


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(
        help="Text, HTML or JSONL files, folders, or - for stdin; with --output: JSONL or Parquet shards,"
             " folders of them, or URIs pyarrow reads (s3://...).")],
    published: PublishedOption = None,
    outlet: OutletOption = None,
    workers: WorkersOption = None,
    batch_size: BatchOption = 16,
    output: Annotated[Optional[str], typer.Option(
        "--output", "-o", help="Folder or URI for Parquet record shards (one per input shard) instead of stdout.")] = None,
    engine: Annotated[str, typer.Option("--engine", help="local (this machine's cores) or ray.")] = "local",
    ray_address: Annotated[Optional[str], typer.Option(
        "--ray-address", help="Ray cluster to run on (ray://HEAD:10001, or auto); default: a local Ray.")] = None,
) -> None:
    """Code documents without a store: one JSON record per line on stdout, or record shards with --output."""
    if engine not in ("local", "ray"):
        err.print(f"[red]error:[/] unknown engine {escape(engine)!r} (local or ray)")
        raise typer.Exit(2)
    if output is not None or engine == "ray":
        if output is None:
            err.print("[red]error:[/] --engine ray writes record shards: give --output DIR")
            raise typer.Exit(2)
        _extract_shards(inputs, output, engine, workers, batch_size, published, outlet, ray_address)
        return
    from dyad.run import CodingPool, Failed

    failures: list = []
    with CodingPool(workers, batch_size) as pool:
        for outcome in pool.code(_read(inputs, published, outlet, failures)):
            if isinstance(outcome, Failed):
                _failed(failures, outcome.where, outcome.reason)
            else:
                sys.stdout.write(json.dumps(outcome.to_dict(), ensure_ascii=False) + "\n")
    if failures:
        raise typer.Exit(1)


def _extract_shards(inputs: list[str], output: str, engine: str, workers: int | None, batch_size: int,
                    published: str | None, outlet: str | None, ray_address: str | None) -> None:
    """Each input shard into a record shard under ``output``; shards already written are skipped."""
    from dyad.run.engine import plan, run_local
    from dyad.run.shards import expand

    shards, errors = expand(inputs)
    for error in errors:
        err.print(f"[yellow]skipped[/] {escape(str(error))}", soft_wrap=True)
    todo, done = plan(shards, output)
    if done:
        err.print(f"{len(done)} shards already written under {escape(output)}: skipped", soft_wrap=True)
    if engine == "ray":
        try:
            from dyad.run.ray_engine import run_ray
        except ImportError as error:  # pragma: no cover - depends on the extra
            err.print(f"[red]error:[/] --engine ray needs Ray: pip install 'dyad[ray]' ({error})")
            raise typer.Exit(2) from error
        results = run_ray(todo, ray_address, workers, batch_size, published, outlet)
    else:
        results = run_local(todo, workers, batch_size, published, outlet)
    failed, coded, written = len(errors), 0, 0
    with _progress() as progress:
        task = progress.add_task("shards", total=len(todo), rate="")
        for result in results:
            for path, line, reason in result.failures:
                where = path if line is None else f"{path}:{line}"
                err.print(f"[yellow]failed[/] {escape(where)}: {escape(reason)}", soft_wrap=True)
            failed += len(result.failures)
            coded, written = coded + result.coded, written + result.written
            progress.update(task, advance=1, rate=f"{coded} documents")
    err.print(f"{coded} coded, {failed} failed, {written} shards written, {len(done)} skipped → {escape(output)}",
              soft_wrap=True)
    if failed:
        raise typer.Exit(1)


@app.command()
def load(
    shards: Annotated[list[str], typer.Argument(help="Parquet record shards from `dyad extract --output`, folders of them, or URIs.")],
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Bring record shards into a store, in order; documents already stored are skipped."""
    from dyad.ingest import ReadError
    from dyad.run.journal import begin
    from dyad.run.shards import RECORD_SUFFIX, expand, read_records
    from dyad.run.writer import store_record

    store = _open_store(db)
    found, errors = expand(shards, (RECORD_SUFFIX,))
    run_id, _ = begin(store, {"load": shards})
    failures: list[tuple[str, int | None, str]] = []
    for error in errors:
        _failed(failures, str(error.path), error.reason)
    counts = {"added": 0, "unchanged": 0, "replaced": 0}
    with _progress() as progress:
        task = progress.add_task("loading", total=None, rate="")
        for shard in found:
            for item in read_records(shard):
                if isinstance(item, ReadError):
                    _failed(failures, str(item) if item.line else item.path, item.reason)
                elif store.is_stored(item.id, item.text):
                    counts["unchanged"] += 1
                else:
                    counts[store_record(store, item)] += 1
                _advance(progress, task)
    store.finish_run(run_id, counts, failures)
    summary = ", ".join(f"{n} {k}" for k, n in counts.items())
    err.print(f"{summary}, {len(failures)} failed → {escape(str(db))}", soft_wrap=True)
    store.close()
    if failures:
        raise typer.Exit(1)


from dyad.evaluate.cli import app as evaluate_app  # noqa: E402
from dyad.serve.cli import serve  # noqa: E402  (FastAPI and uvicorn load only when it runs)

app.add_typer(evaluate_app, name="evaluate")
app.command()(serve)


def main() -> None:  # pragma: no cover - console entry point
    app()
