"""The jeugdconsulent's day in a real browser, at 1280 and 375 px: Verzoeken → a VOT that collides with a running
toewijzing → the valid choice (verlengen) → JW301; an aanvraag → beschikking → the letter as PDF (read as text and
saved as PNG); Termijnen with a start reported late, its OP271 deadline before the day it was reported."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

import pytest
from playwright.sync_api import expect

from jeugdhulp.berichten import inbox
from jeugdhulp.berichten.ijw import build
from jeugdhulp.berichten.models import Bericht, Status
from jeugdhulp.besluiten import services as besluiten
from jeugdhulp.core.werkdagen import plus_werkdagen
from jeugdhulp.toewijzingen.models import Toewijzing
from tests import factories
from tests.berichten import voorbeelden as vb
from tests.browser.brief_pdf import pdf_als_tekst
from tests.browser.conftest import screenshot
from tests.browser.test_staff_roles import login
from tests.browser.test_toegang_flow import blok
from tests.toegang.factories import casus_met_plan, jw305_voor, toegang_wereld

pytestmark = pytest.mark.django_db(transaction=True)


def woorden(dag: dt.date) -> str:
    return date_format(dag, "j F Y")


def beide(page, naam: str) -> None:
    """Screenshots at desktop and phone width (wide tables scroll in their own container: the layout's concern)."""
    for breedte in (1280, 375):
        page.set_viewport_size({"width": breedte, "height": 900})
        screenshot(page, f"{naam}-{breedte}")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_jeugdconsulent_vot_beschikking_letter_and_termijnen(page):
    w = toegang_wereld()
    w["consulent"].last_name = "van Dijk"
    w["consulent"].save()
    vandaag = timezone.localdate()
    lopend = factories.ToewijzingFactory(
        gemeente=w["oss"], jeugdige=w["jeugdige"], aanbieder=w["aanbieder"], product=w["product"],
        toewijzingnummer=5001, toewijzingsdatum=vandaag - dt.timedelta(days=70),
        ingangsdatum=vandaag - dt.timedelta(days=60), einddatum=vandaag + dt.timedelta(days=30),
        volume=2, eenheid="04", frequentie="2",
    )  # fmt: skip
    # A start reported 20 days after it happened: late (OP271).
    start = vandaag - dt.timedelta(days=20)
    laat = inbox.ontvang(jw305_voor(lopend, start), bron="test", aanbieder=w["aanbieder"])
    assert laat.status == Status.VERWERKT, laat.melding
    # The aanbieder asks for more of the same: it collides with the running toewijzing 5001.
    van, tot = vandaag + dt.timedelta(days=14), vandaag + dt.timedelta(days=180)
    vot = vb.jw315_bericht(
        vb.aangevraagd_product(
            "VOT-7", toewijzing_ingangsdatum=van, toewijzing_einddatum=tot,
            omvang=vb.basis.Omvang(volume=2, eenheid="04", frequentie="2"),
        ),
        ident="V7",
    )  # fmt: skip
    assert inbox.ontvang(build(vot), bron="test", aanbieder=w["aanbieder"]).status == Status.VERWERKT
    aanvraag = besluiten.aanvraag_indienen(
        casus_met_plan(w), door=w["cjg"], vorm="zin", ontvangen_op=vandaag,
        producten=[{"product": w["product"], "aanbieder": w["aanbieder"], "volume": 82, "eenheid": "04",
                    "frequentie": "6", "ingangsdatum": vandaag, "einddatum": vandaag + dt.timedelta(days=180)}],
    )  # fmt: skip

    login(page, w["consulent"])

    # Verzoeken → the VOT: in words, with the running toewijzing and the valid choice already chosen.
    page.get_by_role("link", name="Verzoeken").first.click()
    beide(page, "jc-verzoeken")
    page.get_by_role("link", name="Verzoek om toewijzing VOT-7").click()
    expect(page.get_by_test_id("gevraagd")).to_contain_text(
        f"Ambulante begeleiding, 2 uur per week, van {woorden(van)} tot en met {woorden(tot)}"
    )
    expect(page.get_by_test_id("botst")).to_contain_text("5001")
    expect(page.get_by_test_id("botsing")).to_be_visible()
    expect(page.get_by_label("Wat doet u met de lopende toewijzing?")).to_have_value("verlengen")
    expect(page.get_by_label("Ingangsdatum")).to_have_value(van.isoformat())
    beide(page, "jc-verzoek-vot")
    page.get_by_role("button", name="Toewijzen en versturen").click()
    # back on the queue with a message in words (not on the raw JW301)
    expect(page.get_by_role("heading", level=1)).to_have_text("Verzoeken om toewijzing en wijziging")
    expect(page.get_by_text("Toegewezen: Noor Jansen bij Kompas Jeugdhulp.")).to_be_visible()
    lopend.refresh_from_db()
    assert (lopend.einddatum, lopend.reden_wijziging) == (tot, "04") and Toewijzing.objects.count() == 1
    jw301 = Bericht.objects.get(berichtsoort="JW301")
    assert jw301.status == Status.KLAAR

    # The JW301 reads in words and fits the screen: the hash and the XML are folded in their own scrolling box.
    page.goto(reverse("berichten:detail", args=[jw301.pk]))
    expect(page.get_by_test_id("van")).to_have_text("Gemeente Oss")
    expect(page.get_by_test_id("aan")).to_have_text("Kompas Jeugdhulp")
    expect(page.get_by_test_id("richting")).to_contain_text("uitgaand")
    expect(page.get_by_test_id("xml")).to_be_hidden()
    for breedte in (1280, 375):
        page.set_viewport_size({"width": breedte, "height": 900})
        assert page.evaluate("document.documentElement.scrollWidth") <= breedte
    page.get_by_text("Technische gegevens").click()
    expect(page.get_by_test_id("xml")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # the XML scrolls inside its own box
    beide(page, "jc-jw301")

    # An aanvraag → beschikking → the letter.
    page.get_by_role("link", name="Aanvragen").first.click()
    page.get_by_role("link", name="Noor Jansen").click()
    expect(page.get_by_test_id("producten")).to_contain_text("Ambulante begeleiding, 82 uur in totaal")
    # Refused first: no motivering and a date in the future. Errors at their fields, what was typed stays.
    b = blok(page, "Beschikking maken")
    b.get_by_label("Besluit", exact=True).select_option("toegekend")
    toekomst = vandaag + dt.timedelta(days=30)
    b.get_by_label("Datum besluit").fill(toekomst.isoformat())
    b.get_by_role("button", name="Beschikking maken").click()
    expect(page.get_by_test_id("formulierfout")).to_contain_text("Motivering: Dit veld is vereist.")
    expect(page.get_by_test_id("foutmelding")).to_contain_text("nog niet opgeslagen")
    expect(page.locator(".utrecht-form-field--invalid", has=page.locator("#beschikken_motivering"))).to_be_visible()
    expect(page.locator("#beschikken_datum")).to_have_value(toekomst.isoformat())
    beide(page, "jc-beschikking-fouten")
    b = blok(page, "Beschikking maken")
    b.get_by_label("Motivering").fill("Het plan vraagt deze begeleiding; lichte hulp van het CJG is niet genoeg.")
    b.get_by_role("button", name="Beschikking maken").click()
    expect(page.locator(".utrecht-form-field--invalid", has=page.locator("#beschikken_datum"))).to_contain_text(
        "in de toekomst"
    )
    expect(page.get_by_label("Motivering")).to_have_value(
        "Het plan vraagt deze begeleiding; lichte hulp van het CJG is niet genoeg."
    )
    b = blok(page, "Beschikking maken")
    b.get_by_label("Datum besluit").fill(vandaag.isoformat())
    b.get_by_role("button", name="Beschikking maken").click()
    expect(page.get_by_test_id("status")).to_have_text("Toegekend")
    beide(page, "jc-aanvraag-beschikking")
    pdf = page.request.get(page.get_by_role("link", name="Beschikking als PDF").get_attribute("href"))
    assert pdf.status in (200, 503)  # 503 only when Pango is missing
    brief = pdf_als_tekst(pdf.body(), "jc-beschikking-brief") if pdf.status == 200 else None
    if brief is not None:
        assert "Anne Ouder Noor Jansen Kerkstraat 12 5341 AB Oss" in brief
        assert "Ambulante begeleiding, 82 uur in totaal" in brief and "Beste Anne Ouder en Noor Jansen," in brief
        assert f"Datum {woorden(aanvraag.beschikking.datum)}" in brief and "Postbus 5" in brief
        assert "Ilse van Dijk Jeugdconsulent" in brief and "45A04" not in brief

    # Termijnen: the late start with its reporting deadline, which lies before the day it was reported.
    page.get_by_role("link", name="Termijnen").first.click()
    rij = page.get_by_test_id("te-laat-gemeld").locator("tr", has_text=f"JW305 {laat.identificatie}")
    expect(rij.get_by_test_id("melden-uiterlijk")).to_have_text(woorden(plus_werkdagen(start, 5)))
    expect(rij.get_by_test_id("gemeld-op")).to_have_text(woorden(timezone.localdate(laat.aangemaakt)))
    beide(page, "jc-termijnen")
