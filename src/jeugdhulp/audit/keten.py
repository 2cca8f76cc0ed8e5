"""The hash chain over the access log: each row carries the hash of the row before it.

A row's hash is an HMAC-SHA256 over the previous row's hash and the row's own content. The key is derived from the
application's secret key, so someone with SQL access alone (a DBA, a stolen backup) cannot compute a valid hash for a
forged or altered row; someone who deletes or inserts a row breaks the link of the row after it. ``verifieer`` walks
the chain in id order and reports every break. Appends are serialised (``vergrendel``) so two writers never link to
the same predecessor.

The chain alone cannot see rows removed from the end (the rows left still link up). For that, ``teller`` reads the
database's own counter for the table (SQLite's ``sqlite_sequence``, PostgreSQL's id sequence): it must equal the
last row's id. On SQLite ids are also gap-free (a rolled-back insert rolls the counter back too), so a gap in the ids
is a break as well: it catches rows cut from the end after which the application wrote a new, well-linked row. Limit:
someone with SQL access can also reset the counter (and on PostgreSQL gaps are normal, so a cut followed by a new row
is not caught there); an anchor (``verifieer --anker``, the last hash noted at an earlier check) covers both.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db import connection

BEGIN = "0" * 64  # the "previous hash" of the very first row
# Content fields, in hash order. Never reorder or remove: that would invalidate every existing row.
VELDEN = (
    "tijdstip",
    "gebruiker_id",
    "gebruikersnaam",
    "rol",
    "jeugdige_id",
    "jeugdige_bsn",
    "actie",
    "onderwerp",
    "ip_adres",
    "pad",
    "reden",
)
_ADVISORY_LOCK = 7513  # PostgreSQL advisory lock key for appends (NEN 7513)


def _sleutel(secret: str) -> bytes:
    return hashlib.sha256(b"jeugdhulp.audit.keten:" + secret.encode()).digest()


def _sleutels() -> list[bytes]:
    """The current key first, then keys from rotated secrets, so the chain survives a SECRET_KEY rotation."""
    return [_sleutel(s) for s in (settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", []))]


def _waarde(veld: str, waarde) -> str | None:
    if waarde is None:
        return None
    if veld == "tijdstip":
        return waarde.astimezone(dt.UTC).isoformat()
    return str(waarde)


def inhoud(regel) -> bytes:
    """The canonical bytes of a row's content (an object or a dict with the ``VELDEN``): each value length-prefixed
    ("5:Oss00"), ``-`` for NULL, so no two different rows give the same bytes."""
    get = regel.get if isinstance(regel, dict) else lambda veld: getattr(regel, veld)
    delen = []
    for veld in VELDEN:
        waarde = _waarde(veld, get(veld))
        delen.append("-" if waarde is None else f"{len(waarde)}:{waarde}")
    return "|".join(delen).encode()


def sleutel() -> bytes:
    """The current key (callers that hash many rows fetch it once)."""
    return _sleutels()[0]


def regelhash(vorige: str, regel, sleutel: bytes | None = None) -> str:
    sleutel = sleutel or _sleutels()[0]
    return hmac.new(sleutel, vorige.encode() + b"\n" + inhoud(regel), hashlib.sha256).hexdigest()


def vergrendel() -> None:
    """Serialise chain appends until the surrounding transaction ends.

    PostgreSQL: a transaction-level advisory lock. SQLite: the settings open every transaction with BEGIN IMMEDIATE,
    which takes the database's single write lock at once, so the read of the last hash and the insert are atomic.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_ADVISORY_LOCK])


def teller(tabel: str) -> int | None:
    """The last id the database handed out for ``tabel`` (0 when none yet), or None on a backend without a counter."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [tabel])
            rij = cursor.fetchone()
            return int(rij[0]) if rij else 0
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [tabel])
            reeks = cursor.fetchone()[0]
            if not reeks:
                return None
            # the name comes quoted from the catalog, not from input
            cursor.execute(f"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {reeks}")  # noqa: S608
            return int(cursor.fetchone()[0])
    return None


def ids_zonder_gaten() -> bool:
    """Whether ids are gap-free in normal use: SQLite rolls its counter back with a transaction, PostgreSQL not."""
    return connection.vendor == "sqlite"


def eind_breuk(teller_waarde: int | None, laatste_id: int | None) -> str | None:
    """The break the counter shows at the end of the chain, in words, or None."""
    laatste = laatste_id or 0
    if teller_waarde is None or teller_waarde == laatste:
        return None
    if teller_waarde > laatste:
        return (
            f"de teller van de database staat op {teller_waarde}, maar de laatste regel heeft id {laatste}: "
            f"{teller_waarde - laatste} regel(s) aan het eind zijn verwijderd"
        )
    return f"de teller van de database ({teller_waarde}) staat lager dan de laatste regel ({laatste}): teruggezet"


SCHAKEL = "de schakel naar de vorige regel klopt niet: een regel ervoor is verwijderd of ingevoegd"
INHOUD = "de inhoud past niet bij de hash: de regel is gewijzigd of vervalst"


@dataclass(frozen=True)
class Breuk:
    regel_id: int
    reden: str


@dataclass
class Uitslag:
    aantal: int = 0
    laatste_id: int | None = None
    laatste_hash: str = BEGIN
    breuken: list[Breuk] | None = None


def _klopt(vorige: str, regel: dict, opgeslagen: str, sleutels: list[bytes]) -> bool:
    return any(hmac.compare_digest(regelhash(vorige, regel, s), opgeslagen) for s in sleutels)


def verifieer(rijen: Iterator[dict], *, aaneengesloten: bool = False) -> Uitslag:
    """Walk rows (dicts with id, vorige_hash, hash and the ``VELDEN``) in id order and collect every break.

    ``aaneengesloten``: ids have no gaps in normal use (SQLite), so a gap is a break too."""
    uitslag = Uitslag(breuken=[])
    sleutels = _sleutels()
    verwacht = BEGIN
    for rij in rijen:
        if aaneengesloten and uitslag.laatste_id is not None and rij["id"] != uitslag.laatste_id + 1:
            uitslag.breuken.append(
                Breuk(
                    rij["id"],
                    f"de regel(s) met id {uitslag.laatste_id + 1} tot en met {rij['id'] - 1} ontbreken: verwijderd",
                )
            )
        if not hmac.compare_digest(rij["vorige_hash"], verwacht):
            uitslag.breuken.append(
                Breuk(
                    rij["id"], "de schakel naar de vorige regel klopt niet: een regel ervoor is verwijderd of ingevoegd"
                )
            )
        if not _klopt(rij["vorige_hash"], rij, rij["hash"], sleutels):
            uitslag.breuken.append(
                Breuk(rij["id"], "de inhoud past niet bij de hash: de regel is gewijzigd of vervalst")
            )
        verwacht = rij["hash"]
        uitslag.aantal += 1
        uitslag.laatste_id = rij["id"]
    uitslag.laatste_hash = verwacht
    return uitslag
