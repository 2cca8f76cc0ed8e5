"""Toewijzen an aanvraag while the same product already runs at that aanbieder: a plain message on the aanvraag page
and nothing written, instead of HTTP 500 from the refused JW301 (TR302)."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

import pytest

from jeugdhulp.berichten.models import Bericht
from jeugdhulp.besluiten import services as besluiten
from jeugdhulp.toewijzingen.models import Toewijzing
from tests import factories
from tests.conftest import login_verified
from tests.toegang.factories import casus_met_plan, toegang_wereld

pytestmark = pytest.mark.django_db


def test_toewijzen_beside_a_running_toewijzing_explains_and_changes_nothing(client):
    w = toegang_wereld()
    vandaag = timezone.localdate()
    factories.ToewijzingFactory(
        gemeente=w["oss"], jeugdige=w["jeugdige"], aanbieder=w["aanbieder"], product=w["product"],
        toewijzingnummer=4001, ingangsdatum=vandaag - dt.timedelta(days=30), einddatum=vandaag + dt.timedelta(days=60),
    )  # fmt: skip
    aanvraag = besluiten.aanvraag_indienen(
        casus_met_plan(w), door=w["cjg"], vorm="zin", ontvangen_op=vandaag,
        producten=[{"product": w["product"], "aanbieder": w["aanbieder"], "volume": 2, "eenheid": "04",
                    "frequentie": "2", "ingangsdatum": vandaag, "einddatum": vandaag + dt.timedelta(days=90)}],
    )  # fmt: skip
    besluiten.beschikken(aanvraag, door=w["consulent"], besluit="toegekend", motivering="m")
    login_verified(client, w["consulent"])
    antwoord = client.post(
        reverse("besluiten:toewijzen", args=[aanvraag.pk]), {"regie_tijdens_wachten": "CJG"}, follow=True
    )
    assert antwoord.status_code == 400  # refused: shown again with the form, nothing lost
    html = antwoord.content.decode()
    assert "al toewijzing 4001 in deze periode" in html and "zou worden afgekeurd" not in html
    assert Toewijzing.objects.count() == 1 and not Bericht.objects.filter(berichtsoort="JW301").exists()
