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
from jeugdhulp.monitor.onthulling import DREMPEL, Afgeleid, Telling, telling
from jeugdhulp.monitor.tabel import Tabel, procent, weken

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
    id: object = None  # the row measured (toewijzing, verzoek, beschikking, levering): the record a count counts


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
                pk,
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
                       pk in overbrugd, pk)
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
    for pk, ontvangen, beantwoord, gemeente, wijk, aanbieder, producten in Verzoek.objects.filter(q).values_list(
        "pk", "ontvangen", "beantwoord", "gemeente_id", "jeugdige__wijk_id", "aanbieder_id", "producten"
    ):
        categorie = (producten[0].get("categorie") or "") if producten else ""
        if f.categorie and categorie != f.categorie:
            continue
        eind = beantwoord.date() if beantwoord else vandaag
        dagen = werkdagen_tussen(ontvangen.date(), eind)
        result.append(
            Meting(dagen, _boven(dagen, norm), ontvangen.date().replace(day=1), gemeente, wijk, aanbieder, categorie,
                   id=pk)
        )  # fmt: skip
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
    for pk, ontvangen, datum, opgeschort, gemeente, wijk in Beschikking.objects.filter(q).values_list(
        "pk", "aanvraag__ontvangen_op", "datum", "aanvraag__opgeschorte_dagen", "gemeente_id",
        "aanvraag__jeugdige__wijk_id",
    ):  # fmt: skip
        dagen = max(0, (datum - ontvangen).days - opgeschort)
        result.append(Meting(dagen, _boven(dagen, norm), ontvangen.replace(day=1), gemeente, wijk, id=pk))
    return result


def start_gemeld(f: Filter, tabel=None) -> list[Meting]:
    """Actual start (JW305 begindatum) → JW305 received, in working days (OP271: 5)."""
    from jeugdhulp.berichten.models import Levering

    norm = norm_voor(Maat.START_GEMELD, "", tabel or normen())
    q = Q(soort="start", begindatum__gte=f.van, begindatum__lte=f.tot, toewijzing__isnull=False)
    q &= f.toewijzingen("toewijzing__")
    result = []
    for pk, begin, ontvangen, gemeente, wijk, aanbieder, categorie in Levering.objects.filter(q).values_list(
        "pk",
        "begindatum",
        "bericht__aangemaakt",
        "toewijzing__gemeente_id",
        "toewijzing__jeugdige__wijk_id",
        "aanbieder_id",
        "product_categorie",
    ):
        dagen = werkdagen_tussen(begin, ontvangen.date())
        result.append(
            Meting(dagen, _boven(dagen, norm), begin.replace(day=1), gemeente, wijk, aanbieder, categorie, id=pk)
        )
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
        per = 1 if werkdagen else 7  # working days are counted as such; calendar days become weeks
        dagen = [m.dagen for m in metingen]
        return cls(
            n,
            round(statistics.fmean(dagen) / per, 1),
            round(statistics.median(dagen) / per, 1),
            boven,
            boven / n,
        )


def tellingen(ns, metingen: list[Meting], volgt: Telling | None = None) -> tuple[Telling, Telling]:
    """The count of ``metingen`` and of those above the norm (which follows the first): records ``(ns, id)``."""
    n = telling(ns, map(_id, metingen))
    boven = telling(ns, map(_id, (m for m in metingen if m.boven_norm)), volgt or n)
    return n, boven


def _id(m: Meting) -> object:
    return m.id if m.id is not None else id(m)


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


def _samenvattingsrij(label, s: Samenvatting, n: Telling, boven: Telling) -> list:
    return [label, n, Afgeleid(s.gemiddeld_weken, weken, [n]), Afgeleid(s.mediaan_weken, weken, [n]), boven,
            Afgeleid(s.aandeel_boven, procent, [n, boven])]  # fmt: skip


def _volgorde(k: object, labels: dict) -> tuple:
    """Rows in the order of their key where it has one (months by date: "dec 2025" before "jan 2026"), else by
    label; an unknown group (None) last."""
    if isinstance(k, dt.date):
        return (0, k.toordinal(), "")
    return (1 if k is not None else 2, 0, str(labels.get(k, k or "")))


