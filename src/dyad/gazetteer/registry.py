"""The actor registry: people with dated roles, read from CSV (and Phoenix) dictionaries.

One CSV row per (person, role period)::

    id,name,aliases,country,code,from,to,role,source
    putin-vladimir,Vladimir Putin,Putin;Vladimir Vladimirovich Putin,RUS,RUSGOV,2012-05-07,,President,...

Rows sharing an ``id`` are one person. ``from``/``to`` are ISO dates, empty = open. ``aliases``
are ``;``-separated spelling variants; a one-word alias (a bare surname) is listed on purpose:
surnames are never derived, so "Kim" finds nobody unless a row says so.

The shipped files (``data/people.csv``, built from the CIA World Factbook, and the hand-curated
``data/people_curated.csv``) load first, then the files named in ``$DYAD_REGISTRY``
(``:``-separated), then ``paths``. Files not ending in ``.csv`` are read as Phoenix actor
dictionaries. Malformed rows are reported (one warning each, with file and line) and skipped.
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from datetime import date as _date
from functools import lru_cache
from pathlib import Path
from typing import Iterable

DATA = Path(__file__).resolve().parent / "data"
SHIPPED = (DATA / "people.csv", DATA / "people_curated.csv")
COLUMNS = ["id", "name", "aliases", "country", "code", "from", "to", "role", "source"]
ENV = "DYAD_REGISTRY"
FORMER = "ELI"  # a former official codes as elite, as Phoenix does


class RegistryWarning(UserWarning):
    """A registry row that could not be read (it is skipped)."""


@dataclass(frozen=True)
class Role:
    """One dated role period: the code a person carries from ``start`` to ``end`` (inclusive)."""

    code: str
    start: str | None = None  # ISO date; None = since always
    end: str | None = None  # ISO date; None = still in office
    title: str | None = None
    source: str = ""

    def holds(self, day: str) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Person:
    id: str
    name: str
    country: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)

    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    def role_at(self, day: str | None) -> Role | None:
        """The role held on ``day`` (latest start wins); the most recent role when ``day`` is None;
        after every role ended, a former-official role (``<COUNTRY>ELI``); before any, None."""
        if not self.roles:
            return None
        if day is None:
            return max(self.roles, key=_recency)
        day = _day(day)
        held = [r for r in self.roles if r.holds(day)]
        if held:
            return max(held, key=lambda r: r.start or "")
        ended = [r for r in self.roles if r.end is not None and r.end < day]
        if ended:
            last = max(ended, key=lambda r: r.end or "")
            title = f"former {last.title}" if last.title else "former official"
            return Role(self.country + FORMER, last.end, None, title, last.source)
        return None

    def code_at(self, day: str | None) -> str | None:
        role = self.role_at(day)
        return role.code if role else None


class Registry:
    """People by id, and a lookup from every name and alias (case-, hyphen- and accent-blind)."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self._index: dict[str, list[str]] = {}

    def __len__(self) -> int:
        return len(self.people)

    def lookup(self, name: str) -> list[Person]:
        return [self.people[pid] for pid in self._index.get(name_key(name), [])]

    def names(self) -> Iterable[str]:
        """Every name and alias, as written (for building matchers)."""
        for person in self.people.values():
            yield from person.names()

    def add(self, pid: str, name: str, country: str, aliases: Iterable[str], role: Role | None) -> Person:
        """Add a row: a new person, or one more role and aliases for a known id."""
        person = self.people.get(pid)
        if person is None:
            person = self.people[pid] = Person(pid, name, country)
            self._index_name(name, pid)
        for alias in (name, *aliases):  # another file's spelling of the name is an alias
            if alias and alias not in person.names():
                person.aliases.append(alias)
                self._index_name(alias, pid)
        if role is not None and role not in person.roles:
            person.roles.append(role)
        return person

    def _index_name(self, name: str, pid: str) -> None:
        ids = self._index.setdefault(name_key(name), [])
        if pid not in ids:
            ids.append(pid)

    # ------------------------------------------------------------ reading

    def read_csv(self, path: str | Path) -> int:
        """Add the rows of a registry CSV; returns how many rows were read."""
        path = Path(path)
        count = 0
        with path.open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.reader(handle), 1):
                if not row or row[0].startswith("#") or row == COLUMNS:
                    continue
                problem = _row_problem(row)
                if problem:
                    _warn(path, line, problem)
                    continue
                pid, name, aliases, country, code, start, end, title, source = (c.strip() for c in row)
                role = Role(code, start or None, end or None, title or None, source)
                self.add(pid or slug(name), name, country or code[:3], aliases.split(";"), role)
                count += 1
        return count

    def import_phoenix(self, path: str | Path) -> list[Person]:
        """Add the persons of a Phoenix/PETRARCH actor dictionary (entries with dated codes)."""
        path = Path(path)
        found: list[Person] = []
        for entry in _phoenix_entries(path):
            if not any(r.start or r.end for r in entry.roles):
                continue  # countries, institutions: no dated role, not a person
            pid = "phoenix-" + slug(entry.name)
            for role in entry.roles:
                person = self.add(pid, entry.name, role.code[:3], entry.aliases, role)
            found.append(person)
        return found


