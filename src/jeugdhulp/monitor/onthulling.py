"""Disclosure control for aggregates: policy users never see a cell that points at fewer than 5 persons.

- primary suppression: a count of 1-4 is shown as "<5" (0 is not sensitive);
- secondary suppression: when exactly one cell of a line (a row or column with a published total) is suppressed,
  the smallest other non-zero cell of that line is hidden too (or, if there is none, the total), so that no
  suppressed cell can be derived by subtraction. In a two-way table this repeats until no line changes.
"""

from __future__ import annotations

from dataclasses import dataclass

DREMPEL = 5
ONDERDRUKT = "<5"  # a count of 1–4 persons
VERBORGEN = "x"  # a larger count hidden so that a small one cannot be derived (secondary suppression)


@dataclass(frozen=True)
class Cel:
    label: str
    waarde: int
    zichtbaar: bool

    @property
    def tekst(self) -> str:
        return tekst(self.waarde, self.zichtbaar)


def tekst(n: int, zichtbaar: bool) -> str:
    if zichtbaar:
        return str(n)
    return ONDERDRUKT if is_klein(n) else VERBORGEN


def is_klein(n: int) -> bool:
    return 0 < n < DREMPEL


def onderdruk_raster(waarden: dict, lijnen: list[tuple[list, object]], al_verborgen=frozenset()) -> set:
    """The cells (keys of ``waarden``) to hide in a table whose ``lijnen`` are (cells, their total cell).

    Totals are cells of ``waarden`` too: a small total is hidden, and a hidden total protects its line.
    ``al_verborgen``: cells hidden already for another reason (e.g. the row of a group whose size is hidden).
    """
    verborgen = set(al_verborgen) | {cel for cel, n in waarden.items() if is_klein(n)}
    veranderd = True
    while veranderd:
        veranderd = False
        for cellen, totaal in lijnen:
            if totaal in verborgen or sum(cel in verborgen for cel in cellen) != 1:
                continue
            open_cellen = [c for c in cellen if c not in verborgen and waarden[c] > 0]
            verborgen.add(min(open_cellen, key=waarden.__getitem__) if open_cellen else totaal)
            veranderd = True
    return verborgen


def onderdruk(rijen: list[tuple[str, int]], al_verborgen: frozenset[int] | set[int] = frozenset()) -> list[Cel]:
    """Apply primary and secondary suppression to one column of (label, count) with a published total.

    ``al_verborgen``: rows hidden already because another column of the same row points at fewer than 5 persons
    (e.g. the "above norm" count of a group whose size is hidden); they count as suppressed cells here too.
    """
    waarden = {i: n for i, (_label, n) in enumerate(rijen)}
    waarden["totaal"] = sum(waarden.values())
    verborgen = onderdruk_raster(waarden, [(list(range(len(rijen))), "totaal")], al_verborgen)
    return [Cel(label, n, i not in verborgen) for i, (label, n) in enumerate(rijen)]


def kolom(waarden: list[int], al_verborgen: frozenset[int] | set[int] = frozenset()) -> list[str]:
    """``onderdruk`` for a column without labels: the texts to show."""
    return [c.tekst for c in onderdruk([("", n) for n in waarden], al_verborgen)]


def totaal_tekst(totaal: int, getoond: list[str] | None = None) -> str:
    """A total is hidden when it is small itself, or when exactly one cell of its column is hidden (no other cell
    could be hidden with it), because the hidden cell would then follow by subtraction."""
    if is_klein(totaal):
        return ONDERDRUKT
    if getoond is not None and sum(t in (ONDERDRUKT, VERBORGEN) for t in getoond) == 1:
        return VERBORGEN
    return str(totaal)
