"""A walk through the demo municipality as each of its users, at a phone's width (375 px) and a desk's (1280 px).

Every page is opened the way its user reaches it, its screenshot is saved under ``test-artifacts/walkthrough/`` (CI
keeps them; a person looks at them), and what a user would trip over is checked on what the browser actually drew:
the page answers, nothing makes a phone scroll sideways, and no code or Python leftovers show instead of words.
"""

from __future__ import annotations

import re
from io import StringIO

from django.core.management import call_command

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from jeugdhulp.accounts.models import User
from jeugdhulp.accounts.totp import demo_hint
from jeugdhulp.casussen.models import Casus
from jeugdhulp.demo.bouwer import DEMO_PASSWORD
from jeugdhulp.hulpvragen.models import Hulpvraag
from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.django_db(transaction=True)

BREEDTES = (375, 1280)
MAP = ARTIFACTS / "walkthrough"

# What must never be drawn for a person: raw role or state codes, Python's None, empty brackets after a name.
LEKKEN = [
    re.compile(r"\b(cjg_medewerker|jeugdconsulent_|aanbieder_medewerker|functioneel_beheerder)\b"),
    re.compile(r"\bNone\b"),
    re.compile(r"\w \(\)"),
]


def _inloggen(page, username: str) -> None:
    page.goto("/medewerkers/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Volgende").click()
    page.wait_for_url("**/inloggen/code/**")
    device = TOTPDevice.objects.get(user__username=username, confirmed=True)
    page.get_by_label("Code uit uw authenticator-app").fill(demo_hint(device))
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/medewerkers/**")


def _bekijk(page, rol: str, naam: str, pad: str, problemen: list[str]) -> None:
    for breedte in BREEDTES:
        page.set_viewport_size({"width": breedte, "height": 900})
        response = page.goto(pad)
        if response is None or response.status >= 400:
            problemen.append(f"{rol} {pad}: HTTP {response.status if response else '—'}")
            continue
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(MAP / f"{rol}-{naam}-{breedte}.png"), full_page=True)
        breed = page.evaluate("document.documentElement.scrollWidth")
        if breed > breedte + 1:
            problemen.append(f"{rol} {pad} at {breedte} px: the page is {breed} px wide")
        tekst = page.locator("main").inner_text() if page.locator("main").count() else page.inner_text("body")
        for patroon in LEKKEN:
            if m := patroon.search(tekst):
                problemen.append(f"{rol} {pad}: shows {m.group(0)!r}")


@pytest.fixture
def demo(live_server):
    call_command("demo", "--scale", "klein", "--seed", "828", stdout=StringIO())
    MAP.mkdir(parents=True, exist_ok=True)


def _pages(rol: str) -> list[tuple[str, str]]:
    """The pages a role opens on a working day, with real objects from the demo."""
    casus = Casus.objects.filter(team__naam="CJG Oss-Noord", status="uitvoering").order_by("pk").first()
    hulpvraag = Hulpvraag.objects.filter(team__naam="CJG Oss-Noord").order_by("-ontvangen_op").first()
    return {
        "ouder": [
            ("home", "/"),
            ("hulpvraag", "/hulpvraag/"),
            ("sociale-kaart", "/sociale-kaart/"),
            ("vraagwijzer", "/sociale-kaart/vraagwijzer/"),
            ("privacy", "/privacy/"),
        ],
        "jeugdige": [("zoeken-18", "/sociale-kaart/?q=18+worden"), ("jongeren", "/voor/jongeren/")],
        "cjg": [
            ("start", "/medewerkers/"),
            ("hulpvragen", "/medewerkers/hulpvragen/"),
            ("hulpvraag", f"/medewerkers/hulpvragen/{hulpvraag.pk}/"),
            ("werkvoorraad", "/medewerkers/casussen/"),
            ("casus", f"/medewerkers/casussen/{casus.pk}/"),
            ("dossier", f"/medewerkers/jeugdigen/{casus.jeugdige_id}/"),
            ("richting-18", "/medewerkers/casussen/richting-18/"),
        ],
        "jeugdconsulent": [
            ("aanvragen", "/medewerkers/besluiten/"),
            ("verzoeken", "/medewerkers/berichten/verzoeken/"),
            ("termijnen", "/medewerkers/berichten/termijnen/"),
            ("berichten", "/medewerkers/berichten/"),
        ],
        "aanbieder": [("jeugdigen", "/medewerkers/jeugdigen/"), ("berichten", "/medewerkers/berichten/")],
        "beleid": [
            ("cijfers", "/medewerkers/cijfers/"),
            ("wachttijden", "/medewerkers/cijfers/wachttijden/"),
            ("inzet", "/medewerkers/cijfers/inzet/"),
            ("financien", "/medewerkers/cijfers/financien/"),
        ],
        "auditor": [("toegangslog", "/medewerkers/toegangslog/")],
    }[rol]


def test_walk_the_demo_as_each_user(page, demo):
    """One demo, every role in turn (a demo build per role would cost minutes). Problems are collected, not stopped
    at, so one run shows everything a user would trip over."""
    problemen: list[str] = []
    for rol in ("ouder", "jeugdige"):
        for naam, pad in _pages(rol):
            _bekijk(page, rol, naam, pad, problemen)
    for rol in ("cjg", "jeugdconsulent", "aanbieder", "beleid", "auditor"):
        assert User.objects.filter(username=rol).exists()
        page.context.clear_cookies()
        page.set_viewport_size({"width": 1280, "height": 900})
        _inloggen(page, rol)
        for naam, pad in _pages(rol):
            _bekijk(page, rol, naam, pad, problemen)
    assert not problemen, "\n".join(problemen)
