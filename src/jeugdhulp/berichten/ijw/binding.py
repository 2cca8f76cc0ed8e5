"""Generic, XSD-driven binding between lxml element trees and the generated message classes.

``decodeer`` turns a schema-valid ``Bericht`` element into frozen dataclasses; ``bouw`` turns them back into XML.
Both are driven by the structural model of the XSD (``xsdmodel``), so any schema-valid message is accepted
regardless of namespace prefixes, default namespaces, comments, whitespace or optional elements.
The per-class plan (which tag maps to which field and converter) is compiled once per berichtsoort.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from functools import cache
from typing import Any

from lxml import etree

from jeugdhulp.berichten.ijw.berichten import basis as basis_mod
from jeugdhulp.berichten.ijw.berichten import module
from jeugdhulp.berichten.ijw.berichtsoorten import BASIS_NS, BERICHTSOORTEN
from jeugdhulp.berichten.ijw.codegen import veldnaam
from jeugdhulp.berichten.ijw.xsdmodel import Element, Enkelvoudig, Samengesteld, root_element

# field kinds
ENKEL, SAMEN, LIJST_ENKEL, LIJST_SAMEN = range(4)


class BindingFout(ValueError):
    """A value that is schema-valid but cannot be represented (e.g. year 10000, time 24:00:00)."""

    def __init__(self, melding: str, line: int | None = None) -> None:
        super().__init__(melding)
        self.line = line


def _tekst(el: etree._Element) -> str:
    if len(el):  # comments or processing instructions inside a simple value
        return "".join(el.itertext())
    return el.text or ""


def _int(s: str) -> int:
    return int(s.strip())


def _date(s: str) -> date:
    return date.fromisoformat(s.strip())


def _time(s: str) -> time:
    return time.fromisoformat(s.strip())


def _str(s: str) -> str:
    return s


_LEZERS = {"string": _str, "integer": _int, "date": _date, "time": _time}


def _schrijf(v: Any) -> str:
    if isinstance(v, str):
        return v
    if isinstance(v, bool):  # bool is an int subclass; never valid here
        raise TypeError("bool is not an iJw value")
    if isinstance(v, int):
        return str(v)
    if isinstance(v, date | time):
        return v.isoformat()
    raise TypeError(f"cannot serialise {type(v).__name__}")


@dataclass(eq=False)
class Veld:
    naam: str  # python field name
    element: Element  # XSD element (for a flattened wrapper: the wrapper element)
    soort: int
    item_tag: str | None  # for wrappers: the repeated child's tag
    lezer: Any  # simple converter or nested Plan
    verplicht: bool


@dataclass(eq=False)
class Plan:
    klasse: type
    type: Samengesteld
    velden: list[Veld]
    per_tag: dict[str, Veld]


@cache
def plan(soort: str) -> Plan:
    """The compiled binding plan of a berichtsoort's root ``Bericht``."""
    mod = module(soort)

    plannen: dict[tuple[str, str], Plan] = {}

    def maak(t: Samengesteld) -> Plan:
        key = (t.namespace, t.naam)
        if key in plannen:
            return plannen[key]
        klassen = basis_mod.KLASSEN if t.namespace == BASIS_NS else mod.KLASSEN
        p = Plan(klassen[t.naam], t, [], {})
        plannen[key] = p
        for e in t.elementen:
            item = e.type.lijst_element if isinstance(e.type, Samengesteld) else None
            if item is not None:
                doel = item
                soort_ = LIJST_ENKEL if isinstance(item.type, Enkelvoudig) else LIJST_SAMEN
            else:
                doel = e
                soort_ = ENKEL if isinstance(e.type, Enkelvoudig) else SAMEN
                if e.herhaalt:
                    raise ValueError(f"unwrapped repeating element {e.naam} is not supported")
            lezer = _LEZERS[doel.type.basis] if isinstance(doel.type, Enkelvoudig) else maak(doel.type)
            v = Veld(veldnaam(e.naam), e, soort_, item.tag if item else None, lezer, e.min > 0)
            p.velden.append(v)
            p.per_tag[e.tag] = v
        return p

    return maak(root_element(soort).type)  # type: ignore[arg-type]


def _decodeer(p: Plan, el: etree._Element, lijnen: dict[int, int]) -> Any:
    kw: dict[str, Any] = {}
    per_tag = p.per_tag
    for kind in el:
        veld = per_tag.get(kind.tag)
        if veld is None:
            if isinstance(kind.tag, str):
                raise BindingFout(f"onverwacht element {kind.tag} in {p.type.naam}", kind.sourceline)
            continue  # comment / processing instruction
        s = veld.soort
        try:
            if s == ENKEL:
                kw[veld.naam] = veld.lezer(_tekst(kind))
            elif s == SAMEN:
                kw[veld.naam] = _decodeer(veld.lezer, kind, lijnen)
            elif s == LIJST_SAMEN:
                sub = veld.lezer
                kw[veld.naam] = tuple(_decodeer(sub, c, lijnen) for c in kind if isinstance(c.tag, str))
            else:
                lees = veld.lezer
                kw[veld.naam] = tuple(lees(_tekst(c)) for c in kind if isinstance(c.tag, str))
        except ValueError as exc:
            if isinstance(exc, BindingFout):
                raise
            raise BindingFout(f"{etree.QName(kind).localname}: {exc}", kind.sourceline) from exc
    try:
        obj = p.klasse(**kw)
    except TypeError as exc:  # a required element is missing: the tree was not schema-valid
        raise BindingFout(f"{p.type.naam}: {exc}", el.sourceline) from exc
    lijnen[id(obj)] = el.sourceline
    return obj


