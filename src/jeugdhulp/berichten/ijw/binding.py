"""Generic, XSD-driven binding between lxml element trees and the generated message classes.

``decodeer`` turns a schema-valid ``Bericht`` element into frozen dataclasses; ``bouw`` turns them back into XML.
Both are driven by the structural model of the XSD (``xsdmodel``), so any schema-valid message is accepted
regardless of namespace prefixes, default namespaces, comments, whitespace or optional elements.
The per-class plan (which tag maps to which field and converter) is compiled once per berichtsoort.

Decoding is the hot path of ``validate``, so each plan also gets a small decoder function, generated from the plan
as Python source once per berichtsoort (see ``_decoder_bron``; ``decoder_bron("JW301")`` shows the source). It
iterates the element's children once, compares each tag with the plan's tags in schema order, converts the text
inline and fills the frozen dataclass through its slots (what the generated ``__init__`` does, minus the
keyword-argument handling). Missing required elements fall back to the real constructor for its error message.
For a tree that has just passed its XSD (``decodeer_geldig``, used by ``validate``, or ``decodeer(...,
schema_geldig=True)``), children are matched to fields by position; only optional elements need a tag comparison.
"""

from __future__ import annotations

import dataclasses
import linecache
from collections.abc import Iterator, Mapping
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
    lees: Any = None  # generated decoder ``(element, lijnen) -> object``, set by ``plan``


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

    root = maak(root_element(soort).type)  # type: ignore[arg-type]
    _genereer_decoders(soort, list(plannen.values()))
    return root


# --------------------------------------------------------------------------------------------- decoding

_ONTBREEKT = object()  # a required element that was not (yet) seen
# Python expression converting the text ``{}`` of a simple element; same semantics as ``_LEZERS``
_CONVERSIE = {"string": "{}", "integer": "int({}.strip())", "date": "_date({}.strip())", "time": "_time({}.strip())"}
_TEKST = "(_tekst({0}) if len({0}) else {0}.text or '')"  # ``_tekst`` inlined for the common case: no children
_TEKST_GELDIG = "({0}.text or '')"  # ``_tekst`` when the tree has no comments or processing instructions
_GEEN_ELEMENT = (etree.Comment, etree.ProcessingInstruction, etree.Entity)


def _fout_in_kind(kind: etree._Element, exc: ValueError) -> BindingFout:
    return BindingFout(f"{etree.QName(kind).localname}: {exc}", kind.sourceline)


def _ontbreekt(p: Plan, el: etree._Element, waarden: dict[str, Any]) -> BindingFout:
    """A required element is missing (the tree was not schema-valid): the constructor's own message."""
    try:
        p.klasse(**{k: v for k, v in waarden.items() if v is not _ONTBREEKT})
    except TypeError as exc:
        return BindingFout(f"{p.type.naam}: {exc}", el.sourceline)
    raise AssertionError(f"{p.type.naam}: no field is missing")  # pragma: no cover


def _verplicht(f: dataclasses.Field) -> bool:
    return f.default is dataclasses.MISSING


def _waarde(v: Veld, kind: str, naam: dict[int, str], geldig: bool) -> str:
    """Python expression for the value of field ``v`` read from the child element in variable ``kind``."""
    tekst = _TEKST_GELDIG if geldig else _TEKST
    kinderen = kind if geldig else f"{kind}.iterchildren(_ELEMENT)"
    if v.soort == ENKEL:
        return _CONVERSIE[v.element.type.basis].format(tekst.format(kind))  # type: ignore[union-attr]
    if v.soort == SAMEN:
        return f"{naam[id(v.lezer)]}({kind}, lijnen, geldig)"
    if v.soort == LIJST_SAMEN:
        return f"tuple([{naam[id(v.lezer)]}(c, lijnen, geldig) for c in {kinderen}])"
    item = v.element.type.lijst_element  # type: ignore[union-attr]
    return f"tuple([{_CONVERSIE[item.type.basis].format(tekst.format('c'))} for c in {kinderen}])"


