"""Termijnen, 'ons retour niet op tijd verstuurd': a received message is listed while our retour is not sent (made
and waiting is not answered), with where the retour is in words and the aanbieder by name; a sent retour closes it.
The demo sends its retours on the day of receipt, so it lists nothing that was answered."""

import datetime as dt
import zoneinfo

from django.urls import reverse

import pytest

from jeugdhulp.accounts.roles import Rol
from jeugdhulp.berichten import outbox, termijnen
from jeugdhulp.berichten.models import Bericht, Richting, Status
from jeugdhulp.demo.berichten import _retouren_verstuurd
from tests import factories
from tests.berichten import voorbeelden as vb
from tests.berichten_django.conftest import ontvang_bericht
from tests.conftest import login_verified

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def ontvangen(ijw, time_machine):
    time_machine.move_to(dt.datetime(2024, 6, 3, 10, tzinfo=AMS), tick=False)  # a Monday
    heen = ontvang_bericht(vb.jw305_bericht())
    assert heen.status == Status.VERWERKT and heen.retouren.get().status == Status.KLAAR
    time_machine.move_to(dt.datetime(2024, 6, 7, 10, tzinfo=AMS), tick=False)  # deadline Thursday 6 June passed
    return heen


def _sectie(client) -> str:
    html = client.get(reverse("berichten:termijnen")).content.decode()
    return html.split('data-testid="gemeente-antwoord"', 1)[1].split("</section>", 1)[0]


def test_a_made_but_unsent_retour_is_listed_in_words_with_the_aanbieder_by_name(ijw, ontvangen, client):
    login_verified(client, factories.UserFactory(rol=Rol.JEUGDCONSULENT, gemeente=ijw["oss"]))
    sectie = _sectie(client)
    assert "niet op tijd verstuurd" in sectie and ontvangen.identificatie in sectie
    rij = sectie.split(ontvangen.identificatie, 1)[1].split("</tr>", 1)[0]
    assert "Kompas Jeugdhulp" in rij and vb.AANBIEDER not in rij
    assert "gemaakt, nog niet verstuurd" in rij and "verwerkt" not in rij
    assert "6 juni 2024" in rij
    outbox.markeer_verzonden(ontvangen.retouren.get())
    assert ontvangen.identificatie not in _sectie(client)


def test_the_demo_sends_its_retours_on_the_day_of_receipt(ontvangen):
    _retouren_verstuurd([ontvangen])
    ontvangen.refresh_from_db()
    retour = ontvangen.retouren.get()
    assert retour.status == Status.VERZONDEN and retour.verzonden.date() == ontvangen.aangemaakt.date()
    assert ontvangen.beantwoord == retour.verzonden
    inkomend = Bericht.objects.filter(richting=Richting.IN)
    assert not termijnen.open_berichten(inkomend, dt.date(2024, 6, 7)).exists()
