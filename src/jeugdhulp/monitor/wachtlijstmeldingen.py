"""The aanbieders' own waiting-list stand (aanmelding and intake are not in iJw): one entry point for the portal
form, the JSON API and the CSV upload, all-or-nothing with a clear message per row.

Also: late or missing reports, and the NZa-style realised average over the last 2 months weighted by volume.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdhulp.aanbieders.models import Aanbieder, Product, Tarief
from jeugdhulp.monitor.models import Wachtlijstmelding

VELDEN = ("product", "peildatum", "wacht_op_intake", "wacht_op_behandeling", "verwachte_wachttijd_weken",
          "intakecapaciteit", "gestart", "gerealiseerde_wachttijd_weken")  # fmt: skip
VERPLICHT = VELDEN[:6]
# A report is due monthly: the next one at the latest 1 month + 10 days after the last peildatum.
TERMIJN = dt.timedelta(days=41)


# Plausible bounds: what one aanbieder can report for one product. A report older than the monitor's window (400 days,
# see ``meldstatus``) would never be shown, so it is refused rather than stored unseen.
MAX_AANTAL = 10_000
MAX_WEKEN = 260
VENSTER = dt.timedelta(days=400)


class MeldingFout(Exception):
    """One message per faulty row ("Regel 2, wacht_op_intake: …"); ``velden`` holds the same per field for a
    single-row report, so the portal form shows each error next to its field."""

    def __init__(self, fouten: list[str], velden: dict[str, list[str]] | None = None):
        super().__init__("; ".join(fouten))
        self.fouten = fouten
        self.velden = velden or {}


def gecontracteerde_producten(aanbieder: Aanbieder) -> dict[str, Product]:
    """The products this aanbieder has a tariff for: the only ones it may report on."""
    ids = Tarief.objects.filter(contract__aanbieder=aanbieder).values("product_id")
    return {p.code: p for p in Product.objects.filter(pk__in=ids)}


def _geheel(waarde, veld: str, fouten: list, maximum: int = MAX_AANTAL) -> int | None:
    try:
        getal = int(str(waarde).strip())
    except (TypeError, ValueError):
        fouten.append((veld, _("Vul een heel getal in, zonder komma of punt.")))
        return None
    if getal < 0:
        fouten.append((veld, _("Een aantal mag niet negatief zijn.")))
        return None
    if getal > maximum:
        fouten.append(
            (veld, _("%(getal)s is onwaarschijnlijk hoog (hoogstens %(max)s).") % {"getal": getal, "max": maximum})
        )
        return None
    return getal


def _controleer(rij: dict, producten: dict[str, Product], vandaag: dt.date) -> tuple[dict, list[tuple[str, str]]]:
    """The row's clean values, and its errors as (field, message)."""
    fouten: list[tuple[str, str]] = []
    for veld in VERPLICHT:
        if rij.get(veld) in (None, ""):
            fouten.append((veld, _("Dit veld is verplicht.")))
    if fouten:
        return {}, fouten
    schoon: dict = {}
    code = str(rij["product"]).strip()
    if code not in producten:
        if Product.objects.filter(code=code).exists():
            fouten.append(("product", _("Product %(code)s staat niet in uw contract.") % {"code": code}))
        else:
            fouten.append(("product", _("Product %(code)s bestaat niet.") % {"code": code}))
    else:
        schoon["product"] = producten[code]
    try:
        peildatum = dt.date.fromisoformat(str(rij["peildatum"]).strip())
    except ValueError:
        fouten.append(("peildatum", _("Dit is geen datum (JJJJ-MM-DD).")))
    else:
        if peildatum > vandaag:
            fouten.append(("peildatum", _("De peildatum ligt in de toekomst.")))
        elif peildatum < vandaag - VENSTER:
            fouten.append(("peildatum", _("De peildatum ligt meer dan 400 dagen terug; zo'n oude melding telt niet.")))
        schoon["peildatum"] = peildatum
    for veld in ("wacht_op_intake", "wacht_op_behandeling", "intakecapaciteit"):
        schoon[veld] = _geheel(rij[veld], veld, fouten)
    schoon["verwachte_wachttijd_weken"] = _geheel(rij["verwachte_wachttijd_weken"], "verwachte_wachttijd_weken",
                                                  fouten, MAX_WEKEN)  # fmt: skip
    schoon["gestart"] = _geheel(rij.get("gestart") or 0, "gestart", fouten)
    gerealiseerd = rij.get("gerealiseerde_wachttijd_weken")
    if gerealiseerd not in (None, ""):
        try:
            weken = Decimal(str(gerealiseerd).strip().replace(",", "."))
        except InvalidOperation:
            fouten.append(("gerealiseerde_wachttijd_weken", _("Vul een getal in, bijvoorbeeld 6,5.")))
        else:
            if not 0 <= weken <= MAX_WEKEN:
                fouten.append(("gerealiseerde_wachttijd_weken", _("Vul een wachttijd in van 0 tot 260 weken.")))
            schoon["gerealiseerde_wachttijd_weken"] = weken
    else:
        schoon["gerealiseerde_wachttijd_weken"] = None
    return schoon, fouten


