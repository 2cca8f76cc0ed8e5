"""The monitor in a real browser: the beleidsmedewerker's dashboard and the aanbieder's waiting-list form."""

import datetime as dt
import zipfile

import pytest
from playwright.sync_api import expect

from jeugdhulp.accounts.roles import Rol
from jeugdhulp.monitor.models import Wachtlijstmelding
from tests import factories
from tests.browser.conftest import run_axe, screenshot
from tests.browser.test_staff_roles import login

pytestmark = pytest.mark.django_db(transaction=True)


def test_beleidsmedewerker_filters_to_oss_sees_waiting_figures_and_exports(page, wereld):
    oss = wereld["oss"]
    vandaag = dt.date.today()
    product = factories.ProductFactory(categorie="45")
    for i in range(6):  # six youths waiting 0, 20, 40, ... days
        j = factories.JeugdigeFactory(gemeente=oss, geslachtsnaam=f"Pietersz{i}")
        datum = vandaag - dt.timedelta(days=20 * i)
        factories.ToewijzingFactory(jeugdige=j, gemeente=oss, aanbieder=wereld["aanbieder_a"], product=product,
                                    toewijzingnummer=500 + i, toewijzingsdatum=datum, ingangsdatum=datum,
                                    einddatum=vandaag + dt.timedelta(days=200))  # fmt: skip
    login(page, wereld["users"][Rol.BELEIDSMEDEWERKER])
    page.get_by_role("link", name="Cijfers").first.click()
    page.get_by_role("link", name="Wachttijden").click()
    page.get_by_label("Gemeente", exact=True).select_option(label="Oss")
    page.get_by_role("button", name="Toon").click()
    page.wait_for_url(f"**gemeente={oss.pk}**")
    stand = page.get_by_role("table", name="Nu wachtend op start zorg")
    totaal = stand.locator("tr").last.locator("td").first.inner_text()
    assert int(totaal) >= 6
    page.wait_for_selector("[data-grafiek] svg")  # the vendored Vega-Lite drew the chart
    with page.expect_download() as download:
        page.get_by_role("link", name="Alle tabellen als Excel (XLSX)").click()
    assert download.value.suggested_filename == "wachttijden.xlsx"
    with zipfile.ZipFile(download.value.path()) as xlsx:  # the workbook holds the same suppressed tables
        bladen = "".join(xlsx.read(n).decode() for n in xlsx.namelist() if n.startswith("xl/worksheets/"))
    assert "Al gewacht" in bladen and "Pietersz" not in bladen
    with page.expect_download() as download:
        page.get_by_role("link", name="Kwartaalrapportage van het vorige kwartaal (PDF)").click()
    assert download.value.suggested_filename.startswith("kwartaalrapportage-")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    html = page.content()
    for j in (wereld["eigen"], wereld["ander_team"], wereld["andere_gemeente"]):
        assert j.bsn not in html and j.geslachtsnaam not in html
    assert "Pietersz" not in html
    screenshot(page, "monitor-wachttijden")
    assert run_axe(page) == []


def test_aanbieder_reports_its_waiting_list(page, wereld):
    factories.TariefFactory(contract__aanbieder=wereld["aanbieder_a"], product__code="45A01",
                            einddatum=None)  # fmt: skip
    login(page, wereld["users"][Rol.AANBIEDER_MEDEWERKER])
    page.get_by_role("link", name="Wachtlijst").first.click()
    page.get_by_role("link", name="Nieuwe melding doen").click()
    page.get_by_label("Aangemeld en wacht op intake").fill("-2")
    page.get_by_label("Na intake, wacht op behandeling").fill("3")
    page.get_by_label("Verwachte wachttijd (weken)").fill("6")
    page.get_by_label("Intakes per maand").fill("12")
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_text("Zorg ervoor dat deze waarde minstens 0 is.")).to_be_visible()  # negative number rejected
    assert not Wachtlijstmelding.objects.exists()
    page.get_by_label("Aangemeld en wacht op intake").fill("5")
    assert run_axe(page) == []
    page.get_by_role("button", name="Melding versturen").click()
    page.wait_for_url("**/wachtlijsten/")
    assert page.get_by_text("Uw wachtlijstmelding is ontvangen").is_visible()
    assert Wachtlijstmelding.objects.get().wacht_op_intake == 5
    screenshot(page, "monitor-wachtlijst-melden")


