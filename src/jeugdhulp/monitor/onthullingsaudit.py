"""The disclosure audit (as tau-ARGUS's): for every hidden cell, the lowest and highest value it can take given
everything published, from two linear programs solved with HiGHS; and the secondary suppression that uses it.

The model (ADR 0017): the records counted by all published cells are split into *atoms*, the groups of records
that lie in exactly the same cells. An atom's size is an unknown ``y ≥ 0``; every published cell is the sum of its
atoms, and what is published bounds that sum:

- a number shown: exactly that number;
- "<5": 1 to 4;
- "x" on a count that follows (``Telling.volgt``: its group's size, its column's total) a hidden count ("<5" or
  "x"): any number ≥ 0 (zeros inside a count shown "<5" are hidden too);
- any other "x": at least 1. Not 5: when hiding every shown cell around it is not enough, a "<5" becomes "x"
  (``_verhoog``), so "x" may hide a count of 1–4 and a reader cannot assume more than the suppression does.

Totals, subtotals, hierarchies and the same figure in another table are all sums of the same atoms, so every
additive relation is in the model without being declared. A hidden cell is *protected* when its range spans at
least ``BESCHERMING`` (3 or more possible whole numbers), or, inside a count that itself shows "<5" (where the
rules leave no more room), 2 values; *exactly derivable* when the range is a single value.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

import highspy
import numpy as np

from jeugdhulp.monitor.onthulling import DREMPEL, ONDERDRUKT, VERBORGEN, Telling, is_klein

BESCHERMING = 2
ONEINDIG = math.inf
_EPS = 1e-6


@dataclass(eq=False)
class Cel:
    """One distinct set of records, wherever it is published."""

    waarde: int
    tellingen: list[Telling]
    atomen: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    atoomset: frozenset = frozenset()
    deel: object = None  # the independent part of the model it lies in
    tekst: str | None = None  # None: shown; ONDERDRUKT or VERBORGEN: hidden
    volgend: bool = False  # hidden because what it lies inside shows "<5"
    leiders: list = field(default_factory=list)  # the cells it follows (``Telling.volgt``), as a reader sees them


@dataclass(frozen=True)
class Bevinding:
    """The range a hidden cell can take given what is published."""

    waarde: int
    tekst: str
    laag: float
    hoog: float

    @property
    def exact(self) -> bool:
        """Exactly derivable (one whole value possible), pointing at one or more persons (a hidden 0 that can be
        derived points at nobody)."""
        return self.waarde > 0 and self.bereik < 1

    binnen_klein: bool = False  # inside a count that shows "<5" itself: then two possible values suffice

    @property
    def beschermd(self) -> bool:
        """A hidden 0 points at nobody; any other hidden cell keeps its range."""
        return self.waarde == 0 or self.bereik >= (1 if self.binnen_klein else BESCHERMING)

    @property
    def bereik(self) -> float:
        if self.hoog == ONEINDIG:
            return ONEINDIG
        return math.floor(self.hoog + _EPS) - math.ceil(self.laag - _EPS)


def grenzen(cel: Cel) -> tuple[float, float]:
    """What a reader knows of a cell from its text."""
    if cel.tekst is None:
        return cel.waarde, cel.waarde
    if cel.tekst == ONDERDRUKT:
        return 1, DREMPEL - 1
    # "x": a 0 is hidden only inside a hidden count; a count of 1–4 may be "x" (``_verhoog``), so never "≥ 5"
    return (0 if any(lc.tekst is not None for lc in cel.leiders) else 1), highspy.kHighsInf


class _Deel:
    """One independent part of the model: its cells (rows) over its atoms (columns, numbered locally)."""

    def __init__(self, cellen: list[Cel], grootte: np.ndarray):
        self.cellen = cellen
        lokaal: dict[int, int] = {}
        for cel in cellen:
            for a in sorted(cel.atoomset):
                lokaal.setdefault(a, len(lokaal))
        self.n_atomen = len(lokaal)
        self.grootte = grootte[np.fromiter(lokaal, dtype=np.int64, count=len(lokaal))] if lokaal else np.zeros(0)
        for cel in cellen:
            cel.deel = self
            cel.atomen = np.array(sorted(lokaal[a] for a in cel.atoomset), dtype=np.int32)
        self._highs: highspy.Highs | None = None  # built on the first solve: most parts never need one
        self.laag = self.hoog = np.zeros(0)
        self.begrensd = np.zeros(self.n_atomen, dtype=bool)  # atoms in a cell with a finite upper bound
        self.omhoog = self.omlaag = np.zeros(self.n_atomen)  # how far each atom can move alone, from the truth

    def zet_grenzen(self) -> None:
        self.laag, self.hoog = (np.array(g, dtype=float) for g in zip(*(grenzen(c) for c in self.cellen), strict=True))
        self.begrensd[:] = False
        omhoog, omlaag = np.full(self.n_atomen, np.inf), self.grootte.copy()
        for cel, laag, hoog in zip(self.cellen, self.laag, self.hoog, strict=True):
            if hoog < highspy.kHighsInf:
                self.begrensd[cel.atomen] = True
                omhoog[cel.atomen] = np.minimum(omhoog[cel.atomen], hoog - cel.waarde)
            omlaag[cel.atomen] = np.minimum(omlaag[cel.atomen], cel.waarde - laag)
        self.omhoog, self.omlaag = omhoog, omlaag
        if self._highs is not None:
            idx = np.arange(len(self.cellen), dtype=np.int32)
            self._highs.changeRowsBounds(len(idx), idx, self.laag, self.hoog)

    @property
    def highs(self) -> highspy.Highs:
        if self._highs is None:
            h = self._highs = highspy.Highs()
            h.setOptionValue("output_flag", False)
            h.setOptionValue("presolve", "off")  # many solves of one model: keep the basis between them
            n = self.n_atomen
            leeg = np.array([], dtype=np.int32)
            h.addCols(n, np.zeros(n), np.zeros(n), np.full(n, highspy.kHighsInf), 0, leeg, leeg, np.array([]))
            starts, indices = [], []
            for cel in self.cellen:
                starts.append(len(indices))
                indices.extend(cel.atomen.tolist())
            m = len(self.cellen)
            h.addRows(m, self.laag, self.hoog, len(indices), np.array(starts, dtype=np.int32),
                      np.array(indices, dtype=np.int32), np.ones(len(indices)))  # fmt: skip
        return self._highs


class Model:
    """Cells, atoms and the LP over them; bounds follow each cell's ``tekst``."""

    def __init__(self, tellingen: list[Telling]):
        tellingen = [*tellingen, *(v for t in tellingen for v in t.volgt)]
        per_set: dict[object, Cel] = {}
        self.cel_van: dict[Telling, Cel] = {}
        for t in tellingen:
            if t in self.cel_van:
                continue
            sleutel = t.records or ("leeg", id(t))  # zeros are separate cells: one may be hidden, another shown
            cel = per_set.get(sleutel)
            if cel is None:
                cel = per_set[sleutel] = Cel(t.waarde, [])
            cel.tellingen.append(t)
            self.cel_van[t] = cel
        self.cellen = list(per_set.values())
        for cel in self.cellen:
            leiders = {id(lc): lc for t in cel.tellingen for v in t.volgt if (lc := self.cel_van[v]) is not cel}
            cel.leiders = list(leiders.values())
        handtekening: dict[object, list[int]] = defaultdict(list)
        for i, cel in enumerate(per_set.values()):
            for r in cel.tellingen[0].records:
                handtekening[r].append(i)
        atoom: dict[tuple, int] = {}
        leden: list[list[int]] = [[] for _ in self.cellen]
        # atoms numbered in the order of their signatures, not of the records (whose hash order changes from one
        # process to the next): the same data always gives the same LPs, so the same cells hidden on every request
        grootte: dict[tuple, int] = defaultdict(int)  # records per atom: the true solution of the LP
        for cellen in handtekening.values():
            grootte[tuple(cellen)] += 1
        for sleutel in sorted(grootte):
            atoom[sleutel] = len(atoom)
            for i in sleutel:
                leden[i].append(atoom[sleutel])
        self.n_atomen = len(atoom)
        self.grootte = np.array([grootte[k] for k in atoom], dtype=float)
        for cel, lijst in zip(self.cellen, leden, strict=True):
            cel.atoomset = frozenset(lijst)
        self.delen = self._splits()

    def _splits(self) -> list[_Deel]:
        """Independent parts (cells linked through shared atoms: e.g. youths and trajectories, or each waiting-time
        measure): one small LP each instead of one large one."""
        ouder = list(range(self.n_atomen))

        def wortel(a: int) -> int:
            while ouder[a] != a:
                ouder[a] = ouder[ouder[a]]
                a = ouder[a]
            return a

        for cel in self.cellen:
            eerste = next(iter(cel.atoomset), None)
            for a in cel.atoomset:
                ouder[wortel(a)] = wortel(eerste)
        per_wortel: dict[int, list[Cel]] = defaultdict(list)
        for cel in self.cellen:
            if cel.atoomset:
                per_wortel[wortel(next(iter(cel.atoomset)))].append(cel)
        return [_Deel(cellen, self.grootte) for cellen in per_wortel.values()]

    def zet_grenzen(self) -> None:
        for deel in self.delen:
            deel.zet_grenzen()

    @staticmethod
    def onbegrensd(cel: Cel) -> bool:
        """No upper bound without an LP: one of its atoms lies only in cells without one (each "x")."""
        return bool(cel.atoomset) and not cel.deel.begrensd[cel.atomen].all()

    @staticmethod
    def zeker_beschermd(cel: Cel, nodig: int) -> bool:
        """Protected without an LP: from the true counts (a feasible point), one atom of ``cel`` alone can move up
        and down over at least ``nodig`` whole values without leaving any published bound, so the LP range (which
        contains those points) is at least as wide."""
        if not cel.atoomset:
            return False
        deel = cel.deel
        return bool((deel.omhoog[cel.atomen] + deel.omlaag[cel.atomen] >= nodig).any())

    def bereik(self, cel: Cel) -> Bevinding:
        """Solve min and max of ``cel`` over the published bounds (in its own part of the model); the max LP is
        skipped when the cell is ``onbegrensd``."""
        binnen_klein = any(t.tekst == ONDERDRUKT and t.atoomset > cel.atoomset for t in self.cellen)
        self.bindend: list[Cel] = []  # the shown cells whose constraint limits the range (non-zero dual)
        if not cel.atoomset:  # a zero count: no records, nothing to solve
            return Bevinding(cel.waarde, cel.tekst or "", 0, 0, binnen_klein)
        deel = cel.deel
        h = deel.highs
        n = deel.n_atomen
        kosten = np.zeros(n)
        kosten[cel.atomen] = 1.0
        h.changeColsCost(n, np.arange(n, dtype=np.int32), kosten)
        uitkomst = []
        zinnen = (highspy.ObjSense.kMinimize, highspy.ObjSense.kMaximize)
        for zin in zinnen[:1] if self.onbegrensd(cel) else zinnen:
            h.changeObjectiveSense(zin)
            h.run()
            status = h.getModelStatus()
            if status == highspy.HighsModelStatus.kUnknown:  # a stale basis after many bound changes: from scratch
                h.clearSolver()
                h.run()
                status = h.getModelStatus()
            if status == highspy.HighsModelStatus.kOptimal:
                uitkomst.append(h.getInfo().objective_function_value)
                duals = np.abs(np.asarray(h.getSolution().row_dual))
                self.bindend += [deel.cellen[i] for i in np.flatnonzero(duals > _EPS)]
            elif status in (highspy.HighsModelStatus.kUnbounded, highspy.HighsModelStatus.kUnboundedOrInfeasible):
                uitkomst.append(ONEINDIG)
            else:  # the published figures contradict each other: a bug, never a disclosure decision
                raise RuntimeError(f"disclosure audit: model {h.modelStatusToString(status)}")
        return Bevinding(cel.waarde, cel.tekst or "", uitkomst[0], (uitkomst + [ONEINDIG])[1], binnen_klein)

    def bindende_kandidaat(self) -> Cel | None:
        """After ``bereik``: the smallest shown non-zero cell whose constraint limits the range (non-zero dual in
        the min or max LP); hiding it relaxes exactly what pins the cell."""
        open_cellen = [c for c in self.bindend if c.tekst is None and c.waarde > 0]
        return min(open_cellen, key=lambda c: c.waarde) if open_cellen else None

    def kandidaat(self, cel: Cel) -> Cel | None:
        """The cell to hide next to protect ``cel``: the smallest visible non-zero cell that shares a published
        total with it (the nearest total first), or else the smallest visible total that contains it."""
        # a hidden cell that is the sum of cells shown (uitstroom = volgens plan + voortijdig): hide a part
        delen = [c for c in self.cellen if c.atoomset < cel.atoomset]
        if delen and frozenset().union(*(d.atoomset for d in delen)) == cel.atoomset:
            open_delen = [d for d in delen if d.tekst is None and d.waarde > 0]
            if open_delen:
                return min(open_delen, key=lambda c: c.waarde)
        boven = sorted(
            (t for t in self.cellen if t is not cel and t.atoomset > cel.atoomset), key=lambda t: len(t.atoomset)
        )
        open_cellen = [c for c in self.cellen if c.tekst is None and c.waarde > 0]
        for totaal in boven:
            broers = [c for c in open_cellen if c.atoomset < totaal.atoomset and c.atoomset.isdisjoint(cel.atoomset)]
            if broers:
                return min(broers, key=lambda c: c.waarde)
        totalen = [t for t in boven if t.tekst is None and t.waarde > 0]
        if totalen:
            return min(totalen, key=lambda c: c.waarde)
        # pinned through hidden cells only: hide the nearest shown cell, following cells that overlap
        gezien, rand = {id(cel)}, [cel]
        while rand:
            buren = [t for t in self.cellen if id(t) not in gezien and any(not t.atoomset.isdisjoint(r.atoomset)
                                                                           for r in rand)]  # fmt: skip
            gezien.update(id(t) for t in buren)
            open_buren = [t for t in buren if t.tekst is None and t.waarde > 0]
            if open_buren:
                return min(open_buren, key=lambda c: c.waarde)
            rand = buren
        return None


