"""Login throttling with django-axes: per account and address, and per address across accounts (password spraying).

Axes counts failures for each lockout parameter set and takes the largest count, which is always the per-address
one; it has a single limit. ``failure_limit`` gives that limit per request so both rules hold:

- an account from one address is locked after ``JEUGDHULP_AXES_LIMIET_ACCOUNT`` failures (typos, guessing);
- an address is locked for every account after ``JEUGDHULP_AXES_LIMIET_ADRES`` failures across usernames (spraying),
  higher, because an office behind one NAT address shares it.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Sum

from axes.attempts import get_cool_off_threshold
from axes.helpers import get_client_username
from axes.models import AccessAttempt

LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]


def _mislukt_voor_account(request, credentials) -> int:
    pogingen = AccessAttempt.objects.filter(
        username=get_client_username(request, credentials),
        ip_address=getattr(request, "axes_ip_address", None),
        attempt_time__gte=get_cool_off_threshold(request),
    )
    return pogingen.aggregate(n=Sum("failures_since_start"))["n"] or 0


def failure_limit(request, credentials=None) -> int:
    per_account = settings.JEUGDHULP_AXES_LIMIET_ACCOUNT
    if _mislukt_voor_account(request, credentials) >= per_account:
        return per_account  # the per-address count is at least the account's, so this locks
    return settings.JEUGDHULP_AXES_LIMIET_ADRES
