"""dyad.ingest: every reader, folder walking, metadata, dates, and every kind of bad input."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from dyad.ingest import ReadError, read_paths
from dyad.ingest.dates import dateline_date, given_date, parse_date
from dyad.records import Document, content_id

ARTICLE = (
    "Officials in Valdoria said on Tuesday that talks with Estmark would resume.\n"
    "The two governments have argued over the Lenn river for a decade.\n"
)

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ministers meet in Valdoria over river treaty | Northern Ledger</title>
<meta property="og:title" content="Ministers meet in Valdoria over river treaty">
<meta property="og:site_name" content="Northern Ledger">
<meta property="og:url" content="https://ledger.example/world/river-treaty">
<meta property="article:published_time" content="2023-03-14T09:30:00+01:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Ministers meet in Valdoria over river treaty</h1>
<p>The foreign ministers of Valdoria and Estmark met in the capital on Tuesday to
discuss a long-delayed treaty on sharing the waters of the Lenn river, officials said.</p>
<p>"We have agreed to set up a joint commission before the summer," the Valdorian
minister told reporters after the talks, adding that both sides wanted an accord by
the end of the year.</p>
<p>Estmark's delegation said the talks were frank but constructive. Farmers on both
banks have complained for years that dams upstream leave their fields dry in August.</p>
</article>
<footer>Subscribe to our newsletter. Copyright 2021 Northern Ledger.</footer>
</body></html>
"""


def read(*paths, **options) -> tuple[list[Document], list[ReadError]]:
    results = list(read_paths([str(p) for p in paths], **options))
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if isinstance(r, ReadError)]
    assert len(docs) + len(errors) == len(results)
    return docs, errors


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- plain text ---------------------------------------------------------------


def test_text_file_is_read_as_is_with_content_id(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    (doc,), errors = read(path)
    assert errors == []
    assert doc.text == ARTICLE
    assert doc.id == content_id(ARTICLE, "doc-")
    assert doc.path == str(path)
    assert (doc.published, doc.published_source, doc.outlet) == (None, "unknown", None)


def test_bom_dropped_and_newlines_normalised(tmp_path):
    path = write(tmp_path / "a.txt", b"\xef\xbb\xbfFirst line.\r\nSecond line.\rThird.  \n")
    (doc,), _ = read(path)
    assert doc.text == "First line.\nSecond line.\nThird.  \n"


def test_outlet_argument_for_plain_text(tmp_path):
    path = write(tmp_path / "a.md", ARTICLE)
    (doc,), _ = read(path, outlet="UNN")
    assert doc.outlet == "UNN"


# --- sidecar metadata and dates ------------------------------------------------


def test_sidecar_gives_metadata(tmp_path):
    path = write(tmp_path / "story.txt", ARTICLE)
    meta = {"title": "Talks resume", "url": "https://x.example/1", "outlet": "UNN",
            "published": "15 Jan 2024", "id": "story-1"}
    write(tmp_path / "story.meta.json", json.dumps(meta))
    (doc,), errors = read(path)
    assert errors == []
    assert (doc.id, doc.title, doc.outlet) == ("story-1", "Talks resume", "UNN")
    assert doc.url == "https://x.example/1"
    assert (doc.published, doc.published_source) == ("2024-01-15", "metadata")


def test_given_date_beats_metadata_date(tmp_path):
    path = write(tmp_path / "story.txt", ARTICLE)
    write(tmp_path / "story.meta.json", json.dumps({"published": "2024-01-15"}))
    (doc,), _ = read(path, published="March 3, 2023")
    assert (doc.published, doc.published_source) == ("2023-03-03", "given")


def test_unparseable_metadata_date_is_unknown(tmp_path):
    path = write(tmp_path / "story.txt", ARTICLE)
    write(tmp_path / "story.meta.json", json.dumps({"published": "sometime last week"}))
    (doc,), errors = read(path)
    assert errors == []
    assert (doc.published, doc.published_source) == (None, "unknown")


def test_unparseable_given_date_is_a_clear_value_error(tmp_path):
    with pytest.raises(ValueError, match="publication date 'last Tuesday'"):
        read_paths([tmp_path], published="last Tuesday")


def test_broken_sidecar_is_reported_and_document_still_read(tmp_path):
    path = write(tmp_path / "story.txt", ARTICLE)
    side = write(tmp_path / "story.meta.json", '{"outlet": "UNN",}')
    (doc,), (error,) = read(path)
    assert doc.text == ARTICLE and doc.outlet is None
    assert error.path == str(side) and "malformed JSON" in error.reason


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-01-15", "2024-01-15"),
        ("2024-01-15T23:30:00-05:00", "2024-01-15"),  # the publisher's own day, not UTC
        ("2024-01-15T10:00:00Z", "2024-01-15"),
        ("15 Jan 2024", "2024-01-15"),
        ("January 15, 2024", "2024-01-15"),
        ("Mon, 15 Jan 2024 08:00:00 +0000", "2024-01-15"),
        ("15/01/2024", "2024-01-15"),
    ],
)
def test_dates_normalised_to_iso(value, iso):
    assert parse_date(value) == iso


