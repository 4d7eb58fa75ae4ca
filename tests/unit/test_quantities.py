import pytest

import wirewatch


def quantities(text):
    doc = wirewatch.extract(text, published="2024-10-30")
    return [(q.text, q.value, q.bound, q.unit, q.kind) for q in doc.quantities]


def test_sample_quantities(sample_doc):
    found = {q.text: q for q in sample_doc.quantities}
    troops = found["at least 11,000"]
    assert (troops.value, troops.bound, troops.unit, troops.kind) == (11000, "min", "troops",
                                                                      "count")
    calibre = found["155-millimeter"]
    assert (calibre.value, calibre.unit, calibre.kind) == (155, "mm", "measure")
    assert not any(q.kind == "count" and q.value == 155 for q in sample_doc.quantities)


@pytest.mark.parametrize(("text", "expected"), [
    ("About 1,500 people fled.", [("About 1,500", 1500, "approx", "people", "count")]),
    ("Some 100,000 people fled.", [("Some 100,000", 100000, "approx", "people", "count")]),
    ("The army lost 1,250,000 shells.", [("1,250,000", 1250000, "exact", "shells", "count")]),
    ("Nearly 3.5 million people voted.",
     [("Nearly 3.5 million", 3.5e6, "approx", "people", "count")]),
    ("It costs $1.7 billion.", [("$1.7 billion", 1.7e9, "exact", "USD", "count")]),
    ("Tens of thousands of troops massed.",
     [("Tens of thousands", 10000, "approx", "troops", "count")]),
    ("Hundreds of drones flew.", [("Hundreds", 100, "approx", "drones", "count")]),
    ("Up to 5,000 shells were sent.", [("Up to 5,000", 5000, "max", "shells", "count")]),
    ("Fewer than 20 hostages remain.", [("Fewer than 20", 20, "max", "hostages", "count")]),
    ("Seventeen soldiers died.", [("Seventeen", 17, "exact", "soldiers", "count")]),
    ("Two thousand five hundred troops massed.",
     [("Two thousand five hundred", 2500, "exact", "troops", "count")]),
    ("The army sent one hundred twenty thousand troops.",
     [("one hundred twenty thousand", 120000, "exact", "troops", "count")]),
    ("About 300 Russian special forces crossed.",
     [("About 300", 300, "approx", "forces", "count")]),  # the noun after its adjectives
    ("Hundreds of Russian special forces crossed.",
     [("Hundreds", 100, "approx", "forces", "count")]),
    ("In Kyiv, 300 soldiers marched.", [("300", 300, "exact", "soldiers", "count")]),
    ("The army lost 300, officials said.", [("300", 300, "exact", None, "count")]),
    ("The war ended. 300 soldiers died.", [("300", 300, "exact", "soldiers", "count")]),
    ("A 40-year-old man and 3 children died.", [("3", 3, "exact", "children", "count")]),
    ("In 2019, 300 soldiers crossed.", [("300", 300, "exact", "soldiers", "count")]),
    ("The army sent 30 old tanks.", [("30", 30, "exact", "tanks", "count")]),  # not an age
    ("300 passengers boarded the flight", [("300", 300, "exact", "passengers", "count")]),
    ("Prices rose 12 per cent in a year.", [("12", 12, "exact", "percent", "measure")]),
    ("Exports saw a 10%-rise in May.", [("10%", 10, "exact", "percent", "measure")]),
    ("Prices rose 12% in a day.", [("12%", 12, "exact", "percent", "measure")]),
    ("A convoy 40 km long.", [("40", 40, "exact", "km", "measure")]),
])
def test_numbers_with_bounds_and_units(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize("text", [
    "Kim, 52, said the talks failed.",
    "A 19-year-old soldier was hurt.",
    "F-16 jets landed at 10:35 a.m. on Oct. 30, 2024.",
    "It was the first time in 2023.",
    "One of them said no.",
    "Flight 370 vanished.",
    "Route 66 reopened.",
    "The jet took off from runway number 2.",
    "A 6-month-old baby died.",
    "The soldier, 52 years old, was hurt.",
    "He is the No. 2 official.",  # a rank, though the model splits "No." from its dot
    "The No. 3 seed won.",
])
def test_dates_times_ages_ordinals_and_names_are_not_quantities(text):
    assert quantities(text) == []


@pytest.mark.parametrize("text", ["Officials counted 300 of", "Officials counted 300 Russian"])
def test_a_text_cut_after_a_number_keeps_the_number(text):
    assert quantities(text) == [("300", 300, "exact", None, "count")]
