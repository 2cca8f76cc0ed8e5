"""Receiving iJw messages: ``ontvang(data, bron=…, aanbieder=…) -> Bericht``.

1. The ORIGINAL BYTES and their sha256 are stored first, in their own transaction, before anything can go wrong.
   The same bytes again are not stored twice: the first row is returned, with its retour (same answer again).
2. Then, in ONE transaction per message: validate with the pure library against ``DbHistorie``, apply the domain
   effects of what was accepted (``verwerking``), store our retour (or JW325) as an outbound message linked to the
   heenbericht, and set the deadlines. An exception rolls all of step 2 back; the bytes stay, status ``ontvangen``,
   and the next delivery of the same bytes processes them again.

Unreadable or schema-invalid input (not XML, DTD/XXE, > 25 MB, wrong namespace, impossible dates …) and
messages where nothing was accepted because of a 0001 error (e.g. an invalid BSN) go to ``quarantaine``: bytes
kept, a 0001 retour where the header is readable, no domain change. A message for another gemeente, from an
unknown aanbieder, or of a kind we do not receive is put in quarantine too, without a retour.

An aanbieder submitting over HTTP may only send as itself: ``aanbieder`` given and Afzender ≠ its AGB-code
raises ``AfzenderGeweigerd`` before anything is stored.

``ontvang_reeks(datas, …)`` receives many messages at once (the folder drop, the benchmark) with group commit:
all verbatim bytes in one transaction first, then the messages one by one inside one transaction per block, each
in its own savepoint. A message is still applied entirely or not at all (an exception rolls back its savepoint
only; it stays ``ontvangen`` and is retried), and each message sees the effects of the ones before it. A crash
before the block commits loses only processing, never bytes: those messages are processed again on the next run.
"""

from __future__ import annotations

import logging
from dataclasses import fields, is_dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from jeugdhulp.aanbieders.models import Aanbieder
from jeugdhulp.berichten import termijnen, verwerking
from jeugdhulp.berichten.historie_db import DbHistorie
from jeugdhulp.berichten.ijw import BERICHTSOORTEN, Leesfout, Resultaat, RetourFout, beantwoord, lees, validate
from jeugdhulp.berichten.ijw.reader import MAX_BYTES
from jeugdhulp.berichten.models import Bericht, Richting, Status
from jeugdhulp.berichten.opslag import bewaar_uit, binaire_parameters, nieuwe_identificatie, sha256
from jeugdhulp.organisatie.models import Gemeente

log = logging.getLogger(__name__)

VAN_AANBIEDER = frozenset(verwerking.HANDLERS)  # heenberichten an aanbieder sends to the gemeente
RETOUR_VAN_AANBIEDER = frozenset({"JW302", "JW320"})  # retours on our JW301 / JW319


class AfzenderGeweigerd(PermissionError):
    """An authenticated aanbieder tried to submit a message with another Afzender."""


def _werkelijke_afzender(kop: dict[str, str], soort: str | None) -> str | None:
    # A retour repeats the heenbericht's header, so its real sender is the heenbericht's Ontvanger.
    return kop.get("Ontvanger") if soort in RETOUR_VAN_AANBIEDER else kop.get("Afzender")


def controleer_afzender(data: bytes, aanbieder: Aanbieder) -> None:
    if len(data) > MAX_BYTES:
        return  # unreadable anyway: stored in quarantine under this aanbieder
    try:
        gelezen = lees(data)
        kop, soort = gelezen.kop, gelezen.soort.naam
    except Leesfout as fout:
        kop, soort = fout.kop, fout.soort.naam if fout.soort else None
    afzender = _werkelijke_afzender(kop, soort)
    if afzender is not None and afzender != aanbieder.agb_code:
        log.warning(
            "iJw: aanbieder %s probeerde een bericht van afzender %s in te dienen", aanbieder.agb_code, afzender
        )
        raise AfzenderGeweigerd(f"Afzender {afzender} is niet uw organisatie ({aanbieder.agb_code}).")


class _Partijen:
    """Gemeente and aanbieder rows by code, looked up once per call or block instead of once per message."""

    def __init__(self) -> None:
        self._gemeenten: dict[str, Gemeente | None] = {}
        self._aanbieders: dict[str, Aanbieder | None] = {}

    def gemeente(self, code: str) -> Gemeente | None:
        if code not in self._gemeenten:
            self._gemeenten[code] = Gemeente.objects.filter(cbs_code=code).first()
        return self._gemeenten[code]

    def aanbieder(self, agb: str) -> Aanbieder | None:
        if agb not in self._aanbieders:
            self._aanbieders[agb] = Aanbieder.objects.filter(agb_code=agb).first()
        return self._aanbieders[agb]


