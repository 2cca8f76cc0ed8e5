"""Rules against external code lists (externe bron): TR378 (CBS gemeentecode) and TR381 (JZ21 product code)."""

from __future__ import annotations

from jeugdhulp.berichten.ijw.codelijsten import gemeente_bestaat, productcode_past
from jeugdhulp.berichten.ijw.regels._hulp import clienten
from jeugdhulp.berichten.ijw.regels.kern import regel

VAN_GEMEENTE = ("JW301", "JW319", "JW325")  # the gemeente is the Afzender; in the others it is the Ontvanger


def _ingangsdatums(bericht):
    """The product start dates in a message: after a merger the CBS list valid on one of these may be used."""
    c = getattr(bericht, "client", None)
    for p in getattr(c, "toegewezen_producten", ()):
        yield p.ingangsdatum
    for p in getattr(c, "aangevraagde_producten", ()):
        yield p.toewijzing_ingangsdatum
    for p in (*getattr(c, "start_producten", ()), *getattr(c, "stop_producten", ())):
        yield p.toewijzing_ingangsdatum


def _gemeentecodes(bericht, soort):
    h = bericht.header
    if soort in VAN_GEMEENTE:
        yield h, "Afzender", h.afzender
    else:
        yield h, "Ontvanger", h.ontvanger
    wpb = getattr(getattr(bericht, "antwoord", None), "woonplaatsbeginsel", None)
    if wpb is not None:
        yield wpb, "Gemeente", wpb.gemeente


@regel(
    "TR378",
    retourcode="S300",
    berichten=("JW301", "JW305", "JW307", "JW315", "JW317", "JW319", "JW323", "JW325"),
    betekenis="Vullen met een bestaande gemeentecode uit het overzicht van CBS dat actueel is op de Dagtekening, "
    "of na een herindeling op Ingangsdatum of ToewijzingIngangsdatum.",
)
def tr378_bestaande_gemeentecode(bericht, ctx):
    peildatums = [bericht.header.bericht_identificatie.dagtekening, *filter(None, _ingangsdatums(bericht))]
    for obj, veld, code in _gemeentecodes(bericht, ctx.soort):
        if not any(gemeente_bestaat(code, d) for d in peildatums):
            yield obj, veld, code


def _producten(bericht):
    """(object, path, categorie, code) for every product with a code."""
    c = getattr(bericht, "client", None)
    lijsten = ("toegewezen_producten", "start_producten", "stop_producten", "aangevraagde_producten")
    for naam in lijsten:
        for p in getattr(c, naam, ()):
            if p.product is not None and p.product.code:
                yield p, "Product/Code", p.product.categorie, p.product.code
    if (v := getattr(c, "verzoek", None)) is not None:
        for p in v.nieuwe_producten:
            if p.product is not None and p.product.code:
                yield p, "Product/Code", p.product.categorie, p.product.code
    if hasattr(bericht, "declaratie"):
        for cl in clienten(bericht):
            for p in cl.prestaties:
                yield p, "ProductCode", p.product_categorie, p.product_code


@regel(
    "TR381",
    retourcode="S329",
    berichten=("JW301", "JW305", "JW307", "JW315", "JW317", "JW323"),
    betekenis="ProductCode vullen met een code die volgens de gehanteerde productcodelijst (JZ21) past bij de "
    "ProductCategorie.",
)
def tr381_productcode_past_bij_categorie(bericht, ctx):
    for obj, veld, categorie, code in _producten(bericht):
        if productcode_past(categorie, code) is False:
            yield obj, veld, f"{code} hoort niet bij categorie {categorie}"
