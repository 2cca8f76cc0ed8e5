"""Staff pages for iJw messages: message logs, message detail, overdue list and the verzoeken queue.

The policy (resource BERICHT) decides and narrows every queryset. Every page that shows a message about a person
writes to the access log: lists one entry per jeugdige shown, the detail page one entry for the message.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from jeugdhulp import codelijsten
from jeugdhulp.aanbieders.models import Aanbieder, Product
from jeugdhulp.audit import log
from jeugdhulp.audit.models import Actie
from jeugdhulp.berichten import outbox, termijnen, weergave
from jeugdhulp.berichten.forms import (
    VERLENGEN,
    AfwijzenForm,
    ToewijzenForm,
    kan_verlengen,
)
from jeugdhulp.berichten.models import Bericht, Richting, Status, Verzoek, VerzoekStatus
from jeugdhulp.besluiten import brief
from jeugdhulp.jeugdigen.models import Contact, Jeugdige
from jeugdhulp.permissions import policy
from jeugdhulp.permissions.views import PolicyMixin
from jeugdhulp.toewijzingen.models import Toewijzing


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


# Which way a message goes, apart from where it is (its status): "verstuurd" beside "klaar om te versturen" misleads
RICHTING_IN_WOORDEN = {
    Richting.UIT: gettext_lazy("uitgaand: van de gemeente aan de aanbieder"),
    Richting.IN: gettext_lazy("inkomend: van de aanbieder aan de gemeente"),
}


def _partijen(b: Bericht) -> tuple[str, str]:
    """Sender and receiver by name ('Gemeente Oss', 'Kompas Jeugdhulp'); the code where the name is unknown."""
    uit = b.richting == Richting.UIT
    gemeente = _("Gemeente %(naam)s") % {"naam": b.gemeente.naam} if b.gemeente_id else None
    aanbieder = b.aanbieder.naam if b.aanbieder_id else None
    van = (gemeente if uit else aanbieder) or b.afzender or "?"
    aan = (aanbieder if uit else gemeente) or b.ontvanger or "?"
    return van, aan


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
        # the header (codes, versions, identification) is technical: it goes with the hash and the XML
        context["kop"], context["velden"] = weergave.kop_en_inhoud(weergave.velden(data))
        context["van"], context["aan"] = _partijen(b)
        context["richting"] = RICHTING_IN_WOORDEN[b.richting]
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
            gemeente_antwoord=_met_retour_stand(list(open_.filter(richting=Richting.IN)[:200])),
            aanbieder_retour=open_.filter(richting=Richting.UIT)[:200],
            te_laat_gemeld=termijnen.te_laat_gemeld(berichten)[:200],
        )
        rijen = [*context["verzoeken"], *context["gemeente_antwoord"], *context["aanbieder_retour"]]
        _log_lijst(self.request, [*rijen, *context["te_laat_gemeld"]])
        return context


RETOUR_STAND = {
    Status.KLAAR: gettext_lazy("gemaakt, nog niet verstuurd"),
    Status.MISLUKT: gettext_lazy("versturen mislukt"),
}


def _met_retour_stand(rijen: list[Bericht]) -> list[Bericht]:
    """Each received message on the overdue list with where our answer is: not made, waiting, or failed. (A sent
    answer closes the deadline, so a row here never has one.)"""
    standen = dict(
        Bericht.objects.filter(heenbericht__in=rijen, richting=Richting.UIT).values_list("heenbericht_id", "status")
    )
    for b in rijen:
        stand = standen.get(b.pk)
        b.retour_stand = RETOUR_STAND.get(stand) or (Status(stand).label if stand else _("nog niet gemaakt"))
    return rijen


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


GEDAAN = {
    "toewijzen": gettext_lazy(
        "Toegewezen: %(naam)s bij %(aanbieder)s. %(aanbieder)s krijgt het toewijzingsbericht bij de volgende "
        "verzending."
    ),
    "afwijzen": gettext_lazy("Afgewezen: het verzoek voor %(naam)s. %(aanbieder)s krijgt bericht met de reden."),
    "onderzoek": gettext_lazy(
        "In onderzoek: het verzoek voor %(naam)s. %(aanbieder)s krijgt bericht; u heeft 8 weken voor het antwoord."
    ),
}


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
        p = verzoek.producten[0] if verzoek.producten else {}
        van, tot = _periode(p)
        return {
            "product": _product(verzoek, p),
            "ingangsdatum": van,
            "einddatum": tot,
            "volume": p.get("volume"),
            "eenheid": p.get("eenheid", ""),
            "frequentie": p.get("frequentie", ""),
        }

    def _form(self, v, data=None) -> ToewijzenForm:
        initial = self._eerste_product(v)
        form = ToewijzenForm(data, initial=initial, adres_nodig=self._adres_nodig(v), verzoek=v)
        if form.botsing is not None and kan_verlengen(form.botsing, initial):
            form.initial["keuze"] = VERLENGEN  # the valid choice when only the einddatum moves (OP380)
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        v = self.object
        log.schrijf(self.request, Actie.BEKEKEN, v.jeugdige, onderwerp=f"ijw-verzoek {v.pk}")
        context.setdefault("toewijzen_form", self._form(v))
        context.setdefault("afwijzen_form", AfwijzenForm())
        context["open"] = v.status in (VerzoekStatus.OPEN, VerzoekStatus.IN_ONDERZOEK)
        context["gevraagd"] = [_gevraagd_in_woorden(v, p) for p in v.producten]
        context["verwijzer_soort"] = codelijsten.TYPE_VERWIJZER.codes.get(v.verwijzer_type, v.verwijzer_type)
        context["reden_verzoek"] = codelijsten.REDEN_VERZOEK.codes.get(v.reden_verzoek, "")
        botsing = context["toewijzen_form"].botsing
        context["lopend"] = [
            {
                "t": t,
                "wat": brief.product_in_woorden(t.product, t.volume, t.eenheid, t.frequentie),
                "periode": brief.periode_in_woorden(t.ingangsdatum, t.einddatum),
                "botst": botsing is not None and t.pk == botsing.pk,
            }
            for t in Toewijzing.objects.filter(jeugdige=v.jeugdige)
            .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=timezone.localdate()))
            .exclude(reden_wijziging="13")
            .select_related("product", "aanbieder")
            .order_by("ingangsdatum", "pk")
        ]
        return context

    def post(self, request, *args, **kwargs):
        self.object = v = self.get_object()
        actie = request.POST.get("actie")
        try:
            if actie == "toewijzen":
                form = self._form(v, request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(toewijzen_form=form))
                self._toewijzen(v, form.cleaned_data, form.botsing)
            elif actie == "afwijzen":
                form = AfwijzenForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(afwijzen_form=form))
                outbox.beantwoord_verzoek(v, outbox.AFGEWEZEN, form.cleaned_data["reden"])
            elif actie == "onderzoek":
                outbox.beantwoord_verzoek(v, outbox.IN_ONDERZOEK)
            else:
                raise Http404
        except (outbox.OutboxFout, ValueError) as exc:
            messages.error(request, str(exc))
            return redirect("berichten:verzoek", pk=v.pk)
        log.schrijf(request, Actie.GEWIJZIGD, v.jeugdige, onderwerp=f"ijw-verzoek {v.pk}: {actie}")
        messages.success(request, GEDAAN[actie] % {"naam": v.jeugdige.volledige_naam, "aanbieder": v.aanbieder.naam})
        return redirect("berichten:verzoeken")  # back to the queue; the message itself is on the jeugdige's page

    @transaction.atomic
    def _toewijzen(self, v: Verzoek, data: dict, lopend: Toewijzing | None) -> Bericht:
        if data.get("straatnaam"):
            Contact.objects.create(
                jeugdige=v.jeugdige,
                soort="01",
                straatnaam=data["straatnaam"],
                huisnummer=data["huisnummer"],
                postcode=data["postcode"].upper(),
                plaatsnaam=data["plaatsnaam"],
            )
        if lopend is None:
            return outbox.toewijzen(v, [data])
        nu = timezone.localtime()
        lopend.toewijzingsdatum, lopend.toewijzingstijd = nu.date(), nu.time().replace(microsecond=0)
        if data["keuze"] == VERLENGEN:  # OP380: the same toewijzing, a later einddatum (JZ002 04)
            lopend.einddatum, lopend.reden_wijziging = data["einddatum"], "04"
            lopend.save(update_fields=["einddatum", "reden_wijziging", "toewijzingsdatum", "toewijzingstijd"])
            v.toewijzingen.add(lopend)
            bericht = outbox.maak_jw301(v.gemeente, v.jeugdige, v.aanbieder, vandaag=nu.date())
            v.naar(VerzoekStatus.TOEGEWEZEN, beantwoord=v.beantwoord or timezone.now())
            return bericht
        # Wijzigen (IV066/OP257): the running one ends the day before, a new toewijzing starts as asked (JZ002 05).
        lopend.einddatum, lopend.reden_wijziging = data["ingangsdatum"] - dt.timedelta(days=1), "05"
        lopend.save(update_fields=["einddatum", "reden_wijziging", "toewijzingsdatum", "toewijzingstijd"])
        return outbox.toewijzen(v, [data])


def _product(v: Verzoek, p: dict) -> Product | None:
    """The asked product; for a VOW's changed or unchanged product, the product of the toewijzing it names."""
    if p.get("categorie"):
        return Product.objects.filter(categorie=p["categorie"], code=p.get("code")).first()
    if p.get("toewijzing_nummer"):
        t = Toewijzing.objects.filter(gemeente=v.gemeente, toewijzingnummer=p["toewijzing_nummer"]).first()
        return t.product if t is not None else None
    return None