@pytest.mark.parametrize(
    "value", ["January 2024", "15 Jan", "Tuesday", "2024", "01/02/2024", "", "soon"]
)
def test_incomplete_or_ambiguous_dates_are_unknown_never_today(value):
    assert parse_date(value) is None
    with pytest.raises(ValueError):
        given_date(value or " ")


def test_dateline_with_year_sets_date_without_year_does_not(tmp_path):
    with_year = write(tmp_path / "a.txt", "MOSCOW, Jan 15, 2024 (Reuters) - Talks began.\n")
    without = write(tmp_path / "b.txt", "MOSCOW, Jan 15 (Reuters) - Talks began.\n")
    (first, second), _ = read(with_year, without)
    assert (first.published, first.published_source) == ("2024-01-15", "dateline")
    assert (second.published, second.published_source) == (None, "unknown")
    assert dateline_date("Talks began in MOSCOW, Jan 15, 2024 - yes") is None


# --- HTML ------------------------------------------------------------------------


def test_html_article_text_and_metadata(tmp_path):
    path = write(tmp_path / "page.html", HTML_PAGE)
    (doc,), errors = read(path)
    assert errors == []
    assert doc.title == "Ministers meet in Valdoria over river treaty"
    assert doc.outlet == "Northern Ledger"
    assert doc.url == "https://ledger.example/world/river-treaty"
    assert (doc.published, doc.published_source) == ("2023-03-14", "metadata")
    paragraphs = doc.text.split("\n\n")
    assert any(p.startswith("The foreign ministers of Valdoria") for p in paragraphs)
    assert paragraphs[-1].startswith("Estmark's delegation said")
    assert "Sport" not in doc.text and "newsletter" not in doc.text  # boilerplate is dropped


def test_html_without_date_is_unknown_not_copyright_year(tmp_path):
    date_tag = '<meta property="article:published_time" content="2023-03-14T09:30:00+01:00">'
    page = HTML_PAGE.replace(date_tag, "")
    (doc,), _ = read(write(tmp_path / "page.htm", page))
    assert (doc.published, doc.published_source) == (None, "unknown")


def test_html_sidecar_and_arguments_win_over_page_metadata(tmp_path):
    path = write(tmp_path / "page.html", HTML_PAGE)
    write(tmp_path / "page.meta.json", json.dumps({"title": "Curated title"}))
    (doc,), _ = read(path, outlet="Wire", published="2023-03-20")
    assert (doc.title, doc.outlet, doc.published_source) == ("Curated title", "Wire", "given")


def test_html_without_article_text(tmp_path):
    page = (
        "<html><head><title>Home</title></head>"
        "<body><nav><a href='/'>Home</a></nav></body></html>"
    )
    path = write(tmp_path / "empty.html", page)
    docs, (error,) = read(path)
    assert docs == []
    assert str(error) == f"{path}: no article text found in HTML"


# --- JSONL -----------------------------------------------------------------------


def test_jsonl_one_document_per_line_bad_lines_reported(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": "First story.", "outlet": "UNN", "date": "2024-01-15"}),
        "",
        '{"id": "a2", "text": "broken" "x"}',
        json.dumps({"id": "a3", "title": "No text"}),
        json.dumps({"id": "a4", "text": 42}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "Last story.\r\nTwo lines.", "published": "garbage"}),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    docs, errors = read(path)
    assert [d.text for d in docs] == ["First story.", "Last story.\nTwo lines."]
    first, last = docs
    assert (first.id, first.outlet, first.published) == ("a1", "UNN", "2024-01-15")
    assert first.path == f"{path}:1"
    assert (last.id, last.published_source) == (content_id(last.text, "doc-"), "unknown")
    assert last.path == f"{path}:7"
    assert [str(e) for e in errors] == [
        f"{path}:3: malformed JSON (Expecting ',' delimiter)",
        f"{path}:4: missing 'text'",
        f"{path}:5: 'text' is not a string",
        f"{path}:6: not a JSON object",
    ]


def test_jsonl_invalid_utf8_line_names_line(tmp_path):
    data = b'{"text": "good"}\n{"text": "bad \xff byte"}\n{"text": "also good"}\n'
    path = write(tmp_path / "x.ndjson", data)
    docs, (error,) = read(path)
    assert [d.text for d in docs] == ["good", "also good"]
    assert error.line == 2 and error.reason == "not UTF-8 (invalid byte 0xff at offset 31)"


