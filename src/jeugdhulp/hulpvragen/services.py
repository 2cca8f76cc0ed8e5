"""Registering a hulpvraag: the one entry point for every channel (online form, phone, inloop, vindplaats)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from jeugdhulp.core.werkdagen import plus_werkdagen
from jeugdhulp.hulpvragen.models import Hulpvraag

CONTACT_BINNEN_WERKDAGEN = 2  # "binnen 2 werkdagen neemt een medewerker contact op"


def contact_uiterlijk(ontvangen_op: dt.datetime) -> dt.date:
    return plus_werkdagen(timezone.localdate(ontvangen_op), CONTACT_BINNEN_WERKDAGEN)


def registreer(*, gemeente, vrager: str, kanaal: str, vraag: str, ontvangen_op: dt.datetime | None = None, **velden):
    """Store a new hulpvraag with its first-contact deadline; validates the row before saving."""
    ontvangen_op = ontvangen_op or timezone.now()
    hulpvraag = Hulpvraag(
        gemeente=gemeente,
        vrager=vrager,
        kanaal=kanaal,
        vraag=vraag,
        ontvangen_op=ontvangen_op,
        contact_uiterlijk=contact_uiterlijk(ontvangen_op),
        **velden,
    )
    if hulpvraag.team_id is None and hulpvraag.wijk_id is not None:
        hulpvraag.team = hulpvraag.wijk.teams.filter(soort="cjg").first()
    hulpvraag.full_clean()
    hulpvraag.save()
    return hulpvraag
