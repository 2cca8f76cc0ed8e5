"""CJG pages for a casus: the casus page with every step, the kort verslag (PDF), the timeline and the werkvoorraad.

Reads go to the access log; every change goes through casussen.services or the transition table.
"""

from __future__ import annotations

import datetime as dt

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from jeugdhulp.audit import log
from jeugdhulp.audit.models import Actie
from jeugdhulp.casussen import services, tijdlijn, toestemming, werkvoorraad
from jeugdhulp.casussen.forms import (
    ActieForm,
    AfsluitenForm,
    DeelnemerForm,
    GesprekForm,
    LeefgebiedForm,
    OvergangscheckForm,
    PlanForm,
    RegieForm,
    SignaalForm,
    ToekomstdoelForm,
    VerslagForm,
    WaakvlamForm,
    WoonvormForm,
)
from jeugdhulp.casussen.models import (
    Casus,
    CasusStatus,
    ToekomstLeefgebied,
    Toekomstplan,
    Waakvlamcontact,
    Werkinstructie,
)
from jeugdhulp.core.pdf import pdf_response
from jeugdhulp.overgangen.models import Gelijktijdig, OngeldigeOvergang
from jeugdhulp.overgangen.views import StapView
from jeugdhulp.permissions import policy
from jeugdhulp.permissions.views import PolicyMixin


class CasusDetail(PolicyMixin, DetailView):
    resource = policy.Resource.CASUS
    model = Casus
    template_name = "casussen/detail.html"
    context_object_name = "casus"

    def get_queryset(self):
        return super().get_queryset().select_related("jeugdige", "team", "medewerker")

    def get_context_data(self, **kwargs):
        from jeugdhulp.besluiten.forms import AanvraagForm, EvaluatieForm
        from jeugdhulp.besluiten.models import Aanvraag
        from jeugdhulp.toewijzingen.models import Toewijzing

        context = super().get_context_data(**kwargs)
        casus, user = self.object, self.request.user
        log.schrijf(self.request, Actie.BEKEKEN, casus.jeugdige, onderwerp="casus")
        leeftijd = casus.jeugdige.leeftijd()
        verslag = services.laatste_verslag(casus)
        plan = getattr(casus, "plan", None)
        aanvragen = policy.filter_queryset(user, policy.Resource.BESLUIT, Aanvraag.objects.filter(casus=casus))
        toewijzingen = Toewijzing.objects.filter(aanvragen__casus=casus).select_related("aanbieder", "product")
        vandaag = timezone.localdate()
        context.update(
            mag_wijzigen=policy.mag_object(user, policy.Resource.CASUS, casus, policy.Actie.WIJZIGEN),
            losse_stappen=[
                (s.naar, s.label) for s in casus.mogelijke_stappen(user) if StatusStap.zonder_gegevens(casus, s.naar)
            ],
            leeftijd=leeftijd,
            toestemming=toestemming.uitleg(leeftijd),
            gesprekken=casus.gesprekken.all(),
            verslag=verslag,
            versies=casus.verslagen.all(),
            plan=plan,
            aanvragen=aanvragen.select_related("beschikking").prefetch_related("producten__product"),
            toewijzingen=toewijzingen,
            evaluaties=casus.evaluaties.select_related("toewijzing__aanbieder"),
            signalen=casus.signalen.all(),
            waakvlam=casus.waakvlam.all(),
            stagneert=casus.is_open
            and casus.regievorm != "procesregie"
            and casus.laatste_voortgang <= vandaag - dt.timedelta(weeks=services.stagnatie_weken()),
            stagnatie_weken=services.stagnatie_weken(),
            instructies={w.stap: w for w in Werkinstructie.objects.all()},
            gesprek_form=GesprekForm(auto_id="gesprek_%s", initial={"datum": vandaag}),
            verslag_form=VerslagForm(
                auto_id="verslag_%s",
                instance=None,
                initial={
                    "basis_versie": verslag.versie if verslag else 0,
                    **(
                        {f: getattr(verslag, f) for f in ("vraag", "wat_gaat_goed", "afspraken", "reactie_gezin")}
                        if verslag
                        else {}
                    ),
                },
            ),
            regie_form=RegieForm(
                auto_id="regie_%s",
                initial={"versie": casus.versie, "regievorm": casus.regievorm, "regisseur": casus.regisseur},
            ),
            plan_form=PlanForm(
                auto_id="plan_%s",
                initial={
                    "versie": plan.versie if plan else 0,
                    "doelen": plan.doelen if plan else "",
                    "datum_overleg": plan.datum_overleg if plan else None,
                    "evaluatiedatum": plan.evaluatiedatum if plan else None,
                },
            ),
            leefgebied_form=LeefgebiedForm(
                auto_id="leefgebied_%s",
            ),
            deelnemer_form=DeelnemerForm(
                auto_id="deelnemer_%s",
            ),
            actie_form=ActieForm(
                auto_id="actie_%s",
            ),
            signaal_form=SignaalForm(auto_id="signaal_%s", initial={"datum": vandaag}),
            afsluiten_form=AfsluitenForm(
                auto_id="afsluiten_%s",
            ),
            waakvlam_form=WaakvlamForm(
                auto_id="waakvlam_%s",
            ),
            aanvraag_form=AanvraagForm(auto_id="aanvraag_%s", initial={"ontvangen_op": vandaag}),
            evaluatie_form=EvaluatieForm(auto_id="evaluatie_%s", toewijzingen=toewijzingen, initial={"datum": vandaag}),
            mag_besluiten=policy.mag(user, policy.Resource.BESLUIT, policy.Actie.WIJZIGEN),
            **self.toekomst_context(casus, leeftijd),
        )
        return context

    def toekomst_context(self, casus, leeftijd: int) -> dict:
        """18-/18+: shown from 15, when the toekomstplan comes into view; the dates are on the row from the start."""
        plan = Toekomstplan.objects.filter(jeugdige=casus.jeugdige).first()
        if plan is None or leeftijd < 15:
            return {"toekomstplan": None}
        doelen = {d.leefgebied: d for d in plan.doelen.all()}
        return {
            "toekomstplan": plan,
            "toekomstdoelen": [(k, label, doelen.get(k)) for k, label in ToekomstLeefgebied.choices],
            "woonvorm_form": WoonvormForm(auto_id="woonvorm_%s", initial={"woonvorm": plan.woonvorm}),
            "toekomstdoel_form": ToekomstdoelForm(auto_id="toekomst_%s"),
            "overgangscheck_form": OvergangscheckForm(
                auto_id="overgang_%s", initial={"na_18": plan.na_18, "toelichting": plan.toelichting_na_18}
            ),
        }


