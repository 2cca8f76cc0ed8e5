"""The public CJG site in a real browser: axe on every public page (0 violations) at phone and desktop width,
keyboard use, and the whole journey of a new parent: search "mijn kind wordt gepest", find the CJG and a fitting
service, submit a hulpvraag; then a CJG worker sees it in the intake queue."""

import pytest

from jeugdhulp.socialekaart import services as kaart_services
from tests.browser.conftest import run_axe, screenshot
from tests.browser.test_staff_roles import login
from tests.socialekaart.factories import bouw_kaart

PAGINAS = {
    "home": "/", "ouders": "/voor/ouders/", "jongeren": "/voor/jongeren/", "onderwerp": "/onderwerp/pesten/",
    "contact": "/contact/", "privacy": "/privacy/", "zoeken": "/sociale-kaart/?q=mijn+kind+wordt+gepest",
    "vraagwijzer": "/sociale-kaart/vraagwijzer/?wie=ouder", "hulpvraag": "/hulpvraag/",
    "verstuurd": "/hulpvraag/verstuurd/", "folder": "/folder/", "professionals": "/professionals/?soort=basisschool",
    "agenda": "/professionals/agenda/", "home-en": "/en/", "hulpvraag-pl": "/pl/hulpvraag/",
}  # fmt: skip


@pytest.fixture
def kaart(transactional_db):
    return bouw_kaart()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [375, 1280])
def test_every_public_page_has_no_axe_violations(page, kaart, width):
    page.set_viewport_size({"width": width, "height": 900})
    paden = {**PAGINAS, "dienst": f"/sociale-kaart/dienst/{kaart['hulp_pesten'].pk}/",
             "controleren": f"/sociale-kaart/controleren/{kaart_services.controle_token(kaart['cjg'])}/"}  # fmt: skip
    alle = {}
    for naam, pad in paden.items():
        page.goto(pad)
        alle[naam] = run_axe(page)
        screenshot(page, f"publiek-{naam}-{width}")
    assert {k: v for k, v in alle.items() if v} == {}


@pytest.mark.django_db(transaction=True)
def test_no_public_page_scrolls_sideways_on_a_phone(page, kaart):
    """At 375 px nothing is wider than the screen (the privacy table once made the page 392 px wide)."""
    page.set_viewport_size({"width": 375, "height": 900})
    breed = {}
    for naam, pad in {
        **PAGINAS,
        "privacy-pl": "/pl/privacy/",
        "dienst": f"/sociale-kaart/dienst/{kaart['hulp_pesten'].pk}/",
    }.items():
        page.goto(pad)
        breedte = page.evaluate("document.documentElement.scrollWidth")
        if breedte > 375:
            breed[naam] = breedte
    assert breed == {}


@pytest.mark.django_db(transaction=True)
def test_form_errors_are_accessible_and_input_is_kept(page, kaart):
    page.goto("/hulpvraag/")
    page.get_by_label("Wat is je vraag?").fill("Mijn dochter wil niet meer naar school.")
    page.get_by_role("button", name="Verstuur mijn vraag").click()
    assert page.get_by_role("alert").is_visible()
    assert page.get_by_label("Wat is je vraag?").input_value() == "Mijn dochter wil niet meer naar school."
    assert run_axe(page) == []
    screenshot(page, "publiek-hulpvraag-fouten-375")


