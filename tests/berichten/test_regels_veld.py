"""Layer 2: every field-level rule against a message that passes it and a variant that breaks it."""

from __future__ import annotations

from datetime import date

import pytest

from jeugdhulp.berichten.ijw import binding
from jeugdhulp.berichten.ijw.berichten import basis, jw319
from jeugdhulp.berichten.ijw.regels import REGISTER, Context, toets
from tests.berichten import voorbeelden as vb
from tests.berichten.voorbeelden import wijzig

VANDAAG = date(2024, 6, 1)
TP = "client.toegewezen_producten[0]"
AP = "client.aangevraagde_producten[0]"
PR = "declaratie.clienten[0].prestaties[0]"


def _tp2(**kw):
    return vb.jw301_bericht(vb.toegewezen_product(), vb.toegewezen_product(1002, **kw))


# rule id → (valid message, broken message)
GEVALLEN = {
    "CS015": (vb.jw301_bericht, lambda: wijzig(vb.jw301_bericht(), "header.bericht_subversie", 1)),
    "CS025": (vb.jw305_bericht, lambda: wijzig(vb.jw305_bericht(), "header.bericht_versie", 2)),
    "TR135": (
        vb.jw319_bericht,
        lambda: wijzig(vb.jw319_bericht(), "header.bericht_identificatie.dagtekening", date(2024, 6, 2)),
    ),
    "CS002": (vb.jw301_bericht, lambda: wijzig(vb.jw301_bericht(), "client.bsn", "999900019")),
    "TR002": (
        vb.jw305_bericht,
        lambda: wijzig(vb.jw305_bericht(), "client.geboortedatum", basis.Geboortedatum(datum=date(1900, 1, 1))),
    ),
    "CS139": (
        lambda: wijzig(
            vb.jw301_bericht(), "client.geboortedatum", basis.Geboortedatum(datum=date(1900, 1, 1), datum_gebruik="3")
        ),
        lambda: wijzig(vb.jw301_bericht(), "client.geboortedatum.datum_gebruik", "3"),
    ),
    "CS318": (vb.jw301_bericht, lambda: wijzig(vb.jw301_bericht(), "client.naam.naam_gebruik", "6")),
    "CD007": (
        lambda: wijzig(vb.jw301_bericht(), "client.communicatie", basis.Communicatie(vorm="1", taal="Arabisch")),
        lambda: wijzig(vb.jw301_bericht(), "client.communicatie", basis.Communicatie(vorm="1")),
    ),
    "TR006": (vb.jw301_bericht, lambda: wijzig(vb.jw301_bericht(), "client.contactgegevens[0].adres.postcode", None)),
    "TR061": (vb.jw301_bericht, lambda: wijzig(vb.jw301_bericht(), "client.contactgegevens[0].soort", "04")),
    "CS089": (
        vb.jw301_bericht,
        lambda: wijzig(vb.jw301_bericht(), "client.contactgegevens[0].adres.postcode", "5341 ab"),
    ),
    "CS003": (vb.jw301_bericht, lambda: wijzig(vb.jw301_bericht(), f"{TP}.einddatum", date(2024, 3, 31))),
    "CD041": (vb.jw315_bericht, lambda: wijzig(vb.jw315_bericht(), f"{AP}.omvang", None)),
    "CD075": (
        lambda: wijzig(wijzig(vb.jw301_bericht(), f"{TP}.omvang", None), f"{TP}.product.code", None),
        lambda: wijzig(
            wijzig(wijzig(vb.jw301_bericht(), f"{TP}.omvang", None), f"{TP}.budget", 500000), f"{TP}.einddatum", None
        ),
    ),
    "CD076": (vb.jw301_bericht, lambda: wijzig(vb.jw301_bericht(), f"{TP}.einddatum", None)),
    "CD077": (vb.jw301_bericht, lambda: wijzig(vb.jw301_bericht(), f"{TP}.budget", 100)),
    "CD078": (vb.jw315_bericht, lambda: wijzig(vb.jw315_bericht(), f"{AP}.budget", 100)),
    "CD079": (
        vb.jw301_bericht,
        lambda: wijzig(wijzig(vb.jw301_bericht(), f"{TP}.product", None), f"{TP}.omvang", None),
    ),
    "CD080": (
        lambda: wijzig(wijzig(vb.jw301_bericht(), f"{TP}.product.code", None), f"{TP}.omvang", None),
        lambda: wijzig(vb.jw301_bericht(), f"{TP}.product.code", None),
    ),
    "CS338": (
        vb.jw301_bericht,
        lambda: wijzig(vb.jw301_bericht(), f"{TP}.omvang", basis.Omvang(volume=3, eenheid="14", frequentie="1")),
    ),
    "CS335": (
        lambda: wijzig(wijzig(vb.jw301_bericht(), f"{TP}.reden_wijziging", "13"), f"{TP}.einddatum", date(2024, 4, 1)),
        lambda: wijzig(vb.jw301_bericht(), f"{TP}.reden_wijziging", "13"),
    ),
    "CS336": (vb.jw301_bericht, lambda: wijzig(vb.jw301_bericht(), f"{TP}.reden_wijziging", "01")),
    "TR302": (
        lambda: _tp2(ingangsdatum=date(2025, 1, 1), einddatum=date(2025, 6, 30)),
        lambda: _tp2(ingangsdatum=date(2024, 12, 1), einddatum=date(2025, 6, 30)),
    ),
    "TR386": (
        lambda: vb.jw315_bericht(
            vb.aangevraagd_product("A"),
            vb.aangevraagd_product("B", product=basis.Product(categorie="41", code="41A01")),
        ),
        lambda: vb.jw315_bericht(vb.aangevraagd_product("A"), vb.aangevraagd_product("B")),
    ),
    "TR410": (
        lambda: vb.jw317_bericht(
            nieuw=[
                vb.nieuw_product(),
                vb.nieuw_product(gewenste_ingangsdatum=date(2025, 1, 1), einddatum=date(2025, 3, 31)),
            ]
        ),
        lambda: vb.jw317_bericht(nieuw=[vb.nieuw_product(), vb.nieuw_product()]),
    ),
    "CS058": (vb.jw307_bericht, lambda: wijzig(vb.jw307_bericht(), "client.stop_producten[0].status_aanlevering", "2")),
    "TR018": (
        vb.jw307_bericht,
        lambda: wijzig(vb.jw307_bericht(), "client.stop_producten[0].einddatum", date(2024, 4, 2)),
    ),
    "CD066": (
        lambda: wijzig(vb.jw315_bericht(), f"{AP}.verwijzer", basis.Verwijzer(type="02", zorgverlener_code="01234567")),
        lambda: wijzig(
            vb.jw315_bericht(),
            f"{AP}.verwijzer",
            basis.Verwijzer(type="02", naam="Huisarts Jansen", zorgverlener_code="01234567"),
        ),
    ),
    "CD067": (
        lambda: wijzig(vb.jw315_bericht(), f"{AP}.verwijzer", basis.Verwijzer(type="03", naam="Jeugdarts GGD")),
        lambda: wijzig(vb.jw315_bericht(), f"{AP}.verwijzer", basis.Verwijzer(type="03")),
    ),
    "CD068": (
        lambda: wijzig(vb.jw315_bericht(), f"{AP}.verwijzer", basis.Verwijzer(type="01")),
        lambda: wijzig(vb.jw315_bericht(), f"{AP}.verwijzer", basis.Verwijzer(type="06", zorgverlener_code="01234567")),
    ),
    "TR383": (
        lambda: vb.jw315_bericht(
            vb.aangevraagd_product("A"),
            vb.aangevraagd_product(
                "B", toewijzing_ingangsdatum=date(2025, 1, 1), toewijzing_einddatum=date(2025, 2, 1)
            ),
        ),
        lambda: vb.jw315_bericht(
            vb.aangevraagd_product("A"),
            vb.aangevraagd_product(
                "A", toewijzing_ingangsdatum=date(2025, 1, 1), toewijzing_einddatum=date(2025, 2, 1)
            ),
        ),
    ),
    "TR352": (
        lambda: vb.jw317_bericht(ongewijzigd=[1001], te_wijzigen=[], nieuw=[vb.nieuw_product()]),
        lambda: vb.jw317_bericht(te_wijzigen=[], nieuw=[vb.nieuw_product()]),
    ),
    "TR353": (vb.jw317_bericht, lambda: vb.jw317_bericht(ongewijzigd=[1001], te_wijzigen=[])),
    "CD085": (vb.jw319_bericht, lambda: vb.jw319_bericht("1", None)),
    "CD086": (lambda: vb.jw319_bericht("2", None), lambda: vb.jw319_bericht("2", "3")),
    "TR377": (
        lambda: wijzig(
            vb.jw319_bericht("1", "8"), "antwoord.woonplaatsbeginsel", jw319.Woonplaatsbeginsel(gemeente="0344")
        ),
        lambda: vb.jw319_bericht("1", "8"),
    ),
    "TR409": (
        vb.jw319_bericht,
        lambda: wijzig(
            vb.jw319_bericht("1", "3"), "antwoord.woonplaatsbeginsel", jw319.Woonplaatsbeginsel(gemeente="0344")
        ),
    ),
    "CS340": (
        vb.jw323_bericht,
        lambda: wijzig(vb.jw323_bericht(), "declaratie.declaratie_periode.einddatum", date(2024, 5, 31)),
    ),
    "CS100": (
        vb.jw323_bericht,
        lambda: wijzig(
            vb.jw323_bericht(),
            "declaratie.declaratie_periode",
            basis.GeslotenPeriode(begindatum=date(2020, 12, 1), einddatum=date(2020, 12, 31)),
        ),
    ),
    "TR134": (
        vb.jw323_bericht,
        lambda: vb.jw323_bericht(
            vb.prestatie(product_periode=basis.GeslotenPeriode(begindatum=date(2024, 5, 3), einddatum=date(2024, 5, 3)))
        ),
    ),
    "TR137": (
        vb.jw323_bericht,
        lambda: wijzig(vb.jw323_bericht(), "header.bericht_identificatie.dagtekening", date(2024, 4, 29)),
    ),
    "CS337": (
        vb.jw323_bericht,
        lambda: vb.jw323_bericht(
            vb.prestatie(product_periode=basis.GeslotenPeriode(begindatum=date(2024, 4, 1), einddatum=date(2024, 5, 2)))
        ),
    ),
    "CS339": (
        lambda: vb.jw323_bericht(
            vb.prestatie(
                eenheid="83",
                product_tarief=None,
                geleverd_volume=5000,
                ingediend_bedrag=basis.BedragMetDC(bedrag=5000, debet_credit="D"),
            )
        ),
        lambda: vb.jw323_bericht(
            vb.prestatie(
                eenheid="83",
                product_tarief=None,
                geleverd_volume=5000,
                ingediend_bedrag=basis.BedragMetDC(bedrag=5001, debet_credit="D"),
            )
        ),
    ),
    "CD087": (vb.jw323_bericht, lambda: vb.jw323_bericht(vb.prestatie(product_tarief=None))),
    "TR346": (vb.jw323_bericht, lambda: vb.jw323_bericht(vb.prestatie(product_tarief=151))),
    "TR358": (
        vb.jw323_bericht,
        lambda: wijzig(vb.jw323_bericht(), "declaratie.totaal_ingediend_bedrag.totaal_bedrag", 71999),
    ),
    "CS325": (
        lambda: wijzig(
            vb.jw323_bericht(
                vb.prestatie(),
                vb.prestatie(
                    "P-2",
                    product_referentie=basis.Referentie(referentie_nummer="P-2", vorig_referentie_nummer="X-9"),
                    ingediend_bedrag=basis.BedragMetDC(bedrag=72000, debet_credit="C"),
                ),
            ),
            "declaratie.totaal_ingediend_bedrag.debet_credit",
            "D",
        ),
        lambda: wijzig(
            vb.jw323_bericht(
                vb.prestatie(),
                vb.prestatie(
                    "P-2",
                    product_referentie=basis.Referentie(referentie_nummer="P-2", vorig_referentie_nummer="X-9"),
                    ingediend_bedrag=basis.BedragMetDC(bedrag=72000, debet_credit="C"),
                ),
            ),
            "declaratie.totaal_ingediend_bedrag.debet_credit",
            "C",
        ),
    ),
    "CD060": (
        vb.jw323_bericht,
        lambda: vb.jw323_bericht(vb.prestatie(ingediend_bedrag=basis.BedragMetDC(bedrag=72000, debet_credit="C"))),
    ),
    "TR315": (
        lambda: vb.jw323_bericht(
            vb.prestatie(
                "C-1", product_referentie=basis.Referentie(referentie_nummer="C-1", vorig_referentie_nummer="P-0")
            ),
        ),
        lambda: vb.jw323_bericht(
            vb.prestatie(
                "C-1", product_referentie=basis.Referentie(referentie_nummer="C-1", vorig_referentie_nummer="P-0")
            ),
            vb.prestatie(
                "C-2", product_referentie=basis.Referentie(referentie_nummer="C-2", vorig_referentie_nummer="P-0")
            ),
        ),
    ),
    "TR316": (
        vb.jw323_bericht,
        lambda: vb.jw323_bericht(
            vb.prestatie("P-1"),
            vb.prestatie(
                "C-1", product_referentie=basis.Referentie(referentie_nummer="C-1", vorig_referentie_nummer="P-1")
            ),
        ),
    ),
    "TR101": (
        lambda: vb.jw305_bericht(vb.start_product(), vb.start_product(toewijzing_nummer=1002)),
        lambda: vb.jw305_bericht(vb.start_product(), vb.start_product()),
    ),
}


