"""iJw traffic for the demo municipality: what a new user of the berichten pages should find.

JW301s we sent (most delivered, a few queued, one failed), and messages received from aanbieders through the
real inbox (so every retour, deadline and domain effect is genuine): starts and stops of care, VOTs waiting for
an answer (some overdue), monthly declaraties with one rejected prestatie, and one message in quarantine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from django.utils import timezone

from jeugdhulp.aanbieders.models import Product
from jeugdhulp.berichten import aanbiederzijde as az
from jeugdhulp.berichten import outbox, termijnen
from jeugdhulp.berichten.ijw.berichten import basis
from jeugdhulp.berichten.inbox import ontvang_reeks
from jeugdhulp.berichten.models import Bericht, Status, Verzoek
from jeugdhulp.toewijzingen.models import Toewijzing

BRON = "demo:berichtenknooppunt"


def bouw_berichten(bouwer) -> dict[str, int]:
    peildatum, oss, rng = bouwer.peildatum, bouwer.oss, bouwer.rng
    toewijzingen = list(
        Toewijzing.objects.filter(gemeente=oss, toewijzingsdatum__lte=peildatum)
        .select_related("jeugdige", "aanbieder", "product", "gemeente")
        .order_by("-toewijzingsdatum", "pk")[:400]
    )
    # 1. JW301s we sent for the most recent toewijzingen (one per client × aanbieder).
    gezien, verstuurd = set(), []
    for t in toewijzingen:
        if (t.jeugdige_id, t.aanbieder_id) in gezien or len(verstuurd) >= 30:
            continue
        gezien.add((t.jeugdige_id, t.aanbieder_id))
        verstuurd.append(outbox.maak_jw301(oss, t.jeugdige, t.aanbieder, vandaag=min(t.toewijzingsdatum, peildatum)))
    for b in verstuurd[:-4]:
        outbox.markeer_verzonden(b)
    verstuurd[-1].naar(Status.MISLUKT, melding="Demo: het berichtenknooppunt was niet bereikbaar.")

    # 2. What aanbieders sent us: starts, stops, declaraties, VOTs and one unreadable message.
    berichten: list[bytes] = []
    basis_qs = Toewijzing.objects.filter(gemeente=oss, begindatum_zorg__lte=peildatum).select_related(
        "jeugdige", "aanbieder", "product", "gemeente"
    )
    eind = peildatum.replace(day=1) - dt.timedelta(days=1)
    begin = eind.replace(day=1)
    lopend = list(  # care all through last month: started, declared
        basis_qs.filter(begindatum_zorg__lte=begin, einddatum_zorg__isnull=True, ingangsdatum__lte=begin)
        .exclude(einddatum__lt=eind)
        .order_by("aanbieder__agb_code", "pk")[:45]
    )

    def geboren(t: Toewijzing) -> bool:  # a start dated before the child's birth is rejected (TR134)
        return t.jeugdige.geboortedatum <= min(t.begindatum_zorg + dt.timedelta(days=3), peildatum)

    gestopt = [
        t for t in basis_qs.filter(einddatum_zorg__lte=peildatum).order_by("-einddatum_zorg", "pk")[:12] if geboren(t)
    ]
    recent = list(basis_qs.order_by("-begindatum_zorg", "pk")[:20])
    gestart = [t for t in {t.pk: t for t in lopend + gestopt + recent}.values() if geboren(t)]
    for i, t in enumerate(gestart):
        # one start reported two weeks late (OP271: within 5 werkdagen), so Termijnen has something true to show
        dag = min(t.begindatum_zorg + dt.timedelta(days=14 if i == 1 else 3), peildatum)
        berichten.append(az.start(t, t.begindatum_zorg, ident=f"DS{i:05d}", dag=dag))
    for i, t in enumerate(gestopt):
        dag = min(t.einddatum_zorg + dt.timedelta(days=2), peildatum)
        berichten.append(
            az.stop(t, t.begindatum_zorg, t.einddatum_zorg, t.reden_beeindiging or "31", ident=f"DP{i:05d}", dag=dag)
        )
    berichten += _declaraties(lopend, begin, eind, peildatum)
    berichten += _vots(bouwer, toewijzingen, peildatum, rng)
    kapot = az.start(gestart[0], gestart[0].begindatum_zorg, ident="DSKAPOT", dag=peildatum)
    berichten.append(kapot.replace(gestart[0].jeugdige.bsn.encode(), b"123456789"))  # fails the 11-proef
    ontvangen = ontvang_reeks(berichten, bron=BRON, vandaag=peildatum)
    _ontvangen_op_de_dagtekening(ontvangen, peildatum)
    _retouren_verstuurd(ontvangen)
    _verzoeken_in_de_tijd(peildatum)
    return {"ijw_verstuurd": len(verstuurd), "ijw_ontvangen": len(ontvangen)}


def _ontvangen_op_de_dagtekening(ontvangen: list[Bericht], peildatum: dt.date) -> None:
    """A real inbox receives a message on the day it was sent; the demo takes them in all at once. So each receipt is
    dated back to the message's Dagtekening (with the retour deadline that follows from it): only what an aanbieder
    really reported late shows as late on Termijnen."""
    for b in ontvangen:
        if b.dagtekening is None or b.dagtekening >= peildatum:
            continue
        velden = {"aangemaakt": timezone.make_aware(dt.datetime.combine(b.dagtekening, dt.time(10)))}
        if b.antwoord_uiterlijk is not None:
            velden["antwoord_uiterlijk"] = termijnen.antwoord_uiterlijk(b.berichtsoort, b.dagtekening)
        Bericht.objects.filter(pk=b.pk).update(**velden)


def _retouren_verstuurd(ontvangen: list[Bericht]) -> None:
    """A real outbox sends our retour (JW306, JW308, JW316, JW325, …) the day the message came in; the demo marks them
    sent on that day, so Termijnen lists no received message as unanswered that was answered."""
    heen = {b.pk: b for b in Bericht.objects.filter(pk__in=[b.pk for b in ontvangen])}
    for retour in Bericht.objects.filter(heenbericht__in=list(heen), status=Status.KLAAR):
        outbox.markeer_verzonden(retour)
        dag = heen[retour.heenbericht_id].aangemaakt + dt.timedelta(minutes=5)
        Bericht.objects.filter(pk=retour.pk).update(verzonden=dag, aangemaakt=dag)
        Bericht.objects.filter(pk=retour.heenbericht_id).update(beantwoord=dag)


def _declaraties(lopend: list[Toewijzing], begin: dt.date, eind: dt.date, peildatum: dt.date) -> list[bytes]:
    """Last month's declaratie per aanbieder (up to three), one prestatie per client; one tariff is wrong."""
    per_aanbieder: dict[str, dict[str, list]] = {}
    for t in lopend:
        tarief = t.product.tarieven.filter(contract__aanbieder=t.aanbieder).geldig_op(begin).first()
        if tarief is None:
            continue
        rij = per_aanbieder.setdefault(t.aanbieder.agb_code, {})
        rij.setdefault(t.jeugdige.bsn, []).append(
            # 4 units, or fewer when the toewijzing grants fewer (TR321/TR322: within the toegewezen Omvang)
            az.prestatie(
                t, begin, eind, ref=f"DM{t.toewijzingnummer}", volume=min(4, t.volume or 4), tarief=int(tarief.bedrag)
            )
        )
    uit = []
    for n, (agb, per_bsn) in enumerate(list(per_aanbieder.items())[:3]):
        if n == 0:  # one prestatie at a tariff that is not in the contract: rejected with 0611 in the JW325
            bsn, prestaties = next(iter(per_bsn.items()))
            p, tarief = prestaties[0], prestaties[0].product_tarief + 100
            bedrag = basis.BedragMetDC(bedrag=p.geleverd_volume * tarief, debet_credit="D")
            per_bsn[bsn] = [replace(p, product_tarief=tarief, ingediend_bedrag=bedrag), *prestaties[1:]]
        uit.append(
            az.declaratie(
                agb, "0828", per_bsn, (begin, eind), ident=f"DD{n:04d}", nummer=f"D{begin:%Y%m}{n}", dag=peildatum
            )
        )
    return uit


