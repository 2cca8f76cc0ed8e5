"""What a usability tester (a mother, a 16-year-old, a Polish father) ran into on the public site, each kept fixed."""

from django.core.exceptions import ValidationError

import pytest

from jeugdhulp.hulpvragen.models import Hulpvraag
from jeugdhulp.publiek.forms import telefoonnummer


@pytest.mark.django_db
def test_nothing_found_gives_the_cjg_number_and_the_online_form(client, kaart):
    html = client.get("/sociale-kaart/?q=xyzzyq").content.decode()
    assert 'data-testid="niets-gevonden"' in html
    assert 'href="tel:0412795000"' in html  # the CJG's own line, not its crisis line
    assert "0412-795099" not in html
    assert 'href="/hulpvraag/"' in html


@pytest.mark.parametrize("nummer", ["+48 512 345 678", "+32 470 12 34 56", "0048 512 345 678", "+49 30 1234567",
                                    "06-12345678", "0412-795000", "+31 6 12345678", "0031 412 795000"])  # fmt: skip
def test_dutch_and_international_numbers_are_accepted(nummer):
    assert telefoonnummer(nummer) == nummer


@pytest.mark.parametrize("nummer", ["12345", "+31 6 1234", "+31 6 123456789", "+48 12", "+0 512 345 678",
                                    "+48 512 345 678 901 234", "0612"])  # fmt: skip
def test_wrong_numbers_are_still_refused(nummer):
    with pytest.raises(ValidationError):
        telefoonnummer(nummer)


@pytest.mark.django_db
def test_a_polish_father_can_leave_his_polish_number(client, kaart):
    data = {"vraag": "Mój syn ma problemy w szkole.", "vrager": "ouder", "contactvoorkeur": "telefoon",
            "telefoon": "+48 512 345 678"}  # fmt: skip
    response = client.post("/pl/hulpvraag/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Hulpvraag.objects.get().telefoon == "+48 512 345 678"
