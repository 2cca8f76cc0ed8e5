"""The rule registry: the ``@regel`` decorator, the rule ``Context`` and the runner ``toets``.

A rule is a generator function ``f(bericht, ctx)`` yielding ``(berichtklasse_object, veld)`` or
``(berichtklasse_object, veld, detail)`` for every violation. ``veld`` is the XSD path below that object
(``"Einddatum"``, ``"Omvang/Eenheid"``), used for the XPath. The decorator adds the rule id, retourcode,
berichtsoorten and the Dutch meaning, so the rule body stays a few lines of plain logic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from jeugdhulp.berichten.ijw.bevindingen import Bevinding
from jeugdhulp.berichten.ijw.binding import paden

if TYPE_CHECKING:
    from jeugdhulp.berichten.ijw.historie import Historie

Treffer = tuple[Any, str] | tuple[Any, str, str]
RegelFunctie = Callable[[Any, "Context"], Iterable[Treffer]]


@dataclass(frozen=True)
class Regel:
    id: str
    retourcode: str
    berichten: frozenset[str]
    betekenis: str
    functie: RegelFunctie
    historie: bool = False  # needs a Historie (layer 3)

    @property
    def locatie(self) -> str:
        return f"{self.functie.__module__}:{self.functie.__name__}"


REGISTER: dict[str, Regel] = {}  # add rules with ``@regel`` only: it keeps ``_PER_SOORT`` up to date
_PER_SOORT: dict[tuple[str, bool], tuple[Regel, ...]] = {}  # (soort, with history) → applicable rules, in order


def regel(
    id: str, *, retourcode: str, berichten: Iterable[str], betekenis: str, historie: bool = False
) -> Callable[[RegelFunctie], RegelFunctie]:
    """Register a rule function. ``id`` is unique (e.g. ``"CS002"``); ``retourcode`` from WJ001."""

    def deco(f: RegelFunctie) -> RegelFunctie:
        if id in REGISTER:
            raise ValueError(f"rule {id} registered twice")
        REGISTER[id] = Regel(id, retourcode, frozenset(berichten), betekenis, f, historie)
        _PER_SOORT.clear()
        f.regel = REGISTER[id]  # type: ignore[attr-defined]
        return f

    return deco


@dataclass
class Context:
    soort: str
    vandaag: date = field(default_factory=date.today)
    historie: Historie | None = None


def _regels(soort: str, met_historie: bool) -> tuple[Regel, ...]:
    """The registered rules for a berichtsoort, in registration order (cached: ``toets`` runs per message)."""
    try:
        return _PER_SOORT[soort, met_historie]
    except KeyError:
        regels = tuple(r for r in REGISTER.values() if soort in r.berichten and (met_historie or not r.historie))
        _PER_SOORT[soort, met_historie] = regels
        return regels


def toets(
    bericht: Any,
    ctx: Context,
    lijnen: Mapping[int, int] | None = None,
    *,
    alleen: Iterable[str] | None = None,
) -> list[Bevinding]:
    """Run every registered rule for ``ctx.soort`` (history rules only with ``ctx.historie``)."""
    if lijnen is None:  # not ``lijnen or {}``: that would make ``decodeer_geldig``'s lazy mapping compute itself
        lijnen = {}
    gekozen = set(alleen) if alleen is not None else None
    locaties: dict[int, str] | None = None
    result: list[Bevinding] = []
    for r in _regels(ctx.soort, ctx.historie is not None):
        if gekozen is not None and r.id not in gekozen:
            continue
        for treffer in r.functie(bericht, ctx):
            obj, veld = treffer[0], treffer[1]
            detail = treffer[2] if len(treffer) > 2 else None
            if locaties is None:
                locaties = paden(bericht)
            basis = locaties.get(id(obj), "/Bericht")
            result.append(
                Bevinding(
                    retourcode=r.retourcode,
                    regel=r.id,
                    betekenis=r.betekenis + (f" ({detail})" if detail else ""),
                    berichtklasse=type(obj).__name__,
                    xpath=f"{basis}/{veld}" if veld else basis,
                    line=lijnen.get(id(obj)),
                    object=obj,
                )
            )
    return result
