"""The demo sociale kaart of Oss: the CJG's own offer, the vindplaatsen per kern, the general facilities and the
contracted aanbieders, plus the public site's topic pages and the professionals' event calendar.

Kinds of places and the kernen/wijken are real; names of schools, practices, clubs and people are synthetic.
National numbers (112, Veilig Thuis, Kindertelefoon, 113) are the real public ones. Deterministic: its own random
stream derived from the demo seed, and UUIDs drawn from it, so the main demo stays byte-identical.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

from jeugdhulp.publiek.models import Bijeenkomst
from jeugdhulp.publiek.onderwerpen import zorg_voor_onderwerpen, zorg_voor_paginas
from jeugdhulp.socialekaart import search
from jeugdhulp.socialekaart.models import (
    Contactpersoon,
    Dienst,
    DienstLocatie,
    Locatie,
    Openingstijd,
    Organisatie,
    Soort,
    Telefoonnummer,
    Toegang,
    Vindplaats,
    Werkgebied,
)

WIJK_KORT = {
    "Centrum": "Centrum",
    "Ruwaard": "Ruwaard",
    "Schadewijk": "Schadewijk",
    "Ussen": "Ussen",
    "Krinkelhoek en Mettegeupel": "Krinkelhoek",
    "Vijfhoek en Oss-West": "Oss-West",
}

# (CJG team, kern of the location, street) — the inloop locations
CJG_LOCATIES = [
    ("CJG Oss-Noord", "Oss", "Raadhuislaan 10", "5341 GM"),
    ("CJG Oss-Zuid", "Oss", "Kruisstraat 45", "5345 LB"),
    ("CJG Maasland", "Lith", "Kerkstraat 8", "5396 BA"),
    ("CJG Maasdonk", "Nuland", "Dorpsstraat 21", "5391 AE"),
]

CJG_DIENSTEN = [
    # naam, omschrijving, onderwerpen, min, max
    ("Opvoedadvies van het CJG", "Gratis gesprekken over opvoeden: slapen, eten, driftbuien, grenzen stellen. "
     "Thuis, op het CJG of online.", ["opvoeden", "opgroeien"], 0, 18),
    ("Hulp bij pesten", "Wordt je kind gepest, of word je zelf gepest? Een CJG-medewerker praat met jou en je "
     "ouders en zoekt samen met school naar een oplossing.", ["pesten", "school"], 4, 18),
    ("Scheiden zonder schade", "Voor ouders die uit elkaar gaan: samen afspraken maken over de kinderen, met "
     "gesprekken en de training 'Kinderen uit de knel'.", ["scheiding"], 0, 18),
    ("Jongerencoach CJG", "Praten met een coach over school, thuis, vrienden of hoe je je voelt. Je mag zelf "
     "bellen of appen, ook zonder je ouders.", ["opgroeien", "mentale-gezondheid", "school"], 12, 23),
    ("CJG op school", "Spreekuur van het CJG op de basisscholen en middelbare scholen in Oss. Voor leerlingen, "
     "ouders en leerkrachten.", ["school", "pesten"], 4, 18),
    ("Hulp bij 18 worden", "Samen regelen wat verandert als je 18 wordt: geld, zorgverzekering, wonen en "
     "doorlopende hulp.", ["18-worden", "geldzorgen"], 16, 23),
    ("Vraagverheldering en jeugdhulp aanvragen", "Is er meer hulp nodig? Het CJG kijkt samen met jullie wat nodig "
     "is en regelt de verwijzing of de aanvraag voor jeugdhulp.", ["opvoeden", "mentale-gezondheid"], 0, 23),
]  # fmt: skip

VOORZIENINGEN = [
    # organisatie, dienst, omschrijving, onderwerpen, telefoon, min, max
    ("Veilig Thuis Brabant Noordoost", "Advies en melding bij huiselijk geweld",
     "Gratis advies of een melding bij zorgen over huiselijk geweld of kindermishandeling. Dag en nacht.",
     ["huiselijk-geweld"], "0800-2000", None, None),
    ("De Kindertelefoon", "Bellen of chatten met de Kindertelefoon",
     "Voor alle kinderen en jongeren tot 18 jaar. Anoniem en gratis.", ["pesten", "mentale-gezondheid",
     "huiselijk-geweld", "opgroeien"], "0800-0432", 8, 18),
    ("113 Zelfmoordpreventie", "Praten over zelfdoding", "Gratis en anoniem bellen of chatten, dag en nacht.",
     ["mentale-gezondheid"], "0800-0113", 12, None),
    ("MEE cliëntondersteuning", "Onafhankelijke cliëntondersteuning", "Een cliëntondersteuner helpt je gratis bij "
     "gesprekken met het CJG of de gemeente. Onafhankelijk.", ["opvoeden", "18-worden"], "0412-123450", None, None),
    ("AKJ vertrouwenspersoon jeugd", "Vertrouwenspersoon jeugdhulp", "Heb je een vraag of klacht over je "
     "jeugdhulp? De vertrouwenspersoon van het AKJ helpt je, gratis.", ["opgroeien", "18-worden"], "088-5551000",
     None, None),
    ("Schuldhulp Oss", "Hulp bij geldzorgen en schulden", "Gratis hulp bij rondkomen, formulieren en schulden. "
     "Ook voor jongeren vanaf 18 jaar.", ["geldzorgen", "18-worden"], "0412-629911", 18, None),
    ("Verslavingszorg Jong Brabant", "Anoniem advies over alcohol, drugs en gamen", "Voor jongeren en ouders: "
     "anoniem advies en korte hulp bij blowen, drinken, gamen of gokken.", ["verslaving"], "088-5550700", 12, 23),
    ("Stichting Schuldenvrij Jong", "Budgetcoach voor jongeren", "Een vrijwillige budgetcoach helpt je je geld "
     "op orde te krijgen.", ["geldzorgen", "18-worden"], "0412-555310", 16, 23),
]  # fmt: skip

SCHOLEN_PO = ["De Regenboog", "Het Palet", "De Wegwijzer", "De Klimop", "Kindcentrum De Horizon", "De Kameleon",
              "De Vlindertuin", "Sint-Jozef", "De Zonnewijzer", "De Linde", "Het Kompas", "De Vuurvogel"]  # fmt: skip
SCHOLEN_VO = ["Maaskant College", "Scholengemeenschap Oss-Noord", "Praktijkschool De Brug", "Lyceum Ruwaard"]
KINDEROPVANG = ["Kinderopvang Dikkertje Dap", "Kinderdagverblijf De Boefjes", "BSO Het Speelpaleis",
                "Peuterspeelzaal Ukkepuk", "Gastouderbureau Maasland"]  # fmt: skip
VERENIGINGEN = ["Voetbalvereniging OSC", "Turnvereniging Maasland", "Scouting Sint-Joris", "Muziekvereniging Harmonie",
                "Zwemclub De Dolfijn", "Hockeyclub Oss"]  # fmt: skip
VOORNAMEN = ["Anouk", "Bas", "Carlijn", "Dirk", "Esra", "Frank", "Gerda", "Hamid", "Inge", "Joost", "Kim", "Linda"]
ACHTERNAMEN = ["van Dinther", "Bosch", "Coppens", "de Laat", "Ermens", "Franken", "van Gerwen", "Habets"]

PRODUCT_ONDERWERPEN = {
    "45": ["opvoeden", "opgroeien"],
    "54": ["mentale-gezondheid"],
    "41": ["opvoeden", "school"],
    "43": ["opvoeden"],
    "44": ["opvoeden"],  # only Begeleid wonen 16+ (44A04) is also about turning 18: see bouw_aanbieders
    "46": ["huiselijk-geweld", "mentale-gezondheid"],
    "47": ["opgroeien"],
    "48": ["huiselijk-geweld"],
    "40": ["opvoeden"],
    "42": ["opvoeden"],
    "50": ["opvoeden"],
}

BIJEENKOMSTEN = [
    ("Leertafel Onderwijszorgarrangementen (OZA)", Bijeenkomst.Soort.LEERTAFEL, 14, "CJG Oss-Noord, Raadhuislaan 10"),
    ("Themabijeenkomst Handelingsgericht arrangeren", Bijeenkomst.Soort.THEMABIJEENKOMST, 30, "Bibliotheek Oss"),
    ("Webinar: pesten signaleren in de klas", Bijeenkomst.Soort.WEBINAR, 9, "Online"),
    ("Leertafel De Samenwerkwijze in de praktijk", Bijeenkomst.Soort.LEERTAFEL, 45, "CJG Maasland, Lith"),
    ("Webinar: verwijzen naar het CJG voor huisartsen en POH-GGZ", Bijeenkomst.Soort.WEBINAR, 60, "Online"),
]


class SocialeKaartBouwer:
    def __init__(self, bouwer):
        self.b = bouwer
        self.rng = random.Random(f"{bouwer.seed}-socialekaart")
        self.oss = bouwer.oss
        self.peildatum = bouwer.peildatum
        self.wijken = [w for w, _pc, _a, _t in bouwer.wijken[self.oss.cbs_code]]
        self.aantal_diensten = 0

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def gecontroleerd(self) -> dt.date:
        """Most entries checked recently; about one in eight is older than six months (the freshness queue)."""
        dagen = self.rng.randrange(190, 420) if self.rng.random() < 0.125 else self.rng.randrange(0, 170)
        return self.peildatum - dt.timedelta(days=dagen)

    def telefoon(self) -> str:
        return f"0412-{self.rng.randrange(200000, 899999)}"

    def organisatie(self, naam: str, soort: str, omschrijving: str, vindplaats: str = "", **extra) -> Organisatie:
        return Organisatie.objects.create(
            id=self.uuid(),
            gemeente=self.oss,
            naam=naam,
            soort=soort,
            vindplaats=vindplaats,
            omschrijving=omschrijving,
            laatst_gecontroleerd=self.gecontroleerd(),
            **extra,
        )

    def locatie(self, org: Organisatie, naam: str, wijk, straat: str = "", postcode: str = "") -> Locatie:
        return Locatie.objects.create(
            id=self.uuid(),
            organisatie=org,
            naam=naam,
            straat=straat
            or f"{self.rng.choice(['Kerkstraat', 'Molenstraat', 'Schoolstraat', 'Lindenlaan'])} "
            f"{self.rng.randrange(1, 120)}",
            postcode=postcode
            or f"{self.rng.randrange(5340, 5399)} {self.rng.choice('ABCDEGHJKL')}{self.rng.choice('ABCDEGHJKL')}",
            plaats=wijk.kern or "Oss",
            wijk=wijk,
        )

    def dienst(self, org, naam, omschrijving, onderwerpen, *, locaties=(), wijken=(), **velden) -> Dienst:
        dienst = Dienst.objects.create(
            id=self.uuid(),
            organisatie=org,
            naam=naam,
            omschrijving=omschrijving,
            laatst_gecontroleerd=org.laatst_gecontroleerd,
            gecontroleerd_door=org.email,
            **velden,
        )
        for locatie in locaties:
            DienstLocatie.objects.create(id=self.uuid(), dienst=dienst, locatie=locatie)
        for wijk in wijken:
            Werkgebied.objects.create(id=self.uuid(), dienst=dienst, wijk=wijk)
        dienst.termen.set([self.termen[c] for c in onderwerpen])
        self.aantal_diensten += 1
        return dienst

    def persoon(self) -> str:
        return f"{self.rng.choice(VOORNAMEN)} {self.rng.choice(ACHTERNAMEN)}"

    # ------------------------------------------------------------------------------------------------------------
    def bouw_taxonomie(self) -> None:
        self.termen, _nieuw = zorg_voor_onderwerpen(nieuw_id=self.uuid)

    def bouw_cjg(self) -> None:
        cjg = self.organisatie(
            "Centrum Jeugd en Gezin Oss",
            Soort.CJG,
            "Voor alle vragen over opvoeden en opgroeien, van 0 tot 23 jaar. Gratis en dichtbij, in elke kern.",
            alternatieve_naam="CJG Oss",
            email="info@cjg-oss.example",
            website="https://cjg-oss.example",
        )
        cjg.laatst_gecontroleerd = self.peildatum
        cjg.save(update_fields=["laatst_gecontroleerd"])
        Telefoonnummer.objects.create(
            id=self.uuid(), organisatie=cjg, nummer="0412-795000", omschrijving="Maandag t/m vrijdag 8.30–17.00 uur"
        )
        Telefoonnummer.objects.create(
            id=self.uuid(), organisatie=cjg, nummer="06-12345678", type="text", omschrijving="App voor jongeren"
        )
        Telefoonnummer.objects.create(  # synthetic, like the CJG's own numbers; the folder and contact page give it
            id=self.uuid(), organisatie=cjg, nummer="0412-795099",
            omschrijving="Crisisdienst jeugd: 's avonds, 's nachts en in het weekend",
        )  # fmt: skip
        self.cjg = cjg
        self.cjg_locaties = []
        for teamnaam, kern, straat, postcode in CJG_LOCATIES:
            wijk = next(w for w in self.wijken if w.kern == kern)
            loc = self.locatie(cjg, teamnaam, wijk, straat, postcode)
            for dagen, van, tot in (("MO,TU,WE,TH,FR", "08:30", "17:00"), ("WE", "13:30", "16:00")):
                Openingstijd.objects.create(
                    id=self.uuid(),
                    locatie=loc,
                    dagen=dagen,
                    open_van=dt.time.fromisoformat(van),
                    open_tot=dt.time.fromisoformat(tot),
                    omschrijving="Inloopspreekuur, zonder afspraak" if dagen == "WE" else "Open",
                )
            self.cjg_locaties.append(loc)
        self.cjg_contacten = [
            Contactpersoon.objects.create(
                id=self.uuid(), organisatie=cjg, naam=self.persoon(), functie=f"Schoolcontact {teamnaam}",
                email=f"{teamnaam.lower().replace(' ', '.').replace('cjg.', 'cjg-')}@cjg-oss.example",
            )
            for teamnaam, *_ in CJG_LOCATIES
        ]  # fmt: skip
        for contact in self.cjg_contacten:
            Telefoonnummer.objects.create(id=self.uuid(), contactpersoon=contact, nummer=self.telefoon())
        for naam, omschrijving, onderwerpen, van, tot in CJG_DIENSTEN:
            dienst = self.dienst(
                cjg, naam, omschrijving, onderwerpen, locaties=self.cjg_locaties, min_leeftijd=van, max_leeftijd=tot,
                aanmelden="Bel 0412-795000, kom naar het inloopspreekuur of vul het online formulier in.",
                kosten="Gratis", toegang=Toegang.VRIJ, email=cjg.email, url=cjg.website,
            )  # fmt: skip
            dienst.laatst_gecontroleerd = self.peildatum
            dienst.save(update_fields=["laatst_gecontroleerd"])

    def _cjg_contact(self, wijk) -> Contactpersoon:
        for i, (teamnaam, *_rest) in enumerate(CJG_LOCATIES):
            if any(t.naam == teamnaam for t in wijk.teams.all()):
                return self.cjg_contacten[i]
        return self.cjg_contacten[0]

    def bouw_vindplaatsen(self) -> None:
        def vindplaats(naam, soort, omschrijving, wijk, dienst_naam, dienst_tekst, onderwerpen, van, tot):
            org = self.organisatie(
                naam, Soort.VINDPLAATS, omschrijving, soort, cjg_contact=self._cjg_contact(wijk),
                email=f"info@{naam.lower().replace(' ', '').replace('-', '')[:20]}.example",
            )  # fmt: skip
            loc = self.locatie(org, naam, wijk)
            Telefoonnummer.objects.create(id=self.uuid(), organisatie=org, nummer=self.telefoon())
            self.dienst(
                org, dienst_naam, dienst_tekst, onderwerpen, locaties=[loc], wijken=[wijk], min_leeftijd=van,
                max_leeftijd=tot, toegang=Toegang.VRIJ, kosten="Gratis",
            )  # fmt: skip

        kernen = {}
        for wijk in self.wijken:
            kernen.setdefault(wijk.kern, []).append(wijk)
        for kern, wijken in kernen.items():
            wijk = wijken[0]
            vindplaats(f"Consultatiebureau {kern}", Vindplaats.CONSULTATIEBUREAU, "Jeugdgezondheidszorg (GGD).",
                       wijk, f"Consultatiebureau {kern}", "Groei, voeding, slapen en vaccinaties van je baby en "
                       "peuter. Met vragen over opvoeden kun je hier ook terecht.", ["opvoeden"], 0, 4)  # fmt: skip
        for i, naam in enumerate(SCHOLEN_PO):
            wijk = self.wijken[i % len(self.wijken)]
            vindplaats(f"Basisschool {naam}", Vindplaats.BASISSCHOOL, "Basisschool.", wijk, f"Intern begeleider "
                       f"{naam}", "De intern begeleider denkt mee bij zorgen over leren, gedrag of pesten, samen "
                       "met het CJG.", ["school", "pesten"], 4, 12)  # fmt: skip
        for i, naam in enumerate(SCHOLEN_VO):
            wijk = self.wijken[(i * 3) % 6]  # the secondary schools are in the town of Oss
            vindplaats(naam, Vindplaats.VOORTGEZET_ONDERWIJS, "Voortgezet onderwijs.", wijk,
                       f"Zorgcoördinator {naam}",
                       "De zorgcoördinator en de mentor helpen bij zorgen over school, pesten of thuis. Het CJG "
                       "heeft een spreekuur op school.",
                       ["school", "pesten", "mentale-gezondheid"], 12, 18)  # fmt: skip
        for i, naam in enumerate(KINDEROPVANG):
            wijk = self.wijken[(i * 2) % len(self.wijken)]
            vindplaats(
                naam,
                Vindplaats.KINDEROPVANG,
                "Kinderopvang.",
                wijk,
                f"Pedagogisch advies {naam}",
                "De pedagogisch medewerkers signaleren en denken mee over opvoeden.",
                ["opvoeden"],
                0,
                12,
            )
        for i, naam in enumerate(self.b_huisartsen()):
            wijk = self.wijken[(i * 2) % len(self.wijken)]
            vindplaats(naam, Vindplaats.HUISARTS, "Huisartsenpraktijk.", wijk, f"POH-GGZ jeugd {naam}",
                       "De praktijkondersteuner GGZ jeugd praat met kinderen en jongeren die somber, angstig of "
                       "gestrest zijn. Via je huisarts.", ["mentale-gezondheid"], 4, 18)  # fmt: skip
        for kern in ("Oss", "Berghem", "Lith", "Ravenstein", "Nuland"):
            wijk = kernen[kern][0]
            vindplaats(f"Jongerenwerk {kern}", Vindplaats.JONGERENWERK, "Jongerenwerk.", wijk, f"Jongerenwerk {kern}",
                       "Jongerenwerkers zijn in de wijk en op het jongerencentrum. Je kunt er chillen, meedoen en "
                       "praten over wat je bezighoudt, ook over pesten, blowen of thuis.",
                       ["opgroeien", "verslaving", "pesten"], 12, 23)  # fmt: skip
        for i, naam in enumerate(VERENIGINGEN):
            wijk = self.wijken[(i * 5) % len(self.wijken)]
            vindplaats(naam, Vindplaats.VERENIGING, "Vereniging.", wijk, f"Vertrouwenscontactpersoon {naam}",
                       "Bij de vereniging is een vertrouwenscontactpersoon voor kinderen en ouders, bijvoorbeeld bij "
                       "pesten.", ["pesten", "opgroeien"], 6, 18)  # fmt: skip
        vindplaats("Bibliotheek Oss", Vindplaats.BIBLIOTHEEK, "Openbare bibliotheek.", kernen["Oss"][0],
                   "Opvoedspreekuur in de bibliotheek", "Elke maand een inloopspreekuur van het CJG in de "
                   "bibliotheek, en boeken over opvoeden en opgroeien.", ["opvoeden", "opgroeien"], 0, 18)  # fmt: skip

    def b_huisartsen(self) -> list[str]:
        from jeugdhulp.demo import gegevens as g

        return g.HUISARTSPRAKTIJKEN

    def bouw_voorzieningen(self) -> None:
        for naam, dienst_naam, omschrijving, onderwerpen, telefoon, van, tot in VOORZIENINGEN:
            org = self.organisatie(naam, Soort.VOORZIENING, omschrijving)
            Telefoonnummer.objects.create(id=self.uuid(), organisatie=org, nummer=telefoon)
            dienst = self.dienst(
                org, dienst_naam, omschrijving, onderwerpen, min_leeftijd=van, max_leeftijd=tot,
                toegang=Toegang.VRIJ, kosten="Gratis",
            )  # fmt: skip
            Telefoonnummer.objects.create(id=self.uuid(), dienst=dienst, nummer=telefoon)

    def bouw_aanbieders(self) -> None:
        aanbod: dict[int, list] = {}
        for product in self.b.producten:
            for aanbieder in self.b.aanbod[product.pk]:
                aanbod.setdefault(aanbieder.pk, []).append(product)
        for aanbieder in self.b.aanbieders:
            org = self.organisatie(
                aanbieder.naam, Soort.AANBIEDER, f"Gecontracteerde jeugdhulpaanbieder uit {aanbieder.plaats}.",
                aanbieder=aanbieder, email=f"aanmelden@{aanbieder.naam.lower().replace(' ', '')[:20]}.example",
            )  # fmt: skip
            Telefoonnummer.objects.create(id=self.uuid(), organisatie=org, nummer=self.telefoon())
            for product in aanbod.get(aanbieder.pk, []):
                zwaar = product.categorie in {"43", "44", "46", "47", "48"}
                dienst = self.dienst(
                    org, f"{product.omschrijving} — {aanbieder.naam}",
                    f"{product.omschrijving} door {aanbieder.naam}. Jeugdhulp die het CJG of je huisarts met je "
                    "regelt.", PRODUCT_ONDERWERPEN.get(product.categorie, ["opvoeden"])
                    + (["18-worden"] if product.code == "44A04" else []),
                    min_leeftijd=16 if product.code == "44A04" else 0, max_leeftijd=18 if zwaar else 23,
                    toegang=Toegang.BESCHIKKING if zwaar else Toegang.VERWIJZING, product=product,
                    aanmelden="Via het CJG, je huisarts, de jeugdarts of een medisch specialist.",
                    kosten="Gratis: de gemeente betaalt.",
                )  # fmt: skip
                if self.rng.random() < 0.6:  # the beschikbaarheidswijzer will replace these later
                    dienst.wachttijd_weken = self.rng.randrange(2, 16)
                    dienst.wachttijd_bron = "redactie"
                    dienst.wachttijd_peildatum = self.peildatum - dt.timedelta(days=self.rng.randrange(0, 30))
                    dienst.save()

    def bouw_paginas(self) -> None:
        zorg_voor_paginas()

    def bouw_bijeenkomsten(self) -> None:
        for titel, soort, over, plaats in BIJEENKOMSTEN:
            begin = dt.datetime.combine(self.peildatum + dt.timedelta(days=over), dt.time(15, 30), dt.UTC)
            Bijeenkomst.objects.create(
                titel=titel,
                soort=soort,
                begint_op=begin,
                eindigt_op=begin + dt.timedelta(hours=2),
                plaats=plaats,
                omschrijving="Voor leerkrachten, intern begeleiders, pedagogisch medewerkers, huisartsen en "
                "andere professionals in Oss. Samen met het CJG leren we van echte situaties.",
                aanmelden="professionals@cjg-oss.example",
            )

    def bouw(self) -> dict[str, int]:
        self.bouw_taxonomie()
        self.bouw_cjg()
        self.bouw_vindplaatsen()
        self.bouw_voorzieningen()
        self.bouw_aanbieders()
        self.bouw_paginas()
        self.bouw_bijeenkomsten()
        search.herindexeer(Dienst.objects.all())
        return {
            "sociale_kaart_organisaties": Organisatie.objects.count(),
            "sociale_kaart_diensten": self.aantal_diensten,
        }


def bouw_sociale_kaart(bouwer) -> dict[str, int]:
    return SocialeKaartBouwer(bouwer).bouw()
