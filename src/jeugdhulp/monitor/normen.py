"""Norm lines for the waiting-time measures: rows in ``Norm`` override the defaults below.

Defaults: the Treeknorm for jeugd-GGZ (4 weeks aanmelding→intake, 10 weeks intake→behandeling, 14 weeks in total,
the last used for toewijzing→start of category 54), a regional norm of 9 weeks toewijzing→start for every other
category (an assumption, after the provinces' "bruto-wachtlijst > 9 weeks"), Awb 4:13 (8 weeks) for
aanvraag→beschikking and the iJw rules OP274/OP271 (5 working days) for the VOT answer and the start message.
"""

from __future__ import annotations

from dataclasses import dataclass

from jeugdhulp.monitor.models import Maat, Norm

GGZ = "54"


@dataclass(frozen=True)
class Normlijn:
    dagen: int
    werkdagen: bool = False
    bron: str = ""

    @property
    def weken(self) -> float:
        return self.dagen / 5 if self.werkdagen else self.dagen / 7


STANDAARD: dict[tuple[str, str], Normlijn] = {
    (Maat.AANVRAAG_BESCHIKKING, ""): Normlijn(56, bron="Awb 4:13"),
    (Maat.VOT_ANTWOORD, ""): Normlijn(5, werkdagen=True, bron="iJw OP274"),
    (Maat.START_GEMELD, ""): Normlijn(5, werkdagen=True, bron="iJw OP271"),
    (Maat.TOEWIJZING_START, ""): Normlijn(63, bron="Regionale norm"),
    (Maat.TOEWIJZING_START, GGZ): Normlijn(98, bron="Treeknorm totaal"),
    (Maat.AANMELDING_INTAKE, ""): Normlijn(28, bron="Treeknorm"),
    (Maat.INTAKE_BEHANDELING, ""): Normlijn(70, bron="Treeknorm"),
}


def normen() -> dict[tuple[str, str], Normlijn]:
    """All norm lines in force: the defaults, overridden by configured rows (one query)."""
    result = dict(STANDAARD)
    for n in Norm.objects.all():
        result[(n.maat, n.categorie)] = Normlijn(n.dagen, n.werkdagen, n.toelichting or "Ingesteld")
    return result


def norm_voor(maat: str, categorie: str = "", tabel: dict | None = None) -> Normlijn:
    tabel = tabel if tabel is not None else normen()
    return tabel.get((maat, categorie)) or tabel[(maat, "")]
