"""The monitor's computations against small hand-computed worlds, its disclosure rules and the provider feed."""

import datetime as dt
import json
import zipfile
from io import BytesIO

from django.urls import reverse

import pytest

from jeugdhulp.accounts.roles import Rol
from jeugdhulp.monitor import financien, inzet, onthulling, wachttijden
from jeugdhulp.monitor.filters import Filter
from jeugdhulp.monitor.models import Maat, Norm, Wachtlijstmelding
from jeugdhulp.monitor.onthulling import ONDERDRUKT
from jeugdhulp.monitor.wachtlijstmeldingen import MeldingFout, meldstatus, nza_gemiddelde, verwerk
from jeugdhulp.socialekaart.models import WachttijdBron
from tests import factories
from tests.conftest import login_verified

D = dt.date


def _filter(**kw):
    return Filter(van=D(2025, 1, 1), tot=D(2025, 12, 31), **kw)


# --- CBS counting rule -------------------------------------------------------------------------------------------
def _rij(pk, jeugdige, aanbieder, begin, einde, categorie="45", reden="", eenheid="04"):
    return {"pk": pk, "jeugdige": jeugdige, "aanbieder": aanbieder, "begin": begin, "einde": einde, "gemeente": 1,
            "wijk": None, "categorie": categorie, "eenheid": eenheid, "verwijzer": "02", "reden": reden}  # fmt: skip


def test_overlapping_same_provider_same_hulpvorm_counts_once():
    rijen = [
        _rij(1, 1, 10, D(2025, 1, 1), D(2025, 3, 31)),
        _rij(2, 1, 10, D(2025, 3, 1), D(2025, 6, 30), categorie="54", reden="31"),  # overlaps: same hulpvorm
        _rij(3, 1, 10, D(2025, 9, 1), D(2025, 10, 31)),  # later, separate
        _rij(4, 1, 11, D(2025, 2, 1), None),  # other aanbieder: own traject
        _rij(5, 1, 10, D(2025, 2, 1), D(2025, 5, 1), categorie="44", eenheid="14"),  # met verblijf: own traject
        _rij(6, 2, 10, D(2025, 1, 1), D(2025, 1, 31), categorie="48"),  # jeugdbescherming: not jeugdhulp
    ]
    trajecten = inzet.voeg_samen(rijen)
    assert len(trajecten) == 4
    samengevoegd = next(t for t in trajecten if 1 in t.toewijzingen)
    assert (samengevoegd.begin, samengevoegd.einde, samengevoegd.toewijzingen) == (
        D(2025, 1, 1),
        D(2025, 6, 30),
        [1, 2],
    )
    assert samengevoegd.reden == "31"
    telling = inzet.tel(trajecten, D(2025, 1, 1), D(2025, 12, 31))
    assert telling.jeugdigen == 1
    assert telling.trajecten == 4
    assert telling.uitstroom == 3
    assert telling.volgens_plan == 1
    assert inzet.hulpvorm("44", "14") == (inzet.MET_VERBLIJF, "verblijf")
    assert inzet.hulpvorm("41") == (inzet.ZONDER_VERBLIJF, "daghulp")


# --- waiting times -----------------------------------------------------------------------------------------------
@pytest.fixture
def wachtwereld(db):
    """Six jeugdigen waiting at aanbieder A (ambulant, 45); one started. Peildatum 2025-06-30."""
    oss = factories.GemeenteFactory(cbs_code="0828", naam="Oss")
    a = factories.AanbiederFactory(naam="A")
    product = factories.ProductFactory(categorie="45")
    toegewezen = [D(2025, 6, 20), D(2025, 5, 1), D(2025, 4, 1), D(2025, 3, 30), D(2025, 3, 1), D(2025, 2, 1)]
    # waited on 30 June: 10, 60, 90, 92, 121, 149 days -> buckets 0-4: 1, 4-10: 1, 10-14: 2, >14: 2
    rijen = []
    for i, datum in enumerate(toegewezen):
        j = factories.JeugdigeFactory(gemeente=oss)
        rijen.append(
            factories.ToewijzingFactory(
                jeugdige=j, gemeente=oss, aanbieder=a, product=product, toewijzingnummer=100 + i,
                toewijzingsdatum=datum, ingangsdatum=datum, einddatum=D(2025, 12, 31),
            )
        )  # fmt: skip
    return {"oss": oss, "a": a, "product": product, "toewijzingen": rijen}


def test_stand_buckets_and_share_above_norm(wachtwereld):
    stand = wachttijden.stand(_filter(), D(2025, 6, 30))
    assert sorted(m.dagen for m in stand) == [10, 60, 90, 92, 121, 149]
    assert dict(wachttijden.verdeling(stand)) == {"0–4 weken": 1, "4–10 weken": 1, "10–14 weken": 2, "> 14 weken": 2}
    assert sum(m.boven_norm for m in stand) == 4  # regional default 63 days: 90, 92, 121, 149
    Norm.objects.create(maat=Maat.TOEWIJZING_START, categorie="45", dagen=91)
    assert sum(m.boven_norm for m in wachttijden.stand(_filter(), D(2025, 6, 30))) == 3