def _lijnregel(model: Model, lijnen: list[tuple[list[Telling], Telling]]) -> None:
    """The classic head start (ADR 0013): while a line with a shown total has exactly one hidden cell, hide its
    smallest other non-zero cell (or the total). Saves most audit rounds; the audit decides."""
    lijnen_cel = [([model.cel_van[d] for d in delen], model.cel_van[tot]) for delen, tot in lijnen]
    veranderd = True
    while veranderd:
        veranderd = False
        for delen, tot in lijnen_cel:
            verborgen = sum(d.tekst is not None and d.waarde > 0 for d in delen)  # a hidden 0 points at nobody
            open_delen = [d for d in delen if d.tekst is None and d.waarde > 0]
            if tot.tekst is None and verborgen == 1:  # the hidden cell is the total minus the others
                (min(open_delen, key=lambda d: d.waarde) if open_delen else tot).tekst = VERBORGEN
                veranderd = True
            elif tot.tekst is not None and verborgen == 0 and open_delen:  # the hidden total is the parts' sum
                min(open_delen, key=lambda d: d.waarde).tekst = VERBORGEN
                veranderd = True


def _volg(model: Model, klein) -> None:
    """Hide ("x", any number ≥ 0) every count that follows a small count (``klein``) or a count hidden so, on and on.
    A leader that is "<5" and follows nothing small itself stays "<5"."""
    veranderd = True
    while veranderd:
        veranderd = False
        for cel in model.cellen:
            if cel.volgend:
                continue
            leiders = [model.cel_van[v] for t in cel.tellingen for v in t.volgt]
            if any(lc is not cel and (lc.volgend or klein(lc)) for lc in leiders):
                cel.tekst, cel.volgend = VERBORGEN, True
                veranderd = True