def _als_bytes(data) -> bytes:
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError("ontvang() verwacht bytes")
    return bytes(data)


def ontvang(data: bytes, *, bron: str, aanbieder: Aanbieder | None = None, vandaag: date | None = None) -> Bericht:
    data = _als_bytes(data)
    if aanbieder is not None:
        controleer_afzender(data, aanbieder)
    bericht = _bewaar(data, bron, aanbieder)
    if bericht.status == Status.ONTVANGEN:
        bericht = verwerk(bericht, vandaag=vandaag, data=data)
    return bericht


def ontvang_reeks(
    datas, *, bron: str, aanbieder: Aanbieder | None = None, vandaag: date | None = None, blok: int = 200
) -> list[Bericht]:
    """Receive many messages with group commit (see the module text); returns their rows in input order.

    ``bron`` is a string or a function of the message's position (e.g. its file name).
    """
    datas = [_als_bytes(d) for d in datas]
    if aanbieder is not None:
        for data in datas:
            controleer_afzender(data, aanbieder)
    uit: list[Bericht] = []
    for i in range(0, len(datas), blok):
        deel = datas[i : i + blok]
        bronnen = [bron(i + j) if callable(bron) else bron for j in range(len(deel))]
        uit += _verwerk_blok(_bewaar_alle(deel, bronnen, aanbieder), deel, vandaag or timezone.localdate())
    return uit


def _nieuw(data: bytes, sleutel: str, bron: str, aanbieder: Aanbieder | None) -> Bericht:
    return Bericht(
        richting=Richting.IN,
        status=Status.ONTVANGEN,
        inhoud=data,
        sha256=sleutel,
        grootte=len(data),
        bron=bron[:200],
        aanbieder=aanbieder,
    )


def _bekend(sleutels) -> dict[str, Bericht]:
    """Rows already received with these hashes (without their bytes: the caller holds the same bytes)."""
    rijen = Bericht.objects.filter(richting=Richting.IN, sha256__in=set(sleutels)).defer("inhoud")
    return {b.sha256: b for b in rijen}


def _bewaar_alle(datas: list[bytes], bronnen: list[str], aanbieder: Aanbieder | None) -> list[Bericht]:
    """Step 1 for a block: every new message's bytes in ONE transaction; a known one returns its first row."""
    sleutels = [sha256(d) for d in datas]
    bekend = _bekend(sleutels)
    nieuw: dict[str, Bericht] = {}
    for data, sleutel, bron in zip(datas, sleutels, bronnen, strict=True):
        if sleutel not in bekend and sleutel not in nieuw:
            nieuw[sleutel] = _nieuw(data, sleutel, bron, aanbieder)
    try:
        with transaction.atomic(), binaire_parameters():
            Bericht.objects.bulk_create(nieuw.values())
    except IntegrityError:  # some arrived concurrently: fall back to one by one
        return [_bewaar(d, b, aanbieder) for d, b in zip(datas, bronnen, strict=True)]
    return [bekend.get(s) or nieuw[s] for s in sleutels]


def _verwerk_blok(berichten: list[Bericht], datas: list[bytes], vandaag: date) -> list[Bericht]:
    """Step 2 for a block: one transaction, one savepoint per message (its own all-or-nothing)."""
    open_ = [b.pk for b in berichten if b.status == Status.ONTVANGEN]
    if not open_:
        return berichten
    partijen = _Partijen()
    verwerkt: dict[int, Bericht] = {}
    with transaction.atomic():
        # Rows another worker holds are skipped (processed there). Arrival order (bulk_create assigns ascending
        # keys), so a stop follows its start and a credit its debit, as when received one by one.
        rijen = Bericht.objects.select_for_update(skip_locked=True).filter(pk__in=open_, status=Status.ONTVANGEN)
        inhoud = {b.pk: d for b, d in zip(berichten, datas, strict=True)}  # in hand: not read back
        for bericht in rijen.defer("inhoud").order_by("pk"):
            try:
                with transaction.atomic():
                    _verwerk_binnen(bericht, vandaag, partijen, inhoud[bericht.pk])
            except Exception:
                log.exception(
                    "iJw: bericht %s niet verwerkt; het blijft ontvangen en wordt opnieuw geprobeerd", bericht.pk
                )
                bericht = Bericht.objects.get(pk=bericht.pk)
            verwerkt[bericht.pk] = bericht
    return [verwerkt.get(b.pk, b) for b in berichten]


