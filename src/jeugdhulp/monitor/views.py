"""Dashboards for policy users and the aanbieder's waiting-list report. Never a name, BSN or casus: every figure
is an aggregate from ``wachttijden``/``inzet``/``financien`` passed through ``onthulling`` into a ``Tabel``."""

import datetime as dt
from collections import defaultdict

from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from jeugdhulp.aanbieders.models import Aanbieder
from jeugdhulp.core.pdf import pdf_response
from jeugdhulp.monitor import dashboards, onthulling, wachttijden
from jeugdhulp.monitor.filters import Filter
from jeugdhulp.monitor.forms import BudgetForm, LokaleFactuurForm, MeldingForm
from jeugdhulp.monitor.models import Budget, LokaleFactuur, Wachtlijstmelding
from jeugdhulp.monitor.onthulling import Telling, telling
from jeugdhulp.monitor.rapportage import Kwartaal
from jeugdhulp.monitor.rapportage import inhoud as rapportage_inhoud
from jeugdhulp.monitor.tabel import Tabel, xlsx
from jeugdhulp.monitor.wachtlijstmeldingen import MeldingFout, gecontracteerde_producten, meldstatus, verwerk
from jeugdhulp.organisatie.models import Gemeente, Wijk
from jeugdhulp.permissions import policy
from jeugdhulp.permissions.views import vereis
from jeugdhulp.toewijzingen.models import Toewijzing


def _in_zorg(jaar: int) -> Q:
    begin, eind = dt.date(jaar, 1, 1), dt.date(jaar, 12, 31)
    return Q(ingangsdatum__lte=eind) & (Q(einddatum__isnull=True) | Q(einddatum__gte=begin))


def cijfers(request):
    vereis(request, policy.Resource.CIJFERS)
    jaren = sorted(
        {d.year for d in Toewijzing.objects.dates("ingangsdatum", "year")} | {dt.date.today().year},
        reverse=True,
    )
    try:
        jaar = int(request.GET.get("jaar", jaren[0]))
    except ValueError:
        jaar = jaren[0]
    toewijzingen = Toewijzing.objects.filter(_in_zorg(jaar)).order_by()
    eigen = request.user.gemeente or Gemeente.objects.filter(cbs_code="0828").first()
    context = {"jaar": jaar, "jaren": jaren, "eigen": eigen, "tabellen": overzichtstabellen(toewijzingen, eigen)}
    return render(request, "monitor/cijfers.html", context)


def overzichtstabellen(toewijzingen, eigen: Gemeente | None) -> list[Tabel]:
    """Youths with a toewijzing per gemeente of the region, and per wijk of the user's own gemeente: one
    publication, so the own gemeente's row and its wijk total are the same cell (records (gemeente, jeugdige))."""
    per_gemeente = defaultdict(set)
    for gemeente, jeugdige in toewijzingen.values_list("gemeente_id", "jeugdige_id").distinct():
        per_gemeente[gemeente].add(jeugdige)
    kolom = _("Jeugdigen met jeugdhulp")
    regio = Tabel("regio", _("Regio: per gemeente"), [_("Gemeente"), kolom])
    for g in Gemeente.objects.order_by("naam"):
        regio.rijen.append([g.naam, telling(g.pk, per_gemeente.get(g.pk, ()))])
    regio.totaal = [_("Totaal"), Telling({(g, j) for g, js in per_gemeente.items() for j in js})]
    tabellen = [regio]
    if eigen is not None:
        per_wijk = defaultdict(set)
        for jeugdige, wijk in toewijzingen.filter(gemeente=eigen).values_list("jeugdige_id", "jeugdige__wijk__naam"):
            per_wijk[wijk or _("Onbekend")].add(jeugdige)
        wijken = Tabel("wijk", _("%(naam)s: per wijk") % {"naam": eigen.naam}, [_("Wijk"), kolom])
        wijken.rijen = [[naam, telling(eigen.pk, js)] for naam, js in sorted(per_wijk.items())]
        wijken.totaal = [_("Totaal"), telling(eigen.pk, per_gemeente.get(eigen.pk, ()))]
        tabellen.append(wijken)
    onthulling.publiceer(tabellen)
    return tabellen