def _verhoog(model: Model, cel: Cel) -> Cel | None:
    """When no shown cell is left to hide for ``cel``: a "<5" that limits its range (itself first, else the
    smallest binding one) becomes "x" (at least 1 instead of 1–4). This is why a reader may read "x" as no more than
    "at least 1": the audit and the reader assume the same."""
    kleine = [c for c in model.bindend if c.tekst == ONDERDRUKT]
    if cel.tekst == ONDERDRUKT:
        return cel
    return min(kleine, key=lambda c: c.waarde) if kleine else None


def onderdruk(
    tellingen: list[Telling], bescherming: int = BESCHERMING, lijnen: list[tuple[list[Telling], Telling]] = ()
) -> dict[Telling, str]:
    """Primary, follow and audit-driven secondary suppression over one publication; the text of every count.
    ``lijnen``: additive lines known from the tables' layout, a head start before the audit rounds."""
    model = Model(tellingen)
    for cel in model.cellen:
        if is_klein(cel.waarde):
            cel.tekst = ONDERDRUKT
    _volg(model, lambda c: c.tekst == ONDERDRUKT)
    _lijnregel(model, lijnen)
    beschermd: set[int] = set()
    while True:
        model.zet_grenzen()
        zwak = []
        for cel in model.cellen:
            if cel.tekst is None or id(cel) in beschermd:
                continue
            if model.zeker_beschermd(cel, bescherming):  # trivially safe (e.g. no upper bound): no LP
                beschermd.add(id(cel))
                continue
            b = model.bereik(cel)
            if b.waarde == 0 or b.bereik >= (1 if b.binnen_klein else bescherming):
                beschermd.add(id(cel))
            else:
                zwak.append((cel, model.bindende_kandidaat() or model.kandidaat(cel) or _verhoog(model, cel)))
        nieuw = {id(k): k for _c, k in zwak if k is not None}
        if not nieuw:
            break  # every hidden cell protected (or nothing left that could protect one: the audit tells)
        for k in nieuw.values():
            k.tekst = VERBORGEN
    return {t: (str(c.waarde) if c.tekst is None else c.tekst) for t, c in model.cel_van.items()}


