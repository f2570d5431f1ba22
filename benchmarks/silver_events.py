"""Event coding against blind silver annotations of real wire news (references only, no text).

The sets in ``benchmarks/gold/silver_events.jsonl`` were annotated in PLOVER by annotators who never
saw dyad's output (see ``benchmarks/gold/README.md``). Each record names a sentence of
``../shared/data/news/reuters21578.jsonl``, of ``../shared/data/news/polnear_articles.jsonl`` or of
the TimeBank/AQUAINT documents in ``../shared/data/gold/timex``; this script finds the sentence again, writes the records in the
format of ``dyad evaluate events`` to a temporary file and scores them with it.

    .venv/bin/python benchmarks/silver_events.py [--shared ../shared] [--sets a,b,c,d,e,f,g,h,i] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
from pathlib import Path

from rich.console import Console

from dyad.evaluate.events import evaluate_events
from dyad.evaluate.report import render

HERE = Path(__file__).resolve().parent
SILVER = HERE / "gold" / "silver_events.jsonl"
SETS = {"a", "b", "c", "d", "e", "f", "g", "h", "i"}
SOURCES = {"reuters21578.jsonl": "data/news/reuters21578.jsonl", "polnear_articles.jsonl": "data/news/polnear_articles.jsonl",
           "timebank.jsonl": "data/gold/timex/timebank.jsonl", "aquaint.jsonl": "data/gold/timex/aquaint.jsonl"}
ID_FIELDS = {"timebank.jsonl": "doc_id", "aquaint.jsonl": "doc_id"}  # the others' is "id"
DATELINE = re.compile(r"^[A-Z][A-Za-z .,'-]+, \w+ \d+ - ")  # Reuters: "TOKYO, March 4 - "
SENTENCE_END = re.compile(r"(?<=[a-z0-9\)'\"][.!?])\s+(?=[A-Z`\"])")


def sentences(text: str, dateline: bool) -> list[str]:
    """The sentence split the annotated sentences were cut with."""
    flat = re.sub(r"\s*\n\s*", " ", text).strip()
    if dateline:
        flat = DATELINE.sub("", flat)
    return [s.strip() for s in SENTENCE_END.split(flat)]


def fingerprint(sentence: str) -> str:
    return hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:12]


def documents(shared: Path, source_file: str) -> dict[str, dict]:
    path = shared / SOURCES[source_file]
    key = ID_FIELDS.get(source_file, "id")
    with path.open(encoding="utf-8") as handle:
        return {row[key]: row for row in map(json.loads, handle)}


def materialise(shared: Path, sets: set[str]) -> tuple[list[dict], list[str]]:
    """The silver records with their sentences; and one line per record whose sentence is gone."""
    records, problems, cache = [], [], {}
    for line in SILVER.read_text(encoding="utf-8").splitlines():
        ref = json.loads(line)
        if ref["set"] not in sets:
            continue
        if ref["source_file"] not in cache:
            cache[ref["source_file"]] = documents(shared, ref["source_file"])
        docs = cache[ref["source_file"]]
        doc = docs.get(ref["doc"])
        found = sentences(doc["text"], ref["source_file"].startswith("reuters")) if doc else []
        text = found[ref["sentence"]] if ref["sentence"] < len(found) else None
        if text is None or fingerprint(text) != ref["sha1"]:
            problems.append(f"{ref['id']}: sentence {ref['sentence']} of {ref['doc']} not found as annotated")
            continue
        records.append({"id": ref["id"], "text": text, "date": ref["date"],
                        "expected_events": ref["expected_events"], "expects_no_event": not ref["expected_events"]})
    return records, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared", help="the shared data folder")
    parser.add_argument("--sets", default="a,b,c,d,e,f,g,h,i", help="comma-separated set names (a, b, f, g, h: Reuters 1987; c, d, e: 1989-2000 wire; i: US political news 2015-16)")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of tables")
    args = parser.parse_args()
    if not (args.shared / "data").is_dir():
        print(f"no shared data at {args.shared}: nothing to score", file=sys.stderr)
        return 2
    sets = {name.strip() for name in args.sets.split(",")}
    if not sets <= SETS:
        parser.error(f"unknown set {', '.join(sorted(sets - SETS))}: choose among {', '.join(sorted(SETS))}")
    records, problems = materialise(args.shared, sets)
    for problem in problems:
        print(problem, file=sys.stderr)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        handle.writelines(json.dumps(r) + "\n" for r in records)
    try:
        evaluation = evaluate_events(handle.name)
    finally:
        Path(handle.name).unlink()
    evaluation.gold = f"{SILVER.relative_to(HERE.parent)} (sets {', '.join(sorted(sets))})"
    if args.json:
        print(json.dumps(evaluation.to_dict(), ensure_ascii=False))
    else:
        render(evaluation, Console(), misses=0)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
