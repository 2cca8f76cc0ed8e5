"""Safe reading of received iJw messages: bytes → lxml tree plus berichtsoort, or a clear ``Leesfout``.

Rejected before or while parsing: more than 25 MB (OP179), empty input, not well-formed XML, truncated XML, any
DOCTYPE (so no DTDs, external entities or entity expansion: XXE and "billion laughs"), a root that is not an
iJw 3.2 ``Bericht``, another iJw release, an unknown message, and a BerichtCode that does not fit the namespace.
The parser never resolves entities, never loads a DTD, never touches the network and keeps libxml2's size limits.
Where the header can still be read, ``Leesfout.kop`` holds its simple fields so a 0001 retour can be built.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from lxml import etree

from jeugdhulp.berichten.ijw.berichtsoorten import NS_PATROON, PER_NAMESPACE, RELEASE, Berichtsoort

MAX_BYTES = 25 * 1024 * 1024  # OP179: message files may not exceed 25 MB


class Leesfout(ValueError):
    """The input is not a readable iJw 3.2 message. ``reden`` is a stable machine code."""

    def __init__(
        self,
        reden: str,
        melding: str,
        *,
        line: int | None = None,
        soort: Berichtsoort | None = None,
        kop: dict[str, str] | None = None,
    ) -> None:
        super().__init__(melding)
        self.reden = reden
        self.melding = melding
        self.line = line
        self.soort = soort
        self.kop = kop or {}


@dataclass(frozen=True)
class Gelezen:
    soort: Berichtsoort
    root: etree._Element
    kop: dict[str, str] = field(default_factory=dict)  # simple header fields by local name


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


_PER_THREAD = threading.local()  # one reusable parser per thread (a parser must not be shared between threads)


def _gedeelde_parser() -> etree.XMLParser:
    try:
        return _PER_THREAD.parser
    except AttributeError:
        _PER_THREAD.parser = _parser()
        return _PER_THREAD.parser


_DTD_TEKENS = (b"<!DOCTYPE", b"<!ENTITY", b"<!ELEMENT", b"<!ATTLIST", b"<!NOTATION")


def _heeft_doctype(data: bytes) -> bool:
    """Any DTD markup anywhere in the message, not only near its start (a padded "billion laughs" hides it deeper).

    iJw messages never carry a DTD, and "<!" occurs in them only as a comment or CDATA; a declaration keyword inside
    a comment or CDATA is refused too, which costs nothing in practice and keeps the check a plain byte search.
    """
    if data.find(b"!") < 0:  # fast path (memchr): no "<!" in any encoding without a 0x21 byte
        return False
    if any(data.find(teken) >= 0 for teken in _DTD_TEKENS):
        return True
    # UTF-16/32 input: check the decoded text as well
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:1] == b"\x00" or data[1:2] == b"\x00":
        for enc in ("utf-16", "utf-16-be", "utf-16-le", "utf-32"):
            tekst = data.decode(enc, errors="ignore")
            if any(teken.decode() in tekst for teken in _DTD_TEKENS):
                return True
    return False


def kop_velden(root: etree._Element) -> dict[str, str]:
    """The simple fields of the Header (by local name, nested ones flattened), read leniently."""
    result: dict[str, str] = {}
    for header in root.iterchildren(etree.Element):
        if header.tag.endswith("}Header"):
            break
    else:
        return result
    for el in header.iter(etree.Element):
        if len(el):
            continue
        tag = el.tag
        naam = tag[tag.rfind("}") + 1 :]  # the local name
        if naam not in result:
            result[naam] = (el.text or "").strip()
    return result


def _parse(data: bytes) -> etree._Element:
    """Parse in one go; on a syntax error parse again incrementally to tell broken from truncated XML."""
    try:
        return etree.fromstring(data, _gedeelde_parser())
    except etree.XMLSyntaxError:
        pass
    parser = _parser()
    try:
        parser.feed(data)
    except etree.XMLSyntaxError as exc:
        raise Leesfout("geen-xml", f"Geen geldige XML: {exc.msg}", line=exc.lineno) from None
    try:
        return parser.close()
    except etree.XMLSyntaxError as exc:
        raise Leesfout("afgebroken", f"XML is onvolledig of afgebroken: {exc.msg}", line=exc.lineno) from None


def lees(data: bytes) -> Gelezen:
    """Parse received bytes safely and detect the berichtsoort. Raises ``Leesfout``."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError("lees() expects bytes")
    data = bytes(data)
    if len(data) > MAX_BYTES:
        raise Leesfout("te-groot", f"Bericht is groter dan 25 MB ({len(data)} bytes; OP179).")
    if not data or data.isspace():  # same as ``not data.strip()``, without copying the data
        raise Leesfout("leeg", "Bericht is leeg.")
    if _heeft_doctype(data):
        raise Leesfout("doctype", "Bericht bevat een DOCTYPE/DTD of entiteitdeclaratie; dat is niet toegestaan.")
    root = _parse(data)
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:  # belt and braces
        raise Leesfout("doctype", "Bericht bevat een DOCTYPE/DTD; dat is niet toegestaan.")
    if next(root.iter(etree.Entity), None) is not None:  # filtered in C, no Python loop over the tree
        raise Leesfout("doctype", "Bericht bevat entiteitsverwijzingen; dat is niet toegestaan.")
    if not isinstance(root.tag, str):
        raise Leesfout("geen-bericht", "Het rootelement is geen element.")
    qn = etree.QName(root)
    m = NS_PATROON.match(qn.namespace or "")
    if qn.localname != "Bericht" or m is None:
        raise Leesfout(
            "namespace",
            f"Rootelement {root.tag} is geen iJw-bericht (verwacht Bericht in "
            f"http://www.istandaarden.nl/ijw/{RELEASE}/jwNNN/schema).",
            line=root.sourceline,
        )
    if m["release"] != RELEASE:
        raise Leesfout(
            "versie",
            f"iJw-release {m['release'].replace('_', '.')} wordt niet ondersteund; verwacht 3.2.",
            line=root.sourceline,
        )
    soort = PER_NAMESPACE.get(qn.namespace)
    if soort is None:
        raise Leesfout("onbekend-bericht", f"Onbekend berichttype {m['bericht'].upper()}.", line=root.sourceline)
    kop = kop_velden(root)
    code = kop.get("BerichtCode")
    if code != soort.code:
        raise Leesfout(
            "berichtcode",
            f"BerichtCode {code!r} past niet bij {soort.naam} (verwacht {soort.code}).",
            line=root.sourceline,
            soort=soort,
            kop=kop,
        )
    return Gelezen(soort, root, kop)
