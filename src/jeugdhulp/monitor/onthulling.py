"""Disclosure control for aggregates: policy users never see a cell that points at fewer than 5 persons, and no
hidden cell can be worked out from what is published (ADR 0017).

A table is built with ``Telling`` objects in its count cells: a count that knows the records (persons,
trajectories, toewijzingen, namespaced per measure) it counts. Every additive relation between the cells of a page
(totals, subtotals, hierarchies such as uitstroom = volgens plan + voortijdig, the same total in several tables, a
month in the trend that is also a quarter's figure) follows from those record sets, so nothing has to be declared
per table. ``publiceer`` then decides what to show for all tables of one page, export or report together:

- primary suppression: a count of 1–4 shows "<5" (0 is not sensitive);
- a count that ``volgt`` a count shown as "<5" — the trajectories, in- and outflow of a group of fewer than 5 youths,
  or any cell of a column whose total is "<5" — is hidden with it and shows "x" whatever its value, 0 included (so
  "x" there may be any number; else "<5" parts, each at least 1, could pin each other under a "<5" total). This
  follows on: what follows a hidden follower is hidden too;
- secondary suppression: the LP audit (``onthullingsaudit``) computes the range each hidden cell can take given
  everything published; while a range is narrower than ``BESCHERMING``, one more cell in a relation with it is
  hidden ("x"), the smallest one first; when no shown cell is left, a "<5" that pins it becomes "x" (so a reader
  can read "x" only as "at least 1"). Hiding only ever widens ranges, so a cell once protected stays protected.

Derived figures (averages, medians, shares) are ``Afgeleid``: shown only while every count they rest on is shown.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

DREMPEL = 5
ONDERDRUKT = "<5"  # a count of 1–4 persons
VERBORGEN = "x"  # a count hidden so that no small count can be derived from the others
GEEN = "–"  # a derived figure that cannot be shown (too few persons, or resting on a hidden count)


def is_klein(n: int) -> bool:
    return 0 < n < DREMPEL


class Telling:
    """A published count: the set of records it counts. ``volgt``: the counts it lies inside (its group size, its
    column total), with which it is hidden when they are small. Identity matters, not equality: the same records in
    two places are one cell."""

    __slots__ = ("records", "volgt")

    def __init__(self, records: Iterable, volgt: Telling | tuple | None = None):
        self.records = frozenset(records)
        self.volgt: tuple[Telling, ...] = (volgt,) if isinstance(volgt, Telling) else tuple(volgt or ())

    @property
    def waarde(self) -> int:
        return len(self.records)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Telling({self.waarde})"


@dataclass
class Afgeleid:
    """A figure computed from counts (mean, median, share): shown as ``tekst`` only while all of ``van`` are."""

    waarde: float | None
    tekst: Callable[[float], str]
    van: list[Telling] = field(default_factory=list)


def telling(ns, items: Iterable, volgt: Telling | tuple | None = None) -> Telling:
    """A count of ``items`` (ids) in namespace ``ns``: equal ids in one namespace are the same record."""
    return Telling(((ns, i) for i in items), volgt)


def publiceer(tabellen: list, bescherming: int | None = None) -> dict[Telling, str]:
    """Decide for all ``tabellen`` (``Tabel`` objects of one page/export/report) together and fill in their cells:
    a visible count becomes its int, a hidden one "<5" or "x"; an ``Afgeleid`` its text or "–"; chart data its
    value or None; a summary template its text. Returns the text of every count."""
    from jeugdhulp.monitor.onthullingsaudit import BESCHERMING, onderdruk

    for t in tabellen:
        t.koppel_kolommen()
    alle = [c for t in tabellen for c in t.tellingen()]
    lijnen = [lijn for t in tabellen for lijn in t.lijnen()]
    bescherming = BESCHERMING if bescherming is None else bescherming
    volgorde, sleutel = _sleutel(alle, lijnen, bescherming)
    if (bekend := _GEPUBLICEERD.get(sleutel)) is not None:
        _GEPUBLICEERD.move_to_end(sleutel)
        teksten = {t: tekst for t, tekst in zip(volgorde, bekend, strict=True) if tekst is not None}
    else:
        teksten = onderdruk(alle, bescherming, lijnen)
        _GEPUBLICEERD[sleutel] = tuple(teksten.get(t) for t in volgorde)
        while len(_GEPUBLICEERD) > _GEPUBLICEERD_MAX:
            _GEPUBLICEERD.popitem(last=False)
    for t in tabellen:
        t.vul_in(teksten)
    return teksten


# The suppression of a publication depends only on its counts' record sets, their ``volgt`` links and the lines: the
# same page with the same filter over the same data gives the same key, so a repeated request skips the LPs; any
# change in the data changes a record set and so the key. Process-local, the most recent publications only.
_GEPUBLICEERD: OrderedDict[tuple, tuple[str | None, ...]] = OrderedDict()
_GEPUBLICEERD_MAX = 32


def _sleutel(alle: list[Telling], lijnen: list, bescherming: int) -> tuple[list[Telling], tuple]:
    """Every count of the publication (its own and those it follows) in a fixed order, and a key of their content:
    per count its size, the hash of its record set and whom it follows (by position), plus the lines. Zero counts
    are told apart by position, as the suppression tells them apart by identity."""
    positie: dict[Telling, int] = {}
    for t in alle:
        for u in (t, *t.volgt):
            positie.setdefault(u, len(positie))
    volgorde = list(positie)
    for t in volgorde:  # counts followed by counts followed (a chain)
        for v in t.volgt:
            if v not in positie:
                positie[v] = len(positie)
                volgorde.append(v)
    cellen = tuple((len(t.records), hash(t.records), tuple(positie[v] for v in t.volgt)) for t in volgorde)
    lijn = tuple((tuple(positie[d] for d in delen), positie[tot]) for delen, tot in lijnen)
    return volgorde, (bescherming, cellen, lijn)
