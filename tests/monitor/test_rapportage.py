"""The quarterly report for the council: the dashboard's suppressed figures, with chart images, as a PDF."""

import datetime as dt

from django.template.loader import render_to_string
from django.urls import reverse

import pytest

from jeugdhulp.accounts.roles import Rol
from jeugdhulp.monitor import rapportage
from jeugdhulp.monitor.rapportage import Kwartaal
from tests import factories
from tests.conftest import login_verified

D = dt.date


def test_kwartaal_defaults_to_the_last_completed_quarter_and_refuses_nonsense():
    assert Kwartaal.lees("", D(2026, 11, 23)) == Kwartaal(2026, 3)
    assert Kwartaal.lees(None, D(2026, 2, 1)) == Kwartaal(2025, 4)
    assert Kwartaal.lees("2026-2", D(2026, 11, 23)).einde == D(2026, 6, 30)
    assert Kwartaal.lees("2026-4", D(2026, 11, 23)).begin == D(2026, 10, 1)  # the running quarter so far
    for onzin in ("2026-5", "2026-0", "Q3", "2027-1", "20261", "1999-1"):
        assert Kwartaal.lees(onzin, D(2026, 11, 23)) is None


@pytest.fixture
def kwartaalwereld(wereld):
    """Nine youths in a gemeente of their own, waiting since spring 2025; six started in July, three still wait."""
    oss, a = factories.GemeenteFactory(naam="Kwartaalstad"), wereld["aanbieder_a"]
    product = factories.ProductFactory(categorie="45")
    for i in range(9):
        begin = D(2025, 7, 10 + i) if i < 6 else None
        factories.ToewijzingFactory(
            jeugdige=factories.JeugdigeFactory(gemeente=oss, geslachtsnaam=f"Rapportnaam{i}"), gemeente=oss,
            aanbieder=a, product=product, toewijzingnummer=700 + i, toewijzingsdatum=D(2025, 4, 1 + i),
            ingangsdatum=D(2025, 4, 1 + i), einddatum=D(2026, 3, 31), begindatum_zorg=begin,
        )  # fmt: skip
    return {**wereld, "kwartaalstad": oss}


def test_report_chapters_reuse_the_suppressed_dashboard_tables_with_chart_images(kwartaalwereld):
    oss = kwartaalwereld["kwartaalstad"]
    hoofdstukken = rapportage.inhoud(Kwartaal(2025, 3), oss.pk, D(2025, 10, 15))
    assert [titel for titel, _b in hoofdstukken] == ["Wachttijden", "Inzet jeugdhulp", "Financiën"]
    blokken = {b["tabel"].sleutel: b for _t, bl in hoofdstukken for b in bl}
    assert {"stand", "trend", "start-categorie", "hulpvorm", "fin-categorie"} <= set(blokken)
    stand = blokken["stand"]["tabel"]
    assert stand.totaal[1] == "<5"  # three still waiting on 30 September: suppressed
    # every non-empty bucket is suppressed: the chart can only draw the empty (0) ones
    assert all(p["aantal"] == 0 for p in blokken["stand"]["grafiek"]["data"]["values"])
    trend = blokken["trend"]
    assert trend["beeld"].startswith("data:image/svg+xml;base64,")  # the same Vega-Lite spec, as an image
    assert trend["tabel"].samenvatting  # every chart has a text summary
    html = render_to_string(
        "monitor/rapportage_pdf.html",
        {"kwartaal": Kwartaal(2025, 3), "gebied": "Oss", "hoofdstukken": hoofdstukken, "gemaakt": dt.datetime.now()},
    )
    assert "Kwartaalrapportage jeugdhulp 3e kwartaal 2025" in html
    assert "Rapportnaam" not in html and "<img" in html
    # Dutch months and numbers (issue 14 §5.2): "okt 2024", not "2024-10" or "Oct 2024"; the chart axes too
    assert "okt 2024" in html and "2024-10" not in html and "Oct" not in html
    assert trend["grafiek"]["config"]["locale"]["time"]["shortMonths"][9] == "okt"
    assert trend["grafiek"]["layer"][0]["encoding"]["x"]["axis"]["format"] == "%b %Y"
    for j in (kwartaalwereld["eigen"], kwartaalwereld["andere_gemeente"]):
        assert j.bsn not in html and j.geslachtsnaam not in html


