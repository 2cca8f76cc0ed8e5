"""The backoffice's decisions. Every impossible action raises ValidationError with a plain message and changes
nothing (the callers run inside a transaction); every status change goes through the transition table.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdhulp.aanbieders.models import Tarief
from jeugdhulp.besluiten import brief, pgb, termijnen
from jeugdhulp.besluiten.models import (
    AangevraagdProduct,
    Aanvraag,
    AanvraagStatus,
    Beschikking,
    Bezwaar,
    BezwaarStatus,
    Evaluatie,
    PgbBeoordeling,
    Vorm,
)
from jeugdhulp.casussen.models import Casus, CasusStatus
from jeugdhulp.casussen.services import voortgang
from jeugdhulp.toewijzingen.models import Toewijzing

BEZWAARCLAUSULE = _(
    "Bent u het niet eens met dit besluit? Dan kunt u binnen 6 weken na de datum van deze brief bezwaar maken. "
    "Stuur een brief met uw naam en adres, de datum, het besluit waar u het niet mee eens bent en waarom, en uw "
    "handtekening naar het college van burgemeester en wethouders. U kunt ook om hulp vragen bij een "
    "cliëntondersteuner (MEE of AKJ)."
)


# ---- aanvraag and its Awb clock
def _vergrendel(aanvraag: Aanvraag) -> None:
    """Row lock for the rest of the transaction, and the caller's object brought up to date."""
    Aanvraag.objects.select_for_update().filter(pk=aanvraag.pk).first()
    aanvraag.refresh_from_db()


@transaction.atomic
def aanvraag_indienen(
    casus: Casus, *, door, vorm: str, ontvangen_op: dt.date, producten: list[dict], toelichting: str = ""
) -> Aanvraag:
    if not casus.is_open:
        raise ValidationError(_("Deze casus is afgesloten; heropen hem eerst."))
    if not casus.jeugdige.bsn:  # vraagverheldering may start without it (issue 14 §2.2); an aanvraag may not
        raise ValidationError(_("Voor een aanvraag is het BSN van de jeugdige nodig. Vul het aan op de casus."))
    if ontvangen_op > timezone.localdate():
        raise ValidationError(_("De aanvraag kan niet in de toekomst ontvangen zijn."))
    if not producten:
        raise ValidationError(_("Kies minstens één product."))
    aanvraag = Aanvraag.objects.create(
        casus=casus,
        jeugdige=casus.jeugdige,
        gemeente=casus.gemeente,
        vorm=vorm,
        ontvangen_op=ontvangen_op,
        beslis_uiterlijk=termijnen.beslis_uiterlijk(ontvangen_op),
        toelichting=toelichting,
        ingediend_door=door,
    )
    for p in producten:
        rij = AangevraagdProduct(aanvraag=aanvraag, **p)
        rij.full_clean()
        rij.save()
    voortgang(casus)
    return aanvraag


def opschorten(aanvraag: Aanvraag, *, door, dag: dt.date, reden: str) -> None:
    """Awb 4:15: waiting for information really pauses the clock (from the day after ``dag``)."""
    if dag < aanvraag.ontvangen_op:
        raise ValidationError(_("Deze datum ligt vóór de aanvraag."))
    aanvraag.naar(AanvraagStatus.OPGESCHORT, door=door, toelichting=reden, opgeschort_op=dag)


def hervatten(aanvraag: Aanvraag, *, door, dag: dt.date) -> None:
    """The information arrived: the clock runs again and the deadline moves by the days it was paused."""
    if aanvraag.opgeschort_op is None or dag < aanvraag.opgeschort_op:
        raise ValidationError(_("Deze datum ligt vóór de opschorting."))
    dagen = termijnen.opgeschorte_dagen(aanvraag.opgeschort_op, dag)
    totaal = aanvraag.opgeschorte_dagen + dagen
    if aanvraag.verdaagd_tot:
        uiterlijk = termijnen.atw(aanvraag.verdaagd_tot + dt.timedelta(days=dagen))
    else:
        uiterlijk = termijnen.beslis_uiterlijk(aanvraag.ontvangen_op, totaal)
    aanvraag.naar(
        AanvraagStatus.VERDAAGD if aanvraag.verdaagd_tot else AanvraagStatus.INGEDIEND,
        door=door,
        toelichting=_("%(n)s dagen opgeschort") % {"n": dagen},
        opgeschorte_dagen=totaal,
        opgeschort_op=None,
        beslis_uiterlijk=uiterlijk,
    )


