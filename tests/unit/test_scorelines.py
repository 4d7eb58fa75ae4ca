import wirewatch
from wirewatch.extractors.scorelines import _town, team_spans


def test_lines_of_scores_name_teams():
    text = ("Port Vale 2 Oxford 0\nCHICAGO 65 66 .496 5\nSAN DIEGO 75 60 .556 -\n"
            "Birmingham v Barnsley\nCLEVELAND AT TEXAS\n"
            "The army said 5 people died in 2 towns.\nRussia 3 Ukraine")
    names = [text[a:b] for a, b in team_spans(text)]
    assert names == ["Port Vale", "Oxford", "CHICAGO", "SAN DIEGO", "Birmingham", "Barnsley",
                     "CLEVELAND", "TEXAS"]


def test_teams_are_organisations_and_national_sides_places():
    doc = wirewatch.extract("Soccer results on Saturday:\nLivingston 1 Hamilton 0\n"
                                     "Italy 2 Germany 1\n", published="1996-08-24")
    labels = {doc.article.text[e.start:e.end]: e.label for e in doc.entities}
    assert labels["Livingston"] == labels["Hamilton"] == "ORG"
    assert labels["Italy"] == labels["Germany"] == "GPE"


def test_only_a_place_name_becomes_a_team():
    assert _town("Livingston") and _town("CHICAGO")
    assert not _town("Ernie Els") and not _town("Italy")