def test_the_pdf_is_made_for_the_beleidsmedewerker_and_bad_choices_are_explained(client, kwartaalwereld):
    login_verified(client, kwartaalwereld["users"][Rol.BELEIDSMEDEWERKER])
    url = reverse("monitor:rapportage")
    r = client.get(url + f"?formaat=pdf&kwartaal=2025-3&gemeente={kwartaalwereld['kwartaalstad'].pk}")
    if r.status_code == 503:
        pytest.skip("WeasyPrint's system library Pango is not installed here")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert r.content.startswith(b"%PDF") and len(r.content) > 10_000
    assert "kwartaalrapportage-2025-3-" in r["Content-Disposition"]
    for onzin in ("kwartaal=2025-7", "kwartaal=morgen", "gemeente=99999", "gemeente=abc"):
        r = client.get(f"{url}?formaat=pdf&{onzin}")
        assert r.status_code == 400 and r["Content-Type"].startswith("text/html")
        assert "Kies een" in r.content.decode()
    assert client.get(url).status_code == 200  # the choice form


def test_chart_labels_are_measured_in_the_pdf_font_and_not_cut():
    """Page 7 of the tester's PDF: 'gdhulp verblijf (incl. behandeling)', the label ran off the image's left edge."""
    import base64

    from jeugdhulp.monitor.grafieken import PDF_LETTER, als_svg, staaf
    from jeugdhulp.monitor.tabel import Tabel

    t = Tabel("fin", "Financiën", ["Groep", "Prognose"])
    t.grafiekdata = [{"groep": "Jeugdhulp verblijf (incl. behandeling)", "prognose": 3_953_462.0},
                     {"groep": "Lichte jeugdhulp, lokaal gefactureerd", "prognose": 540_585.0}]  # fmt: skip
    beeld = als_svg(staaf(t, "groep", "prognose", "Prognose (euro)", eenheid="euro"))
    if beeld is None:
        pytest.skip("vl-convert-python is not installed")
    svg = base64.b64decode(beeld.split(",", 1)[1]).decode()
    assert f'font-family="{PDF_LETTER}"' in svg and ">Jeugdhulp verblijf (incl. behandeling)<" in svg
    html = render_to_string("monitor/rapportage_pdf.html", {"kwartaal": Kwartaal(2025, 3), "hoofdstukken": []})
    assert f'font-family:"{PDF_LETTER}"' in html


def test_report_for_one_gemeente_shows_that_gemeente_not_zero_rows_and_wide_tables_fit(kwartaalwereld):
    """The Oss report listed every other gemeente with 0 youths and 0,0%, and the finance table ran off the page."""
    from jeugdhulp.organisatie.models import Gemeente

    stad = kwartaalwereld["kwartaalstad"]
    Gemeente.objects.filter(pk=stad.pk).update(inwoners_0_17=1000)
    hoofdstukken = rapportage.inhoud(Kwartaal(2025, 3), stad.pk, D(2025, 10, 15))
    blokken = {b["tabel"].sleutel: b["tabel"] for _t, bl in hoofdstukken for b in bl}
    assert [r[0] for r in blokken["aandeel"].rijen] == ["Kwartaalstad"]
    assert "gemeente" not in blokken  # one row equal to its total; the region report has it
    regio = {b["tabel"].sleutel for _t, bl in rapportage.inhoud(Kwartaal(2025, 3), None, D(2025, 10, 15)) for b in bl}
    assert "gemeente" in regio
    html = render_to_string(
        "monitor/rapportage_pdf.html",
        {
            "kwartaal": Kwartaal(2025, 3),
            "gebied": "Kwartaalstad",
            "hoofdstukken": hoofdstukken,
            "gemaakt": dt.datetime(2025, 10, 15, 9, 0),
        },  # fmt: skip
    )
    assert '<table class="breed">' in html  # the 9-column finance table: smaller type, headers hyphenated (lang nl)
