"""The Awb clocks, in calendar weeks, extended by the Algemene termijnenwet. Pure functions, no Django.

* Beslistermijn aanvraag (Awb 4:13): 8 weeks after receipt. Opschorting (Awb 4:15) adds the days it was
  suspended; verdaging (Awb 4:14) sets a new, announced date.
* Bezwaartermijn (Awb 6:7/6:8): 6 weeks, starting the day after bekendmaking.
* Beslistermijn bezwaar (Awb 7:10): 6 weeks (12 with an advisory committee) from the day after the bezwaartermijn
  ended, plus at most 6 weeks verdaging.
* Algemene termijnenwet art. 1: a term that ends on a Saturday, Sunday or holiday (art. 3) runs on to the next
  day that is none of those. The holidays come from ``jeugdhulp.core.werkdagen``.

"N weeks after day D" ends on D + 7N: the term starts the day after D, so its last day is the same weekday as D.
"""

from __future__ import annotations

import datetime as dt

from jeugdhulp.core.werkdagen import is_werkdag

BESLISTERMIJN_WEKEN = 8  # Awb 4:13 lid 2
BEZWAARTERMIJN_WEKEN = 6  # Awb 6:7
BESLISTERMIJN_BEZWAAR_WEKEN = 6  # Awb 7:10 lid 1
BESLISTERMIJN_BEZWAAR_COMMISSIE_WEKEN = 12  # Awb 7:10 lid 1, with a committee under 7:13
VERDAGING_BEZWAAR_MAX_WEKEN = 6  # Awb 7:10 lid 3


def atw(dag: dt.date) -> dt.date:
    """Algemene termijnenwet art. 1: a last day on a weekend or holiday moves to the next working day."""
    while not is_werkdag(dag):
        dag += dt.timedelta(days=1)
    return dag


def plus_weken(dag: dt.date, weken: int, extra_dagen: int = 0) -> dt.date:
    return atw(dag + dt.timedelta(weeks=weken, days=extra_dagen))


def beslis_uiterlijk(ontvangen: dt.date, opgeschorte_dagen: int = 0) -> dt.date:
    """Awb 4:13 with 4:15: 8 weeks after receipt, plus every day the term was suspended."""
    return plus_weken(ontvangen, BESLISTERMIJN_WEKEN, opgeschorte_dagen)


def opgeschorte_dagen(van: dt.date, tot: dt.date) -> int:
    """Awb 4:15: suspended from the day after the request for information up to and including the day it arrived."""
    return max((tot - van).days, 0)


def bezwaar_uiterlijk(bekendmaking: dt.date) -> dt.date:
    return plus_weken(bekendmaking, BEZWAARTERMIJN_WEKEN)


def beslis_op_bezwaar_uiterlijk(
    bezwaartermijn_einde: dt.date, ontvangen: dt.date, *, commissie: bool, verdaagd: bool = False
) -> dt.date:
    """Awb 7:10: from the day after the bezwaartermijn ended (or after receipt, for a late bezwaar)."""
    basis = max(bezwaartermijn_einde, ontvangen)
    weken = BESLISTERMIJN_BEZWAAR_COMMISSIE_WEKEN if commissie else BESLISTERMIJN_BEZWAAR_WEKEN
    if verdaagd:
        weken += VERDAGING_BEZWAAR_MAX_WEKEN
    return plus_weken(basis, weken)
