"""The agreement figures on hand-computed examples (no database)."""

import pytest

from intervisie.agreement import fleiss_kappa, kappa_label, pairwise_agreement, pairwise_label, percent


def test_all_agree_is_100_percent():
    assert pairwise_agreement(["boete"] * 5) == 1.0
    assert percent(pairwise_agreement(["boete"] * 5)) == "100%"
    assert pairwise_label(1.0) == "grote overeenstemming"


def test_all_differ_is_0_percent():
    assert pairwise_agreement(["boete", "waarschuwing", "maatregel", "geen sanctie", "aangifte"]) == 0.0
    assert pairwise_label(0.0) == "sterk uiteenlopend"


def test_three_against_two_is_4_of_10_pairs():
    # Pairs: C(5,2) = 10. Agreeing: C(3,2) = 3 among the three, C(2,2) = 1 among the two -> 4/10.
    assert pairwise_agreement(["waarschuwing"] * 3 + ["boete"] * 2) == pytest.approx(0.4)
    assert pairwise_label(0.4) == "verdeeld"


def test_counts_mapping_gives_the_same_result():
    assert pairwise_agreement({"waarschuwing": 3, "boete": 2}) == pytest.approx(0.4)
    # 4 + 1 + 1 of six people: pairs 15, agreeing C(4,2) = 6 -> 0.4
    assert pairwise_agreement({"a": 4, "b": 1, "c": 1}) == pytest.approx(6 / 15)


def test_fewer_than_two_answers_has_no_figure():
    assert pairwise_agreement([]) is None
    assert pairwise_agreement(["boete"]) is None
    assert percent(None) == "–"
    assert pairwise_label(None) == "te weinig antwoorden"


def test_fleiss_kappa_reference_example():
    # The worked example of Fleiss (1971) as reproduced on Wikipedia: 10 subjects, 14 raters, kappa 0.210.
    table = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ]
    subjects = [{str(j): n for j, n in enumerate(row) if n} for row in table]
    assert fleiss_kappa(subjects) == pytest.approx(0.2099, abs=5e-4)
    assert kappa_label(0.2099) == "geringe overeenstemming"


def test_fleiss_kappa_small_hand_example():
    # Session 1: A A B B -> P1 = 4/12; session 2: A A A A -> P2 = 1; mean 2/3.
    # Overall p_A = 6/8, p_B = 2/8 -> P_e = 0.625; kappa = (2/3 - 0.625) / 0.375 = 1/9.
    assert fleiss_kappa([{"A": 2, "B": 2}, {"A": 4}]) == pytest.approx(1 / 9)


def test_fleiss_kappa_perfect_within_sessions_is_1():
    assert fleiss_kappa([{"A": 3}, {"B": 3}]) == pytest.approx(1.0)
    assert kappa_label(1.0) == "(bijna) volledige overeenstemming"


def test_fleiss_kappa_all_differ_is_below_chance():
    # Each session: every rater a different category -> P_i = 0; P_e = 3 * (1/3)^2 = 1/3 -> kappa = -0.5
    assert fleiss_kappa([{"A": 1, "B": 1, "C": 1}, {"A": 1, "B": 1, "C": 1}]) == pytest.approx(-0.5)
    assert kappa_label(-0.5) == "minder overeenstemming dan toeval"


def test_fleiss_kappa_undefined_cases():
    assert fleiss_kappa([{"A": 4}]) is None  # one subject
    assert fleiss_kappa([{"A": 4}, {"A": 3}]) is None  # everyone always the same: chance agreement is 1
    assert fleiss_kappa([{"A": 1}, {"B": 1}]) is None  # subjects with one rater are left out
    assert kappa_label(None) == "niet te berekenen"