class CasusStap(StapView):
    resource = policy.Resource.CASUS
    model = Casus


class StatusStap(CasusStap):
    """Steps without extra data: hulp ingezet, plan bijstellen, waakvlam beëindigen, heropenen."""

    ZONDER_GEGEVENS = {CasusStatus.UITVOERING, CasusStatus.PLAN, CasusStatus.AFGESLOTEN, CasusStatus.VRAAGVERHELDERING}

    @classmethod
    def zonder_gegevens(cls, casus, naar: str) -> bool:
        """Closing an open casus needs a reason and a new plan needs vaststellen: those have their own forms."""
        if naar == CasusStatus.AFGESLOTEN:
            return casus.status == CasusStatus.WAAKVLAM
        if naar == CasusStatus.PLAN:
            return casus.status == CasusStatus.UITVOERING
        return naar in cls.ZONDER_GEGEVENS

    def uitvoeren(self, obj, data):
        naar = self.request.POST.get("naar", "")
        if not self.zonder_gegevens(obj, naar):
            raise OngeldigeOvergang(_("Deze stap kan hier niet. Sluit een casus af met een reden via ‘Afsluiten’."))
        obj.naar(naar, door=self.request.user, toelichting=self.request.POST.get("toelichting", ""))
        services.voortgang(obj)


class GesprekToevoegen(CasusStap):
    form_class = GesprekForm
    gelukt = _("Het gesprek is vastgelegd.")

    def uitvoeren(self, obj, data):
        obj.gesprekken.create(door=self.request.user, **data)
        services.voortgang(obj)


class VerslagSchrijven(CasusStap):
    form_class = VerslagForm
    gelukt = _("Er is een nieuwe versie van het kort verslag.")

    def uitvoeren(self, obj, data):
        data = dict(data)
        services.schrijf_verslag(
            obj, door=self.request.user, basis_versie=data.pop("basis_versie"), delen=data.pop("delen"), **data
        )


