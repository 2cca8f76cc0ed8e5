"""Client rules: BSN 11-proef (CS002), Geboortedatum (TR002, CS139), naam, communicatie and contact (JW301)."""

from __future__ import annotations

import re
from datetime import date

from stdnum.nl import bsn as stdnum_bsn

from jeugdhulp.berichten.ijw.regels._hulp import clienten
from jeugdhulp.berichten.ijw.regels.kern import regel

MET_BSN = ("JW301", "JW305", "JW307", "JW315", "JW317", "JW323")
MET_GEBOORTEDATUM = ("JW301", "JW305", "JW307", "JW315")
ONBEKEND = date(1900, 1, 1)


@regel("CS002", retourcode="0001", berichten=MET_BSN, betekenis="Bsn moet voldoen aan de 11-proef.")
def cs002_bsn_elfproef(bericht, ctx):
    for c in clienten(bericht):
        if not stdnum_bsn.is_valid(c.bsn):
            yield c, "Bsn"


def _jaren_tussen(van: date, tot: date) -> int:
    return tot.year - van.year - ((tot.month, tot.day) < (van.month, van.day))


@regel(
    "TR002",
    retourcode="0001",
    berichten=MET_GEBOORTEDATUM,
    betekenis="Geboortedatum mag niet meer dan 120 jaar voor de Dagtekening liggen, tenzij onbekend.",
)
def tr002_geboortedatum_max_120_jaar(bericht, ctx):
    dagtekening = bericht.header.bericht_identificatie.dagtekening
    c = bericht.client
    gd = c.geboortedatum
    if gd.datum_gebruik == "3" and gd.datum == ONBEKEND:
        return
    if _jaren_tussen(gd.datum, dagtekening) > 120:
        yield c, "Geboortedatum/Datum"


@regel(
    "CS139",
    retourcode="0001",
    berichten=MET_GEBOORTEDATUM,
    betekenis="DatumGebruik en Datum van Geboortedatum moeten met elkaar in overeenstemming zijn.",
)
def cs139_datumgebruik(bericht, ctx):
    # Documented part: DatumGebruik 3 (geheel onbekend) goes with Datum 01-01-1900 (see TR002's toelichting).
    gd = bericht.client.geboortedatum
    if gd.datum_gebruik == "3" and gd.datum != ONBEKEND:
        yield bericht.client, "Geboortedatum"


@regel(
    "CS318", retourcode="0001", berichten=("JW301",), betekenis="NaamGebruik 6 (Niet-natuurlijk persoon) niet vullen."
)
def cs318_naamgebruik_niet_6(bericht, ctx):
    if bericht.client.naam.naam_gebruik == "6":
        yield bericht.client, "Naam/NaamGebruik"


@regel(
    "CD007",
    retourcode="0001",
    berichten=("JW301",),
    betekenis="Taal is verplicht als Vorm de waarde 1 (tolk taal) heeft, anders leeg laten.",
)
def cd007_communicatie_taal(bericht, ctx):
    com = bericht.client.communicatie
    if com is not None and (com.vorm == "1") != (com.taal is not None):
        yield bericht.client, "Communicatie/Taal"


@regel(
    "TR006",
    retourcode="0001",
    berichten=("JW301",),
    betekenis="Contact moet Telefoon en/of de combinatie Huis en Postcode bevatten.",
)
def tr006_contact_bereikbaar(bericht, ctx):
    contacten = list(bericht.client.contactgegevens) + [r.contact for r in bericht.client.relaties]
    for contact in contacten:
        adres = contact.adres
        if contact.telefoon is None and not (adres and adres.huis and adres.postcode):
            yield contact, "Telefoon"


@regel(
    "TR061",
    retourcode="0001",
    berichten=("JW301",),
    betekenis="Bij een Client moet minimaal één Contact met Soort 01, 02 of 03 voorkomen.",
)
def tr061_adres_soort(bericht, ctx):
    if not any(c.soort in ("01", "02", "03") for c in bericht.client.contactgegevens):
        yield bericht.client, "Contactgegevens"


_POSTCODE_NL = re.compile(r"[1-9][0-9]{3}[A-Z]{2}")


@regel(
    "CS089",
    retourcode="0001",
    berichten=("JW301",),
    betekenis="Postcode moet bij LandCode NL bestaan uit 4 cijfers gevolgd door 2 hoofdletters (1234AB).",
)
def cs089_postcode_nl(bericht, ctx):
    contacten = list(bericht.client.contactgegevens) + [r.contact for r in bericht.client.relaties]
    for contact in contacten:
        adres = contact.adres
        nl = adres is not None and adres.postcode is not None and adres.land_code == "NL"
        if nl and not _POSTCODE_NL.fullmatch(adres.postcode):
            yield contact, "Adres/Postcode"
