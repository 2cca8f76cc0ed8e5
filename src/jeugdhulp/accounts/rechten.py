"""Who gets which role and scope: the one way to change a user's rights (ADR 0016).

- Nobody changes their own role or scope.
- A change to a role that sees person-level data, or that may itself manage rights, becomes a ``Rechtaanvraag``:
  it has no effect until a second beheerder (neither the requester nor the user) approves it.
- Any other change (taking a role away, a role without person-level data) applies at once.
- Every request, approval, refusal and direct change is written to the append-only access log.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdhulp.accounts.models import Rechtaanvraag, User, beschrijf_recht
from jeugdhulp.accounts.roles import SCOPE_PER_ROL, Rol
from jeugdhulp.audit import log
from jeugdhulp.audit.models import Actie
from jeugdhulp.permissions import policy

RECHT_VELDEN = ("rol", "team", "gemeente", "aanbieder")


def _mag_beheren(door) -> None:
    if not policy.mag(door, *policy.RECHTEN_BEHEREN):
        raise PermissionDenied


def _bereik(rol: str, team=None, gemeente=None, aanbieder=None) -> dict:
    """Only the scope the role needs; a CJG-medewerker's gemeente follows the team."""
    scope = SCOPE_PER_ROL.get(Rol(rol)) if rol else None
    waarden = {"rol": rol or "", "team": None, "gemeente": None, "aanbieder": None}
    if scope:
        waarden[scope] = {"team": team, "gemeente": gemeente, "aanbieder": aanbieder}[scope]
        if waarden[scope] is None:
            raise ValidationError({scope: _("Deze rol hoort bij een %(scope)s.") % {"scope": scope}})
    if rol == Rol.CJG_MEDEWERKER:
        waarden["gemeente"] = waarden["team"].gemeente
    return waarden


def _huidig(gebruiker: User) -> dict:
    return {veld: getattr(gebruiker, veld) for veld in RECHT_VELDEN}


def _pas_toe(gebruiker: User, waarden: dict) -> None:
    for veld, waarde in waarden.items():
        setattr(gebruiker, veld, waarde)
    gebruiker.save(update_fields=list(RECHT_VELDEN))


def _omschrijving(gebruiker: User, waarden: dict) -> str:
    return f"{gebruiker.get_username()}: {beschrijf_recht(**waarden)}"


def wijzig(door, gebruiker: User, *, rol: str, team=None, gemeente=None, aanbieder=None, request=None):
    """Ask for (or, when no second person is needed, make) a change of ``gebruiker``'s role and scope.

    Returns the open ``Rechtaanvraag``, or ``None`` when the change was applied at once (or changed nothing).
    """
    _mag_beheren(door)
    gebruiker = User.objects.get(pk=gebruiker.pk)  # the stored rights, not what a form put on the instance
    if gebruiker.pk == door.pk:
        raise ValidationError({"rol": _("U kunt uw eigen rol of bereik niet wijzigen.")})
    waarden = _bereik(rol, team, gemeente, aanbieder)
    if waarden == _huidig(gebruiker):
        return None
    with transaction.atomic():
        if not policy.vraagt_vier_ogen(waarden["rol"]):
            oud = beschrijf_recht(**_huidig(gebruiker))
            _pas_toe(gebruiker, waarden)
            log.schrijf(
                request,
                Actie.RECHT_GEWIJZIGD,
                onderwerp=_omschrijving(gebruiker, waarden)[:100],
                reden=_("Was: %(oud)s") % {"oud": oud},
                gebruiker=door,
            )
            return None
        if Rechtaanvraag.objects.filter(gebruiker=gebruiker, status=Rechtaanvraag.Status.OPEN).exists():
            raise ValidationError(
                {"rol": _("Voor deze gebruiker wacht al een aanvraag op goedkeuring. Keur die eerst goed of af.")}
            )
        aanvraag = Rechtaanvraag.objects.create(gebruiker=gebruiker, aangevraagd_door=door, **waarden)
        log.schrijf(
            request,
            Actie.RECHT_AANGEVRAAGD,
            onderwerp=_omschrijving(gebruiker, waarden)[:100],
            reden=_("Aanvraag %(pk)s, wacht op een tweede beheerder") % {"pk": aanvraag.pk},
            gebruiker=door,
        )
    return aanvraag


def _beoordeel(door, aanvraag: Rechtaanvraag, status: str, toelichting: str, request) -> None:
    _mag_beheren(door)
    if door.pk in (aanvraag.aangevraagd_door_id, aanvraag.gebruiker_id):
        raise ValidationError(
            _("Een tweede beheerder moet dit beoordelen: niet wie het aanvroeg, en niet wie het recht krijgt.")
        )
    with transaction.atomic():
        aanvraag.naar(
            status,
            door=door,
            toelichting=toelichting,
            beoordeeld_door=door,
            beoordeeld_op=timezone.now(),
            motivering=toelichting,
        )
        waarden = {
            "rol": aanvraag.rol,
            "team": aanvraag.team,
            "gemeente": aanvraag.gemeente,
            "aanbieder": aanvraag.aanbieder,
        }
        goed = status == Rechtaanvraag.Status.GOEDGEKEURD
        if goed:
            _pas_toe(aanvraag.gebruiker, waarden)
        log.schrijf(
            request,
            Actie.RECHT_VERLEEND if goed else Actie.RECHT_AFGEWEZEN,
            onderwerp=_omschrijving(aanvraag.gebruiker, waarden)[:100],
            reden=_("Aanvraag %(pk)s van %(door)s. %(toelichting)s")
            % {"pk": aanvraag.pk, "door": aanvraag.aangevraagd_door.get_username(), "toelichting": toelichting},
            gebruiker=door,
        )


def keur_goed(door, aanvraag: Rechtaanvraag, *, request=None) -> None:
    _beoordeel(door, aanvraag, Rechtaanvraag.Status.GOEDGEKEURD, "", request)


def wijs_af(door, aanvraag: Rechtaanvraag, toelichting: str = "", *, request=None) -> None:
    _beoordeel(door, aanvraag, Rechtaanvraag.Status.AFGEWEZEN, toelichting, request)
