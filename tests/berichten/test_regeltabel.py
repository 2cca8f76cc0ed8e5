"""The rule table binds the code: every (rule, message) pair the iJw 3.2 rule pages list is implemented for that
message, with a passing and a failing message of that type, or recorded as not applicable / not implemented."""

from __future__ import annotations

from jeugdhulp.berichten.ijw import binding
from jeugdhulp.berichten.ijw.regeldoc import DOC, genereer
from jeugdhulp.berichten.ijw.regels import REGISTER
from jeugdhulp.berichten.ijw.regeltabel import NIET_TOEGEPAST, OOK_TOEGEPAST, paren, tabel
from tests.berichten import test_regels_historie, test_regels_veld


def _geteste_paren() -> set[tuple[str, str]]:
    """(rule, message type) for every case that has a passing and a failing message (checked in those modules)."""
    gedekt = set()
    for p in test_regels_veld.ALLE_GEVALLEN:
        regel_id, goed, _ = p.values
        gedekt.add((regel_id, binding.soort_van(goed())))
    for p in test_regels_historie.ALLE_GEVALLEN:
        regel_id, _, goed, _, _ = p.values
        gedekt.add((regel_id, binding.soort_van(goed())))
    return gedekt


def _geregistreerd() -> set[tuple[str, str]]:
    return {(r.id, s) for r in REGISTER.values() for s in r.berichten}


def test_elk_paar_uit_de_tabel_is_geimplementeerd_of_verklaard():
    ontbreekt = sorted(paren() - _geregistreerd() - set(NIET_TOEGEPAST))
    assert not ontbreekt, f"registered for fewer messages than the rule table lists: {ontbreekt}"


def test_elk_geimplementeerd_paar_heeft_een_goed_en_fout_bericht_van_die_soort():
    zonder_test = sorted((paren() & _geregistreerd()) - _geteste_paren())
    assert not zonder_test, f"(rule, message) without a passing and a failing message of that type: {zonder_test}"


def test_verklaarde_paren_zijn_niet_geregistreerd_en_staan_in_de_tabel():
    assert set(NIET_TOEGEPAST) <= paren()
    assert not set(NIET_TOEGEPAST) & _geregistreerd()


def test_geen_regel_buiten_de_tabel_zonder_reden():
    buiten = sorted(_geregistreerd() - paren() - set(OOK_TOEGEPAST))
    assert not buiten, f"registered for messages the rule table does not list: {buiten}"
    assert set(REGISTER) <= set(tabel())


def test_retourcode_volgens_de_tabel():
    verschil = {
        rid: (r.retourcode, tabel()[rid].retourcode)
        for rid, r in REGISTER.items()
        if tabel()[rid].retourcode is not None and r.retourcode != tabel()[rid].retourcode
    }
    assert not verschil


def test_tabel_heeft_herkomst_en_elementen():
    for r in tabel().values():
        assert r.definitie and r.berichten and r.bron["pad"]
        assert set(r.elementen) == set(r.berichten), r.id
        assert all(r.elementen[s] for s in r.berichten), r.id


def test_docs_zijn_gegenereerd():
    assert DOC.read_text(encoding="utf-8") == genereer(), "run: jeugdhulp ijw regels-doc"
