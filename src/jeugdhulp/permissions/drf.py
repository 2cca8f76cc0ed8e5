"""DRF glue: API views name their resource; the policy decides. No per-view permission logic."""

from rest_framework.permissions import BasePermission

from jeugdhulp.permissions import policy


def is_geverifieerd(request) -> bool:
    """A staff session that finished 2FA, or a machine token (a koppelsleutel, itself the strong credential)."""
    from knox.models import AuthToken

    user = request.user
    if not (user and user.is_authenticated):
        return False
    if isinstance(request.auth, AuthToken):
        return True
    return getattr(user, "is_verified", lambda: False)()


class PolicyPermission(BasePermission):
    """Requires a verified (2FA) staff session and a policy rule for ``view.resource`` and the action."""

    message = "U heeft geen toegang tot deze gegevens."

    def has_permission(self, request, view) -> bool:
        if not is_geverifieerd(request):
            return False
        resource = getattr(view, "resource", None)
        from jeugdhulp.audit.middleware import markeer

        markeer(request._request, resource)  # a 403 or scoped 404 is logged as denied (audit.middleware)
        if resource is None:
            return False
        actie = policy.Actie.BEKIJKEN if request.method in ("GET", "HEAD", "OPTIONS") else policy.Actie.WIJZIGEN
        return policy.mag(request.user, resource, actie)


class PolicyViewSetMixin:
    """Narrows the queryset by the policy and writes every person-level read to the access log.

    A viewset sets ``resource`` and, for person-level resources, ``jeugdige_van(obj)`` to find the person.
    """

    resource: policy.Resource

    def get_queryset(self):
        return policy.filter_queryset(self.request.user, self.resource, super().get_queryset())

    def jeugdige_van(self, obj):
        return None

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        if self.resource in policy.PERSOONSGEGEVENS:
            from jeugdhulp.audit import log
            from jeugdhulp.audit.models import Actie

            log.schrijf(request, Actie.BEKEKEN, self.jeugdige_van(self.get_object()), onderwerp=f"api:{self.resource}")
        return response

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if page is not None and self.resource in policy.PERSOONSGEGEVENS:
            from jeugdhulp.audit import log

            log.schrijf_lijst(self.request, [self.jeugdige_van(obj) for obj in page], onderwerp="lijst")
        return page
