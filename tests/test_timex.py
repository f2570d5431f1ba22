"""dyad.nlp.timex: finding and normalising temporal expressions without a parser."""

import pytest

from dyad.nlp.timex import find_candidates, find_times, interval, relation

MONDAY = "2024-01-15"  # a Monday; ISO week 2024-W03
MIDYEAR = "2023-06-21"  # a Wednesday


def only(text, dct=MONDAY, direction="none"):
    """The single expression found in ``text`` as (text, type, value)."""
    found = find_times(text, dct, direction)
    assert len(found) == 1, found
    return found[0].text, found[0].type, found[0].value


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The accord was signed on March 3, 2021 in Doha.", ("March 3, 2021", "DATE", "2021-03-03")),
        ("Elections are due on 4 November 2025.", ("4 November 2025", "DATE", "2025-11-04")),
        ("The summit opened on the 2nd of February 2022.", ("2nd of February 2022", "DATE", "2022-02-02")),
        ("Filed 2022-11-30 by the court clerk.", ("2022-11-30", "DATE", "2022-11-30")),
        ("The memo is dated 3/9/2022.", ("3/9/2022", "DATE", "2022-03-09")),  # US order
        ("Troops withdrew in August 2021.", ("August 2021", "DATE", "2021-08")),
        ("The border closed in 2020 after the protests.", ("2020", "DATE", "2020")),
        ("Tensions rose through the 1980s.", ("the 1980s", "DATE", "198")),
        ("It was a treaty of the '70s.", ("the '70s", "DATE", "197")),
        ("Wed., Feb. 7, 2024: the envoy left.", ("Wed., Feb. 7, 2024", "DATE", "2024-02-07")),
    ],
)
def test_explicit_dates_need_no_dct(text, expected):
    assert only(text, dct=None) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The envoy left today.", ("today", "DATE", "2024-01-15")),
        ("The envoy left yesterday.", ("yesterday", "DATE", "2024-01-14")),
        ("The envoy leaves tomorrow.", ("tomorrow", "DATE", "2024-01-16")),
        ("The vote is tonight.", ("tonight", "TIME", "2024-01-15TNI")),
        ("Shelling resumed last night.", ("last night", "TIME", "2024-01-14TNI")),
        ("They met this morning.", ("this morning", "TIME", "2024-01-15TMO")),
        ("Talks continue this week.", ("this week", "DATE", "2024-W03")),
        ("Talks collapsed last week.", ("last week", "DATE", "2024-W02")),
        ("Talks resume next week.", ("next week", "DATE", "2024-W04")),
        ("Prices rose this month.", ("this month", "DATE", "2024-01")),
        ("Prices rose last month.", ("last month", "DATE", "2023-12")),
        ("Prices fell earlier this month.", ("earlier this month", "DATE", "2024-01")),
        ("Growth slowed this year.", ("this year", "DATE", "2024")),
        ("Growth slowed last year.", ("last year", "DATE", "2023")),
        ("Growth may recover next year.", ("next year", "DATE", "2025")),
        ("The rebels have held the town since last year.", ("last year", "DATE", "2023")),
        ("The port reopened three days ago.", ("three days ago", "DATE", "2024-01-12")),
        ("The port reopened two weeks ago.", ("two weeks ago", "DATE", "2024-W01")),
        ("The port reopened a year ago.", ("a year ago", "DATE", "2023")),
        ("A drought is forecast this summer.", ("this summer", "DATE", "2024-SU")),
        ("The ceasefire broke down last spring.", ("last spring", "DATE", "2023-SP")),
        ("Results are due in the fourth quarter of 2023.", ("the fourth quarter of 2023", "DATE", "2023-Q4")),
        ("The election is planned for June next year.", ("June next year", "DATE", "2025-06")),
        ("Firing was heard at 9:30 p.m.", ("9:30 p.m.", "TIME", "2024-01-15T21:30")),
    ],
)
def test_relative_expressions_against_the_dct(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The siege lasted three days.", ("three days", "DURATION", "P3D")),
        ("He served two years in prison.", ("two years", "DURATION", "P2Y")),
        ("The curfew held for 48 hours.", ("48 hours", "DURATION", "PT48H")),
        ("A twenty-four hour strike began.", ("twenty-four hour", "DURATION", "PT24H")),
        ("It signed a five-year deal.", ("five-year", "DURATION", "P5Y")),
        ("The market hit a six month low.", ("six month", "DURATION", "P6M")),  # not "a six"
        ("Fighting went on for several weeks.", ("several weeks", "DURATION", "PXW")),
        ("Unrest spread over the past two months.", ("the past two months", "DURATION", "P2M")),
        ("The clan ruled the valley for centuries.", ("centuries", "DURATION", "PXCE")),
        ("Inspectors visit every week.", ("every week", "SET", "P1W")),
        ("Polls are held every four years.", ("every four years", "SET", "P4Y")),
        ("The council meets every Tuesday.", ("every Tuesday", "SET", "XXXX-WXX-2")),
    ],
)
def test_durations_and_sets(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize(
    "text, direction, value",
    [
        ("The minister flew home on Saturday.", "past", "2024-01-13"),
        ("The minister flies home on Saturday.", "future", "2024-01-20"),
        ("The minister spoke Monday.", "past", "2024-01-15"),  # the DCT itself: "said Monday"
        ("The minister speaks Monday.", "present", "2024-01-15"),
        ("The minister will speak Monday.", "future", "2024-01-15"),
        ("The minister resigned last Friday.", "none", "2024-01-12"),
        ("The minister resigns next Tuesday.", "none", "2024-01-16"),  # the first one after the DCT
        ("The army attacked Sunday night.", "past", "2024-01-14"),  # a night is dated by the day it begins
        ("The army attacked Sunday morning.", "past", "2024-01-14TMO"),
    ],
)
def test_weekdays_take_their_direction(text, direction, value):
    assert only(text, direction=direction)[2] == value


@pytest.mark.parametrize(
    "text, dct, direction, value",
    [
        ("In September, the rebels regrouped.", MONDAY, "past", "2023-09"),
        ("In September, the rebels will regroup.", MONDAY, "future", "2024-09"),
        ("In January, the rebels regrouped.", MONDAY, "past", "2024-01"),
        ("In November, the parliament sits.", MONDAY, "none", "2023-11"),  # nearest
        ("In April, the parliament sits.", MONDAY, "none", "2024-04"),
        ("In August, the army withdrew.", MIDYEAR, "past", "2022-08"),
        ("In August, the army withdraws.", MIDYEAR, "future", "2023-08"),
        ("Last March the army withdrew.", MIDYEAR, "none", "2023-03"),
        ("Next March the army withdraws.", MIDYEAR, "none", "2024-03"),
        ("The talks ended in the spring.", MIDYEAR, "past", "2023-SP"),
        ("The talks resume in the autumn.", MIDYEAR, "future", "2023-FA"),
    ],
)
def test_months_and_seasons_take_their_direction(text, dct, direction, value):
    assert only(text, dct=dct, direction=direction)[2] == value


def test_a_day_date_near_the_dct_beats_tense():
    # "declared a dividend payable Feb. 2": the reporting verb is past, the date is ahead
    assert only("The bank declared a dividend payable Feb. 2.", direction="past")[2] == "2024-02-02"
    found = find_times("The bank said profits fell in the year ended Sept. 30.", MONDAY, "past")
    assert [(t.text, t.value) for t in found] == [("the year", "P1Y"), ("Sept. 30", "2023-09-30")]


@pytest.mark.parametrize(
    "text, value",
    [
        ("The envoy arrived on Sunday.", "XXXX-WXX-7"),
        ("In July the envoy arrived.", "XXXX-07"),
        ("The vote is on Dec. 12.", "XXXX-12-12"),
        ("The envoy arrived yesterday.", None),
        ("The envoy arrived last week.", None),
        ("The crisis began two years ago.", None),
    ],
)
def test_unknown_dct_never_guesses_today(text, value):
    assert only(text, dct=None, direction="past")[2] == value


def test_unknown_dct_keeps_stated_direction():
    (last_year,) = find_times("Exports fell last year.", None)
    (tomorrow,) = find_times("The vote is tomorrow.", None)
    assert (last_year.direction, tomorrow.direction) == ("past", "future")


@pytest.mark.parametrize(
    "text",
    [
        "Officials said talks may resume.",
        "Officials May resume talks, he said.",  # sentence-initial modal casing
        "About 2,000 troops crossed the border.",
        "Some 1500 soldiers were deployed.",
        "It deployed 2000 troops.",
        "The fall of the regime surprised many.",
        "Prices may spring back.",
        "The fighter, 52 years old, was detained.",
        "Rebels hold three-quarters of the province.",
    ],
)
def test_false_positives_are_avoided(text):
    assert find_times(text, MONDAY) == []


def test_may_is_a_month_in_date_contexts():
    values = [t.value for t in find_times("It began in May and ended May 9, 2023.", MONDAY, "past")]
    assert values == ["2023-05", "2023-05-09"]


def test_longest_match_wins_and_order_is_kept():
    found = find_times("On Monday, January 8, 2024 and in mid-2023 troops moved.", MONDAY)
    assert [(t.text, t.value) for t in found] == [("Monday, January 8, 2024", "2024-01-08"), ("mid-2023", "2023")]


def test_offsets_point_into_the_text():
    text = "Talks collapsed last week; a new round starts on Thursday."
    for timex in find_times(text, MONDAY, "future"):
        assert text[timex.start : timex.end] == timex.text


def test_direction_can_be_given_per_candidate():
    text = "He left on Friday and returns on Friday."
    found = find_times(text, MONDAY, lambda c: "past" if c.start < 20 else "future")
    assert [t.value for t in found] == ["2024-01-12", "2024-01-19"]


def test_candidates_say_when_tense_matters():
    needs = {c.text: c.needs_direction for c in find_candidates("last Friday, Friday, July, July 2023, 2023")}
    assert needs == {"last Friday": False, "Friday": True, "July": True, "July 2023": False, "2023": False}


def test_interval_and_relation():
    assert interval("2024-W03") == (interval("2024-01-15")[0], interval("2024-01-21")[0])
    assert interval("2023-Q4")[1].isoformat() == "2023-12-31"
    assert interval("199")[0].year == 1990
    assert relation("2023-12", interval(MONDAY)[0]) == "past"
    assert relation("2024-01", interval(MONDAY)[0]) == "present"
    assert relation("XXXX-07", None, "future") == "future"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Prices fell a year earlier.", ("a year earlier", "DATE", "2023")),
        ("Sales beat the year-earlier figure.", ("year-earlier", "DATE", "2023")),
        ("Profit doubled from the year-ago quarter.", ("the year-ago quarter", "DATE", "2022-Q4")),
        ("Losses narrowed in the latest quarter.", ("the latest quarter", "DATE", "2023-Q4")),
        ("Sales in fiscal 2023 rose.", ("fiscal 2023", "DATE", "2023")),
        ("Sales will rise in the current fiscal year.", ("the current fiscal year", "DATE", "2024")),
        ("It was founded in nineteen ninety-six.", ("nineteen ninety-six", "DATE", "1996")),
        ("Prices rose in January nineteen ninety-seven.", ("January nineteen ninety-seven", "DATE", "1997-01")),
        ("The idea belongs to the 20th century.", ("the 20th century", "DATE", "19")),
        ("The plan saves $2 million a year.", ("a year", "SET", "P1Y")),
        ("A festival is held each July.", ("each July", "SET", "XXXX-07")),
        ("Talks should end by the end of the year.", ("the end of the year", "DATE", "2024")),
        ("Talks should resume soon.", ("soon", "DATE", "FUTURE_REF")),
        ("It took a couple of years.", ("a couple of years", "DURATION", "P2Y")),
        ("Trading was halted for eight trading days.", ("eight trading days", "DURATION", "P8D")),
    ],
)
def test_news_and_financial_conventions(text, expected):
    assert only(text) == expected


