from datetime import date

import pytest

import wirewatch
from wirewatch.extractors.times import normalize_expression

ANCHOR = date(2024, 10, 30)  # a Wednesday


def times(doc):
    return {t.text: (t.value, t.kind) for t in doc.times}


def test_sample_story_times(sample_doc):
    found = times(sample_doc)
    assert found["Wednesday"] == ("2024-10-30", "date")
    assert found["Tuesday"] == ("2024-10-29", "date")
    assert found["this week"] == ("2024-W44", "week")
    assert found["Last week"] == ("2024-W43", "week")
    assert found["a day or two"] == ("P2D", "duration")
    anchors = {t.anchor for t in sample_doc.times if t.text in ("Wednesday", "Last week")}
    assert anchors == {"2024-10-30"}


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("earlier this month", "2024-10", "month"),
    ("next month", "2024-11", "month"),
    ("last year", "2023", "year"),
    ("a year ago", "2023", "year"),
    ("three days ago", "2024-10-27", "date"),
    ("yesterday", "2024-10-29", "date"),
    ("Tuesday night", "2024-10-29TNI", "time"),
    ("March 5", "2024-03-05", "date"),
    ("mid-October", "2024-10", "month"),
    ("Oct. 30, 2024", "2024-10-30", "date"),
    ("July 1997", "1997-07", "month"),
    ("the third quarter", "2024-Q3", "date"),
    ("the past two months", "P2M", "duration"),
    ("five hours", "PT5H", "duration"),
    ("every Tuesday", "XXXX-WXX-2", "set"),
    ("daily", "P1D", "set"),
    ("the 1990s", "199X", "date"),
    ("now", "PRESENT_REF", "date"),
    ("Monday, Nov. 4", "2024-11-04", "date"),
    ("Friday, Oct. 23, 1998", "1998-10-23", "date"),
    ("the 1988 second quarter", "1988-Q2", "date"),
    ("twenty four days", "P24D", "duration"),  # a number in words, summed
    ("two fortnights", "P4W", "duration"),
    ("three decades", "P30Y", "duration"),
    ("several decades", "PXDE", "duration"),  # a vague count keeps its unit
    ("three weekends", "P3WE", "duration"),
    ("three hours ago", "2024-10-30", "date"),  # hours ago: the day itself
    ("a decade ago", "2014", "year"),
    ("a century ago", "19", "date"),
    ("two weekends ago", "2024-W42-WE", "week"),
    ("next Wednesday", "2024-11-06", "date"),  # on a Wednesday: the one after
    ("last Wednesday", "2024-10-23", "date"),
    ("next Thursday", "2024-10-31", "date"),
    ("10/30/98", "1998-10-30", "date"),
    ("10/30/50", "1950-10-30", "date"),  # two-digit years: 50 and later are 19xx
    ("10/30/49", "2049-10-30", "date"),
    ("1,000 days", "P1000D", "duration"),  # one number, not "000 days"
    ("three hundred days", "P300D", "duration"),
    ("two hundred and fifty days", "P250D", "duration"),
    ("a hundred years ago", "1924", "year"),
    ("last quarter", "2024-Q3", "date"),
    ("next quarter", "2025-Q1", "date"),
    ("the past two months or next week", "P2M", "duration"),  # the longest expression
    ("several fortnights", "PXW", "duration"),
])
def test_normalization(text, value, kind):
    hit = normalize_expression(text, ANCHOR)
    assert (hit.value, hit.kind) == (value, kind)


def test_the_last_quarter_is_the_one_before_the_anchors():
    assert normalize_expression("last quarter", date(2024, 6, 15)).value == "2024-Q1"
    assert normalize_expression("last quarter", date(2024, 1, 15)).value == "2023-Q4"


def test_a_modifier_is_kept_apart_from_the_value():
    hit = normalize_expression("mid-October", ANCHOR)
    assert (hit.value, hit.mod) == ("2024-10", "MID")
    assert normalize_expression("October", ANCHOR).mod is None


def test_a_season_is_a_time_only_where_the_words_before_say_so():
    assert [t.text for t in wirewatch.extract("Troops will attack in spring.",
                                              published="2024-10-30").times] == ["spring"]
    assert wirewatch.extract("Spring water is clean.", published="2024-10-30").times == ()


