"""Bytes to text: UTF-8 only, binary files refused, newlines normalised.

The text is otherwise kept as is: character offsets into it are the contract.
"""

from __future__ import annotations

import json
import re

from dyad.ingest.errors import BadInput

_SAMPLE = 8192
_BINARY_SHARE = 0.3  # above this share of control bytes, a file is not text
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13} | {127}
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


def decode(data: bytes) -> str:
    """UTF-8 text (BOM dropped, newlines as \\n); BadInput for binary, non-UTF-8, empty."""
    if data.startswith(_UTF16_BOMS):
        raise BadInput("not UTF-8 (UTF-16 byte order mark)")
    if looks_binary(data):
        raise BadInput("binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise BadInput(not_utf8(data[err.start], err.start)) from None
    text = normalise_newlines(text)
    if not text.strip():
        raise BadInput("empty file")
    return text


def not_utf8(byte: int, offset: int) -> str:
    return f"not UTF-8 (invalid byte 0x{byte:02x} at offset {offset})"


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or mostly control bytes, in the first few kilobytes."""
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte in _CONTROL)
    return bool(sample) and control / len(sample) > _BINARY_SHARE


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:4096]))


def looks_like_jsonl(text: str) -> bool:
    """Every non-empty line is a JSON object (and there is at least one)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines or not all(line.startswith("{") and line.endswith("}") for line in lines):
        return False
    try:
        return all(isinstance(json.loads(line), dict) for line in lines)
    except ValueError:
        return False
