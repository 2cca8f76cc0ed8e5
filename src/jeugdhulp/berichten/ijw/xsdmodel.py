"""A small structural model of the iJw XSDs, read from the vendored schema files.

The iJw schemas use a tiny subset of XSD 1.0: named complex types holding one ``xs:sequence`` of elements
(``minOccurs``/``maxOccurs``), and simple types restricting ``xs:string``/``xs:integer``/``xs:date``/``xs:time`` with
patterns, enumerations, lengths and inclusive bounds. No attributes, choices or mixed content. This module turns
that subset into plain frozen objects, used by code generation (``codegen``), the XML binding (``binding``) and
the Hypothesis strategies in the tests. Anything outside the subset raises, so a future schema change is noticed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lxml import etree

from jeugdhulp.berichten.ijw.berichtsoorten import BASIS_NS, BERICHTSOORTEN
from jeugdhulp.berichten.xsd import BASISSCHEMA

XS_NS = "http://www.w3.org/2001/XMLSchema"
XS = f"{{{XS_NS}}}"
_BASES = {"string", "integer", "date", "time"}


@dataclass(frozen=True)
class Enkelvoudig:
    """A simple type after flattening its restriction chain."""

    naam: str | None
    basis: str  # "string" | "integer" | "date" | "time"
    patronen: tuple[tuple[str, ...], ...] = ()  # per derivation step: alternatives (OR); steps are AND-ed
    enumeratie: tuple[str, ...] = ()
    min_lengte: int | None = None
    max_lengte: int | None = None
    min_waarde: int | None = None
    max_waarde: int | None = None


@dataclass(frozen=True)
class Element:
    naam: str
    namespace: str
    type: Enkelvoudig | Samengesteld
    min: int = 1
    max: int | None = 1  # None = unbounded

    @property
    def tag(self) -> str:
        return f"{{{self.namespace}}}{self.naam}"

    @property
    def herhaalt(self) -> bool:
        return self.max is None or self.max > 1


@dataclass(frozen=True)
class Samengesteld:
    naam: str  # the complexType name, e.g. "ToegewezenProduct" or "CDT_Omvang"
    namespace: str
    elementen: tuple[Element, ...]

    @property
    def lijst_element(self) -> Element | None:
        """For a wrapper type (e.g. ``ToegewezenProducten``): its single repeating element, else None."""
        if len(self.elementen) == 1 and self.elementen[0].herhaalt:
            return self.elementen[0]
        return None


def _parse(path) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True)
    return etree.parse(str(path), parser).getroot()


class _Lezer:
    def __init__(self) -> None:
        self.docs: dict[str, etree._Element] = {BASIS_NS: _parse(BASISSCHEMA)}
        self.cache: dict[tuple[str, str], Enkelvoudig | Samengesteld] = {}

    def voeg_toe(self, path) -> str:
        root = _parse(path)
        ns = root.get("targetNamespace")
        self.docs[ns] = root
        return ns

    def qname(self, node: etree._Element, waarde: str) -> tuple[str, str]:
        prefix, _, naam = waarde.rpartition(":")
        return node.nsmap[prefix or None], naam

    def type(self, ns: str, naam: str) -> Enkelvoudig | Samengesteld:
        if ns == XS_NS:
            if naam not in _BASES:
                raise ValueError(f"unsupported XSD base type xs:{naam}")
            return Enkelvoudig(None, naam)
        key = (ns, naam)
        if key not in self.cache:
            doc = self.docs[ns]
            node = doc.find(f"{XS}complexType[@name='{naam}']")
            if node is None:
                node = doc.find(f"{XS}simpleType[@name='{naam}']")
                if node is None:
                    raise ValueError(f"type {{{ns}}}{naam} not found")
                self.cache[key] = self.simpel(node, ns, naam)
            else:
                self.cache[key] = self.complex(node, ns, naam)
        return self.cache[key]

    def simpel(self, node: etree._Element, ns: str, naam: str | None) -> Enkelvoudig:
        restr = node.find(f"{XS}restriction")
        if restr is None or len([c for c in node if c.tag != f"{XS}annotation"]) != 1:
            raise ValueError(f"unsupported simpleType {naam}")
        basis = self.type(*self.qname(restr, restr.get("base")))
        if not isinstance(basis, Enkelvoudig):
            raise ValueError(f"simpleType {naam} restricts a complex type")
        facets: dict[str, object] = {
            "min_lengte": basis.min_lengte,
            "max_lengte": basis.max_lengte,
            "min_waarde": basis.min_waarde,
            "max_waarde": basis.max_waarde,
        }
        patronen, enumeratie = [], []
        for facet in restr:
            local = etree.QName(facet).localname
            value = facet.get("value")
            if local == "annotation":
                continue
            if local == "pattern":
                patronen.append(value)
            elif local == "enumeration":
                enumeratie.append(value)
            elif local in ("minLength", "maxLength", "minInclusive", "maxInclusive"):
                key = {"minLength": "min_lengte", "maxLength": "max_lengte"}.get(local) or (
                    "min_waarde" if local == "minInclusive" else "max_waarde"
                )
                facets[key] = int(value)
            else:
                raise ValueError(f"unsupported facet xs:{local} in {naam}")
        stappen = basis.patronen + ((tuple(patronen),) if patronen else ())
        return Enkelvoudig(
            naam=naam,
            basis=basis.basis,
            patronen=stappen,
            enumeratie=tuple(enumeratie) or basis.enumeratie,
            **facets,  # type: ignore[arg-type]
        )

    def complex(self, node: etree._Element, ns: str, naam: str) -> Samengesteld:
        inhoud = [c for c in node if c.tag != f"{XS}annotation"]
        if len(inhoud) != 1 or inhoud[0].tag != f"{XS}sequence":
            raise ValueError(f"unsupported complexType {naam}: only xs:sequence is supported")
        return Samengesteld(naam, ns, tuple(self.element(e, ns) for e in inhoud[0]))

    def element(self, node: etree._Element, ns: str) -> Element:
        if node.tag != f"{XS}element" or node.get("ref"):
            raise ValueError(f"unsupported sequence member {node.tag}")
        if node.get("type"):
            type_ = self.type(*self.qname(node, node.get("type")))
        else:
            anoniem = node.find(f"{XS}simpleType")
            if anoniem is None:
                raise ValueError(f"element {node.get('name')} without a type")
            type_ = self.simpel(anoniem, ns, None)
        maximum = node.get("maxOccurs", "1")
        return Element(
            naam=node.get("name"),
            namespace=ns,
            type=type_,
            min=int(node.get("minOccurs", "1")),
            max=None if maximum == "unbounded" else int(maximum),
        )


@cache
def _lezer() -> _Lezer:
    return _Lezer()


@cache
def root_element(soort: str) -> Element:
    """The ``Bericht`` element declaration of a berichtsoort (e.g. ``"JW301"``)."""
    lezer = _lezer()
    ns = lezer.voeg_toe(BERICHTSOORTEN[soort].xsd)
    node = lezer.docs[ns].find(f"{XS}element[@name='Bericht']")
    return lezer.element(node, ns)


def complexe_typen(soort: str) -> list[Samengesteld]:
    """All complex types reachable from the message root, depth first, each once."""
    gezien: dict[tuple[str, str], Samengesteld] = {}

    def walk(t: Samengesteld) -> None:
        if (t.namespace, t.naam) in gezien:
            return
        gezien[(t.namespace, t.naam)] = t
        for e in t.elementen:
            if isinstance(e.type, Samengesteld):
                walk(e.type)

    walk(root_element(soort).type)  # type: ignore[arg-type]
    return list(gezien.values())
