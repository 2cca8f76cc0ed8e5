"""The online hulpvraag: stored via hulpvragen.registreer, friendly errors, input kept, honeypot, rate limit."""

import pytest

from jeugdhulp.hulpvragen.models import Hulpvraag

GOED = {
    "vraag": "Mijn zoon van 9 wordt gepest op school. Wat kan ik doen?",
    "vrager": "ouder",
    "leeftijd_kind": "9",
    "onderwerpen": ["pesten"],
    "contactvoorkeur": "telefoon",
    "telefoon": "06-12345678",
    "email": "",
    "bereikbaar": "na 15.00 uur",
    "naam": "Fenna",
}


def _post(client, **wijziging):
    data = {**GOED, **wijziging}
    return client.post("/hulpvraag/", {k: v for k, v in data.items() if v is not None})


def test_a_hulpvraag_lands_in_the_intake_queue_with_its_deadline(client, kaart, mailoutbox):
    response = _post(client, wijk=str(kaart["ruwaard"].pk), toestemming_overleg="on")
    assert response.status_code == 302
    assert response["Location"] == "/hulpvraag/verstuurd/"  # no personal data in the URL
    hulpvraag = Hulpvraag.objects.get()
    assert (hulpvraag.kanaal, hulpvraag.vrager, hulpvraag.leeftijd_kind) == ("website", "ouder", 9)
    assert hulpvraag.team == kaart["team"]  # routed by wijk
    assert hulpvraag.onderwerpen == ["pesten"]
    assert hulpvraag.toestemmingen == {"overleg_school_huisarts": True, "bevestiging_email": False}
    bevestiging = client.get(response["Location"]).content.decode()
    assert "Binnen 2 werkdagen, uiterlijk op" in bevestiging
    assert mailoutbox == []


def test_confirmation_email_on_request(client, kaart, mailoutbox):
    _post(client, contactvoorkeur="email", email="ouder@example.nl", bevestiging_email="on")
    assert mailoutbox == []  # queued: the worker sends it (tests/taken/test_hulpvraag_bevestiging.py)
    from jeugdhulp.taken.worker import draai_eenmaal

    draai_eenmaal()
    assert len(mailoutbox) == 1
    assert "Binnen 2 werkdagen" in mailoutbox[0].body
    assert mailoutbox[0].to == ["ouder@example.nl"]


@pytest.mark.parametrize(
    ("wijziging", "veld", "melding"),
    [
        ({"vraag": ""}, "vraag", "Eén zin is genoeg"),
        ({"vraag": "x" * 4001}, "vraag", "te lang"),
        ({"vraag": "<script>alert(1)</script> help"}, "vraag", "Gebruik geen codes"),
        ({"naam": "<b onmouseover=x>Jan</b>"}, "naam", "Gebruik geen codes"),
        ({"telefoon": "12345"}, "telefoon", "telefoonnummer klopt niet"),
        ({"telefoon": ""}, "telefoon", "Vul je telefoonnummer in"),
        ({"contactvoorkeur": "email", "email": "geen-adres"}, "email", "e-mailadres klopt niet"),
        ({"contactvoorkeur": "email", "email": ""}, "email", "Vul je e-mailadres in"),
        ({"leeftijd_kind": "40"}, "leeftijd_kind", "tot en met 23"),
        ({"leeftijd_kind": "negen"}, "leeftijd_kind", "in cijfers"),
        ({"vrager": None}, "vrager", "Kies wie de vraag stelt"),
    ],
)
def test_bad_input_gets_a_friendly_field_error_and_keeps_the_rest(client, kaart, wijziging, veld, melding):
    response = _post(client, **wijziging)
    assert response.status_code == 400
    html = response.content.decode()
    assert melding in html
    assert f'id="id_{veld}_error"' in html and 'aria-invalid="true"' in html
    assert Hulpvraag.objects.count() == 0
    if veld != "vraag":
        assert "wordt gepest op school" in html  # the honest input is preserved
    assert "<script>alert(1)</script>" not in html  # never echoed unescaped


def test_honeypot_looks_successful_but_stores_nothing(client, kaart):
    response = _post(client, website="http://spam.example")
    assert response.status_code == 302
    assert Hulpvraag.objects.count() == 0


def test_flood_is_rate_limited_per_client_with_input_kept(client, kaart, caplog):
    for _ in range(5):
        assert _post(client).status_code == 302
    response = _post(client, vraag="Nog een vraag over mijn dochter")
    assert response.status_code == 429
    assert "veel vragen gestuurd" in response.content.decode()
    assert "Nog een vraag over mijn dochter" in response.content.decode()
    assert Hulpvraag.objects.count() == 5
    other = client.post("/hulpvraag/", GOED, REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 302  # another household is not blocked
    logs = caplog.text
    assert "06-12345678" not in logs and "gepest op school" not in logs and "127.0.0.1" not in logs


def test_form_shows_the_emergency_banner_and_privacy_link(client, kaart):
    html = client.get("/hulpvraag/").content.decode()
    assert "0800-2000" in html and "112" in html
    assert 'href="/privacy/"' in html
