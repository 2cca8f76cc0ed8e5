"""Vendored external code lists for the externe-bron rules: CBS gemeentecodes by year (TR378) and the structure of
the JZ21 standard product codes (TR381). Provenance is recorded in each JSON file and in ``docs/ijw-rules.md``."""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from pathlib import Path

_MAP = Path(__file__).parent


@cache
def _gemeenten() -> tuple[dict[str, list[tuple[int, int | None]]], int]:
    data = json.loads((_MAP / "gemeentecodes.json").read_text(encoding="utf-8"))
    perioden: dict[str, list[tuple[int, int | None]]] = {}
    for code, _naam, van, tot in data["gemeenten"]:
        perioden.setdefault(code, []).append((van, tot))
    return perioden, data["laatste_jaar"]


def gemeente_bestaat(code: str, op: date) -> bool:
    """Was ``code`` in the CBS gemeentelijke indeling of the year of ``op``? Years after the last list we hold are
    judged by that last list (CBS publishes each year's indeling in advance; update the JSON yearly)."""
    perioden, laatste = _gemeenten()
    jaar = min(op.year, laatste)
    return any(van <= jaar and (tot is None or jaar <= tot) for van, tot in perioden.get(code, ()))


# JZ21 (Standaardproductcodelijst Jeugdwet, Zorginstituut Nederland): every code is the two-digit productcategorie
# (JZ020) followed by one capital and two digits, e.g. 45A04 in categorie 45. A gemeente may use its own codes
# instead (Regeling Jeugdwet, toelichting §3.1); those cannot be judged against JZ21.
JZ21_CODE = re.compile(r"(?P<categorie>\d{2})[A-Z]\d{2}")


def productcode_past(categorie: str, code: str) -> bool | None:
    """True/False for a code in JZ21 form; None for a gemeente's own code that JZ21 says nothing about."""
    m = JZ21_CODE.fullmatch(code)
    if m is None:
        return None
    return m["categorie"] == categorie
