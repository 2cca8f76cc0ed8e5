"""Messages the gemeente sends: JW301 (toewijzing) and JW319 (antwoord op een verzoek), queued and delivered.

* ``maak_jw301(gemeente, jeugdige, aanbieder)``: the FULL snapshot for one client at one aanbieder (OP087): every
  toewijzing valid on or after today, plus every toewijzing changed since the previous JW301. Each toewijzing is
  sent in its leading version (Toewijzingsdatum + Toewijzingstijd, OP033x1). The XML is checked with the pure
  library (XSD and field rules) before it is queued; a message that would be rejected is never queued.
* Every message (JW301, JW319, the retours and JW325) is checked again by ``verzend`` with ``validate_uitgaand``
  before it leaves; one that would be rejected is marked ``mislukt`` with the reason and never delivered.
* ``maak_jw319(verzoek, antwoord, reden)``: afgewezen (1, with RedenAfwijzingVerzoek) or in onderzoek (2).
* ``verzend(bericht)`` / ``verzend_klaar()``: write to ``JEUGDHULP_IJW_OUTBOX_DIR`` or POST to
  ``JEUGDHULP_IJW_OUTBOX_URL``; a failure is retried later with backoff, up to ``JEUGDHULP_IJW_MAX_RETRIES``
  times, then the message is ``mislukt`` until someone resends it (``opnieuw_versturen``).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import tempfile
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from jeugdhulp.berichten import termijnen
from jeugdhulp.berichten.ijw import build, validate_uitgaand
from jeugdhulp.berichten.ijw.berichten import basis, jw301, jw319
from jeugdhulp.berichten.ijw.retour import BASISSCHEMA_VERSIE, BERICHT_VERSIE
from jeugdhulp.berichten.models import Bericht, Richting, Status, Verzoek, VerzoekStatus
from jeugdhulp.berichten.opslag import bewaar_uit, nieuwe_identificatie
from jeugdhulp.toewijzingen.models import Toewijzing

log = logging.getLogger(__name__)


class OutboxFout(ValueError):
    """The message cannot be built as a valid iJw message (e.g. the jeugdige has no address)."""


def _header(mod, soort_code: str, afzender: str, ontvanger: str, identificatie: str, dag: dt.date):
    return mod.Header(
        bericht_code=soort_code,
        bericht_versie=3,
        bericht_subversie=2,
        afzender=afzender,
        ontvanger=ontvanger,
        bericht_identificatie=basis.BerichtIdentificatie(identificatie=identificatie, dagtekening=dag),
        xsd_versie=basis.XsdVersie(basisschema_xsd_versie=BASISSCHEMA_VERSIE, bericht_xsd_versie=BERICHT_VERSIE),
    )


def _afkeur(data: bytes) -> str | None:
    """What we send passes what we demand: the same validator, every rule that applies to this message type."""
    resultaat = validate_uitgaand(data)
    if not resultaat.bevindingen:
        return None
    b = resultaat.bevindingen[0]
    return f"{resultaat.berichtsoort} zou worden afgekeurd: {b.regel} {b.betekenis} ({b.xpath})"


def _controleer(data: bytes) -> None:
    if (melding := _afkeur(data)) is not None:
        raise OutboxFout(melding)


# ---- JW301
def snapshot(gemeente, jeugdige, aanbieder, vandaag: dt.date):
    """OP087: valid on or after today, or changed since the previous JW301 to this aanbieder for this client."""
    vorige = (
        Bericht.objects.filter(
            richting=Richting.UIT, berichtsoort="JW301", gemeente=gemeente, jeugdige=jeugdige, aanbieder=aanbieder
        )
        .order_by("-aangemaakt")
        .values_list("aangemaakt", flat=True)
        .first()
    )
    gewijzigd_sinds = timezone.localdate(vorige) if vorige is not None else vandaag
    geldig = Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag) | Q(toewijzingsdatum__gte=gewijzigd_sinds)
    return (
        Toewijzing.objects.filter(gemeente=gemeente, jeugdige=jeugdige, aanbieder=aanbieder)
        .filter(geldig)
        .select_related("product")
        .prefetch_related("verzoeken")
        .order_by("toewijzingnummer")
    )


def _voorletters(jeugdige) -> str | None:
    letters = re.sub(r"[^A-Za-zÀ-ỳ]", "", jeugdige.voorletters or "")[:6]
    if not letters and jeugdige.voornamen:
        letters = "".join(n[0] for n in jeugdige.voornamen.split())[:6]
    return letters or None


def _contact(c) -> jw301.Contact:
    adres = None
    if c.huisnummer or c.postcode or c.straatnaam:
        huis = (
            basis.Huis(
                huisnummer=c.huisnummer,
                huisletter=c.huisletter or None,
                huisnummer_toevoeging=c.huisnummertoevoeging or None,
            )
            if c.huisnummer
            else None
        )
        adres = basis.Adres(
            huis=huis,
            postcode=c.postcode or None,
            straatnaam=c.straatnaam or None,
            plaatsnaam=c.plaatsnaam or None,
            land_code=c.landcode or None,
        )
    return jw301.Contact(soort=c.soort, adres=adres, emailadres=c.emailadres or None)


def _toegewezen(t: Toewijzing) -> jw301.ToegewezenProduct:
    verzoek = next(iter(t.verzoeken.all()), None)
    omvang = basis.Omvang(volume=t.volume, eenheid=t.eenheid, frequentie=t.frequentie) if t.volume is not None else None
    return jw301.ToegewezenProduct(
        toewijzing_nummer=t.toewijzingnummer,
        referentie_aanbieder=verzoek.referentie_aanbieder if verzoek else None,
        product=basis.Product(categorie=t.product.categorie, code=t.product.code),
        toewijzingsdatum=t.toewijzingsdatum,
        toewijzingstijd=(t.toewijzingstijd or dt.time(0, 0)).replace(microsecond=0),
        ingangsdatum=t.ingangsdatum,
        einddatum=t.einddatum,
        reden_wijziging=t.reden_wijziging or None,
        omvang=omvang,
        budget=t.budget,
    )


def maak_jw301(gemeente, jeugdige, aanbieder, *, vandaag: dt.date | None = None) -> Bericht:
    vandaag = vandaag or timezone.localdate()
    toewijzingen = list(snapshot(gemeente, jeugdige, aanbieder, vandaag))
    if not toewijzingen:
        raise OutboxFout("Er zijn geen toewijzingen om te versturen.")
    contacten = [_contact(c) for c in jeugdige.contacten.all()]
    if not contacten:
        raise OutboxFout("Leg eerst een adres van de jeugdige vast; een toewijzing heeft een adres nodig.")
    identificatie = nieuwe_identificatie(gemeente.cbs_code, "JW301")
    bericht = jw301.Bericht(
        header=_header(jw301, "436", gemeente.cbs_code, aanbieder.agb_code, identificatie, vandaag),
        client=jw301.Client(
            bsn=jeugdige.bsn,
            geboortedatum=basis.Geboortedatum(
                datum=jeugdige.geboortedatum, datum_gebruik=jeugdige.datumgebruik or None
            ),
            geslacht=jeugdige.geslacht,
            naam=basis.VolledigeNaam(
                geslachtsnaam=basis.Achternaam(
                    achternaam=jeugdige.geslachtsnaam, voorvoegsel=jeugdige.voorvoegsel or None
                ),
                voornamen=jeugdige.voornamen or None,
                voorletters=_voorletters(jeugdige),
                naam_gebruik=jeugdige.naamgebruik or "1",
            ),
            contactgegevens=tuple(contacten),
            toegewezen_producten=tuple(_toegewezen(t) for t in toewijzingen),
        ),
    )
    try:
        data = build(bericht)
    except Exception as exc:  # OngeldigBericht: not schema-valid
        raise OutboxFout(f"JW301 is niet schema-valide: {exc}") from exc
    _controleer(data)
    return bewaar_uit(
        data,
        berichtsoort="JW301",
        afzender=gemeente.cbs_code,
        ontvanger=aanbieder.agb_code,
        identificatie=identificatie,
        dagtekening=vandaag,
        jeugdige=jeugdige,
        aanbieder=aanbieder,
        gemeente=gemeente,
    )


# ---- JW319
AFGEWEZEN, IN_ONDERZOEK = "1", "2"


def maak_jw319(verzoek: Verzoek, antwoord: str, reden: str | None = None, *, vandaag: dt.date | None = None) -> Bericht:
    vandaag = vandaag or timezone.localdate()
    gemeente, aanbieder = verzoek.gemeente, verzoek.aanbieder
    identificatie = nieuwe_identificatie(gemeente.cbs_code, "JW319")
    bericht = jw319.Bericht(
        header=_header(jw319, "488", gemeente.cbs_code, aanbieder.agb_code, identificatie, vandaag),
        antwoord=jw319.Antwoord(
            referentie_aanbieder=verzoek.referentie_aanbieder,
            verzoek_antwoord=antwoord,
            reden_afwijzing_verzoek=reden if antwoord == AFGEWEZEN else None,
        ),
    )
    data = build(bericht)
    _controleer(data)
    return bewaar_uit(
        data,
        berichtsoort="JW319",
        afzender=gemeente.cbs_code,
        ontvanger=aanbieder.agb_code,
        identificatie=identificatie,
        dagtekening=vandaag,
        heenbericht=verzoek.bericht,
        jeugdige=verzoek.jeugdige,
        aanbieder=aanbieder,
        gemeente=gemeente,
    )


# ---- answering verzoeken (the jeugdconsulent's actions)
def _volgend_toewijzingnummer(gemeente) -> int:
    from jeugdhulp.berichten.models import Teller

    hoogste = Toewijzing.objects.filter(gemeente=gemeente).aggregate(m=Max("toewijzingnummer"))["m"]
    # the counter may lag behind toewijzingen made elsewhere (admin, demo): it jumps past them at once
    return Teller.volgende_na(f"toewijzingnummer:{gemeente.cbs_code}", hoogste)


def volgend_toewijzingnummer(gemeente) -> int:
    """The next free toewijzingnummer (TR332); for toewijzingen made outside a verzoek (besluiten.services)."""
    return _volgend_toewijzingnummer(gemeente)


@transaction.atomic
def toewijzen(verzoek: Verzoek, producten: list[dict], *, verwijzer=None) -> Bericht:
    """Create the Toewijzing(en) for a verzoek and queue the JW301 snapshot; the verzoek becomes toegewezen."""
    nu = timezone.localtime()
    nieuw = []
    for p in producten:
        t = Toewijzing.objects.create(
            gemeente=verzoek.gemeente,
            toewijzingnummer=_volgend_toewijzingnummer(verzoek.gemeente),
            jeugdige=verzoek.jeugdige,
            aanbieder=verzoek.aanbieder,
            product=p["product"],
            verwijzer=verwijzer,
            toewijzingsdatum=nu.date(),
            toewijzingstijd=nu.time().replace(microsecond=0),
            ingangsdatum=p["ingangsdatum"],
            einddatum=p.get("einddatum"),
            volume=p.get("volume"),
            eenheid=p.get("eenheid") or "",
            frequentie=p.get("frequentie") or "",
            budget=p.get("budget"),
        )
        nieuw.append(t)
    verzoek.toewijzingen.add(*nieuw)
    bericht = maak_jw301(verzoek.gemeente, verzoek.jeugdige, verzoek.aanbieder, vandaag=nu.date())
    verzoek.naar(VerzoekStatus.TOEGEWEZEN, beantwoord=verzoek.beantwoord or timezone.now())
    return bericht


@transaction.atomic
def beantwoord_verzoek(verzoek: Verzoek, antwoord: str, reden: str | None = None) -> Bericht:
    """JW319: afgewijzen (with reden) or in onderzoek (starts the 8-week clock)."""
    if antwoord == IN_ONDERZOEK:
        nieuw = VerzoekStatus.IN_ONDERZOEK
        velden = {"onderzoek_uiterlijk": termijnen.onderzoek_uiterlijk(timezone.localdate(verzoek.ontvangen))}
    else:
        nieuw, velden = VerzoekStatus.AFGEWEZEN, {"reden_afwijzing": reden or ""}
    if not verzoek.mag_naar(nieuw):
        verzoek.naar(nieuw)  # raises OngeldigeOvergang
    bericht = maak_jw319(verzoek, antwoord, reden)
    verzoek.antwoorden = [*verzoek.antwoorden, antwoord]
    verzoek.naar(nieuw, antwoorden=verzoek.antwoorden, beantwoord=verzoek.beantwoord or timezone.now(), **velden)
    return bericht


# ---- delivery
class Bezorgfout(OSError):
    pass


def _bestandsnaam(b: Bericht) -> str:
    return f"{b.berichtsoort}_{b.afzender}_{b.ontvanger}_{b.identificatie}.xml"


def _naar_map(b: Bericht, map_: Path) -> None:
    map_.mkdir(parents=True, exist_ok=True)
    fd, tijdelijk = tempfile.mkstemp(dir=map_, prefix=".", suffix=".tmp")
    with os.fdopen(fd, "wb") as f:
        f.write(b.bytes)
    os.replace(tijdelijk, map_ / _bestandsnaam(b))  # atomic: the pick-up never sees half a file


def _naar_url(b: Bericht, url: str) -> None:
    if not url.startswith(("https://", "http://")):
        raise Bezorgfout("Alleen http(s) is toegestaan.")
    verzoek = urllib.request.Request(  # noqa: S310 — scheme checked above and in conf.env
        url,
        data=b.bytes,
        method="POST",
        headers={"Content-Type": "application/xml", "X-Bestandsnaam": _bestandsnaam(b)},
    )
    with urllib.request.urlopen(verzoek, timeout=30) as antwoord:  # noqa: S310
        if not 200 <= antwoord.status < 300:
            raise Bezorgfout(f"HTTP {antwoord.status}")


def _bezorg(b: Bericht) -> None:
    if settings.JEUGDHULP_IJW_OUTBOX_URL:
        _naar_url(b, settings.JEUGDHULP_IJW_OUTBOX_URL)
    else:
        _naar_map(b, Path(settings.JEUGDHULP_IJW_OUTBOX_DIR))


def markeer_verzonden(b: Bericht) -> None:
    """Sent: our heenbericht's retour clock starts (OP090); a retour or JW325 we send answers its heenbericht."""
    nu = timezone.now()
    velden = {"verzonden": nu}
    if b.heenbericht_id is None or b.berichtsoort in ("JW301", "JW319"):
        velden["antwoord_uiterlijk"] = termijnen.antwoord_uiterlijk(b.berichtsoort, timezone.localdate(nu))
    b.naar(Status.VERZONDEN, **velden)
    if b.heenbericht_id and b.berichtsoort not in ("JW301", "JW319"):
        Bericht.objects.filter(pk=b.heenbericht_id, beantwoord__isnull=True).update(beantwoord=nu)


