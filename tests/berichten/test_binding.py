"""Typed objects ↔ XML: Hypothesis round trips for all 14 messages, with XSD-driven generated messages."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from jeugdhulp.berichten.ijw import BERICHTSOORTEN, build, lees, parse, xsd_bevindingen
from jeugdhulp.berichten.ijw.berichten import bericht_klasse
from jeugdhulp.berichten.ijw.codegen import DOEL, genereer
from jeugdhulp.berichten.ijw.schemas import schema
from tests.berichten.strategieen import berichten

RONDES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("soort", sorted(BERICHTSOORTEN))
def test_round_trip(soort):
    @RONDES
    @given(berichten(soort))
    def rond(bericht):
        assert isinstance(bericht, bericht_klasse(soort))
        data = build(bericht, valideren=False)
        gelezen = lees(data)
        assert gelezen.soort.naam == soort
        assert xsd_bevindingen(soort, gelezen.root) == []
        assert parse(data) == bericht

    rond()


def test_schemas_worden_eenmaal_gecompileerd():
    assert schema("JW301") is schema("JW301")


def test_xsd_fout_heeft_regel_en_pad():
    from tests.berichten.voorbeelden import jw301_bericht

    data = build(jw301_bericht()).replace(b"<ijw:Huisnummer>12<", b"<ijw:Huisnummer>twaalf<")
    gelezen = lees(data)
    (fout,) = xsd_bevindingen("JW301", gelezen.root)
    assert fout.retourcode == "0001" and fout.regel == "XSD"
    assert fout.line == 2 and fout.xpath.endswith("/Adres/Huis/Huisnummer")
    assert fout.berichtklasse == "Contact"


def test_gegenereerde_klassen_zijn_actueel():
    for naam, bron in genereer().items():
        assert (DOEL / naam).read_text(encoding="utf-8") == bron, (
            f"run python -m jeugdhulp.berichten.ijw.codegen ({naam})"
        )


def test_docs_noemen_elke_geimplementeerde_regel():
    from pathlib import Path

    from jeugdhulp.berichten.ijw.regels import REGISTER

    docs = (Path(__file__).resolve().parents[2] / "docs" / "ijw-rules.md").read_text(encoding="utf-8")
    for r in REGISTER.values():
        assert f"| {r.id} |" in docs and r.functie.__name__ in docs, r.id
