"""Layer 2: every field-level rule against a message that passes it and a variant that breaks it."""

from __future__ import annotations

from datetime import date

import pytest

from jeugdhulp.berichten.ijw import Bevinding, binding, maak_declaratie_antwoord
from jeugdhulp.berichten.ijw.berichten import basis, jw319
from jeugdhulp.berichten.ijw.regels import REGISTER, Context, toets
from tests.berichten import per_bericht as pb
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


def _alle_gevallen():
    """(rule id, valid factory, broken factory) for every case: GEVALLEN (one per rule) plus MEER (per message)."""
    for regel_id in sorted(set(GEVALLEN) | set(MEER)):
        gevallen = ([GEVALLEN[regel_id]] if regel_id in GEVALLEN else []) + MEER.get(regel_id, [])
        for i, (goed, fout) in enumerate(gevallen):
            yield pytest.param(regel_id, goed, fout, id=f"{regel_id}-{i}")


def test_elke_veldregel_heeft_een_test():
    veldregels = {r.id for r in REGISTER.values() if not r.historie}
    assert veldregels <= set(GEVALLEN) | set(MEER), sorted(veldregels - set(GEVALLEN) - set(MEER))


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


# ---- more cases: the same rule in every other message the rule table lists it for, and the rules added for issue 17
def _prestatie_periode(begin, eind):
    return vb.prestatie(product_periode=basis.GeslotenPeriode(begindatum=begin, einddatum=eind))


def _jw325_dubbel():
    jw323 = vb.jw323_bericht(vb.prestatie("P-1"), _prestatie_periode(date(2024, 4, 1), date(2024, 4, 15)))
    ps = jw323.declaratie.clienten[0].prestaties
    fout = [Bevinding("9338", "TR338", "x", "Prestatie", object=p) for p in ps]
    jw325 = maak_declaratie_antwoord(jw323, fout, identificatie="DA1", dagtekening=pb.RETOUR_DAG)
    p2 = wijzig(jw325, "declaratie_antwoord.clienten[0].prestaties[1].product_referentie.referentie_nummer", "P-1")
    return p2


def _vb(soort):
    return pb.VOORBEELD[soort]()


ALLE_SOORTEN = sorted(pb.VOORBEELD)
HEEN = ("JW301", "JW305", "JW307", "JW315", "JW317", "JW319", "JW323", "JW325")
FOUT_CODE = basis.Product(categorie="45", code="41A01")
OMVANG_DAG = basis.Omvang(volume=3, eenheid="14", frequentie="1")

