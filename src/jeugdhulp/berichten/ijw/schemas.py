"""The 14 compiled iJw XSDs (each compiled once per process) and XSD validation into ``Bevinding``s."""

from __future__ import annotations

import re
import threading

from lxml import etree

from jeugdhulp.berichten.ijw.berichten import module
from jeugdhulp.berichten.ijw.berichtsoorten import BERICHTSOORTEN
from jeugdhulp.berichten.ijw.bevindingen import TECHNISCH, Bevinding

_LOCK = threading.Lock()
_SCHEMAS: dict[str, tuple[etree.XMLSchema, threading.Lock]] = {}


def _compileer(soort: str) -> etree.XMLSchema:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    doc = etree.parse(str(BERICHTSOORTEN[soort].xsd), parser)  # xs:import of basisschema.xsd resolves locally
    return etree.XMLSchema(doc)


def _schema(soort: str) -> tuple[etree.XMLSchema, threading.Lock]:
    try:
        return _SCHEMAS[soort]
    except KeyError:
        with _LOCK:
            if soort not in _SCHEMAS:
                _SCHEMAS[soort] = (_compileer(soort), threading.Lock())
            return _SCHEMAS[soort]


def schema(soort: str) -> etree.XMLSchema:
    """The compiled XMLSchema of a berichtsoort (cached). Not for concurrent use: prefer ``xsd_bevindingen``."""
    return _schema(soort)[0]


def is_geldig(soort: str, root: etree._Element) -> bool:
    s, lock = _schema(soort)
    with lock:  # an lxml validator keeps its error log on the instance
        return s.validate(root)


_PREFIX = re.compile(r"[A-Za-z0-9_]+:")


def _berichtklasse(soort: str, pad: str) -> str:
    klassen = module(soort).KLASSEN
    for deel in reversed(pad.split("/")):
        naam = deel.split("[")[0]
        if naam in klassen and naam != "Root":
            return naam
    return "Bericht"


def xsd_bevindingen(soort: str, root: etree._Element) -> list[Bevinding]:
    """Validate against the berichtsoort's XSD; every schema error becomes a 0001 ``Bevinding``."""
    s, lock = _schema(soort)
    with lock:
        if s.validate(root):
            return []
        fouten = list(s.error_log)
    result = []
    for f in fouten:
        pad = _PREFIX.sub("", f.path or "") or None
        result.append(
            Bevinding(
                retourcode=TECHNISCH,
                regel="XSD",
                betekenis=f"Bericht voldoet niet aan {soort}.xsd: {f.message}",
                berichtklasse=_berichtklasse(soort, pad or ""),
                xpath=pad,
                line=f.line or None,
            )
        )
    return result
