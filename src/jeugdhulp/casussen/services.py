"""What the CJG does with a casus. Views call these; every step checks the rules and records who did it."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdhulp.casussen import toestemming
from jeugdhulp.casussen.models import (
    Casus,
    CasusStatus,
    KortVerslag,
    Samenwerkingsplan,
    Veiligheidssignaal,
    Waakvlamcontact,
)
from jeugdhulp.jeugdigen.models import Jeugdige
from jeugdhulp.overgangen.models import Gelijktijdig

STAGNATIE_WEKEN = 8  # default; settings.JEUGDHULP_STAGNATIE_WEKEN overrides


def stagnatie_weken() -> int:
    from django.conf import settings

    return getattr(settings, "JEUGDHULP_STAGNATIE_WEKEN", STAGNATIE_WEKEN)


@transaction.atomic
def casus_voor(
    jeugdige: Jeugdige, *, door, team=None, verwijzer_type: str = "01", verwijzer_naam: str = ""
) -> tuple[Casus, bool]:
    """The open casus of this jeugdige, or a new one. A casus in waakvlam is reopened; never a duplicate."""
    Jeugdige.objects.select_for_update().filter(pk=jeugdige.pk).first()  # serialise concurrent triage
    bestaand = jeugdige.casussen.filter(status__in=[*Casus.OPEN, CasusStatus.WAAKVLAM]).order_by("-pk").first()
    if bestaand is not None:
        if bestaand.status == CasusStatus.WAAKVLAM:
            bestaand.naar(CasusStatus.VRAAGVERHELDERING, door=door, toelichting=_("Nieuwe hulpvraag"))
        return bestaand, False
    team = team or jeugdige.team or getattr(door, "team", None)
    if jeugdige.team_id is None and team is not None:
        jeugdige.team = team
        jeugdige.save(update_fields=["team"])
    casus = Casus.objects.create(
        jeugdige=jeugdige,
        gemeente=jeugdige.gemeente,
        team=team,
        medewerker=door if getattr(door, "team_id", None) == team.pk else None,
        verwijzer_type=verwijzer_type or "01",
        verwijzer_naam=verwijzer_naam,
    )
    return casus, True


@transaction.atomic
def jeugdige_aanvullen(casus: Casus, *, bsn: str = "", geboortedatum: dt.date | None = None) -> None:
    """Add the BSN and/or the exact birth date found out after vraagverheldering started; the age triggers follow."""
    jeugdige = Jeugdige.objects.select_for_update().get(pk=casus.jeugdige_id)
    if bsn and bsn != jeugdige.bsn:
        if Jeugdige.objects.filter(bsn=bsn).exclude(pk=jeugdige.pk).exists():
            raise ValidationError(
                {"bsn": _("Dit BSN hoort al bij een andere jeugdige. Overleg met de backoffice om ze samen te voegen.")}
            )
        jeugdige.bsn = bsn
    if geboortedatum:
        jeugdige.geboortedatum, jeugdige.datumgebruik = geboortedatum, ""
    jeugdige.full_clean()
    jeugdige.save()
    if geboortedatum:
        toekomst_herberekenen(jeugdige)
    casus.jeugdige = jeugdige


def voortgang(casus: Casus, dag: dt.date | None = None) -> None:
    Casus.objects.filter(pk=casus.pk).update(laatste_voortgang=dag or timezone.localdate())


def laatste_verslag(casus: Casus) -> KortVerslag | None:
    return casus.verslagen.order_by("-versie").first()


@transaction.atomic
def schrijf_verslag(casus: Casus, *, door, basis_versie: int, delen: bool, **velden) -> KortVerslag:
    """A new version of the kort verslag. ``basis_versie`` is the version the writer started from."""
    Casus.objects.select_for_update().filter(pk=casus.pk).first()
    huidig = laatste_verslag(casus)
    if (huidig.versie if huidig else 0) != basis_versie:
        raise Gelijktijdig(_("Er is intussen een nieuwere versie van het verslag. Laad de pagina opnieuw."))
    if delen:
        nodig = toestemming.wie_stemt_in(casus.jeugdige.leeftijd())
        fouten = {}
        if toestemming.OUDERS in nodig and not velden.get("akkoord_ouders"):
            fouten["akkoord_ouders"] = _("De ouders moeten instemmen voordat het verslag wordt gedeeld.")
        if toestemming.JEUGDIGE in nodig and not velden.get("akkoord_jeugdige"):
            fouten["akkoord_jeugdige"] = _("De jeugdige moet instemmen voordat het verslag wordt gedeeld.")
        if fouten:
            raise ValidationError(fouten)
    verslag = KortVerslag.objects.create(
        casus=casus,
        versie=basis_versie + 1,
        door=door,
        gedeeld_op=timezone.localdate() if delen else None,
        **velden,
    )
    voortgang(casus)
    return verslag


def plan_voor(casus: Casus) -> Samenwerkingsplan:
    plan, _nieuw = Samenwerkingsplan.objects.get_or_create(casus=casus)
    return plan


@transaction.atomic
def plan_vaststellen(plan: Samenwerkingsplan, *, door) -> None:
    casus = plan.casus
    plan.controleer_regie()
    if not plan.evaluatiedatum:
        raise ValidationError(_("Kies een evaluatiedatum."))
    if not plan.acties.exists():
        raise ValidationError(_("Zet minstens één actie in het plan, met wie en wanneer."))
    plan.naar(Samenwerkingsplan.Status.VASTGESTELD, door=door)
    if casus.status == CasusStatus.VRAAGVERHELDERING:
        casus.naar(CasusStatus.PLAN, door=door, toelichting=_("Samenwerkingsplan vastgesteld"))
    voortgang(casus)


@transaction.atomic
def signaal(casus: Casus, *, door, **velden) -> Veiligheidssignaal:
    s = Veiligheidssignaal(casus=casus, door=door, **velden)
    s.full_clean()
    s.save()
    Casus.objects.filter(pk=casus.pk).update(veiligheid=True)
    casus.veiligheid = True
    return s


def open_acties(casus: Casus):
    from jeugdhulp.casussen.models import Actie

    return Actie.objects.filter(plan__casus=casus, gedaan_op__isnull=True)


@transaction.atomic
def afsluiten(
    casus: Casus,
    *,
    door,
    reden: str,
    toelichting: str,
    waakvlam: list[dt.date] | None = None,
    open_acties_lopen_door: bool = False,
) -> None:
    """Close with a reason; with waakvlam dates the casus stays in waakvlam with those contacts planned.

    Open actions are never lost: closing with open actions needs the worker's word that they continue; they stay
    on the casus and on the werkvoorraad (while the waakvlam runs) until done.
    """
    if not reden:
        raise ValidationError({"reden": _("Kies een reden van afsluiten.")})
    vandaag = timezone.localdate()
    if any(d <= vandaag for d in waakvlam or []):
        raise ValidationError({"waakvlam_1": _("Plan waakvlamcontacten na vandaag.")})
    n = open_acties(casus).count()
    if n and not open_acties_lopen_door:
        raise ValidationError(
            {"open_acties": _("Er staan nog %(n)s acties open. Rond ze af, of vink aan dat ze doorlopen.") % {"n": n}}
        )
    nieuw = CasusStatus.WAAKVLAM if waakvlam else CasusStatus.AFGESLOTEN
    casus.naar(
        nieuw,
        door=door,
        toelichting=toelichting,
        reden_afsluiting=reden,
        toelichting_afsluiting=toelichting,
        afgesloten_op=vandaag,
    )
    Waakvlamcontact.objects.bulk_create(Waakvlamcontact(casus=casus, gepland_op=d) for d in sorted(waakvlam or []))


def waakvlam_vastleggen(contact: Waakvlamcontact, *, verslag: str, dag: dt.date | None = None) -> None:
    contact.gedaan_op = dag or timezone.localdate()
    contact.verslag = verslag
    contact.save(update_fields=["gedaan_op", "verslag"])


def stagnerend(casussen, vandaag: dt.date | None = None):
    """Open casussen without progress for the configured number of weeks: consider procesregie."""
    vandaag = vandaag or timezone.localdate()
    grens = vandaag - dt.timedelta(weeks=stagnatie_weken())
    return casussen.filter(status__in=Casus.OPEN, laatste_voortgang__lte=grens).exclude(regievorm="procesregie")


# ---- toekomstplan (18-/18+)
def _mijlpalen(jeugdige, woonvorm: str):
    from jeugdhulp.casussen import toekomst
    from jeugdhulp.casussen.models import Woonvorm

    return toekomst.mijlpalen(
        jeugdige.geboortedatum, pleegzorg_of_gezinshuis=woonvorm in (Woonvorm.PLEEGZORG, Woonvorm.GEZINSHUIS)
    )


def toekomstplan_voor(casus: Casus):
    """The jeugdige's toekomstplan with its age triggers stored on the row; follows the jeugdige to a newer casus."""
    from dataclasses import asdict

    from jeugdhulp.casussen.models import Toekomstplan, Woonvorm

    plan = Toekomstplan.objects.filter(jeugdige=casus.jeugdige).first()
    if plan is None:
        return Toekomstplan.objects.create(
            jeugdige=casus.jeugdige, casus=casus, **asdict(_mijlpalen(casus.jeugdige, Woonvorm.THUIS))
        )
    if plan.casus_id != casus.pk and casus.pk > plan.casus_id:
        Toekomstplan.objects.filter(pk=plan.pk).update(casus=casus)
        plan.casus = casus
    return plan


