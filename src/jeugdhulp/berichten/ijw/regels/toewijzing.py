"""Field rules for toegewezen and requested products: JW301 ToegewezenProduct, JW315 AangevraagdProduct and JW317
TeWijzigenProduct/NieuwProduct (periods, Budget vs Omvang, RedenWijziging, overlap, duplicates)."""

from __future__ import annotations

from datetime import date

from jeugdhulp.berichten.ijw.regels._hulp import overlapt, paren, zelfde_product
from jeugdhulp.berichten.ijw.regels.kern import regel

EIND_2020 = date(2020, 12, 31)


def producten(bericht):
    """(object, ingangsdatum, einddatum) for every product-like berichtklasse with Omvang/Budget."""
    c = bericht.client
    if hasattr(c, "toegewezen_producten"):
        for tp in c.toegewezen_producten:
            yield tp, tp.ingangsdatum, tp.einddatum
    elif hasattr(c, "aangevraagde_producten"):
        for ap in c.aangevraagde_producten:
            yield ap, ap.toewijzing_ingangsdatum, ap.toewijzing_einddatum
    elif hasattr(c, "verzoek"):
        for p in (*c.verzoek.te_wijzigen_producten, *c.verzoek.nieuwe_producten):
            yield p, p.gewenste_ingangsdatum, p.einddatum


def _eind_veld(obj) -> str:
    return "ToewijzingEinddatum" if hasattr(obj, "toewijzing_einddatum") else "Einddatum"


MET_PRODUCT = ("JW301", "JW315", "JW317")


@regel(
    "CS003",
    retourcode="0001",
    berichten=MET_PRODUCT,
    betekenis="Einddatum moet groter dan of gelijk zijn aan de ingangsdatum.",
)
def cs003_einddatum_na_ingangsdatum(bericht, ctx):
    for obj, begin, eind in producten(bericht):
        if eind is not None and eind < begin:
            yield obj, _eind_veld(obj)
    for contact in getattr(bericht.client, "contactgegevens", ()):  # JW301: a temporary address's Periode
        p = contact.periode
        if p is not None and p.begindatum is not None and p.einddatum is not None and p.einddatum < p.begindatum:
            yield contact, "Periode/Einddatum"


@regel(
    "CD041",
    retourcode="0001",
    berichten=MET_PRODUCT,
    betekenis="Als Code in Product gevuld is, dan Omvang verplicht vullen.",
)
def cd041_code_vraagt_omvang(bericht, ctx):
    for obj, _, _ in producten(bericht):
        product = getattr(obj, "product", None)
        if product is not None and product.code and obj.omvang is None:
            yield obj, "Omvang"


@regel(
    "CD075",
    retourcode="0001",
    berichten=MET_PRODUCT,
    betekenis="Als Budget gevuld is, dan Einddatum verplicht vullen.",
)
def cd075_budget_vraagt_einddatum(bericht, ctx):
    for obj, _, eind in producten(bericht):
        if obj.budget is not None and eind is None:
            yield obj, _eind_veld(obj)


@regel(
    "CD076",
    retourcode="0001",
    berichten=MET_PRODUCT,
    betekenis="Als Frequentie de waarde 2 (per week) heeft, dan Einddatum verplicht vullen.",
)
def cd076_per_week_vraagt_einddatum(bericht, ctx):
    for obj, _, eind in producten(bericht):
        if obj.omvang is not None and obj.omvang.frequentie == "2" and eind is None:
            yield obj, _eind_veld(obj)


@regel(
    "CD077",
    retourcode="0001",
    berichten=MET_PRODUCT,
    betekenis="Als Budget gevuld is, dan Omvang leeg laten.",
)
def cd077_budget_sluit_omvang_uit(bericht, ctx):
    for obj, _, _ in producten(bericht):
        if obj.budget is not None and obj.omvang is not None:
            yield obj, "Omvang"


@regel(
    "CD078",
    retourcode="0001",
    berichten=MET_PRODUCT,
    betekenis="Als Omvang gevuld is, dan Budget leeg laten.",
)
def cd078_omvang_sluit_budget_uit(bericht, ctx):
    for obj, _, _ in producten(bericht):
        if obj.omvang is not None and obj.budget is not None:
            yield obj, "Budget"


@regel(
    "CD079",
    retourcode="0001",
    berichten=MET_PRODUCT,
    betekenis="Als Budget leeg is, dan Product verplicht vullen.",
)
def cd079_zonder_budget_product_verplicht(bericht, ctx):
    for obj, _, _ in producten(bericht):
        if hasattr(obj, "product") and obj.budget is None and obj.product is None:  # not TeWijzigenProduct
            yield obj, "Product"


def _aspecifiek_met_omvang(bericht):
    """Products without a Code that end after 31-12-2020 (or never) but carry an Omvang (CD080/CD095/CD096)."""
    for obj, _, eind in producten(bericht):
        if not hasattr(obj, "product"):
            continue  # TeWijzigenProduct: the product lives in the toewijzing (TR412, history)
        zonder_code = obj.product is None or not obj.product.code
        if zonder_code and (eind is None or eind > EIND_2020) and obj.omvang is not None:
            yield obj, "Omvang"


