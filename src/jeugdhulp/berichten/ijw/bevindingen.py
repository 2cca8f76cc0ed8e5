"""``Bevinding``: one finding (a rejected check) with its retourcode, rule id, Dutch meaning and location."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jeugdhulp.codelijsten import RETOURCODE

TECHNISCH = "0001"  # "Bericht is afgekeurd om technische redenen."
GOED = "0200"  # "Geen opmerking over deze berichtklasse."


@dataclass(frozen=True)
class Bevinding:
    retourcode: str  # WJ001, e.g. "9056"; "0001" for technical rejections
    regel: str  # rule id, e.g. "CS002", "TR056"; "XSD" for schema errors; "LEES" for unreadable input
    betekenis: str  # Dutch text: the rule's meaning / the error
    berichtklasse: str  # Header, Client, ToegewezenProduct, Prestatie …
    xpath: str | None = None  # simplified XPath with local names, e.g. /Bericht/Client/Bsn
    line: int | None = None  # source line in the received XML
    object: Any = field(default=None, compare=False, repr=False)  # the berichtklasse object it concerns

    @property
    def retourcode_tekst(self) -> str:
        return RETOURCODE.codes.get(self.retourcode, "")

    def als_dict(self) -> dict[str, Any]:
        return {
            "retourcode": self.retourcode,
            "retourcode_tekst": self.retourcode_tekst,
            "regel": self.regel,
            "betekenis": self.betekenis,
            "berichtklasse": self.berichtklasse,
            "xpath": self.xpath,
            "line": self.line,
        }