def _bewaar(data: bytes, bron: str, aanbieder: Aanbieder | None) -> Bericht:
    sleutel = sha256(data)
    if (bestaand := _bekend([sleutel]).get(sleutel)) is not None:
        return bestaand
    try:
        with transaction.atomic(), binaire_parameters():
            bericht = _nieuw(data, sleutel, bron, aanbieder)
            bericht.save(force_insert=True)
            return bericht
    except IntegrityError:  # the same bytes arrived concurrently
        return _bekend([sleutel])[sleutel]


def verwerk(bericht: Bericht, *, vandaag: date | None = None, data: bytes | None = None) -> Bericht:
    """Process a stored message. ``data``: its bytes when the caller still has them (saves reading 25 MB back)."""
    vandaag = vandaag or timezone.localdate()
    with transaction.atomic():
        rij = Bericht.objects.select_for_update()
        bericht = (rij.defer("inhoud") if data is not None else rij).get(pk=bericht.pk)
        if bericht.status != Status.ONTVANGEN:
            return bericht  # processed meanwhile
        _verwerk_binnen(bericht, vandaag, _Partijen(), data if data is not None else bericht.bytes)
    return bericht


def _verwerk_binnen(bericht: Bericht, vandaag: date, partijen: _Partijen, data: bytes) -> None:
    """Validate, apply, answer: runs inside the caller's transaction (or savepoint) with the row locked."""
    resultaat = validate(data, DbHistorie(uitsluiten=bericht.pk), vandaag=vandaag)
    _kop_overnemen(bericht, resultaat, partijen)
    if resultaat.technisch_afgekeurd:
        eigen = bericht.gemeente is not None and bericht.gemeente.cbs_code == bericht.ontvanger
        melding = resultaat.bevindingen[0].betekenis
        _afsluiten(bericht, Status.QUARANTAINE, resultaat, vandaag, retour=eigen, melding=melding)
    elif resultaat.berichtsoort in RETOUR_VAN_AANBIEDER:
        _retour_ontvangen(bericht, resultaat)
    else:
        _heenbericht(bericht, resultaat, vandaag)


def _kop_overnemen(bericht: Bericht, r: Resultaat, partijen: _Partijen) -> None:
    k = r.kop
    bericht.berichtsoort = r.berichtsoort or ""
    bericht.afzender = (_werkelijke_afzender(k, r.berichtsoort) or "")[:8]
    retour = r.berichtsoort in RETOUR_VAN_AANBIEDER
    bericht.ontvanger = (k.get("Afzender" if retour else "Ontvanger") or "")[:8]
    bericht.identificatie = (k.get("IdentificatieRetour" if retour else "Identificatie") or "")[:12]
    try:
        bericht.dagtekening = date.fromisoformat(k.get("DagtekeningRetour" if retour else "Dagtekening") or "")
    except ValueError:
        bericht.dagtekening = None
    gemeente_code = bericht.ontvanger or settings.JEUGDHULP_GEMEENTE
    bericht.gemeente = partijen.gemeente(gemeente_code)
    if bericht.aanbieder_id is None and bericht.afzender:
        bericht.aanbieder = partijen.aanbieder(bericht.afzender)


def _heenbericht(bericht: Bericht, r: Resultaat, vandaag: date) -> None:
    soort = r.berichtsoort
    if soort not in VAN_AANBIEDER:
        return _afsluiten(bericht, Status.QUARANTAINE, r, vandaag, retour=False, melding=f"{soort} ontvangen wij niet.")
    if bericht.gemeente is None or bericht.gemeente.cbs_code != bericht.ontvanger:
        melding = f"Ontvanger {bericht.ontvanger} is geen gemeente van deze installatie."
        return _afsluiten(bericht, Status.QUARANTAINE, r, vandaag, retour=False, melding=melding)
    if bericht.aanbieder is None or bericht.aanbieder.agb_code != bericht.afzender:
        melding = f"Afzender {bericht.afzender} is geen bekende aanbieder."
        return _afsluiten(bericht, Status.QUARANTAINE, r, vandaag, retour=False, melding=melding)
    v = verwerking.Verwerking(bericht, r.bericht, bericht.gemeente, bericht.aanbieder, r.bevindingen, vandaag)
    toegepast = 0 if not v.ok(r.bericht, r.bericht.header) else verwerking.HANDLERS[soort](v)
    if toegepast:
        status = Status.VERWERKT
    else:
        status = Status.QUARANTAINE if any(b.retourcode == "0001" for b in r.bevindingen) else Status.AFGEKEURD
    _afsluiten(bericht, status, r, vandaag)


