"""Layer 3: every cross-message rule against ``GeheugenHistorie``, with a passing and a failing message."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from jeugdhulp.berichten.ijw import GeheugenHistorie, Historie, binding
from jeugdhulp.berichten.ijw.berichten import basis
from jeugdhulp.berichten.ijw.regels import REGISTER, Context, toets
from tests.berichten import per_bericht as pb
from tests.berichten import voorbeelden as vb
from tests.berichten.voorbeelden import wijzig

VANDAAG = date(2024, 6, 1)


def historie(*berichten, tarieven=None, afgekeurd=()):
    h = GeheugenHistorie()
    for b in berichten:
        h.registreer(b)
    for b in afgekeurd:
        h.registreer(b, goedgekeurd=False)
    h.tarieven.update(tarieven or {})
    return h


def met_toewijzing(*extra, **kw):
    return historie(vb.jw301_bericht(vb.toegewezen_product(**kw)), *extra)


def _credit(ref, vorig, **kw):
    return vb.prestatie(
        ref,
        product_referentie=basis.Referentie(referentie_nummer=ref, vorig_referentie_nummer=vorig),
        ingediend_bedrag=basis.BedragMetDC(bedrag=72000, debet_credit="C"),
        **kw,
    )


PERIODE_MEI = basis.GeslotenPeriode(begindatum=date(2024, 5, 1), einddatum=date(2024, 5, 31))
STOP20 = vb.stop_product(reden_beeindiging="20", einddatum=date(2024, 5, 31))

# rule id → (history factory, valid message factory, broken message factory)
GEVALLEN = {
    "TR056": (
        lambda: historie(vb.jw305_bericht(ident="S1")),
        lambda: vb.jw305_bericht(ident="S2"),
        lambda: vb.jw305_bericht(ident="S1"),
    ),
    "TR332": (
        met_toewijzing,
        vb.jw301_bericht,
        lambda: wijzig(vb.jw301_bericht(), "client.bsn", vb.ANDER_BSN),
    ),
    "TR379": (
        lambda: historie(vb.jw315_bericht()),
        lambda: vb.jw301_bericht(vb.toegewezen_product(referentie_aanbieder="VOT-1")),
        lambda: vb.jw301_bericht(vb.toegewezen_product(referentie_aanbieder="VOT-9")),
    ),
    "TR385": (
        lambda: met_toewijzing(vb.jw323_bericht()),
        lambda: vb.jw301_bericht(vb.toegewezen_product(2002, reden_wijziging="13", einddatum=date(2024, 4, 1))),
        lambda: vb.jw301_bericht(vb.toegewezen_product(reden_wijziging="13", einddatum=date(2024, 4, 1))),
    ),
    "TR019": (met_toewijzing, vb.jw305_bericht, lambda: vb.jw305_bericht(vb.start_product(toewijzing_nummer=4711))),
    "TR063": (
        lambda: met_toewijzing(vb.jw305_bericht()),
        lambda: vb.jw305_bericht(vb.start_product(status_aanlevering="3"), ident="S2"),
        lambda: vb.jw305_bericht(vb.start_product(status_aanlevering="3", begindatum=date(2024, 4, 4)), ident="S2"),
    ),
    "TR071": (
        lambda: met_toewijzing(vb.jw305_bericht(), vb.jw307_bericht()),
        lambda: vb.jw305_bericht(vb.start_product(status_aanlevering="3", begindatum=date(2024, 7, 1)), ident="S2"),
        lambda: vb.jw305_bericht(vb.start_product(status_aanlevering="3"), ident="S2"),
    ),
    "TR074": (
        lambda: met_toewijzing(vb.jw305_bericht()),
        lambda: vb.jw305_bericht(vb.start_product(begindatum=date(2024, 7, 1)), ident="S2"),
        lambda: vb.jw305_bericht(ident="S2"),
    ),
    "TR326": (
        lambda: met_toewijzing(vb.jw305_bericht()),
        lambda: vb.jw305_bericht(vb.start_product(toewijzing_nummer=1002), ident="S2"),
        lambda: vb.jw305_bericht(vb.start_product(begindatum=date(2024, 7, 1)), ident="S2"),
    ),
    "TR382": (
        lambda: met_toewijzing(vb.jw305_bericht()),
        vb.jw307_bericht,
        lambda: vb.jw307_bericht(vb.stop_product(begindatum=date(2024, 4, 4))),
    ),
    "TR413": (
        lambda: met_toewijzing(vb.jw305_bericht(), vb.jw307_bericht(STOP20)),
        lambda: vb.jw307_bericht(ident="P2"),
        lambda: vb.jw307_bericht(vb.stop_product(reden_beeindiging="20", einddatum=date(2024, 6, 30)), ident="P2"),
    ),
    "TR414": (
        lambda: met_toewijzing(vb.jw305_bericht(), vb.jw307_bericht(STOP20)),
        lambda: vb.jw307_bericht(ident="P2"),
        lambda: vb.jw307_bericht(vb.stop_product(einddatum=date(2024, 5, 30)), ident="P2"),
    ),
    "TR415": (
        lambda: met_toewijzing(vb.jw305_bericht(), vb.jw307_bericht(STOP20)),
        lambda: vb.jw307_bericht(ident="P2"),
        lambda: vb.jw307_bericht(vb.stop_product(einddatum=date(2024, 7, 31)), ident="P2"),
    ),
    "TR347": (
        lambda: historie(vb.jw315_bericht()),
        lambda: vb.jw317_bericht(ref="VOW-1"),
        lambda: vb.jw317_bericht(ref="VOT-1"),
    ),
    "TR374": (
        lambda: historie(vb.jw315_bericht(), vb.jw319_bericht("1", "3")),
        lambda: vb.jw315_bericht(vb.aangevraagd_product("VOT-2"), ident="V2"),
        lambda: vb.jw315_bericht(vb.aangevraagd_product("VOT-2"), ident="V2"),
    ),
    "TR349": (
        lambda: met_toewijzing(vb.jw301_bericht(vb.toegewezen_product(1002))),
        lambda: vb.jw317_bericht(ongewijzigd=[1002]),
        vb.jw317_bericht,
    ),
    "TR350": (met_toewijzing, lambda: vb.jw317_bericht(ongewijzigd=[]), lambda: vb.jw317_bericht(ongewijzigd=[1002])),
    "TR351": (met_toewijzing, vb.jw317_bericht, lambda: vb.jw317_bericht(te_wijzigen=[vb.te_wijzigen_product(1002)])),
    "TR357": (
        met_toewijzing,
        vb.jw317_bericht,
        lambda: vb.jw317_bericht(te_wijzigen=[vb.te_wijzigen_product(gewenste_ingangsdatum=date(2024, 3, 1))]),
    ),
    "TR373": (
        lambda: met_toewijzing(omvang=None, product=basis.Product(categorie="45"), budget=100000),
        lambda: vb.jw317_bericht(
            te_wijzigen=[vb.te_wijzigen_product(omvang=None, budget=200000, gewenste_ingangsdatum=date(2024, 4, 1))]
        ),
        lambda: vb.jw317_bericht(te_wijzigen=[vb.te_wijzigen_product(omvang=None, budget=200000)]),
    ),
    "TR411": (
        met_toewijzing,
        vb.jw317_bericht,
        lambda: vb.jw317_bericht(te_wijzigen=[vb.te_wijzigen_product(omvang=None)]),
    ),
    "TR412": (
        lambda: met_toewijzing(omvang=None, product=basis.Product(categorie="45"), budget=100000),
        lambda: vb.jw317_bericht(te_wijzigen=[vb.te_wijzigen_product(omvang=None, budget=9000)]),
        vb.jw317_bericht,
    ),
    "TR304": (met_toewijzing, vb.jw323_bericht, lambda: vb.jw323_bericht(bsn=vb.ANDER_BSN)),
    "TR355": (lambda: historie(vb.jw315_bericht()), vb.jw319_bericht, lambda: vb.jw319_bericht(ref="VOT-9")),
    "TR359": (
        lambda: historie(vb.jw315_bericht(), vb.jw301_bericht(vb.toegewezen_product(referentie_aanbieder="VOT-1"))),
        lambda: vb.jw319_bericht(ref="VOT-2"),
        vb.jw319_bericht,
    ),
    "TR360": (
        lambda: historie(vb.jw315_bericht(), vb.jw319_bericht("2", None)),
        lambda: vb.jw319_bericht("1", "3", ident="A2"),
        lambda: vb.jw319_bericht("2", None, ident="A2"),
    ),
    "TR365": (
        lambda: historie(vb.jw315_bericht(), vb.jw319_bericht("1", "3")),
        lambda: vb.jw319_bericht("1", "3", ref="VOT-2"),
        lambda: vb.jw319_bericht("1", "4", ident="A2"),
    ),
    "TR338": (met_toewijzing, vb.jw323_bericht, lambda: vb.jw323_bericht(vb.prestatie(toewijzing_nummer=4711))),
    "TR339": (met_toewijzing, vb.jw323_bericht, lambda: vb.jw323_bericht(vb.prestatie(product_categorie="41"))),
    "TR340": (met_toewijzing, vb.jw323_bericht, lambda: vb.jw323_bericht(vb.prestatie(product_code="45A05"))),
    "TR341": (
        lambda: met_toewijzing(omvang=basis.Omvang(volume=8, eenheid="04", frequentie="2")),
        vb.jw323_bericht,
        lambda: vb.jw323_bericht(
            vb.prestatie(
                eenheid="16", geleverd_volume=2, ingediend_bedrag=basis.BedragMetDC(bedrag=300, debet_credit="D")
            )
        ),
    ),
    "TR307": (
        lambda: met_toewijzing(ingangsdatum=date(2024, 4, 10)),
        lambda: vb.jw323_bericht(
            vb.prestatie(
                product_periode=basis.GeslotenPeriode(begindatum=date(2024, 4, 10), einddatum=date(2024, 4, 30))
            )
        ),
        vb.jw323_bericht,
    ),
    "TR308": (
        lambda: met_toewijzing(einddatum=date(2024, 4, 20)),
        lambda: vb.jw323_bericht(
            vb.prestatie(
                product_periode=basis.GeslotenPeriode(begindatum=date(2024, 4, 1), einddatum=date(2024, 4, 20))
            )
        ),
        vb.jw323_bericht,
    ),
    "TR387": (
        met_toewijzing,
        vb.jw323_bericht,
        lambda: vb.jw323_bericht(
            vb.prestatie(
                product_periode=basis.GeslotenPeriode(begindatum=date(2024, 4, 2), einddatum=date(2024, 4, 30))
            )
        ),
    ),
    "TR388": (
        met_toewijzing,
        vb.jw323_bericht,
        lambda: vb.jw323_bericht(
            vb.prestatie(
                product_periode=basis.GeslotenPeriode(begindatum=date(2024, 4, 1), einddatum=date(2024, 4, 29))
            )
        ),
    ),
    "TR384": (met_toewijzing, vb.jw323_bericht, vb.jw323_bericht),
    "TR314": (
        lambda: met_toewijzing(vb.jw323_bericht()),
        lambda: vb.jw323_bericht(vb.prestatie("P-2", product_periode=PERIODE_MEI), nummer="D2", ident="D2"),
        lambda: vb.jw323_bericht(nummer="D2", ident="D2"),
    ),
    "TR323": (
        lambda: met_toewijzing(vb.jw323_bericht()),
        lambda: vb.jw323_bericht(_credit("C-1", "P-1"), nummer="D2", ident="D2"),
        lambda: vb.jw323_bericht(_credit("C-1", "P-9"), nummer="D2", ident="D2"),
    ),
    "TR390": (
        lambda: met_toewijzing(vb.jw323_bericht(), vb.jw323_bericht(_credit("C-1", "P-1"), nummer="D2", ident="D2")),
        lambda: vb.jw323_bericht(vb.prestatie("P-2"), nummer="D3", ident="D3"),
        lambda: vb.jw323_bericht(_credit("C-2", "P-1"), nummer="D3", ident="D3"),
    ),
    "TR389": (
        lambda: met_toewijzing(vb.jw323_bericht()),
        lambda: vb.jw323_bericht(vb.prestatie("P-2", product_periode=PERIODE_MEI), nummer="D2", ident="D2"),
        lambda: vb.jw323_bericht(vb.prestatie("P-2"), nummer="D2", ident="D2"),
    ),
    "TR333": (
        lambda: met_toewijzing(vb.jw323_bericht()),
        lambda: vb.jw323_bericht(vb.prestatie("P-2", product_periode=PERIODE_MEI), nummer="D2", ident="D2"),
        lambda: vb.jw323_bericht(vb.prestatie("P-2", product_periode=PERIODE_MEI), ident="D2"),
    ),
    "TR369": (
        lambda: met_toewijzing(omvang=None, product=basis.Product(categorie="45"), budget=1000),
        lambda: vb.jw323_bericht(
            vb.prestatie(
                eenheid="83",
                product_tarief=None,
                geleverd_volume=1000,
                ingediend_bedrag=basis.BedragMetDC(bedrag=1000, debet_credit="D"),
            )
        ),
        lambda: vb.jw323_bericht(
            vb.prestatie(
                eenheid="83",
                product_tarief=None,
                geleverd_volume=1001,
                ingediend_bedrag=basis.BedragMetDC(bedrag=1001, debet_credit="D"),
            )
        ),
    ),
    "TR418": (
        lambda: historie(vb.jw301_bericht(), tarieven={(vb.AANBIEDER, "45", "45A04"): 150}),
        vb.jw323_bericht,
        lambda: vb.jw323_bericht(
            vb.prestatie(product_tarief=160, ingediend_bedrag=basis.BedragMetDC(bedrag=76800, debet_credit="D"))
        ),
    ),
}

# Scenarios where the failing message is judged against a different history than the passing one.
HISTORIE_FOUT = {
    "TR374": lambda: historie(vb.jw315_bericht()),  # VOT-1 still open
    "TR415": lambda: met_toewijzing(vb.jw305_bericht(), vb.jw307_bericht()),  # definitive stop (31) known
    "TR384": lambda: historie(
        vb.jw301_bericht(vb.toegewezen_product(reden_wijziging="13", einddatum=date(2024, 4, 30)))
    ),
}


def _run(regel_id, h, bericht):
    soort = binding.soort_van(bericht)
    assert soort in REGISTER[regel_id].berichten
    return toets(bericht, Context(soort, VANDAAG, h), alleen=[regel_id])


def _vb(soort):
    return pb.VOORBEELD[soort]()


def _ander_id(bericht):
    ident = replace(bericht.header.bericht_identificatie, identificatie="ANDER")
    return pb.met_header(bericht, bericht_identificatie=ident)


def _vow_overlap():
    return vb.jw317_bericht(nieuw=[vb.nieuw_product(product=basis.Product(categorie="45", code="45A04"))])


ZES = basis.Omvang(volume=600, eenheid="01", frequentie="6")

# More cases (history factory, valid, broken[, history for the broken one]): the rule in the other messages the
# rule table lists it for, and the cross-message rules added for issue 17.
MEER = {
    "TR056": [
        (lambda s=s: historie(_vb(s)), lambda s=s: _ander_id(_vb(s)), lambda s=s: _vb(s))
        for s in ("JW301", "JW307", "JW315", "JW317", "JW319", "JW323", "JW325")
    ],
    "TR304": [(met_toewijzing, vb.jw317_bericht, lambda: pb.met_bsn(vb.jw317_bericht(), vb.ANDER_BSN))],
    "TR347": [
        (
            lambda: historie(vb.jw317_bericht(ref="VOT-1")),
            lambda: vb.jw315_bericht(vb.aangevraagd_product("VOT-2")),
            vb.jw315_bericht,
        )
    ],
    "TR374": [
        (
            lambda: historie(vb.jw315_bericht(), vb.jw319_bericht("1", "3")),
            vb.jw317_bericht,
            vb.jw317_bericht,
            lambda: historie(vb.jw315_bericht()),
        )
    ],
    "TR019": [(met_toewijzing, vb.jw307_bericht, lambda: vb.jw307_bericht(vb.stop_product(toewijzing_nummer=4711)))],
    "TR063": [
        (
            lambda: met_toewijzing(vb.jw305_bericht(), vb.jw307_bericht()),
            lambda: vb.jw307_bericht(vb.stop_product(status_aanlevering="3"), ident="P2"),
            lambda: vb.jw307_bericht(vb.stop_product(status_aanlevering="3", begindatum=date(2024, 4, 4)), ident="P2"),
        )
    ],
    "TR074": [
        (
            lambda: met_toewijzing(vb.jw305_bericht(), vb.jw307_bericht()),
            lambda: vb.jw307_bericht(vb.stop_product(reden_beeindiging="20"), ident="P2"),
            lambda: vb.jw307_bericht(ident="P2"),
        )
    ],
    "TR361": [
        (
            met_toewijzing,
            lambda: vb.jw317_bericht(nieuw=[vb.nieuw_product()]),
            _vow_overlap,
        )
    ],
    "TR318": [
        (
            lambda: met_toewijzing(vb.jw323_bericht()),
            lambda: wijzig(
                vb.jw323_bericht(vb.prestatie("P-2", product_periode=PERIODE_MEI), nummer="D2", ident="D2"),
                "declaratie.declaratie_periode",
                PERIODE_MEI,
            ),
            lambda: vb.jw323_bericht(vb.prestatie("P-2"), nummer="D2", ident="D2"),
        )
    ],
    "TR321": [
        (
            met_toewijzing,
            vb.jw323_bericht,
            lambda: vb.jw323_bericht(
                vb.prestatie(
                    geleverd_volume=601, ingediend_bedrag=basis.BedragMetDC(bedrag=601 * 150, debet_credit="D")
                )
            ),
        )
    ],
    "TR322": [
        (
            lambda: met_toewijzing(omvang=ZES),
            lambda: vb.jw323_bericht(vb.prestatie("P-2", product_periode=PERIODE_MEI), nummer="D2", ident="D2"),
            lambda: vb.jw323_bericht(vb.prestatie("P-2", product_periode=PERIODE_MEI), nummer="D2", ident="D2"),
            lambda: met_toewijzing(vb.jw323_bericht(), omvang=ZES),
        )
    ],
}


def _alle_gevallen():
    for regel_id in sorted(set(GEVALLEN) | set(MEER)):
        eerste = [(*GEVALLEN[regel_id], HISTORIE_FOUT.get(regel_id))] if regel_id in GEVALLEN else []
        for i, geval in enumerate(eerste + [(*g, None)[:4] for g in MEER.get(regel_id, [])]):
            yield pytest.param(regel_id, *geval, id=f"{regel_id}-{i}")


ALLE_GEVALLEN = list(_alle_gevallen())


@pytest.mark.parametrize(("regel_id", "maak_historie", "goed", "fout", "historie_fout"), ALLE_GEVALLEN)
def test_historieregel_keurt_goed_en_af(regel_id, maak_historie, goed, fout, historie_fout):
    goed_bericht, fout_bericht = goed(), fout()
    assert binding.soort_van(goed_bericht) == binding.soort_van(fout_bericht)
    assert _run(regel_id, maak_historie(), goed_bericht) == []
    bevindingen = _run(regel_id, (historie_fout or maak_historie)(), fout_bericht)
    assert bevindingen, f"{regel_id} did not fire"
    for b in bevindingen:
        assert (b.regel, b.retourcode) == (regel_id, REGISTER[regel_id].retourcode)
        assert b.xpath.startswith("/Bericht")


def test_elke_historieregel_heeft_een_test():
    regels = {r.id for r in REGISTER.values() if r.historie}
    assert regels <= set(GEVALLEN) | set(MEER), sorted(regels - set(GEVALLEN) - set(MEER))


def test_geheugenhistorie_voldoet_aan_protocol():
    assert isinstance(GeheugenHistorie(), Historie)


def test_zonder_historie_worden_historieregels_overgeslagen():
    bericht = vb.jw305_bericht(vb.start_product(toewijzing_nummer=4711))
    assert toets(bericht, Context("JW305", VANDAAG)) == []
    assert [b.regel for b in toets(bericht, Context("JW305", VANDAAG, GeheugenHistorie()))] == ["TR019"]
