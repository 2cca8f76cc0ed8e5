"""What a usability tester (a mother, a 16-year-old, a Polish father) ran into on the public site, each kept fixed."""

import pytest


@pytest.mark.django_db
def test_nothing_found_gives_the_cjg_number_and_the_online_form(client, kaart):
    html = client.get("/sociale-kaart/?q=xyzzyq").content.decode()
    assert 'data-testid="niets-gevonden"' in html
    assert 'href="tel:0412795000"' in html  # the CJG's own line, not its crisis line
    assert "0412-795099" not in html
    assert 'href="/hulpvraag/"' in html
