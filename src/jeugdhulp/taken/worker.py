"""``jeugdhulp worker``: django-tasks-db's worker, plus what keeps the queue honest.

* A heartbeat row per worker process (``Werker``), every few seconds, from a clock thread.
* Recovery: a task left ``RUNNING`` by a worker that died (kill -9, a crash, a reboot) goes back to ``READY`` and
  runs again. A worker is dead when its heartbeat is older than ``VERLOREN_NA``, or at once when it ran on this
  host and its process is gone. Jobs are idempotent, so a task that ran halfway and runs again has its effect once.
* The schedule (``planning.plan``), from the same clock thread.

``draai_eenmaal()`` does one tick and then runs every ready task, in-process: for tests and cron-style use.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading

from django.db import close_old_connections
from django.utils import timezone
from django.utils.crypto import get_random_string

from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from jeugdhulp.taken import planning
from jeugdhulp.taken.models import Werker

log = logging.getLogger(__name__)

HARTSLAG = dt.timedelta(seconds=5)
VERLOREN_NA = dt.timedelta(seconds=60)
HOST = socket.gethostname()[:255]


def nieuw_id() -> str:
    return f"{HOST[:20]}-{os.getpid()}-{get_random_string(8)}"


def hartslag(werker_id: str, nu: dt.datetime | None = None) -> None:
    nu = nu or timezone.now()
    bijgewerkt = Werker.objects.filter(pk=werker_id).update(laatst_gezien=nu)
    if not bijgewerkt:
        Werker.objects.create(werker_id=werker_id, host=HOST, pid=os.getpid(), gestart=nu, laatst_gezien=nu)


def _proces_leeft(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def levende_werkers(nu: dt.datetime | None = None) -> set[str]:
    nu = nu or timezone.now()
    levend = set()
    for w in Werker.objects.filter(laatst_gezien__gte=nu - VERLOREN_NA):
        if w.host == HOST and not _proces_leeft(w.pid):
            continue
        levend.add(w.werker_id)
    return levend


def herstel_verweesde_taken(nu: dt.datetime | None = None) -> int:
    """Put tasks of dead workers back in the queue; returns how many."""
    nu = nu or timezone.now()
    levend = levende_werkers(nu)
    hersteld = 0
    for taak in DBTaskResult.objects.running().only("id", "worker_ids", "started_at"):
        eigenaar = taak.worker_ids[-1] if taak.worker_ids else None
        if eigenaar in levend:
            continue
        bekend = Werker.objects.filter(pk=eigenaar).exists() if eigenaar else False
        if not bekend and taak.started_at and taak.started_at > nu - VERLOREN_NA:
            continue  # a worker that has not sent its first heartbeat yet: give it time
        hersteld += DBTaskResult.objects.filter(
            pk=taak.pk, status=TaskResultStatus.RUNNING, started_at=taak.started_at
        ).update(status=TaskResultStatus.READY, started_at=None)
    if hersteld:
        log.warning("%s taak/taken van een gestopte worker opnieuw in de wachtrij gezet", hersteld)
    return hersteld


def tik(werker_id: str, nu: dt.datetime | None = None, *, planning_aan: bool = True) -> None:
    hartslag(werker_id, nu)
    herstel_verweesde_taken(nu)
    if planning_aan:
        planning.plan(nu)


class Klok(threading.Thread):
    """Heartbeat, recovery and schedule every few seconds, beside the worker's own loop."""

    def __init__(self, werker_id: str, *, planning_aan: bool = True):
        super().__init__(name="jeugdhulp-klok", daemon=True)
        self.werker_id = werker_id
        self.planning_aan = planning_aan
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(HARTSLAG.total_seconds()):
            try:
                tik(self.werker_id, planning_aan=self.planning_aan)
            except Exception:
                log.exception("worker-klok: tik mislukt")
            finally:
                close_old_connections()


def maak_worker(werker_id: str, *, interval: float = 1.0, batch: bool = False) -> Worker:
    return Worker(
        queue_names=["default"],
        interval=interval,
        batch=batch,
        backend_name=DEFAULT_TASK_BACKEND_ALIAS,
        startup_delay=False,
        max_tasks=None,
        worker_id=werker_id,
        excluded_queue_names=[],
    )


def voer_klaarstaande_uit(werker_id: str) -> int:
    """Run every ready task once, in this process and transaction (the worker loop without its sleeps)."""
    worker = maak_worker(werker_id, batch=True)
    aantal = 0
    while True:
        klaar = DBTaskResult.objects.ready().filter(backend_name=DEFAULT_TASK_BACKEND_ALIAS)
        with exclusive_transaction(klaar.db):
            taak = klaar.get_locked()
            if taak is not None:
                taak.claim(werker_id)
        if taak is None:
            return aantal
        worker.run_task(taak)
        aantal += 1


def draai_eenmaal(nu: dt.datetime | None = None, *, werker_id: str | None = None) -> int:
    werker_id = werker_id or nieuw_id()
    tik(werker_id, nu)
    return voer_klaarstaande_uit(werker_id)
