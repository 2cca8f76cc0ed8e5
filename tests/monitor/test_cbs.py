"""The CBS Beleidsinformatie Jeugd trajectory export: records, merging, exclusions, the file, access and the log."""

import csv
import datetime as dt
import io

from django.urls import reverse

import pytest

from jeugdhulp.accounts.roles import Rol
from jeugdhulp.audit.models import Actie, Toegangslogregel
from jeugdhulp.besluiten.models import AangevraagdProduct, Aanvraag
from jeugdhulp.casussen.models import Casus
from jeugdhulp.monitor import cbs
from jeugdhulp.organisatie.models import Verwijzer
from tests import factories
from tests.conftest import login_verified

D = dt.date
TWEEDE_HELFT_2025 = cbs.Periode(2025, 2)
URL = reverse("monitor:cbs")


def _product(categorie, eenheid="04"):
    return factories.ProductFactory(categorie=categorie, eenheid=eenheid)


def _zorg(jeugdige, aanbieder, begin, einde=None, *, categorie="45", eenheid="04", reden="", verwijzer=None):
    """A started (JW305) and possibly stopped (JW307) toewijzing."""
    return factories.ToewijzingFactory(
        jeugdige=jeugdige, aanbieder=aanbieder, product=_product(categorie, eenheid), eenheid=eenheid,
        toewijzingsdatum=begin, ingangsdatum=begin, einddatum=None, begindatum_zorg=begin, einddatum_zorg=einde,
        reden_beeindiging=reden, verwijzer=verwijzer,
    )  # fmt: skip


@pytest.fixture
def cbswereld(wereld):
    """On top of `wereld`: care for the Oss jeugdige 'eigen' at aanbieder A in the second half of 2025."""
    eigen, a = wereld["eigen"], wereld["aanbieder_a"]
    huisarts = Verwijzer.objects.create(type="02", naam="Huisarts De Vries")
    # two overlapping ambulant toewijzingen at A: one traject 10 Jan – 30 Sep, ended volgens plan
    _zorg(eigen, a, D(2025, 1, 10), D(2025, 4, 30), verwijzer=huisarts)
    _zorg(eigen, a, D(2025, 4, 1), D(2025, 9, 30), categorie="54", reden="31", verwijzer=huisarts)
    # pleegzorg at A from August, still running: a traject of its own (other hulpvorm)
    _zorg(eigen, a, D(2025, 8, 1), categorie="35", eenheid="14")
    return wereld


def _records(wereld, periode=TWEEDE_HELFT_2025):
    return cbs.records(wereld["oss"], periode)


# --- records ----------------------------------------------------------------------------------------------------
def test_overlapping_toewijzingen_same_hulpvorm_give_one_record(cbswereld):
    rijen = _records(cbswereld)
    ambulant = [r for r in rijen if r.hulpvorm == "32"]
    assert len(ambulant) == 1
    assert (ambulant[0].datum_aanvang, ambulant[0].datum_einde) == ("20250110", "20250930")
    assert [r.hulpvorm for r in rijen] == ["32", "35"]


def test_record_fields(cbswereld):
    eigen = cbswereld["eigen"]
    ambulant, pleegzorg = _records(cbswereld)
    assert ambulant == cbs.Record(
        aanbieder_agb=cbswereld["aanbieder_a"].agb_code,
        bsn=eigen.bsn,
        geboortedatum="20140517",
        geslacht="2",
        postcode="5341AB",
        gemeentecode_woonplaats="0828",
        verwijzer="02",
        hulpvorm="32",
        gestart_met_crisis="N",
        datum_aanvang="20250110",
        datum_einde="20250930",
        reden_beeindiging="01",
    )
    # no verwijzer on the toewijzing: 06 (zelfverwijzer/geen verwijzer); still running: no end, no reason
    assert (pleegzorg.verwijzer, pleegzorg.datum_aanvang, pleegzorg.datum_einde, pleegzorg.reden_beeindiging) == (
        "06",
        "20250801",
        "",
        "",
    )