def verzend(b: Bericht) -> bool:
    """Deliver one queued message; True when delivered. Failures count as a try and schedule the next one."""
    if b.richting != Richting.UIT or b.status != Status.KLAAR:
        raise ValueError(f"Bericht {b.pk} staat niet klaar om te versturen.")
    if (afkeur := _afkeur(b.bytes)) is not None:  # every outgoing type (JW301/319, retours, JW325), also retours
        log.error("iJw outbox: bericht %s niet verstuurd: %s", b.pk, afkeur)
        b.naar(Status.MISLUKT, melding=f"Niet verstuurd: {afkeur}", volgende_poging=None)
        return False
    try:
        _bezorg(b)
    except (OSError, Bezorgfout) as exc:
        pogingen = b.pogingen + 1
        melding = f"Poging {pogingen} mislukt: {exc}"
        log.warning("iJw outbox: bericht %s: %s", b.pk, melding)
        if pogingen >= settings.JEUGDHULP_IJW_MAX_RETRIES:
            b.naar(Status.MISLUKT, pogingen=pogingen, melding=melding, volgende_poging=None)
        else:
            later = timezone.now() + dt.timedelta(minutes=min(2**pogingen, 120))
            b.naar(Status.KLAAR, pogingen=pogingen, melding=melding, volgende_poging=later)
        return False
    b.pogingen += 1
    b.save(update_fields=["pogingen"])
    markeer_verzonden(b)
    return True


