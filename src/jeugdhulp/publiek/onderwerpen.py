"""The CJG's topics (onderwerpen): the taxonomy the public site is built around, and each topic's page.

Reference data every installation needs, not demo data: ``jeugdhulp onderwerpen`` (docs/operations.md) creates what
is missing and leaves alone what exists, so the redacteur's edits survive; the demo builds them the same way.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.db import transaction

from jeugdhulp.publiek.models import Pagina
from jeugdhulp.socialekaart.models import Taxonomie, Term

TAXONOMIE = "cjg-onderwerpen"

# code, naam, en, pl, zoekwoorden, ouders, jongeren, page text (B1)
ONDERWERPEN = [
    ("opvoeden", "Opvoeden", "Parenting", "Wychowanie", "opvoeding ouderschap grenzen driftbui slapen eten huilen",
     True, False, "Opvoeden is mooi, maar soms ook zwaar. Je kind huilt veel, slaapt slecht of luistert niet.\n\n"
     "Bij het CJG kun je met elke vraag over opvoeden terecht. We denken met je mee. Vaak helpt een paar "
     "gesprekken al."),
    ("opgroeien", "Opgroeien", "Growing up", "Dorastanie", "ontwikkeling puberteit vriendschap seksualiteit",
     True, True, "Opgroeien gaat niet altijd vanzelf. Denk aan vriendschap, verliefdheid, je lichaam of wie je "
     "bent.\n\nPraat erover met iemand die je vertrouwt, of met het CJG."),
    ("pesten", "Pesten", "Bullying", "Nękanie", "gepest buitengesloten uitgescholden cyberpesten online",
     True, True, "Word je gepest, of wordt je kind gepest? Dat is nooit je eigen schuld.\n\nPraat erover. Met je "
     "ouders, je mentor of met het CJG. Samen zoeken we wat helpt, thuis en op school."),
    ("scheiding", "Scheiding", "Divorce", "Rozwód", "scheiden uit elkaar omgangsregeling ouderschapsplan ruzie",
     True, True, "Gaan jullie uit elkaar? Dat is voor ouders en kinderen een grote verandering.\n\n"
     "Met 'Scheiden zonder schade' helpen we ouders om het goed te regelen voor de kinderen."),
    ("school", "School", "School", "Szkoła", "schoolverzuim leren huiswerk thuiszitten passend onderwijs",
     True, True, "Gaat het niet goed op school? Je kind wil niet meer, of leren gaat moeilijk.\n\nHet CJG werkt "
     "samen met de scholen in Oss. Elke school heeft een vaste contactpersoon bij het CJG."),
    ("mentale-gezondheid", "Je goed voelen", "Mental health", "Zdrowie psychiczne",
     "somber depressie angst stress piekeren zelfbeeld eenzaam psychisch", True, True,
     "Voel je je vaak somber, angstig of gestrest? Je bent niet de enige.\n\nPraat erover. Denk je aan "
     "zelfdoding? Bel of chat met 113, gratis en anoniem: 0800-0113."),
    ("geldzorgen", "Geldzorgen", "Money worries", "Problemy finansowe", "schulden geld rondkomen armoede toeslag",
     True, True, "Geldzorgen geven stress in het hele gezin.\n\nEr is hulp: van het invullen van formulieren tot "
     "een regeling voor schulden. Ook voor jongeren met schulden."),
    ("verslaving", "Alcohol en drugs", "Alcohol and drugs", "Alkohol i narkotyki",
     "verslaafd blowen drinken gamen gokken middelengebruik", True, True,
     "Maak je je zorgen over drinken, blowen of gamen? Van jezelf of van je kind?\n\nJe kunt anoniem advies "
     "krijgen. Het CJG helpt je de juiste hulp te vinden."),
    ("huiselijk-geweld", "Huiselijk geweld", "Domestic violence", "Przemoc domowa",
     "mishandeling geweld onveilig thuis kindermishandeling", True, True,
     "Is het thuis niet veilig? Bel bij direct gevaar 112.\n\nBel Veilig Thuis voor advies of een melding: "
     "0800-2000, gratis en dag en nacht."),
    ("18-worden", "18 worden", "Turning 18", "Osiemnastka", "volwassen zorgverzekering studiefinanciering wonen",
     False, True, "Als je 18 wordt, verandert er veel. Je regelt zelf je zorgverzekering, geld en wonen.\n\n"
     "Krijg je jeugdhulp? Dan maken we op tijd samen een plan voor na je 18e."),
]  # fmt: skip


@transaction.atomic
def zorg_voor_onderwerpen(nieuw_id: Callable[[], uuid.UUID] = uuid.uuid4) -> tuple[dict[str, Term], int]:
    """The topic taxonomy and its terms, creating what is missing; returns the terms by code and how many are new."""
    taxonomie = Taxonomie.objects.filter(code=TAXONOMIE).first()
    if taxonomie is None:
        taxonomie = Taxonomie.objects.create(
            id=nieuw_id(),
            code=TAXONOMIE,
            naam="Onderwerpen CJG Oss",
            omschrijving="Onderwerpen waarmee ouders en jongeren bij het Centrum Jeugd en Gezin Oss komen.",
            versie="2026",
        )
    bestaand = {term.code: term for term in taxonomie.termen.all()}
    termen, nieuw = {}, 0
    for i, (code, naam, en, pl, zoekwoorden, ouders, jongeren, _tekst) in enumerate(ONDERWERPEN):
        if code in bestaand:
            termen[code] = bestaand[code]
            continue
        termen[code] = Term.objects.create(
            id=nieuw_id(),
            taxonomie=taxonomie,
            code=code,
            naam=naam,
            naam_en=en,
            naam_pl=pl,
            omschrijving=naam,
            zoekwoorden=zoekwoorden,
            volgorde=i,
            voor_ouders=ouders,
            voor_jongeren=jongeren,
        )
        nieuw += 1
    return termen, nieuw


@transaction.atomic
def zorg_voor_paginas() -> int:
    """Each topic's page in Dutch, English and Polish, where it does not exist yet; returns how many are new."""
    nieuw = 0
    for code, naam, en, pl, _z, _o, _j, tekst in ONDERWERPEN:
        paginas = {
            "nl": {"titel": naam, "samenvatting": tekst.split("\n\n")[0], "tekst": tekst},
            "en": {
                "titel": en,
                "samenvatting": f"Questions about {en.lower()}? The CJG helps, free of charge.",
                "tekst": f"Questions about {en.lower()}? You can always contact the Centrum Jeugd en Gezin (CJG).\n\n"
                "Call 0412-795000, come to the walk-in hours or fill in the online form.",
            },
            "pl": {
                "titel": pl,
                "samenvatting": f"{pl}: masz pytanie? CJG pomaga bezpłatnie.",
                "tekst": "Masz pytanie? Zawsze możesz skontaktować się z Centrum Jeugd en Gezin (CJG).\n\n"
                "Zadzwoń pod numer 0412-795000, przyjdź bez umawiania się lub wypełnij formularz online.",
            },
        }
        for taal, velden in paginas.items():
            _pagina, gemaakt = Pagina.objects.get_or_create(slug=code, taal=taal, defaults=velden)
            nieuw += gemaakt
    return nieuw