def _run(regel_id, bericht):
    soort = binding.soort_van(bericht)
    assert soort in REGISTER[regel_id].berichten
    return toets(bericht, Context(soort, VANDAAG), alleen=[regel_id])


@pytest.mark.parametrize("regel_id", sorted(GEVALLEN))
def test_regel_keurt_goed_en_af(regel_id):
    goed, fout = GEVALLEN[regel_id]
    assert _run(regel_id, goed()) == []
    bevindingen = _run(regel_id, fout())
    assert bevindingen, f"{regel_id} did not fire"
    regel = REGISTER[regel_id]
    for b in bevindingen:
        assert (b.regel, b.retourcode) == (regel_id, regel.retourcode)
        assert b.xpath.startswith("/Bericht/") and b.betekenis
        assert b.berichtklasse == type(b.object).__name__


def test_elke_veldregel_heeft_een_test():
    veldregels = {r.id for r in REGISTER.values() if not r.historie}
    assert veldregels <= set(GEVALLEN), sorted(veldregels - set(GEVALLEN))


def test_geldige_voorbeelden_passeren_alle_regels():
    for maak in vb.GELDIG.values():
        bericht = maak()
        assert toets(bericht, Context(binding.soort_van(bericht), VANDAAG)) == []


def test_bevinding_wijst_naar_juiste_element():
    bericht = vb.jw301_bericht(vb.toegewezen_product(), vb.toegewezen_product(1002, einddatum=date(2024, 1, 1)))
    (b,) = _run("CS003", bericht)
    assert b.xpath == "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Einddatum"
    assert b.berichtklasse == "ToegewezenProduct"
    assert b.object is bericht.client.toegewezen_producten[1]
