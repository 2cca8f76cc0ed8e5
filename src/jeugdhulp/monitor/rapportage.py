"""The quarterly report for the council (raad): waiting times, use and finance of one quarter as a PDF.

The report reuses the dashboard blocks (``dashboards``), so it shows exactly the suppressed figures of the pages;
every chart is the same Vega-Lite spec rendered to an SVG image (``grafieken.als_svg``) with its summary and table.
Waiting-time trends run over the 12 months up to the end of the quarter.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import partial

from django.utils.translation import gettext as _

from jeugdhulp.monitor import dashboards, wachttijden
from jeugdhulp.monitor.filters import Filter, maand_einde
from jeugdhulp.monitor.grafieken import als_svg, lijn

KWARTAAL = re.compile(r"^(?P<jaar>20\d\d)-(?P<k>[1-4])$")


@dataclass(frozen=True)
class Kwartaal:
    jaar: int
    nummer: int

    @classmethod
    def lees(cls, tekst: str | None, vandaag: dt.date) -> Kwartaal | None:
        """``2026-3`` → Kwartaal; empty → the last completed quarter; nonsense or a future quarter → None."""
        if not tekst:
            huidig = cls(vandaag.year, (vandaag.month - 1) // 3 + 1)
            return huidig.vorige()
        m = KWARTAAL.match(tekst)
        if not m:
            return None
        k = cls(int(m["jaar"]), int(m["k"]))
        return k if k.begin <= vandaag else None

    def vorige(self) -> Kwartaal:
        return Kwartaal(self.jaar - 1, 4) if self.nummer == 1 else Kwartaal(self.jaar, self.nummer - 1)

    @property
    def begin(self) -> dt.date:
        return dt.date(self.jaar, 3 * self.nummer - 2, 1)

    @property
    def einde(self) -> dt.date:
        return maand_einde(dt.date(self.jaar, 3 * self.nummer, 1))

    @property
    def code(self) -> str:
        return f"{self.jaar}-{self.nummer}"

    def __str__(self) -> str:
        return _("%(k)se kwartaal %(j)s") % {"k": self.nummer, "j": self.jaar}


def _kies(blokken: list[dict], sleutels: tuple[str, ...]) -> list[dict]:
    per_sleutel = {b["tabel"].sleutel: b for b in blokken}
    return [per_sleutel[s] for s in sleutels if s in per_sleutel]


def _met_beeld(blokken: list[dict]) -> list[dict]:
    for b in blokken:
        b["beeld"] = als_svg(b["grafiek"]) if b.get("grafiek") else None
    return blokken


def inhoud(kwartaal: Kwartaal, gemeente: int | None, vandaag: dt.date) -> list[tuple[str, list[dict]]]:
    """The report's chapters: (title, blocks with their chart image)."""
    f = Filter(van=kwartaal.begin, tot=kwartaal.einde, gemeente=gemeente)
    f_trend = Filter(van=kwartaal.vorige().vorige().vorige().begin, tot=kwartaal.einde, gemeente=gemeente)
    wacht = _kies(
        dashboards.wachttijden_blokken(f, vandaag, publiceren=False),
        ("stand", "start-categorie", "vot", "awb", "jw305"),
    )
    trend = wachttijden.trendtabel(f_trend)
    wacht.insert(1, dashboards.blok(trend, partial(lijn, trend, "maand", "mediaan", _("Mediaan wachttijd (weken)"))))
    # For one gemeente, "per gemeente" would be one row equal to its total: only the region report has it.
    sleutels = ("hulpvorm", "verwijzer", "aandeel") if gemeente else ("hulpvorm", "verwijzer", "gemeente", "aandeel")
    inzet = _kies(dashboards.inzet_blokken(f, publiceren=False), sleutels)
    geld = _kies(dashboards.financien_blokken(f, vandaag, publiceren=False), ("fin-categorie",))
    # One publication: the report's tables are suppressed together (a trend month is part of the quarter's totals).
    dashboards.publiceer(wacht + inzet + geld)
    return [
        (_("Wachttijden"), _met_beeld(wacht)),
        (_("Inzet jeugdhulp"), _met_beeld(inzet)),
        (_("Financiën"), _met_beeld(geld)),
    ]
