"""Outgoing mail, always through the queue: the web request only stores the mail and its task.

``in_wachtrij()`` stores a ``Mail`` and enqueues ``verstuur_mail`` in the caller's transaction (the mail exists if
and only if the data it is about was saved). The worker sends it with the backend configured by ``EMAIL_URL``.
A failure is retried with backoff (1, 2, 4, 8 … minutes) up to ``POGINGEN`` times, then the mail is ``opgegeven``
and the beheer page shows it. Once sent, the address and body are removed from the row. Logs and errors name the
mail's number, kind and the exception class, never an address or content.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from django_tasks import task

from jeugdhulp.taken.models import Mail, MailStatus

log = logging.getLogger(__name__)

POGINGEN = 6  # about an hour of retries (1+2+4+8+16 minutes) before a person has to look


class MailNietVerstuurd(Exception):
    """Raised by the task so the queue records the failure; the message carries no personal data."""


def wachttijd(poging: int) -> dt.timedelta:
    return dt.timedelta(minutes=min(2 ** (poging - 1), 60))


def in_wachtrij(soort: str, aan: str, onderwerp: str, tekst: str, *, sleutel: str | None = None) -> Mail | None:
    """Queue one mail. With a ``sleutel`` a second call for the same key adds nothing and returns None."""
    velden = {
        "soort": soort,
        "aan": aan,
        "aan_domein": aan.rpartition("@")[2][:254],
        "onderwerp": onderwerp[:200],
        "tekst": tekst,
    }
    with transaction.atomic():
        if sleutel:
            mail, nieuw = Mail.objects.get_or_create(sleutel=sleutel, defaults=velden)
            if not nieuw:
                return None
        else:
            mail = Mail.objects.create(**velden)
        verstuur_mail.enqueue(mail.pk)
    log.info("mail %s (%s) in de wachtrij", mail.pk, soort)
    return mail


def _fout(exc: BaseException) -> str:
    """The error as the beheerder may see it: class and SMTP code, never the server's text (it may echo addresses)."""
    code = getattr(exc, "smtp_code", None)
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code = "ontvanger geweigerd"
    return f"{type(exc).__name__}{f' ({code})' if code else ''}"[:200]


@task()
def verstuur_mail(mail_id: int, poging: int = 1) -> str:
    mail = Mail.objects.filter(pk=mail_id).first()
    if mail is None or mail.status == MailStatus.VERZONDEN:
        return "al verzonden"  # a task that ran twice (a worker died after sending) sends nothing more
    try:
        EmailMessage(mail.onderwerp, mail.tekst, None, [mail.aan]).send()
    except Exception as exc:
        fout = _fout(exc)
        with transaction.atomic():
            if poging < POGINGEN:
                later = timezone.now() + wachttijd(poging)
                Mail.objects.filter(pk=mail.pk).update(
                    status=MailStatus.OPNIEUW, pogingen=poging, laatste_fout=fout, volgende_poging=later
                )
                verstuur_mail.using(run_after=later).enqueue(mail.pk, poging=poging + 1)
                log.warning(
                    "mail %s (%s): poging %s mislukt (%s), opnieuw om %s", mail.pk, mail.soort, poging, fout, later
                )
            else:
                Mail.objects.filter(pk=mail.pk).update(
                    status=MailStatus.OPGEGEVEN, pogingen=poging, laatste_fout=fout, volgende_poging=None
                )
                log.error("mail %s (%s): opgegeven na %s pogingen (%s)", mail.pk, mail.soort, poging, fout)
        raise MailNietVerstuurd(f"Mail {mail.pk}, poging {poging}: {fout}") from None
    Mail.objects.filter(pk=mail.pk).update(
        status=MailStatus.VERZONDEN,
        pogingen=poging,
        verzonden_op=timezone.now(),
        volgende_poging=None,
        laatste_fout="",
        aan="",
        tekst="",
    )
    log.info("mail %s (%s) verzonden", mail.pk, mail.soort)
    return "verzonden"


def opnieuw(mail: Mail) -> None:
    """The beheerder's retry of a mail that was given up: a fresh series of attempts."""
    with transaction.atomic():
        Mail.objects.filter(pk=mail.pk).update(status=MailStatus.WACHT, volgende_poging=None)
        verstuur_mail.enqueue(mail.pk)
