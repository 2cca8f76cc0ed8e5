"""Database-level guard: the access log refuses UPDATE (and, on PostgreSQL, DELETE) underneath the ORM.

On SQLite only UPDATE is blocked by a trigger, because Django's test-database flush deletes rows there;
the ORM and admin guards block deletes on both databases.
"""

from django.db import migrations

PG_FORWARD = """
CREATE OR REPLACE FUNCTION audit_toegangslog_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'toegangslog is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_toegangslog_append_only
    BEFORE UPDATE OR DELETE ON audit_toegangslogregel
    FOR EACH ROW EXECUTE FUNCTION audit_toegangslog_append_only();
"""
PG_REVERSE = """
DROP TRIGGER IF EXISTS audit_toegangslog_append_only ON audit_toegangslogregel;
DROP FUNCTION IF EXISTS audit_toegangslog_append_only();
"""
SQLITE_FORWARD = """
CREATE TRIGGER audit_toegangslog_no_update BEFORE UPDATE ON audit_toegangslogregel
BEGIN SELECT RAISE(ABORT, 'toegangslog is append-only: UPDATE refused'); END;
"""
SQLITE_REVERSE = "DROP TRIGGER IF EXISTS audit_toegangslog_no_update;"


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FORWARD, params=None)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_FORWARD, params=None)


def reverse(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_REVERSE, params=None)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_REVERSE, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(forward, reverse)]
