"""The blocks of each dashboard (a suppressed ``Tabel``, optionally a chart spec and its summary), built once and
used by the web pages, their CSV/XLSX exports and the quarterly PDF report alike.

A block is a dict: ``tabel`` (Tabel), ``grafiek`` (Vega-Lite spec or absent). Nothing here sees a person: every
figure comes from ``wachttijden``/``inzet``/``financien`` through ``onthulling``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from django.utils.dateformat import format as datumformaat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from jeugdhulp import codelijsten
from jeugdhulp.aanbieders.models import Aanbieder
from jeugdhulp.monitor import financien, inzet, onthulling, wachttijden
from jeugdhulp.monitor.filters import Filter
from jeugdhulp.monitor.grafieken import lijn, samenvatting, staaf
from jeugdhulp.monitor.models import LICHT
from jeugdhulp.monitor.normen import normen
from jeugdhulp.monitor.onthulling import GEEN, Afgeleid, telling
from jeugdhulp.monitor.tabel import Datum, Getal, Tabel
from jeugdhulp.organisatie.models import Gemeente, Wijk


def datum(d: dt.date) -> str:
    """A date in words, as the charter asks: "6 december 2026" (the active language's month names)."""
    return datumformaat(d, "j F Y")


def labels(f: Filter | None = None) -> dict[str, dict]:
    # Region-wide, a wijk is named with its gemeente first ("Oss: Ruwaard"), so per-wijk rows group by gemeente and
    # a wijk of Oss is never mistaken for one of a neighbour; within one gemeente the wijk's own name suffices.
    een_gemeente = f is not None and bool(f.gemeente)
    wijken = Wijk.objects.values_list("pk", "naam", "gemeente__naam")
    result = {
        "gemeente": dict(Gemeente.objects.values_list("pk", "naam")),
        "aanbieder": dict(Aanbieder.objects.values_list("pk", "naam")),
        "categorie": wachttijden.categorie_labels(),
        "wijk": {pk: naam if een_gemeente else f"{gemeente}: {naam}" for pk, naam, gemeente in wijken},
    }
    if f is not None:
        result["maand"] = {m: wachttijden.maand_label(m) for m in wachttijden.maanden(f.van, f.tot)}
    return result


INDELING_TITELS = {
    "gemeente": _lazy("per gemeente"),
    "wijk": _lazy("per wijk"),
    "aanbieder": _lazy("per aanbieder"),
    "categorie": _lazy("per productcategorie"),
    "maand": _lazy("per maand"),
}


def blok(tabel: Tabel, grafiek: Callable[[], dict] | None = None) -> dict:
    """A table with, optionally, how to draw its chart: the chart is made after publication, from what is shown."""
    return {"tabel": tabel, "maak_grafiek": grafiek}


def publiceer(blokken: list[dict]) -> list[dict]:
    """Disclosure control over all tables of one page, export or report together (``onthulling.publiceer``), then
    the charts and their one-sentence summaries from the published figures."""
    onthulling.publiceer([b["tabel"] for b in blokken])
    for b in blokken:
        maak = b.pop("maak_grafiek", None)
        if maak is not None:
            b["grafiek"] = maak()
            if not b["tabel"].samenvatting:
                b["tabel"].samenvatting = samenvatting(b["grafiek"])
    return blokken


def _per(f: Filter) -> str:
    return str(INDELING_TITELS[f.per])


# --- waiting times -----------------------------------------------------------------------------------------------
def wachttijden_blokken(f: Filter, vandaag: dt.date, publiceren: bool = True) -> list[dict]:
    if f.leeg:
        return []
    tabel = normen()
    lab = labels(f)
    peildatum = min(vandaag, f.tot)
    ns_stand = ("stand", peildatum)
    stand = wachttijden.stand(f, peildatum, tabel)
    standtabel = wachttijden.standtabel(
        stand, _("Nu wachtend op start zorg (peildatum %s)") % datum(peildatum), ns=ns_stand
    )
    standtabel.samenvatting = (
        _("Op %(datum)s wachten %(n)s jeugdigen op de start van hun zorg; %(boven)s van hen wachten langer dan de "
          "norm."),
        {"datum": datum(peildatum), "n": standtabel.totaal[1], "boven": wachttijden.tellingen(ns_stand, stand)[1]},
    )  # fmt: skip
    gestart = wachttijden.toewijzing_start(f, tabel)
    trend = wachttijden.trendtabel(f, tabel, gestart)
    blokken = [
        blok(standtabel, partial(staaf, standtabel, "klasse", "aantal", _("Aantal wachtenden"))),
        blok(trend, partial(lijn, trend, "maand", "mediaan", _("Mediaan wachttijd (weken)"))),
    ]
    for dimensie, titel in (
        ("aanbieder", _("Wachttijd toewijzing tot start zorg per aanbieder")),
        ("categorie", _("Wachttijd toewijzing tot start zorg per productcategorie")),
        ("gemeente", _("Wachttijd toewijzing tot start zorg per gemeente")),
    ):
        t = wachttijden.samenvattingstabel(f"start-{dimensie}", titel, gestart, dimensie, lab[dimensie], ns="start")
        blokken.append(blok(t, partial(staaf, t, "groep", "mediaan", _("Mediaan (weken)"), decimalen=1)))
    blokken.append(
        blok(
            wachttijden.samenvattingstabel(
                "stand-aanbieder", _("Nu wachtend per aanbieder (al gewacht)"), stand, "aanbieder", lab["aanbieder"],
                ns=ns_stand,
            )
        )
    )  # fmt: skip
    for sleutel, titel, metingen, werkdagen in (
        ("vot", _("Verzoek om toewijzing tot antwoord (norm 5 werkdagen)"), wachttijden.vot_antwoord(f, vandaag, tabel),
         True),
        ("awb", _("Aanvraag tot beschikking (norm 8 weken)"), wachttijden.aanvraag_beschikking(f, tabel), False),
        ("jw305", _("Start zorg tot startbericht (norm 5 werkdagen)"), wachttijden.start_gemeld(f, tabel), True),
    ):  # fmt: skip
        t = wachttijden.samenvattingstabel(
            sleutel, f"{titel}, {_per(f)}", metingen, f.per, lab[f.per], werkdagen=werkdagen
        )
        if sleutel == "awb" and f.per in ("aanbieder", "categorie"):
            t.samenvatting = _("Een aanvraag is nog niet aan een aanbieder of product gekoppeld: zie ‘Onbekend’.")
        blokken.append(blok(t))
    return publiceer(blokken) if publiceren else blokken


# --- use of youth care (CBS) --------------------------------------------------------------------------------------
def een_decimaal(x: float) -> Getal:
    """An average, always with one decimal ("162,0"; in the XLSX with number format 0.0)."""
    return Getal(x, 1)


def _inzettabel(sleutel, titel, lijst, dimensie, lab, f: Filter) -> Tabel:
    """Youths, trajectories, in/outflow per group, as counts over youths ("jeugdige") and trajectories ("traject",
    by their first toewijzing). The counts of a group follow its number of youths."""
    groepen = inzet.per(lijst, dimensie)
    volgorde = sorted(groepen, key=lambda k: str(lab.get(k, k) or ""))
    kop = [_("Groep"), _("Jeugdigen"), _("Trajecten"), _("Instroom"), _("Uitstroom"), _("Gem. duur (dagen)"),
           _("Volgens plan"), _("Voortijdig")]  # fmt: skip
    t = Tabel(sleutel, titel, kop)

    def rij(label: str, trajecten: list[inzet.Traject]) -> list:
        jeugd = telling("jeugdige", {tr.jeugdige for tr in trajecten})
        i = inzet.tel(trajecten, f.van, f.tot)
        beeindigd = [tr for tr in trajecten if tr.einde is not None and f.van <= tr.einde <= f.tot]

        def tel(lijst):
            return telling("traject", (tr.toewijzingen[0] for tr in lijst), volgt=jeugd)

        uit = tel(beeindigd)
        return [
            label, jeugd, tel(trajecten), tel(tr for tr in trajecten if f.van <= tr.begin <= f.tot), uit,
            Afgeleid(i.gemiddelde_duur_dagen, een_decimaal, [jeugd, uit]),
            tel(tr for tr in beeindigd if tr.reden in inzet.VOLGENS_PLAN),
            tel(tr for tr in beeindigd if tr.reden in inzet.VOORTIJDIG),
        ]  # fmt: skip

    for k in volgorde:
        r = rij(str(lab.get(k, k) or _("Onbekend")), groepen[k])
        t.rijen.append(r)
        t.grafiekdata.append({"groep": r[0], "jeugdigen": r[1]})
    t.totaal = rij(_("Totaal"), lijst)
    return t


def aandeeltabel(lijst: list[inzet.Traject], gemeente: int | None = None) -> Tabel:
    """The share of youths with help against the population entered per gemeente (with the count it rests on).
    Filtered on one gemeente, only that gemeente: the others would read as 0 youths, 0,0%."""
    per_gemeente = inzet.per(lijst, "gemeente")
    kop = [_("Gemeente"), _("Inwoners 0–17"), _("Jeugdigen"), _("Aandeel")]
    t = Tabel("aandeel", _("Aandeel jeugdigen met jeugdhulp"), kop)
    gemeenten = Gemeente.objects.filter(pk=gemeente) if gemeente else Gemeente.objects.all()
    for g in gemeenten.order_by("naam"):
        n = telling("jeugdige", {tr.jeugdige for tr in per_gemeente.get(g.pk, [])})
        aandeel = 100 * n.waarde / g.inwoners_0_17 if g.inwoners_0_17 else None
        t.rijen.append([g.naam, Getal(g.inwoners_0_17) if g.inwoners_0_17 else GEEN, n,
                        Afgeleid(aandeel, lambda x: Getal(x, 1, procent=True), [n])])  # fmt: skip
    return t


def inzet_blokken(f: Filter, publiceren: bool = True) -> list[dict]:
    if f.leeg:
        return []
    lab = labels(f)
    lijst = inzet.trajecten(f)
    verwijzers = dict(codelijsten.TYPE_VERWIJZER.codes)
    blokken = []
    for dimensie, titel, dlab in (
        ("hulpvorm", _("Jeugdhulp per hulpvorm (CBS)"), {}),
        ("subvorm", _("Zonder en met verblijf: ambulant, daghulp, wijkteam, netwerk"), {}),
        ("categorie", _("Per productcategorie"), lab["categorie"]),
        ("verwijzer", _("Per verwijzer"), verwijzers),
        ("gemeente", _("Per gemeente (regio)"), lab["gemeente"]),
        ("wijk", _("Per wijk"), lab["wijk"]),
    ):
        t = _inzettabel(dimensie, titel, lijst, dimensie, dlab, f)
        blokken.append(blok(t, partial(staaf, t, "groep", "jeugdigen", _("Jeugdigen"))))
    blokken.append(blok(aandeeltabel(lijst, f.gemeente)))
    return publiceer(blokken) if publiceren else blokken


# --- finance -----------------------------------------------------------------------------------------------------
def _euro(cent: int) -> Getal:
    return Getal(round(cent / 100), euro=True)


LICHT_LABEL = _lazy("Lichte jeugdhulp, lokaal gefactureerd")


def financien_blokken(f: Filter, vandaag: dt.date, publiceren: bool = True) -> list[dict]:
    """Finance is about money, not persons: amounts are not suppressed. PGB and light help have their own lines.
    Budgets are set per productcategorie, so only that table has the Budget and 'Budget op' columns; both tables end
    with a totals row (in the category table with the day the total budget runs out)."""
    if f.leeg:
        return []
    jaar = f.tot.year
    lab = labels()
    blokken = []
    eigen = {"pgb": _("Persoonsgebonden budget"), LICHT: LICHT_LABEL, "lokaal": LICHT_LABEL}
    for dimensie, titel, dlab in (
        ("categorie", _("Financiën %s per productcategorie (euro)") % jaar, lab["categorie"]),
        ("aanbieder", _("Financiën %s per aanbieder (euro)") % jaar, {str(k): v for k, v in lab["aanbieder"].items()}),
    ):
        met_budget = dimensie == "categorie"
        regels = financien.overzicht(jaar, vandaag, f.gemeente, dimensie)

        def rij(naam: str, r: financien.Regel, met_budget: bool = met_budget) -> list:
            bedragen = [_euro(r.verplicht), _euro(r.gedeclareerd), _euro(r.goedgekeurd), _euro(r.pgb),
                        _euro(r.prognose)]  # fmt: skip
            if not met_budget:
                return [naam, *bedragen]
            op = GEEN if not r.budget else (Datum(r.uitgeput_op) if r.uitgeput_op else _("niet in %s") % jaar)
            return [naam, _euro(r.budget), *bedragen, op]

        kop = [_("Groep"), _("Verplicht"), _("Gedeclareerd"), _("Goedgekeurd"), _("Pgb"), _("Prognose jaareinde")]
        if met_budget:
            kop = [kop[0], _("Budget"), *kop[1:], _("Budget op")]
        t = Tabel(f"fin-{dimensie}", titel, kop)
        for k in sorted(regels, key=lambda k: str(dlab.get(k, k))):
            naam = str(eigen.get(k) or dlab.get(k, k))
            t.rijen.append(rij(naam, regels[k]))
            t.grafiekdata.append({"groep": naam, "prognose": regels[k].prognose / 100})
        t.totaal = rij(_("Totaal"), financien.totaal(regels, jaar))
        blokken.append(blok(t, partial(staaf, t, "groep", "prognose", _("Prognose (euro)"), eenheid="euro")))
    return publiceer(blokken) if publiceren else blokken
