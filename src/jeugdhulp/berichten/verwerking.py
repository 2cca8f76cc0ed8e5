"""Domain effects of an accepted heenbericht from an aanbieder, per berichtsoort.

Only berichtklassen without findings are applied (a rejected product is reported in the retour and otherwise
ignored). Each handler returns how many objects it applied; the inbox runs it inside the message's transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import Any

from jeugdhulp.aanbieders.models import Aanbieder
from jeugdhulp.berichten import termijnen
from jeugdhulp.berichten.ijw import Bevinding
from jeugdhulp.berichten.models import Bericht, Declaratie, Levering, Prestatie, Verzoek
from jeugdhulp.jeugdigen.models import Jeugdige
from jeugdhulp.organisatie.models import Gemeente
from jeugdhulp.toewijzingen.models import Toewijzing

PRESTATIES_PER_INSERT = 500


@dataclass
class Verwerking:
    bericht: Bericht
    inhoud: Any  # the typed iJw message
    gemeente: Gemeente
    aanbieder: Aanbieder
    bevindingen: tuple[Bevinding, ...]
    vandaag: date

    def __post_init__(self) -> None:
        self._fout: dict[int, list[Bevinding]] = {}
        for b in self.bevindingen:
            self._fout.setdefault(id(b.object), []).append(b)

    def ok(self, *objecten) -> bool:
        return not any(id(o) in self._fout for o in objecten)

    def codes(self, obj) -> list[str]:
        return list(dict.fromkeys(b.retourcode for b in self._fout.get(id(obj), [])))

    def regels(self, obj) -> set[str]:
        return {b.regel for b in self._fout.get(id(obj), [])}


def _product(p) -> dict:
    """JSON-friendly view of a requested product (AangevraagdProduct, TeWijzigenProduct, NieuwProduct)."""
    d: dict[str, Any] = {}
    for naam in ("toewijzing_nummer", "budget", "beschikking_nummer"):
        if getattr(p, naam, None) is not None:
            d[naam] = getattr(p, naam)
    if product := getattr(p, "product", None):
        d["categorie"], d["code"] = product.categorie, product.code
    for naam in ("toewijzing_ingangsdatum", "toewijzing_einddatum", "gewenste_ingangsdatum", "einddatum"):
        if (waarde := getattr(p, naam, None)) is not None:
            d[naam] = waarde.isoformat()
    if omvang := getattr(p, "omvang", None):
        d.update(volume=omvang.volume, eenheid=omvang.eenheid, frequentie=omvang.frequentie)
    return d


def jeugdige_voor(client, gemeente: Gemeente) -> Jeugdige:
    """The jeugdige with this BSN; created in the gemeente of the Ontvanger when unknown (VOT of a new client)."""
    bestaand = Jeugdige.objects.filter(bsn=client.bsn).first()
    if bestaand is not None:
        return bestaand
    naam = client.naam
    return Jeugdige.objects.create(
        gemeente=gemeente,
        bsn=client.bsn,
        geslachtsnaam=naam.geslachtsnaam.achternaam,
        voorvoegsel=naam.geslachtsnaam.voorvoegsel or "",
        voornamen=getattr(naam, "voornamen", None) or "",
        voorletters=naam.voorletters or "",
        geboortedatum=client.geboortedatum.datum,
        datumgebruik=client.geboortedatum.datum_gebruik or "",
        geslacht=client.geslacht,
    )


def _verzoek(v: Verwerking, jeugdige: Jeugdige, ref: str, producten: list[dict], **velden) -> Verzoek:
    ontvangen = v.bericht.aangemaakt
    return Verzoek.objects.create(
        bericht=v.bericht,
        berichtsoort=v.bericht.berichtsoort,
        gemeente=v.gemeente,
        aanbieder=v.aanbieder,
        jeugdige=jeugdige,
        referentie_aanbieder=ref,
        producten=producten,
        ontvangen=ontvangen,
        antwoord_uiterlijk=termijnen.verzoek_uiterlijk(ontvangen.date()),
        **velden,
    )


def jw315(v: Verwerking) -> int:
    client = v.inhoud.client
    producten = [ap for ap in client.aangevraagde_producten if v.ok(client, ap)]
    if not producten:
        return 0
    jeugdige = v.bericht.jeugdige = jeugdige_voor(client, v.gemeente)
    for ap in producten:
        _verzoek(
            v,
            jeugdige,
            ap.referentie_aanbieder,
            [_product(ap)],
            verwijzer_type=ap.verwijzer.type,
            verwijzer_naam=ap.verwijzer.naam or "",
            verwijzer_code=ap.verwijzer.zorgverlener_code or "",
            commentaar=ap.commentaar or client.commentaar or "",
        )
    return len(producten)


def jw317(v: Verwerking) -> int:
    client, verzoek = v.inhoud.client, v.inhoud.client.verzoek
    delen = (*verzoek.ongewijzigde_producten, *verzoek.te_wijzigen_producten, *verzoek.nieuwe_producten)
    jeugdige = Jeugdige.objects.filter(bsn=client.bsn).first()
    if jeugdige is None or not v.ok(client, verzoek, *delen):
        return 0  # a VOW is one request: any rejected part rejects it
    v.bericht.jeugdige = jeugdige
    producten = (
        [{"soort": "ongewijzigd", **_product(p)} for p in verzoek.ongewijzigde_producten]
        + [{"soort": "te_wijzigen", **_product(p)} for p in verzoek.te_wijzigen_producten]
        + [{"soort": "nieuw", **_product(p)} for p in verzoek.nieuwe_producten]
    )
    _verzoek(v, jeugdige, verzoek.referentie_aanbieder, producten, reden_verzoek=verzoek.reden_verzoek)
    return 1


def _leveringen(v: Verwerking, soort: str, producten) -> int:
    client = v.inhoud.client
    goed = [p for p in producten if v.ok(client, p)]
    if not goed:
        return 0
    v.bericht.jeugdige = Jeugdige.objects.filter(bsn=client.bsn).first()
    nummers = {p.toewijzing_nummer for p in goed if p.toewijzing_nummer}
    toewijzingen = {
        t.toewijzingnummer: t for t in Toewijzing.objects.filter(gemeente=v.gemeente, toewijzingnummer__in=nummers)
    }
    uiterlijk = []
    for p in goed:
        t = toewijzingen.get(p.toewijzing_nummer)
        einddatum = getattr(p, "einddatum", None)
        Levering.objects.create(
            bericht=v.bericht,
            soort=soort,
            aanbieder=v.aanbieder,
            bsn=client.bsn,
            toewijzing=t,
            toewijzing_nummer=p.toewijzing_nummer,
            product_categorie=p.product.categorie if p.product else "",
            product_code=(p.product.code or "") if p.product else "",
            toewijzing_ingangsdatum=p.toewijzing_ingangsdatum,
            begindatum=p.begindatum,
            status_aanlevering=p.status_aanlevering,
            reden_beeindiging=getattr(p, "reden_beeindiging", None) or "",
            einddatum=einddatum,
        )
        uiterlijk.append(termijnen.melding_uiterlijk(einddatum or p.begindatum))
        if t is not None:
            _zorg_bijwerken(t, soort, p)
    v.bericht.melding_uiterlijk = min(uiterlijk)
    return len(goed)


def _zorg_bijwerken(t: Toewijzing, soort: str, p) -> None:
    verwijderen = p.status_aanlevering == "3"
    if soort == "start":
        if not verwijderen:
            t.begindatum_zorg = p.begindatum
        elif t.begindatum_zorg == p.begindatum:
            t.begindatum_zorg = None
        t.save(update_fields=["begindatum_zorg"])
    else:
        if not verwijderen:
            t.einddatum_zorg, t.reden_beeindiging = p.einddatum, p.reden_beeindiging
        elif t.einddatum_zorg == p.einddatum:
            t.einddatum_zorg, t.reden_beeindiging = None, ""
        t.save(update_fields=["einddatum_zorg", "reden_beeindiging"])


def jw305(v: Verwerking) -> int:
    return _leveringen(v, "start", v.inhoud.client.start_producten)


def jw307(v: Verwerking) -> int:
    return _leveringen(v, "stop", v.inhoud.client.stop_producten)


def _netto(bedrag: int, dc: str) -> int:
    return -bedrag if dc == "C" else bedrag


def jw323(v: Verwerking) -> int:
    h, d = v.inhoud.header, v.inhoud.declaratie
    if not v.ok(h, d):
        return 0
    clienten = d.clienten
    bsns = {c.bsn for c in clienten}
    nummers = {p.toewijzing_nummer for c in clienten for p in c.prestaties}
    jeugdigen = dict(Jeugdige.objects.filter(bsn__in=bsns).values_list("bsn", "pk"))
    toewijzingen = dict(
        Toewijzing.objects.filter(gemeente=v.gemeente, toewijzingnummer__in=nummers).values_list(
            "toewijzingnummer", "pk"
        )
    )
    ingediend = _netto(d.totaal_ingediend_bedrag.totaal_bedrag, d.totaal_ingediend_bedrag.debet_credit)
    afgewezen = sum(
        _netto(p.ingediend_bedrag.bedrag, p.ingediend_bedrag.debet_credit)
        for c in clienten
        for p in c.prestaties
        if not v.ok(c, p)
    )
    declaratie = Declaratie.objects.create(
        bericht=v.bericht,
        gemeente=v.gemeente,
        aanbieder=v.aanbieder,
        declaratienummer=d.declaratie_nummer,
        begindatum=d.declaratie_periode.begindatum,
        einddatum=d.declaratie_periode.einddatum,
        ingediend_bedrag=ingediend,
        toegekend_bedrag=ingediend - afgewezen,
    )

    def rijen():
        for c in clienten:
            for p in c.prestaties:
                if "TR314" in v.regels(p):
                    continue  # this ReferentieNummer is already on record; keep the first
                yield Prestatie(
                    declaratie=declaratie,
                    aanbieder=v.aanbieder,
                    bsn=c.bsn,
                    jeugdige_id=jeugdigen.get(c.bsn),
                    toewijzing_id=toewijzingen.get(p.toewijzing_nummer),
                    toewijzing_nummer=p.toewijzing_nummer,
                    referentienummer=p.product_referentie.referentie_nummer,
                    vorig_referentienummer=p.product_referentie.vorig_referentie_nummer or "",
                    product_categorie=p.product_categorie,
                    product_code=p.product_code,
                    begindatum=p.product_periode.begindatum,
                    einddatum=p.product_periode.einddatum,
                    geleverd_volume=p.geleverd_volume,
                    eenheid=p.eenheid,
                    tarief=p.product_tarief,
                    bedrag=p.ingediend_bedrag.bedrag,
                    debet_credit=p.ingediend_bedrag.debet_credit,
                    goedgekeurd=v.ok(c, p),
                    retourcodes=v.codes(c) + v.codes(p),
                )

    # Written in slices, so a 25 MB declaratie never holds all its rows as model objects at once.
    alle = rijen()
    while deel := list(islice(alle, PRESTATIES_PER_INSERT)):
        Prestatie.objects.bulk_create(deel)
    if len(bsns) == 1:
        v.bericht.jeugdige_id = jeugdigen.get(next(iter(bsns)))
    return 1  # the declaratie as a whole is accepted; rejected prestaties are in the JW325


HANDLERS: dict[str, Callable[[Verwerking], int]] = {
    "JW305": jw305,
    "JW307": jw307,
    "JW315": jw315,
    "JW317": jw317,
    "JW323": jw323,
}
