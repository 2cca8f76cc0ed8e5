"""Small helpers shared by inbox and outbox: our BerichtIdentificatie and storing an outbound message."""

from __future__ import annotations

import hashlib

from jeugdhulp.berichten.models import Bericht, Richting, Status, Teller


def nieuwe_identificatie(afzender: str, berichtsoort: str) -> str:
    """Unique per sender and berichtsoort (TR056); 12 characters at most (LDT_IdentificatieBericht)."""
    n = Teller.volgende(f"ijw:{afzender}:{berichtsoort}")
    return f"JH{n:010d}"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def bewaar_uit(
    data: bytes, *, berichtsoort: str, afzender: str, ontvanger: str, identificatie: str, **velden
) -> Bericht:
    """A message we send, queued (status klaar) with its exact bytes."""
    return Bericht.objects.create(
        richting=Richting.UIT,
        status=Status.KLAAR,
        berichtsoort=berichtsoort,
        afzender=afzender,
        ontvanger=ontvanger,
        identificatie=identificatie,
        inhoud=data,
        sha256=sha256(data),
        grootte=len(data),
        bron="outbox",
        **velden,
    )
