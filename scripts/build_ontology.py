"""Build dyad's committed ontology data from the PLOVER and CAMEO sources in ../shared.

    python scripts/build_ontology.py [--shared ../shared/data]

Writes ``src/dyad/ontology/data/plover_types.json`` and ``cameo.tsv``. Run it
only when the sources change: dyad reads the generated files at run time and
never needs ../shared. ``triggers.tsv`` and ``README.md`` are hand-written.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

from dyad.ontology.cameo import parent_code

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dyad" / "ontology" / "data"
QUAD_NUMBERS = {"VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3, "MATERIAL CONFLICT": 4}

# LaTeX macros whose argument is kept as plain text
_KEEP_ARG = re.compile(r"\\(?:plcat|plmod|plcon|txt|ti|textit|emph|textbf|texttt|textsf)\{([^{}]*)\}")
_DROP_SENTENCE = re.compile(r"\\ref\{|\\cite")


def clean_latex(text: str) -> str:
    """LaTeX fragment -> one line of plain text."""
    text = re.sub(r"(?<!\\)%.*", "", text)
    for _ in range(3):
        text = _KEEP_ARG.sub(r"\1", text)
    text = text.replace("\\ldots", "...").replace("``", '"').replace("''", '"').replace("---", " - ")
    text = re.sub(r"\\begin\{itemize\}|\\end\{itemize\}", " ", text)
    text = text.replace("\\item", ";")
    text = re.sub(r"\$[^$]*\$", " ", text)
    text = re.sub(r"\\[a-zA-Z]+\*?", " ", text).replace("{", "").replace("}", "")
    text = re.sub(r"\s+", " ", text).strip(" ;")
    return re.sub(r"\s*;\s*;?\s*", "; ", text).replace(": ;", ":")


def manual_sections(tex: str, names: list[str]) -> dict[str, str]:
    """The LaTeX body of each event-type chapter section."""
    starts = {m.group(1): m.end() for m in re.finditer(r"\\section\{([A-Z]+)\}", tex) if m.group(1) in names}
    ordered = sorted(starts.items(), key=lambda kv: kv[1])
    bodies = {}
    for (name, start), nxt in zip(ordered, ordered[1:] + [(None, None)]):
        end = nxt[1] if nxt[1] else tex.find("\\chapter", start)
        bodies[name] = tex[start:end]
    return bodies


def manual_description(body: str) -> str:
    """The section's opening text, up to its first subsection, minus cross-references."""
    intro = body.split("\\subsection", 1)[0]
    sentences = re.split(r"(?<=\.)\s+", clean_latex(intro))
    return " ".join(s for s in sentences if not _DROP_SENTENCE.search(s)).strip()


def manual_definition(body: str) -> str:
    """One sentence: the opening text before any list (else the list's first item)."""
    intro = body.split("\\subsection", 1)[0]
    lead, _, rest = intro.partition("\\begin{itemize}")
    text = clean_latex(lead) or clean_latex(rest.split("\\item")[1])
    first = re.split(r"(?<=\.)\s+", text)[0]
    first = re.sub(r"(,? including|Examples include)\s*:?$", "", first).strip()
    return first if first.endswith(".") else first + "."


def manual_modes(body: str) -> dict[str, str]:
    """Mode name -> content from the section's modes table (continuation rows appended)."""
    modes: dict[str, str] = {}
    last = None
    for table in re.findall(r"\\begin\{tabular\}\{.*?\}\n(.*?)\\end\{tabular\}", body, re.S):
        for row in table.replace("\\hline", "").split("\\\\"):
            row = row.strip()
            if "&" not in row or row.startswith("Name"):
                continue
            name, content = (part.strip() for part in row.split("&", 1))
            content = clean_latex(content)
            if name:
                last = name
                modes[name] = content
            elif last:
                modes[last] = f"{modes[last]} {content}".strip()
    return modes


