"""The one way to write to the access log. Views, exports and services call ``schrijf``."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import HttpRequest

from jeugdhulp.audit.models import Actie, Toegangslogregel


def _ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


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
    authenticated = user is not None and getattr(user, "is_authenticated", False)
    return Toegangslogregel.objects.create(
        gebruiker=user if authenticated else None,
        gebruikersnaam=user.get_username() if authenticated else "anoniem",
        rol=getattr(user, "rol", "") if authenticated else "",
        jeugdige=jeugdige,
        jeugdige_bsn=getattr(jeugdige, "bsn", "") if jeugdige is not None else "",
        actie=actie,
        onderwerp=onderwerp[:100],
        ip_adres=_ip(request),
        pad=(request.get_full_path()[:300] if request else ""),
        reden=reden,
    )


def schrijf_lijst(request: HttpRequest, jeugdigen: Iterable, onderwerp: str) -> None:
    """One entry per jeugdige shown in a list or export, in a single INSERT."""
    user = request.user
    rows = [
        Toegangslogregel(
            gebruiker=user,
            gebruikersnaam=user.get_username(),
            rol=getattr(user, "rol", ""),
            jeugdige=j,
            jeugdige_bsn=j.bsn,
            actie=Actie.GEZOCHT if onderwerp == "lijst" else Actie.GEEXPORTEERD,
            onderwerp=onderwerp,
            ip_adres=_ip(request),
            pad=request.get_full_path()[:300],
        )
        for j in jeugdigen
    ]
    Toegangslogregel.objects.bulk_create(rows)
