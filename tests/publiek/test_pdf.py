"""Every PDF (folder, beschikking, kort verslag, report) is a tagged, accessible PDF/UA with its language set, made
in the one helper (core/pdf.py)."""

import re
import zlib
from pathlib import Path

from django.template import engines
from django.test import RequestFactory

import pytest

from jeugdhulp.core import pdf

SRC = Path(__file__).resolve().parents[2] / "src" / "jeugdhulp"
WEASYPRINT = re.compile(r"^\s*(from|import) weasyprint", re.MULTILINE)


def _inhoud(data: bytes) -> bytes:
    """The PDF with its compressed streams (object streams included) inflated, to look for dictionary keys."""
    delen = [data]
    for stroom in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.DOTALL):
        try:
            delen.append(zlib.decompress(stroom))
        except zlib.error:
            continue
    return b"\n".join(delen)


def _pdf_of_skip(response) -> bytes:
    if response.status_code == 503:
        pytest.skip("WeasyPrint/Pango not installed")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    return _inhoud(response.content)


@pytest.mark.parametrize(("taal", "lang"), [("", b"nl"), ("/pl", b"pl")])
def test_the_folder_is_a_tagged_pdf_in_its_language(client, kaart, taal, lang):
    inhoud = _pdf_of_skip(client.get(f"{taal}/folder/wat-kun-je-verwachten-van-het-cjg.pdf"))
    assert b"/StructTreeRoot" in inhoud and b"/MarkInfo" in inhoud
    assert b"/Lang (" + lang + b")" in inhoud
    assert b"pdfuaid" in inhoud  # the PDF/UA identification in the XMP metadata


def test_the_folder_gives_the_crisis_and_kindertelefoon_numbers(client, kaart):
    html = client.get("/folder/").content.decode()
    assert "0800-0432" in html  # De Kindertelefoon
    assert "crisisdienst jeugd: 0412-795099" in html  # the number, not only the name


def test_a_template_without_a_language_gets_the_active_one(db):
    template = engines["django"].from_string("<!DOCTYPE html><html><head><title>x</title></head><body><p>Hoi</p>")
    assert 'lang="nl"' in pdf.met_taal(template.render({}))
    response = _render(template)
    assert b"/Lang (nl)" in _pdf_of_skip(response)


def _render(template):
    from unittest import mock

    with mock.patch.object(pdf, "render_to_string", lambda *a, **k: template.render({})):
        return pdf.pdf_response(RequestFactory().get("/"), "x.html", {}, "x.pdf")


def test_every_pdf_goes_through_the_one_helper():
    """Beschikking, kort verslag, folder and report all use core.pdf.pdf_response; nothing calls WeasyPrint itself."""
    gebruikers = sorted(
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if WEASYPRINT.search(p.read_text(encoding="utf-8")) and p.name != "pdf.py"
    )
    assert gebruikers == [], gebruikers
    for module in ("casussen/views.py", "besluiten/views.py", "publiek/views.py"):
        assert "pdf_response(" in (SRC / module).read_text(encoding="utf-8")
