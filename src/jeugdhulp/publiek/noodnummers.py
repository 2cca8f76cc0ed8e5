"""The national numbers for help now, in one place: the emergency bar on every public page, the confirmation page
and the confirmation mail all read them from here (the CJG's own lines, its crisis service included, come from its
entry on the sociale kaart)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Nummer:
    nummer: str

    @property
    def tel_href(self) -> str:
        return "tel:" + "".join(c for c in self.nummer if c.isdigit())


NOOD = Nummer("112")
VEILIG_THUIS = Nummer("0800-2000")
ZELFDODING = Nummer("0800-0113")
KINDERTELEFOON = Nummer("0800-0432")

ALLE = {"nood": NOOD, "veilig_thuis": VEILIG_THUIS, "zelfdoding": ZELFDODING, "kindertelefoon": KINDERTELEFOON}
