"""The blocks of each dashboard (a suppressed ``Tabel``, optionally a chart spec and its summary), built once and
used by the web pages, their CSV/XLSX exports and the quarterly PDF report alike.

A block is a dict: ``tabel`` (Tabel), ``grafiek`` (Vega-Lite spec or absent). Nothing here sees a person: every
figure comes from ``wachttijden``/``inzet``/``financien`` through ``onthulling``.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from jeugdhulp import codelijsten
from jeugdhulp.aanbieders.models import Aanbieder
from jeugdhulp.monitor import financien, inzet, wachttijden
from jeugdhulp.monitor.filters import Filter
from jeugdhulp.monitor.grafieken import lijn, samenvatting, staaf
from jeugdhulp.monitor.models import LICHT
from jeugdhulp.monitor.normen import normen
from jeugdhulp.monitor.onthulling import ONDERDRUKT, is_klein, kolom, onderdruk, totaal_tekst
from jeugdhulp.monitor.tabel import Tabel
from jeugdhulp.organisatie.models import Gemeente, Wijk


def labels(f: Filter | None = None) -> dict[str, dict]:
    result = {
        "gemeente": dict(Gemeente.objects.values_list("pk", "naam")),
        "aanbieder": dict(Aanbieder.objects.values_list("pk", "naam")),
        "categorie": wachttijden.categorie_labels(),
        "wijk": dict(Wijk.objects.values_list("pk", "naam")),
    }
    if f is not None:
        result["maand"] = {m: m.strftime("%Y-%m") for m in wachttijden.maanden(f.van, f.tot)}
    return result


INDELING_TITELS = {
    "gemeente": _lazy("per gemeente"),
    "wijk": _lazy("per wijk"),
    "aanbieder": _lazy("per aanbieder"),
    "categorie": _lazy("per productcategorie"),
    "maand": _lazy("per maand"),
}


def blok(tabel: Tabel, grafiek: dict | None = None) -> dict:
    """A table with, optionally, its chart; a chart always gets a text summary."""
    result = {"tabel": tabel}
    if grafiek is not None:
        result["grafiek"] = grafiek
        if not tabel.samenvatting:
            tabel.samenvatting = samenvatting(grafiek)
    return result


def _per(f: Filter) -> str:
    return str(INDELING_TITELS[f.per])


# --- waiting times -----------------------------------------------------------------------------------------------
def wachttijden_blokken(f: Filter, vandaag: dt.date) -> list[dict]:
    if f.leeg:
        return []
    tabel = normen()
    lab = labels(f)
    peildatum = min(vandaag, f.tot)
    stand = wachttijden.stand(f, peildatum, tabel)
    standtabel = wachttijden.standtabel(stand, _("Nu wachtend op start zorg (peildatum %s)") % peildatum.isoformat())
    boven = sum(m.boven_norm for m in stand)
    standtabel.samenvatting = _(
        "Op %(datum)s wachten %(n)s jeugdigen op de start van hun zorg; %(boven)s van hen wachten langer dan de norm."
    ) % {
        "datum": peildatum.strftime("%d-%m-%Y"),
        "n": totaal_tekst(len(stand)),
        "boven": ONDERDRUKT if is_klein(boven) else boven,
    }
    gestart = wachttijden.toewijzing_start(f, tabel)
    trend = wachttijden.trendtabel(f, tabel, gestart)
    blokken = [
        blok(standtabel, staaf(standtabel, "klasse", "aantal", _("Aantal wachtenden"))),
        blok(trend, lijn(trend, "maand", "mediaan", _("Mediaan wachttijd (weken)"))),
    ]
    for dimensie, titel in (
        ("aanbieder", _("Wachttijd toewijzing tot start zorg per aanbieder")),
        ("categorie", _("Wachttijd toewijzing tot start zorg per productcategorie")),
        ("gemeente", _("Wachttijd toewijzing tot start zorg per gemeente")),
    ):
        t = wachttijden.samenvattingstabel(f"start-{dimensie}", titel, gestart, dimensie, lab[dimensie])
        blokken.append(blok(t, staaf(t, "groep", "mediaan", _("Mediaan (weken)"))))
    blokken.append(
        blok(
            wachttijden.samenvattingstabel(
                "stand-aanbieder", _("Nu wachtend per aanbieder (al gewacht)"), stand, "aanbieder", lab["aanbieder"]
            )
        )
    )
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
    return blokken


# --- use of youth care (CBS) --------------------------------------------------------------------------------------
def _inzettabel(sleutel, titel, lijst, dimensie, lab, f: Filter) -> Tabel:
    """Youths, trajectories, in/outflow per group. Each count column is suppressed with its total; the counts of a
    group whose number of youths is hidden are hidden too."""
    groepen = inzet.per(lijst, dimensie)
    volgorde = sorted(groepen, key=lambda k: str(lab.get(k, k) or ""))
    jeugd = onderdruk([(str(lab.get(k, k) or _("Onbekend")), len({t.jeugdige for t in groepen[k]})) for k in volgorde])
    rij_weg = {i for i, c in enumerate(jeugd) if not c.zichtbaar}
    tellingen = [inzet.tel(groepen[k], f.van, f.tot) for k in volgorde]
    tot = inzet.tel(lijst, f.van, f.tot)
    velden = ("trajecten", "instroom", "uitstroom", "volgens_plan", "voortijdig")
    kolommen = {v: kolom([getattr(i, v) for i in tellingen], rij_weg) for v in velden}
    kop = [_("Groep"), _("Jeugdigen"), _("Trajecten"), _("Instroom"), _("Uitstroom"), _("Gem. duur (dagen)"),
           _("Volgens plan"), _("Voortijdig")]  # fmt: skip
    t = Tabel(sleutel, titel, kop)
    for r, (cel, i) in enumerate(zip(jeugd, tellingen, strict=True)):
        duur = f"{i.gemiddelde_duur_dagen:.0f}" if i.gemiddelde_duur_dagen and cel.zichtbaar else "–"
        k = {v: kolommen[v][r] for v in velden}
        t.rijen.append([cel.label, cel.tekst, k["trajecten"], k["instroom"], k["uitstroom"], duur,
                        k["volgens_plan"], k["voortijdig"]])  # fmt: skip
        t.grafiekdata.append({"groep": cel.label, "jeugdigen": i.jeugdigen if cel.zichtbaar else None})
    totaal = {v: totaal_tekst(getattr(tot, v), kolommen[v]) for v in velden}
    t.totaal = [_("Totaal"), totaal_tekst(tot.jeugdigen, [c.tekst for c in jeugd]), totaal["trajecten"],
                totaal["instroom"], totaal["uitstroom"],
                f"{tot.gemiddelde_duur_dagen:.0f}" if tot.gemiddelde_duur_dagen else "–",
                totaal["volgens_plan"], totaal["voortijdig"]]  # fmt: skip
    return t


def aandeeltabel(lijst: list[inzet.Traject]) -> Tabel:
    """The share of youths with help against the population entered per gemeente (hidden below 5 youths)."""
    per_gemeente = inzet.per(lijst, "gemeente")
    t = Tabel("aandeel", _("Aandeel jeugdigen met jeugdhulp"), [_("Gemeente"), _("Inwoners 0–17"), _("Aandeel")])
    for g in Gemeente.objects.order_by("naam"):
        n = len({tr.jeugdige for tr in per_gemeente.get(g.pk, [])})
        tekst = f"{100 * n / g.inwoners_0_17:.1f}%" if g.inwoners_0_17 and n >= 5 else "–"
        t.rijen.append([g.naam, str(g.inwoners_0_17 or "–"), tekst])
    return t


def inzet_blokken(f: Filter) -> list[dict]:
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
        blokken.append(blok(t, staaf(t, "groep", "jeugdigen", _("Jeugdigen"))))
    blokken.append(blok(aandeeltabel(lijst)))
    return blokken


# --- finance -----------------------------------------------------------------------------------------------------
def _euro(cent: int) -> str:
    return f"{cent / 100:.0f}"


LICHT_LABEL = _lazy("Lichte jeugdhulp, lokaal gefactureerd")


def financien_blokken(f: Filter, vandaag: dt.date) -> list[dict]:
    """Finance is about money, not persons: amounts are not suppressed. PGB and light help have their own lines."""
    if f.leeg:
        return []
    jaar = f.tot.year
    lab = labels()
    blokken = []
    for dimensie, titel, dlab in (
        ("categorie", _("Financiën %s per productcategorie (euro)") % jaar, lab["categorie"]),
        ("aanbieder", _("Financiën %s per aanbieder (euro)") % jaar, {str(k): v for k, v in lab["aanbieder"].items()}),
    ):
        regels = financien.overzicht(jaar, vandaag, f.gemeente, dimensie)
        kop = [_("Groep"), _("Budget"), _("Verplicht"), _("Gedeclareerd"), _("Goedgekeurd"), _("Pgb"),
               _("Prognose jaareinde"), _("Budget op")]  # fmt: skip
        t = Tabel(f"fin-{dimensie}", titel, kop)
        for k in sorted(regels, key=lambda k: str(dlab.get(k, k))):
            r = regels[k]
            eigen = {"pgb": _("Persoonsgebonden budget"), LICHT: LICHT_LABEL, "lokaal": LICHT_LABEL}
            naam = str(eigen.get(k) or dlab.get(k, k))
            op = r.uitgeput_op.isoformat() if r.uitgeput_op else "–"
            t.rijen.append([naam, _euro(r.budget), _euro(r.verplicht), _euro(r.gedeclareerd), _euro(r.goedgekeurd),
                            _euro(r.pgb), _euro(r.prognose), op])  # fmt: skip
            t.grafiekdata.append({"groep": naam, "prognose": r.prognose / 100})
        blokken.append(blok(t, staaf(t, "groep", "prognose", _("Prognose (euro)"))))
    return blokken
