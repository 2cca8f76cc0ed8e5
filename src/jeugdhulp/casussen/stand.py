"""Where a casus stands, at a glance: the phase, the next step with its deadline, and who is involved.

Everything is read from stored rows (deadlines were stored when their clock started); nothing is recomputed here.
The people around the casus also feed the choice lists for regisseur and action owners, so no name is typed twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jeugdhulp.casussen import tijdlijn
from jeugdhulp.casussen.models import Actie, Casus, CasusStatus, Deelnemer
from jeugdhulp.casussen.templatetags.personen import telefoon

FASEN = [
    (CasusStatus.VRAAGVERHELDERING, gettext_lazy("Vraag verhelderen")),
    (CasusStatus.PLAN, gettext_lazy("Plan maken")),
    (CasusStatus.UITVOERING, gettext_lazy("Hulp loopt")),
    (CasusStatus.WAAKVLAM, gettext_lazy("Afgesloten")),
]


@dataclass(frozen=True)
class Fase:
    naam: str
    klaar: bool
    nu: bool


@dataclass(frozen=True)
class Stap:
    """The next step: what, where on the page (the form's anchor) and by when (a stored date, or none)."""

    tekst: str
    anker: str
    uiterlijk: dt.date | None = None
    te_laat: bool = False


@dataclass
class Persoon:
    naam: str
    rol: str
    soort: str  # "netwerk" (gezin or network) or "professional"
    contact: list[str] = field(default_factory=list)


def fasen(casus: Casus) -> list[Fase]:
    """The phases, with a tick only on those the casus really passed through (a casus closed straight from
    vraagverheldering never had help: "Hulp loopt" gets no tick)."""
    status = CasusStatus.WAAKVLAM if casus.status == CasusStatus.AFGESLOTEN else casus.status
    dicht = {CasusStatus.AFGESLOTEN: CasusStatus.WAAKVLAM}  # closed with or without waakvlam: one phase
    naar = casus.overgangen.values_list("naar", flat=True)
    geweest = {CasusStatus.VRAAGVERHELDERING, *(dicht.get(n, n) for n in naar)}
    index = [s for s, _n in FASEN].index(status)
    return [Fase(str(naam), i < index and s in geweest, i == index) for i, (s, naam) in enumerate(FASEN)]


def volgende_stap(casus: Casus, vandaag: dt.date | None = None) -> Stap | None:
    vandaag = vandaag or timezone.localdate()

    def stap(tekst, anker, uiterlijk=None):
        return Stap(tekst, anker, uiterlijk, bool(uiterlijk and uiterlijk < vandaag))

    plan = getattr(casus, "plan", None)
    if casus.status == CasusStatus.VRAAGVERHELDERING:
        if not casus.gesprekken.exists():
            hulpvraag = casus.hulpvragen.select_related("verzoek").order_by("contact_uiterlijk").first()
            return stap(_("Voer het eerste gesprek en leg het vast"), "gesprek", hulpvraag and hulpvraag.termijn)
        if not casus.verslagen.filter(gedeeld_op__isnull=False).exists():
            return stap(_("Schrijf het kort verslag en deel het met het gezin"), "verslag")
        return stap(_("Maak het samenwerkingsplan en stel het vast"), "plan", plan and plan.datum_overleg)
    if casus.status in (CasusStatus.PLAN, CasusStatus.UITVOERING):
        from jeugdhulp.besluiten.models import Aanvraag

        # the earliest of: the decision on an open aanvraag, an open action, the evaluation (overdue ones first)
        kandidaten = []
        aanvraag = casus.aanvragen.filter(status__in=Aanvraag.OPEN).order_by("beslis_uiterlijk").first()
        if aanvraag is not None:
            kandidaten.append(stap(_("Wacht op het besluit over de aanvraag"), "aanvragen", aanvraag.beslis_uiterlijk))
        actie = Actie.objects.filter(plan__casus=casus, gedaan_op__isnull=True).order_by("deadline").first()
        if actie is not None:
            kandidaten.append(stap(f"{actie.eigenaar}: {actie.omschrijving}", "plan", actie.deadline))
        if plan is not None and plan.evaluatiedatum:
            kandidaten.append(stap(_("Evalueer het plan met het gezin"), "plan", plan.evaluatiedatum))
        if kandidaten:
            return min(kandidaten, key=lambda s: s.uiterlijk)
        if casus.status == CasusStatus.PLAN:
            return stap(_("Zet de hulp in: een aanvraag, of het gezin en netwerk gaan aan de slag"), "aanvragen")
        return stap(_("Spreek een evaluatiedatum af met het gezin"), "plan")
    if casus.status == CasusStatus.WAAKVLAM:
        contact = casus.waakvlam.filter(gedaan_op__isnull=True).first()
        if contact is not None:
            return stap(_("Waakvlamcontact: horen hoe het gaat"), "afsluiten", contact.gepland_op)
        return stap(_("Beëindig de waakvlam"), "afsluiten")
    return None


def wat_komt(casus: Casus, volgende: Stap | None = None, aantal: int = 4) -> list[tijdlijn.Moment]:
    """What comes after the next step (that step itself is not repeated)."""
    momenten = tijdlijn.komt(casus, voor="medewerker")
    if volgende is not None:
        momenten = [m for m in momenten if m.datum != volgende.uiterlijk]
    return momenten[:aantal]


def betrokkenen(casus: Casus) -> dict[str, list[Persoon]]:
    """Gezin (the jeugdige and relaties, with contact), netwerk, professionals and the CJG."""
    from jeugdhulp.toewijzingen.models import Toewijzing

    j = casus.jeugdige
    gezin = [Persoon(j.volledige_naam, _("jeugdige"), "netwerk")]
    op_naam = {_sleutel(j.volledige_naam): gezin[0]}
    for r in j.relaties.all():
        contact = [c for c in (telefoon(r.telefoon) if r.telefoon else "", r.emailadres) if c]
        bekend = op_naam.get(_sleutel(r.volledige_naam))
        if bekend is not None:  # the same person recorded twice (by phone and later): one line, every contact
            bekend.contact += [c for c in contact if c not in bekend.contact]
            continue
        op_naam[_sleutel(r.volledige_naam)] = persoon = Persoon(r.volledige_naam, _soort_label(r), "netwerk", contact)
        gezin.append(persoon)
    plan = getattr(casus, "plan", None)
    deelnemers = list(plan.deelnemers.all()) if plan else []
    # the family at the samenwerkoverleg is already listed by name above ("Ouders" names no one)
    netwerk = [
        Persoon(d.naam, d.get_soort_display(), "netwerk")
        for d in deelnemers
        if d.soort not in (Deelnemer.Soort.PROFESSIONAL, Deelnemer.Soort.INWONER) and _sleutel(d.naam) not in op_naam
    ]
    professionals = [
        Persoon(d.naam, d.organisatie or d.get_soort_display(), "professional")
        for d in deelnemers
        if d.soort == Deelnemer.Soort.PROFESSIONAL
    ]
    for t in Toewijzing.objects.filter(aanvragen__casus=casus).select_related("aanbieder").distinct():
        professionals.append(Persoon(t.aanbieder.naam, _("aanbieder"), "professional"))
    cjg = []
    if casus.medewerker:
        rol = _("CJG-medewerker, %(team)s") % {"team": casus.team.naam}
        cjg.append(Persoon(_naam(casus.medewerker), rol, "professional"))
    return {"gezin": gezin, "netwerk": netwerk, "professionals": professionals, "cjg": cjg}


def personen_keuzes(casus: Casus) -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped choices for a select: value "soort|naam", label "naam (rol)". Staff of the team come last."""
    groepen = betrokkenen(casus)
    gezien: set[str] = set()
    uit = []
    for titel, sleutel in ((_("Gezin"), "gezin"), (_("Netwerk"), "netwerk"), (_("Professionals"), "professionals")):
        opties = []
        for p in groepen[sleutel]:
            if p.naam not in gezien:
                gezien.add(p.naam)
                opties.append((f"{p.soort}|{p.naam}", f"{p.naam} ({p.rol})"))
        if opties:
            uit.append((titel, opties))
    staf = [
        (f"professional|{_naam(u)} (CJG)", f"{_naam(u)} (CJG)")
        for u in get_user_model().objects.filter(team=casus.team, is_active=True).order_by("first_name", "username")
    ]
    if staf:
        uit.append((_("CJG-team %(team)s") % {"team": casus.team.naam}, staf))
    return uit


def _sleutel(naam: str) -> str:
    return " ".join(naam.lower().split())


def deelnemers_tekst(plan) -> list[str]:
    """The samenwerkoverleg's participants; the family shown by name ("Ouders: Nora El Amrani, Karim El Amrani")."""
    relaties = list(plan.casus.jeugdige.relaties.all())
    ouders = [r.volledige_naam for r in relaties if r.soort in OUDERCODES] or [r.volledige_naam for r in relaties]
    uit = []
    for d in plan.deelnemers.all():
        if d.soort == Deelnemer.Soort.INWONER and _sleutel(d.naam) in GEZIN_ZONDER_NAAM and ouders:
            uit.append(f"{d.naam}: {', '.join(ouders)}")
        else:
            uit.append(f"{d.naam} ({d.get_soort_display().lower()}{', ' + d.organisatie if d.organisatie else ''})")
    return uit


GEZIN_ZONDER_NAAM = frozenset({"ouders", "ouder", "gezin", "het gezin", "moeder", "vader", "vader en moeder"})
OUDERCODES = frozenset({"10", "13"})  # COD472: ouder, pleegouder


def _naam(user) -> str:
    return user.get_full_name() or user.get_username()


def _soort_label(relatie) -> str:
    """ "10 Ouder" → "ouder": the code list's label without its code."""
    return relatie.get_soort_display().partition(" ")[2].lower()
