"""Denied attempts on person-level data go to the access log, written in one place.

The policy glue (``PolicyMixin``, ``vereis()``, the DRF ``PolicyPermission``) marks each request with the resource it
asks about before deciding. Whatever then refuses it, a 403 (role may not) or a 404 (object outside the user's scope,
so its existence is not revealed), this middleware writes one entry marked ``geweigerd`` with the path and the
requested object's id from the URL (``onderwerp``: "jeugdige pk=123 (HTTP 404)"), so an auditor can see which
object someone probed. Only ids (numbers, UUIDs) are recorded, never data: no jeugdige is linked or named, a scoped
404 must not tell the log reader more than the prober saw.
"""

import uuid

from jeugdhulp.audit import log
from jeugdhulp.audit.models import Actie
from jeugdhulp.permissions import policy

BEWAAKT = policy.PERSOONSGEGEVENS | {policy.Resource.TOEGANGSLOG}


def markeer(request, resource) -> None:
    """Called by the policy glue: this request asks about ``resource``."""
    request.policy_resource = resource


class WeigeringenLoggen:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        resource = getattr(request, "policy_resource", None)
        if response.status_code in (403, 404) and resource in BEWAAKT:
            onderwerp = " ".join([str(resource), *_ids(request)])
            log.schrijf(request, Actie.GEWEIGERD, onderwerp=f"{onderwerp} (HTTP {response.status_code})")
        return response


def _ids(request) -> list[str]:
    """The object ids in the URL ("pk=123"): numbers and UUIDs only, so a token or a name never reaches the log."""
    kwargs = getattr(getattr(request, "resolver_match", None), "kwargs", None) or {}
    return [f"{naam}={waarde}" for naam, waarde in kwargs.items() if _is_id(waarde)]


def _is_id(waarde) -> bool:
    if isinstance(waarde, int | uuid.UUID):
        return True
    if not isinstance(waarde, str) or len(waarde) > 40:  # the API's router passes ids as text
        return False
    try:
        uuid.UUID(waarde)
    except ValueError:
        return waarde.isdigit()
    return True
