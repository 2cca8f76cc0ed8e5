"""Who gets which role and scope: the one way to change a user's rights (ADR 0016).

- Nobody changes their own role or scope.
- A change to a role that sees person-level data, or that may itself manage rights, becomes a ``Rechtaanvraag``:
  it has no effect until a second beheerder (neither the requester nor the user) approves it.
- For a user whose role sees person-level data, a new e-mail address, reactivation and a new activation link for an
  account that already has a password are part of the request too: the activation link goes to the address on file,
  so one beheerder who could set the address could take the account over.
- Any other change (taking a role away, deactivating, a role without person-level data) applies at once.
- Every request, approval, refusal, direct change, e-mail change, (de)activation, refused own approval and attempt on
  one's own rights is written to the append-only access log.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdhulp.accounts import activering
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


def _weiger(request, door, gebruiker: User, wat: str) -> None:
    """Log a refused attempt on one's own rights (own role, own approval) before it is refused."""
    log.schrijf(request, Actie.RECHT_GEWEIGERD, onderwerp=gebruiker.get_username(), reden=wat, gebruiker=door)


def eigen_account(door, *, request=None, velden=()) -> None:
    """Someone posted rights fields into their own account (the form shows them read-only): log it; nothing changes."""
    _weiger(
        request,
        door,
        door,
        _("Poging om in het eigen account te wijzigen: %(velden)s. Niet uitgevoerd.") % {"velden": ", ".join(velden)},
    )


def wijzig(
    door,
    gebruiker: User,
    *,
    rol: str | None = None,
    team=None,
    gemeente=None,
    aanbieder=None,
    email: str | None = None,
    is_active: bool | None = None,
    nieuwe_activeringslink: bool = False,
    request=None,
):
    """Ask for (or, when no second person is needed, make) a change of ``gebruiker``'s rights.

    ``rol`` None keeps the role and scope; ``email`` / ``is_active`` None keep those. For a user whose role (now or
    after the change) needs four eyes, a new e-mail address, reactivation and a new activation link for an account
    with a password wait for a second beheerder too: the activation link goes to the address on file, so whoever sets
    the address can take the account over. Deactivating and taking rights away apply at once.

    Returns the open ``Rechtaanvraag``, or ``None`` when the change was applied at once (or changed nothing).
    """
    _mag_beheren(door)
    gebruiker = User.objects.get(pk=gebruiker.pk)  # the stored rights, not what a form put on the instance
    huidig = _huidig(gebruiker)
    waarden = huidig if rol is None else _bereik(rol, team, gemeente, aanbieder)
    email = gebruiker.email if email is None else User.objects.normalize_email(email)
    is_active = gebruiker.is_active if is_active is None else is_active
    recht_anders = waarden != huidig
    email_anders = email != gebruiker.email
    heractiveren = is_active and not gebruiker.is_active
    deactiveren = gebruiker.is_active and not is_active
    if gebruiker.pk == door.pk:
        if recht_anders or email_anders or heractiveren or deactiveren or nieuwe_activeringslink:
            eigen_account(door, request=request, velden=[_("rol of bereik"), _("e-mailadres"), _("status")])
            raise ValidationError({"rol": _("U kunt uw eigen rol, bereik, e-mailadres of status niet wijzigen.")})
        return None
    open_aanvraag = Rechtaanvraag.objects.filter(gebruiker=gebruiker, status=Rechtaanvraag.Status.OPEN).exists()
    gevoelig = open_aanvraag or policy.vraagt_vier_ogen(huidig["rol"]) or policy.vraagt_vier_ogen(waarden["rol"])
    vier_ogen = (
        (recht_anders and policy.vraagt_vier_ogen(waarden["rol"]))
        or (gevoelig and ((email_anders and email) or heractiveren))
        or nieuwe_activeringslink
    )
    if vier_ogen and open_aanvraag:
        raise ValidationError(
            {"rol": _("Voor deze gebruiker wacht al een aanvraag op goedkeuring. Keur die eerst goed of af.")}
        )
    with transaction.atomic():
        if deactiveren:
            gebruiker.is_active = False
            gebruiker.save(update_fields=["is_active"])
            log.schrijf(request, Actie.GEDEACTIVEERD, onderwerp=gebruiker.get_username(), gebruiker=door)
        if not vier_ogen:
            _pas_direct_toe(request, door, gebruiker, waarden, email, heractiveren)
            return None
        aanvraag = Rechtaanvraag.objects.create(
            gebruiker=gebruiker,
            aangevraagd_door=door,
            van=beschrijf_recht(**huidig)[:200],
            email=email if email_anders else "",
            email_was=gebruiker.email if email_anders else "",
            heractiveren=heractiveren,
            nieuwe_activeringslink=nieuwe_activeringslink,
            **waarden,
        )
        log.schrijf(
            request,
            Actie.RECHT_AANGEVRAAGD,
            onderwerp=_omschrijving(gebruiker, waarden)[:100],
            reden=_("Aanvraag %(pk)s, wacht op een tweede beheerder: %(wat)s")
            % {"pk": aanvraag.pk, "wat": aanvraag.omschrijving},
            gebruiker=door,
        )
    return aanvraag


