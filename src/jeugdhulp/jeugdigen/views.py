"""Staff pages for jeugdigen: the list (search) and the dossier. Every read is written to the access log."""

import re

from django.db.models import Q
from django.views.generic import DetailView, ListView

from jeugdhulp.audit import log
from jeugdhulp.audit.models import Actie
from jeugdhulp.jeugdigen.models import Jeugdige
from jeugdhulp.permissions import policy
from jeugdhulp.permissions.views import PolicyMixin


def zoekfilter(zoek: str) -> Q:
    """A BSN (spaces, dots and dashes allowed, as printed on letters and messages) or a name as it is shown.

    Every word must match a part of the name, so the full name copied from a message or letter ("Sanne van Hoof")
    finds the jeugdige, not only one of its parts.
    """
    zoek = zoek.strip()[:100]
    cijfers = re.sub(r"[\s.\-]", "", zoek)
    if cijfers.isdigit():
        return Q(bsn=cijfers)
    q = Q()
    for woord in zoek.split():
        q &= Q(geslachtsnaam__icontains=woord) | Q(voornamen__icontains=woord) | Q(voorvoegsel__icontains=woord)
    return q


class JeugdigeLijst(PolicyMixin, ListView):
    resource = policy.Resource.JEUGDIGE
    model = Jeugdige
    paginate_by = 25
    template_name = "jeugdigen/lijst.html"

    def get_queryset(self):
        qs = super().get_queryset().select_related("wijk", "team")
        return qs.filter(zoekfilter(self.request.GET.get("q", "")))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["q"] = self.request.GET.get("q", "")
        log.schrijf_lijst(self.request, context["object_list"], onderwerp="lijst")
        return context


class JeugdigeDossier(PolicyMixin, DetailView):
    resource = policy.Resource.JEUGDIGE
    model = Jeugdige
    template_name = "jeugdigen/dossier.html"
    context_object_name = "jeugdige"

    def get_queryset(self):
        return super().get_queryset().select_related("gemeente", "wijk", "team")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        jeugdige = self.object
        user = self.request.user
        log.schrijf(self.request, Actie.BEKEKEN, jeugdige, onderwerp="dossier")
        context["relaties"] = jeugdige.relaties.all()
        context["contacten"] = jeugdige.contacten.all()
        context["toewijzingen"] = policy.filter_queryset(
            user, policy.Resource.TOEWIJZING, jeugdige.toewijzingen.select_related("aanbieder", "product")
        )
        context["leeftijd"] = jeugdige.leeftijd()
        context["mag_berichten"] = policy.mag(user, policy.Resource.BERICHT)
        return context
