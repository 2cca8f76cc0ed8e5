"""Every public page answers in Dutch, English and Polish, stays light, and the redacteur can keep it current."""

import datetime as dt
import gzip
import re

from django.contrib.staticfiles import finders
from django.urls import reverse

import pytest

from jeugdhulp.accounts.roles import Rol
from jeugdhulp.publiek.models import Pagina
from jeugdhulp.socialekaart import services as kaart_services
from jeugdhulp.socialekaart.models import Correctieverzoek
from tests import factories
from tests.conftest import login_verified

PAGINAS = ["/", "/voor/ouders/", "/voor/jongeren/", "/onderwerp/pesten/", "/contact/", "/privacy/", "/sociale-kaart/",
           "/sociale-kaart/?q=mijn+kind+wordt+gepest&leeftijd=9&zonder_verwijzing=on", "/sociale-kaart/vraagwijzer/",
           "/sociale-kaart/vraagwijzer/?wie=ouder&leeftijd=4-12", "/hulpvraag/", "/hulpvraag/verstuurd/", "/folder/",
           "/professionals/", "/professionals/?soort=basisschool", "/professionals/agenda/"]  # fmt: skip
MAX_GEWICHT = 200 * 1024


@pytest.mark.parametrize("pad", PAGINAS)
@pytest.mark.parametrize("taal", ["", "/en", "/pl"])
def test_public_pages_answer_in_every_language(client, kaart, pad, taal):
    response = client.get(taal + pad)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{taal.strip("/") or "nl"}"' in html
    assert "0800-2000" in html  # the emergency banner is on every page


def test_key_pages_are_translated(client, kaart):
    assert "Ask your question online" in client.get("/en/").content.decode()
    assert "Zadaj pytanie online" in client.get("/pl/").content.decode()
    assert "Stel je vraag online" in client.get("/").content.decode()


def test_staff_urls_stay_dutch_and_unprefixed(client):
    response = client.get("/medewerkers/inloggen/", HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="nl"' in response.content.decode()


def test_dienst_page_shows_freshness_and_wait(client, kaart):
    html = client.get(reverse("publiek:dienst", args=[kaart["behandeling"].pk])).content.decode()
    assert "Laatst gecontroleerd" in html and "ongeveer 6 weken" in html
    assert client.get(reverse("publiek:dienst", args=[kaart["oud"].pk])).content.decode().count("niet meer actueel")


@pytest.mark.parametrize("pad", ["/", "/sociale-kaart/?q=pesten", "/hulpvraag/", "/folder/"])
def test_page_weight_without_images_is_under_200_kb(client, kaart, pad):
    """HTML plus every stylesheet and script it loads, as sent compressed (WhiteNoise serves gzip/brotli)."""
    html = client.get(pad).content
    totaal = len(gzip.compress(html))
    for url in re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html):
        pad_statisch = finders.find(url.decode().removeprefix("/static/"))
        with open(pad_statisch, "rb") as bestand:
            totaal += len(gzip.compress(bestand.read()))
    assert b"<script" not in html  # the public site needs no JavaScript
    assert totaal < MAX_GEWICHT, totaal


def test_folder_pdf_or_a_clear_message(client, kaart):
    response = client.get("/folder/wat-kun-je-verwachten-van-het-cjg.pdf")
    if response.status_code == 503:
        assert "Pango" in response.content.decode()
    else:
        assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_organisation_confirms_or_corrects_via_signed_link(client, kaart):
    organisatie = kaart["behandeling"].organisatie
    url = reverse("publiek:controleren", args=[kaart_services.controle_token(organisatie)])
    assert "Traumabehandeling na pesten" in client.get(url).content.decode()
    client.post(url, {"actie": "klopt"})
    kaart["behandeling"].refresh_from_db()
    assert not kaart["behandeling"].verouderd
    client.post(url, {"actie": "correctie", "tekst": "Wij zitten nu ook in Oss."})
    assert Correctieverzoek.objects.get().organisatie == organisatie
    assert client.get(url[:-5] + "xxxx/").status_code == 404


@pytest.fixture
def redacteur(db):
    return factories.UserFactory(username="redacteur", rol=Rol.REDACTEUR)


