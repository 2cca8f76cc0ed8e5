"""Making a beschikking: the decision date may not lie in the future (the bezwaar term is counted from it), and the
form's errors come back next to their fields with everything typed kept."""

import datetime as dt
import zoneinfo

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from jeugdhulp.besluiten import services as besluiten
from jeugdhulp.besluiten.models import Beschikking
from tests.conftest import login_verified
from tests.toegang.factories import casus_met_plan, toegang_wereld

pytestmark = pytest.mark.django_db
NU = dt.datetime(2026, 12, 6, 16, 23, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))


@pytest.fixture
def w(time_machine):
    time_machine.move_to(NU, tick=False)
    w = toegang_wereld()
    casus = casus_met_plan(w)
    w["aanvraag"] = besluiten.aanvraag_indienen(
        casus,
        door=w["cjg"],
        vorm="zin",
        ontvangen_op=dt.date(2026, 11, 3),
        producten=[
            {
                "product": w["product"],
                "aanbieder": w["aanbieder"],
                "volume": 82,
                "eenheid": "04",
                "frequentie": "6",
                "ingangsdatum": dt.date(2026, 12, 14),
                "einddatum": dt.date(2027, 6, 13),
            }
        ],
    )
    return w


def test_a_decision_dated_in_the_future_is_refused(w):
    with pytest.raises(ValidationError) as fout:
        besluiten.beschikken(
            w["aanvraag"], door=w["consulent"], besluit="toegekend", motivering="Past bij het plan.",
            datum=dt.date(2026, 12, 7),
        )  # fmt: skip
    assert "in de toekomst" in fout.value.message_dict["datum"][0]
    assert not Beschikking.objects.exists()
    b = besluiten.beschikken(
        w["aanvraag"], door=w["consulent"], besluit="toegekend", motivering="Past bij het plan.",
        datum=dt.date(2026, 12, 6),
    )  # fmt: skip
    # 17 January 2027 is a Sunday (Atw)
    assert b.datum == dt.date(2026, 12, 6) and b.bezwaar_uiterlijk == dt.date(2027, 1, 18)


def _veld(html: str, veld_id: str) -> str:
    """The shared field template's block around one control: from its form-field div to the control."""
    voor = html.split(f'id="{veld_id}"')[0]
    return voor[voor.rindex('<div class="utrecht-form-field ') :]


def test_form_errors_stand_next_to_their_field_and_nothing_typed_is_lost(w, client):
    login_verified(client, w["consulent"])
    url = reverse("besluiten:beschikken", args=[w["aanvraag"].pk])
    r = client.post(url, {"besluit": "afgewezen", "motivering": "", "datum": "2026-12-01"})
    assert r.status_code == 400
    html = r.content.decode()
    veld = _veld(html, "beschikken_motivering")
    assert "utrecht-form-field--invalid" in veld and "Dit veld is vereist." in veld
    assert 'data-testid="formulierfout"' in html and 'href="#beschikken_motivering"' in html
    assert 'value="2026-12-01"' in html  # the typed date, not today
    assert '<option value="afgewezen" selected>' in html
    # a date in the future: refused by the service, the error at the date field, the motivering kept
    r = client.post(url, {"besluit": "toegekend", "motivering": "Past bij het plan.", "datum": "2027-03-01"})
    assert r.status_code == 400
    html = r.content.decode()
    veld = _veld(html, "beschikken_datum")
    assert "in de toekomst" in veld and "utrecht-form-field--invalid" in veld
    assert "Past bij het plan.</textarea>" in html and 'href="#beschikken_datum"' in html
    assert not Beschikking.objects.exists()
