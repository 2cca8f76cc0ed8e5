"""Presenting a stored message to staff: pretty XML and a parsed, indented field list. Never raises on bad bytes."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

from lxml import etree

from jeugdhulp.berichten.ijw import Leesfout, binding, lees

MAX_TONEN = 200_000  # characters of XML shown on a page


def mooie_xml(data: bytes) -> str:
    """Indented XML when readable (parsed safely); otherwise the raw text, with undecodable bytes replaced."""
    try:
        tekst = etree.tostring(lees(data).root, pretty_print=True, encoding="unicode")
    except (Leesfout, ValueError):
        tekst = data[: MAX_TONEN * 2].decode("utf-8", errors="replace")
    return tekst if len(tekst) <= MAX_TONEN else tekst[:MAX_TONEN] + "\n…"


def velden(data: bytes, max_rijen: int = 2000) -> list[tuple[int, str, str]]:
    """(depth, field, value) rows of the typed message; empty when it cannot be bound."""
    try:
        gelezen = lees(data)
        bericht, _ = binding.decodeer(gelezen.soort.naam, gelezen.root)
    except Exception:  # noqa: BLE001 — unreadable or unbindable: the raw XML is shown instead
        return []
    rijen: list[tuple[int, str, str]] = []
    _loop(bericht, 0, rijen, max_rijen)
    return rijen


def _loop(obj: Any, diepte: int, rijen: list, max_rijen: int) -> None:
    for f in fields(obj):
        if len(rijen) >= max_rijen:
            return
        waarde = getattr(obj, f.name)
        if waarde is None or waarde == ():
            continue
        label = f.name.replace("_", " ")
        if isinstance(waarde, tuple) and waarde and is_dataclass(waarde[0]):
            for i, item in enumerate(waarde, 1):
                rijen.append((diepte, f"{label} {i}", ""))
                _loop(item, diepte + 1, rijen, max_rijen)
        elif is_dataclass(waarde):
            rijen.append((diepte, label, ""))
            _loop(waarde, diepte + 1, rijen, max_rijen)
        else:
            tekst = ", ".join(map(str, waarde)) if isinstance(waarde, tuple) else str(waarde)
            rijen.append((diepte, label, tekst))
