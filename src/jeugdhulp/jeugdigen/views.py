"""Staff pages for jeugdigen: the list (search) and the dossier. Every read is written to the access log."""

from django.db.models import Q
from django.views.generic import DetailView, ListView

from jeugdhulp.audit import log
from jeugdhulp.audit.models import Actie
from jeugdhulp.jeugdigen.models import Jeugdige
from jeugdhulp.permissions import policy
from jeugdhulp.permissions.views import PolicyMixin


class JeugdigeLijst(PolicyMixin, ListView):
    resource = policy.Resource.JEUGDIGE
    model = Jeugdige
    paginate_by = 25
    template_name = "jeugdigen/lijst.html"

    def get_queryset(self):
        qs = super().get_queryset().select_related("wijk", "team")
        zoek = self.request.GET.get("q", "").strip()[:100]
        if zoek:
            if zoek.isdigit():
                qs = qs.filter(bsn=zoek)
            else:
                qs = qs.filter(Q(geslachtsnaam__icontains=zoek) | Q(voornamen__icontains=zoek))
        return qs

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
