"""Cost of the access log's hash chain: logging a list of 50 jeugdigen, with the chain and without it.

Run: ``.venv/bin/python bench/audit_log.py [--db sqlite|postgres] [--herhalingen 200] [--log-rijen 100000]``.

In a fresh database of its own (SQLite: a file in the temp dir; PostgreSQL: ``bench_audit`` at ``--pg-url``, dropped
and created; never the configured one): migrate, 50 jeugdigen, an access log of ``--log-rijen`` rows already there
(so "read the last hash" works on a realistic table), then time ``schrijf_lijst`` for the 50 (one INSERT of 50 rows)
``--herhalingen`` times: once as it was before the chain (a plain ``bulk_create``), once as it is now (lock, read the
last hash, 50 HMACs, ``bulk_create``). Prints p50/p95 in milliseconds per list.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def _setup(db: str, pg_url: str) -> None:
    if db == "sqlite":
        path = Path(tempfile.gettempdir()) / "bench_audit.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    else:
        import psycopg

        with psycopg.connect(pg_url + "/postgres", autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS bench_audit")
            conn.execute("CREATE DATABASE bench_audit")
        os.environ["DATABASE_URL"] = f"{pg_url}/bench_audit"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeugdhulp.conf.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--herhalingen", type=int, default=200)
    parser.add_argument("--log-rijen", type=int, default=100_000)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    _setup(args.db, args.pg_url)

    from django.test import RequestFactory

    from jeugdhulp.accounts.roles import Rol
    from jeugdhulp.audit import log
    from jeugdhulp.audit.models import Actie, Toegangslogregel
    from tests import factories

    gemeente = factories.GemeenteFactory(cbs_code="0828", naam="Oss")
    team = factories.TeamFactory(gemeente=gemeente)
    user = factories.UserFactory(username="bench", rol=Rol.JEUGDCONSULENT, gemeente=gemeente)
    jeugdigen = [factories.JeugdigeFactory(gemeente=gemeente, team=team) for _ in range(50)]
    request = RequestFactory().get("/medewerkers/jeugdigen/", REMOTE_ADDR="10.0.0.1")
    request.user = user
    for _ in range(args.log_rijen // 50):
        log.schrijf_lijst(request, jeugdigen, "lijst")

    def zonder_keten():  # what schrijf_lijst did before the chain
        Toegangslogregel.objects.bulk_create(log._regel(request, user, Actie.GEZOCHT, j, "lijst") for j in jeugdigen)

    def met_keten():
        log.schrijf_lijst(request, jeugdigen, "lijst")

    # Alternate the two, so a busy moment on the machine hits both alike.
    tijden = {"zonder keten": [], "met keten": []}
    for _ in range(args.herhalingen):
        for naam, functie in (("zonder keten", zonder_keten), ("met keten", met_keten)):
            begin = time.perf_counter()
            functie()
            tijden[naam].append((time.perf_counter() - begin) * 1000)
    uitslag = {}
    for naam, reeks in tijden.items():
        reeks.sort()
        uitslag[naam] = (statistics.median(reeks), reeks[int(len(reeks) * 0.95) - 1])
    print(f"{args.db}, {Toegangslogregel.objects.count()} log rows, 50 jeugdigen per list, {args.herhalingen} lists")
    for naam, (p50, p95) in uitslag.items():
        print(f"  {naam:13} p50 {p50:6.2f} ms   p95 {p95:6.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
