"""The access process end to end in a real browser, as a CJG worker and a jeugdconsulent would do it:
phone call → triage → vraagverheldering with a shared verslag → samenwerkingsplan → aanvraag → beschikking (ZIN)
→ toewijzing with its JW301 in the outbox → JW305 imported → start shown → evaluation → closure with waakvlam."""

import datetime as dt

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from jeugdhulp.berichten import inbox
from jeugdhulp.berichten.models import Bericht, Status
from jeugdhulp.casussen.models import Casus, CasusStatus
from jeugdhulp.toewijzingen.models import Toewijzing
from tests.browser.conftest import screenshot
from tests.browser.test_staff_roles import login
from tests.toegang.factories import jw305_voor, toegang_wereld

pytestmark = pytest.mark.django_db(transaction=True)


def blok(page, titel):
    """Open a collapsible step on the page and return it, so labels are looked up inside that form only."""
    details = page.locator("details", has=page.locator("summary", has_text=titel)).first
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    return details


def test_phone_call_to_closure_with_waakvlam(page, chromium, live_server):
    w = toegang_wereld()
    vandaag = timezone.localdate()
    iso = lambda d: d.isoformat()  # noqa: E731

    # 1. a phone call
    login(page, w["cjg"])
    page.get_by_role("link", name="Hulpvragen").first.click()
    page.get_by_role("link", name="Nieuwe hulpvraag vastleggen").click()
    page.get_by_label("Hoe kwam de vraag binnen?").select_option("telefoon")
    page.get_by_label("Wie vraagt").select_option("ouder")
    page.get_by_label("Naam van de vrager").fill("Anne Jansen")
    page.get_by_label("Telefoonnummer").fill("0612345678")
    page.get_by_label("De vraag, in de woorden van de vrager").fill(
        "Noor komt haar kamer niet meer uit en gaat niet naar school."
    )
    page.get_by_label("School").check()
    page.get_by_role("button", name="Hulpvraag vastleggen").click()
    expect(page.get_by_test_id("status")).to_have_text("Nieuw")

    # 2. triage: contact, then vraagverheldering for the known jeugdige
    page.get_by_role("button", name="Contact opgenomen").click()
    expect(page.get_by_test_id("status")).to_have_text("Contact gehad, in behandeling")
    page.get_by_label("BSN van de jeugdige").fill(w["jeugdige"].bsn)
    page.get_by_role("button", name="Naar vraagverheldering").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Casus Noor Jansen")
    expect(page.get_by_test_id("status")).to_have_text("Vraagverheldering")
    expect(page.get_by_test_id("verwijzer")).to_contain_text("Gemeente")

    # 3. vraagverheldering: a conversation and a kort verslag, shared with both (Noor is 14)
    g = blok(page, "Gesprek vastleggen")
    g.get_by_label("Wie waren er bij").fill("Anne (moeder), Noor, Sanne (CJG)")
    g.get_by_label("Samenvatting").fill("Thuis besproken wat er speelt.")
    g.get_by_role("button", name="Gesprek opslaan").click()
    expect(page.get_by_text("Het gesprek is vastgelegd.")).to_be_visible()
    v = blok(page, "Verslag schrijven")
    v.get_by_label("Wat is de vraag").fill("Noor wil weer naar school, maar durft niet.")
    v.get_by_label("Wat spreken we af").fill("We maken samen een plan met school.")
    v.get_by_label("Reactie van gezin en jeugdige").fill("Noor vindt dat school het probleem is, niet zij.")
    v.get_by_label("Gezin is het eens met het verslag").uncheck()
    v.get_by_label("Ouders hebben ingestemd").check()
    v.get_by_label("Verslag nu delen met het gezin").check()
    v.get_by_role("button", name="Verslag opslaan").click()
    expect(page.get_by_text("De jeugdige moet instemmen")).to_be_visible()  # 12-15: both must consent
    v = blok(page, "Verslag schrijven")
    v.get_by_label("Wat is de vraag").fill("Noor wil weer naar school, maar durft niet.")
    v.get_by_label("Wat spreken we af").fill("We maken samen een plan met school.")
    v.get_by_label("Reactie van gezin en jeugdige").fill("Noor vindt dat school het probleem is, niet zij.")
    v.get_by_label("Gezin is het eens met het verslag").uncheck()
    v.get_by_label("Ouders hebben ingestemd").check()
    v.get_by_label("Jeugdige heeft ingestemd").check()
    v.get_by_label("Verslag nu delen met het gezin").check()
    v.get_by_role("button", name="Verslag opslaan").click()
    expect(page.get_by_test_id("verslag")).to_contain_text("Versie 1")
    expect(page.get_by_test_id("verslag")).to_contain_text("niet eens")
    pdf = page.request.get(page.get_by_role("link", name="Versie 1 als PDF").get_attribute("href"))
    assert pdf.status in (200, 503)  # 503 only when Pango is missing, with a clear message
    if pdf.status == 200:
        assert pdf.headers["content-type"] == "application/pdf" and pdf.body()[:4] == b"%PDF"

    # 4. samenwerkingsplan
    p = blok(page, "Plan: doelen en data")
    p.get_by_label("Doelen").fill("Noor gaat na de kerstvakantie weer 3 ochtenden naar school.")
    p.get_by_label("Datum samenwerkoverleg").fill(iso(vandaag))
    p.get_by_label("Evaluatiedatum").fill(iso(vandaag + dt.timedelta(weeks=10)))
    p.get_by_role("button", name="Plan opslaan").click()
    lg = blok(page, "Ik wil / ik kan / ik heb nodig")
    lg.get_by_label("Leefgebied").select_option("onderwijs")
    lg.get_by_label("Ik wil").fill("Weer naar school")
    lg.get_by_label("Ik kan").fill("Elke dag een uur huiswerk")
    lg.get_by_label("Ik heb nodig").fill("Hulp bij angst")
    lg.get_by_role("button", name="Leefgebied toevoegen").click()
    d = blok(page, "Deelnemer toevoegen")
    d.get_by_label("Naam deelnemer").fill("Oma Jansen")
    d.get_by_label("Soort deelnemer").select_option("jim")
    d.get_by_role("button", name="Deelnemer toevoegen").click()
    a = blok(page, "Actie toevoegen")
    a.get_by_label("Actie").fill("Oma brengt Noor op maandag naar school")
    a.get_by_label("Wie doet het").select_option("netwerk")
    a.get_by_label("Naam uitvoerder").fill("Oma Jansen")
    a.get_by_label("Wanneer klaar").fill(iso(vandaag + dt.timedelta(weeks=4)))
    a.get_by_role("button", name="Actie toevoegen").click()
    page.get_by_role("button", name="Plan vaststellen met het gezin").click()
    expect(page.get_by_test_id("status")).to_have_text("Samenwerkingsplan")
    expect(page.get_by_test_id("plan-status")).to_contain_text("Vastgesteld")
    screenshot(page, "toegang-casus-plan")

    # 5. aanvraag (ZIN)
    av = blok(page, "Aanvraag indienen")
    av.get_by_label("Product").select_option(label=str(w["product"]))
    av.get_by_label("Aanbieder (bij zorg in natura)").select_option(label=str(w["aanbieder"]))
    av.get_by_label("Omvang").fill("2")
    av.get_by_label("Eenheid").select_option("04")
    av.get_by_label("Per", exact=True).select_option("2")
    av.get_by_label("Vanaf").fill(iso(vandaag))
    av.get_by_label("Tot en met").fill(iso(vandaag + dt.timedelta(days=180)))
    av.get_by_role("button", name="Aanvraag indienen").click()
    expect(page.get_by_test_id("aanvragen")).to_contain_text("Ingediend, wacht op besluit")
    casus_url = page.url

    # 6. beschikking (ZIN) by the jeugdconsulent, 7. toewijzing with its JW301
    ctx = chromium.new_context(base_url=live_server.url, locale="nl-NL")
    bo = ctx.new_page()
    login(bo, w["consulent"])
    bo.get_by_role("link", name="Aanvragen").first.click()
    bo.get_by_role("link", name="Noor Jansen").click()
    b = blok(bo, "Beschikking maken")
    b.get_by_label("Besluit", exact=True).select_option("toegekend")
    b.get_by_label("Motivering").fill("Noor heeft specialistische hulp nodig; lichte hulp van het CJG is niet genoeg.")
    b.get_by_role("button", name="Beschikking maken").click()
    expect(bo.get_by_test_id("status")).to_have_text("Toegekend")
    expect(bo.get_by_test_id("beschikking")).to_contain_text("Toegekend")
    t = blok(bo, "Toewijzen aan de aanbieder")
    t.get_by_label("Wie heeft de regie tijdens het wachten").fill("Sanne de Vries (CJG)")
    t.get_by_label("Overbruggingszorg tijdens het wachten").fill("Wekelijks belcontact met het CJG")
    t.get_by_role("button", name="Toewijzen en JW301 versturen").click()
    expect(bo.get_by_text("Het toewijzingsbericht (JW301) staat klaar in de outbox.")).to_be_visible()
    expect(bo.get_by_test_id("toewijzingen")).to_contain_text("wacht op start")
    jw301 = Bericht.objects.get(berichtsoort="JW301")
    assert jw301.status == Status.KLAAR and jw301.jeugdige == w["jeugdige"]
    screenshot(bo, "toegang-beschikking-toewijzing")
    ctx.close()

    # 8. a JW305 from the aanbieder is imported; 9. the start shows on the casus
    toewijzing = Toewijzing.objects.get(jeugdige=w["jeugdige"])
    assert (
        inbox.ontvang(jw305_voor(toewijzing, vandaag), bron="test", aanbieder=w["aanbieder"]).status == Status.VERWERKT
    )
    page.goto(casus_url)
    expect(page.get_by_test_id("status")).to_have_text("Hulp loopt")
    expect(page.get_by_test_id("toewijzingen")).to_contain_text(
        f"Gestart op {vandaag.day}-{vandaag.month}-{vandaag.year}"
    )

    # 10. an evaluation in the driehoek
    e = blok(page, "Evaluatie vastleggen")
    e.get_by_label("Toewijzing").select_option(index=1)
    e.get_by_label("Wie waren er bij (jeugdige, CJG, aanbieder)").fill("Noor, Anne, Sanne, Kompas")
    e.get_by_label("Uitkomst").select_option("zo_door")
    e.get_by_role("button", name="Evaluatie opslaan").click()
    expect(page.get_by_test_id("evaluaties")).to_contain_text("Goed zo: zo doorgaan")

    # 11. closure with a waakvlam
    c = blok(page, "Casus afsluiten")
    c.get_by_label("Reden van afsluiten").select_option("volgens_plan")
    c.get_by_label("Wat is er bereikt").fill("Noor gaat weer naar school.")
    c.get_by_label("Waakvlam: eerste contact").fill(iso(vandaag + dt.timedelta(weeks=13)))
    c.get_by_label("Waakvlam: tweede contact").fill(iso(vandaag + dt.timedelta(weeks=52)))
    c.get_by_role("button", name="Afsluiten").click()
    expect(page.get_by_test_id("status")).to_have_text("Afgesloten, waakvlam loopt")
    expect(page.get_by_test_id("waakvlam").locator("li")).to_have_count(2)
    screenshot(page, "toegang-afgesloten-waakvlam")

    # what the family is told: the B1 timeline
    page.get_by_role("link", name="Tijdlijn voor het gezin (afdrukbaar)").click()
    expect(page.get_by_test_id("gebeurd")).to_contain_text("De hulp van Kompas Jeugdhulp is begonnen.")
    expect(page.get_by_test_id("komt")).to_contain_text("Het CJG neemt contact met u op")
    casus = Casus.objects.get()
    assert casus.status == CasusStatus.WAAKVLAM
    assert [o.naar for o in casus.overgangen] == ["plan", "uitvoering", "waakvlam"]
