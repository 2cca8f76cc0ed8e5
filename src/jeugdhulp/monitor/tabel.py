"""A displayed table of the monitor: already suppressed strings, the numbers a chart may use, and CSV/XLSX export.

Every figure on a dashboard goes through a ``Tabel``; the chart is drawn from ``grafiekdata`` (suppressed cells are
None there), so a chart can never show more than its table.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

GETAL = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")


@dataclass
class Tabel:
    sleutel: str
    titel: str
    kop: list[str]
    rijen: list[list[str]] = field(default_factory=list)
    grafiekdata: list[dict] = field(default_factory=list)
    samenvatting: str = ""
    totaal: list[str] | None = None

    def alle_rijen(self) -> list[list[str]]:
        return [self.kop, *self.rijen, *([self.totaal] if self.totaal else [])]

    def als_csv(self) -> str:
        out = io.StringIO()
        csv.writer(out, delimiter=";").writerows(self.alle_rijen())
        return out.getvalue()

    def als_xlsx(self) -> bytes:
        return xlsx({self.titel[:31]: self.alle_rijen()})


def _kolom(i: int) -> str:
    naam = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        naam = chr(65 + rest) + naam
    return naam


def _cel(ref: str, waarde: str) -> str:
    if GETAL.match(waarde):
        return f'<c r="{ref}"><v>{waarde}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(waarde)}</t></is></c>'


def xlsx(bladen: dict[str, list[list[str]]]) -> bytes:
    """A minimal Office Open XML workbook (inline strings, numbers as numbers); no third-party dependency."""
    namen = list(bladen)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + "".join(
                f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                for i in range(len(namen))
            )
            + "</Types>",
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            + "".join(f'<sheet name="{escape(n)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, n in enumerate(namen))
            + "</sheets></workbook>",
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(
                f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                f'relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
                for i in range(len(namen))
            )
            + "</Relationships>",
        )
        for i, naam in enumerate(namen):
            rijen = "".join(
                f'<row r="{r + 1}">'
                + "".join(_cel(f"{_kolom(k)}{r + 1}", str(w)) for k, w in enumerate(rij))
                + "</row>"
                for r, rij in enumerate(bladen[naam])
            )
            z.writestr(
                f"xl/worksheets/sheet{i + 1}.xml",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                f"<sheetData>{rijen}</sheetData></worksheet>",
            )
    return buf.getvalue()
