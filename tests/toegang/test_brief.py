"""The beschikking letter reads like a letter: addressed by age, product and volume in words, dates in words, the
postal address for bezwaar, the mandated official's signature; the pgb letter names the SVB and the budget; the
texts are werkinstructies the functioneel beheerder edits, copied onto the beschikking on the day of the decision."""

import datetime as dt
import re
import zoneinfo

from django.template.loader import render_to_string
from django.utils import timezone

import pytest

from jeugdhulp.besluiten import brief
from jeugdhulp.besluiten import services as besluiten
from jeugdhulp.besluiten.models import Vorm
from jeugdhulp.casussen.models import Werkinstructie
from tests import factories
from tests.conftest import login_verified
from tests.toegang.factories import casus_met_plan, toegang_wereld

pytestmark = pytest.mark.django_db
VANDAAG = dt.datetime(2026, 12, 6, 10, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))


@pytest.fixture
def w(time_machine):
    time_machine.move_to(VANDAAG, tick=False)
    w = toegang_wereld()
    w["consulent"].first_name, w["consulent"].last_name = "Ilse", "van Dijk"
    w["consulent"].save()
    return w


def _aanvraag(w, vorm=Vorm.ZIN, *, volume=82, eenheid="04", frequentie="6"):
    if "casus" not in w:
        w["casus"] = casus_met_plan(w)
    return besluiten.aanvraag_indienen(
        w["casus"],
        door=w["cjg"],
        vorm=vorm,
        ontvangen_op=dt.date(2026, 11, 3),
        producten=[
            {
                "product": w["product"],
                "aanbieder": w["aanbieder"] if vorm == Vorm.ZIN else None,
                "volume": volume,
                "eenheid": eenheid,
                "frequentie": frequentie,
                "ingangsdatum": dt.date(2026, 12, 14),
                "einddatum": dt.date(2027, 6, 13),
            }
        ],
    )


def _tekst(beschikking) -> str:
    html = render_to_string("besluiten/beschikking_pdf.html", brief.brief_context(beschikking))
    body = html.split("<body>", 1)[1]
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


def test_zin_letter_in_words_with_addressee_bezwaar_address_and_signature(w):
    aanvraag = _aanvraag(w)
    b = besluiten.beschikken(aanvraag, door=w["consulent"], besluit="toegekend", motivering="Het plan vraagt dit.")
    tekst = _tekst(b)
    # 14 years old: the parent with gezag and the jeugdige, at the jeugdige's address
    assert tekst.startswith("Anne Ouder Noor Jansen Kerkstraat 12 5341 AB Oss")
    assert "Beste Anne Ouder en Noor Jansen," in tekst
    assert "Ambulante begeleiding, 82 uur in totaal" in tekst
    assert "bij Kompas Jeugdhulp, van 14 december 2026 tot en met 13 juni 2027" in tekst
    assert "Datum 6 december 2026" in tekst and "Op 3 november 2026 is jeugdhulp aangevraagd voor Noor Jansen." in tekst
    for rauw in ("45A04", "Totaal binnen geldigheidsduur", "04 Uur", "Stuks", "-12-2026"):
        assert rauw not in tekst
    # what to do if you disagree: within 6 weeks, by date, and where to send it
    assert "uiterlijk op 18 januari 2027" in tekst and f"besluit {b.beschikkingnummer}" in tekst
    assert "Stuur uw brief naar: Het college van burgemeester en wethouders van Oss t.a.v. bezwaarschriften " in tekst
    assert "Postbus 5 5340 BA Oss" in tekst
    # the signature block of the mandated official
    ondertekening = "namens het college van burgemeester en wethouders van Oss, Ilse van Dijk Jeugdconsulent"
    assert ondertekening in tekst and tekst.index(ondertekening) < tekst.index("Bent u het niet eens")
    # no heading is repeated as the next sentence
    koppen = re.findall(
        r"<h[12]>(.*?)</h[12]>", render_to_string("besluiten/beschikking_pdf.html", brief.brief_context(b))
    )
    for kop in koppen:
        assert tekst.count(kop) == 1, kop


