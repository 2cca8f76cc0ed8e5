"""Cross-message rules for JW323 Declaratie (and TR304 for JW317): TR304, TR307, TR308, TR314, TR323, TR333,
TR318, TR321, TR322, TR338–TR341, TR369, TR384, TR387–TR390, TR418."""

from __future__ import annotations

from datetime import timedelta

from jeugdhulp.berichten.ijw.regels._hulp import laatste_dag
from jeugdhulp.berichten.ijw.regels.kern import regel

UUR, MINUUT = "04", "01"


def _prestaties_met_toewijzing(bericht, ctx):
    gemeente = bericht.header.ontvanger
    for c in bericht.declaratie.clienten:
        for p in c.prestaties:
            yield c, p, ctx.historie.toewijzing(gemeente, p.toewijzing_nummer)


def _gekoppeld(bericht, ctx):
    aanbieder = bericht.header.afzender
    for c, p, t in _prestaties_met_toewijzing(bericht, ctx):
        if t is not None and t.aanbieder == aanbieder and t.bsn == c.bsn:
            yield p, t


@regel(
    "TR304",
    retourcode="8187",
    berichten=("JW317", "JW323"),
    betekenis="De prestatie of het product hoort niet bij deze client (Bsn).",
    historie=True,
)
def tr304_bsn_hoort_bij_toewijzing(bericht, ctx):
    gemeente = bericht.header.ontvanger
    if hasattr(bericht, "declaratie"):
        for c, p, t in _prestaties_met_toewijzing(bericht, ctx):
            if t is not None and t.bsn != c.bsn:
                yield p, "ToewijzingNummer"
        return
    v = bericht.client.verzoek
    for p in (*v.ongewijzigde_producten, *v.te_wijzigen_producten):
        t = ctx.historie.toewijzing(gemeente, p.toewijzing_nummer)
        if t is not None and t.bsn != bericht.client.bsn:
            yield p, "ToewijzingNummer"


@regel(
    "TR338",
    retourcode="9338",
    berichten=("JW323",),
    betekenis="Prestatie is niet gerelateerd aan een toegewezen product op basis van het ToewijzingNummer.",
    historie=True,
)
def tr338_prestatie_bij_toewijzing(bericht, ctx):
    aanbieder = bericht.header.afzender
    for _, p, t in _prestaties_met_toewijzing(bericht, ctx):
        if t is None or t.aanbieder != aanbieder:
            yield p, "ToewijzingNummer"


@regel(
    "TR339",
    retourcode="9339",
    berichten=("JW323",),
    betekenis="ProductCategorie in de prestatie is niet gelijk aan ProductCategorie in het ToegewezenProduct.",
    historie=True,
)
def tr339_zelfde_categorie(bericht, ctx):
    for p, t in _gekoppeld(bericht, ctx):
        if t.product_categorie and t.product_categorie != p.product_categorie:
            yield p, "ProductCategorie"


@regel(
    "TR340",
    retourcode="9340",
    berichten=("JW323",),
    betekenis="ProductCode in de Prestatie is niet gelijk aan ProductCode in het ToegewezenProduct.",
    historie=True,
)
def tr340_zelfde_code(bericht, ctx):
    for p, t in _gekoppeld(bericht, ctx):
        if t.product_code and t.product_code != p.product_code:
            yield p, "ProductCode"


@regel(
    "TR341",
    retourcode="9341",
    berichten=("JW323",),
    betekenis="Eenheid in de Prestatie past niet bij Eenheid in het ToegewezenProduct.",
    historie=True,
)
def tr341_passende_eenheid(bericht, ctx):
    for p, t in _gekoppeld(bericht, ctx):
        if t.eenheid and p.eenheid != t.eenheid and not (t.eenheid == UUR and p.eenheid == MINUUT):
            yield p, "Eenheid"


