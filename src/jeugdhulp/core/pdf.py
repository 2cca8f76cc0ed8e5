"""HTML → PDF with WeasyPrint. When the system libraries (Pango) are missing, answer 503 with a clear message."""

from __future__ import annotations

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _


def pdf_response(request, template: str, context: dict, bestandsnaam: str, bijlage: bool = False) -> HttpResponse:
    """The rendered PDF, shown in the browser, or saved as a file when ``bijlage`` (a report to pass on)."""
    html = render_to_string(template, context, request=request)
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
    data = HTML(string=html).write_pdf()  # self-contained templates: nothing is fetched
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'{"attachment" if bijlage else "inline"}; filename="{bestandsnaam}"'
    return response
