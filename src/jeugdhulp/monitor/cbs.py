"""The CBS Beleidsinformatie Jeugd (BiJ) trajectory export: one record per jeugdhulp traject in a half year.

Source of the record layout: the Informatieprotocol Beleidsinformatie Jeugd (Bijlage 2 Regeling Jeugdwet, v5 of
July 2018, stcrt-2018-53554, and its 2020 successor stcrt-2020-29223), chapters 2 (jeugdige) and 3 (jeugdhulp).
CBS takes an ASCII file or its standard spreadsheet; the fixed positions of the ASCII file are in CBS's
"Bestandsdefinitie beleidsinformatie Jeugd" (an xls on cbs.nl/jeugdzorg) that this project does not vendor. So the
file is a **CSV**: UTF-8, ``;`` as separator, one header row with the field names below, dates as ``YYYYMMDD``.
It is meant for checking the aanbieders' deliveries and for the help the gemeente's own wijkteam gives; convert it
to CBS's current template before uploading to antwoord.cbs.nl.

=========================  ====  ==============================================================================
field                      len   content
=========================  ====  ==============================================================================
aanbieder_agb              8     AGB code of the aanbieder that gives the help (the party that delivers to CBS)
bsn                        9     BSN; ``999999999`` when unknown, ``000000000`` for an unborn child (protocol 2.2)
geboortedatum              8     YYYYMMDD (2.3); a partly unknown date (datumgebruik) is written as stored
geslacht                   1     iJw COD046: 0 onbekend, 1 man, 2 vrouw (2.4)
postcode                   6     postcode of the BRP-adres on the last day of the period, e.g. 5341AB (2.5)
gemeentecode_woonplaats    4     CBS code of the jeugdige's gemeente, always filled (2.5)
verwijzer                  2     iJw COD327, same codes as protocol 3.2 (06 when the toewijzing names none)
hulpvorm                   2     see ``HULPVORMEN`` (3.3)
gestart_met_crisis         1     J or N (3.4)
datum_aanvang              8     YYYYMMDD (3.5), start of the merged traject
datum_einde                8     YYYYMMDD (3.6), empty while the traject runs past the end of the period
reden_beeindiging          2     see ``REDENEN`` (3.7), empty without datum_einde
=========================  ====  ==============================================================================

Counting follows ``inzet`` (zorg in natura from the JW305/JW307 dates; pgb never, jeugdbescherming, jeugdreclassering
and vervoer are no jeugdhulp). The merge key is the hulpvorm of 3.3, not just zonder/met verblijf, so each record
has exactly one hulpvorm. Records cover the trajecten active in the half year whose toewijzing is from the gemeente.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import astuple, dataclass, fields

from django.utils.translation import gettext_lazy as _

from jeugdhulp.monitor import inzet
from jeugdhulp.monitor.filters import Filter

# Hulpvorm (protocol 3.3). The codes are those of the iJw (2015) productcategorieën 31–38, which name exactly these
# eight hulpvormen. CBS's own numbering is in the Bestandsdefinitie; map there if it differs.
HULPVORMEN = {
    "31": _("Zonder verblijf: jeugdhulp door het wijk- of buurtteam"),
    "32": _("Zonder verblijf: ambulant, op locatie van de aanbieder"),
    "33": _("Zonder verblijf: daghulp op locatie van de aanbieder"),
    "34": _("Zonder verblijf: jeugdhulp in het netwerk van de jeugdige"),
    "35": _("Met verblijf: pleegzorg"),
    "36": _("Met verblijf: gezinsgericht (gezinshuis)"),
    "37": _("Met verblijf: gesloten plaatsing"),
    "38": _("Met verblijf: overig verblijf"),
}
_ZONDER = {"wijkteam": "31", "ambulant": "32", "daghulp": "33", "netwerk": "34"}
_MET = frozenset({"35", "36", "37", "38"})
OVERIG_VERBLIJF = "38"  # verblijf categorieën 43/44 and any product paid per etmaal

# Productcategorie 46 "Jeugdhulp crisis": a traject whose first toewijzing is crisis help started with crisis.
CRISIS = frozenset({"46"})

# Reden beëindiging (protocol 3.7) from the iJw reden beëindiging (JZ588, ``codelijsten.REDEN_BEEINDIGING``).
# The CBS categories are "volgens plan" and the four kinds of "voortijdig afgesloten", numbered here in protocol order
# (01–05); 99 is a reason that fits none of them. [The numbers are not checked against the Bestandsdefinitie.]
REDENEN = {
    "01": "Beëindigd volgens plan",
    "02": "Voortijdig afgesloten: eenzijdig door de jeugdige of ouders",
    "03": "Voortijdig afgesloten: eenzijdig door de aanbieder",
    "04": "Voortijdig afgesloten: in overeenstemming",
    "05": "Voortijdig afgesloten: wegens externe omstandigheden",
    "99": "Overig of onbekend",
}
REDEN_UIT_IJW = {
    "31": "01",  # levering volgens plan beëindigd
    "32": "02",  # voortijdig: eenzijdig door de cliënt
    "33": "03",  # voortijdig: eenzijdig door de aanbieder
    "34": "04",  # voortijdig: in overeenstemming
    "35": "05",  # voortijdig: wegens externe omstandigheden
    "02": "05",  # overlijden: an external circumstance
    # 20 tijdelijk beëindigd, 36 door de gemeente, 37 wijzigingsverzoek, 38 overstap, 39 ander domein, empty: 99
}
OVERIG = "99"

BSN_ONBEKEND = "999999999"
BSN_ONGEBOREN = "000000000"  # the model always has a BSN and a past birth date, so this is never written
BRP_ADRES = "01"  # COD757


def hulpvormcode(categorie: str, eenheid: str = "") -> str | None:
    """The hulpvorm of protocol 3.3 for a productcategorie and eenheid, or None when it is not jeugdhulp."""
    vorm = inzet.hulpvorm(categorie, eenheid)
    if vorm is None:
        return None
    if vorm[0] == inzet.MET_VERBLIJF:
        return categorie if categorie in _MET else OVERIG_VERBLIJF
    return _ZONDER[vorm[1]]


def traject_hulpvorm(t: inzet.Traject) -> str:
    """The hulpvorm of a merged traject (all its toewijzingen share it: it is the merge key)."""
    return hulpvormcode(t.categorie, inzet.ETMAAL if t.hulpvorm == inzet.MET_VERBLIJF else "")


def _merge_sleutel(rij: dict) -> str | None:
    return hulpvormcode(rij["categorie"], rij["eenheid"])


def reden(ijw_reden: str) -> str:
    return REDEN_UIT_IJW.get(ijw_reden, OVERIG)


# --- the period ----------------------------------------------------------------------------------------------------
class OngeldigePeriode(ValueError):
    """The half year is not of the form JJJJ-1 or JJJJ-2, or lies outside what can be delivered."""


EERSTE_JAAR = 2015  # the Jeugdwet and BiJ start in 2015


@dataclass(frozen=True)
class Periode:
    jaar: int
    helft: int  # 1: January–June, 2: July–December

    @property
    def van(self) -> dt.date:
        return dt.date(self.jaar, 1 if self.helft == 1 else 7, 1)

    @property
    def tot(self) -> dt.date:
        return dt.date(self.jaar, 6, 30) if self.helft == 1 else dt.date(self.jaar, 12, 31)

    def __str__(self) -> str:
        return f"{self.jaar}-{self.helft}"

    @classmethod
    def uit_tekst(cls, tekst: str, vandaag: dt.date) -> Periode:
        m = re.fullmatch(r"\s*([0-9]{4})-([12])\s*", tekst or "")
        if not m:
            raise OngeldigePeriode(tekst)
        periode = cls(int(m[1]), int(m[2]))
        if periode.jaar < EERSTE_JAAR or periode.van > vandaag:
            raise OngeldigePeriode(tekst)
        return periode

    @classmethod
    def laatst_afgesloten(cls, vandaag: dt.date) -> Periode:
        return cls(vandaag.year, 1) if vandaag.month > 6 else cls(vandaag.year - 1, 2)

    @classmethod
    def keuzes(cls, vandaag: dt.date, aantal: int = 8) -> list[Periode]:
        """The running half year and the ones before it, newest first."""
        p = cls(vandaag.year, 1 if vandaag.month <= 6 else 2)
        result = []
        while len(result) < aantal and p.jaar >= EERSTE_JAAR:
            result.append(p)
            p = cls(p.jaar - 1, 2) if p.helft == 1 else cls(p.jaar, 1)
        return result


# --- the records ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Record:
    aanbieder_agb: str
    bsn: str
    geboortedatum: str
    geslacht: str
    postcode: str
    gemeentecode_woonplaats: str
    verwijzer: str
    hulpvorm: str
    gestart_met_crisis: str
    datum_aanvang: str
    datum_einde: str
    reden_beeindiging: str


KOPPEN = tuple(f.name for f in fields(Record))


def _datum(d: dt.date | None) -> str:
    return d.strftime("%Y%m%d") if d else ""


def _postcodes(jeugdigen: list[int], peildatum: dt.date) -> dict[int, str]:
    """Per jeugdige the postcode of the BRP-adres valid on the peildatum, else of the newest BRP-adres."""
    from jeugdhulp.jeugdigen.models import Contact

    rijen = (
        Contact.objects.filter(jeugdige_id__in=jeugdigen, soort=BRP_ADRES)
        .exclude(postcode="")
        .values_list("jeugdige_id", "postcode", "begindatum", "einddatum", "pk")
    )
    beste: dict[int, tuple] = {}
    for jeugdige, postcode, begin, einde, pk in rijen:
        op_peildatum = (begin is None or begin <= peildatum) and (einde is None or einde >= peildatum)
        rang = (op_peildatum, begin or dt.date.min, pk)
        if jeugdige not in beste or rang > beste[jeugdige][0]:
            beste[jeugdige] = (rang, postcode.replace(" ", "").upper())
    return {j: postcode for j, (_rang, postcode) in beste.items()}


def trajecten(gemeente, periode: Periode) -> list[inzet.Traject]:
    """The merged trajecten (per hulpvorm 3.3) of the gemeente's toewijzingen active in the half year."""
    f = Filter(van=periode.van, tot=periode.tot, gemeente=gemeente.pk)
    return inzet.trajecten(f, sleutel=_merge_sleutel)