@regel(
    "TR307",
    retourcode="9307",
    berichten=("JW323",),
    betekenis="Begindatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing.",
    historie=True,
)
def tr307_begin_binnen_toewijzing(bericht, ctx):
    for p, t in _gekoppeld(bericht, ctx):
        b = p.product_periode.begindatum
        if b < t.ingangsdatum or (t.einddatum is not None and b > t.einddatum):
            yield p, "ProductPeriode/Begindatum"


@regel(
    "TR308",
    retourcode="9308",
    berichten=("JW323",),
    betekenis="Einddatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing.",
    historie=True,
)
def tr308_eind_binnen_toewijzing(bericht, ctx):
    for p, t in _gekoppeld(bericht, ctx):
        e = p.product_periode.einddatum
        if (t.einddatum is not None and e > t.einddatum) or e < t.ingangsdatum:
            yield p, "ProductPeriode/Einddatum"


@regel(
    "TR387",
    retourcode="9387",
    berichten=("JW323",),
    betekenis="Begindatum van de ProductPeriode is niet de eerste dag van de kalendermaand en de Ingangsdatum "
    "van de toewijzing ligt niet later in die maand.",
    historie=True,
)
def tr387_productperiode_begint_op_maandbegin(bericht, ctx):
    for p, t in _gekoppeld(bericht, ctx):
        b = p.product_periode.begindatum
        eerste = b.replace(day=1)
        verwacht = t.ingangsdatum if eerste < t.ingangsdatum <= laatste_dag(b) else eerste
        if b != verwacht:
            yield p, "ProductPeriode/Begindatum"


@regel(
    "TR388",
    retourcode="9388",
    berichten=("JW323",),
    betekenis="Einddatum van de ProductPeriode is niet de laatste dag van de kalendermaand en de Einddatum van "
    "de toewijzing ligt niet eerder in die maand.",
    historie=True,
)
def tr388_productperiode_eindigt_op_maandeinde(bericht, ctx):
    for p, t in _gekoppeld(bericht, ctx):
        e = p.product_periode.einddatum
        laatste = laatste_dag(e)
        verwacht = t.einddatum if t.einddatum and e.replace(day=1) <= t.einddatum < laatste else laatste
        if e != verwacht:
            yield p, "ProductPeriode/Einddatum"


@regel(
    "TR384",
    retourcode="9384",
    berichten=("JW323",),
    betekenis="Declaratie op toewijzing met RedenWijziging 13 (Verwijderd).",
    historie=True,
)
def tr384_niet_declareren_op_verwijderde_toewijzing(bericht, ctx):
    for p, t in _gekoppeld(bericht, ctx):
        if t.reden_wijziging == "13":
            yield p, "ToewijzingNummer"


@regel(
    "TR314",
    retourcode="8021",
    berichten=("JW323",),
    betekenis="Referentienummer prestatie is reeds aangeleverd.",
    historie=True,
)
def tr314_referentienummer_uniek(bericht, ctx):
    aanbieder = bericht.header.afzender
    for c in bericht.declaratie.clienten:
        for p in c.prestaties:
            if ctx.historie.prestatie(aanbieder, p.product_referentie.referentie_nummer) is not None:
                yield p, "ProductReferentie/ReferentieNummer"


@regel(
    "TR323",
    retourcode="8017",
    berichten=("JW323",),
    betekenis="Van deze creditprestatie is geen (goedgekeurde) debetprestatie bekend.",
    historie=True,
)
def tr323_credit_bij_debet(bericht, ctx):
    aanbieder = bericht.header.afzender
    for c in bericht.declaratie.clienten:
        for p in c.prestaties:
            vorig = p.product_referentie.vorig_referentie_nummer
            if p.ingediend_bedrag.debet_credit != "C" or vorig is None:
                continue
            debet = ctx.historie.prestatie(aanbieder, vorig)
            if debet is None or debet.debet_credit != "D" or not debet.goedgekeurd:
                yield p, "ProductReferentie/VorigReferentieNummer"


