"""Operations on the sociale kaart that other components call: the wait indication and the freshness check."""

from __future__ import annotations

import datetime as dt

from django.core import signing
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from jeugdhulp.socialekaart.models import Correctieverzoek, Dienst, Organisatie, WachttijdBron

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


# The confirm-or-correct link (issue 15 §8): one open correction per organisation (so per service) at a time; the link
# is spent once a correction is filed until the redacteur has handled it; and at most a few corrections a day.
MAX_CORRECTIES_PER_DAG = 3


class LinkVerbruikt(Exception):
    """The link cannot be used now; the message says why and when it can be used again."""


def open_correctie(organisatie: Organisatie) -> Correctieverzoek | None:
    return organisatie.correctieverzoeken.filter(afgehandeld_op__isnull=True).first()


def waarom_verbruikt(organisatie: Organisatie) -> str:
    """Why the organisation's link cannot be used now (a correction still open), or an empty string."""
    open_ = open_correctie(organisatie)
    if open_ is None:
        return ""
    return _(
        "U heeft op %(datum)s al een correctie gestuurd. De redactie handelt die eerst af; daarna kunt u deze "
        "link weer gebruiken."
    ) % {"datum": formats.date_format(timezone.localtime(open_.ontvangen_op), "j F Y")}


def _bruikbaar(organisatie: Organisatie) -> None:
    if reden := waarom_verbruikt(organisatie):
        raise LinkVerbruikt(reden)


@transaction.atomic
def dien_correctie_in(organisatie: Organisatie, tekst: str) -> Correctieverzoek:
    """File a correction through the signed link, or raise ``LinkVerbruikt``. Concurrent posts are serialised on the
    organisation's row (and a partial unique index refuses a second open correction whatever happens)."""
    Organisatie.objects.select_for_update().filter(pk=organisatie.pk).exists()
    _bruikbaar(organisatie)
    sinds = timezone.now() - dt.timedelta(days=1)
    if organisatie.correctieverzoeken.filter(ontvangen_op__gte=sinds).count() >= MAX_CORRECTIES_PER_DAG:
        raise LinkVerbruikt(_("Via deze link zijn vandaag al genoeg correcties gestuurd. Probeer het morgen opnieuw."))
    return Correctieverzoek.objects.create(organisatie=organisatie, tekst=tekst)


def bevestig_via_link(organisatie: Organisatie) -> int:
    """ "Alles klopt" through the signed link: refused while a correction of the organisation is still open."""
    _bruikbaar(organisatie)
    return bevestig(organisatie, door=organisatie.email)
