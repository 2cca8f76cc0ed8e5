"""Rights (issue 15 §1): nobody raises their own rights; person-level roles take two beheerders; no known passwords."""

import re

from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from jeugdhulp.accounts import rechten
from jeugdhulp.accounts.models import Rechtaanvraag, User
from jeugdhulp.accounts.roles import Rol
from jeugdhulp.accounts.totp import current_code
from jeugdhulp.audit.models import Actie, Toegangslogregel
from tests import factories
from tests.conftest import login_verified


@pytest.fixture
def beheerders(wereld):
    eerste = wereld["users"][Rol.FUNCTIONEEL_BEHEERDER]
    tweede = factories.UserFactory(username="fb2", rol=Rol.FUNCTIONEEL_BEHEERDER)
    return eerste, tweede


def _change(client, user, **velden):
    data = {
        "username": user.username,
        "first_name": "",
        "last_name": "",
        "email": user.email,
        "rol": user.rol,
        "team": user.team_id or "",
        "gemeente": user.gemeente_id or "",
        "aanbieder": user.aanbieder_id or "",
        "is_active": "on",
        **velden,
    }
    return client.post(reverse("admin:accounts_user_change", args=[user.pk]), data)


def test_the_escalation_from_the_issue_fails(client, wereld):
    """A beheerder posts rol=jeugdconsulent, gemeente=Oss on its own user: nothing changes, the files stay closed."""
    fb = wereld["users"][Rol.FUNCTIONEEL_BEHEERDER]
    login_verified(client, fb)
    _change(client, fb, rol=Rol.JEUGDCONSULENT, gemeente=wereld["oss"].pk)
    fb.refresh_from_db()
    assert (fb.rol, fb.gemeente_id) == (Rol.FUNCTIONEEL_BEHEERDER, None)
    assert client.get(reverse("jeugdigen:lijst")).status_code == 403
    assert client.get(reverse("jeugdige-list")).status_code == 403
    assert not Rechtaanvraag.objects.exists()


def test_no_path_lets_a_beheerder_change_its_own_rights(wereld):
    fb = wereld["users"][Rol.FUNCTIONEEL_BEHEERDER]
    with pytest.raises(rechten.ValidationError):
        rechten.wijzig(fb, fb, rol=Rol.JEUGDCONSULENT, gemeente=wereld["oss"])
    fb.refresh_from_db()
    assert fb.rol == Rol.FUNCTIONEEL_BEHEERDER


def test_a_two_person_grant_works_and_the_log_shows_both(client, wereld, beheerders):
    eerste, tweede = beheerders
    beleid = wereld["users"][Rol.BELEIDSMEDEWERKER]
    login_verified(client, eerste)
    _change(client, beleid, rol=Rol.JEUGDCONSULENT, gemeente=wereld["oss"].pk)
    beleid.refresh_from_db()
    assert beleid.rol == Rol.BELEIDSMEDEWERKER  # no effect until a second beheerder approves
    aanvraag = Rechtaanvraag.objects.get(gebruiker=beleid, status=Rechtaanvraag.Status.OPEN)

    # the requester cannot approve its own request
    lijst = reverse("admin:accounts_rechtaanvraag_changelist")
    client.post(lijst, {"action": "goedkeuren", "_selected_action": [aanvraag.pk]})
    aanvraag.refresh_from_db()
    assert aanvraag.status == Rechtaanvraag.Status.OPEN

    login_verified(client, tweede)
    client.post(lijst, {"action": "goedkeuren", "_selected_action": [aanvraag.pk]})
    aanvraag.refresh_from_db()
    beleid.refresh_from_db()
    assert aanvraag.status == Rechtaanvraag.Status.GOEDGEKEURD and aanvraag.beoordeeld_door == tweede
    assert (beleid.rol, beleid.gemeente_id) == (Rol.JEUGDCONSULENT, wereld["oss"].pk)

    regels = list(Toegangslogregel.objects.filter(actie__startswith="recht_").order_by("pk"))
    assert [(r.actie, r.gebruikersnaam) for r in regels] == [
        (Actie.RECHT_AANGEVRAAGD, eerste.username),
        (Actie.RECHT_VERLEEND, tweede.username),
    ]
    assert "beleid: Jeugdconsulent (backoffice), Oss" in regels[1].onderwerp