def test_a_year_that_ends_the_text_is_read():
    doc = wirewatch.extract("The war ended in 2019", published="2024-10-30")  # no full stop
    assert [(t.text, t.value) for t in doc.times] == [("2019", "2019")]


def test_a_fortnight_is_two_weeks_back():
    monday = date(2024, 10, 28)
    assert normalize_expression("a fortnight ago", monday).value == "2024-W42"
    assert normalize_expression("two fortnights ago", ANCHOR).value == "2024-W40"


@pytest.mark.parametrize(("text", "value"), [
    ("They wanted to meet on Friday.", "2024-10-25"),  # wanting was in the past
    ("Officials will try to finish the talks on Friday.", "2024-11-01"),
    ("The ministers were to meet on Friday.", "2024-11-01"),  # "were to": then ahead
    ("The company plans to open the plant in March.", "2025-03"),
    ("The company has opened a plant in December.", "2023-12"),  # perfect: the past
    ("The company opened a plant in December.", "2023-12"),
    ("The company will open a plant in December.", "2024-12"),
    ("The talks are on Friday.", "2024-11-01"),  # the present of a "be": scheduled
    ("The vote is scheduled for March.", "2025-03"),
    ("The minister meets his counterpart on Friday.", "2024-11-01"),
    ("The ministers hope to sign the deal on Friday.", "2024-11-01"),  # hoping looks ahead
    ("The plant could be opened in December.", "2024-12"),  # a passive is no perfect
    ("Two days later, the talks began.", "2024-11-01"),  # no earlier day: from publication
])
def test_the_verbs_tense_places_a_bare_day_or_month(text, value):
    doc = wirewatch.extract(text, published="2024-10-30")
    assert [t.value for t in doc.times] == [value]


def test_the_year_after_a_point_preposition_is_this_year():
    found = times(wirewatch.extract(
        "Profits rose earlier in the year.", published="2024-10-30"))
    assert found["the year"] == ("2024", "year")
    by = times(wirewatch.extract("The plant will close by the year end.",
                                          published="2024-10-30"))
    assert by["the year"] == ("2024", "year")
    since = times(wirewatch.extract("Exports have grown since the year began.",
                                    published="2024-10-30"))
    assert since["the year"] == ("2024", "year")
    spell = times(wirewatch.extract("Profits rose for the year.", published="2024-10-30"))
    assert spell["the year"] == ("P1Y", "duration")  # "for the year" is a span of time


def test_earlier_and_quarters_count_from_what_the_text_last_named():
    doc = wirewatch.extract(
        "The envoy arrived on March 10. Three days earlier, talks began.",
        published="2024-03-20")
    assert times(doc)["Three days earlier"][0] == "2024-03-07"
    doc = wirewatch.extract(
        "Profit rose in the second quarter. In the quarter, sales fell.",
        published="1989-10-26")
    assert times(doc)["the quarter"][0] == "1989-Q2"  # not the last quarter before publication
    doc = wirewatch.extract("Profit rose in the second quarter. In the period, sales fell.",
                            published="1989-10-26")
    assert times(doc)["the period"][0] == "1989-Q2"
    doc = wirewatch.extract("The envoy arrived on March 10. Two weeks later, talks began.",
                            published="2024-10-30")
    assert times(doc)["Two weeks later"][0] == "2024-W12"
    doc = wirewatch.extract("Profit rose in the third quarter, up from two years earlier.",
                                     published="1989-10-26")
    assert times(doc)["two years earlier"][0] == "1987"  # only "a year earlier" is a quarter
    doc = wirewatch.extract("Profit rose in the third quarter. For the year, sales fell.",
                            published="1989-10-26")
    assert times(doc)["the year"][0] == "P1Y"  # "the year" is no quarter


def test_a_bare_weekday_looks_back_unless_the_verb_is_future():
    past = wirewatch.extract("Officials met on Friday in Geneva.", published="2024-10-30")
    future = wirewatch.extract("Officials will meet on Friday in Geneva.",
                                        published="2024-10-30")
    assert times(past)["Friday"][0] == "2024-10-25"
    assert times(future)["Friday"][0] == "2024-11-01"


def test_a_year_is_not_a_count_of_units():
    assert normalize_expression("the 1988 quarter", ANCHOR) is None


def test_same_day_weekday_is_the_publication_day():
    assert normalize_expression("Wednesday", ANCHOR).value == "2024-10-30"


