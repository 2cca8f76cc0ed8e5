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
        if toestemming.OUDERS in nodig and not velden.get("akkoord_ouders"):
            raise ValidationError(_("De ouders moeten instemmen voordat het verslag wordt gedeeld."))
        if toestemming.JEUGDIGE in nodig and not velden.get("akkoord_jeugdige"):
            raise ValidationError(_("De jeugdige moet instemmen voordat het verslag wordt gedeeld."))
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


@transaction.atomic
def afsluiten(casus: Casus, *, door, reden: str, toelichting: str, waakvlam: list[dt.date] | None = None) -> None:
    """Close with a reason; with waakvlam dates the casus stays in waakvlam with those contacts planned."""
    if not reden:
        raise ValidationError(_("Kies een reden van afsluiten."))
    vandaag = timezone.localdate()
    if any(d <= vandaag for d in waakvlam or []):
        raise ValidationError(_("Plan waakvlamcontacten na vandaag."))
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
