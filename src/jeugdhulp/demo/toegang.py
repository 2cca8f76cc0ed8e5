"""Demo data for the access process: hulpvragen and casussen in every state, so a new user sees a living CJG.

Deterministic: its own seeded random and dates relative to the peildatum. Rows are created directly (not through
the services, which use today's date) in the states the transition tables allow.
"""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from jeugdhulp.accounts.models import User
from jeugdhulp.besluiten import pgb, termijnen
from jeugdhulp.besluiten.models import (
    AangevraagdProduct,
    Aanvraag,
    Beschikking,
    Bezwaar,
    Evaluatie,
    PgbBeoordeling,
)
from jeugdhulp.besluiten.services import BEZWAARCLAUSULE
from jeugdhulp.casussen import toekomst
from jeugdhulp.casussen.models import (
    Casus,
    KortVerslag,
    Samenwerkingsplan,
    ToekomstLeefgebied,
    Toekomstplan,
    Veiligheidssignaal,
    Waakvlamcontact,
    Werkinstructie,
)
from jeugdhulp.hulpvragen.models import Hulpvraag
from jeugdhulp.hulpvragen.services import registreer
from jeugdhulp.jeugdigen.models import Jeugdige
from jeugdhulp.overgangen.models import Overgang

WERKINSTRUCTIES = [
    (
        "triage",
        "Triage",
        "Bel binnen 2 werkdagen. Kan het CJG zelf helpen (informatie, advies, kort)? "
        "Sluit dan af met wat u deed. Anders: vraagverheldering.",
    ),
    (
        "gesprek",
        "Vraagverheldering",
        "Spreek met ouders én jeugdige. Vraag wat goed gaat, niet alleen wat niet goed gaat.",
    ),
    (
        "verslag",
        "Kort verslag",
        "Schrijf het verslag samen met het gezin. Zet hun eigen woorden erin, ook als zij het oneens zijn. "
        "Deel het altijd, ook zonder aanvraag.",
    ),
    (
        "plan",
        "Samenwerkingsplan",
        "Eén gezin, één plan. Houd het overleg thuis. Zijn er meerdere organisaties? Dan is er een casusregisseur.",
    ),
    ("aanvraag", "Aanvraag", "Vraag alleen aan wat het plan nodig heeft. De gemeente beslist binnen 8 weken."),
    ("pgb", "Pgb", "Loop de checklist van artikel 8.1.1 Jeugdwet langs. Leg weigeringsgronden vast."),
    (
        "beschikking",
        "Beschikking",
        "Motiveer in gewone taal. Het beschikkingnummer en de bezwaarclausule komen er vanzelf bij.",
    ),
    ("afsluiten", "Afsluiten", "Spreek een waakvlam af als het gezin dat wil: leun- en steuncontacten, soms jaren."),
    (
        "toekomst",
        "Toekomstplan 18-/18+",
        "Begin op 16. Laat de jongere zelf de doelen kiezen, per leefgebied. Kijk op 17½ wat na 18 doorloopt: "
        "Wmo, Zvw, Wlz of verlengde jeugdhulp. Pleegzorg en gezinshuis lopen door tot 21.",
    ),
]

# The path each casus status went along, as (van, naar) steps of the transition table.
CASUS_PAD = {
    "vraagverheldering": [],
    "plan": [("vraagverheldering", "plan")],
    "uitvoering": [("vraagverheldering", "plan"), ("plan", "uitvoering")],
    "waakvlam": [("vraagverheldering", "plan"), ("plan", "uitvoering"), ("uitvoering", "waakvlam")],
    "afgesloten": [("vraagverheldering", "plan"), ("plan", "uitvoering"), ("uitvoering", "afgesloten")],
}

