"""Every public page answers in Dutch, English and Polish, stays light, and the redacteur can keep it current."""

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
    assert b"htmx" not in html  # the public site needs no JavaScript
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
    client.post(url, {"actie": "correctie", "tekst": "Wij zitten nu ook in Oss."})
    assert Correctieverzoek.objects.get().organisatie == organisatie
    client.post(url, {"actie": "klopt"})
    kaart["behandeling"].refresh_from_db()
    assert not kaart["behandeling"].verouderd
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
