"""Monitor dashboards at region scale: page latency (p50/p95) on PostgreSQL and SQLite, and message-to-figure time.

Run: ``.venv/bin/python bench/monitor.py [--scale regio|klein] [--db beide|sqlite|postgres] [--herhalingen 20]``.

Per database, in a fresh database of its own (SQLite: a file in the temp dir; PostgreSQL: ``bench_monitor`` at
``--pg-url``, dropped and created; never the configured one), with today as peildatum, because the dashboards
measure up to today:

1. build: migrate, ``jeugdhulp demo --scale …`` (``bouw_demo``), then ``demo.regio.bouw_berichtvolume`` (five years
   of JW305/JW307/JW315/JW323 traffic as the rows the inbox writes, plus aanvragen and beschikkingen), then
   VACUUM ANALYZE (PostgreSQL) or ANALYZE (SQLite), as autovacuum would after a bulk load;
2. latency: a logged-in beleidsmedewerker (password + verified TOTP device in the session, as after the login form)
   GETs every monitor page through the whole middleware stack with ``django.test.Client``, region-wide and with
   filters; 2 warm-ups, then ``--herhalingen`` timed requests per page (half, at least 10, for a page slower than
   1 s): repeated requests reuse the page's suppression (``onthulling`` caches it by content), so the disclosure
   control is also timed alone, cold and cached (``_onderdrukking``). Baselines from the same run:
   ``SELECT COUNT(*)`` over the toewijzingen and the bare staff home page;
3. message to figure: for ``--berichten`` waiting toewijzingen in Oss a JW301 goes out through the outbox, then the
   provider's JW305 (start today) is received through the real inbox (``ontvang``); the next request of the
   waiting-times page (region-wide, and for Oss) must show "wachten N jeugdigen" one lower and this month's
   started count one higher: ingest time + page time (and + ``wachttijden.stand()`` alone).

Each database runs in its own process (Django's settings are per process); ``--db beide`` runs both and prints a
combined table. ``--hergebruik`` keeps and reuses an already built database (for repeated measurements).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PG_URL = "postgres://postgres@127.0.0.1:5432/bench_monitor"
SQLITE_PAD = Path(tempfile.gettempdir()) / "bench-monitor-{scale}.sqlite3"
PERIODE = {"klein": "maand", "gemeente": "maand", "regio": "week"}
CIJFERS = "/medewerkers/cijfers/"


# --- database set-up, before Django starts ---------------------------------------------------------------------
def _pg_opnieuw(url: str, hergebruik: bool) -> None:
    import psycopg

    naam = urlsplit(url).path.lstrip("/")
    if naam in ("", "postgres", "jeugdhulp", "template0", "template1") or naam.startswith("test"):
        raise SystemExit(f"weiger database {naam!r}: gebruik een eigen benchdatabase (bijv. bench_monitor)")
    beheer = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    with psycopg.connect(beheer, autocommit=True) as conn:
        bestaat = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [naam]).fetchone()
        if bestaat and hergebruik:
            return
        if bestaat:
            conn.execute(f'DROP DATABASE "{naam}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{naam}"')


def _kies_database(opts) -> str:
    if opts.db == "postgres":
        _pg_opnieuw(opts.pg_url, opts.hergebruik)
        return opts.pg_url
    pad = Path(str(SQLITE_PAD).format(scale=opts.scale))
    if not opts.hergebruik:
        for p in pad.parent.glob(pad.name + "*"):
            p.unlink()
    return f"sqlite:///{pad}"


# --- measuring ------------------------------------------------------------------------------------------------
def p95(waarden: list[float]) -> float:
    return statistics.quantiles(waarden, n=20, method="inclusive")[18]


def _ms(begin: float) -> float:
    return (time.perf_counter() - begin) * 1000


def _bouw(opts, vandaag: dt.date) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from jeugdhulp.berichten.models import Bericht
    from jeugdhulp.demo.bouwer import bouw_demo
    from jeugdhulp.demo.models import DemoBouw
    from jeugdhulp.demo.regio import BRON, bouw_berichtvolume

    tijden = {}
    begin = time.perf_counter()
    call_command("migrate", verbosity=0)
    tijden["migrate_s"] = _ms(begin) / 1000
    bestaand = DemoBouw.objects.first()
    if bestaand and (bestaand.schaal != opts.scale or bestaand.peildatum != vandaag):
        raise SystemExit(f"de database bevat {bestaand}; draai zonder --hergebruik")
    if bestaand is None:
        begin = time.perf_counter()
        bouw_demo(seed=opts.seed, schaal=opts.scale, peildatum=vandaag)
        tijden["demo_s"] = _ms(begin) / 1000
    if not Bericht.objects.filter(bron=BRON).exists():
        begin = time.perf_counter()
        bouw_berichtvolume(vandaag, seed=opts.seed, periode=opts.periode)
        tijden["berichtvolume_s"] = _ms(begin) / 1000
        begin = time.perf_counter()
        with connection.cursor() as cursor:  # what autovacuum does after a bulk load (visibility map, statistics)
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        tijden["analyze_s"] = _ms(begin) / 1000
    return tijden


def _omvang() -> dict:
    from django.db import connection
    from django.db.models import Count

    from jeugdhulp.berichten.models import Bericht, Declaratie, Levering, Prestatie, Verzoek
    from jeugdhulp.besluiten.models import Aanvraag, Beschikking
    from jeugdhulp.casussen.models import Casus
    from jeugdhulp.jeugdigen.models import Jeugdige
    from jeugdhulp.monitor.models import Wachtlijstmelding
    from jeugdhulp.organisatie.models import Gemeente
    from jeugdhulp.toewijzingen.models import Toewijzing

    modellen = (Gemeente, Jeugdige, Toewijzing, Bericht, Levering, Verzoek, Declaratie, Prestatie, Casus, Aanvraag,
                Beschikking, Wachtlijstmelding)  # fmt: skip
    aantallen = {m._meta.db_table: m.objects.count() for m in modellen}
    aantallen["berichten_per_soort"] = dict(
        Bericht.objects.order_by("berichtsoort").values_list("berichtsoort").annotate(n=Count("pk"))
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            aantallen["database_mb"] = round(cursor.fetchone()[0] / 1e6)
    else:
        aantallen["database_mb"] = round(Path(connection.settings_dict["NAME"]).stat().st_size / 1e6)
    return aantallen


def _client():
    from django.test import Client

    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from jeugdhulp.accounts.models import User

    user = User.objects.get(username="beleid")
    client = Client()
    client.force_login(user)  # as after the password step; then the verified second factor, as after the TOTP step
    sessie = client.session
    sessie[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user, confirmed=True).persistent_id
    sessie.save()
    return client


def _varianten(vandaag: dt.date) -> dict[str, dict]:
    from django.db.models import Count

    from jeugdhulp.organisatie.models import Gemeente
    from jeugdhulp.toewijzingen.models import Toewijzing

    oss = Gemeente.objects.get(cbs_code="0828").pk
    grootste = (
        Toewijzing.objects.filter(gemeente_id=oss, product__categorie="45")
        .values("aanbieder_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()["aanbieder_id"]
    )
    return {
        "regio, 12 mnd": {},
        "Oss, 12 mnd": {"gemeente": oss},
        "Oss, 1 aanbieder, cat. 45": {"gemeente": oss, "aanbieder": grootste, "categorie": "45"},
        "regio, 5 jaar": {"van": f"{vandaag.year - 4}-01", "tot": f"{vandaag:%Y-%m}"},
    }


def _meet(client, pad: str, params: dict, herhalingen: int, opwarmen: int = 2) -> dict:
    """p50/p95 over ``herhalingen`` requests after ``opwarmen``; a page slower than 1 s gets half of them (at
    least 10), so the slow variants do not dominate the run time."""
    from django.db import connection

    for _ in range(opwarmen):
        begin = time.perf_counter()
        antwoord = client.get(pad, params)
        assert antwoord.status_code == 200, (pad, params, antwoord.status_code)
    if _ms(begin) > 1000:
        herhalingen = max(10, herhalingen // 2)
    vragen = []
    with connection.execute_wrapper(lambda execute, sql, *args: vragen.append(sql) or execute(sql, *args)):
        client.get(pad, params)
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        antwoord = client.get(pad, params)
        tijden.append(_ms(begin))
        assert antwoord.status_code == 200
    return {"p50": statistics.median(tijden), "p95": p95(tijden), "n": herhalingen, "queries": len(vragen),
            "kb": len(antwoord.content) // 1024}  # fmt: skip


def _latentie(opts, vandaag: dt.date) -> dict:
    from jeugdhulp.toewijzingen.models import Toewijzing

    client = _client()
    n = opts.herhalingen
    tellen = []
    for _ in range(n + 2):
        begin = time.perf_counter()
        Toewijzing.objects.count()
        tellen.append(_ms(begin))
    basis = {"count_p50": statistics.median(tellen[2:]), "home": _meet(client, "/medewerkers/", {}, n)}
    print(f"  load average {os.getloadavg()[0]:.2f} (2 cores); baseline: SELECT COUNT(*) toewijzingen p50 "
          f"{basis['count_p50']:.2f} ms; "
          f"bare staff page /medewerkers/ p50 {basis['home']['p50']:.1f} ms")  # fmt: skip
    paginas = []
    varianten = _varianten(vandaag)
    for pad, gefilterd in (
        (CIJFERS, False),
        (CIJFERS + "wachttijden/", True),
        (CIJFERS + "inzet/", True),
        (CIJFERS + "financien/", True),
        (CIJFERS + "wachtlijsten/", False),
    ):
        for naam, params in varianten.items() if gefilterd else [("regio", {})]:
            m = _meet(client, pad, params, n)
            m.update(pagina=pad, variant=naam)
            paginas.append(m)
            print(f"  {pad:40} {naam:26} p50 {m['p50']:7.1f} ms  p95 {m['p95']:7.1f} ms  (n={m['n']:2}, "
                  f"{m['queries']} queries, {m['kb']} kB; p50 = {m['p50'] / basis['home']['p50']:.0f}× bare page, "
                  f"{m['p50'] / basis['count_p50']:.0f}× COUNT(*))", flush=True)  # fmt: skip
    basis["load"] = os.getloadavg()[0]
    return {"basis": basis, "paginas": paginas, "onderdrukking": _onderdrukking(vandaag)}


def _onderdrukking(vandaag: dt.date, keer: int = 5) -> dict:
    """The disclosure control alone (ADR 0017), region-wide, last 12 months: building the tables (queries + Python),
    then ``onthulling.publiceer`` cold (its cache emptied) and again for the same publication (a cache hit, as every
    repeated page request above after its first)."""
    from jeugdhulp.monitor import dashboards, onthulling
    from jeugdhulp.monitor.filters import Filter

    f = Filter.uit_request({}, vandaag)
    uit = {}
    for naam, bouw in (
        ("inzet", lambda: dashboards.inzet_blokken(f, publiceren=False)),
        ("wachttijden", lambda: dashboards.wachttijden_blokken(f, vandaag, publiceren=False)),
    ):
        tijden: dict[str, list[float]] = {"tabellen": [], "koud": [], "opnieuw": []}
        for _ in range(keer):
            onthulling._GEPUBLICEERD.clear()
            for soort in ("koud", "opnieuw"):
                begin = time.perf_counter()
                tabellen = [b["tabel"] for b in bouw()]
                tijden["tabellen"].append(_ms(begin))
                begin = time.perf_counter()
                onthulling.publiceer(tabellen)
                tijden[soort].append(_ms(begin))
        m = uit[naam] = {k: statistics.median(v) for k, v in tijden.items()}
        print(f"  suppression {naam:12} regio, 12 mnd: tables {m['tabellen']:.0f} ms; publiceer cold "
              f"{m['koud']:.0f} ms, again {m['opnieuw']:.1f} ms (median of {keer})", flush=True)  # fmt: skip
    return uit


WACHTEND = re.compile(r"wachten ([\d.]+) jeugdigen")


def _wachtend(client, params: dict) -> tuple[int, float]:
    """The "wachten N jeugdigen" figure of the waiting-times page, and how long the request took."""
    begin = time.perf_counter()
    html = client.get(CIJFERS + "wachttijden/", params).content.decode()
    duur = _ms(begin)
    return int(WACHTEND.search(html).group(1).replace(".", "")), duur


def _gestart(vandaag: dt.date, params: dict) -> int:
    from jeugdhulp.monitor import wachttijden
    from jeugdhulp.monitor.filters import Filter

    f = Filter.uit_request(params)
    return sum(m.maand == vandaag.replace(day=1) for m in wachttijden.toewijzing_start(f))


def _bericht_tot_cijfer(opts, vandaag: dt.date) -> dict:
    """Per waiting toewijzing in Oss: JW301 out (outbox), then the provider's JW305 in (inbox); the figure is
    read back from the region-wide page and from the Oss page (and from the stand function alone)."""
    from django.db.models import Q

    from jeugdhulp.berichten import aanbiederzijde as az
    from jeugdhulp.berichten import outbox
    from jeugdhulp.berichten.inbox import ontvang
    from jeugdhulp.berichten.models import Status
    from jeugdhulp.monitor import wachttijden
    from jeugdhulp.monitor.filters import Filter
    from jeugdhulp.organisatie.models import Gemeente
    from jeugdhulp.toewijzingen.models import Toewijzing

    oss = Gemeente.objects.get(cbs_code="0828")
    wachtend = (
        Toewijzing.objects.filter(
            Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag),
            gemeente=oss,
            begindatum_zorg__isnull=True,
            einddatum_zorg__isnull=True,
            ingangsdatum__lte=vandaag,
            toewijzingsdatum__lte=vandaag,
            leveringen__isnull=True,
        )
        .select_related("jeugdige", "aanbieder", "product", "gemeente")
        .order_by("pk")[: opts.berichten]
    )
    client = _client()
    paginas = {"regio": {}, "Oss": {"gemeente": oss.pk}}
    for params in paginas.values():
        _wachtend(client, params)  # warm
    run = f"{int(time.time()) % 100000:05d}"
    metingen = []
    for i, t in enumerate(wachtend):
        outbox.markeer_verzonden(outbox.maak_jw301(oss, t.jeugdige, t.aanbieder, vandaag=vandaag))  # the normal path
        data = az.start(t, vandaag, ident=f"BM{run}{i}", dag=vandaag)  # the provider's system writes its JW305
        voor = {naam: _wachtend(client, params)[0] for naam, params in paginas.items()}
        gestart_voor = _gestart(vandaag, {})
        begin = time.perf_counter()
        bericht = ontvang(data, bron="bench:monitor", vandaag=vandaag)
        m = {"ingest": _ms(begin)}
        na = {}
        for naam, params in paginas.items():
            na[naam], m[naam] = _wachtend(client, params)
        begin = time.perf_counter()
        len(wachttijden.stand(Filter.uit_request({}), vandaag))
        m["stand"] = _ms(begin)
        t.refresh_from_db()
        m["ok"] = (
            bericht.status == Status.VERWERKT
            and t.begindatum_zorg == vandaag
            and all(na[k] == voor[k] - 1 for k in paginas)
            and _gestart(vandaag, {}) == gestart_voor + 1
        )
        metingen.append(m)
        fout = "" if m["ok"] else "  ✘ FIGURE DID NOT CHANGE AS EXPECTED"
        print(f"  JW305 for toewijzing {t.toewijzingnummer}: {bericht.status}; waiting region {voor['regio']} → "
              f"{na['regio']}, Oss {voor['Oss']} → {na['Oss']}; started this month +1; ingest {m['ingest']:.0f} ms, "
              f"then region page {m['regio']:.0f} ms / Oss page {m['Oss']:.0f} ms / stand function "
              f"{m['stand']:.0f} ms{fout}", flush=True)  # fmt: skip
    return {"metingen": metingen}


def kind(opts) -> None:
    os.environ["DATABASE_URL"] = _kies_database(opts)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeugdhulp.conf.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    import django

    django.setup()
    from django.db import connection
    from django.utils import timezone

    vandaag = timezone.localdate()
    print(f"[{connection.vendor}] scale {opts.scale}, peildatum {vandaag}, prestaties per {opts.periode}", flush=True)
    tijden = _bouw(opts, vandaag)
    omvang = _omvang()
    piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"  build: {', '.join(f'{k} {v:.1f}' for k, v in tijden.items())}; peak RSS {piek} MB")
    print(f"  size: {json.dumps(omvang)}", flush=True)
    latentie = _latentie(opts, vandaag)
    bericht = _bericht_tot_cijfer(opts, vandaag)
    uit = {"db": connection.vendor, "scale": opts.scale, "peildatum": vandaag.isoformat(), "bouw": tijden,
           "piek_mb": piek, "omvang": omvang, **latentie, **bericht}  # fmt: skip
    if opts.json:
        Path(opts.json).write_text(json.dumps(uit))


def samenvatting(uitslagen: list[dict]) -> None:
    print("\n| Page | Filter | " + " | ".join(f"{u['db']} p50 / p95 (ms)" for u in uitslagen) + " |")
    print("|---|---|" + "---|" * len(uitslagen))
    for i, m in enumerate(uitslagen[0]["paginas"]):
        cellen = [f"{u['paginas'][i]['p50']:.0f} / {u['paginas'][i]['p95']:.0f}" for u in uitslagen]
        print(f"| `{m['pagina']}` | {m['variant']} | " + " | ".join(cellen) + " |")
    for u in uitslagen:
        b = u["basis"]
        print(f"{u['db']}: load average {b['load']:.2f}; baseline COUNT(*) {b['count_p50']:.2f} ms, bare page p50 "
              f"{b['home']['p50']:.1f} ms; "
              f"worst page p95 {max(m['p95'] for m in u['paginas']):.0f} ms")  # fmt: skip
        mt = u["metingen"]
        if mt:
            ingest = statistics.median(m["ingest"] for m in mt)
            for pagina in ("regio", "Oss", "stand"):
                totaal = [m["ingest"] + m[pagina] for m in mt]
                print(f"  message to figure via {pagina:5}: median {statistics.median(totaal):.0f} ms, max "
                      f"{max(totaal):.0f} ms (ingest median {ingest:.0f} ms + "
                      f"{statistics.median(m[pagina] for m in mt):.0f} ms)")  # fmt: skip
            print(f"  every figure changed as expected: {all(m['ok'] for m in mt)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", choices=("klein", "gemeente", "regio"), default="regio")
    parser.add_argument("--db", choices=("beide", "sqlite", "postgres"), default="beide")
    parser.add_argument("--pg-url", default=PG_URL, help="database to drop and create (never jeugdhulp or test_*)")
    parser.add_argument("--herhalingen", type=int, default=20, help="timed requests per page and filter")
    parser.add_argument("--berichten", type=int, default=5, help="JW305s for the message-to-figure measurement")
    parser.add_argument("--periode", choices=("week", "maand"), help="prestatie period (default: week for regio)")
    parser.add_argument("--seed", type=int, default=828)
    parser.add_argument("--hergebruik", action="store_true", help="reuse an already built bench database")
    parser.add_argument("--json", help=argparse.SUPPRESS)
    opts = parser.parse_args()
    opts.periode = opts.periode or PERIODE[opts.scale]
    if opts.db != "beide":
        kind(opts)
        return
    uitslagen = []
    for db in ("postgres", "sqlite"):
        uit = Path(tempfile.mkstemp(prefix=f"bench-monitor-{db}-", suffix=".json")[1])
        argv = ["--scale", opts.scale, "--pg-url", opts.pg_url, "--herhalingen", str(opts.herhalingen),
                "--berichten", str(opts.berichten), "--periode", opts.periode, "--seed", str(opts.seed)]  # fmt: skip
        argv += ["--hergebruik"] if opts.hergebruik else []
        begin = time.perf_counter()
        subprocess.run([sys.executable, __file__, *argv, "--db", db, "--json", str(uit)], check=True)
        print(f"[{db}] total {time.perf_counter() - begin:.0f} s", flush=True)
        uitslagen.append(json.loads(uit.read_text()))
        uit.unlink()
    samenvatting(uitslagen)


if __name__ == "__main__":
    main()
