"""A valid example of every one of the 14 message types, and generic edits, so one rule can be tested in every
message the rule table lists it for (``test_regeltabel``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from jeugdhulp.berichten.ijw import Bevinding, maak_declaratie_antwoord, maak_retour
from tests.berichten import voorbeelden as vb

RETOUR_DAG = date(2024, 5, 10)


def jw325_bericht(afgewezen: bool = True):
    """Answer to ``vb.jw323_bericht()``; with ``afgewezen`` its one prestatie is rejected (9338) and listed."""
    jw323 = vb.jw323_bericht()
    p = jw323.declaratie.clienten[0].prestaties[0]
    fout = [Bevinding("9338", "TR338", "onbekende toewijzing", "Prestatie", object=p)] if afgewezen else []
    return maak_declaratie_antwoord(jw323, fout, identificatie="DA1", dagtekening=RETOUR_DAG)


def _retour(maak):
    return lambda: maak_retour(maak(), [], identificatie="R1", dagtekening=RETOUR_DAG, volledig=True)


VOORBEELD = {
    **vb.GELDIG,
    "JW325": jw325_bericht,
    "JW302": _retour(vb.jw301_bericht),
    "JW306": _retour(vb.jw305_bericht),
    "JW308": _retour(vb.jw307_bericht),
    "JW316": _retour(vb.jw315_bericht),
    "JW318": _retour(vb.jw317_bericht),
    "JW320": _retour(vb.jw319_bericht),
}


def met_header(bericht, **velden):
    return replace(bericht, header=replace(bericht.header, **velden))


def met_dagtekening(bericht, dag: date):
    h = bericht.header
    return met_header(bericht, bericht_identificatie=replace(h.bericht_identificatie, dagtekening=dag))


def met_bsn(bericht, bsn: str):
    if hasattr(bericht, "client"):
        return replace(bericht, client=replace(bericht.client, bsn=bsn))
    deel = "declaratie" if hasattr(bericht, "declaratie") else "declaratie_antwoord"
    d = getattr(bericht, deel)
    return replace(bericht, **{deel: replace(d, clienten=tuple(replace(c, bsn=bsn) for c in d.clienten))})


def met_geboortedatum(bericht, datum: date, gebruik: str | None = None):
    gd = replace(bericht.client.geboortedatum, datum=datum, datum_gebruik=gebruik)
    return replace(bericht, client=replace(bericht.client, geboortedatum=gd))


def gemeente_veld(soort: str) -> str:
    return "afzender" if soort in ("JW301", "JW319", "JW325") else "ontvanger"


def met_gemeente(bericht, soort: str, code: str):
    return met_header(bericht, **{gemeente_veld(soort): code})


def per_soort(soorten, goed, fout):
    """One (valid, broken) case per message type: ``goed(soort)`` and ``fout(soort)`` build the messages."""
    return [(lambda s=s: goed(s), lambda s=s: fout(s)) for s in soorten]
