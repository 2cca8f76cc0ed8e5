"""The rate limit of the online hulpvraag: counts accepted submissions only, in the database (so every worker and
every restart sees the same counts), per client address and per browser session.

The client address comes from ``REMOTE_ADDR``, or, behind ``JEUGDHULP_TRUSTED_PROXIES`` reverse proxies, from the
``X-Forwarded-For`` entry the outermost trusted proxy added: entries further left are whatever the client sent and
are never believed. A school or library shares one address, so an address may send far more than one household;
one browser session is held to what a family needs. Addresses and session keys are stored only as salted hashes,
for one hour.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.utils import timezone

from jeugdhulp.publiek.models import Inzending

VENSTER = dt.timedelta(hours=1)
PER_ADRES = 30  # a school or library: a class, or visitors at the public computers, in one hour
PER_SESSIE = 5  # one browser: an honest family never needs more in an hour


def client_adres(request) -> str:
    """The client's address, trusting ``X-Forwarded-For`` only as far as the configured number of proxies."""
    vertrouwd = settings.JEUGDHULP_TRUSTED_PROXIES
    remote = request.META.get("REMOTE_ADDR", "")
    if vertrouwd <= 0:
        return remote
    doorgestuurd = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if not doorgestuurd:
        return remote
    # Each trusted proxy appended the address it saw; the outermost one's entry is the client.
    return doorgestuurd[-vertrouwd] if len(doorgestuurd) >= vertrouwd else doorgestuurd[0]


def _hash(soort: str, waarde: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{soort}:{waarde}".encode()).hexdigest()


def _bronnen(request) -> dict[str, str]:
    bronnen = {"adres": _hash("adres", client_adres(request))}
    if request.session.session_key:
        bronnen["sessie"] = _hash("sessie", request.session.session_key)
    return bronnen


def te_vaak(request) -> bool:
    """Whether this client has used up its accepted submissions of the last hour (nothing is counted here)."""
    sinds = timezone.now() - VENSTER
    Inzending.objects.filter(op__lt=sinds).delete()  # the window is all we keep
    bronnen = _bronnen(request)
    recent = Inzending.objects.filter(op__gte=sinds)
    if recent.filter(bron=bronnen["adres"]).count() >= PER_ADRES:
        return True
    return "sessie" in bronnen and recent.filter(bron=bronnen["sessie"]).count() >= PER_SESSIE


def tel(request) -> None:
    """Count one accepted submission (call in the transaction that stores it)."""
    if not request.session.session_key:
        request.session.save()
    Inzending.objects.bulk_create([Inzending(bron=bron) for bron in _bronnen(request).values()])
