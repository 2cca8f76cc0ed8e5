"""Builds the synthetic demo municipality: Oss in the Noordoost-Brabant region.

Deterministic: the same (seed, schaal, peildatum) always gives the same rows, in the same order.
Synthetic: every BSN passes the 11-proef and starts with 9; names are drawn from common-name lists.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import transaction

from django_otp.plugins.otp_totp.models import TOTPDevice

from jeugdhulp.aanbieders.models import Aanbieder, Contract, Product, Tarief
from jeugdhulp.accounts.models import User
from jeugdhulp.accounts.roles import Rol
from jeugdhulp.accounts.totp import DEMO_TOTP_KEY
from jeugdhulp.demo import gegevens as g
from jeugdhulp.demo.berichten import bouw_berichten
from jeugdhulp.demo.models import DemoBouw
from jeugdhulp.demo.monitor import bouw_monitor
from jeugdhulp.demo.socialekaart import bouw_sociale_kaart
from jeugdhulp.demo.toegang import bouw_toegang
from jeugdhulp.jeugdigen.models import Contact, Jeugdige, Relatie
from jeugdhulp.organisatie.models import Gemeente, Regio, Team, Verwijzer, Wijk
from jeugdhulp.toewijzingen.models import Toewijzing

DEMO_PASSWORD = "Demo-wachtwoord-2026"  # noqa: S105 — published demo credential, like the TOTP key


@dataclass(frozen=True)
class Schaal:
    naam: str
    jaren: int
    jeugdigen_oss: int  # youths with help in Oss over the period
    jeugdigen_overig: int | None  # per other gemeente; None = proportional to population, like Oss

    def aantal(self, gemeente_inwoners: int, oss_inwoners: int, spreiding: float = 1.0) -> int:
        """Proportional to the youth population, times a gemeente's own factor: in CBS figures the share of youths
        in care differs between neighbouring gemeenten by a few percentage points."""
        if self.jeugdigen_overig is None:
            return round(self.jeugdigen_oss * gemeente_inwoners / oss_inwoners * spreiding)
        return self.jeugdigen_overig


SCHALEN = {
    "klein": Schaal("klein", 3, 150, 6),  # for tests
    "gemeente": Schaal("gemeente", 3, 2500, None),  # the region too, so regional comparisons mean something
    "regio": Schaal("regio", 5, 9400, None),  # ~60,000 youths in 10 gemeenten over 5 years
}

DEMO_GEBRUIKERS = [
    # username, voornaam, achternaam, rol, scope
    ("cjg", "Sanne", "de Vries", Rol.CJG_MEDEWERKER, ("team", "0828", "CJG Oss-Noord")),
    ("cjg.maasland", "Koen", "Aarts", Rol.CJG_MEDEWERKER, ("team", "0828", "CJG Maasland")),
    ("jeugdconsulent", "Ilse", "Verhoeven", Rol.JEUGDCONSULENT, ("gemeente", "0828")),
    ("beleid", "Pieter", "van Loon", Rol.BELEIDSMEDEWERKER, ("gemeente", "0828")),
    ("aanbieder", "Hatice", "Demir", Rol.AANBIEDER_MEDEWERKER, ("aanbieder", 0)),
    ("beheerder", "Marloes", "Kuipers", Rol.FUNCTIONEEL_BEHEERDER, None),
    ("beheerder2", "Joost", "Smits", Rol.FUNCTIONEEL_BEHEERDER, None),  # the second pair of eyes (ADR 0016)
    ("auditor", "Ruud", "Hermans", Rol.AUDITOR, None),
    ("redacteur", "Fenna", "Brouwers", Rol.REDACTEUR, None),
]


class DemoAlGebouwd(Exception):
    pass


def maak_bsn(rng: random.Random, gezien: set[str]) -> str:
    """A synthetic BSN: starts with 9, passes the 11-proef, unique within the demo."""
    while True:
        digits = [9] + [rng.randrange(10) for _ in range(7)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        check = total % 11
        if check == 10:
            continue
        bsn = "".join(map(str, digits)) + str(check)
        if bsn not in gezien:
            gezien.add(bsn)
            return bsn


def _gewogen(rng: random.Random, items: list[tuple[object, float]]):
    return rng.choices([i for i, _w in items], weights=[w for _i, w in items])[0]


class Bouwer:
    def __init__(self, seed: int, schaal: str, peildatum: dt.date):
        self.seed = seed
        self.schaal = SCHALEN[schaal]
        self.peildatum = peildatum
        self.rng = random.Random(seed)
        self.bsns: set[str] = set()
        self.aantallen: dict[str, int] = {}

    # --- reference data ---------------------------------------------------------------------------------
    def bouw_organisatie(self) -> None:
        self.regio = Regio.objects.create(code="noordoost-brabant", naam="Noordoost-Brabant")
        self.gemeenten = [
            Gemeente.objects.create(cbs_code=code, naam=naam, regio=self.regio, inwoners_0_17=inw)
            for code, naam, inw in g.GEMEENTEN
        ]
        self.oss = self.gemeenten[0]
        self.teams: dict[tuple[str, str], Team] = {}
        self.wijken: dict[str, list[tuple[Wijk, list[str], float, Team]]] = {}
        for gemeente in self.gemeenten:
            Team.objects.create(
                gemeente=gemeente, naam=f"Backoffice Jeugd {gemeente.naam}", soort=Team.Soort.BACKOFFICE
            )
            wijken = []
            if gemeente is self.oss:
                for code, naam, kern, postcodes, aandeel, teamnaam in g.OSS_WIJKEN:
                    team = self.teams.get((gemeente.cbs_code, teamnaam))
                    if team is None:
                        team = Team.objects.create(gemeente=gemeente, naam=teamnaam)
                        self.teams[(gemeente.cbs_code, teamnaam)] = team
                    wijk = Wijk.objects.create(gemeente=gemeente, code=code, naam=naam, kern=kern)
                    team.wijken.add(wijk)
                    wijken.append((wijk, postcodes, aandeel, team))
            else:
                team = Team.objects.create(gemeente=gemeente, naam=f"CJG {gemeente.naam}")
                self.teams[(gemeente.cbs_code, team.naam)] = team
                wijk = Wijk.objects.create(gemeente=gemeente, code=f"WK{gemeente.cbs_code}00", naam=gemeente.naam)
                team.wijken.add(wijk)
                wijken.append((wijk, [f"5{self.rng.randrange(200, 299)}"], 1.0, team))
            self.wijken[gemeente.cbs_code] = wijken

    def bouw_verwijzers(self) -> None:
        self.verwijzers: dict[str, dict[str, list[Verwijzer]]] = {}
        for gemeente in self.gemeenten:
            per_type: dict[str, list[Verwijzer]] = {}

            def add(code: str, naam: str, agb: str = "", gemeente=gemeente, per_type=per_type) -> None:
                per_type.setdefault(code, []).append(
                    Verwijzer.objects.create(type=code, naam=naam, zorgverlenercode=agb, gemeente=gemeente)
                )

            add("01", f"CJG {gemeente.naam}")
            praktijken = g.HUISARTSPRAKTIJKEN if gemeente is self.oss else [f"Huisartsen {gemeente.naam}"]
            for naam in praktijken:
                add("02", naam, f"01{self.rng.randrange(10**6):06d}")
            add("03", "Jeugdgezondheidszorg Noordoost")
            add("04", "Gecertificeerde Instelling Brabant-Noord")
            add("05", "Kinderarts Ziekenhuis Maasland", f"03{self.rng.randrange(10**6):06d}")
            add("06", "")
            add("08", "Rechtbank Oost-Brabant")
            self.verwijzers[gemeente.cbs_code] = per_type

    def bouw_aanbieders(self) -> None:
        begin = dt.date(self.peildatum.year - self.schaal.jaren + 1, 1, 1)
        eind = dt.date(self.peildatum.year + 1, 12, 31)
        self.producten = [
            Product.objects.create(
                categorie=cat, code=code, omschrijving=oms, eenheid=eenheid, frequentie=freq, uitvoeringsvariant=variant
            )
            for cat, code, oms, eenheid, freq, variant, _tarief in g.PRODUCTEN
        ]
        basistarief = {code: tarief for _c, code, _o, _e, _f, _v, tarief in g.PRODUCTEN}
        self.aanbieders: list[Aanbieder] = []
        self.aanbod: dict[int, list[Aanbieder]] = {p.pk: [] for p in self.producten}
        agbs: set[str] = set()
        for i, naam in enumerate(g.AANBIEDERS):
            agb = f"98{self.rng.randrange(10**6):06d}"
            while agb in agbs:
                agb = f"98{self.rng.randrange(10**6):06d}"
            agbs.add(agb)
            aanbieder = Aanbieder.objects.create(
                agb_code=agb,
                naam=naam,
                plaats=self.rng.choice(["Oss", "'s-Hertogenbosch", "Uden", "Boxtel", "Cuijk", "Veghel"]),
            )
            self.aanbieders.append(aanbieder)
            contract = Contract.objects.create(
                aanbieder=aanbieder,
                regio=self.regio,
                kenmerk=f"NOB-JH-{begin.year}-{i + 1:03d}",
                begindatum=begin,
                einddatum=eind,
            )
            # Every product has at least two providers; each provider delivers 1-5 products.
            eigen = {self.producten[i % len(self.producten)], self.producten[(i + 7) % len(self.producten)]}
            eigen.update(self.rng.sample(self.producten, self.rng.randrange(0, 4)))
            for product in sorted(eigen, key=lambda p: p.pk):
                self.aanbod[product.pk].append(aanbieder)
                for jaar in range(begin.year, eind.year + 1):
                    index = 1.03 ** (jaar - begin.year)
                    Tarief.objects.create(
                        contract=contract,
                        product=product,
                        bedrag=round(basistarief[product.code] * index),
                        begindatum=dt.date(jaar, 1, 1),
                        einddatum=dt.date(jaar, 12, 31),
                    )

    # --- people -----------------------------------------------------------------------------------------
    def _naam(self, geslacht: str) -> tuple[str, str, str, str]:
        voornaam = self.rng.choice(g.VOORNAMEN_M if geslacht == "1" else g.VOORNAMEN_V)
        tweede = self.rng.choice(g.VOORNAMEN_M if geslacht == "1" else g.VOORNAMEN_V) if self.rng.random() < 0.5 else ""
        voorvoegsel, achternaam = self.rng.choice(g.ACHTERNAMEN)
        voornamen = f"{voornaam} {tweede}".strip()
        voorletters = "".join(f"{n[0]}." for n in voornamen.split())
        return voornamen, voorletters, voorvoegsel, achternaam

    def _jeugdigen(self, gemeente: Gemeente, aantal: int) -> Iterator[tuple[Jeugdige, list, list]]:
        wijken = self.wijken[gemeente.cbs_code]
        for _ in range(aantal):
            wijk, postcodes, _aandeel, team = _gewogen(self.rng, [(w, w[2]) for w in wijken])
            geslacht = _gewogen(self.rng, [("1", 0.56), ("2", 0.43), ("0", 0.01)])
            voornamen, voorletters, voorvoegsel, achternaam = self._naam(geslacht or "2")
            leeftijd_dagen = self.rng.randrange(180, 22 * 365)
            jeugdige = Jeugdige(
                gemeente=gemeente,
                bsn=maak_bsn(self.rng, self.bsns),
                geslachtsnaam=achternaam,
                voorvoegsel=voorvoegsel,
                voornamen=voornamen,
                voorletters=voorletters,
                naamgebruik="1",
                geboortedatum=self.peildatum - dt.timedelta(days=leeftijd_dagen),
                geslacht=geslacht,
                wijk=wijk,
                team=team,
            )
            straat = self.rng.choice(g.STRATEN)
            postcode = self.rng.choice(postcodes) + "".join(self.rng.choice("ABCDEGHJKLMNPRSTVWXZ") for _ in range(2))
            contacten = [
                Contact(
                    soort="01",
                    straatnaam=straat,
                    huisnummer=self.rng.randrange(1, 180),
                    huisletter=self.rng.choice(["", "", "", "A", "B"]),
                    postcode=postcode,
                    plaatsnaam=wijk.kern or gemeente.naam,
                    telefoon=f"06{self.rng.randrange(10**8):08d}",
                )
            ]
            relaties = self._relaties(achternaam, voorvoegsel, leeftijd_dagen // 365)
            yield jeugdige, relaties, contacten

    def _relatie(self, soort: str, geslacht: str, volgorde: int, **extra) -> Relatie:
        voornamen, voorletters, voorvoegsel, naam = self._naam(geslacht)
        velden = {
            "geslachtsnaam": naam,
            "voorvoegsel": voorvoegsel,
            "voornamen": voornamen.split()[0],
            "voorletters": voorletters,
            "geslacht": geslacht,
            "telefoon": f"06{self.rng.randrange(10**8):08d}",
        }
        velden.update(extra)
        return Relatie(soort=soort, volgorde=volgorde, **velden)

    def _relaties(self, achternaam: str, voorvoegsel: str, leeftijd: int) -> list[Relatie]:
        situatie = _gewogen(self.rng, [("twee_ouders", 0.55), ("een_ouder", 0.33), ("pleeg", 0.07), ("voogd", 0.05)])
        met_gezag = situatie in ("twee_ouders", "een_ouder")
        relaties = [self._relatie("10", "2", 1, gezagsdrager=met_gezag)]
        if self.rng.random() < 0.6:  # the mother often shares the child's surname
            relaties[0].geslachtsnaam, relaties[0].voorvoegsel = achternaam, voorvoegsel
        if situatie == "twee_ouders":
            relaties.append(self._relatie("10", "1", 2, gezagsdrager=True))
        if situatie == "pleeg":
            relaties.append(self._relatie("13", "2", 3))
        if situatie in ("pleeg", "voogd"):
            relaties.append(
                Relatie(
                    soort="11",
                    gezagsdrager=True,
                    geslachtsnaam="Gecertificeerde Instelling",
                    naamgebruik="6",
                    volgorde=4,
                )
            )
        if leeftijd >= 14 and self.rng.random() < 0.2:
            relaties.append(self._relatie("N1", self.rng.choice(["1", "2"]), 5))
        return relaties

    # --- care ---------------------------------------------------------------------------------------------
    def _toewijzingen(self, jeugdige: Jeugdige, gemeente: Gemeente, nummer: Iterator[int]) -> list[Toewijzing]:
        periode_dagen = self.schaal.jaren * 365
        aantal = _gewogen(self.rng, [(1, 0.6), (2, 0.3), (3, 0.1)])
        leeftijd_dagen = (self.peildatum - jeugdige.geboortedatum).days  # no care before a child is born
        start = self.peildatum - dt.timedelta(days=self.rng.randrange(3, max(4, min(periode_dagen, leeftijd_dagen))))
        product_gewicht = [
            (p, 6 if p.categorie in ("45", "54") else 2 if p.categorie in ("41", "44") else 1) for p in self.producten
        ]
        result = []
        for _ in range(aantal):
            if start > self.peildatum:
                break
            product = _gewogen(self.rng, product_gewicht)
            aanbieder = self.rng.choice(self.aanbod[product.pk])
            verwijzer_type = _gewogen(self.rng, g.VERWIJZER_MIX)
            verwijzer = self.rng.choice(self.verwijzers[gemeente.cbs_code][verwijzer_type])
            ingang = start + dt.timedelta(days=self.rng.randrange(0, 15))
            duur = self.rng.choice([91, 182, 365])
            einde = ingang + dt.timedelta(days=duur - 1)
            volume, budget = self._omvang(product)
            begindatum_zorg = einddatum_zorg = None
            reden = ""
            wacht = int(self.rng.expovariate(1 / 35))  # days from ingangsdatum to actual start
            if self.rng.random() < 0.92 and ingang + dt.timedelta(days=wacht) <= self.peildatum:
                begindatum_zorg = min(ingang + dt.timedelta(days=wacht), einde)
                if einde < self.peildatum:
                    voortijdig = self.rng.random() < 0.2
                    einddatum_zorg = (
                        begindatum_zorg
                        + dt.timedelta(days=self.rng.randrange(0, max(1, (einde - begindatum_zorg).days)))
                        if voortijdig
                        else einde
                    )
                    reden = self.rng.choice(["32", "33", "34", "35"]) if voortijdig else "31"
            result.append(
                Toewijzing(
                    gemeente=gemeente,
                    toewijzingnummer=next(nummer),
                    jeugdige=jeugdige,
                    aanbieder=aanbieder,
                    product=product,
                    verwijzer=verwijzer,
                    toewijzingsdatum=start,
                    ingangsdatum=ingang,
                    einddatum=einde,
                    volume=volume,
                    eenheid=product.eenheid if volume is not None else "",
                    frequentie=product.frequentie if volume is not None else "",
                    budget=budget,
                    begindatum_zorg=begindatum_zorg,
                    einddatum_zorg=einddatum_zorg,
                    reden_beeindiging=reden,
                )
            )
            start = einde + dt.timedelta(days=self.rng.randrange(1, 120))
        return result

    def _omvang(self, product: Product) -> tuple[int | None, int | None]:
        if product.eenheid == "83":  # Omvang in euro's (a product with a Code needs an Omvang, CD041; no Budget)
            return self.rng.randrange(50, 400) * 10, None
        per_eenheid = {"04": (1, 6), "16": (2, 8), "14": (20, 31), "82": (1, 2), "01": (60, 240), "84": (1, 10)}
        low, high = per_eenheid.get(product.eenheid, (1, 5))
        return self.rng.randrange(low, high + 1), None

    def _spreiding(self, gemeente: Gemeente) -> float:
        return 0.85 + 0.4 * random.Random(f"{self.seed}-{gemeente.cbs_code}").random()

    def bouw_jeugdigen(self) -> None:
        totaal_j = totaal_t = 0
        oss_inwoners = self.oss.inwoners_0_17
        for gemeente in self.gemeenten:
            aantal = (
                self.schaal.jeugdigen_oss
                if gemeente is self.oss
                else self.schaal.aantal(gemeente.inwoners_0_17, oss_inwoners, self._spreiding(gemeente))
            )
            nummer = iter(range(100001, 10**9))
            batch = list(self._jeugdigen(gemeente, aantal))
            Jeugdige.objects.bulk_create([j for j, _r, _c in batch], batch_size=2000)
            relaties, contacten, toewijzingen = [], [], []
            for jeugdige, rel, con in batch:
                for r in rel:
                    r.jeugdige = jeugdige
                for c in con:
                    c.jeugdige = jeugdige
                relaties.extend(rel)
                contacten.extend(con)
                toewijzingen.extend(self._toewijzingen(jeugdige, gemeente, nummer))
            Relatie.objects.bulk_create(relaties, batch_size=2000)
            Contact.objects.bulk_create(contacten, batch_size=2000)
            Toewijzing.objects.bulk_create(toewijzingen, batch_size=2000)
            totaal_j += len(batch)
            totaal_t += len(toewijzingen)
        self.aantallen.update(jeugdigen=totaal_j, toewijzingen=totaal_t)

    # --- staff ---------------------------------------------------------------------------------------------
    def bouw_gebruikers(self) -> None:
        from django.contrib.auth.hashers import make_password

        wachtwoord = make_password(DEMO_PASSWORD)  # hash once: argon2 is slow on purpose
        for username, voornaam, achternaam, rol, scope in DEMO_GEBRUIKERS:
            user = User(username=username, first_name=voornaam, last_name=achternaam, rol=rol, password=wachtwoord)
            if scope and scope[0] == "team":
                user.team = self.teams[(scope[1], scope[2])]
                user.gemeente = user.team.gemeente
            elif scope and scope[0] == "gemeente":
                user.gemeente = Gemeente.objects.get(cbs_code=scope[1])
            elif scope and scope[0] == "aanbieder":
                user.aanbieder = self.aanbieders[scope[1]]
            user.full_clean(exclude=["password"])
            user.save()
            TOTPDevice.objects.create(user=user, name="Demo-authenticator", key=DEMO_TOTP_KEY, confirmed=True)
        self.aantallen["gebruikers"] = len(DEMO_GEBRUIKERS)

    def bouw(self) -> DemoBouw:
        with transaction.atomic():
            self.bouw_organisatie()
            self.bouw_verwijzers()
            self.bouw_aanbieders()
            self.bouw_jeugdigen()
            self.bouw_gebruikers()
            self.aantallen.update(bouw_berichten(self))
            self.aantallen.update(bouw_sociale_kaart(self))
            self.aantallen.update(bouw_toegang(self))
            self.aantallen.update(bouw_monitor(self))
            self.aantallen["aanbieders"] = len(self.aanbieders)
            self.aantallen["gemeenten"] = len(self.gemeenten)
            return DemoBouw.objects.create(
                seed=self.seed, schaal=self.schaal.naam, peildatum=self.peildatum, aantallen=self.aantallen
            )


def bouw_demo(seed: int = 828, schaal: str = "gemeente", peildatum: dt.date | None = None) -> tuple[DemoBouw, bool]:
    """Build the demo once. Returns (marker, built_now). A database holding another demo raises DemoAlGebouwd."""
    bestaand = DemoBouw.objects.first()
    if bestaand is not None:
        if bestaand.seed != seed or bestaand.schaal != schaal or (peildatum and bestaand.peildatum != peildatum):
            raise DemoAlGebouwd(f"Deze database bevat al een demo ({bestaand}). Gebruik --reset om opnieuw te bouwen.")
        return bestaand, False
    if Gemeente.objects.exists():
        raise DemoAlGebouwd("Deze database bevat al echte gegevens; de demo wordt daar niet in gebouwd.")
    return Bouwer(seed, schaal, peildatum or dt.date.today()).bouw(), True
