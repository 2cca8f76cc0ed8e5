"""Finance per year and productcategorie (and per aanbieder): budget, verplichtingen, realisatie, prognosis.

- verplichtingen: omvang × contract tariff of every toewijzing for its days in the year. Frequentie per dag/week/
  maand is multiplied by the number of those periods in the year part; "totaal" is prorated by days. Eenheid
  euro's (83) is the omvang itself; a Budget on the toewijzing wins.
- realisatie: JW323 prestaties declared (debet − credit), and approved (JW325, ``goedgekeurd``); PGB separately
  from the budgets granted (PgbBeoordeling.budget of toegekende aanvragen, prorated on the beschikking period).
- light youth care invoiced locally (``LokaleFactuur``, outside iJw) is its own line ``LICHT`` with its own budget,
  counted as declared and approved on its invoice date;
- prognosis (``prognose``): the larger of the approved amount extrapolated over the year and the year's commitments,
  plus PGB; exhaustion date where spending at that pace reaches the budget.
All amounts in eurocent.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q, Sum

from jeugdhulp.monitor.models import LICHT

PER_FREQUENTIE = {"1": 1, "2": 7, "4": 30.4375}  # days per period; "6" = totaal


def _overlap(van: dt.date, tot: dt.date | None, jaar: int) -> tuple[dt.date, dt.date] | None:
    begin, eind = max(van, dt.date(jaar, 1, 1)), min(tot or dt.date(jaar, 12, 31), dt.date(jaar, 12, 31))
    return (begin, eind) if begin <= eind else None


def verplichting(t: dict, tarief: int | None, jaar: int) -> int:
    """Eurocent committed in ``jaar`` by one toewijzing (a dict of its fields)."""
    deel = _overlap(t["ingangsdatum"], t["einddatum"], jaar)
    if deel is None:
        return 0
    dagen = (deel[1] - deel[0]).days + 1
    if t["budget"]:
        totaal_dagen = ((t["einddatum"] or deel[1]) - t["ingangsdatum"]).days + 1
        return round(t["budget"] * dagen / totaal_dagen)
    if not t["volume"]:
        return 0
    per_eenheid = 100 if t["eenheid"] == "83" else tarief
    if not per_eenheid:
        return 0
    if t["frequentie"] in PER_FREQUENTIE:
        return round(t["volume"] * per_eenheid * dagen / PER_FREQUENTIE[t["frequentie"]])
    totaal_dagen = ((t["einddatum"] or deel[1]) - t["ingangsdatum"]).days + 1
    return round(t["volume"] * per_eenheid * dagen / totaal_dagen)


def _tarieven() -> dict[tuple[int, int], list[tuple[dt.date, dt.date | None, int]]]:
    from jeugdhulp.aanbieders.models import Tarief

    result = defaultdict(list)
    for a, p, begin, eind, bedrag in Tarief.objects.values_list(
        "contract__aanbieder_id", "product_id", "begindatum", "einddatum", "bedrag"
    ):
        result[(a, p)].append((begin, eind, bedrag))
    return result


def _tarief(tarieven, aanbieder: int, product: int, op: dt.date) -> int | None:
    """As ``Tarief.objects.geldig_op``: the newest tariff in force on the date (from the preloaded table)."""
    geldig = [
        (b, bedrag) for b, e, bedrag in tarieven.get((aanbieder, product), []) if b <= op and (e is None or e >= op)
    ]
    return max(geldig)[1] if geldig else None


@dataclass
class Regel:
    budget: int = 0
    verplicht: int = 0
    gedeclareerd: int = 0
    goedgekeurd: int = 0
    pgb: int = 0
    prognose: int = 0
    uitgeput_op: dt.date | None = None


def overzicht(
    jaar: int, vandaag: dt.date, gemeente: int | None = None, dimensie: str = "categorie"
) -> dict[str, Regel]:
    """Per categorie (or aanbieder id): budget, verplicht, gedeclareerd, goedgekeurd, pgb, prognose, uitgeput_op."""
    from jeugdhulp.berichten.models import Prestatie
    from jeugdhulp.monitor.models import Budget
    from jeugdhulp.toewijzingen.models import Toewijzing

    regels: dict[str, Regel] = defaultdict(Regel)
    begin_jaar, eind_jaar = dt.date(jaar, 1, 1), dt.date(jaar, 12, 31)
    if dimensie == "categorie":
        budgetten = Budget.objects.filter(jaar=jaar)
        if gemeente:
            budgetten = budgetten.filter(gemeente_id=gemeente)
        for categorie, bedrag in budgetten.values_list("categorie", "bedrag"):
            regels[categorie].budget += bedrag
    tarieven = _tarieven()
    toewijzingen = Toewijzing.objects.filter(
        Q(einddatum__isnull=True) | Q(einddatum__gte=begin_jaar), ingangsdatum__lte=eind_jaar
    )
    if gemeente:
        toewijzingen = toewijzingen.filter(gemeente_id=gemeente)
    velden = ["aanbieder_id", "product_id", "product__categorie", "ingangsdatum", "einddatum", "volume", "eenheid",
              "frequentie", "budget"]  # fmt: skip
    for rij in toewijzingen.values(*velden).iterator(chunk_size=5000):
        sleutel = rij["product__categorie"] if dimensie == "categorie" else str(rij["aanbieder_id"])
        op = max(rij["ingangsdatum"], begin_jaar)
        regels[sleutel].verplicht += verplichting(
            rij, _tarief(tarieven, rij["aanbieder_id"], rij["product_id"], op), jaar
        )
    prestaties = Prestatie.objects.filter(begindatum__gte=begin_jaar, begindatum__lte=eind_jaar)
    if gemeente:
        prestaties = prestaties.filter(declaratie__gemeente_id=gemeente)
    groep = "product_categorie" if dimensie == "categorie" else "aanbieder_id"
    # Summed in the database: a region's year has hundreds of thousands of prestaties, a handful of groups.
    for waarde, dc, ok, bedrag in (
        prestaties.order_by().values_list(groep, "debet_credit", "goedgekeurd").annotate(som=Sum("bedrag"))
    ):
        sleutel = waarde if dimensie == "categorie" else str(waarde)
        teken = -1 if dc == "C" else 1
        regels[sleutel].gedeclareerd += teken * int(bedrag)
        if ok:
            regels[sleutel].goedgekeurd += teken * int(bedrag)
    if dimensie == "categorie":
        regels["pgb"].pgb = pgb(jaar, gemeente)
    lokaal = lokaal_gefactureerd(jaar, gemeente)
    if lokaal:
        regel = regels[LICHT if dimensie == "categorie" else "lokaal"]
        regel.gedeclareerd += lokaal
        regel.goedgekeurd += lokaal
    verstreken = max(1, (min(vandaag, eind_jaar) - begin_jaar).days + 1)
    for regel in regels.values():
        regel.prognose, regel.uitgeput_op = prognose(regel, jaar, verstreken if vandaag >= begin_jaar else 0)
    return dict(regels)


def prognose(regel: Regel, jaar: int, verstreken: int) -> tuple[int, dt.date | None]:
    """Year-end forecast and the day the budget runs out (None: it lasts the year, or there is no budget).

    Approved declarations lag the care, so their linear extrapolation alone forecasts 0 for a line whose care is
    committed but not yet declared. The forecast is the larger of that extrapolation and what is committed for the
    year (verplichtingen, plus the PGB budgets granted for the year, which are a year amount already); the budget
    runs out where spending at the forecast's even pace reaches it."""
    begin_jaar = dt.date(jaar, 1, 1)
    jaardagen = (dt.date(jaar, 12, 31) - begin_jaar).days + 1
    if verstreken <= 0:
        return 0, None
    geextrapoleerd = round(regel.goedgekeurd * jaardagen / verstreken)
    waarde = max(geextrapoleerd, regel.verplicht) + regel.pgb
    if regel.budget and waarde > regel.budget:
        return waarde, begin_jaar + dt.timedelta(days=int(regel.budget * jaardagen / waarde))
    return waarde, None