def test_without_a_publication_date_relative_times_stay_unresolved():
    doc = wirewatch.extract("The minister said on Tuesday that talks start next week, "
                                     "as agreed in 2023.")
    found = times(doc)
    assert found["Tuesday"][0] is None and found["next week"][0] is None
    assert found["2023"][0] == "2023"
    assert all(t.anchor is None for t in doc.times)


def test_months_without_a_year_follow_tense_and_recency():
    assert normalize_expression("December", date(2024, 2, 10)).value == "2023-12"
    assert normalize_expression("December", date(2024, 2, 10), "future").value == "2024-12"
    assert normalize_expression("April", date(2024, 12, 5)).value == "2025-04"


def test_a_year_ago_in_a_quarterly_report_is_that_quarter():
    doc = wirewatch.extract("Profit rose in the third quarter, up from a year earlier.",
                                     published="1989-10-26")
    found = times(doc)
    assert found["the third quarter"][0] == "1989-Q3"
    assert found["a year earlier"][0] == "1988-Q3"


def test_numbers_are_not_years_without_a_date_context():
    doc = wirewatch.extract("The army sent 2000 troops in 2019.", published="2024-10-30")
    assert [t.text for t in doc.times] == ["2019"]


def test_a_clock_time_joins_the_day_after_it():
    doc = wirewatch.extract("The offer expires at 5 p.m. EST Nov. 9, the company said.",
                                     published="1989-11-02")
    assert times(doc)["5 p.m. EST Nov. 9"] == ("1989-11-09T17:00", "time")


def test_later_and_earlier_count_from_the_day_last_mentioned():
    doc = wirewatch.extract("The envoy arrived on March 3. Two days later, talks began.",
                                     published="2024-03-20")
    assert times(doc)["Two days later"][0] == "2024-03-05"


def test_as_soon_as_looks_forward():
    doc = wirewatch.extract("The group could leave as soon as Tuesday, Castro said.",
                                     published="2000-04-03")
    assert times(doc)["Tuesday"][0] == "2000-04-04"


@pytest.mark.parametrize(("text", "value"), [
    ("The foreign ministers meet Monday in Geneva.", "1998-02-09"),  # scheduled present
    ("Trading is to resume Tuesday in Paris.", "1998-02-10"),
    ("Police say Monday the road was closed.", "1998-02-02"),  # reporting: the past
    ("The company expects losses for the full year.", "1998"),
    ("Computers could fail in the year two thousand.", "2000"),
    ("Sales rose in the year two thousand and one.", "2001"),
])
def test_news_conventions_for_weekdays_and_years(text, value):
    doc = wirewatch.extract(text, published="1998-02-05")
    assert [t.value for t in doc.times] == [value]


def test_unpadded_timeml_weeks_compare_equal():
    from wirewatch.evaluate.times import same_value

    assert same_value("2000-W07", "2000-W7") and same_value("2000-W12", "2000-W12")
    assert not same_value("2000-W06", "2000-W7")


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("a decade", "P10Y", "duration"),  # a lone article counts one
    ("an hour", "PT1H", "duration"),
    ("years", "PXY", "duration"),  # a bare plural is an unspecified count
    ("weeks", "PXW", "duration"),
    ("centuries", "PXCE", "duration"),
    ("an hour and a half", "PT1H30M", "duration"),
    ("a year and a half", "P1Y6M", "duration"),
    ("two hours and 30 minutes", "PT2H30M", "duration"),
    ("2:30 hours", "PT2H30M", "duration"),  # a clock duration
    ("at least 20 more years", "P20Y", "duration"),
    ("two thousand years", "P2000Y", "duration"),
    ("every morning", "XXXX-XX-XXTMO", "set"),
    ("each summer", "XXXX-SU", "set"),
    ("every other day", "P2D", "set"),
    ("twice a week", "P1W", "set"),
    ("annually", "P1Y", "set"),
    ("the 19th century", "18", "date"),
    ("the twenty-first century", "20", "date"),
    ("two centuries ago", "18", "date"),
    ("2,000 years ago", "0024", "year"),  # four digits: not the 25th century
    ("3,000 years ago", "BC0977", "date"),
    ("2,024 years ago", "BC0001", "date"),  # the year 0 is 1 BC
])
def test_durations_sets_and_centuries(text, value, kind):
    hit = normalize_expression(text, ANCHOR)
    assert (hit.value, hit.kind) == (value, kind)


