"""Read a rendered letter as a family would: its text (pdftotext) and its pages as PNG under test-artifacts/."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.browser.conftest import ARTIFACTS


def pdf_als_tekst(data: bytes, naam: str) -> str | None:
    """The PDF's text, one line per line; the pages saved as ``test-artifacts/<naam>-<n>.png`` (150 dpi).
    None when poppler-utils is not installed (the letter's text is also tested without a PDF, tests/toegang)."""
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        return None
    ARTIFACTS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / f"{naam}.pdf"
        pdf.write_bytes(data)
        subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(ARTIFACTS / naam)], check=True)
        tekst = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(tekst.split())
