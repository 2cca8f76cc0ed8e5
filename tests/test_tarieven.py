"""Which tariff is in force on a date: one definition (Tarief.objects.geldig_op), tested on the boundary days."""

import datetime as dt

import pytest

from jeugdhulp.aanbieders.models import geldend_tarief
from tests import factories


@pytest.mark.django_db
def test_tariff_in_force_on_boundary_days():
    contract = factories.ContractFactory()
    product = factories.ProductFactory()
    t2025 = factories.TariefFactory(contract=contract, product=product, bedrag=7850,
                                    begindatum=dt.date(2025, 1, 1), einddatum=dt.date(2025, 12, 31))  # fmt: skip
    t2026 = factories.TariefFactory(contract=contract, product=product, bedrag=8085,
                                    begindatum=dt.date(2026, 1, 1), einddatum=None)  # fmt: skip
    aanbieder = contract.aanbieder
    assert geldend_tarief(aanbieder, product, dt.date(2024, 12, 31)) is None
    assert geldend_tarief(aanbieder, product, dt.date(2025, 1, 1)) == t2025
    assert geldend_tarief(aanbieder, product, dt.date(2025, 12, 31)) == t2025
    assert geldend_tarief(aanbieder, product, dt.date(2026, 1, 1)) == t2026
    assert geldend_tarief(aanbieder, product, dt.date(2030, 6, 1)) == t2026
    assert geldend_tarief(factories.AanbiederFactory(), product, dt.date(2025, 6, 1)) is None