def decodeer(soort: str, root: etree._Element) -> tuple[Any, dict[int, int]]:
    """Schema-valid ``Bericht`` element → (typed ``Bericht`` object, {id(object): source line})."""
    lijnen: dict[int, int] = {}
    return _decodeer(plan(soort), root, lijnen), lijnen


def decodeer_deel(soort: str, el: etree._Element, complex_naam: str) -> Any:
    """Decode one sub-element (e.g. a possibly invalid message's ``Header``) with the plan of a complex type."""
    for p in _alle_plannen(soort):
        if p.type.naam == complex_naam:
            return _decodeer(p, el, {})
    raise KeyError(complex_naam)


def _alle_plannen(soort: str) -> list[Plan]:
    gezien: dict[int, Plan] = {}

    def walk(p: Plan) -> None:
        if id(p) in gezien:
            return
        gezien[id(p)] = p
        for v in p.velden:
            if isinstance(v.lezer, Plan):
                walk(v.lezer)

    walk(plan(soort))
    return list(gezien.values())


# --------------------------------------------------------------------------------------------- building


def _bouw(p: Plan, obj: Any, el: etree._Element) -> None:
    sub = etree.SubElement
    for veld in p.velden:
        v = getattr(obj, veld.naam)
        if v is None or v == ():
            continue
        s = veld.soort
        if s == ENKEL:
            sub(el, veld.element.tag).text = _schrijf(v)
        elif s == SAMEN:
            _bouw(veld.lezer, v, sub(el, veld.element.tag))
        else:
            wrapper = sub(el, veld.element.tag)
            for item in v:
                kind = sub(wrapper, veld.item_tag)
                if s == LIJST_SAMEN:
                    _bouw(veld.lezer, item, kind)
                else:
                    kind.text = _schrijf(item)


def soort_van(bericht: Any) -> str:
    """The berichtsoort (``"JW301"``) of a typed ``Bericht`` object."""
    return type(bericht).__module__.rsplit(".", 1)[-1].upper()


def bouw_element(bericht: Any) -> etree._Element:
    """Typed ``Bericht`` → lxml element (prefixes ``ijw`` and ``jwNNN``, as in the standard's examples)."""
    soort = soort_van(bericht)
    ns = BERICHTSOORTEN[soort].namespace
    root = etree.Element(f"{{{ns}}}Bericht", nsmap={soort.lower(): ns, "ijw": BASIS_NS})
    _bouw(plan(soort), bericht, root)
    return root


def bouw(bericht: Any) -> bytes:
    """Typed ``Bericht`` → UTF-8 XML bytes with declaration. Validate with ``schemas.xsd_bevindingen``."""
    return etree.tostring(bouw_element(bericht), xml_declaration=True, encoding="UTF-8")


# --------------------------------------------------------------------------------------------- locations


def paden(bericht: Any) -> dict[int, str]:
    """{id(object): simplified XPath (local names, 1-based positions)} for every object in a typed message."""
    result: dict[int, str] = {}

    def walk(p: Plan, obj: Any, pad: str) -> None:
        result[id(obj)] = pad
        for veld in p.velden:
            if not isinstance(veld.lezer, Plan):
                continue
            v = getattr(obj, veld.naam)
            if v is None or v == ():
                continue
            if veld.soort == SAMEN:
                walk(veld.lezer, v, f"{pad}/{veld.element.naam}")
            else:
                item = veld.item_tag.rpartition("}")[2]  # type: ignore[union-attr]
                for i, x in enumerate(v, 1):
                    walk(veld.lezer, x, f"{pad}/{veld.element.naam}/{item}[{i}]")

    walk(plan(soort_van(bericht)), bericht, "/Bericht")
    return result


def xml_naam(obj: Any, veld: str) -> str:
    """The XSD element name of a python field of a typed object (``toewijzing_nummer`` → ``ToewijzingNummer``)."""
    for p in _plannen_per_klasse().get(type(obj), ()):
        for v in p.velden:
            if v.naam == veld:
                return v.element.naam
    return veld


@cache
def _plannen_per_klasse() -> dict[type, list[Plan]]:
    result: dict[type, list[Plan]] = {}
    for soort in BERICHTSOORTEN:
        for p in _alle_plannen(soort):
            result.setdefault(p.klasse, []).append(p)
    return result
