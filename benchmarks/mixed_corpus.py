"""A messy feed through `dyad ingest`: 1,000 mixed-quality documents, no crash, nothing lost.

    python benchmarks/mixed_corpus.py [--out /tmp/dyad-mixed] [--n 1000] [--workers 2] [--max-chars 30000]

The corpus is built under ``--out`` from ../shared/data/news/ (Reuters-21578 and PolNeAR) with
damage added: clean text, HTML pages and JSONL lines; truncated text and HTML cut inside a tag;
latin-1 and cp1252 bytes, UTF-16 without a byte order mark; binary junk; PDF bytes named .html;
pages over DYAD_MAX_DOCUMENT_CHARS (set small for the run); exact duplicates under other names;
other languages (spaCy's own example sentences, shipped with the installed package); control and
zero-width characters; empty files; malformed JSONL lines. Every input document is listed in a
manifest with the damage done to it.

`dyad ingest` runs on the folder into a new store (a subprocess, as a user runs it). The report
gives documents coded, not coded (reasons grouped), failed (reasons grouped), crashes (a
traceback or an exit status other than 0 or 1) and the accounting: every manifest entry must be
a stored document or a failure listed with its reason (`Store.failures()`), none lost.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from dyad.ingest import ReadError, read_paths
from dyad.store import Store

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"
# spaCy ships example sentences per language; these are languages the detector knows
LANGUAGES = ("de", "fr", "es", "it", "pt", "nl", "ru", "pl", "tr", "ar", "zh", "ja", "ko", "sv", "da", "el",
             "fi", "hu", "ro", "uk", "id", "he", "fa", "hr", "cs", "bg")
# share of the corpus per kind of damage (the rest is clean); counts are of input documents
MIX = {"truncated_text": 40, "truncated_html": 40, "latin1": 30, "cp1252": 30, "utf16_no_bom": 30,
       "binary_junk": 40, "pdf_as_html": 30, "huge": 30, "duplicate": 100, "other_language": 100,
       "control_chars": 40, "empty": 20, "jsonl_malformed": 20}
CLEAN = {"clean_text": 0.45, "clean_html": 0.30, "clean_jsonl": 0.25}


@dataclass
class Entry:
    where: str  # the path (or path:line) a failure names
    kind: str


def articles(rng: random.Random, n: int) -> list[dict]:
    """``n`` news stories, half Reuters, half PolNeAR, with text, title, date and outlet."""
    pools = []
    for name in ("reuters21578.jsonl", "polnear_articles.jsonl"):
        with open(NEWS / name, encoding="utf-8") as lines:
            pool = [json.loads(line) for line in lines]
        pools.append([a for a in pool if len(a.get("text", "")) > 400])
    return [rng.choice(pools[i % 2]) for i in range(n)]


def page(article: dict) -> str:
    title = _html_text(article.get("title") or "")
    body = "".join(f"<p>{_html_text(p)}</p>\n" for p in article["text"].split("\n\n") if p.strip())
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='article:published_time' content='{article.get('date', '')[:10]}'>"
            f"<meta property='og:site_name' content='{_html_text(article.get('source') or '')}'></head>"
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>\n{body}</article>"
            "<footer>Copyright</footer></body></html>")


def _html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def foreign_texts(rng: random.Random) -> dict[str, list[str]]:
    found = {}
    for code in LANGUAGES:
        try:
            sentences = importlib.import_module(f"spacy.lang.{code}.examples").sentences
        except (ImportError, AttributeError):
            continue
        if sum(len(s) for s in sentences) > 120:
            found[code] = list(sentences)
    return found


def foreign(rng: random.Random, texts: dict[str, list[str]]) -> tuple[str, str]:
    code = rng.choice(sorted(texts))
    sentences = texts[code][:]
    rng.shuffle(sentences)
    return code, " ".join(sentences[: max(3, len(sentences) - rng.randint(0, 2))])


def damaged_bytes(kind: str, article: dict, rng: random.Random, max_chars: int) -> tuple[str, bytes]:
    """(file suffix, content) for one damaged document."""
    text = article["text"]
    if kind == "truncated_text":
        return ".txt", text[: rng.randint(1, len(text) - 1)].encode()
    if kind == "truncated_html":
        html = page(article)
        cut = html.rfind("<", 0, rng.randint(len(html) // 3, len(html) - 1)) + 2  # inside a tag
        return ".html", html[:cut].encode()
    if kind in ("latin1", "cp1252"):
        # the curly quotes and accents a real page has, in an 8-bit code page
        marked = text.replace(" said", " said \u201cthat\u201d", 1) + " Caf\u00e9 r\u00e9sum\u00e9."
        return ".txt", marked.encode(kind, errors="replace")
    if kind == "utf16_no_bom":
        return ".txt", text.encode("utf-16-le")
    if kind == "binary_junk":
        return rng.choice([".txt", ".html", ".md"]), rng.randbytes(rng.randint(10, 20_000))
    if kind == "pdf_as_html":
        stream = rng.randbytes(rng.randint(200, 4000))
        head = (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n2 0 obj\n<< /Length "
                + str(len(stream)).encode() + b" /Filter /FlateDecode >>\nstream\n")
        return ".html", (head + stream + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    if kind == "huge":
        copies = max_chars // max(len(text), 1) + 2
        return ".txt", "\n\n".join([text] * copies).encode()
    if kind == "control_chars":
        noisy = "".join(c + rng.choice(["\u200b", "\u200e", "\x07", "\ufeff", "\u0301", ""]) if rng.random() < 0.05
                        else c for c in text)
        return ".txt", noisy.encode("utf-8", "surrogatepass")
    if kind == "empty":
        return ".txt", rng.choice([b"", b"   \n\n\t  \n"])
    raise ValueError(kind)


def build(out: Path, n: int, max_chars: int, seed: int = 10) -> list[Entry]:
    """The corpus under ``out/corpus``; returns the manifest, one entry per input document."""
    rng = random.Random(seed)
    corpus = out / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True)
    n_clean = n - sum(MIX.values())
    counts = {k: round(share * n_clean) for k, share in CLEAN.items()}
    counts["clean_text"] += n_clean - sum(counts.values())
    stories = articles(rng, n)
    languages = foreign_texts(rng)
    manifest: list[Entry] = []
    clean_files: list[Path] = []
    jsonl_lines: list[tuple[str, str]] = []  # (kind, line)
    i = 0

    def write(kind: str, suffix: str, data: bytes) -> Path:
        path = corpus / f"{len(manifest):04d}-{kind}{suffix}"
        path.write_bytes(data)
        manifest.append(Entry(str(path), kind))
        return path

    for kind, count in {**counts, **MIX}.items():
        for _ in range(count):
            story = stories[i % len(stories)]
            i += 1
            if kind == "clean_text":
                clean_files.append(write(kind, ".txt", story["text"].encode()))
            elif kind == "clean_html":
                clean_files.append(write(kind, ".html", page(story).encode()))
            elif kind == "clean_jsonl":
                jsonl_lines.append((kind, json.dumps({k: story.get(k) for k in ("text", "title", "date", "source")})))
            elif kind == "jsonl_malformed":
                jsonl_lines.append((kind, rng.choice(['{"text": "unterminated', '{"title": "no text here"}',
                                                      '["not", "an", "object"]', '{"text": 42}', '{"text": "  "}'])))
            elif kind == "duplicate":
                original = rng.choice(clean_files)
                write(kind, original.suffix, original.read_bytes())
            elif kind == "other_language":
                code, text = foreign(rng, languages)
                write(f"{kind}-{code}", ".txt", text.encode())
                manifest[-1].kind = kind
            else:
                write(kind, *damaged_bytes(kind, story, rng, max_chars))
    rng.shuffle(jsonl_lines)
    feed = corpus / "feed.jsonl"
    feed.write_text("\n".join(line for _, line in jsonl_lines) + "\n", encoding="utf-8")
    manifest += [Entry(f"{feed}:{number}", kind) for number, (kind, _) in enumerate(jsonl_lines, start=1)]
    return manifest


def ingest(corpus: Path, db: Path, workers: int, max_chars: int) -> tuple[int, str, float]:
    db.unlink(missing_ok=True)
    env = {**os.environ, "DYAD_MAX_DOCUMENT_CHARS": str(max_chars)}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "dyad", "ingest", str(corpus), "--db", str(db),
                           "--workers", str(workers)], env=env, capture_output=True, text=True, check=False)
    return done.returncode, done.stderr, time.perf_counter() - started


def _reason(text: str) -> str:
    """A reason without its particulars (offsets, byte values, sizes), for grouping."""
    return re.sub(r"0x[0-9a-f]{2}|(?<![\w-])\d+(?:,\d{3})*", lambda m: "0x.." if m[0].startswith("0x") else "N", text)


def account(manifest: list[Entry], db: Path) -> dict:
    """Each manifest entry: stored (its document id is in the store) or failed (listed with a reason)."""
    ids = {}
    for item in read_paths([str(Path(manifest[0].where).parent)]):
        if not isinstance(item, ReadError):
            ids[item.path] = item.id
    with Store(db, read_only=True) as store:
        statuses = dict(store.con.execute("SELECT id, status FROM documents").fetchall())
        listed: dict[str, str] = {}
        for row in store.failures():
            if row["line"] is not None:
                listed[f"{row['path']}:{row['line']}"] = row["reason"]
            elif row["path"] not in statuses:
                listed[row["path"]] = row["reason"]
        problems = store.check()
    outcome: dict[str, dict] = {"coded": Counter(), "not coded": Counter(), "failed": Counter(), "lost": Counter()}
    per_kind: dict[str, Counter] = {}
    lost = []
    for entry in manifest:
        doc_id = ids.get(entry.where)
        if entry.where in listed:
            group, reason = "failed", _reason(listed[entry.where])
        elif doc_id in statuses:
            status = statuses[doc_id]
            group, reason = ("coded", "coded") if status == "coded" else ("not coded", status)
        else:
            group, reason = "lost", "neither stored nor listed"
            lost.append(entry.where)
        outcome[group][reason] += 1
        per_kind.setdefault(entry.kind, Counter())[f"{group}: {reason}" if group != "coded" else "coded"] += 1
    return {"outcome": outcome, "per_kind": per_kind, "lost": lost, "check": problems,
            "stored_documents": len(statuses)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/dyad-mixed"))
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=max(1, len(os.sched_getaffinity(0))))
    parser.add_argument("--max-chars", type=int, default=30_000, help="DYAD_MAX_DOCUMENT_CHARS for the run")
    args = parser.parse_args()

    manifest = build(args.out, args.n, args.max_chars)
    print(f"corpus: {len(manifest)} input documents under {args.out / 'corpus'}")
    for kind, n in sorted(Counter(e.kind for e in manifest).items()):
        print(f"  {n:4d} {kind}")
    db = args.out / "mixed.duckdb"
    code, stderr, seconds = ingest(args.out / "corpus", db, args.workers, args.max_chars)
    (args.out / "ingest.stderr").write_text(stderr, encoding="utf-8")
    crashed = code not in (0, 1) or "Traceback" in stderr
    print(f"\ndyad ingest: exit {code} in {seconds:.0f} s ({len(manifest) / seconds:.1f} docs/s,"
          f" {args.workers} workers); crashes: {int(crashed)}")
    if crashed:
        print(stderr[-3000:])
        if not db.exists():
            return
    found = account(manifest, db)
    for group in ("coded", "not coded", "failed", "lost"):
        print(f"\n{group}: {sum(found['outcome'][group].values())}")
        for reason, n in found["outcome"][group].most_common():
            if group != "coded":
                print(f"  {n:4d} {reason}")
    print(f"\nstored documents (distinct): {found['stored_documents']}; Store.check(): "
          f"{found['check'] or 'no problems'}")
    print("\nper kind of input:")
    for kind, outcomes in sorted(found["per_kind"].items()):
        print(f"  {kind}: " + "; ".join(f"{n} {what}" for what, n in outcomes.most_common()))
    if found["lost"]:
        print(f"\nLOST ({len(found['lost'])}): " + ", ".join(found["lost"][:20]))
    accounted = len(manifest) - len(found["lost"])
    print(f"\naccounted for: {accounted} of {len(manifest)} input documents")


if __name__ == "__main__":
    main()
