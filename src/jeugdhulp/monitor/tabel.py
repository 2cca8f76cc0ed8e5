"""A displayed table of the monitor: its cells, the numbers a chart may use, and CSV/XLSX export.

Every figure on a dashboard goes through a ``Tabel``. It is built with ``Telling`` (counts) and ``Afgeleid``
(averages, shares) in its cells; ``onthulling.publiceer`` decides what is shown for all tables of a page together
and ``vul_in`` puts the outcome in place. The chart is drawn from ``grafiekdata`` (hidden cells are None there), so a
chart never shows more than its table.

Numbers stay numbers (``Getal``) until they are written: Dutch text on pages, in the PDF and in the CSV (decimal
comma, semicolons, no digit grouping, so Dutch spreadsheets read them as numbers), real numbers in the XLSX.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from django.utils.dateformat import format as datumformaat

from jeugdhulp.monitor.onthulling import GEEN, Afgeleid, Telling


def nl(waarde: float, decimalen: int = 0, groeperen: bool = True) -> str:
    """Dutch number text: 26145000 → "26.145.000", 2.9 → "2,9"."""
    tekst = f"{waarde:,.{decimalen}f}" if groeperen else f"{waarde:.{decimalen}f}"
    return tekst.replace(",", " ").replace(".", ",").replace(" ", "." if groeperen else "")


@dataclass(frozen=True)
class Getal:
    """A number in a table: shown in Dutch, exported as a number."""

    waarde: float
    decimalen: int = 0
    procent: bool = False
    euro: bool = False

    def __str__(self) -> str:
        return nl(self.waarde, self.decimalen) + ("%" if self.procent else "")

    def csv(self) -> str:
        return nl(self.waarde, self.decimalen, groeperen=False) + ("%" if self.procent else "")

    def xlsx(self) -> str:
        """The value as a spreadsheet stores it: a share as a fraction (its cell has a percent format)."""
        return repr(self.waarde / 100 if self.procent else self.waarde)

    def stijl(self) -> int:
        """Index into the workbook's cell formats (``_STIJLEN``)."""
        if self.euro:
            return 5
        if self.procent:
            return 4 if self.decimalen else 3
        return 2 if self.decimalen else 1


@dataclass(frozen=True)
class Datum:
    """A date in a table: "6 december 2026" on pages and in the PDF, "6-12-2026" in the CSV, a real date in XLSX."""

    datum: dt.date

    def __str__(self) -> str:
        return datumformaat(self.datum, "j F Y")

    def csv(self) -> str:
        return f"{self.datum.day}-{self.datum.month}-{self.datum.year}"

    def xlsx(self) -> str:
        return str((self.datum - dt.date(1899, 12, 30)).days)

    def stijl(self) -> int:
        return 6


def weken(x: float | None) -> Getal | str:
    return GEEN if x is None else Getal(x, 1)


def procent(x: float | None) -> Getal | str:
    return GEEN if x is None else Getal(round(x * 100), 0, procent=True)


def _tekst(w: object, teksten: dict[Telling, str]) -> object:
    """A cell after publication: a shown count becomes a Getal, a hidden one its mark; a derived figure its value."""
    if isinstance(w, Telling):
        tekst = teksten[w]
        return Getal(w.waarde) if tekst == str(w.waarde) else tekst
    if isinstance(w, Afgeleid):
        if w.waarde is None or any(teksten[t] != str(t.waarde) for t in w.van):
            return GEEN
        return w.tekst(w.waarde)
    return w


@dataclass
class Tabel:
    sleutel: str
    titel: str
    kop: list[str]
    rijen: list[list] = field(default_factory=list)
    grafiekdata: list[dict] = field(default_factory=list)
    samenvatting: str | tuple = ""  # or (format string, {name: Telling or value}) until published
    totaal: list | None = None
    publicatie: dict = field(default_factory=dict)  # after publication: every count it shows → its text

    def alle_rijen(self) -> list[list]:
        return [self.kop, *self.rijen, *([self.totaal] if self.totaal else [])]

    def tellingen(self) -> list[Telling]:
        """Every count this table publishes: in its cells, its chart and its summary."""
        result = [w for rij in self.alle_rijen() for w in rij if isinstance(w, Telling)]
        for rij in self.alle_rijen():
            result += [t for w in rij if isinstance(w, Afgeleid) for t in w.van]
        for punt in self.grafiekdata:
            result += [w for w in punt.values() if isinstance(w, Telling)]
        if isinstance(self.samenvatting, tuple):
            result += [w for w in self.samenvatting[1].values() if isinstance(w, Telling)]
        return result

    def koppel_kolommen(self) -> None:
        """Every count of a column with a total follows that total (hidden with it when it is "<5")."""
        if not self.totaal:
            return
        for k, tot in enumerate(self.totaal):
            if isinstance(tot, Telling):
                for rij in self.rijen:
                    if isinstance(rij[k], Telling) and tot not in rij[k].volgt:
                        rij[k].volgt += (tot,)

    def lijnen(self) -> list[tuple[list[Telling], Telling]]:
        """The additive lines visible in the table itself: a column whose rows partition its total, and cells of a
        row that partition another cell of that row (uitstroom = volgens plan + voortijdig). Only a head start for
        the suppression: the audit finds every relation from the records anyway."""
        rijen = [*self.rijen, *([self.totaal] if self.totaal else [])]
        result = []

        def deelt_op(delen: list[Telling], geheel: Telling) -> bool:
            return sum(d.waarde for d in delen) == geheel.waarde and frozenset().union(*(d.records for d in delen)) == (
                geheel.records
            )

        if self.totaal:
            for k, tot in enumerate(self.totaal):
                delen = [r[k] for r in self.rijen if isinstance(r[k], Telling)]
                if isinstance(tot, Telling) and delen and deelt_op(delen, tot):
                    result.append((delen, tot))
        for rij in rijen:
            cellen = [w for w in rij if isinstance(w, Telling)]
            for geheel in cellen:
                delen = [c for c in cellen if c is not geheel and c.records < geheel.records]
                if len(delen) > 1 and deelt_op(delen, geheel):
                    result.append((delen, geheel))
        return result

    def vul_in(self, teksten: dict[Telling, str]) -> None:
        self.publicatie = {t: teksten[t] for t in self.tellingen()}
        self.publicatie.update({v: teksten[v] for t in list(self.publicatie) for v in t.volgt})
        self.rijen = [[_tekst(w, teksten) for w in rij] for rij in self.rijen]
        if self.totaal:
            self.totaal = [_tekst(w, teksten) for w in self.totaal]
        for punt in self.grafiekdata:
            for k, w in punt.items():
                if isinstance(w, Telling | Afgeleid):
                    v = _tekst(w, teksten)
                    punt[k] = v.waarde if isinstance(v, Getal) else (v if isinstance(v, int | float) else None)
        if isinstance(self.samenvatting, tuple):
            sjabloon, waarden = self.samenvatting
            self.samenvatting = sjabloon % {k: _tekst(w, teksten) for k, w in waarden.items()}

    def als_csv(self) -> str:
        out = io.StringIO()
        schrijf = csv.writer(out, delimiter=";")
        schrijf.writerows(
            [[w.csv() if isinstance(w, Getal | Datum) else str(w) for w in rij] for rij in self.alle_rijen()]
        )
        return out.getvalue()

    def als_xlsx(self) -> bytes:
        return xlsx([(self.titel, self.alle_rijen())])


