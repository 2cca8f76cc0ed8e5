"""Issue 15 §6 and §2 in a real browser: the monitor's Vega-Lite charts draw under the Content-Security-Policy with
no violation, and the aanbieder finds a newly assigned jeugdige at once but no longer one whose toewijzing ended."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

import pytest

from jeugdhulp.accounts.roles import Rol
from tests import factories
from tests.browser.conftest import screenshot
from tests.browser.test_staff_roles import login

pytestmark = pytest.mark.django_db(transaction=True)

LUISTER = """document.addEventListener('securitypolicyviolation', e => {
  (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile);
});"""


def _schendingen(page) -> list[str]:
    return page.evaluate("window.__csp || []")


def test_monitor_charts_draw_under_the_csp(page, wereld):
    vandaag = dt.date.today()
    product = factories.ProductFactory(categorie="45")
    for i in range(6):
        j = factories.JeugdigeFactory(gemeente=wereld["oss"])
        datum = vandaag - dt.timedelta(days=20 * i)
        factories.ToewijzingFactory(jeugdige=j, aanbieder=wereld["aanbieder_a"], product=product,
                                    toewijzingnummer=700 + i, toewijzingsdatum=datum, ingangsdatum=datum,
                                    einddatum=vandaag + dt.timedelta(days=200))  # fmt: skip
    page.add_init_script(LUISTER)
    fouten = []
    page.on("pageerror", lambda e: fouten.append(str(e)))
    login(page, wereld["users"][Rol.BELEIDSMEDEWERKER])
    response = page.goto(reverse("monitor:wachttijden"))
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector("[data-grafiek] svg")
    tekeningen = page.locator("[data-grafiek]")
    assert tekeningen.count() >= 1
    for i in range(tekeningen.count()):  # every chart drawn (a failed one would be hidden)
        assert tekeningen.nth(i).locator("svg").count() == 1
    assert page.locator("style").count() == 0  # neither htmx nor vega-embed injected a <style> element
    screenshot(page, "csp-monitor-wachttijden")
    assert _schendingen(page) == [] and fouten == []


def test_aanbieder_finds_the_new_jeugdige_and_not_the_ended_one(page, wereld):
    vandaag = dt.date.today()
    oss, kompas = wereld["oss"], wereld["aanbieder_a"]
    nieuw = factories.JeugdigeFactory(gemeente=oss, voornamen="Sanne", voorvoegsel="van", geslachtsnaam="Hoof")
    factories.ToewijzingFactory(
        jeugdige=nieuw, aanbieder=kompas, toewijzingsdatum=vandaag, ingangsdatum=vandaag, einddatum=None
    )
    oud = factories.JeugdigeFactory(gemeente=oss, voornamen="Yusuf", voorvoegsel="van den", geslachtsnaam="Berg")
    begin = dt.date(2024, 1, 5)
    factories.ToewijzingFactory(
        jeugdige=oud, aanbieder=kompas, toewijzingsdatum=begin, ingangsdatum=begin, einddatum=begin + dt.timedelta(200)
    )
    page.add_init_script(LUISTER)
    login(page, wereld["users"][Rol.AANBIEDER_MEDEWERKER])
    page.get_by_role("link", name="Jeugdigen").first.click()
    page.get_by_label("Zoek op naam of BSN").fill("Sanne van Hoof")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Sanne van Hoof").click()
    assert page.get_by_text(nieuw.bsn).count() >= 1
    screenshot(page, "csp-aanbieder-nieuwe-jeugdige")
    page.goto(reverse("jeugdigen:lijst") + f"?q={oud.bsn}")
    assert page.get_by_test_id("aantal").inner_text() == "0 jeugdigen"
    assert page.goto(reverse("jeugdigen:dossier", args=[oud.pk])).status == 404
    assert _schendingen(page) == []
