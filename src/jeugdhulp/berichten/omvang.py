"""How much fits in a period: a toewijzing of 60 etmalen per maand or 200 uur per week cannot be delivered.

One table: the length of each iJw eenheid (WJ756) and each frequentie period (WMO757) in minutes; the most a
period holds is its length divided by the unit's. Units without a length (stuks, euro, traject) and 'in totaal'
have no ceiling here.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

MINUTEN_PER_EENHEID = {"01": 1, "04": 60, "14": 24 * 60, "16": 4 * 60}  # minuut, uur, etmaal, dagdeel (4 uur)
MINUTEN_PER_PERIODE = {"1": 24 * 60, "2": 7 * 24 * 60, "4": 31 * 24 * 60}  # per dag, week, maand (at most 31 days)


def hoogstens(eenheid: str, frequentie: str) -> int | None:
    """The most units one period holds: etmalen per maand 31, per week 7; uren per week 168; None: no ceiling."""
    eenheid_min, periode_min = MINUTEN_PER_EENHEID.get(eenheid), MINUTEN_PER_PERIODE.get(frequentie)
    if eenheid_min is None or periode_min is None:
        return None
    return periode_min // eenheid_min


def fout(volume: int | None, eenheid: str, frequentie: str) -> str | None:
    """The error for a volume the period cannot hold, in words; None when it fits."""
    from jeugdhulp.besluiten import brief

    maximum = hoogstens(eenheid, frequentie)
    if volume is None or maximum is None or volume <= maximum:
        return None
    return _("Dat past niet: hoogstens %(max)s.") % {"max": brief.omvang_in_woorden(maximum, eenheid, frequentie)}
