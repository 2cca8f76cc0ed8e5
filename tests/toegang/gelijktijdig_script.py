"""Run by tests/toegang/test_sqlite_gelijktijdig.py in a process of its own, against a SQLite *file* database with the
production settings (WAL, busy_timeout, IMMEDIATE): colleagues make beschikkingen at the same moment while others
open aanvraag pages. Prints one JSON line: errors, the beschikkingnummers given, and the slowest request.

    DATABASE_URL=sqlite:////tmp/x.sqlite3 python -m tests.toegang.gelijktijdig_script
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time

import django

django.setup()

from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

SCHRIJVERS = 4  # consulenten making a beschikking at the same moment
LEZERS = 2  # colleagues opening aanvraag pages meanwhile (each view writes the access log)


def wereld():
    from jeugdhulp.besluiten.models import AangevraagdProduct, Aanvraag, Beschikking
    from jeugdhulp.casussen.models import Casus
    from tests import factories
    from tests.toegang.factories import toegang_wereld

    w = toegang_wereld()
    vandaag = timezone.localdate()
    aanvragen = []
    for _i in range(SCHRIJVERS + 1):
        jeugdige = factories.JeugdigeFactory(gemeente=w["oss"], team=w["team"])
        factories.ContactFactory(jeugdige=jeugdige)
        casus = Casus.objects.create(jeugdige=jeugdige, gemeente=w["oss"], team=w["team"])
        a = Aanvraag.objects.create(
            casus=casus,
            jeugdige=jeugdige,
            gemeente=w["oss"],
            vorm="zin",
            ontvangen_op=vandaag,
            beslis_uiterlijk=vandaag + dt.timedelta(weeks=8),
        )
        AangevraagdProduct.objects.create(
            aanvraag=a,
            product=w["product"],
            aanbieder=w["aanbieder"],
            volume=82,
            eenheid="04",
            frequentie="6",
            ingangsdatum=vandaag,
            einddatum=vandaag + dt.timedelta(days=180),
        )
        aanvragen.append(a)
    # A beschikking numbered before the counter existed, as the demo and an import make them.
    oud = aanvragen.pop()
    Beschikking.objects.create(
        aanvraag=oud, gemeente=w["oss"], beschikkingnummer=2026001, besluit="toegekend", motivering="m",
        bezwaarclausule="b", datum=vandaag, ingangsdatum=vandaag, einddatum=vandaag, bezwaar_uiterlijk=vandaag,
    )  # fmt: skip
    factories.ToewijzingFactory(gemeente=w["oss"], jeugdige=oud.jeugdige, toewijzingnummer=103356)  # likewise
    return w, aanvragen


def main() -> None:
    setup_test_environment()  # the test client's host, in-memory mail; the database stays the file
    begin = time.perf_counter()
    # The tables straight from the models (as pytest --nomigrations): seconds instead of half a minute of migrations
    settings.MIGRATION_MODULES = {app.label: None for app in apps.get_app_configs()}
    call_command("migrate", run_syncdb=True, verbosity=0)
    migrate_s = time.perf_counter() - begin
    from jeugdhulp.besluiten.models import Beschikking
    from jeugdhulp.toewijzingen.models import Toewijzing
    from tests.conftest import login_verified

    w, aanvragen = wereld()
    journal = connection.cursor().execute("PRAGMA journal_mode").fetchone()[0]
    connections.close_all()
    fouten, duur, klaar = [], [], threading.Event()
    start = threading.Barrier(SCHRIJVERS + LEZERS)
    begin = time.perf_counter()

    def verzoek(client, methode, url, **kw):
        begin = time.perf_counter()
        try:
            antwoord = getattr(client, methode)(url, **kw)
            if antwoord.status_code >= 400:
                fouten.append(f"{methode} {url}: HTTP {antwoord.status_code}")
        except Exception as exc:  # noqa: BLE001 — every failure is the test's finding
            fouten.append(f"{methode} {url}: {type(exc).__name__}: {exc}")
        duur.append((time.perf_counter() - begin, f"{methode} {url}"))

    def schrijver(aanvraag):
        client = login_verified(Client(), w["consulent"])
        start.wait()
        verzoek(
            client,
            "post",
            reverse("besluiten:beschikken", args=[aanvraag.pk]),
            data={"besluit": "toegekend", "motivering": "Het plan vraagt dit.", "datum": timezone.localdate()},
        )
        verzoek(client, "get", reverse("besluiten:aanvraag", args=[aanvraag.pk]))
        verzoek(
            client,
            "post",
            reverse("besluiten:toewijzen", args=[aanvraag.pk]),
            data={"regie_tijdens_wachten": "CJG", "overbruggingszorg": ""},
        )
        verzoek(client, "get", reverse("besluiten:beschikking_pdf", args=[aanvraag.pk]))
        connection.close()

    def lezer():
        client = login_verified(Client(), w["consulent"])
        start.wait()
        while not klaar.is_set():
            for a in aanvragen:
                verzoek(client, "get", reverse("besluiten:aanvraag", args=[a.pk]))
        connection.close()

    schrijvers = [threading.Thread(target=schrijver, args=(a,)) for a in aanvragen]
    lezers = [threading.Thread(target=lezer) for _i in range(LEZERS)]
    for t in [*schrijvers, *lezers]:
        t.start()
    for t in schrijvers:
        t.join()
    klaar.set()
    for t in lezers:
        t.join()
    schrijven_s = time.perf_counter() - begin
    nummers = sorted(Beschikking.objects.filter(aanvraag__in=aanvragen).values_list("beschikkingnummer", flat=True))
    toewijzingnummers = sorted(
        Toewijzing.objects.filter(aanvragen__in=aanvragen).values_list("toewijzingnummer", flat=True)
    )
    print(
        json.dumps(
            {
                "journal": journal,
                "fouten": fouten,
                "nummers": nummers,
                "toewijzingnummers": toewijzingnummers,
                "duur": sorted(duur, reverse=True),
                "migrate_s": migrate_s,
                "schrijven_s": schrijven_s,
                "verzoeken": len(duur),
            }
        )
    )


if __name__ == "__main__":
    main()