# ---------------------------------------------------------------- loading


def load_registry(paths: Iterable[str | Path] | None = None) -> Registry:
    """The shipped registry plus ``$DYAD_REGISTRY`` files plus ``paths``; cached without ``paths``."""
    env = tuple(p for p in os.environ.get(ENV, "").split(":") if p)
    if paths is None:
        return _cached(env)
    return _build((*SHIPPED, *env, *paths))


@lru_cache(maxsize=4)
def _cached(env: tuple[str, ...]) -> Registry:
    return _build((*SHIPPED, *env))


def _build(paths: Iterable[str | Path]) -> Registry:
    registry = Registry()
    for path in map(Path, paths):
        if not path.is_file():
            warnings.warn(f"{path}: registry file not found; skipped", RegistryWarning, stacklevel=3)
        elif path.suffix.lower() == ".csv":
            registry.read_csv(path)
        else:
            registry.import_phoenix(path)
    return registry


# ---------------------------------------------------------------- names and dates


def name_key(name: str) -> str:
    """"Kim Jong-un" == "kim jong un" == "KIM Jong Un"; "Sébastien" == "Sebastien"; "J." == "J"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("-", " ").replace(".", " ")
    return re.sub(r"\s+", " ", text).strip().lower()


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name_key(name)).strip("-")


def _day(value: str) -> str:
    """An ISO date, datetime or partial date as a comparable ``YYYY-MM-DD`` (partial = first day)."""
    value = value[:10]
    return value + "-01-01"[len(value) - 4:] if len(value) in (4, 7) else value


def _recency(role: Role) -> tuple[bool, str]:
    return role.end is None, role.start or ""


def _valid_date(text: str) -> bool:
    try:
        _date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _row_problem(row: list[str]) -> str | None:
    if len(row) != len(COLUMNS):
        return f"{len(row)} columns, expected {len(COLUMNS)}"
    values = dict(zip(COLUMNS, (c.strip() for c in row)))
    if not values["name"] or not values["code"]:
        return "empty name or code"
    for column in ("from", "to"):
        if values[column] and not _valid_date(values[column]):
            return f"bad {column} date {values[column]!r} (want YYYY-MM-DD)"
    if values["from"] and values["to"] and values["to"] < values["from"]:
        return "to date before from date"
    return None


def _warn(path: Path, line: int, problem: str) -> None:
    warnings.warn(f"{path}:{line}: {problem}; row skipped", RegistryWarning, stacklevel=4)


# ---------------------------------------------------------------- Phoenix dictionaries

_PHOENIX_CODE = re.compile(r"\[\s*([A-Z0-9]+)\s*(?:([<>])?\s*(\d+)(?:\s*-\s*(\d+))?)?\s*\]")


@dataclass
class _PhoenixEntry:
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)


def _phoenix_entries(path: Path) -> list[_PhoenixEntry]:
    """``NAME_ [CODE]``, ``+SYNONYM``, TAB ``[CODE from-to]`` / ``[CODE >from]`` / ``[CODE <to]``."""
    entries: list[_PhoenixEntry] = []
    source = f"phoenix:{path.name}"
    for line, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        text = raw.split("#", 1)[0].rstrip()
        if not text.strip():
            continue
        if raw[:1].isspace():
            if entries:
                role = _phoenix_role(text, source)
                if role is None:
                    _warn(path, line, f"unreadable Phoenix code line {text.strip()!r}")
                else:
                    entries[-1].roles.append(role)
        elif text.startswith("+"):
            if entries:
                entries[-1].aliases.append(_phoenix_name(text[1:]))
        else:
            phrase, _, rest = text.partition("[")
            entries.append(_PhoenixEntry(_phoenix_name(phrase)))
            if rest:
                role = _phoenix_role("[" + rest, source)
                if role is not None:
                    entries[-1].roles.append(role)
    return entries


def _phoenix_role(text: str, source: str) -> Role | None:
    match = _PHOENIX_CODE.search(text)
    if match is None:
        return None
    code, sign, first, second = match.groups()
    if first is None:
        return Role(code, source=source)
    start, end = _phoenix_date(first), _phoenix_date(second) if second else None
    if start is None or (second and end is None):
        return None
    if sign == "<":
        start, end = None, start
    return Role(code, start, end, None, source)


def _phoenix_date(text: str) -> str | None:
    """YYYYMMDD or YYMMDD (YY 00-30 = 20YY, else 19YY, as PETRARCH reads them)."""
    if len(text) == 6:
        text = ("20" if int(text[:2]) <= 30 else "19") + text
    if len(text) != 8:
        return None
    iso = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return iso if _valid_date(iso) else None


def _phoenix_name(phrase: str) -> str:
    words = phrase.strip().strip("_").replace("_", " ").split()
    return " ".join(w.capitalize() for w in words)


__all__ = ["Person", "Registry", "RegistryWarning", "Role", "load_registry", "name_key", "slug"]
