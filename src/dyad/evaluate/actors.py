"""Actor coding measured against gold: country and sector of the actor dyad finds at a span.

Two gold formats, told apart by their keys:

- NGEC actor-resolution cases (``method``, ``input``, ``expected``): one short text per case.
  The document coded is the input text, with the case's ``context`` (a word such as "German")
  prepended when given, since NGEC uses context only to steer its Wikipedia search.
- PLOVER event gold (``plover.actor`` / ``plover.recipient`` with ``actorText``, ``code``,
  ``sector``): each gold actor is looked for in its sentence and the sentence is coded.

Either way the full pipeline codes the document, and the actor whose mention overlaps the gold
span most broadly (longest mention) is compared with the gold. No separate coder is built here.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dyad.evaluate.report import gold_lines, Evaluation, GoldError, Rate
from dyad.gazetteer import load_gazetteer
from dyad.records import Actor, Document, DocumentRecord, Span

NGEC, PLOVER = "ngec", "plover"
WIKI_METHOD = "query_wiki"
NO_SECTOR = {"", "UNK", "JNK"}  # NGEC's "no usable sector" values: dyad should code none
UNSCORABLE = {"????", "***"}  # the gold's own "unknown": not scored
MAX_ROLE_WORDS = 4  # longest role phrase looked for by the bare-name rule

EXCLUDED_WIKI = "query_wiki (a Wikipedia title look-up)"
EXCLUDED_BARE_NAME = "bare personal name (needs Wikipedia)"
EXCLUDED_NOTHING = "no country or sector in the gold"
EXCLUDED_NOT_FOUND = "gold actor text not in its sentence"

NOTES = [
    "Coding: the full pipeline on each text; the actor with the longest mention overlapping the gold span.",
    "Country: gold country vs the actor's country; an actor without one offers its code's first two "
    "3-letter blocks (IGOUNO offers IGO and UNO).",
    "Sector: first 3 letters on both sides (gold GOV matches dyad GOVMIL); '' / UNK / JNK mean no sector expected.",
    "NGEC exclusions: method query_wiki; and agent_to_code cases that expect a country or sector for a text "
    "that spaCy's NER tags as one PERSON entity, whole, with no gazetteer role word in it.",
    "NGEC 'code is null' cases expect no country and no sector; 'country !=' expects anything but that country; "
    "code_2 and wiki keys are not scored.",
    "PLOVER: the gold actorText is found case-sensitively, else ignoring case, whitespace-tolerant; "
    "'a ... b' spans from a to b.",
]


@dataclass
class Case:
    """One gold actor to look for: where it is in which text, and what the gold expects."""

    id: str
    group: str  # the per-category table's row: NGEC method or PLOVER gold sector
    text: str  # the whole document coded
    span: Span | None  # the gold actor's characters in ``text``; None when not found
    published: str | None = None
    context: str = ""  # NGEC's context word(s), prepended to the text
    country: str | None = None  # None: not scored; "": no country expected
    country_not: bool = False  # the gold says "anything but this country"
    sectors: tuple[str, ...] | None = None  # None: not scored; (): no sector expected
    excluded: str | None = None  # why the case is not scored
    bare_name_rule: bool = False  # excluded if the span turns out to be a bare personal name

    @property
    def gold_text(self) -> str:
        return self.text[self.span[0] : self.span[1]] if self.span else ""


@dataclass
class Got:
    """What dyad coded at the gold span."""

    text: str  # the chosen mention
    code: str | None
    countries: frozenset[str]
    sector: str | None


@dataclass
class Outcome:
    case: Case
    got: Got | None = None
    country_ok: bool | None = None  # None: not scored
    sector_ok: bool | None = None

    @property
    def scored(self) -> bool:
        return self.case.excluded is None and (self.country_ok is not None or self.sector_ok is not None)


# ---------------------------------------------------------------- reading gold


def read_gold(path: Path, limit: int | None = None) -> tuple[str, list[Case], list[str], int]:
    """(format, cases, malformed lines as "file:line: reason", records read) from a JSONL gold file."""
    lines = gold_lines(path)
    fmt: str | None = None
    cases: list[Case] = []
    malformed: list[str] = []
    records = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if limit is not None and records >= limit:
            break
        try:
            data = json.loads(line)
            line_format = _format_of(data)
            if fmt is not None and line_format != fmt:
                raise ValueError(f"a {line_format} record in a {fmt} file")
            cases.extend(_ngec_cases(data) if line_format == NGEC else _plover_cases(data))
            fmt = line_format
            records += 1
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            malformed.append(f"{path}:{number}: {_reason(error)}")
    if fmt is None:
        raise GoldError(f"{path}: no NGEC or PLOVER actor gold record in it")
    return fmt, cases, malformed, records


def _reason(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"missing key {error}"
    return str(error).splitlines()[0] or type(error).__name__


def _format_of(data: Any) -> str:
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    if {"method", "input", "expected"} <= data.keys():
        return NGEC
    if isinstance(data.get("plover"), dict):
        return PLOVER
    raise ValueError("neither an NGEC case (method, input, expected) nor a PLOVER record (plover)")


def iso_date(value: Any) -> str | None:
    """An ISO calendar date, or the day of an ISO timestamp ("1998-02-27T08:17:00"), else None ("Today",
    "10 May 2015" and blanks anchor nothing)."""
    found = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
                         value.strip()) if isinstance(value, str) else None
    if found:
        try:
            return date.fromisoformat(found.group(1)).isoformat()
        except ValueError:
            return None
    return None


def _ngec_cases(data: dict) -> list[Case]:
    method, given, expected = data["method"], data["input"], data["expected"]
    text = given["text"].strip()
    if not text:
        raise ValueError("empty input.text")
    context = (given.get("context") or "").strip()
    prefix = f"{context} " if context else ""
    case = Case(
        id=str(data.get("test") or text),
        group=str(method),
        text=prefix + text,
        span=(len(prefix), len(prefix) + len(text)),
        published=iso_date(given.get("date")),
        context=context,
    )
    _ngec_expectations(case, expected)
    if method == WIKI_METHOD:
        case.excluded = EXCLUDED_WIKI
    elif case.country is None and case.sectors is None:
        case.excluded = EXCLUDED_NOTHING
    wants_knowledge = bool(case.country and not case.country_not) or bool(case.sectors)
    case.bare_name_rule = method == "agent_to_code" and wants_knowledge
    return [case]



def _ngec_expectations(case: Case, expected: dict) -> None:
    """Fill the case's country and sectors from NGEC's expected-key variants."""
    if not isinstance(expected, dict):
        raise ValueError("expected is not an object")
    if expected.get("code is", 0) is None or expected.get("code", 0) is None or expected.get("not code") is True:
        case.country, case.sectors = "", ()  # nothing should be coded at all
        return
    for key in ("cc", "country"):
        if isinstance(expected.get(key), str):
            case.country = expected[key].strip()
    if isinstance(expected.get("country !="), str):
        case.country, case.country_not = expected["country !="].strip(), True
    if isinstance(expected.get("code_1"), str):
        code = expected["code_1"].strip()
        case.sectors = None if code in UNSCORABLE else () if code in NO_SECTOR else (code[:3],)
    elif isinstance(expected.get("code_1 in"), list):
        case.sectors = tuple(str(code)[:3] for code in expected["code_1 in"])


def _plover_cases(data: dict) -> list[Case]:
    text, plover = data["text"], data["plover"]
    if not isinstance(text, str) or not text.strip():
        raise ValueError("empty text")
    cases = []
    for role in ("actor", "recipient"):
        for n, gold in enumerate(plover.get(role) or []):
            sector = (gold.get("sector") or "")[:3]
            sectors = (sector,) if sector and sector not in UNSCORABLE else None
            span = locate(text, gold["actorText"])
            cases.append(Case(
                id=f"{data['id']}/{role}{n}",
                group=sectors[0] if sectors else "(no sector)",
                text=text,
                span=span,
                published=iso_date(data.get("date")),
                country=(gold.get("code") or "")[:3] or None,
                sectors=sectors,
                excluded=None if span else EXCLUDED_NOT_FOUND,
            ))
    return cases


def locate(text: str, phrase: str) -> Span | None:
    """The first occurrence of ``phrase`` in ``text``: case-sensitive first, then ignoring case.

    Whitespace may differ; an elided phrase ("U.S. ... negotiators") spans from its first
    fragment to its last.
    """
    fragments = [f for f in re.split(r"\s*\.\.\.?\s*(?=\S)", phrase.strip()) if f.strip()]
    if not fragments:
        return None
    pattern = r".*?".join(r"\s+".join(map(re.escape, f.split())) for f in fragments)
    for flags in (0, re.IGNORECASE):
        match = re.search(pattern, text, flags | re.DOTALL)
        if match:
            return match.span()
    return None


# ---------------------------------------------------------------- coding and scoring


def code_cases(cases: list[Case]) -> list[Outcome]:
    """Run the pipeline once per distinct text and score every case that is not excluded."""
    from dyad.nlp.pipeline import annotate, shared_pipeline
    from dyad.nlp.recorder import to_record

    by_text: dict[tuple[str, str | None], list[Case]] = {}
    for case in cases:
        if case.excluded is None:
            by_text.setdefault((case.text, case.published), []).append(case)
    documents = [
        Document(text=text, published=published, published_source="given" if published else "unknown")
        for text, published in by_text
    ]
    roles = load_gazetteer().roles
    outcomes: dict[int, Outcome] = {}
    for key, doc in zip(by_text, annotate(shared_pipeline(), documents)):
        record = to_record(doc)
        for case in by_text[key]:
            if case.bare_name_rule and bare_personal_name(doc, case.span, roles):
                case.excluded = EXCLUDED_BARE_NAME
                continue
            outcomes[id(case)] = score(case, coded_at(record, case.span))
    return [outcomes.get(id(case)) or Outcome(case) for case in cases]


def bare_personal_name(doc, span: Span, roles: dict[str, str]) -> bool:
    """Whether the span is exactly one PERSON entity and holds no gazetteer role word."""
    start, end = span
    if not any(e.label_ == "PERSON" and (e.start_char, e.end_char) == (start, end) for e in doc.ents):
        return False
    words = [t.lower_ for t in doc.char_span(start, end, alignment_mode="expand")]
    return not any(
        " ".join(words[i:j]) in roles
        for i in range(len(words))
        for j in range(i + 1, min(len(words), i + MAX_ROLE_WORDS) + 1)
    )


def coded_at(record: DocumentRecord, span: Span) -> Got | None:
    """The actor with the longest mention overlapping ``span`` (ties: the larger overlap)."""
    best: tuple[tuple[int, int], Actor, Span] | None = None
    for actor in record.actors:
        for start, end in actor.mentions:
            overlap = min(end, span[1]) - max(start, span[0])
            if overlap > 0 and (best is None or (end - start, overlap) > best[0]):
                best = ((end - start, overlap), actor, (start, end))
    if best is None:
        return None
    _, actor, (start, end) = best
    return Got(record.text[start:end], actor.code, _countries(actor), actor.sector)


def _countries(actor: Actor) -> frozenset[str]:
    """The actor's country; for an organisation without one, its code's blocks (IGOUNO → IGO, UNO);
    a code that is a sector alone ("MIL" for "soldiers") names no country."""
    if actor.country:
        return frozenset({actor.country})
    code = actor.code or ""
    if code[:3] in load_gazetteer().sectors:
        return frozenset()
    return frozenset(block for block in (code[:3], code[3:6]) if block)


def score(case: Case, got: Got | None) -> Outcome:
    countries = got.countries if got else frozenset()
    sector = ((got.sector or "") if got else "")[:3]
    outcome = Outcome(case, got)
    if case.country is not None:
        if case.country_not:
            outcome.country_ok = case.country not in countries
        else:
            outcome.country_ok = case.country in countries if case.country else not countries
    if case.sectors is not None:
        outcome.sector_ok = sector in case.sectors if case.sectors else not sector
    return outcome


# ---------------------------------------------------------------- the evaluation


def evaluate_actors(path: str | Path, limit: int | None = None) -> Evaluation:
    """Read the gold (first ``limit`` records), code it, and sum up country and sector accuracy."""
    path = Path(path)
    fmt, cases, malformed, records = read_gold(path, limit)
    outcomes = code_cases(cases)
    return summarise(str(path), fmt, outcomes, malformed, records)


def summarise(gold: str, fmt: str, outcomes: list[Outcome], malformed: list[str], records: int) -> Evaluation:
    country, sector = Rate(), Rate()
    table: dict[str, dict[str, Any]] = {}
    for outcome in outcomes:
        row = table.setdefault(outcome.case.group, {"cases": 0, "excluded": 0, "country": Rate(), "sector": Rate()})
        row["cases"] += 1
        if outcome.case.excluded:
            row["excluded"] += 1
            continue
        for rate, ok in ((country, outcome.country_ok), (sector, outcome.sector_ok)):
            rate.add(ok)
        row["country"].add(outcome.country_ok)
        row["sector"].add(outcome.sector_ok)
    excluded = Counter(o.case.excluded for o in outcomes if o.case.excluded)
    summary = {
        "gold records": records,
        "cases": len(outcomes),
        "scored": sum(o.scored for o in outcomes),
        "excluded": sum(excluded.values()),
        "country accuracy": country,
        "sector accuracy": sector,
        "malformed lines": len(malformed),
    }
    return Evaluation(
        name="actors",
        gold=gold,
        format=fmt,
        summary=summary,
        category="method" if fmt == NGEC else "gold sector",
        table=dict(sorted(table.items())),
        misses=[_miss(o) for o in _worst(outcomes)],
        excluded=dict(excluded.most_common()),
        malformed=malformed,
        notes=NOTES,
    )


def _worst(outcomes: list[Outcome]) -> list[Outcome]:
    """Misses, both figures wrong first, then country, then sector; gold order within."""
    misses = [o for o in outcomes if o.scored and (o.country_ok is False or o.sector_ok is False)]
    return sorted(misses, key=lambda o: (o.country_ok is not False, o.sector_ok is not False))


def _miss(outcome: Outcome) -> dict[str, Any]:
    case, got = outcome.case, outcome.got
    return {
        "case": case.id,
        "text": case.gold_text + (f"  [context: {case.context}]" if case.context else ""),
        "expected": _expected(case),
        "got": f"{'|'.join(sorted(got.countries)) or '∅'}/{got.sector or '∅'} via “{got.text}”" if got else "no actor",
        "wrong": "+".join(k for k, ok in (("country", outcome.country_ok), ("sector", outcome.sector_ok)) if ok is False),
    }


def _expected(case: Case) -> str:
    country = "-" if case.country is None else ("≠" if case.country_not else "") + (case.country or "∅")
    sector = "-" if case.sectors is None else "|".join(case.sectors) or "∅"
    return f"{country}/{sector}"