@transaction.atomic
def verwerk(aanbieder: Aanbieder, rijen: list[dict], *, door=None, bron: str = "portaal") -> list[Wachtlijstmelding]:
    """Check every row first; store all of them or none. Raises MeldingFout with one message per faulty row."""
    if not rijen:
        raise MeldingFout([_("Er staan geen regels in de melding.")])
    producten = gecontracteerde_producten(aanbieder)
    vandaag = timezone.localdate()
    schoon, fouten, gezien, velden = [], [], set(), {}
    for nr, rij in enumerate(rijen, start=1):
        if not isinstance(rij, dict):
            fouten.append(_("Regel %d: geen geldige regel.") % nr)
            continue
        waarden, rijfouten = _controleer(rij, producten, vandaag)
        sleutel = (waarden.get("product"), waarden.get("peildatum"))
        if not rijfouten and sleutel in gezien:
            rijfouten.append(("product", _("Dit product staat twee keer in de melding voor deze peildatum.")))
        gezien.add(sleutel)
        for veld, tekst in rijfouten:
            fouten.append(_("Regel %(nr)d, %(veld)s: %(tekst)s") % {"nr": nr, "veld": veld, "tekst": tekst})
            if len(rijen) == 1:
                velden.setdefault(veld, []).append(tekst)
        schoon.append(waarden)
    if fouten:
        raise MeldingFout(fouten, velden)
    result = []
    for w in schoon:
        melding, _nieuw = Wachtlijstmelding.objects.update_or_create(
            aanbieder=aanbieder,
            product=w.pop("product"),
            peildatum=w.pop("peildatum"),
            defaults={**w, "ingediend_door": door, "bron": bron},
        )
        result.append(melding)
    from jeugdhulp.monitor.beschikbaarheid import werk_sociale_kaart_bij

    transaction.on_commit(lambda: werk_sociale_kaart_bij(aanbieder=aanbieder))
    return result


def lees_csv(inhoud: bytes | str) -> list[dict]:
    """CSV with a header row (comma or semicolon), UTF-8 with or without BOM."""
    tekst = inhoud.decode("utf-8-sig") if isinstance(inhoud, bytes) else inhoud
    try:
        dialect = csv.Sniffer().sniff(tekst.splitlines()[0] if tekst else ",", delimiters=",;")
    except csv.Error:
        dialect = csv.excel
    return [
        {k.strip(): (v or "").strip() for k, v in rij.items() if k}
        for rij in csv.DictReader(io.StringIO(tekst), dialect=dialect)
    ]