def toekomst_herberekenen(jeugdige) -> None:
    """A corrected geboortedatum (or woonvorm) moves every stored trigger date."""
    from dataclasses import asdict

    from jeugdhulp.casussen.models import Toekomstplan

    for plan in Toekomstplan.objects.filter(jeugdige=jeugdige):
        Toekomstplan.objects.filter(pk=plan.pk).update(**asdict(_mijlpalen(jeugdige, plan.woonvorm)))


@transaction.atomic
def woonvorm_vastleggen(plan, *, woonvorm: str) -> None:
    from dataclasses import asdict

    plan.woonvorm = woonvorm
    for veld, waarde in asdict(_mijlpalen(plan.jeugdige, woonvorm)).items():
        setattr(plan, veld, waarde)
    plan.bewaar("woonvorm", "verblijf_tot")


@transaction.atomic
def toekomstdoel_vastleggen(plan, *, leefgebied: str, eigen_doel: str, netwerk_doet: str, formeel_doet: str):
    """One row per leefgebied; writing it again replaces it. The youth's own goal is required."""
    from jeugdhulp.casussen.models import Toekomstdoel

    if not eigen_doel.strip():
        raise ValidationError(_("Schrijf het doel van de jongere op, in eigen woorden."))
    if not (netwerk_doet.strip() or formeel_doet.strip()):
        raise ValidationError(_("Schrijf op wie wat doet: het netwerk, formele hulp of allebei."))
    doel, _nieuw = Toekomstdoel.objects.update_or_create(
        plan=plan,
        leefgebied=leefgebied,
        defaults={"eigen_doel": eigen_doel, "netwerk_doet": netwerk_doet, "formeel_doet": formeel_doet},
    )
    voortgang(plan.casus)
    return doel