def test_beleidsmedewerker_enters_a_local_invoice_and_makes_the_quarterly_report(page, wereld):
    login(page, wereld["users"][Rol.BELEIDSMEDEWERKER])
    page.goto("/medewerkers/cijfers/budget/")
    page.get_by_label("Factuurdatum").fill(dt.date.today().replace(day=1).isoformat())
    page.get_by_label("Leverancier").fill("CJG lichte hulp")
    page.get_by_label("Omschrijving").fill("Lichte ondersteuning deze maand")
    page.get_by_label("Bedrag in euro").fill("2500")
    page.get_by_role("button", name="Factuur opslaan").click()
    expect(page.get_by_text("De factuur is opgeslagen")).to_be_visible()
    assert run_axe(page) == []
    page.get_by_role("link", name="Financiën").click()
    for tabel in ("per productcategorie", "per aanbieder"):  # its own line in both finance tables
        regel = page.get_by_role("table", name=tabel).get_by_role("row", name="Lichte jeugdhulp, lokaal gefactureerd")
        expect(regel).to_contain_text("2.500")  # Dutch digit grouping
    page.get_by_role("link", name="Kwartaalrapportage", exact=True).click()
    page.get_by_label("Gemeente").select_option(label="Oss")
    assert run_axe(page) == []
    with page.expect_download() as download:
        page.get_by_role("button", name="Maak de rapportage (PDF)").click()
    assert download.value.suggested_filename.startswith("kwartaalrapportage-")
    screenshot(page, "monitor-kwartaalrapportage")


