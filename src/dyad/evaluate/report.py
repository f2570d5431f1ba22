"""The shape every evaluation shares: summary figures, a per-category table, the worst misses.

Scorers fill an ``Evaluation``; ``render`` prints it with rich, ``to_dict`` gives the one JSON
object for machines. Nothing here knows what is being measured.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table


class GoldError(Exception):
    """The gold file as a whole cannot be used (missing, unreadable, no recognisable record)."""


@dataclass
class Rate:
    """Correct out of scored; accuracy is None when nothing was scored."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool | None) -> None:
        if ok is not None:
            self.total += 1
            self.correct += ok

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.accuracy}


@dataclass
class Evaluation:
    name: str  # what was measured: "actors", "events", "times"
    gold: str  # the gold file's path
    format: str  # the gold format detected
    summary: dict[str, Any]  # label -> int, str, float (None: not computable) or Rate
    category: str  # what the table's rows are: "method", "gold sector", ...
    table: dict[str, dict[str, Any]]  # category -> column -> int, float, None or Rate
    misses: list[dict[str, Any]]  # worst first: text, expected, got, ...
    excluded: dict[str, int] = field(default_factory=dict)  # reason -> cases
    malformed: list[str] = field(default_factory=list)  # "file:line: reason"
    notes: list[str] = field(default_factory=list)  # how it was scored, in words

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["summary"] = {k: _plain(v) for k, v in self.summary.items()}
        data["table"] = {k: {c: _plain(v) for c, v in row.items()} for k, row in self.table.items()}
        return data


def _plain(value: Any) -> Any:
    return value.to_dict() if isinstance(value, Rate) else value


def _cell(value: Any) -> str:
    if isinstance(value, Rate):
        if value.accuracy is None:
            return "—"
        return f"{value.accuracy:.1%} ({value.correct}/{value.total})"
    if value is None:  # a figure with nothing to compute it from (an F1 without predictions)
        return "—"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def render(evaluation: Evaluation, console: Console, misses: int = 10) -> None:
    """Print the evaluation as three tables and a few lines of notes."""
    summary = Table(title=f"{evaluation.name}: {evaluation.gold} ({evaluation.format})", box=box.SIMPLE_HEAD)
    summary.add_column("figure")
    summary.add_column("value", justify="right")
    for label, value in evaluation.summary.items():
        summary.add_row(escape(label), escape(_cell(value)))
    for reason, count in evaluation.excluded.items():
        summary.add_row(escape(f"  excluded: {reason}"), str(count))
    console.print(summary)
    console.print(_category_table(evaluation))
    if evaluation.misses and misses > 0:
        console.print(_misses_table(evaluation.misses[:misses], len(evaluation.misses)))
    for note in evaluation.notes:
        console.print(f"[dim]· {escape(note)}[/]")


def _category_table(evaluation: Evaluation) -> Table:
    table = Table(title=f"by {evaluation.category}", box=box.SIMPLE_HEAD)
    columns = list(next(iter(evaluation.table.values()), {}).keys())
    table.add_column(evaluation.category)
    for column in columns:
        table.add_column(column, justify="right")
    for key, row in evaluation.table.items():
        table.add_row(escape(key), *(escape(_cell(row.get(c, ""))) for c in columns))
    return table


def _misses_table(rows: list[dict[str, Any]], total: int) -> Table:
    table = Table(title=f"worst misses ({len(rows)} of {total})", box=box.SIMPLE_HEAD)
    columns = list(rows[0].keys())
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(escape(str(row[c]) if row[c] is not None else "—") for c in columns))
    return table


def gold_lines(path: Path) -> list[str]:
    """The lines of a gold file; one that cannot be read is a GoldError naming it."""
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"cannot read gold file {path}: {getattr(error, 'strerror', None) or error}") from error
