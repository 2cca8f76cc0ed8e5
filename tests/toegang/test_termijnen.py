"""Every clock of the access process on its boundary days: Awb weeks are calendar weeks, and a last day on a
weekend or a holiday of the Algemene termijnenwet moves to the next working day; werkdagen skip holidays."""

import datetime as dt

import pytest

from jeugdhulp.besluiten import termijnen as t
from jeugdhulp.hulpvragen.services import contact_uiterlijk

D = dt.date


@pytest.mark.parametrize(
    ("ontvangen", "uiterlijk", "waarom"),
    [
        (D(2026, 3, 6), D(2026, 5, 1), "8 weeks to the same weekday; Friday 1 May is a working day"),
        (D(2026, 2, 6), D(2026, 4, 3), "Goede Vrijdag is no Atw holiday"),
        (D(2026, 3, 2), D(2026, 4, 28), "ends on Koningsdag (Monday 27 April) → Tuesday"),
        (D(2026, 2, 28), D(2026, 4, 28), "ends on Saturday → Sunday → Koningsdag → Tuesday"),
        (D(2026, 3, 10), D(2026, 5, 6), "ends on 5 mei (every year under the Atw) → 6 May"),
        (D(2026, 3, 19), D(2026, 5, 15), "ends on Hemelvaartsdag → Friday"),
        (D(2026, 10, 30), D(2026, 12, 28), "ends on Christmas Day → Monday 28 December"),
    ],
)
def test_beslistermijn_aanvraag_awb_4_13(ontvangen, uiterlijk, waarom):
    assert t.beslis_uiterlijk(ontvangen) == uiterlijk, waarom


def test_opschorting_adds_the_paused_days_awb_4_15():
    # asked on 9 March, answer on 19 March: 10 days paused → 1 May + 10 = Monday 11 May
    dagen = t.opgeschorte_dagen(D(2026, 3, 9), D(2026, 3, 19))
    assert dagen == 10
    assert t.beslis_uiterlijk(D(2026, 3, 6), dagen) == D(2026, 5, 11)
    assert t.opgeschorte_dagen(D(2026, 3, 9), D(2026, 3, 9)) == 0  # same day: nothing paused
    # paused 13 days: 1 May + 13 = 14 May, Hemelvaartsdag → 15 May
    assert t.beslis_uiterlijk(D(2026, 3, 6), 13) == D(2026, 5, 15)


@pytest.mark.parametrize(
    ("bekendmaking", "uiterlijk"),
    [
        (D(2026, 11, 23), D(2027, 1, 4)),  # Monday + 6 weeks = Monday 4 January
        (D(2026, 11, 13), D(2026, 12, 28)),  # lands on Christmas Day → Monday 28 December
        (D(2026, 11, 20), D(2027, 1, 4)),  # lands on Friday 1 January (Nieuwjaarsdag) → Monday 4 January
    ],
)
def test_bezwaartermijn_awb_6_7(bekendmaking, uiterlijk):
    assert t.bezwaar_uiterlijk(bekendmaking) == uiterlijk


def test_beslistermijn_bezwaar_awb_7_10():
    einde = D(2026, 12, 28)
    assert t.beslis_op_bezwaar_uiterlijk(einde, D(2026, 12, 1), commissie=False) == D(2027, 2, 8)
    assert t.beslis_op_bezwaar_uiterlijk(einde, D(2026, 12, 1), commissie=True) == D(2027, 3, 22)
    assert t.beslis_op_bezwaar_uiterlijk(einde, D(2026, 12, 1), commissie=False, verdaagd=True) == D(2027, 3, 22)
    assert t.beslis_op_bezwaar_uiterlijk(einde, D(2026, 12, 1), commissie=True, verdaagd=True) == D(2027, 5, 3)
    # a late bezwaar: counted from its receipt
    assert t.beslis_op_bezwaar_uiterlijk(einde, D(2027, 1, 4), commissie=False) == D(2027, 2, 15)
    # 12 weeks from 9 Feb 2026 end on Monday 4 May; with 6 weeks verdaging on Monday 15 June
    assert t.beslis_op_bezwaar_uiterlijk(D(2026, 2, 9), D(2026, 2, 1), commissie=True) == D(2026, 5, 4)


@pytest.mark.parametrize(
    ("ontvangen", "uiterlijk"),
    [
        (dt.datetime(2026, 11, 23, 9, 0), D(2026, 11, 25)),  # Monday → Wednesday
        (dt.datetime(2026, 11, 27, 16, 0), D(2026, 12, 1)),  # Friday → Tuesday
        (dt.datetime(2026, 11, 28, 10, 0), D(2026, 12, 1)),  # Saturday: counting starts Monday
        (dt.datetime(2026, 12, 24, 12, 0), D(2026, 12, 29)),  # Christmas: 28 and 29 December
        (dt.datetime(2026, 4, 23, 12, 0), D(2026, 4, 28)),  # Friday 24, Koningsdag skipped, Tuesday 28
    ],
)
def test_first_contact_within_2_werkdagen(ontvangen, uiterlijk, settings):
    from django.utils import timezone

    assert contact_uiterlijk(timezone.make_aware(ontvangen)) == uiterlijk
