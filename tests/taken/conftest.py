import datetime as dt

import pytest

from tests.berichten_django.conftest import ijw  # noqa: F401 — the iJw world, for outbox tests
from tests.publiek.conftest import kaart  # noqa: F401 — the public site's sociale kaart with gemeente Oss

# Every scheduled job is tested at a frozen moment: a Tuesday morning in Oss, after the daily jobs' times.
NU = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def nu(time_machine):
    time_machine.move_to(NU, tick=False)
    return NU


@pytest.fixture
def mail_naar_geheugen(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
