"""Field rules for JW323 Declaratie and the JW325 we answer with: periods (CS337/CS340/CS100/TR319/TR335), amounts
(CS339/CD087/TR346/TR358/CS325/TR342), references (CD060/TR315/TR316/TR416/CS319); duplicate rows (TR101) live in
``dubbel`` and the dates against the Dagtekening (TR134/TR137) in ``datums``."""

from __future__ import annotations

import re
from datetime import date

from jeugdhulp.berichten.ijw.regels._hulp import is_kalendermaand
from jeugdhulp.berichten.ijw.regels.kern import regel

EURO = "83"
GOED = "0200"
DECLARATIE = ("JW323", "JW325")


def prestaties(bericht):
    """The Prestatie objects of a JW323 (Declaratie) or JW325 (DeclaratieAntwoord)."""
    d = bericht.declaratie if hasattr(bericht, "declaratie") else bericht.declaratie_antwoord
    for c in d.clienten if d is not None else ():
        yield from c.prestaties


@regel(
    "CS340",
    retourcode="0001",
    berichten=("JW323",),
    betekenis="DeclaratiePeriode moet precies één kalendermaand beslaan.",
)
def cs340_declaratieperiode_kalendermaand(bericht, ctx):
    p = bericht.declaratie.declaratie_periode
    if not is_kalendermaand(p.begindatum, p.einddatum):
        yield bericht.declaratie, "DeclaratiePeriode"


@regel(
    "CS100",
    retourcode="0001",
    berichten=("JW323",),
    betekenis="Begindatum van de DeclaratiePeriode moet op of na 01-01-2021 liggen.",
)
def cs100_declaratieperiode_vanaf_2021(bericht, ctx):
    if bericht.declaratie.declaratie_periode.begindatum < date(2021, 1, 1):
        yield bericht.declaratie, "DeclaratiePeriode/Begindatum"


@regel(
    "CS337",
    retourcode="0001",
    berichten=("JW323",),
    betekenis="ProductPeriode moet binnen één kalendermaand vallen (en Einddatum >= Begindatum).",
)
def cs337_productperiode_binnen_maand(bericht, ctx):
    for p in prestaties(bericht):
        b, e = p.product_periode.begindatum, p.product_periode.einddatum
        if e < b or (b.year, b.month) != (e.year, e.month):
            yield p, "ProductPeriode"


@regel(
    "CS339",
    retourcode="0001",
    berichten=("JW323",),
    betekenis="Als Eenheid 83 (Euro's) is, moet Bedrag in IngediendBedrag gelijk zijn aan GeleverdVolume.",
)
def cs339_euro_bedrag_is_volume(bericht, ctx):
    for p in prestaties(bericht):
        if p.eenheid == EURO and p.ingediend_bedrag.bedrag != p.geleverd_volume:
            yield p, "IngediendBedrag/Bedrag"


@regel(
    "CD087",
    retourcode="0001",
    berichten=("JW323",),
    betekenis="Als Eenheid niet 83 (Euro's) is, dan ProductTarief verplicht vullen.",
)
def cd087_tarief_verplicht(bericht, ctx):
    for p in prestaties(bericht):
        if p.eenheid != EURO and p.product_tarief is None:
            yield p, "ProductTarief"


@regel(
    "TR346",
    retourcode="9346",
    berichten=("JW323",),
    betekenis="Eenheid is ongelijk aan 83 (Euro's), maar IngediendBedrag is niet gelijk aan GeleverdVolume "
    "vermenigvuldigd met ProductTarief.",
)
def tr346_bedrag_is_volume_maal_tarief(bericht, ctx):
    for p in prestaties(bericht):
        if p.eenheid == EURO or p.product_tarief is None:
            continue
        if p.ingediend_bedrag.bedrag != p.geleverd_volume * p.product_tarief:
            yield p, "IngediendBedrag/Bedrag"


def _netto(bedrag: int, dc: str) -> int:
    return -bedrag if dc == "C" else bedrag


