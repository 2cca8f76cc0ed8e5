"""Vega-Lite chart specifications for the monitor, their text summaries, and server-side rendering for the PDF.

A chart is drawn only from ``Tabel.grafiekdata`` (suppressed cells are None there), so it never shows more than its
table. In the browser the vendored Vega-Lite draws the spec; for the quarterly PDF the same spec is rendered to SVG
by ``vl-convert-python`` (the Vega project's own converter, no Node and no network), see ADR 0012.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
from functools import partial

from django.utils.translation import gettext as _

from jeugdhulp.monitor.tabel import Tabel, nl
from jeugdhulp.monitor.wachttijden import maand_label

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
log = logging.getLogger(__name__)

# d3's nl-NL locale (as in d3-format/d3-time-format's locale files): axes read "1.000.000" and "okt 2025", in the
# browser and in the PDF alike, because the locale travels in every spec's config.
LOCALE = {
    "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€\u00a0", ""]},
    "time": {
        "dateTime": "%a %e %B %Y %X",
        "date": "%d-%m-%Y",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
        "shortDays": ["zo", "ma", "di", "wo", "do", "vr", "za"],
        "months": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                   "oktober", "november", "december"],
        "shortMonths": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    },
}  # fmt: skip


def _spec(titel: str, punten: list[dict], eenheid: str = "", decimalen: int = 0, **rest) -> dict:
    return {
        "$schema": SCHEMA,
        "description": titel,
        "width": "container",
        "config": {"locale": LOCALE},
        "usermeta": {"eenheid": eenheid, "decimalen": decimalen},
        "data": {"values": punten},
        **rest,
    }


def _punten(tabel: Tabel, y: str) -> list[dict]:
    return [r for r in tabel.grafiekdata if r.get(y) is not None]


def _formaat(eenheid: str, decimalen: int) -> str:
    """d3 format of a value in a tooltip: whole euros, or a fixed number of decimals ("2,0", not "2")."""
    return "$,.0f" if eenheid == "euro" else f",.{decimalen}f"


def staaf(tabel: Tabel, x: str, y: str, titel: str, eenheid: str = "", decimalen: int = 0) -> dict:
    """A bar per group. ``decimalen``: 1 for medians and averages, shown as "2,0" in tooltip and summary."""
    # A few round ticks with room between them: "€ 1.000.000" labels are wide and must not run into each other.
    as_formaat = {"format": "$,.0f" if eenheid == "euro" else ",~f", "tickCount": 5, "labelSeparation": 8}
    return _spec(
        titel,
        _punten(tabel, y),
        eenheid,
        decimalen,
        mark={"type": "bar", "tooltip": True},
        encoding={
            "y": {"field": x, "type": "nominal", "sort": None, "title": None},
            "x": {"field": y, "type": "quantitative", "title": titel, "axis": as_formaat},
            "tooltip": [{"field": x, "type": "nominal", "title": " "},
                        {"field": y, "type": "quantitative", "title": titel, "format": _formaat(eenheid, decimalen)}],
        },
    )  # fmt: skip


def lijn(tabel: Tabel, x: str, y: str, titel: str, norm: float | None = None, decimalen: int = 1) -> dict:
    """A line over months (medians: one decimal in tooltip and summary)."""
    lagen = [
        {
            "mark": {"type": "line", "point": True, "tooltip": True},
            "encoding": {
                "x": {
                    "field": x,
                    "type": "temporal",
                    "timeUnit": "yearmonth",
                    "title": None,
                    "axis": {"format": "%b %Y"},
                },
                "y": {"field": y, "type": "quantitative", "title": titel, "axis": {"format": ",~f"}},
                "tooltip": [
                    {"field": x, "type": "temporal", "timeUnit": "yearmonth", "title": " ", "format": "%b %Y"},
                    {"field": y, "type": "quantitative", "title": titel, "format": _formaat("", decimalen)},
                ],
            },
        }
    ]
    if norm is not None:
        lagen.append({"mark": {"type": "rule", "strokeDash": [4, 4]}, "encoding": {"y": {"datum": norm}}})
    return _spec(titel, _punten(tabel, y), decimalen=decimalen, layer=lagen)


def _getal(v: float, eenheid: str = "", decimalen: int = 0) -> str:
    """Dutch: "2,0", "1.234", or money in whole euros as in the tables, "€ 3.453.230"."""
    if eenheid == "euro":
        return "€\u00a0" + nl(round(v))
    return nl(v, decimalen)


def _maand(iso: str) -> str:
    return maand_label(dt.date.fromisoformat(str(iso)[:10]))


def samenvatting(spec: dict) -> str:
    """One plain-Dutch sentence with what the chart shows, for readers who cannot see it (and for the PDF)."""
    punten = spec["data"]["values"]
    if not punten:
        return _("Er zijn te weinig gegevens om een grafiek te tekenen.")
    enc = spec["encoding"] if "encoding" in spec else spec["layer"][0]["encoding"]
    eenheid = spec.get("usermeta", {}).get("eenheid", "")
    decimalen = spec.get("usermeta", {}).get("decimalen", 0)
    getal = partial(_getal, eenheid=eenheid, decimalen=decimalen)
    if "layer" in spec:  # a line over months
        x, y = enc["x"]["field"], enc["y"]["field"]
        eerste, laatste = punten[0], punten[-1]
        return _("Van %(van)s tot %(tot)s ging %(wat)s van %(a)s naar %(b)s.") % {
            "van": _maand(eerste[x]),
            "tot": _maand(laatste[x]),
            "wat": spec["description"].lower(),
            "a": getal(eerste[y]),
            "b": getal(laatste[y]),
        }
    groep, y = enc["y"]["field"], enc["x"]["field"]
    hoog = max(punten, key=lambda p: p[y])
    laag = min(punten, key=lambda p: p[y])
    if hoog is laag or hoog[y] == laag[y]:
        waarden = {"wat": spec["description"], "groep": hoog[groep], "v": getal(hoog[y])}
        return _("%(wat)s: %(groep)s %(v)s.") % waarden
    return _("%(wat)s: het hoogst bij %(hoog)s (%(h)s), het laagst bij %(laag)s (%(l)s).") % {
        "wat": spec["description"],
        "hoog": hoog[groep],
        "h": getal(hoog[y]),
        "laag": laag[groep],
        "l": getal(laag[y]),
    }


PDF_LETTER = "DejaVu Sans"  # the font of the PDF report (rapportage_pdf.html), also for its chart labels


def als_svg(spec: dict, breedte: int = 560) -> str | None:
    """The chart as an SVG data URI for the PDF, or None when the converter is not installed or fails."""
    if not spec["data"]["values"]:
        return None
    try:
        import vl_convert
    except ImportError:  # pragma: no cover - a declared dependency; the report then shows the tables only
        log.warning("vl-convert-python is not installed: the report has no chart images")
        return None
    vast = json.loads(json.dumps(spec))
    vast["width"] = breedte  # "container" has no meaning outside a browser
    # Measured and drawn in the same font (WeasyPrint draws "sans-serif" as DejaVu Sans, which is wider than the
    # converter's default, so long labels ran off the left edge: "gdhulp verblijf…"); room for whole category names.
    vast["config"]["font"] = PDF_LETTER
    vast["config"]["axis"] = {**vast["config"].get("axis", {}), "labelLimit": 260}
    try:
        svg = vl_convert.vegalite_to_svg(vast)
    except Exception:  # noqa: BLE001 - a chart must never break the report; the table carries the numbers
        log.exception("chart could not be rendered")
        return None
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
