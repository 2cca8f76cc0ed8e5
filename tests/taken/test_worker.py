"""The worker process itself: a worker killed with kill -9 mid-task loses nothing and the effect happens once, and
two workers never deliver the same outbox message twice (PostgreSQL). Real `jeugdhulp worker` processes."""

import datetime as dt
import http.server
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from django.db import connection

import pytest
from django_tasks_db.models import DBTaskResult

from jeugdhulp.berichten import outbox
from jeugdhulp.berichten.models import Bericht, Status
from jeugdhulp.taken import jobs
from jeugdhulp.taken.models import Werker
from jeugdhulp.taken.worker import herstel_verweesde_taken

JEUGDHULP = str(Path(sys.executable).parent / "jeugdhulp")
VANDAAG = dt.date(2024, 6, 1)


class Ontvanger(http.server.ThreadingHTTPServer):
    """A message hub: counts POSTs per file name; while ``vasthouden`` is set, it keeps the first request hanging."""

    def __init__(self):
        self.posts = Counter()
        self.eerste = threading.Event()
        self.vasthouden = threading.Event()
        self.vertraging = 0.0
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers["Content-Length"]))
                server.posts[self.headers["X-Bestandsnaam"]] += 1
                server.eerste.set()
                while server.vasthouden.is_set():
                    time.sleep(0.05)
                time.sleep(server.vertraging)
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/ijw"


class Database:
    """The test database as another process sees it: PostgreSQL's test database, or SQLite copied to a file."""

    def __init__(self, tmp_path):
        self.sqlite = connection.vendor == "sqlite"
        if self.sqlite:
            self.pad = tmp_path / "worker.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(self.pad) as doel:
                connection.connection.backup(doel)
            self.url = f"sqlite:///{self.pad}"
        else:
            s = connection.settings_dict
            self.url = (
                f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
            )

    def status(self, sql: str):
        if self.sqlite:
            with sqlite3.connect(self.pad) as c:
                return c.execute(sql).fetchall()
        with connection.cursor() as c:
            c.execute(sql)
            return c.fetchall()

    def terug(self):
        """Bring what the workers did back into this process's database (SQLite only; PostgreSQL is shared)."""
        if self.sqlite:
            with sqlite3.connect(self.pad) as bron:
                bron.backup(connection.connection)

    def worker(self, *args, **env) -> subprocess.Popen:
        omgeving = {k: v for k, v in os.environ.items() if not k.startswith("JEUGDHULP_")}
        omgeving.update(DATABASE_URL=self.url, **env)
        return subprocess.Popen([JEUGDHULP, "worker", "--zonder-planning", *args], env=omgeving)


def _wacht(voorwaarde, seconden=90):
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if voorwaarde():
            return True
        time.sleep(0.1)
    return False


@pytest.mark.django_db(transaction=True)
def test_kill_9_mid_task_loses_nothing_and_the_effect_happens_once(ijw, tmp_path):
    bericht = outbox.maak_jw301(ijw["oss"], ijw["jeugdige"], ijw["aanbieder"], vandaag=VANDAAG)
    taak = jobs.verzend_outbox.enqueue()
    hub = Ontvanger()
    hub.vasthouden.set()
    db = Database(tmp_path)
    eerste = db.worker("--interval", "0.2", JEUGDHULP_IJW_OUTBOX_URL=hub.url)
    try:
        assert hub.eerste.wait(90), "the worker did not start delivering"
        assert db.status("SELECT status FROM django_tasks_database_dbtaskresult") == [("RUNNING",)]
        eerste.send_signal(signal.SIGKILL)  # mid-task: the message is on the wire, nothing committed
        eerste.wait(10)
    finally:
        if eerste.poll() is None:
            eerste.kill()
            eerste.wait()
    hub.vasthouden.clear()
    assert db.status("SELECT status FROM django_tasks_database_dbtaskresult") == [("RUNNING",)]  # orphaned

    tweede = db.worker("--eenmalig", JEUGDHULP_IJW_OUTBOX_URL=hub.url)
    assert tweede.wait(120) == 0
    db.terug()
    resultaat = DBTaskResult.objects.get(pk=taak.id)
    assert resultaat.status == "SUCCESSFUL" and len(resultaat.worker_ids) == 2  # ran again, on the next worker
    assert resultaat.return_value == {"verstuurd": 1, "mislukt": 0}
    bericht.refresh_from_db()
    # Once: one counted attempt, one send time; the killed attempt left no trace in the database.
    assert (bericht.status, bericht.pogingen) == (Status.VERZONDEN, 1) and bericht.verzonden is not None
    # The hub saw the same message (same BerichtIdentificatie and file name) twice: at-least-once on the wire.
    assert list(hub.posts.values()) == [2]
    hub.shutdown()


@pytest.mark.django_db
def test_recovery_leaves_tasks_of_live_workers_alone(nu):
    from django.utils import timezone

    jobs.opruimen.enqueue()
    taak = DBTaskResult.objects.get()
    Werker.objects.create(werker_id="levend", host="elders", pid=1, gestart=nu, laatst_gezien=nu)
    taak.claim("levend")
    assert herstel_verweesde_taken(nu + dt.timedelta(seconds=30)) == 0
    assert herstel_verweesde_taken(nu + dt.timedelta(seconds=61)) == 1  # no heartbeat for a minute: dead
    assert DBTaskResult.objects.get().status == "READY"
    assert timezone.now() == nu


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_never_deliver_the_same_outbox_message_twice(ijw, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://…): SQLite serialises writers, there is no race")
    berichten = [outbox.maak_jw301(ijw["oss"], ijw["jeugdige"], ijw["aanbieder"], vandaag=VANDAAG) for _ in range(30)]
    taken = [jobs.verzend_outbox.enqueue(), jobs.verzend_outbox.enqueue()]
    hub = Ontvanger()
    hub.vertraging = 0.1  # 3 seconds of deliveries: both workers are at it at the same time
    db = Database(tmp_path)
    hub.vasthouden.set()  # hold the first delivery until both workers have their task
    workers = [db.worker("--eenmalig", JEUGDHULP_IJW_OUTBOX_URL=hub.url) for _ in range(2)]
    try:
        bezig = "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING'"
        assert _wacht(lambda: db.status(bezig) == [(2,)]), "both workers should hold a task"
        hub.vasthouden.clear()
        assert [w.wait(120) for w in workers] == [0, 0]
    finally:
        for w in workers:
            if w.poll() is None:
                w.kill()
                w.wait()
    hub.shutdown()
    assert len(hub.posts) == 30 and set(hub.posts.values()) == {1}  # every message once, none twice
    verstuurd = [DBTaskResult.objects.get(pk=t.id).return_value["verstuurd"] for t in taken]
    assert sum(verstuurd) == 30 and min(verstuurd) > 0  # both workers delivered, concurrently
    assert Bericht.objects.filter(pk__in=[b.pk for b in berichten], status=Status.VERZONDEN, pogingen=1).count() == 30