def test_jeugdconsulent_downloads_the_cbs_file_and_it_is_logged(page, wereld):
    from jeugdhulp.audit.models import Toegangslogregel

    vandaag = dt.date.today()
    vorig_half_jaar = dt.date(vandaag.year - 1, 9, 1) if vandaag.month <= 6 else dt.date(vandaag.year, 3, 1)
    factories.ToewijzingFactory(jeugdige=wereld["eigen"], gemeente=wereld["oss"], aanbieder=wereld["aanbieder_a"],
                                product=factories.ProductFactory(categorie="45"), toewijzingnummer=880,
                                toewijzingsdatum=vorig_half_jaar, ingangsdatum=vorig_half_jaar,
                                begindatum_zorg=vorig_half_jaar,
                                einddatum=vandaag + dt.timedelta(days=100))  # fmt: skip
    login(page, wereld["users"][Rol.JEUGDCONSULENT])
    page.goto("/medewerkers/cijfers/cbs/")
    expect(page.get_by_role("table", name="Trajecten per hulpvorm")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download het bestand (CSV)").click()
    with open(download.value.path(), encoding="utf-8") as f:
        regels = f.read().splitlines()
    assert regels[0].startswith("aanbieder_agb;bsn;") and any(wereld["eigen"].bsn in r for r in regels[1:])
    assert Toegangslogregel.objects.filter(jeugdige=wereld["eigen"], onderwerp__startswith="CBS").exists()
    screenshot(page, "monitor-cbs-aanlevering")


@pytest.mark.parametrize("breedte", [375, 1280])
def test_monitor_tabs_stand_apart_numbers_are_dutch_and_the_page_fits(page, wereld, breedte):
    """Issue 14 §5.1–5.3: separate tabs, no page wider than the screen, "26.145.000", a forecast from commitments."""
    from jeugdhulp.monitor.models import Budget

    jaar = dt.date.today().year
    Budget.objects.create(gemeente=wereld["oss"], jaar=jaar, categorie="45", bedrag=26_145_000_00)
    page.set_viewport_size({"width": breedte, "height": 900})
    login(page, wereld["users"][Rol.BELEIDSMEDEWERKER])
    page.goto("/medewerkers/cijfers/financien/")
    tabs = page.locator("nav.monitor-menu a").all()
    assert len(tabs) >= 5
    vakken = [t.bounding_box() for t in tabs]
    for a, b in zip(vakken, vakken[1:], strict=False):  # next to each other with a gap, or on the next line
        assert a["x"] + a["width"] < b["x"] or b["y"] >= a["y"] + a["height"] - 1, (a, b)
    assert page.locator("nav.monitor-menu a[aria-current=page]").inner_text() == "Financiën"
    assert page.evaluate("document.documentElement.scrollWidth") <= breedte  # tables scroll in their own box
    rij = page.get_by_role("row").filter(has_text="Jeugdhulp ambulant").first
    expect(rij).to_contain_text("26.145.000")
    expect(rij).to_contain_text(f"niet in {jaar}")
    screenshot(page, f"monitor-financien-{breedte}")


@pytest.mark.parametrize("breedte", [375, 1280])
def test_table_headers_wrap_at_spaces_captions_are_whole_and_a_wide_table_shows_it_scrolls(page, wereld, breedte):
    """Usability round 4: 'Gestar t', 'overbru ggingsz org' (headers broken mid-word), a caption cut off at 375 px
    ('…per maan'), and no sign that a table scrolls sideways."""
    vandaag = dt.date.today()
    product = factories.ProductFactory(categorie="45")
    for i in range(6):
        datum = vandaag - dt.timedelta(days=20 * i)
        factories.ToewijzingFactory(gemeente=wereld["oss"], aanbieder=wereld["aanbieder_a"], product=product,
                                    toewijzingnummer=600 + i, toewijzingsdatum=datum, ingangsdatum=datum,
                                    einddatum=vandaag + dt.timedelta(days=200))  # fmt: skip
    page.set_viewport_size({"width": breedte, "height": 900})
    login(page, wereld["users"][Rol.BELEIDSMEDEWERKER])
    page.goto("/medewerkers/cijfers/wachttijden/?per=maand")
    # every word of every column header lies on one line: wrapped only between words
    gebroken = page.evaluate("""() => [...document.querySelectorAll('.monitor-tabel th[scope=col]')].flatMap(th => {
        const tekst = th.firstChild; if (!tekst || tekst.nodeType !== 3) return [];
        const uit = []; const re = /\\S+/g; let m;
        while ((m = re.exec(tekst.data))) {
            const r = document.createRange(); r.setStart(tekst, m.index); r.setEnd(tekst, m.index + m[0].length);
            const regels = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
            if (regels.size > 1) uit.push(m[0]);
        }
        return uit; })""")
    assert gebroken == []
    # a caption is never drawn wider than the box it scrolls in (the section heading shows the title)
    afgesneden = page.evaluate("""() => [...document.querySelectorAll('.monitor-tabel caption')].filter(c => {
        const b = c.closest('.monitor-tabel').getBoundingClientRect(), r = c.getBoundingClientRect();
        return r.width > 1 && r.right > b.right + 1; }).length""")
    assert afgesneden == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= breedte
    # a table that scrolls has a shadow at its edge (CSS backgrounds, no inline style)
    schaduw = page.evaluate("""() => [...document.querySelectorAll('.monitor-tabel')]
        .filter(d => d.scrollWidth > d.clientWidth)
        .map(d => getComputedStyle(d).backgroundImage.includes('radial-gradient'))""")
    if breedte == 375:
        assert schaduw and all(schaduw)
    screenshot(page, f"monitor-wachttijden-per-maand-{breedte}")
