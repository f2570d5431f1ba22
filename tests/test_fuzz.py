"""Property-based and fuzz tests: readers and the coder never crash, and keep the record contract.

Invariants, for any input: no unhandled exception; every span inside the text and on character
boundaries; every record survives its JSON round trip; the same input gives the same output.
"""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.api import extract_records
from dyad.ingest import ReadError, read_bytes
from dyad.records import Document, DocumentRecord

# text that news feeds really carry when they go wrong: control and zero-width characters,
# combining marks, right-to-left scripts, quotes that never close, and plain news words
NEWS_WORDS = st.sampled_from([
    "Russia", "said", "on", "Monday", "attacked", "Ukraine", "talks", "with", "China", "the", "\u201c", "\u201d",
    '"', "'", ",", ".", "\n\n", "Kim Jong Un", "will", "visit", "Pyongyang", "in", "July", "denied", "\u200b",
    "\u202e", "\u0301", "\u05e9\u05dc\u05d5\u05dd", "\x00", "\x1b[31m", "\ufeff", "MOSCOW, Jan 15 (Reuters) -",
])
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(NEWS_WORDS, max_size=80).map(" ".join),
)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def spans_of(record: DocumentRecord):
    for actor in record.actors:
        yield from actor.mentions
        yield from actor.evidence if actor.evidence_doc is None else ()
    for event in record.events:
        yield event.trigger
        yield event.sentence
        if event.date_span:
            yield event.date_span
    for time in record.times:
        yield (time.start, time.end)
    for quote in record.quotes:
        yield from quote.source + quote.cue + quote.content
    for place in record.places:
        yield from place.mentions


def check_record(record: DocumentRecord) -> None:
    for start, end in spans_of(record):
        assert 0 <= start <= end <= len(record.text), (start, end, len(record.text))
    data = record.to_dict()
    assert DocumentRecord.from_dict(json.loads(json.dumps(data))).to_dict() == data


@FUZZ
@given(TEXTS)
def test_any_text_is_coded_within_the_contract_and_the_same_way_twice(text):
    document = Document(text=text, id="fuzz", published="2024-01-15", published_source="given", language="en")
    first = next(extract_records([document]))
    check_record(first)
    again = next(extract_records([Document(text=text, id="fuzz", published="2024-01-15",
                                           published_source="given", language="en")]))
    assert again.to_dict() == first.to_dict()


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from([None, "text", "html", "jsonl"]))
def test_any_bytes_read_to_documents_or_one_line_errors(data, kind):
    for item in read_bytes(data, "fuzz.bin", kind=kind):
        if isinstance(item, ReadError):
            assert "\n" not in str(item) and str(item)
        else:
            assert isinstance(item.text, str) and item.text.strip()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(
    st.dictionaries(st.sampled_from(["id", "text", "title", "published", "date", "outlet", "url"]),
                    st.one_of(st.text(max_size=60), st.integers(), st.none(), st.lists(st.integers(), max_size=3)),
                    max_size=6),
    st.text(max_size=40)), max_size=8))
def test_any_jsonl_lines_give_documents_or_line_numbered_errors(items):
    lines = [json.dumps(item, ensure_ascii=False) if isinstance(item, dict) else item for item in items]
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    for item in read_bytes(data, "fuzz.jsonl", kind="jsonl"):
        if isinstance(item, ReadError):
            assert item.line is None or 1 <= item.line <= data.count(b"\n") + 1


def test_deeply_nested_html_and_huge_lines_are_read_or_refused_cleanly():
    nested = ("<div>" * 5000 + "Russia attacked Ukraine on Monday, officials said." + "</div>" * 5000).encode()
    huge_line = ("Russia said it would hold talks with China. " * 20000).encode()
    for data, kind in ((nested, "html"), (huge_line, "text")):
        items = list(read_bytes(data, "big", kind=kind))
        assert items and all(isinstance(i, (ReadError, Document)) for i in items)
