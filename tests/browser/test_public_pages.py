"""Public pages: axe-core reports 0 violations, keyboard reaches the content, and nothing comes from a third party."""

import re

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


# --- weight: what a parent's phone downloads -----------------------------------------------------------------------
GEWOGEN = ["/", "/hulpvraag/", "/sociale-kaart/vraagwijzer/?wie=ouder", "/sociale-kaart/", "/pl/", "/privacy/"]
MAX_OVERDRACHT = 100 * 1024


@pytest.fixture
def productie_server(transactional_db, settings, tmp_path):
    """The site as production serves it: DEBUG off, `collectstatic` run (hashed names, brotli/gzip copies), and
    WhiteNoise answering /static/ (no test static handler in between)."""
    from django.core.management import call_command
    from django.db import connections
    from django.test.testcases import LiveServerThread

    from tests.socialekaart.factories import bouw_kaart

    settings.DEBUG = False
    settings.STATIC_ROOT = str(tmp_path / "static")
    # The monitor's chart libraries (1 MB of JavaScript, no public page loads them) are left out: brotli is slow.
    call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=["vega*"])
    bouw_kaart()
    gedeeld = {}
    for conn in connections.all():
        if conn.vendor == "sqlite" and conn.is_in_memory_db():
            gedeeld[conn.alias] = conn
            conn.inc_thread_sharing()
    thread = LiveServerThread("127.0.0.1", lambda handler: handler, gedeeld, 0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()
    for conn in gedeeld.values():
        conn.dec_thread_sharing()


def test_public_pages_transfer_less_than_100_kb(chromium, productie_server):
    """Sum of what goes over the wire (headers and encoded bodies) for a first visit with an empty cache; static
    files are compressed and cache-busted (a hashed name cached for a year)."""
    gewicht = {}
    for pad in GEWOGEN:
        context = chromium.new_context(base_url=productie_server, locale="nl-NL")
        pagina = context.new_page()
        antwoorden = []
        pagina.on("requestfinished", lambda request, antwoorden=antwoorden: antwoorden.append(request))
        pagina.goto(pad)
        pagina.wait_for_load_state("networkidle")
        totaal = 0
        for request in antwoorden:
            maten = request.sizes()
            totaal += maten["responseBodySize"] + maten["responseHeadersSize"]
            if "/static/" in request.url and request.url.endswith(".css"):
                antwoord = request.response()
                assert re.search(r"\.[0-9a-f]{12}\.css$", request.url), f"not cache-busted: {request.url}"
                assert antwoord.header_value("content-encoding") in {"br", "gzip"}, request.url
                assert "max-age=315360000" in (antwoord.header_value("cache-control") or ""), request.url
        gewicht[pad] = totaal
        context.close()
    print("transferred per page (bytes):", gewicht)
    assert all(b < MAX_OVERDRACHT for b in gewicht.values()), gewicht