def test_year_numbers_are_not_counts_and_as_soon_as_is_not_a_time():
    assert [t.text for t in find_times("Compare the 1988 second quarter.", MONDAY)] == ["the 1988 second quarter"]
    assert find_times("They left as soon as they could.", MONDAY) == []
    assert find_times("He won in a year.", MONDAY)[0].type == "DURATION"  # "in a year" is no rate


# --- holidays, frequencies, ages, clock times, ranges ------------------------------------------


@pytest.mark.parametrize(
    "text, dct, direction, value",
    [
        ("The boy was found on Thanksgiving Day.", "2000-01-07", "past", "1999-11-25"),
        ("The vote falls on Election Day.", "1998-10-26", "future", "1998-11-03"),
        ("Pilgrims gathered at Easter 2000.", None, "none", "2000-04-23"),
        ("The ceasefire held over Christmas.", "2024-01-15", "past", "2023-12-25"),
        ("Talks resume after Memorial Day.", "2024-01-15", "future", "2024-05-27"),
    ],
)
def test_holidays_take_their_year_from_the_tense(text, dct, direction, value):
    assert only(text, dct, direction)[1:] == ("DATE", value)


def test_a_lower_case_holiday_word_is_no_holiday():
    assert find_times("They gave thanks and ate easter eggs.", MONDAY) == []