@regel(
    "TR358",
    retourcode="0001",
    berichten=("JW323",),
    betekenis="TotaalIngediendBedrag moet gelijk zijn aan de som van IngediendBedrag van alle Prestaties "
    "(debet opgeteld, credit afgetrokken).",
)
def tr358_totaal_is_som(bericht, ctx):
    totaal = bericht.declaratie.totaal_ingediend_bedrag
    som = sum(_netto(p.ingediend_bedrag.bedrag, p.ingediend_bedrag.debet_credit) for p in prestaties(bericht))
    if som != _netto(totaal.totaal_bedrag, totaal.debet_credit):
        yield bericht.declaratie, "TotaalIngediendBedrag", f"som prestaties {som}"


def _bedragen(bericht):
    """(object, path, amount, debet_credit) for every amount with DebetCredit in a JW323 or JW325."""
    if hasattr(bericht, "declaratie"):
        d = bericht.declaratie
        t = d.totaal_ingediend_bedrag
        yield d, "TotaalIngediendBedrag/DebetCredit", t.totaal_bedrag, t.debet_credit
    elif (d := bericht.declaratie_antwoord) is not None:
        for veld in ("TotaalIngediendBedrag", "TotaalToegekendBedrag"):
            t = getattr(d, "totaal_ingediend_bedrag" if veld == "TotaalIngediendBedrag" else "totaal_toegekend_bedrag")
            yield d, f"{veld}/DebetCredit", t.totaal_bedrag, t.debet_credit
    for p in prestaties(bericht):
        yield p, "IngediendBedrag/DebetCredit", p.ingediend_bedrag.bedrag, p.ingediend_bedrag.debet_credit


@regel(
    "CS325",
    retourcode="0001",
    berichten=DECLARATIE,
    betekenis="Als (Totaal)Bedrag 0 is, dan DebetCredit de waarde D (debet) geven.",
)
def cs325_nul_is_debet(bericht, ctx):
    for obj, veld, bedrag, dc in _bedragen(bericht):
        if bedrag == 0 and dc != "D":
            yield obj, veld


@regel(
    "CD060",
    retourcode="0001",
    berichten=DECLARATIE,
    betekenis="VorigReferentieNummer is verplicht bij een creditprestatie en leeg bij een debetprestatie.",
)
def cd060_credit_vraagt_vorig_referentienummer(bericht, ctx):
    for p in prestaties(bericht):
        credit = p.ingediend_bedrag.debet_credit == "C"
        if credit != (p.product_referentie.vorig_referentie_nummer is not None):
            yield p, "ProductReferentie/VorigReferentieNummer"


@regel(
    "TR315",
    retourcode="0001",
    berichten=("JW323",),
    betekenis="VorigReferentieNummer van de Prestatie moet uniek zijn in het bericht.",
)
def tr315_vorig_referentienummer_uniek(bericht, ctx):
    gezien = set()
    for p in prestaties(bericht):
        vorig = p.product_referentie.vorig_referentie_nummer
        if vorig is not None:
            if vorig in gezien:
                yield p, "ProductReferentie/VorigReferentieNummer"
            gezien.add(vorig)


@regel(
    "TR316",
    retourcode="0001",
    berichten=("JW323",),
    betekenis="Debetregels mogen niet in hetzelfde bericht gecrediteerd worden.",
)
def tr316_niet_crediteren_in_zelfde_bericht(bericht, ctx):
    referenties = {p.product_referentie.referentie_nummer for p in prestaties(bericht)}
    for p in prestaties(bericht):
        if p.product_referentie.vorig_referentie_nummer in referenties:
            yield p, "ProductReferentie/VorigReferentieNummer"


