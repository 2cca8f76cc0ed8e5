"""Outgoing mail is a queued task: the request only stores it; the worker sends, retries, and finally gives up
visibly. Nothing personal stays behind in the row, the log or the task's error."""

import datetime as dt
import socket
import time

from django.core import mail as django_mail

import pytest
from django_tasks_db.models import DBTaskResult

from jeugdhulp.taken import mail, wachtrij
from jeugdhulp.taken.models import Mail, MailSoort, MailStatus
from jeugdhulp.taken.worker import draai_eenmaal

pytestmark = pytest.mark.django_db


def _gesloten_poort() -> int:
    """A local port where nothing listens: connecting is refused at once (a mail server that is down)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    poort = s.getsockname()[1]
    s.close()
    return poort


@pytest.fixture
def weigerende_server(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _gesloten_poort()
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 2


def test_queued_mail_is_sent_by_the_worker_and_forgets_address_and_body(nu, mail_naar_geheugen, caplog):
    m = mail.in_wachtrij(MailSoort.HERINNERING, "sanne@oss.example", "Onderwerp", "Er staat iets klaar.")
    assert django_mail.outbox == [] and DBTaskResult.objects.ready().count() == 1
    draai_eenmaal(nu)
    assert [b.to for b in django_mail.outbox] == [["sanne@oss.example"]]
    m.refresh_from_db()
    assert (m.status, m.pogingen, m.aan, m.tekst, m.aan_domein) == (MailStatus.VERZONDEN, 1, "", "", "oss.example")
    assert "sanne" not in caplog.text and "Er staat iets" not in caplog.text


def test_a_key_makes_a_mail_once(nu):
    assert mail.in_wachtrij(MailSoort.HERINNERING, "a@b.nl", "x", "y", sleutel="k1") is not None
    assert mail.in_wachtrij(MailSoort.HERINNERING, "a@b.nl", "x", "y", sleutel="k1") is None
    assert Mail.objects.count() == 1 and DBTaskResult.objects.count() == 1


def test_a_task_run_twice_sends_once(nu, mail_naar_geheugen):
    m = mail.in_wachtrij(MailSoort.HERINNERING, "a@b.nl", "x", "y")
    mail.verstuur_mail.call(m.pk)
    assert mail.verstuur_mail.call(m.pk) == "al verzonden"
    assert len(django_mail.outbox) == 1


def test_refusing_server_keeps_the_mail_queued_retried_with_backoff_then_given_up(
    nu, weigerende_server, time_machine, settings
):
    m = mail.in_wachtrij(MailSoort.HULPVRAAG_BEVESTIGING, "ouder@example.nl", "Je vraag", "Je nummer is HV-000001.")
    draai_eenmaal(nu)
    m.refresh_from_db()
    assert (m.status, m.pogingen, m.tekst) == (MailStatus.OPNIEUW, 1, "Je nummer is HV-000001.")
    assert m.laatste_fout.startswith("ConnectionRefusedError")
    assert m.volgende_poging == nu + dt.timedelta(minutes=1)
    mislukt = DBTaskResult.objects.failed().get()
    assert "MailNietVerstuurd" in mislukt.traceback
    assert "ouder@example.nl" not in mislukt.traceback and "HV-000001" not in mislukt.traceback
    # Not before its time: a minute later it is tried again, with a doubled wait after that.
    assert draai_eenmaal(nu + dt.timedelta(seconds=30)) == 0
    later = nu
    for poging in range(2, mail.POGINGEN + 1):
        later += mail.wachttijd(poging - 1)
        time_machine.move_to(later, tick=False)
        assert draai_eenmaal(later) >= 1
        m.refresh_from_db()
        assert m.pogingen == poging
    assert m.status == MailStatus.OPGEGEVEN and m.volgende_poging is None
    assert any("mail kon na herhaald proberen" in s.tekst for s in wachtrij.signalen())
    # The server is back: the beheerder retries, and it goes.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert wachtrij.opnieuw(DBTaskResult.objects.failed().order_by("-finished_at").first().pk)
    draai_eenmaal(later)
    m.refresh_from_db()
    assert m.status == MailStatus.VERZONDEN and len(django_mail.outbox) == 1
    assert wachtrij.signalen() == []


def test_the_web_request_does_not_wait_for_a_refusing_or_slow_server(client, kaart, weigerende_server, settings):
    from django.core.mail.backends.smtp import EmailBackend

    settings.EMAIL_HOST = "10.255.255.1"  # unroutable: a connection attempt would hang until the timeout
    settings.EMAIL_TIMEOUT = 10
    verbindingen = []
    origineel = EmailBackend.open
    EmailBackend.open = lambda self: verbindingen.append(1) or origineel(self)
    try:
        start = time.monotonic()
        response = client.post(
            "/hulpvraag/",
            {
                "vraag": "Mijn dochter slaapt slecht.",
                "vrager": "ouder",
                "contactvoorkeur": "email",
                "email": "ouder@example.nl",
                "bevestiging_email": "on",
            },
        )
        duur = time.monotonic() - start
    finally:
        EmailBackend.open = origineel
    assert response.status_code == 302
    assert verbindingen == [] and duur < settings.EMAIL_TIMEOUT  # no SMTP in the request
    assert Mail.objects.get().status == MailStatus.WACHT


@pytest.mark.parametrize(
    ("url", "verwacht"),
    [
        ("file://var/mail", {"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend"}),
        (
            "smtp://cjg%40oss.nl:ge%2Fheim@mail.oss.nl",
            {
                "EMAIL_HOST_USER": "cjg@oss.nl",
                "EMAIL_HOST_PASSWORD": "ge/heim",
                "EMAIL_PORT": 587,
                "EMAIL_USE_TLS": True,
            },
        ),  # fmt: skip
        ("smtps://mail.oss.nl", {"EMAIL_PORT": 465, "EMAIL_USE_SSL": True, "EMAIL_USE_TLS": False}),
        ("smtp://relay:25", {"EMAIL_PORT": 25, "EMAIL_USE_TLS": False}),
    ],
)
def test_email_url(url, verwacht):
    from jeugdhulp.conf import env

    waarden = env.email_settings(url)
    assert {k: waarden[k] for k in verwacht} == verwacht
    if url.startswith("file"):
        assert waarden["EMAIL_FILE_PATH"] == str(env.BASE_DIR / "var" / "mail")


def test_email_url_errors_name_the_variable():
    from jeugdhulp.conf import env

    with pytest.raises(env.ConfigurationError, match="EMAIL_URL"):
        env.read({"EMAIL_URL": "pop3://mail"})
