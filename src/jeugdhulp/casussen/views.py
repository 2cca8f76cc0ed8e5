"""CJG pages for a casus: the casus page with every step, the kort verslag (PDF), the timeline and the werkvoorraad.

Reads go to the access log; every change goes through casussen.services or the transition table.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from jeugdhulp.audit import log
from jeugdhulp.audit.models import Actie
from jeugdhulp.casussen import services, stand, tijdlijn, toestemming, werkvoorraad
from jeugdhulp.casussen.forms import (
    ActieForm,
    AfsluitenForm,
    DeelnemerForm,
    GesprekForm,
    JeugdigeAanvullenForm,
    OvergangscheckForm,
    PlanForm,
    RegieForm,
    SignaalForm,
    ToekomstdoelForm,
    VerslagForm,
    WaakvlamForm,
    WoonvormForm,
)
from jeugdhulp.casussen.models import Actie as CasusActie
from jeugdhulp.casussen.models import (
    Casus,
    CasusStatus,
    Leefgebied,
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

EVALUATIE_NA = dt.timedelta(weeks=10)


def deelnemers_tekst(casus, user) -> str:
    """Who was at the conversation, prefilled: the family as known and the worker (edit if someone was absent)."""
    namen = [casus.jeugdige.volledige_naam]
    for r in casus.jeugdige.relaties.all()[:3]:
        namen.append(f"{r.volledige_naam} ({stand._soort_label(r)})")
    namen.append(f"{user.get_full_name() or user.get_username()} (CJG)")
    return ", ".join(namen)


def _keuze(personen, naam: str) -> str:
    return next((waarde for _g, opties in personen for waarde, _l in opties if waarde.partition("|")[2] == naam), "")


class CasusDetail(PolicyMixin, DetailView):
    """The casus page: where it stands, the next step and by when, who is involved; then the details.

    A step whose form has errors is shown here again (``vorm``), with each error next to its field.
    """

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

        fout = kwargs.pop("fout", None)  # (context name, bound form) of a step that could not be done
        context = super().get_context_data(**kwargs)
        casus, user = self.object, self.request.user
        log.schrijf(self.request, Actie.BEKEKEN, casus.jeugdige, f"casus {casus.pk}: jeugdige, relaties, netwerk")
        leeftijd = casus.jeugdige.leeftijd()
        verslag = services.laatste_verslag(casus)
        plan = getattr(casus, "plan", None)
        aanvragen = policy.filter_queryset(user, policy.Resource.BESLUIT, Aanvraag.objects.filter(casus=casus))
        toewijzingen = Toewijzing.objects.filter(aanvragen__casus=casus).select_related("aanbieder", "product")
        vandaag = timezone.localdate()
        personen = stand.personen_keuzes(casus)
        hulpvragen = list(casus.hulpvragen.select_related("wijk", "verzoek").order_by("ontvangen_op"))
        eerste = hulpvragen[0] if hulpvragen else None
        open_acties = services.open_acties(casus)
        volgende = stand.volgende_stap(casus, vandaag)
        context.update(
            mag_wijzigen=policy.mag_object(user, policy.Resource.CASUS, casus, policy.Actie.WIJZIGEN),
            losse_stappen=[
                (s.naar, s.label) for s in casus.mogelijke_stappen(user) if StatusStap.zonder_gegevens(casus, s.naar)
            ],
            leeftijd=leeftijd,
            toestemming=toestemming.uitleg(leeftijd),
            fasen=stand.fasen(casus),
            volgende=volgende,
            komt=stand.wat_komt(casus, volgende),
            betrokkenen=stand.betrokkenen(casus),
            hulpvragen=hulpvragen,
            gesprekken=casus.gesprekken.all(),
            verslag=verslag,
            versies=casus.verslagen.all(),
            plan=plan,
            plan_deelnemers=stand.deelnemers_tekst(plan) if plan else [],
            leefgebieden=[
                {
                    **rij,
                    "label": Leefgebied(rij["leefgebied"]).label
                    if rij.get("leefgebied") in Leefgebied.values
                    else rij.get("leefgebied", ""),
                }
                for rij in (plan.leefgebieden if plan else [])
            ],  # fmt: skip
            open_acties=open_acties,
            acties=actie_formulieren(casus, open_acties, fout),
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
            gesprek_form=GesprekForm(
                auto_id="gesprek_%s", initial={"datum": vandaag, "deelnemers": deelnemers_tekst(casus, user)}
            ),
            verslag_form=VerslagForm(
                auto_id="verslag_%s",
                instance=None,
                initial={
                    "basis_versie": verslag.versie if verslag else 0,
                    **(
                        {f: getattr(verslag, f) for f in ("vraag", "wat_gaat_goed", "afspraken", "reactie_gezin")}
                        if verslag
                        else {"vraag": "\n\n".join(h.vraag for h in hulpvragen)}
                    ),
                },
            ),
            regie_form=RegieForm(
                auto_id="regie_%s",
                personen=personen,
                initial={
                    "versie": casus.versie,
                    "regievorm": casus.regievorm,
                    "regisseur": _keuze(personen, casus.regisseur),
                },
            ),
            plan_form=PlanForm(
                auto_id="plan_%s",
                initial={
                    "versie": plan.versie if plan else 0,
                    "doelen": plan.doelen if plan else "",
                    "datum_overleg": plan.datum_overleg if plan and plan.datum_overleg else vandaag,
                    "evaluatiedatum": plan.evaluatiedatum if plan and plan.evaluatiedatum else vandaag + EVALUATIE_NA,
                },
            ),
            deelnemer_form=DeelnemerForm(auto_id="deelnemer_%s"),
            jeugdige_form=JeugdigeAanvullenForm(auto_id="jeugdige_%s"),
            actie_form=ActieForm(
                auto_id="actie_%s", personen=personen, initial={"deadline": vandaag + dt.timedelta(weeks=4)}
            ),
            signaal_form=SignaalForm(auto_id="signaal_%s", initial={"datum": vandaag}),
            afsluiten_form=AfsluitenForm(
                auto_id="afsluiten_%s",
                open_acties=open_acties.count(),
                initial={
                    "waakvlam_1": vandaag + dt.timedelta(weeks=13),
                    "waakvlam_2": vandaag + dt.timedelta(weeks=52),
                },
            ),
            waakvlam_form=WaakvlamForm(auto_id="waakvlam_%s"),
            aanvraag_form=AanvraagForm(
                auto_id="aanvraag_%s",
                initial={
                    "ontvangen_op": vandaag,
                    "ingangsdatum": vandaag,
                    "einddatum": vandaag + dt.timedelta(days=182),
                },
            ),
            evaluatie_form=EvaluatieForm(
                auto_id="evaluatie_%s",
                toewijzingen=toewijzingen,
                initial={"datum": vandaag, **({"toewijzing": toewijzingen[0].pk} if len(toewijzingen) == 1 else {})},
            ),
            mag_besluiten=policy.mag(user, policy.Resource.BESLUIT, policy.Actie.WIJZIGEN),
            contact_hulpvraag=eerste,
            fout_in=fout[0] if fout else "",
            **self.toekomst_context(casus, leeftijd),
        )
        if fout:
            context[fout[0]] = fout[1]
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
    """A step on the casus page. With a form, its errors come back on the casus page next to their fields."""

    resource = policy.Resource.CASUS
    model = Casus
    toon_bij_formulier = True
    context_naam = ""  # the form's name in CasusDetail's context

    def casus(self, obj) -> Casus:
        return obj

    def form_kwargs(self, obj) -> dict:
        return {"auto_id": self.context_naam.removesuffix("_form") + "_%s", **self.extra_form_kwargs(self.casus(obj))}

    def extra_form_kwargs(self, casus) -> dict:
        return {}

    def ongeldig(self, obj, form):
        casus = self.casus(obj)
        view = CasusDetail(request=self.request, kwargs={"pk": casus.pk}, object=casus)
        context = view.get_context_data(fout=(self.context_naam, form))
        return render(self.request, CasusDetail.template_name, context, status=400)


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


class JeugdigeAanvullen(CasusStap):
    form_class = JeugdigeAanvullenForm
    context_naam = "jeugdige_form"
    gelukt = _("De gegevens van de jeugdige zijn aangevuld.")
    onderwerp = "jeugdige aangevuld"

    def uitvoeren(self, obj, data):
        services.jeugdige_aanvullen(obj, bsn=data["bsn"], geboortedatum=data["geboortedatum"])


class GesprekToevoegen(CasusStap):
    form_class = GesprekForm
    context_naam = "gesprek_form"
    gelukt = _("Het gesprek is vastgelegd.")

    def uitvoeren(self, obj, data):
        obj.gesprekken.create(door=self.request.user, **data)
        services.voortgang(obj)


class VerslagSchrijven(CasusStap):
    form_class = VerslagForm
    context_naam = "verslag_form"
    gelukt = _("Er is een nieuwe versie van het kort verslag.")

    def uitvoeren(self, obj, data):
        data = dict(data)
        services.schrijf_verslag(
            obj,
            door=self.request.user,
            basis_versie=data.pop("basis_versie"),
            delen=self.request.POST.get("verder") == "delen",
            **data,
        )


class RegieWijzigen(CasusStap):
    form_class = RegieForm
    context_naam = "regie_form"
    gelukt = _("De regie is vastgelegd.")

    def extra_form_kwargs(self, casus) -> dict:
        return {"personen": stand.personen_keuzes(casus)}

    def uitvoeren(self, obj, data):
        if data["versie"] != obj.versie:
            raise Gelijktijdig(_("Iemand anders heeft deze casus net gewijzigd. Laad de pagina opnieuw."))
        if data["regievorm"] != "zelfregie" and not data["regisseur"][1]:
            raise ValidationError({"regisseur": _("Kies wie de regie heeft.")})
        obj.regievorm, obj.regisseur = data["regievorm"], data["regisseur"][1]
        obj.bewaar("regievorm", "regisseur")


class PlanOpslaan(CasusStap):
    form_class = PlanForm
    context_naam = "plan_form"
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
        rij = {k: data[k] for k in ("leefgebied", "wil", "kan", "nodig")} if data.get("leefgebied") else None
        if rij:
            plan.leefgebieden = [*plan.leefgebieden, rij]
        plan.bewaar("doelen", "datum_overleg", "evaluatiedatum", "leefgebieden")
        services.voortgang(obj)


class DeelnemerToevoegen(CasusStap):
    form_class = DeelnemerForm
    context_naam = "deelnemer_form"
    gelukt = _("Deelnemer toegevoegd.")

    def uitvoeren(self, obj, data):
        services.plan_voor(obj).deelnemers.create(**data)


class ActieToevoegen(CasusStap):
    form_class = ActieForm
    context_naam = "actie_form"
    gelukt = _("Actie toegevoegd.")

    def extra_form_kwargs(self, casus) -> dict:
        return {"personen": stand.personen_keuzes(casus)}

    def uitvoeren(self, obj, data):
        soort, naam = data["eigenaar"]
        services.plan_voor(obj).acties.create(
            omschrijving=data["omschrijving"],
            eigenaar_soort=CasusActie.Eigenaar.NETWERK if soort == "netwerk" else CasusActie.Eigenaar.PROFESSIONAL,
            eigenaar=naam,
            deadline=data["deadline"],
        )


class ActieStap(CasusStap):
    """A step on one action of the plan; its casus must be in the user's scope."""

    model = CasusActie

    def get_queryset(self):
        casussen = policy.filter_queryset(self.request.user, self.resource, Casus.objects.all(), self.actie)
        return CasusActie.objects.filter(plan__casus__in=casussen).select_related("plan__casus__jeugdige")

    def casus(self, obj) -> Casus:
        return obj.plan.casus

    def jeugdige(self, obj):
        return obj.plan.casus.jeugdige

    def terug(self, obj) -> str:
        return obj.plan.casus.get_absolute_url() + "#h-acties"