def _decoder_bron(plannen: list[Plan]) -> tuple[str, dict[str, Any]]:
    """Python source of one decoder function per plan, plus the globals it needs. For ``CDT_Huis`` (abridged)::

        def _lees_Huis(el, lijnen, geldig):
            if geldig:  # fast path: the children follow the schema order, see below
                try:
                    ks = el.getchildren()  # list(el), faster
                    n = len(ks)
                    obj = _new(Huis)
                    _zet_Huis_huisnummer(obj, int((ks[0].text or '').strip()))  # required: no tag check
                    i = 1
                    if i < n and ks[i].tag == '{http://www.istandaarden.nl/ijw/3_2/basisschema/schema}Huisletter':
                        _zet_Huis_huisletter(obj, (ks[i].text or ''))   # Huis.huisletter.__set__ (the slot)
                        i += 1
                    else:
                        _zet_Huis_huisletter(obj, None)                 # absent: the dataclass default
                    ...
                    if lijnen is not None:  # None: ``decodeer_geldig`` works the lines out later
                        lijnen[id(obj)] = el.sourceline
                    return obj
                except BindingFout:
                    raise  # from a nested decoder: already reported with the right element
                except (ValueError, IndexError):
                    pass  # not representable (e.g. year 10000): the general path reports the right element
            v_huisnummer = _ONTBREEKT                      # required: no default
            v_huisletter = None                            # optional: the dataclass default
            ...
            try:
                for kind in el:                            # each child once, in document order
                    tag = kind.tag
                    if tag == '{http://www.istandaarden.nl/ijw/3_2/basisschema/schema}Huisnummer':
                        v_huisnummer = int((_tekst(kind) if len(kind) else kind.text or '').strip())
                    elif tag == '{http://www.istandaarden.nl/ijw/3_2/basisschema/schema}Huisletter':
                        v_huisletter = (_tekst(kind) if len(kind) else kind.text or '')
                    ...
                    elif isinstance(tag, str):             # comments and processing instructions are skipped
                        raise BindingFout(f"onverwacht element {tag} in CDT_Huis", kind.sourceline)
            except BindingFout:
                raise
            except ValueError as exc:                      # e.g. year 10000: schema-valid, not representable
                raise _fout_in_kind(kind, exc) from exc
            if v_huisnummer is _ONTBREEKT:
                raise _ontbreekt(Huis_plan, el, {'huisnummer': v_huisnummer, 'huisletter': v_huisletter, ...})
            obj = _new(Huis)
            _zet_Huis_huisnummer(obj, v_huisnummer)
            _zet_Huis_huisletter(obj, v_huisletter)
            ...
            lijnen[id(obj)] = el.sourceline
            return obj

    ``geldig`` promises that the tree is valid against the berichtsoort's XSD and holds no comments, processing
    instructions or entity references (see ``decodeer``). Each type is one ``xs:sequence`` of distinct elements
    (see ``xsdmodel``), so the children then follow the field order: a required field is simply the next child,
    an optional one is the next child only if the tag matches. The general path handles everything else.
    """
    namen = {id(p): f"_lees_{p.klasse.__name__}" for p in plannen}
    if len(set(namen.values())) != len(plannen):
        raise ValueError("class names are not unique within a berichtsoort")
    globs: dict[str, Any] = {
        "BindingFout": BindingFout,
        "_ELEMENT": etree.Element,
        "_ONTBREEKT": _ONTBREEKT,
        "_date": date.fromisoformat,
        "_fout_in_kind": _fout_in_kind,
        "_new": object.__new__,
        "_ontbreekt": _ontbreekt,
        "_tekst": _tekst,
        "_time": time.fromisoformat,
    }
    bron: list[str] = []
    for p in plannen:
        k = p.klasse.__name__
        velden = {f.name: f for f in dataclasses.fields(p.klasse)}
        if (
            hasattr(p.klasse, "__post_init__")
            or list(velden) != [v.naam for v in p.velden]
            or any(f.default_factory is not dataclasses.MISSING for f in velden.values())
            or any(v.element.herhaalt for v in p.velden)
            or len({v.element.tag for v in p.velden}) != len(p.velden)
        ):
            raise ValueError(f"{k}: the class does not fit the generated decoder")
        globs[f"{k}_plan"] = p
        globs[k] = p.klasse
        for v in p.velden:
            globs[f"_zet_{k}_{v.naam}"] = getattr(p.klasse, v.naam).__set__  # the slot: bypasses frozen __setattr__
        n = len(p.velden)
        r = [
            f"def {namen[id(p)]}(el, lijnen, geldig):",
            f'    """{p.type.namespace.split("/")[-2]}:{p.type.naam} → {k}."""',
        ]
        if n:  # fast path: children in schema order; only optional elements need a tag comparison
            r += ["    if geldig:", "        try:", "            ks = el.getchildren()  # list(el), faster"]
            if any(not _verplicht(velden[v.naam]) for v in p.velden):
                r.append("            n = len(ks)")
            r.append(f"            obj = _new({k})")
            positie: int | None = 0  # the child's index while it is still fixed, else None: variable ``i``
            for v in p.velden:
                if _verplicht(velden[v.naam]):
                    kind = f"ks[{positie}]" if positie is not None else "ks[i]"
                    r.append(f"            _zet_{k}_{v.naam}(obj, {_waarde(v, kind, namen, True)})")
                    if positie is not None:
                        positie += 1
                    else:
                        r.append("            i += 1")
                    continue
                if positie is not None:
                    r.append(f"            i = {positie}")
                    positie = None
                r += [
                    f"            if i < n and ks[i].tag == {v.element.tag!r}:",
                    f"                _zet_{k}_{v.naam}(obj, {_waarde(v, 'ks[i]', namen, True)})",
                    "                i += 1",
                    "            else:",
                    f"                _zet_{k}_{v.naam}(obj, {velden[v.naam].default!r})",
                ]
            r += [
                "            if lijnen is not None:",
                "                lijnen[id(obj)] = el.sourceline",
                "            return obj",
                "        except BindingFout:",
                "            raise",
                "        except (ValueError, IndexError):",
                "            pass",
            ]
        # general path
        for v in p.velden:
            standaard = velden[v.naam].default
            r.append(f"    v_{v.naam} = {'_ONTBREEKT' if standaard is dataclasses.MISSING else repr(standaard)}")
        r += ["    try:", "        for kind in el:", "            tag = kind.tag"]
        for i, v in enumerate(p.velden):
            r.append(f"            {'if' if i == 0 else 'elif'} tag == {v.element.tag!r}:")
            r.append(f"                v_{v.naam} = {_waarde(v, 'kind', namen, False)}")
        r += [
            "            elif isinstance(tag, str):",
            f'                raise BindingFout(f"onverwacht element {{tag}} in {p.type.naam}", kind.sourceline)',
            "    except BindingFout:",
            "        raise",
            "    except ValueError as exc:",
            "        raise _fout_in_kind(kind, exc) from exc",
        ]
        verplicht = [v.naam for v in p.velden if _verplicht(velden[v.naam])]
        if verplicht:
            r.append(f"    if {' or '.join(f'v_{naam} is _ONTBREEKT' for naam in verplicht)}:")
            waarden = ", ".join(f"{v.naam!r}: v_{v.naam}" for v in p.velden)
            r.append(f"        raise _ontbreekt({k}_plan, el, {{{waarden}}})")
        r.append(f"    obj = _new({k})")
        r += [f"    _zet_{k}_{v.naam}(obj, v_{v.naam})" for v in p.velden]
        r += ["    if lijnen is not None:", "        lijnen[id(obj)] = el.sourceline", "    return obj", "", ""]
        bron += r
    return "\n".join(bron), globs


