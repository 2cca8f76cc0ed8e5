"""Registering a hulpvraag: the one entry point for every channel (online form, phone, inloop, vindplaats)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdhulp.core.werkdagen import plus_werkdagen
from jeugdhulp.hulpvragen.models import Hulpvraag

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


@transaction.atomic
def naar_vraagverheldering(hulpvraag: Hulpvraag, *, door, jeugdige):
    """Open (or reuse) the casus for this jeugdige and link the hulpvraag to it."""
    from jeugdhulp.casussen.services import casus_voor

    if jeugdige.gemeente_id != hulpvraag.gemeente_id:
        raise ValidationError(_("Deze jeugdige woont in een andere gemeente."))
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
    producten = ", ".join(p.get("code", "") for p in verzoek.producten if isinstance(p, dict))
    verwijzer = verzoek.verwijzer_naam or verzoek.verwijzer_type
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
        naam=str(jeugdige),
        jeugdige=jeugdige,
        verzoek=verzoek,
        verwijzer_type=verzoek.verwijzer_type or "01",
        contact_uiterlijk_override=verzoek.antwoord_uiterlijk,
    )
