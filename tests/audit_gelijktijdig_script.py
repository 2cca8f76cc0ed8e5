"""Run by tests/test_audit_keten.py in a process of its own: 8 threads append to the access log at once (single rows
and lists of 10), then the chain is verified. Prints one JSON line: rows written and breaks found."""

import json
import threading

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    call_command("migrate", verbosity=0)

from jeugdhulp.audit import keten, log  # noqa: E402
from jeugdhulp.audit.models import Actie, Toegangslogregel  # noqa: E402

fouten = []


def schrijver(n: int) -> None:
    try:
        for i in range(15):
            log.schrijf(None, Actie.BEKEKEN, None, onderwerp=f"draad {n} regel {i}")
            log._voeg_toe([log._regel(None, None, Actie.GEZOCHT, None, f"draad {n} lijst {i}") for _ in range(10)])
    except Exception as exc:  # noqa: BLE001 — reported to the test
        fouten.append(repr(exc))
    finally:
        connection.close()


draden = [threading.Thread(target=schrijver, args=(n,)) for n in range(8)]
for d in draden:
    d.start()
for d in draden:
    d.join()
rijen = Toegangslogregel.objects.order_by("pk").values("id", "vorige_hash", "hash", *keten.VELDEN).iterator()
uitslag = keten.verifieer(rijen)
print(json.dumps({"aantal": uitslag.aantal, "breuken": [b.reden for b in uitslag.breuken], "fouten": fouten}))
