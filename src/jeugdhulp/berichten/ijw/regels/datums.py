"""Dates against the message's Dagtekening: TR134 (not after it), TR137 (period end) and TR380 (after it).

The rule pages name the messages but not the elements; which dates each rule covers is our reading, recorded in
``regeltabel.json`` (``elementen``) and in ``docs/ijw-rules.md``.
"""

from __future__ import annotations

from jeugdhulp.berichten.ijw.regels.declaratie import prestaties
from jeugdhulp.berichten.ijw.regels.kern import regel


def _dagtekening(bericht):
    return bericht.header.bericht_identificatie.dagtekening


def _geboortedatums(bericht):
    c = getattr(bericht, "client", None)
    if c is None or getattr(c, "geboortedatum", None) is None:
        return
    yield c, "Geboortedatum/Datum", c.geboortedatum.datum
    for r in getattr(c, "relaties", ()):
        if r.geboortedatum is not None:
            yield r, "Geboortedatum/Datum", r.geboortedatum.datum


def _perioden(bericht):
    """Every CDT_GeslotenPeriode with its element path: the DeclaratiePeriode (JW323) and each ProductPeriode."""
    if (d := getattr(bericht, "declaratie", None)) is not None:
        yield d, "DeclaratiePeriode", d.declaratie_periode
    for p in prestaties(bericht):
        yield p, "ProductPeriode", p.product_periode


def _is_declaratie(bericht) -> bool:
    return hasattr(bericht, "declaratie") or hasattr(bericht, "declaratie_antwoord")


@regel(
    "TR134",
    retourcode="0001",
    berichten=("JW301", "JW305", "JW307", "JW315", "JW323", "JW325"),
    betekenis="Vullen met een bestaande datum die niet groter is dan de Dagtekening van het bericht.",
)
def tr134_datum_niet_na_dagtekening(bericht, ctx):
    dagtekening = _dagtekening(bericht)
    if _is_declaratie(bericht):
        datums = ((obj, f"{veld}/Begindatum", periode.begindatum) for obj, veld, periode in _perioden(bericht))
    else:
        datums = _geboortedatums(bericht)
    for obj, veld, datum in datums:
        if datum > dagtekening:
            yield obj, veld


@regel(
    "TR137",
    retourcode="0001",
    berichten=("JW323", "JW325"),
    betekenis="Einddatum van een periode is groter dan of gelijk aan de Begindatum en niet groter dan de "
    "Dagtekening van het bericht.",
)
def tr137_einddatum_in_periode_en_niet_na_dagtekening(bericht, ctx):
    dagtekening = _dagtekening(bericht)
    for obj, veld, periode in _perioden(bericht):
        if periode.einddatum < periode.begindatum or periode.einddatum > dagtekening:
            yield obj, f"{veld}/Einddatum"


@regel(
    "TR380",
    retourcode="0001",
    berichten=("JW317",),
    betekenis="Einddatum vullen met een datum die groter is dan de dagtekening van het bericht.",
)
def tr380_einddatum_na_dagtekening(bericht, ctx):
    dagtekening = _dagtekening(bericht)
    v = bericht.client.verzoek
    for p in (*v.te_wijzigen_producten, *v.nieuwe_producten):
        if p.einddatum is not None and p.einddatum <= dagtekening:
            yield p, "Einddatum"
