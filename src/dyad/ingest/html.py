"""HTML pages through trafilatura: article text and metadata, never the network."""

from __future__ import annotations

from dataclasses import dataclass

from dyad.ingest.errors import BadInput

# Dates from the page's metadata and date elements only: the extensive search
# also guesses from copyright lines and stray numbers in the text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# trafilatura's fallbacks return whatever text a page has (a menu, a title);
# fewer words than this, besides the title, is not an article.
_MIN_WORDS = 12


@dataclass
class HtmlArticle:
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None


def read_html(html: str) -> HtmlArticle:
    """The article in an HTML page; BadInput when the page holds no article text."""
    import trafilatura  # slow to import: only when there is HTML to read

    found = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=_DATE_PARAMS,
    )
    text = _paragraphs(getattr(found, "text", None) or "")
    if _word_count(text, found.title if found else None) < _MIN_WORDS:
        raise BadInput("no article text found in HTML")
    return HtmlArticle(
        text=text,
        title=found.title or None,
        published=found.date or None,
        url=found.url or None,
        outlet=found.sitename or None,
    )


def _paragraphs(text: str) -> str:
    """trafilatura puts one block per line; a blank line between blocks reads better."""
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


def _word_count(text: str, title: str | None) -> int:
    blocks = [block for block in text.split("\n\n") if block != title]
    return sum(len(block.split()) for block in blocks)
