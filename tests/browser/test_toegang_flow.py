"""The access process end to end in a real browser, as a CJG worker and a jeugdconsulent would do it:
phone call → casus opened from the same screen → vraagverheldering with a shared verslag → samenwerkingsplan →
aanvraag → beschikking (ZIN) → toewijzing with its JW301 in the outbox → JW305 imported → start shown → evaluation
→ closure with waakvlam.

The CJG worker's path is measured (issue 14 §2.6): the screens they see and the fields they fill in. Before the
redesign the same path (this test at commit 937f90d, counted by wrapping Playwright's fill/check/select) took
3 screens (new hulpvraag, hulpvraag, casus) and 43 field entries (49 with the consent retry)."""

import re

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from jeugdhulp.berichten import inbox
from jeugdhulp.berichten.models import Bericht, Status
from jeugdhulp.casussen.models import Casus, CasusStatus
from jeugdhulp.toewijzingen.models import Toewijzing
from tests.browser.conftest import run_axe, screenshot
from tests.browser.test_staff_roles import login
from tests.toegang.factories import jw305_voor, toegang_wereld

pytestmark = pytest.mark.django_db(transaction=True)

VOOR_SCHERMEN, VOOR_VELDEN = 3, 43


def blok(page, titel):
    """Open a collapsible step on the page and return it, so labels are looked up inside that form only."""
    details = page.locator("details", has=page.locator("summary", has_text=titel)).first
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    return details


class Teller:
    """Counts what the worker does: every field filled, chosen or ticked, and every distinct screen (page title)
    on which they enter something. Lists passed through (the intake queue) are not screens of the path."""

    def __init__(self, page):
        self.page, self.velden, self.schermen = page, [], []

    def tel(self, waarde):
        self.velden.append(waarde)
        titel = re.sub(r"\d+", "N", self.page.title().split("·")[0].strip())
        if titel not in self.schermen:
            self.schermen.append(titel)

    def vul(self, locator, waarde):
        self.tel(waarde)
        locator.fill(waarde)

    def kies(self, locator, **kwargs):
        self.tel(kwargs)
        locator.select_option(**kwargs)

    def vink(self, locator):
        self.tel("✓")
        locator.check()


