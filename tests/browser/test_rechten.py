"""Four eyes in a real browser (issue 15 §1): one beheerder asks, a second approves, the auditor sees both, in Dutch.

Screenshots at 375 and 1280 px wide in test-artifacts/.
"""

import pytest
from playwright.sync_api import expect

from jeugdhulp.accounts.roles import Rol
from tests import factories
from tests.browser.conftest import screenshot
from tests.browser.test_staff_roles import login

pytestmark = pytest.mark.django_db(transaction=True)

BREEDTES = {"smal": 375, "breed": 1280}


def nieuwe_pagina(chromium, live_server, breedte):
    context = chromium.new_context(base_url=live_server.url, locale="nl-NL", viewport={"width": breedte, "height": 900})
    return context.new_page()


@pytest.mark.parametrize("maat", list(BREEDTES))
def test_grant_approve_and_the_auditor_sees_both(chromium, live_server, wereld, maat):
    breedte = BREEDTES[maat]
    tweede = factories.UserFactory(username="fb2", first_name="Frank", rol=Rol.FUNCTIONEEL_BEHEERDER)
    beleid = wereld["users"][Rol.BELEIDSMEDEWERKER]

    eerste = nieuwe_pagina(chromium, live_server, breedte)
    login(eerste, wereld["users"][Rol.FUNCTIONEEL_BEHEERDER])
    eerste.goto(f"/beheer/accounts/user/{beleid.pk}/change/")
    eerste.select_option("#id_rol", "jeugdconsulent")
    eerste.select_option("#id_gemeente", str(wereld["oss"].pk))
    eerste.locator("input[name=_save]").click()
    expect(eerste.get_by_text("wacht op goedkeuring door een tweede beheerder")).to_be_visible()
    screenshot(eerste, f"rechten-aangevraagd-{breedte}")
    # the requester's own approval is refused
    eerste.goto("/beheer/accounts/rechtaanvraag/")
    eerste.locator("input[name=_selected_action]").first.check()
    eerste.select_option("select[name=action]", "goedkeuren")
    eerste.locator("button[name=index]").click()
    expect(eerste.get_by_text("Een tweede beheerder moet dit beoordelen")).to_be_visible()
    screenshot(eerste, f"rechten-eigen-goedkeuring-geweigerd-{breedte}")
    beleid.refresh_from_db()
    assert beleid.rol == Rol.BELEIDSMEDEWERKER

    tweede_pagina = nieuwe_pagina(chromium, live_server, breedte)
    login(tweede_pagina, tweede)
    tweede_pagina.goto("/beheer/accounts/rechtaanvraag/")
    expect(tweede_pagina.get_by_text("Jeugdconsulent (backoffice), Oss")).to_be_visible()
    screenshot(tweede_pagina, f"rechten-wachtrij-{breedte}")
    tweede_pagina.locator("input[name=_selected_action]").first.check()
    tweede_pagina.select_option("select[name=action]", "goedkeuren")
    tweede_pagina.locator("button[name=index]").click()
    expect(tweede_pagina.get_by_text("Goedgekeurd:")).to_be_visible()
    screenshot(tweede_pagina, f"rechten-goedgekeurd-{breedte}")
    beleid.refresh_from_db()
    assert beleid.rol == Rol.JEUGDCONSULENT

    auditor = nieuwe_pagina(chromium, live_server, breedte)
    login(auditor, wereld["users"][Rol.AUDITOR])
    auditor.goto("/medewerkers/toegangslog/?gebruiker=fb")
    tabel = auditor.locator("table").inner_text()
    assert "recht aangevraagd" in tabel and "recht goedgekeurd" in tabel
    assert "Functioneel beheerder" in tabel and "functioneel_beheerder" not in tabel
    screenshot(auditor, f"toegangslog-rechten-{breedte}")
    for p in (eerste, tweede_pagina, auditor):
        p.context.close()


def test_changing_the_address_of_a_jeugdconsulent_waits_for_a_second_beheerder(chromium, live_server, wereld):
    """The tester's takeover (issue 15 §1): a new address for an approved, not yet activated jeugdconsulent, then a
    new activation link. The address stays, the link goes to the owner, the page says what waits."""
    jc = factories.UserFactory(
        username="nieuw-jc", email="jc@oss.example", rol=Rol.JEUGDCONSULENT, gemeente=wereld["oss"]
    )
    jc.set_unusable_password()
    jc.save()
    pagina = nieuwe_pagina(chromium, live_server, 1280)
    login(pagina, wereld["users"][Rol.FUNCTIONEEL_BEHEERDER])
    pagina.goto(f"/beheer/accounts/user/{jc.pk}/change/")
    pagina.fill("#id_email", "beheerder-prive@example.org")
    pagina.locator("input[name=_continue]").click()
    expect(pagina.locator(".field-wacht_op_goedkeuring")).to_contain_text(
        "Wacht op goedkeuring door een tweede beheerder: e-mailadres jc@oss.example → beheerder-prive@example.org"
    )
    expect(pagina.locator("#id_email")).to_have_value("jc@oss.example")
    screenshot(pagina, "rechten-adres-wacht-1280")
    pagina.goto("/beheer/accounts/user/")
    pagina.locator(f"input[name=_selected_action][value='{jc.pk}']").check()
    pagina.select_option("select[name=action]", "stuur_activeringslink")
    pagina.locator("button[name=index]").click()
    expect(pagina.get_by_text("activeringslink verstuurd naar het eigen e-mailadres")).to_be_visible()
    jc.refresh_from_db()
    assert jc.email == "jc@oss.example"
    from jeugdhulp.taken.models import Mail, MailSoort

    assert {m.aan for m in Mail.objects.filter(soort=MailSoort.ACTIVERINGSLINK)} == {"jc@oss.example"}
    pagina.context.close()