def verdagen(aanvraag: Aanvraag, *, door, tot: dt.date, reden: str, vandaag: dt.date | None = None) -> None:
    """Awb 4:14 lid 3: announced before the term ends, with a new reasonable date. A recorded step (once), with the
    new date and the reason on the row."""
    vandaag = vandaag or timezone.localdate()
    if not aanvraag.is_open:
        raise ValidationError(_("Over deze aanvraag is al beslist."))
    if aanvraag.status == AanvraagStatus.VERDAAGD or aanvraag.verdaagd_tot:
        raise ValidationError(_("Deze aanvraag is al verdaagd."))
    if aanvraag.status == AanvraagStatus.OPGESCHORT:
        raise ValidationError(_("De termijn staat stil (opgeschort). Verdagen kan als de informatie binnen is."))
    if vandaag > aanvraag.beslis_uiterlijk:
        raise ValidationError(_("De beslistermijn is al verstreken; verdagen kan alleen vóór het einde."))
    if tot <= aanvraag.beslis_uiterlijk:
        raise ValidationError(_("De nieuwe datum moet na de huidige uiterste datum liggen."))
    if not reden.strip():
        raise ValidationError(_("Schrijf op waarom het besluit later komt."))
    aanvraag.naar(
        AanvraagStatus.VERDAAGD,
        door=door,
        toelichting=reden,
        verdaagd_tot=tot,
        reden_verdaging=reden,
        beslis_uiterlijk=termijnen.atw(tot),
    )


# ---- PGB
def pgb_overlap(jeugdige, product, van: dt.date, tot: dt.date, *, zonder_aanvraag=None):
    """OP043: a ZIN toewijzing and a PGB for the same product and period exclude each other."""
    zin = Toewijzing.objects.filter(jeugdige=jeugdige, product=product, ingangsdatum__lte=tot).filter(
        Q(einddatum__isnull=True) | Q(einddatum__gte=van)
    )
    pgb_rijen = AangevraagdProduct.objects.filter(
        aanvraag__jeugdige=jeugdige,
        aanvraag__vorm=Vorm.PGB,
        aanvraag__status=AanvraagStatus.TOEGEKEND,
        product=product,
        ingangsdatum__lte=tot,
        einddatum__gte=van,
    ).exclude(aanvraag=zonder_aanvraag)
    return zin, pgb_rijen


@transaction.atomic
def pgb_beoordelen(aanvraag: Aanvraag, **velden) -> PgbBeoordeling:
    if aanvraag.vorm != Vorm.PGB:
        raise ValidationError(_("Dit is geen pgb-aanvraag."))
    product = aanvraag.producten.select_related("product").first()
    if not (product.volume and product.eenheid and product.frequentie):
        raise ValidationError(_("De aanvraag noemt geen omvang (hoeveel, eenheid, per). Het budget volgt daaruit."))
    tarief = pgb.tarief(
        velden["tariefsoort"], product.product, product.eenheid, aanvraag.gemeente.regio, product.ingangsdatum
    )
    if tarief is None:
        raise ValidationError(
            {
                "tariefsoort": _(
                    "Voor %(omvang)s is geen tarief in die eenheid (informele hulp heeft alleen een uurtarief); "
                    "het budget kan niet berekend worden."
                )
                % {"omvang": brief.omvang_in_woorden(product.volume, product.eenheid, product.frequentie)}
            }
        )
    budget = pgb.budget(tarief, product.volume, product.frequentie, product.ingangsdatum, product.einddatum)
    if budget is None:
        raise ValidationError(_("Met deze frequentie kan het budget niet berekend worden."))
    velden.update(tarief=tarief, budget=budget)
    beoordeling, _nieuw = PgbBeoordeling.objects.update_or_create(aanvraag=aanvraag, defaults=velden)
    return beoordeling


