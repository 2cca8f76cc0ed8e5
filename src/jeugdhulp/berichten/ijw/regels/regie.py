"""Field rules for the regieberichten JW305 (start) and JW307 (stop)."""

from __future__ import annotations

from jeugdhulp.berichten.ijw.regels.kern import regel


def regels_van(bericht):
    c = bericht.client
    return c.start_producten if hasattr(c, "start_producten") else c.stop_producten


@regel(
    "CS058",
    retourcode="0001",
    berichten=("JW305", "JW307"),
    betekenis="StatusAanlevering mag alleen de waarde 1 (eerste aanlevering) of 3 (verwijderen) hebben.",
)
def cs058_status_aanlevering(bericht, ctx):
    for p in regels_van(bericht):
        if p.status_aanlevering not in ("1", "3"):
            yield p, "StatusAanlevering"


@regel(
    "TR018",
    retourcode="0001",
    berichten=("JW307",),
    betekenis="Einddatum moet groter dan of gelijk zijn aan Begindatum.",
)
def tr018_einddatum_na_begindatum(bericht, ctx):
    for p in bericht.client.stop_producten:
        if p.einddatum < p.begindatum:
            yield p, "Einddatum"