def test_redacteur_keeps_the_kaart_fresh_and_edits_pages(client, kaart, redacteur):
    login_verified(client, redacteur)
    overzicht = client.get(reverse("redactie:overzicht")).content.decode()
    assert "Oude opvoedcursus" in overzicht and "Hulp bij pesten" not in overzicht
    client.post(reverse("redactie:gecontroleerd", args=[kaart["oud"].pk]))
    kaart["oud"].refresh_from_db()
    assert not kaart["oud"].verouderd
    response = client.post(
        reverse("redactie:pagina_nieuw"),
        {"slug": "pesten", "taal": "nl", "titel": "Gepest worden", "tekst": "Praat erover.", "gepubliceerd": "on"},
    )
    assert response.status_code == 302
    assert Pagina.objects.get(slug="pesten").titel == "Gepest worden"
    assert "Gepest worden" in client.get("/onderwerp/pesten/").content.decode()


@pytest.mark.parametrize("taal", ["", "/en", "/pl"])
def test_the_emergency_bar_has_the_kindertelefoon_for_children(client, kaart, taal):
    html = client.get(taal + "/").content.decode()
    assert 'href="tel:08000432"' in html and "0800-0432" in html


def test_favicon_is_served(client):
    response = client.get("/favicon.ico", follow=True)
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content])[:4] == b"\x00\x00\x01\x00"


def test_polish_contact_page_shows_opening_hours_in_polish(client, kaart):
    html = client.get("/pl/contact/").content.decode()
    main = html.split("<main", 1)[1]
    for nederlands in ("Inloopspreekuur", "woensdag", "Op werkdagen", "Crisisdienst jeugd"):
        assert nederlands not in main, nederlands
    assert "środa 13:30–16:00" in main


def test_opening_hours_read_as_a_range(client, kaart):
    from django.utils import translation

    from jeugdhulp.publiek.templatetags.publiek import uren
    from jeugdhulp.socialekaart.models import Openingstijd

    tijd = Openingstijd(dagen="MO,TU,WE,TH,FR", open_van=dt.time(8, 30), open_tot=dt.time(17))
    with translation.override("nl"):
        assert uren(tijd) == "maandag t/m vrijdag 8.30–17.00 uur"  # as the CJG writes its phone hours
    with translation.override("pl"):
        assert uren(tijd) == "poniedziałek–piątek 8:30–17:00"


def test_the_sociale_kaart_offers_topics_and_kernen_before_any_search(client, kaart):
    html = client.get("/sociale-kaart/").content.decode()
    assert 'href="?onderwerp=pesten"' in html
    assert 'href="?kern=Oss"' in html and 'href="?kern=Lith"' in html
    assert "Hulp bij pesten" in client.get("/sociale-kaart/?onderwerp=pesten").content.decode()


def test_privacy_statement_says_who_sees_what_as_the_policy_does(client, kaart, monkeypatch):
    """The statement is generated from permissions.policy.RULES: the jeugdconsulent, who may open a hulpvraag with
    the parent's contact details, is named; and a change to the policy changes the statement."""
    from jeugdhulp.accounts.roles import Rol
    from jeugdhulp.permissions import policy

    html = client.get("/privacy/").content.decode()
    rij = html.split("Je vraag en je contactgegevens", 1)[1].split("</tr>", 1)[0]
    assert "Medewerkers van het CJG" in rij and "Jeugdconsulenten van de gemeente" in rij
    assert "Alleen medewerkers van het CJG in Oss kunnen ze zien" not in html
    assert "20 jaar" in html  # the retention period
    regels = dict(policy.RULES)
    regels[(policy.Resource.HULPVRAAG, policy.Actie.BEKIJKEN)] = {
        **regels[(policy.Resource.HULPVRAAG, policy.Actie.BEKIJKEN)],
        Rol.AANBIEDER_MEDEWERKER: policy.ALLES,
    }
    monkeypatch.setattr("jeugdhulp.publiek.privacy.RULES", regels)
    rij = client.get("/privacy/").content.decode().split("Je vraag en je contactgegevens", 1)[1].split("</tr>")[0]
    assert "Medewerkers van de jeugdhulpaanbieder" in rij


def test_the_utrecht_subset_is_fresh():
    """jeugdhulp/utrecht.css holds exactly the NL Design System rules the templates use. After using a new
    utrecht-* class: `python scripts/vendor_assets.py --css` (no Node needed)."""
    import importlib.util
    from pathlib import Path

    pad = Path(__file__).resolve().parents[2] / "scripts" / "vendor_assets.py"
    spec = importlib.util.spec_from_file_location("vendor_assets", pad)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.SUBSET.read_text(encoding="utf-8") == module.build_css_subset(), "run scripts/vendor_assets.py --css"
    css = module.SUBSET.read_text(encoding="utf-8")
    assert ".utrecht-checkbox--custom.utrecht-checkbox--html-input:checked" in css
    assert ".utrecht-radio-button--html-input:checked" in css
    assert len(css.encode()) < len((module.STATIC / "utrecht" / "index.css").read_bytes()) / 2
