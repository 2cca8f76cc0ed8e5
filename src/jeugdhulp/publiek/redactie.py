"""The redacteur's staff pages (/medewerkers/redactie/): keep the sociale kaart fresh, edit pages and events.

Permissions come from the policy (PUBLIEKE_INHOUD, SOCIALE_KAART); login and TOTP are enforced by the middleware.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, TemplateView, UpdateView, View

from jeugdhulp.permissions import policy
from jeugdhulp.permissions.views import PolicyMixin
from jeugdhulp.publiek.models import Bijeenkomst, Pagina
from jeugdhulp.socialekaart import services as kaart
from jeugdhulp.socialekaart.models import Correctieverzoek, Dienst
from jeugdhulp.web.forms import UtrechtFormMixin


class DienstForm(UtrechtFormMixin, forms.ModelForm):
    url = forms.URLField(label=gettext_lazy("website"), required=False, assume_scheme="https")

    class Meta:
        model = Dienst
        fields = ["naam", "omschrijving", "status", "doelgroep", "min_leeftijd", "max_leeftijd", "toegang",
                  "aanmelden", "kosten", "email", "url", "termen", "wachttijd_weken"]  # fmt: skip
        widgets = {"termen": forms.CheckboxSelectMultiple}


class PaginaForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Pagina
        fields = ["slug", "taal", "titel", "samenvatting", "tekst", "gepubliceerd"]


class BijeenkomstForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Bijeenkomst
        fields = ["titel", "soort", "begint_op", "eindigt_op", "plaats", "omschrijving", "aanmelden"]
        widgets = {"begint_op": forms.DateTimeInput(attrs={"type": "datetime-local"}),
                   "eindigt_op": forms.DateTimeInput(attrs={"type": "datetime-local"})}  # fmt: skip


class Overzicht(PolicyMixin, TemplateView):
    resource = policy.Resource.SOCIALE_KAART
    actie = policy.Actie.WIJZIGEN
    template_name = "publiek/redactie/overzicht.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        verouderd = Dienst.objects.verouderd().select_related("organisatie").order_by("laatst_gecontroleerd", "naam")
        context.update(
            verouderd=verouderd[:100],
            aantal_verouderd=verouderd.count(),
            correcties=Correctieverzoek.objects.filter(afgehandeld_op__isnull=True).select_related("organisatie"),
            paginas=Pagina.objects.all(),
            bijeenkomsten=Bijeenkomst.komende(),
            mag_inhoud=policy.mag(self.request.user, policy.Resource.PUBLIEKE_INHOUD, policy.Actie.WIJZIGEN),
        )
        return context


class DienstBewerken(PolicyMixin, UpdateView):
    resource = policy.Resource.SOCIALE_KAART
    actie = policy.Actie.WIJZIGEN
    model = Dienst
    form_class = DienstForm
    template_name = "publiek/redactie/formulier.html"
    success_url = reverse_lazy("redactie:overzicht")
    titel = gettext_lazy("Dienst bewerken")

    def form_valid(self, form):
        form.instance.laatst_gecontroleerd = timezone.localdate()  # the redacteur checked it while editing
        form.instance.gecontroleerd_door = self.request.user.email
        if "wachttijd_weken" in form.changed_data:
            form.instance.wachttijd_bron = "redactie" if form.cleaned_data["wachttijd_weken"] is not None else ""
            form.instance.wachttijd_peildatum = timezone.localdate()
        messages.success(self.request, _("Opgeslagen."))
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["titel"] = self.titel
        context["controle_link"] = self.request.build_absolute_uri(
            reverse("publiek:controleren", args=[kaart.controle_token(self.object.organisatie)])
        )
        return context


class DienstGecontroleerd(PolicyMixin, View):
    resource = policy.Resource.SOCIALE_KAART
    actie = policy.Actie.WIJZIGEN

    def post(self, request, pk):
        dienst = get_object_or_404(Dienst, pk=pk)
        Dienst.objects.filter(pk=dienst.pk).update(
            laatst_gecontroleerd=timezone.localdate(), gecontroleerd_door=request.user.email
        )
        messages.success(request, _("%(naam)s is gecontroleerd.") % {"naam": dienst.naam})
        return redirect("redactie:overzicht")


class CorrectieAfgehandeld(PolicyMixin, View):
    resource = policy.Resource.SOCIALE_KAART
    actie = policy.Actie.WIJZIGEN

    def post(self, request, pk):
        Correctieverzoek.objects.filter(pk=pk).update(afgehandeld_op=timezone.now())
        return redirect("redactie:overzicht")


class _Inhoud(PolicyMixin):
    resource = policy.Resource.PUBLIEKE_INHOUD
    actie = policy.Actie.WIJZIGEN
    template_name = "publiek/redactie/formulier.html"
    success_url = reverse_lazy("redactie:overzicht")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["titel"] = self.titel
        return context

    def form_valid(self, form):
        messages.success(self.request, _("Opgeslagen."))
        return super().form_valid(form)


class PaginaBewerken(_Inhoud, UpdateView):
    model, form_class, titel = Pagina, PaginaForm, gettext_lazy("Pagina bewerken")


class PaginaNieuw(_Inhoud, CreateView):
    model, form_class, titel = Pagina, PaginaForm, gettext_lazy("Nieuwe pagina")


class BijeenkomstBewerken(_Inhoud, UpdateView):
    model, form_class, titel = Bijeenkomst, BijeenkomstForm, gettext_lazy("Bijeenkomst bewerken")


class BijeenkomstNieuw(_Inhoud, CreateView):
    model, form_class, titel = Bijeenkomst, BijeenkomstForm, gettext_lazy("Nieuwe bijeenkomst")