def beide_breedtes(page, naam):
    """Screenshots at 375 px (phone) and 1280 px (desktop)."""
    for breedte, hoogte in ((375, 800), (1280, 900)):
        page.set_viewport_size({"width": breedte, "height": hoogte})
        assert page.evaluate("document.documentElement.scrollWidth") <= breedte, "the page scrolls sideways"
        screenshot(page, f"{naam}-{breedte}")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_phone_call_to_closure_with_waakvlam(page, chromium, live_server):
    w = toegang_wereld()
    vandaag = timezone.localdate()
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, w["cjg"])
    t = Teller(page)

    # 1. a phone call: the worker has the mother on the line and opens the casus from the same screen
    page.get_by_role("link", name="Hulpvragen").first.click()
    page.get_by_role("link", name="Nieuwe hulpvraag vastleggen").click()
    expect(page.get_by_label("Hoe kwam de vraag binnen?")).to_have_value("telefoon")
    expect(page.get_by_label("Wie vraagt")).to_have_value("ouder")
    t.vul(page.get_by_label("Naam van de vrager"), "Anne Jansen")
    t.vul(page.get_by_label("Telefoonnummer"), "0612345678")
    t.vul(
        page.get_by_label("De vraag, in de woorden van de vrager"),
        "Noor komt haar kamer niet meer uit en gaat niet naar school.",
    )
    t.vink(page.get_by_label("School", exact=True))
    t.vul(page.get_by_label("BSN van het kind"), w["jeugdige"].bsn)
    beide_breedtes(page, "toegang-1-telefoon")
    page.get_by_role("button", name="Vastleggen en casus openen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Casus Noor Jansen")
    expect(page.get_by_test_id("status")).to_have_text("Vraagverheldering")
    expect(page.get_by_test_id("volgende")).to_contain_text("Voer het eerste gesprek en leg het vast")
    expect(page.get_by_test_id("betrokkenen")).to_contain_text("Anne Jansen (ouder) — 06-12345678")
    beide_breedtes(page, "toegang-2-casus-nieuw")
    assert run_axe(page) == []

    # 2. vraagverheldering: who was there is prefilled; the verslag starts from the question
    g = blok(page, "Gesprek vastleggen")
    expect(g.get_by_label("Wie waren er bij")).to_have_value(re.compile("Anne Jansen \\(ouder\\).*Sanne"))
    t.vul(g.get_by_label("Samenvatting"), "Thuis besproken wat er speelt.")
    g.get_by_role("button", name="Gesprek opslaan").click()
    expect(page.get_by_text("Het gesprek is vastgelegd.")).to_be_visible()
    expect(page.get_by_test_id("volgende")).to_contain_text("kort verslag")
    v = blok(page, "Verslag schrijven")
    expect(v.get_by_label("Wat is de vraag")).to_have_value(re.compile("Noor komt haar kamer niet meer uit"))
    expect(v.get_by_label("Gezin is het eens met het verslag")).not_to_be_checked()
    t.vul(v.get_by_label("Wat spreken we af"), "We maken samen een plan met school.")
    t.vul(v.get_by_label("Reactie van gezin en jeugdige"), "Noor vindt dat school het probleem is, niet zij.")
    t.vink(v.get_by_label("Ouders hebben ingestemd"))
    v.get_by_role("button", name="Opslaan en delen met het gezin").click()
    fout = page.locator("#verslag_akkoord_jeugdige_error")  # 12-15: both must consent; the error is at the box
    expect(fout).to_contain_text("De jeugdige moet instemmen")
    expect(page.get_by_test_id("foutsamenvatting")).to_contain_text("nog niet opgeslagen")
    v = blok(page, "Verslag schrijven")
    expect(v.get_by_label("Wat spreken we af")).to_have_value("We maken samen een plan met school.")  # nothing lost
    t.vink(v.get_by_label("Jeugdige heeft ingestemd"))
    v.get_by_role("button", name="Opslaan en delen met het gezin").click()
    expect(page.get_by_test_id("verslag")).to_contain_text("Versie 1")
    expect(page.get_by_test_id("verslag")).to_contain_text("niet eens")
    pdf = page.request.get(page.get_by_role("link", name="Versie 1 als PDF").get_attribute("href"))
    assert pdf.status in (200, 503)  # 503 only when Pango is missing, with a clear message
    if pdf.status == 200:
        assert pdf.headers["content-type"] == "application/pdf" and pdf.body()[:4] == b"%PDF"

    # 3. samenwerkingsplan: dates prefilled, one leefgebied in the same form, people chosen from a list
    p = blok(page, "Plan: doelen, data")
    t.vul(p.get_by_label("Doelen"), "Noor gaat na de kerstvakantie weer 3 ochtenden naar school.")
    t.kies(p.get_by_label("Leefgebied"), value="onderwijs")
    t.vul(p.get_by_label("Ik wil"), "Weer naar school")
    t.vul(p.get_by_label("Ik kan"), "Elke dag een uur huiswerk")
    t.vul(p.get_by_label("Ik heb nodig"), "Hulp bij angst")
    p.get_by_role("button", name="Plan opslaan").click()
    expect(page.get_by_test_id("leefgebieden")).to_contain_text("School en opleiding")
    d = blok(page, "Deelnemer toevoegen")
    t.vul(d.get_by_label("Naam deelnemer"), "Oma Jansen")
    t.kies(d.get_by_label("Soort deelnemer"), value="jim")
    d.get_by_role("button", name="Deelnemer toevoegen").click()
    a = blok(page, "Actie toevoegen")
    t.vul(a.get_by_label("Actie"), "Oma brengt Noor op maandag naar school")
    t.kies(a.get_by_label("Wie doet het"), value="netwerk|Oma Jansen")
    a.get_by_role("button", name="Actie toevoegen").click()
    expect(page.get_by_test_id("acties")).to_contain_text("Oma Jansen (gezin of netwerk)")
    page.get_by_role("button", name="Plan vaststellen met het gezin").click()
    expect(page.get_by_test_id("status")).to_have_text("Samenwerkingsplan")
    expect(page.get_by_test_id("plan-status")).to_contain_text("Vastgesteld")
    expect(page.get_by_test_id("volgende")).to_contain_text("Oma Jansen: Oma brengt Noor op maandag naar school")
    beide_breedtes(page, "toegang-3-casus-plan")

    # 4. aanvraag (ZIN): the period starts filled in
    av = blok(page, "Aanvraag indienen")
    t.kies(av.get_by_label("Product"), label=str(w["product"]))
    t.kies(av.get_by_label("Aanbieder (bij zorg in natura)"), label=str(w["aanbieder"]))
    t.vul(av.get_by_label("Omvang"), "2")
    t.kies(av.get_by_label("Eenheid"), value="04")
    t.kies(av.get_by_label("Per", exact=True), value="2")
    av.get_by_role("button", name="Aanvraag indienen").click()
    expect(page.get_by_test_id("aanvragen")).to_contain_text("Ingediend, wacht op besluit")
    expect(page.get_by_test_id("komt")).to_contain_text("Besluit over de aanvraag (jeugdconsulent)")  # worker wording
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
    tw = blok(bo, "Toewijzen aan de aanbieder")
    tw.get_by_label("Wie heeft de regie tijdens het wachten").fill("Sanne de Vries (CJG)")
    tw.get_by_label("Overbruggingszorg tijdens het wachten").fill("Wekelijks belcontact met het CJG")
    tw.get_by_role("button", name="Toewijzen en JW301 versturen").click()
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

    # 10. an evaluation in the driehoek (the only toewijzing is chosen already)
    e = blok(page, "Evaluatie vastleggen")
    t.vul(e.get_by_label("Wie waren er bij (jeugdige, CJG, aanbieder)"), "Noor, Anne, Sanne, Kompas")
    t.kies(e.get_by_label("Uitkomst"), value="zo_door")
    e.get_by_role("button", name="Evaluatie opslaan").click()
    expect(page.get_by_test_id("evaluaties")).to_contain_text("Goed zo: zo doorgaan")

    # 11. closure with a waakvlam (after 3 months and a year, filled in); oma's open action is not lost
    c = blok(page, "Casus afsluiten")
    expect(c.get_by_label("Reden van afsluiten")).to_have_value("volgens_plan")
    t.vul(c.get_by_label("Wat is er bereikt"), "Noor gaat weer naar school.")
    c.get_by_role("button", name="Afsluiten met waakvlam").click()
    expect(page.locator("#afsluiten_open_acties_error")).to_contain_text("Er staan nog 1 acties open")
    expect(page.get_by_test_id("status")).to_have_text("Hulp loopt")  # nothing half-written
    c = blok(page, "Casus afsluiten")
    t.vink(c.get_by_label("De open acties lopen door na het afsluiten"))
    c.get_by_role("button", name="Afsluiten met waakvlam").click()
    expect(page.get_by_test_id("status")).to_have_text("Afgesloten, waakvlam loopt")
    expect(page.get_by_test_id("waakvlam").locator("li")).to_have_count(2)
    expect(page.get_by_test_id("acties")).to_contain_text("Oma brengt Noor op maandag naar school")
    expect(page.get_by_test_id("volgende")).to_contain_text("Waakvlamcontact")
    beide_breedtes(page, "toegang-4-afgesloten-waakvlam")
    assert run_axe(page) == []

    # the measurement: fewer screens and fewer fields than before the redesign
    print(f"\nCJG path: {len(t.schermen)} screens {t.schermen}, {len(t.velden)} fields")
    assert t.schermen == ["Nieuwe hulpvraag", "Casus Noor Jansen"]
    assert len(t.schermen) < VOOR_SCHERMEN and len(t.velden) < VOOR_VELDEN

    # what the family is told: the B1 timeline
    page.get_by_role("link", name="Tijdlijn voor het gezin (afdrukbaar)").click()
    expect(page.get_by_test_id("gebeurd")).to_contain_text("De hulp van Kompas Jeugdhulp is begonnen.")
    expect(page.get_by_test_id("komt")).to_contain_text("Het CJG neemt contact met u op")
    casus = Casus.objects.get()
    assert casus.status == CasusStatus.WAAKVLAM
    assert [o.naar for o in casus.overgangen] == ["plan", "uitvoering", "waakvlam"]


