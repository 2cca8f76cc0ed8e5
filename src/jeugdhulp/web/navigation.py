"""The staff menu, derived from the policy: a role sees only the entries it may use."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from jeugdhulp.permissions import policy


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str
    resource: policy.Resource
    actie: policy.Actie = policy.Actie.BEKIJKEN
    omschrijving: str = ""


MENU = (
    MenuItem(
        _("Jeugdigen"),
        "jeugdigen:lijst",
        policy.Resource.JEUGDIGE,
        omschrijving=_("Zoek een jeugdige en open het dossier."),
    ),
    MenuItem(
        _("Werkvoorraad"),
        "casussen:werkvoorraad",
        policy.Resource.CASUS,
        omschrijving=_("Mijn casussen en termijnen, wat te laat is bovenaan."),
    ),
    MenuItem(
        _("Richting 18"),
        "casussen:richting18",
        policy.Resource.CASUS,
        omschrijving=_("Jongeren bij wie het toekomstplan of de overgang naar 18+ eraan komt."),
    ),
    MenuItem(
        _("Hulpvragen"),
        "hulpvragen:wachtrij",
        policy.Resource.HULPVRAAG,
        omschrijving=_("Nieuwe vragen en verwijzingen: contact opnemen en triage."),
    ),
    MenuItem(
        _("Aanvragen"),
        "besluiten:lijst",
        policy.Resource.BESLUIT,
        policy.Actie.WIJZIGEN,
        omschrijving=_("Aanvragen beslissen binnen de termijn, beschikkingen en bezwaren."),
    ),
    MenuItem(
        _("Verzoeken"),
        "berichten:verzoeken",
        policy.Resource.BERICHT,
        policy.Actie.WIJZIGEN,
        omschrijving=_("Verzoeken om toewijzing van aanbieders beantwoorden."),
    ),
    MenuItem(
        _("Berichten"),
        "berichten:lijst",
        policy.Resource.BERICHT,
        omschrijving=_("iJw-berichten van en aan aanbieders, met retourcodes."),
    ),
    MenuItem(
        _("Termijnen"),
        "berichten:termijnen",
        policy.Resource.BERICHT,
        omschrijving=_("Berichten en verzoeken die te laat beantwoord zijn."),
    ),
    MenuItem(
        _("Cijfers"),
        "monitor:cijfers",
        policy.Resource.CIJFERS,
        omschrijving=_("Jeugdhulp in aantallen, zonder namen."),
    ),
    MenuItem(
        _("Wachtlijst"),
        "monitor:wachtlijsten",
        policy.Resource.WACHTLIJSTMELDING,
        policy.Actie.INDIENEN,
        omschrijving=_("Meld elke maand uw wachtlijst per product."),
    ),
    MenuItem(
        _("Toegangslog"),
        "audit:zoeken",
        policy.Resource.TOEGANGSLOG,
        omschrijving=_("Wie bekeek welke gegevens."),
    ),
    MenuItem(
        _("Website en sociale kaart"),
        "redactie:overzicht",
        policy.Resource.SOCIALE_KAART,
        policy.Actie.WIJZIGEN,
        omschrijving=_("Pagina's, agenda en de sociale kaart actueel houden."),
    ),
    MenuItem(
        _("Achtergrondtaken"),
        "taken:overzicht",
        policy.Resource.ACHTERGRONDTAKEN,
        omschrijving=_("Mail, iJw-verzending en herinneringen: wachtrij, fouten en opnieuw proberen."),
    ),
    MenuItem(
        _("Beheer"),
        "admin:index",
        policy.Resource.REFERENTIEDATA,
        policy.Actie.WIJZIGEN,
        omschrijving=_("Aanbieders, producten, teams en gebruikers."),
    ),
)


def items_for(user, current_path: str = "") -> list[dict]:
    items = []
    for item in MENU:
        if policy.mag(user, item.resource, item.actie):
            url = reverse(item.url_name)
            items.append(
                {
                    "label": item.label,
                    "url": url,
                    "omschrijving": item.omschrijving,
                    "current": current_path.startswith(url),
                }
            )
    return items
