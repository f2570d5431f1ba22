"""One real-world event, many reports: event mentions grouped into clusters across documents.

Two mentions are the same event when they have compatible types, the same dyad at
country-sector level (in either direction for joint events), dates within a window that
grows with the dates' imprecision, the same place when both name one, and words in common.
Clustering is incremental: a new mention joins the best matching cluster or opens its own,
so ingesting more documents never re-reads the old ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from dyad.nlp.timex import interval
from dyad.ontology.plover import plover_type

# days two dates may lie apart and still be one event, by the coarser date's precision
# (reports of one ongoing event, a strike or an offensive, carry each their own "today")
WINDOW_DAYS = {"day": 4, "week": 7, "month": 31, "year": 366, "none": 4}
# a publication-dated mention only says "around the time of the report"
PUBLICATION_WINDOW = 4
EDGE_FIT = 0.2  # a gap right at the window's edge is weak evidence, not none
SAME_EVENT = 0.6  # the score a pair needs to be one event
JOINT_TYPES = {"CONSULT", "COOPERATE", "AGREE"}  # X→Y and Y→X are the same meeting
_WORD = re.compile(r"[a-z]{3,}")
_STOP = frozenset("the and for with that this from have has had was were are its their said says will would "
                  "also been into over after before about than they them his her who which while".split())


@dataclass
class Mention:
    """What clustering needs of one coded event mention."""

    event_id: str
    doc_id: str
    type: str
    source: str  # country-sector codes joined by "+", "" for none
    target: str
    date: str | None
    precision: str
    dated_by_text: bool
    place: str | None  # country of the event's place
    words: frozenset[str] = frozenset()
    outlet: str | None = None
    published: str | None = None


@dataclass
class Cluster:
    cluster_id: str
    members: list[Mention] = field(default_factory=list)

    @property
    def first(self) -> Mention:
        return self.members[0]


def dyad_key(codes: list[str]) -> str:
    """Country-sector level: "RUSGOVMIL" and "RUSGOV" are one side; order does not matter."""
    return "+".join(sorted({code[:6] for code in codes if code}))


def evidence_words(sentence: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(sentence.lower()) if w not in _STOP)


@cache
def _family(type_name: str) -> int:
    """Types of one quad class are compatible: ASSAULT and COERCE, CONSULT and AGREE."""
    return plover_type(type_name).quad_class


def compatible_types(a: str, b: str) -> bool:
    return a == b or _family(a) == _family(b)


def country_key(key: str) -> str:
    """"GBR+IRNMIL" -> "GBR+IRN": the dyad at country level, for finding candidates."""
    return "+".join(sorted({code[:3] for code in key.split("+") if code}))


def same_side(a: str, b: str) -> bool:
    """Equal, or the same countries where one report names no sector: "IRN" and "IRNMIL" agree,
    "IRNGOV" and "IRNMIL" do not."""
    if a == b:
        return True
    if country_key(a) != country_key(b):
        return False
    return all(len(code) == 3 for code in a.split("+")) or all(len(code) == 3 for code in b.split("+"))


def same_dyad(a: Mention, b: Mention) -> bool:
    if same_side(a.source, b.source) and same_side(a.target, b.target):
        return True
    joint = a.type in JOINT_TYPES and b.type in JOINT_TYPES
    return joint and same_side(a.source, b.target) and same_side(a.target, b.source)


def _days(m: Mention) -> tuple[date, date] | None:
    return interval(m.date) if m.date else None


def date_fit(a: Mention, b: Mention) -> float:
    """1 when the dates overlap, falling to 0 at the edge of the window their precisions allow."""
    da, db = _days(a), _days(b)
    if da is None or db is None:
        return 0.5  # undated: neither for nor against
    gap = max((db[0] - da[1]).days, (da[0] - db[1]).days, 0)
    window = max(WINDOW_DAYS.get(a.precision, 3), WINDOW_DAYS.get(b.precision, 3))
    if not (a.dated_by_text and b.dated_by_text):
        window = max(window, PUBLICATION_WINDOW)
    return max(EDGE_FIT, 1.0 - gap / window) if gap <= window else 0.0


def word_overlap(a: Mention, b: Mention) -> float:
    if not a.words or not b.words:
        return 0.0
    return len(a.words & b.words) / min(len(a.words), len(b.words))


def score(a: Mention, b: Mention) -> float:
    """0 when a hard condition fails; else a blend of type, date and wording agreement."""
    if a.doc_id == b.doc_id and a.event_id != b.event_id:
        return 0.0  # one document's distinct events stay distinct (the coder already merged repeats)
    if not compatible_types(a.type, b.type) or not same_dyad(a, b):
        return 0.0
    if a.place and b.place and a.place != b.place:
        return 0.0
    fit = date_fit(a, b)
    if fit == 0.0:
        return 0.0
    same_type = 1.0 if a.type == b.type else 0.6
    return 0.35 * same_type + 0.35 * fit + 0.3 * min(1.0, 2 * word_overlap(a, b))


def best_cluster(mention: Mention, clusters: list[Cluster]) -> tuple[Cluster | None, float]:
    """The cluster whose best member scores highest with the mention, if it reaches SAME_EVENT."""
    best, best_score = None, 0.0
    for cluster in clusters:
        top = max((score(mention, m) for m in cluster.members), default=0.0)
        if top > best_score:
            best, best_score = cluster, top
    return (best, best_score) if best_score >= SAME_EVENT else (None, best_score)


def confidence(cluster: Cluster) -> float:
    """More documents and more outlets make a cluster surer; one report is as sure as its coding."""
    documents = len({m.doc_id for m in cluster.members})
    outlets = len({m.outlet for m in cluster.members if m.outlet})
    return round(min(1.0, 0.5 + 0.1 * (documents - 1) + 0.1 * max(outlets - 1, 0)), 2)
