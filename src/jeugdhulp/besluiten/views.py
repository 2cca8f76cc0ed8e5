"""Backoffice pages (jeugdconsulent): aanvragen with their Awb clock, beschikking (PDF), pgb, toewijzing, bezwaar.

The CJG files the aanvraag and the evaluation from the casus page (resource CASUS, action wijzigen).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from jeugdhulp.audit import log
from jeugdhulp.audit.models import Actie
from jeugdhulp.besluiten import brief, services
from jeugdhulp.besluiten.forms import (
    AanvraagForm,
    BeschikkenForm,
    BezwaarBeslissenForm,
    BezwaarForm,
    BezwaarVerdagenForm,
    EvaluatieForm,
    HervattenForm,
    OpschortenForm,
    PgbForm,
    ToewijzenForm,
    VerdagenForm,
)
from jeugdhulp.besluiten.models import Aanvraag, AanvraagStatus, Bezwaar, Vorm
from jeugdhulp.casussen.models import Casus, Werkinstructie
from jeugdhulp.core.pdf import pdf_response
from jeugdhulp.overgangen.views import StapView
from jeugdhulp.permissions import policy
from jeugdhulp.permissions.views import PolicyMixin
from jeugdhulp.toewijzingen.models import Toewijzing


# ---- from the casus page (CJG)
class AanvraagIndienen(StapView):
    resource = policy.Resource.CASUS
    model = Casus
    form_class = AanvraagForm
    gelukt = _("De aanvraag is ingediend bij de backoffice. De beslistermijn loopt.")
    onderwerp = "aanvraag"

    def uitvoeren(self, obj, data):
        form = AanvraagForm(self.request.POST)
        form.is_valid()
        return services.aanvraag_indienen(
            obj,
            door=self.request.user,
            vorm=data["vorm"],
            ontvangen_op=data["ontvangen_op"],
            producten=form.producten(),
            toelichting=data["toelichting"],
        )


class EvaluatieToevoegen(StapView):
    resource = policy.Resource.CASUS
    model = Casus
    form_class = EvaluatieForm
    gelukt = _("De evaluatie is vastgelegd.")
    onderwerp = "evaluatie"

    def form_kwargs(self, obj) -> dict:
        return {"toewijzingen": Toewijzing.objects.filter(aanvragen__casus=obj)}

    def uitvoeren(self, obj, data):
        data = dict(data)
        return services.evalueren(data.pop("toewijzing"), obj, door=self.request.user, **data)


# ---- backoffice
def _verzoeken(user, casus):
    """The referral's VOT(s) behind this casus, for who may answer them (JW301 via toewijzen, or JW319)."""
    from jeugdhulp.berichten.models import Verzoek

    return policy.filter_queryset(
        user, policy.Resource.BERICHT, Verzoek.objects.filter(hulpvraag__casus=casus), policy.Actie.WIJZIGEN
    ).select_related("aanbieder")