def _pas_direct_toe(request, door, gebruiker: User, waarden: dict, email: str, heractiveren: bool) -> None:
    """The part of a change that needs no second beheerder, each with its own log entry."""
    if waarden != _huidig(gebruiker):
        oud = beschrijf_recht(**_huidig(gebruiker))
        _pas_toe(gebruiker, waarden)
        log.schrijf(
            request,
            Actie.RECHT_GEWIJZIGD,
            onderwerp=_omschrijving(gebruiker, waarden)[:100],
            reden=_("Was: %(oud)s") % {"oud": oud},
            gebruiker=door,
        )
    _account_velden(request, door, gebruiker, email, heractiveren)


def _account_velden(request, door, gebruiker: User, email: str, heractiveren: bool) -> None:
    if email != gebruiker.email:
        oud, gebruiker.email = gebruiker.email, email
        gebruiker.save(update_fields=["email"])
        log.schrijf(
            request,
            Actie.EMAIL_GEWIJZIGD,
            onderwerp=gebruiker.get_username(),
            reden=_("Van %(oud)s naar %(nieuw)s") % {"oud": oud or "-", "nieuw": email or "-"},
            gebruiker=door,
        )
    if heractiveren:
        gebruiker.is_active = True
        gebruiker.save(update_fields=["is_active"])
        log.schrijf(request, Actie.GEACTIVEERD, onderwerp=gebruiker.get_username(), gebruiker=door)


def _beoordeel(door, aanvraag: Rechtaanvraag, status: str, toelichting: str, request) -> None:
    _mag_beheren(door)
    if door.pk in (aanvraag.aangevraagd_door_id, aanvraag.gebruiker_id):
        _weiger(
            request,
            door,
            aanvraag.gebruiker,
            _("Eigen beoordeling van aanvraag %(pk)s geweigerd (vier ogen).") % {"pk": aanvraag.pk},
        )
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
        gebruiker = aanvraag.gebruiker
        if goed:
            _pas_toe(gebruiker, waarden)
        log.schrijf(
            request,
            Actie.RECHT_VERLEEND if goed else Actie.RECHT_AFGEWEZEN,
            onderwerp=_omschrijving(gebruiker, waarden)[:100],
            reden=_("Aanvraag %(pk)s van %(door)s: %(wat)s. %(toelichting)s")
            % {
                "pk": aanvraag.pk,
                "door": aanvraag.aangevraagd_door.get_username(),
                "wat": aanvraag.omschrijving,
                "toelichting": toelichting,
            },
            gebruiker=door,
        )
        if goed:
            _account_velden(request, door, gebruiker, aanvraag.email or gebruiker.email, aanvraag.heractiveren)
            # a new address, or an approved reset, gets a fresh link (the old one named the old address)
            if aanvraag.nieuwe_activeringslink or (aanvraag.email and activering.mag_direct(gebruiker)):
                activering.stuur(request, gebruiker, door)


def keur_goed(door, aanvraag: Rechtaanvraag, *, request=None) -> None:
    _beoordeel(door, aanvraag, Rechtaanvraag.Status.GOEDGEKEURD, "", request)


def wijs_af(door, aanvraag: Rechtaanvraag, toelichting: str = "", *, request=None) -> None:
    _beoordeel(door, aanvraag, Rechtaanvraag.Status.AFGEWEZEN, toelichting, request)