def _genereer_decoders(soort: str, plannen: list[Plan]) -> None:
    bron, globs = _decoder_bron(plannen)
    bestand = f"<ijw-decoders {soort}>"
    linecache.cache[bestand] = (len(bron), None, bron.splitlines(True), bestand)  # readable tracebacks
    exec(compile(bron, bestand, "exec"), globs)  # noqa: S102  (source generated from the vendored XSDs)
    for p in plannen:
        p.lees = globs[f"_lees_{p.klasse.__name__}"]


def decoder_bron(soort: str) -> str:
    """The generated decoder source of a berichtsoort, for reading and debugging, e.g.
    ``python -c 'from jeugdhulp.berichten.ijw.binding import decoder_bron; print(decoder_bron("JW301"))'``."""
    return _decoder_bron(_alle_plannen(soort))[0]


def decodeer(soort: str, root: etree._Element, *, schema_geldig: bool = False) -> tuple[Any, dict[int, int]]:
    """Schema-valid ``Bericht`` element → (typed ``Bericht`` object, {id(object): source line}).

    ``schema_geldig=True`` promises that ``root`` has just passed the berichtsoort's XSD (as in ``validate``); a
    tree without comments and processing instructions is then decoded by position (faster, same result).
    """
    geldig = schema_geldig and next(root.iter(*_GEEN_ELEMENT), None) is None  # filtered in C
    lijnen: dict[int, int] = {}
    return plan(soort).lees(root, lijnen, geldig), lijnen


