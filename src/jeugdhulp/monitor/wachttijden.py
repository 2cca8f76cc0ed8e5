"""Waiting times, live from the event data (no batch): every call queries the stored dates and indexes.

Measures (norms in ``normen``):
- toewijzing → start zorg: from the later of toewijzingsdatum and ingangsdatum to the JW305 begindatum;
- aanvraag → beschikking (Awb), VOT received → first answer (JW301/JW319), actual start → JW305 received;
- the stand: toegewezen, still valid, not started on the peildatum; with the time already waited in buckets.

A row of a measure is ``Meting``; tables group them per aanbieder, categorie, gemeente, wijk or month and apply the
disclosure rules: counts 1–4 show "<5", averages and distributions over fewer than 5 persons are hidden.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdhulp import codelijsten
from jeugdhulp.core.werkdagen import werkdagen_tussen
from jeugdhulp.monitor.filters import Filter, maand_einde
from jeugdhulp.monitor.models import Maat
from jeugdhulp.monitor.normen import Normlijn, norm_voor, normen
from jeugdhulp.monitor.onthulling import (
    DREMPEL,
    ONDERDRUKT,
    is_klein,
    kolom,
    onderdruk,
    onderdruk_raster,
    tekst,
    totaal_tekst,
)
from jeugdhulp.monitor.tabel import Tabel

# Buckets of time already waited, in days: 0–4, 4–10, 10–14 and more than 14 weeks.
KLASSEN = (("0–4 weken", 28), ("4–10 weken", 70), ("10–14 weken", 98), ("> 14 weken", None))


@dataclass(frozen=True)
class Meting:
    dagen: int
    boven_norm: bool
    maand: dt.date
    gemeente: int | None = None
    wijk: int | None = None
    aanbieder: int | None = None
    categorie: str = ""
    overbrugging: bool = False


def klasse(dagen: int) -> str:
    for label, grens in KLASSEN:
        if grens is None or dagen <= grens:
            return label
    return KLASSEN[-1][0]


def wacht_vanaf(toewijzingsdatum: dt.date, ingangsdatum: dt.date) -> dt.date:
    """A toewijzing can be sent after its ingangsdatum (retroactive) or before it; the wait runs from the later."""
    return max(toewijzingsdatum, ingangsdatum)


def _overbrugd() -> set[int]:
    """Toewijzingen whose aanvraag records overbruggingszorg (bridging care while waiting)."""
    from jeugdhulp.besluiten.models import Aanvraag

    return set(
        Aanvraag.objects.exclude(overbruggingszorg="")
        .filter(toewijzingen__isnull=False)
        .values_list("toewijzingen", flat=True)
    )


def _boven(dagen: int, norm: Normlijn) -> bool:
    return dagen > norm.dagen


# --- the measures ---------------------------------------------------------------------------------------------
def toewijzing_start(f: Filter, tabel=None) -> list[Meting]:
    from jeugdhulp.toewijzingen.models import Toewijzing

    tabel = tabel or normen()
    overbrugd = _overbrugd()
    rijen = (
        Toewijzing.objects.filter(f.toewijzingen(), begindatum_zorg__gte=f.van, begindatum_zorg__lte=f.tot)
        .values_list(
            "pk",
            "toewijzingsdatum",
            "ingangsdatum",
            "begindatum_zorg",
            "gemeente_id",
            "jeugdige__wijk_id",
            "aanbieder_id",
            "product__categorie",
        )
        .iterator(chunk_size=5000)
    )
    result = []
    for pk, toegewezen, ingang, begin, gemeente, wijk, aanbieder, categorie in rijen:
        dagen = max(0, (begin - wacht_vanaf(toegewezen, ingang)).days)
        norm = norm_voor(Maat.TOEWIJZING_START, categorie, tabel)
        result.append(
            Meting(
                dagen,
                _boven(dagen, norm),
                begin.replace(day=1),
                gemeente,
                wijk,
                aanbieder,
                categorie,
                pk in overbrugd,
            )
        )
    return result


def stand(f: Filter, peildatum: dt.date, tabel=None) -> list[Meting]:
    """Everyone toegewezen, still valid and not started on the peildatum, with the days already waited."""
    return stand_reeks(f, [peildatum], tabel)[peildatum]


def stand_reeks(f: Filter, peildata: list[dt.date], tabel=None) -> dict[dt.date, list[Meting]]:
    """The stand on several peildata from one query (the monthly trend)."""
    from jeugdhulp.toewijzingen.models import Toewijzing

    tabel = tabel or normen()
    overbrugd = _overbrugd()
    eerste, laatste = min(peildata), max(peildata)
    rijen = (
        Toewijzing.objects.filter(
            f.toewijzingen(),
            Q(begindatum_zorg__isnull=True) | Q(begindatum_zorg__gt=eerste),
            Q(einddatum__isnull=True) | Q(einddatum__gte=eerste),
            Q(einddatum_zorg__isnull=True) | Q(einddatum_zorg__gt=eerste),
            toewijzingsdatum__lte=laatste,
            ingangsdatum__lte=laatste,
        )
        .values_list(
            "pk",
            "toewijzingsdatum",
            "ingangsdatum",
            "einddatum",
            "begindatum_zorg",
            "einddatum_zorg",
            "gemeente_id",
            "jeugdige__wijk_id",
            "aanbieder_id",
            "product__categorie",
        )  # fmt: skip
        .iterator(chunk_size=5000)
    )
    result: dict[dt.date, list[Meting]] = {p: [] for p in peildata}
    for pk, toegewezen, ingang, einde, begin, einde_zorg, gemeente, wijk, aanbieder, categorie in rijen:
        vanaf = wacht_vanaf(toegewezen, ingang)
        norm = norm_voor(Maat.TOEWIJZING_START, categorie, tabel)
        for p in peildata:
            if vanaf > p or (begin and begin <= p) or (einde and einde < p) or (einde_zorg and einde_zorg <= p):
                continue
            dagen = (p - vanaf).days
            result[p].append(
                Meting(dagen, _boven(dagen, norm), p.replace(day=1), gemeente, wijk, aanbieder, categorie,
                       pk in overbrugd)
            )  # fmt: skip
    return result


def vot_antwoord(f: Filter, vandaag: dt.date, tabel=None) -> list[Meting]:
    """JW315 received → first answer, in working days; an unanswered VOT counts with the days so far."""
    from jeugdhulp.berichten.models import Verzoek

    norm = norm_voor(Maat.VOT_ANTWOORD, "", tabel or normen())
    # The same days as ontvangen__date, as a range on the stored timestamp (local midnight to midnight): no
    # conversion per row (on SQLite a Python call per row), and an index on ``ontvangen`` can serve it.
    van = timezone.make_aware(dt.datetime.combine(f.van, dt.time()))
    tot = timezone.make_aware(dt.datetime.combine(f.tot + dt.timedelta(days=1), dt.time()))
    q = Q(berichtsoort="JW315", ontvangen__gte=van, ontvangen__lt=tot)
    if f.gemeente:
        q &= Q(gemeente_id=f.gemeente)
    if f.aanbieder:
        q &= Q(aanbieder_id=f.aanbieder)
    if f.wijk:
        q &= Q(jeugdige__wijk_id=f.wijk)
    result = []
    for ontvangen, beantwoord, gemeente, wijk, aanbieder, producten in Verzoek.objects.filter(q).values_list(
        "ontvangen", "beantwoord", "gemeente_id", "jeugdige__wijk_id", "aanbieder_id", "producten"
    ):
        categorie = (producten[0].get("categorie") or "") if producten else ""
        if f.categorie and categorie != f.categorie:
            continue
        eind = beantwoord.date() if beantwoord else vandaag
        dagen = werkdagen_tussen(ontvangen.date(), eind)
        result.append(
            Meting(dagen, _boven(dagen, norm), ontvangen.date().replace(day=1), gemeente, wijk, aanbieder, categorie)
        )
    return result


def aanvraag_beschikking(f: Filter, tabel=None) -> list[Meting]:
    """Aanvraag received → beschikking bekendgemaakt; suspended days (opschorting) do not count (Awb 4:15)."""
    from jeugdhulp.besluiten.models import Beschikking

    norm = norm_voor(Maat.AANVRAAG_BESCHIKKING, "", tabel or normen())
    q = Q(aanvraag__ontvangen_op__gte=f.van, aanvraag__ontvangen_op__lte=f.tot)
    if f.gemeente:
        q &= Q(gemeente_id=f.gemeente)
    if f.wijk:
        q &= Q(aanvraag__jeugdige__wijk_id=f.wijk)
    result = []
    for ontvangen, datum, opgeschort, gemeente, wijk in Beschikking.objects.filter(q).values_list(
        "aanvraag__ontvangen_op", "datum", "aanvraag__opgeschorte_dagen", "gemeente_id", "aanvraag__jeugdige__wijk_id"
    ):
        dagen = max(0, (datum - ontvangen).days - opgeschort)
        result.append(Meting(dagen, _boven(dagen, norm), ontvangen.replace(day=1), gemeente, wijk))
    return result


def start_gemeld(f: Filter, tabel=None) -> list[Meting]:
    """Actual start (JW305 begindatum) → JW305 received, in working days (OP271: 5)."""
    from jeugdhulp.berichten.models import Levering

    norm = norm_voor(Maat.START_GEMELD, "", tabel or normen())
    q = Q(soort="start", begindatum__gte=f.van, begindatum__lte=f.tot, toewijzing__isnull=False)
    q &= f.toewijzingen("toewijzing__")
    result = []
    for begin, ontvangen, gemeente, wijk, aanbieder, categorie in Levering.objects.filter(q).values_list(
        "begindatum",
        "bericht__aangemaakt",
        "toewijzing__gemeente_id",
        "toewijzing__jeugdige__wijk_id",
        "aanbieder_id",
        "product_categorie",
    ):
        dagen = werkdagen_tussen(begin, ontvangen.date())
        result.append(Meting(dagen, _boven(dagen, norm), begin.replace(day=1), gemeente, wijk, aanbieder, categorie))
    return result


# --- summaries with disclosure control --------------------------------------------------------------------------
@dataclass(frozen=True)
class Samenvatting:
    n: int
    gemiddeld_weken: float | None
    mediaan_weken: float | None
    boven_norm: int
    aandeel_boven: float | None  # 0..1

    @classmethod
    def van(cls, metingen: list[Meting], werkdagen: bool = False) -> Samenvatting:
        n = len(metingen)
        boven = sum(m.boven_norm for m in metingen)
        if n < DREMPEL:  # averages and shares over fewer than 5 persons are hidden
            return cls(n, None, None, boven, None)
        per = 5 if werkdagen else 7
        dagen = [m.dagen for m in metingen]
        return cls(
            n,
            round(statistics.fmean(dagen) / per, 1),
            round(statistics.median(dagen) / per, 1),
            boven,
            boven / n,
        )


def _fmt(x: float | None, procent: bool = False) -> str:
    if x is None:
        return "–"
    return f"{x * 100:.0f}%" if procent else f"{x:.1f}"


def verdeling(metingen: list[Meting]) -> list[tuple[str, int]]:
    tellers = dict.fromkeys((label for label, _g in KLASSEN), 0)
    for m in metingen:
        tellers[klasse(m.dagen)] += 1
    return list(tellers.items())


def groepeer(metingen: list[Meting], dimensie: str) -> dict[object, list[Meting]]:
    groepen: dict[object, list[Meting]] = defaultdict(list)
    for m in metingen:
        groepen[getattr(m, dimensie)].append(m)
    return groepen


def samenvattingstabel(
    sleutel: str, titel: str, metingen: list[Meting], dimensie: str, labels: dict, *, werkdagen: bool = False
) -> Tabel:
    """One row per group: n, mean, median, above norm, share above norm.

    The counts "Aantal" and "Boven norm" are each suppressed as a column with its total; the above-norm count of
    a group whose size is hidden is hidden too, and mean, median and share only show for a visible group of 5+.
    """
    eenheid = _("werkdagen") if werkdagen else _("weken")
    groepen = groepeer(metingen, dimensie)
    volgorde = sorted(groepen, key=lambda k: (str(labels.get(k, k or "")),))
    samen = [Samenvatting.van(groepen[k], werkdagen) for k in volgorde]
    cellen = onderdruk([(str(labels.get(k, k) or _("Onbekend")), len(groepen[k])) for k in volgorde])
    rij_weg = {i for i, c in enumerate(cellen) if not c.zichtbaar}
    boven = kolom([s.boven_norm for s in samen], rij_weg)
    kop = [_("Groep"), _("Aantal"), _("Gemiddeld (%s)") % eenheid, _("Mediaan (%s)") % eenheid,
           _("Boven norm"), _("Aandeel boven norm")]  # fmt: skip
    t = Tabel(sleutel, titel, kop)
    for cel, s, boven_tekst in zip(cellen, samen, boven, strict=True):
        zichtbaar = cel.zichtbaar and s.gemiddeld_weken is not None
        aandeel = s.aandeel_boven if zichtbaar and boven_tekst == str(s.boven_norm) else None
        t.rijen.append([
            cel.label, cel.tekst,
            _fmt(s.gemiddeld_weken if zichtbaar else None), _fmt(s.mediaan_weken if zichtbaar else None),
            boven_tekst, _fmt(aandeel, procent=True),
        ])  # fmt: skip
        t.grafiekdata.append({"groep": cel.label, "mediaan": s.mediaan_weken if zichtbaar else None})
    totaal = Samenvatting.van(metingen, werkdagen)
    n_tekst = totaal_tekst(totaal.n, [c.tekst for c in cellen])
    boven_totaal = totaal_tekst(totaal.boven_norm, boven)
    aandeel = totaal.aandeel_boven if boven_totaal == str(totaal.boven_norm) else None
    t.totaal = [_("Totaal"), n_tekst, _fmt(totaal.gemiddeld_weken), _fmt(totaal.mediaan_weken), boven_totaal,
                _fmt(aandeel, procent=True)]  # fmt: skip
    return t


def standtabel(metingen: list[Meting], titel: str) -> Tabel:
    """The current stand: the distribution of time already waited, with and without overbruggingszorg.

    A two-way table: each row's total is "met" + "zonder", each column has a total. A distribution column over
    1–4 persons is hidden entirely ("–"); the rest is suppressed over rows and columns together.
    """
    kop = [_("Al gewacht"), _("Totaal"), _("Met overbruggingszorg"), _("Zonder overbruggingszorg")]
    t = Tabel("stand", titel, kop)
    kolommen = [
        verdeling(metingen),
        verdeling([m for m in metingen if m.overbrugging]),
        verdeling([m for m in metingen if not m.overbrugging]),
    ]
    rijen = range(len(KLASSEN))
    waarden = {(i, k): kolommen[k][i][1] for i in rijen for k in range(3)}
    waarden.update({("t", k): sum(n for _l, n in kolommen[k]) for k in range(3)})
    lijnen = [([(i, 1), (i, 2)], (i, 0)) for i in rijen] + [([("t", 1), ("t", 2)], ("t", 0))]
    lijnen += [([(i, k) for i in rijen], ("t", k)) for k in range(3)]
    te_klein = {k for k in range(3) if is_klein(waarden[("t", k)])}  # an all-zero column has nothing to hide
    verborgen = onderdruk_raster(waarden, lijnen, {(i, k) for i in rijen for k in te_klein})

    def cel(i, k):
        if k in te_klein and i != "t":
            return "–"
        return tekst(waarden[(i, k)], (i, k) not in verborgen)

    for i in rijen:
        label = KLASSEN[i][0]
        t.rijen.append([label, *(cel(i, k) for k in range(3))])
        zichtbaar = (i, 0) not in verborgen and 0 not in te_klein
        t.grafiekdata.append({"klasse": label, "aantal": waarden[(i, 0)] if zichtbaar else None})
    t.totaal = [_("Totaal"), *(cel("t", k) for k in range(3))]
    return t


def maanden(van: dt.date, tot: dt.date) -> list[dt.date]:
    result, m = [], van.replace(day=1)
    while m <= tot:
        result.append(m)
        m = dt.date(m.year + m.month // 12, m.month % 12 + 1, 1)
    return result


def trendtabel(f: Filter, tabel=None, gestart: list[Meting] | None = None) -> Tabel:
    """Per month: waits that ended (started care) with median and share above norm, and the stand at month end.
    ``gestart``: ``toewijzing_start(f, tabel)`` when the caller has it already, so it is not read twice."""
    tabel = tabel or normen()
    gestart = groepeer(gestart if gestart is not None else toewijzing_start(f, tabel), "maand")
    kop = [_("Maand"), _("Gestart"), _("Mediaan wachttijd (weken)"), _("Aandeel boven norm"),
           _("Wachtend aan eind maand"), _("Wachtend boven norm")]  # fmt: skip
    t = Tabel("trend", _("Wachttijd tot start zorg per maand"), kop)
    eindes = {m: min(maand_einde(m), f.tot) for m in maanden(f.van, f.tot)}
    standen = stand_reeks(f, list(eindes.values()), tabel)
    for m, eind in eindes.items():
        s = Samenvatting.van(gestart.get(m, []))
        wachtend = standen[eind]
        boven = sum(w.boven_norm for w in wachtend)
        t.rijen.append([
            m.strftime("%Y-%m"),
            ONDERDRUKT if is_klein(s.n) else str(s.n),
            _fmt(s.mediaan_weken),
            _fmt(s.aandeel_boven if not is_klein(s.boven_norm) else None, procent=True),
            ONDERDRUKT if is_klein(len(wachtend)) else str(len(wachtend)),
            ONDERDRUKT if is_klein(boven) else str(boven),
        ])  # fmt: skip
        t.grafiekdata.append({"maand": m.isoformat(), "mediaan": s.mediaan_weken})
    return t


def categorie_labels() -> dict[str, str]:
    return dict(codelijsten.PRODUCTCATEGORIE.codes)
