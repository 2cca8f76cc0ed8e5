"""18-/18+: the age triggers of the toekomstplan, as pure date functions (no Django).

* 16: the toekomstplan is due (with the jeugdige, about life after 18);
* 17½: the transition check: what continues after 18 (Wmo, Zvw, Wlz, or verlengde jeugdhulp)?
* 18: the deadline: jeugdhulp ends unless it is extended (Jeugdwet 1.1, 'jeugdige' up to 23 with verlengde jeugdhulp);
* 21: pleegzorg and gezinshuis continue by default up to 21 (pleegzorg-tot-21 norm);
* 23: the hard end of verlengde jeugdhulp.

A birthday that does not exist in the target month (born 29 February, or 31 August + 6 months) falls on the first day
of the next month: only then is the full period over. This matches ``Jeugdige.leeftijd()``, which makes someone born on
29 February 18 on 1 March in a non-leap year. The rule is a choice for the gemeente's jurist to confirm.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

PLAN_JAREN = 16
CHECK_JAREN, CHECK_MAANDEN = 17, 6
MEERDERJARIG = 18
VERBLIJF_TOT = 21  # pleegzorg and gezinshuis
VERLENGD_TOT = 23


def op_leeftijd(geboren: dt.date, jaren: int, maanden: int = 0) -> dt.date:
    """The day someone born on ``geboren`` reaches ``jaren`` years and ``maanden`` months."""
    maand_index = geboren.month - 1 + maanden
    jaar = geboren.year + jaren + maand_index // 12
    maand = maand_index % 12 + 1
    laatste = calendar.monthrange(jaar, maand)[1]
    if geboren.day > laatste:
        return dt.date(jaar, maand, laatste) + dt.timedelta(days=1)
    return dt.date(jaar, maand, geboren.day)


@dataclass(frozen=True)
class Mijlpalen:
    plan_uiterlijk: dt.date
    overgangscheck_op: dt.date
    achttien_op: dt.date
    verblijf_tot: dt.date | None
    verlengd_uiterlijk: dt.date


def mijlpalen(geboren: dt.date, *, pleegzorg_of_gezinshuis: bool = False) -> Mijlpalen:
    return Mijlpalen(
        plan_uiterlijk=op_leeftijd(geboren, PLAN_JAREN),
        overgangscheck_op=op_leeftijd(geboren, CHECK_JAREN, CHECK_MAANDEN),
        achttien_op=op_leeftijd(geboren, MEERDERJARIG),
        verblijf_tot=op_leeftijd(geboren, VERBLIJF_TOT) if pleegzorg_of_gezinshuis else None,
        verlengd_uiterlijk=op_leeftijd(geboren, VERLENGD_TOT),
    )
