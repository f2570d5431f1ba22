"""dyad.ontology: PLOVER types, CAMEO codes and the trigger lexicon, read from package data only."""

import subprocess
import sys

import pytest

from dyad.ontology import (
    PLOVER_TYPES,
    cameo_entry,
    cameo_to_plover,
    load_triggers,
    plover_type,
    quad_class,
)
from dyad.ontology.cameo import all_codes, parent_code

REPORTING_VERBS = {"say", "tell", "report", "add", "state", "note", "announce"}


@pytest.fixture(scope="module")
def lexicon():
    return load_triggers()


# -- PLOVER -----------------------------------------------------------------


def test_sixteen_types_with_definitions():
    assert len(PLOVER_TYPES) == 16
    for name in PLOVER_TYPES:
        t = plover_type(name)
        assert t.name == name
        assert t.definition and "\\" not in t.definition and "\n" not in t.definition


@pytest.mark.parametrize("name, quad", [
    ("AGREE", 1), ("CONSULT", 1), ("AID", 2), ("RETREAT", 2),
    ("REQUEST", 3), ("ACCUSE", 3), ("THREATEN", 3), ("PROTEST", 4), ("SANCTION", 4), ("ASSAULT", 4),
])
def test_quad_classes(name, quad):
    assert quad_class(name) == quad
    assert plover_type(name.lower()).quad_class == quad


def test_quad_names_follow_numbers():
    assert plover_type("COOPERATE").quad_name == "material cooperation"
    assert plover_type("REJECT").quad_name == "verbal conflict"


def test_modes_and_recipients():
    assert plover_type("CONSULT").mode_names == ("visit", "third-party", "multilateral", "phone")
    assert "weapons" in plover_type("MOBILIZE").mode_names
    assert plover_type("ASSAULT").mode("aerial").definition
    assert plover_type("AGREE").modes == ()
    assert plover_type("SANCTION").requires_recipient and not plover_type("THREATEN").requires_recipient


def test_default_cameo_codes_belong_to_their_type():
    for name in PLOVER_TYPES:
        t = plover_type(name)
        assert cameo_to_plover(t.default_cameo)[0] == name
        assert t.default_goldstein == cameo_entry(t.default_cameo).goldstein
        for mode in t.modes:
            if mode.default_cameo:
                assert cameo_to_plover(mode.default_cameo) == (name, mode.name)


def test_unknown_type_raises():
    with pytest.raises(KeyError):
        plover_type("FROLIC")


# -- CAMEO ------------------------------------------------------------------


def test_cameo_entry():
    entry = cameo_entry("042")
    assert entry.name == "Make a visit" and entry.goldstein == 1.9 and entry.quad_class == 1
    assert (entry.plover_type, entry.plover_mode) == ("CONSULT", "visit")
    assert cameo_entry("999") is None


def test_goldstein_sign_follows_quad_class():
    for entry in all_codes():
        if entry.goldstein is None or entry.plover_type in ("", "dropped"):
            continue
        if entry.quad_class == 4:
            assert entry.goldstein < 0, entry
        if entry.quad_class == 2:
            assert entry.goldstein > 0, entry


def test_cameo_to_plover_walks_up_unmapped_codes():
    assert cameo_to_plover("0841") == ("RETREAT", "release")
    assert cameo_to_plover("1951") == ("ASSAULT", "heavy-weapons")  # via 195
    assert cameo_to_plover("176") == ("COERCE", None)  # via 17 -> 170
    assert cameo_to_plover("155") == ("MOBILIZE", None)  # via 15 -> 150
    assert parent_code("1951") == "195" and parent_code("19") == "190" and parent_code("190") is None


def test_dropped_and_unknown_codes_have_no_plover_type():
    assert cameo_to_plover("010") is None  # statements are dropped by PLOVER
    assert cameo_to_plover("0233") is None  # appeals too
    assert cameo_to_plover("999") is None


# -- triggers ---------------------------------------------------------------


