"""18-/18+: the age triggers on their boundary days (born 29 February, month ends), stored on the row, the
toekomstplan per leefgebied with its safety rails, and the team list of youths approaching each trigger."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from jeugdhulp.casussen import services as casussen
from jeugdhulp.casussen import toekomst, werkvoorraad
from jeugdhulp.casussen.models import Casus, ToekomstLeefgebied, Toekomstplan
from jeugdhulp.jeugdigen.models import Jeugdige
from jeugdhulp.overgangen.models import OngeldigeOvergang
from tests import factories
from tests.conftest import login_verified
from tests.toegang.factories import toegang_wereld

D = dt.date


@pytest.mark.parametrize(
    ("geboren", "jaren", "maanden", "dag"),
    [
        (D(2008, 2, 29), 16, 0, D(2024, 2, 29)),  # leap year: the birthday exists
        (D(2008, 2, 29), 18, 0, D(2026, 3, 1)),  # no 29 February in 2026: 1 March, not 28 February
        (D(2008, 2, 29), 17, 6, D(2025, 8, 29)),
        (D(2008, 2, 29), 21, 0, D(2029, 3, 1)),
        (D(2008, 2, 29), 23, 0, D(2031, 3, 1)),
        (D(2008, 8, 29), 17, 6, D(2026, 3, 1)),  # 29 February 2026 does not exist
        (D(2008, 8, 31), 17, 6, D(2026, 3, 1)),  # nor does 31 February
        (D(2008, 8, 28), 17, 6, D(2026, 2, 28)),
        (D(2007, 8, 29), 17, 6, D(2025, 2, 28) + dt.timedelta(days=1)),  # 2025: 1 March too
        (D(2006, 8, 29), 17, 6, D(2024, 2, 29)),  # 2024 is a leap year
        (D(2008, 7, 31), 17, 6, D(2026, 1, 31)),  # over the year end
        (D(2008, 12, 31), 17, 6, D(2026, 7, 1)),  # 31 June does not exist
        (D(2008, 1, 1), 18, 0, D(2026, 1, 1)),
    ],
)
def test_trigger_dates_on_the_boundary_days(geboren, jaren, maanden, dag):
    assert toekomst.op_leeftijd(geboren, jaren, maanden) == dag


@pytest.mark.parametrize("geboren", [D(2008, 2, 29), D(2007, 3, 1), D(2006, 12, 31), D(2005, 8, 31)])
def test_the_18_trigger_agrees_with_the_jeugdige_age(geboren):
    j = Jeugdige(geboortedatum=geboren)
    achttien = toekomst.op_leeftijd(geboren, 18)
    assert j.leeftijd(achttien - dt.timedelta(days=1)) == 17
    assert j.leeftijd(achttien) == 18


def test_pleegzorg_and_gezinshuis_run_to_21():
    m = toekomst.mijlpalen(D(2008, 2, 29))
    assert m.verblijf_tot is None and m.verlengd_uiterlijk == D(2031, 3, 1)
    assert toekomst.mijlpalen(D(2008, 2, 29), pleegzorg_of_gezinshuis=True).verblijf_tot == D(2029, 3, 1)


@pytest.fixture
def w(db):
    return toegang_wereld()


def _casus(w, geboren: dt.date, bsn: str, team=None):
    team = team or w["team"]
    j = factories.JeugdigeFactory(gemeente=w["oss"], team=team, bsn=bsn, geboortedatum=geboren)
    return Casus.objects.create(jeugdige=j, gemeente=w["oss"], team=team)


@pytest.mark.django_db
def test_every_casus_gets_its_toekomstplan_with_the_dates_stored(w):
    casus = _casus(w, D(2008, 2, 29), "111222333")
    plan = Toekomstplan.objects.get(jeugdige=casus.jeugdige)
    data = (plan.plan_uiterlijk, plan.overgangscheck_op, plan.achttien_op, plan.verblijf_tot, plan.verlengd_uiterlijk)
    assert data == (D(2024, 2, 29), D(2025, 8, 29), D(2026, 3, 1), None, D(2031, 3, 1))
    casussen.woonvorm_vastleggen(plan, woonvorm="gezinshuis")
    plan.refresh_from_db()
    assert plan.verblijf_tot == D(2029, 3, 1)
    casussen.woonvorm_vastleggen(plan, woonvorm="thuis")
    plan.refresh_from_db()
    assert plan.verblijf_tot is None
    # a later casus for the same jeugdige keeps the one plan and moves it along
    casus.status = "afgesloten"
    casus.save()
    nieuw = Casus.objects.create(jeugdige=casus.jeugdige, gemeente=w["oss"], team=w["team"])
    assert Toekomstplan.objects.filter(jeugdige=casus.jeugdige).count() == 1
    assert casussen.toekomstplan_voor(nieuw).casus == nieuw


@pytest.mark.django_db
def test_toekomstplan_covers_every_leefgebied_before_vaststellen(w):
    casus = _casus(w, D(2009, 5, 1), "111222344")
    plan = casussen.toekomstplan_voor(casus)
    with pytest.raises(ValidationError, match="eigen woorden"):
        casussen.toekomstdoel_vastleggen(plan, leefgebied="wonen", eigen_doel=" ", netwerk_doet="x", formeel_doet="")
    with pytest.raises(ValidationError, match="wie wat doet"):
        casussen.toekomstdoel_vastleggen(
            plan, leefgebied="wonen", eigen_doel="Op kamers", netwerk_doet="", formeel_doet=""
        )
    casussen.toekomstdoel_vastleggen(
        plan, leefgebied="wonen", eigen_doel="Op kamers", netwerk_doet="Oom", formeel_doet=""
    )
    with pytest.raises(ValidationError, match="onderwijs, werk en inkomen, zorg, veiligheid, netwerk"):
        casussen.toekomstplan_vaststellen(plan, door=w["cjg"])
    for lg in ToekomstLeefgebied.values:
        casussen.toekomstdoel_vastleggen(plan, leefgebied=lg, eigen_doel="Doel", netwerk_doet="", formeel_doet="CJG")
    assert plan.doelen.count() == 6  # writing a leefgebied again replaces it
    casussen.toekomstplan_vaststellen(plan, door=w["cjg"])
    assert plan.status == "vastgesteld" and plan.overgangen.get().door == w["cjg"]
    with pytest.raises(OngeldigeOvergang):
        plan.naar("vastgesteld", door=w["cjg"])


@pytest.mark.django_db
def test_overgangscheck_asks_what_continues_after_18(w):
    plan = casussen.toekomstplan_voor(_casus(w, D(2008, 8, 31), "111222355"))
    with pytest.raises(ValidationError):
        casussen.overgangscheck(plan, door=w["cjg"], na_18=[], toelichting="")
    with pytest.raises(ValidationError, match="samen"):
        casussen.overgangscheck(plan, door=w["cjg"], na_18=["geen", "wmo"], toelichting="")
    with pytest.raises(ValidationError, match="waarom verlengde"):
        casussen.overgangscheck(plan, door=w["cjg"], na_18=["verlengd"], toelichting="")
    with pytest.raises(ValidationError, match="23"):
        casussen.overgangscheck(plan, door=w["cjg"], na_18=["wmo"], toelichting="", dag=D(2031, 9, 1))
    casussen.overgangscheck(plan, door=w["cjg"], na_18=["verlengd", "zvw"], toelichting="Nog geen eigen woonplek")
    plan.refresh_from_db()
    assert plan.na_18 == ["verlengd", "zvw"] and plan.overgangscheck_gedaan_op is not None


@pytest.mark.django_db
def test_team_list_of_youths_approaching_each_trigger(w):
    vandaag = D(2026, 2, 28)
    # born 29 Feb 2008: 18 on 1 March 2026, tomorrow; no plan and no check yet, both late
    noor = casussen.toekomstplan_voor(_casus(w, D(2008, 2, 29), "222333444"))
    # 16 in two months
    jong = casussen.toekomstplan_voor(_casus(w, D(2010, 4, 28), "222333455"))
    # in a gezinshuis, 21 in three months
    gh = casussen.toekomstplan_voor(_casus(w, D(2005, 5, 28), "222333466"))
    casussen.woonvorm_vastleggen(gh, woonvorm="gezinshuis")
    # verlengde jeugdhulp, 23 next month
    oud = casussen.toekomstplan_voor(_casus(w, D(2003, 3, 20), "222333477"))
    casussen.overgangscheck(oud, door=w["cjg"], na_18=["verlengd"], toelichting="Nodig", dag=D(2021, 1, 1))
    # 13 years old: not on any list; another team's youth: not visible
    casussen.toekomstplan_voor(_casus(w, D(2013, 1, 1), "222333488"))
    ander = factories.TeamFactory(gemeente=w["oss"], naam="CJG Oss-Zuid")
    casussen.toekomstplan_voor(_casus(w, D(2008, 3, 15), "222333499", team=ander))

    lijst = {t.sleutel: t.rijen for t in werkvoorraad.richting_18(w["cjg"], vandaag=vandaag)}
    namen = {k: [r.plan.pk for r in v] for k, v in lijst.items()}
    assert namen["plan"] == [noor.pk, jong.pk]
    assert [r.te_laat for r in lijst["plan"]] == [True, False]
    assert namen["check"] == [noor.pk]  # the youth in the gezinshuis is 20: past the 18-deadline, 21 applies
    assert namen["achttien"] == [noor.pk] and lijst["achttien"][0].datum == D(2026, 3, 1)
    assert namen["verblijf"] == [gh.pk]
    assert namen["verlengd"] == [oud.pk]
    # the day after: Noor is 18, the 18-trigger has passed
    later = {t.sleutel: [r.plan.pk for r in t.rijen] for t in werkvoorraad.richting_18(w["cjg"], vandaag=D(2026, 3, 2))}
    assert noor.pk not in later["achttien"] and noor.pk not in later["plan"]
    # the jeugdconsulent sees the whole gemeente, including the other team
    alle = {t.sleutel: [r.plan.pk for r in t.rijen] for t in werkvoorraad.richting_18(w["consulent"], vandaag=vandaag)}
    assert len(alle["achttien"]) == 2


@pytest.mark.django_db
def test_richting_18_page_and_casus_section(client, w):
    casus = _casus(w, D(2008, 2, 29), "333444555")
    login_verified(client, w["cjg"])
    r = client.get(reverse("casussen:richting18"), {"maanden": "24"})
    assert r.status_code == 200
    r = client.get(casus.get_absolute_url())
    assert b"Toekomstplan (18-/18+)" in r.content or casus.jeugdige.leeftijd() < 15
    r = client.post(
        reverse("casussen:toekomst_doel", args=[casus.pk]),
        {"leefgebied": "onderwijs", "eigen_doel": "Mbo afmaken", "netwerk_doet": "Tante helpt", "formeel_doet": ""},
    )
    assert r.status_code == 302
    assert Toekomstplan.objects.get(jeugdige=casus.jeugdige).doelen.get().eigen_doel == "Mbo afmaken"
    login_verified(client, w["consulent"])  # the backoffice may look, not change
    r = client.post(reverse("casussen:toekomst_vaststellen", args=[casus.pk]))
    assert r.status_code in (403, 404)
