"""The access log's hash chain and database guards: tampering with SQL is refused, and what gets past is caught."""

from io import StringIO

from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

import pytest

from jeugdhulp.accounts.roles import Rol
from jeugdhulp.audit import keten, log
from jeugdhulp.audit.models import Actie, Toegangslogregel


@pytest.fixture
def regels(wereld):
    """Five rows: two single entries and a list of three, as views write them."""
    cjg = wereld["users"][Rol.CJG_MEDEWERKER]
    log.schrijf(None, Actie.BEKEKEN, wereld["eigen"], onderwerp="dossier", gebruiker=cjg)
    log.schrijf(None, Actie.GEWIJZIGD, wereld["eigen"], onderwerp="casus: verslag", gebruiker=cjg)

    class Verzoek:
        user = cjg
        META = {"REMOTE_ADDR": "10.0.0.7"}

        @staticmethod
        def get_full_path():
            return "/medewerkers/jeugdigen/"

    log.schrijf_lijst(Verzoek, [wereld["eigen"], wereld["ander_team"], wereld["andere_gemeente"]], "lijst")
    return list(Toegangslogregel.objects.order_by("pk"))


def verifieer(*args) -> str:
    out, err = StringIO(), StringIO()
    try:
        call_command("audit", "verifieer", *args, stdout=out, stderr=err)
    except CommandError as exc:
        raise AssertionError(err.getvalue()) from exc
    return out.getvalue()


def breuken(*args) -> str:
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("audit", "verifieer", *args, stdout=StringIO(), stderr=err)
    return err.getvalue()


def sql(statement: str, params=()):
    with connection.cursor() as cursor:
        cursor.execute(statement, list(params))


def zonder_triggers():
    """What an attacker with SQL access does first: take the append-only triggers away (rolled back after the test)."""
    if connection.vendor == "postgresql":
        sql("ALTER TABLE audit_toegangslogregel DISABLE TRIGGER audit_toegangslog_append_only")
    else:
        sql("DROP TRIGGER audit_toegangslog_no_update")
        sql("DROP TRIGGER audit_toegangslog_no_delete")


def test_every_row_links_to_the_one_before_also_in_a_bulk_list(regels):
    assert regels[0].vorige_hash == keten.BEGIN
    for vorige, regel in zip(regels, regels[1:], strict=False):
        assert regel.vorige_hash == vorige.hash
        assert regel.hash == keten.regelhash(vorige.hash, regel)
    assert "Gecontroleerd: 5 regels." in verifieer()


