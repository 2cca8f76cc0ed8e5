"""SQLite refuses DELETE on the access log too (PostgreSQL has refused it since 0002).

0003 rebuilt the table on SQLite (new NOT NULL columns), which drops its triggers: UPDATE's is created again here.
"""

from django.db import migrations

from jeugdhulp.audit.triggers import SQLITE_CREATE, SQLITE_DROP_NO_DELETE


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in SQLITE_CREATE:
            schema_editor.execute(sql, params=None)


def reverse(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_DROP_NO_DELETE, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_hash_chain_and_new_actions")]
    operations = [migrations.RunPython(forward, reverse)]