def samenvattingstabel(
    sleutel: str, titel: str, metingen: list[Meting], dimensie: str, labels: dict, *, werkdagen: bool = False,
    ns: object = None,
) -> Tabel:  # fmt: skip
    """One row per group: n, mean, median, above norm, share above norm.

    Counts are ``Telling`` in namespace ``ns`` (default the key), so tables over the same measure share their
    records; mean, median and share show only with their counts, and only over 5 or more."""
    ns = ns or sleutel
    eenheid = _("werkdagen") if werkdagen else _("weken")
    groepen = groepeer(metingen, dimensie)
    volgorde = sorted(groepen, key=lambda k: _volgorde(k, labels))
    kop = [_("Groep"), _("Aantal"), _("Gemiddeld (%s)") % eenheid, _("Mediaan (%s)") % eenheid,
           _("Boven norm"), _("Aandeel boven norm")]  # fmt: skip
    t = Tabel(sleutel, titel, kop)
    for k in volgorde:
        n, boven = tellingen(ns, groepen[k])
        s = Samenvatting.van(groepen[k], werkdagen)
        label = str(labels.get(k, k) or _("Onbekend"))
        t.rijen.append(_samenvattingsrij(label, s, n, boven))
        t.grafiekdata.append({"groep": label, "mediaan": Afgeleid(s.mediaan_weken, weken, [n])})
    n, boven = tellingen(ns, metingen)
    t.totaal = _samenvattingsrij(_("Totaal"), Samenvatting.van(metingen, werkdagen), n, boven)
    return t


def standtabel(metingen: list[Meting], titel: str, ns: object = "stand") -> Tabel:
    """The current stand: the distribution of time already waited, with and without overbruggingszorg.

    A two-way table (each row's total is "met" + "zonder", each column has a total): the relations follow from
    the records. The cells of a column over 1–4 persons follow its total (hidden with it)."""
    kop = [_("Al gewacht"), _("Totaal"), _("Met overbruggingszorg"), _("Zonder overbruggingszorg")]
    t = Tabel("stand", titel, kop)
    kolommen = [metingen, [m for m in metingen if m.overbrugging], [m for m in metingen if not m.overbrugging]]
    totalen = [telling(ns, map(_id, k)) for k in kolommen]
    for label, _grens in KLASSEN:
        cellen = [telling(ns, (_id(m) for m in k if klasse(m.dagen) == label), volgt=tot)
                  for k, tot in zip(kolommen, totalen, strict=True)]  # fmt: skip
        t.rijen.append([label, *cellen])
        t.grafiekdata.append({"klasse": label, "aantal": cellen[0]})
    t.totaal = [_("Totaal"), *totalen]
    return t


def maanden(van: dt.date, tot: dt.date) -> list[dt.date]:
    result, m = [], van.replace(day=1)
    while m <= tot:
        result.append(m)
        m = dt.date(m.year + m.month // 12, m.month % 12 + 1, 1)
    return result


def trendtabel(f: Filter, tabel=None, gestart: list[Meting] | None = None) -> Tabel:
    """Per month: waits that ended (started care) with median and share above norm, and the stand at month end.
    ``gestart``: ``toewijzing_start(f, tabel)`` when the caller has it already, so it is not read twice.
    Counts share their records with the other tables of the same measure (namespaces "start" and the stand's
    ("stand", peildatum)), so a month that is also a table's total is the same cell."""
    tabel = tabel or normen()
    gestart = groepeer(gestart if gestart is not None else toewijzing_start(f, tabel), "maand")
    kop = [_("Maand"), _("Gestart"), _("Mediaan wachttijd (weken)"), _("Gestart boven norm"),
           _("Aandeel boven norm"), _("Wachtend aan eind maand"), _("Wachtend boven norm")]  # fmt: skip
    t = Tabel("trend", _("Wachttijd tot start zorg per maand"), kop)
    eindes = {m: min(maand_einde(m), f.tot) for m in maanden(f.van, f.tot)}
    standen = stand_reeks(f, list(eindes.values()), tabel)
    for m, eind in eindes.items():
        s = Samenvatting.van(gestart.get(m, []))
        n, boven = tellingen("start", gestart.get(m, []))
        wachtend, wachtend_boven = tellingen(("stand", eind), standen[eind])
        mediaan = Afgeleid(s.mediaan_weken, weken, [n])
        t.rijen.append([maand_label(m), n, mediaan, boven, Afgeleid(s.aandeel_boven, procent, [n, boven]),
                        wachtend, wachtend_boven])  # fmt: skip
        t.grafiekdata.append({"maand": m.isoformat(), "mediaan": mediaan})
    return t


MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def maand_label(m: dt.date) -> str:
    """Dutch short month: "okt 2025"."""
    return f"{MAANDEN[m.month - 1]} {m.year}"


def categorie_labels() -> dict[str, str]:
    return dict(codelijsten.PRODUCTCATEGORIE.codes)
