import pytest

from tests.socialekaart.factories import bouw_kaart


@pytest.fixture
def kaart(db):
    return bouw_kaart()