# --- shared dashboard plumbing ---------------------------------------------------------------------------------
def _export(request, tabellen: list[Tabel], naam: str):
    soort = request.GET.get("export")
    if soort == "xlsx":
        response = HttpResponse(
            xlsx([(t.titel, t.alle_rijen()) for t in tabellen]),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{naam}.xlsx"'
        return response
    if soort == "csv" and tabellen:
        kies = request.GET.get("tabel")
        tabel = next((t for t in tabellen if t.sleutel == kies), tabellen[0])
        response = HttpResponse(tabel.als_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{naam}-{tabel.sleutel}.csv"'
        return response
    return None


# Short explanations of the words the tables use, per dashboard (shown folded under "Wat betekent dit?").
KLEIN = (
    _lazy("<5 en x"),
    _lazy("“<5” is 1 tot en met 4 personen; “x” is een aantal dat we verbergen zodat niemand een klein aantal kan "
          "terugrekenen; “–” is een gemiddelde over te weinig personen."),
)  # fmt: skip
BEGRIPPEN = {
    "wachttijden": [
        (
            _lazy("Norm"),
            _lazy(
                "De afgesproken maximale wachttijd: van toewijzing tot start zorg 9 weken (regionale "
                "norm), voor jeugd-ggz 14 weken (Treeknorm: 4 weken tot intake en 10 weken tot "
                "behandeling); van aanvraag tot beschikking 8 weken; voor iJw-berichten 5 werkdagen."
            ),
        ),
        (_lazy("Boven norm"), _lazy("Het aantal jeugdigen dat langer wachtte of wacht dan de norm.")),
        (
            _lazy("Overbruggingszorg"),
            _lazy("Tijdelijke hulp die een jeugdige krijgt terwijl hij wacht op de eigenlijke zorg."),
        ),
        (_lazy("Werkdagen"), _lazy("Maandag tot en met vrijdag, zonder feestdagen.")),
        KLEIN,
    ],
    "inzet": [
        (
            _lazy("Trajecten"),
            _lazy(
                "Een periode van jeugdhulp bij één aanbieder in één hulpvorm. Toewijzingen die "
                "aansluiten of overlappen tellen als één traject (telregel van het CBS)."
            ),
        ),
        (_lazy("Instroom en uitstroom"), _lazy("Trajecten die in de gekozen periode begonnen of eindigden.")),
        (
            _lazy("Volgens plan"),
            _lazy("Het traject eindigde zoals afgesproken, bijvoorbeeld omdat de doelen zijn bereikt."),
        ),
        (
            _lazy("Voortijdig"),
            _lazy(
                "Het traject stopte eerder dan afgesproken, bijvoorbeeld omdat de jeugdige of "
                "ouders stopten of de hulp niet paste."
            ),
        ),
        KLEIN,
    ],
    "financien": [
        (_lazy("Verplicht"), _lazy("Wat de toegewezen zorg dit jaar kost: omvang × tarief van elke toewijzing.")),
        (
            _lazy("Gedeclareerd en goedgekeurd"),
            _lazy("Wat aanbieders in rekening brachten, en het deel dat de gemeente heeft goedgekeurd."),
        ),
        (
            _lazy("Prognose jaareinde"),
            _lazy(
                "Wat we aan het eind van het jaar verwachten uit te geven: het hoogste "
                "van de verplichtingen en de goedgekeurde bedragen doorgetrokken over het "
                "jaar, plus pgb."
            ),
        ),
        (
            _lazy("Budget op"),
            _lazy(
                "De dag waarop het budget op is als de uitgaven in dit tempo doorgaan; "
                "‘niet in’ het jaar betekent dat het budget het hele jaar genoeg is."
            ),
        ),
    ],
}


def _dashboard(request, f: Filter, titel: str, intro: str, blokken: list[dict], naam: str, per: bool = False):
    tabellen = [b["tabel"] for b in blokken]
    for b in blokken:
        b["id"] = f"grafiek-{b['tabel'].sleutel}"
    export = _export(request, tabellen, naam)
    if export is not None:
        return export
    context = {
        "titel": titel,
        "intro": intro,
        "begrippen": BEGRIPPEN.get(naam, []),
        "blokken": blokken,
        "filter": f,
        "qs": f.querystring(),
        "gemeenten": Gemeente.objects.order_by("naam"),
        "wijken": Wijk.objects.filter(gemeente_id=f.gemeente).order_by("naam") if f.gemeente else [],
        "aanbieders": Aanbieder.objects.order_by("naam"),
        "categorieen": sorted(wachttijden.categorie_labels().items()),
        "indelingen": list(dashboards.INDELING_TITELS.items()) if per else [],
        "bijgewerkt": timezone.localtime(),
    }
    template = "monitor/_dashboard_inhoud.html" if request.headers.get("HX-Request") else "monitor/dashboard.html"
    return render(request, template, context)


def wachttijden_view(request):
    vereis(request, policy.Resource.CIJFERS)
    f = Filter.uit_request(request.GET)
    blokken = dashboards.wachttijden_blokken(f, timezone.localdate())
    intro = _(
        "Wachttijden uit de berichten en besluiten, actueel. Aantallen van 1 tot 5 tonen we als “<5”; gemiddelden "
        "over minder dan 5 jeugdigen tonen we niet."
    )
    return _dashboard(request, f, _("Wachttijden"), intro, blokken, "wachttijden", per=True)


def inzet_view(request):
    vereis(request, policy.Resource.CIJFERS)
    f = Filter.uit_request(request.GET)
    intro = _(
        "Jeugdhulp in natura volgens de telregels van CBS Beleidsinformatie Jeugd: trajecten bij dezelfde aanbieder "
        "met dezelfde hulpvorm die elkaar overlappen tellen als één traject."
    )
    return _dashboard(request, f, _("Inzet jeugdhulp"), intro, dashboards.inzet_blokken(f), "inzet")


def financien_view(request):
    vereis(request, policy.Resource.CIJFERS)
    f = Filter.uit_request(request.GET)
    blokken = dashboards.financien_blokken(f, timezone.localdate())
    intro = _("Budget, verplichtingen (omvang × tarief), declaraties en prognose tot het einde van het jaar.")
    return _dashboard(request, f, _("Financiën"), intro, blokken, "financien")


def budget(request):
    """The beleidsmedewerker's own gemeente: budgets per year and line, and local invoices for light youth care."""
    vereis(request, policy.Resource.BUDGET, policy.Actie.WIJZIGEN)
    gemeente = request.user.gemeente
    factuur = request.method == "POST" and "factuur" in request.POST
    form = BudgetForm(request.POST if request.method == "POST" and not factuur else None)
    factuurform = LokaleFactuurForm(request.POST if factuur else None, prefix="factuur")
    if request.method == "POST" and not factuur and form.is_valid():
        Budget.objects.update_or_create(
            gemeente=gemeente,
            jaar=form.cleaned_data["jaar"],
            categorie=form.cleaned_data["categorie"],
            defaults={"bedrag": form.cleaned_data["bedrag_euro"] * 100},
        )
        messages.success(request, _("Het budget is opgeslagen."))
        return redirect("monitor:budget")
    if factuur and factuurform.is_valid():
        d = factuurform.cleaned_data
        LokaleFactuur.objects.create(
            gemeente=gemeente, factuurdatum=d["factuurdatum"], leverancier=d["leverancier"],
            omschrijving=d["omschrijving"], bedrag=round(d["bedrag_euro"] * 100), ingevoerd_door=request.user,
        )  # fmt: skip
        messages.success(request, _("De factuur is opgeslagen. U ziet het bedrag bij Financiën."))
        return redirect("monitor:budget")
    context = {
        "form": form,
        "factuurform": factuurform,
        "budgetten": Budget.objects.filter(gemeente=gemeente).order_by("-jaar", "categorie"),
        "facturen": LokaleFactuur.objects.filter(gemeente=gemeente)[:20],
        "gemeente": gemeente,
    }
    return render(request, "monitor/budget.html", context)


# --- the provider feed -------------------------------------------------------------------------------------------
def wachtlijsten(request):
    """Policy users: every aanbieder's reports with late/missing flags; an aanbieder: its own, and the form.

    Reports that are present come first; missing ones are folded with their number. For policy users the waiting
    counts follow the monitor's small-count rule (1–4 shows "<5"), one table through ``onthulling.publiceer``; an
    aanbieder sees its own numbers as it reported them."""
    vereis(request, policy.Resource.WACHTLIJSTMELDING)
    aanbieder_id = request.user.aanbieder_id if request.user.rol == "aanbieder_medewerker" else None
    statussen = meldstatus(aanbieder_id=aanbieder_id)
    gemeld = [s for s in statussen if s.laatste is not None]
    cellen = {}
    if aanbieder_id is None:
        cellen = wachtlijst_cellen(gemeld)
    rijen = [(s, *cellen.get(id(s), (s.laatste.wacht_op_intake, s.laatste.wacht_op_behandeling))) for s in gemeld]
    return render(
        request,
        "monitor/wachtlijsten.html",
        {
            "statussen": statussen,
            "rijen": rijen,
            "ontbrekend": [s for s in statussen if s.laatste is None],
            "boven_norm": sum(s.boven_norm for s in statussen),
            "mag_melden": policy.mag(request.user, policy.Resource.WACHTLIJSTMELDING, policy.Actie.INDIENEN),
        },
    )


def wachtlijst_cellen(gemeld: list) -> dict[int, tuple[str, str]]:
    """The reported waiting counts (youths waiting for intake, for treatment) as published counts: each a
    ``Telling`` of as many records as youths, so 1–4 becomes "<5" as in every other monitor table."""
    tabel = Tabel("wachtlijsten", _("Stand per aanbieder en product"), [_("Aanbieder"), _("Intake"), _("Behandeling")])
    for s in gemeld:
        m = s.laatste
        wachtend = (("intake", m.wacht_op_intake), ("behandeling", m.wacht_op_behandeling))
        tabel.rijen.append([id(s), *(telling(("wachtlijst", m.pk, soort), range(n)) for soort, n in wachtend)])
    onthulling.publiceer([tabel])
    return {rij[0]: tuple(str(w) for w in rij[1:]) for rij in tabel.rijen}


def melden(request):
    vereis(request, policy.Resource.WACHTLIJSTMELDING, policy.Actie.INDIENEN)
    aanbieder = request.user.aanbieder
    producten = gecontracteerde_producten(aanbieder)
    form = MeldingForm(request.POST or None, producten=producten)
    if request.method == "POST" and form.is_valid():
        try:
            verwerk(aanbieder, [form.als_rij()], door=request.user, bron="portaal")
        except MeldingFout as fout:  # one row: each error next to its field
            for veld, teksten in fout.velden.items():
                for tekst in teksten:
                    form.add_error(veld if veld in form.fields else None, tekst)
        else:
            messages.success(request, _("Uw wachtlijstmelding is ontvangen. Dank u wel."))
            return redirect("monitor:wachtlijsten")
    recent = Wachtlijstmelding.objects.filter(aanbieder=aanbieder).select_related("product")[:20]
    return render(request, "monitor/melden.html", {"form": form, "recent": recent, "aanbieder": aanbieder})


# --- the quarterly report for the council ------------------------------------------------------------------------
def rapportage(request):
    """A form to choose quarter and gemeente; with ``formaat=pdf`` the report itself. Bad choices are explained."""
    vereis(request, policy.Resource.CIJFERS)
    vandaag = timezone.localdate()
    kwartaal = Kwartaal.lees(request.GET.get("kwartaal"), vandaag)
    f = Filter.uit_request({"gemeente": request.GET.get("gemeente", "")}, vandaag)
    fout = None
    if kwartaal is None:
        fout = _("Dit kwartaal kennen we niet, of het is nog niet begonnen. Kies een kwartaal uit de lijst.")
    elif f.leeg:
        fout = _("Deze gemeente kennen we niet. Kies een gemeente uit de lijst.")
    if request.GET.get("formaat") == "pdf" and fout is None:
        gemeente = Gemeente.objects.filter(pk=f.gemeente).first()
        context = {
            "kwartaal": kwartaal,
            "gebied": gemeente.naam if gemeente else _("de hele regio"),
            "hoofdstukken": rapportage_inhoud(kwartaal, f.gemeente, vandaag),
            "gemaakt": timezone.localtime(),
        }
        naam = f"kwartaalrapportage-{kwartaal.code}{'-' + gemeente.cbs_code if gemeente else ''}.pdf"
        return pdf_response(request, "monitor/rapportage_pdf.html", context, naam, bijlage=True)
    laatste = Kwartaal.lees("", vandaag)
    kwartalen = [laatste]
    for _i in range(7):
        kwartalen.append(kwartalen[-1].vorige())
    context = {
        "fout": fout,
        "kwartalen": kwartalen,
        "gekozen": kwartaal or laatste,
        "gemeenten": Gemeente.objects.order_by("naam"),
        "gemeente": f.gemeente,
    }
    return render(request, "monitor/rapportage.html", context, status=400 if fout else 200)