def _periode(p: dict) -> tuple[dt.date | None, dt.date | None]:
    datum = lambda k: dt.date.fromisoformat(p[k]) if p.get(k) else None  # noqa: E731
    return (
        datum("toewijzing_ingangsdatum") or datum("gewenste_ingangsdatum"),
        datum("toewijzing_einddatum") or datum("einddatum"),
    )


VOW_SOORT = {
    "ongewijzigd": gettext_lazy("Blijft zo"),
    "te_wijzigen": gettext_lazy("Wijzigen"),
    "nieuw": gettext_lazy("Nieuw"),
}


def _gevraagd_in_woorden(v: Verzoek, p: dict) -> dict:
    """One asked product of a VOT or VOW in words: what, how much, when (the codes only as a reference). A VOW's
    unchanged or changed product names its toewijzing, whose product it is."""
    product = _product(v, p)
    van, tot = _periode(p)
    omvang = brief.omvang_in_woorden(p.get("volume"), p.get("eenheid", ""), p.get("frequentie", ""))
    if product is not None:
        wat = brief.product_in_woorden(product, p.get("volume"), p.get("eenheid", ""), p.get("frequentie", ""))
    else:
        categorie = codelijsten.PRODUCTCATEGORIE.codes.get(p.get("categorie", ""), p.get("categorie", ""))
        wat = ", ".join(filter(None, [categorie, omvang]))
    if p.get("soort") in VOW_SOORT:
        nummer = _("toewijzing %(n)s") % {"n": p["toewijzing_nummer"]} if p.get("toewijzing_nummer") else ""
        wat = ": ".join(filter(None, [str(VOW_SOORT[p["soort"]]), ", ".join(filter(None, [nummer, wat]))]))
    return {
        "wat": wat,
        "periode": brief.periode_in_woorden(van, tot),
        "code": p.get("code") or (product.code if product else p.get("categorie", "")),
        "onbekend": product is None,
    }
