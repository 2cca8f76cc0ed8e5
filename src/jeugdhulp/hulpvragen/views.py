"""The CJG's intake queue: hulpvragen from every channel (incl. VOTs), phone registration and triage."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
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
from jeugdhulp.overgangen.views import StapView, fouten_in_formulier
from jeugdhulp.permissions import policy
from jeugdhulp.permissions.views import PolicyMixin


class Wachtrij(PolicyMixin, ListView):
    resource = policy.Resource.HULPVRAAG
    model = Hulpvraag
    template_name = "hulpvragen/wachtrij.html"
    paginate_by = 50

    def get_queryset(self):
        qs = super().get_queryset().select_related("jeugdige", "team", "verzoek", "casus").met_uiterlijk()
        if self.request.GET.get("alles") != "1":
            qs = qs.filter(status__in=Hulpvraag.OPEN)
        return qs.order_by("uiterlijk", "ontvangen_op")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Every row shows the asker (and the child if known): one entry per hulpvraag shown.
        log.schrijf_regels(
            self.request, [(h.jeugdige, f"wachtrij: hulpvraag {h.pk}") for h in context["object_list"]], Actie.GEZOCHT
        )
        context["vandaag"] = timezone.localdate()
        context["mag_registreren"] = policy.mag(self.request.user, policy.Resource.HULPVRAAG, policy.Actie.WIJZIGEN)
        return context


def jeugdige_koppelen(request, hulpvraag: Hulpvraag, gegevens: dict):
    """The jeugdige for triage: known by BSN (only within the user's scope), else a new one; then the casus."""
    bestaand = Jeugdige.objects.filter(bsn=gegevens["bsn"]).first() if gegevens["bsn"] else None
    if bestaand is not None and not policy.mag_object(request.user, policy.Resource.JEUGDIGE, bestaand):
        raise ValidationError({"bsn": _("Deze jeugdige valt niet onder uw team. Overleg met de backoffice.")})
    if bestaand is None:
        bestaand = services.nieuwe_jeugdige(hulpvraag, door=request.user, **gegevens)
        log.schrijf(request, Actie.AANGEMAAKT, bestaand, onderwerp="jeugdige")
    casus, nieuw = services.naar_vraagverheldering(hulpvraag, door=request.user, jeugdige=bestaand)
    log.schrijf(request, Actie.GEWIJZIGD, bestaand, onderwerp="triage")
    messages.success(
        request,
        _("Er is een nieuwe casus geopend.") if nieuw else _("De hulpvraag is toegevoegd aan de bestaande casus."),
    )
    return casus


def fouten_bij_velden(form, exc: Exception, hernoem: dict | None = None) -> None:
    """A service's errors next to the form's fields, renaming the service's keys to this form's field names."""
    if hernoem and isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        exc = ValidationError({hernoem.get(k, k): v for k, v in exc.error_dict.items()})
    fouten_in_formulier(form, exc)


class Registreren(PolicyMixin, FormView):
    """A phone call, inloop or e-mail. 'Vastleggen en casus openen' goes straight on to vraagverheldering."""

    resource = policy.Resource.HULPVRAAG
    actie = policy.Actie.WIJZIGEN
    form_class = RegistreerForm
    template_name = "hulpvragen/registreren.html"

    def form_valid(self, form):
        user = self.request.user
        d = form.cleaned_data
        meteen = self.request.POST.get("verder") == "casus"
        try:
            with transaction.atomic():
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
                    contactvoorkeur=d["contactvoorkeur"],
                    bereikbaar=d["bereikbaar"],
                    toestemmingen=form.toestemmingen(),
                )
                if meteen:
                    gegevens = {"bsn": d["bsn"], "voornamen": d["voornaam_kind"], "geslachtsnaam": "",
                                "geboortedatum": None, "geslacht": "0"}  # fmt: skip
                    casus = jeugdige_koppelen(self.request, hulpvraag, gegevens)
        except (ValidationError, OngeldigeOvergang, Gelijktijdig) as exc:
            fouten_bij_velden(form, exc, {"voornamen": "voornaam_kind", "geboortedatum": "leeftijd_kind"})
            return self.render_to_response(self.get_context_data(form=form), status=400)
        if meteen:
            return redirect("casussen:detail", casus.pk)
        messages.success(self.request, _("De hulpvraag is vastgelegd."))
        return redirect("hulpvragen:detail", hulpvraag.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class Detail(PolicyMixin, DetailView):
    resource = policy.Resource.HULPVRAAG
    model = Hulpvraag
    template_name = "hulpvragen/detail.html"
    context_object_name = "hulpvraag"

    def get_queryset(self):
        return super().get_queryset().select_related("wijk", "team", "verzoek", "jeugdige", "casus")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        h = self.object
        log.schrijf(self.request, Actie.BEKEKEN, h.jeugdige, onderwerp=f"hulpvraag {h.pk}: vrager en kind")
        user = self.request.user
        context["mag_wijzigen"] = policy.mag_object(user, policy.Resource.HULPVRAAG, h, policy.Actie.WIJZIGEN)
        context["stappen"] = {s.naar for s in h.mogelijke_stappen(user)}
        context["licht_form"] = LichtForm(auto_id="licht_%s")
        context.setdefault(
            "vv_form",
            VraagverhelderingForm(
                auto_id="vv_%s",
                initial={"bsn": (h.jeugdige.bsn or "") if h.jeugdige_id else ""},
                leeftijd=h.leeftijd_kind,
            ),
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
    """Link or create the jeugdige (a BSN is not needed for a conversation) and open the casus.

    Every error is shown next to its field on the hulpvraag page itself; nothing is saved then.
    """

    def post(self, request, pk):
        hulpvraag = get_object_or_404(self.get_queryset(), pk=pk)
        form = VraagverhelderingForm(request.POST, auto_id="vv_%s", leeftijd=hulpvraag.leeftijd_kind)
        if form.is_valid():
            try:
                with transaction.atomic():
                    casus = jeugdige_koppelen(request, hulpvraag, form.jeugdige_gegevens())
                return redirect("casussen:detail", casus.pk)
            except (ValidationError, OngeldigeOvergang, Gelijktijdig) as exc:
                fouten_bij_velden(form, exc)
        view = Detail(request=request, kwargs={"pk": pk}, object=hulpvraag)
        return render(request, Detail.template_name, view.get_context_data(vv_form=form), status=400)


class Intrekken(HulpvraagStap):
    gelukt = _("De hulpvraag is ingetrokken.")

    def uitvoeren(self, obj, data):
        obj.naar(Hulpvraag.Status.INGETROKKEN, door=self.request.user)