@pytest.mark.parametrize(
    ("geboren", "namen", "aanhef"),
    [
        (dt.date(2017, 3, 1), ["Anne Ouder"], "Beste Anne Ouder,"),  # 9: the parents
        (dt.date(2012, 12, 6), ["Anne Ouder", "Noor Jansen"], "Beste Anne Ouder en Noor Jansen,"),  # 14 today
        (dt.date(2010, 12, 6), ["Noor Jansen"], "Beste Noor Jansen,"),  # 16 today: the jeugdige
        (dt.date(2010, 12, 7), ["Anne Ouder", "Noor Jansen"], "Beste Anne Ouder en Noor Jansen,"),  # 16 tomorrow
    ],
)
def test_addressee_follows_the_age_rule(w, geboren, namen, aanhef):
    j = w["jeugdige"]
    j.geboortedatum = geboren
    j.save()
    aan = brief.geadresseerde(j, timezone.localdate())
    assert aan.namen == namen and aan.aanhef == aanhef and aan.adres == ["Kerkstraat 12", "5341 AB Oss"]


def test_addressee_without_known_parents_reaches_the_household(w):
    j = w["jeugdige"]
    j.geboortedatum = dt.date(2018, 1, 1)
    j.save()
    j.relaties.all().delete()
    aan = brief.geadresseerde(j, timezone.localdate())
    assert aan.namen == ["De ouders of verzorgers van Noor Jansen"] and aan.aanhef == "Beste ouders of verzorgers,"


@pytest.mark.parametrize(
    ("volume", "eenheid", "frequentie", "woorden"),
    [
        (82, "04", "6", "82 uur in totaal"),
        (2, "04", "2", "2 uur per week"),
        (1, "82", "6", "1 traject in totaal"),
        (3, "16", "2", "3 dagdelen van 4 uur per week"),
        (1500, "83", "6", "€ 1.500 in totaal"),
        (1, "14", "4", "1 etmaal (dag en nacht) per maand"),
    ],
)
def test_volume_in_words(volume, eenheid, frequentie, woorden):
    assert brief.omvang_in_woorden(volume, eenheid, frequentie) == woorden


def test_pgb_letter_names_the_svb_and_the_budget_and_no_empty_aanbieder(w):
    aanvraag = _aanvraag(w, Vorm.PGB, volume=4, eenheid="04", frequentie="2")
    besluiten.pgb_beoordelen(
        aanvraag, kan_beheren=True, waarom_geen_zin="Oma kent haar", kwaliteit_geborgd=True, budgetplan_compleet=True,
        tariefsoort="informeel", weigeringsgronden="",
    )  # fmt: skip
    b = besluiten.beschikken(aanvraag, door=w["consulent"], besluit="toegekend", motivering="Past bij het gezin.")
    tekst = _tekst(b)
    assert "Aanbieder" not in tekst and "—" not in tekst
    assert "Sociale Verzekeringsbank (SVB)" in tekst
    assert "U krijgt een persoonsgebonden budget (pgb) van € 1.509,04 voor de hele periode" in tekst
    assert "4 uur per week hulp door iemand uit uw sociale netwerk, tegen € 14,51 per uur" in tekst


def test_letter_texts_are_werkinstructies_the_beheerder_edits_and_a_letter_keeps_its_text(w, client):
    assert Werkinstructie.objects.filter(stap__in=brief.BRIEFTEKSTEN).count() == len(brief.BRIEFTEKSTEN)
    eerste = besluiten.beschikken(_aanvraag(w), door=w["consulent"], besluit="toegekend", motivering="m")
    beheerder = factories.UserFactory(username="fb", rol="functioneel_beheerder")
    login_verified(client, beheerder)
    rij = Werkinstructie.objects.get(stap="brief-bezwaar-adres")
    antwoord = client.post(
        f"/beheer/casussen/werkinstructie/{rij.pk}/change/",
        {"stap": rij.stap, "titel": rij.titel, "tekst": "Gemeente Oss\nAfdeling Bezwaar\nPostbus 5\n5340 BA Oss"},
    )
    assert antwoord.status_code == 302, antwoord.content[:500]
    tweede = besluiten.beschikken(_aanvraag(w), door=w["consulent"], besluit="afgewezen", motivering="m")
    assert "Afdeling Bezwaar" in _tekst(tweede) and "Afdeling Bezwaar" not in _tekst(eerste)
    # a row for one gemeente overrides the general text
    Werkinstructie.objects.create(stap="brief-afzender-0828", titel="Afzender Oss", tekst="Gemeente Oss, team Jeugd")
    assert brief.briefteksten(w["oss"])["brief-afzender"] == "Gemeente Oss, team Jeugd"
