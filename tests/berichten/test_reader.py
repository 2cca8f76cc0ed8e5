"""Safe reading: hostile or broken input is rejected with a clear reason; any schema-valid spelling is accepted."""

from __future__ import annotations

import pytest

from jeugdhulp.berichten.ijw import build, lees, parse
from jeugdhulp.berichten.ijw.reader import MAX_BYTES, Leesfout
from tests.berichten import voorbeelden as vb

GELDIG = build(vb.jw301_bericht())


def _reden(data: bytes) -> str:
    with pytest.raises(Leesfout) as exc:
        lees(data)
    assert exc.value.melding
    return exc.value.reden


def test_geldig_bericht_wordt_herkend():
    g = lees(GELDIG)
    assert g.soort.naam == "JW301" and g.kop["Afzender"] == vb.OSS and g.kop["Identificatie"] == "B1"


@pytest.mark.parametrize(
    ("data", "reden"),
    [
        (b"", "leeg"),
        (b"   \n", "leeg"),
        (b"dit is geen xml", "geen-xml"),
        (b"<a><b></c></a>", "geen-xml"),
        (GELDIG[: len(GELDIG) // 2], "afgebroken"),
        (b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', "doctype"),
        (b'<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>', "doctype"),
        (b"<x xmlns='urn:iets'/>", "namespace"),
        (b"<Bericht xmlns='http://www.istandaarden.nl/ijw/3_0/jw301/schema'/>", "versie"),
        (b"<Bericht xmlns='http://www.istandaarden.nl/ijw/3_2/jw399/schema'/>", "onbekend-bericht"),
    ],
)
def test_afwijzing_met_reden(data, reden):
    assert _reden(data) == reden


def test_xxe_wordt_niet_opgelost(tmp_path):
    geheim = tmp_path / "geheim.txt"
    geheim.write_text("GEHEIM")
    data = (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{geheim}">]><r>&x;</r>').encode()
    with pytest.raises(Leesfout) as exc:
        lees(data)
    assert exc.value.reden == "doctype" and "GEHEIM" not in str(exc.value)


def test_billion_laughs():
    lagen = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    data = f'<!DOCTYPE r [<!ENTITY l0 "ha">{lagen}]><r>&l9;</r>'.encode()
    assert _reden(data) == "doctype"


@pytest.mark.parametrize(
    "opvulling",
    ["\n" * 5000, " " * 100_000, "<!--" + "x" * 50_000 + "-->", "<?pi " + "y" * 8000 + "?>"],
    ids=["regels", "spaties", "commentaar", "verwerkingsinstructie"],
)
@pytest.mark.parametrize("codering", ["utf-8", "utf-16"])
def test_padded_billion_laughs_is_refused_with_the_clear_reason(opvulling, codering):
    """Issue 15 §7: a DTD after more than 4 KB of padding is refused by the pre-check, not by libxml2's limits."""
    lagen = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    tekst = f'<?xml version="1.0" encoding="{codering}"?>{opvulling}<!DOCTYPE r [<!ENTITY l0 "ha">{lagen}]><r>&l9;</r>'
    with pytest.raises(Leesfout) as exc:
        lees(tekst.encode(codering))
    assert exc.value.reden == "doctype"
    assert "DOCTYPE" in exc.value.melding


def test_dtd_declarations_deep_in_the_message_are_refused():
    """An internal subset is only allowed at the start, but refuse DTD markup wherever it appears."""
    data = GELDIG.replace(b"</jw301:Header>", b"</jw301:Header>" + b" " * 8000 + b'<!ENTITY x "y">')
    assert _reden(data) == "doctype"


def test_doctype_in_utf16():
    data = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'.encode("utf-16")
    assert _reden(data) == "doctype"


def test_te_groot():
    assert _reden(b"<a>" + b" " * MAX_BYTES + b"</a>") == "te-groot"


def test_berichtcode_past_niet_maar_header_is_leesbaar():
    data = GELDIG.replace(b">436<", b">438<")
    with pytest.raises(Leesfout) as exc:
        lees(data)
    assert exc.value.reden == "berichtcode"
    assert exc.value.soort.naam == "JW301" and exc.value.kop["Ontvanger"] == vb.AANBIEDER


def test_andere_prefixen_default_namespace_commentaar_en_witruimte():
    ns = "http://www.istandaarden.nl/ijw/3_2/jw301/schema"
    tekst = GELDIG.decode()
    varianten = [
        tekst.replace("jw301:", "x:").replace("xmlns:jw301", "xmlns:x"),
        tekst.replace("jw301:", "").replace(f'xmlns:jw301="{ns}"', f'xmlns="{ns}"'),
        tekst.replace("ijw:", "basis:").replace("xmlns:ijw", "xmlns:basis"),
        tekst.replace("><", ">\n   <!-- commentaar -->\n  <").replace(
            "<ijw:Achternaam>Jansen", "<ijw:Achternaam><![CDATA[Jan]]>sen"
        ),
    ]
    verwacht = vb.jw301_bericht()
    for variant in varianten:
        assert parse(variant.encode()) == verwacht, variant[:200]


def test_getal_en_datum_met_witruimte():
    data = GELDIG.replace(b"<ijw:Huisnummer>12<", b"<ijw:Huisnummer> 012 <")
    assert parse(data) == vb.jw301_bericht()