def test_end_after_the_period_is_left_open(wereld):
    _zorg(wereld["eigen"], wereld["aanbieder_a"], D(2025, 10, 1), D(2026, 2, 1), reden="33")
    (rij,) = _records(wereld)
    assert (rij.datum_einde, rij.reden_beeindiging) == ("", "")
    (rij,) = _records(wereld, cbs.Periode(2026, 1))
    assert (rij.datum_aanvang, rij.datum_einde, rij.reden_beeindiging) == ("20251001", "20260201", "03")


def test_different_hulpvormen_at_the_same_aanbieder_stay_apart(wereld):
    """The dashboard merges per zonder/met verblijf; the CBS file merges per hulpvorm of protocol 3.3."""
    a = wereld["aanbieder_a"]
    _zorg(wereld["eigen"], a, D(2025, 7, 1), D(2025, 9, 30), categorie="35", eenheid="14")  # pleegzorg
    _zorg(wereld["eigen"], a, D(2025, 9, 1), D(2025, 12, 1), categorie="37", eenheid="14")  # gesloten
    _zorg(wereld["eigen"], a, D(2025, 7, 1), D(2025, 8, 1), categorie="41", eenheid="16")  # daghulp
    _zorg(wereld["eigen"], a, D(2025, 7, 15), D(2025, 8, 15), categorie="45")  # ambulant
    assert sorted(r.hulpvorm for r in _records(wereld)) == ["32", "33", "35", "37"]


def test_crisis_start_and_merge_into_following_help(wereld):
    a = wereld["aanbieder_a"]
    _zorg(wereld["eigen"], a, D(2025, 7, 1), D(2025, 7, 20), categorie="46")  # crisisinterventie ambulant
    _zorg(wereld["eigen"], a, D(2025, 7, 21), D(2025, 11, 30), categorie="45", reden="34")
    _zorg(wereld["ander_team"], a, D(2025, 7, 1), D(2025, 11, 30), categorie="45")
    rijen = {r.bsn: r for r in _records(wereld)}
    crisis = rijen[wereld["eigen"].bsn]
    assert (crisis.gestart_met_crisis, crisis.hulpvorm, crisis.datum_aanvang, crisis.datum_einde) == (
        "J",
        "32",
        "20250701",
        "20251130",
    )
    assert crisis.reden_beeindiging == "04"
    assert rijen[wereld["ander_team"].bsn].gestart_met_crisis == "N"


def test_pgb_jeugdbescherming_other_gemeente_and_not_started_are_left_out(wereld):
    ander, a = wereld["ander_team"], wereld["aanbieder_a"]
    # a pgb: an aanvraag with a product, but no toewijzing
    casus = Casus.objects.create(jeugdige=ander, gemeente=ander.gemeente, team=ander.team)
    pgb = Aanvraag.objects.create(
        casus=casus, jeugdige=ander, gemeente=ander.gemeente, vorm="pgb", status="toegekend",
        ontvangen_op=D(2025, 6, 1), beslis_uiterlijk=D(2025, 7, 27),
    )  # fmt: skip
    AangevraagdProduct.objects.create(aanvraag=pgb, product=_product("45"), ingangsdatum=D(2025, 7, 1),
                                      einddatum=D(2025, 12, 31))  # fmt: skip
    # an imported toewijzing that belongs to the pgb: still not zorg in natura
    pgb.toewijzingen.add(_zorg(ander, a, D(2025, 7, 1)))
    _zorg(ander, a, D(2025, 7, 1), categorie="48")  # jeugdbescherming is no jeugdhulp
    _zorg(wereld["andere_gemeente"], a, D(2025, 7, 1))  # toewijzing of 's-Hertogenbosch
    _zorg(ander, a, D(2024, 1, 1), D(2025, 6, 30))  # ended before the half year
    assert _records(wereld) == []
    _zorg(ander, a, D(2025, 12, 31))  # started on the last day: in
    assert [r.bsn for r in _records(wereld)] == [ander.bsn]


