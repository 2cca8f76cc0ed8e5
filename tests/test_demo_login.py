"""The demo's code page offers a code that will be accepted, also for a second login within the same 30 seconds."""

import datetime as dt

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from jeugdhulp.accounts import totp
from jeugdhulp.accounts.roles import Rol
from tests import factories

pytestmark = pytest.mark.django_db


def test_second_login_within_30_seconds_gets_a_code_that_is_accepted(time_machine):
    time_machine.move_to(dt.datetime(2026, 12, 6, 9, 0, 5, tzinfo=dt.UTC), tick=False)
    user = factories.UserFactory(username="demo-auditor", rol=Rol.AUDITOR)
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name="demo", key=totp.DEMO_TOTP_KEY, confirmed=True)

    eerste = totp.demo_hint(device)
    assert eerste == totp.current_code(totp.DEMO_TOTP_KEY)
    assert device.verify_token(eerste)

    time_machine.move_to(dt.datetime(2026, 12, 6, 9, 0, 20, tzinfo=dt.UTC), tick=False)  # same 30 s step
    device.refresh_from_db()
    assert not device.verify_token(eerste), "a used code is refused (django-otp)"
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    tweede = totp.demo_hint(device)
    assert tweede != eerste
    assert device.verify_token(tweede)
