"""Denied attempts on person-level data go to the access log, written in one place.

The policy glue (``PolicyMixin``, ``vereis()``, the DRF ``PolicyPermission``) marks each request with the resource it
asks about before deciding. Whatever then refuses it, a 403 (role may not) or a 404 (object outside the user's scope,
so its existence is not revealed), this middleware writes one entry marked ``geweigerd`` with the path, so an auditor
can see someone probing. No jeugdige is named: a scoped 404 must not tell the log reader more than the prober saw.
"""

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
            log.schrijf(request, Actie.GEWEIGERD, onderwerp=f"{resource} (HTTP {response.status_code})")
        return response