class ActieGedaan(ActieStap):
    """An action is done (also after closure: an action left open keeps its place until then)."""

    gelukt = _("De actie is gedaan.")

    def uitvoeren(self, obj, data):
        obj.gedaan_op = timezone.localdate()
        obj.save(update_fields=["gedaan_op"])
        services.voortgang(obj.plan.casus)


class ActieWijzigen(ActieStap):
    """Change what, who or when of an open action; its errors come back at that action's own form."""

    form_class = ActieForm
    gelukt = _("De actie is gewijzigd.")

    def get_queryset(self):
        return super().get_queryset().filter(gedaan_op__isnull=True)

    def form_kwargs(self, obj) -> dict:
        return actie_form_kwargs(obj)

    def ongeldig(self, obj, form):
        casus = self.casus(obj)
        view = CasusDetail(request=self.request, kwargs={"pk": casus.pk}, object=casus)
        context = view.get_context_data(fout=(f"actie{obj.pk}_form", form))
        return render(self.request, CasusDetail.template_name, context, status=400)

    def uitvoeren(self, obj, data):
        soort, naam = data["eigenaar"]
        obj.omschrijving, obj.eigenaar, obj.deadline = data["omschrijving"], naam, data["deadline"]
        obj.eigenaar_soort = CasusActie.Eigenaar.NETWERK if soort == "netwerk" else CasusActie.Eigenaar.PROFESSIONAL
        obj.full_clean()
        obj.save(update_fields=["omschrijving", "eigenaar", "eigenaar_soort", "deadline"])
        services.voortgang(obj.plan.casus)


