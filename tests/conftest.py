import datetime as dt
import os
import zoneinfo

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

import pytest
import time_machine
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from jeugdhulp.accounts.roles import Rol
from tests import factories

# A test never depends on the day it runs. CI runs the suite (browser tests aside) once more under fixed dates chosen to
# hit a weekend, a holiday and a year end (`make test-dates`): PYTEST_VANDAAG=YYYY-MM-DD moves the clock of the
# whole session to 10:00 Amsterdam time on that day, and lets it tick from there.
VANDAAG = os.environ.get("PYTEST_VANDAAG", "")
_traveller = None


def pytest_configure(config):
    global _traveller
    if VANDAAG:
        dag = dt.date.fromisoformat(VANDAAG)
        moment = dt.datetime.combine(dag, dt.time(10), tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))
        _traveller = time_machine.travel(moment, tick=True)
        _traveller.start()


def pytest_unconfigure(config):
    if _traveller is not None:
        _traveller.stop()


def pytest_report_header(config):
    return f"vandaag: {VANDAAG} (PYTEST_VANDAAG)" if VANDAAG else None


@pytest.fixture(autouse=True)
def _dutch_again():
    """A request to /pl/ or /en/ activates that language in the thread; the next test starts in Dutch again."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    """argon2 is slow by design; tests that do not test hashing use a fast hasher (see test_accounts)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session", autouse=True)
def _flush_lifts_the_audit_delete_trigger():
    """The access log refuses DELETE on SQLite too; only a transactional test's flush lifts that trigger around itself.

    (PostgreSQL's flush is a TRUNCATE, which its row trigger does not see.)
    """
    from django.db.backends.sqlite3.base import DatabaseWrapper

    from jeugdhulp.audit.triggers import SQLITE_CREATE_NO_DELETE, SQLITE_DROP_NO_DELETE

    DatabaseOperations = DatabaseWrapper.ops_class  # noqa: N806
    original = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, **kwargs):
        sql = original(self, style, tables, **kwargs)
        if "audit_toegangslogregel" in tables:
            return [SQLITE_DROP_NO_DELETE, *sql, SQLITE_CREATE_NO_DELETE]
        return sql

    DatabaseOperations.sql_flush = sql_flush
    yield
    DatabaseOperations.sql_flush = original


def login_verified(client, user):
    """Log a user in with a completed second factor, as after password + TOTP."""
    client.force_login(user)
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def wereld(db):
    """Two gemeenten, two teams in Oss, two aanbieders, jeugdigen in each scope, and one user per role."""
    oss = factories.GemeenteFactory(cbs_code="0828", naam="Oss")
    bosch = factories.GemeenteFactory(cbs_code="0796", naam="'s-Hertogenbosch")
    team_noord = factories.TeamFactory(gemeente=oss, naam="CJG Oss-Noord")
    team_maasland = factories.TeamFactory(gemeente=oss, naam="CJG Maasland")
    team_bosch = factories.TeamFactory(gemeente=bosch, naam="CJG Den Bosch")
    aanbieder_a = factories.AanbiederFactory(naam="Kompas Jeugdhulp")
    aanbieder_b = factories.AanbiederFactory(naam="De Brug Ambulant")

    eigen = factories.JeugdigeFactory(gemeente=oss, team=team_noord, geslachtsnaam="Eigenteam")
    factories.RelatieFactory(jeugdige=eigen)
    factories.ContactFactory(jeugdige=eigen)
    ander_team = factories.JeugdigeFactory(gemeente=oss, team=team_maasland, geslachtsnaam="Anderteam")
    andere_gemeente = factories.JeugdigeFactory(gemeente=bosch, team=team_bosch, geslachtsnaam="Anderegemeente")
    factories.ToewijzingFactory(jeugdige=eigen, aanbieder=aanbieder_a)
    factories.ToewijzingFactory(jeugdige=andere_gemeente, aanbieder=aanbieder_a)
    factories.ToewijzingFactory(jeugdige=ander_team, aanbieder=aanbieder_b)

    users = {
        Rol.CJG_MEDEWERKER: factories.UserFactory(username="cjg", rol=Rol.CJG_MEDEWERKER, team=team_noord),
        Rol.JEUGDCONSULENT: factories.UserFactory(username="jc", rol=Rol.JEUGDCONSULENT, gemeente=oss),
        Rol.BELEIDSMEDEWERKER: factories.UserFactory(username="beleid", rol=Rol.BELEIDSMEDEWERKER, gemeente=oss),
        Rol.AANBIEDER_MEDEWERKER: factories.UserFactory(
            username="aanbieder", rol=Rol.AANBIEDER_MEDEWERKER, aanbieder=aanbieder_a
        ),
        Rol.FUNCTIONEEL_BEHEERDER: factories.UserFactory(username="fb", rol=Rol.FUNCTIONEEL_BEHEERDER),
        Rol.AUDITOR: factories.UserFactory(username="auditor", rol=Rol.AUDITOR),
    }
    return {
        "oss": oss,
        "bosch": bosch,
        "eigen": eigen,
        "ander_team": ander_team,
        "andere_gemeente": andere_gemeente,
        "aanbieder_a": aanbieder_a,
        "users": users,
    }
