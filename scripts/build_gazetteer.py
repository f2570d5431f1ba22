"""Build dyad's gazetteer TSV files from pycountry, the Phoenix dictionaries and curated TSVs.

Run from the project root (needs the `build` extra, pycountry, and ../shared/data/phoenix):

    .venv/bin/python scripts/build_gazetteer.py

Writes src/dyad/gazetteer/data/{countries,organisations,roles,country_names}.tsv and
people_phoenix.csv.gz. Those generated files are committed, so run time needs neither pycountry nor
../shared. The curated files in the same folder (curated_*.tsv) are merged last and win over
generated rows. ``--only people_phoenix`` rebuilds just the Phoenix persons (it reads the committed
countries.tsv and roles.tsv to strip titles from synonyms).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from spacy.lang.en.stop_words import STOP_WORDS

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "dyad" / "gazetteer" / "data"
PHOENIX = ROOT.parent / "shared" / "data" / "phoenix"

# Kinds in priority order: when one phrase maps to several codes, the better kind wins.
COUNTRY_KINDS = ("name", "informal", "historical", "seat", "demonym", "adjective", "capital", "iso3", "city", "place")
DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "i", "is", "ic", "ch")
CODE_RE = re.compile(r"\[([^\]}]*)[\]}]")


@dataclass
class Entry:
    """One Phoenix actor entry: its phrases and its [code date-range] items."""

    phrases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)  # (code, range or "")
    comment: str = ""


def read_curated(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


# ---------------------------------------------------------------- Phoenix actor files


def parse_actor_file(path: Path) -> list[Entry]:
    """Group lines into entries: a primary line, '+' synonyms and TAB code lines."""
    entries: list[Entry] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body, _, comment = raw.partition("#")
        if not body.strip():
            continue
        codes = [_split_code(c) for c in CODE_RE.findall(body)]
        phrase = CODE_RE.sub("", body).strip()
        if raw[0] in " \t" and not phrase:
            if entries:
                entries[-1].codes.extend(codes)
            continue
        if phrase.startswith("+") and entries:
            entries[-1].phrases.append(phrase[1:])
            entries[-1].codes.extend(codes)
        elif entries and not entries[-1].codes and not codes:
            entries[-1].phrases.append(phrase)  # a synonym missing its '+'
        else:
            entries.append(Entry([phrase], codes, comment))
    return entries


def _split_code(item: str) -> tuple[str, str]:
    parts = item.strip().lstrip("~").split(None, 1)
    return (parts[0] if parts else "", parts[1].strip() if len(parts) > 1 else "")


def current_code(entry: Entry) -> str | None:
    """The code in force today: an open-ended '>date' one, else the undated default."""
    usable = [(c, r) for c, r in entry.codes if c and c not in ("ELI", "---")]
    for code, rng in usable:
        if rng.startswith(">"):
            return code
    undated = [c for c, r in usable if not r]
    return undated[0] if undated else None


def is_person_entry(entry: Entry) -> bool:
    return "IGOrulers" in entry.comment or any(r for _, r in entry.codes)


def phoenix_phrase(raw: str) -> str:
    """PHOENIX_STYLE_ → 'Phoenix Style'; acronyms (dots, no vowels, 2 letters) stay upper."""
    raw = re.sub(r"\([^)]*\)", "", raw).replace("_", " ").strip()
    raw = re.sub(r"^THE\s+", "", raw, flags=re.I)  # "the" is not part of a name to match
    words = []
    for word in raw.split():
        letters = re.sub(r"[^A-Za-z]", "", word)
        if word.lower() in STOP_WORDS:
            words.append(word.lower() if words else word.capitalize())
            continue
        acronym = "." in word or len(letters) <= 2 or not re.search(r"[AEIOUY]", letters.upper())
        words.append(word.upper() if acronym else word.capitalize())
    return " ".join(words)


# ---------------------------------------------------------------- countries


def build_countries() -> dict[str, tuple[str, str]]:
    rows: dict[str, tuple[str, str]] = {}
    ambiguous: set[str] = set()

    def add(phrase: str, code: str, kind: str) -> None:
        key = phrase.lower()
        if not key or key in ambiguous:
            return
        old = rows.get(key)
        if old is None:
            rows[key] = (phrase, code, kind)  # type: ignore[assignment]
        elif old[1] != code:
            rank_old, rank_new = COUNTRY_KINDS.index(old[2]), COUNTRY_KINDS.index(kind)
            if rank_new < rank_old:
                rows[key] = (phrase, code, kind)  # type: ignore[assignment]
            elif rank_new == rank_old:  # same standing, different states: drop the phrase
                del rows[key]
                ambiguous.add(key)

    iso3_names = {row[0] for row in read_curated("iso3_names.txt")}
    for country in pycountry.countries:
        code = country.alpha_3
        for attr in ("name", "official_name", "common_name"):
            name = getattr(country, attr, None)
            if name:
                add(name, code, "name")
        if code in iso3_names:  # only codes news uses as names: PAN, PRI are parties
            add(code, code, "iso3")

    for entry in parse_actor_file(PHOENIX / "Phoenix.Countries.actors.txt"):
        code = current_code(entry)
        if not code or len(code) != 3:
            continue
        primary = phoenix_phrase(entry.phrases[0])
        add(primary, code, "name")
        for raw in entry.phrases[1:]:
            phrase = phoenix_phrase(raw)
            add(phrase, code, _guess_kind(phrase, primary))

    curated = read_curated("curated_countries.tsv")
    for phrase, code, kind in curated:  # curated rows win over generated ones
        rows.pop(phrase.lower(), None)
        ambiguous.discard(phrase.lower())
    for phrase, code, kind in curated:
        add(phrase, code, kind)
        if kind == "demonym" and not phrase.endswith(("ese", "ss", "sh", "ch")):
            add(_plural(phrase), code, "demonym")
    return {key: value for key, value in rows.items()}


def _guess_kind(phrase: str, primary: str) -> str:
    """Phoenix lists names, demonyms, foreign names, misspellings and cities without labels."""
    low, base = phrase.lower(), primary.lower()
    if low[:3] == base[:3] and " " not in low:
        return "demonym" if low.endswith(DEMONYM_ENDINGS) and len(low) > len(base) - 2 else "informal"
    return "place"


def _plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


# ---------------------------------------------------------------- organisations


def build_organisations() -> dict[str, tuple[str, str, str, str]]:
    country_codes = {c.alpha_3 for c in pycountry.countries} | {"KSV", "SUN"}
    rows: dict[str, tuple[str, str, str, str]] = {}
    discard = {row[0].lower() for row in read_curated("organisations_discard.txt")}
    sources = (("Phoenix.International.actors.txt", None), ("Phoenix.MilNonState.actors.txt", "armed_group"))
    for filename, forced_kind in sources:
        for entry in parse_actor_file(PHOENIX / filename):
            code = current_code(entry)
            if not code or is_person_entry(entry) or code.startswith("MNC"):
                continue
            kind = forced_kind or _org_kind(code)
            country = code[:3] if code[:3] in country_codes else ""
            for raw in entry.phrases:
                phrase = phoenix_phrase(raw)
                if len(re.sub(r"[^A-Za-z]", "", phrase)) > 2 and phrase.lower() not in discard:
                    rows.setdefault(phrase.lower(), (phrase, code, kind, country))
    for phrase, code in _state_institutions():
        rows.setdefault(phrase.lower(), (phrase, code, "organisation", code[:3]))
    for phrase, code, kind, *rest in read_curated("curated_organisations.tsv"):
        rows[phrase.lower()] = (phrase, code, kind, rest[0] if rest else "")
    return rows


# the last word of a state body's name: what tells a body from a person in Phoenix's mixed entries
INSTITUTION_HEADS = {"administration", "agency", "army", "assembly", "bureau", "commission", "committee", "congress",
                     "corps", "council", "court", "department", "directorate", "force", "forces", "front", "government",
                     "guard", "guards", "headquarters", "movement", "navy", "office", "party", "police", "regime",
                     "reserve", "service"}


def _state_institutions() -> list[tuple[str, str]]:
    """(phrase, code) for the bodies of states in Phoenix's country dictionary ("Federal Reserve" USAGOVBUS,
    "Knesset" ISRGOVLEG, "Revolutionary Guards" IRNMIL), which the country build skips (its codes are
    longer than a state's). Those entries mix in persons and roles, so a phrase is kept only when it is
    one word or ends in an institution's head word, and when no role or person table has it already:
    "Senate" and "Secretary of State" stay roles of any state, "Assad" a person."""
    from dyad.gazetteer import load_gazetteer
    from dyad.gazetteer.registry import load_registry

    gaz, people = load_gazetteer(), load_registry()
    known = set(gaz.roles) | set(gaz.countries)
    rows = []
    for entry in parse_actor_file(PHOENIX / "Phoenix.Countries.actors.txt"):
        code = current_code(entry)
        if not code or len(code) == 3 or is_person_entry(entry) or not _sector_suffix(code[3:], gaz.sectors - {"ELI"}):
            continue  # ELI: Phoenix's elites are persons
        phrases = [phoenix_phrase(raw) for raw in entry.phrases]
        bodies = [p for p in phrases if p.lower().split()[-1] in INSTITUTION_HEADS
                  and gaz.role_kinds.get(p.lower().split(" of ")[0]) != "person"]  # not "Chairman of the ..."
        persons = [p for p in phrases if len(p.split()) > 1 and p not in bodies]  # "Bashar Assad", "Edward Snowden"
        for phrase in phrases:
            one_word = " " not in phrase and not any(phrase.lower() in p.lower().split() for p in persons)
            if (one_word or phrase in bodies) and phrase.lower() not in known and not people.lookup(phrase) \
                    and len(re.sub(r"[^A-Za-z]", "", phrase)) > 2:
                rows.append((phrase, code))
    return rows


def _sector_suffix(rest: str, sectors: set[str]) -> bool:
    """"GOVLEG", "MIL": sector codes only (not a territory's, as GBRGIB for Gibraltar)."""
    return all(rest[i:i + 3] in sectors for i in range(0, len(rest), 3)) and len(rest) % 3 == 0


def _org_kind(code: str) -> str:
    for prefix, kind in (("IGO", "igo"), ("NGO", "ngo"), ("MED", "media")):
        if code.startswith(prefix):
            return kind
    return "organisation"


# ---------------------------------------------------------------- roles

PERSON_SUFFIXES = ("er", "or", "ist", "man", "woman", "person", "ary", "ian", "at", "ief", "ee", "ess", "ent",
                   "ant", "al", "ier", "ive", "ire", "ate", "ic", "ite", "eur", "ado", "ero", "el")
BODY_WORDS = {"government", "department", "parliament", "establishment", "movement", "council", "staff", "newspaper", "paper",
              # institutions and things whose ending looks like a person's ("senate": -ate, "tribunal": -al)
              "cartel", "conglomerate", "consulate", "electorate", "frigate", "hospital", "humvee", "infirmary",
              "islamic", "judiciary", "military", "muhabarat", "mukabarat", "mukhabarat", "naval", "paramilitary",
              "procuratorate", "regiment", "secretariate", "semi-official", "senate", "settlement", "tribunal"}


def build_roles() -> dict[str, tuple[str, str, str]]:
    text = (PHOENIX / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace")
    sets = {m.group(1): [w.strip() for w in m.group(2).split(",")]
            for m in re.finditer(r"^(!\w+!)\s*=\s*(.+)$", text, re.M)}
    sets["MINIST"] = sets.get("!MINIST!", [])  # a bare trailing MINIST is the same stem set
    rows: dict[str, tuple[str, str, str]] = {}
    for line in text.splitlines():
        body = line.split("#", 1)[0]
        m = re.match(r"^([^\s{\[]+)\s*(\{[^}]*\})?\s*\[~([A-Z]+)[\]}]", body.strip())
        if not m:
            continue
        stem, plural, sector = m.groups()
        for phrase in _expand(stem, sets):
            low = phrase.replace("_", " ").strip().lower()
            rows.setdefault(low, (low, sector, _role_kind(low)))
            if plural is None and not low.endswith("s"):
                rows.setdefault(_regular_plural(low), (_regular_plural(low), sector, _role_kind(low)))
            elif plural and plural.strip("{}"):
                extra = plural.strip("{}").replace("_", " ").lower()
                rows.setdefault(extra, (extra, sector, _role_kind(low)))
    for phrase, sector, kind in read_curated("curated_roles.tsv"):
        rows[phrase.lower()] = (phrase.lower(), sector, kind)
    return rows


def _expand(stem: str, sets: dict[str, list[str]]) -> list[str]:
    for marker, words in sets.items():
        if marker.startswith("!") and marker in stem:
            return [x for w in words for x in _expand(stem.replace(marker, w), sets)]
    if stem.rstrip("_").endswith("MINIST"):
        return [stem.rstrip("_")[: -len("MINIST")] + w for w in sets["MINIST"]]
    return [stem]


def _role_kind(phrase: str) -> str:
    head = re.split(r" (?:of|in|for|to|on|at|with) ", phrase)[0].split()[-1]
    if phrase in BODY_WORDS or head in BODY_WORDS or head.rstrip("s") in BODY_WORDS:
        return "body"
    return "person" if head.rstrip("s").endswith(PERSON_SUFFIXES) or head.endswith("men") else "body"


def _regular_plural(phrase: str) -> str:
    if phrase.endswith("man"):
        return phrase[:-3] + "men"
    if phrase.endswith("y") and not phrase.endswith(("ay", "ey", "oy")):
        return phrase[:-1] + "ies"
    if phrase.endswith(("s", "x", "ch", "sh")):
        return phrase + "es"
    return phrase + "s"


# ---------------------------------------------------------------- Phoenix persons (registry rows)

PHOENIX_PERSONS = "Phoenix.Countries.actors.txt"
PHOENIX_OFFICIALS = "Phoenix.International.actors.txt"  # heads of IGOs: "Kofi Annan [IGOUNO 970101-061231]"
PHOENIX_SOURCE = "phoenix:{} (openeventdata/petrarch2@676801c, MIT)"
INTERNATIONAL = ("IGO", "NGO")  # an international official belongs to no one state


def build_phoenix_people() -> list[list[str]]:
    """Registry rows (id,name,aliases,country,code,from,to,role,source) for Phoenix's dated persons:
    the country dictionary's and the IGO officials of the international one (an entry the latter
    repeats, same name and same dated codes, once).

    Names lose leading titles (person_titles.txt), synonyms also roles and countries ("US
    President George Bush" → "George Bush"); a name with a body word ("Bush Administration",
    "Kosovo Assembly") is dropped. A one-word name is kept only as the surname of one of the
    person's full names (or as Phoenix's only name: "Suharto") and when neither names_not_alone.txt
    (shared given names such as Abdullah) nor surname_words.txt (common words such as Rice, King) lists it.
    """
    # the committed tables (countries.tsv, roles.tsv, name_order.tsv) give titles and name order
    from dyad.gazetteer import load_gazetteer
    from dyad.gazetteer.registry import _row_problem, slug

    gaz = load_gazetteer()
    titles = {row[0] for row in read_curated("person_titles.txt")}
    prefixes = titles | set(gaz.roles) | set(gaz.countries)  # a name may begin "Christian", "Chad"
    states = {code for code, _ in gaz.countries.values()}
    stop = {row[0].lower() for name in ("names_not_alone.txt", "surname_words.txt") for row in read_curated(name)}
    rows, ids = [], set()
    seen: dict[tuple, set[str]] = {}  # dated codes -> the names of the persons kept with them
    for entry, source in _phoenix_persons():
        country = Counter(r.code[:3] for r in entry.roles if not r.code.startswith("IGO")).most_common(1)
        country = country[0][0] if country else entry.roles[0].code[:3]
        if source == PHOENIX_OFFICIALS and country in INTERNATIONAL:
            country = ""  # an IGO's official: the registry reads the code's IGO as the country
        elif country not in states:  # IMG (Islamic State): a group, not a state's people
            continue
        primary = _strip_titles(entry.name, titles)
        synonyms = [_strip_titles(s, prefixes) for s in entry.aliases]
        mononym = " " not in entry.name  # "Suharto"; not "General Secretary Gorbachev"
        names = _person_names(primary, synonyms, gaz, country in gaz.family_name_first, stop, mononym)
        if not names:
            continue
        codes = tuple(sorted((r.code, r.start or "", r.end or "") for r in entry.roles))
        if names[0].lower() in seen.get(codes, ()):
            continue  # the same person listed again (International repeats "K. Annan" beside "Kofi Annan")
        seen.setdefault(codes, set()).update(n.lower() for n in names)
        pid = "phoenix-" + slug(names[0])
        if pid in ids:  # namesakes: the country tells them apart, a number namesakes of one country
            pid += "-" + (country or entry.roles[0].code[:3]).lower()
        base, n = pid, 1
        while pid in ids:
            n += 1
            pid = f"{base}-{n}"
        ids.add(pid)
        for role in entry.roles:
            dates = (role.start or "", role.end or "")
            row = [pid, names[0], ";".join(names[1:]), country, role.code, *dates, "", PHOENIX_SOURCE.format(source)]
            if _row_problem(row) is None:  # e.g. a range ending before it starts: the registry would skip it
                rows.append(row)
    return rows


def _phoenix_persons():
    """(entry, file) for the dated persons of the country dictionary, then the IGO officials of the
    international one (whose bare "[ELI]" line, a sector with no one's code, is left out)."""
    from dyad.gazetteer.registry import phoenix_entries, phoenix_person

    for entry in phoenix_entries(PHOENIX / PHOENIX_PERSONS):
        if phoenix_person(entry):
            yield entry, PHOENIX_PERSONS
    for entry in phoenix_entries(PHOENIX / PHOENIX_OFFICIALS):
        entry.roles = [r for r in entry.roles if len(r.code) >= 6]
        if phoenix_person(entry):
            yield entry, PHOENIX_OFFICIALS


def _person_names(primary: str, synonyms: list[str], gaz, family_first: bool, stop: set[str],
                  mononym: bool) -> list[str]:
    """The usable names, primary first: [] when the primary is no person's name."""
    def body(name: str) -> bool:  # "Bush Administration", "Republic Of Krajina"
        return any(gaz.role_kinds.get(w) == "body" or w in ("of", "the") for w in name.lower().split())

    def junk(name: str) -> bool:  # "Anthony Crosland, Then David Owen", "Republic, Boris N. Yeltsin"
        return "," in name or " then " in name.lower()

    if not primary or body(primary) or junk(primary):
        return []
    names = [n for n in dict.fromkeys((primary, *synonyms)) if n and not body(n) and not junk(n)]
    full = [n for n in names if " " in n]
    surnames = {n.lower().split()[0 if family_first else -1] for n in full}
    kept = [n for n in names if " " in n or n.lower() not in stop and (n.lower() in surnames or mononym)]
    return kept if kept and kept[0] == primary else []


def _strip_titles(name: str, prefixes: set[str]) -> str:
    """Drop leading title words ("U.s. President George Bush" → "George Bush"; "Kanzler Kohl" → "Kohl")."""
    words = name.split()
    while len(words) > 1:
        n = next((n for n in range(min(4, len(words) - 1), 0, -1)
                  if " ".join(words[:n]).lower().strip(".,") in prefixes
                  or " ".join(words[:n]).lower() in prefixes), 0)
        if not n:
            break
        words = words[n:]
    return " ".join(words)


def write_people(name: str, rows: list[list[str]]) -> None:
    from dyad.gazetteer.registry import COLUMNS

    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    with gzip.GzipFile(DATA / name, "wb", mtime=0) as handle:  # mtime 0: same input, same bytes
        handle.write(text.getvalue().encode("utf-8"))
    print(f"{name}: {len(rows)} rows, {len({r[0] for r in rows})} persons")


# ---------------------------------------------------------------- output


def write_tsv(name: str, header: str, rows) -> None:
    lines = [header] + ["\t".join(r) for r in sorted(rows, key=lambda r: r[0].lower())]
    (DATA / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{name}: {len(lines) - 1} rows")


def build_country_names() -> dict[str, tuple[str, str]]:
    names = {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    names.update(dict(read_curated("curated_country_names.tsv")))
    return {code: (code, name) for code, name in names.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--only", choices=["people_phoenix"], help="rebuild only this file")
    args = parser.parse_args()
    if args.only is None:
        write_tsv("country_names.tsv", "code\tname", build_country_names().values())
        write_tsv("countries.tsv", "phrase\tcode\tkind", build_countries().values())
        write_tsv("organisations.tsv", "phrase\tcode\tkind\tcountry", build_organisations().values())
        write_tsv("roles.tsv", "phrase\tsector\tkind", build_roles().values())
    write_people("people_phoenix.csv.gz", build_phoenix_people())  # after roles.tsv, which it reads


if __name__ == "__main__":
    main()