# ---- beschikking
def _volgend_beschikkingnummer(gemeente) -> int:
    from jeugdhulp.berichten.models import Teller

    hoogste = Beschikking.objects.filter(gemeente=gemeente).aggregate(m=Max("beschikkingnummer"))["m"]
    return Teller.volgende_na(f"beschikkingnummer:{gemeente.cbs_code}", hoogste)


@transaction.atomic
def beschikken(
    aanvraag: Aanvraag | None, *, door, besluit: str, motivering: str, datum: dt.date | None = None
) -> Beschikking:
    if aanvraag is None:
        raise ValidationError(_("Een beschikking kan alleen op een aanvraag."))
    _vergrendel(aanvraag)
    datum = datum or timezone.localdate()
    if datum > timezone.localdate():  # bekendmaking is the day it is sent: the bezwaar term runs from it
        raise ValidationError(
            {"datum": _("De datum van het besluit ligt in de toekomst. Kies vandaag of een eerdere dag.")}
        )
    if datum < aanvraag.ontvangen_op:
        raise ValidationError({"datum": _("De datum van de beschikking ligt vóór de aanvraag.")})
    if not motivering.strip():
        raise ValidationError({"motivering": _("Schrijf de motivering van het besluit.")})
    if hasattr(aanvraag, "beschikking"):
        raise ValidationError(_("Op deze aanvraag is al beslist."))
    producten = list(aanvraag.producten.select_related("product"))
    if besluit == Beschikking.Besluit.TOEGEKEND and aanvraag.vorm == Vorm.PGB:
        beoordeling = getattr(aanvraag, "pgb", None)
        if beoordeling is None or not beoordeling.voldoet:
            raise ValidationError(_("De pgb-checklist is niet compleet; toekennen kan nog niet."))
        for p in producten:
            zin, andere = pgb_overlap(
                aanvraag.jeugdige, p.product, p.ingangsdatum, p.einddatum, zonder_aanvraag=aanvraag
            )
            if zin.exists() or andere.exists():
                raise ValidationError(
                    _("Voor %(product)s loopt in deze periode al zorg in natura of een pgb (OP043).")
                    % {"product": p.product}
                )
    nieuw = AanvraagStatus.TOEGEKEND if besluit == Beschikking.Besluit.TOEGEKEND else AanvraagStatus.AFGEWEZEN
    aanvraag.naar(nieuw, door=door)  # raises OngeldigeOvergang when opgeschort or already decided
    nummer = _volgend_beschikkingnummer(aanvraag.gemeente)
    bezwaar_uiterlijk = termijnen.bezwaar_uiterlijk(datum)
    teksten = brief.briefteksten(aanvraag.gemeente)
    waarden = {
        "gemeente": aanvraag.gemeente.naam,
        "jeugdige": aanvraag.jeugdige.volledige_naam,
        "beschikkingnummer": str(nummer),
        "bezwaar_uiterlijk": brief.datum_in_woorden(bezwaar_uiterlijk),
    }
    teksten = {stap: brief.invullen(tekst, waarden) for stap, tekst in teksten.items()}
    beschikking = Beschikking.objects.create(
        aanvraag=aanvraag,
        gemeente=aanvraag.gemeente,
        beschikkingnummer=nummer,
        besluit=besluit,
        motivering=motivering,
        bezwaarclausule=teksten["brief-bezwaar"],
        brief=teksten,
        datum=datum,
        ingangsdatum=min(p.ingangsdatum for p in producten),
        einddatum=max(p.einddatum for p in producten),
        bezwaar_uiterlijk=bezwaar_uiterlijk,
        door=door,
    )
    voortgang(aanvraag.casus)
    return beschikking


# ---- toewijzing (ZIN) and the JW301
def _contracttarief(gemeente, p: AangevraagdProduct) -> Tarief | None:
    return (
        Tarief.objects.filter(contract__aanbieder=p.aanbieder, contract__regio=gemeente.regio, product=p.product)
        .filter(Q(contract__einddatum__isnull=True) | Q(contract__einddatum__gte=p.einddatum))
        .geldig_op(p.ingangsdatum)
        .first()
    )