def test_a_refusal_is_logged_and_changes_nothing(wereld, beheerders):
    eerste, tweede = beheerders
    cjg = wereld["users"][Rol.CJG_MEDEWERKER]
    aanvraag = rechten.wijzig(eerste, cjg, rol=Rol.JEUGDCONSULENT, gemeente=wereld["bosch"])
    with pytest.raises(PermissionDenied):
        rechten.keur_goed(cjg, aanvraag)  # the user cannot approve its own grant
    rechten.wijs_af(tweede, aanvraag, "Niet nodig voor haar werk")
    cjg.refresh_from_db()
    assert cjg.rol == Rol.CJG_MEDEWERKER
    regel = Toegangslogregel.objects.get(actie=Actie.RECHT_AFGEWEZEN)
    assert regel.gebruikersnaam == "fb2" and "Niet nodig" in regel.reden


def test_making_another_beheerder_also_takes_four_eyes(wereld, beheerders):
    """Else one beheerder could make an accomplice account and approve its own requests with it."""
    eerste, _tweede = beheerders
    redacteur = factories.UserFactory(username="red", rol=Rol.REDACTEUR)
    assert rechten.wijzig(eerste, redacteur, rol=Rol.FUNCTIONEEL_BEHEERDER) is not None
    redacteur.refresh_from_db()
    assert redacteur.rol == Rol.REDACTEUR


def test_taking_person_level_rights_away_applies_at_once(wereld, beheerders):
    eerste, _tweede = beheerders
    jc = wereld["users"][Rol.JEUGDCONSULENT]
    assert rechten.wijzig(eerste, jc, rol="") is None
    jc.refresh_from_db()
    assert jc.rol == ""
    assert Toegangslogregel.objects.filter(actie=Actie.RECHT_GEWIJZIGD, gebruikersnaam="fb").exists()


def _activeringslink() -> str:
    return re.search(r"https?://\S+/activeren/\S+/", mail.outbox[-1].body).group(0)


def test_a_new_user_activates_itself_and_no_beheerder_knows_the_password(client, wereld, beheerders):
    eerste, _tweede = beheerders
    login_verified(client, eerste)
    response = client.post(
        reverse("admin:accounts_user_add"),
        {
            "username": "nieuwe",
            "first_name": "Nina",
            "last_name": "Nieuw",
            "email": "nina@example.org",
            "rol": Rol.CJG_MEDEWERKER,
            "team": wereld["eigen"].team_id,
            "gemeente": "",
            "aanbieder": "",
        },
    )
    assert response.status_code == 302
    nieuw = User.objects.get(username="nieuwe")
    assert not nieuw.has_usable_password() and nieuw.rol == ""  # the role waits for the second beheerder
    assert Rechtaanvraag.objects.filter(gebruiker=nieuw, rol=Rol.CJG_MEDEWERKER).exists()
    assert mail.outbox[-1].to == ["nina@example.org"]
    link = _activeringslink()
    assert link not in client.get(reverse("admin:accounts_user_change", args=[nieuw.pk])).content.decode()
    assert client.get(reverse("admin:auth_user_password_change", args=[nieuw.pk])).status_code == 403

    client.logout()
    wachtwoord = "Zelf-gekozen-wachtwoord-42"  # noqa: S105
    response = client.post(link, {"new_password1": wachtwoord, "new_password2": wachtwoord})
    assert response["Location"] == reverse("accounts:setup")  # then she enrols her own authenticator
    nieuw.refresh_from_db()
    assert nieuw.check_password(wachtwoord)
    client.logout()
    assert client.get(link).status_code == 400  # one time only


def test_activation_link_expires(client, wereld, beheerders, time_machine, settings):
    import datetime as dt

    eerste, _tweede = beheerders
    time_machine.move_to(dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC), tick=False)
    nieuw = factories.UserFactory(username="laat", email="laat@example.org", rol="")
    from django.test import RequestFactory

    from jeugdhulp.accounts import activering

    activering.stuur(RequestFactory().get("/"), nieuw, eerste)
    time_machine.move_to(
        dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC) + dt.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 1)
    )
    assert client.get(_activeringslink()).status_code == 400


def test_a_password_only_session_cannot_enrol_a_second_factor_for_an_account_that_has_one(client, db):
    user = factories.UserFactory(username="heeft-al", rol=Rol.AUDITOR)
    client.post(reverse("accounts:login"), {"username": "heeft-al", "password": "Sterk-wachtwoord-123"})
    assert client.get(reverse("accounts:setup"))["Location"] == reverse("accounts:verify")
    pending = TOTPDevice.objects.create(user=user, name="aanvaller", confirmed=False)
    client.post(reverse("accounts:setup"), {"token": current_code(pending.key)})
    pending.refresh_from_db()
    assert not pending.confirmed
    assert client.get(reverse("web:home")).status_code == 302  # still not verified
