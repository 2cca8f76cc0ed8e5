"""The vendored iJw 3.2 XSD schemas (see PROVENANCE.md). Data only; no Django needed."""

from pathlib import Path

XSD_DIR = Path(__file__).resolve().parent
BASISSCHEMA = XSD_DIR / "basisschema.xsd"
