"""Public sociale kaart search: p95 latency with 5,000 services, and sustained req/s from a loopback load generator.

Run: ``.venv/bin/python bench/public_search.py [--diensten 5000] [--seconden 20] [--clients 8] [--workers 2]``.
Builds a fresh SQLite database in a temporary directory (never the configured one), fills it with synthetic
services with realistic Dutch texts, measures the search function (without its result cache, and with it) and a
full page request in-process, then serves the site with gunicorn as in production (docs/operations.md) and drives it
from ``bench/laadgenerator.py``: ``--clients`` keep-alive client threads in a separate process for ``--seconden``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

TMP = Path(tempfile.mkdtemp(prefix="bench-publiek-"))
os.environ["DATABASE_URL"] = f"sqlite:///{TMP / 'bench.sqlite3'}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeugdhulp.conf.settings")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("LOG_LEVEL", "ERROR")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
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


def meet_in_proces(rondes: int) -> dict[str, float]:
    """p95 in ms of the search function and of a full page request, each without and with the caches."""
    client = Client()
    metingen: dict[str, list[float]] = {"koud": [], "warm": [], "pagina_koud": [], "pagina_warm": []}
    for i in range(rondes):
        tekst = VRAGEN[i % len(VRAGEN)]
        vraag = search.Zoekvraag(tekst=tekst, leeftijd=9)
        cache.clear()
        for cache_seconden, soort in ((0, "koud"), (60, None), (60, "warm")):  # the middle run fills the cache
            begin = time.perf_counter()
            list(search.zoek(Dienst.objects.actief(), vraag, cache_seconden=cache_seconden).diensten[:20])
            if soort:
                metingen[soort].append((time.perf_counter() - begin) * 1000)
        for soort in ("pagina_koud", "pagina_warm"):
            if soort == "pagina_koud":
                cache.clear()
            begin = time.perf_counter()
            antwoord = client.get("/sociale-kaart/", {"q": tekst, "leeftijd": 9})
            metingen[soort].append((time.perf_counter() - begin) * 1000)
            assert antwoord.status_code == 200
    cache.clear()
    return {soort: p95(waarden) for soort, waarden in metingen.items()}


def wacht_op(url: str, pogingen: int = 100) -> None:
    for _ in range(pogingen):
        try:
            urllib.request.urlopen(url, timeout=1)  # noqa: S310 — loopback only
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not answer on {url}")


def meet_server(seconden: float, clients: int, workers: int, port: int = 8765) -> tuple[dict, dict]:
    """Serve with gunicorn (gthread workers, keep-alive) and drive it from the load generator in its own process:
    first the 10 questions as they come (popular questions: pages from the cache), then with every URL unique."""
    env = {**os.environ, "DEBUG": "false", "SECRET_KEY": "bench-" + "x" * 50}
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "jeugdhulp.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--worker-class=gthread",
            "--threads=4",
            "--keep-alive=5",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        paden = [f"/sociale-kaart/?q={urllib.parse.quote(v)}&leeftijd=9" for v in VRAGEN]
        for pad in paden:  # every worker compiles templates and fills its cache on first use
            wacht_op(f"http://127.0.0.1:{port}{pad}")
        generator = Path(__file__).with_name("laadgenerator.py")
        uitslagen = []
        for extra in ([], ["--uniek"]):
            uit = subprocess.run(
                [sys.executable, str(generator), *extra, str(port), str(seconden), str(clients), *paden],
                capture_output=True,
                text=True,
                check=True,
            )
            uitslagen.append(json.loads(uit.stdout))
        return uitslagen[0], uitslagen[1]
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--diensten", type=int, default=5000)
    parser.add_argument("--seconden", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (one per core)")
    args = parser.parse_args()
    begin = time.perf_counter()
    vul(args.diensten)
    print(f"{Dienst.objects.count()} services loaded in {time.perf_counter() - begin:.1f} s")
    p = meet_in_proces(300)
    print(f"search p95, search.zoek + first 20 rows, without result cache: {p['koud']:.1f} ms")
    print(f"search p95, search.zoek + first 20 rows, from result cache:    {p['warm']:.1f} ms")
    print(f"full search page p95, in-process, nothing cached:              {p['pagina_koud']:.1f} ms")
    print(f"full search page p95, in-process, page cached:                 {p['pagina_warm']:.1f} ms")
    populair, uniek = meet_server(args.seconden, args.clients, args.workers)
    for naam, last in (("popular questions", populair), ("every URL unique (no page cache)", uniek)):
        print(
            f"gunicorn ({args.workers} workers x 4 threads), {args.clients} keep-alive clients on loopback, "
            f"{args.seconden:.0f} s, {naam}: {last['goed'] / args.seconden:.0f} req/s, {last['fout']} errors, "
            f"latency p50 {last['p50_ms']:.1f} ms, p95 {last['p95_ms']:.1f} ms"
        )


if __name__ == "__main__":
    main()