def _afsluiten(
    bericht: Bericht, status: str, r: Resultaat, vandaag: date, *, retour: bool = True, melding: str = ""
) -> None:
    """Final status, findings, deadline and (where possible) our answer, all in the caller's transaction."""
    bericht.retourcodes = [b.als_dict() for b in r.bevindingen]
    bericht.verwerkt = timezone.now()
    bericht.melding = melding
    heen = r.berichtsoort and BERICHTSOORTEN[r.berichtsoort].retour is not None
    if heen and retour:
        bericht.antwoord_uiterlijk = termijnen.antwoord_uiterlijk(r.berichtsoort, bericht.aangemaakt.date())
    bericht.naar(status, opslaan=False)
    bericht.bewaar_verwerking()
    if heen and retour:
        _maak_antwoord(bericht, r, vandaag)


def _maak_antwoord(bericht: Bericht, r: Resultaat, vandaag: date) -> Bericht | None:
    retour_soort = BERICHTSOORTEN[r.berichtsoort].retour
    afzender = bericht.ontvanger or settings.JEUGDHULP_GEMEENTE  # we answer as the gemeente addressed
    identificatie = nieuwe_identificatie(afzender, retour_soort)
    try:
        data = beantwoord(r, identificatie=identificatie, dagtekening=vandaag)
    except RetourFout as fout:
        uitleg = f"Geen retour mogelijk: {fout} Informeer de afzender buiten het berichtenverkeer (OP090x2)."
        bericht.melding = f"{bericht.melding} {uitleg}".strip()
        bericht.save(update_fields=["melding"])
        return None
    return bewaar_uit(
        data,
        berichtsoort=retour_soort,
        afzender=afzender,
        ontvanger=bericht.afzender,
        identificatie=identificatie,
        dagtekening=vandaag,
        heenbericht=bericht,
        jeugdige=bericht.jeugdige,
        aanbieder=bericht.aanbieder,
        gemeente=bericht.gemeente,
    )


def _retourcodes(obj: Any, pad: str = "") -> list[dict]:
    """Every non-0200 RetourCode in a typed retour, with the berichtklasse it sits on."""
    uit: list[dict] = []
    if isinstance(obj, tuple):
        for item in obj:
            uit += _retourcodes(item, pad)
    elif is_dataclass(obj):
        naam = type(obj).__name__
        for f in fields(obj):
            waarde = getattr(obj, f.name)
            if f.name == "retour_codes":
                uit += [{"retourcode": c, "berichtklasse": naam} for c in waarde if c != "0200"]
            else:
                uit += _retourcodes(waarde, f"{pad}/{naam}")
    return uit


def _retour_ontvangen(bericht: Bericht, r: Resultaat) -> None:
    """A JW302/JW320 from an aanbieder: link it to our heenbericht and close that message's deadline."""
    heen_soort = BERICHTSOORTEN[r.berichtsoort].heen
    heen = (
        Bericht.objects.select_for_update()
        .filter(richting=Richting.UIT, berichtsoort=heen_soort, afzender=bericht.ontvanger)
        .filter(identificatie=r.kop.get("Identificatie", ""))
        .first()
    )
    bericht.retourcodes = [b.als_dict() for b in r.bevindingen] + _retourcodes(r.bericht)
    bericht.verwerkt = timezone.now()
    if heen is None:
        bericht.melding = f"Geen {heen_soort} met identificatie {r.kop.get('Identificatie')} verstuurd."
        bericht.naar(Status.AFGEKEURD, opslaan=False)
        bericht.bewaar_verwerking()
        return
    bericht.heenbericht, bericht.jeugdige_id = heen, heen.jeugdige_id
    bericht.naar(Status.VERWERKT, opslaan=False)
    bericht.bewaar_verwerking()
    heen.beantwoord = heen.beantwoord or timezone.now()
    heen.retourcodes = _retourcodes(r.bericht)
    if heen.mag_naar(Status.RETOUR_ONTVANGEN):
        heen.naar(Status.RETOUR_ONTVANGEN, opslaan=False)
    heen.save(update_fields=["status", "beantwoord", "retourcodes"])
