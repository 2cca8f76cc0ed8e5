"""Issue 14 §1.2 / issue 16 in a real browser: a parent ticks "Stuur mij een bevestiging", sees the reference
number, the worker sends the mail, the page then says it was mailed (375 and 1280 px); the beheerder sees the queue
with a failed task and retries it."""

import pytest
from django_tasks_db.models import DBTaskResult

from jeugdhulp.accounts.roles import Rol
from jeugdhulp.hulpvragen.models import Hulpvraag
from jeugdhulp.taken import jobs
from jeugdhulp.taken.worker import draai_eenmaal
from tests import factories
from tests.browser.conftest import run_axe, screenshot
from tests.browser.test_staff_roles import login
from tests.socialekaart.factories import bouw_kaart


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("breedte", [375, 1280])
def test_confirmation_mail_with_reference_number(page, mailoutbox, breedte):
    bouw_kaart()
    page.set_viewport_size({"width": breedte, "height": 900})
    page.goto("/hulpvraag/")
    page.get_by_label("Wat is je vraag?").fill("Mijn dochter slaapt slecht sinds de scheiding.")
    page.get_by_label("Ik ben ouder of verzorger").check()
    page.get_by_label("E-mailen").check()
    page.get_by_label("E-mailadres").fill("ouder@example.nl")
    page.get_by_label("Stuur mij een bevestiging").check()
    page.get_by_role("button", name="Verstuur mijn vraag").click()
    page.wait_for_url("**/hulpvraag/verstuurd/")
    referentie = Hulpvraag.objects.get().referentie
    assert referentie in page.get_by_test_id("referentie").inner_text()
    assert "We sturen je binnen een paar minuten" in page.get_by_test_id("bevestiging").inner_text()
    assert mailoutbox == []
    draai_eenmaal()
    assert referentie in mailoutbox[0].body
    page.reload()
    assert "We hebben je een bevestiging gemaild" in page.get_by_test_id("bevestiging").inner_text()
    assert run_axe(page) == []
    screenshot(page, f"hulpvraag-bevestiging-{breedte}")


@pytest.mark.django_db(transaction=True)
def test_beheerder_sees_a_failed_task_and_retries_it(page):
    beheerder = factories.UserFactory(username="fb", rol=Rol.FUNCTIONEEL_BEHEERDER)
    jobs.bewaartermijnen.enqueue()
    DBTaskResult.objects.update(status="FAILED", traceback="Traceback …\nOSError: schijf vol")
    page.set_viewport_size({"width": 375, "height": 900})
    login(page, beheerder)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Achtergrondtaken").click()
    assert "OSError: schijf vol" in page.get_by_test_id("mislukt").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # tables scroll in their own container
    screenshot(page, "achtergrondtaken-375")
    page.get_by_role("button", name="Opnieuw proberen").click()
    assert "weer in de wachtrij" in page.locator("main").inner_text()
    assert DBTaskResult.objects.get().status == "READY"
