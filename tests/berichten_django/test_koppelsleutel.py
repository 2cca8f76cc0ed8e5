"""The message hub's machine credential: a koppelsleutel posts only as its own aanbieder."""

import datetime as dt
import io

from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
from knox.models import AuthToken

from jeugdhulp.accounts.koppelingen import koppelgebruiker, maak_koppelsleutel, trek_in
from jeugdhulp.berichten.ijw import build, lees
from jeugdhulp.berichten.models import Bericht, Richting, Status
from tests import factories
from tests.berichten import voorbeelden as vb


def _post(token: str, data: bytes):
    return Client().post(
        reverse("bericht-list"), data, content_type="application/xml", HTTP_AUTHORIZATION=f"Token {token}"
    )


def test_hub_posts_with_its_key_and_gets_the_retour(ijw):
    token, verloopt = maak_koppelsleutel(ijw["aanbieder"], dagen=30)
    assert token.startswith("jhk_") and verloopt > timezone.now() + dt.timedelta(days=29)
    response = _post(token, build(vb.jw315_bericht()))
    assert response.status_code == 200, response.content
    assert lees(b"".join(response)).soort.naam == "JW316"  # the server writes the body: the retour is delivered
    b = Bericht.objects.get(richting=Richting.IN)
    assert b.aanbieder == ijw["aanbieder"] and b.bron == f"api:koppeling-{ijw['aanbieder'].agb_code}"
    assert b.retour.status == Status.VERZONDEN
    listing = Client().get(reverse("bericht-list"), HTTP_AUTHORIZATION=f"Token {token}")
    assert listing.status_code == 200 and listing.json()["count"] == 2  # its message and our retour


def test_key_of_one_aanbieder_cannot_post_as_another(ijw):
    ander = factories.AanbiederFactory(agb_code="87654321")
    token, _ = maak_koppelsleutel(ander)
    response = _post(token, build(vb.jw315_bericht()))  # Afzender is ijw["aanbieder"]
    assert response.status_code == 403
    assert not Bericht.objects.exists()


def test_wrong_expired_or_revoked_key_is_refused(ijw):
    assert _post("jhk_" + "0" * 64, build(vb.jw315_bericht())).status_code == 401
    token, _ = maak_koppelsleutel(ijw["aanbieder"])
    AuthToken.objects.update(expiry=timezone.now() - dt.timedelta(seconds=1))
    assert _post(token, build(vb.jw315_bericht())).status_code == 401
    token, _ = maak_koppelsleutel(ijw["aanbieder"])
    assert trek_in(ijw["aanbieder"]) == 1  # the expired one was already removed by knox
    assert _post(token, build(vb.jw315_bericht())).status_code == 401
    assert not Bericht.objects.exists()


def test_key_only_opens_the_berichten_endpoint(ijw):
    token, _ = maak_koppelsleutel(ijw["aanbieder"])
    response = Client().get(reverse("jeugdige-list"), HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 403


def test_service_user_cannot_log_in_with_a_password(ijw):
    user = koppelgebruiker(ijw["aanbieder"])
    assert not user.has_usable_password()
    assert user.aanbieder == ijw["aanbieder"] and user.rol == "aanbieder_medewerker"


def test_command_prints_a_key_once_and_revokes(ijw):
    out = io.StringIO()
    call_command("ijw_koppelsleutel", ijw["aanbieder"].agb_code, "--dagen", "10", stdout=out)
    token = out.getvalue().splitlines()[1]
    assert _post(token, build(vb.jw315_bericht())).status_code == 200
    call_command("ijw_koppelsleutel", ijw["aanbieder"].agb_code, "--intrekken", stdout=io.StringIO())
    assert not AuthToken.objects.exists()
    with pytest.raises(CommandError, match="Geen aanbieder"):
        call_command("ijw_koppelsleutel", "11111111", stdout=io.StringIO())
    with pytest.raises(CommandError, match="minstens 1 dag"):
        call_command("ijw_koppelsleutel", ijw["aanbieder"].agb_code, "--dagen", "0", stdout=io.StringIO())
