"""Typed message classes for the 14 iJw 3.2 messages, one module per berichtsoort plus ``basis`` (CDT types).

The modules are generated from the XSDs by ``python -m jeugdhulp.berichten.ijw.codegen``.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from jeugdhulp.berichten.ijw.berichtsoorten import BERICHTSOORTEN


def module(soort: str) -> ModuleType:
    """The generated module of a berichtsoort, e.g. ``module("JW301")`` → ``…berichten.jw301``."""
    if soort not in BERICHTSOORTEN:
        raise KeyError(soort)
    return import_module(f"{__name__}.{soort.lower()}")


def bericht_klasse(soort: str) -> type:
    """The root class (``Bericht``) of a berichtsoort."""
    return module(soort).Bericht
