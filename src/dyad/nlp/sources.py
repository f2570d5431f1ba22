"""The document's source chain: the outlet first, then whom it cites ("UNN citing Reuters").

Plain text rules, so the chain is available without a parse: ``source_chain(text, outlet)``.
The ``dyad_sources`` component runs the same rules on a Doc. Roles:

- ``outlet``: who published the text (metadata, else "writes UNN", "UNN reports, citing ...");
- ``cited``: whom the whole story comes from ("citing Reuters", a "(Reuters) -" dateline,
  or a reporting phrase in the lead sentence: "according to Reuters", "Reuters reported");
- ``agency``: a news outlet cited for part of the story, after the lead
  ("the state-run KCNA news agency reported Monday", "as reported by KCNA").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from dyad.nlp.extensions import get_list, register_extensions
from dyad.nlp.lexicon import data_lines
from dyad.nlp.quotes import load_cues
from dyad.records import Source

register_extensions()

# a capitalised name of up to five words ("UNN", "RIA Novosti", "The New York Times")
WORD = r"[A-Z](?:(?:\.[A-Z])+\.?|[\w&'-]*)"  # "Reuters", "U.S.", not "Xinhua." before a new sentence
NAME = rf"{WORD}(?:[ ]{WORD}){{0,4}}"
CITING = r"(?:citing|quoting|with reference to|referring to)"
ROLE_RANK = {"outlet": 0, "cited": 1, "agency": 2}


@dataclass(frozen=True)
class Agency:
    name: str
    country: str | None
    aliases: tuple[str, ...]


@cache
def load_agencies(name: str = "news_agencies.tsv") -> tuple[Agency, ...]:
    rows = [row + [""] * (3 - len(row)) for row in csv.reader(data_lines(name), delimiter="\t")]
    return tuple(
        Agency(row[0].strip(), row[1].strip() or None, tuple(a.strip() for a in row[2].split("|") if a.strip()))
        for row in rows
    )


@cache
def _canonical_names() -> dict[str, str]:
    """Every name and alias (casefolded) -> the agency's canonical name."""
    return {n.casefold(): a.name for a in load_agencies() for n in (a.name, *a.aliases)}


def canonical(name: str) -> str:
    return _canonical_names().get(name.casefold(), name)


def agency_country(name: str) -> str | None:
    """ISO3 country of a known news agency, else None."""
    wanted = canonical(name)
    return next((a.country for a in load_agencies() if a.name == wanted), None)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern]:
    known = _alternation(n for a in load_agencies() for n in (a.name, *a.aliases))
    media = _alternation(line.strip() for line in data_lines("media_nouns.tsv"))
    reporting = {"report", "statement"}
    verbs = _alternation(f for cues in load_cues().values() for c in cues if c.kind in reporting for f in c.forms)
    # a known agency, or a capitalised name followed by a media noun ("the Yomiuri newspaper")
    outlet = rf"(?:\b(?:{known})\b(?!-)|\b{NAME}(?=\s+(?:{media})\b))"
    modifiers = r"(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    # whom a story cites: an outlet, or a bare name that ends the phrase ("citing Le Monde.")
    cited = rf"(?:{outlet}|\b{NAME}(?=\s*(?:[.,;)]|$)))"
    return {
        "inverted": re.compile(rf"[,\u2013\u2014]\s*(?:writes|reports|informs)\s+(?P<outlet>{NAME})"
                               rf"(?:\s*,?\s*{CITING}\s+{modifiers}(?P<cited>{cited}))?", re.M),
        # ", UNN reports." / "UNN reports, citing Reuters": a clause of its own, not "X reports that"
        "subject": re.compile(rf"(?:^|[,\u2013\u2014]\s*)(?P<outlet>{NAME})\s+(?:writes|reports|informs)"
                              rf"(?:\s*,?\s*{CITING}\s+{modifiers}(?P<cited>{cited}))?(?=\s*[,.;]|\s*$)", re.M),
        "citing": re.compile(rf"\b{CITING}\s+{modifiers}(?P<cited>{cited})", re.M),
        "dateline": re.compile(rf"^[^\n()]{{0,80}}?\((?P<cited>{NAME})\)\s*[-\u2013\u2014]", re.M),
        "according": re.compile(rf"\baccording to\s+{modifiers}(?P<name>{outlet})"),
        "by": re.compile(rf"\b(?:{verbs})\s+by\s+{modifiers}(?P<name>{outlet})"),
        "said": re.compile(rf"(?P<name>{outlet})(?:\s+[\w-]+){{0,3}}?\s+(?:{verbs})\b"),
    }


