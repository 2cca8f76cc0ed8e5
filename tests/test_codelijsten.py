"""Our code lists are exactly the enumerations of the vendored basisschema.xsd, read independently here."""

import pytest
from lxml import etree

from jeugdhulp import codelijsten
from jeugdhulp.aanbieders.models import Product
from jeugdhulp.berichten.xsd import BASISSCHEMA
from jeugdhulp.jeugdigen.models import SOORT_RELATIE_CHOICES, Contact, Jeugdige
from jeugdhulp.organisatie.models import Verwijzer

NS = {"xs": "http://www.w3.org/2001/XMLSchema"}


def _xsd_codes(type_name: str) -> list[str]:
    tree = etree.parse(str(BASISSCHEMA))
    return tree.xpath(f"//xs:simpleType[@name='{type_name}']/xs:restriction/xs:enumeration/@value", namespaces=NS)


@pytest.mark.parametrize("lijst", codelijsten.ALLE, ids=lambda c: c.zin_id)
def test_code_list_equals_xsd_enumeration(lijst):
    assert list(lijst.codes) == _xsd_codes(lijst.xsd_type)
    assert lijst.codes, f"{lijst.xsd_type} has no enumeration in the XSD"


@pytest.mark.parametrize(
    ("field", "lijst"),
    [
        (Jeugdige._meta.get_field("geslacht"), codelijsten.GESLACHT),
        (Jeugdige._meta.get_field("naamgebruik"), codelijsten.NAAMGEBRUIK),
        (Jeugdige._meta.get_field("datumgebruik"), codelijsten.DATUMGEBRUIK),
        (Contact._meta.get_field("soort"), codelijsten.ADRESSOORT),
        (Product._meta.get_field("categorie"), codelijsten.PRODUCTCATEGORIE),
        (Product._meta.get_field("eenheid"), codelijsten.EENHEID),
        (Product._meta.get_field("frequentie"), codelijsten.FREQUENTIE),
        (Verwijzer._meta.get_field("type"), codelijsten.TYPE_VERWIJZER),
    ],
)
def test_model_fields_use_the_xsd_codes(field, lijst):
    assert [code for code, _label in field.choices] == _xsd_codes(lijst.xsd_type)


def test_relatie_types_are_cod472_plus_own_network_roles_without_collision():
    codes = [code for code, _label in SOORT_RELATIE_CHOICES]
    xsd = _xsd_codes("LDT_SoortRelatie")
    assert codes[: len(xsd)] == xsd
    eigen = codes[len(xsd) :]
    assert eigen and all(code.startswith("N") for code in eigen)
    assert not set(eigen) & set(xsd)


def test_known_facts_of_ijw_32():
    assert "07" not in codelijsten.TYPE_VERWIJZER  # there is no 07 in iJw 3.2
    assert len(codelijsten.RETOURCODE.codes) == 59
    assert codelijsten.RETOURCODE.label("0200").lower().startswith("geen")
    assert codelijsten.PRODUCTCATEGORIE.label("45") == "Jeugdhulp ambulant"