# (key, age window in days, toekomstplan filled in as) — youths the team list "Richting 18" shows
RICHTING_18 = [
    ("plan", (15 * 365 + 200, 16 * 365 - 10), "concept"),
    ("check", (17 * 365 + 60, 17 * 365 + 180), "vastgesteld"),
    ("achttien", (17 * 365 + 200, 18 * 365 - 5), "check"),
    ("verblijf", (20 * 365 + 200, 21 * 365 - 5), "gezinshuis"),
    ("verlengd", (22 * 365 + 200, 23 * 365 - 5), "verlengd"),
]

TOEKOMSTDOELEN = {
    ToekomstLeefgebied.ONDERWIJS: ("Mijn mbo-diploma halen", "Tante helpt met plannen", "Mentor school"),
    ToekomstLeefgebied.WERK_INKOMEN: ("Een bijbaan en later eigen geld", "Oom zoekt mee", "Jongerenloket"),
    ToekomstLeefgebied.ZORG: ("Zelf mijn afspraken regelen", "", "Huisarts, na 18 ggz via de Zvw"),
    ToekomstLeefgebied.WONEN: ("Op kamers in Oss", "Ouders helpen verhuizen", "Woningcorporatie, urgentie"),
    ToekomstLeefgebied.VEILIGHEID: ("Niet meer in de problemen komen", "Vrienden van de sportclub", ""),
    ToekomstLeefgebied.NETWERK: ("Contact houden met mijn pleegouders", "Pleegouders", "JIM-mentor"),
}


def _geschiedenis(obj, stappen, *, door, begin: dt.date, rol: str, toelichting: dict | None = None) -> int:
    """Overgang rows for a demo row made directly in its end state: one step a week or so, by a demo worker."""
    ct = ContentType.objects.get_for_model(obj)
    rijen = []
    for i, (van, naar) in enumerate(stappen):
        op = timezone.make_aware(dt.datetime.combine(begin + dt.timedelta(days=7 * i + 3), dt.time(10 + i % 6, 5)))
        rijen.append(
            Overgang(
                content_type=ct,
                object_id=obj.pk,
                van=van,
                naar=naar,
                door=door,
                rol=rol,
                op=op,
                toelichting=(toelichting or {}).get(naar, ""),
            )
        )
    Overgang.objects.bulk_create(rijen)
    return len(rijen)


HULPVRAGEN = [
    ("telefoon", "ouder", "Mijn zoon van 9 heeft veel driftbuien. Wij weten niet meer wat we moeten doen."),
    ("website", "jeugdige", "Ik voel me vaak somber en wil met iemand praten."),
    ("inloop", "ouder", "Wij gaan scheiden. Hoe vertellen we het de kinderen?"),
    ("vindplaats", "school", "Leerling verzuimt veel, ouders zijn moeilijk bereikbaar."),
    ("email", "huisarts", "Meisje van 15 met angstklachten, graag contact met het gezin."),
]

# Older questions of a team's year, handled since: the CJG helped lightly, or a casus followed.
EERDERE_HULPVRAGEN = [
    ("telefoon", "ouder", "Onze dochter slaapt slecht sinds de verhuizing.", "advies", "Slaaptips en een afspraak."),
    ("website", "ouder", "Hoe help ik mijn kind met pesten op school?", "informatie", "Info over pesten gestuurd."),
    ("inloop", "ouder", "Ik ben alleen met drie kinderen en het wordt me te veel.", "kortdurend", "Drie gesprekken."),
    ("telefoon", "jeugdige", "Ik wil 18 worden en op mezelf wonen. Waar begin ik?", "doorverwezen", "Jongerenloket."),
    ("email", "school", "Leerling van groep 7 is erg teruggetrokken.", "advies", "Overleg met de intern begeleider."),
    ("telefoon", "ouder", "Mijn zoon gamet de hele nacht.", "informatie", "Tips over mediagebruik."),
    ("website", "ouder", "Ons kind van 4 praat nog weinig.", "doorverwezen", "Logopedie via de huisarts."),
    ("inloop", "ouder", "Schulden maken veel spanning thuis.", "doorverwezen", "Schuldhulp van de gemeente."),
]

