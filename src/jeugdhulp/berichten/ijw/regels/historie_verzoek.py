"""Cross-message rules for JW315 VOT, JW317 VOW and JW319 Antwoord: TR347, TR349–TR351, TR355, TR357,
TR359, TR360, TR361, TR365, TR373, TR374, TR411, TR412."""

from __future__ import annotations

from datetime import date

from jeugdhulp.berichten.ijw.berichten.basis import Product
from jeugdhulp.berichten.ijw.berichten.jw317 import NieuwProduct
from jeugdhulp.berichten.ijw.regels._hulp import overlapt, paren, zelfde_product
from jeugdhulp.berichten.ijw.regels.kern import regel


def _referenties(bericht):
    c = bericht.client
    if hasattr(c, "aangevraagde_producten"):
        return [(ap, ap.referentie_aanbieder) for ap in c.aangevraagde_producten]
    return [(c.verzoek, c.verzoek.referentie_aanbieder)]


@regel(
    "TR347",
    retourcode="9347",
    berichten=("JW315", "JW317"),
    betekenis="ReferentieAanbieder is niet uniek voor de aanbieder binnen het wettelijk domein.",
    historie=True,
)
def tr347_referentie_uniek(bericht, ctx):
    for obj, ref in _referenties(bericht):
        if ctx.historie.verzoek(bericht.header.afzender, ref) is not None:
            yield obj, "ReferentieAanbieder"


@regel(
    "TR374",
    retourcode="9374",
    berichten=("JW315", "JW317"),
    betekenis="Er is al een verzoek onderhanden voor deze client bij deze aanbieder.",
    historie=True,
)
def tr374_een_open_verzoek(bericht, ctx):
    if any(v.is_open for v in ctx.historie.verzoeken(bericht.header.afzender, bericht.client.bsn)):
        yield bericht.client, "Bsn"


def _actueel(bericht, ctx):
    h = bericht.header
    peildatum = h.bericht_identificatie.dagtekening
    return {
        t.toewijzing_nummer: t
        for t in ctx.historie.toewijzingen(h.ontvanger, h.afzender, bericht.client.bsn)
        if t.is_actueel(peildatum)
    }


@regel(
    "TR349",
    retourcode="9349",
    berichten=("JW317",),
    betekenis="Het VOW-bericht bevat niet alle actuele toegewezen producten van de client.",
    historie=True,
)
def tr349_vow_bevat_alle_actuele_toewijzingen(bericht, ctx):
    v = bericht.client.verzoek
    genoemd = {p.toewijzing_nummer for p in (*v.ongewijzigde_producten, *v.te_wijzigen_producten)}
    ontbrekend = sorted(set(_actueel(bericht, ctx)) - genoemd)
    if ontbrekend:
        yield v, "OngewijzigdeProducten", f"ontbrekend: {', '.join(map(str, ontbrekend))}"


@regel(
    "TR350",
    retourcode="9350",
    berichten=("JW317",),
    betekenis="OngewijzigdProduct is niet gerelateerd aan een actueel toegewezen product (ToewijzingNummer).",
    historie=True,
)
def tr350_ongewijzigd_is_actueel(bericht, ctx):
    actueel = _actueel(bericht, ctx)
    for p in bericht.client.verzoek.ongewijzigde_producten:
        if p.toewijzing_nummer not in actueel:
            yield p, "ToewijzingNummer"


@regel(
    "TR351",
    retourcode="9351",
    berichten=("JW317",),
    betekenis="TeWijzigenProduct is niet gerelateerd aan een actuele toewijzing (ToewijzingNummer).",
    historie=True,
)
def tr351_te_wijzigen_is_actueel(bericht, ctx):
    actueel = _actueel(bericht, ctx)
    for p in bericht.client.verzoek.te_wijzigen_producten:
        if p.toewijzing_nummer not in actueel:
            yield p, "ToewijzingNummer"


def _te_wijzigen_met_toewijzing(bericht, ctx):
    for p in bericht.client.verzoek.te_wijzigen_producten:
        t = ctx.historie.toewijzing(bericht.header.ontvanger, p.toewijzing_nummer)
        if t is not None:
            yield p, t


@regel(
    "TR357",
    retourcode="9357",
    berichten=("JW317",),
    betekenis="GewensteIngangsdatum <= dagtekening, maar niet gelijk aan de ingangsdatum van het originele "
    "ToegewezenProduct.",
    historie=True,
)
def tr357_wijziging_met_terugwerkende_kracht(bericht, ctx):
    dagtekening = bericht.header.bericht_identificatie.dagtekening
    for p, t in _te_wijzigen_met_toewijzing(bericht, ctx):
        if p.gewenste_ingangsdatum <= dagtekening and p.gewenste_ingangsdatum != t.ingangsdatum:
            yield p, "GewensteIngangsdatum"


@regel(
    "TR373",
    retourcode="9373",
    berichten=("JW317",),
    betekenis="Budget of totaalvolume wordt gewijzigd, maar GewensteIngangsdatum is niet gelijk aan die in de "
    "actuele toewijzing.",
    historie=True,
)
def tr373_budgetwijziging_hele_looptijd(bericht, ctx):
    for p, t in _te_wijzigen_met_toewijzing(bericht, ctx):
        budget_anders = p.budget is not None and p.budget != t.budget
        totaal_anders = (
            p.omvang is not None
            and p.omvang.frequentie == "6"
            and (p.omvang.volume, p.omvang.eenheid) != (t.volume, t.eenheid)
        )
        if (budget_anders or totaal_anders) and p.gewenste_ingangsdatum != t.ingangsdatum:
            yield p, "GewensteIngangsdatum"


