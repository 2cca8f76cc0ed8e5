"""A VOT from import (the ``ijw_import`` command) to the JW301 in the outbox, through the jeugdconsulent's pages."""

import datetime as dt

from django.core.management import call_command
from django.urls import reverse

import pytest
from playwright.sync_api import expect

from jeugdhulp.aanbieders.models import Product
from jeugdhulp.accounts.roles import Rol
from jeugdhulp.berichten.ijw import build, parse, validate
from jeugdhulp.berichten.models import Bericht, Status
from tests import factories
from tests.berichten import voorbeelden as vb
from tests.berichten.voorbeelden import wijzig
from tests.browser.conftest import screenshot
from tests.browser.test_staff_roles import login

pytestmark = pytest.mark.django_db(transaction=True)


def test_vot_from_import_to_jw301_in_the_outbox(page, tmp_path, settings):
    settings.JEUGDHULP_IJW_OUTBOX_DIR = str(tmp_path / "outbox")
    oss = factories.GemeenteFactory(cbs_code=vb.OSS, naam="Oss")
    factories.AanbiederFactory(agb_code=vb.AANBIEDER, naam="Kompas Jeugdhulp")
    Product.objects.create(
        categorie="45",
        code="45A04",
        omschrijving="Ambulant",
        eenheid="01",
        frequentie="2",
        uitvoeringsvariant="inspanningsgericht",
    )
    consulent = factories.UserFactory(username="consulent", rol=Rol.JEUGDCONSULENT, gemeente=oss)
    vot = tmp_path / "in" / "vot.xml"
    vot.parent.mkdir()
    vot.write_bytes(build(wijzig(vb.jw315_bericht(), "client.bsn", vb.ANDER_BSN)))  # a client we do not know yet
    call_command("ijw_import", str(vot.parent))

    login(page, consulent)
    page.get_by_role("link", name="Verzoeken").first.click()
    page.get_by_role("link", name="Verzoek om toewijzing VOT-1").click()
    expect(page.get_by_test_id("status")).to_have_text("open")
    # the request in words, and no running toewijzing for a client we did not know
    expect(page.get_by_test_id("gevraagd")).to_contain_text(
        "Ambulant, 120 minuten per week, van 1 april 2024 tot en met 31 december 2024"
    )
    expect(page.get_by_test_id("lopend")).to_have_text("Geen lopende toewijzingen.")
    # the VOT carried product and period; the new jeugdige has no address yet
    page.get_by_label("Straat").fill("Kerkstraat")
    page.get_by_label("Huisnummer").fill("12")
    page.get_by_label("Postcode").fill("5341AB")
    page.get_by_label("Plaats").fill("Oss")
    screenshot(page, "ijw-verzoek")
    page.get_by_role("button", name="Toewijzen en versturen").click()
    # back on the queue with a message; the JW301 itself is one click further (technical parts folded)
    expect(page.get_by_text("Toegewezen:")).to_be_visible()
    page.goto(reverse("berichten:detail", args=[Bericht.objects.get(berichtsoort="JW301").pk]))
    expect(page.get_by_role("heading", level=1)).to_contain_text("JW301")
    expect(page.get_by_test_id("status")).to_contain_text("klaar om te versturen")
    page.get_by_text("Technische gegevens").click()
    expect(page.get_by_test_id("xml")).to_contain_text("VOT-1")

    call_command("ijw_verzend")
    page.reload()
    expect(page.get_by_test_id("status")).to_contain_text("verzonden")
    jw301 = Bericht.objects.get(berichtsoort="JW301")
    bestand = tmp_path / "outbox" / f"JW301_{vb.OSS}_{vb.AANBIEDER}_{jw301.identificatie}.xml"
    assert jw301.status == Status.VERZONDEN and bestand.read_bytes() == jw301.bytes
    assert validate(bestand.read_bytes(), vandaag=dt.date.today()).geldig
    (product,) = parse(bestand.read_bytes()).client.toegewezen_producten
    assert (product.referentie_aanbieder, product.ingangsdatum) == ("VOT-1", dt.date(2024, 4, 1))
    screenshot(page, "ijw-jw301-verzonden")