def test_postcode_from_the_brp_adres_valid_at_the_end_of_the_period(wereld):
    eigen = wereld["eigen"]  # has a BRP-adres 5341AB without dates
    factories.ContactFactory(jeugdige=eigen, soort="01", postcode="5351CD", begindatum=D(2025, 10, 1))
    factories.ContactFactory(jeugdige=eigen, soort="03", postcode="5211EF", begindatum=D(2025, 11, 1))  # verblijf
    factories.ContactFactory(jeugdige=eigen, soort="01", postcode="5361GH", begindatum=D(2026, 1, 1))  # later
    _zorg(eigen, wereld["aanbieder_a"], D(2025, 7, 1))
    (rij,) = _records(wereld)
    assert rij.postcode == "5351CD"
    geen_adres = wereld["ander_team"]
    _zorg(geen_adres, wereld["aanbieder_a"], D(2025, 7, 1))
    rij = next(r for r in _records(wereld) if r.bsn == geen_adres.bsn)
    assert (rij.postcode, rij.gemeentecode_woonplaats) == ("", "0828")


@pytest.mark.parametrize(
    ("categorie", "eenheid", "code"),
    [("31", "04", "31"), ("45", "04", "32"), ("54", "04", "32"), ("41", "16", "33"), ("34", "04", "34"),
     ("35", "14", "35"), ("36", "14", "36"), ("37", "14", "37"), ("43", "14", "38"), ("45", "14", "38"),
     ("48", "04", None), ("42", "04", None)],
)  # fmt: skip
def test_hulpvorm_codes(categorie, eenheid, code):
    assert cbs.hulpvormcode(categorie, eenheid) == code


@pytest.mark.parametrize(("ijw", "code"), [("31", "01"), ("32", "02"), ("35", "05"), ("02", "05"), ("38", "99"),
                                          ("", "99")])  # fmt: skip
def test_reden_beeindiging_mapping(ijw, code):
    assert cbs.reden(ijw) == code


def test_periods():
    vandaag = D(2026, 11, 23)
    assert cbs.Periode.uit_tekst("2026-1", vandaag) == cbs.Periode(2026, 1)
    assert (cbs.Periode(2026, 1).van, cbs.Periode(2026, 1).tot) == (D(2026, 1, 1), D(2026, 6, 30))
    assert (cbs.Periode(2025, 2).van, cbs.Periode(2025, 2).tot) == (D(2025, 7, 1), D(2025, 12, 31))
    assert cbs.Periode.laatst_afgesloten(vandaag) == cbs.Periode(2026, 1)
    assert cbs.Periode.laatst_afgesloten(D(2026, 3, 1)) == cbs.Periode(2025, 2)
    assert [str(p) for p in cbs.Periode.keuzes(vandaag, 4)] == ["2026-2", "2026-1", "2025-2", "2025-1"]
    for onzin in ("2026-3", "2026", "26-1", "2026-01", "gisteren", "2014-2", "2027-1", "", "2026-1; drop"):
        with pytest.raises(cbs.OngeldigePeriode):
            cbs.Periode.uit_tekst(onzin, vandaag)


def test_csv_layout(cbswereld):
    tekst = cbs.als_csv(_records(cbswereld))
    regels = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    assert regels[0] == list(cbs.KOPPEN)
    assert regels[0][:3] == ["aanbieder_agb", "bsn", "geboortedatum"]
    assert len(regels) == 3 and all(len(r) == len(cbs.KOPPEN) for r in regels)
    assert regels[1][1] == cbswereld["eigen"].bsn
    assert tekst.endswith("\r\n")


