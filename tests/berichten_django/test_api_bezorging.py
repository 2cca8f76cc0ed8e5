"""Issue 15 §7: ``POST /api/v1/berichten/`` answers correctly on a real WSGI server (the development server's
wsgiref), and the retour counts as delivered only once the answer was actually sent."""

from __future__ import annotations

import time
import urllib.request

from django.test import Client
from django.urls import reverse

import pytest

from jeugdhulp.accounts.koppelingen import maak_koppelsleutel
from jeugdhulp.berichten.ijw import build, lees
from jeugdhulp.berichten.models import Bericht, Richting, Status
from tests.berichten import voorbeelden as vb


@pytest.mark.django_db(transaction=True)
def test_the_development_server_answers_a_new_message_with_its_retour(ijw, live_server):
    """runserver and LiveServer share Django's wsgiref-based WSGIServer: it refuses non-str header values."""
    token, _ = maak_koppelsleutel(ijw["aanbieder"])
    verzoek = urllib.request.Request(
        live_server.url + reverse("bericht-list"),
        data=build(vb.jw315_bericht()),
        headers={"Content-Type": "application/xml", "Authorization": f"Token {token}"},
        method="POST",
    )
    with urllib.request.urlopen(verzoek, timeout=30) as antwoord:  # noqa: S310 — our own live server
        assert antwoord.status == 200
        assert antwoord.headers["X-Bericht-Status"] == "verwerkt"
        assert lees(antwoord.read()).soort.naam == "JW316"
    ontvangen = Bericht.objects.get(richting=Richting.IN)
    assert ontvangen.status == Status.VERWERKT
    # The server marks the retour right after it wrote the last byte, which may be just after we read it.
    for _ in range(50):
        if Bericht.objects.get(pk=ontvangen.retour.pk).status == Status.VERZONDEN:
            break
        time.sleep(0.1)
    assert Bericht.objects.get(pk=ontvangen.retour.pk).status == Status.VERZONDEN


def test_a_retour_whose_answer_was_not_sent_stays_in_the_outbox(ijw):
    token, _ = maak_koppelsleutel(ijw["aanbieder"])
    antwoord = Client().post(
        reverse("bericht-list"),
        build(vb.jw315_bericht()),
        content_type="application/xml",
        HTTP_AUTHORIZATION=f"Token {token}",
    )
    assert antwoord.status_code == 200 and antwoord["X-Bericht-Status"] == "verwerkt"
    retour = Bericht.objects.get(richting=Richting.IN).retour
    # The view has answered, but no server has written the body yet (the connection could still break).
    assert retour.status == Status.KLAAR and retour.verzonden is None
    assert b"".join(antwoord) == antwoord.content  # the server writes the whole body …
    retour.refresh_from_db()
    assert retour.status == Status.VERZONDEN and retour.verzonden is not None  # … and only then it is delivered
