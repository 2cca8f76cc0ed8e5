"""Client rules: BSN 11-proef (CS002), Geboortedatum (TR002, CS139), naam, communicatie and contact (JW301)."""

from __future__ import annotations

import re
from datetime import date

from stdnum.nl import bsn as stdnum_bsn

from jeugdhulp.berichten.ijw.regels._hulp import clienten
from jeugdhulp.berichten.ijw.regels.kern import regel

MET_BSN = ("JW301", "JW305", "JW307", "JW315", "JW317", "JW323", "JW325")
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
    personen = [bericht.client, *getattr(bericht.client, "relaties", ())]  # JW301 also for each Relatie
    for persoon in personen:
        gd = persoon.geboortedatum
        if gd is not None and gd.datum_gebruik == "3" and gd.datum != ONBEKEND:
            yield persoon, "Geboortedatum"


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


def _contacten(client):
    return [*client.contactgegevens, *(r.contact for r in client.relaties)]


@regel(
    "CS050",
    retourcode="0001",
    berichten=("JW301",),
    betekenis="Als Partnernaam gevuld is, dan NaamGebruik 1, 2, 3 of 4; anders 1 of 6.",
)
def cs050_naamgebruik_bij_partnernaam(bericht, ctx):
    for persoon in (bericht.client, *bericht.client.relaties):
        naam = persoon.naam
        toegestaan = ("1", "2", "3", "4") if naam.partnernaam is not None else ("1", "6")
        if naam.naam_gebruik not in toegestaan:
            yield persoon, "Naam/NaamGebruik"


@regel(
    "CD005",
    retourcode="0001",
    berichten=("JW301",),
    betekenis="Als Postcode gevuld is, dan LandCode verplicht vullen, anders leeg laten.",
)
def cd005_landcode_bij_postcode(bericht, ctx):
    for contact in _contacten(bericht.client):
        a = contact.adres
        if a is not None and (a.postcode is not None) != (a.land_code is not None):
            yield contact, "Adres/LandCode"


@regel(
    "CD009",
    retourcode="0001",
    berichten=("JW301",),
    betekenis="Periode alleen vullen als Soort adres 04 (tijdelijk adres) is.",
)
def cd009_periode_alleen_tijdelijk_adres(bericht, ctx):
    for contact in _contacten(bericht.client):
        if contact.periode is not None and contact.soort != "04":
            yield contact, "Periode"


@regel(
    "CD025",
    retourcode="0001",
    berichten=("JW301",),
    betekenis="Als LandCode NL (Nederland) is, dan Huis verplicht vullen.",
)
def cd025_huis_bij_nederland(bericht, ctx):
    for contact in _contacten(bericht.client):
        a = contact.adres
        if a is not None and a.land_code == "NL" and a.huis is None:
            yield contact, "Adres/Huis"


@regel(
    "CD034",
    retourcode="0001",
    berichten=("JW301",),
    betekenis="Als Soort adres 01 (BRP-adres) of 03 (verblijfadres) is, dan Postcode verplicht vullen.",
)
def cd034_postcode_bij_brp_of_verblijfadres(bericht, ctx):
    for contact in _contacten(bericht.client):
        if contact.soort in ("01", "03") and (contact.adres is None or contact.adres.postcode is None):
            yield contact, "Adres/Postcode"