def _vots(bouwer, toewijzingen: list[Toewijzing], peildatum: dt.date, rng) -> list[bytes]:
    """VOTs: a huisarts or jeugdarts referred the child to the aanbieder, which asks us for a toewijzing."""
    uit = []
    producten = list(Product.objects.exclude(code="").order_by("pk"))
    midden = len(toewijzingen) // 2
    for i, t in enumerate(toewijzingen[midden : midden + 8]):
        huisarts = bouwer.verwijzers[bouwer.oss.cbs_code].get("02", [])
        if i % 3 and huisarts:
            arts = huisarts[i % len(huisarts)]
            verwijzer = basis.Verwijzer(
                type="02",
                zorgverlener_code=arts.zorgverlenercode or None,
                naam=None if arts.zorgverlenercode else arts.naam[:64],
            )
        else:
            verwijzer = basis.Verwijzer(type="03", naam="Jeugdarts GGD Hart voor Brabant")
        product = t.product if t.product.code else rng.choice(producten)
        uit.append(
            az.vot(
                t.jeugdige,
                t.aanbieder,
                t.gemeente,
                product,
                verwijzer,
                ref=f"DVOT{i:03d}",
                ident=f"DV{i:05d}",
                dag=peildatum,
                ingangsdatum=peildatum + dt.timedelta(days=14),
                einddatum=peildatum + dt.timedelta(days=14 + 182),
            )
        )
    return uit


def _verzoeken_in_de_tijd(peildatum: dt.date) -> None:
    """Spread the VOTs over the last two weeks, so the overdue list shows the ones past 5 werkdagen. The message, the
    verzoek and the hulpvraag it put in the CJG intake queue are all re-dated: received when the deadline says."""
    from jeugdhulp.hulpvragen.models import Hulpvraag

    for n, verzoek in enumerate(Verzoek.objects.filter(bericht__bron=BRON).order_by("pk")):
        ontvangen = timezone.now() - dt.timedelta(days=2 * n)
        verzoek.ontvangen = ontvangen
        verzoek.antwoord_uiterlijk = termijnen.verzoek_uiterlijk(timezone.localdate(ontvangen))
        verzoek.save(update_fields=["ontvangen", "antwoord_uiterlijk"])
        Bericht.objects.filter(pk=verzoek.bericht_id).update(aangemaakt=ontvangen)
        Hulpvraag.objects.filter(verzoek=verzoek).update(
            ontvangen_op=ontvangen, contact_uiterlijk=verzoek.antwoord_uiterlijk
        )
