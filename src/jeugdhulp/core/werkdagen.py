"""Dutch working days for iJw deadlines: Monday to Friday, except the holidays of the Algemene termijnenwet.

Art. 3 Algemene termijnenwet: Nieuwjaarsdag, tweede Paas- en Pinksterdag, beide Kerstdagen, Hemelvaartsdag,
Koningsdag and 5 mei (every year). The dates come from the ``holidays`` package (country NL, which also moves
Koningsdag to the 26th when the 27th is a Sunday); its Goede Vrijdag is not a holiday under that law and is
dropped, and 5 mei is added in every year (the package has it only in lustrum years). Pure functions, no Django.

A deadline "within N werkdagen after day D" is ``plus_werkdagen(D, N)``: the clock
starts on the next working day, so a message received on a Saturday is due N working days from Monday.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _feestdagen(jaar: int) -> frozenset[dt.date]:
    nl = holidays.country_holidays("NL", years=jaar, language="en_US")
    goede_vrijdag = {dag for dag, naam in nl.items() if naam == "Good Friday"}
    return frozenset((set(nl) - goede_vrijdag) | {dt.date(jaar, 5, 5)})


def is_feestdag(dag: dt.date) -> bool:
    return dag in _feestdagen(dag.year)


def is_werkdag(dag: dt.date) -> bool:
    return dag.weekday() < 5 and not is_feestdag(dag)


def plus_werkdagen(dag: dt.date, aantal: int) -> dt.date:
    """The date ``aantal`` working days after ``dag`` (``dag`` itself does not count). ``aantal`` ≥ 0."""
    if aantal < 0:
        raise ValueError("aantal moet 0 of meer zijn")
    while aantal:
        dag += dt.timedelta(days=1)
        if is_werkdag(dag):
            aantal -= 1
    return dag


@lru_cache(maxsize=64)
def _geteld(jaar: int) -> tuple[int, ...]:
    """Per day of ``jaar`` (index: day of the year − 1), the working days from 1 January up to and including it."""
    begin, n, uit = dt.date(jaar, 1, 1), 0, []
    for i in range((dt.date(jaar + 1, 1, 1) - begin).days):
        n += is_werkdag(begin + dt.timedelta(days=i))
        uit.append(n)
    return tuple(uit)


def _tot_en_met(dag: dt.date) -> int:
    return _geteld(dag.year)[dag.timetuple().tm_yday - 1]


def werkdagen_tussen(begin: dt.date, eind: dt.date) -> int:
    """Working days after ``begin`` up to and including ``eind`` (0 when ``eind`` ≤ ``begin``).

    From per-year running counts, so the dashboards can take it for tens of thousands of rows per request."""
    if eind <= begin:
        return 0
    if eind.year == begin.year:
        return _tot_en_met(eind) - _tot_en_met(begin)
    n = _geteld(begin.year)[-1] - _tot_en_met(begin)
    for jaar in range(begin.year + 1, eind.year):
        n += _geteld(jaar)[-1]
    return n + _tot_en_met(eind)
