"""Field rules for JW323 Declaratie: periods (CS337/CS340/CS100), amounts (CS339/CD087/TR346/TR358/CS325),
credit references (CD060/TR315/TR316) and duplicate rows (TR101 lives in ``dubbel``)."""

from __future__ import annotations

from datetime import date

from jeugdhulp.berichten.ijw.regels._hulp import is_kalendermaand
from jeugdhulp.berichten.ijw.regels.kern import regel

EURO = "83"


def prestaties(bericht):
    for c in bericht.declaratie.clienten:
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


def _perioden(bericht):
    """Every CDT_GeslotenPeriode of a JW323 with its element path: the DeclaratiePeriode and each ProductPeriode."""
    yield bericht.declaratie, "DeclaratiePeriode", bericht.declaratie.declaratie_periode
    for p in prestaties(bericht):
        yield p, "ProductPeriode", p.product_periode


@regel(
    "TR134",
    retourcode="0001",
    berichten=("JW323",),
    betekenis="Begindatum van een periode mag niet groter zijn dan de Dagtekening van het bericht.",
)
def tr134_begindatum_niet_na_dagtekening(bericht, ctx):
    dagtekening = bericht.header.bericht_identificatie.dagtekening
    for obj, veld, periode in _perioden(bericht):
        if periode.begindatum > dagtekening:
            yield obj, f"{veld}/Begindatum"


@regel(
    "TR137",
    retourcode="0001",
    berichten=("JW323",),
    betekenis="Einddatum van een periode is groter dan of gelijk aan de Begindatum en niet groter dan de "
    "Dagtekening van het bericht.",
)
def tr137_einddatum_in_periode_en_niet_na_dagtekening(bericht, ctx):
    dagtekening = bericht.header.bericht_identificatie.dagtekening
    for obj, veld, periode in _perioden(bericht):
        if periode.einddatum < periode.begindatum or periode.einddatum > dagtekening:
            yield obj, f"{veld}/Einddatum"


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


@regel(
    "CS325",
    retourcode="0001",
    berichten=("JW323",),
    betekenis="Als TotaalBedrag 0 is, dan DebetCredit de waarde D (debet) geven.",
)
def cs325_nul_is_debet(bericht, ctx):
    t = bericht.declaratie.totaal_ingediend_bedrag
    if t.totaal_bedrag == 0 and t.debet_credit != "D":
        yield bericht.declaratie, "TotaalIngediendBedrag/DebetCredit"


@regel(
    "CD060",
    retourcode="0001",
    berichten=("JW323",),
    betekenis="Bij een creditprestatie is VorigReferentieNummer verplicht.",
)
def cd060_credit_vraagt_vorig_referentienummer(bericht, ctx):
    for p in prestaties(bericht):
        if p.ingediend_bedrag.debet_credit == "C" and p.product_referentie.vorig_referentie_nummer is None:
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