@dataclass
class _Hit:
    name: str
    role: str
    span: tuple[int, int]


def _clean(match: re.Match, group: str) -> tuple[str, tuple[int, int]]:
    """A matched name without a trailing full stop, with its span."""
    start, end = match.span(group)
    name = match.group(group).rstrip(".")
    article = re.match(r"The\s+", name)  # "The Yomiuri" is named "Yomiuri"
    if article and len(name) > article.end():
        name, start = name[article.end() :], start + article.end()
    return name, (start, start + len(name))


def _lead_end(text: str) -> int:
    """End of the lead: the first sentence of the first paragraph."""
    paragraph = text.strip("\n").split("\n", 1)[0]
    first = re.search(r"[.!?][\"\u201d]?\s", paragraph + " ")
    return text.find(paragraph) + (first.end() if first else len(paragraph))


def _hit(match: re.Match, group: str, role: str) -> _Hit:
    name, span = _clean(match, group)
    return _Hit(name, role, span)


def _hits(text: str) -> Iterator[_Hit]:
    patterns = _patterns()
    for key in ("inverted", "subject"):
        for match in patterns[key].finditer(text):
            yield _hit(match, "outlet", "outlet")
            if match.group("cited"):
                yield _hit(match, "cited", "cited")
    for key in ("citing", "dateline"):
        for match in patterns[key].finditer(text):
            yield _hit(match, "cited", "cited")
    lead = _lead_end(text)
    for key in ("according", "by", "said"):
        for match in patterns[key].finditer(text):
            hit = _hit(match, "name", "agency")
            hit.role = "cited" if hit.span[0] < lead else "agency"
            yield hit


def source_chain(text: str, outlet: str | None = None) -> list[Source]:
    """The outlet (given, else found in the text), then the sources it cites, each name once."""
    best: dict[str, _Hit] = {}
    hits = list(_hits(text))
    if outlet:
        found = next((h for h in hits if h.role == "outlet" and h.name.casefold() == outlet.casefold()), None)
        hits.insert(0, _Hit(outlet, "outlet", found.span if found else None))
        hits = [h if h.role != "outlet" or h.name.casefold() == outlet.casefold() else _Hit(h.name, "cited", h.span)
                for h in hits]
    for hit in hits:
        key = canonical(hit.name).casefold()
        if key not in best or _rank(hit) < _rank(best[key]):
            best[key] = hit
    if sum(h.role == "outlet" for h in best.values()) > 1:  # one publisher: the first found
        first = min((h for h in best.values() if h.role == "outlet"), key=_position)
        for hit in best.values():
            if hit.role == "outlet" and hit is not first:
                hit.role = "cited"
    ordered = sorted(best.values(), key=_rank)
    return [Source(name=canonical(h.name), role=h.role, span=h.span) for h in ordered]


def _position(hit: _Hit) -> int:
    return hit.span[0] if hit.span else -1


def _rank(hit: _Hit) -> tuple[int, int]:
    """The stronger role wins, then the earlier mention."""
    return ROLE_RANK[hit.role], _position(hit)


@Language.factory("dyad_sources")
def make_sources(nlp: Language, name: str) -> SourceFinder:
    return SourceFinder()


class SourceFinder:
    """Writes ``doc._.dyad_sources`` and, for the names found in the text, ``doc.spans["dyad_sources"]``."""

    def __call__(self, doc: Doc) -> Doc:
        document = doc._.dyad_document
        chain = source_chain(doc.text, document.outlet if document is not None else None)
        get_list(doc, "dyad_sources").extend(chain)
        spans = [doc.char_span(*s.span, label=s.role, alignment_mode="expand") for s in chain if s.span]
        doc.spans["dyad_sources"] = [s for s in spans if s is not None]
        return doc
