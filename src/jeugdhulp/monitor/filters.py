"""The dashboard filters (period, gemeente, wijk, aanbieder, categorie, grouping), read from the URL so a view
can be shared.

Nonsense values never raise. A value that is not understood (not a month, an unknown gemeente, a wijk of another
gemeente, a categorie outside the code list) is listed in ``genegeerd``; the dashboard then shows no figures and
explains which value it did not understand, rather than silently showing figures for a wider selection.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Q
from django.utils import timezone

from jeugdhulp import codelijsten

# The groupings a measure table can use; each is a field of ``wachttijden.Meting``.
INDELINGEN = ("gemeente", "wijk", "aanbieder", "categorie", "maand")


def _maand(tekst: str) -> dt.date | None:
    try:
        jaar, maand = (int(x) for x in tekst.split("-")[:2])
        return dt.date(jaar, maand, 1)
    except (ValueError, TypeError):
        return None


def maand_einde(d: dt.date) -> dt.date:
    volgende = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return volgende - dt.timedelta(days=1)


@dataclass
class Filter:
    van: dt.date
    tot: dt.date  # inclusive
    gemeente: int | None = None
    wijk: int | None = None
    aanbieder: int | None = None
    categorie: str = ""
    genegeerd: list[str] = field(default_factory=list)
    per: str = "gemeente"  # the grouping of the measure tables (INDELINGEN)

    @property
    def leeg(self) -> bool:
        """A filter value was not understood: show an empty, explained result."""
        return bool(self.genegeerd)

    @classmethod
    def uit_request(cls, get, vandaag: dt.date | None = None) -> Filter:
        vandaag = vandaag or timezone.localdate()
        genegeerd = []
        van = _maand(get.get("van", "")) if get.get("van") else None
        tot = _maand(get.get("tot", "")) if get.get("tot") else None
        if get.get("van") and van is None:
            genegeerd.append("van")
        if get.get("tot") and tot is None:
            genegeerd.append("tot")
        tot = maand_einde(tot) if tot else vandaag
        van = van or dt.date(tot.year - 1, tot.month, 1)
        if van > tot:
            genegeerd.append("periode")
            van = dt.date(tot.year - 1, tot.month, 1)

        def getal(naam):
            waarde = get.get(naam, "")
            if not waarde:
                return None
            if waarde.isdigit():
                return int(waarde)
            genegeerd.append(naam)
            return None

        categorie = get.get("categorie", "")
        if categorie and categorie not in codelijsten.PRODUCTCATEGORIE.codes:
            genegeerd.append("categorie")
            categorie = ""
        per = get.get("per") or "gemeente"
        if per not in INDELINGEN:
            genegeerd.append("per")
            per = "gemeente"
        f = cls(van, tot, getal("gemeente"), getal("wijk"), getal("aanbieder"), categorie, genegeerd, per)
        f._bestaan()
        return f

    def _bestaan(self) -> None:
        """Numbers that name nothing (or a wijk of another gemeente) are not understood either."""
        from jeugdhulp.aanbieders.models import Aanbieder
        from jeugdhulp.organisatie.models import Gemeente, Wijk

        if self.gemeente and not Gemeente.objects.filter(pk=self.gemeente).exists():
            self.genegeerd.append("gemeente")
        if self.aanbieder and not Aanbieder.objects.filter(pk=self.aanbieder).exists():
            self.genegeerd.append("aanbieder")
        if self.wijk:
            wijken = Wijk.objects.filter(pk=self.wijk)
            if self.gemeente:
                wijken = wijken.filter(gemeente_id=self.gemeente)
            if not wijken.exists():
                self.genegeerd.append("wijk")

    def toewijzingen(self, prefix: str = "") -> Q:
        """A Q over Toewijzing (or a model reaching it through ``prefix``) for gemeente/wijk/aanbieder/categorie."""
        q = Q()
        if self.gemeente:
            q &= Q(**{f"{prefix}gemeente_id": self.gemeente})
        if self.wijk:
            q &= Q(**{f"{prefix}jeugdige__wijk_id": self.wijk})
        if self.aanbieder:
            q &= Q(**{f"{prefix}aanbieder_id": self.aanbieder})
        if self.categorie:
            q &= Q(**{f"{prefix}product__categorie": self.categorie})
        return q

    def querystring(self, **extra) -> str:
        waarden = {
            "van": self.van.strftime("%Y-%m"),
            "tot": self.tot.strftime("%Y-%m"),
            "gemeente": self.gemeente or "",
            "wijk": self.wijk or "",
            "aanbieder": self.aanbieder or "",
            "categorie": self.categorie,
            "per": "" if self.per == "gemeente" else self.per,
        }
        waarden.update(extra)
        return urlencode({k: v for k, v in waarden.items() if v})