def test_start_moves_a_jeugdige_from_waiting_to_started(wachtwereld):
    t = wachtwereld["toewijzingen"][5]
    t.begindatum_zorg = D(2025, 6, 1)  # what processing a JW305 stores on the row
    t.save()
    stand = wachttijden.stand(_filter(), D(2025, 6, 30))
    assert len(stand) == 5
    gestart = wachttijden.toewijzing_start(_filter())
    assert [(m.dagen, m.boven_norm) for m in gestart] == [(120, True)]
    # on a peildatum before the start it was still waiting
    assert len(wachttijden.stand(_filter(), D(2025, 5, 31))) == 5  # 2025-06-20 not yet toegewezen


def test_small_groups_are_suppressed_and_averages_hidden(wachtwereld):
    stand = wachttijden.stand(_filter(), D(2025, 6, 30))
    tabel = wachttijden.standtabel(stand, "stand")
    onthulling.publiceer([tabel])
    totaal_kolom = [rij[1] for rij in tabel.rijen]
    assert totaal_kolom == [ONDERDRUKT] * 4  # 1, 1, 2, 2 are all 1-4
    assert str(tabel.totaal[1]) == "6"
    assert all(r["aantal"] is None for r in tabel.grafiekdata)  # the chart shows no suppressed value
    # a group of 6 shows its median (Dutch decimal comma); with one fewer than 5 started nothing is averaged
    per = wachttijden.samenvattingstabel("x", "x", stand, "aanbieder", {wachtwereld["a"].pk: "A"})
    onthulling.publiceer([per])
    gemiddeld = f"{sum([10, 60, 90, 92, 121, 149]) / 6 / 7:.1f}".replace(".", ",")
    assert [str(w) for w in per.rijen[0][:4]] == ["A", "6", gemiddeld, f"{91 / 7:.1f}".replace(".", ",")]
    klein = wachttijden.samenvattingstabel("y", "y", stand[:4], "aanbieder", {wachtwereld["a"].pk: "A"})
    onthulling.publiceer([klein])
    assert klein.rijen[0][1:4] == [ONDERDRUKT, "–", "–"]


def test_secondary_suppression_prevents_derivation_by_subtraction():
    from jeugdhulp.monitor.onthulling import VERBORGEN, telling
    from jeugdhulp.monitor.tabel import Tabel

    # one column of 3, 7 and 20 with its total: the 3 alone would follow from the total, so one more goes
    rijen = [telling("t", range(0, 3)), telling("t", range(3, 10)), telling("t", range(10, 30))]
    t = Tabel("k", "k", ["Groep", "Aantal"], [["a", rijen[0]], ["b", rijen[1]], ["c", rijen[2]]])
    t.totaal = ["Totaal", telling("t", range(30))]
    onthulling.publiceer([t])
    assert [r[1] for r in t.rijen] == [ONDERDRUKT, VERBORGEN, t.rijen[2][1]] and str(t.totaal[1]) == "30"


def test_nonsense_filters_are_named_and_make_the_result_empty(db):
    f = Filter.uit_request(
        {"van": "gisteren", "gemeente": "'; drop", "categorie": "99", "per": "kleur"}, vandaag=D(2025, 6, 30)
    )
    assert set(f.genegeerd) == {"van", "gemeente", "categorie", "per"}
    assert f.leeg and f.gemeente is None and f.categorie == ""
    # numbers that name nothing are not understood either; a real gemeente is
    oss = factories.GemeenteFactory()
    assert Filter.uit_request({"gemeente": "99999", "aanbieder": "123456"}).genegeerd == ["gemeente", "aanbieder"]
    assert not Filter.uit_request({"gemeente": str(oss.pk)}).leeg
    ander = factories.GemeenteFactory()
    wijk = factories.WijkFactory(gemeente=ander)
    assert Filter.uit_request({"gemeente": str(oss.pk), "wijk": str(wijk.pk)}).genegeerd == ["wijk"]


@pytest.mark.parametrize(
    "query", ["gemeente=abc", "gemeente=99999", "van=2025-13", "tot=morgen", "categorie=zz", "per=kleur",
              "van=2030-01&tot=2025-01", "aanbieder=-1", "wijk=1e9"]
)  # fmt: skip
def test_nonsense_filters_show_an_empty_explained_result_on_every_dashboard(client, wereld, wachtwereld, query):
    login_verified(client, wereld["users"][Rol.BELEIDSMEDEWERKER])
    for naam in ("monitor:wachttijden", "monitor:inzet", "monitor:financien"):
        r = client.get(reverse(naam) + "?" + query)
        assert r.status_code == 200
        html = r.content.decode()
        assert "We begrijpen de keuze bij" in html
        assert "<table" not in html  # no figures for a selection we did not understand


# --- provider feed -----------------------------------------------------------------------------------------------
@pytest.fixture
def feed(db, time_machine):
    # the reports below are dated 31 May 2025: a day within the monitor's 400-day window
    time_machine.move_to(dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC), tick=False)
    a = factories.AanbiederFactory(naam="A")
    b = factories.AanbiederFactory(naam="B")
    eigen = factories.TariefFactory(contract__aanbieder=a, product__code="45A01").product
    ander = factories.TariefFactory(contract__aanbieder=b, product__code="54001").product
    return {"a": a, "b": b, "eigen": eigen, "ander": ander}


