"""Dashboards for policy users and the aanbieder's waiting-list report. Never a name, BSN or casus: every figure
is an aggregate from ``wachttijden``/``inzet``/``financien`` passed through ``onthulling`` into a ``Tabel``."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdhulp.aanbieders.models import Aanbieder
from jeugdhulp.monitor import financien, inzet, wachttijden
from jeugdhulp.monitor.filters import Filter
from jeugdhulp.monitor.forms import BudgetForm, MeldingForm
from jeugdhulp.monitor.models import Budget, Wachtlijstmelding
from jeugdhulp.monitor.onthulling import ONDERDRUKT, is_klein, onderdruk, totaal_tekst
from jeugdhulp.monitor.tabel import Tabel, xlsx
from jeugdhulp.monitor.wachtlijstmeldingen import MeldingFout, gecontracteerde_producten, meldstatus, verwerk
from jeugdhulp.organisatie.models import Gemeente, Wijk
from jeugdhulp.permissions import policy
from jeugdhulp.toewijzingen.models import Toewijzing


def _vereis(request, resource, actie=policy.Actie.BEKIJKEN):
    if not request.user.is_authenticated or not policy.mag(request.user, resource, actie):
        raise PermissionDenied


def _in_zorg(jaar: int) -> Q:
    begin, eind = dt.date(jaar, 1, 1), dt.date(jaar, 12, 31)
    return Q(ingangsdatum__lte=eind) & (Q(einddatum__isnull=True) | Q(einddatum__gte=begin))


def cijfers(request):
    _vereis(request, policy.Resource.CIJFERS)
    jaren = sorted(
        {d.year for d in Toewijzing.objects.dates("ingangsdatum", "year")} | {dt.date.today().year},
        reverse=True,
    )
    try:
        jaar = int(request.GET.get("jaar", jaren[0]))
    except ValueError:
        jaar = jaren[0]
    toewijzingen = Toewijzing.objects.filter(_in_zorg(jaar))
    per_gemeente = {
        row["gemeente_id"]: row["n"]
        for row in toewijzingen.values("gemeente_id").annotate(n=Count("jeugdige_id", distinct=True))
    }
    gemeenten = list(Gemeente.objects.order_by("naam"))
    tabel_gemeente = onderdruk([(g.naam, per_gemeente.get(g.pk, 0)) for g in gemeenten])
    eigen = request.user.gemeente or Gemeente.objects.filter(cbs_code="0828").first()
    per_wijk = list(
        toewijzingen.filter(gemeente=eigen)
        .values("jeugdige__wijk__naam")
        .annotate(n=Count("jeugdige_id", distinct=True))
        .order_by("jeugdige__wijk__naam")
    )
    tabel_wijk = onderdruk([(row["jeugdige__wijk__naam"] or "Onbekend", row["n"]) for row in per_wijk])
    context = {
        "jaar": jaar,
        "jaren": jaren,
        "tabel_gemeente": tabel_gemeente,
        "totaal_regio": totaal_tekst(sum(per_gemeente.values())),
        "eigen": eigen,
        "tabel_wijk": tabel_wijk,
        "totaal_eigen": totaal_tekst(sum(row["n"] for row in per_wijk)),
    }
    return render(request, "monitor/cijfers.html", context)


# --- shared dashboard plumbing ---------------------------------------------------------------------------------
def _labels():
    return {
        "gemeente": dict(Gemeente.objects.values_list("pk", "naam")),
        "aanbieder": dict(Aanbieder.objects.values_list("pk", "naam")),
        "categorie": wachttijden.categorie_labels(),
        "wijk": dict(Wijk.objects.values_list("pk", "naam")),
    }


def _staaf(tabel: Tabel, x: str, y: str, titel: str) -> dict:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "description": titel,
        "width": "container",
        "data": {"values": [r for r in tabel.grafiekdata if r.get(y) is not None]},
        "mark": {"type": "bar", "tooltip": True},
        "encoding": {
            "y": {"field": x, "type": "nominal", "sort": None, "title": None},
            "x": {"field": y, "type": "quantitative", "title": titel},
        },
    }


def _lijn(tabel: Tabel, x: str, y: str, titel: str, norm: float | None = None) -> dict:
    lagen = [
        {
            "mark": {"type": "line", "point": True, "tooltip": True},
            "encoding": {
                "x": {"field": x, "type": "temporal", "timeUnit": "yearmonth", "title": None},
                "y": {"field": y, "type": "quantitative", "title": titel},
            },
        }
    ]
    if norm is not None:
        lagen.append({"mark": {"type": "rule", "strokeDash": [4, 4]}, "encoding": {"y": {"datum": norm}}})
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "description": titel,
        "width": "container",
        "data": {"values": [r for r in tabel.grafiekdata if r.get(y) is not None]},
        "layer": lagen,
    }


def _export(request, tabellen: list[Tabel], naam: str):
    soort = request.GET.get("export")
    if soort == "xlsx":
        response = HttpResponse(
            xlsx({t.titel[:31]: t.alle_rijen() for t in tabellen}),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{naam}.xlsx"'
        return response
    if soort == "csv":
        kies = request.GET.get("tabel")
        tabel = next((t for t in tabellen if t.sleutel == kies), tabellen[0])
        response = HttpResponse(tabel.als_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{naam}-{tabel.sleutel}.csv"'
        return response
    return None


def _dashboard(request, f: Filter, titel: str, intro: str, blokken: list[dict], naam: str):
    tabellen = [b["tabel"] for b in blokken]
    for b in blokken:
        b["id"] = f"grafiek-{b['tabel'].sleutel}"
    export = _export(request, tabellen, naam)
    if export is not None:
        return export
    context = {
        "titel": titel,
        "intro": intro,
        "blokken": blokken,
        "filter": f,
        "qs": f.querystring(),
        "gemeenten": Gemeente.objects.order_by("naam"),
        "wijken": Wijk.objects.filter(gemeente_id=f.gemeente).order_by("naam") if f.gemeente else [],
        "aanbieders": Aanbieder.objects.order_by("naam"),
        "categorieen": sorted(wachttijden.categorie_labels().items()),
        "bijgewerkt": timezone.localtime(),
    }
    template = "monitor/_dashboard_inhoud.html" if request.headers.get("HX-Request") else "monitor/dashboard.html"
    return render(request, template, context)


# --- waiting times -----------------------------------------------------------------------------------------------
def wachttijden_view(request):
    _vereis(request, policy.Resource.CIJFERS)
    f = Filter.uit_request(request.GET)
    vandaag = timezone.localdate()
    peildatum = min(vandaag, f.tot)
    labels = _labels()
    stand = wachttijden.stand(f, peildatum)
    standtabel = wachttijden.standtabel(stand, _("Nu wachtend op start zorg (peildatum %s)") % peildatum.isoformat())
    gestart = wachttijden.toewijzing_start(f)
    boven = sum(m.boven_norm for m in stand)
    standtabel.samenvatting = _(
        "Op %(datum)s wachten %(n)s jeugdigen op de start van hun zorg; %(boven)s van hen wachten langer dan de norm."
    ) % {
        "datum": peildatum.strftime("%d-%m-%Y"),
        "n": totaal_tekst(len(stand)),
        "boven": ONDERDRUKT if is_klein(boven) else boven,
    }
    trend = wachttijden.trendtabel(f)
    trend.samenvatting = _("De lijn toont per maand de mediaan van de wachttijd van wie met zorg begon.")
    blokken = [
        {"tabel": standtabel, "grafiek": _staaf(standtabel, "klasse", "aantal", _("Aantal wachtenden"))},
        {"tabel": trend, "grafiek": _lijn(trend, "maand", "mediaan", _("Mediaan wachttijd (weken)"))},
    ]
    for dimensie, titel in (
        ("aanbieder", _("Wachttijd toewijzing tot start zorg per aanbieder")),
        ("categorie", _("Wachttijd toewijzing tot start zorg per productcategorie")),
        ("gemeente", _("Wachttijd toewijzing tot start zorg per gemeente")),
    ):
        t = wachttijden.samenvattingstabel(f"start-{dimensie}", titel, gestart, dimensie, labels[dimensie])
        blokken.append({"tabel": t, "grafiek": _staaf(t, "groep", "mediaan", _("Mediaan (weken)"))})
    stand_per_aanbieder = wachttijden.samenvattingstabel(
        "stand-aanbieder", _("Nu wachtend per aanbieder (al gewacht)"), stand, "aanbieder", labels["aanbieder"]
    )
    blokken.append({"tabel": stand_per_aanbieder})
    for sleutel, titel, metingen, werkdagen in (
        ("vot", _("Verzoek om toewijzing tot antwoord (norm 5 werkdagen)"), wachttijden.vot_antwoord(f, vandaag), True),
        ("awb", _("Aanvraag tot beschikking (norm 8 weken)"), wachttijden.aanvraag_beschikking(f), False),
        ("jw305", _("Start zorg tot startbericht (norm 5 werkdagen)"), wachttijden.start_gemeld(f), True),
    ):
        t = wachttijden.samenvattingstabel(
            sleutel, titel, metingen, "gemeente", labels["gemeente"], werkdagen=werkdagen
        )
        blokken.append({"tabel": t})
    intro = _(
        "Wachttijden uit de berichten en besluiten, actueel. Aantallen van 1 tot 5 tonen we als “<5”; gemiddelden "
        "over minder dan 5 jeugdigen tonen we niet."
    )
    return _dashboard(request, f, _("Wachttijden"), intro, blokken, "wachttijden")


# --- use of youth care (CBS) --------------------------------------------------------------------------------------
def _inzettabel(sleutel, titel, lijst, dimensie, labels, f: Filter) -> Tabel:
    groepen = inzet.per(lijst, dimensie)
    volgorde = sorted(groepen, key=lambda k: str(labels.get(k, k) or ""))
    jeugd = onderdruk(
        [(str(labels.get(k, k) or _("Onbekend")), len({t.jeugdige for t in groepen[k]})) for k in volgorde]
    )
    kop = [_("Groep"), _("Jeugdigen"), _("Trajecten"), _("Instroom"), _("Uitstroom"), _("Gem. duur (dagen)"),
           _("Volgens plan"), _("Voortijdig")]  # fmt: skip
    t = Tabel(sleutel, titel, kop)

    def c(n, zichtbaar=True):
        return ONDERDRUKT if is_klein(n) or not zichtbaar else str(n)

    for k, cel in zip(volgorde, jeugd, strict=True):
        i = inzet.tel(groepen[k], f.van, f.tot)
        t.rijen.append([
            cel.label, cel.tekst, c(i.trajecten, cel.zichtbaar), c(i.instroom, cel.zichtbaar),
            c(i.uitstroom, cel.zichtbaar),
            f"{i.gemiddelde_duur_dagen:.0f}" if i.gemiddelde_duur_dagen and cel.zichtbaar else "–",
            c(i.volgens_plan, cel.zichtbaar), c(i.voortijdig, cel.zichtbaar),
        ])  # fmt: skip
        t.grafiekdata.append({"groep": cel.label, "jeugdigen": i.jeugdigen if cel.zichtbaar else None})
    tot = inzet.tel(lijst, f.van, f.tot)
    t.totaal = [_("Totaal"), c(tot.jeugdigen), c(tot.trajecten), c(tot.instroom), c(tot.uitstroom),
                f"{tot.gemiddelde_duur_dagen:.0f}" if tot.gemiddelde_duur_dagen else "–",
                c(tot.volgens_plan), c(tot.voortijdig)]  # fmt: skip
    return t


def inzet_view(request):
    _vereis(request, policy.Resource.CIJFERS)
    f = Filter.uit_request(request.GET)
    labels = _labels()
    lijst = inzet.trajecten(f)
    from jeugdhulp import codelijsten

    verwijzers = dict(codelijsten.TYPE_VERWIJZER.codes)
    blokken = []
    for dimensie, titel, lab in (
        ("hulpvorm", _("Jeugdhulp per hulpvorm (CBS)"), {}),
        ("subvorm", _("Zonder en met verblijf: ambulant, daghulp, wijkteam, netwerk"), {}),
        ("categorie", _("Per productcategorie"), labels["categorie"]),
        ("verwijzer", _("Per verwijzer"), verwijzers),
        ("gemeente", _("Per gemeente (regio)"), labels["gemeente"]),
        ("wijk", _("Per wijk"), labels["wijk"]),
    ):
        t = _inzettabel(dimensie, titel, lijst, dimensie, lab, f)
        blokken.append({"tabel": t, "grafiek": _staaf(t, "groep", "jeugdigen", _("Jeugdigen"))})
    # share against the population entered per gemeente
    per_gemeente = inzet.per(lijst, "gemeente")
    aandeel = Tabel("aandeel", _("Aandeel jeugdigen met jeugdhulp"), [_("Gemeente"), _("Inwoners 0–17"), _("Aandeel")])
    for g in Gemeente.objects.order_by("naam"):
        n = len({t.jeugdige for t in per_gemeente.get(g.pk, [])})
        tekst = f"{100 * n / g.inwoners_0_17:.1f}%" if g.inwoners_0_17 and n >= 5 else "–"
        aandeel.rijen.append([g.naam, str(g.inwoners_0_17 or "–"), tekst])
    blokken.append({"tabel": aandeel})
    intro = _(
        "Jeugdhulp in natura volgens de telregels van CBS Beleidsinformatie Jeugd: trajecten bij dezelfde aanbieder "
        "met dezelfde hulpvorm die elkaar overlappen tellen als één traject."
    )
    return _dashboard(request, f, _("Inzet jeugdhulp"), intro, blokken, "inzet")


# --- finance -----------------------------------------------------------------------------------------------------
def _euro(cent: int) -> str:
    return f"{cent / 100:.0f}"


def financien_view(request):
    _vereis(request, policy.Resource.CIJFERS)
    f = Filter.uit_request(request.GET)
    vandaag = timezone.localdate()
    jaar = f.tot.year
    labels = _labels()
    blokken = []
    for dimensie, titel, lab in (
        ("categorie", _("Financiën %s per productcategorie (euro)") % jaar, labels["categorie"]),
        (
            "aanbieder",
            _("Financiën %s per aanbieder (euro)") % jaar,
            {str(k): v for k, v in labels["aanbieder"].items()},
        ),
    ):
        regels = financien.overzicht(jaar, vandaag, f.gemeente, dimensie)
        kop = [_("Groep"), _("Budget"), _("Verplicht"), _("Gedeclareerd"), _("Goedgekeurd"), _("Pgb"),
               _("Prognose jaareinde"), _("Budget op")]  # fmt: skip
        t = Tabel(f"fin-{dimensie}", titel, kop)
        for k in sorted(regels, key=lambda k: str(lab.get(k, k))):
            r = regels[k]
            naam = _("Persoonsgebonden budget") if k == "pgb" else str(lab.get(k, k))
            op = r.uitgeput_op.isoformat() if r.uitgeput_op else "–"
            t.rijen.append([naam, _euro(r.budget), _euro(r.verplicht), _euro(r.gedeclareerd), _euro(r.goedgekeurd),
                            _euro(r.pgb), _euro(r.prognose), op])  # fmt: skip
            t.grafiekdata.append({"groep": naam, "prognose": r.prognose / 100})
        blokken.append({"tabel": t, "grafiek": _staaf(t, "groep", "prognose", _("Prognose (euro)"))})
    intro = _("Budget, verplichtingen (omvang × tarief), declaraties en prognose tot het einde van het jaar.")
    return _dashboard(request, f, _("Financiën"), intro, blokken, "financien")


def budget(request):
    _vereis(request, policy.Resource.BUDGET, policy.Actie.WIJZIGEN)
    gemeente = request.user.gemeente
    form = BudgetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        Budget.objects.update_or_create(
            gemeente=gemeente,
            jaar=form.cleaned_data["jaar"],
            categorie=form.cleaned_data["categorie"],
            defaults={"bedrag": form.cleaned_data["bedrag_euro"] * 100},
        )
        messages.success(request, _("Het budget is opgeslagen."))
        return redirect("monitor:budget")
    budgetten = Budget.objects.filter(gemeente=gemeente).order_by("-jaar", "categorie")
    return render(request, "monitor/budget.html", {"form": form, "budgetten": budgetten, "gemeente": gemeente})


# --- the provider feed -------------------------------------------------------------------------------------------
def wachtlijsten(request):
    """Policy users: every aanbieder's reports with late/missing flags; an aanbieder: its own, and the form."""
    _vereis(request, policy.Resource.WACHTLIJSTMELDING)
    aanbieder_id = request.user.aanbieder_id if request.user.rol == "aanbieder_medewerker" else None
    statussen = meldstatus(aanbieder_id=aanbieder_id)
    return render(
        request,
        "monitor/wachtlijsten.html",
        {
            "statussen": statussen,
            "mag_melden": policy.mag(request.user, policy.Resource.WACHTLIJSTMELDING, policy.Actie.INDIENEN),
        },
    )


def melden(request):
    _vereis(request, policy.Resource.WACHTLIJSTMELDING, policy.Actie.INDIENEN)
    aanbieder = request.user.aanbieder
    producten = gecontracteerde_producten(aanbieder)
    form = MeldingForm(request.POST or None, producten=producten)
    if request.method == "POST" and form.is_valid():
        try:
            verwerk(aanbieder, [form.als_rij()], door=request.user, bron="portaal")
        except MeldingFout as fout:
            for tekst in fout.fouten:
                form.add_error(None, tekst)
        else:
            messages.success(request, _("Uw wachtlijstmelding is ontvangen. Dank u wel."))
            return redirect("monitor:wachtlijsten")
    recent = Wachtlijstmelding.objects.filter(aanbieder=aanbieder).select_related("product")[:20]
    return render(request, "monitor/melden.html", {"form": form, "recent": recent, "aanbieder": aanbieder})
