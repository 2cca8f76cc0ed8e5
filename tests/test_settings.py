"""Settings come from the environment; unsafe or unknown configuration stops start-up, naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jeugdhulp.conf import env

GOOD_SECRET = "k" * 64
PROD = {"ENVIRONMENT": "production", "SECRET_KEY": GOOD_SECRET, "ALLOWED_HOSTS": "jeugdhulp.oss.nl",
        "DATABASE_URL": "postgres://u@db/jeugdhulp"}  # fmt: skip


def test_safe_production_configuration_is_accepted():
    values = env.read(PROD)
    assert values["DEBUG"] is False
    assert values["SECURE_COOKIES"] is True


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"DEBUG": "true"}, "DEBUG"),
        ({"SECRET_KEY": None}, "SECRET_KEY"),
        ({"SECRET_KEY": env.INSECURE_DEV_SECRET}, "SECRET_KEY"),
        ({"SECRET_KEY": "short-secret"}, "SECRET_KEY"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
        ({"DATABASE_URL": None}, "DATABASE_URL"),
        ({"DEBUG": "misschien"}, "DEBUG"),
        ({"AXES_FAILURE_LIMIT": "vijf"}, "AXES_FAILURE_LIMIT"),
        ({"ENVIRONMENT": "prod"}, "ENVIRONMENT"),
        ({"JEUGDHULP_GEMEENT": "0828"}, "JEUGDHULP_GEMEENT"),
        ({"JEUGDHULP_AANBIEDER_INZAGE_MAANDEN": "-1"}, "JEUGDHULP_AANBIEDER_INZAGE_MAANDEN"),
    ],
)
def test_unsafe_or_malformed_configuration_is_refused_naming_the_variable(change, named):
    environ = {**PROD, **change}
    environ = {k: v for k, v in environ.items() if v is not None}
    with pytest.raises(env.ConfigurationError, match=named):
        env.read(environ)


def test_development_defaults_work_without_any_variable():
    values = env.read({})
    assert values["ENVIRONMENT"] == "development"
    assert values["DATABASE_URL"].startswith("sqlite:///")
    assert values["SECRET_KEY"] == env.INSECURE_DEV_SECRET


def test_django_start_up_fails_with_a_clear_message():
    environ = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG"}}
    environ.update(PROD, DEBUG="true")
    result = subprocess.run(
        [sys.executable, "-m", "jeugdhulp.cli", "check"], env=environ, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "DEBUG must be false when ENVIRONMENT=production" in result.stderr


def test_every_variable_is_documented_in_operations_doc():
    doc = (Path(__file__).resolve().parents[1] / "docs" / "operations.md").read_text()
    assert env.markdown_table() in doc, "docs/operations.md is out of date: run `jeugdhulp settings_doc`"


def test_passwords_are_hashed_with_argon2():
    from django.conf import settings as django_settings

    # The test suite swaps in a fast hasher per test; the configured module must lead with argon2.
    from jeugdhulp.conf import settings as conf

    assert conf.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert django_settings.AUTH_USER_MODEL == "accounts.User"
