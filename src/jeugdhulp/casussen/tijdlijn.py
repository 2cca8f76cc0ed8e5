"""The casus timeline in plain Dutch (B1): what happened, what comes next, and by when. What the family is told."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from jeugdhulp.casussen.models import Casus, CasusStatus

STATUS_ZIN = {
    CasusStatus.VRAAGVERHELDERING: "We praten met u over uw vraag, zodat duidelijk wordt wat u nodig heeft.",
    CasusStatus.PLAN: "We maken samen met u een plan: wat wilt u, wat kunt u zelf, wat heeft u nodig.",
    CasusStatus.UITVOERING: "De hulp uit het plan is begonnen of wordt geregeld.",
    CasusStatus.WAAKVLAM: "De hulp is klaar. We houden nog contact met u, op de afgesproken data.",
    CasusStatus.AFGESLOTEN: "De hulp is klaar en afgesloten.",
}


@dataclass(frozen=True)
class Moment:
    datum: dt.date
    tekst: str
    te_laat: bool = False


def gebeurd(casus: Casus) -> list[Moment]:
    m = [Moment(casus.geopend_op, "U vroeg het CJG om hulp. We zijn met u in gesprek gegaan.")]
    for g in casus.gesprekken.all():
        m.append(Moment(g.datum, f"Gesprek met {g.deelnemers}."))
    for v in casus.verslagen.all():
        if v.gedeeld_op:
            m.append(Moment(v.gedeeld_op, f"U kreeg het verslag van onze gesprekken (versie {v.versie})."))
    plan = getattr(casus, "plan", None)
    if plan is not None and plan.status == "vastgesteld" and plan.datum_overleg:
        m.append(Moment(plan.datum_overleg, "We hebben samen het samenwerkingsplan gemaakt."))
    for a in casus.aanvragen.all():
        m.append(Moment(a.ontvangen_op, f"Het CJG vroeg {a.get_vorm_display().lower()} voor u aan bij de gemeente."))
        b = getattr(a, "beschikking", None)
        if b is not None:
            woord = "ja" if b.besluit == "toegekend" else "nee"
            m.append(
                Moment(
                    b.datum,
                    f"De gemeente besliste: {woord}. U kreeg daarover een brief (besluit {b.beschikkingnummer}).",
                )
            )
            for bz in b.bezwaren.all():
                m.append(
                    Moment(bz.ontvangen_op, "U maakte bezwaar tegen het besluit. De gemeente kijkt er opnieuw naar.")
                )
                if bz.beslist_op:
                    m.append(
                        Moment(
                            bz.beslist_op,
                            f"De gemeente besliste op uw bezwaar: {bz.get_uitkomst_display().lower()}.",
                        )
                    )
        verdaging = a.overgangen.filter(naar="verdaagd").first() if a.verdaagd_tot else None
        if verdaging is not None:
            m.append(
                Moment(
                    timezone.localdate(verdaging.op),
                    f"De gemeente heeft meer tijd nodig voor het besluit: {a.reden_verdaging}",
                )
            )
        for t in a.toewijzingen.all():
            m.append(Moment(t.toewijzingsdatum, f"{t.aanbieder.naam} kreeg de opdracht om u te helpen."))
            if t.begindatum_zorg:
                m.append(Moment(t.begindatum_zorg, f"De hulp van {t.aanbieder.naam} is begonnen."))
    for e in casus.evaluaties.all():
        m.append(Moment(e.datum, f"We keken samen of de hulp nog goed is: {e.get_uitkomst_display().lower()}."))
    if casus.afgesloten_op:
        m.append(Moment(casus.afgesloten_op, "We hebben de hulp samen afgesloten."))
    for w in casus.waakvlam.all():
        if w.gedaan_op:
            m.append(Moment(w.gedaan_op, "We hadden contact om te horen hoe het gaat."))
    return sorted(m, key=lambda x: x.datum)


# What comes, in the family's words (their printable timeline) and in the worker's (the casus page).
KOMT_ZIN = {
    "gezin": {
        "aanvraag": "De gemeente beslist over uw aanvraag.",
        "bezwaartermijn": "Tot deze datum kunt u bezwaar maken tegen het besluit.",
        "bezwaar": "De gemeente beslist op uw bezwaar.",
        "start": "De hulp van {aanbieder} kan vanaf nu beginnen. U wacht nog op de start.",
        "evaluatie": "We kijken samen of het plan werkt.",
        "waakvlam": "Het CJG neemt contact met u op om te horen hoe het gaat.",
    },
    "medewerker": {
        "aanvraag": "Besluit over de aanvraag (jeugdconsulent).",
        "bezwaartermijn": "Bezwaartermijn van het besluit loopt af.",
        "bezwaar": "Beslissing op het bezwaar.",
        "start": "{aanbieder} kan starten; de start is nog niet gemeld.",
        "evaluatie": "Evaluatie van het plan met het gezin.",
        "waakvlam": "Waakvlamcontact: bel het gezin.",
    },
}


def komt(casus: Casus, vandaag: dt.date | None = None, *, voor: str = "gezin") -> list[Moment]:
    """What comes next with its date; ``voor="medewerker"`` words it for the worker instead of the family."""
    vandaag = vandaag or timezone.localdate()
    zin = KOMT_ZIN[voor]
    m = []
    for a in casus.aanvragen.all():
        if a.is_open:
            m.append(Moment(a.beslis_uiterlijk, zin["aanvraag"], a.beslis_uiterlijk < vandaag))
        b = getattr(a, "beschikking", None)
        if b is not None and b.bezwaar_uiterlijk >= vandaag:
            m.append(Moment(b.bezwaar_uiterlijk, zin["bezwaartermijn"]))
        for bz in b.bezwaren.filter(beslist_op__isnull=True, status__in=["ontvangen", "verdaagd"]) if b else []:
            m.append(Moment(bz.beslis_uiterlijk, zin["bezwaar"], bz.beslis_uiterlijk < vandaag))
        for t in a.toewijzingen.all():
            if not t.begindatum_zorg:
                m.append(Moment(t.ingangsdatum, zin["start"].format(aanbieder=t.aanbieder.naam)))
    plan = getattr(casus, "plan", None)
    if plan is not None and plan.evaluatiedatum and casus.is_open:
        m.append(Moment(plan.evaluatiedatum, zin["evaluatie"], plan.evaluatiedatum < vandaag))
        for actie in plan.acties.filter(gedaan_op__isnull=True):
            m.append(Moment(actie.deadline, f"{actie.eigenaar}: {actie.omschrijving}.", actie.deadline < vandaag))
    for w in casus.waakvlam.filter(gedaan_op__isnull=True):
        m.append(Moment(w.gepland_op, zin["waakvlam"], w.gepland_op < vandaag))
    return sorted(m, key=lambda x: x.datum)
