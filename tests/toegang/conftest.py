"""Shared fixtures of the CJG worker's tests: the access-process world on a fixed Monday, and a logged-in worker.

A module that defines its own ``w`` (e.g. ``test_flow.py``, on the real date) keeps it: pytest prefers the nearer one.
"""

import datetime as dt

import pytest

from tests.conftest import login_verified
from tests.toegang.factories import toegang_wereld

MAANDAG = dt.datetime(2026, 12, 7, 10, 0, tzinfo=dt.UTC)  # a Monday


@pytest.fixture
def w(time_machine):
    time_machine.move_to(MAANDAG, tick=False)
    return toegang_wereld()


@pytest.fixture
def cjg(client, w):
    login_verified(client, w["cjg"])
    return client