def test_a_modifier_of_a_duration_is_its_timeml_mod():
    assert normalize_expression("nearly an hour", ANCHOR).mod == "LESS_THAN"
    assert normalize_expression("about a decade", ANCHOR).mod == "APPROX"


def test_a_lone_article_before_an_ordinal_unit_is_no_duration():
    assert normalize_expression("a second term", ANCHOR) is None
    assert normalize_expression("a quarter of the vote", ANCHOR) is None


def test_both_ends_of_a_range_are_times():
    doc = wirewatch.extract("He served in 2009-2010 and in 1957-58. Prisoners face between "
                            "12 and 18 months in jail; the talks began two to three weeks ago.",
                            published="2024-10-30")
    assert [(t.text, t.value) for t in doc.times] == [
        ("2009", "2009"), ("2010", "2010"), ("1957", "1957"), ("58", "1958"),
        ("12", "P12M"), ("18 months", "P18M"),
        ("two", "2024-W42"), ("three weeks ago", "2024-W41")]


@pytest.mark.parametrize("text", [
    "The baby is six months old.",
    "The man, 52 years old, was arrested.",
    "Voters must be 18 years of age.",
    "The station is a five-minute walk from the hotel.",
    "The index closed at 1990 points.",
    "The index closed at 1990.",
    "The company raised its quarterly dividend.",
    "The soldiers returned to their quarters.",
    "Iraq imports three-quarters of its food.",
])
def test_ages_measures_and_figures_are_no_times(text):
    assert wirewatch.extract(text, published="2024-10-30").times == ()


def test_a_season_ahead_of_a_future_verb_is_the_next_one():
    found = times(wirewatch.extract("Rebels will attack in spring.", published="2024-10-30"))
    assert found["spring"][0] == "2025-SP"
    found = times(wirewatch.extract("Rebels will attack in spring.", published="2024-03-04"))
    assert found["spring"][0] == "2024-SP"  # this spring has begun, not ended
    found = times(wirewatch.extract("Rebels attacked in summer.", published="2024-03-04"))
    assert found["summer"][0] == "2023-SU"


def test_a_century_before_the_common_era_counts_from_one():
    # the year -200 is 201 BC, in the third century BC; -100 is 101 BC, in the second
    assert normalize_expression("twenty-two centuries ago", date(2000, 6, 1)).value == "BC03"
    assert normalize_expression("twenty-one centuries ago", date(2000, 6, 1)).value == "BC02"


def test_a_bare_year_that_opens_the_text_is_a_year_whatever_word_ends_it():
    # nothing stands before the year: the text's last word ("at") is not the word before it
    doc = wirewatch.extract("2019 is a year the generals still wonder at", published="2024-10-30")
    assert ("2019", "2019") in [(t.text, t.value) for t in doc.times]


def test_times_that_count_from_the_quarter_or_keep_the_publication_date():
    def found(text):
        doc = wirewatch.extract(text, published="2024-10-30")
        return [(t.text, t.value, t.anchor) for t in doc.times]

    assert ("the year", "2024", "2024-10-30") in found("Prices rose earlier in the year.")
    assert ("9 a.m. Tuesday", "2024-11-05T09:00", "2024-10-30") in found(
        "The talks begin at 9 a.m. Tuesday.")  # one time, dated from publication; the
    # scheduled present "begin" before the clock time looks ahead
    assert ("the year-ago quarter", "2023-Q3", "2024-10-30") in found(
        "Sales rose in the third quarter from the year-ago quarter.")
    assert ("a year ago", "2023-Q3", "2024-10-30") in found(
        "Sales fell in the third quarter, down from a year ago.")


def test_a_two_digit_end_of_a_range_may_start_the_next_century():
    doc = wirewatch.extract("He served in 1999-00.", published="2024-10-30")
    assert [(t.text, t.value) for t in doc.times] == [("1999", "1999"), ("00", "2000")]
    assert wirewatch.extract("The army sent 1800-1900 troops.", published="2024-10-30"
                             ).times == ()  # a count of troops, not years


