"""The CJG's intake queue: hulpvragen from every channel (incl. VOTs), phone registration and triage."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView

from jeugdhulp.audit import log
from jeugdhulp.audit.models import Actie
from jeugdhulp.casussen.models import Werkinstructie
from jeugdhulp.hulpvragen import services
from jeugdhulp.hulpvragen.forms import LichtForm, RegistreerForm, VraagverhelderingForm
from jeugdhulp.hulpvragen.models import Hulpvraag
from jeugdhulp.jeugdigen.models import Jeugdige
from jeugdhulp.overgangen.models import Gelijktijdig, OngeldigeOvergang
from jeugdhulp.overgangen.views import StapView, meldingen
from jeugdhulp.permissions import policy
from jeugdhulp.permissions.views import PolicyMixin


class Wachtrij(PolicyMixin, ListView):
    resource = policy.Resource.HULPVRAAG
    model = Hulpvraag
    template_name = "hulpvragen/wachtrij.html"
    paginate_by = 50

    def get_queryset(self):
        qs = super().get_queryset().select_related("jeugdige", "team", "verzoek", "casus")
        if self.request.GET.get("alles") != "1":
            qs = qs.filter(status__in=Hulpvraag.OPEN)
        return qs.order_by("contact_uiterlijk", "ontvangen_op")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        jeugdigen = {h.jeugdige_id: h.jeugdige for h in context["object_list"] if h.jeugdige_id}
        if jeugdigen:
            log.schrijf_lijst(self.request, jeugdigen.values(), onderwerp="lijst")
        context["vandaag"] = timezone.localdate()
        context["mag_registreren"] = policy.mag(self.request.user, policy.Resource.HULPVRAAG, policy.Actie.WIJZIGEN)
        return context


class Registreren(PolicyMixin, FormView):
    resource = policy.Resource.HULPVRAAG
    actie = policy.Actie.WIJZIGEN
    form_class = RegistreerForm
    template_name = "hulpvragen/registreren.html"

    def form_valid(self, form):
        user = self.request.user
        d = form.cleaned_data
        hulpvraag = services.registreer(
            gemeente=user.gemeente,
            team=user.team,
            vrager=d["vrager"],
            kanaal=d["kanaal"],
            vraag=d["vraag"],
            onderwerpen=d["onderwerpen"],
            naam=d["naam"],
            telefoon=d["telefoon"],
            email=d["email"] or "",
            leeftijd_kind=d["leeftijd_kind"],
        )
        messages.success(self.request, _("De hulpvraag is vastgelegd."))
        return redirect("hulpvragen:detail", hulpvraag.pk)


class Detail(PolicyMixin, DetailView):
    resource = policy.Resource.HULPVRAAG
    model = Hulpvraag
    template_name = "hulpvragen/detail.html"
    context_object_name = "hulpvraag"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        h = self.object
        if h.jeugdige_id:
            log.schrijf(self.request, Actie.BEKEKEN, h.jeugdige, onderwerp="hulpvraag")
        user = self.request.user
        context["mag_wijzigen"] = policy.mag_object(user, policy.Resource.HULPVRAAG, h, policy.Actie.WIJZIGEN)
        context["stappen"] = {s.naar for s in h.mogelijke_stappen(user)}
        context["licht_form"] = LichtForm(auto_id="licht_%s")
        context["vv_form"] = VraagverhelderingForm(
            auto_id="vv_%s", initial={"bsn": h.jeugdige.bsn if h.jeugdige_id else ""}
        )
        context["instructie"] = Werkinstructie.objects.filter(stap="triage").first()
        context["mag_verzoek"] = h.verzoek_id and policy.mag(user, policy.Resource.BERICHT, policy.Actie.WIJZIGEN)
        return context


class HulpvraagStap(StapView):
    resource = policy.Resource.HULPVRAAG
    model = Hulpvraag

    def terug(self, obj) -> str:
        return reverse("hulpvragen:detail", args=[obj.pk])


class ContactOpgenomen(HulpvraagStap):
    gelukt = _("Vastgelegd: er is contact geweest.")

    def uitvoeren(self, obj, data):
        services.contact_opgenomen(obj, door=self.request.user)


class LichtAfhandelen(HulpvraagStap):
    form_class = LichtForm
    gelukt = _("De hulpvraag is afgehandeld door het CJG.")

    def uitvoeren(self, obj, data):
        services.licht_afhandelen(obj, door=self.request.user, **data)


class NaarVraagverheldering(HulpvraagStap):
    form_class = VraagverhelderingForm

    def post(self, request, pk):
        hulpvraag = get_object_or_404(self.get_queryset(), pk=pk)
        form = VraagverhelderingForm(request.POST)
        if not form.is_valid():
            for fout in form.errors.values():
                messages.error(request, " ".join(fout))
            return redirect(self.terug(hulpvraag))
        d = form.cleaned_data
        try:
            with transaction.atomic():
                # Only a jeugdige the user may see can be linked; an unknown BSN makes a new jeugdige.
                bestaand = Jeugdige.objects.filter(bsn=d["bsn"]).first()
                if bestaand is not None and not policy.mag_object(request.user, policy.Resource.JEUGDIGE, bestaand):
                    raise ValidationError(_("Deze jeugdige valt niet onder uw team. Overleg met de backoffice."))
                if bestaand is None:
                    form.eis_nieuwe_gegevens()
                    bestaand = Jeugdige(
                        gemeente=hulpvraag.gemeente,
                        team=hulpvraag.team or request.user.team,
                        bsn=d["bsn"],
                        voornamen=d["voornamen"],
                        geslachtsnaam=d["geslachtsnaam"],
                        geboortedatum=d["geboortedatum"],
                        geslacht=d["geslacht"] or "0",
                    )
                    bestaand.full_clean()
                    bestaand.save()
                    log.schrijf(request, Actie.AANGEMAAKT, bestaand, onderwerp="jeugdige")
                casus, nieuw = services.naar_vraagverheldering(hulpvraag, door=request.user, jeugdige=bestaand)
        except (ValidationError, OngeldigeOvergang, Gelijktijdig) as exc:
            for m in meldingen(exc):
                messages.error(request, m)
            return redirect(self.terug(hulpvraag))
        log.schrijf(request, Actie.GEWIJZIGD, bestaand, onderwerp="triage")
        messages.success(
            request,
            _("Er is een nieuwe casus geopend.") if nieuw else _("De hulpvraag is toegevoegd aan de bestaande casus."),
        )
        return redirect("casussen:detail", casus.pk)


class Intrekken(HulpvraagStap):
    gelukt = _("De hulpvraag is ingetrokken.")

    def uitvoeren(self, obj, data):
        obj.naar(Hulpvraag.Status.INGETROKKEN, door=self.request.user)