class AanvraagLijst(PolicyMixin, ListView):
    resource = policy.Resource.BESLUIT
    model = Aanvraag
    template_name = "besluiten/lijst.html"
    paginate_by = 50

    def get_queryset(self):
        qs = super().get_queryset().select_related("jeugdige", "casus__team")
        if self.request.GET.get("alles") != "1":
            qs = qs.filter(status__in=Aanvraag.OPEN)
        return qs.order_by("beslis_uiterlijk", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        log.schrijf_lijst(self.request, {a.jeugdige_id: a.jeugdige for a in context["object_list"]}.values(), "lijst")
        context["vandaag"] = timezone.localdate()
        return context


class AanvraagDetail(PolicyMixin, DetailView):
    resource = policy.Resource.BESLUIT
    model = Aanvraag
    template_name = "besluiten/aanvraag.html"
    context_object_name = "aanvraag"

    def get_context_data(self, fout=None, **kwargs):
        """``fout``: (context name, bound form) of a step that was refused; it replaces the empty form, so its
        errors stand next to their fields with everything typed kept, and the page opens on it."""
        context = super().get_context_data(**kwargs)
        a, user = self.object, self.request.user
        log.schrijf(self.request, Actie.BEKEKEN, a.jeugdige, onderwerp="aanvraag")
        vandaag = timezone.localdate()
        beschikking = getattr(a, "beschikking", None)
        context.update(
            mag_wijzigen=policy.mag_object(user, policy.Resource.BESLUIT, a, policy.Actie.WIJZIGEN),
            stappen={s.naar for s in a.mogelijke_stappen(user)},
            regels=brief.regels(a.producten.select_related("product", "aanbieder")),
            pgb=getattr(a, "pgb", None),
            pgb_berekening=brief.pgb_berekening(getattr(a, "pgb", None), a.producten.first()),
            beschikking=beschikking,
            bezwaren=beschikking.bezwaren.all() if beschikking else [],
            toewijzingen=a.toewijzingen.select_related("aanbieder", "product"),
            overgangen=a.overgangen,
            instructies={w.stap: w for w in Werkinstructie.objects.all()},
            opschorten_form=OpschortenForm(auto_id="opschorten_%s", initial={"dag": vandaag}),
            hervatten_form=HervattenForm(auto_id="hervatten_%s", initial={"dag": vandaag}),
            verdagen_form=VerdagenForm(auto_id="verdagen_%s"),
            beschikken_form=BeschikkenForm(auto_id="beschikken_%s", initial={"datum": vandaag}),
            toewijzen_form=ToewijzenForm(auto_id="toewijzen_%s"),
            pgb_form=PgbForm(auto_id="pgb_%s", instance=getattr(a, "pgb", None)),
            bezwaar_form=BezwaarForm(auto_id="bezwaar_%s", initial={"ontvangen_op": vandaag}),
            is_pgb=a.vorm == Vorm.PGB,
            verzoeken=_verzoeken(user, a.casus),
            kan_toewijzen=a.vorm == Vorm.ZIN and a.status == AanvraagStatus.TOEGEKEND and not a.toewijzingen.exists(),
            fout_in="",
        )
        if fout:
            context[fout[0]] = fout[1]
            context.update(fout_in=fout[0], fout_form=fout[1])
        return context


class AanvraagStap(StapView):
    """A step on the aanvraag page. With a form, its errors come back on that page next to their fields."""

    resource = policy.Resource.BESLUIT
    model = Aanvraag
    toon_bij_formulier = True
    context_naam = ""  # the form's name in AanvraagDetail's context; its auto_id prefix is the part before "_form"

    def form_kwargs(self, obj) -> dict:
        return {"auto_id": self.context_naam.removesuffix("_form") + "_%s"}

    def ongeldig(self, obj, form):
        view = AanvraagDetail(request=self.request, kwargs={"pk": obj.pk}, object=obj)
        context = view.get_context_data(fout=(self.context_naam, form))
        return render(self.request, AanvraagDetail.template_name, context, status=400)


class Opschorten(AanvraagStap):
    context_naam = "opschorten_form"
    form_class = OpschortenForm
    gelukt = _("De aanvraag is opgeschort. De beslistermijn staat stil.")

    def uitvoeren(self, obj, data):
        services.opschorten(obj, door=self.request.user, **data)


class Hervatten(AanvraagStap):
    context_naam = "hervatten_form"
    form_class = HervattenForm
    gelukt = _("De informatie is binnen. De beslistermijn loopt weer.")

    def uitvoeren(self, obj, data):
        services.hervatten(obj, door=self.request.user, **data)


class Verdagen(AanvraagStap):
    context_naam = "verdagen_form"
    form_class = VerdagenForm
    gelukt = _("De verdaging is vastgelegd. Laat het gezin dit schriftelijk weten.")

    def uitvoeren(self, obj, data):
        services.verdagen(obj, door=self.request.user, **data)


class PgbBeoordelen(AanvraagStap):
    context_naam = "pgb_form"
    form_class = PgbForm
    gelukt = _("De pgb-beoordeling is opgeslagen en het budget berekend.")

    def uitvoeren(self, obj, data):
        services.pgb_beoordelen(obj, **data)


class Beschikken(AanvraagStap):
    context_naam = "beschikken_form"
    form_class = BeschikkenForm
    gelukt = _("De beschikking is gemaakt.")

    def uitvoeren(self, obj, data):
        return services.beschikken(obj, door=self.request.user, **data)


class Toewijzen(AanvraagStap):
    context_naam = "toewijzen_form"
    form_class = ToewijzenForm
    gelukt = _("Toegewezen. Het toewijzingsbericht (JW301) staat klaar in de outbox.")

    def uitvoeren(self, obj, data):
        from jeugdhulp.berichten.outbox import OutboxFout

        try:
            return services.toewijzen(obj, door=self.request.user, **data)
        except OutboxFout as exc:  # the JW301 would be refused: say why, change nothing (no HTTP 500)
            raise ValidationError(str(exc)) from exc


class BezwaarRegistreren(AanvraagStap):
    context_naam = "bezwaar_form"
    form_class = BezwaarForm
    gelukt = _("Het bezwaar is geregistreerd. De beslistermijn loopt.")

    def uitvoeren(self, obj, data):
        beschikking = getattr(obj, "beschikking", None)
        if beschikking is None:
            raise ValidationError(_("Bezwaar kan alleen tegen een beschikking."))
        return services.bezwaar_registreren(beschikking, **data)

    def na(self, obj, resultaat) -> str:
        return resultaat.get_absolute_url()


class BeschikkingPdf(PolicyMixin, DetailView):
    resource = policy.Resource.BESLUIT
    model = Aanvraag

    def get(self, request, pk):
        aanvraag = get_object_or_404(self.get_queryset().select_related("jeugdige", "gemeente"), pk=pk)
        beschikking = getattr(aanvraag, "beschikking", None)
        if beschikking is None:
            from django.http import Http404

            raise Http404
        log.schrijf(request, Actie.GEEXPORTEERD, aanvraag.jeugdige, onderwerp="beschikking pdf")
        return pdf_response(
            request,
            "besluiten/beschikking_pdf.html",
            brief.brief_context(beschikking),
            f"beschikking-{beschikking.beschikkingnummer}.pdf",
        )


def _bezwaren(user):
    zichtbaar = policy.filter_queryset(user, policy.Resource.BESLUIT, Aanvraag.objects.all())
    return Bezwaar.objects.filter(beschikking__aanvraag__in=zichtbaar).select_related("beschikking__aanvraag__jeugdige")


class BezwaarDetail(PolicyMixin, DetailView):
    resource = policy.Resource.BESLUIT
    actie = policy.Actie.WIJZIGEN
    model = Bezwaar
    template_name = "besluiten/bezwaar.html"
    context_object_name = "bezwaar"

    def get_queryset(self):
        return _bezwaren(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        b = self.object
        log.schrijf(self.request, Actie.BEKEKEN, b.jeugdige, onderwerp="bezwaar")
        context.update(
            stappen={s.naar for s in b.mogelijke_stappen(self.request.user)},
            verdagen_form=BezwaarVerdagenForm(
                auto_id="verdagen_%s",
            ),
            beslissen_form=BezwaarBeslissenForm(auto_id="beslissen_%s", initial={"dag": timezone.localdate()}),
            overgangen=b.overgangen,
            aanvraag_url=reverse("besluiten:aanvraag", args=[b.beschikking.aanvraag_id]),
        )
        return context


class BezwaarStap(StapView):
    resource = policy.Resource.BESLUIT
    model = Bezwaar

    def get_queryset(self):
        return _bezwaren(self.request.user)


class BezwaarVerdagen(BezwaarStap):
    form_class = BezwaarVerdagenForm
    gelukt = _("De beslissing op bezwaar is verdaagd (ten hoogste 6 weken).")

    def uitvoeren(self, obj, data):
        services.bezwaar_verdagen(obj, door=self.request.user, **data)


class BezwaarBeslissen(BezwaarStap):
    form_class = BezwaarBeslissenForm
    gelukt = _("De beslissing op bezwaar is vastgelegd.")

    def uitvoeren(self, obj, data):
        services.bezwaar_beslissen(obj, door=self.request.user, **data)
