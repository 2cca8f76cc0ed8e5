"""SQLite's guards on the access log, in one place for the migrations and the test suite's flush.

PostgreSQL refuses UPDATE and DELETE with the trigger of migration 0002 (its test flush uses TRUNCATE, which row
triggers do not see). SQLite refuses both with the triggers below; its flush deletes rows, so the test suite lifts the
DELETE trigger around its flush only (tests/conftest.py). SQLite drops a table's triggers whenever Django rebuilds
the table for a schema change, so a migration that alters this table must run ``SQLITE_CREATE`` again.
"""

SQLITE_NO_DELETE = "audit_toegangslog_no_delete"
SQLITE_CREATE_NO_UPDATE = """
CREATE TRIGGER IF NOT EXISTS audit_toegangslog_no_update BEFORE UPDATE ON audit_toegangslogregel
BEGIN SELECT RAISE(ABORT, 'toegangslog is append-only: UPDATE refused'); END;
"""
SQLITE_CREATE_NO_DELETE = f"""
CREATE TRIGGER IF NOT EXISTS {SQLITE_NO_DELETE} BEFORE DELETE ON audit_toegangslogregel
BEGIN SELECT RAISE(ABORT, 'toegangslog is append-only: DELETE refused'); END;
"""
SQLITE_CREATE = (SQLITE_CREATE_NO_UPDATE, SQLITE_CREATE_NO_DELETE)
SQLITE_DROP_NO_DELETE = f"DROP TRIGGER IF EXISTS {SQLITE_NO_DELETE}"
