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
from jeugdhulp.taken.models import Mail, MailSoort, MailStatus
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
        (Actie.RECHT_GEWEIGERD, eerste.username),  # the refused own approval is on the record
        (Actie.RECHT_VERLEEND, tweede.username),
    ]
    assert "Eigen beoordeling van aanvraag" in regels[1].reden
    assert "beleid: Jeugdconsulent (backoffice), Oss" in regels[2].onderwerp


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
    from jeugdhulp.taken.worker import draai_eenmaal

    draai_eenmaal()  # the link is queued; the worker sends it
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
    assert mail.outbox == []  # not sent in the request: queued for the worker, with retries
    link = _activeringslink()
    assert mail.outbox[-1].to == ["nina@example.org"]
    verstuurd = Mail.objects.get(soort=MailSoort.ACTIVERINGSLINK)
    assert verstuurd.status == MailStatus.VERZONDEN and verstuurd.tekst == "" and verstuurd.aan == ""  # link wiped
    assert not any(link in f"{r.onderwerp} {r.reden} {r.pad}" for r in Toegangslogregel.objects.all())
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


def _stuur_link(client, gebruiker):
    return client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "stuur_activeringslink", "_selected_action": [gebruiker.pk]},
    )


def test_one_beheerder_cannot_take_over_an_approved_account_by_its_email(client, wereld, beheerders):
    """The tester's path: change the address of a just-approved jeugdconsulent, resend the link, activate it."""
    eerste, tweede = beheerders
    jc = factories.UserFactory(
        username="nieuw-jc", email="jc@oss.example", rol=Rol.JEUGDCONSULENT, gemeente=wereld["oss"]
    )
    jc.set_unusable_password()
    jc.save()
    login_verified(client, eerste)
    _change(client, jc, email="fb-prive@example.org")
    jc.refresh_from_db()
    assert jc.email == "jc@oss.example"  # no effect until a second beheerder approves
    aanvraag = Rechtaanvraag.objects.get(gebruiker=jc, status=Rechtaanvraag.Status.OPEN)
    assert "jc@oss.example → fb-prive@example.org" in aanvraag.omschrijving

    _stuur_link(client, jc)  # not activated yet: one beheerder may resend, but only to the address on file
    assert _activeringslink() and mail.outbox[-1].to == ["jc@oss.example"]

    login_verified(client, tweede)
    client.post(
        reverse("admin:accounts_rechtaanvraag_changelist"),
        {"action": "goedkeuren", "_selected_action": [aanvraag.pk]},
    )
    jc.refresh_from_db()
    assert jc.email == "fb-prive@example.org"
    assert _activeringslink() and mail.outbox[-1].to == ["fb-prive@example.org"]  # a fresh link to the new address
    regel = Toegangslogregel.objects.get(actie=Actie.EMAIL_GEWIJZIGD)
    assert regel.gebruikersnaam == "fb2" and "jc@oss.example" in regel.reden and "fb-prive" in regel.reden


def test_an_activated_account_gets_no_new_link_from_one_beheerder(client, wereld, beheerders):
    """Else the beheerder who reads the mailbox chooses the password and locks out the real user."""
    eerste, tweede = beheerders
    jc = wereld["users"][Rol.JEUGDCONSULENT]
    User.objects.filter(pk=jc.pk).update(email="jc@oss.example")
    assert jc.has_usable_password()
    login_verified(client, eerste)
    _stuur_link(client, jc)
    assert not Mail.objects.filter(soort=MailSoort.ACTIVERINGSLINK).exists()
    aanvraag = Rechtaanvraag.objects.get(gebruiker=jc, status=Rechtaanvraag.Status.OPEN)
    assert aanvraag.nieuwe_activeringslink and aanvraag.rol == Rol.JEUGDCONSULENT

    rechten.keur_goed(tweede, aanvraag)
    assert Mail.objects.filter(soort=MailSoort.ACTIVERINGSLINK).count() == 1


