"""Staff pages and the HTTP endpoint: access log, overdue list, the VOT queue actions, resend, API posting."""

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from jeugdhulp.accounts.roles import Rol
from jeugdhulp.audit.models import Toegangslogregel
from jeugdhulp.berichten.ijw import build, lees
from jeugdhulp.berichten.models import Bericht, Richting, Status, Verzoek, VerzoekStatus
from jeugdhulp.toewijzingen.models import Toewijzing
from tests import factories
from tests.berichten import voorbeelden as vb
from tests.berichten_django.conftest import ontvang_bericht
from tests.conftest import login_verified


@pytest.fixture
def jc(ijw):
    return factories.UserFactory(username="consulent", rol=Rol.JEUGDCONSULENT, gemeente=ijw["oss"])


@pytest.fixture
def aanbieder_user(ijw):
    return factories.UserFactory(username="kompas", rol=Rol.AANBIEDER_MEDEWERKER, aanbieder=ijw["aanbieder"])


def test_detail_shows_the_message_and_writes_the_access_log(client, ijw, jc):
    b = ontvang_bericht(vb.jw315_bericht())
    login_verified(client, jc)
    page = client.get(reverse("berichten:detail", args=[b.pk])).content.decode()
    assert "VOT-1" in page and "JW316" in page and "999900018" in page
    regel = Toegangslogregel.objects.get(onderwerp__startswith="ijw-bericht")
    assert regel.jeugdige == ijw["jeugdige"] and regel.gebruikersnaam == "consulent"


def test_dossier_links_to_the_message_log(client, ijw, jc):
    b = ontvang_bericht(vb.jw305_bericht())
    login_verified(client, jc)
    dossier = client.get(reverse("jeugdigen:dossier", args=[ijw["jeugdige"].pk])).content.decode()
    url = reverse("berichten:jeugdige", args=[ijw["jeugdige"].pk])
    assert url in dossier
    lijst = client.get(url).content.decode()
    assert reverse("berichten:detail", args=[b.pk]) in lijst
    assert Toegangslogregel.objects.filter(onderwerp="lijst", jeugdige=ijw["jeugdige"]).exists()


def test_overdue_list_shows_late_verzoek(client, ijw, jc):
    ontvang_bericht(vb.jw315_bericht())
    Verzoek.objects.update(antwoord_uiterlijk=timezone.localdate() - dt.timedelta(days=1))
    login_verified(client, jc)
    page = client.get(reverse("berichten:termijnen")).content.decode()
    assert "VOT-1" in page
    Verzoek.objects.update(antwoord_uiterlijk=timezone.localdate())  # due today: not late yet
    assert "VOT-1" not in client.get(reverse("berichten:termijnen")).content.decode()


def test_vot_queue_toewijzen_creates_toewijzing_and_queues_jw301(client, ijw, jc):
    ontvang_bericht(vb.jw315_bericht())
    verzoek = Verzoek.objects.get()
    login_verified(client, jc)
    assert "VOT-1" in client.get(reverse("berichten:verzoeken")).content.decode()
    response = client.post(
        reverse("berichten:verzoek", args=[verzoek.pk]),
        {
            "actie": "toewijzen",
            "product": ijw["product"].pk,
            # after toewijzing 1001 of the same product ends: beside it would be refused (TR302, OP259)
            "ingangsdatum": "2025-01-01",
            "einddatum": "2025-06-30",
            "volume": 4,
            "eenheid": "01",
            "frequentie": "2",
        },
    )
    assert Bericht.objects.filter(berichtsoort="JW301").count() == 1
    assert response.status_code == 302 and response["Location"] == reverse("berichten:verzoeken")
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.TOEGEWEZEN
    assert Toewijzing.objects.filter(verzoeken=verzoek, volume=4).exists()


def test_vot_queue_afwijzen_queues_jw319(client, ijw, jc):
    ontvang_bericht(vb.jw315_bericht())
    verzoek = Verzoek.objects.get()
    login_verified(client, jc)
    client.post(reverse("berichten:verzoek", args=[verzoek.pk]), {"actie": "afwijzen", "reden": "3"})
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.AFGEWEZEN
    assert Bericht.objects.get(berichtsoort="JW319").status == Status.KLAAR


def test_resend_puts_a_failed_message_back_in_the_queue(client, ijw, jc):
    from jeugdhulp.berichten.outbox import maak_jw301

    b = maak_jw301(ijw["oss"], ijw["jeugdige"], ijw["aanbieder"], vandaag=dt.date(2024, 6, 1))
    b.naar(Status.MISLUKT)
    login_verified(client, jc)
    assert "Opnieuw versturen" in client.get(reverse("berichten:detail", args=[b.pk])).content.decode()
    client.post(reverse("berichten:opnieuw", args=[b.pk]))
    b.refresh_from_db()
    assert b.status == Status.KLAAR


def test_api_post_answers_with_the_retour(client, ijw, aanbieder_user):
    login_verified(client, aanbieder_user)
    response = client.post(reverse("bericht-list"), build(vb.jw315_bericht()), content_type="application/xml")
    assert response.status_code == 200, response.content
    assert lees(b"".join(response)).soort.naam == "JW316"  # the server writes the body: the retour is delivered
    b = Bericht.objects.get(richting=Richting.IN)
    assert b.aanbieder == ijw["aanbieder"] and b.bron == "api:kompas"
    assert b.retour.status == Status.VERZONDEN and Bericht.objects.get(pk=b.pk).beantwoord is not None
    again = client.post(reverse("bericht-list"), build(vb.jw315_bericht()), content_type="application/xml")
    assert again.content == response.content  # duplicate: the same answer


def test_api_refuses_another_afzender(client, ijw):
    ander = factories.AanbiederFactory(agb_code="87654321")
    user = factories.UserFactory(username="ander", rol=Rol.AANBIEDER_MEDEWERKER, aanbieder=ander)
    login_verified(client, user)
    response = client.post(reverse("bericht-list"), build(vb.jw315_bericht()), content_type="application/xml")
    assert response.status_code == 403 and not Bericht.objects.exists()


def test_api_post_needs_csrf_and_the_aanbieder_role(ijw, aanbieder_user, jc):
    csrf_client = Client(enforce_csrf_checks=True)
    login_verified(csrf_client, aanbieder_user)
    response = csrf_client.post(reverse("bericht-list"), build(vb.jw315_bericht()), content_type="application/xml")
    assert response.status_code == 403 and not Bericht.objects.exists()
    gemeente_client = login_verified(Client(), jc)
    response = gemeente_client.post(reverse("bericht-list"), build(vb.jw315_bericht()), content_type="application/xml")
    assert response.status_code == 403 and not Bericht.objects.exists()


def test_api_unreadable_message_gets_422_and_is_kept(client, ijw, aanbieder_user):
    login_verified(client, aanbieder_user)
    response = client.post(reverse("bericht-list"), b"geen xml", content_type="application/xml")
    assert response.status_code == 422
    assert Bericht.objects.get().status == Status.QUARANTAINE