# --- bad files: one error each, the batch goes on --------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("bin.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00" * 20, "binary file, not text"),
        ("latin.txt", "Caf\u00e9 talks".encode("latin-1"),
         "not UTF-8 (invalid byte 0xe9 at offset 3)"),
        ("blank.txt", b"  \n\t\n", "empty file"),
        ("zero.jsonl", b"", "empty file"),
        ("u16.txt", "hello".encode("utf-16"), "not UTF-8 (UTF-16 byte order mark)"),
    ],
)
def test_bad_file_gives_one_clear_error_and_batch_goes_on(tmp_path, name, content, reason):
    good_before = write(tmp_path / "a_good.txt", ARTICLE)
    bad = write(tmp_path / name, content)
    good_after = write(tmp_path / "z_good.txt", ARTICLE + "More.\n")
    docs, errors = read(good_before, bad, good_after)
    assert [d.path for d in docs] == [str(good_before), str(good_after)]
    assert [str(e) for e in errors] == [f"{bad}: {reason}"]


def test_missing_path_is_an_error_not_an_exception(tmp_path):
    docs, (error,) = read(tmp_path / "nope.txt", write(tmp_path / "ok.txt", ARTICLE))
    assert len(docs) == 1 and str(error) == f"{tmp_path / 'nope.txt'}: no such file or directory"


# --- folders ---------------------------------------------------------------------


def test_folder_walk_sorted_recursive_skips_hidden_sidecars_and_unknown(tmp_path):
    write(tmp_path / "b.txt", "Bee story.")
    write(tmp_path / "a.md", "Aye story.")
    write(tmp_path / "sub" / "c.text", "See story.")
    write(tmp_path / "sub" / "d.jsonl", json.dumps({"text": "Dee story."}))
    write(tmp_path / "sub" / "deep" / "e.HTM", HTML_PAGE)
    write(tmp_path / "a.meta.json", json.dumps({"outlet": "UNN"}))
    write(tmp_path / ".hidden.txt", "Hidden story.")
    write(tmp_path / ".git" / "f.txt", "Hidden folder story.")
    write(tmp_path / "notes.csv", "not,a,story")
    write(tmp_path / "image.png", b"\x89PNG\x00\x00")
    docs, errors = read(tmp_path)
    assert errors == []
    assert [Path(d.path.split(":")[0]).relative_to(tmp_path).as_posix() for d in docs] == [
        "a.md", "b.txt", "sub/c.text", "sub/d.jsonl", "sub/deep/e.HTM"]
    assert docs[0].outlet == "UNN"
    assert docs[-1].title == "Ministers meet in Valdoria over river treaty"


def test_unknown_extension_given_explicitly_is_sniffed(tmp_path):
    html = write(tmp_path / "page.php", HTML_PAGE)
    jsonl = write(tmp_path / "dump.json", '{"text": "One."}\n{"text": "Two."}\n')
    text = write(tmp_path / "README", ARTICLE)
    binary = write(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    docs, (error,) = read(html, jsonl, text, binary)
    assert docs[0].outlet == "Northern Ledger"
    assert [d.text for d in docs[1:3]] == ["One.", "Two."]
    assert docs[3].text == ARTICLE
    assert str(error) == f"{binary}: binary file, not text"


# --- stdin -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (ARTICLE, [ARTICLE]),
        ('{"text": "One."}\n\n{"text": "Two."}\n', ["One.", "Two."]),
    ],
)
def test_stdin_text_and_jsonl(monkeypatch, content, expected):
    monkeypatch.setattr(sys, "stdin", io.StringIO(content))
    docs, errors = read("-")
    assert errors == [] and [d.text for d in docs] == expected


def test_stdin_html_and_bytes(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(HTML_PAGE.encode("utf-8"))))
    (doc,), _ = read("-", published="2023-03-15")
    assert doc.title.startswith("Ministers meet") and doc.published == "2023-03-15"
    assert doc.path == "<stdin>"


def test_stdin_not_utf8(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Caf\xe9")))
    _, (error,) = read("-")
    assert str(error) == "<stdin>: not UTF-8 (invalid byte 0xe9 at offset 3)"


def test_a_document_over_the_size_limit_is_refused_and_the_rest_goes_on(monkeypatch):
    from dyad import limits
    from dyad.ingest import read_bytes

    monkeypatch.setattr(limits, "LIMITS", limits.Limits(max_document_chars=100))
    lines = b'{"text": "Russia met China on Monday."}\n{"text": "' + b"word " * 100 + b'"}\n'
    first, second = read_bytes(lines, "feed.jsonl", kind="jsonl")
    assert first.text.startswith("Russia") and "document too large: 500 characters (limit 100" in second.reason
    (page,) = read_bytes(b"<html>" + b"x" * 1000 + b"</html>", "huge.html", kind="html")
    assert "document too large" in page.reason