@pytest.mark.django_db(transaction=True)
def test_keyboard_reaches_search_and_results(page, kaart):
    page.goto("/sociale-kaart/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Naar de inhoud"
    page.get_by_label("Waar zoek je hulp bij?").focus()
    page.keyboard.type("gepest")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sociale-kaart/?q=gepest*")
    assert page.get_by_role("link", name="Hulp bij pesten").is_visible()


@pytest.mark.django_db(transaction=True)
def test_parent_finds_help_asks_online_and_the_cjg_sees_it(page, chromium, live_server, kaart):
    page.set_viewport_size({"width": 375, "height": 900})
    page.goto("/")
    page.get_by_label("Waar zoek je hulp bij?").fill("mijn kind wordt gepest")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Hulp bij pesten").click()
    assert "Centrum Jeugd en Gezin Oss" in page.locator("main").inner_text()
    page.get_by_role("link", name="Stel je vraag online").first.click()
    page.get_by_label("Wat is je vraag?").fill("Mijn zoon van 9 wordt gepest op school. Wat kan ik doen?")
    page.get_by_label("Ik ben ouder of verzorger").check()
    page.get_by_label("Hoe oud is het kind of de jongere?").fill("9")
    page.get_by_label("Waar woon je?").select_option(label="Ruwaard")
    page.get_by_label("Bellen").check()
    page.get_by_label("Telefoonnummer").fill("06-12345678")
    page.get_by_role("button", name="Verstuur mijn vraag").click()
    page.wait_for_url("**/hulpvraag/verstuurd/")
    assert "uiterlijk op" in page.locator("main").inner_text()
    screenshot(page, "publiek-flow-verstuurd-375")

    from tests import factories

    medewerker = factories.UserFactory(username="cjg.noord", rol="cjg_medewerker", team=kaart["team"])
    staff = chromium.new_context(base_url=live_server.url, locale="nl-NL").new_page()
    login(staff, medewerker)
    staff.goto("/medewerkers/hulpvragen/")
    assert "Mijn zoon van 9 wordt gepest" in staff.locator("main").inner_text()
    screenshot(staff, "publiek-flow-wachtrij-1280")
    staff.context.close()


# Every public form with a choice control: the page, and how to reach a radio group / checkbox on it.
KEUZEFORMULIEREN = {
    "hulpvraag-radio": ("/hulpvraag/", "input[name=vrager]"),
    "hulpvraag-meerkeuze": ("/hulpvraag/", "input[name=onderwerpen]"),
    "hulpvraag-vinkje": ("/hulpvraag/", "input[name=toestemming_overleg]"),
    "vraagwijzer-wie": ("/sociale-kaart/vraagwijzer/", "input[name=wie]"),
    "vraagwijzer-leeftijd": ("/sociale-kaart/vraagwijzer/?wie=ouder", "input[name=leeftijd]"),
    "zoeken-vinkje": ("/sociale-kaart/", "input[name=zonder_verwijzing]"),
}
GETEKEND = """el => { const s = getComputedStyle(el);
    return [s.backgroundColor, s.backgroundImage, s.borderColor, s.borderWidth, s.boxShadow, s.outlineStyle,
            s.getPropertyValue('--_utrecht-radio-button-icon-size')].join('|'); }"""


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [375, 1280])
def test_a_chosen_option_looks_chosen_on_every_public_form(page, kaart, width):
    """A parent sees what they chose: checking a control changes how it is drawn (pixels and computed style),
    multiple choice is a checkbox, and focus is visible."""
    page.set_viewport_size({"width": width, "height": 900})
    for naam, (pad, selector) in KEUZEFORMULIEREN.items():
        page.goto(pad)
        controle = page.locator(selector).nth(1 if page.locator(selector).count() > 1 else 0)
        if naam == "hulpvraag-meerkeuze":
            assert controle.get_attribute("type") == "checkbox", "multiple choice must be drawn as checkboxes"
        page.mouse.move(0, 0)
        voor_stijl, voor_beeld = controle.evaluate(GETEKEND), controle.screenshot()
        controle.check()
        page.mouse.move(0, 0)
        page.locator("h1").click()  # move focus away: the difference is the checked state, not the focus ring
        na_stijl, na_beeld = controle.evaluate(GETEKEND), controle.screenshot()
        assert voor_stijl != na_stijl, f"{naam}: checked looks the same as unchecked ({voor_stijl})"
        assert voor_beeld != na_beeld, f"{naam}: the checked control draws the same pixels"
        controle.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # keyboard focus: :focus-visible
        assert controle.evaluate("el => getComputedStyle(el).outlineStyle") != "none", f"{naam}: focus not visible"
        screenshot(page, f"publiek-keuze-{naam}-{width}")