def decodeer_geldig(soort: str, root: etree._Element) -> tuple[Any, Mapping[int, int]]:
    """For ``validate``: ``decodeer(soort, root, schema_geldig=True)``, but the source lines are only worked out when
    asked for: only findings need them, and for a large declaration they cost ~15 % of the decoding."""
    geldig = next(root.iter(*_GEEN_ELEMENT), None) is None
    bericht = plan(soort).lees(root, None, geldig)
    return bericht, _LuieBronregels(soort, root, bericht)


def bronregels(soort: str, root: etree._Element, bericht: Any) -> dict[int, int]:
    """{id(object): source line} of ``bericht`` decoded from the schema-valid ``root``, as ``decodeer`` returns it."""
    result: dict[int, int] = {}

    def walk(p: Plan, el: etree._Element, obj: Any) -> None:
        result[id(obj)] = el.sourceline
        for kind in el.iterchildren(etree.Element):
            veld = p.per_tag.get(kind.tag)
            if veld is None or not isinstance(veld.lezer, Plan):
                continue
            if veld.soort == SAMEN:
                walk(veld.lezer, kind, getattr(obj, veld.naam))
            else:
                for c, item in zip(kind.iterchildren(etree.Element), getattr(obj, veld.naam), strict=False):
                    walk(veld.lezer, c, item)

    walk(plan(soort), root, bericht)
    return result


class _LuieBronregels(Mapping[int, int]):
    """``bronregels``, computed on first use."""

    def __init__(self, soort: str, root: etree._Element, bericht: Any) -> None:
        self._bron: tuple[str, etree._Element, Any] | None = (soort, root, bericht)
        self._regels: dict[int, int] = {}

    def _dict(self) -> dict[int, int]:
        if self._bron is not None:
            self._regels = bronregels(*self._bron)
            self._bron = None  # no longer keeps the tree alive
        return self._regels

    def __getitem__(self, key: int) -> int:
        return self._dict()[key]

    def __iter__(self) -> Iterator[int]:
        return iter(self._dict())

    def __len__(self) -> int:
        return len(self._dict())


def decodeer_deel(soort: str, el: etree._Element, complex_naam: str) -> Any:
    """Decode one sub-element (e.g. a possibly invalid message's ``Header``) with the plan of a complex type."""
    for p in _alle_plannen(soort):
        if p.type.naam == complex_naam:
            return p.lees(el, {}, False)
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
