"""Activation links: a new user sets their own password and enrols their authenticator; no beheerder knows it.

The link is one-time and expiring (Django's password-reset tokens: the token hashes the password and last login, so
it is spent once the password is set; it expires after ``PASSWORD_RESET_TIMEOUT``, 3 days by default). It goes by
e-mail to the user's own address and is not shown to the beheerder who made the account.

The mail goes through the mail queue (``jeugdhulp.taken.mail``): the worker sends it with retries, and the queue
wipes address and body once it is sent, so the link (a secret) is not kept. The access log records that a link was
made and to which address, never the link.

One beheerder may send a link only to an account that has not chosen a password yet (``mag_direct``); for an account
that has, a new link lets whoever reads the mailbox choose the password, so it takes a second beheerder (``rechten``).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from jeugdhulp.audit import log
from jeugdhulp.audit.models import Actie
from jeugdhulp.taken import mail as taken_mail
from jeugdhulp.taken.models import MailSoort


class ActiveringTokens(PasswordResetTokenGenerator):
    key_salt = "jeugdhulp.accounts.activering"


tokens = ActiveringTokens()


def link(request, gebruiker) -> str:
    pad = reverse(
        "accounts:activeren",
        args=[urlsafe_base64_encode(force_bytes(gebruiker.pk)), tokens.make_token(gebruiker)],
    )
    return request.build_absolute_uri(pad) if request is not None else settings.JEUGDHULP_SITE_URL + pad


def mag_direct(gebruiker) -> bool:
    """One beheerder may (re)send a link only while the account has no password of its own yet."""
    return not gebruiker.has_usable_password()


def stuur(request, gebruiker, door) -> None:
    """Queue a mail with a fresh activation link to the user and log that one was made (not the link itself)."""
    taken_mail.in_wachtrij(
        MailSoort.ACTIVERINGSLINK,
        gebruiker.email,
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
    )
    log.schrijf(
        request, Actie.ACTIVERINGSLINK, onderwerp=gebruiker.get_username(), reden=gebruiker.email, gebruiker=door
    )