class ActieVerwijderen(ActieStap):
    """Remove an open action (typed by mistake, or no longer needed); the access log keeps what it was."""

    gelukt = _("De actie is verwijderd.")

    def get_queryset(self):
        return super().get_queryset().filter(gedaan_op__isnull=True)

    def uitvoeren(self, obj, data):
        self.verwijderd = f"actie {obj.pk} verwijderd: {obj.omschrijving} ({obj.eigenaar}, {obj.deadline:%d-%m-%Y})"
        obj.delete()

    def stapnaam(self, obj) -> str:
        return self.verwijderd


def actie_form_kwargs(actie, personen=None) -> dict:
    return {
        "auto_id": f"actie{actie.pk}_%s",
        "personen": stand.personen_keuzes(actie.plan.casus) if personen is None else personen,
        "huidige_deadline": actie.deadline,
    }


def actie_formulieren(casus, open_acties, fout) -> list[dict]:
    """Each open action with its own change form, prefilled; the one that had errors comes back bound."""
    personen = stand.personen_keuzes(casus)
    uit = []
    for a in open_acties:
        naam = f"actie{a.pk}_form"
        if fout and fout[0] == naam:
            form = fout[1]
        else:
            form = ActieForm(
                **actie_form_kwargs(a, personen),
                initial={
                    "omschrijving": a.omschrijving,
                    "eigenaar": _keuze(personen, a.eigenaar),
                    "deadline": a.deadline,
                },
            )
        uit.append({"actie": a, "form": form, "open": bool(fout and fout[0] == naam)})
    return uit


