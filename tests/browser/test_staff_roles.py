"""Log in through the real login form (password + TOTP) as each role, and see only what that role may."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from jeugdhulp.accounts.roles import Rol
from jeugdhulp.accounts.totp import current_code
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)

# role -> (menu entries it must see, menu entries it must not see)
MENU = {
    Rol.CJG_MEDEWERKER: ({"Jeugdigen"}, {"Cijfers", "Toegangslog", "Beheer"}),
    Rol.JEUGDCONSULENT: ({"Jeugdigen", "Cijfers"}, {"Toegangslog", "Beheer"}),
    Rol.BELEIDSMEDEWERKER: ({"Cijfers"}, {"Jeugdigen", "Toegangslog", "Beheer"}),
    Rol.AANBIEDER_MEDEWERKER: ({"Jeugdigen"}, {"Cijfers", "Toegangslog", "Beheer"}),
    Rol.FUNCTIONEEL_BEHEERDER: ({"Beheer"}, {"Jeugdigen", "Cijfers", "Toegangslog"}),
    Rol.AUDITOR: ({"Toegangslog"}, {"Jeugdigen", "Cijfers", "Beheer"}),
}


def login(page, user):
    page.goto("/medewerkers/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill("Sterk-wachtwoord-123")
    page.get_by_role("button", name="Volgende").click()
    page.wait_for_url("**/inloggen/code/**")
    device = TOTPDevice.objects.get(user=user)
    page.get_by_label("Code uit uw authenticator-app").fill(current_code(device.key))
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/medewerkers/")


def menu(page) -> set[str]:
    return {t.strip() for t in page.locator("nav.site-nav a").all_inner_texts()}


@pytest.mark.parametrize("rol", list(MENU), ids=lambda r: r.value)
def test_each_role_sees_exactly_its_menu(page, wereld, rol):
    login(page, wereld["users"][rol])
    must, must_not = MENU[rol]
    seen = menu(page)
    assert must <= seen
    assert not (must_not & seen)
    screenshot(page, f"home-{rol.value}")


def test_cjg_worker_opens_own_dossier_but_not_another_teams(page, wereld):
    login(page, wereld["users"][Rol.CJG_MEDEWERKER])
    page.get_by_role("link", name="Jeugdigen").first.click()
    assert page.get_by_role("link", name="Sam Eigenteam").is_visible()
    assert page.get_by_text("Anderteam").count() == 0
    page.get_by_role("link", name="Sam Eigenteam").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Sam Eigenteam"
    assert page.get_by_text(wereld["eigen"].bsn).is_visible()
    assert page.get_by_role("heading", name="Relaties en netwerk").is_visible()
    screenshot(page, "dossier-cjg")
    response = page.goto(f"/medewerkers/jeugdigen/{wereld['ander_team'].pk}/")
    assert response.status == 404


def test_auditor_sees_the_trail_of_a_dossier_read(page, chromium, live_server, wereld):
    # A CJG worker reads a dossier in one browser; the auditor finds that read in another.
    login(page, wereld["users"][Rol.CJG_MEDEWERKER])
    page.goto(f"/medewerkers/jeugdigen/{wereld['eigen'].pk}/")
    auditor_context = chromium.new_context(base_url=live_server.url)
    auditor = auditor_context.new_page()
    login(auditor, wereld["users"][Rol.AUDITOR])
    auditor.get_by_role("link", name="Toegangslog").first.click()
    auditor.get_by_label("BSN jeugdige").fill(wereld["eigen"].bsn)
    auditor.get_by_role("button", name="Zoeken").click()
    auditor.wait_for_url("**bsn=*")
    rows = auditor.locator("tbody tr")
    expect(rows.filter(has_text=str(Rol.CJG_MEDEWERKER.label)).filter(has_text="bekeken").first).to_be_visible()
    expect(rows.filter(has_text="cjg_medewerker")).to_have_count(0)  # roles in words, not codes (issue 14 §6)
    expect(rows.filter(has_text="Anderteam")).to_have_count(0)
    screenshot(auditor, "toegangslog-auditor")
    auditor_context.close()


def test_policy_user_sees_aggregates_without_names(page, wereld):
    login(page, wereld["users"][Rol.BELEIDSMEDEWERKER])
    page.get_by_role("link", name="Cijfers").first.click()
    page.wait_for_url("**/medewerkers/cijfers/**")
    expect(page.locator("main")).to_contain_text("Jeugdhulp in")  # waits for the page, not a race with the click
    body = page.locator("main").inner_text()
    for key in ("eigen", "ander_team", "andere_gemeente"):
        assert wereld[key].bsn not in body
        assert wereld[key].geslachtsnaam not in body
    assert "<5" in body  # the tiny test world is all small cells
