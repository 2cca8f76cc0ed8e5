"""End to end: ``validate``, retourberichten (JW302…JW320, JW325) and the ``jeugdhulp ijw validate`` CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from jeugdhulp.berichten.ijw import (
    GeheugenHistorie,
    beantwoord,
    build,
    lees,
    maak_declaratie_antwoord,
    maak_retour,
    maak_technische_retour,
    parse,
    soort_van,
    validate,
    validate_uitgaand,
    xsd_bevindingen,
)
from jeugdhulp.berichten.ijw.cli import main
from tests.berichten import per_bericht as pb
from tests.berichten import voorbeelden as vb
from tests.berichten.voorbeelden import wijzig

VANDAAG = date(2024, 6, 1)
FOUT_BSN = "999900019"


def _is_schema_valide(data: bytes) -> bool:
    g = lees(data)
    return xsd_bevindingen(g.soort.naam, g.root) == []


def test_validate_geldig_en_ongeldig():
    assert validate(build(vb.jw301_bericht()), vandaag=VANDAAG).geldig
    r = validate(build(wijzig(vb.jw301_bericht(), "client.bsn", FOUT_BSN)), vandaag=VANDAAG)
    assert not r.geldig and r.berichtsoort == "JW301"
    (b,) = r.bevindingen
    assert (b.regel, b.retourcode, b.berichtklasse, b.xpath) == ("CS002", "0001", "Client", "/Bericht/Client/Bsn")
    assert b.line is not None


def test_validate_niet_xml_en_xsd_fout():
    r = validate(b"<<<")
    assert not r.geldig and r.berichtsoort is None and r.bevindingen[0].retourcode == "0001"
    r = validate(build(vb.jw301_bericht()).replace(b"<ijw:Huisnummer>12<", b"<ijw:Huisnummer>x<"))
    assert r.berichtsoort == "JW301" and r.bevindingen[0].regel == "XSD" and r.technisch_afgekeurd


def test_validate_met_historie():
    h = GeheugenHistorie()
    h.registreer(vb.jw305_bericht())
    r = validate(build(vb.jw305_bericht()), h, vandaag=VANDAAG)
    assert {b.regel for b in r.bevindingen} >= {"TR056", "TR019"}


@pytest.mark.parametrize(
    "maak", [vb.jw301_bericht, vb.jw305_bericht, vb.jw307_bericht, vb.jw315_bericht, vb.jw317_bericht, vb.jw319_bericht]
)
def test_retour_zonder_bevindingen(maak):
    heen = maak()
    retour = maak_retour(heen, [], identificatie="R1", dagtekening=VANDAAG, volledig=True)
    assert (
        soort_van(retour)
        == {"JW301": "JW302", "JW305": "JW306", "JW307": "JW308", "JW315": "JW316", "JW317": "JW318", "JW319": "JW320"}[
            soort_van(heen)
        ]
    )
    data = build(retour)
    assert _is_schema_valide(data) and parse(data) == retour
    assert retour.header.retour_codes == ("0200",)


def test_retour_codes_per_berichtklasse():
    heen = vb.jw301_bericht(vb.toegewezen_product(), vb.toegewezen_product(1002, einddatum=date(2024, 1, 1)))
    r = validate(build(heen), vandaag=VANDAAG)
    retour = maak_retour(r.bericht, r.bevindingen, identificatie="R1", dagtekening=VANDAAG)
    producten = retour.client.toegewezen_producten
    assert [p.retour_codes for p in producten] == [("0200",), ("0001",)]
    assert retour.client.retour_codes == ("0200",) and retour.header.retour_codes == ("0200",)
    assert _is_schema_valide(build(retour))


def test_retour_volgens_op065_zonder_client_als_alles_goed_is():
    retour = maak_retour(vb.jw301_bericht(), [], identificatie="R1", dagtekening=VANDAAG)
    assert retour.client is None and _is_schema_valide(build(retour))


def test_technische_retour_0001():
    r = validate(build(vb.jw305_bericht()).replace(b"<ijw:Achternaam>Jansen", b"<ijw:Achternaam> "))
    assert r.technisch_afgekeurd
    retour = maak_technische_retour(r, identificatie="R1", dagtekening=VANDAAG)
    assert soort_van(retour) == "JW306" and retour.header.retour_codes == ("0001",) and retour.client is None
    assert _is_schema_valide(build(retour))
    assert _is_schema_valide(beantwoord(r, identificatie="R1", dagtekening=VANDAAG))


def test_declaratie_antwoord_alleen_afgewezen_prestaties():
    goed = vb.prestatie("P-1")
    fout = vb.prestatie("P-2", product_tarief=151, toewijzing_nummer=1002)  # TR346 (another toewijzing: not TR416)
    r = validate(build(vb.jw323_bericht(goed, fout)), vandaag=VANDAAG)
    assert [b.regel for b in r.bevindingen] == ["TR346"]
    antwoord = maak_declaratie_antwoord(r.bericht, r.bevindingen, identificatie="A1", dagtekening=VANDAAG)
    da = antwoord.declaratie_antwoord
    assert da.totaal_toegekend_bedrag.totaal_bedrag == 72000
    assert [p.product_referentie.referentie_nummer for p in da.clienten[0].prestaties] == ["P-2"]
    assert da.clienten[0].prestaties[0].retour_codes == ("9346",)
    assert antwoord.header.declaratie_identificatie == r.bericht.header.bericht_identificatie
    assert _is_schema_valide(build(antwoord))


def test_cli_tekst_json_en_exitcode(tmp_path, capsys):
    goed = tmp_path / "goed.xml"
    goed.write_bytes(build(vb.jw301_bericht()))
    fout = tmp_path / "fout.xml"
    fout.write_bytes(build(wijzig(vb.jw301_bericht(), "client.bsn", FOUT_BSN)))
    assert main(["validate", str(goed)]) == 0
    assert "JW301 geldig" in capsys.readouterr().out
    assert main(["validate", str(goed), str(fout)]) == 1
    out = capsys.readouterr().out
    assert "0001 CS002 [Client]" in out and "/Bericht/Client/Bsn" in out
    assert main(["validate", "--json", str(fout)]) == 1
    (item,) = json.loads(capsys.readouterr().out)
    assert item["berichtsoort"] == "JW301" and item["geldig"] is False
    assert item["bevindingen"][0]["regel"] == "CS002"


def test_cli_via_jeugdhulp_commando(tmp_path):
    bestand = tmp_path / "b.xml"
    bestand.write_bytes(b"geen xml")
    code = "import sys; from jeugdhulp.cli import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.run(
        [sys.executable, "-c", code, "ijw", "validate", str(bestand)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 1 and "onbekend ONGELDIG" in proc.stdout


def test_bibliotheek_importeert_geen_django():
    code = (
        "import sys, jeugdhulp.berichten.ijw.cli, jeugdhulp.berichten.ijw.regels;"
        "print(any(m.startswith('django') for m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "False"


@pytest.mark.parametrize("soort", sorted(pb.VOORBEELD))
def test_elk_berichttype_voldoet_aan_wat_we_eisen(soort):
    r = validate_uitgaand(build(pb.VOORBEELD[soort]()), vandaag=VANDAAG)
    assert r.berichtsoort == soort and r.geldig, r.bevindingen


def test_jw325_herhaalt_wat_het_afwijst_zonder_zelf_afgekeurd_te_worden():
    r = validate(build(vb.jw323_bericht(bsn=FOUT_BSN)), vandaag=VANDAAG)
    assert [b.regel for b in r.bevindingen] == ["CS002"]
    antwoord = build(maak_declaratie_antwoord(r.bericht, r.bevindingen, identificatie="A1", dagtekening=VANDAAG))
    assert [b.regel for b in validate(antwoord, vandaag=VANDAAG).bevindingen] == ["CS002"]  # the repeated BSN
    assert validate_uitgaand(antwoord, vandaag=VANDAAG).geldig