MEER = {
    "CS002": pb.per_soort(
        ("JW305", "JW307", "JW315", "JW317", "JW323", "JW325"), _vb, lambda s: pb.met_bsn(_vb(s), "999900019")
    ),
    "CS015": pb.per_soort(
        [s for s in ALLE_SOORTEN if s != "JW301"], _vb, lambda s: pb.met_header(_vb(s), bericht_subversie=1)
    ),
    "CS025": pb.per_soort(
        [s for s in ALLE_SOORTEN if s != "JW305"], _vb, lambda s: pb.met_header(_vb(s), bericht_versie=2)
    ),
    "TR135": pb.per_soort(
        [s for s in HEEN if s != "JW319"], _vb, lambda s: pb.met_dagtekening(_vb(s), date(2024, 6, 2))
    ),
    "TR378": pb.per_soort(HEEN, _vb, lambda s: pb.met_gemeente(_vb(s), s, "0900")),
    "TR002": pb.per_soort(("JW301", "JW307", "JW315"), _vb, lambda s: pb.met_geboortedatum(_vb(s), date(1900, 1, 1))),
    "CS139": pb.per_soort(
        ("JW305", "JW307", "JW315"),
        lambda s: pb.met_geboortedatum(_vb(s), date(1900, 1, 1), "3"),
        lambda s: pb.met_geboortedatum(_vb(s), date(2012, 5, 1), "3"),
    ),
    "TR134": [
        *pb.per_soort(
            ("JW301", "JW305", "JW307", "JW315"), _vb, lambda s: pb.met_geboortedatum(_vb(s), date(2024, 3, 16))
        ),
        (pb.jw325_bericht, lambda: pb.met_dagtekening(pb.jw325_bericht(), date(2024, 3, 31))),
    ],
    "TR137": [(pb.jw325_bericht, lambda: pb.met_dagtekening(pb.jw325_bericht(), date(2024, 4, 15)))],
    "TR101": [
        (
            vb.jw301_bericht,
            lambda: _tp2(ingangsdatum=date(2025, 1, 1), einddatum=date(2025, 6, 30), toewijzing_nummer=1001),
        ),
        (vb.jw307_bericht, lambda: vb.jw307_bericht(vb.stop_product(), vb.stop_product())),
        (
            vb.jw315_bericht,
            lambda: vb.jw315_bericht(
                vb.aangevraagd_product("A"),
                vb.aangevraagd_product("A", toewijzing_ingangsdatum=date(2025, 1, 1), toewijzing_einddatum=None),
            ),
        ),
        (vb.jw317_bericht, lambda: vb.jw317_bericht(ongewijzigd=[1001])),
        (
            vb.jw323_bericht,
            lambda: vb.jw323_bericht(vb.prestatie("P-1"), _prestatie_periode(date(2024, 4, 1), date(2024, 4, 15))),
        ),
        (pb.jw325_bericht, _jw325_dubbel),
    ],
    "TR381": [
        (vb.jw301_bericht, lambda: wijzig(vb.jw301_bericht(), f"{TP}.product", FOUT_CODE)),
        (vb.jw305_bericht, lambda: wijzig(vb.jw305_bericht(), "client.start_producten[0].product", FOUT_CODE)),
        (vb.jw307_bericht, lambda: wijzig(vb.jw307_bericht(), "client.stop_producten[0].product", FOUT_CODE)),
        (vb.jw315_bericht, lambda: wijzig(vb.jw315_bericht(), f"{AP}.product", FOUT_CODE)),
        (vb.jw317_bericht, lambda: vb.jw317_bericht(nieuw=[vb.nieuw_product(product=FOUT_CODE)])),
        (vb.jw323_bericht, lambda: vb.jw323_bericht(vb.prestatie(product_code="41A01"))),
    ],
    "CS003": [
        (vb.jw315_bericht, lambda: wijzig(vb.jw315_bericht(), f"{AP}.toewijzing_einddatum", date(2024, 3, 31))),
        (
            vb.jw317_bericht,
            lambda: vb.jw317_bericht(te_wijzigen=[vb.te_wijzigen_product(einddatum=date(2024, 4, 1))]),
        ),
    ],
    "CD041": [
        (vb.jw301_bericht, lambda: wijzig(vb.jw301_bericht(), f"{TP}.omvang", None)),
        (vb.jw317_bericht, lambda: vb.jw317_bericht(nieuw=[vb.nieuw_product(omvang=None)])),
    ],
    "CD075": [
        (
            lambda: vb.jw315_bericht(vb.aangevraagd_product(omvang=None, budget=500)),
            lambda: vb.jw315_bericht(vb.aangevraagd_product(omvang=None, budget=500, toewijzing_einddatum=None)),
        ),
        (
            lambda: vb.jw317_bericht(te_wijzigen=[vb.te_wijzigen_product(omvang=None, budget=9000)]),
            lambda: vb.jw317_bericht(te_wijzigen=[vb.te_wijzigen_product(omvang=None, budget=9000, einddatum=None)]),
        ),
    ],
    "CD076": [
        (vb.jw315_bericht, lambda: wijzig(vb.jw315_bericht(), f"{AP}.toewijzing_einddatum", None)),
        (vb.jw317_bericht, lambda: vb.jw317_bericht(te_wijzigen=[vb.te_wijzigen_product(einddatum=None)])),
    ],
    "CD077": [
        (vb.jw315_bericht, lambda: wijzig(vb.jw315_bericht(), f"{AP}.budget", 100)),
        (vb.jw317_bericht, lambda: vb.jw317_bericht(te_wijzigen=[vb.te_wijzigen_product(budget=100)])),
    ],
    "CD078": [
        (vb.jw301_bericht, lambda: wijzig(vb.jw301_bericht(), f"{TP}.budget", 100)),
        (vb.jw317_bericht, lambda: vb.jw317_bericht(nieuw=[vb.nieuw_product(budget=100)])),
    ],
    "CD079": [
        (vb.jw315_bericht, lambda: wijzig(wijzig(vb.jw315_bericht(), f"{AP}.product", None), f"{AP}.omvang", None)),
        (vb.jw317_bericht, lambda: vb.jw317_bericht(nieuw=[vb.nieuw_product(product=None, omvang=None)])),
    ],
    "CS338": [
        (vb.jw317_bericht, lambda: vb.jw317_bericht(nieuw=[vb.nieuw_product(omvang=OMVANG_DAG)])),
    ],
    "CS343": [
        (
            lambda: vb.jw315_bericht(
                vb.aangevraagd_product(
                    omvang=OMVANG_DAG, toewijzing_ingangsdatum=date(2020, 6, 1), toewijzing_einddatum=date(2020, 12, 31)
                )
            ),
            lambda: wijzig(vb.jw315_bericht(), f"{AP}.omvang", OMVANG_DAG),
        ),
    ],
    "CD095": [(vb.jw315_bericht, lambda: wijzig(vb.jw315_bericht(), f"{AP}.product.code", None))],
    "CD096": [
        (vb.jw317_bericht, lambda: vb.jw317_bericht(nieuw=[vb.nieuw_product(product=basis.Product(categorie="41"))]))
    ],
    "CS325": [
        (
            pb.jw325_bericht,
            lambda: wijzig(pb.jw325_bericht(), "declaratie_antwoord.totaal_toegekend_bedrag.debet_credit", "C"),
        )
    ],
    "CD060": [
        (
            pb.jw325_bericht,
            lambda: wijzig(
                pb.jw325_bericht(),
                "declaratie_antwoord.clienten[0].prestaties[0].product_referentie.vorig_referentie_nummer",
                "X-1",
            ),
        )
    ],
    "CS058": [
        (vb.jw305_bericht, lambda: wijzig(vb.jw305_bericht(), "client.start_producten[0].status_aanlevering", "2"))
    ],
    "CS050": [(vb.jw301_bericht, lambda: wijzig(vb.jw301_bericht(), "client.naam.naam_gebruik", "2"))],
    "CD005": [
        (vb.jw301_bericht, lambda: wijzig(vb.jw301_bericht(), "client.contactgegevens[0].adres.land_code", None))
    ],
    "CD009": [
        (
            vb.jw301_bericht,
            lambda: wijzig(
                vb.jw301_bericht(), "client.contactgegevens[0].periode", basis.OpenPeriode(begindatum=date(2024, 1, 1))
            ),
        )
    ],
    "CD025": [(vb.jw301_bericht, lambda: wijzig(vb.jw301_bericht(), "client.contactgegevens[0].adres.huis", None))],
    "CD034": [(vb.jw301_bericht, lambda: wijzig(vb.jw301_bericht(), "client.contactgegevens[0].adres.postcode", None))],
    "CD043": [
        (
            lambda: wijzig(
                wijzig(vb.jw315_bericht(), f"{AP}.beschikking_nummer", 12345),
                f"{AP}.beschikking_ingangsdatum",
                date(2024, 3, 1),
            ),
            lambda: wijzig(vb.jw315_bericht(), f"{AP}.beschikking_nummer", 12345),
        )
    ],
    "CS319": [(vb.jw323_bericht, lambda: vb.jw323_bericht(nummer="D-2024"))],
    "TR416": [(vb.jw323_bericht, lambda: vb.jw323_bericht(vb.prestatie("P-1"), vb.prestatie("P-2")))],
    "TR319": [(vb.jw323_bericht, lambda: vb.jw323_bericht(_prestatie_periode(date(2024, 5, 1), date(2024, 5, 31))))],
    "TR335": [(vb.jw323_bericht, lambda: vb.jw323_bericht(_prestatie_periode(date(2019, 4, 1), date(2019, 4, 30))))],
    "TR380": [
        (
            vb.jw317_bericht,
            lambda: vb.jw317_bericht(te_wijzigen=[vb.te_wijzigen_product(einddatum=date(2024, 3, 15))]),
        )
    ],
    "TR342": [
        (
            pb.jw325_bericht,
            lambda: wijzig(pb.jw325_bericht(), "declaratie_antwoord.totaal_toegekend_bedrag.totaal_bedrag", 500),
        )
    ],
}
ALLE_GEVALLEN = list(_alle_gevallen())


@pytest.mark.parametrize(("regel_id", "goed", "fout"), ALLE_GEVALLEN)
def test_regel_keurt_goed_en_af(regel_id, goed, fout):
    goed_bericht, fout_bericht = goed(), fout()
    assert binding.soort_van(goed_bericht) == binding.soort_van(fout_bericht)
    assert _run(regel_id, goed_bericht) == []
    bevindingen = _run(regel_id, fout_bericht)
    assert bevindingen, f"{regel_id} did not fire"
    regel = REGISTER[regel_id]
    for b in bevindingen:
        assert (b.regel, b.retourcode) == (regel_id, regel.retourcode)
        assert b.xpath.startswith("/Bericht/") and b.betekenis
        assert b.berichtklasse == type(b.object).__name__