def test_a_day_without_its_year_takes_the_year_the_story_set():
    doc = wirewatch.extract(
        "In March 2019, the plant was closed. On March 5, workers marched to the gates. "
        "Officials said on Tuesday that it would reopen on March 5.", published="2024-10-30")
    found = [(t.text, t.value) for t in doc.times]
    assert ("March 5", "2019-03-05") in found  # the story's year, not 2024
    assert found[-1] == ("March 5", "2025-03-05")  # after "on Tuesday" the story is today's
    # a date that names a thing ("the August 1988 cease-fire") sets no story year
    doc = wirewatch.extract("They rejected the August 1988 cease-fire. Iran condemned the "
                            "invasion on Aug. 2.", published="1990-08-15")
    assert times(doc)["Aug. 2"][0] == "1990-08-02"


def test_the_following_and_the_previous_count_from_the_time_last_named():
    doc = wirewatch.extract("On May 22, 1995, he was made a general, and the following year "
                            "he was sent to Washington.", published="1998-04-18")
    assert times(doc)["the following year"] == ("1996", "year")
    doc = wirewatch.extract("The index closed on Friday at 2082, down from the previous Friday.",
                            published="1989-10-30")
    assert times(doc)["the previous Friday"][0] == "1989-10-20"
    doc = wirewatch.extract("Prices rose in coming weeks.", published="1989-10-30")
    assert times(doc)["coming weeks"] == ("PXW", "duration")


def test_years_said_in_words_and_halves_written_as_fractions():
    assert normalize_expression("nineteen ninety-four", ANCHOR).value == "1994"
    assert normalize_expression("January nineteen ninety-seven", ANCHOR).value == "1997-01"
    assert normalize_expression("the winter of nineteen ninety-four", ANCHOR).value == "1994-WI"
    assert normalize_expression("2 1/2 years", ANCHOR).value == "P2Y6M"
    assert normalize_expression("5 1/2 hours", ANCHOR).value == "PT5H30M"


@pytest.mark.parametrize("text, value", [
    ("The offer had been due to expire Friday evening.", "2024-10-25TEV"),
    ("Until Thursday, they had not called him a suspect.", "2024-10-24"),
    ("The father would be traveling to Paris Thursday.", "2024-10-31"),
    ("He could arrive as early as Friday.", "2024-11-01"),
    ("The deal was signed at 10:35 a.m. (0735 GMT) Monday.", "2024-10-28T10:35"),
    ("They have until 9 a.m. Friday to sign.", "2024-11-01T09:00"),
    ("He was shot to death last Oct. 23 at his home.", "2024-10-23"),  # the day, too
])
def test_tense_and_order_place_a_bare_day(text, value):
    doc = wirewatch.extract(text, published="2024-10-30")
    assert doc.times[0].value == value


def test_the_latest_quarter_is_one_that_has_ended():
    doc = wirewatch.extract("Profit should rise in the fourth quarter. In the latest quarter, "
                            "earnings fell, compared with a profit a year ago.",
                            published="1989-11-02")
    found = times(doc)
    assert found["the latest quarter"][0] == "1989-Q3"
    assert found["a year ago"][0] == "1988-Q3"


def test_case_free_forms_match_where_the_case_folding_patterns_do():
    from wirewatch.extractors.times import _scan, rules

    text = ("ABOUT Five YEARS Ago, the Past Three Months and twice A Week, the year-earlier "
            "quarter; 10 to 12 Years Old, Two Weeks and Three Days, Later This Year, TODAY, "
            "every other Monday, the latest quarter of 2019, 1997-98, nineteen ninety-four.")
    lowered = text.lower()
    fast = [rule for rule in rules() if rule.lowered is not None]
    assert {"duration", "ago", "relative_period", "frequency"} <= {r.name for r in fast}
    for rule in fast:
        expected = [(m.span(), m.groupdict()) for m in rule.pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in _scan(rule, text, lowered, False)] \
            == expected, rule.name


@pytest.mark.parametrize(("pattern", "form"), [
    (r"(?<![\w])(?i:(?P<n>\d+|two)\s+days?)(?![\w-]*(?i:old))",
     r"(?<![\w])(?:(?P<n>\d+|two)\s+days?)(?![\w-]*(?:old))"),
    (r"(?i:week)s", None),  # a letter matched with its case
    (r"(?i:Week)", None),  # an upper-case letter the lower-cased text never holds
    (r"(?i:[A-Z]+)", None),
    (r"(?i:\x41)", None),  # an escape naming a letter
    (r"(?x:a)", None),  # a flag this reading does not know
])
def test_a_case_free_form_is_given_only_where_it_is_exact(pattern, form):
    from wirewatch.extractors.times import case_free_form

    assert case_free_form(pattern) == form