class RegieWijzigen(CasusStap):
    form_class = RegieForm
    gelukt = _("De regie is vastgelegd.")

    def uitvoeren(self, obj, data):
        if data["versie"] != obj.versie:
            raise Gelijktijdig(_("Iemand anders heeft deze casus net gewijzigd. Laad de pagina opnieuw."))
        obj.regievorm, obj.regisseur = data["regievorm"], data["regisseur"]
        obj.bewaar("regievorm", "regisseur")


class PlanOpslaan(CasusStap):
    form_class = PlanForm
    gelukt = _("Het plan is opgeslagen.")

    def uitvoeren(self, obj, data):
        plan = services.plan_voor(obj)
        if data["versie"] not in (0, plan.versie):
            raise Gelijktijdig(_("Iemand anders heeft dit plan net gewijzigd. Laad de pagina opnieuw."))
        plan.doelen, plan.datum_overleg, plan.evaluatiedatum = (
            data["doelen"],
            data["datum_overleg"],
            data["evaluatiedatum"],
        )
        plan.bewaar("doelen", "datum_overleg", "evaluatiedatum")
        services.voortgang(obj)


class LeefgebiedToevoegen(CasusStap):
    form_class = LeefgebiedForm
    gelukt = _("Toegevoegd aan het plan.")

    def uitvoeren(self, obj, data):
        plan = services.plan_voor(obj)
        plan.leefgebieden = [*plan.leefgebieden, data]
        plan.bewaar("leefgebieden")


class DeelnemerToevoegen(CasusStap):
    form_class = DeelnemerForm
    gelukt = _("Deelnemer toegevoegd.")

    def uitvoeren(self, obj, data):
        services.plan_voor(obj).deelnemers.create(**data)


class ActieToevoegen(CasusStap):
    form_class = ActieForm
    gelukt = _("Actie toegevoegd.")

    def uitvoeren(self, obj, data):
        services.plan_voor(obj).acties.create(**data)


class PlanVaststellen(CasusStap):
    gelukt = _("Het samenwerkingsplan is vastgesteld.")

    def uitvoeren(self, obj, data):
        services.plan_vaststellen(services.plan_voor(obj), door=self.request.user)


class SignaalToevoegen(CasusStap):
    form_class = SignaalForm
    gelukt = _("Het veiligheidssignaal is vastgelegd.")

    def uitvoeren(self, obj, data):
        services.signaal(obj, door=self.request.user, **data)


class Afsluiten(CasusStap):
    form_class = AfsluitenForm
    gelukt = _("De casus is afgesloten.")

    def uitvoeren(self, obj, data):
        waakvlam = [d for k in ("waakvlam_1", "waakvlam_2", "waakvlam_3") if (d := data.get(k))]
        services.afsluiten(
            obj, door=self.request.user, reden=data["reden"], toelichting=data["toelichting"], waakvlam=waakvlam
        )


class WaakvlamVastleggen(CasusStap):
    """The contact's pk is in the URL; its casus must be in scope."""

    model = Waakvlamcontact
    form_class = WaakvlamForm
    gelukt = _("Het waakvlamcontact is vastgelegd.")

    def get_queryset(self):
        casussen = policy.filter_queryset(self.request.user, self.resource, Casus.objects.all(), self.actie)
        return Waakvlamcontact.objects.filter(casus__in=casussen).select_related("casus__jeugdige")

    def jeugdige(self, obj):
        return obj.casus.jeugdige

    def terug(self, obj) -> str:
        return obj.casus.get_absolute_url()

    def uitvoeren(self, obj, data):
        services.waakvlam_vastleggen(obj, verslag=data["verslag"])


class ToekomstStap(CasusStap):
    """Steps on the jeugdige's toekomstplan, reached through the casus (its scope)."""

    def plan(self, casus) -> Toekomstplan:
        return services.toekomstplan_voor(casus)

    def terug(self, obj) -> str:
        return obj.get_absolute_url() + "#h-toekomst"


class WoonvormVastleggen(ToekomstStap):
    form_class = WoonvormForm
    gelukt = _("De woonvorm is vastgelegd. De data zijn opnieuw berekend.")
    onderwerp = "toekomstplan"

    def uitvoeren(self, obj, data):
        services.woonvorm_vastleggen(self.plan(obj), **data)


class ToekomstdoelVastleggen(ToekomstStap):
    form_class = ToekomstdoelForm
    gelukt = _("Het leefgebied is vastgelegd in het toekomstplan.")
    onderwerp = "toekomstplan"

    def uitvoeren(self, obj, data):
        services.toekomstdoel_vastleggen(self.plan(obj), **data)


