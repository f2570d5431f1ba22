"""Metadata: sidecar files, the user's options, and one rule for the publication date."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from dyad.ingest.dates import dateline_date, parse_date
from dyad.ingest.errors import BadInput
from dyad.records import Document

SIDECAR_SUFFIX = ".meta.json"


@dataclass(frozen=True)
class Meta:
    """What is known about a document besides its text; None means not known."""

    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # as found, not yet normalised

    def under(self, other: Meta) -> Meta:
        """These values where set, ``other``'s where not."""
        values = {f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        return Meta(**values)

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> Meta:
        """The known keys of a JSON object; ``date`` is an alias of ``published``, ``source`` of ``outlet``."""
        values = {f.name: _scalar(data.get(f.name)) for f in fields(cls)}
        values["published"] = values["published"] or _scalar(data.get("date"))
        values["outlet"] = values["outlet"] or _scalar(data.get("source"))
        return cls(**values)


def sidecar_path(path: Path) -> Path:
    """``NAME.meta.json`` beside ``NAME.txt`` (or ``NAME.html``, ...)."""
    return path.with_name((path.stem if path.suffix else path.name) + SIDECAR_SUFFIX)


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> Meta:
    """The sidecar's metadata; an empty Meta when there is none; BadInput when it is broken."""
    if not path.is_file():
        return Meta()
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise BadInput("metadata sidecar is not UTF-8") from None
    except json.JSONDecodeError as err:
        raise BadInput(f"malformed JSON in metadata sidecar ({err.msg})", err.lineno) from None
    if not isinstance(data, dict):
        raise BadInput("metadata sidecar is not a JSON object")
    return Meta.from_mapping(data)


def make_document(text: str, meta: Meta, given: Meta, path: str) -> Document:
    """A Document; the user's values (``given``, dates already ISO) win over the metadata."""
    merged = given.under(meta)
    published, source = _publication(text, given.published, meta.published)
    return Document(text=text, id=merged.id or "", title=merged.title, url=merged.url,
                    outlet=merged.outlet, published=published, published_source=source, path=path)


def _publication(text: str, given: str | None, found: str | None) -> tuple[str | None, str]:
    if given:
        return given, "given"
    if (iso := parse_date(found)) is not None:
        return iso, "metadata"
    if (iso := dateline_date(text)) is not None:
        return iso, "dateline"
    return None, "unknown"


def _scalar(value: Any) -> str | None:
    """A string for a JSON scalar; None for missing, empty, or nested values."""
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None
