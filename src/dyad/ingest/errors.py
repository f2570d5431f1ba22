"""Bad input is data, not an exception: readers yield ``ReadError`` and go on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadError:
    """One thing that could not be read; ``str()`` gives one line for the user."""

    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"


class BadInput(Exception):
    """Raised inside the readers, turned into a ``ReadError`` at the boundary."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
