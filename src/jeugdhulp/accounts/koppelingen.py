"""Machine credentials for an aanbieder's message hub (koppelsleutels).

A koppelsleutel is a knox token (stored as a hash, expiring, revocable) owned by a service user of role
aanbieder_medewerker scoped to exactly one aanbieder, so the same policy rules apply as for its staff: it may
submit and list only that aanbieder's messages. The service user has no usable password and cannot log in.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from knox.models import AuthToken

from jeugdhulp.aanbieders.models import Aanbieder
from jeugdhulp.accounts.models import User
from jeugdhulp.accounts.roles import Rol

PREFIX = "koppeling-"


def koppelgebruiker(aanbieder: Aanbieder) -> User:
    user, aangemaakt = User.objects.get_or_create(
        username=f"{PREFIX}{aanbieder.agb_code}",
        defaults={"rol": Rol.AANBIEDER_MEDEWERKER, "aanbieder": aanbieder, "first_name": "Koppeling"},
    )
    if aangemaakt:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def maak_koppelsleutel(aanbieder: Aanbieder, *, dagen: int = 365) -> tuple[str, dt.datetime]:
    """A new token for this aanbieder's message hub: (the token, shown once; its expiry)."""
    if dagen < 1:
        raise ValueError("Een koppelsleutel is minstens 1 dag geldig.")
    instance, token = AuthToken.objects.create(koppelgebruiker(aanbieder), expiry=dt.timedelta(days=dagen))
    return token, instance.expiry


def trek_in(aanbieder: Aanbieder) -> int:
    """Revoke every koppelsleutel of this aanbieder; returns how many."""
    aantal, _ = AuthToken.objects.filter(user__username=f"{PREFIX}{aanbieder.agb_code}").delete()
    return aantal
