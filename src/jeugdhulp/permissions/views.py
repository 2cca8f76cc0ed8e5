"""View glue for the policy: class-based views name a resource; the policy decides and narrows querysets.

A role without any right on the resource gets 403. An object outside the user's scope gets 404, so that
the existence of a dossier is not revealed.
"""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied

from jeugdhulp.audit.middleware import markeer
from jeugdhulp.permissions import policy


def vereis(request, resource: policy.Resource, actie: policy.Actie = policy.Actie.BEKIJKEN) -> None:
    """The function-view counterpart of ``PolicyMixin``: 403 unless the user's role may use the resource."""
    markeer(request, resource)
    if not request.user.is_authenticated or not policy.mag(request.user, resource, actie):
        raise PermissionDenied


class PolicyMixin(LoginRequiredMixin):
    resource: policy.Resource
    actie: policy.Actie = policy.Actie.BEKIJKEN

    def dispatch(self, request, *args, **kwargs):
        markeer(request, self.resource)  # a 403 or scoped 404 from here on is logged as denied
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not policy.mag(request.user, self.resource, self.actie):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return policy.filter_queryset(self.request.user, self.resource, super().get_queryset(), self.actie)
