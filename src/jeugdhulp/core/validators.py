"""Field validators shared by the components. Each raises a ValidationError with a clear Dutch message."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stdnum.exceptions import InvalidChecksum
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import bsn as stdnum_bsn


def validate_bsn(value: str) -> None:
    """A BSN is exactly 9 digits, passes the 11-proef (python-stdnum) and is not all zeros."""
    if not value.isascii() or not value.isdigit():
        if value and value.replace(" ", "").replace(".", "").isdigit():
            raise ValidationError(_("Schrijf het BSN als 9 cijfers, zonder spaties of punten."), code="bsn_formaat")
        if len(value) == 9:
            raise ValidationError(_("Een BSN bestaat alleen uit cijfers."), code="bsn_formaat")
        raise ValidationError(_("Een BSN heeft 9 cijfers."), code="bsn_lengte")
    if len(value) != 9:
        raise ValidationError(_("Een BSN heeft 9 cijfers."), code="bsn_lengte")
    if int(value) == 0:
        raise ValidationError(_("Dit is geen geldig BSN."), code="bsn")
    try:
        stdnum_bsn.validate(value)
    except InvalidChecksum:
        raise ValidationError(
            _("Dit BSN klopt niet: het voldoet niet aan de 11-proef. Controleer de cijfers."), code="bsn_11proef"
        ) from None
    except StdnumError:
        raise ValidationError(_("Dit is geen geldig BSN."), code="bsn") from None


def validate_agb(value: str) -> None:
    """An AGB code as used in iJw (LDT_AgbCode): exactly 8 digits."""
    if len(value) != 8 or not value.isdigit():
        raise ValidationError(_("Een AGB-code heeft precies 8 cijfers."), code="agb")


def validate_cbs_gemeentecode(value: str) -> None:
    if len(value) != 4 or not value.isdigit():
        raise ValidationError(_("Een CBS-gemeentecode heeft precies 4 cijfers, bijvoorbeeld 0828."), code="cbs")


def validate_not_future(value: dt.date) -> None:
    if value > dt.date.today():
        raise ValidationError(_("Deze datum ligt in de toekomst."), code="toekomst")


def validate_postcode(value: str) -> None:
    if (
        len(value) != 6
        or not value[:4].isdigit()
        or value[0] == "0"
        or not value[4:].isalpha()
        or not value[4:].isupper()
    ):
        raise ValidationError(_("Een postcode is 4 cijfers en 2 hoofdletters, zonder spatie: 5341AB."), code="postcode")


def validate_periode(begin: dt.date | None, eind: dt.date | None, field: str = "einddatum") -> None:
    """End on or after begin (iJw CS003)."""
    if begin and eind and eind < begin:
        raise ValidationError({field: _("De einddatum ligt vóór de begindatum.")}, code="periode")
