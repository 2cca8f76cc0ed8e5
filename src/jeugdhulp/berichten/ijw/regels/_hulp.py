"""Small helpers shared by rule modules: calendar months, periods and product overlap."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

OPEN_EINDE = date.max


def laatste_dag(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def is_kalendermaand(begin: date, eind: date) -> bool:
    return begin.day == 1 and eind == laatste_dag(begin)


def overlapt(a_begin: date, a_eind: date | None, b_begin: date, b_eind: date | None) -> bool:
    return a_begin <= (b_eind or OPEN_EINDE) and b_begin <= (a_eind or OPEN_EINDE)


def zelfde_product(a: Any, b: Any) -> bool:
    """TR302/TR386/TR410: compare by code, else by categorie; no categorie at all overlaps with everything."""
    if a is None or b is None:
        return True
    if a.code and b.code:
        return a.code == b.code and a.categorie == b.categorie
    return a.categorie == b.categorie


def paren(items: Iterable[Any]) -> Iterator[tuple[Any, Any]]:
    lijst = list(items)
    for i, a in enumerate(lijst):
        for b in lijst[i + 1 :]:
            yield a, b


def clienten(bericht: Any) -> list[Any]:
    """The Client objects of a message (one for most messages, many in JW323/JW325)."""
    if hasattr(bericht, "client"):
        return [bericht.client] if bericht.client is not None else []
    for deel in ("declaratie", "declaratie_antwoord"):
        if (d := getattr(bericht, deel, None)) is not None:
            return list(d.clienten)
    return []
