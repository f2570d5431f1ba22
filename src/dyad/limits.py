"""Limits that keep one bad document from stopping a batch. Each can be set by an environment
variable; a document over a limit is recorded as failed with the reason, and the batch goes on."""

from __future__ import annotations

import os
from dataclasses import dataclass


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.isdigit() and int(value) > 0 else default


@dataclass(frozen=True)
class Limits:
    # characters in one document: a 50 MB page is a feed error, not an article
    max_document_chars: int = _env_int("DYAD_MAX_DOCUMENT_CHARS", 2_000_000)
    # tokens in one sentence handed to the parser; longer runs are cut at a comma or conjunction
    max_sentence_tokens: int = _env_int("DYAD_MAX_SENTENCE_TOKENS", 500)
    # seconds to code one document (where coding runs in a worker that can be interrupted)
    seconds_per_document: int = _env_int("DYAD_SECONDS_PER_DOCUMENT", 120)


LIMITS = Limits()


def too_large(characters: int, limits: Limits | None = None) -> str | None:
    """The reason a document of this many characters is refused, or None."""
    limits = limits or LIMITS
    if characters > limits.max_document_chars:
        return (f"document too large: {characters:,} characters (limit {limits.max_document_chars:,}, "
                "DYAD_MAX_DOCUMENT_CHARS)")
    return None
