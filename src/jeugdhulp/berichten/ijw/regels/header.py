"""Header rules for every message: versions (CS015/CS025) and Dagtekening (TR135)."""

from __future__ import annotations

from jeugdhulp.berichten.ijw.berichtsoorten import BERICHTSOORTEN
from jeugdhulp.berichten.ijw.regels.kern import regel

ALLE = tuple(BERICHTSOORTEN)
HEEN = tuple(s for s, b in BERICHTSOORTEN.items() if not b.is_retour)


@regel("CS015", retourcode="0001", berichten=ALLE, betekenis="BerichtSubversie moet 2 zijn (iJw 3.2).")
def cs015_bericht_subversie(bericht, ctx):
    if bericht.header.bericht_subversie != 2:
        yield bericht.header, "BerichtSubversie"


@regel("CS025", retourcode="0001", berichten=ALLE, betekenis="BerichtVersie moet 3 zijn (iJw 3.2).")
def cs025_bericht_versie(bericht, ctx):
    if bericht.header.bericht_versie != 3:
        yield bericht.header, "BerichtVersie"


@regel(
    "TR135",
    retourcode="8848",
    berichten=HEEN,
    betekenis="Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen.",
)
def tr135_dagtekening_niet_in_toekomst(bericht, ctx):
    if bericht.header.bericht_identificatie.dagtekening > ctx.vandaag:
        yield bericht.header, "BerichtIdentificatie/Dagtekening"