def totaal(regels: dict[str, Regel], jaar: int) -> Regel:
    """The sum of the lines, with the overall day the total budget runs out at the pace of the summed forecasts
    (None: the total budget lasts the year, or there is none)."""
    som = Regel()
    for r in regels.values():
        for veld in ("budget", "verplicht", "gedeclareerd", "goedgekeurd", "pgb", "prognose"):
            setattr(som, veld, getattr(som, veld) + getattr(r, veld))
    if som.budget and som.prognose > som.budget:
        jaardagen = (dt.date(jaar, 12, 31) - dt.date(jaar, 1, 1)).days + 1
        som.uitgeput_op = dt.date(jaar, 1, 1) + dt.timedelta(days=int(som.budget * jaardagen / som.prognose))
    return som


def lokaal_gefactureerd(jaar: int, gemeente: int | None = None) -> int:
    """Eurocent invoiced locally for light youth care in ``jaar``."""
    from jeugdhulp.monitor.models import LokaleFactuur

    qs = LokaleFactuur.objects.filter(factuurdatum__year=jaar)
    if gemeente:
        qs = qs.filter(gemeente_id=gemeente)
    return qs.aggregate(totaal=Sum("bedrag"))["totaal"] or 0


def pgb(jaar: int, gemeente: int | None = None) -> int:
    """PGB budgets granted, the part that falls in ``jaar`` (prorated on the beschikking period)."""
    from jeugdhulp.besluiten.models import PgbBeoordeling

    qs = PgbBeoordeling.objects.filter(aanvraag__beschikking__besluit="toegekend")
    if gemeente:
        qs = qs.filter(aanvraag__gemeente_id=gemeente)
    totaal = 0
    for budget, begin, eind in qs.values_list(
        "budget", "aanvraag__beschikking__ingangsdatum", "aanvraag__beschikking__einddatum"
    ):
        deel = _overlap(begin, eind, jaar)
        if deel and budget:
            totaal += round(budget * ((deel[1] - deel[0]).days + 1) / ((eind - begin).days + 1))
    return totaal