@regel(
    "TR416",
    retourcode="0001",
    berichten=("JW323",),
    betekenis="Per ProductPeriode, ProductCategorie, ProductCode en ToewijzingNummer mag een bericht maar één "
    "debetprestatie bevatten.",
)
def tr416_een_debet_per_periode_in_bericht(bericht, ctx):
    gezien = set()
    for c in bericht.declaratie.clienten:  # a prestatie's key includes its client's (TR101: with the parent's key)
        for p in c.prestaties:
            if p.ingediend_bedrag.debet_credit != "D":
                continue
            sleutel = (c.bsn, p.product_periode, p.product_categorie, p.product_code, p.toewijzing_nummer)
            if sleutel in gezien:
                yield p, "IngediendBedrag/DebetCredit"
            gezien.add(sleutel)


@regel(
    "TR319",
    retourcode="9319",
    berichten=("JW323",),
    betekenis="Een declaratie bevat alleen prestaties met een ProductPeriode in de eigen of een eerdere "
    "DeclaratiePeriode.",
)
def tr319_productperiode_niet_na_declaratieperiode(bericht, ctx):
    einde = bericht.declaratie.declaratie_periode.einddatum
    for p in prestaties(bericht):
        if p.product_periode.begindatum > einde:
            yield p, "ProductPeriode/Begindatum"


def _jaren_terug(d: date, jaren: int) -> date:
    try:
        return d.replace(year=d.year - jaren)
    except ValueError:  # 29 February
        return d.replace(year=d.year - jaren, day=28)


@regel(
    "TR335",
    retourcode="0001",
    berichten=("JW323",),
    betekenis="Einddatum mag niet meer dan 5 jaar voor DeclaratieDagtekening liggen.",
)
def tr335_einddatum_hooguit_5_jaar_oud(bericht, ctx):
    d = bericht.declaratie
    grens = _jaren_terug(d.declaratie_dagtekening, 5)
    if d.declaratie_periode.einddatum < grens:
        yield d, "DeclaratiePeriode/Einddatum"
    for p in prestaties(bericht):
        if p.product_periode.einddatum < grens:
            yield p, "ProductPeriode/Einddatum"


_AANEENGESLOTEN = re.compile(r"[0-9A-Za-z]+")


@regel(
    "CS319",
    retourcode="0001",
    berichten=("JW323",),
    betekenis="DeclaratieNummer aaneengesloten vullen met cijfers en/of letters.",
)
def cs319_declaratienummer_aaneengesloten(bericht, ctx):
    if not _AANEENGESLOTEN.fullmatch(bericht.declaratie.declaratie_nummer):
        yield bericht.declaratie, "DeclaratieNummer"


def _afgekeurd(codes) -> bool:
    return any(c != GOED for c in codes)


@regel(
    "TR342",
    retourcode="0001",
    berichten=("JW325",),
    betekenis="Een declaratie-antwoord bevat alleen afgewezen prestaties; hun som verklaart het verschil tussen "
    "TotaalIngediendBedrag en TotaalToegekendBedrag (bij afkeur van de hele declaratie is Toegekend 0).",
)
def tr342_alleen_afgewezen_prestaties(bericht, ctx):
    d = bericht.declaratie_antwoord
    if d is None:
        return
    ingediend = _netto(d.totaal_ingediend_bedrag.totaal_bedrag, d.totaal_ingediend_bedrag.debet_credit)
    toegekend = _netto(d.totaal_toegekend_bedrag.totaal_bedrag, d.totaal_toegekend_bedrag.debet_credit)
    if _afgekeurd(d.retour_codes):
        if toegekend != 0 or d.clienten:
            yield d, "TotaalToegekendBedrag"
        return
    for c in d.clienten:
        for p in c.prestaties:
            if not (_afgekeurd(p.retour_codes) or _afgekeurd(c.retour_codes)):
                yield p, "RetourCodes"
    som = sum(_netto(p.ingediend_bedrag.bedrag, p.ingediend_bedrag.debet_credit) for p in prestaties(bericht))
    if som != ingediend - toegekend:
        yield d, "TotaalToegekendBedrag", f"som afgewezen {som}"
