"""iJw 3.2 message library: safe reading, XSD validation, typed messages, business rules and retourberichten.

Pure Python (lxml, python-stdnum); no Django. Main entry points:

* ``validate(data, historie=None) -> Resultaat`` — all validation layers on received bytes;
* ``lees(data) -> Gelezen`` — safe parse and message type detection (raises ``Leesfout``);
* ``parse(data) -> Bericht`` / ``build(bericht) -> bytes`` — typed objects ↔ XML;
* ``maak_retour`` / ``maak_declaratie_antwoord`` / ``beantwoord`` — answers with RetourCodes;
* ``Historie`` / ``GeheugenHistorie`` — what the cross-message rules need to know.
"""

from __future__ import annotations

from typing import Any

from jeugdhulp.berichten.ijw.berichtsoorten import BERICHTSOORTEN, Berichtsoort
from jeugdhulp.berichten.ijw.bevindingen import Bevinding
from jeugdhulp.berichten.ijw.binding import BindingFout, bouw, decodeer, soort_van
from jeugdhulp.berichten.ijw.historie import (
    BekendeLevering,
    BekendePrestatie,
    BekendeToewijzing,
    BekendVerzoek,
    GeheugenHistorie,
    Historie,
)
from jeugdhulp.berichten.ijw.reader import Gelezen, Leesfout, lees
from jeugdhulp.berichten.ijw.retour import (
    RetourFout,
    beantwoord,
    maak_declaratie_antwoord,
    maak_retour,
    maak_technische_retour,
)
from jeugdhulp.berichten.ijw.schemas import xsd_bevindingen
from jeugdhulp.berichten.ijw.validatie import Resultaat, validate, validate_uitgaand, valideer


class OngeldigBericht(ValueError):
    def __init__(self, bevindingen: list[Bevinding]) -> None:
        super().__init__("; ".join(f"{b.regel}: {b.betekenis}" for b in bevindingen[:3]))
        self.bevindingen = bevindingen


def parse(data: bytes) -> Any:
    """Bytes → typed ``Bericht`` (reader + XSD + binding, no business rules). Raises on any problem."""
    gelezen = lees(data)
    if fouten := xsd_bevindingen(gelezen.soort.naam, gelezen.root):
        raise OngeldigBericht(fouten)
    return decodeer(gelezen.soort.naam, gelezen.root)[0]


def build(bericht: Any, *, valideren: bool = True) -> bytes:
    """Typed ``Bericht`` → XML bytes; by default checks the result against its XSD (raises ``OngeldigBericht``)."""
    data = bouw(bericht)
    if valideren:
        gelezen = lees(data)
        if fouten := xsd_bevindingen(gelezen.soort.naam, gelezen.root):
            raise OngeldigBericht(fouten)
    return data


__all__ = [
    "BERICHTSOORTEN",
    "BekendVerzoek",
    "BekendeLevering",
    "BekendePrestatie",
    "BekendeToewijzing",
    "Berichtsoort",
    "Bevinding",
    "BindingFout",
    "GeheugenHistorie",
    "Gelezen",
    "Historie",
    "Leesfout",
    "OngeldigBericht",
    "Resultaat",
    "RetourFout",
    "beantwoord",
    "build",
    "lees",
    "maak_declaratie_antwoord",
    "maak_retour",
    "maak_technische_retour",
    "parse",
    "soort_van",
    "validate",
    "validate_uitgaand",
    "valideer",
]