def klaar_om_te_versturen():
    nu = timezone.now()
    return (
        Bericht.objects.filter(richting=Richting.UIT, status=Status.KLAAR)
        .filter(Q(volgende_poging__isnull=True) | Q(volgende_poging__lte=nu))
        .order_by("pk")
    )


def verzend_klaar() -> tuple[int, int]:
    """Deliver every due message; returns (delivered, failed).

    Safe with several workers at once (the scheduled job, ``jeugdhulp ijw verzend``): each message is claimed in
    its own transaction under a row lock that the others skip (PostgreSQL; SQLite's write transactions queue), its
    state is read again under that lock, and the delivery commits together with its new status. A worker killed
    mid-delivery commits nothing, so the message stays queued and is delivered by the next run; a folder delivery
    then overwrites the same file name, and an endpoint receives the same BerichtIdentificatie again.
    """
    goed = fout = 0
    vorige = 0
    while True:
        with transaction.atomic():
            b = klaar_om_te_versturen().filter(pk__gt=vorige).select_for_update(skip_locked=True).first()
            if b is None:
                return goed, fout
            vorige = b.pk
            if verzend(b):
                goed += 1
            else:
                fout += 1


def opnieuw_versturen(b: Bericht) -> None:
    """Staff action for a stuck message: failed, or sent without a retour. Same bytes, queued again."""
    if b.richting != Richting.UIT:
        raise ValueError("Alleen verstuurde berichten kunnen opnieuw worden verstuurd.")
    b.naar(Status.KLAAR, volgende_poging=None, melding="Opnieuw klaargezet.")