# --- overview for the beleidsmedewerker ------------------------------------------------------------------------
@dataclass(frozen=True)
class Meldstatus:
    aanbieder: Aanbieder
    product: Product
    laatste: Wachtlijstmelding | None
    status: str  # op tijd | te laat | ontbreekt
    nza_gemiddelde_weken: float | None
    norm_weken: float | None = None  # aanmelding → behandeling: the Treeknorm (4 + 10 weeks) unless configured

    @property
    def boven_norm(self) -> bool:
        """The expected or the realised wait is longer than the norm."""
        if self.norm_weken is None or self.laatste is None:
            return False
        gemeten = [self.laatste.verwachte_wachttijd_weken, self.nza_gemiddelde_weken]
        return any(w is not None and w > self.norm_weken for w in gemeten)


def norm_aanmelding_behandeling(categorie: str, tabel: dict | None = None) -> float:
    """Weeks from aanmelding to the start of treatment: the sum of the two Treeknorm intervals for the category."""
    from jeugdhulp.monitor.models import Maat
    from jeugdhulp.monitor.normen import norm_voor, normen

    tabel = tabel if tabel is not None else normen()
    return round(
        norm_voor(Maat.AANMELDING_INTAKE, categorie, tabel).weken
        + norm_voor(Maat.INTAKE_BEHANDELING, categorie, tabel).weken,
        1,
    )


def nza_gemiddelde(meldingen: list[Wachtlijstmelding], peildatum: dt.date) -> float | None:
    """Realised average wait over the last 2 months, weighted by the number started (NZa transparency style)."""
    grens = peildatum - dt.timedelta(days=61)
    relevant = [
        m for m in meldingen
        if grens < m.peildatum <= peildatum and m.gerealiseerde_wachttijd_weken is not None and m.gestart
    ]  # fmt: skip
    volume = sum(m.gestart for m in relevant)
    if not volume:
        return None
    return round(float(sum(m.gerealiseerde_wachttijd_weken * m.gestart for m in relevant)) / volume, 1)


def meldstatus(vandaag: dt.date | None = None, aanbieder_id: int | None = None) -> list[Meldstatus]:
    """Per aanbieder × contracted product that is waited for (a report ever, or a toewijzing in the last year)."""
    from jeugdhulp.toewijzingen.models import Toewijzing

    vandaag = vandaag or timezone.localdate()
    meldingen: dict[tuple[int, int], list[Wachtlijstmelding]] = {}
    qs = Wachtlijstmelding.objects.select_related("aanbieder", "product").filter(
        peildatum__gte=vandaag - dt.timedelta(days=400)
    )
    toewijzingen = Toewijzing.objects.filter(toewijzingsdatum__gte=vandaag - dt.timedelta(days=365))
    if aanbieder_id:
        qs, toewijzingen = qs.filter(aanbieder_id=aanbieder_id), toewijzingen.filter(aanbieder_id=aanbieder_id)
    for m in qs.order_by("-peildatum"):
        meldingen.setdefault((m.aanbieder_id, m.product_id), []).append(m)
    paren = set(meldingen) | set(toewijzingen.values_list("aanbieder_id", "product_id").distinct())
    gecontracteerd = set(Tarief.objects.values_list("contract__aanbieder_id", "product_id"))
    paren &= gecontracteerd
    aanbieders = Aanbieder.objects.in_bulk({a for a, _p in paren})
    producten = Product.objects.in_bulk({p for _a, p in paren})
    from jeugdhulp.monitor.normen import normen

    tabel = normen()
    result = []
    for a, p in paren:
        lijst = meldingen.get((a, p), [])
        laatste = lijst[0] if lijst else None
        if laatste is None:
            status = "ontbreekt"
        elif vandaag > laatste.peildatum + TERMIJN:
            status = "te laat"
        else:
            status = "op tijd"
        norm = norm_aanmelding_behandeling(producten[p].categorie, tabel)
        result.append(Meldstatus(aanbieders[a], producten[p], laatste, status, nza_gemiddelde(lijst, vandaag), norm))
    volgorde = {"ontbreekt": 0, "te laat": 1, "op tijd": 2}
    return sorted(result, key=lambda s: (volgorde[s.status], s.aanbieder.naam, s.product.code))
