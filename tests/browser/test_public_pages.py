"""Public pages: axe-core reports 0 violations, keyboard reaches the content, and nothing comes from a third party."""

import pytest

from tests.browser.conftest import run_axe, screenshot

PUBLIC_PAGES = {"landing": "/", "login": "/medewerkers/inloggen/"}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", list(PUBLIC_PAGES))
@pytest.mark.parametrize("width", [375, 1280])
def test_public_page_is_accessible(page, name, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(PUBLIC_PAGES[name])
    violations = run_axe(page)
    assert violations == [], violations
    screenshot(page, f"{name}-{width}")


@pytest.mark.django_db(transaction=True)
def test_skip_link_is_the_first_tab_stop(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Naar de inhoud"
    page.keyboard.press("Enter")
    page.wait_for_url("**/#inhoud", timeout=5000)  # the skip link moves to the main content


@pytest.mark.django_db(transaction=True)
def test_landing_shows_the_emergency_numbers(page):
    page.goto("/")
    banner = page.get_by_role("region", name="Hulp bij nood")
    assert "112" in banner.inner_text()
    assert "0800-2000" in banner.inner_text()
