"""Staff login: password (argon2, django-axes lockout), then TOTP (django-otp); enrolment on first login."""

import re

from django.test import Client
from django.urls import reverse
from django.utils.http import urlencode

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from jeugdhulp.accounts.roles import Rol
from jeugdhulp.accounts.totp import DEMO_TOTP_KEY, current_code
from tests import factories
from tests.conftest import login_verified


@pytest.fixture
def medewerker(db):
    team = factories.TeamFactory()
    user = factories.UserFactory(username="sanne", rol=Rol.CJG_MEDEWERKER, team=team)
    device = TOTPDevice.objects.get(user=user)
    return user, device


def _password_step(client, username="sanne", password="Sterk-wachtwoord-123"):  # noqa: S107
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_full_login_with_password_and_totp(client, medewerker):
    user, device = medewerker
    response = _password_step(client)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:verify")
    assert client.get(reverse("web:home")).status_code == 302  # not yet verified
    response = client.post(reverse("accounts:verify"), {"token": current_code(device.key)})
    assert response.status_code == 302
    assert client.get(reverse("web:home")).status_code == 200


def test_wrong_totp_code_is_refused(client, medewerker):
    user, device = medewerker
    _password_step(client)
    wrong = f"{(int(current_code(device.key)) + 1) % 1000000:06d}"
    response = client.post(reverse("accounts:verify"), {"token": wrong})
    assert response.status_code == 200
    assert "klopt niet" in response.content.decode()
    assert client.get(reverse("web:home")).status_code == 302


def test_malformed_totp_code_gets_a_field_error(client, medewerker):
    _password_step(client)
    response = client.post(reverse("accounts:verify"), {"token": "12ab"})
    assert "6 cijfers" in response.content.decode()


def test_wrong_password_is_refused_without_saying_which_part(client, medewerker):
    response = _password_step(client, password="fout-wachtwoord")  # noqa: S106
    assert response.status_code == 200
    assert "Gebruikersnaam of wachtwoord klopt niet" in response.content.decode()


def test_axes_locks_out_after_repeated_failures(client, medewerker, settings):
    for _ in range(settings.JEUGDHULP_AXES_LIMIET_ACCOUNT):
        _password_step(client, password="fout")  # noqa: S106
    response = _password_step(client)  # even the right password is refused now
    assert response.status_code == 429
    assert "Te veel mislukte pogingen" in response.content.decode()


def test_first_login_enrols_a_totp_device(client, db):
    user = factories.UserFactory(username="nieuw", rol=Rol.AUDITOR)
    TOTPDevice.objects.filter(user=user).delete()
    response = _password_step(client, username="nieuw")
    assert response["Location"] == reverse("accounts:setup")
    page = client.get(reverse("accounts:setup"))
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    client.post(reverse("accounts:setup"), {"token": current_code(device.key)})
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("web:home")).status_code == 200


def test_demo_code_hint_only_with_debug(client, medewerker, settings):
    user, device = medewerker
    device.key = DEMO_TOTP_KEY
    device.save()
    _password_step(client)
    settings.JEUGDHULP_DEMO_TOTP_HINT = False
    assert 'data-testid="demo-code"' not in client.get(reverse("accounts:verify")).content.decode()
    settings.JEUGDHULP_DEMO_TOTP_HINT = True
    assert 'data-testid="demo-code"' in client.get(reverse("accounts:verify")).content.decode()