# A team's case load: every round below gives 12 casussen (2 in vraagverheldering, 3 plan, 4 uitvoering, 2 waakvlam,
# 1 afgesloten) and 5 hulpvragen, so 12 rounds give a team about 110 open casussen, as a real CJG team carries.
RONDES = 12
PER_RONDE = 14


def bouw_toegang(bouwer) -> dict[str, int]:
    rng = random.Random(bouwer.seed * 5 + 5)
    oss = bouwer.oss
    for stap, titel, tekst in WERKINSTRUCTIES:
        Werkinstructie.objects.create(stap=stap, titel=titel, tekst=tekst)
    teams = [t for (code, _n), t in sorted(bouwer.teams.items()) if code == oss.cbs_code]
    telling = {"casussen": 0, "hulpvragen": 0, "overgangen": 0, "evaluaties": 0}
    cjg = {u.team_id: u for u in User.objects.filter(rol="cjg_medewerker", team__in=teams).order_by("pk")}
    consulent = User.objects.filter(rol="jeugdconsulent", gemeente=oss).order_by("pk").first()
    for team in teams:
        alle = list(Jeugdige.objects.filter(team=team).order_by("bsn")[: PER_RONDE * RONDES])
        for ronde in range(RONDES):
            jeugdigen = alle[ronde * PER_RONDE : (ronde + 1) * PER_RONDE]
            if len(jeugdigen) < 12:
                break
            rng.shuffle(jeugdigen)
            _hulpvragen(bouwer, rng, team, jeugdigen, ronde, telling)
            _casussen(bouwer, rng, team, jeugdigen, ronde, telling, medewerker=cjg.get(team.pk), consulent=consulent)
    toekomstplannen = _richting_18(bouwer, teams, cjg, rng)
    return {**telling, "toekomstplannen": toekomstplannen}


