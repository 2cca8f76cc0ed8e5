"""Staff login: password (argon2, django-axes lockout), then TOTP (django-otp); enrolment on first login."""

from django.test import Client
from django.urls import reverse
from django.utils.http import urlencode

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from jeugdhulp.accounts.roles import Rol
from jeugdhulp.accounts.totp import DEMO_TOTP_KEY, current_code
from tests import factories


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