@regel(
    "CD080",
    retourcode="0001",
    berichten=("JW301",),
    betekenis="Als Code in Product leeg is en Einddatum groter dan 31-12-2020 of leeg is, dan Omvang leeg laten.",
)
def cd080_aspecifiek_zonder_omvang(bericht, ctx):
    yield from _aspecifiek_met_omvang(bericht)


@regel(
    "CD095",
    retourcode="0001",
    berichten=("JW315",),
    betekenis="Als Code in AangevraagdProduct leeg is en ToewijzingEinddatum groter dan 31-12-2020 of leeg is, "
    "dan Omvang leeg laten.",
)
def cd095_aspecifiek_verzoek_zonder_omvang(bericht, ctx):
    yield from _aspecifiek_met_omvang(bericht)


@regel(
    "CD096",
    retourcode="0001",
    berichten=("JW317",),
    betekenis="Als Code in NieuwProduct leeg is en Einddatum groter dan 31-12-2020 of leeg is, dan Omvang leeg laten.",
)
def cd096_aspecifiek_nieuw_product_zonder_omvang(bericht, ctx):
    yield from _aspecifiek_met_omvang(bericht)


def _frequentie_past_niet(bericht):
    """CS338/CS343: Eenheid 14, 16, 83 or 84 with an end after 31-12-2020 (or none) needs Frequentie 2, 4 or 6."""
    for obj, _, eind in producten(bericht):
        o = obj.omvang
        if o is None or o.eenheid not in ("14", "16", "83", "84") or (eind is not None and eind <= EIND_2020):
            continue
        if o.frequentie not in ("2", "4", "6"):
            yield obj, "Omvang/Frequentie"


@regel(
    "CS338",
    retourcode="0001",
    berichten=("JW301", "JW317"),
    betekenis="Als Eenheid de waarde 14, 16, 83 of 84 heeft en Einddatum groter dan 31-12-2020 of leeg is, "
    "dan Frequentie 2, 4 of 6.",
)
def cs338_eenheid_frequentie(bericht, ctx):
    yield from _frequentie_past_niet(bericht)


@regel(
    "CS343",
    retourcode="0001",
    berichten=("JW315",),
    betekenis="Als Eenheid de waarde 14, 16, 83 of 84 heeft en ToewijzingEinddatum groter dan 31-12-2020 of leeg "
    "is, dan Frequentie 2, 4 of 6.",
)
def cs343_eenheid_frequentie_verzoek(bericht, ctx):
    yield from _frequentie_past_niet(bericht)


@regel(
    "CS335",
    retourcode="0001",
    berichten=("JW301",),
    betekenis="RedenWijziging 13 (Verwijderd) alleen als Einddatum gelijk is aan Ingangsdatum.",
)
def cs335_verwijderd_einddatum(bericht, ctx):
    for tp in bericht.client.toegewezen_producten:
        if tp.reden_wijziging == "13" and tp.einddatum != tp.ingangsdatum:
            yield tp, "Einddatum"


@regel(
    "CS336",
    retourcode="0001",
    berichten=("JW301",),
    betekenis="RedenWijziging 01 (Administratieve correctie (vervallen)) mag niet gebruikt worden.",
)
def cs336_reden_01_vervallen(bericht, ctx):
    for tp in bericht.client.toegewezen_producten:
        if tp.reden_wijziging == "01":
            yield tp, "RedenWijziging"


def _verwijderd(tp) -> bool:
    return tp.reden_wijziging in ("13", "01") and tp.einddatum == tp.ingangsdatum


@regel(
    "TR302",
    retourcode="0001",
    berichten=("JW301",),
    betekenis="Een Product mag alleen vaker in een toewijzingsbericht voorkomen als de periodes niet overlappen.",
)
def tr302_geen_overlap_toewijzing(bericht, ctx):
    actief = [tp for tp in bericht.client.toegewezen_producten if not _verwijderd(tp)]
    for a, b in paren(actief):
        if zelfde_product(a.product, b.product) and overlapt(a.ingangsdatum, a.einddatum, b.ingangsdatum, b.einddatum):
            yield b, "Product"


@regel(
    "TR386",
    retourcode="0001",
    berichten=("JW315",),
    betekenis="Een Product mag alleen vaker in een verzoek om toewijzing voorkomen als de periodes niet overlappen.",
)
def tr386_geen_overlap_vot(bericht, ctx):
    for a, b in paren(bericht.client.aangevraagde_producten):
        if zelfde_product(a.product, b.product) and overlapt(
            a.toewijzing_ingangsdatum, a.toewijzing_einddatum, b.toewijzing_ingangsdatum, b.toewijzing_einddatum
        ):
            yield b, "Product"


@regel(
    "TR410",
    retourcode="0001",
    berichten=("JW317",),
    betekenis="Een Product mag alleen vaker in NieuwProduct voorkomen als de periodes niet overlappen.",
)
def tr410_geen_overlap_nieuw_product(bericht, ctx):
    for a, b in paren(bericht.client.verzoek.nieuwe_producten):
        if zelfde_product(a.product, b.product) and overlapt(
            a.gewenste_ingangsdatum, a.einddatum, b.gewenste_ingangsdatum, b.einddatum
        ):
            yield b, "Product"