def _contact(rng, jeugdige, peil: dt.date) -> dict:
    """What a parent fills in on the form: synthetic phone (06-9…), the child's age, when to call, consent."""
    return {
        "telefoon": f"06-9{rng.randrange(1000000, 9999999)}",
        "contactvoorkeur": "telefoon",
        "bereikbaar": rng.choice(["na 15.00 uur", "ochtend", "liever niet op woensdag", ""]),
        "leeftijd_kind": max(0, min(23, (peil - jeugdige.geboortedatum).days // 365)),
        "toestemmingen": {"overleg_school_huisarts": rng.random() < 0.7},
    }


def _hulpvragen(bouwer, rng, team, jeugdigen, ronde: int, telling: dict) -> None:
    """Round 0: this week's questions (new, in behandeling, handled); later rounds: the year's handled questions."""
    peil, oss = bouwer.peildatum, bouwer.oss
    for i in range(len(HULPVRAGEN)):
        if ronde == 0:
            kanaal, vrager, vraag = HULPVRAGEN[i]
            lichte_hulp, afhandeling = ("advies", "Besproken met school en ouders.") if i == 3 else ("", "")
            dag = peil - dt.timedelta(days=i)
        else:
            kanaal, vrager, vraag, lichte_hulp, afhandeling = EERDERE_HULPVRAGEN[
                (ronde * 5 + i) % len(EERDERE_HULPVRAGEN)
            ]
            dag = peil - dt.timedelta(days=7 * ronde + rng.randrange(0, 7))
        h = registreer(
            gemeente=oss,
            team=team,
            vrager=vrager,
            kanaal=kanaal,
            vraag=vraag,
            ontvangen_op=timezone.make_aware(dt.datetime.combine(dag, dt.time(9 + i, 15))),
            naam=f"{bouwer._naam('2')[0]} {jeugdigen[i].geslachtsnaam}",
            **_contact(rng, jeugdigen[i], peil),
        )
        if ronde == 0 and i == 2:
            Hulpvraag.objects.filter(pk=h.pk).update(status=Hulpvraag.Status.IN_BEHANDELING)
        elif lichte_hulp:
            Hulpvraag.objects.filter(pk=h.pk).update(
                status=Hulpvraag.Status.LICHT_AFGEHANDELD, lichte_hulp=lichte_hulp, afhandeling=afhandeling
            )
        telling["hulpvragen"] += 1


def _casussen(bouwer, rng, team, jeugdigen, ronde: int, telling: dict, *, medewerker, consulent) -> None:
    peil, oss = bouwer.peildatum, bouwer.oss
    cjg = {team.pk: medewerker}
    stagneert, onveilig, bezwaar = ronde % 4 == 0, ronde % 2 == 0, ronde % 3 == 0
    staten = [
        "vraagverheldering",
        "vraagverheldering",
        "plan",
        "plan",
        "uitvoering",
        "uitvoering",
        "uitvoering",
        "waakvlam",
        "waakvlam",
        "afgesloten",
        "plan",
        "uitvoering",
    ]
    for n, (status, jeugdige) in enumerate(zip(staten, jeugdigen, strict=False)):
        geopend = peil - dt.timedelta(days=rng.randrange(20, 300))
        casus = Casus.objects.create(
            jeugdige=jeugdige,
            gemeente=oss,
            team=team,
            medewerker=medewerker,
            status=status,
            geopend_op=geopend,
            laatste_voortgang=peil - dt.timedelta(weeks=12)
            if n == 10 and stagneert
            else peil - dt.timedelta(days=rng.randrange(1, 30)),
            verwijzer_type=rng.choice(["01", "01", "02", "03", "06"]),
            regievorm="casusregie" if n % 3 == 0 else "zelfregie",
            regisseur="Sanne de Vries" if n % 3 == 0 else "",
        )
        telling["casussen"] += 1
        vraag = _aanleiding(bouwer, rng, casus, geopend)
        telling["overgangen"] += _geschiedenis(
            casus,
            CASUS_PAD[status],
            door=cjg.get(team.pk),
            begin=geopend,
            rol="cjg_medewerker",
            toelichting={"plan": "Samenwerkingsplan vastgesteld", "uitvoering": "Hulp toegewezen"},
        )
        casus.gesprekken.create(
            datum=geopend + dt.timedelta(days=3),
            deelnemers="Ouders, jeugdige, CJG",
            samenvatting="Kennismaking en vraagverheldering thuis.",
        )
        KortVerslag.objects.create(
            casus=casus,
            versie=1,
            vraag=vraag,
            afspraken="Samen een plan maken.",
            reactie_gezin="" if n % 4 else "Wij zien het anders: het probleem ligt ook bij school.",
            gezin_eens=bool(n % 4),
            akkoord_ouders=True,
            akkoord_jeugdige=True,
            gedeeld_op=geopend + dt.timedelta(days=7),
            aangemaakt=timezone.make_aware(dt.datetime.combine(geopend + dt.timedelta(days=7), dt.time(12))),
        )
        if n == 6 and onveilig:
            casus.veiligheid = True
            casus.save(update_fields=["veiligheid"])
            Veiligheidssignaal.objects.create(
                casus=casus,
                soort="zorgen",
                datum=geopend + dt.timedelta(days=10),
                toelichting="Spanningen thuis; afspraken over veiligheid gemaakt.",
            )
        if status == "vraagverheldering":
            continue
        plan = Samenwerkingsplan.objects.create(
            casus=casus,
            status="vastgesteld",
            doelen="Rust in huis en weer naar school.",
            leefgebieden=[
                {"leefgebied": "onderwijs", "wil": "Weer naar school", "kan": "Huiswerk maken", "nodig": "Steun"}
            ],
            datum_overleg=geopend + dt.timedelta(days=14),
            evaluatiedatum=peil + dt.timedelta(days=rng.randrange(-10, 60)),
        )
        plan.deelnemers.create(naam="Ouders", soort="inwoner")
        plan.deelnemers.create(naam="Oma", soort="netwerk")
        if n % 5 == 0 and (peil - jeugdige.geboortedatum).days >= 12 * 365:
            plan.deelnemers.create(naam=f"{bouwer._naam('1')[0].split()[0]} (buurman)", soort="jim")
        plan.acties.create(
            omschrijving="Gesprek met mentor op school",
            eigenaar_soort="professional",
            eigenaar="CJG",
            deadline=peil + dt.timedelta(days=rng.randrange(-5, 40)),
        )
        toewijzing = jeugdige.toewijzingen.order_by("ingangsdatum").last()
        if toewijzing is None or status not in ("plan", "uitvoering"):
            if status in ("waakvlam", "afgesloten"):
                Casus.objects.filter(pk=casus.pk).update(
                    afgesloten_op=peil - dt.timedelta(days=40),
                    reden_afsluiting="volgens_plan",
                    toelichting_afsluiting="Het gaat weer goed.",
                )
            if status == "waakvlam":
                Waakvlamcontact.objects.create(
                    casus=casus,
                    gepland_op=peil - dt.timedelta(days=10),
                    gedaan_op=peil - dt.timedelta(days=9),
                    verslag="Gaat goed.",
                )
                Waakvlamcontact.objects.create(casus=casus, gepland_op=peil + dt.timedelta(days=80))
            continue
        ontvangen = peil - dt.timedelta(days=rng.randrange(5, 50))
        vorm = "pgb" if n == 11 else "zin"
        open_ = status == "plan"
        aanvraag = Aanvraag.objects.create(
            casus=casus,
            jeugdige=jeugdige,
            gemeente=oss,
            vorm=vorm,
            ontvangen_op=ontvangen,
            beslis_uiterlijk=termijnen.beslis_uiterlijk(ontvangen),
            status=({3: "opgeschort", 10: "verdaagd"}.get(n, "ingediend")) if open_ else "toegekend",
            opgeschort_op=ontvangen + dt.timedelta(days=3) if n == 3 else None,
            verdaagd_tot=termijnen.beslis_uiterlijk(ontvangen) + dt.timedelta(weeks=4) if n == 10 else None,
            reden_verdaging="Wij wachten op advies van de GGD-jeugdarts." if n == 10 else "",
            regie_tijdens_wachten="" if open_ else "CJG-medewerker",
            overbruggingszorg="" if open_ or n % 2 else "Wekelijks contact met het CJG",
        )
        # the pgb: help from the network counted in hours (informal help has an hourly rate only)
        pgb_product = _pgb_product(oss.regio, ontvangen) if vorm == "pgb" else None
        AangevraagdProduct.objects.create(
            aanvraag=aanvraag,
            product=pgb_product or toewijzing.product,
            aanbieder=None if vorm == "pgb" else toewijzing.aanbieder,
            volume=4 if pgb_product else toewijzing.volume,
            eenheid="04" if pgb_product else toewijzing.eenheid,
            frequentie="2" if pgb_product else toewijzing.frequentie,
            ingangsdatum=ontvangen,
            einddatum=ontvangen + dt.timedelta(days=364),
        )
        if n == 10:
            Aanvraag.objects.filter(pk=aanvraag.pk).update(beslis_uiterlijk=termijnen.atw(aanvraag.verdaagd_tot))
        pad = {3: [("ingediend", "opgeschort")], 10: [("ingediend", "verdaagd")]}.get(n, [])
        telling["overgangen"] += _geschiedenis(
            aanvraag,
            pad if open_ else [("ingediend", "toegekend")],
            door=consulent,
            begin=ontvangen,
            rol="jeugdconsulent",
            toelichting={"opgeschort": "Verslag van school opgevraagd", "verdaagd": aanvraag.reden_verdaging},
        )
        if open_:
            continue
        datum = ontvangen + dt.timedelta(days=rng.randrange(5, 30))
        beschikking = Beschikking.objects.create(
            aanvraag=aanvraag,
            gemeente=oss,
            beschikkingnummer=2026000 + aanvraag.pk,
            besluit="toegekend",
            door=consulent,
            motivering="De hulp past bij het samenwerkingsplan.",
            bezwaarclausule=BEZWAARCLAUSULE,
            datum=datum,
            ingangsdatum=ontvangen,
            einddatum=ontvangen + dt.timedelta(days=364),
            bezwaar_uiterlijk=termijnen.bezwaar_uiterlijk(datum),
        )
        if vorm == "zin":
            aanvraag.toewijzingen.add(toewijzing)
            if status == "uitvoering":
                _evaluatie(rng, casus, toewijzing, medewerker, peil)
                telling["evaluaties"] += 1
        else:  # the budget computed from what is granted, in its unit, as the consulent's assessment does
            gevraagd = aanvraag.producten.select_related("product").get()
            van, tot = gevraagd.ingangsdatum, gevraagd.einddatum
            soort = "informeel" if gevraagd.eenheid in pgb.MINUTEN else "professioneel"
            tarief = pgb.tarief(soort, gevraagd.product, gevraagd.eenheid, oss.regio, van) or 0
            PgbBeoordeling.objects.create(
                aanvraag=aanvraag,
                kan_beheren=True,
                waarom_geen_zin="Vertrouwde begeleider uit het netwerk.",
                kwaliteit_geborgd=True,
                budgetplan_compleet=True,
                tariefsoort=soort,
                tarief=tarief,
                budget=pgb.budget(tarief, gevraagd.volume or 0, gevraagd.frequentie, van, tot) or 0,
            )
            if not bezwaar:
                continue
            Bezwaar.objects.create(
                beschikking=beschikking,
                gemeente=oss,
                ontvangen_op=datum + dt.timedelta(days=20),
                gronden="Het aantal uren is te laag.",
                beslis_uiterlijk=termijnen.beslis_op_bezwaar_uiterlijk(
                    beschikking.bezwaar_uiterlijk, datum + dt.timedelta(days=20), commissie=False
                ),
            )


def _pgb_product(regio, op: dt.date):
    """A product paid per hour with a contracted tariff in the regio (the first by code): what a family buys with a
    pgb from someone in its network."""
    from jeugdhulp.aanbieders.models import Product

    return (
        Product.objects.filter(eenheid="04", tarieven__contract__regio=regio, tarieven__bedrag__gt=0)
        .filter(tarieven__begindatum__lte=op)
        .order_by("code")
        .first()
    )


AANLEIDINGEN = [
    ("telefoon", "ouder", "Onze zoon is erg opstandig en slaat zijn zusje. Wij lopen vast."),
    ("website", "ouder", "Mijn dochter eet slecht en trekt zich terug op haar kamer."),
    ("vindplaats", "school", "Leerling is vaak afwezig en heeft thuis veel zorgtaken."),
    ("telefoon", "huisarts", "Jongen met somberheid en slaapproblemen; ouders willen hulp."),
    ("inloop", "ouder", "Na de scheiding is het contact met de kinderen moeilijk."),
    ("email", "ouder", "Ons kind heeft autisme en de hulp op school is niet genoeg."),
]


def _aanleiding(bouwer, rng, casus, geopend: dt.date) -> str:
    """The question the casus started from: a hulpvraag a few days before, now at vraagverheldering and linked."""
    kanaal, vrager, vraag = rng.choice(AANLEIDINGEN)
    h = registreer(
        gemeente=casus.gemeente,
        team=casus.team,
        vrager=vrager,
        kanaal=kanaal,
        vraag=vraag,
        ontvangen_op=timezone.make_aware(dt.datetime.combine(geopend - dt.timedelta(days=3), dt.time(10, 30))),
        naam=f"{bouwer._naam('2')[0]} {casus.jeugdige.geslachtsnaam}",
        **_contact(rng, casus.jeugdige, bouwer.peildatum),
    )
    Hulpvraag.objects.filter(pk=h.pk).update(
        status=Hulpvraag.Status.VRAAGVERHELDERING, casus=casus, jeugdige=casus.jeugdige
    )
    return vraag


def _evaluatie(rng, casus, toewijzing, door, peil: dt.date) -> None:
    """The driehoek's last look at the help: mostly 'zo doorgaan', with the next evaluation planned."""
    datum = max(toewijzing.ingangsdatum, peil - dt.timedelta(days=rng.randrange(7, 90)))
    Evaluatie.objects.create(
        toewijzing=toewijzing,
        casus=casus,
        datum=datum,
        deelnemers="Jeugdige, ouders, aanbieder en CJG",
        uitkomst=rng.choice(["zo_door", "zo_door", "zo_door", "minder"]),
        toelichting="De doelen van het plan komen dichterbij.",
        volgende_evaluatie=datum + dt.timedelta(days=91),
        door=door,
    )


def _richting_18(bouwer, teams, cjg: dict, rng) -> int:
    """Per team a youth near each 18-/18+ trigger with a casus in uitvoering, the toekomstplan filled in as fits."""
    peil = bouwer.peildatum
    gevuld = 0
    for team in teams:
        for sleutel, (van, tot), vorm in RICHTING_18:
            jeugdige = (
                Jeugdige.objects.filter(
                    team=team,
                    geboortedatum__gt=peil - dt.timedelta(days=tot),
                    geboortedatum__lte=peil - dt.timedelta(days=van),
                    casussen__isnull=True,
                )
                .order_by("bsn")
                .first()
            )
            if jeugdige is None:
                continue
            geopend = peil - dt.timedelta(days=rng.randrange(60, 200))
            casus = Casus.objects.create(
                jeugdige=jeugdige,
                gemeente=team.gemeente,
                team=team,
                medewerker=cjg.get(team.pk),
                status="uitvoering" if sleutel != "plan" else "plan",
                geopend_op=geopend,
                laatste_voortgang=peil - dt.timedelta(days=rng.randrange(1, 20)),
            )
            _geschiedenis(casus, CASUS_PAD[casus.status], door=cjg.get(team.pk), begin=geopend, rol="cjg_medewerker")
            _aanleiding(bouwer, rng, casus, geopend)
            plan = Toekomstplan.objects.get(jeugdige=jeugdige)  # made with the casus, dates stored
            if vorm == "concept":
                continue
            for leefgebied, (doel, netwerk, formeel) in TOEKOMSTDOELEN.items():
                plan.doelen.create(leefgebied=leefgebied, eigen_doel=doel, netwerk_doet=netwerk, formeel_doet=formeel)
            velden = {"status": "vastgesteld", "vastgesteld_op": plan.plan_uiterlijk + dt.timedelta(days=30)}
            if vorm in ("check", "gezinshuis", "verlengd"):
                velden.update(
                    overgangscheck_gedaan_op=min(plan.overgangscheck_op + dt.timedelta(days=14), peil),
                    na_18=["verlengd", "zvw"] if vorm != "check" else ["wmo", "zvw"],
                    toelichting_na_18="Nog geen eigen woonplek; begeleiding loopt door." if vorm != "check" else "",
                )
            if vorm == "gezinshuis":
                m = toekomst.mijlpalen(jeugdige.geboortedatum, pleegzorg_of_gezinshuis=True)
                velden.update(woonvorm="gezinshuis", verblijf_tot=m.verblijf_tot)
            Toekomstplan.objects.filter(pk=plan.pk).update(**velden)
            _geschiedenis(
                plan, [("concept", "vastgesteld")], door=cjg.get(team.pk), begin=geopend, rol="cjg_medewerker"
            )
            gevuld += 1
    return gevuld
