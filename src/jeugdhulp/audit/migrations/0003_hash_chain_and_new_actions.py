"""The hash chain over the access log (``vorige_hash``, ``hash``) and the new actions (denials, rights).

Existing rows are sealed into the chain once, in id order: the UPDATE trigger is lifted for that one backfill and
put back in the same transaction. (On SQLite, adding the columns rebuilds the table, which drops its triggers; 0004
creates them again.)
"""

from django.db import migrations, models

from jeugdhulp.audit.triggers import SQLITE_CREATE_NO_UPDATE

ACTIES = [
    ("bekeken", "bekeken"),
    ("gezocht", "gezocht"),
    ("aangemaakt", "aangemaakt"),
    ("gewijzigd", "gewijzigd"),
    ("verwijderd", "verwijderd"),
    ("geexporteerd", "geëxporteerd"),
    ("log_bekeken", "toegangslog bekeken"),
    ("geweigerd", "toegang geweigerd"),
    ("recht_aangevraagd", "recht aangevraagd"),
    ("recht_verleend", "recht goedgekeurd"),
    ("recht_afgewezen", "recht afgewezen"),
    ("recht_gewijzigd", "recht gewijzigd"),
    ("activeringslink", "activeringslink gemaakt"),
]

PG_UPDATE_TRIGGER_OFF = "ALTER TABLE audit_toegangslogregel DISABLE TRIGGER audit_toegangslog_append_only"
PG_UPDATE_TRIGGER_ON = "ALTER TABLE audit_toegangslogregel ENABLE TRIGGER audit_toegangslog_append_only"
SQLITE_UPDATE_TRIGGER_OFF = "DROP TRIGGER IF EXISTS audit_toegangslog_no_update"


def seal_existing_rows(apps, schema_editor):
    from jeugdhulp.audit import keten

    Regel = apps.get_model("audit", "Toegangslogregel")
    if not Regel.objects.exists():
        return
    vendor = schema_editor.connection.vendor
    off, on = {
        "postgresql": (PG_UPDATE_TRIGGER_OFF, PG_UPDATE_TRIGGER_ON),
        "sqlite": (SQLITE_UPDATE_TRIGGER_OFF, SQLITE_CREATE_NO_UPDATE),
    }.get(vendor, (None, None))
    if off:
        schema_editor.execute(off, params=None)
    vorige = keten.BEGIN
    batch = []
    for regel in Regel.objects.order_by("pk").iterator(chunk_size=2000):
        regel.vorige_hash = vorige
        regel.hash = vorige = keten.regelhash(vorige, regel)
        batch.append(regel)
        if len(batch) == 2000:
            Regel.objects.bulk_update(batch, ["vorige_hash", "hash"])
            batch = []
    Regel.objects.bulk_update(batch, ["vorige_hash", "hash"])
    if on:
        schema_editor.execute(on, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_triggers")]

    operations = [
        migrations.AddField(
            model_name="toegangslogregel",
            name="vorige_hash",
            field=models.CharField(default="", editable=False, max_length=64, verbose_name="hash vorige regel"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="toegangslogregel",
            name="hash",
            field=models.CharField(default="", editable=False, max_length=64, verbose_name="hash"),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="toegangslogregel",
            name="actie",
            field=models.CharField(choices=ACTIES, editable=False, max_length=20, verbose_name="actie"),
        ),
        migrations.RunPython(seal_existing_rows, migrations.RunPython.noop),
    ]
