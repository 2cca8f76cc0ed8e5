"""The werkvoorraad: every open deadline in the user's scope as one list, overdue first.

Deadlines are read from the rows where they were stored when their clock started; nothing is recomputed here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

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
    for h in hulpvragen.select_related("jeugdige").met_uiterlijk():
        add(h.uiterlijk, "Hulpvraag", h.vraag[:60], reverse("hulpvragen:detail", args=[h.pk]), h.jeugdige)
    open_ = casussen.filter(status__in=Casus.OPEN)
    # An action left open at closure stays on the list while the waakvlam runs: closing never loses it.
    met_acties = casussen.filter(status__in=[*Casus.OPEN, "waakvlam"])
    for p in Samenwerkingsplan.objects.filter(casus__in=open_, evaluatiedatum__isnull=False).select_related(
        "casus__jeugdige"
    ):
        add(p.evaluatiedatum, "Evaluatie plan", "", p.casus.get_absolute_url(), p.casus.jeugdige)
    for a in Actie.objects.filter(plan__casus__in=met_acties, gedaan_op__isnull=True).select_related(
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
    toekomst_rijen(user, casussen, vandaag, add)
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


@dataclass(frozen=True)
class Groep:
    sleutel: str
    titel: str
    rijen: list[Rij]
    gevouwen: bool = False


def groepen(rijen_: list[Rij], vandaag: dt.date | None = None) -> list[Groep]:
    """What is urgent first: overdue, today, the rest of this week (to Sunday), later (folded on the page)."""
    vandaag = vandaag or timezone.localdate()
    zondag = vandaag + dt.timedelta(days=6 - vandaag.weekday())
    indeling = {"te-laat": [], "vandaag": [], "deze-week": [], "later": []}
    for r in rijen_:
        sleutel = (
            "te-laat" if r.datum < vandaag else "vandaag" if r.datum == vandaag
            else "deze-week" if r.datum <= zondag else "later"
        )  # fmt: skip
        indeling[sleutel].append(r)
    return [
        Groep("te-laat", _("Te laat"), indeling["te-laat"]),
        Groep("vandaag", _("Vandaag"), indeling["vandaag"]),
        Groep("deze-week", _("Deze week"), indeling["deze-week"]),
        Groep("later", _("Later"), indeling["later"], gevouwen=True),
    ]


# ---- 18-/18+: youths approaching each age trigger, for the team
@dataclass(frozen=True)
class TriggerRij:
    datum: dt.date
    plan: object
    te_laat: bool


@dataclass(frozen=True)
class Trigger:
    sleutel: str
    titel: str
    uitleg: str
    rijen: list[TriggerRij]


HORIZON_MAANDEN = 6


def richting_18(user, *, vandaag: dt.date | None = None, maanden: int = HORIZON_MAANDEN) -> list[Trigger]:
    """Per trigger the youths of the user's open casussen (and waakvlam) whose stored date falls within the horizon.
    What is still to do (plan at 16, check at 17½) stays on the list after its date, marked late and shown first,
    until the youth turns 18; after that the 21 and 23 triggers apply."""
    from jeugdhulp.casussen.models import CasusStatus, Na18, Toekomstplan

    vandaag = vandaag or timezone.localdate()
    tot = vandaag + dt.timedelta(days=round(maanden * 30.44))
    casussen = policy.filter_queryset(
        user, policy.Resource.CASUS, Casus.objects.filter(status__in=[*Casus.OPEN, CasusStatus.WAAKVLAM])
    )
    plannen = Toekomstplan.objects.filter(casus__in=casussen).select_related("jeugdige", "casus__medewerker")

    def rijen(qs, veld: str, *, filter_=None) -> list[TriggerRij]:
        uit = []
        for p in qs.order_by(veld, "pk"):
            if filter_ is None or filter_(p):
                datum = getattr(p, veld)
                uit.append(TriggerRij(datum, p, datum < vandaag))
        return uit

    concept = Toekomstplan.Status.CONCEPT
    return [
        Trigger(
            "plan",
            _("16 jaar: toekomstplan maken"),
            _("Maak met de jongere een plan voor na 18, per leefgebied."),
            rijen(plannen.filter(status=concept, plan_uiterlijk__lte=tot, achttien_op__gt=vandaag), "plan_uiterlijk"),
        ),
        Trigger(
            "check",
            _("17½ jaar: overgangscheck"),
            _("Wat loopt door na 18: Wmo, Zvw, Wlz of verlengde jeugdhulp?"),
            rijen(
                plannen.filter(
                    overgangscheck_gedaan_op__isnull=True, overgangscheck_op__lte=tot, achttien_op__gt=vandaag
                ),
                "overgangscheck_op",
            ),
        ),
        Trigger(
            "achttien",
            _("18 jaar: jeugdhulp stopt, tenzij verlengd"),
            _("Zorg dat wat na 18 nodig is op tijd geregeld is."),
            rijen(plannen.filter(achttien_op__gte=vandaag, achttien_op__lte=tot), "achttien_op"),
        ),
        Trigger(
            "verblijf",
            _("21 jaar: einde pleegzorg of gezinshuis"),
            _("Pleegzorg en gezinshuis lopen standaard door tot 21."),
            rijen(plannen.filter(verblijf_tot__gte=vandaag, verblijf_tot__lte=tot), "verblijf_tot"),
        ),
        Trigger(
            "verlengd",
            _("23 jaar: harde einde verlengde jeugdhulp"),
            _("Na 23 kan er geen jeugdhulp meer zijn."),
            rijen(
                plannen.filter(verlengd_uiterlijk__gte=vandaag, verlengd_uiterlijk__lte=tot),
                "verlengd_uiterlijk",
                filter_=lambda p: Na18.VERLENGD in p.na_18,
            ),
        ),
    ]


def toekomst_rijen(user, casussen, vandaag: dt.date, add) -> None:
    """The werkvoorraad's 18-/18+ deadlines: the plan at 16 and the check at 17½, when due within 3 months."""
    from jeugdhulp.casussen.models import Toekomstplan

    grens = vandaag + dt.timedelta(days=91)
    plannen = Toekomstplan.objects.filter(casus__in=casussen.filter(status__in=Casus.OPEN)).select_related("jeugdige")
    for p in plannen.filter(status=Toekomstplan.Status.CONCEPT, plan_uiterlijk__lte=grens, achttien_op__gt=vandaag):
        add(p.plan_uiterlijk, _("Toekomstplan (16)"), "", p.get_absolute_url(), p.jeugdige)
    for p in plannen.filter(
        overgangscheck_gedaan_op__isnull=True, overgangscheck_op__lte=grens, achttien_op__gt=vandaag
    ):
        add(p.overgangscheck_op, _("Overgangscheck (17½)"), "", p.get_absolute_url(), p.jeugdige)
