"""The online hulpvraag: stored via hulpvragen.registreer, friendly errors, input kept, honeypot, rate limit."""

import datetime as dt

from django.core.cache import cache
from django.test import Client

import pytest

from jeugdhulp.hulpvragen.models import Hulpvraag
from jeugdhulp.publiek import teller
from jeugdhulp.publiek.models import Inzending

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


def test_flood_is_rate_limited_per_session_with_input_kept(client, kaart, caplog):
    for _ in range(teller.PER_SESSIE):
        assert _post(client).status_code == 302
    response = _post(client, vraag="Nog een vraag over mijn dochter")
    assert response.status_code == 429
    assert "veel vragen gestuurd" in response.content.decode()
    assert "Nog een vraag over mijn dochter" in response.content.decode()
    assert Hulpvraag.objects.count() == teller.PER_SESSIE
    other = Client().post("/hulpvraag/", GOED, REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 302  # another household is not blocked
    logs = caplog.text
    assert "06-12345678" not in logs and "gepest op school" not in logs and "127.0.0.1" not in logs
    assert not Inzending.objects.filter(bron__contains="127.0.0.1").exists()  # only salted hashes are kept


def test_invalid_submissions_do_not_count(client, kaart):
    """A parent who makes typing mistakes is never blocked: only accepted submissions count."""
    for _ in range(teller.PER_SESSIE * 3):
        assert _post(client, telefoon="12345").status_code == 400
    assert _post(client).status_code == 302
    assert Inzending.objects.count() == 2  # one accepted submission: its address and its session


def test_a_school_on_one_address_gets_a_sensible_volume(kaart):
    """Thirty pupils at the school's computers (one address, each their own browser) can all ask; the 31st waits."""
    for _ in range(teller.PER_ADRES):
        assert Client().post("/hulpvraag/", GOED, REMOTE_ADDR="192.0.2.10").status_code == 302
    assert Client().post("/hulpvraag/", GOED, REMOTE_ADDR="192.0.2.10").status_code == 429
    assert Client().post("/hulpvraag/", GOED, REMOTE_ADDR="192.0.2.11").status_code == 302


def test_counts_live_in_the_database_and_expire_after_an_hour(client, kaart, time_machine):
    """Counters are rows, not per-process memory: a cleared cache (restart, other worker) does not reset them."""
    time_machine.move_to(dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC), tick=False)
    for _ in range(teller.PER_SESSIE):
        _post(client)
    cache.clear()  # what a restart or another worker process sees
    assert _post(client).status_code == 429
    time_machine.move_to(dt.datetime(2026, 12, 7, 10, 1, tzinfo=dt.UTC), tick=False)
    assert _post(client).status_code == 302
    assert Inzending.objects.filter(op__lt=dt.datetime(2026, 12, 7, 9, 30, tzinfo=dt.UTC)).count() == 0


def test_behind_the_proxy_each_resident_is_counted_apart(kaart, settings):
    """Behind the documented reverse proxy every request comes from the proxy's address; the resident's address is
    the one the proxy added to X-Forwarded-For."""
    settings.JEUGDHULP_TRUSTED_PROXIES = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(teller.PER_ADRES):
        assert Client().post("/hulpvraag/", GOED, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy).status_code == 302
    assert Client().post("/hulpvraag/", GOED, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy).status_code == 429
    assert Client().post("/hulpvraag/", GOED, HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy).status_code == 302


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "client"),
    [
        (0, "203.0.113.5", "1.2.3.4", "203.0.113.5"),  # no proxy configured: the header is not believed
        (1, "10.0.0.1", "1.2.3.4, 198.51.100.7", "198.51.100.7"),  # a spoofed entry on the left is ignored
        (2, "10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.1", "198.51.100.7"),
        (1, "10.0.0.1", "", "10.0.0.1"),
    ],
)
def test_client_address_trusts_only_the_configured_proxies(rf, settings, proxies, remote, forwarded, client):
    settings.JEUGDHULP_TRUSTED_PROXIES = proxies
    request = rf.post("/hulpvraag/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert teller.client_adres(request) == client


def test_a_spoofed_forwarded_header_does_not_escape_the_limit(kaart, settings):
    settings.JEUGDHULP_TRUSTED_PROXIES = 1
    for i in range(teller.PER_ADRES):
        vals = f"203.0.113.{i}, 198.51.100.9"
        assert Client().post("/hulpvraag/", GOED, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=vals).status_code == 302
    vals = "203.0.113.200, 198.51.100.9"
    assert Client().post("/hulpvraag/", GOED, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=vals).status_code == 429


def test_form_shows_the_emergency_banner_and_privacy_link(client, kaart):
    html = client.get("/hulpvraag/").content.decode()
    assert "0800-2000" in html and "112" in html
    assert 'href="/privacy/"' in html