@regel(
    "TR390",
    retourcode="9390",
    berichten=("JW323",),
    betekenis="Er is al een Prestatie met gelijk ProductReferentie met waarde Credit.",
    historie=True,
)
def tr390_niet_dubbel_crediteren(bericht, ctx):
    aanbieder = bericht.header.afzender
    for c in bericht.declaratie.clienten:
        for p in c.prestaties:
            vorig = p.product_referentie.vorig_referentie_nummer
            if p.ingediend_bedrag.debet_credit != "C" or vorig is None:
                continue
            eerder = ctx.historie.prestaties(aanbieder, p.toewijzing_nummer)
            if any(x.debet_credit == "C" and x.vorig_referentie_nummer == vorig for x in eerder):
                yield p, "IngediendBedrag/DebetCredit"


@regel(
    "TR389",
    retourcode="9389",
    berichten=("JW323",),
    betekenis="Deze prestatie heeft een eerdere debetprestatie zonder bijbehorende creditprestatie.",
    historie=True,
)
def tr389_niet_dubbel_debiteren(bericht, ctx):
    aanbieder = bericht.header.afzender
    for c in bericht.declaratie.clienten:
        for p in c.prestaties:
            if p.ingediend_bedrag.debet_credit != "D":
                continue
            eerder = ctx.historie.prestaties(aanbieder, p.toewijzing_nummer)
            gecrediteerd = {x.vorig_referentie_nummer for x in eerder if x.debet_credit == "C"}
            for x in eerder:
                zelfde = (x.begindatum, x.einddatum, x.product_categorie, x.product_code) == (
                    p.product_periode.begindatum,
                    p.product_periode.einddatum,
                    p.product_categorie,
                    p.product_code,
                )
                if zelfde and x.debet_credit == "D" and x.referentie_nummer not in gecrediteerd:
                    yield p, "IngediendBedrag/DebetCredit"
                    break


@regel(
    "TR333",
    retourcode="9333",
    berichten=("JW323",),
    betekenis="Declaratienummer is niet uniek.",
    historie=True,
)
def tr333_declaratienummer_uniek(bericht, ctx):
    if ctx.historie.declaratie_bekend(bericht.header.afzender, bericht.declaratie.declaratie_nummer):
        yield bericht.declaratie, "DeclaratieNummer"


def _netto_volume(x) -> int:
    return -x.geleverd_volume if x.debet_credit == "C" else x.geleverd_volume


@regel(
    "TR369",
    retourcode="9369",
    berichten=("JW323",),
    betekenis="Budget is meegegeven, maar de som van GeleverdVolume in alle ingediende Prestaties past niet "
    "binnen het toegewezen Budget.",
    historie=True,
)
def tr369_binnen_budget(bericht, ctx):
    aanbieder = bericht.header.afzender
    lopend: dict[int, int] = {}
    for p, t in _gekoppeld(bericht, ctx):
        if t.budget is None:
            continue
        if t.toewijzing_nummer not in lopend:
            eerder = ctx.historie.prestaties(aanbieder, t.toewijzing_nummer)
            lopend[t.toewijzing_nummer] = sum(_netto_volume(x) for x in eerder if x.goedgekeurd)
        lopend[t.toewijzing_nummer] += (
            -p.geleverd_volume if p.ingediend_bedrag.debet_credit == "C" else p.geleverd_volume
        )
        if lopend[t.toewijzing_nummer] > t.budget:
            yield p, "GeleverdVolume"


@regel(
    "TR418",
    retourcode="0611",
    berichten=("JW323",),
    betekenis="Het ingediende tarief komt niet overeen met het contractuele tarief.",
    historie=True,
)
def tr418_contracttarief(bericht, ctx):
    aanbieder = bericht.header.afzender
    for c in bericht.declaratie.clienten:
        for p in c.prestaties:
            if p.product_tarief is None:
                continue
            tarief = ctx.historie.contracttarief(
                aanbieder, p.product_categorie, p.product_code, p.product_periode.begindatum
            )
            if tarief is not None and tarief != p.product_tarief:
                yield p, "ProductTarief", f"contracttarief {tarief}"