def _melding(**kw):
    rij = {"product": "45A01", "peildatum": "2025-05-31", "wacht_op_intake": 4, "wacht_op_behandeling": 2,
           "verwachte_wachttijd_weken": 6, "intakecapaciteit": 10}  # fmt: skip
    rij.update(kw)
    return rij


def test_feed_rejects_bad_rows_and_applies_nothing(feed):
    rijen = [
        _melding(),
        _melding(product="54001"),  # another aanbieder's product
        _melding(product="99999"),
        _melding(wacht_op_intake=-1),
        _melding(peildatum=(dt.date.today() + dt.timedelta(days=40)).isoformat()),
    ]
    with pytest.raises(MeldingFout) as fout:
        verwerk(feed["a"], rijen)
    tekst = " | ".join(fout.value.fouten)
    assert "Regel 2" in tekst and "niet in uw contract" in tekst
    assert "Regel 3" in tekst and "bestaat niet" in tekst
    assert "Regel 4" in tekst and "negatief" in tekst
    assert "Regel 5" in tekst and "toekomst" in tekst
    assert "Regel 1" not in tekst
    assert not Wachtlijstmelding.objects.exists()
    verwerk(feed["a"], [rijen[0]])
    assert Wachtlijstmelding.objects.count() == 1


@pytest.mark.parametrize(
    ("veld", "waarde", "woorden"),
    [
        ("peildatum", "1990-01-01", "400 dagen"),
        ("intakecapaciteit", 1_000_000, "onwaarschijnlijk hoog"),
        ("verwachte_wachttijd_weken", "6,5", "heel getal"),
        ("verwachte_wachttijd_weken", 900, "onwaarschijnlijk hoog"),
        ("gerealiseerde_wachttijd_weken", "-2", "0 tot 260"),
    ],
)
def test_feed_refuses_implausible_values_next_to_their_field(feed, client, veld, waarde, woorden):
    """Nonsense is refused, in the file feed per row and in the portal form next to the field it concerns."""
    with pytest.raises(MeldingFout) as fout:
        verwerk(feed["a"], [_melding(**{veld: waarde})])
    assert woorden in fout.value.velden[veld][0]
    assert f"Regel 1, {veld}" in fout.value.fouten[0]
    assert not Wachtlijstmelding.objects.exists()


def test_portal_form_shows_a_feed_error_at_its_field(feed, client):
    user = factories.UserFactory(rol=Rol.AANBIEDER_MEDEWERKER, aanbieder=feed["a"])
    login_verified(client, user)
    data = {**_melding(peildatum="2025-05-31", intakecapaciteit=1_000_000), "gestart": ""}
    r = client.post(reverse("monitor:melden"), data)
    assert r.status_code == 200
    form = r.context["form"]
    assert "onwaarschijnlijk hoog" in form.errors["intakecapaciteit"][0]
    assert not form.non_field_errors()
    assert 'inputmode="numeric"' in r.content.decode()  # no <input type=number> that turns "6,5" into 65


def test_nza_average_is_volume_weighted_over_two_months(feed):
    a, p = feed["a"], feed["eigen"]
    maak = lambda datum, n, w: Wachtlijstmelding.objects.create(  # noqa: E731
        aanbieder=a, product=p, peildatum=datum, wacht_op_intake=0, wacht_op_behandeling=0,
        verwachte_wachttijd_weken=1, intakecapaciteit=1, gestart=n, gerealiseerde_wachttijd_weken=w,
    )  # fmt: skip
    meldingen = [maak(D(2025, 6, 30), 10, 2), maak(D(2025, 5, 31), 30, 6), maak(D(2025, 3, 31), 100, 20)]
    assert nza_gemiddelde(meldingen, D(2025, 6, 30)) == 5.0  # (10*2 + 30*6) / 40; March is out of the window


def test_late_and_missing_reports_are_flagged(feed):
    verwerk(feed["a"], [_melding(peildatum="2025-03-31")])
    status = {s.aanbieder.naam: s.status for s in meldstatus(vandaag=D(2025, 6, 30))}
    assert status == {"A": "te laat"}
    assert {s.status for s in meldstatus(vandaag=D(2025, 4, 15))} == {"op tijd"}


def test_provider_waits_are_held_against_the_treeknorm_intervals(feed):
    verwerk(feed["a"], [_melding(peildatum="2025-05-31", verwachte_wachttijd_weken=13)])
    [s] = meldstatus(vandaag=D(2025, 6, 10))
    assert s.norm_weken == 14.0 and not s.boven_norm  # 4 weeks to intake + 10 to treatment
    Norm.objects.create(maat=Maat.AANMELDING_INTAKE, categorie="45", dagen=14)  # a stricter regional norm
    [s] = meldstatus(vandaag=D(2025, 6, 10))
    assert s.norm_weken == 12.0 and s.boven_norm


