"""Factories and a small, realistic sociale kaart for the socialekaart, publiek and browser tests."""

import datetime as dt

from django.utils import timezone

import factory

from jeugdhulp.organisatie.models import Gemeente, Team, Wijk
from jeugdhulp.socialekaart.models import (
    Dienst,
    Locatie,
    Openingstijd,
    Organisatie,
    Soort,
    Taxonomie,
    Telefoonnummer,
    Term,
    Toegang,
    Werkgebied,
)
from tests import factories as f


class TaxonomieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Taxonomie
        django_get_or_create = ("code",)

    code = "cjg-onderwerpen"
    naam = "Onderwerpen CJG Oss"
    omschrijving = "Onderwerpen"


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Term

    taxonomie = factory.SubFactory(TaxonomieFactory)
    code = factory.Sequence(lambda n: f"onderwerp-{n}")
    naam = factory.Sequence(lambda n: f"Onderwerp {n}")
    omschrijving = "Een onderwerp"


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie

    gemeente = factory.LazyFunction(lambda: Gemeente.objects.get(cbs_code="0828"))
    naam = factory.Sequence(lambda n: f"Organisatie {n}")
    omschrijving = "Een organisatie in Oss."
    soort = Soort.VOORZIENING
    laatst_gecontroleerd = factory.LazyFunction(timezone.localdate)


class DienstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dienst

    organisatie = factory.SubFactory(OrganisatieFactory)
    naam = factory.Sequence(lambda n: f"Dienst {n}")
    omschrijving = "Hulp voor gezinnen."
    laatst_gecontroleerd = factory.LazyFunction(timezone.localdate)


def bouw_kaart() -> dict:
    """Oss with two wijken, the CJG with its anti-bullying help, a youth line, a referral-only service, a stale one."""
    oss = Gemeente.objects.filter(cbs_code="0828").first() or f.GemeenteFactory(cbs_code="0828", naam="Oss")
    ruwaard = Wijk.objects.create(gemeente=oss, code="WK082801", naam="Ruwaard", kern="Oss")
    lith = Wijk.objects.create(gemeente=oss, code="WK082810", naam="Lith en Oijen", kern="Lith")
    team = Team.objects.filter(gemeente=oss, naam="CJG Oss-Noord").first() or Team.objects.create(
        gemeente=oss, naam="CJG Oss-Noord"
    )
    team.wijken.add(ruwaard)
    pesten = TermFactory(code="pesten", naam="Pesten", naam_en="Bullying", zoekwoorden="gepest cyberpesten")
    scheiding = TermFactory(code="scheiding", naam="Scheiding", zoekwoorden="scheiden uit elkaar")
    cjg = OrganisatieFactory(naam="Centrum Jeugd en Gezin Oss", soort=Soort.CJG, email="info@cjg-oss.example")
    Telefoonnummer.objects.create(organisatie=cjg, nummer="0412-795000", omschrijving="Op werkdagen")
    Telefoonnummer.objects.create(
        organisatie=cjg, nummer="0412-795099", omschrijving="Crisisdienst jeugd: 's avonds, 's nachts en in het weekend"
    )
    locatie = Locatie.objects.create(
        organisatie=cjg, naam="CJG Oss-Noord", straat="Raadhuislaan 10", postcode="5341 GM", plaats="Oss", wijk=ruwaard
    )
    Openingstijd.objects.create(
        locatie=locatie, dagen="WE", open_van=dt.time(13, 30), open_tot=dt.time(16), omschrijving="Inloopspreekuur"
    )
    hulp_pesten = DienstFactory(
        organisatie=cjg,
        naam="Hulp bij pesten",
        omschrijving="Wordt je kind gepest? Een CJG-medewerker zoekt samen met school een oplossing.",
        min_leeftijd=4,
        max_leeftijd=18,
        kosten="Gratis",
    )
    hulp_pesten.termen.set([pesten])
    hulp_pesten.dienstlocaties.create(locatie=locatie)
    Telefoonnummer.objects.create(dienst=hulp_pesten, nummer="0412-795000")
    scheiden = DienstFactory(
        organisatie=cjg, naam="Scheiden zonder schade", omschrijving="Voor ouders die uit elkaar gaan.", max_leeftijd=18
    )
    scheiden.termen.set([scheiding])
    lijn = DienstFactory(
        organisatie=OrganisatieFactory(naam="De Kindertelefoon"),
        naam="Bellen met de Kindertelefoon",
        omschrijving="Anoniem praten, bijvoorbeeld over pesten.",
        min_leeftijd=8,
        max_leeftijd=18,
    )
    lijn.termen.set([pesten])
    behandeling = DienstFactory(
        organisatie=OrganisatieFactory(naam="Kompas Jeugdhulp", soort=Soort.AANBIEDER),
        naam="Traumabehandeling na pesten",
        omschrijving="Specialistische behandeling.",
        toegang=Toegang.VERWIJZING,
        min_leeftijd=12,
        max_leeftijd=23,
        wachttijd_weken=6,
        wachttijd_peildatum=timezone.localdate(),
        wachttijd_bron="redactie",
    )
    Werkgebied.objects.create(dienst=behandeling, wijk=lith)
    oud = DienstFactory(
        naam="Oude opvoedcursus",
        omschrijving="Cursus opvoeden.",
        laatst_gecontroleerd=timezone.localdate() - dt.timedelta(days=200),
    )
    return {
        "oss": oss, "ruwaard": ruwaard, "lith": lith, "team": team, "pesten": pesten, "cjg": cjg,
        "hulp_pesten": hulp_pesten, "scheiden": scheiden, "lijn": lijn, "behandeling": behandeling, "oud": oud,
    }  # fmt: skip
