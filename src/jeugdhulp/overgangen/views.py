"""One POST view for every workflow step: find the object in the user's scope, run the service, report plainly.

An impossible step (ValidationError, a transition the table does not allow, or a concurrent change) shows its
message and changes nothing: the service runs inside a transaction that is rolled back.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.views import View

from jeugdhulp.audit import log
from jeugdhulp.audit.models import Actie
from jeugdhulp.overgangen.models import Gelijktijdig, OngeldigeOvergang
from jeugdhulp.permissions import policy
from jeugdhulp.permissions.views import PolicyMixin


def meldingen(exc: Exception) -> list[str]:
    if isinstance(exc, ValidationError):
        return list(exc.messages)
    return [str(exc)]


def fouten_in_formulier(form, exc: Exception) -> None:
    """A service's errors next to the form's fields; unknown keys and plain messages go on top of the form."""
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for veld, fouten in exc.message_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, meldingen(exc))


class StapView(PolicyMixin, View):
    """Subclasses set ``model``, ``resource``, optionally ``form_class``, and implement ``uitvoeren``."""

    actie = policy.Actie.WIJZIGEN
    model = None
    form_class = None
    gelukt = ""
    onderwerp = ""
    toon_bij_formulier = False  # a service's error goes into the form (see ``ongeldig``) instead of a message

    def get_queryset(self):
        return policy.filter_queryset(self.request.user, self.resource, self.model._default_manager.all(), self.actie)

    def jeugdige(self, obj):
        return getattr(obj, "jeugdige", None)

    def terug(self, obj) -> str:
        return obj.get_absolute_url()

    def uitvoeren(self, obj, data: dict):  # pragma: no cover — abstract
        raise NotImplementedError

    def post(self, request, pk):
        obj = get_object_or_404(self.get_queryset(), pk=pk)
        data = {}
        if self.form_class is not None:
            form = self.form_class(request.POST, **self.form_kwargs(obj))
            if not form.is_valid():
                return self.ongeldig(obj, form)
            data = form.cleaned_data
        try:
            with transaction.atomic():
                resultaat = self.uitvoeren(obj, data)
        except (ValidationError, OngeldigeOvergang, Gelijktijdig) as exc:
            if self.form_class is not None and self.toon_bij_formulier:
                fouten_in_formulier(form, exc)
                return self.ongeldig(obj, form)
            for m in meldingen(exc):
                messages.error(request, m)
            return redirect(self.terug(obj))
        log.schrijf(request, Actie.GEWIJZIGD, self.jeugdige(obj), onderwerp=self.onderwerp or self.stapnaam(obj))
        if self.gelukt:
            messages.success(request, self.gelukt)
        return redirect(self.na(obj, resultaat))

    def stapnaam(self, obj) -> str:
        """For the access log, in Dutch: the object and the step, e.g. 'casus 12: verslag'."""
        stap = (self.request.resolver_match.url_name or "").replace("_", " ")
        return f"{obj._meta.verbose_name} {obj.pk}: {stap}"

    def form_kwargs(self, obj) -> dict:
        return {}

    def ongeldig(self, obj, form):
        """Default: the form's errors as messages on the page we return to. Views that can show the form again
        (set ``toon_bij_formulier``) override this to render it with each error next to its field."""
        for fout in form.errors.values():
            messages.error(self.request, " ".join(fout))
        return redirect(self.terug(obj))

    def na(self, obj, resultaat) -> str:
        return self.terug(obj)