@transaction.atomic
def toekomstplan_vaststellen(plan, *, door, dag: dt.date | None = None) -> None:
    """Vaststellen with the jongere: every leefgebied of the toekomstplan must have been discussed."""
    from jeugdhulp.casussen.models import ToekomstLeefgebied, Toekomstplan

    ontbreekt = set(ToekomstLeefgebied.values) - set(plan.doelen.values_list("leefgebied", flat=True))
    if ontbreekt:
        namen = ", ".join(str(ToekomstLeefgebied(k).label).lower() for k in ToekomstLeefgebied.values if k in ontbreekt)
        raise ValidationError(_("Bespreek eerst elk leefgebied. Nog niet gedaan: %(namen)s.") % {"namen": namen})
    plan.naar(Toekomstplan.Status.VASTGESTELD, door=door, vastgesteld_op=dag or timezone.localdate())
    voortgang(plan.casus)


@transaction.atomic
def overgangscheck(plan, *, door, na_18: list[str], toelichting: str, dag: dt.date | None = None) -> None:
    """The 17½ check: what continues after 18. Verlengde jeugdhulp needs a reason (it must be necessary)."""
    from jeugdhulp.casussen.models import Na18

    dag = dag or timezone.localdate()
    if not na_18:
        raise ValidationError(_("Kies wat er na 18 doorloopt, of ‘geen hulp meer nodig’."))
    if Na18.GEEN in na_18 and len(na_18) > 1:
        raise ValidationError(_("‘Geen hulp meer nodig’ kan niet samen met een andere keuze."))
    if Na18.VERLENGD in na_18 and not toelichting.strip():
        raise ValidationError(_("Schrijf op waarom verlengde jeugdhulp nodig is."))
    if dag > plan.verlengd_uiterlijk:
        raise ValidationError(_("Na 23 jaar kan er geen jeugdhulp meer zijn."))
    plan.na_18, plan.toelichting_na_18, plan.overgangscheck_gedaan_op = list(na_18), toelichting, dag
    plan.bewaar("na_18", "toelichting_na_18", "overgangscheck_gedaan_op")
    voortgang(plan.casus)