def test_a_beheerder_with_the_users_address_still_needs_four_eyes_for_a_role_request(wereld, beheerders):
    """A user with an open request is guarded too: the address cannot move while the role waits for approval."""
    eerste, _tweede = beheerders
    nieuw = factories.UserFactory(username="wacht", email="wacht@oss.example", rol="")
    rechten.wijzig(eerste, nieuw, rol=Rol.JEUGDCONSULENT, gemeente=wereld["oss"])
    with pytest.raises(rechten.ValidationError):
        rechten.wijzig(eerste, nieuw, email="fb-prive@example.org")
    nieuw.refresh_from_db()
    assert nieuw.email == "wacht@oss.example"


def test_deactivating_applies_at_once_and_reactivating_takes_four_eyes(client, wereld, beheerders):
    eerste, tweede = beheerders
    jc = wereld["users"][Rol.JEUGDCONSULENT]
    login_verified(client, eerste)
    _change(client, jc, is_active="")
    jc.refresh_from_db()
    assert not jc.is_active
    assert Toegangslogregel.objects.filter(actie=Actie.GEDEACTIVEERD, onderwerp=jc.username).exists()

    _change(client, jc)  # is_active on again
    jc.refresh_from_db()
    assert not jc.is_active
    aanvraag = Rechtaanvraag.objects.get(gebruiker=jc, status=Rechtaanvraag.Status.OPEN)
    assert aanvraag.heractiveren
    rechten.keur_goed(tweede, aanvraag)
    jc.refresh_from_db()
    assert jc.is_active
    assert Toegangslogregel.objects.filter(actie=Actie.GEACTIVEERD, gebruikersnaam="fb2").exists()


def test_an_email_change_without_person_level_rights_applies_at_once_and_is_logged(client, wereld, beheerders):
    eerste, _tweede = beheerders
    redacteur = factories.UserFactory(username="red", email="red@oss.example", rol=Rol.REDACTEUR)
    login_verified(client, eerste)
    _change(client, redacteur, email="redactie@oss.example")
    redacteur.refresh_from_db()
    assert redacteur.email == "redactie@oss.example"
    assert not Rechtaanvraag.objects.exists()
    regel = Toegangslogregel.objects.get(actie=Actie.EMAIL_GEWIJZIGD)
    assert regel.reden == "Van red@oss.example naar redactie@oss.example"


def test_posting_role_fields_into_ones_own_account_is_logged(client, wereld):
    fb = wereld["users"][Rol.FUNCTIONEEL_BEHEERDER]
    login_verified(client, fb)
    _change(client, fb, rol=Rol.JEUGDCONSULENT, gemeente=wereld["oss"].pk, email="ander@example.org")
    fb.refresh_from_db()
    assert (fb.rol, fb.email) != (Rol.JEUGDCONSULENT, "ander@example.org")
    regel = Toegangslogregel.objects.get(actie=Actie.RECHT_GEWEIGERD)
    assert regel.gebruikersnaam == fb.username and "rol" in regel.reden and "email" in regel.reden


def test_the_users_page_shows_the_pending_request_with_from_and_to(client, wereld, beheerders, time_machine):
    import datetime as dt

    time_machine.move_to(dt.datetime(2026, 12, 6, 9, 30, tzinfo=dt.UTC), tick=False)
    eerste, _tweede = beheerders
    jc = wereld["users"][Rol.JEUGDCONSULENT]
    User.objects.filter(pk=jc.pk).update(email="jc@oss.example")
    rechten.wijzig(eerste, jc, rol=Rol.JEUGDCONSULENT, gemeente=wereld["bosch"])
    login_verified(client, eerste)
    pagina = client.get(reverse("admin:accounts_user_change", args=[jc.pk])).content.decode()
    assert "Wacht op goedkeuring door een tweede beheerder: Jeugdconsulent (backoffice), Oss (0828) → " in pagina
    assert "6 december 2026, 10:30" in pagina
    lijst = client.get(reverse("admin:accounts_rechtaanvraag_changelist")).content.decode()
    assert "Jeugdconsulent (backoffice), Oss (0828) → Jeugdconsulent (backoffice)," in lijst
    assert '<td class="field-huidig_email">jc@oss.example</td>' in lijst  # the address on file, for the approver


def test_the_add_user_page_speaks_dutch(client, wereld):
    login_verified(client, wereld["users"][Rol.FUNCTIONEEL_BEHEERDER])
    pagina = client.get(reverse("admin:accounts_user_add")).content.decode()
    assert "After you" not in pagina and "activeringslink" in pagina
