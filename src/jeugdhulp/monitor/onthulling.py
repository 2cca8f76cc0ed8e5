"""Disclosure control for aggregates: policy users never see a cell that points at fewer than 5 persons.

- primary suppression: a count of 1-4 is shown as "<5" (0 is not sensitive);
- secondary suppression: when exactly one cell of a table is suppressed, the smallest other non-zero cell is
  hidden too, so that no suppressed cell can be derived from the total by subtraction.
"""

from __future__ import annotations

from dataclasses import dataclass

DREMPEL = 5
ONDERDRUKT = "<5"


@dataclass(frozen=True)
class Cel:
    label: str
    waarde: int
    zichtbaar: bool

    @property
    def tekst(self) -> str:
        return str(self.waarde) if self.zichtbaar else ONDERDRUKT


def is_klein(n: int) -> bool:
    return 0 < n < DREMPEL


def onderdruk(rijen: list[tuple[str, int]]) -> list[Cel]:
    """Apply primary and secondary suppression to one table of (label, count) with a published total."""
    verborgen = {i for i, (_label, n) in enumerate(rijen) if is_klein(n)}
    if len(verborgen) == 1:
        kandidaten = sorted((n, i) for i, (_label, n) in enumerate(rijen) if i not in verborgen and n > 0)
        if kandidaten:
            verborgen.add(kandidaten[0][1])
    return [Cel(label, n, i not in verborgen) for i, (label, n) in enumerate(rijen)]


def totaal_tekst(totaal: int) -> str:
    return ONDERDRUKT if is_klein(totaal) else str(totaal)