def test_ages_are_not_durations():
    assert find_times("A 6-year-old boy and a six-year-old girl met the 50-year-old envoy.", MONDAY) == []


def test_decades_and_centuries_are_counted_in_years():
    assert only("Violence grew over the past decade.")[1:] == ("DURATION", "P10Y")
    assert only("The dynasty lasted two centuries.")[1:] == ("DURATION", "P200Y")
    assert only("The treaty was signed two decades ago.")[1:] == ("DATE", "2004")


def test_the_past_year_without_a_count_is_the_year_before():
    assert only("Hate groups grew over the past year.")[1:] == ("DATE", "2023")
    assert only("Hate groups grew over the past three years.")[1:] == ("DURATION", "P3Y")


def test_a_clock_time_keeps_its_zone_and_date():
    assert only("The offer runs until 5 p.m. EST, Nov. 6.", "1989-10-30", "future") == (
        "5 p.m. EST, Nov. 6", "TIME", "1989-11-06T17:00")


def test_a_bare_clock_time_falls_on_the_last_day_named():
    found = find_times("The doctor was shot on Oct. 23, 1998. Police arrived at 10 p.m.", "1999-04-19", "past")
    assert [t.value for t in found] == ["1998-10-23", "1998-10-23T22:00"]


def test_the_end_of_a_range_is_read_forward_from_its_start():
    # said on a Wednesday: the talks run from the coming Monday to the Wednesday after it
    found = find_times("Talks run from Monday through Wednesday.", "2024-03-06", "future")
    assert [t.value for t in found] == ["2024-03-11", "2024-03-13"]


