"""Registering a hulpvraag: the one entry point for every channel (online form, phone, inloop, vindplaats)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdhulp.core.werkdagen import plus_werkdagen
from jeugdhulp.hulpvragen.models import Hulpvraag, Vrager

CONTACT_BINNEN_WERKDAGEN = 2  # "binnen 2 werkdagen neemt een medewerker contact op"


def contact_uiterlijk(ontvangen_op: dt.datetime) -> dt.date:
    return plus_werkdagen(timezone.localdate(ontvangen_op), CONTACT_BINNEN_WERKDAGEN)


def registreer(*, gemeente, vrager: str, kanaal: str, vraag: str, ontvangen_op: dt.datetime | None = None, **velden):
    """Store a new hulpvraag with its first-contact deadline; validates the row before saving.

    ``contact_uiterlijk_override`` sets another deadline (a VOT carries its own: 5 werkdagen, OP274).
    """
    ontvangen_op = ontvangen_op or timezone.now()
    override = velden.pop("contact_uiterlijk_override", None)
    hulpvraag = Hulpvraag(
        gemeente=gemeente,
        vrager=vrager,
        kanaal=kanaal,
        vraag=vraag,
        ontvangen_op=ontvangen_op,
        contact_uiterlijk=override or contact_uiterlijk(ontvangen_op),
        **velden,
    )
    if hulpvraag.team_id is None and hulpvraag.wijk_id is not None:
        hulpvraag.team = hulpvraag.wijk.teams.filter(soort="cjg").first()
    hulpvraag.full_clean()
    hulpvraag.save()
    return hulpvraag


# ---- triage (the CJG's intake queue)
def contact_opgenomen(hulpvraag: Hulpvraag, *, door) -> None:
    hulpvraag.naar(Hulpvraag.Status.IN_BEHANDELING, door=door, behandelaar=door)


def licht_afhandelen(hulpvraag: Hulpvraag, *, door, lichte_hulp: str, afhandeling: str) -> None:
    """A light question handled by the CJG itself, closed with what was done."""
    if not lichte_hulp or not afhandeling.strip():
        raise ValidationError(_("Schrijf op wat het CJG heeft gedaan."))
    hulpvraag.naar(
        Hulpvraag.Status.LICHT_AFGEHANDELD,
        door=door,
        behandelaar=door,
        lichte_hulp=lichte_hulp,
        afhandeling=afhandeling,
    )


# ---- what the asker told us, carried into the casus
VOORVOEGSELS = frozenset({"de", "den", "der", "van", "ter", "ten", "te", "het", "'t", "in", "op", "la", "le", "du"})
RELATIE_VOOR_VRAGER = {
    Vrager.OUDER: "10",  # COD472 Ouder
    Vrager.PROFESSIONAL: "07",  # Hulpverlener
    Vrager.SCHOOL: "07",
    Vrager.HUISARTS: "07",
    Vrager.VINDPLAATS: "07",
}


def splits_naam(naam: str) -> tuple[str, str, str]:
    """ "Anne de Vries" → ("Anne", "de", "Vries"); one word is taken as the surname."""
    delen = naam.split()
    if len(delen) < 2:
        return "", "", naam.strip()
    voornaam, rest = delen[0], delen[1:]
    voorvoegsel = []
    while len(rest) > 1 and rest[0].lower() in VOORVOEGSELS:
        voorvoegsel.append(rest.pop(0))
    return voornaam, " ".join(voorvoegsel), " ".join(rest)


def geschatte_geboortedatum(leeftijd: int, vandaag: dt.date | None = None) -> dt.date:
    """From an age told on the phone: 1 July of the likeliest birth year, so the computed age is the told one."""
    vandaag = vandaag or timezone.localdate()
    return dt.date(vandaag.year - leeftijd - (1 if vandaag < dt.date(vandaag.year, 7, 1) else 0), 7, 1)


def vrager_als_relatie(hulpvraag: Hulpvraag, jeugdige):
    """The asker (a parent or a professional) becomes a Relatie of the jeugdige, with their contact details."""
    from jeugdhulp.jeugdigen.models import Relatie

    soort = RELATIE_VOOR_VRAGER.get(hulpvraag.vrager)
    if not soort or not hulpvraag.naam.strip():
        return None
    voornamen, voorvoegsel, achternaam = splits_naam(hulpvraag.naam)
    telefoon = "".join(hulpvraag.telefoon.split())[:15]
    relatie = jeugdige.relaties.filter(voornamen__iexact=voornamen, geslachtsnaam__iexact=achternaam).first()
    if relatie is None:
        relatie = Relatie(
            jeugdige=jeugdige,
            soort=soort,
            voornamen=voornamen,
            voorvoegsel=voorvoegsel,
            geslachtsnaam=achternaam,
            volgorde=jeugdige.relaties.count() + 1,
        )
    relatie.telefoon = relatie.telefoon or telefoon
    relatie.emailadres = relatie.emailadres or hulpvraag.email
    relatie.full_clean()
    relatie.save()
    return relatie


def nieuwe_jeugdige(hulpvraag: Hulpvraag, *, door, bsn: str = "", voornamen: str, geslachtsnaam: str = "",
                    geboortedatum: dt.date | None = None, geslacht: str = "0"):  # fmt: skip
    """A jeugdige not yet known: a first name and an age (or birth date) suffice for vraagverheldering.

    Without a birth date the age the asker gave becomes an estimated birth year (iJw datumgebruik 2). Without a
    surname a parent's surname is used. Errors are keyed by form field.
    """
    from jeugdhulp.jeugdigen.models import Jeugdige

    fouten = {}
    if not voornamen.strip():
        fouten["voornamen"] = _("Vul de voornaam van het kind in.")
    if not geslachtsnaam.strip() and hulpvraag.vrager == Vrager.OUDER and hulpvraag.naam.strip():
        _v, voorvoegsel, achternaam = splits_naam(hulpvraag.naam)
        geslachtsnaam = f"{voorvoegsel} {achternaam}".strip()
    if not geslachtsnaam.strip():
        fouten["geslachtsnaam"] = _("Vul de achternaam van het kind in.")
    datumgebruik = ""
    if geboortedatum is None:
        if hulpvraag.leeftijd_kind is None:
            fouten["geboortedatum"] = _("Vul de geboortedatum in, of de leeftijd als u die niet precies weet.")
        else:
            geboortedatum, datumgebruik = geschatte_geboortedatum(hulpvraag.leeftijd_kind), "2"
    if fouten:
        raise ValidationError(fouten)
    voorvoegsel, achternaam = "", geslachtsnaam.strip()
    if " " in achternaam and achternaam.split()[0].lower() in VOORVOEGSELS:
        _v, voorvoegsel, achternaam = splits_naam(f"x {achternaam}")
    jeugdige = Jeugdige(
        gemeente=hulpvraag.gemeente,
        team=hulpvraag.team or getattr(door, "team", None),
        wijk=hulpvraag.wijk,
        bsn=bsn or None,
        voornamen=voornamen.strip(),
        voorletters=voornamen.strip()[:1].upper() + "." if voornamen.strip() else "",
        voorvoegsel=voorvoegsel,
        geslachtsnaam=achternaam,
        geboortedatum=geboortedatum,
        datumgebruik=datumgebruik,
        geslacht=geslacht or "0",
    )
    jeugdige.full_clean()
    jeugdige.save()
    return jeugdige


@transaction.atomic
def naar_vraagverheldering(hulpvraag: Hulpvraag, *, door, jeugdige):
    """Open (or reuse) the casus for this jeugdige, link the hulpvraag, and make the asker a relatie."""
    from jeugdhulp.casussen.services import casus_voor

    if jeugdige.gemeente_id != hulpvraag.gemeente_id:
        raise ValidationError(_("Deze jeugdige woont in een andere gemeente."))
    vrager_als_relatie(hulpvraag, jeugdige)
    casus, nieuw = casus_voor(
        jeugdige,
        door=door,
        team=hulpvraag.team or jeugdige.team,
        verwijzer_type=hulpvraag.verwijzer_type,
        verwijzer_naam=hulpvraag.verzoek.verwijzer_naam if hulpvraag.verzoek_id else "",
    )
    hulpvraag.naar(Hulpvraag.Status.VRAAGVERHELDERING, door=door, behandelaar=door, jeugdige=jeugdige, casus=casus)
    return casus, nieuw


def uit_verzoek(verzoek) -> Hulpvraag | None:
    """A JW315 VOT lands in the same intake queue, linked to the jeugdige, with the verwijzer type (COD327)."""
    if verzoek.berichtsoort != "JW315" or Hulpvraag.objects.filter(verzoek=verzoek).exists():
        return None
    jeugdige = verzoek.jeugdige
    from jeugdhulp.berichten.weergave import verwijzer_in_woorden

    producten = ", ".join(p.get("code", "") for p in verzoek.producten if isinstance(p, dict))
    verwijzer = verwijzer_in_woorden(verzoek)  # who asks is the verwijzer (never the child), in words
    return registreer(
        gemeente=verzoek.gemeente,
        vrager="verwijzer",
        kanaal="ijw",
        vraag=_("Verzoek om toewijzing van %(aanbieder)s (%(producten)s), verwezen door %(verwijzer)s. %(commentaar)s")
        % {
            "aanbieder": verzoek.aanbieder.naam,
            "producten": producten,
            "verwijzer": verwijzer,
            "commentaar": verzoek.commentaar,
        },
        ontvangen_op=verzoek.ontvangen,
        team=jeugdige.team,
        wijk=jeugdige.wijk,
        naam=verwijzer,
        jeugdige=jeugdige,
        verzoek=verzoek,
        verwijzer_type=verzoek.verwijzer_type or "01",
        contact_uiterlijk_override=verzoek.antwoord_uiterlijk,
    )
