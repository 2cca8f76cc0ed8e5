"""Activation links: a new user sets their own password and enrols their authenticator; no beheerder knows it.

The link is one-time and expiring (Django's password-reset tokens: the token hashes the password and last login, so
it is spent once the password is set; it expires after ``PASSWORD_RESET_TIMEOUT``, 3 days by default). It goes by
e-mail to the user's own address and is not shown to the beheerder who made the account.
"""

from __future__ import annotations

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from jeugdhulp.audit import log
from jeugdhulp.audit.models import Actie


class ActiveringTokens(PasswordResetTokenGenerator):
    key_salt = "jeugdhulp.accounts.activering"


tokens = ActiveringTokens()


def link(request, gebruiker) -> str:
    pad = reverse(
        "accounts:activeren",
        args=[urlsafe_base64_encode(force_bytes(gebruiker.pk)), tokens.make_token(gebruiker)],
    )
    return request.build_absolute_uri(pad)


def stuur(request, gebruiker, door) -> None:
    """E-mail a fresh activation link to the user and log that one was made (not the link itself)."""
    send_mail(
        _("Uw account voor Jeugdhulp Oss"),
        _(
            "Beste %(naam)s,\n\nEr is een account voor u gemaakt (gebruikersnaam: %(gebruikersnaam)s). Kies zelf uw "
            "wachtwoord en stel uw authenticator-app in via deze link. De link werkt één keer en is 3 dagen geldig:\n\n"
            "%(link)s\n\nHeeft u dit niet verwacht? Meld het bij de functioneel beheerder."
        )
        % {
            "naam": gebruiker.get_full_name() or gebruiker.get_username(),
            "gebruikersnaam": gebruiker.get_username(),
            "link": link(request, gebruiker),
        },
        None,
        [gebruiker.email],
    )
    log.schrijf(
        request, Actie.ACTIVERINGSLINK, onderwerp=gebruiker.get_username(), reden=gebruiker.email, gebruiker=door
    )
