"""Cross-message rules for JW301 Toewijzing: TR332, TR379, TR385."""

from __future__ import annotations

from jeugdhulp.berichten.ijw.regels.kern import regel


@regel(
    "TR332",
    retourcode="9332",
    berichten=("JW301",),
    betekenis="Toewijzing heeft geen uniek nummer binnen wettelijk domein.",
    historie=True,
)
def tr332_toewijzingnummer_uniek(bericht, ctx):
    gemeente, aanbieder, bsn = bericht.header.afzender, bericht.header.ontvanger, bericht.client.bsn
    for tp in bericht.client.toegewezen_producten:
        eerder = ctx.historie.toewijzing(gemeente, tp.toewijzing_nummer)
        if eerder is not None and (eerder.aanbieder, eerder.bsn) != (aanbieder, bsn):
            yield tp, "ToewijzingNummer"


@regel(
    "TR379",
    retourcode="9379",
    berichten=("JW301",),
    betekenis="ReferentieAanbieder refereert niet naar een verzoek om toewijzing of verzoek om wijziging.",
    historie=True,
)
def tr379_referentie_hoort_bij_verzoek(bericht, ctx):
    aanbieder = bericht.header.ontvanger
    for tp in bericht.client.toegewezen_producten:
        if tp.referentie_aanbieder and ctx.historie.verzoek(aanbieder, tp.referentie_aanbieder) is None:
            yield tp, "ReferentieAanbieder"


def _openstaande_debet(prestaties):
    gecrediteerd = {p.vorig_referentie_nummer for p in prestaties if p.debet_credit == "C"}
    return [
        p for p in prestaties if p.debet_credit == "D" and p.goedgekeurd and p.referentie_nummer not in gecrediteerd
    ]


@regel(
    "TR385",
    retourcode="9385",
    berichten=("JW301",),
    betekenis="Toewijzing heeft goedgekeurde declaratieregels en mag niet verwijderd worden (RedenWijziging 13).",
    historie=True,
)
def tr385_niet_verwijderen_na_declaratie(bericht, ctx):
    aanbieder = bericht.header.ontvanger
    for tp in bericht.client.toegewezen_producten:
        if tp.reden_wijziging == "13" and _openstaande_debet(ctx.historie.prestaties(aanbieder, tp.toewijzing_nummer)):
            yield tp, "RedenWijziging"