def _kolom(i: int) -> str:
    naam = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        naam = chr(65 + rest) + naam
    return naam


def _cel(ref: str, waarde: object) -> str:
    if isinstance(waarde, Getal | Datum):
        return f'<c r="{ref}" s="{waarde.stijl()}"><v>{waarde.xlsx()}</v></c>'
    if isinstance(waarde, int | float) and not isinstance(waarde, bool):
        return f'<c r="{ref}"><v>{waarde}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(waarde))}</t></is></c>'


# Cell formats by index (``Getal.stijl``): 0 text, 1 count, 2 one decimal, 3 percent, 4 percent with one decimal,
# 5 whole euros, 6 a date. Excel shows them in the reader's locale ("1.234", "2,0", "9,0%", "€ 1.234").
_FORMATEN = {164: "0.0", 165: "0.0%", 166: '"€ "#,##0', 167: "d mmmm yyyy"}
_STIJLEN = (0, 3, 164, 9, 165, 166, 167)
_STYLES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    f'<numFmts count="{len(_FORMATEN)}">'
    + "".join(f'<numFmt numFmtId="{i}" formatCode="{escape(c, {chr(34): "&quot;"})}"/>' for i, c in _FORMATEN.items())
    + '</numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    f'<cellXfs count="{len(_STIJLEN)}">'
    + "".join(
        f'<xf numFmtId="{n}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="{int(bool(n))}"/>'
        for n in _STIJLEN
    )
    + "</cellXfs></styleSheet>"
)


def bladnamen(titels: list[str]) -> list[str]:
    """Unique sheet names Excel accepts: without : \\ / ? * [ ], at most 31 characters; a long title keeps its first
    words and its last two ("Wachttijd… per aanbieder"); a number is added to a name that is taken."""
    namen: list[str] = []
    for titel in titels:
        schoon = re.sub(r"\s+", " ", re.sub(r"[:\\/?*\[\]]", " ", titel)).strip(" '") or "Blad"
        if len(schoon) > 31:  # the first words and the last two, which tell tables apart ("… per aanbieder")
            woorden = schoon.split(" ")
            staart = " ".join(woorden[-2:])
            if len(staart) > 20:
                staart = woorden[-1][:20]
            kop = schoon[: 31 - len(staart) - 2].rsplit(" ", 1)[0].rstrip(" ,;-–")
            schoon = f"{kop}… {staart}"
        naam, i = schoon, 1
        while naam.lower() in {n.lower() for n in namen}:
            i += 1
            naam = f"{schoon[: 31 - len(str(i)) - 3]} ({i})"
        namen.append(naam)
    return namen


def xlsx(bladen: dict[str, list[list]] | list[tuple[str, list[list]]]) -> bytes:
    """A minimal Office Open XML workbook (inline strings, numbers as numbers with a number format, dates as dates);
    no third-party dependency. ``bladen``: (title, rows) per sheet; titles become valid, unique sheet names."""
    paren = list(bladen.items()) if isinstance(bladen, dict) else list(bladen)
    namen = bladnamen([titel for titel, _rijen in paren])
    inhoud = [rijen for _titel, rijen in paren]
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
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
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
            + f'<Relationship Id="rId{len(namen) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/styles" Target="styles.xml"/></Relationships>',
        )
        z.writestr("xl/styles.xml", _STYLES_XML)
        for i, blad in enumerate(inhoud):
            rijen = "".join(
                f'<row r="{r + 1}">' + "".join(_cel(f"{_kolom(k)}{r + 1}", w) for k, w in enumerate(rij)) + "</row>"
                for r, rij in enumerate(blad)
            )
            z.writestr(
                f"xl/worksheets/sheet{i + 1}.xml",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                f"<sheetData>{rijen}</sheetData></worksheet>",
            )
    return buf.getvalue()
