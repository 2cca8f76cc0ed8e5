"""Disclosure control over every person-count table of the dashboards, on randomly sized small worlds.

The three rules of issue 6: a count of 1–4 persons shows as "<5"; averages and distributions over fewer than 5
persons are hidden; a published total never lets a suppressed cell be derived by subtraction.
"""

import datetime as dt
import random

import pytest

from jeugdhulp.monitor import dashboards
from jeugdhulp.monitor.filters import Filter
from jeugdhulp.monitor.onthulling import ONDERDRUKT, VERBORGEN
from tests import factories

D = dt.date
KLEIN = {"1", "2", "3", "4"}
# Columns that count persons or their trajectories (money and population figures are not about persons).
TELKOLOMMEN = {"Aantal", "Boven norm", "Totaal", "Met overbruggingszorg", "Zonder overbruggingszorg", "Gestart",
               "Wachtend aan eind maand", "Wachtend boven norm", "Jeugdigen", "Trajecten", "Instroom", "Uitstroom",
               "Volgens plan", "Voortijdig"}  # fmt: skip
GEMIDDELD = {"Gemiddeld (weken)", "Mediaan (weken)", "Aandeel boven norm", "Gem. duur (dagen)",
             "Mediaan wachttijd (weken)", "Aandeel"}  # fmt: skip


@pytest.fixture(params=[1, 2, 3, 4, 5])
def kleine_wereld(request, db):
    rng = random.Random(request.param)
    gemeenten = [factories.GemeenteFactory() for _ in range(2)]
    aanbieders = [factories.AanbiederFactory() for _ in range(3)]
    producten = [factories.ProductFactory(categorie=c) for c in ("45", "54", "43")]
    nummer = 0
    for g in gemeenten:
        for a in aanbieders:
            for p in producten:
                for _i in range(rng.choice([0, 1, 2, 3, 4, 5, 6, 9])):
                    nummer += 1
                    toegewezen = D(2025, 1, 1) + dt.timedelta(days=rng.randrange(300))
                    begin = toegewezen + dt.timedelta(days=rng.randrange(10, 150)) if rng.random() < 0.6 else None
                    einde = begin + dt.timedelta(days=rng.randrange(20, 200)) if begin and rng.random() < 0.5 else None
                    factories.ToewijzingFactory(
                        jeugdige=factories.JeugdigeFactory(gemeente=g), gemeente=g, aanbieder=a, product=p,
                        toewijzingnummer=nummer, toewijzingsdatum=toegewezen, ingangsdatum=toegewezen,
                        einddatum=D(2026, 6, 30), begindatum_zorg=begin, einddatum_zorg=einde,
                        reden_beeindiging=rng.choice(["31", "32"]) if einde else "",
                    )  # fmt: skip
    return gemeenten


def _tabellen(gemeente=None):
    f = Filter(van=D(2025, 1, 1), tot=D(2025, 12, 31), gemeente=gemeente)
    vandaag = D(2025, 12, 31)
    blokken = dashboards.wachttijden_blokken(f, vandaag) + dashboards.inzet_blokken(f)
    return [b["tabel"] for b in blokken]


def _kolommen(tabel):
    for k, kop in enumerate(tabel.kop):
        cellen = [rij[k] for rij in tabel.rijen]
        yield kop, cellen, (tabel.totaal[k] if tabel.totaal else None)


@pytest.mark.parametrize("per_gemeente", [False, True])
def test_no_table_shows_a_small_count_or_lets_one_be_derived(kleine_wereld, per_gemeente):
    tabellen = _tabellen(kleine_wereld[0].pk if per_gemeente else None)
    gecontroleerd = 0
    for tabel in tabellen:
        for kop, cellen, totaal in _kolommen(tabel):
            if kop in TELKOLOMMEN:
                gecontroleerd += 1
                assert not KLEIN & {*cellen, totaal}, (tabel.titel, kop, cellen, totaal)  # rule 1
                if totaal not in (None, ONDERDRUKT, VERBORGEN, "–"):  # rule 3: a visible total hides 0 or 2+ cells
                    verborgen = [c for c in cellen if c in (ONDERDRUKT, VERBORGEN)]
                    assert len(verborgen) != 1, (tabel.titel, kop, cellen, totaal)
    assert gecontroleerd > 30


def test_averages_and_distributions_over_fewer_than_5_are_hidden(kleine_wereld):
    for tabel in _tabellen():
        for kop, cellen, _totaal in _kolommen(tabel):
            if kop not in GEMIDDELD:
                continue
            aantal_kop = next((k for k in ("Aantal", "Gestart", "Jeugdigen") if k in tabel.kop), None)
            if aantal_kop is None:
                continue
            aantallen = [rij[tabel.kop.index(aantal_kop)] for rij in tabel.rijen]
            for aantal, cel in zip(aantallen, cellen, strict=True):
                if aantal in (ONDERDRUKT, VERBORGEN, "0"):
                    assert cel == "–", (tabel.titel, kop, aantal, cel)  # rule 2
        if tabel.sleutel == "stand":  # a distribution column over fewer than 5 persons shows nothing
            for _kop, cellen, totaal in list(_kolommen(tabel))[1:]:
                if totaal == ONDERDRUKT:
                    assert set(cellen) == {"–"}, (cellen, totaal)
            # the row total is "met" + "zonder": never exactly one of the three hidden in a row
            for rij in [*tabel.rijen, tabel.totaal]:
                assert sum(c in (ONDERDRUKT, VERBORGEN) for c in rij[1:]) != 1 or rij[1] in (ONDERDRUKT, VERBORGEN)
