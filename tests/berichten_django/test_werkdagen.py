"""The working-day calendar for iJw deadlines (Algemene termijnenwet), on boundary days."""

import datetime as dt

import pytest

from jeugdhulp.core.werkdagen import is_werkdag, plus_werkdagen, werkdagen_tussen

D = dt.date


@pytest.mark.parametrize(
    ("dag", "werkdag"),
    [
        (D(2026, 4, 27), False),  # Koningsdag on a Monday
        (D(2025, 4, 26), False),  # Koningsdag moved to Saturday 26th (27th is a Sunday)
        (D(2024, 12, 25), False),  # Kerst
        (D(2024, 12, 26), False),  # Tweede Kerstdag
        (D(2024, 4, 1), False),  # Tweede Paasdag
        (D(2024, 3, 29), True),  # Goede Vrijdag is no holiday under the Algemene termijnenwet
        (D(2024, 5, 9), False),  # Hemelvaart
        (D(2024, 5, 20), False),  # Tweede Pinksterdag
        (D(2026, 5, 5), False),  # Bevrijdingsdag, every year
        (D(2024, 1, 1), False),
        (D(2024, 6, 1), False),  # Saturday
        (D(2024, 6, 3), True),
    ],
)
def test_is_werkdag(dag, werkdag):
    assert is_werkdag(dag) is werkdag


@pytest.mark.parametrize(
    ("start", "n", "verwacht"),
    [
        (D(2024, 6, 3), 3, D(2024, 6, 6)),  # Mon + 3 = Thu
        (D(2024, 6, 6), 3, D(2024, 6, 11)),  # Thu + 3 crosses the weekend
        (D(2024, 6, 1), 3, D(2024, 6, 5)),  # received on a Saturday: the clock starts on Monday
        (D(2026, 4, 24), 1, D(2026, 4, 28)),  # Friday + 1 skips the weekend and Koningsdag
        (D(2024, 12, 23), 3, D(2024, 12, 30)),  # Kerst: Tue 24, (25, 26), Fri 27, Mon 30
        (D(2024, 3, 28), 3, D(2024, 4, 3)),  # Pasen: Fri 29, (Mon 1 April), Tue 2, Wed 3
        (D(2024, 5, 2), 10, D(2024, 5, 17)),  # JW325 (10 werkdagen) skips Hemelvaart, Thu 9 May
        (D(2024, 5, 17), 1, D(2024, 5, 21)),  # Friday + 1 skips Tweede Pinksterdag
        (D(2024, 6, 3), 0, D(2024, 6, 3)),
    ],
)
def test_plus_werkdagen(start, n, verwacht):
    assert plus_werkdagen(start, n) == verwacht
    assert werkdagen_tussen(start, verwacht) == n


def test_negative_is_refused():
    with pytest.raises(ValueError):
        plus_werkdagen(D(2024, 6, 3), -1)


def test_werkdagen_tussen_agrees_with_counting_day_by_day_across_years():
    """The running-count implementation (fast enough for the dashboards) against the definition, over year ends."""
    import random

    rng = random.Random(6)
    for _ in range(3000):
        begin = D(2022, 1, 1) + dt.timedelta(days=rng.randrange(1500))
        eind = begin + dt.timedelta(days=rng.randrange(-10, 800))
        dag, verwacht = begin, 0
        while dag < eind:
            dag += dt.timedelta(days=1)
            verwacht += is_werkdag(dag)
        assert werkdagen_tussen(begin, eind) == verwacht, (begin, eind)
