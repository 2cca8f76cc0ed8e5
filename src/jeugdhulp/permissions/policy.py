"""Who may see or do what, as one table.

Every person-level page, API endpoint and export asks this module, never its own ad-hoc check:
- ``scope(user, resource, actie)`` gives a Q filter over the resource's model, or ``None`` when denied;
- ``filter_queryset`` narrows a queryset to what the user may see (object-level permission);
- ``mag`` says whether the role may use the resource at all (for navigation and 403s).

Least privilege: a role that is not listed for a resource is denied.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from enum import StrEnum

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from jeugdhulp.accounts.roles import Rol


class Resource(StrEnum):
    JEUGDIGE = "jeugdige"  # person, relaties, contacten: the dossier
    TOEWIJZING = "toewijzing"
    TOEGANGSLOG = "toegangslog"
    CIJFERS = "cijfers"  # aggregates only, with small cells suppressed
    REFERENTIEDATA = "referentiedata"  # aanbieders, producten, teams, gebruikers, codelijsten
    # iJw messages and the rows they carry (Verzoek, Declaratie): all have jeugdige, gemeente and aanbieder fields
    BERICHT = "bericht"
    # The access process (issue 5): hulpvragen and the intake queue, the casus with its plan and verslagen,
    # and the backoffice's aanvragen, beschikkingen, pgb and bezwaren.
    HULPVRAAG = "hulpvraag"
    CASUS = "casus"
    BESLUIT = "besluit"
    # The public CJG site (issue 7): editable pages and events, and the sociale kaart. No personal data.
    PUBLIEKE_INHOUD = "publieke_inhoud"
    SOCIALE_KAART = "sociale_kaart"
    # The monitor (issue 6): an aanbieder's own waiting-list reports (aggregates, no persons) and the budgets.
    WACHTLIJSTMELDING = "wachtlijstmelding"
    BUDGET = "budget"
    # The CBS Beleidsinformatie Jeugd trajectory file: person-level (BSN, birth date, postcode), not for policy users.
    CBS_AANLEVERING = "cbs_aanlevering"
    # Background work (issue 16): the task queue, failed tasks and sent mail (kind and status only, no content).
    ACHTERGRONDTAKEN = "achtergrondtaken"


class Actie(StrEnum):
    BEKIJKEN = "bekijken"
    WIJZIGEN = "wijzigen"
    EXPORTEREN = "exporteren"
    INDIENEN = "indienen"  # an aanbieder submits an iJw message (its own, as afzender)


Scope = Callable[[object], Q]

ALLES: Scope = lambda user: Q()  # noqa: E731 — the whole resource, e.g. the auditor's log


def _eigen_team(user) -> Q:
    return Q(team_id=user.team_id)


def _eigen_gemeente(user) -> Q:
    return Q(gemeente_id=user.gemeente_id)


def _inzage_vanaf(vandaag: dt.date) -> dt.date:
    """The earliest toewijzing end that still gives an aanbieder access today (ADR 0014: the declaration period)."""
    maanden = settings.JEUGDHULP_AANBIEDER_INZAGE_MAANDEN
    jaar, maand = divmod(vandaag.year * 12 + vandaag.month - 1 - maanden, 12)
    return dt.date(jaar, maand + 1, min(vandaag.day, calendar.monthrange(jaar, maand + 1)[1]))


def _jeugdige_van_aanbieder(user) -> Q:
    """Access that ends (ADR 0014): an aanbieder sees a jeugdige only while it has a reason to.

    - a toewijzing to this aanbieder that has been made (toewijzingsdatum today or earlier; visible at once, also
      before its ingangsdatum) and has not ended more than the declaration period ago
      (``JEUGDHULP_AANBIEDER_INZAGE_MAANDEN``, default 6 months after its einddatum);
    - or a VOT (JW315) or VOW (JW317) of this aanbieder that has been received and not yet answered for good.
    """
    from jeugdhulp.berichten.models import Verzoek, VerzoekStatus
    from jeugdhulp.toewijzingen.models import Toewijzing

    nu = timezone.now()
    vandaag = timezone.localdate(nu)
    toewijzingen = Toewijzing.objects.filter(aanbieder_id=user.aanbieder_id, toewijzingsdatum__lte=vandaag).filter(
        Q(einddatum__isnull=True) | Q(einddatum__gte=_inzage_vanaf(vandaag))
    )
    verzoeken = Verzoek.objects.filter(
        aanbieder_id=user.aanbieder_id,
        ontvangen__lte=nu,
        status__in=[VerzoekStatus.OPEN, VerzoekStatus.IN_ONDERZOEK],
    )
    # Subqueries, not joins, so each jeugdige appears once however many toewijzingen it has.
    return Q(pk__in=toewijzingen.values("jeugdige_id")) | Q(pk__in=verzoeken.values("jeugdige_id"))


def _aanbieder_rijen(user) -> Q:
    """An aanbieder's own toewijzingen and messages, only of jeugdigen it may see today (same rule as the dossier).

    A message without a jeugdige (e.g. the retour of a message that could not be read) stays visible: it is its own.
    """
    from jeugdhulp.jeugdigen.models import Jeugdige

    zichtbaar = Jeugdige.objects.filter(_jeugdige_van_aanbieder(user)).values("pk")
    return Q(aanbieder_id=user.aanbieder_id) & (Q(jeugdige__isnull=True) | Q(jeugdige_id__in=zichtbaar))


def _hulpvraag_cjg(user) -> Q:
    # A teamless VOT (JW315) names a jeugdige and a verwijzer: only the backoffice sees it until it has a team.
    return Q(team_id=user.team_id) | Q(team__isnull=True, gemeente_id=user.gemeente_id, verzoek__isnull=True)


RULES: dict[tuple[Resource, Actie], dict[Rol, Scope]] = {
    (Resource.JEUGDIGE, Actie.BEKIJKEN): {
        Rol.CJG_MEDEWERKER: _eigen_team,
        Rol.JEUGDCONSULENT: _eigen_gemeente,
        Rol.AANBIEDER_MEDEWERKER: _jeugdige_van_aanbieder,
    },
    (Resource.JEUGDIGE, Actie.WIJZIGEN): {
        Rol.CJG_MEDEWERKER: _eigen_team,
        Rol.JEUGDCONSULENT: _eigen_gemeente,
    },
    (Resource.TOEWIJZING, Actie.BEKIJKEN): {
        Rol.CJG_MEDEWERKER: lambda user: Q(jeugdige__team_id=user.team_id),
        Rol.JEUGDCONSULENT: _eigen_gemeente,
        Rol.AANBIEDER_MEDEWERKER: _aanbieder_rijen,
    },
    (Resource.TOEGANGSLOG, Actie.BEKIJKEN): {Rol.AUDITOR: ALLES},
    (Resource.CIJFERS, Actie.BEKIJKEN): {Rol.BELEIDSMEDEWERKER: ALLES, Rol.JEUGDCONSULENT: ALLES},
    (Resource.REFERENTIEDATA, Actie.BEKIJKEN): {
        Rol.FUNCTIONEEL_BEHEERDER: ALLES,
        Rol.JEUGDCONSULENT: ALLES,
        Rol.CJG_MEDEWERKER: ALLES,
        Rol.BELEIDSMEDEWERKER: ALLES,
        Rol.AANBIEDER_MEDEWERKER: ALLES,
    },
    (Resource.REFERENTIEDATA, Actie.WIJZIGEN): {Rol.FUNCTIONEEL_BEHEERDER: ALLES},
    (Resource.BERICHT, Actie.BEKIJKEN): {
        Rol.CJG_MEDEWERKER: lambda user: Q(jeugdige__team_id=user.team_id),
        Rol.JEUGDCONSULENT: _eigen_gemeente,
        Rol.AANBIEDER_MEDEWERKER: _aanbieder_rijen,
    },
    # Answering verzoeken (toewijzen, afwijzen, in onderzoek) and resending stuck messages
    (Resource.BERICHT, Actie.WIJZIGEN): {Rol.JEUGDCONSULENT: _eigen_gemeente},
    (Resource.BERICHT, Actie.INDIENEN): {Rol.AANBIEDER_MEDEWERKER: lambda user: Q(aanbieder_id=user.aanbieder_id)},
    # A hulpvraag without a team yet (online form without wijk) is visible to every CJG team of the gemeente.
    (Resource.HULPVRAAG, Actie.BEKIJKEN): {Rol.CJG_MEDEWERKER: _hulpvraag_cjg, Rol.JEUGDCONSULENT: _eigen_gemeente},
    (Resource.HULPVRAAG, Actie.WIJZIGEN): {Rol.CJG_MEDEWERKER: _hulpvraag_cjg, Rol.JEUGDCONSULENT: _eigen_gemeente},
    (Resource.CASUS, Actie.BEKIJKEN): {Rol.CJG_MEDEWERKER: _eigen_team, Rol.JEUGDCONSULENT: _eigen_gemeente},
    (Resource.CASUS, Actie.WIJZIGEN): {Rol.CJG_MEDEWERKER: _eigen_team},
    (Resource.BESLUIT, Actie.BEKIJKEN): {
        Rol.CJG_MEDEWERKER: lambda user: Q(casus__team_id=user.team_id),
        Rol.JEUGDCONSULENT: _eigen_gemeente,
    },
    (Resource.BESLUIT, Actie.WIJZIGEN): {Rol.JEUGDCONSULENT: _eigen_gemeente},
    # The redacteur keeps the public site and the sociale kaart current, without a developer.
    (Resource.PUBLIEKE_INHOUD, Actie.BEKIJKEN): {Rol.REDACTEUR: ALLES},
    (Resource.PUBLIEKE_INHOUD, Actie.WIJZIGEN): {Rol.REDACTEUR: ALLES},
    (Resource.SOCIALE_KAART, Actie.BEKIJKEN): {Rol.REDACTEUR: ALLES},
    (Resource.SOCIALE_KAART, Actie.WIJZIGEN): {Rol.REDACTEUR: ALLES},
    # Waiting-list reports: the aanbieder files and sees its own; policy users see all of them (no person in them).
    (Resource.WACHTLIJSTMELDING, Actie.BEKIJKEN): {
        Rol.AANBIEDER_MEDEWERKER: lambda user: Q(aanbieder_id=user.aanbieder_id),
        Rol.BELEIDSMEDEWERKER: ALLES,
    },
    (Resource.WACHTLIJSTMELDING, Actie.INDIENEN): {
        Rol.AANBIEDER_MEDEWERKER: lambda user: Q(aanbieder_id=user.aanbieder_id)
    },
    (Resource.BUDGET, Actie.BEKIJKEN): {Rol.BELEIDSMEDEWERKER: ALLES},
    (Resource.BUDGET, Actie.WIJZIGEN): {Rol.BELEIDSMEDEWERKER: _eigen_gemeente},
    # The backoffice checks the aanbieders' CBS deliveries and delivers its own wijkteam's help: own gemeente only.
    (Resource.CBS_AANLEVERING, Actie.EXPORTEREN): {Rol.JEUGDCONSULENT: _eigen_gemeente},
    # The functioneel beheerder watches the queue and retries failed tasks; nothing there names a person.
    (Resource.ACHTERGRONDTAKEN, Actie.BEKIJKEN): {Rol.FUNCTIONEEL_BEHEERDER: ALLES},
    (Resource.ACHTERGRONDTAKEN, Actie.WIJZIGEN): {Rol.FUNCTIONEEL_BEHEERDER: ALLES},
}

# Resources whose rows are about one person: reading them must be written to the access log.
PERSOONSGEGEVENS = frozenset(
    {
        Resource.JEUGDIGE,
        Resource.TOEWIJZING,
        Resource.BERICHT,
        Resource.HULPVRAAG,
        Resource.CASUS,
        Resource.BESLUIT,
        Resource.CBS_AANLEVERING,
    }
)


def vraagt_vier_ogen(rol: str) -> bool:
    """Granting this role needs a second beheerder's approval (ADR 0016): it sees person-level data (the access log
    included), or it may itself change users and their rights."""
    return any(
        rol in rollen
        and (resource in PERSOONSGEGEVENS | {Resource.TOEGANGSLOG} or (resource, actie) == RECHTEN_BEHEREN)
        for (resource, actie), rollen in RULES.items()
    )


# Changing users (and so their roles) is part of changing reference data.
RECHTEN_BEHEREN = (Resource.REFERENTIEDATA, Actie.WIJZIGEN)


def _rol(user) -> Rol | None:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active or not user.rol:
        return None
    return Rol(user.rol)


def scope(user, resource: Resource, actie: Actie = Actie.BEKIJKEN) -> Q | None:
    rol = _rol(user)
    rule = RULES.get((resource, actie), {}).get(rol) if rol else None
    return rule(user) if rule else None


def mag(user, resource: Resource, actie: Actie = Actie.BEKIJKEN) -> bool:
    return scope(user, resource, actie) is not None


def filter_queryset(user, resource: Resource, queryset: QuerySet, actie: Actie = Actie.BEKIJKEN) -> QuerySet:
    q = scope(user, resource, actie)
    if q is None:
        return queryset.none()
    return queryset.filter(q)


def mag_object(user, resource: Resource, obj, actie: Actie = Actie.BEKIJKEN) -> bool:
    q = scope(user, resource, actie)
    if q is None:
        return False
    return type(obj)._default_manager.filter(q, pk=obj.pk).exists()
