"""Issue 15 §6: a Content-Security-Policy without inline script or style on every page, and
``Cache-Control: no-store`` on every response with personal data (staff pages, API, exports, PDFs)."""

from __future__ import annotations

import re
from pathlib import Path

from django.urls import reverse

import pytest

from jeugdhulp.accounts.roles import Rol
from tests.conftest import login_verified
from tests.toegang.factories import matrix_objecten

SRC = Path(__file__).resolve().parents[1] / "src" / "jeugdhulp"


def _csp(response) -> dict[str, set[str]]:
    kop = response.headers.get("Content-Security-Policy", "")
    return {deel.split()[0]: set(deel.split()[1:]) for deel in kop.split(";") if deel.strip()}


def _no_store(response) -> bool:
    return "no-store" in response.headers.get("Cache-Control", "")


@pytest.fixture
def wereld(wereld):
    wereld.update(matrix_objecten(wereld))
    return wereld


# --- Content-Security-Policy ---------------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["/", "/hulpvraag/", "/sociale-kaart/", "/en/", "/medewerkers/inloggen/"])
def test_every_public_page_has_a_strict_csp(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    csp = _csp(response)
    assert csp["default-src"] == {"'self'"}
    assert csp["script-src"] == {"'self'"} and csp["style-src"] == {"'self'"}
    assert csp["object-src"] == {"'none'"} and csp["frame-ancestors"] == {"'none'"}
    for bronnen in csp.values():
        assert not bronnen & {"'unsafe-inline'", "'unsafe-eval'", "*", "https:", "http:"}
    # and the page itself asks for nothing from another site
    html = response.content.decode()
    assert not re.search(
        r"""(?:src|href)=["']?(?:https?:)?//(?!127\.0\.0\.1|localhost|testserver)""",
        html.replace('href="http://www.w3.org', ""),
    )


def test_staff_pages_and_the_api_have_the_csp_too(client, wereld):
    login_verified(client, wereld["users"][Rol.JEUGDCONSULENT])
    for url in ["/medewerkers/jeugdigen/", reverse("monitor:wachttijden"), reverse("jeugdige-list")]:
        assert _csp(client.get(url))["script-src"] == {"'self'"}, url


def _templates():
    for path in sorted(SRC.rglob("templates/**/*.html")):
        if path.name.endswith("_pdf.html"):  # rendered to PDF by WeasyPrint on the server, never served as a page
            continue
        yield path


@pytest.mark.parametrize("path", list(_templates()), ids=lambda p: str(p.relative_to(SRC)))
def test_no_template_has_inline_script_or_style(path):
    html = path.read_text(encoding="utf-8")
    for script in re.finditer(r"<script\b([^>]*)>", html):
        attrs = script.group(1)
        assert "src=" in attrs or 'type="application/json"' in attrs, f"inline <script> in {path}"
    assert "<style" not in html, f"<style> element in {path}"
    assert not re.search(r"\sstyle=", html), f"style attribute in {path}"
    assert not re.search(r"\son[a-z]+=", html), f"inline event handler in {path}"


def test_json_script_data_blocks_are_not_executable():
    """Django's json_script (the monitor's chart specs) writes type="application/json": data, not script."""
    from django.utils.html import json_script

    assert json_script({"a": "</script>"}, "x").startswith('<script id="x" type="application/json">')


# --- Cache-Control: no-store --------------------------------------------------------------------------------
def test_staff_pages_api_exports_and_pdfs_are_never_stored(client, wereld):
    login_verified(client, wereld["users"][Rol.JEUGDCONSULENT])
    aanvraag = wereld["aanvraag_eigen"]
    urls = [
        reverse("jeugdigen:lijst"),
        reverse("jeugdigen:dossier", args=[wereld["eigen"].pk]),
        reverse("jeugdige-list"),
        reverse("jeugdige-detail", args=[wereld["eigen"].pk]),
        reverse("monitor:inzet") + "?export=csv",
        reverse("monitor:inzet") + "?export=xlsx",
        reverse("monitor:cbs") + "?periode=2026-1&download=csv",
        reverse("besluiten:beschikking_pdf", args=[aanvraag.pk]),
        reverse("jeugdigen:dossier", args=[wereld["andere_gemeente"].pk]),  # a 404 too
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        assert _no_store(response), (url, response.headers.get("Cache-Control"))
        assert "public" not in response.headers.get("Cache-Control", ""), url


def test_a_hub_posting_with_a_key_gets_no_store(client, wereld):
    response = client.post(
        reverse("bericht-list"), b"<x/>", content_type="application/xml", HTTP_AUTHORIZATION="Token x"
    )
    assert response.status_code == 401 and _no_store(response)


def test_the_staff_login_and_every_form_post_are_not_stored(client, db):
    assert _no_store(client.get(reverse("accounts:login")))
    assert _no_store(client.post(reverse("accounts:login"), {"username": "iemand", "password": "fout"}))


def test_a_page_built_from_the_visitors_session_is_not_stored(client, db):
    """The hulpvraag's confirmation shows the reference number kept in the visitor's session."""
    sessie = client.session
    sessie["publiek_hulpvraag_verstuurd"] = 0
    sessie.save()
    assert _no_store(client.get(reverse("publiek:hulpvraag_verstuurd")))


def test_public_pages_stay_cacheable(client, db):
    assert not _no_store(client.get("/"))
    assert not _no_store(client.get("/sociale-kaart/"))
