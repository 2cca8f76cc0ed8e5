"""Cross-message header rule TR056 (unique BerichtIdentificatie per sender and berichtsoort)."""

from __future__ import annotations

from jeugdhulp.berichten.ijw.binding import soort_van
from jeugdhulp.berichten.ijw.regels.kern import regel


@regel(
    "TR056",
    retourcode="9056",
    berichten=("JW301", "JW305", "JW307", "JW315", "JW317", "JW319", "JW323", "JW325"),
    betekenis="Identificatie moet per berichtsoort uniek zijn voor de verzendende partij.",
    historie=True,
)
def tr056_identificatie_uniek(bericht, ctx):
    h = bericht.header
    if ctx.historie.bericht_bekend(h.afzender, soort_van(bericht), h.bericht_identificatie.identificatie):
        yield h, "BerichtIdentificatie/Identificatie"
