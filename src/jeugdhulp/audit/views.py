"""The auditor's screens: search the access log, and the trail of one jeugdige. Reading the log is logged too."""

import datetime as dt

from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from jeugdhulp.audit import log
from jeugdhulp.audit.models import Actie, Toegangslogregel
from jeugdhulp.jeugdigen.models import Jeugdige
from jeugdhulp.permissions import policy
from jeugdhulp.permissions.views import PolicyMixin


def _datum(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


class ToegangslogZoeken(PolicyMixin, ListView):
    resource = policy.Resource.TOEGANGSLOG
    model = Toegangslogregel
    paginate_by = 50
    template_name = "audit/zoeken.html"

    def get_queryset(self):
        qs = super().get_queryset()
        params = self.request.GET
        self.filters = {
            "bsn": params.get("bsn", "").strip()[:9],
            "gebruiker": params.get("gebruiker", "").strip()[:150],
            "actie": params.get("actie", "") if params.get("actie", "") in Actie.values else "",
            "van": params.get("van", ""),
            "tot": params.get("tot", ""),
        }
        if self.filters["bsn"]:
            qs = qs.filter(jeugdige_bsn=self.filters["bsn"])
        if self.filters["gebruiker"]:
            qs = qs.filter(gebruikersnaam__icontains=self.filters["gebruiker"])
        if self.filters["actie"]:
            qs = qs.filter(actie=self.filters["actie"])
        if van := _datum(self.filters["van"]):
            qs = qs.filter(tijdstip__date__gte=van)
        if tot := _datum(self.filters["tot"]):
            qs = qs.filter(tijdstip__date__lte=tot)
        return qs

    def get(self, request, *args, **kwargs):
        # Log before querying, so the count and the rows of this very page agree.
        bsn = request.GET.get("bsn", "").strip()[:9]
        if bsn:
            jeugdige = Jeugdige.objects.filter(bsn=bsn).first()
            log.schrijf(request, Actie.LOG_BEKEKEN, jeugdige, onderwerp="toegangslog")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filters"] = self.filters
        context["acties"] = Actie.choices
        return context


class ToegangslogJeugdige(PolicyMixin, ListView):
    """The trail of one dossier: who looked at or changed it. Shows the jeugdige's identity, no case content."""

    resource = policy.Resource.TOEGANGSLOG
    model = Toegangslogregel
    paginate_by = 100
    template_name = "audit/jeugdige.html"

    def get(self, request, *args, **kwargs):
        self.jeugdige = get_object_or_404(Jeugdige, pk=self.kwargs["pk"])
        log.schrijf(request, Actie.LOG_BEKEKEN, self.jeugdige, onderwerp="toegangslog")
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().filter(jeugdige_id=self.jeugdige.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(jeugdige=self.jeugdige, **kwargs)
