"""Staff pages for iJw messages: message logs, message detail, overdue list and the verzoeken queue.

The policy (resource BERICHT) decides and narrows every queryset. Every page that shows a message about a person
writes to the access log: lists one entry per jeugdige shown, the detail page one entry for the message.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from jeugdhulp.aanbieders.models import Aanbieder
from jeugdhulp.audit import log
from jeugdhulp.audit.models import Actie
from jeugdhulp.berichten import outbox, termijnen, weergave
from jeugdhulp.berichten.forms import AfwijzenForm, ToewijzenForm
from jeugdhulp.berichten.models import Bericht, Richting, Status, Verzoek, VerzoekStatus
from jeugdhulp.jeugdigen.models import Contact, Jeugdige
from jeugdhulp.permissions import policy
from jeugdhulp.permissions.views import PolicyMixin


def _log_lijst(request, rijen) -> None:
    jeugdigen = {r.jeugdige_id: r.jeugdige for r in rijen if r.jeugdige_id}
    if jeugdigen:
        log.schrijf_lijst(request, jeugdigen.values(), onderwerp="lijst")


class BerichtLijst(PolicyMixin, ListView):
    resource = policy.Resource.BERICHT
    model = Bericht
    paginate_by = 50
    template_name = "berichten/lijst.html"
    titel = _("Berichten")

    def get_queryset(self):
        qs = super().get_queryset().defer("inhoud").select_related("jeugdige", "aanbieder")
        if status := self.request.GET.get("status"):
            qs = qs.filter(status=status)
        if soort := self.request.GET.get("soort", "").upper()[:5]:
            qs = qs.filter(berichtsoort=soort)
        return qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["titel"] = self.titel
        context["statussen"] = Status.choices
        _log_lijst(self.request, context["object_list"])
        return context


class BerichtenJeugdige(BerichtLijst):
    def get_queryset(self):
        zichtbaar = policy.filter_queryset(self.request.user, policy.Resource.JEUGDIGE, Jeugdige.objects.all())
        self.jeugdige = get_object_or_404(zichtbaar, pk=self.kwargs["pk"])
        return super().get_queryset().filter(jeugdige=self.jeugdige)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["titel"] = _("Berichten over %(naam)s") % {"naam": self.jeugdige.volledige_naam}
        context["jeugdige"] = self.jeugdige
        return context


class BerichtenAanbieder(BerichtLijst):
    def get_queryset(self):
        self.aanbieder = get_object_or_404(Aanbieder, pk=self.kwargs["pk"])
        qs = super().get_queryset().filter(aanbieder=self.aanbieder)
        if self.request.user.aanbieder_id not in (None, self.aanbieder.pk):
            raise Http404
        return qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["titel"] = _("Berichten van en aan %(naam)s") % {"naam": self.aanbieder.naam}
        return context


class BerichtDetail(PolicyMixin, DetailView):
    resource = policy.Resource.BERICHT
    model = Bericht
    template_name = "berichten/detail.html"
    context_object_name = "bericht"

    def get_queryset(self):
        return super().get_queryset().select_related("jeugdige", "aanbieder", "gemeente", "heenbericht")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        b, user = self.object, self.request.user
        log.schrijf(self.request, Actie.BEKEKEN, b.jeugdige, onderwerp=f"ijw-bericht {b.pk} {b.berichtsoort}")
        data = b.bytes
        context["xml"] = weergave.mooie_xml(data)
        context["velden"] = weergave.velden(data)
        zichtbaar = policy.filter_queryset(user, self.resource, Bericht.objects.defer("inhoud"))
        context["gerelateerd"] = zichtbaar.filter(heenbericht=b).order_by("pk")
        context["heen"] = zichtbaar.filter(pk=b.heenbericht_id).first() if b.heenbericht_id else None
        context["mag_opnieuw"] = (
            b.richting == Richting.UIT
            and b.status in (Status.MISLUKT, Status.VERZONDEN)
            and policy.mag_object(user, self.resource, b, policy.Actie.WIJZIGEN)
        )
        return context


class OpnieuwVersturen(PolicyMixin, View):
    resource = policy.Resource.BERICHT
    actie = policy.Actie.WIJZIGEN

    def post(self, request, pk):
        qs = policy.filter_queryset(request.user, self.resource, Bericht.objects.all(), self.actie)
        b = get_object_or_404(qs, pk=pk, richting=Richting.UIT)
        if b.mag_naar(Status.KLAAR) and b.status != Status.KLAAR:
            outbox.opnieuw_versturen(b)
            log.schrijf(request, Actie.GEWIJZIGD, b.jeugdige, onderwerp=f"ijw-bericht {b.pk} opnieuw klaargezet")
            messages.success(request, _("Het bericht staat klaar om opnieuw te versturen."))
        else:
            messages.error(request, _("Dit bericht kan niet opnieuw worden verstuurd."))
        return redirect("berichten:detail", pk=b.pk)


class Termijnen(PolicyMixin, TemplateView):
    """Overdue per party: what the gemeente still owes, and what aanbieders still owe."""

    resource = policy.Resource.BERICHT
    template_name = "berichten/termijnen.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, vandaag = self.request.user, timezone.localdate()
        berichten = policy.filter_queryset(user, self.resource, Bericht.objects.defer("inhoud")).select_related(
            "jeugdige", "aanbieder"
        )
        verzoeken = policy.filter_queryset(user, self.resource, Verzoek.objects.all()).select_related(
            "jeugdige", "aanbieder"
        )
        open_ = termijnen.open_berichten(berichten, vandaag)
        context.update(
            vandaag=vandaag,
            verzoeken=termijnen.open_verzoeken(verzoeken, vandaag)[:200],
            gemeente_antwoord=open_.filter(richting=Richting.IN)[:200],
            aanbieder_retour=open_.filter(richting=Richting.UIT)[:200],
            te_laat_gemeld=termijnen.te_laat_gemeld(berichten)[:200],
        )
        rijen = [*context["verzoeken"], *context["gemeente_antwoord"], *context["aanbieder_retour"]]
        _log_lijst(self.request, [*rijen, *context["te_laat_gemeld"]])
        return context


class VerzoekLijst(PolicyMixin, ListView):
    """The queue of open VOTs/VOWs for the jeugdconsulent, most urgent first."""

    resource = policy.Resource.BERICHT
    actie = policy.Actie.WIJZIGEN
    model = Verzoek
    paginate_by = 50
    template_name = "berichten/verzoeken.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .filter(status__in=[VerzoekStatus.OPEN, VerzoekStatus.IN_ONDERZOEK])
            .select_related("jeugdige", "aanbieder")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["vandaag"] = timezone.localdate()
        _log_lijst(self.request, context["object_list"])
        return context


class VerzoekDetail(PolicyMixin, DetailView):
    """One verzoek with the three answers: toewijzen (JW301), afwijzen or in onderzoek (JW319)."""

    resource = policy.Resource.BERICHT
    actie = policy.Actie.WIJZIGEN
    model = Verzoek
    template_name = "berichten/verzoek.html"
    context_object_name = "verzoek"

    def get_queryset(self):
        return super().get_queryset().select_related("jeugdige", "aanbieder", "gemeente", "bericht")

    def _adres_nodig(self, verzoek) -> bool:
        return not verzoek.jeugdige.contacten.exists()

    def _eerste_product(self, verzoek) -> dict:
        from jeugdhulp.aanbieders.models import Product

        p = verzoek.producten[0] if verzoek.producten else {}
        product = Product.objects.filter(categorie=p.get("categorie"), code=p.get("code")).first()
        return {
            "product": product,
            "ingangsdatum": p.get("toewijzing_ingangsdatum") or p.get("gewenste_ingangsdatum"),
            "einddatum": p.get("toewijzing_einddatum") or p.get("einddatum"),
            "volume": p.get("volume"),
            "eenheid": p.get("eenheid", ""),
            "frequentie": p.get("frequentie", ""),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        v = self.object
        log.schrijf(self.request, Actie.BEKEKEN, v.jeugdige, onderwerp=f"ijw-verzoek {v.pk}")
        context.setdefault(
            "toewijzen_form", ToewijzenForm(initial=self._eerste_product(v), adres_nodig=self._adres_nodig(v))
        )
        context.setdefault("afwijzen_form", AfwijzenForm())
        context["open"] = v.status in (VerzoekStatus.OPEN, VerzoekStatus.IN_ONDERZOEK)
        return context

    def post(self, request, *args, **kwargs):
        self.object = v = self.get_object()
        actie = request.POST.get("actie")
        try:
            if actie == "toewijzen":
                form = ToewijzenForm(request.POST, adres_nodig=self._adres_nodig(v))
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(toewijzen_form=form))
                bericht = self._toewijzen(v, form.cleaned_data)
            elif actie == "afwijzen":
                form = AfwijzenForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(afwijzen_form=form))
                bericht = outbox.beantwoord_verzoek(v, outbox.AFGEWEZEN, form.cleaned_data["reden"])
            elif actie == "onderzoek":
                bericht = outbox.beantwoord_verzoek(v, outbox.IN_ONDERZOEK)
            else:
                raise Http404
        except (outbox.OutboxFout, ValueError) as exc:
            messages.error(request, str(exc))
            return redirect("berichten:verzoek", pk=v.pk)
        log.schrijf(request, Actie.GEWIJZIGD, v.jeugdige, onderwerp=f"ijw-verzoek {v.pk}: {actie}")
        messages.success(request, _("%(soort)s staat klaar om te versturen.") % {"soort": bericht.berichtsoort})
        return redirect("berichten:detail", pk=bericht.pk)

    @transaction.atomic
    def _toewijzen(self, v: Verzoek, data: dict) -> Bericht:
        if data.get("straatnaam"):
            Contact.objects.create(
                jeugdige=v.jeugdige,
                soort="01",
                straatnaam=data["straatnaam"],
                huisnummer=data["huisnummer"],
                postcode=data["postcode"].upper(),
                plaatsnaam=data["plaatsnaam"],
            )
        return outbox.toewijzen(v, [data])
