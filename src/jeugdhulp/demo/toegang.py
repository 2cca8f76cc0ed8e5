"""Demo data for the access process: hulpvragen and casussen in every state, so a new user sees a living CJG.

Deterministic: its own seeded random and dates relative to the peildatum. Rows are created directly (not through
the services, which use today's date) in the states the transition tables allow.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from jeugdhulp.besluiten import termijnen
from jeugdhulp.besluiten.models import AangevraagdProduct, Aanvraag, Beschikking, Bezwaar, PgbBeoordeling
from jeugdhulp.besluiten.services import BEZWAARCLAUSULE
from jeugdhulp.casussen.models import (
    Casus,
    KortVerslag,
    Samenwerkingsplan,
    Veiligheidssignaal,
    Waakvlamcontact,
    Werkinstructie,
)
from jeugdhulp.hulpvragen.models import Hulpvraag
from jeugdhulp.hulpvragen.services import registreer
from jeugdhulp.jeugdigen.models import Jeugdige

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
]

HULPVRAGEN = [
    ("telefoon", "ouder", "Mijn zoon van 9 heeft veel driftbuien. Wij weten niet meer wat we moeten doen."),
    ("website", "jeugdige", "Ik voel me vaak somber en wil met iemand praten."),
    ("inloop", "ouder", "Wij gaan scheiden. Hoe vertellen we het de kinderen?"),
    ("vindplaats", "school", "Leerling verzuimt veel, ouders zijn moeilijk bereikbaar."),
    ("email", "huisarts", "Meisje van 15 met angstklachten, graag contact met het gezin."),
]


def bouw_toegang(bouwer) -> dict[str, int]:
    rng = random.Random(bouwer.seed * 5 + 5)
    peil = bouwer.peildatum
    oss = bouwer.oss
    for stap, titel, tekst in WERKINSTRUCTIES:
        Werkinstructie.objects.create(stap=stap, titel=titel, tekst=tekst)
    teams = [t for (code, _n), t in sorted(bouwer.teams.items()) if code == oss.cbs_code]
    casussen = hulpvragen = 0
    for team in teams:
        jeugdigen = list(Jeugdige.objects.filter(team=team).order_by("bsn")[:14])
        if len(jeugdigen) < 12:
            continue
        rng.shuffle(jeugdigen)
        # hulpvragen: new, in behandeling, handled lightly
        for i, (kanaal, vrager, vraag) in enumerate(HULPVRAGEN):
            ontvangen = timezone.make_aware(dt.datetime.combine(peil - dt.timedelta(days=i), dt.time(9 + i, 15)))
            h = registreer(
                gemeente=oss,
                team=team,
                vrager=vrager,
                kanaal=kanaal,
                vraag=vraag,
                ontvangen_op=ontvangen,
                naam=f"{bouwer._naam('2')[0]} {jeugdigen[i].geslachtsnaam}",
            )
            if i == 2:
                Hulpvraag.objects.filter(pk=h.pk).update(status=Hulpvraag.Status.IN_BEHANDELING)
            if i == 3:
                Hulpvraag.objects.filter(pk=h.pk).update(
                    status=Hulpvraag.Status.LICHT_AFGEHANDELD,
                    lichte_hulp="advies",
                    afhandeling="Besproken met school en ouders.",
                )
            hulpvragen += 1
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
                status=status,
                geopend_op=geopend,
                laatste_voortgang=peil - dt.timedelta(weeks=12)
                if n == 10
                else peil - dt.timedelta(days=rng.randrange(1, 30)),
                verwijzer_type=rng.choice(["01", "01", "02", "03", "06"]),
                regievorm="casusregie" if n % 3 == 0 else "zelfregie",
                regisseur="Sanne de Vries" if n % 3 == 0 else "",
            )
            casussen += 1
            casus.gesprekken.create(
                datum=geopend + dt.timedelta(days=3),
                deelnemers="Ouders, jeugdige, CJG",
                samenvatting="Kennismaking en vraagverheldering thuis.",
            )
            KortVerslag.objects.create(
                casus=casus,
                versie=1,
                vraag="Wat speelt er en wat wil het gezin bereiken.",
                afspraken="Samen een plan maken.",
                reactie_gezin="" if n % 4 else "Wij zien het anders: het probleem ligt ook bij school.",
                gezin_eens=bool(n % 4),
                akkoord_ouders=True,
                akkoord_jeugdige=True,
                gedeeld_op=geopend + dt.timedelta(days=7),
                aangemaakt=timezone.make_aware(dt.datetime.combine(geopend + dt.timedelta(days=7), dt.time(12))),
            )
            if n == 6:
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
                status=("opgeschort" if n == 3 else "ingediend") if open_ else "toegekend",
                opgeschort_op=ontvangen + dt.timedelta(days=3) if n == 3 else None,
                regie_tijdens_wachten="" if open_ else "CJG-medewerker",
                overbruggingszorg="" if open_ or n % 2 else "Wekelijks contact met het CJG",
            )
            AangevraagdProduct.objects.create(
                aanvraag=aanvraag,
                product=toewijzing.product,
                aanbieder=None if vorm == "pgb" else toewijzing.aanbieder,
                volume=toewijzing.volume,
                eenheid=toewijzing.eenheid,
                frequentie=toewijzing.frequentie,
                ingangsdatum=ontvangen,
                einddatum=ontvangen + dt.timedelta(days=364),
            )
            if open_:
                continue
            datum = ontvangen + dt.timedelta(days=rng.randrange(5, 30))
            beschikking = Beschikking.objects.create(
                aanvraag=aanvraag,
                gemeente=oss,
                beschikkingnummer=2026000 + aanvraag.pk,
                besluit="toegekend",
                motivering="De hulp past bij het samenwerkingsplan.",
                bezwaarclausule=BEZWAARCLAUSULE,
                datum=datum,
                ingangsdatum=ontvangen,
                einddatum=ontvangen + dt.timedelta(days=364),
                bezwaar_uiterlijk=termijnen.bezwaar_uiterlijk(datum),
            )
            if vorm == "zin":
                aanvraag.toewijzingen.add(toewijzing)
            else:
                PgbBeoordeling.objects.create(
                    aanvraag=aanvraag,
                    kan_beheren=True,
                    waarom_geen_zin="Vertrouwde begeleider uit het netwerk.",
                    kwaliteit_geborgd=True,
                    budgetplan_compleet=True,
                    tariefsoort="informeel",
                    uren_per_week=Decimal("4"),
                    uurtarief=1451,
                    budget=1451 * 4 * 52,
                )
                Bezwaar.objects.create(
                    beschikking=beschikking,
                    gemeente=oss,
                    ontvangen_op=datum + dt.timedelta(days=20),
                    gronden="Het aantal uren is te laag.",
                    beslis_uiterlijk=termijnen.beslis_op_bezwaar_uiterlijk(
                        beschikking.bezwaar_uiterlijk, datum + dt.timedelta(days=20), commissie=False
                    ),
                )
    return {"hulpvragen": hulpvragen, "casussen": casussen}
