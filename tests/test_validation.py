"""Bad input gets a clear field error: invalid BSN, impossible dates, unknown codes, inconsistent scopes."""

import datetime as dt

from django.core.exceptions import ValidationError

import pytest

from jeugdhulp.accounts.models import User
from jeugdhulp.accounts.roles import Rol
from tests import factories


def _errors(obj) -> dict:
    with pytest.raises(ValidationError) as excinfo:
        obj.full_clean()
    return excinfo.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"bsn": "123456789"}, "bsn"),
        ({"geslacht": "7"}, "geslacht"),
        ({"naamgebruik": "9"}, "naamgebruik"),
        ({"datumgebruik": "4"}, "datumgebruik"),
        ({"geboortedatum": dt.date.today() + dt.timedelta(days=1)}, "geboortedatum"),
    ],
)
def test_jeugdige_bad_input_gives_a_field_error(changes, field):
    jeugdige = factories.JeugdigeFactory.build(gemeente=factories.GemeenteFactory(), **changes)
    assert field in _errors(jeugdige)


@pytest.mark.django_db
def test_impossible_periods_are_refused():
    contact = factories.ContactFactory.build(
        jeugdige=factories.JeugdigeFactory(), begindatum=dt.date(2025, 5, 1), einddatum=dt.date(2025, 4, 1)
    )
    assert "einddatum" in _errors(contact)
    contract = factories.ContractFactory.build(
        aanbieder=factories.AanbiederFactory(), regio=factories.RegioFactory(), begindatum=dt.date(2025, 1, 1),
        einddatum=dt.date(2024, 1, 1),
    )  # fmt: skip
    assert "einddatum" in _errors(contract)


@pytest.mark.django_db
def test_contact_needs_phone_or_address():
    contact = factories.ContactFactory.build(jeugdige=factories.JeugdigeFactory(), huisnummer=None, telefoon="")
    assert "__all__" in _errors(contact)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("postcode", "ok"), [("5341AB", True), ("5341 AB", False), ("0341AB", False), ("5341ab", False)]
)
def test_postcode_format(postcode, ok):
    contact = factories.ContactFactory.build(jeugdige=factories.JeugdigeFactory(), postcode=postcode)
    if ok:
        contact.full_clean()
    else:
        assert "postcode" in _errors(contact)


@pytest.mark.django_db
@pytest.mark.parametrize(("agb", "ok"), [("98000001", True), ("9800001", False), ("98OOOOO1", False)])
def test_agb_code_is_eight_digits(agb, ok):
    aanbieder = factories.AanbiederFactory.build(agb_code=agb)
    if ok:
        aanbieder.full_clean()
    else:
        assert "agb_code" in _errors(aanbieder)


@pytest.mark.django_db
def test_team_of_another_gemeente_is_refused():
    jeugdige = factories.JeugdigeFactory.build(gemeente=factories.GemeenteFactory(), team=factories.TeamFactory())
    assert "team" in _errors(jeugdige)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rol", "field"),
    [(Rol.CJG_MEDEWERKER, "team"), (Rol.JEUGDCONSULENT, "gemeente"), (Rol.AANBIEDER_MEDEWERKER, "aanbieder")],
)
def test_role_needs_its_scope(rol, field):
    user = User(username="x", rol=rol)
    user.set_unusable_password()
    assert field in _errors(user)
