"""The letter speaks to whom it addresses, at every age: parents about their child (under 12), parents and youth
together (12 to 15), the youth as 'u' about himself (16, 17 and adults)."""

import datetime as dt

import pytest

from jeugdhulp.besluiten import services as besluiten
from tests.toegang.test_brief import _aanvraag, _tekst, w  # noqa: F401 — the fixture, frozen on 6 December 2026

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("geboren", "aanhef", "zin"),
    [
        (dt.date(2017, 3, 1), "Beste Anne Ouder,", "Op 3 november 2026 vroeg u jeugdhulp aan voor Noor Jansen."),
        (
            dt.date(2012, 12, 6),
            "Beste Anne Ouder en Noor Jansen,",
            "Op 3 november 2026 is jeugdhulp aangevraagd voor Noor Jansen.",
        ),
        (dt.date(2009, 5, 1), "Beste Noor Jansen,", "Op 3 november 2026 vroeg u jeugdhulp aan. "),  # 17
        (dt.date(2007, 5, 1), "Beste Noor Jansen,", "Op 3 november 2026 vroeg u jeugdhulp aan. "),  # 19
    ],
)
@pytest.mark.parametrize("besluit", ["toegekend", "afgewezen"])
def test_the_letter_speaks_to_whom_it_addresses(w, geboren, aanhef, zin, besluit):  # noqa: F811
    w["jeugdige"].geboortedatum = geboren
    w["jeugdige"].save()
    b = besluiten.beschikken(_aanvraag(w), door=w["consulent"], besluit=besluit, motivering="Zo is het besloten.")
    tekst = _tekst(b)
    assert aanhef in tekst and zin in tekst
    if "Anne Ouder" not in aanhef:  # the youth alone: never about himself in the third person
        assert "voor Noor Jansen" not in tekst
