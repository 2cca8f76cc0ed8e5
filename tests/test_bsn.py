"""BSN validation (11-proef via python-stdnum) with real edge cases, as a field error in Dutch."""

from django.core.exceptions import ValidationError

import pytest

from jeugdhulp.core.validators import validate_bsn
from jeugdhulp.demo.bouwer import maak_bsn


def _elfproef(bsn: str) -> bool:
    # Independent reference implementation: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is divisible by 11.
    digits = [int(c) for c in bsn]
    return (sum(d * w for d, w in zip(digits, [9, 8, 7, 6, 5, 4, 3, 2, -1], strict=True))) % 11 == 0


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "999999990", "100000009", "012345672"])
def test_valid_bsns_pass(bsn):
    assert _elfproef(bsn)
    validate_bsn(bsn)


@pytest.mark.parametrize(
    ("bsn", "code"),
    [
        ("123456789", "bsn_11proef"),  # last digit wrong
        ("111222334", "bsn_11proef"),
        ("12345678", "bsn_lengte"),  # 8 digits
        ("1234567890", "bsn_lengte"),
        ("12345678a", "bsn_formaat"),
        ("１２３４５６７８２", "bsn_formaat"),  # full-width digits are not ASCII
        ("", "bsn_lengte"),
        ("000000000", "bsn"),  # passes the arithmetic but is no BSN
        ("123 456 782", "bsn_formaat"),  # must be stored compact
        ("123.456.782", "bsn_formaat"),
    ],
)
def test_invalid_bsns_get_a_clear_error(bsn, code):
    with pytest.raises(ValidationError) as excinfo:
        validate_bsn(bsn)
    assert excinfo.value.code == code
    assert excinfo.value.messages[0]  # a human message, in Dutch


def test_transposed_digits_are_caught():
    # The 11-proef detects any swap of two adjacent different digits.
    valid = "123456782"
    swapped = "213456782"
    assert not _elfproef(swapped)
    with pytest.raises(ValidationError):
        validate_bsn(swapped)
    validate_bsn(valid)


def test_synthetic_bsns_are_valid_unique_and_start_with_9():
    import random

    rng, seen = random.Random(1), set()
    bsns = [maak_bsn(rng, seen) for _ in range(2000)]
    assert len(set(bsns)) == 2000
    for bsn in bsns:
        assert bsn.startswith("9") and _elfproef(bsn)
        validate_bsn(bsn)