def plover_scores(tex: str) -> dict[tuple[str, str], float]:
    """(TYPE, mode or "") -> score from the manual's conflict-cooperation table."""
    table = re.search(r"\\caption\{PLOVER conflict--cooperation scores\}(.*?)\\end\{tabular\}", tex, re.S)
    cells = re.findall(r"(?:\\cellcolor\{gray!25\})?([A-Z]+)(?::\s*([A-Za-z-]+))?\s*&\s*(?:\\cellcolor\{gray!25\})?(-?[\d.]+)",
                       table.group(1))
    return {(t, m.lower()): float(s) for t, m, s in cells}


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def cameo_rows(shared: Path) -> list[dict[str, str]]:
    """CAMEO codes with names and Goldstein values, PLOVER type/mode from CAMEO2PLOVER-2021."""
    merged = read_tsv(shared / "cameo" / "cameo_codes_merged.tsv")
    mapping = {r["cameo"]: r for r in read_tsv(shared / "plover" / "CAMEO2PLOVER-2021.tsv")}
    by_code = {r["code"]: r for r in merged}
    rows = []
    for r in merged:
        code = r["code"]
        mapped = mapping.get(code)
        ptype = mapped["plover_event"] if mapped else ("dropped" if r["plover_event"] == "dropped" else "")
        mode = mapped["plover_mode"] if mapped else ""
        if mapped and r["plover_event"] not in ("", mapped["plover_event"]):
            print(f"note: {code} merged says {r['plover_event']}, CAMEO2PLOVER says {mapped['plover_event']}")
        rows.append({"code": code, "name": r["name"].strip(), "goldstein": _goldstein(code, by_code),
                     "quad_class": r["quad_class"], "plover_type": ptype, "plover_mode": mode})
    missing = sorted(set(mapping) - set(by_code))
    if missing:
        print(f"note: CAMEO2PLOVER codes absent from the CAMEO list: {missing}")
    return rows


def _goldstein(code: str, by_code: dict[str, dict[str, str]]) -> str:
    """GDELT value, else ICEWS, else the parent code's (for the few codes neither scores)."""
    current: str | None = code
    while current:
        row = by_code.get(current, {})
        for column in ("goldstein_gdelt", "goldstein_icews"):
            if row.get(column):
                return str(float(row[column]))
        current = parent_code(current)
    return ""


def default_code(rows: list[dict[str, str]], ptype: str, mode: str | None) -> str | None:
    """The most general CAMEO code mapped to a type (or type+mode).

    For a type: codes without a mode first, then the CAMEO root the type uses
    most, then the shortest code; e.g. ASSAULT -> 180, ACCUSE -> 110.
    """
    cands = [r for r in rows if r["plover_type"] == ptype and (mode is None or r["plover_mode"] == mode)]
    if not cands:
        return None
    roots = [r["code"][:2] for r in cands]
    best = min(cands, key=lambda r: (mode is None and r["plover_mode"] != "",
                                      -roots.count(r["code"][:2]), len(r["code"]), r["code"]))
    return best["code"]


def build_types(shared: Path, rows: list[dict[str, str]]) -> dict:
    source = json.loads((shared / "plover" / "plover_event_types_modes.json").read_text())
    tex = (shared / "plover" / "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    tex = re.sub(r"(?m)^\s*%.*\n", "", tex)  # commented-out tables and rows are not PLOVER
    names = list(source["event_types"])
    sections = manual_sections(tex, names)
    scores = plover_scores(tex)
    goldstein = {r["code"]: r["goldstein"] for r in rows}
    types = []
    for name, info in source["event_types"].items():
        body = sections[name]
        table = manual_modes(body)
        code = default_code(rows, name, None)
        modes = []
        for mode in info["modes"]:
            mcode = default_code(rows, name, mode)
            modes.append({"name": mode, "definition": table.get(mode, ""),
                          "default_cameo": mcode, "default_goldstein": _num(goldstein.get(mcode)),
                          "plover_score": scores.get((name, mode))})
        types.append({"name": name, "quad_class": QUAD_NUMBERS[info["quad"]], "quad_name": info["quad"].lower(),
                      "requires_recipient": info["requires_recipient"] == "Yes",
                      "definition": manual_definition(body), "description": manual_description(body),
                      "default_cameo": code, "default_goldstein": _num(goldstein.get(code)),
                      "plover_score": scores.get((name, "")), "modes": modes})
    return {"source": f"{source['source']} (PLOVER, CC BY-SA 4.0); CAMEO2PLOVER-2021; CAMEO/GDELT Goldstein",
            "quad_classes": {str(v): k.lower() for k, v in QUAD_NUMBERS.items()},
            "auxiliary_modes": source["auxiliary_modes"],
            "types": types}


def _num(value: str | None) -> float | None:
    return float(value) if value else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    rows = cameo_rows(args.shared)
    types = build_types(args.shared, rows)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "plover_types.json").write_text(json.dumps(types, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    with (OUT / "cameo.tsv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(types['types'])} PLOVER types and {len(rows)} CAMEO codes to {OUT}")


if __name__ == "__main__":
    main()