def test_open_redirect_is_refused(client, medewerker):
    user, device = medewerker
    client.post(
        reverse("accounts:login") + "?next=https://evil.example/",
        {"username": "sanne", "password": "Sterk-wachtwoord-123"},
    )
    response = client.post(
        reverse("accounts:verify"), {"token": current_code(device.key), "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("web:home")


def test_logout_requires_post(client, medewerker):
    assert client.get(reverse("accounts:logout")).status_code == 405


def test_password_spraying_from_one_address_is_locked_out_across_usernames(client, db, settings):
    """One wrong password per username never reaches the per-account limit; the per-address limit stops it."""
    team = factories.TeamFactory()
    for n in range(settings.JEUGDHULP_AXES_LIMIET_ADRES):
        factories.UserFactory(username=f"collega{n}", rol=Rol.CJG_MEDEWERKER, team=team)
        _password_step(client, username=f"collega{n}", password="Voorjaar2026!")  # noqa: S106
    factories.UserFactory(username="sanne", rol=Rol.CJG_MEDEWERKER, team=team)
    assert _password_step(client).status_code == 429  # the address is locked, even for a right password
    response = Client().post(
        reverse("accounts:login"),
        {"username": "sanne", "password": "Sterk-wachtwoord-123"},
        REMOTE_ADDR="10.9.9.9",
    )
    assert response.status_code == 302  # another address is not affected


def test_a_few_typos_from_a_shared_office_address_do_not_lock_out_colleagues(client, db, settings):
    team = factories.TeamFactory()
    factories.UserFactory(username="typo", rol=Rol.CJG_MEDEWERKER, team=team)
    factories.UserFactory(username="sanne", rol=Rol.CJG_MEDEWERKER, team=team)
    for _ in range(settings.JEUGDHULP_AXES_LIMIET_ACCOUNT):
        _password_step(client, username="typo", password="fout")  # noqa: S106
    assert _password_step(client, username="typo").status_code == 429
    assert _password_step(client).status_code == 302


def test_session_id_changes_after_the_second_factor(client, medewerker):
    user, device = medewerker
    _password_step(client)
    voor = client.cookies["sessionid"].value
    client.post(reverse("accounts:verify"), {"token": current_code(device.key)})
    na = client.cookies["sessionid"].value
    assert voor != na
    assert client.get(reverse("web:home")).status_code == 200


def test_session_id_changes_after_enrolment_too(client, db):
    user = factories.UserFactory(username="nieuw", rol=Rol.AUDITOR)
    TOTPDevice.objects.filter(user=user).delete()
    _password_step(client, username="nieuw")
    client.get(reverse("accounts:setup"))
    voor = client.cookies["sessionid"].value
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    client.post(reverse("accounts:setup"), {"token": current_code(device.key)})
    assert client.cookies["sessionid"].value != voor


@pytest.mark.parametrize("nxt", ["/medewerkers/\r\nSet-Cookie: x=1", "/medewerkers/\nLocation: https://evil.example/"])
def test_next_with_cr_or_lf_is_ignored_not_a_500(client, medewerker, nxt):
    response = client.post(
        reverse("accounts:login") + "?" + urlencode({"next": nxt}),
        {"username": "sanne", "password": "Sterk-wachtwoord-123"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:verify")
    assert "\n" not in response["Location"] and "Set-Cookie" not in response


def test_a_safe_next_is_carried_url_encoded(client, medewerker):
    response = client.post(
        reverse("accounts:login") + "?" + urlencode({"next": "/medewerkers/jeugdigen/?q=a b&x=1"}),
        {"username": "sanne", "password": "Sterk-wachtwoord-123"},
    )
    assert response["Location"] == reverse("accounts:verify") + "?next=%2Fmedewerkers%2Fjeugdigen%2F%3Fq%3Da+b%26x%3D1"


def test_the_manual_authenticator_key_is_base32_in_groups_of_four(client, db):
    """Authenticator apps take base32, not hex."""
    import base64

    user = factories.UserFactory(username="zonder-app", rol="")
    TOTPDevice.objects.filter(user=user).delete()  # not enrolled yet
    client.post(reverse("accounts:login"), {"username": "zonder-app", "password": "Sterk-wachtwoord-123"})
    pagina = client.get(reverse("accounts:setup")).content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    sleutel = re.search(r"<code>([^<]+)</code>", pagina).group(1)
    assert re.fullmatch(r"([A-Z2-7]{4} )*[A-Z2-7]{1,4}", sleutel)
    assert base64.b32decode(sleutel.replace(" ", "")) == device.bin_key


@pytest.mark.parametrize(("pad", "status", "kop"), [("/medewerkers/bestaat-niet/", 404, "Deze pagina bestaat niet")])
def test_error_pages_are_dutch_with_a_way_back(client, settings, pad, status, kop):
    settings.DEBUG = False
    response = client.get(pad)
    pagina = response.content.decode()
    assert response.status_code == status and kop in pagina
    assert 'href="/"' in pagina and "Not Found" not in pagina


def test_the_403_page_is_dutch_with_a_way_back(client, wereld, settings):
    settings.DEBUG = False
    login_verified(client, wereld["users"][Rol.CJG_MEDEWERKER])
    response = client.get("/beheer/")
    pagina = response.content.decode()
    assert response.status_code == 403 and "U heeft geen toegang tot deze pagina" in pagina
    assert "Naar de startpagina voor medewerkers" in pagina and "Forbidden" not in pagina


def test_the_500_page_is_dutch(db, settings):
    from django.template.loader import render_to_string

    settings.DEBUG = False
    pagina = render_to_string("500.html")  # Django renders it without a request
    assert "Er ging iets mis bij ons" in pagina and "Dit ligt niet aan u" in pagina