def test_beschikbaarheidswijzer_feeds_the_sociale_kaart_and_is_open(client, feed, settings):
    from jeugdhulp.socialekaart.models import Dienst, Organisatie

    gemeente = factories.GemeenteFactory(cbs_code="0828", naam="Oss")
    org = Organisatie.objects.create(
        gemeente=gemeente, naam="A", omschrijving="x", soort="aanbieder", aanbieder=feed["a"]
    )
    dienst = Dienst.objects.create(organisatie=org, naam="Ambulant", omschrijving="x", product=feed["eigen"])
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("django.db.transaction.on_commit", lambda f: f())
        verwerk(feed["a"], [_melding(peildatum=dt.date.today().isoformat(), verwachte_wachttijd_weken=7)])
    dienst.refresh_from_db()
    assert (dienst.wachttijd_weken, dienst.wachttijd_bron) == (7, WachttijdBron.BESCHIKBAARHEIDSWIJZER)
    data = client.get(reverse("beschikbaarheid")).json()
    assert data == [
        {"aanbieder_agb": feed["a"].agb_code, "aanbieder": "A", "product": "45A01",
         "omschrijving": "Jeugdhulp ambulant", "categorie": "45", "verwachte_wachttijd_weken": 7,
         "bron": "aanbieder", "peildatum": dt.date.today().isoformat()}
    ]  # fmt: skip


def test_api_accepts_csv_and_json_all_or_nothing(client, wereld, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC), tick=False)  # the rows below are recent
    a = wereld["aanbieder_a"]
    factories.TariefFactory(contract__aanbieder=a, product__code="45A01")
    login_verified(client, wereld["users"][Rol.AANBIEDER_MEDEWERKER])
    url = reverse("wachtlijstmelding-list")
    csv = "product;peildatum;wacht_op_intake;wacht_op_behandeling;verwachte_wachttijd_weken;intakecapaciteit\n"
    csv += "45A01;2025-05-31;4;2;6;10\n45A01;2025-04-30;-3;2;6;10\n"
    r = client.post(url, csv, content_type="text/csv")
    assert r.status_code == 400 and "Regel 2" in r.json()["fouten"][0]
    assert not Wachtlijstmelding.objects.exists()
    r = client.post(url, json.dumps([_melding()]), content_type="application/json")
    assert r.status_code == 201, r.content
    assert Wachtlijstmelding.objects.get().bron == "json"


# --- finance -----------------------------------------------------------------------------------------------------
def test_verplichting_is_volume_times_tariff_for_the_days_in_the_year():
    t = {"ingangsdatum": D(2025, 12, 3), "einddatum": D(2026, 3, 31), "volume": 2, "eenheid": "04",
         "frequentie": "2", "budget": None}  # fmt: skip
    assert financien.verplichting(t, 10000, 2025) == round(2 * 10000 * 29 / 7)  # 29 days of December
    t["frequentie"] = "6"  # totaal: prorated over 119 days
    assert financien.verplichting(t, 10000, 2025) == round(2 * 10000 * 29 / 119)


def test_prognosis_and_budget_exhaustion(db):
    from jeugdhulp.berichten.models import Bericht, Declaratie, Prestatie, Richting, Status
    from jeugdhulp.monitor.models import Budget

    oss = factories.GemeenteFactory(cbs_code="0828", naam="Oss")
    a = factories.AanbiederFactory()
    Budget.objects.create(gemeente=oss, jaar=2025, categorie="45", bedrag=100_000_00)
    b = Bericht.objects.create(
        richting=Richting.IN, status=Status.VERWERKT, berichtsoort="JW323", inhoud=b"x", sha256="1"
    )
    d = Declaratie.objects.create(bericht=b, gemeente=oss, aanbieder=a, declaratienummer="1", begindatum=D(2025, 1, 1),
                                  einddatum=D(2025, 3, 31), ingediend_bedrag=0, toegekend_bedrag=0)  # fmt: skip
    for i, (bedrag, ok) in enumerate([(40_000_00, True), (5_000_00, False)]):
        Prestatie.objects.create(declaratie=d, aanbieder=a, bsn="999999999", toewijzing_nummer=1,
                                 referentienummer=str(i), product_categorie="45", product_code="45A01",
                                 begindatum=D(2025, 2, 1),
                                 einddatum=D(2025, 2, 28), geleverd_volume=1, eenheid="04", bedrag=bedrag,
                                 debet_credit="D", goedgekeurd=ok)  # fmt: skip
    regel = financien.overzicht(2025, D(2025, 3, 31), oss.pk)["45"]  # 90 days elapsed
    assert (regel.gedeclareerd, regel.goedgekeurd) == (45_000_00, 40_000_00)
    assert regel.prognose == round(40_000_00 * 365 / 90)
    assert regel.uitgeput_op == D(2025, 1, 1) + dt.timedelta(days=int(100_000_00 * 90 / 40_000_00))