class ToekomstplanVaststellen(ToekomstStap):
    gelukt = _("Het toekomstplan is vastgesteld met de jongere.")
    onderwerp = "toekomstplan"

    def uitvoeren(self, obj, data):
        services.toekomstplan_vaststellen(self.plan(obj), door=self.request.user)


class ToekomstplanBijstellen(ToekomstStap):
    gelukt = _("Het toekomstplan kan weer worden bijgewerkt.")
    onderwerp = "toekomstplan"

    def uitvoeren(self, obj, data):
        self.plan(obj).naar(Toekomstplan.Status.CONCEPT, door=self.request.user)


class OvergangscheckVastleggen(ToekomstStap):
    form_class = OvergangscheckForm
    gelukt = _("De overgangscheck is vastgelegd.")
    onderwerp = "toekomstplan"

    def uitvoeren(self, obj, data):
        services.overgangscheck(self.plan(obj), door=self.request.user, **data)


class Richting18(PolicyMixin, TemplateView):
    """For the team: youths approaching each 18-/18+ trigger, from the dates stored on the toekomstplan rows."""

    resource = policy.Resource.CASUS
    template_name = "casussen/richting18.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            maanden = min(max(int(self.request.GET.get("maanden", werkvoorraad.HORIZON_MAANDEN)), 1), 24)
        except ValueError:
            maanden = werkvoorraad.HORIZON_MAANDEN
        triggers = werkvoorraad.richting_18(self.request.user, maanden=maanden)
        jeugdigen = {r.plan.jeugdige_id: r.plan.jeugdige for t in triggers for r in t.rijen}
        if jeugdigen:
            log.schrijf_lijst(self.request, jeugdigen.values(), onderwerp="lijst 18-/18+")
        context.update(triggers=triggers, maanden=maanden, vandaag=timezone.localdate())
        return context


class VerslagPdf(PolicyMixin, DetailView):
    """The kort verslag as PDF, also when no aanvraag follows (it matters in bezwaar)."""

    resource = policy.Resource.CASUS
    model = Casus

    def get(self, request, pk, versie):
        casus = get_object_or_404(self.get_queryset().select_related("jeugdige", "team"), pk=pk)
        verslag = casus.verslagen.filter(versie=versie).first()
        if verslag is None:
            raise Http404
        log.schrijf(request, Actie.GEEXPORTEERD, casus.jeugdige, onderwerp="kort verslag pdf")
        return pdf_response(
            request,
            "casussen/verslag_pdf.html",
            {"casus": casus, "verslag": verslag, "toestemming": toestemming.uitleg(casus.jeugdige.leeftijd())},
            f"kort-verslag-{casus.pk}-v{verslag.versie}.pdf",
        )


class Tijdlijn(PolicyMixin, DetailView):
    resource = policy.Resource.CASUS
    model = Casus
    template_name = "casussen/tijdlijn.html"
    context_object_name = "casus"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        casus = self.object
        log.schrijf(self.request, Actie.BEKEKEN, casus.jeugdige, onderwerp="tijdlijn")
        context.update(
            gebeurd=tijdlijn.gebeurd(casus), komt=tijdlijn.komt(casus), nu=tijdlijn.STATUS_ZIN.get(casus.status, "")
        )
        return context


class Werkvoorraad(PolicyMixin, TemplateView):
    resource = policy.Resource.CASUS
    template_name = "casussen/werkvoorraad.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        eigen = self.request.GET.get("team") != "1" and user.rol == "cjg_medewerker"
        rijen = werkvoorraad.rijen(user, alleen_eigen=eigen)
        jeugdigen = {r.jeugdige.pk: r.jeugdige for r in rijen if r.jeugdige is not None}
        if jeugdigen:
            log.schrijf_lijst(self.request, jeugdigen.values(), onderwerp="lijst")
        casussen = policy.filter_queryset(user, policy.Resource.CASUS, Casus.objects.all())
        context.update(
            rijen=rijen,
            eigen=eigen,
            stagnerend=services.stagnerend(casussen).select_related("jeugdige"),
            open_casussen=casussen.filter(status__in=Casus.OPEN).select_related("jeugdige", "medewerker")[:200],
            hulpvragen_url=reverse("hulpvragen:wachtrij"),
        )
        return context