def test_vraagverheldering_without_bsn_shows_errors_at_their_fields(page, live_server):
    """The triage form no longer 'does nothing': without a first name the error is next to the field, then a first
    name and the parent's age of the child are enough to start (the BSN follows before an aanvraag)."""
    from jeugdhulp.hulpvragen import services as hulpvragen

    w = toegang_wereld()
    h = hulpvragen.registreer(
        gemeente=w["oss"], team=w["team"], vrager="ouder", kanaal="website", vraag="Daan slaapt slecht.",
        leeftijd_kind=8, naam="Anne de Vries", telefoon="0612345678", bereikbaar="na 15.00 uur",
    )  # fmt: skip
    page.set_viewport_size({"width": 375, "height": 800})
    login(page, w["cjg"])
    page.goto(f"/medewerkers/hulpvragen/{h.pk}/")
    expect(page.get_by_test_id("leeftijd")).to_have_text("8 jaar")
    expect(page.get_by_test_id("contact")).to_contain_text("na 15.00 uur")
    page.get_by_role("button", name="Naar vraagverheldering").click()
    expect(page.locator("#vv_voornamen_error")).to_be_visible()
    page.get_by_test_id("foutsamenvatting").get_by_role("link", name="Naar het formulier").click()
    expect(page.get_by_label("Voornaam van het kind")).to_be_in_viewport()
    screenshot(page, "toegang-triage-fout-375")
    assert run_axe(page) == []
    page.get_by_label("Voornaam van het kind").fill("Daan")
    page.get_by_role("button", name="Naar vraagverheldering").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Casus Daan de Vries")
    expect(page.get_by_test_id("geen-bsn")).to_be_visible()
    expect(page.get_by_test_id("aanvraag-bsn")).to_be_visible()
    screenshot(page, "toegang-casus-zonder-bsn-375")
    # the family gives the BSN later: it is added on the casus, and then an aanvraag is possible
    j = blok(page, "BSN of geboortedatum aanvullen")
    j.get_by_label("BSN van de jeugdige").fill("999990019")
    j.get_by_role("button", name="Aanvullen").click()
    expect(page.get_by_test_id("geen-bsn")).to_have_count(0)
    expect(page.locator("summary", has_text="Aanvraag indienen")).to_be_visible()


