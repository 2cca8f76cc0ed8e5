"""The pgb budget is computed from, and shown in, the unit of the help that is granted (31 etmalen per maand is
paid per etmaal for the months of the period, not as hours per week), and the pgb letter is signed like the ZIN
letter, also when the beschikking was stored without its maker."""

import datetime as dt

from django.core.exceptions import ValidationError

import pytest

from jeugdhulp.besluiten import services as besluiten
from jeugdhulp.besluiten.models import Beschikking, Vorm
from tests import factories
from tests.toegang.test_brief import _aanvraag, _tekst, w  # noqa: F401 — the fixture, frozen on 6 December 2026

pytestmark = pytest.mark.django_db
CHECKLIST = {"kan_beheren": True, "waarom_geen_zin": "Oma", "kwaliteit_geborgd": True, "budgetplan_compleet": True}


@pytest.fixture
def logeren(w):  # noqa: F811
    product = factories.ProductFactory(categorie="46", code="46A01", omschrijving="Logeren", eenheid="14")
    contract = w["aanbieder"].contracten.first()
    factories.TariefFactory(
        contract=contract, product=product, bedrag=15200, begindatum=dt.date(2025, 1, 1), einddatum=None
    )
    w["product"] = product
    return _aanvraag(w, Vorm.PGB, volume=31, eenheid="14", frequentie="4")  # 14 December 2026 – 13 June 2027


def test_budget_in_etmalen_per_maand(w, logeren):  # noqa: F811
    beoordeling = besluiten.pgb_beoordelen(logeren, tariefsoort="professioneel", weigeringsgronden="", **CHECKLIST)
    # 182 days = 182 × 12 / 365 months; 31 etmalen a month at € 152,00
    assert beoordeling.tarief == 15200 and beoordeling.budget == 15200 * 31 * 182 * 12 // 365 + 1
    b = besluiten.beschikken(logeren, door=w["consulent"], besluit="toegekend", motivering="Past bij het gezin.")
    tekst = _tekst(b)
    assert "Logeren, 31 etmalen (dag en nacht) per maand" in tekst
    assert (
        "Zo hebben wij het bedrag berekend: 31 etmalen (dag en nacht) per maand hulp door een professionele "
        "hulpverlener, tegen € 152,00 per etmaal (dag en nacht)." in tekst
    )
    assert "uur per week" not in tekst and "per uur" not in tekst


def test_informal_help_has_an_hourly_rate_only(w, logeren):  # noqa: F811
    with pytest.raises(ValidationError) as fout:
        besluiten.pgb_beoordelen(logeren, tariefsoort="informeel", weigeringsgronden="", **CHECKLIST)
    assert "31 etmalen (dag en nacht) per maand" in fout.value.message_dict["tariefsoort"][0]


def test_the_pgb_letter_is_signed_also_without_a_stored_maker(w):  # noqa: F811
    aanvraag = _aanvraag(w, Vorm.PGB, volume=4, eenheid="04", frequentie="2")
    besluiten.pgb_beoordelen(aanvraag, tariefsoort="informeel", weigeringsgronden="", **CHECKLIST)
    b = besluiten.beschikken(aanvraag, door=w["consulent"], besluit="toegekend", motivering="Past bij het gezin.")
    Beschikking.objects.filter(pk=b.pk).update(door=None)  # as the demo stored them
    b.refresh_from_db()
    assert "namens het college van burgemeester en wethouders van Oss, Ilse van Dijk Jeugdconsulent" in _tekst(b)
