"""The 14 iJw 3.2 berichtsoorten: name, BerichtCode, namespace, XSD file and heen/retour pairing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from jeugdhulp.berichten.xsd import XSD_DIR

RELEASE = "3_2"
BASIS_NS = f"http://www.istandaarden.nl/ijw/{RELEASE}/basisschema/schema"
NS_PATROON = re.compile(r"^http://www\.istandaarden\.nl/ijw/(?P<release>[^/]+)/(?P<bericht>jw\d{3})/schema$")


@dataclass(frozen=True)
class Berichtsoort:
    naam: str  # "JW301"
    code: str  # BerichtCode (COD002-VEKT), "436"
    titel: str
    heen: str | None = None  # for a retour: the heenbericht it answers
    retour: str | None = None  # for a heenbericht: its retour (JW325 answers JW323)

    @property
    def namespace(self) -> str:
        return f"http://www.istandaarden.nl/ijw/{RELEASE}/{self.naam.lower()}/schema"

    @property
    def xsd(self) -> Path:
        return XSD_DIR / f"{self.naam}.xsd"

    @property
    def is_retour(self) -> bool:
        return self.heen is not None


_SOORTEN = (
    Berichtsoort("JW301", "436", "Toewijzing Jeugdhulp", retour="JW302"),
    Berichtsoort("JW302", "437", "Toewijzing Jeugdhulp Retour", heen="JW301"),
    Berichtsoort("JW305", "438", "Start Jeugdhulp", retour="JW306"),
    Berichtsoort("JW306", "439", "Start Jeugdhulp Retour", heen="JW305"),
    Berichtsoort("JW307", "440", "Stop Jeugdhulp", retour="JW308"),
    Berichtsoort("JW308", "441", "Stop Jeugdhulp Retour", heen="JW307"),
    Berichtsoort("JW315", "446", "Verzoek om toewijzing Jeugdhulp", retour="JW316"),
    Berichtsoort("JW316", "447", "Verzoek om toewijzing Jeugdhulp Retour", heen="JW315"),
    Berichtsoort("JW317", "486", "Verzoek om wijziging Jeugdhulp", retour="JW318"),
    Berichtsoort("JW318", "487", "Verzoek om wijziging Jeugdhulp Retour", heen="JW317"),
    Berichtsoort("JW319", "488", "Antwoordbericht", retour="JW320"),
    Berichtsoort("JW320", "489", "Antwoordbericht Retour", heen="JW319"),
    Berichtsoort("JW323", "490", "Declaratie Jeugdhulp", retour="JW325"),
    # JW325 answers JW323 but has its own header; it is not a classic retour (see retour.py).
    Berichtsoort("JW325", "491", "Declaratie-antwoord Jeugdhulp"),
)

BERICHTSOORTEN: dict[str, Berichtsoort] = {s.naam: s for s in _SOORTEN}
PER_CODE: dict[str, Berichtsoort] = {s.code: s for s in _SOORTEN}
PER_NAMESPACE: dict[str, Berichtsoort] = {s.namespace: s for s in _SOORTEN}