def test_light_help_invoiced_locally_is_its_own_line_entered_on_the_budget_page(client, wereld):
    from jeugdhulp.monitor.models import LICHT, LokaleFactuur

    oss = wereld["oss"]
    login_verified(client, wereld["users"][Rol.BELEIDSMEDEWERKER])
    url = reverse("monitor:budget")
    client.post(url, {"jaar": 2025, "categorie": LICHT, "bedrag_euro": 12_000})
    velden = {"factuur": "1", "factuur-factuurdatum": "2025-02-28", "factuur-leverancier": "CJG lichte hulp",
              "factuur-omschrijving": "februari", "factuur-bedrag_euro": "1500.50"}  # fmt: skip
    assert client.post(url, velden).status_code == 302
    # a future date or a negative amount is refused with a message, and nothing is stored
    r = client.post(url, {**velden, "factuur-factuurdatum": "2999-01-01", "factuur-bedrag_euro": "-5"})
    assert r.status_code == 200 and "toekomst" in r.content.decode()
    assert LokaleFactuur.objects.count() == 1
    LokaleFactuur.objects.create(gemeente=wereld["bosch"], factuurdatum=D(2025, 3, 1), leverancier="x",
                                 omschrijving="andere gemeente", bedrag=99_00)  # fmt: skip
    regel = financien.overzicht(2025, D(2025, 12, 31), oss.pk)[LICHT]
    assert (regel.budget, regel.gedeclareerd, regel.goedgekeurd) == (12_000_00, 1_500_50, 1_500_50)
    assert financien.overzicht(2025, D(2025, 12, 31))[LICHT].goedgekeurd == 1_500_50 + 99_00  # the region
    per_aanbieder = financien.overzicht(2025, D(2025, 12, 31), oss.pk, "aanbieder")
    assert per_aanbieder["lokaal"].goedgekeurd == 1_500_50
    html = client.get(reverse("monitor:financien") + f"?gemeente={oss.pk}&tot=2025-12").content.decode()
    assert "Lichte jeugdhulp, lokaal gefactureerd" in html


