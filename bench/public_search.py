"""Public sociale kaart search: p95 latency with 5,000 services, and sustained req/s from a loopback load generator.

Run: ``.venv/bin/python bench/public_search.py [--diensten 5000] [--seconden 20] [--clients 8]``.
Builds a fresh SQLite database in a temporary directory (never the configured one), fills it with synthetic
services with realistic Dutch texts, measures the search function and a full request in-process, then starts a
real server (``jeugdhulp runserver --noreload``, threaded WSGI; production uses gunicorn) and drives it from
``--clients`` keep-alive client threads in a separate process for ``--seconden`` seconds.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TMP = Path(tempfile.mkdtemp(prefix="bench-publiek-"))
os.environ["DATABASE_URL"] = f"sqlite:///{TMP / 'bench.sqlite3'}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeugdhulp.conf.settings")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("LOG_LEVEL", "ERROR")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from jeugdhulp.socialekaart import search  # noqa: E402
from jeugdhulp.socialekaart.models import Dienst, Organisatie, Soort, Taxonomie, Term  # noqa: E402

WOORDEN = [
    "opvoeden",
    "pesten",
    "school",
    "scheiding",
    "somber",
    "angst",
    "geld",
    "schulden",
    "verslaving",
    "blowen",
    "gamen",
    "huiselijk",
    "geweld",
    "slapen",
    "huilen",
    "puberteit",
    "vrienden",
    "eenzaam",
    "stress",
    "dyslexie",
    "autisme",
    "adhd",
    "ruzie",
    "thuis",
    "begeleiding",
    "training",
    "gesprekken",
    "coach",
    "ouders",
    "kinderen",
    "jongeren",
    "baby",
    "peuter",
]
VRAGEN = [
    "mijn kind wordt gepest",
    "gescheiden ouders",
    "somber",
    "schulden jongeren",
    "blowen",
    "slapen baby",
    "autisme school",
    "huiselijk geweld",
    "training ouders puberteit",
    "xyzzy",
]


def vul(aantal: int) -> None:
    from tests.socialekaart.factories import bouw_kaart

    call_command("migrate", verbosity=0)
    bouw_kaart()
    rng = random.Random(828)
    tax = Taxonomie.objects.get(code="cjg-onderwerpen")
    termen = list(Term.objects.filter(taxonomie=tax))
    oss = Organisatie.objects.first().gemeente
    orgs = Organisatie.objects.bulk_create(
        Organisatie(gemeente=oss, naam=f"Organisatie {i}", omschrijving="Synthetisch", soort=Soort.AANBIEDER)
        for i in range(250)
    )
    diensten = []
    for i in range(aantal):
        tekst = " ".join(rng.choices(WOORDEN, k=25))
        diensten.append(
            Dienst(
                organisatie=orgs[i % len(orgs)],
                naam=f"{rng.choice(WOORDEN).title()} {i}",
                omschrijving=tekst,
                min_leeftijd=rng.choice([None, 0, 4, 12]),
                max_leeftijd=rng.choice([None, 18, 23]),
                toegang=rng.choice(["vrij", "verwijzing"]),
            )
        )
    Dienst.objects.bulk_create(diensten, batch_size=1000)
    Through = Dienst.termen.through
    Through.objects.bulk_create(Through(dienst_id=d.pk, term_id=rng.choice(termen).pk) for d in diensten)
    search.herindexeer(Dienst.objects.all())


def p95(waarden: list[float]) -> float:
    return statistics.quantiles(waarden, n=20)[18]


def meet_in_proces(rondes: int) -> tuple[float, float]:
    client = Client()
    functie, verzoek = [], []
    for i in range(rondes):
        vraag = VRAGEN[i % len(VRAGEN)]
        t = time.perf_counter()
        list(search.zoek(Dienst.objects.actief(), search.Zoekvraag(tekst=vraag, leeftijd=9)).diensten[:20])
        functie.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        assert client.get("/sociale-kaart/", {"q": vraag, "leeftijd": 9}).status_code == 200
        verzoek.append((time.perf_counter() - t) * 1000)
    return p95(functie), p95(verzoek)


LAST = r"""
import http.client, sys, threading, time, urllib.parse
port, seconden, clients = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
vragen = sys.argv[4].split("|")
ok = [0] * clients; fout = [0] * clients; eind = time.time() + seconden
def werk(n):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10); i = n
    while time.time() < eind:
        q = urllib.parse.quote(vragen[i % len(vragen)]); i += 1
        try:
            conn.request("GET", f"/sociale-kaart/?q={q}&leeftijd=9"); r = conn.getresponse(); r.read()
            if r.status == 200: ok[n] += 1
            else: fout[n] += 1
            if r.getheader("Connection", "").lower() == "close":
                conn.close(); conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        except Exception:
            fout[n] += 1; conn.close(); conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
ts = [threading.Thread(target=werk, args=(n,)) for n in range(clients)]
[t.start() for t in ts]; [t.join() for t in ts]
print(sum(ok), sum(fout))
"""


def meet_server(seconden: float, clients: int, port: int = 8765) -> tuple[float, int]:
    env = {**os.environ, "DEBUG": "false", "SECRET_KEY": "bench-" + "x" * 50}
    server = subprocess.Popen(
        [sys.executable, "-m", "jeugdhulp.cli", "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                import urllib.request

                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)  # noqa: S310 — loopback only
                break
            except Exception:
                time.sleep(0.2)
        uit = subprocess.run(
            [sys.executable, "-c", LAST, str(port), str(seconden), str(clients), "|".join(VRAGEN)],
            capture_output=True,
            text=True,
            check=True,
        )
        ok, fout = map(int, uit.stdout.split())
        return ok / seconden, fout
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--diensten", type=int, default=5000)
    parser.add_argument("--seconden", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    t = time.perf_counter()
    vul(args.diensten)
    print(f"{Dienst.objects.count()} services loaded in {time.perf_counter() - t:.1f} s")
    functie, verzoek = meet_in_proces(300)
    print(f"search p95 (function, 20 results): {functie:.1f} ms; full page request p95 (in-process): {verzoek:.1f} ms")
    rps, fouten = meet_server(args.seconden, args.clients)
    print(f"server: {rps:.0f} req/s sustained over {args.seconden:.0f} s with {args.clients} clients, {fouten} errors")


if __name__ == "__main__":
    main()
