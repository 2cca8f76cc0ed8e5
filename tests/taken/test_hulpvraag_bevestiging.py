"""Issue 14 §1.2: "Stuur mij een bevestiging" really queues a mail; page and mail show the reference number, and
the page says honestly whether the mail went."""

import socket

from django.core import mail as django_mail

import pytest

from jeugdhulp.hulpvragen.models import Hulpvraag
from jeugdhulp.taken.models import Mail, MailSoort, MailStatus
from jeugdhulp.taken.worker import draai_eenmaal

pytestmark = pytest.mark.django_db

FORMULIER = {
    "vraag": "Mijn zoon van 9 wordt gepest op school. Wat kan ik doen?",
    "vrager": "ouder",
    "leeftijd_kind": "9",
    "onderwerpen": ["pesten"],
    "contactvoorkeur": "email",
    "email": "ouder@example.nl",
    "naam": "Fenna",
    "bevestiging_email": "on",
}


def test_confirmation_is_queued_and_sent_with_the_reference_number(client, kaart, mail_naar_geheugen):
    response = client.post("/hulpvraag/", FORMULIER)
    assert response.status_code == 302
    hulpvraag = Hulpvraag.objects.get()
    assert hulpvraag.referentie == f"HV-{hulpvraag.pk:06d}"
    assert django_mail.outbox == []  # the request only queued it
    pagina = client.get(response["Location"]).content.decode()
    assert hulpvraag.referentie in pagina
    assert "We sturen je binnen een paar minuten een bevestiging" in pagina
    assert Mail.objects.get().soort == MailSoort.HULPVRAAG_BEVESTIGING

    draai_eenmaal()
    (bericht,) = django_mail.outbox
    assert bericht.to == ["ouder@example.nl"]
    assert hulpvraag.referentie in bericht.subject and hulpvraag.referentie in bericht.body
    assert "gepest" not in bericht.body and "Fenna" not in bericht.body  # says that it arrived, not what
    pagina = client.get(response["Location"]).content.decode()
    assert "We hebben je een bevestiging gemaild" in pagina


def test_no_confirmation_without_the_tick(client, kaart):
    client.post("/hulpvraag/", {**FORMULIER, "bevestiging_email": ""})
    assert not Mail.objects.exists()
    pagina = client.get("/hulpvraag/verstuurd/").content.decode()
    assert Hulpvraag.objects.get().referentie in pagina


def test_page_says_so_when_sending_fails(client, kaart, settings):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", s.getsockname()[1]
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    s.close()
    response = client.post("/hulpvraag/", FORMULIER)
    draai_eenmaal()
    assert Mail.objects.get().status == MailStatus.OPNIEUW
    pagina = client.get(response["Location"]).content.decode()
    assert "Het versturen van de bevestiging lukt nu niet" in pagina
    assert "We hebben je een bevestiging gemaild" not in pagina