def records(gemeente, periode: Periode, lijst: list[inzet.Traject] | None = None) -> list[Record]:
    """One Record per traject, sorted by aanbieder, BSN and start."""
    from jeugdhulp.aanbieders.models import Aanbieder
    from jeugdhulp.jeugdigen.models import Jeugdige

    lijst = trajecten(gemeente, periode) if lijst is None else lijst
    ids = sorted({t.jeugdige for t in lijst})
    velden = ("pk", "bsn", "geboortedatum", "geslacht", "gemeente__cbs_code")
    jeugdigen = {j["pk"]: j for j in Jeugdige.objects.filter(pk__in=ids).values(*velden)}
    agb = dict(Aanbieder.objects.filter(pk__in={t.aanbieder for t in lijst}).values_list("pk", "agb_code"))
    postcodes = _postcodes(ids, periode.tot)
    result = []
    for t in lijst:
        j = jeugdigen[t.jeugdige]
        beeindigd = t.einde is not None and t.einde <= periode.tot
        result.append(
            Record(
                aanbieder_agb=agb[t.aanbieder],
                bsn=j["bsn"] or BSN_ONBEKEND,
                geboortedatum=_datum(j["geboortedatum"]),
                geslacht=j["geslacht"] or "0",
                postcode=postcodes.get(t.jeugdige, ""),
                gemeentecode_woonplaats=j["gemeente__cbs_code"],
                verwijzer=t.verwijzer or "06",
                hulpvorm=traject_hulpvorm(t),
                gestart_met_crisis="J" if t.categorie in CRISIS else "N",
                datum_aanvang=_datum(t.begin),
                datum_einde=_datum(t.einde) if beeindigd else "",
                reden_beeindiging=reden(t.reden) if beeindigd else "",
            )
        )
    result.sort(key=lambda r: (r.aanbieder_agb, r.bsn, r.datum_aanvang, r.hulpvorm))
    return result


def als_csv(rijen: list[Record]) -> str:
    """The file: a header row with the field names, then one line per record; ``;`` separated, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(KOPPEN)
    writer.writerows(astuple(r) for r in rijen)
    return out.getvalue()


def bestandsnaam(gemeente, periode: Periode) -> str:
    return f"cbs-bij-jeugdhulp-{gemeente.cbs_code}-{periode}.csv"
