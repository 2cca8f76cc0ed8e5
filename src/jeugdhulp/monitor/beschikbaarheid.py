"""Beschikbaarheidswijzer: the expected wait per aanbieder × product, for verwijzers and parents (after Twente).

Per pair, in this order:
1. the aanbieder's own expected wait from a report no older than ``VERS`` (the provider feed);
2. otherwise the median realised wait toewijzing → start zorg over the last 6 months, only from ≥ 5 starts.
It feeds the sociale kaart through ``socialekaart.services.zet_wachttijd`` (the one place that sets a wait).
No person-level figure leaves: only weeks, a source and a date.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from jeugdhulp.monitor.onthulling import DREMPEL
from jeugdhulp.monitor.wachttijden import wacht_vanaf

VERS = dt.timedelta(days=62)
REALISATIE_VENSTER = dt.timedelta(days=183)


@dataclass(frozen=True)
class Indicatie:
    aanbieder_id: int
    product_id: int
    weken: int
    bron: str  # "aanbieder" | "gerealiseerd"
    peildatum: dt.date


def indicaties(vandaag: dt.date | None = None, aanbieder_id: int | None = None) -> dict[tuple[int, int], Indicatie]:
    from jeugdhulp.monitor.models import Wachtlijstmelding
    from jeugdhulp.toewijzingen.models import Toewijzing

    vandaag = vandaag or timezone.localdate()
    result: dict[tuple[int, int], Indicatie] = {}
    starts = Toewijzing.objects.filter(begindatum_zorg__gt=vandaag - REALISATIE_VENSTER, begindatum_zorg__lte=vandaag)
    meldingen = Wachtlijstmelding.objects.filter(peildatum__gte=vandaag - VERS, peildatum__lte=vandaag)
    if aanbieder_id:
        starts, meldingen = starts.filter(aanbieder_id=aanbieder_id), meldingen.filter(aanbieder_id=aanbieder_id)
    wachten: dict[tuple[int, int], list[int]] = defaultdict(list)
    for a, p, toegewezen, ingang, begin in starts.values_list(
        "aanbieder_id", "product_id", "toewijzingsdatum", "ingangsdatum", "begindatum_zorg"
    ):
        wachten[(a, p)].append(max(0, (begin - wacht_vanaf(toegewezen, ingang)).days))
    for sleutel, dagen in wachten.items():
        if len(dagen) >= DREMPEL:
            result[sleutel] = Indicatie(*sleutel, round(statistics.median(dagen) / 7), "gerealiseerd", vandaag)
    for a, p, weken, peildatum in meldingen.order_by("peildatum").values_list(
        "aanbieder_id", "product_id", "verwachte_wachttijd_weken", "peildatum"
    ):
        result[(a, p)] = Indicatie(a, p, weken, "aanbieder", peildatum)  # the newest report wins
    return result


def werk_sociale_kaart_bij(aanbieder=None, vandaag: dt.date | None = None) -> int:
    """Set the expected wait of every sociale-kaart service linked to an aanbieder and product; returns how many."""
    from jeugdhulp.socialekaart.models import Dienst, WachttijdBron
    from jeugdhulp.socialekaart.services import zet_wachttijd

    alle = indicaties(vandaag, aanbieder.pk if aanbieder else None)
    diensten = Dienst.objects.filter(product__isnull=False, organisatie__aanbieder__isnull=False)
    if aanbieder:
        diensten = diensten.filter(organisatie__aanbieder=aanbieder)
    n = 0
    for dienst in diensten.select_related("organisatie"):
        indicatie = alle.get((dienst.organisatie.aanbieder_id, dienst.product_id))
        if indicatie is not None:
            zet_wachttijd(
                dienst, indicatie.weken, bron=WachttijdBron.BESCHIKBAARHEIDSWIJZER, peildatum=indicatie.peildatum
            )
            n += 1
    return n