def test_the_year_ended_is_a_period_and_the_full_year_the_current_one():
    found = find_times("Sales for the full year rose; in the fiscal year profit fell.", "1989-11-02")
    assert [(t.text, t.type, t.value) for t in found] == [
        ("the full year", "DATE", "1989"), ("the fiscal year", "DURATION", "P1Y")]


def test_a_quarter_not_over_does_not_anchor_the_latest_quarter():
    text = "It expects a fourth-quarter charge. Profit fell in the latest quarter."
    assert [t.value for t in find_times(text, "1989-11-02", "past")] == ["1989-Q4", "1989-Q3"]


def test_the_weekend_is_the_last_one_unless_the_clause_looks_ahead():
    assert only("Protesters marched over the weekend.", "1990-08-13", "past")[2] == "1990-W32-WE"
    assert only("Protesters will march over the weekend.", "1990-08-13", "future")[2] == "1990-W33-WE"


def test_a_longer_reporting_period_ends_the_quarters_talk():
    text = ("Profit rose in the third quarter from a year ago. In the nine months, net rose from $3 a year "
            "earlier. The year-ago results were restated.")
    assert [t.value for t in find_times(text, "1989-11-02", "past")] == ["1989-Q3", "1988-Q3", "P9M", "1988", "1988"]


@pytest.mark.parametrize(
    "text", ["for the same period last year", "for the quarter a year ago", "in last year's quarter"])
def test_the_year_ago_quarter_in_so_many_words(text):
    found = find_times("Net fell in the third quarter. Sales rose " + text + ".", "1989-11-02", "past")
    assert (found[-1].text, found[-1].value) == (text.split(" ", 1)[1], "1988-Q3")


def test_anaphors_take_the_last_date_named():
    found = find_times("He fled in June 1998 and returned later that year. In March, X. The following month, Y.",
                       "2000-01-28", "past")
    assert [(t.text, t.value) for t in found] == [
        ("June 1998", "1998-06"), ("later that year", "1998"), ("March", "1999-03"), ("The following month", "1999-04")]
    assert find_times("That year he left.", "2000-01-28") == []  # nothing named: no guess
    assert only("The previous day was calm.", "2000-01-28")[2] == "2000-01-27"  # counted from the DCT


def test_spoken_decades_and_paired_days():
    assert only("Numbers fell through the nineties.") == ("the nineties", "DATE", "199")
    found = find_times("The summit is on April 24 and 25.", "1999-02-10", "future")
    assert [(t.text, t.value) for t in found] == [("April 24", "1999-04-24"), ("25", "1999-04-25")]


def test_ordinals_and_years_before_a_unit_are_not_times():
    assert find_times("It will be a second betrayal.", MONDAY) == []
    found = find_times("Shootings date to 1994. In January, a week after the ruling, he left.", MONDAY, "past")
    assert ("a week", "DURATION") in [(t.text, t.type) for t in found]  # not "a week" as a rate
