"""iJw code lists, read from the vendored ``basisschema.xsd`` so the XSD stays the single source of truth.

Usable without Django. Each list is known by its ZiN identifier (e.g. ``JZ020``) and by its XSD type name.

>>> PRODUCTCATEGORIE.label("45")
'Jeugdhulp ambulant'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lxml import etree

from jeugdhulp.berichten.xsd import BASISSCHEMA

XS = "{http://www.w3.org/2001/XMLSchema}"


@dataclass(frozen=True)
class Codelijst:
    zin_id: str
    xsd_type: str
    titel: str

    @property
    def codes(self) -> dict[str, str]:
        return enumerations()[self.xsd_type]

    @property
    def choices(self) -> list[tuple[str, str]]:
        """For Django model/form fields: [(code, "code omschrijving"), ...]."""
        return [(code, f"{code} {label}") for code, label in self.codes.items()]

    def label(self, code: str) -> str:
        return self.codes[code]

    def __contains__(self, code: object) -> bool:
        return code in self.codes


@cache
def enumerations() -> dict[str, dict[str, str]]:
    """Every enumerated simpleType of basisschema.xsd: {type name: {code: documentation}}."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    tree = etree.parse(str(BASISSCHEMA), parser)
    result: dict[str, dict[str, str]] = {}
    for simple in tree.getroot().iter(f"{XS}simpleType"):
        name = simple.get("name")
        values = {}
        for enum in simple.iter(f"{XS}enumeration"):
            doc = enum.find(f"{XS}annotation/{XS}documentation")
            values[enum.get("value")] = " ".join((doc.text or "").split()) if doc is not None else ""
        if name and values:
            result[name] = values
    return result


GESLACHT = Codelijst("COD046", "LDT_Geslacht", "Geslacht")
DATUMGEBRUIK = Codelijst("COD170", "LDT_DatumGebruik", "Datumgebruik")
NAAMGEBRUIK = Codelijst("COD700", "LDT_NaamGebruik", "Naamgebruik")
SOORT_RELATIE = Codelijst("COD472", "LDT_SoortRelatie", "Soort relatie")
ADRESSOORT = Codelijst("COD757", "LDT_AdresSoort", "Soort adres")
AANDUIDING_WOONADRES = Codelijst("NUM061", "LDT_AanduidingWoonadres", "Aanduiding woonadres")
LANDCODE = Codelijst("COD032", "LDT_LandCode", "Land")
COMMUNICATIEVORM = Codelijst("COD747", "LDT_Communicatievorm", "Communicatievorm")
PRODUCTCATEGORIE = Codelijst("JZ020", "LDT_ProductCategorie", "Productcategorie")
EENHEID = Codelijst("WJ756", "LDT_Eenheid", "Eenheid")
FREQUENTIE = Codelijst("WMO757", "LDT_Frequentie", "Frequentie")
TYPE_VERWIJZER = Codelijst("COD327", "LDT_TypeVerwijzer", "Code verwijzer")
REDEN_WIJZIGING = Codelijst("JZ002", "LDT_RedenWijziging", "Reden wijziging toewijzing")
REDEN_BEEINDIGING = Codelijst("JZ588", "LDT_RedenBeeindiging", "Reden beëindiging")
STATUS_AANLEVERING = Codelijst("COD467", "LDT_StatusAanlevering", "Status aanlevering")
VERZOEK_ANTWOORD = Codelijst("WJ760", "LDT_VerzoekAntwoord", "Verzoek antwoord")
REDEN_AFWIJZING_VERZOEK = Codelijst("WJ759", "LDT_RedenAfwijzingVerzoek", "Reden afwijzing verzoek")
REDEN_VERZOEK = Codelijst("WJ758", "LDT_RedenVerzoek", "Reden verzoek")
JURIDISCHE_STATUS = Codelijst("WJ232", "LDT_JuridischeStatus", "Juridische status")
WETTELIJKE_VERTEGENWOORDIGING = Codelijst("WJ003", "LDT_WettelijkeVertegenwoordiging", "Wettelijke vertegenwoordiging")
JA_NEE = Codelijst("COD260", "LDT_JaNee", "Ja/Nee")
DEBET_CREDIT = Codelijst("COD043", "LDT_DebetCredit", "Debet/Credit")
RETOURCODE = Codelijst("WJ001", "LDT_RetourCode", "Retourcode")

ALLE: tuple[Codelijst, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Codelijst))
