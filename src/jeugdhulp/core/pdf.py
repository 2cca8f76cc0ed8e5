"""HTML → PDF with WeasyPrint. When the system libraries (Pango) are missing, answer 503 with a clear message.

Every PDF is a tagged, accessible PDF/UA-1 (structure tree, reading order, document language and title), so a
screen reader can read a folder, a beschikking or a verslag as well as the web page.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

PDF_VARIANT = "pdf/ua-1"
_HTML_ZONDER_TAAL = re.compile(r"<html(?![^>]*\blang=)", re.IGNORECASE)


def met_taal(html: str) -> str:
    """The document language is required for PDF/UA: a template that does not set it gets the active language."""
    return _HTML_ZONDER_TAAL.sub(f'<html lang="{get_language() or settings.LANGUAGE_CODE}"', html, count=1)


def pdf_response(request, template: str, context: dict, bestandsnaam: str, bijlage: bool = False) -> HttpResponse:
    """The rendered PDF, shown in the browser, or saved as a file when ``bijlage`` (a report to pass on)."""
    html = met_taal(render_to_string(template, context, request=request))
    try:
        from weasyprint import HTML
    except (ImportError, OSError):  # OSError: Pango/cairo not installed
        return HttpResponse(
            _(
                "PDF maken lukt nu niet: WeasyPrint of de systeembibliotheek Pango ontbreekt. Vraag de beheerder dit "
                "te installeren (zie docs/operations.md)."
            ),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    data = HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT)  # self-contained templates: nothing is fetched
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'{"attachment" if bijlage else "inline"}; filename="{bestandsnaam}"'
    return response
