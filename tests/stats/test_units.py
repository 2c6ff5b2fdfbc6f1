import pytest

from actionagenda.stats import units


@pytest.mark.parametrize(("one", "other"), [
    ("people", "People "), ("people", "Number of people"), ("laboratories", "Laboratory"),
    ("analysts", "analyst"), ("Diálogos.", "dialogos"), ("personnes", "Nombre de personnes"),
    ("hectares", "(hectares)"), ("farmers trained", "Farmers  trained"), ("número de personas", "Personas"),
])
def test_spellings_of_one_unit_agree(one, other):
    assert units.key(one) == units.key(other)


@pytest.mark.parametrize(("one", "other"), [
    ("people", "persons"), ("people", "personnes"), ("agricultores", "agricultor"), ("ha", "hectares"),
    ("analysts", "analystes"), ("records", "recordings"),
])
def test_synonyms_translations_and_other_plurals_stay_apart(one, other):
    assert units.key(one) != units.key(other)


def test_words_ending_in_ss_us_or_is_keep_their_s():
    assert [units.key(word) for word in ("glass", "census", "analysis", "gas")] == [
        "glass", "census", "analysis", "gas"]


@pytest.mark.parametrize("unit", ["%", "percent", "Per cent", "pourcentage", "porcentaje", "% of shipments",
                                  "share of farms", "taux", "score", "average age", ""])
def test_percentages_shares_and_no_unit_are_never_added_up(unit):
    assert not units.summable(units.key(unit))


@pytest.mark.parametrize("unit", ["people", "hectares", "laboratories accredited", "tonnes", "rations"])
def test_amounts_are_added_up(unit):
    assert units.summable(units.key(unit))


def test_a_group_is_shown_under_its_most_frequent_spelling():
    from collections import Counter

    assert units.labels({"people": Counter({"People": 1, "people": 3})}) == {"people": "people"}
    assert units.labels({"laboratory": Counter({"laboratories": 1, "Laboratory": 1})}) == {
        "laboratory": "Laboratory"}