class PlanVaststellen(CasusStap):
    gelukt = _("Het samenwerkingsplan is vastgesteld.")

    def uitvoeren(self, obj, data):
        services.plan_vaststellen(services.plan_voor(obj), door=self.request.user)


class SignaalToevoegen(CasusStap):
    form_class = SignaalForm
    context_naam = "signaal_form"
    gelukt = _("Het veiligheidssignaal is vastgelegd.")

    def uitvoeren(self, obj, data):
        services.signaal(obj, door=self.request.user, **data)


class Afsluiten(CasusStap):
    form_class = AfsluitenForm
    context_naam = "afsluiten_form"
    gelukt = _("De casus is afgesloten.")

    def extra_form_kwargs(self, casus) -> dict:
        return {"open_acties": services.open_acties(casus).count()}

    def uitvoeren(self, obj, data):
        zonder = self.request.POST.get("verder") == "zonder_waakvlam"
        waakvlam = [] if zonder else [d for k in AfsluitenForm.WAAKVLAM if (d := data.get(k))]
        services.afsluiten(
            obj,
            door=self.request.user,
            reden=data["reden"],
            toelichting=data["toelichting"],
            waakvlam=waakvlam,
            open_acties_lopen_door=data.get("open_acties", False),
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
            log.schrijf_lijst(self.request, jeugdigen.values(), "lijst 18-/18+", Actie.BEKEKEN)
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
            groepen=werkvoorraad.groepen(rijen),
            eigen=eigen,
            stagnerend=services.stagnerend(casussen).select_related("jeugdige"),
            open_casussen=casussen.filter(status__in=Casus.OPEN).select_related("jeugdige", "medewerker")[:200],
            hulpvragen_url=reverse("hulpvragen:wachtrij"),
        )
        return context
