"""Presenting a stored message to staff: pretty XML and a parsed, indented field list. Never raises on bad bytes."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields, is_dataclass
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _

from lxml import etree

from jeugdhulp import codelijsten
from jeugdhulp.berichten.ijw import Leesfout, binding, lees

MAX_TONEN = 200_000  # characters of XML shown on a page


def mooie_xml(data: bytes) -> str:
    """Indented XML when readable (parsed safely); otherwise the raw text, with undecodable bytes replaced."""
    try:
        tekst = etree.tostring(lees(data).root, pretty_print=True, encoding="unicode")
    except (Leesfout, ValueError):
        tekst = data[: MAX_TONEN * 2].decode("utf-8", errors="replace")
    return tekst if len(tekst) <= MAX_TONEN else tekst[:MAX_TONEN] + "\n…"


# message fields whose value is a code of an iJw code list: shown in words, the code after it
CODEVELDEN = {
    "geslacht": codelijsten.GESLACHT,
    "datum_gebruik": codelijsten.DATUMGEBRUIK,
    "naam_gebruik": codelijsten.NAAMGEBRUIK,
    "aanduiding_woonadres": codelijsten.AANDUIDING_WOONADRES,
    "land_code": codelijsten.LANDCODE,
    "vorm": codelijsten.COMMUNICATIEVORM,
    "categorie": codelijsten.PRODUCTCATEGORIE,
    "product_categorie": codelijsten.PRODUCTCATEGORIE,
    "eenheid": codelijsten.EENHEID,
    "frequentie": codelijsten.FREQUENTIE,
    "type": codelijsten.TYPE_VERWIJZER,
    "reden_wijziging": codelijsten.REDEN_WIJZIGING,
    "reden_beeindiging": codelijsten.REDEN_BEEINDIGING,
    "status_aanlevering": codelijsten.STATUS_AANLEVERING,
    "verzoek_antwoord": codelijsten.VERZOEK_ANTWOORD,
    "reden_afwijzing_verzoek": codelijsten.REDEN_AFWIJZING_VERZOEK,
    "reden_verzoek": codelijsten.REDEN_VERZOEK,
    "juridische_status": codelijsten.JURIDISCHE_STATUS,
    "wettelijke_vertegenwoordiging": codelijsten.WETTELIJKE_VERTEGENWOORDIGING,
    "gezagsdrager_bekend": codelijsten.JA_NEE,
    "debet_credit": codelijsten.DEBET_CREDIT,
}


def in_woorden(veld: str, waarde: Any) -> str:
    """One value as a person reads it: dates in Dutch words, a code as its meaning with the code after it."""
    if isinstance(waarde, dt.date):
        return formats.date_format(waarde, "j F Y")
    if isinstance(waarde, dt.time):
        return waarde.strftime("%H:%M")
    if isinstance(waarde, bool):
        return _("ja") if waarde else _("nee")
    if isinstance(waarde, tuple):
        return ", ".join(in_woorden(veld, w) for w in waarde)
    lijst = CODEVELDEN.get(veld)
    if lijst is not None and str(waarde) in lijst:
        return f"{lijst.label(str(waarde))} ({waarde})"
    return str(waarde)


def velden(data: bytes, max_rijen: int = 2000) -> list[tuple[int, str, str]]:
    """(depth, field, value) rows of the typed message; empty when it cannot be bound."""
    try:
        gelezen = lees(data)
        bericht, _ = binding.decodeer(gelezen.soort.naam, gelezen.root)
    except Exception:  # noqa: BLE001 — unreadable or unbindable: the raw XML is shown instead
        return []
    rijen: list[tuple[int, str, str]] = []
    _loop(bericht, 0, rijen, max_rijen)
    return rijen


def kop_en_inhoud(rijen: list[tuple[int, str, str]]) -> tuple[list, list]:
    """Split a message's rows into its header (top-level 'header' and what is under it) and the rest."""
    kop, inhoud, in_kop = [], [], False
    for rij in rijen:
        if rij[0] == 0:
            in_kop = rij[1] == "header"
        (kop if in_kop else inhoud).append(rij)
    return kop, inhoud


def _loop(obj: Any, diepte: int, rijen: list, max_rijen: int) -> None:
    for f in fields(obj):
        if len(rijen) >= max_rijen:
            return
        waarde = getattr(obj, f.name)
        if waarde is None or waarde == ():
            continue
        label = f.name.replace("_", " ")
        if isinstance(waarde, tuple) and waarde and is_dataclass(waarde[0]):
            for i, item in enumerate(waarde, 1):
                rijen.append((diepte, f"{label} {i}", ""))
                _loop(item, diepte + 1, rijen, max_rijen)
        elif is_dataclass(waarde):
            rijen.append((diepte, label, ""))
            _loop(waarde, diepte + 1, rijen, max_rijen)
        else:
            rijen.append((diepte, label, in_woorden(f.name, waarde)))


def verwijzer_in_woorden(verzoek) -> str:
    """Who referred, in words: 'Huisarts H. de Wit', or by type and AGB code when the name is unknown, never a bare
    COD327 code. A name missing from the message is looked up in the verwijzers known by their zorgverlenercode."""
    from jeugdhulp.organisatie.models import Verwijzer

    soort = codelijsten.TYPE_VERWIJZER.codes.get(verzoek.verwijzer_type, "") or _("Verwijzer")
    naam = verzoek.verwijzer_naam
    if not naam and verzoek.verwijzer_code:
        bekend = Verwijzer.objects.filter(zorgverlenercode=verzoek.verwijzer_code).exclude(naam="").first()
        naam = bekend.naam if bekend else ""
    if not naam:
        if verzoek.verwijzer_code:
            return _("%(soort)s (AGB-code %(code)s)") % {"soort": soort, "code": verzoek.verwijzer_code}
        return soort
    return naam if soort.lower() in naam.lower() else f"{soort} {naam}"
