"""The one way to write to the access log. Views, exports and services call ``schrijf`` or ``schrijf_lijst``.

Every append goes through ``_voeg_toe``, which links the new rows into the hash chain (see ``keten``) under a lock.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.http import HttpRequest

from jeugdhulp.audit import keten
from jeugdhulp.audit.models import Actie, Toegangslogregel


def _ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def _voeg_toe(regels: list[Toegangslogregel]) -> list[Toegangslogregel]:
    """Append rows to the chain: lock, read the last hash, link each row to the one before, insert in one go."""
    if not regels:
        return regels
    with transaction.atomic():
        keten.vergrendel()
        vorige = Toegangslogregel.objects.order_by("-pk").values_list("hash", flat=True).first() or keten.BEGIN
        sleutel = keten.sleutel()
        for regel in regels:
            regel.vorige_hash = vorige
            regel.hash = vorige = keten.regelhash(vorige, regel, sleutel)
        if len(regels) == 1:
            regels[0].save()
        else:
            Toegangslogregel.objects.bulk_create(regels)
    return regels


def _regel(request, user, actie, jeugdige, onderwerp, reden="") -> Toegangslogregel:
    authenticated = user is not None and getattr(user, "is_authenticated", False)
    return Toegangslogregel(
        gebruiker_id=user.pk if authenticated else None,
        gebruikersnaam=user.get_username() if authenticated else "anoniem",
        rol=getattr(user, "rol", "") if authenticated else "",
        jeugdige_id=getattr(jeugdige, "pk", None),
        jeugdige_bsn=(getattr(jeugdige, "bsn", "") or "") if jeugdige is not None else "",
        actie=actie,
        onderwerp=onderwerp[:100],
        ip_adres=_ip(request),
        pad=(request.get_full_path()[:300] if request else ""),
        reden=reden,
    )


def schrijf(
    request: HttpRequest | None,
    actie: Actie,
    jeugdige=None,
    onderwerp: str = "",
    reden: str = "",
    gebruiker=None,
) -> Toegangslogregel:
    """Append one entry: who (from the request or ``gebruiker``), role, jeugdige, action, when, from where, why."""
    user = gebruiker or (getattr(request, "user", None) if request else None)
    return _voeg_toe([_regel(request, user, actie, jeugdige, onderwerp, reden)])[0]


def schrijf_regels(request: HttpRequest, regels: Iterable[tuple[object | None, str]], actie: Actie) -> None:
    """One entry per (jeugdige or None, onderwerp) shown in a list, in a single INSERT."""
    _voeg_toe([_regel(request, request.user, actie, jeugdige, onderwerp) for jeugdige, onderwerp in regels])


def schrijf_lijst(request: HttpRequest, jeugdigen: Iterable, onderwerp: str, actie: Actie = Actie.GEZOCHT) -> None:
    """One entry per jeugdige shown in a list (``GEZOCHT``) or an export (``GEEXPORTEERD``), in a single INSERT."""
    schrijf_regels(request, ((j, onderwerp) for j in jeugdigen), actie)
