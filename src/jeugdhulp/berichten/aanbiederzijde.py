"""iJw messages as an aanbieder's system writes them, built from our own rows: for the demo municipality, the
ingest benchmark and drills. Every message is built with ``ijw.build`` and so validates against its XSD.

Not used by the inbox or outbox: those work only on what they receive and on the database.
"""

from __future__ import annotations

import datetime as dt

from jeugdhulp.berichten.ijw import build
from jeugdhulp.berichten.ijw.berichten import basis, jw305, jw307, jw315, jw323
from jeugdhulp.toewijzingen.models import Toewijzing

VERSIE = basis.XsdVersie(basisschema_xsd_versie="1.0.0", bericht_xsd_versie="1.0.0")
BERICHTCODE = {jw305: "438", jw307: "440", jw315: "446", jw323: "490"}


def _header(mod, afzender: str, ontvanger: str, ident: str, dag: dt.date):
    return mod.Header(
        bericht_code=BERICHTCODE[mod],
        bericht_versie=3,
        bericht_subversie=2,
        afzender=afzender,
        ontvanger=ontvanger,
        bericht_identificatie=basis.BerichtIdentificatie(identificatie=ident, dagtekening=dag),
        xsd_versie=VERSIE,
    )


def _client(mod, jeugdige, **kw):
    naam = basis.VerkorteNaam(
        geslachtsnaam=basis.Achternaam(achternaam=jeugdige.geslachtsnaam, voorvoegsel=jeugdige.voorvoegsel or None),
        voorletters=(jeugdige.voorletters or "").replace(".", "")[:6] or None,
    )
    return mod.Client(
        bsn=jeugdige.bsn,
        geboortedatum=basis.Geboortedatum(datum=jeugdige.geboortedatum),
        geslacht=jeugdige.geslacht or "0",
        naam=naam,
        **kw,
    )


def _product(t: Toewijzing) -> basis.Product:
    return basis.Product(categorie=t.product.categorie, code=t.product.code or None)


def start(t: Toewijzing, begindatum: dt.date, *, ident: str, dag: dt.date) -> bytes:
    """JW305: care under this toewijzing started on ``begindatum``."""
    sp = jw305.StartProduct(
        toewijzing_nummer=t.toewijzingnummer,
        product=_product(t),
        toewijzing_ingangsdatum=t.ingangsdatum,
        begindatum=begindatum,
        status_aanlevering="1",
    )
    header = _header(jw305, t.aanbieder.agb_code, t.gemeente.cbs_code, ident, dag)
    return build(jw305.Bericht(header=header, client=_client(jw305, t.jeugdige, start_producten=(sp,))))


def stop(t: Toewijzing, begindatum: dt.date, einddatum: dt.date, reden: str, *, ident: str, dag: dt.date) -> bytes:
    """JW307: care that started on ``begindatum`` ended on ``einddatum`` for ``reden`` (COD588)."""
    sp = jw307.StopProduct(
        toewijzing_nummer=t.toewijzingnummer,
        product=_product(t),
        toewijzing_ingangsdatum=t.ingangsdatum,
        begindatum=begindatum,
        reden_beeindiging=reden,
        einddatum=einddatum,
        status_aanlevering="1",
    )
    header = _header(jw307, t.aanbieder.agb_code, t.gemeente.cbs_code, ident, dag)
    return build(jw307.Bericht(header=header, client=_client(jw307, t.jeugdige, stop_producten=(sp,))))


def vot(
    jeugdige,
    aanbieder,
    gemeente,
    product,
    verwijzer: basis.Verwijzer,
    *,
    ref: str,
    ident: str,
    dag: dt.date,
    ingangsdatum: dt.date,
    einddatum: dt.date,
    volume: int = 60,
) -> bytes:
    """JW315: a verzoek om toewijzing for one product, after a referral by ``verwijzer``."""
    ap = jw315.AangevraagdProduct(
        referentie_aanbieder=ref,
        product=basis.Product(categorie=product.categorie, code=product.code or None),
        toewijzing_ingangsdatum=ingangsdatum,
        toewijzing_einddatum=einddatum,
        omvang=basis.Omvang(volume=volume, eenheid=product.eenheid or "04", frequentie=product.frequentie or "4"),
        verwijzer=verwijzer,
    )
    header = _header(jw315, aanbieder.agb_code, gemeente.cbs_code, ident, dag)
    return build(jw315.Bericht(header=header, client=_client(jw315, jeugdige, aangevraagde_producten=(ap,))))


def prestatie(t: Toewijzing, begin: dt.date, eind: dt.date, *, ref: str, volume: int, tarief: int):
    """One declared prestatie (tarief in cents per unit; Bedrag = volume × tarief, TR346)."""
    return jw323.Prestatie(
        product_referentie=basis.Referentie(referentie_nummer=ref),
        toewijzing_nummer=t.toewijzingnummer,
        product_categorie=t.product.categorie,
        product_code=t.product.code,
        product_periode=basis.GeslotenPeriode(begindatum=begin, einddatum=eind),
        geleverd_volume=volume,
        eenheid=t.eenheid or t.product.eenheid,
        product_tarief=tarief,
        ingediend_bedrag=basis.BedragMetDC(bedrag=volume * tarief, debet_credit="D"),
    )


def declaratie(
    agb: str,
    gemeente: str,
    per_bsn: dict[str, list],
    periode: tuple[dt.date, dt.date],
    *,
    ident: str,
    nummer: str,
    dag: dt.date,
    valideren: bool = True,
) -> bytes:
    """JW323: one declaratie over ``periode`` with the prestaties per client BSN."""
    clienten = tuple(jw323.Client(bsn=bsn, prestaties=tuple(p)) for bsn, p in per_bsn.items())
    totaal = sum(p.ingediend_bedrag.bedrag for c in clienten for p in c.prestaties)
    return build(
        jw323.Bericht(
            header=_header(jw323, agb, gemeente, ident, dag),
            declaratie=jw323.Declaratie(
                declaratie_nummer=nummer,
                declaratie_periode=basis.GeslotenPeriode(begindatum=periode[0], einddatum=periode[1]),
                declaratie_dagtekening=dag,
                totaal_ingediend_bedrag=basis.TotaalBedragMetDC(totaal_bedrag=totaal, debet_credit="D"),
                clienten=clienten,
            ),
        ),
        valideren=valideren,
    )