@transaction.atomic
def toewijzen(aanvraag: Aanvraag, *, door, regie_tijdens_wachten: str = "", overbruggingszorg: str = "") -> list:
    """Per aanbieder: toewijzingen within the contract, then the JW301 snapshot into the iJw outbox."""
    from jeugdhulp.berichten import outbox
    from jeugdhulp.berichten.forms import lopende_botsing
    from jeugdhulp.berichten.models import VerzoekStatus

    _vergrendel(aanvraag)
    if aanvraag.vorm != Vorm.ZIN or aanvraag.status != AanvraagStatus.TOEGEKEND:
        raise ValidationError(_("Alleen een toegekende aanvraag voor zorg in natura wordt toegewezen."))
    if aanvraag.toewijzingen.exists():
        raise ValidationError(_("Deze aanvraag is al toegewezen."))
    per_aanbieder = defaultdict(list)
    for p in aanvraag.producten.select_related("product", "aanbieder"):
        if p.aanbieder is None:
            raise ValidationError(_("Kies een aanbieder voor %(product)s.") % {"product": p.product})
        if _contracttarief(aanvraag.gemeente, p) is None:
            raise ValidationError(
                _("%(aanbieder)s heeft geen contract voor %(product)s in deze hele periode.")
                % {"aanbieder": p.aanbieder.naam, "product": p.product}
            )
        lopend = lopende_botsing(aanvraag.jeugdige, p.aanbieder, p.product, p.ingangsdatum, p.einddatum)
        if lopend is not None:
            raise ValidationError(
                _(
                    "Voor %(product)s loopt bij %(aanbieder)s al toewijzing %(nummer)s in deze periode; een tweede "
                    "ernaast kan niet (TR302). Laat de lopende toewijzing eerst stoppen, of kies een latere periode."
                )
                % {"product": p.product.omschrijving, "aanbieder": p.aanbieder.naam, "nummer": lopend.toewijzingnummer}
            )
        _zin, pgb_rijen = pgb_overlap(aanvraag.jeugdige, p.product, p.ingangsdatum, p.einddatum)
        if pgb_rijen.exists():
            raise ValidationError(
                _("Voor %(product)s loopt in deze periode al een pgb (OP043).") % {"product": p.product}
            )
        per_aanbieder[p.aanbieder].append(p)
    berichten, nu = [], timezone.localtime()
    for aanbieder, rijen in per_aanbieder.items():
        regels = [
            {
                "product": p.product,
                "ingangsdatum": p.ingangsdatum,
                "einddatum": p.einddatum,
                "volume": p.volume,
                "eenheid": p.eenheid,
                "frequentie": p.frequentie,
            }
            for p in rijen
        ]
        hulpvraag = aanvraag.casus.hulpvragen.filter(
            verzoek__aanbieder=aanbieder, verzoek__status__in=[VerzoekStatus.OPEN, VerzoekStatus.IN_ONDERZOEK]
        ).first()
        if hulpvraag is not None:  # the referral's VOT is answered with this JW301
            bericht = outbox.toewijzen(hulpvraag.verzoek, regels)
            nieuw = list(hulpvraag.verzoek.toewijzingen.all())
        else:
            nieuw = [
                Toewijzing.objects.create(
                    gemeente=aanvraag.gemeente,
                    toewijzingnummer=outbox.volgend_toewijzingnummer(aanvraag.gemeente),
                    jeugdige=aanvraag.jeugdige,
                    aanbieder=aanbieder,
                    toewijzingsdatum=nu.date(),
                    toewijzingstijd=nu.time().replace(microsecond=0),
                    product=r["product"],
                    ingangsdatum=r["ingangsdatum"],
                    einddatum=r["einddatum"],
                    volume=r["volume"],
                    eenheid=r["eenheid"] or "",
                    frequentie=r["frequentie"] or "",
                )
                for r in regels
            ]
            bericht = outbox.maak_jw301(aanvraag.gemeente, aanvraag.jeugdige, aanbieder, vandaag=nu.date())
        aanvraag.toewijzingen.add(*nieuw)
        berichten.append(bericht)
    aanvraag.regie_tijdens_wachten, aanvraag.overbruggingszorg = regie_tijdens_wachten, overbruggingszorg
    aanvraag.bewaar("regie_tijdens_wachten", "overbruggingszorg")
    casus = aanvraag.casus
    if casus.status == CasusStatus.PLAN:
        casus.naar(CasusStatus.UITVOERING, door=door, toelichting=_("Hulp toegewezen"))
    voortgang(casus)
    return berichten


