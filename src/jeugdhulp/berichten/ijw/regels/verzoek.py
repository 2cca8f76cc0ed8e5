"""Field rules for JW315 (VOT), JW317 (VOW) and JW319 (antwoord)."""

from __future__ import annotations

from jeugdhulp.berichten.ijw.regels.kern import regel

VERWIJZER_ZORGVERLENER = ("02", "03", "04", "05")  # huisarts, jeugdarts, GI, medisch specialist


@regel(
    "CD066",
    retourcode="0001",
    berichten=("JW315",),
    betekenis="Als type verwijzer 02, 03, 04 of 05 is en ZorgverlenerCode is gevuld, dan is Naam verwijzer leeg.",
)
def cd066_verwijzer_code_zonder_naam(bericht, ctx):
    for ap in bericht.client.aangevraagde_producten:
        v = ap.verwijzer
        if v.type in VERWIJZER_ZORGVERLENER and v.zorgverlener_code is not None and v.naam is not None:
            yield ap, "Verwijzer/Naam"


@regel(
    "CD067",
    retourcode="0001",
    berichten=("JW315",),
    betekenis="Als type verwijzer 02, 03, 04 of 05 is en ZorgverlenerCode is leeg, dan is Naam verwijzer gevuld.",
)
def cd067_verwijzer_naam_zonder_code(bericht, ctx):
    for ap in bericht.client.aangevraagde_producten:
        v = ap.verwijzer
        if v.type in VERWIJZER_ZORGVERLENER and v.zorgverlener_code is None and v.naam is None:
            yield ap, "Verwijzer"


@regel(
    "CD068",
    retourcode="0001",
    berichten=("JW315",),
    betekenis="Als type verwijzer niet 02, 03, 04 of 05 is, dan is ZorgverlenerCode leeg.",
)
def cd068_verwijzer_zonder_agb(bericht, ctx):
    for ap in bericht.client.aangevraagde_producten:
        v = ap.verwijzer
        if v.type not in VERWIJZER_ZORGVERLENER and v.zorgverlener_code is not None:
            yield ap, "Verwijzer/ZorgverlenerCode"


@regel(
    "TR383",
    retourcode="0001",
    berichten=("JW315",),
    betekenis="ReferentieAanbieder is uniek voor elk AangevraagdProduct binnen het bericht.",
)
def tr383_referentie_uniek_in_vot(bericht, ctx):
    gezien = set()
    for ap in bericht.client.aangevraagde_producten:
        if ap.referentie_aanbieder in gezien:
            yield ap, "ReferentieAanbieder"
        gezien.add(ap.referentie_aanbieder)


@regel(
    "TR352",
    retourcode="0001",
    berichten=("JW317",),
    betekenis="Bij een verzoek om wijziging komt minstens 1 OngewijzigdProduct of TeWijzigenProduct voor.",
)
def tr352_vow_bevat_bestaand_product(bericht, ctx):
    v = bericht.client.verzoek
    if not v.ongewijzigde_producten and not v.te_wijzigen_producten:
        yield v, "TeWijzigenProducten"


@regel(
    "TR353",
    retourcode="0001",
    berichten=("JW317",),
    betekenis="Bij een verzoek om wijziging komt minstens 1 TeWijzigenProduct of NieuwProduct voor.",
)
def tr353_vow_bevat_wijziging(bericht, ctx):
    v = bericht.client.verzoek
    if not v.te_wijzigen_producten and not v.nieuwe_producten:
        yield v, "NieuweProducten"


@regel(
    "CD085",
    retourcode="0001",
    berichten=("JW319",),
    betekenis="Als VerzoekAntwoord de waarde 1 (verzoek afgewezen) heeft, dan RedenAfwijzingVerzoek vullen.",
)
def cd085_afwijzing_vraagt_reden(bericht, ctx):
    a = bericht.antwoord
    if a.verzoek_antwoord == "1" and a.reden_afwijzing_verzoek is None:
        yield a, "RedenAfwijzingVerzoek"


@regel(
    "CD086",
    retourcode="0001",
    berichten=("JW319",),
    betekenis="Als VerzoekAntwoord de waarde 2 (aanvraag in onderzoek) heeft, dan RedenAfwijzingVerzoek leeg laten.",
)
def cd086_onderzoek_zonder_reden(bericht, ctx):
    a = bericht.antwoord
    if a.verzoek_antwoord == "2" and a.reden_afwijzing_verzoek is not None:
        yield a, "RedenAfwijzingVerzoek"


@regel(
    "TR377",
    retourcode="0001",
    berichten=("JW319",),
    betekenis="Als RedenAfwijzingVerzoek 8 (Woonplaatsbeginsel) is, dan berichtklasse Woonplaatsbeginsel opnemen.",
)
def tr377_woonplaatsbeginsel_opnemen(bericht, ctx):
    a = bericht.antwoord
    if a.reden_afwijzing_verzoek == "8" and a.woonplaatsbeginsel is None:
        yield a, "Woonplaatsbeginsel"


@regel(
    "TR409",
    retourcode="0001",
    berichten=("JW319",),
    betekenis="Als RedenAfwijzingVerzoek niet 8 (Woonplaatsbeginsel) is, dan Woonplaatsbeginsel weglaten.",
)
def tr409_woonplaatsbeginsel_weglaten(bericht, ctx):
    a = bericht.antwoord
    if a.reden_afwijzing_verzoek != "8" and a.woonplaatsbeginsel is not None:
        yield a, "Woonplaatsbeginsel"


@regel(
    "CD043",
    retourcode="0001",
    berichten=("JW315",),
    betekenis="Als BeschikkingNummer gevuld is, dan BeschikkingIngangsdatum verplicht vullen, anders leeg laten.",
)
def cd043_beschikking_ingangsdatum(bericht, ctx):
    for ap in bericht.client.aangevraagde_producten:
        if (ap.beschikking_nummer is not None) != (ap.beschikking_ingangsdatum is not None):
            yield ap, "BeschikkingIngangsdatum"