# --- the page, access and the log ---------------------------------------------------------------------------------
def test_jeugdconsulent_downloads_the_file_and_it_is_logged(client, cbswereld):
    jc = cbswereld["users"][Rol.JEUGDCONSULENT]
    login_verified(client, jc)
    voor = Toegangslogregel.objects.count()
    pagina = client.get(URL, {"periode": "2025-2"})
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert cbswereld["eigen"].bsn not in html  # the page shows counts only
    assert "download=csv" in html
    assert Toegangslogregel.objects.count() == voor

    r = client.get(URL, {"periode": "2025-2", "download": "csv"})
    assert r.status_code == 200
    assert r["Content-Type"].startswith("text/csv")
    assert r["Content-Disposition"] == 'attachment; filename="cbs-bij-jeugdhulp-0828-2025-2.csv"'
    inhoud = r.content.decode()
    assert inhoud.count(cbswereld["eigen"].bsn) == 2
    assert cbswereld["andere_gemeente"].bsn not in inhoud

    nieuw = Toegangslogregel.objects.filter(gebruiker=jc, actie=Actie.GEEXPORTEERD)
    per_jeugdige = nieuw.filter(jeugdige__isnull=False)
    assert list(per_jeugdige.values_list("jeugdige_bsn", "onderwerp")) == [
        (cbswereld["eigen"].bsn, "CBS-aanlevering 2025-2")
    ]
    samenvatting = nieuw.get(jeugdige__isnull=True)
    assert samenvatting.onderwerp == "CBS-aanlevering 2025-2" and "2 trajecten" in samenvatting.reden
    assert samenvatting.rol == Rol.JEUGDCONSULENT


@pytest.mark.parametrize("rol", [Rol.BELEIDSMEDEWERKER, Rol.CJG_MEDEWERKER, Rol.AANBIEDER_MEDEWERKER, Rol.AUDITOR])
def test_other_roles_get_403_and_only_the_refusals_are_logged(client, cbswereld, rol):
    login_verified(client, cbswereld["users"][rol])
    voor = Toegangslogregel.objects.count()
    assert client.get(URL).status_code == 403
    assert client.get(URL, {"periode": "2025-2", "download": "csv"}).status_code == 403
    nieuw = Toegangslogregel.objects.order_by("-pk").values_list("actie", "jeugdige_id")
    # The two refusals, marked as such so an auditor sees the probing (issue 15 §4), and no person named in them.
    assert list(nieuw[: Toegangslogregel.objects.count() - voor]) == [(Actie.GEWEIGERD, None)] * 2


def test_jeugdconsulent_gets_only_the_own_gemeente(client, cbswereld):
    """A jeugdconsulent of 's-Hertogenbosch gets the Bosch file, never the Oss jeugdige."""
    _zorg(cbswereld["andere_gemeente"], cbswereld["aanbieder_a"], D(2025, 7, 1))
    bosch_jc = factories.UserFactory(username="jc-bosch", rol=Rol.JEUGDCONSULENT, gemeente=cbswereld["bosch"])
    login_verified(client, bosch_jc)
    inhoud = client.get(URL, {"periode": "2025-2", "download": "csv"}).content.decode()
    assert cbswereld["andere_gemeente"].bsn in inhoud
    assert cbswereld["eigen"].bsn not in inhoud


@pytest.mark.parametrize("periode", ["gisteren", "2025-3", "2099-1", "1999-1", "2025-1'--", "x" * 500])
def test_nonsense_period_is_explained_not_a_500(client, cbswereld, periode):
    login_verified(client, cbswereld["users"][Rol.JEUGDCONSULENT])
    voor = Toegangslogregel.objects.count()
    for extra in ({}, {"download": "csv"}):
        r = client.get(URL, {"periode": periode, **extra})
        assert r.status_code == 400
        assert "Deze periode kennen we niet" in r.content.decode()
        assert "Content-Disposition" not in r
    assert Toegangslogregel.objects.count() == voor


def test_menu_link_only_for_roles_that_may_export(client, wereld):
    login_verified(client, wereld["users"][Rol.JEUGDCONSULENT])
    assert URL in client.get(reverse("monitor:cijfers")).content.decode()
    client.logout()
    login_verified(client, wereld["users"][Rol.BELEIDSMEDEWERKER])
    assert URL not in client.get(reverse("monitor:cijfers")).content.decode()
