"""Termijnen, "start of stop te laat gemeld": a start or stop is late when it arrives after the 5th werkdag after the
real start or stop (OP271/OP272), counted on the Dutch calendar day of receipt; the list shows that deadline, so every
date in the column lies before the day it was reported."""

import datetime as dt
import re
import zoneinfo

from django.urls import reverse

import pytest

from jeugdhulp.accounts.roles import Rol
from jeugdhulp.berichten import termijnen
from jeugdhulp.berichten.models import Bericht
from tests import factories
from tests.berichten import voorbeelden as vb
from tests.berichten_django.conftest import ontvang_bericht
from tests.conftest import login_verified

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
# The real start and stop: Wednesday 3 April 2024; 5 werkdagen later is Wednesday 10 April.
UITERLIJK = dt.date(2024, 4, 10)


@pytest.mark.parametrize(
    ("ontvangen", "te_laat"),
    [
        (dt.datetime(2024, 4, 10, 9, 0, tzinfo=AMS), False),  # the last day
        (dt.datetime(2024, 4, 10, 23, 59, tzinfo=AMS), False),  # the last minute of the last day
        (dt.datetime(2024, 4, 11, 0, 30, tzinfo=AMS), True),  # the next day, though UTC still says 10 April
        (dt.datetime(2024, 4, 15, 9, 0, tzinfo=AMS), True),
    ],
)
def test_late_is_the_dutch_day_after_the_fifth_werkdag(ijw, time_machine, ontvangen, te_laat):
    time_machine.move_to(ontvangen, tick=False)
    start = ontvang_bericht(vb.jw305_bericht())  # start 3 April
    assert start.melding_uiterlijk == UITERLIJK
    assert start.te_laat_gemeld is te_laat
    assert list(termijnen.te_laat_gemeld(Bericht.objects.all())) == ([start] if te_laat else [])


def test_termijnen_page_shows_the_reporting_deadline_before_the_day_reported(ijw, client, time_machine):
    time_machine.move_to(dt.datetime(2024, 4, 10, 16, 0, tzinfo=AMS), tick=False)
    op_tijd = ontvang_bericht(vb.jw305_bericht())  # start 3 April, reported on the last day
    time_machine.move_to(dt.datetime(2024, 4, 11, 0, 30, tzinfo=AMS), tick=False)
    laat = ontvang_bericht(vb.jw307_bericht(vb.stop_product(einddatum=dt.date(2024, 4, 3))))
    consulent = factories.UserFactory(rol=Rol.JEUGDCONSULENT, gemeente=ijw["oss"])
    login_verified(client, consulent)
    html = client.get(reverse("berichten:termijnen")).content.decode()
    sectie = html.split('data-testid="te-laat-gemeld"', 1)[1].split("</table>", 1)[0]
    assert f"JW307 {laat.identificatie}" in sectie and f"JW305 {op_tijd.identificatie}" not in sectie
    uiterlijk = re.findall(r'data-testid="melden-uiterlijk">([^<]+)<', sectie)
    gemeld = re.findall(r'data-testid="gemeld-op">([^<]+)<', sectie)
    assert uiterlijk == ["10 april 2024"] and gemeld == ["11 april 2024"]
    assert "15 april 2024" not in sectie  # the retour deadline (3 werkdagen after receipt) is another clock