def test_on_a_phone_the_deadline_and_status_of_every_list_row_are_on_screen(page, live_server):
    """Issue 14 §2, second round: at 375 px the hulpvragen and werkvoorraad lists stack each row as a card, so the
    deadline, the jeugdige and the status are visible without scrolling sideways inside the table's box."""
    from jeugdhulp.hulpvragen import services as hulpvragen

    w = toegang_wereld()
    hulpvragen.registreer(
        gemeente=w["oss"], team=w["team"], vrager="ouder", kanaal="telefoon", naam="Anne de Vries",
        vraag="Onze zoon van 9 heeft veel driftbuien en we weten niet meer wat we moeten doen.", jeugdige=w["jeugdige"],
    )  # fmt: skip
    page.set_viewport_size({"width": 375, "height": 800})
    login(page, w["cjg"])
    for pad, tabel in (("/medewerkers/hulpvragen/", "wachtrij"), ("/medewerkers/casussen/?team=1", "termijnen")):
        page.goto(pad)
        rij = page.get_by_test_id(tabel).first.locator("tbody tr").first
        for cel in rij.locator("td").all():
            box = cel.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 375, (pad, cel.inner_text())
            label = cel.evaluate("c => getComputedStyle(c, '::before').content")
            assert label.strip('"').endswith(": "), (pad, label)  # each value says what it is
        screenshot(page, f"toegang-lijst-kaarten-{tabel}-375")


def test_the_phone_form_asks_what_the_online_form_asks_and_summarises_errors_on_top(page, live_server):
    """On a phone the BSN field is far down the intake form: the error summary at the top links to it."""
    w = toegang_wereld()
    page.set_viewport_size({"width": 375, "height": 800})
    login(page, w["cjg"])
    page.goto("/medewerkers/hulpvragen/nieuw/")
    expect(page.get_by_label("Wanneer is de beller goed bereikbaar?")).to_be_visible()
    expect(page.get_by_text("Mag het CJG overleggen met school of huisarts?")).to_be_visible()
    page.get_by_label("Naam van de vrager").fill("Anne Jansen")
    page.get_by_label("De vraag, in de woorden van de vrager").fill("Noor gaat niet naar school.")
    page.get_by_label("BSN van het kind").fill("123")
    page.get_by_role("button", name="Hulpvraag vastleggen").click()
    samenvatting = page.get_by_test_id("formulierfout")
    expect(samenvatting).to_be_in_viewport()
    screenshot(page, "toegang-telefoon-foutsamenvatting-375")
    samenvatting.get_by_role("link", name=re.compile("BSN van het kind")).click()
    expect(page.get_by_label("BSN van het kind")).to_be_in_viewport()