def test_lexicon_size_and_coverage(lexicon):
    triggers = list(lexicon)
    assert len(triggers) >= 250
    assert {t.type for t in triggers} == set(PLOVER_TYPES)
    for name in PLOVER_TYPES:
        assert any(t.type == name and not t.is_phrase for t in triggers), name


def test_trigger_fields_are_valid(lexicon):
    for t in lexicon:
        assert t.pos in ("VERB", "NOUN"), t
        assert t.type in PLOVER_TYPES, t
        assert not t.mode or t.mode in plover_type(t.type).mode_names, t
        assert t.phrase == t.phrase.lower() and "-" not in t.phrase, t  # spaCy splits hyphens
        assert all(p.isalpha() for p in t.target_preps), t


def test_each_trigger_is_listed_once(lexicon):
    # a second row for the same words would never be read: the first is the usual sense
    seen = [(t.phrase, t.pos) for t in lexicon]
    assert sorted(k for k in set(seen) if seen.count(k) > 1) == []


def test_trigger_cameo_codes_agree_with_plover(lexicon):
    for t in lexicon:
        assert cameo_entry(t.cameo) is not None, t
        mapped = cameo_to_plover(t.cameo)
        if t.cameo_exception:
            assert len(t.note) > len("exception: "), t  # an exception says why
            assert mapped is None or mapped[0] != t.type, f"needless exception: {t}"
        else:
            assert mapped is not None and mapped[0] == t.type, t


def test_reporting_verbs_are_not_triggers(lexicon):
    assert not REPORTING_VERBS & set(lexicon.verbs)


def test_lookup_by_lemma_and_phrase(lexicon):
    assert lexicon.verbs["condemn"][0].type == "ACCUSE"
    assert lexicon.nouns["summit"][0].mode == "multilateral"
    assert lexicon.verbs["meet"][0].target_preps == ("with",)
    sanction = next(t for t in lexicon.phrases_starting("impose") if t.lemmas == ("impose", "sanction"))
    assert sanction.type == "SANCTION" and set(sanction.target_preps) == {"on", "against"}
    assert [t.type for t in lexicon.phrases_starting("test") if t.lemmas == ("test", "fire")] == ["MOBILIZE"]
    longest_first = [len(t.lemmas) for t in lexicon.phrases_starting("call")]
    assert longest_first == sorted(longest_first, reverse=True)
    assert lexicon.phrases_starting("zzz") == []


def test_phrase_heads(lexicon):
    air_strike = next(t for t in lexicon.phrases_starting("air") if t.lemmas == ("air", "strike"))
    assert air_strike.head == "strike" and air_strike.mode == "aerial"
    call_for = next(t for t in lexicon.phrases_starting("call") if t.lemmas == ("call", "for"))
    assert call_for.head == "call" and call_for.type == "REQUEST"


def test_loads_once_and_is_cached():
    load_triggers.cache_clear()
    first = load_triggers()
    assert plover_type("AGREE") and cameo_entry("010")
    assert load_triggers() is first


def test_reads_only_package_data(tmp_path):
    """In a fresh interpreter, from another directory, with ../shared out of reach by path."""
    code = (
        "import builtins, dyad.ontology as o\n"
        "real = builtins.open\n"
        "def guarded(f, *a, **k):\n"
        "    assert 'shared' not in str(f), f\n"
        "    return real(f, *a, **k)\n"
        "builtins.open = guarded\n"
        "import io; io.open = guarded\n"
        "assert len(list(o.load_triggers())) >= 250\n"
        "assert o.plover_type('ASSAULT').quad_class == 4\n"
        "assert o.cameo_to_plover('1951')[0] == 'ASSAULT'\n"
        "import sys; assert 'spacy' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_context_dependent_triggers_have_sense_rules(lexicon):
    """A lexicon entry whose note defers to sense_cues.tsv ("launch", "fire") must have rules there."""
    from dyad.nlp.senses import load_sense_rules

    rules = load_sense_rules()
    deferred = [t for t in lexicon if not t.is_phrase and "sense_cues.tsv" in t.note]
    assert len(deferred) >= 10
    for t in deferred:
        assert (t.phrase, t.pos) in rules, t
