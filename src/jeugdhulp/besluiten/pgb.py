"""PGB budget from the tariffs: professional help is paid as a share of the contracted ZIN tariff, help from the
social network at a fixed hourly rate. Both figures are a policy choice of the gemeente (verordening / nadere
regels, Jeugdwet 2.9 c) and are NOT verified for Oss: set them in settings before production.
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
PER_UUR = {"01": 60, "04": 1}  # WJ756 eenheid → units per hour (minuut, uur)


def zin_uurtarief(product: Product, regio, op: dt.date) -> int | None:
    """The lowest contracted ZIN tariff per hour for this product in the regio on ``op`` (eurocent)."""
    factor = PER_UUR.get(product.eenheid)
    if factor is None:
        return None
    tarief = (
        Tarief.objects.filter(product=product, contract__regio=regio)
        .filter(Q(contract__einddatum__isnull=True) | Q(contract__einddatum__gte=op))
        .geldig_op(op)
        .order_by("bedrag")
        .first()
    )
    return tarief.bedrag * factor if tarief else None


def uurtarief(soort: str, product: Product, regio, op: dt.date) -> int | None:
    if soort == Tariefsoort.INFORMEEL:
        return getattr(settings, "JEUGDHULP_PGB_INFORMEEL_UURTARIEF", INFORMEEL_UURTARIEF)
    zin = zin_uurtarief(product, regio, op)
    if zin is None:
        return None
    return zin * getattr(settings, "JEUGDHULP_PGB_PROFESSIONEEL_PERCENTAGE", PROFESSIONEEL_PERCENTAGE) // 100


def budget(uurtarief_cent: int, uren_per_week: Decimal, van: dt.date, tot: dt.date) -> int:
    """Budget for the whole period in eurocent: tariff × hours per week × weeks (part weeks pro rata, rounded up)."""
    weken = Decimal((tot - van).days + 1) / 7
    return math.ceil(Decimal(uurtarief_cent) * Decimal(uren_per_week) * weken)
