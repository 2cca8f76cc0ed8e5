"""The "who sees what" part of the privacy statement, generated from the one permission table
(``permissions.policy.RULES``), so the public promise cannot drift from what the software allows."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from jeugdhulp.accounts.roles import Rol
from jeugdhulp.permissions.policy import RULES, Actie, Resource
from jeugdhulp.taken.jobs import BEWAARTERMIJN_JAREN

# What a resident gave or what is written about them, in the order the statement tells it.
GEGEVENS = {
    Resource.HULPVRAAG: _("Je vraag en je contactgegevens (naam, telefoon, e-mail, wanneer je bereikbaar bent)"),
    Resource.CASUS: _("Wat er in gesprekken met het CJG is besproken: het verslag en het plan"),
    Resource.JEUGDIGE: _("Het dossier van het kind of de jongere: naam, geboortedatum, adres en wie erbij hoort"),
    Resource.BESLUIT: _("Aanvragen en besluiten over jeugdhulp (beschikkingen) en bezwaren"),
    Resource.TOEWIJZING: _("Welke aanbieder de hulp geeft, vanaf wanneer en hoeveel"),
    Resource.TOEGANGSLOG: _("Wie je gegevens heeft bekeken of veranderd (het logboek, zonder de inhoud zelf)"),
}

ROLLEN = {
    Rol.CJG_MEDEWERKER: _("medewerkers van het CJG"),
    Rol.JEUGDCONSULENT: _("jeugdconsulenten van de gemeente (zij beslissen over jeugdhulp)"),
    Rol.AANBIEDER_MEDEWERKER: _("medewerkers van de jeugdhulpaanbieder"),
    Rol.AUDITOR: _("de auditor, die controleert of iedereen zich aan de regels houdt"),
    Rol.BELEIDSMEDEWERKER: _("beleidsmedewerkers van de gemeente"),
    Rol.FUNCTIONEEL_BEHEERDER: _("de functioneel beheerder"),
    Rol.REDACTEUR: _("de redacteur van de website"),
}

# How far a role's access reaches, by the name of the scope function in the policy; a role's usual reach otherwise.
BEREIK = {
    "_hulpvraag_cjg": _("van het CJG-team van jouw wijk; weten we je wijk niet, dan van alle CJG-teams in de gemeente"),
    "_eigen_team": _("alleen van het CJG-team van jouw wijk"),
    "_eigen_gemeente": _("van de gemeente Oss"),
    "_jeugdige_van_aanbieder": _("alleen van de aanbieder die jouw hulp geeft"),
}
BEREIK_PER_ROL = {
    Rol.CJG_MEDEWERKER: _("alleen van het CJG-team van jouw wijk"),
    Rol.AANBIEDER_MEDEWERKER: _("alleen van de aanbieder die jouw hulp geeft"),
    Rol.JEUGDCONSULENT: _("van de gemeente Oss"),
}

# What "wijzigen" lets a role do with each kind of data, in the words of what the software offers for it: a hulpvraag
# is handled (contact noted, closed, turned into a conversation), never rewritten.
VERANDEREN = {
    Resource.HULPVRAAG: _("mogen je vraag afhandelen: vastleggen dat er contact was, hem afsluiten of er een gesprek "
                          "van maken. Wat je zelf schreef, blijft zoals het is."),
    Resource.CASUS: _("schrijven het verslag en het plan, samen met jou"),
    Resource.JEUGDIGE: _("mogen deze gegevens aanvullen en verbeteren"),
    Resource.BESLUIT: _("nemen de besluiten en behandelen bezwaren"),
}  # fmt: skip


@dataclass
class Toegang:
    wie: str
    bereik: str
    veranderen: str  # what they may do besides reading; empty: read only


@dataclass
class Regel:
    gegevens: str
    toegang: list[Toegang]


def _bereik(rol: Rol, scope) -> str:
    naam = getattr(scope, "__name__", "")
    return str(BEREIK.get(naam) or BEREIK_PER_ROL.get(rol, ""))


def wie_ziet_wat() -> list[Regel]:
    """Per kind of personal data: every role the policy lets see it, how far, and what else it may do with it."""
    regels = []
    for resource, gegevens in GEGEVENS.items():
        zien = RULES.get((resource, Actie.BEKIJKEN), {})
        veranderen = RULES.get((resource, Actie.WIJZIGEN), {})
        toegang = [
            Toegang(
                wie=str(ROLLEN[rol]),
                bereik=_bereik(rol, scope),
                veranderen=str(VERANDEREN.get(resource, _("mogen ze ook aanpassen"))) if rol in veranderen else "",
            )
            for rol, scope in zien.items()
        ]
        regels.append(Regel(gegevens=str(gegevens), toegang=toegang))
    return regels


def bewaartermijn_jaren() -> int:
    return BEWAARTERMIJN_JAREN