# ---- evaluation per toewijzing
@transaction.atomic
def evalueren(toewijzing: Toewijzing, casus: Casus, *, door, **velden) -> Evaluatie:
    """The driehoek's judgement. Stoppen ends the toewijzing (reden 05, verkorting) and sends the new JW301."""
    from jeugdhulp.berichten import outbox

    if velden["datum"] < toewijzing.ingangsdatum:
        raise ValidationError(_("De evaluatie ligt vóór de start van de toewijzing."))
    evaluatie = Evaluatie.objects.create(toewijzing=toewijzing, casus=casus, door=door, **velden)
    if evaluatie.uitkomst == Evaluatie.Uitkomst.STOPPEN:
        nu = timezone.localtime()
        einde = max(evaluatie.datum, toewijzing.ingangsdatum)
        if toewijzing.einddatum is None or einde < toewijzing.einddatum:
            toewijzing.einddatum = einde
            toewijzing.reden_wijziging = "05"
            toewijzing.toewijzingsdatum, toewijzing.toewijzingstijd = nu.date(), nu.time().replace(microsecond=0)
            toewijzing.save(update_fields=["einddatum", "reden_wijziging", "toewijzingsdatum", "toewijzingstijd"])
            outbox.maak_jw301(toewijzing.gemeente, toewijzing.jeugdige, toewijzing.aanbieder, vandaag=nu.date())
    elif (
        evaluatie.uitkomst in (Evaluatie.Uitkomst.MEER, Evaluatie.Uitkomst.MINDER, Evaluatie.Uitkomst.ANDERS)
        and casus.status == CasusStatus.UITVOERING
    ):
        # More, less or other help changes the beschikking (herziening): back to the plan for a new aanvraag,
        # whose toewijzing replaces this one with a new JW301.
        casus.naar(CasusStatus.PLAN, door=door, toelichting=_("Evaluatie: meer, minder of andere hulp nodig"))
    voortgang(casus)
    return evaluatie


# ---- bezwaar
@transaction.atomic
def bezwaar_registreren(
    beschikking: Beschikking, *, ontvangen_op: dt.date, gronden: str, adviescommissie: bool
) -> Bezwaar:
    if ontvangen_op < beschikking.datum:
        raise ValidationError(_("Het bezwaar kan niet vóór de beschikking ontvangen zijn."))
    if not gronden.strip():
        raise ValidationError(_("Schrijf de gronden van het bezwaar op."))
    return Bezwaar.objects.create(
        beschikking=beschikking,
        gemeente=beschikking.gemeente,
        ontvangen_op=ontvangen_op,
        tijdig=ontvangen_op <= beschikking.bezwaar_uiterlijk,
        gronden=gronden,
        adviescommissie=adviescommissie,
        beslis_uiterlijk=termijnen.beslis_op_bezwaar_uiterlijk(
            beschikking.bezwaar_uiterlijk, ontvangen_op, commissie=adviescommissie
        ),
    )


def bezwaar_verdagen(bezwaar: Bezwaar, *, door, reden: str) -> None:
    """Awb 7:10 lid 3: at most 6 weeks more, once."""
    uiterlijk = termijnen.beslis_op_bezwaar_uiterlijk(
        bezwaar.beschikking.bezwaar_uiterlijk, bezwaar.ontvangen_op, commissie=bezwaar.adviescommissie, verdaagd=True
    )
    bezwaar.naar(BezwaarStatus.VERDAAGD, door=door, toelichting=reden, beslis_uiterlijk=uiterlijk)


def bezwaar_beslissen(bezwaar: Bezwaar, *, door, uitkomst: str, toelichting: str, dag: dt.date | None = None) -> None:
    dag = dag or timezone.localdate()
    if dag < bezwaar.ontvangen_op:
        raise ValidationError(_("Deze datum ligt vóór het bezwaar."))
    if not uitkomst:
        raise ValidationError(_("Kies de uitkomst."))
    bezwaar.naar(
        BezwaarStatus.BESLIST,
        door=door,
        toelichting=toelichting,
        uitkomst=uitkomst,
        beslist_op=dag,
        toelichting_uitkomst=toelichting,
    )
