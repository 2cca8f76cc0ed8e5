"""Operations on the sociale kaart that other components call: the wait indication and the freshness check."""

from __future__ import annotations

import datetime as dt

from django.core import signing
from django.db import transaction
from django.utils import timezone

from jeugdhulp.socialekaart.models import Dienst, Organisatie, WachttijdBron

TOKEN_SALT = "socialekaart.controleren"  # noqa: S105 — a signing namespace, not a secret
TOKEN_GELDIG = dt.timedelta(days=90)


def zet_wachttijd(dienst: Dienst, weken: int | None, *, bron: str = WachttijdBron.REDACTIE, peildatum=None) -> None:
    """The one place the expected wait is set; the monitor's beschikbaarheidswijzer will call it with its figures."""
    Dienst.objects.filter(pk=dienst.pk).update(
        wachttijd_weken=weken,
        wachttijd_bron=bron if weken is not None else "",
        wachttijd_peildatum=(peildatum or timezone.localdate()) if weken is not None else None,
    )


@transaction.atomic
def bevestig(organisatie: Organisatie, *, door: str = "", op: dt.date | None = None) -> int:
    """Mark an organisation and all its services as checked today; returns the number of services."""
    op = op or timezone.localdate()
    Organisatie.objects.filter(pk=organisatie.pk).update(laatst_gecontroleerd=op)
    return organisatie.diensten.update(laatst_gecontroleerd=op, gecontroleerd_door=door[:254])


def controle_token(organisatie: Organisatie) -> str:
    """A signed, expiring token for the organisation's confirm-or-correct link (no personal data in it)."""
    return signing.TimestampSigner(salt=TOKEN_SALT).sign(str(organisatie.pk))


def organisatie_uit_token(token: str) -> Organisatie | None:
    try:
        pk = signing.TimestampSigner(salt=TOKEN_SALT).unsign(token, max_age=TOKEN_GELDIG)
    except signing.BadSignature:
        return None
    return Organisatie.objects.filter(pk=pk).first()
