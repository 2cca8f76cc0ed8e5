"""PGB budget from the tariffs, in the unit of what is granted: the aangevraagde product's volume, eenheid and
frequentie (31 etmalen per maand → a tariff per etmaal × 31 × the months of the period), never a second, separately
typed amount. Professional help is paid as a share of the contracted ZIN tariff, help from the social network at a
fixed hourly rate (so only for help counted in time). Both figures are a policy choice of the gemeente (verordening /
nadere regels, Jeugdwet 2.9 c) and are NOT verified for Oss: set them in settings before production.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

from django.conf import settings
from django.db.models import Q

from jeugdhulp.aanbieders.models import Product, Tarief
from jeugdhulp.besluiten.models import Tariefsoort

PROFESSIONEEL_PERCENTAGE = 100  # % of the lowest contracted ZIN tariff (cost ≤ ZIN, Jeugdwet 8.1.1 lid 4a)
INFORMEEL_UURTARIEF = 1451  # eurocent; example from Rb Oost-Brabant 2025:4604 ("Begeleiding basis"), UNVERIFIED
MINUTEN = {"01": Decimal(1), "04": Decimal(60), "16": Decimal(240)}  # WJ756 eenheden counted in time (dagdeel = 4 uur)
PERIODEN_PER_JAAR = {"1": Decimal(365), "2": Decimal(365) / 7, "4": Decimal(12)}  # WMO757 per dag, week, maand


def omrekenen(bedrag: Decimal, van_eenheid: str, naar_eenheid: str) -> Decimal | None:
    """A tariff per ``van_eenheid`` as a tariff per ``naar_eenheid``; None if the units cannot be compared."""
    if van_eenheid == naar_eenheid:
        return bedrag
    if van_eenheid in MINUTEN and naar_eenheid in MINUTEN:
        return bedrag * MINUTEN[naar_eenheid] / MINUTEN[van_eenheid]
    return None


def zin_tarief(product: Product, eenheid: str, regio, op: dt.date) -> Decimal | None:
    """The lowest contracted ZIN tariff for this product in the regio on ``op``, per ``eenheid`` (eurocent)."""
    tarief = (
        Tarief.objects.filter(product=product, contract__regio=regio)
        .filter(Q(contract__einddatum__isnull=True) | Q(contract__einddatum__gte=op))
        .geldig_op(op)
        .order_by("bedrag")
        .first()
    )
    return omrekenen(Decimal(tarief.bedrag), product.eenheid, eenheid) if tarief else None


def tarief(soort: str, product: Product, eenheid: str, regio, op: dt.date) -> int | None:
    """Eurocent per ``eenheid`` of the granted help, or None when there is no tariff in that unit."""
    if soort == Tariefsoort.INFORMEEL:
        uur = Decimal(getattr(settings, "JEUGDHULP_PGB_INFORMEEL_UURTARIEF", INFORMEEL_UURTARIEF))
        per_eenheid = omrekenen(uur, "04", eenheid)
    else:
        zin = zin_tarief(product, eenheid, regio, op)
        pct = getattr(settings, "JEUGDHULP_PGB_PROFESSIONEEL_PERCENTAGE", PROFESSIONEEL_PERCENTAGE)
        per_eenheid = zin * pct / 100 if zin is not None else None
    return None if per_eenheid is None else math.floor(per_eenheid)


def perioden(frequentie: str, van: dt.date, tot: dt.date) -> Decimal | None:
    """How many Frequentie periods [van, tot] spans, part periods pro rata; 1 for 'in totaal' (6)."""
    if frequentie == "6":
        return Decimal(1)
    per_jaar = PERIODEN_PER_JAAR.get(frequentie)
    if per_jaar is None:
        return None
    return Decimal((tot - van).days + 1) * per_jaar / 365


def budget(tarief_cent: int, volume: int, frequentie: str, van: dt.date, tot: dt.date) -> int | None:
    """Budget for the whole period in eurocent: tariff per unit × volume per period × periods (rounded up)."""
    n = perioden(frequentie, van, tot)
    return None if n is None else math.ceil(Decimal(tarief_cent) * volume * n)
