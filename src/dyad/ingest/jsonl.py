"""JSON Lines: one document per line; a bad line is reported and the rest go on."""

from __future__ import annotations

import json
from collections.abc import Iterator

from dyad.ingest.errors import BadInput
from dyad.ingest.meta import Meta
from dyad.ingest.text import normalise_newlines, not_utf8


def iter_jsonl(data: bytes) -> Iterator[tuple[int, str, Meta] | BadInput]:
    """``(line number, text, metadata)`` per good line, ``BadInput`` per bad one."""
    offset = 0
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if raw.strip():
            yield _read_line(raw, number, offset)
        offset += len(raw) + 1


def _read_line(raw: bytes, number: int, offset: int) -> tuple[int, str, Meta] | BadInput:
    try:
        line = raw.decode("utf-8-sig" if offset == 0 else "utf-8")
    except UnicodeDecodeError as err:
        return BadInput(not_utf8(raw[err.start], offset + err.start), number)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return BadInput(f"malformed JSON ({err.msg})", number)
    if not isinstance(record, dict):
        return BadInput("not a JSON object", number)
    text = record.get("text")
    if text is None:
        return BadInput("missing 'text'", number)
    if not isinstance(text, str):
        return BadInput("'text' is not a string", number)
    if not text.strip():
        return BadInput("empty 'text'", number)
    return number, normalise_newlines(text), Meta.from_mapping(record)
