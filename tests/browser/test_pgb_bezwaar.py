"""The second 'done when' browser test: a PGB aanvraag and a bezwaar, clicked through as the CJG worker files it and
the jeugdconsulent decides it: aanvraag (pgb) → opschorting for the budgetplan → checklist and budget from the
tariffs → beschikking (pgb) → bezwaar with its Awb 7:10 clock → verdaging → beslissing op bezwaar."""

import datetime as dt

from django.utils import timezone
from django.utils.formats import date_format

import pytest
from playwright.sync_api import expect

from jeugdhulp.besluiten import termijnen
from jeugdhulp.besluiten.models import Aanvraag, AanvraagStatus, Bezwaar, BezwaarStatus
from tests.browser.brief_pdf import pdf_als_tekst
from tests.browser.conftest import screenshot
from tests.browser.test_staff_roles import login
from tests.browser.test_toegang_flow import blok
from tests.toegang.factories import casus_met_plan, toegang_wereld

pytestmark = pytest.mark.django_db(transaction=True)


def woorden(dag: dt.date) -> str:
    """6 december 2026, as the aanvraag and bezwaar pages and the letter write a date."""
    return date_format(dag, "j F Y")


def test_pgb_aanvraag_and_bezwaar(page, chromium, live_server):
    w = toegang_wereld()
    casus = casus_met_plan(w, vraag="Noor wil hulp van haar oom")  # steps 1-4 of the first browser test
    vandaag = timezone.localdate()
    iso = lambda x: x.isoformat()  # noqa: E731

    # The CJG worker files a pgb aanvraag from the casus: no aanbieder, the family hires its own help.
    login(page, w["cjg"])
    page.goto(casus.get_absolute_url())
    av = blok(page, "Aanvraag indienen")
    av.get_by_label("Zorg in natura of pgb").select_option("pgb")
    av.get_by_label("Product").select_option(label=str(w["product"]))
    av.get_by_label("Omvang").fill("6")
    av.get_by_label("Eenheid").select_option("04")
    av.get_by_label("Per", exact=True).select_option("2")
    av.get_by_label("Vanaf").fill(iso(vandaag))
    av.get_by_label("Tot en met").fill(iso(vandaag + dt.timedelta(days=364)))
    av.get_by_label("Waarom deze hulp").fill("Oom Kees begeleidt Noor al; het gezin wil dat zo houden.")
    av.get_by_role("button", name="Aanvraag indienen").click()
    expect(page.get_by_text("De aanvraag is ingediend bij de backoffice.")).to_be_visible()
    expect(page.get_by_test_id("aanvragen")).to_contain_text("Persoonsgebonden budget (pgb)")
    expect(page.get_by_test_id("aanvragen")).to_contain_text(woorden(termijnen.beslis_uiterlijk(vandaag)))

    # The jeugdconsulent picks it up from the queue.
    ctx = chromium.new_context(base_url=live_server.url, locale="nl-NL")
    bo = ctx.new_page()
    login(bo, w["consulent"])
    bo.get_by_role("link", name="Aanvragen").first.click()
    bo.get_by_role("link", name="Noor Jansen").click()
    expect(bo.get_by_role("heading", level=1)).to_contain_text("persoonsgebonden budget")
    expect(bo.get_by_test_id("beslis-uiterlijk")).to_have_text(woorden(termijnen.beslis_uiterlijk(vandaag)))

    # Granting before the 8.1.1 checklist is complete is refused, with a plain message, and changes nothing.
    b = blok(bo, "Beschikking maken")
    b.get_by_label("Besluit", exact=True).select_option("toegekend")
    b.get_by_label("Motivering").fill("Het gezin kan het pgb beheren.")
    b.get_by_role("button", name="Beschikking maken").click()
    expect(bo.get_by_text("De pgb-checklist is niet compleet; toekennen kan nog niet.")).to_be_visible()
    expect(bo.get_by_test_id("status")).to_have_text("Ingediend, wacht op besluit")

    # The budgetplan is missing: the clock is suspended (Awb 4:15) until it arrives.
    o = blok(bo, "Opschorten: informatie opvragen")
    o.get_by_label("Informatie opgevraagd op").fill(iso(vandaag))
    o.get_by_label("Welke informatie ontbreekt").fill("Het budgetplan")
    o.get_by_role("button", name="Opschorten").click()
    expect(bo.get_by_test_id("status")).to_have_text("Opgeschort: wacht op informatie")
    expect(bo.locator("summary", has_text="Beschikking maken")).to_have_count(0)  # no decision while suspended
    h = blok(bo, "Informatie ontvangen")
    h.get_by_label("Informatie ontvangen op").fill(iso(vandaag))
    h.get_by_role("button", name="Termijn laten doorlopen").click()
    expect(bo.get_by_test_id("status")).to_have_text("Ingediend, wacht op besluit")

    # The Jeugdwet 8.1.1 checklist and the budget, computed from the informal hourly rate.
    p = blok(bo, "Pgb-checklist (Jeugdwet 8.1.1) en budget")
    p.get_by_label("het gezin kan het pgb beheren").check()
    p.get_by_label("waarom past zorg in natura niet").fill(
        "Noor vertrouwt alleen haar oom; ZIN-aanbieders hebben geen plek."
    )
    p.get_by_label("de kwaliteit is geborgd").check()
    p.get_by_label("het budgetplan is compleet").check()
    p.get_by_label("Wie gaat helpen").select_option("informeel")
    p.get_by_role("button", name="Beoordeling opslaan").click()
    expect(bo.get_by_text("De pgb-beoordeling is opgeslagen en het budget berekend.")).to_be_visible()
    expect(bo.get_by_test_id("pgb")).to_contain_text("De checklist is compleet.")
    expect(bo.get_by_test_id("pgb")).to_contain_text("€ 14,51 per uur")
    expect(bo.get_by_test_id("pgb")).to_contain_text("6 uur per week hulp")  # the unit of the aanvraag itself
    expect(bo.get_by_test_id("pgb")).to_contain_text("€ 4.539,56")  # 14.51 × 6 h × 365/7 weeks, rounded up

    # Now the beschikking (pgb) can be made; no toewijzing to an aanbieder follows.
    b = blok(bo, "Beschikking maken")
    b.get_by_label("Besluit", exact=True).select_option("toegekend")
    b.get_by_label("Motivering").fill("Het gezin kan het pgb beheren en de hulp van oom past bij het plan.")
    b.get_by_role("button", name="Beschikking maken").click()
    expect(bo.get_by_test_id("status")).to_have_text("Toegekend")
    bezwaar_tot = termijnen.bezwaar_uiterlijk(vandaag)
    expect(bo.get_by_test_id("beschikking")).to_contain_text(woorden(bezwaar_tot))
    expect(bo.locator("summary", has_text="Toewijzen aan de aanbieder")).to_have_count(0)
    pdf = bo.request.get(bo.get_by_role("link", name="Beschikking als PDF").get_attribute("href"))
    assert pdf.status in (200, 503)  # 503 only when Pango is missing
    brief = pdf_als_tekst(pdf.body(), "toegang-pgb-brief") if pdf.status == 200 else None
    if brief is not None:  # the pgb letter: the budget, the SVB, no empty aanbieder
        assert "€ 4.539,56" in brief and "Sociale Verzekeringsbank (SVB)" in brief
        assert "Aanbieder" not in brief and "—" not in brief
        assert f"uiterlijk op {woorden(bezwaar_tot)}" in brief and "Postbus" in brief
    screenshot(bo, "toegang-pgb-beschikking")

    # The family objects: 6 hours a week is too little. Registered with an advisory committee (12 weeks).
    bz = blok(bo, "Bezwaar registreren")
    bz.get_by_label("bezwaar ontvangen op").fill(iso(vandaag))
    bz.get_by_label("gronden van het bezwaar").fill("Zes uur per week is te weinig; Noor heeft er tien nodig.")
    bz.get_by_label("advies van de bezwaarcommissie").check()
    bz.get_by_role("button", name="Bezwaar registreren").click()
    expect(bo.get_by_role("heading", level=1)).to_contain_text("Bezwaar tegen beschikking")
    expect(bo.get_by_test_id("status")).to_have_text("Ontvangen")
    expect(bo.get_by_test_id("tijdig")).to_have_text("op tijd")
    eerste = termijnen.beslis_op_bezwaar_uiterlijk(bezwaar_tot, vandaag, commissie=True)
    expect(bo.get_by_test_id("beslis-uiterlijk")).to_contain_text(woorden(eerste))

    # Verdaging (Awb 7:10 lid 3): at most 6 weeks more, recorded as a step with its reason.
    v = blok(bo, "Verdagen")
    v.get_by_label("Waarom verdagen").fill("De bezwaarcommissie vergadert pas over acht weken.")
    v.get_by_role("button", name="Verdagen").click()
    expect(bo.get_by_test_id("status")).to_have_text("Verdaagd")
    verdaagd = termijnen.beslis_op_bezwaar_uiterlijk(bezwaar_tot, vandaag, commissie=True, verdaagd=True)
    expect(bo.get_by_test_id("beslis-uiterlijk")).to_contain_text(woorden(verdaagd))
    expect(bo.locator("summary", has_text="Verdagen")).to_have_count(0)  # only once

    # The decision on the bezwaar, with its outcome.
    bs = blok(bo, "Beslissen op bezwaar")
    bs.get_by_label("Uitkomst").select_option("deels_gegrond")
    bs.get_by_label("Toelichting op de beslissing").fill("Acht uur per week; het besluit wordt op dit punt herzien.")
    bs.get_by_label("Datum beslissing").fill(iso(vandaag))
    bs.get_by_role("button", name="Beslissing vastleggen").click()
    expect(bo.get_by_test_id("status")).to_have_text("Beslist")
    expect(bo.get_by_test_id("uitkomst")).to_contain_text("Deels gegrond")
    expect(bo.get_by_test_id("geschiedenis")).to_contain_text("Verdaagd")
    expect(bo.get_by_test_id("geschiedenis")).to_contain_text("Beslist")
    screenshot(bo, "toegang-bezwaar-beslist")
    ctx.close()

    # The CJG worker sees the decision and the bezwaar in the family's timeline.
    page.goto(casus.get_absolute_url())
    expect(page.get_by_test_id("aanvragen")).to_contain_text("Toegekend")
    page.get_by_role("link", name="Tijdlijn voor het gezin (afdrukbaar)").click()
    expect(page.get_by_test_id("gebeurd")).to_contain_text("U maakte bezwaar")
    expect(page.get_by_test_id("gebeurd")).to_contain_text("De gemeente besliste op uw bezwaar")

    aanvraag = Aanvraag.objects.get()
    assert aanvraag.status == AanvraagStatus.TOEGEKEND and aanvraag.pgb.budget == 453956
    assert [o.naar for o in aanvraag.overgangen] == ["opgeschort", "ingediend", "toegekend"]
    bezwaar = Bezwaar.objects.get()
    assert bezwaar.status == BezwaarStatus.BESLIST and bezwaar.beslis_uiterlijk == verdaagd
    assert [o.naar for o in bezwaar.overgangen] == ["verdaagd", "beslist"]
