"""What the beheer page reads: the queue by state, failures in words, signals that need a person, and the retry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from jeugdhulp.taken import mail as taken_mail
from jeugdhulp.taken import worker
from jeugdhulp.taken.models import Mail, MailStatus, Werker

HERHAALD_MISLUKT = 3  # a job whose last 3 runs all failed is a signal, not noise
WACHT_TE_LANG = dt.timedelta(minutes=2)

TAAKNAMEN = {
    "jeugdhulp.taken.mail.verstuur_mail": gettext_lazy("Mail versturen"),
    "jeugdhulp.taken.jobs.verzend_outbox": gettext_lazy("iJw-berichten versturen"),
    "jeugdhulp.taken.jobs.herinneringen": gettext_lazy("Herinneringen"),
    "jeugdhulp.taken.jobs.sociale_kaart_controle": gettext_lazy("Sociale kaart: controlelinks"),
    "jeugdhulp.taken.jobs.bewaartermijnen": gettext_lazy("Bewaartermijnen"),
    "jeugdhulp.taken.jobs.opruimen": gettext_lazy("Opruimen"),
}


def taaknaam(taak: DBTaskResult) -> str:
    return str(TAAKNAMEN.get(taak.task_path, taak.task_path.rpartition(".")[2]))


def fout(taak: DBTaskResult) -> str:
    """The error's class and last line; the traceback itself stays in the database for a developer."""
    regels = [r for r in (taak.traceback or "").strip().splitlines() if r.strip()]
    return (regels[-1] if regels else taak.exception_class_path)[:300]


@dataclass(frozen=True)
class Signaal:
    tekst: str


def signalen(nu: dt.datetime | None = None) -> list[Signaal]:
    nu = nu or timezone.now()
    uit = []
    opgegeven = Mail.objects.filter(status=MailStatus.OPGEGEVEN).count()
    if opgegeven:
        tekst = ngettext(
            "%(n)s mail kon na herhaald proberen niet worden verstuurd.",
            "%(n)s mails konden na herhaald proberen niet worden verstuurd.",
            opgegeven,
        )
        uit.append(Signaal(tekst % {"n": opgegeven}))
    for pad in DBTaskResult.objects.finished().order_by("task_path").values_list("task_path", flat=True).distinct():
        if pad == "jeugdhulp.taken.mail.verstuur_mail":
            continue  # mails have their own signal above
        laatste = list(
            DBTaskResult.objects.finished()
            .filter(task_path=pad)
            .order_by("-finished_at")
            .values_list("status", flat=True)[:HERHAALD_MISLUKT]
        )
        if len(laatste) == HERHAALD_MISLUKT and all(s == TaskResultStatus.FAILED for s in laatste):
            naam = TAAKNAMEN.get(pad, pad)
            uit.append(
                Signaal(_("%(taak)s is %(n)s keer achter elkaar mislukt.") % {"taak": naam, "n": HERHAALD_MISLUKT})
            )
    oudste = DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    if not worker.levende_werkers(nu) and oudste and oudste < nu - WACHT_TE_LANG:
        uit.append(Signaal(_("Er draait geen worker: taken wachten sinds %(tijd)s. Start `jeugdhulp worker`.")
                           % {"tijd": timezone.localtime(oudste).strftime("%H.%M")}))  # fmt: skip
    return uit


def overzicht(nu: dt.datetime | None = None) -> dict:
    nu = nu or timezone.now()
    taken = DBTaskResult.objects.all()
    per_status = dict(taken.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    return {
        "signalen": signalen(nu),
        "werkers": Werker.objects.filter(pk__in=worker.levende_werkers(nu)).order_by("gestart"),
        "aantallen": {s: per_status.get(s, 0) for s in TaskResultStatus.values},
        "wachtend": taken.ready().order_by("run_after", "enqueued_at")[:50],
        "gepland": taken.filter(status=TaskResultStatus.READY).exclude(pk__in=taken.ready()).order_by("run_after")[:20],
        "bezig": taken.running().order_by("started_at")[:50],
        "mislukt": taken.failed().order_by("-finished_at")[:50],
        "mails": Mail.objects.all()[:50],
    }


def opnieuw(taak_id) -> bool:
    """Put a failed task back in the queue (a mail restarts its series of attempts)."""
    taak = DBTaskResult.objects.filter(pk=taak_id, status=TaskResultStatus.FAILED).first()
    if taak is None:
        return False
    with transaction.atomic():
        if taak.task_path == "jeugdhulp.taken.mail.verstuur_mail":
            mail = Mail.objects.filter(pk=taak.args_kwargs["args"][0]).first()
            if mail is not None and mail.status == MailStatus.OPGEGEVEN:
                taken_mail.opnieuw(mail)
            DBTaskResult.objects.filter(pk=taak.pk).delete()  # superseded by the new series
            return True
        DBTaskResult.objects.filter(pk=taak.pk, status=TaskResultStatus.FAILED).update(
            status=TaskResultStatus.READY,
            run_after=get_date_max(),
            started_at=None,
            finished_at=None,
            exception_class_path="",
            traceback="",
            return_value=None,
        )
    return True