def test_database_refuses_update_and_delete_on_every_backend(regels):
    for statement in (
        "UPDATE audit_toegangslogregel SET reden = 'x' WHERE id = %s",
        "DELETE FROM audit_toegangslogregel WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            sql(statement, [regels[1].pk])
    assert Toegangslogregel.objects.filter(pk=regels[1].pk, reden="").exists()


def test_a_changed_row_is_caught(regels):
    zonder_triggers()
    sql("UPDATE audit_toegangslogregel SET gebruikersnaam = 'iemand-anders' WHERE id = %s", [regels[2].pk])
    uitkomst = breuken()
    assert f"Regel {regels[2].pk}: de inhoud past niet bij de hash" in uitkomst


def test_a_deleted_row_is_caught(regels):
    zonder_triggers()
    sql("DELETE FROM audit_toegangslogregel WHERE id = %s", [regels[2].pk])
    assert f"Regel {regels[3].pk}: de schakel naar de vorige regel klopt niet" in breuken()


def test_an_inserted_row_is_caught_even_with_a_well_formed_hash(regels):
    """The forger knows the algorithm but not the key: a row with a plain SHA-256 link is still caught."""
    zonder_triggers()
    nep = Toegangslogregel(
        tijdstip=regels[-1].tijdstip,
        gebruikersnaam="nep",
        rol="auditor",
        actie=Actie.BEKEKEN,
        onderwerp="dossier",
    )
    hash_ = keten.regelhash(regels[-1].hash, nep, sleutel=b"geraden sleutel")
    sql(
        "INSERT INTO audit_toegangslogregel (tijdstip, gebruikersnaam, rol, jeugdige_bsn, actie, onderwerp, pad, reden,"
        " vorige_hash, hash) VALUES (%s, 'nep', 'auditor', '', 'bekeken', 'dossier', '', '', %s, %s)",
        [nep.tijdstip, regels[-1].hash, hash_],
    )
    nieuw = Toegangslogregel.objects.order_by("-pk").first()
    assert f"Regel {nieuw.pk}: de inhoud past niet bij de hash" in breuken()


def test_rows_removed_from_the_end_are_caught_with_the_anchor(regels):
    anker = regels[-1].hash
    assert "De keten is intact." in verifieer("--anker", anker)
    zonder_triggers()
    sql("DELETE FROM audit_toegangslogregel WHERE id = %s", [regels[-1].pk])
    assert "komt niet (meer) voor" in breuken("--anker", anker)


def test_chain_survives_a_rotated_secret_key(regels, settings):
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "een nieuwe geheime sleutel na rotatie, lang genoeg"  # noqa: S105
    log.schrijf(None, Actie.BEKEKEN, None, onderwerp="na rotatie")
    assert "Gecontroleerd: 6 regels." in verifieer()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("ronde", [1, 2])
def test_a_transactional_test_can_still_flush_the_log(ronde):
    """The suite's flush lifts the DELETE trigger for itself only: two rounds, each starting from an empty log."""
    assert not Toegangslogregel.objects.exists()
    log.schrijf(None, Actie.BEKEKEN, None, onderwerp=f"ronde {ronde}")
    assert "Gecontroleerd: 1 regels." in verifieer()


def test_concurrent_writers_keep_one_unbroken_chain(tmp_path):
    """8 threads (own connections) append single rows and lists at once: no fork, no error, every row linked.

    Runs in a process of its own against a fresh SQLite file (pytest-django's in-memory database is shared
    differently), or, in the PostgreSQL pass, against a database of its own."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    url = os.environ.get("DATABASE_URL", "sqlite:")
    if url.startswith("postgres"):
        import psycopg

        basis, _slash, _naam = url.rpartition("/")
        with psycopg.connect(f"{basis}/postgres", autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS test_audit_gelijktijdig")
            conn.execute("CREATE DATABASE test_audit_gelijktijdig")
        url = f"{basis}/test_audit_gelijktijdig"
        subprocess.run(
            [sys.executable, "-m", "jeugdhulp.cli", "migrate", "-v0"],
            cwd=root, env={**os.environ, "DATABASE_URL": url}, check=True, timeout=300,
        )  # fmt: skip
    else:
        url = f"sqlite:///{tmp_path / 'log.sqlite3'}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "jeugdhulp.conf.settings",
        "PYTHONPATH": os.pathsep.join([str(root), *sys.path]),
    }
    proces = subprocess.run(
        [sys.executable, "-m", "tests.audit_gelijktijdig_script"],
        cwd=root, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proces.returncode == 0, proces.stderr[-3000:]
    uitkomst = json.loads(proces.stdout.strip().splitlines()[-1])
    assert uitkomst == {"aantal": 8 * 15 * 11, "breuken": [], "fouten": []}


def _niet_intact(*args) -> tuple[str, str]:
    err = StringIO()
    with pytest.raises(CommandError) as fout:
        call_command("audit", "verifieer", *args, stdout=StringIO(), stderr=err)
    return err.getvalue(), str(fout.value)


def test_rows_removed_from_the_end_are_caught_without_an_anchor(regels):
    """The database's own counter is past the last row: the chain alone would still look whole."""
    zonder_triggers()
    sql("DELETE FROM audit_toegangslogregel WHERE id >= %s", [regels[3].pk])
    uitkomst, fout = _niet_intact()
    assert f"maar de laatste regel heeft id {regels[2].pk}: 2 regel(s) aan het eind zijn verwijderd" in uitkomst
    assert fout == "Het toegangslog is niet intact: 1 breuk(en) gevonden."


def test_all_rows_removed_is_caught(regels):
    zonder_triggers()
    sql("DELETE FROM audit_toegangslogregel")
    uitkomst, _fout = _niet_intact()
    assert f"de teller van de database staat op {regels[-1].pk}, maar de laatste regel heeft id 0" in uitkomst


def test_the_anchor_message_counts_itself_as_a_break(regels):
    """It said 'niet intact: 0 breuk(en) gevonden' when only the anchor was missing."""
    _uitkomst, fout = _niet_intact("--anker", "0" * 64)
    assert fout == "Het toegangslog is niet intact: 1 breuk(en) gevonden."


@pytest.mark.skipif(not keten.ids_zonder_gaten(), reason="PostgreSQL ids have gaps in normal use")
def test_a_cut_end_followed_by_a_new_row_is_caught_on_sqlite(regels):
    zonder_triggers()
    sql("DELETE FROM audit_toegangslogregel WHERE id >= %s", [regels[3].pk])
    log.schrijf(None, Actie.BEKEKEN, None, onderwerp="na het knippen")  # links to the row left: the chain is whole
    uitkomst, _fout = _niet_intact()
    assert f"de regel(s) met id {regels[3].pk} tot en met {regels[4].pk} ontbreken" in uitkomst