def lees(tekst: str) -> int | str:
    """A published count text back to what a reader knows: an int, "<5" or "x" (Dutch digit grouping allowed)."""
    tekst = str(tekst).strip()
    if tekst in (ONDERDRUKT, VERBORGEN):
        return tekst
    return int(tekst.replace(".", ""))


def audit(gepubliceerd: dict[Telling, str]) -> list[Bevinding]:
    """The range of every hidden cell of one publication (count → its published text), from the texts alone.

    Checks too that a shown number is the true count, "<5" hides 1–4, and one record set has one text."""
    model = Model(list(gepubliceerd))
    for cel in model.cellen:
        teksten = {lees(gepubliceerd[t]) for t in cel.tellingen}
        if len(teksten) != 1:
            raise AssertionError(f"one count published as {teksten}")
        (gelezen,) = teksten
        if isinstance(gelezen, int):
            if gelezen != cel.waarde or is_klein(gelezen):
                raise AssertionError(f"published {gelezen} for a count of {cel.waarde}")
            continue
        if gelezen == ONDERDRUKT and not is_klein(cel.waarde):
            raise AssertionError(f"'<5' published for a count of {cel.waarde}")
        cel.tekst = gelezen
    gelezen_tekst = {id(c): c.tekst for c in model.cellen}
    _volg(model, lambda c: gelezen_tekst[id(c)] == ONDERDRUKT)  # which "x" a reader knows may be 0: from the layout
    for cel in model.cellen:
        if cel.volgend and gelezen_tekst[id(cel)] != VERBORGEN:
            raise AssertionError(f"{gelezen_tekst[id(cel)] or cel.waarde} shown inside a count shown as '<5'")
        if cel.tekst == VERBORGEN and cel.waarde == 0 and not any(lc.tekst is not None for lc in cel.leiders):
            raise AssertionError("'x' on a count of 0 that lies inside no hidden count")
    model.zet_grenzen()
    bevindingen = []
    for cel in model.cellen:
        if cel.tekst is not None:
            bevindingen.append(b := model.bereik(cel))
            if model.zeker_beschermd(cel, BESCHERMING) and b.bereik < BESCHERMING:  # the suppression's shortcut
                raise AssertionError(f"shortcut wrong: {b}")
    return bevindingen


@dataclass(frozen=True)
class Verslag:
    tellingen: int
    verborgen: int
    exact: int
    zwak: int


def verslag(tabellen: list) -> Verslag:
    """The audit of one publication (published ``Tabel`` objects): counts shown, hidden, exact, under the range."""
    gepubliceerd = {}
    for t in tabellen:
        gepubliceerd.update(t.publicatie)
    bevindingen = audit(gepubliceerd)
    return Verslag(
        len(gepubliceerd),
        len(bevindingen),
        sum(b.exact for b in bevindingen),
        sum(not b.beschermd for b in bevindingen),
    )
