"""The werkvoorraad: every open deadline in the user's scope as one list, overdue first.

Deadlines are read from the rows where they were stored when their clock started; nothing is recomputed here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from jeugdhulp.casussen.models import Actie, Casus, Samenwerkingsplan, Waakvlamcontact
from jeugdhulp.permissions import policy


@dataclass(frozen=True)
class Rij:
    datum: dt.date
    soort: str
    tekst: str
    url: str
    jeugdige: object
    te_laat: bool


def rijen(user, *, alleen_eigen: bool = False, vandaag: dt.date | None = None) -> list[Rij]:
    from jeugdhulp.besluiten.models import Aanvraag, Bezwaar, BezwaarStatus
    from jeugdhulp.hulpvragen.models import Hulpvraag

    vandaag = vandaag or timezone.localdate()
    uit: list[Rij] = []

    def add(datum, soort, tekst, url, jeugdige):
        uit.append(Rij(datum, soort, tekst, url, jeugdige, datum < vandaag))

    casussen = policy.filter_queryset(user, policy.Resource.CASUS, Casus.objects.all())
    if alleen_eigen:
        casussen = casussen.filter(medewerker=user)
    hulpvragen = policy.filter_queryset(
        user, policy.Resource.HULPVRAAG, Hulpvraag.objects.filter(status__in=Hulpvraag.OPEN)
    )
    for h in hulpvragen.select_related("jeugdige"):
        add(h.contact_uiterlijk, "Hulpvraag", h.vraag[:60], reverse("hulpvragen:detail", args=[h.pk]), h.jeugdige)
    open_ = casussen.filter(status__in=Casus.OPEN)
    for p in Samenwerkingsplan.objects.filter(casus__in=open_, evaluatiedatum__isnull=False).select_related(
        "casus__jeugdige"
    ):
        add(p.evaluatiedatum, "Evaluatie plan", "", p.casus.get_absolute_url(), p.casus.jeugdige)
    for a in Actie.objects.filter(plan__casus__in=open_, gedaan_op__isnull=True).select_related(
        "plan__casus__jeugdige"
    ):
        add(
            a.deadline,
            "Actie",
            f"{a.eigenaar}: {a.omschrijving}",
            a.plan.casus.get_absolute_url(),
            a.plan.casus.jeugdige,
        )
    for w in Waakvlamcontact.objects.filter(casus__in=casussen, gedaan_op__isnull=True).select_related(
        "casus__jeugdige"
    ):
        add(w.gepland_op, "Waakvlam", w.get_soort_display(), w.casus.get_absolute_url(), w.casus.jeugdige)
    aanvragen = policy.filter_queryset(user, policy.Resource.BESLUIT, Aanvraag.objects.filter(status__in=Aanvraag.OPEN))
    if alleen_eigen:
        aanvragen = aanvragen.filter(casus__in=casussen)
    for a in aanvragen.select_related("jeugdige"):
        add(a.beslis_uiterlijk, "Besluit aanvraag", a.get_vorm_display(), a.get_absolute_url(), a.jeugdige)
    if policy.mag(user, policy.Resource.BESLUIT, policy.Actie.WIJZIGEN):
        zichtbaar = policy.filter_queryset(user, policy.Resource.BESLUIT, Aanvraag.objects.all())
        bezwaren = Bezwaar.objects.filter(
            beschikking__aanvraag__in=zichtbaar, status__in=[BezwaarStatus.ONTVANGEN, BezwaarStatus.VERDAAGD]
        ).select_related("beschikking__aanvraag__jeugdige")
        for b in bezwaren:
            add(b.beslis_uiterlijk, "Beslissen op bezwaar", str(b.beschikking), b.get_absolute_url(), b.jeugdige)
    return sorted(uit, key=lambda r: (r.datum, r.soort))
