"""The page of a verzoek om toewijzing (JW315): the request in words, the form prefilled from the VOT, the jeugdige's
running toewijzingen, and when the same product already runs at this aanbieder the valid choice (verlengen per
OP380, or wijzigen: the running one ends, a new one starts) instead of "JW301 zou worden afgekeurd: TR302"."""

import datetime as dt
import re
import zoneinfo

from django.urls import reverse

import pytest

from jeugdhulp.accounts.roles import Rol
from jeugdhulp.berichten.ijw import parse
from jeugdhulp.berichten.models import Bericht, Verzoek, VerzoekStatus
from jeugdhulp.toewijzingen.models import Toewijzing
from tests import factories
from tests.berichten import voorbeelden as vb
from tests.berichten_django.conftest import ontvang_bericht
from tests.conftest import login_verified

OMVANG = {"volume": "120", "eenheid": "01", "frequentie": "2"}  # as the running toewijzing 1001


@pytest.fixture
def consulent(ijw, client, time_machine):
    time_machine.move_to(dt.datetime(2024, 6, 3, 10, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam")), tick=False)
    login_verified(client, factories.UserFactory(rol=Rol.JEUGDCONSULENT, gemeente=ijw["oss"]))
    return client


def _vot(volume=120, ref="VOT-9"):
    ontvang_bericht(
        vb.jw315_bericht(
            vb.aangevraagd_product(
                ref,
                toewijzing_ingangsdatum=dt.date(2024, 7, 1),
                toewijzing_einddatum=dt.date(2025, 6, 30),
                omvang=vb.basis.Omvang(volume=volume, eenheid="01", frequentie="2"),
            ),
            ident=ref.replace("-", ""),
        )
    )
    return Verzoek.objects.get(referentie_aanbieder=ref)


def _post(client, v, **velden):
    data = {"actie": "toewijzen", "product": v.jeugdige.toewijzingen.first().product_id}
    data |= {"ingangsdatum": "2024-07-01", "einddatum": "2025-06-30", **OMVANG, **velden}
    return client.post(reverse("berichten:verzoek", args=[v.pk]), data)


def test_the_request_in_words_prefilled_with_the_running_toewijzing_shown(consulent):
    v = _vot()
    html = consulent.get(reverse("berichten:verzoek", args=[v.pk])).content.decode()
    gevraagd = html.split('data-testid="gevraagd"', 1)[1].split("</ul>", 1)[0]
    assert "Ambulant, 120 minuten per week</strong>, van 1 juli 2024 tot en met 30 juni 2025" in gevraagd
    assert "categorie:" not in html and "toewijzing_ingangsdatum" not in html
    assert "Huisarts" in html.split('data-testid="verwijzer"', 1)[1].split("</dd>", 1)[0]
    # the jeugdige's running toewijzing, marked as the one this request collides with
    botst = html.split('data-testid="botst"', 1)[1].split("</tr>", 1)[0]
    assert "1001" in botst and "van 1 april 2024 tot en met 31 december 2024" in botst
    # prefilled from the VOT, with the valid choice selected (same omvang: extend, OP380)
    assert re.search(r'name="ingangsdatum" value="2024-07-01"', html)
    assert re.search(r'name="einddatum" value="2025-06-30"', html)
    assert re.search(r'name="volume" value="120"', html)
    assert re.search(r'<option value="verlengen" selected>', html)
    assert 'data-testid="botsing"' in html


def test_typing_what_was_asked_explains_the_choice_instead_of_tr302(consulent):
    v = _vot()
    antwoord = _post(consulent, v)  # no choice made
    html = antwoord.content.decode()
    assert antwoord.status_code == 200 and "TR302" in html and "zou worden afgekeurd" not in html
    fout = html.split('id="id_keuze_error"', 1)[1].split("</div>", 1)[0]
    assert "Toewijzing 1001" in fout and "Kies: verlengen, of stoppen en een nieuwe maken" in fout
    assert not Bericht.objects.filter(berichtsoort="JW301").exists()


def test_extend_the_running_toewijzing(consulent):
    v = _vot()
    antwoord = _post(consulent, v, keuze="verlengen")
    assert antwoord.status_code == 302, antwoord.content.decode()[-2000:]
    t = Toewijzing.objects.get(toewijzingnummer=1001)
    assert (t.einddatum, t.reden_wijziging) == (dt.date(2025, 6, 30), "04")
    assert Toewijzing.objects.count() == 1
    v.refresh_from_db()
    assert v.status == VerzoekStatus.TOEGEWEZEN and list(v.toewijzingen.all()) == [t]
    (p,) = parse(Bericht.objects.get(berichtsoort="JW301").bytes).client.toegewezen_producten
    assert (p.toewijzing_nummer, p.einddatum, p.reden_wijziging) == (1001, dt.date(2025, 6, 30), "04")


def test_more_help_ends_the_running_toewijzing_and_starts_a_new_one(consulent):
    v = _vot(volume=180)
    html = consulent.get(reverse("berichten:verzoek", args=[v.pk])).content.decode()
    assert '<option value="" selected>' in html.split('name="keuze"', 1)[1].split("</select>", 1)[0]
    refused = _post(consulent, v, volume="180", keuze="verlengen").content.decode()
    assert "Verlengen kan alleen met dezelfde omvang" in refused
    antwoord = _post(consulent, v, volume="180", keuze="wijzigen")
    assert antwoord.status_code == 302
    oud, nieuw = Toewijzing.objects.order_by("toewijzingnummer")
    assert (oud.einddatum, oud.reden_wijziging) == (dt.date(2024, 6, 30), "05")
    assert (nieuw.ingangsdatum, nieuw.einddatum, nieuw.volume) == (dt.date(2024, 7, 1), dt.date(2025, 6, 30), 180)
    producten = parse(Bericht.objects.get(berichtsoort="JW301").bytes).client.toegewezen_producten
    assert {(p.toewijzing_nummer, p.einddatum) for p in producten} == {
        (1001, dt.date(2024, 6, 30)),
        (nieuw.toewijzingnummer, dt.date(2025, 6, 30)),
    }


def test_a_vow_names_the_toewijzing_to_change_and_offers_the_same_choice(consulent):
    ontvang_bericht(vb.jw317_bericht())  # toewijzing 1001: 180 instead of 120 minutes a week from 1 May
    v = Verzoek.objects.get(referentie_aanbieder="VOW-1")
    html = consulent.get(reverse("berichten:verzoek", args=[v.pk])).content.decode()
    gevraagd = html.split('data-testid="gevraagd"', 1)[1].split("</ul>", 1)[0]
    assert "Wijzigen: toewijzing 1001, Ambulant, 180 minuten per week" in gevraagd
    assert "van 1 mei 2024 tot en met 31 december 2024" in gevraagd and "productcode 45A04" in gevraagd
    assert 'data-testid="botsing"' in html  # prefilled with the toewijzing's product, so the choice is offered
    antwoord = consulent.post(
        reverse("berichten:verzoek", args=[v.pk]),
        {"actie": "toewijzen", "product": v.jeugdige.toewijzingen.get().product_id, "ingangsdatum": "2024-05-01",
         "einddatum": "2024-12-31", "volume": "180", "eenheid": "01", "frequentie": "2", "keuze": "wijzigen"},
    )  # fmt: skip
    assert antwoord.status_code == 302
    oud, nieuw = Toewijzing.objects.order_by("toewijzingnummer")
    assert (oud.einddatum, nieuw.ingangsdatum, nieuw.volume) == (dt.date(2024, 4, 30), dt.date(2024, 5, 1), 180)
