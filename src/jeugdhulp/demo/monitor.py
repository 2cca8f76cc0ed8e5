"""Demo input for the monitor: budgets per category for every gemeente, a configured norm, and the aanbieders'
monthly waiting-list reports (one aanbieder late, one product never reported), then the beschikbaarheidswijzer
fills the sociale kaart. Deterministic: its own random stream derived from the demo seed."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from jeugdhulp.monitor.beschikbaarheid import werk_sociale_kaart_bij
from jeugdhulp.monitor.models import LICHT, Budget, LokaleFactuur, Maat, Norm, Wachtlijstmelding

# Yearly budget per 1 000 inhabitants 0–17, in euro, per categorie (the shape of Oss's spending, synthetic)
BUDGET_PER_1000 = {"45": 210_000, "54": 160_000, "41": 60_000, "43": 90_000, "44": 110_000, "46": 25_000,
                   "40": 8_000, "50": 15_000, LICHT: 30_000}  # fmt: skip
LEVERANCIERS = ("CJG lichte ondersteuning (welzijnsorganisatie)", "Groepstraining Opvoeden & Zo")


def _maand_terug(d: dt.date, n: int) -> dt.date:
    jaar, maand = divmod(d.year * 12 + d.month - 1 - n, 12)
    return dt.date(jaar, maand + 1, 1) - dt.timedelta(days=1)  # last day of the month before


def bouw_monitor(bouwer) -> dict[str, int]:
    rng = random.Random(f"monitor-{bouwer.seed}")
    peildatum = bouwer.peildatum
    budgetten = [
        Budget(gemeente=g, jaar=jaar, categorie=cat, bedrag=round(per * (g.inwoners_0_17 or 0) / 1000) * 100)
        for g in bouwer.gemeenten
        for jaar in (peildatum.year - 1, peildatum.year)
        for cat, per in BUDGET_PER_1000.items()
    ]
    Budget.objects.bulk_create(budgetten)
    Norm.objects.create(
        maat=Maat.TOEWIJZING_START, categorie="45", dagen=56, toelichting="Regionale afspraak ambulant: 8 weken"
    )
    meldingen = []
    paren = sorted(
        {(a, p) for p in bouwer.producten if p.categorie in ("45", "54", "41") for a in bouwer.aanbod[p.pk]},
        key=lambda ap: (ap[0].agb_code, ap[1].code),
    )
    te_laat = paren[0][0] if paren else None
    for i, (aanbieder, product) in enumerate(paren):
        if i == len(paren) - 1:
            continue  # this pair never reported: shown as "ontbreekt"
        maanden = range(4, 7) if aanbieder == te_laat else range(1, 7)
        basis = rng.randrange(2, 16)
        for n in maanden:
            intake = max(0, basis + rng.randrange(-3, 4))
            gestart = rng.randrange(3, 20)
            meldingen.append(
                Wachtlijstmelding(
                    aanbieder=aanbieder,
                    product=product,
                    peildatum=_maand_terug(peildatum, n - 1),
                    wacht_op_intake=intake,
                    wacht_op_behandeling=rng.randrange(0, 12),
                    verwachte_wachttijd_weken=max(1, basis // 2 + rng.randrange(0, 4)),
                    intakecapaciteit=rng.randrange(4, 25),
                    gestart=gestart,
                    gerealiseerde_wachttijd_weken=Decimal(rng.randrange(10, 160)) / 10,
                    bron="portaal",
                )
            )
    Wachtlijstmelding.objects.bulk_create(meldingen)
    facturen = _lokale_facturen(bouwer, rng)
    diensten = werk_sociale_kaart_bij(vandaag=peildatum)
    return {"budgetten": len(budgetten), "wachtlijstmeldingen": len(meldingen), "lokale_facturen": facturen,
            "wachttijden_sociale_kaart": diensten}  # fmt: skip


def _lokale_facturen(bouwer, rng: random.Random) -> int:
    """Monthly invoices for light youth care bought locally, since January last year (no person in them)."""
    facturen = []
    for g in bouwer.gemeenten:
        per_maand = BUDGET_PER_1000[LICHT] * (g.inwoners_0_17 or 0) / 1000 / 12
        for n in range(bouwer.peildatum.month + 12 - 1, 0, -1):
            datum = _maand_terug(bouwer.peildatum, n)
            for leverancier in LEVERANCIERS:
                bedrag = round(per_maand / len(LEVERANCIERS) * rng.uniform(0.8, 1.25) * 100)
                omschrijving = f"Lichte jeugdhulp {datum:%m-%Y}"
                facturen.append(
                    LokaleFactuur(gemeente=g, factuurdatum=datum, leverancier=leverancier, omschrijving=omschrijving,
                                  bedrag=bedrag)
                )  # fmt: skip
    LokaleFactuur.objects.bulk_create(facturen)
    return len(facturen)