# --- pages -------------------------------------------------------------------------------------------------------
def test_dashboards_render_export_and_show_no_person(client, wereld):
    login_verified(client, wereld["users"][Rol.BELEIDSMEDEWERKER])
    for naam in ("monitor:wachttijden", "monitor:inzet", "monitor:financien", "monitor:wachtlijsten"):
        r = client.get(reverse(naam) + f"?gemeente={wereld['oss'].pk}&categorie=zz")
        assert r.status_code == 200
        html = r.content.decode()
        for j in (wereld["eigen"], wereld["ander_team"], wereld["andere_gemeente"]):
            assert j.bsn not in html and j.geslachtsnaam not in html
    r = client.get(reverse("monitor:wachttijden") + "?export=xlsx")
    assert r["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "xl/workbook.xml" in zipfile.ZipFile(BytesIO(r.content)).namelist()
    r = client.get(reverse("monitor:wachttijden") + "?export=csv&tabel=stand")
    assert r.content.decode().startswith("Al gewacht;")


def test_a_chain_of_toewijzingen_over_years_keeps_its_first_start(db):
    """Three adjoining toewijzingen since 2021: one traject started in 2021, so it is no instroom in 2025."""
    g, a, p = factories.GemeenteFactory(), factories.AanbiederFactory(), factories.ProductFactory(categorie="45")
    j = factories.JeugdigeFactory(gemeente=g)
    for n, (begin, einde) in enumerate([(D(2021, 3, 1), D(2022, 12, 31)), (D(2023, 1, 1), D(2024, 6, 30)),
                                         (D(2024, 7, 1), None)]):  # fmt: skip
        factories.ToewijzingFactory(jeugdige=j, gemeente=g, aanbieder=a, product=p, toewijzingnummer=900 + n,
                                    toewijzingsdatum=begin, ingangsdatum=begin, einddatum=None,
                                    begindatum_zorg=begin, einddatum_zorg=einde)  # fmt: skip
    [traject] = inzet.trajecten(_filter())
    assert traject.begin == D(2021, 3, 1) and len(traject.toewijzingen) == 3
    assert inzet.tel([traject], D(2025, 1, 1), D(2025, 12, 31)).instroom == 0


def test_the_monitor_menu_shows_only_what_the_role_may_open(client, wereld):
    wachtlijsten, cbs = reverse("monitor:wachtlijsten"), reverse("monitor:cbs")
    login_verified(client, wereld["users"][Rol.JEUGDCONSULENT])
    html = client.get(reverse("monitor:wachttijden")).content.decode()
    assert f'href="{cbs}"' in html and f'href="{wachtlijsten}"' not in html
    assert client.get(wachtlijsten).status_code == 403
    login_verified(client, wereld["users"][Rol.BELEIDSMEDEWERKER])
    html = client.get(reverse("monitor:wachttijden")).content.decode()
    assert f'href="{wachtlijsten}"' in html and f'href="{cbs}"' not in html


def test_forecast_counts_commitments_not_yet_declared_and_says_when_the_budget_lasts():
    """Issue 14 §5.3: budget 26.145.000, verplicht 4.212.860, nothing declared yet showed "Prognose jaareinde 0"."""
    regel = financien.Regel(budget=26_145_000_00, verplicht=4_212_860_02)
    prognose, op = financien.prognose(regel, 2026, verstreken=340)
    assert prognose == 4_212_860_02 and op is None  # the commitments, and the budget lasts the year
    # approved spending that outruns the commitments is extrapolated, and the budget runs out within the year
    regel = financien.Regel(budget=100_000_00, verplicht=50_000_00, goedgekeurd=40_000_00)
    prognose, op = financien.prognose(regel, 2025, verstreken=90)
    assert prognose == round(40_000_00 * 365 / 90) and op == D(2025, 1, 1) + dt.timedelta(days=225)


def test_dutch_numbers_in_tables_summaries_charts_and_exports():
    from jeugdhulp.monitor.grafieken import LOCALE, lijn, samenvatting, staaf
    from jeugdhulp.monitor.tabel import Getal, Tabel

    t = Tabel("fin", "Financiën", ["Groep", "Budget", "Gemiddeld"], [["A", Getal(26_145_000), Getal(2.9, 1)]])
    t.grafiekdata = [{"groep": "A", "prognose": 3_453_229.70}]
    assert [str(w) for w in t.rijen[0]] == ["A", "26.145.000", "2,9"]
    assert t.als_csv().splitlines()[1] == "A;26145000;2,9"  # Dutch spreadsheets read these as numbers
    assert "<v>26145000</v>" in t.als_xlsx().decode("latin-1") or b"26145000" in zipfile.ZipFile(
        BytesIO(t.als_xlsx())
    ).read("xl/worksheets/sheet1.xml")
    spec = staaf(t, "groep", "prognose", "Prognose (euro)", eenheid="euro")
    assert spec["config"]["locale"] == LOCALE and LOCALE["number"]["thousands"] == "."
    assert "€\u00a03.453.230" in samenvatting(spec)  # whole euros, as in the table
    t.grafiekdata = [{"maand": "2025-10-01", "mediaan": 2.9}, {"maand": "2025-11-01", "mediaan": 3.0}]
    zin = samenvatting(lijn(t, "maand", "mediaan", "Mediaan wachttijd (weken)"))
    assert "okt 2025" in zin and "nov 2025" in zin and "2,9" in zin


def test_finance_page_forecasts_committed_care_before_any_declaration(db):
    """As in the demo: a line with a budget and toewijzingen but no approved declaration yet forecast 0 ("Prognose
    jaareinde 0", "Budget op –"); now it forecasts its commitments and says the budget lasts the year."""
    from jeugdhulp.monitor import dashboards
    from jeugdhulp.monitor.models import Budget

    oss = factories.GemeenteFactory()
    tarief = factories.TariefFactory(product__categorie="45", einddatum=None)
    for i in range(3):
        factories.ToewijzingFactory(gemeente=oss, aanbieder=tarief.contract.aanbieder, product=tarief.product,
                                    toewijzingnummer=9100 + i, ingangsdatum=D(2025, 1, 1), einddatum=D(2025, 12, 31),
                                    volume=2, eenheid="04", frequentie="2")  # fmt: skip
    Budget.objects.create(gemeente=oss, jaar=2025, categorie="45", bedrag=26_145_000_00)
    f = Filter(van=D(2025, 1, 1), tot=D(2025, 10, 31), gemeente=oss.pk)
    tabel = dashboards.financien_blokken(f, D(2025, 10, 31))[0]["tabel"]
    rij = next(r for r in tabel.rijen if str(r[1]) == "26.145.000")
    verplicht, prognose, op = rij[2], rij[6], rij[7]
    assert verplicht.waarde > 0 and prognose == verplicht  # the commitments, not 0
    assert op == "niet in 2025"


@pytest.mark.django_db
def test_per_wijk_region_wide_names_the_gemeente_of_each_wijk():
    """Issue 14 §5.4: 'per wijk' region-wide no longer mixes Oss's wijken with those of its neighbours unnamed."""
    from jeugdhulp.monitor.dashboards import labels
    from jeugdhulp.organisatie.models import Wijk

    oss = factories.GemeenteFactory(cbs_code="0828", naam="Oss")
    vught = factories.GemeenteFactory(cbs_code="0865", naam="Vught")
    oss_centrum = Wijk.objects.create(gemeente=oss, code="WK082800", naam="Centrum")
    centrum = Wijk.objects.create(gemeente=vught, code="WK086500", naam="Centrum")
    regio = labels(Filter(dt.date(2026, 1, 1), dt.date(2026, 12, 31)))["wijk"]
    assert regio[oss_centrum.pk] == "Oss: Centrum" and regio[centrum.pk] == "Vught: Centrum"
    alleen_oss = labels(Filter(dt.date(2026, 1, 1), dt.date(2026, 12, 31), gemeente=oss.pk))
    assert alleen_oss["wijk"][oss_centrum.pk] == "Centrum"


# --- issue 14 §5, usability round 4 ------------------------------------------------------------------------------
def _meting(dagen, maand, boven=False, pk=None):
    return wachttijden.Meting(dagen, boven, maand, gemeente=1, id=pk)


def test_per_month_rows_follow_the_calendar_not_the_alphabet():
    """The tester saw "apr 2026, aug 2026, dec 2025…": rows, chart data and CSV now run dec 2025, jan 2026, …"""
    maanden = [D(2025, 12, 1), D(2026, 1, 1), D(2026, 4, 1), D(2026, 8, 1)]
    metingen = [_meting(7 * i, m, pk=(m, i)) for m in reversed(maanden) for i in range(5)]
    lab = {m: wachttijden.maand_label(m) for m in maanden}
    t = wachttijden.samenvattingstabel("m", "m", metingen, "maand", lab)
    onthulling.publiceer([t])
    assert [r[0] for r in t.rijen] == ["dec 2025", "jan 2026", "apr 2026", "aug 2026"]
    assert [r.split(";")[0] for r in t.als_csv().splitlines()[1:5]] == ["dec 2025", "jan 2026", "apr 2026", "aug 2026"]
    assert [p["groep"] for p in t.grafiekdata] == ["dec 2025", "jan 2026", "apr 2026", "aug 2026"]


def test_working_day_measures_are_shown_in_working_days():
    """'Verzoek om toewijzing' (8 cases) showed a mean of 0,9 'werkdagen' with '<5' above the 5-day norm, which read
    as a 0 turned into '<5'. The working days were divided by 5 (work weeks): the mean is 4,4 werkdagen and 3 of the 8
    were above the norm, so '<5' was right; the mean was wrong."""
    dagen = [10, 8, 6, 5, 4, 2, 0, 0]
    metingen = [_meting(d, D(2026, 1, 1), boven=d > 5, pk=i) for i, d in enumerate(dagen)]
    s = wachttijden.Samenvatting.van(metingen, werkdagen=True)
    assert s.gemiddeld_weken == 4.4 and s.mediaan_weken == 4.5 and s.boven_norm == 3


@pytest.mark.django_db
@pytest.mark.parametrize("naam", ["cijfers", "wachttijden", "financien", "rapportage", "wachtlijsten"])
def test_logged_out_the_monitor_leads_to_the_login_page_and_back(client, naam):
    url = reverse(f"monitor:{naam}")
    r = client.get(url)
    assert r.status_code == 302 and f"next={url}" in r["Location"].replace("%2F", "/")


def test_logged_in_without_the_right_the_monitor_stays_403(client, wereld):
    login_verified(client, wereld["users"][Rol.CJG_MEDEWERKER])
    assert client.get(reverse("monitor:cijfers")).status_code == 403


def test_medians_keep_their_decimal_and_summaries_show_whole_euros():
    """The tester saw "2" for a median of 2,0 in summary and tooltip, and "€ 7.986.538,68" beside a table in euros."""
    from jeugdhulp.monitor.grafieken import lijn, samenvatting, staaf
    from jeugdhulp.monitor.tabel import Tabel

    t = Tabel("x", "x", ["Groep", "Mediaan"])
    t.grafiekdata = [{"groep": "A", "mediaan": 2.0}, {"groep": "B", "mediaan": 3.5}]
    spec = staaf(t, "groep", "mediaan", "Mediaan (weken)", decimalen=1)
    assert "(2,0)" in samenvatting(spec) and "(3,5)" in samenvatting(spec)
    assert spec["encoding"]["tooltip"][1]["format"] == ",.1f"
    t.grafiekdata = [{"maand": "2025-10-01", "mediaan": 2.0}, {"maand": "2025-11-01", "mediaan": 4.0}]
    spec = lijn(t, "maand", "mediaan", "Mediaan wachttijd (weken)")
    assert "van 2,0 naar 4,0" in samenvatting(spec)
    assert spec["layer"][0]["encoding"]["tooltip"][1]["format"] == ",.1f"
    t.grafiekdata = [{"groep": "A", "prognose": 7_986_538.68}]
    assert samenvatting(staaf(t, "groep", "prognose", "Prognose", eenheid="euro")).endswith("€\u00a07.986.539.")


def test_finance_has_a_totals_row_and_no_budget_column_per_aanbieder(db):
    """Financiën had no totals row, no overall 'Budget op' date, and a Budget column of zeros per aanbieder."""
    from jeugdhulp.monitor import dashboards
    from jeugdhulp.monitor.models import Budget

    oss = factories.GemeenteFactory()
    tarief = factories.TariefFactory(product__categorie="45", einddatum=None, bedrag=100_00)
    factories.ToewijzingFactory(gemeente=oss, aanbieder=tarief.contract.aanbieder, product=tarief.product,
                                toewijzingnummer=9200, ingangsdatum=D(2025, 1, 1), einddatum=D(2025, 12, 31),
                                volume=1, eenheid="04", frequentie="1")  # fmt: skip  # 365 × € 100
    Budget.objects.create(gemeente=oss, jaar=2025, categorie="45", bedrag=18_250_00)  # half of it
    Budget.objects.create(gemeente=oss, jaar=2025, categorie="41", bedrag=1_000_00)
    f = Filter(van=D(2025, 1, 1), tot=D(2025, 10, 31), gemeente=oss.pk)
    categorie, aanbieder = (b["tabel"] for b in dashboards.financien_blokken(f, D(2025, 10, 31)))
    totaal = dict(zip(categorie.kop, categorie.totaal, strict=True))
    assert str(totaal["Budget"]) == "19.250" and str(totaal["Verplicht"]) == "36.500"
    assert str(totaal["Prognose jaareinde"]) == "36.500"
    assert str(totaal["Budget op"]) == dashboards.datum(D(2025, 1, 1) + dt.timedelta(days=int(19_250 * 365 / 36_500)))
    assert "Budget" not in aanbieder.kop and "Budget op" not in aanbieder.kop
    assert [str(w) for w in aanbieder.totaal] == ["Totaal", "36.500", "0", "0", "0", "36.500"]


def test_xlsx_has_number_formats_real_dates_and_readable_unique_sheet_names():
    """The tester's XLSX: no number formats, Aandeel 8.979310344827587, sheet names cut ("…ambulan")."""
    import re

    from jeugdhulp.monitor.tabel import Datum, Getal, Tabel, xlsx

    t = Tabel("a", "Zonder en met verblijf: ambulant, daghulp, wijkteam, netwerk", ["Groep", "N", "Gem.", "Aandeel",
              "Euro", "Op"], [["A", Getal(1234), Getal(162.0, 1), Getal(8.979310344827587, 1, procent=True),
              Getal(7_986_539, euro=True), Datum(D(2026, 12, 6))]])  # fmt: skip
    titels = ["Wachttijd toewijzing tot start zorg per aanbieder", "Wachttijd toewijzing tot start zorg per gemeente"]
    boek = zipfile.ZipFile(BytesIO(xlsx([(t.titel, t.alle_rijen())] + [(n, t.alle_rijen()) for n in titels])))
    namen = re.findall(r'<sheet name="([^"]+)"', boek.read("xl/workbook.xml").decode())
    assert len(set(namen)) == 3 and all(len(n) <= 31 and not set(n) & set(":\\/?*[]") for n in namen)
    assert namen[1:] == ["Wachttijd… per aanbieder", "Wachttijd… per gemeente"]
    stijlen = boek.read("xl/styles.xml").decode()
    formaat = dict(re.findall(r'numFmtId="(\d+)" formatCode="([^"]+)"', stijlen))
    xfs = re.findall(r'<xf numFmtId="(\d+)"[^>]*xfId', stijlen)
    cellen = dict(re.findall(r'<c r="([A-F]2)" s="(\d+)"><v>', boek.read("xl/worksheets/sheet1.xml").decode()))
    code = {ref: formaat.get(xfs[int(s)], xfs[int(s)]) for ref, s in cellen.items()}
    assert code == {"B2": "3", "C2": "0.0", "D2": "0.0%", "E2": "&quot;€ &quot;#,##0", "F2": "d mmmm yyyy"}
    blad = boek.read("xl/worksheets/sheet1.xml").decode()
    assert "<v>0.08979310344827587</v>" in blad and f"<v>{(D(2026, 12, 6) - D(1899, 12, 30)).days}</v>" in blad
    assert str(Datum(D(2026, 12, 6))) == "6 december 2026" and Datum(D(2026, 12, 6)).csv() == "6-12-2026"


def test_waiting_lists_hide_small_counts_for_policy_and_fold_the_missing(client, wereld, time_machine):
    """Wachtlijsten showed counts 0–4 exactly and started with ~80 'Ontbreekt' rows."""
    time_machine.move_to(dt.datetime(2025, 6, 10, 10, tzinfo=dt.UTC), tick=False)
    a = wereld["aanbieder_a"]
    gemeld = factories.TariefFactory(contract__aanbieder=a, product__code="45A01").product
    for i in range(3):  # contracted and referred to, never reported
        t = factories.TariefFactory(contract__aanbieder=a, product__code=f"45B0{i}")
        factories.ToewijzingFactory(aanbieder=a, product=t.product, toewijzingnummer=9300 + i,
                                    toewijzingsdatum=D(2025, 5, 1), ingangsdatum=D(2025, 5, 1))  # fmt: skip
    verwerk(a, [_melding(product=gemeld.code, wacht_op_intake=3, wacht_op_behandeling=12)])
    login_verified(client, wereld["users"][Rol.BELEIDSMEDEWERKER])
    html = client.get(reverse("monitor:wachtlijsten")).content.decode()
    rij = html[html.index("45A01") : html.index("</tr>", html.index("45A01"))]
    assert ">&lt;5</td>" in rij and ">12</td>" in rij and ">3</td>" not in rij
    assert html.index("45A01") < html.index('<details class="monitor-ontbrekend">') < html.index("45B00")
    assert "Ontbreekt: voor 3 producten is geen wachtlijst gemeld" in html
    assert "Wat betekent dit?" in html and "Treeknorm" in html
    client.logout()
    login_verified(client, wereld["users"][Rol.AANBIEDER_MEDEWERKER])  # its own report, as it was sent
    html = client.get(reverse("monitor:wachtlijsten")).content.decode()
    assert ">3</td>" in html


@pytest.mark.parametrize(
    "naam, woorden",
    [("wachttijden", ["Treeknorm", "Overbruggingszorg", "Boven norm"]),
     ("inzet", ["Trajecten", "Volgens plan", "Voortijdig"]),
     ("financien", ["Verplicht", "Budget op", "Prognose jaareinde"])],
)  # fmt: skip
def test_each_dashboard_explains_its_words(client, wereld, naam, woorden):
    login_verified(client, wereld["users"][Rol.BELEIDSMEDEWERKER])
    html = client.get(reverse(f"monitor:{naam}")).content.decode()
    uitleg = html[html.index('<details class="monitor-uitleg">') : html.index("</details>")]
    assert "Wat betekent dit?" in uitleg and all(w in uitleg for w in woorden)


def test_the_average_duration_keeps_one_decimal_like_every_average(db):
    """Inzet's 'Gem. duur (dagen)' showed 162 (and 162 in the XLSX) where averages elsewhere read "2,0"."""
    from jeugdhulp.monitor import dashboards

    lijst = [inzet.Traject(jeugdige=i, aanbieder=1, hulpvorm="ambulant", subvorm="", begin=D(2025, 1, 1),
                           einde=D(2025, 6, 11),
                           toewijzingen=[i], gemeente=1, wijk=None, categorie="45", verwijzer="02", reden="")
             for i in range(5)]  # fmt: skip
    t = dashboards._inzettabel("x", "x", lijst, "hulpvorm", {}, _filter())
    onthulling.publiceer([t])
    assert str(t.totaal[5]) == "162,0" and t.totaal[5].decimalen == 1
