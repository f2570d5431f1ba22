"""Read text, HTML and JSONL files, folders and stdin into ``Document`` records.

``read_paths`` never raises for bad input: what cannot be read comes out as a
``ReadError`` in the stream, and the rest of the batch goes on.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from dyad.ingest.dates import dateline_date, given_date, parse_date
from dyad.ingest.errors import BadInput, ReadError
from dyad.ingest.html import read_html
from dyad.ingest.jsonl import iter_jsonl
from dyad.ingest.meta import Meta, is_sidecar, make_document, read_sidecar, sidecar_path
from dyad.ingest.text import decode, looks_binary, looks_like_html, looks_like_jsonl
from dyad import limits
from dyad.limits import too_large
from dyad.records import Document

__all__ = ["ReadError", "read_paths", "read_bytes", "parse_date", "given_date", "dateline_date"]

STDIN = "-"
STDIN_NAME = "<stdin>"
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

Result = Document | ReadError
BYTES_PER_CHAR = 4  # markup and multi-byte characters: bytes a page may hold per character of text


def read_paths(
    paths: Iterable[str | Path], *, published: str | None = None, outlet: str | None = None
) -> Iterator[Result]:
    """One Document per document read, one ReadError per thing that could not be.

    ``published`` and ``outlet`` are the user's and win over any metadata. An
    unreadable ``published`` is a ValueError, raised here before anything is read.
    """
    given = Meta(outlet=outlet, published=given_date(published) if published else None)
    if isinstance(paths, (str, Path)):
        paths = [paths]
    return _read_all(paths, given)


def read_bytes(
    data: bytes, name: str, *, kind: str | None = None,
    given: Meta | None = None, meta: Meta | None = None,
) -> Iterator[Result]:
    """Documents from raw bytes; ``kind`` is text, html or jsonl, sniffed when None. A document
    over the size limit (``dyad.limits``) is a ReadError, and the rest goes on."""
    for item in _documents_in(data, name, kind, given or Meta(), meta or Meta()):
        reason = too_large(len(item.text)) if isinstance(item, Document) else None
        yield ReadError(item.path or name, None, reason) if reason else item


def _documents_in(data: bytes, name: str, kind: str | None, given: Meta, meta: Meta) -> Iterator[Result]:
    if kind != "jsonl":
        # a page many times the limit is refused before it is decoded or parsed; not a stream that
        # may be JSON lines (stdin): that is many documents, each measured on its own
        if len(data) > BYTES_PER_CHAR * limits.LIMITS.max_document_chars and not _may_be_jsonl(data, kind):
            yield ReadError(name, None, too_large(len(data) // BYTES_PER_CHAR))
            return
        try:
            text = decode(data)
        except BadInput as err:
            yield ReadError(name, err.line, err.reason)
            return
        kind = kind or _sniff(text)
    if kind == "jsonl":
        yield from _from_jsonl(data, name, given, meta)
    else:
        yield _one_document(text, kind == "html", name, given, meta)


def _one_document(text: str, is_html: bool, name: str, given: Meta, meta: Meta) -> Result:
    if is_html:
        try:
            article = read_html(text)
        except BadInput as err:
            return ReadError(name, err.line, err.reason)
        text = article.text
        found = Meta(title=article.title, url=article.url,
                     outlet=article.outlet, published=article.published)
        meta = meta.under(found)
    return make_document(text, meta, given, name)


def _read_all(paths: Iterable[str | Path], given: Meta) -> Iterator[Result]:
    for raw in paths:
        if str(raw) == STDIN:
            yield from _read_stdin(given)
            continue
        path = Path(raw)
        if path.is_dir():
            for found in _walk(path):
                yield from _read_file(found, given)
        else:
            yield from _read_file(path, given)


def _walk(folder: Path) -> Iterator[Path]:
    """Known document files under ``folder``, depth first in sorted name order."""
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") or is_sidecar(entry):
            continue
        if entry.is_dir() and not entry.is_symlink():
            yield from _walk(entry)
        elif entry.is_file() and entry.suffix.lower() in KNOWN_SUFFIXES:
            yield entry


def _read_file(path: Path, given: Meta) -> Iterator[Result]:
    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        yield ReadError(name, None, "no such file or directory")
        return
    except OSError as err:
        yield ReadError(name, None, f"cannot read ({err.strerror or err})")
        return
    side = sidecar_path(path)
    try:
        meta = read_sidecar(side)
    except BadInput as err:
        yield ReadError(str(side), err.line, err.reason)
        meta = Meta()
    kind = _kind_from_suffix(path.suffix.lower())
    yield from read_bytes(data, name, kind=kind, given=given, meta=meta)


def _read_stdin(given: Meta) -> Iterator[Result]:
    # Real stdin has a byte buffer, so the UTF-8 checks apply; a StringIO has not.
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        data = buffer.read()
    else:
        data = sys.stdin.read().encode("utf-8", "surrogatepass")
    yield from read_bytes(data, STDIN_NAME, given=given)


def _from_jsonl(data: bytes, name: str, given: Meta, meta: Meta) -> Iterator[Result]:
    """One Document per good line, path ``NAME:LINE``; the sidecar gives defaults."""
    if looks_binary(data):
        yield ReadError(name, None, "binary file, not text")
        return
    found_any = False
    for item in iter_jsonl(data):
        found_any = True
        if isinstance(item, BadInput):
            yield ReadError(name, item.line, item.reason)
            continue
        number, text, line_meta = item
        defaults = Meta(outlet=meta.outlet, published=meta.published)
        yield make_document(text, line_meta.under(defaults), given, f"{name}:{number}")
    if not found_any:
        yield ReadError(name, None, "empty file")


def _may_be_jsonl(data: bytes, kind: str | None) -> bool:
    return kind is None and data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def _kind_from_suffix(suffix: str) -> str | None:
    """The reader a known extension asks for; None (sniff the content) for any other."""
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return "text" if suffix in TEXT_SUFFIXES else None


def _sniff(text: str) -> str:
    if looks_like_jsonl(text):
        return "jsonl"
    return "html" if looks_like_html(text) else "text"