@regel(
    "TR411",
    retourcode="9411",
    berichten=("JW317",),
    betekenis="Omvang is leeg, terwijl Code in Product bij de toewijzing met ToewijzingNummer gevuld is.",
    historie=True,
)
def tr411_omvang_bij_specifieke_toewijzing(bericht, ctx):
    for p, t in _te_wijzigen_met_toewijzing(bericht, ctx):
        if t.product_code and p.omvang is None:
            yield p, "Omvang"


@regel(
    "TR412",
    retourcode="9412",
    berichten=("JW317",),
    betekenis="Omvang is niet leeg, terwijl Code in Product bij de toewijzing leeg is en einddatum groter dan "
    "31-12-2020 of leeg is.",
    historie=True,
)
def tr412_geen_omvang_bij_aspecifieke_toewijzing(bericht, ctx):
    for p, t in _te_wijzigen_met_toewijzing(bericht, ctx):
        eind = p.einddatum or t.einddatum
        if not t.product_code and (eind is None or eind > date(2020, 12, 31)) and p.omvang is not None:
            yield p, "Omvang"


def _verzoek(bericht, ctx):
    return ctx.historie.verzoek(bericht.header.ontvanger, bericht.antwoord.referentie_aanbieder)


@regel(
    "TR355",
    retourcode="9355",
    berichten=("JW319",),
    betekenis="ReferentieAanbieder in het antwoordbericht komt niet voor in een eerder VOT of VOW.",
    historie=True,
)
def tr355_antwoord_op_bekend_verzoek(bericht, ctx):
    if _verzoek(bericht, ctx) is None:
        yield bericht.antwoord, "ReferentieAanbieder"


@regel(
    "TR359",
    retourcode="9359",
    berichten=("JW319",),
    betekenis="Er is al een toewijzing gestuurd met deze ReferentieAanbieder.",
    historie=True,
)
def tr359_geen_antwoord_na_toewijzing(bericht, ctx):
    v = _verzoek(bericht, ctx)
    if v is not None and v.toegewezen:
        yield bericht.antwoord, "ReferentieAanbieder"


@regel(
    "TR360",
    retourcode="9360",
    berichten=("JW319",),
    betekenis="Er is al een antwoordbericht met deze ReferentieAanbieder (in onderzoek mag maar één keer).",
    historie=True,
)
def tr360_in_onderzoek_eenmalig(bericht, ctx):
    v = _verzoek(bericht, ctx)
    if v is not None and bericht.antwoord.verzoek_antwoord == "2" and v.antwoorden:
        yield bericht.antwoord, "VerzoekAntwoord"


@regel(
    "TR365",
    retourcode="9365",
    berichten=("JW319",),
    betekenis="Er is al een antwoordbericht met dezelfde ReferentieAanbieder dat niet 'in onderzoek' was.",
    historie=True,
)
def tr365_vervolg_alleen_na_onderzoek(bericht, ctx):
    v = _verzoek(bericht, ctx)
    if v is not None and any(a != "2" for a in v.antwoorden):
        yield bericht.antwoord, "VerzoekAntwoord"


def _vow_producten(bericht, ctx):
    """(object, Product, begin, end) for every product of a VOW; changed and unchanged ones through their toewijzing."""
    gemeente = bericht.header.ontvanger
    v = bericht.client.verzoek
    for p in v.ongewijzigde_producten:
        if (t := ctx.historie.toewijzing(gemeente, p.toewijzing_nummer)) is not None:
            yield p, Product(categorie=t.product_categorie or "", code=t.product_code), t.ingangsdatum, t.einddatum
    for p in v.te_wijzigen_producten:
        if (t := ctx.historie.toewijzing(gemeente, p.toewijzing_nummer)) is not None:
            product = Product(categorie=t.product_categorie or "", code=t.product_code)
            yield p, product, p.gewenste_ingangsdatum, p.einddatum or t.einddatum
    for p in v.nieuwe_producten:
        yield p, p.product, p.gewenste_ingangsdatum, p.einddatum


def _met_categorie(product):
    """None (overlaps with every product, per TR361's toelichting) when there is no productcategorie."""
    return product if product is not None and product.categorie else None


@regel(
    "TR361",
    retourcode="9361",
    berichten=("JW317",),
    betekenis="Een Product mag alleen vaker in een verzoek om wijziging voorkomen als de zorgperiodes elkaar niet "
    "overlappen.",
    historie=True,
)
def tr361_geen_overlap_in_vow(bericht, ctx):
    for a, b in paren(_vow_producten(bericht, ctx)):
        if isinstance(a[0], NieuwProduct) and isinstance(b[0], NieuwProduct):
            continue  # two new products: TR410
        if zelfde_product(_met_categorie(a[1]), _met_categorie(b[1])) and overlapt(a[2], a[3], b[2], b[3]):
            yield b[0], "ToewijzingNummer" if hasattr(b[0], "toewijzing_nummer") else "Product"