def _in_eenheid_toewijzing(p, t) -> float | None:
    """GeleverdVolume expressed in the toewijzing's Eenheid (minutes count against hours), None if incomparable."""
    if p.eenheid == t.eenheid:
        return p.geleverd_volume
    if (p.eenheid, t.eenheid) == (MINUUT, UUR):
        return p.geleverd_volume / 60
    return None


def _aantal_perioden(frequentie: str, begin, eind) -> int | None:
    """How many Frequentie periods (day, ISO week, calendar month) [begin, eind] touches; 1 for 'totaal' (6)."""
    if frequentie == "1":
        return (eind - begin).days + 1
    if frequentie == "2":
        return len({(begin + timedelta(days=d)).isocalendar()[:2] for d in range((eind - begin).days + 1)})
    if frequentie == "4":
        return (eind.year - begin.year) * 12 + eind.month - begin.month + 1
    if frequentie == "6":
        return 1
    return None


def _met_omvang(bericht, ctx):
    for p, t in _gekoppeld(bericht, ctx):
        if t.volume is not None and t.frequentie is not None and (v := _in_eenheid_toewijzing(p, t)) is not None:
            yield p, t, v


@regel(
    "TR321",
    retourcode="9321",
    berichten=("JW323",),
    betekenis="GeleverdVolume in de Prestatie past niet binnen Volume in het ToegewezenProduct (omgerekend naar "
    "Eenheid, Frequentie en de duur van de ProductPeriode).",
    historie=True,
)
def tr321_volume_past_in_omvang(bericht, ctx):
    for p, t, volume in _met_omvang(bericht, ctx):
        n = _aantal_perioden(t.frequentie, p.product_periode.begindatum, p.product_periode.einddatum)
        if n is not None and volume > t.volume * n:
            yield p, "GeleverdVolume", f"maximaal {t.volume * n}"


@regel(
    "TR322",
    retourcode="9322",
    berichten=("JW323",),
    betekenis="De som van GeleverdVolume van alle Prestaties op dit ToegewezenProduct past niet binnen de "
    "toegewezen Omvang over de hele looptijd.",
    historie=True,
)
def tr322_som_past_in_omvang(bericht, ctx):
    aanbieder = bericht.header.afzender
    lopend: dict[int, float] = {}
    for p, t, volume in _met_omvang(bericht, ctx):
        if t.frequentie != "6" and t.einddatum is None:
            continue  # an open-ended toewijzing has no total
        maximum = t.volume * _aantal_perioden(t.frequentie, t.ingangsdatum, t.einddatum or t.ingangsdatum)
        if t.toewijzing_nummer not in lopend:
            eerder = [x for x in ctx.historie.prestaties(aanbieder, t.toewijzing_nummer) if x.goedgekeurd]
            lopend[t.toewijzing_nummer] = sum(_netto_volume(x) for x in eerder)  # stored in the toewijzing's unit
        lopend[t.toewijzing_nummer] += -volume if p.ingediend_bedrag.debet_credit == "C" else volume
        if lopend[t.toewijzing_nummer] > maximum:
            yield p, "GeleverdVolume", f"totaal maximaal {maximum}"


@regel(
    "TR318",
    retourcode="8214",
    berichten=("JW323",),
    betekenis="De DeclaratiePeriode moet volgen op de voorgaande DeclaratiePeriode (maanden zonder zorg mogen "
    "worden overgeslagen).",
    historie=True,
)
def tr318_declaratieperiode_volgt_op_vorige(bericht, ctx):
    vorige = ctx.historie.laatste_declaratieperiode(bericht.header.afzender, bericht.header.ontvanger)
    if vorige is not None and bericht.declaratie.declaratie_periode.begindatum <= vorige:
        yield bericht.declaratie, "DeclaratiePeriode/Begindatum", f"vorige periode begon {vorige:%d-%m-%Y}"
