"""End-to-end iJw ingest rate into the configured database, next to bare lxml parse + XSD validation.

Run: ``DATABASE_URL=… .venv/bin/python bench/ijw_ingest.py [--toewijzingen 200] [--groot-mb 25]``.
The database is migrated first; the run adds its own aanbieder (AGB 9999xxxx), jeugdigen and messages, with a
run id in every identifier, so it can be repeated. Per toewijzing: a JW301 (built by the outbox), a JW305, three
monthly JW323s (one per month for all clients) and a JW307; plus VOTs (JW315) and VOWs (JW317) for some clients.
Then a JW323 of about ``--groot-mb`` MB is ingested under tracemalloc to show the peak memory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/berichten/voorbeelden for the builders
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeugdhulp.conf.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from lxml import etree  # noqa: E402

from jeugdhulp.aanbieders.models import Aanbieder, Contract, Product, Tarief  # noqa: E402
from jeugdhulp.berichten import aanbiederzijde as az  # noqa: E402
from jeugdhulp.berichten import outbox  # noqa: E402
from jeugdhulp.berichten.ijw import build  # noqa: E402
from jeugdhulp.berichten.ijw.berichten import basis, jw317  # noqa: E402
from jeugdhulp.berichten.ijw.schemas import schema  # noqa: E402
from jeugdhulp.berichten.inbox import ontvang, ontvang_reeks  # noqa: E402
from jeugdhulp.berichten.models import Declaratie  # noqa: E402
from jeugdhulp.demo.bouwer import maak_bsn  # noqa: E402
from jeugdhulp.jeugdigen.models import Contact, Jeugdige  # noqa: E402
from jeugdhulp.organisatie.models import Gemeente, Regio  # noqa: E402
from jeugdhulp.toewijzingen.models import Toewijzing  # noqa: E402

VANDAAG = dt.date(2025, 6, 1)
MAANDEN = [(dt.date(2025, m, 1), dt.date(2025, m + 1, 1) - dt.timedelta(days=1)) for m in (1, 2, 3)]


def wereld(n: int, run: str):
    regio, _ = Regio.objects.get_or_create(code="noordoost-brabant", defaults={"naam": "Noordoost-Brabant"})
    oss, _ = Gemeente.objects.get_or_create(cbs_code="0828", defaults={"naam": "Oss", "regio": regio})
    aanbieder = Aanbieder.objects.create(agb_code=f"9999{run}", naam=f"Bench {run}")
    product, _ = Product.objects.get_or_create(
        categorie="45",
        code="45A04",
        defaults={
            "omschrijving": "Ambulant",
            "eenheid": "01",
            "frequentie": "2",
            "uitvoeringsvariant": "inspanningsgericht",
        },
    )
    contract = Contract.objects.create(aanbieder=aanbieder, regio=regio, kenmerk=run, begindatum=dt.date(2025, 1, 1))
    Tarief.objects.create(contract=contract, product=product, bedrag=150, begindatum=dt.date(2025, 1, 1))
    rng, bekend = random.Random(int(run)), set(Jeugdige.objects.values_list("bsn", flat=True))
    basis_nr = (
        Toewijzing.objects.filter(gemeente=oss)
        .order_by("-toewijzingnummer")
        .values_list("toewijzingnummer", flat=True)
        .first()
        or 0
    ) + 1
    toewijzingen = []
    for i in range(n):
        j = Jeugdige.objects.create(
            gemeente=oss,
            bsn=maak_bsn(rng, bekend),
            geslachtsnaam=f"Bench{i}",
            voorletters="B",
            geboortedatum=dt.date(2012, 1, 1) + dt.timedelta(days=i),
            geslacht="1",
        )
        Contact.objects.create(
            jeugdige=j, soort="01", straatnaam="Kerkstraat", huisnummer=1, postcode="5341AB", plaatsnaam="Oss"
        )
        toewijzingen.append(
            Toewijzing.objects.create(
                gemeente=oss,
                toewijzingnummer=basis_nr + i,
                jeugdige=j,
                aanbieder=aanbieder,
                product=product,
                toewijzingsdatum=dt.date(2024, 12, 15),
                toewijzingstijd=dt.time(9, 0),
                ingangsdatum=dt.date(2025, 1, 1),
                einddatum=dt.date(2025, 12, 31),
                volume=600,
                eenheid="01",
                frequentie="4",
            )
        )
    return oss, aanbieder, toewijzingen


DAG = dt.date(2025, 4, 2)


def _prestatie(t, maand, ref):
    return az.prestatie(t, *maand, ref=ref, volume=480, tarief=150)


def berichten(aanbieder, toewijzingen, run) -> list[bytes]:
    agb, uit = aanbieder.agb_code, []
    for i, t in enumerate(toewijzingen):
        uit.append(az.start(t, dt.date(2025, 1, 6), ident=f"S{run}{i}", dag=DAG))
    for m, maand in enumerate(MAANDEN):
        per_client = {t.jeugdige.bsn: [_prestatie(t, maand, f"R{run}{m}-{i}")] for i, t in enumerate(toewijzingen)}
        uit.append(az.declaratie(agb, "0828", per_client, maand, ident=f"D{run}{m}", nummer=f"D{run}{m}", dag=DAG))
    for i, t in enumerate(toewijzingen):
        uit.append(az.stop(t, dt.date(2025, 1, 6), dt.date(2025, 3, 31), "31", ident=f"P{run}{i}", dag=DAG))
    for i, t in enumerate(toewijzingen[::10]):  # VOTs for some clients: a new product
        uit.append(
            az.vot(
                t.jeugdige,
                aanbieder,
                t.gemeente,
                t.product,
                basis.Verwijzer(type="01"),
                ref=f"VOT{run}-{i}",
                ident=f"V{run}{i}",
                dag=DAG,
                ingangsdatum=dt.date(2026, 1, 1),
                einddatum=dt.date(2026, 12, 31),
                volume=600,
            )
        )
    for i, t in enumerate(toewijzingen[5::10]):  # VOWs for others: change the einddatum
        tw = jw317.TeWijzigenProduct(
            toewijzing_nummer=t.toewijzingnummer,
            gewenste_ingangsdatum=dt.date(2025, 5, 1),
            einddatum=dt.date(2025, 10, 31),
            omvang=basis.Omvang(volume=600, eenheid="01", frequentie="4"),
        )
        verzoek = jw317.Verzoek(referentie_aanbieder=f"VOW{run}-{i}", reden_verzoek="1", te_wijzigen_producten=(tw,))
        header = jw317.Header(
            bericht_code="486",
            bericht_versie=3,
            bericht_subversie=2,
            afzender=agb,
            ontvanger="0828",
            bericht_identificatie=basis.BerichtIdentificatie(identificatie=f"W{run}{i}", dagtekening=DAG),
            xsd_versie=az.VERSIE,
        )
        uit.append(build(jw317.Bericht(header=header, client=jw317.Client(bsn=t.jeugdige.bsn, verzoek=verzoek))))
    return uit


PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def kaal(data: bytes, parser=PARSER):
    root = etree.fromstring(data, parser)
    schema(etree.QName(root).namespace.split("/")[-2].upper()).validate(root)


def main() -> None:
    args = argparse.ArgumentParser()
    args.add_argument("--toewijzingen", type=int, default=200)
    args.add_argument("--groot-mb", type=float, default=25.0)
    opts = args.parse_args()
    call_command("migrate", verbosity=0)
    run = f"{int(time.time()) % 10000:04d}"
    oss, aanbieder, toewijzingen = wereld(opts.toewijzingen, run)
    print(f"database: {django.db.connection.vendor}; {len(toewijzingen)} toewijzingen (run {run})")

    start = time.perf_counter()
    jw301s = [outbox.maak_jw301(oss, t.jeugdige, aanbieder, vandaag=VANDAAG) for t in toewijzingen]
    t301 = time.perf_counter() - start
    print(f"JW301 via outbox (build + XSD + field rules + store): {len(jw301s) / t301:8.1f} berichten/s")

    data = berichten(aanbieder, toewijzingen, run)
    megabytes = sum(map(len, data)) / 1e6
    soorten = Counter(etree.QName(etree.fromstring(d)).namespace.split("/")[-2].upper() for d in data)
    print(f"ingest: {len(data)} berichten, {megabytes:.1f} MB ({dict(soorten)})")
    # Each mode gets its own fresh copy of the messages (new identifiers), so none is a duplicate of the other.
    run2 = f"{(int(run) + 5000) % 10000:04d}"
    _, aanbieder2, toewijzingen2 = wereld(opts.toewijzingen, run2)
    for t in toewijzingen2:
        outbox.maak_jw301(oss, t.jeugdige, aanbieder2, vandaag=VANDAAG)
    kopie = berichten(aanbieder2, toewijzingen2, run2)
    start = time.perf_counter()
    for d in data:
        kaal(d)
    t_kaal = time.perf_counter() - start
    start = time.perf_counter()
    statussen = Counter(b.status for b in ontvang_reeks(data, bron="bench", vandaag=VANDAAG))
    t_reeks = time.perf_counter() - start
    start = time.perf_counter()
    statussen_los = Counter(ontvang(d, bron="bench", vandaag=VANDAAG).status for d in kopie)
    t_los = time.perf_counter() - start
    print(f"  uitkomst: blok {dict(statussen)}; los {dict(statussen_los)}")
    print(f"  bare lxml parse + XSD          : {len(data) / t_kaal:8.1f} berichten/s ({megabytes / t_kaal:.1f} MB/s)")
    print(f"  end to end, ontvang_reeks()    : {len(data) / t_reeks:8.1f} berichten/s; ratio {t_kaal / t_reeks:6.1%}")
    print(f"  end to end, ontvang() each     : {len(kopie) / t_los:8.1f} berichten/s; ratio {t_kaal / t_los:6.1%}")

    if opts.groot_mb:
        run3 = f"{(int(run) + 7000) % 10000:04d}"
        _, aanbieder3, toewijzingen3 = wereld(50, run3)  # fresh history: nothing declared yet
        groot_test(aanbieder3, toewijzingen3, run3, opts.groot_mb)


def _afgekeurd(b) -> str:
    d = Declaratie.objects.filter(bericht=b).first()
    return f"{d.prestaties.filter(goedgekeurd=False).count()} afgekeurd" if d else "geen declaratie"


def groot_test(aanbieder, toewijzingen, run, mb: float) -> None:
    """A ~25 MB JW323 on a fresh history (all accepted) under tracemalloc for the peak; then a twin with other
    identifiers for the same month, timed without tracemalloc: every prestatie is then a double debit (TR389), so
    its JW325 is as large as the message (the worst case)."""

    def maak(aantal: int, tag: str) -> tuple[bytes, int]:
        per_client: dict[str, list] = {}
        for i in range(aantal):
            t = toewijzingen[i % len(toewijzingen)]
            per_client.setdefault(t.jeugdige.bsn, []).append(_prestatie(t, MAANDEN[0], f"{tag}{run}-{i}"))
        agb, ident = aanbieder.agb_code, f"{tag}{run}"
        data = az.declaratie(agb, "0828", per_client, MAANDEN[0], ident=ident, nummer=ident, dag=DAG, valideren=False)
        return data, aantal

    proef, n = maak(1000, "G")
    aantal = int(n * min(mb, 24.9) * 1024 * 1024 / len(proef) * 0.995)  # stay just under OP179's 25 MB
    data, n = maak(aantal, "G")
    tracemalloc.start()
    start = time.perf_counter()
    b = ontvang(data, bron="bench-groot", vandaag=VANDAAG)
    duur = time.perf_counter() - start
    _, piek = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"groot JW323: {len(data) / 1024 / 1024:.1f} MB, {n} prestaties → {b.status}, {_afgekeurd(b)}")
    print(f"  tracemalloc piek {piek / 1024 / 1024:.0f} MB ({piek / len(data):.1f}× de berichtgrootte); ", end="")
    print(f"{duur:.1f} s onder tracemalloc")
    tweeling, _ = maak(aantal, "H")
    del data, b
    start = time.perf_counter()
    b = ontvang(tweeling, bron="bench-groot", vandaag=VANDAAG)
    print(f"  tweeling (dubbele debet) → {b.status}, {_afgekeurd(b)}, in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
