"""Which language a document is in, offline (py3langid's model, restricted to news languages).

dyad codes English. A document the detector is sure is in another language is stored with its
language and not coded: its words read as English would give nonsense events. A text too short
or too odd to tell is given no language and coded as English.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

CODED = "en"  # the language dyad's lexicons and model read
SAMPLE = 4000  # characters looked at: the opening of an article says it
MIN_LETTERS = 40  # fewer letters than this and no language is claimed
SURE = 0.95  # the detector's probability needed to call a document not English


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    lines = (resources.files("dyad.ingest") / "data" / "languages.txt").read_text(encoding="utf-8").splitlines()
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([line.strip() for line in lines if line.strip() and not line.startswith("#")])
    return identifier


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when it cannot be told."""
    sample = text[:SAMPLE]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    language, probability = _identifier().classify(sample)
    return language if probability >= SURE else None


def not_coded_reason(language: str | None) -> str | None:
    """Why a document in this language is not coded, or None when it is."""
    return None if language in (None, CODED) else f"not coded: language {language}"
