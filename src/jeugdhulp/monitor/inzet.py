"""Use of youth care aligned with CBS Beleidsinformatie Jeugd (zorg in natura, from the JW305/JW307 dates).

- hulpvorm from the productcategorie (and eenheid etmaal = met verblijf); JB/JR (47–49) and vervoer (42) are not
  jeugdhulp and are left out;
- a traject is hulpvorm + start; overlapping or adjoining trajectories of the same jeugdige at the same aanbieder
  with the same hulpvorm are merged into one (earliest start, latest end);
- youths count once per (sub)total; the share is against Gemeente.inwoners_0_17.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q

from jeugdhulp.monitor.filters import Filter

ZONDER_VERBLIJF = "zonder verblijf"
MET_VERBLIJF = "met verblijf"
GEEN_JEUGDHULP = frozenset({"42", "47", "48", "49"})
VERBLIJF_CATEGORIEEN = frozenset({"35", "36", "37", "38", "43", "44"})
# Sub-hulpvorm zonder verblijf (the ambulant split)
SUBVORM = {"31": "wijkteam", "33": "daghulp", "41": "daghulp", "34": "netwerk"}
ETMAAL = "14"
VOLGENS_PLAN = {"31"}
VOORTIJDIG = {"32", "33", "34", "35"}


def hulpvorm(categorie: str, eenheid: str = "") -> tuple[str, str] | None:
    """(hulpvorm, subvorm) for a productcategorie, or None when it is not jeugdhulp."""
    if categorie in GEEN_JEUGDHULP:
        return None
    if categorie in VERBLIJF_CATEGORIEEN or eenheid == ETMAAL:
        return MET_VERBLIJF, "verblijf"
    return ZONDER_VERBLIJF, SUBVORM.get(categorie, "ambulant")


@dataclass
class Traject:
    jeugdige: int
    aanbieder: int
    hulpvorm: str
    subvorm: str
    begin: dt.date
    einde: dt.date | None
    gemeente: int
    wijk: int | None
    categorie: str
    verwijzer: str
    reden: str
    toewijzingen: list[int] = field(default_factory=list)

    def actief_in(self, van: dt.date, tot: dt.date) -> bool:
        return self.begin <= tot and (self.einde is None or self.einde >= van)


def voeg_samen(rijen: list[dict], sleutel: Callable[[dict], object] | None = None) -> list[Traject]:
    """The CBS counting rule over started toewijzingen (dicts as returned by ``_rijen``).

    By default trajectories merge per zonder/met verblijf; ``sleutel(rij)`` gives a finer hulpvorm to merge on
    (the CBS export merges per hulpvorm of protocol 3.3, see ``cbs.hulpvormcode``).
    """
    per_sleutel: dict[tuple, list[dict]] = defaultdict(list)
    for r in rijen:
        vorm = hulpvorm(r["categorie"], r["eenheid"])
        if vorm is None:
            continue
        r["vorm"] = vorm
        per_sleutel[(r["jeugdige"], r["aanbieder"], sleutel(r) if sleutel else vorm[0])].append(r)
    result = []
    for (jeugdige, aanbieder, _vorm), lijst in per_sleutel.items():
        lijst.sort(key=lambda r: r["begin"])
        huidig: Traject | None = None
        for r in lijst:
            if huidig is not None and (huidig.einde is None or r["begin"] <= huidig.einde + dt.timedelta(days=1)):
                if huidig.einde is not None and (r["einde"] is None or r["einde"] > huidig.einde):
                    huidig.einde, huidig.reden = r["einde"], r["reden"]
                huidig.toewijzingen.append(r["pk"])
                continue
            huidig = Traject(
                jeugdige, aanbieder, r["vorm"][0], r["vorm"][1], r["begin"], r["einde"], r["gemeente"], r["wijk"],
                r["categorie"], r["verwijzer"] or "06", r["reden"], [r["pk"]],
            )  # fmt: skip
            result.append(huidig)
    return result


def _rijen(f: Filter) -> list[dict]:
    """Started toewijzingen of every jeugdige with care in the period, with their whole earlier history, so a
    trajectory merged from a chain of toewijzingen keeps its true (possibly years-old) start."""
    from jeugdhulp.toewijzingen.models import Toewijzing

    gestart = Toewijzing.objects.filter(f.toewijzingen(), begindatum_zorg__isnull=False, begindatum_zorg__lte=f.tot)
    actief = gestart.filter(Q(einddatum_zorg__isnull=True) | Q(einddatum_zorg__gte=f.van))
    qs = gestart.filter(jeugdige_id__in=actief.values("jeugdige_id")).exclude(
        aanvragen__vorm="pgb"
    )  # zorg in natura only; a toewijzing never comes from a pgb, but imports might
    velden = {
        "pk": "pk", "jeugdige": "jeugdige_id", "aanbieder": "aanbieder_id", "begin": "begindatum_zorg",
        "einde": "einddatum_zorg", "gemeente": "gemeente_id", "wijk": "jeugdige__wijk_id",
        "categorie": "product__categorie", "eenheid": "product__eenheid", "verwijzer": "verwijzer__type",
        "reden": "reden_beeindiging",
    }  # fmt: skip
    return [dict(zip(velden, rij, strict=True)) for rij in qs.values_list(*velden.values()).iterator(chunk_size=5000)]


def trajecten(f: Filter, sleutel: Callable[[dict], object] | None = None) -> list[Traject]:
    return [t for t in voeg_samen(_rijen(f), sleutel) if t.actief_in(f.van, f.tot)]


@dataclass(frozen=True)
class Inzet:
    jeugdigen: int
    trajecten: int
    instroom: int
    uitstroom: int
    gemiddelde_duur_dagen: float | None
    volgens_plan: int
    voortijdig: int


def tel(lijst: list[Traject], van: dt.date, tot: dt.date) -> Inzet:
    beeindigd = [t for t in lijst if t.einde is not None and van <= t.einde <= tot]
    duur = [(t.einde - t.begin).days + 1 for t in beeindigd]
    return Inzet(
        jeugdigen=len({t.jeugdige for t in lijst}),
        trajecten=len(lijst),
        instroom=sum(van <= t.begin <= tot for t in lijst),
        uitstroom=len(beeindigd),
        gemiddelde_duur_dagen=round(sum(duur) / len(duur), 1) if len(duur) >= 5 else None,
        volgens_plan=sum(t.reden in VOLGENS_PLAN for t in beeindigd),
        voortijdig=sum(t.reden in VOORTIJDIG for t in beeindigd),
    )


def per(lijst: list[Traject], dimensie: str) -> dict[object, list[Traject]]:
    groepen: dict[object, list[Traject]] = defaultdict(list)
    for t in lijst:
        groepen[getattr(t, dimensie)].append(t)
    return groepen
