"""factory_boy factories for test data. Every BSN is synthetic and passes the 11-proef."""

import datetime as dt
import random

import factory
from django_otp.plugins.otp_totp.models import TOTPDevice

from jeugdhulp.aanbieders.models import Aanbieder, Contract, Product, Tarief
from jeugdhulp.accounts.models import User
from jeugdhulp.accounts.roles import Rol
from jeugdhulp.demo.bouwer import maak_bsn
from jeugdhulp.jeugdigen.models import Contact, Jeugdige, Relatie
from jeugdhulp.organisatie.models import Gemeente, Regio, Team, Wijk
from jeugdhulp.toewijzingen.models import Toewijzing

_rng = random.Random(20261123)
_bsns: set[str] = set()


class RegioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Regio
        django_get_or_create = ["code"]

    code = "noordoost-brabant"
    naam = "Noordoost-Brabant"


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ["cbs_code"]

    cbs_code = factory.Sequence(lambda n: f"{900 + n:04d}")
    naam = factory.Sequence(lambda n: f"Testgemeente {n}")
    regio = factory.SubFactory(RegioFactory)


class WijkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wijk

    gemeente = factory.SubFactory(GemeenteFactory)
    code = factory.Sequence(lambda n: f"WK{n:06d}")
    naam = factory.Sequence(lambda n: f"Wijk {n}")


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"CJG-team {n}")


class AanbiederFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aanbieder

    agb_code = factory.Sequence(lambda n: f"98{n:06d}")
    naam = factory.Sequence(lambda n: f"Aanbieder {n}")


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    categorie = "45"
    code = factory.Sequence(lambda n: f"45{n % 1000:03d}")  # 5 characters (max_length), also after 1000 products
    omschrijving = "Jeugdhulp ambulant"
    eenheid = "04"
    frequentie = "2"
    uitvoeringsvariant = "inspanningsgericht"


class ContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contract

    aanbieder = factory.SubFactory(AanbiederFactory)
    regio = factory.SubFactory(RegioFactory)
    kenmerk = factory.Sequence(lambda n: f"C-{n}")
    begindatum = dt.date(2025, 1, 1)
    einddatum = dt.date(2027, 12, 31)


class TariefFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tarief

    contract = factory.SubFactory(ContractFactory)
    product = factory.SubFactory(ProductFactory)
    bedrag = 7850
    begindatum = dt.date(2025, 1, 1)
    einddatum = dt.date(2025, 12, 31)


class JeugdigeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Jeugdige

    gemeente = factory.SubFactory(GemeenteFactory)
    team = factory.LazyAttribute(lambda o: TeamFactory(gemeente=o.gemeente))
    bsn = factory.LazyFunction(lambda: maak_bsn(_rng, _bsns))
    geslachtsnaam = factory.Sequence(lambda n: f"Testnaam{n}")
    voornamen = "Sam"
    voorletters = "S."
    geboortedatum = dt.date(2014, 5, 17)
    geslacht = "2"


class RelatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Relatie

    jeugdige = factory.SubFactory(JeugdigeFactory)
    soort = "10"
    gezagsdrager = True
    geslachtsnaam = "Ouder"
    voornamen = "Anne"
    voorletters = "A."


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    jeugdige = factory.SubFactory(JeugdigeFactory)
    soort = "01"
    straatnaam = "Kerkstraat"
    huisnummer = 12
    postcode = "5341AB"
    plaatsnaam = "Oss"


class ToewijzingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Toewijzing

    jeugdige = factory.SubFactory(JeugdigeFactory)
    gemeente = factory.SelfAttribute("jeugdige.gemeente")
    toewijzingnummer = factory.Sequence(lambda n: 1000 + n)
    aanbieder = factory.SubFactory(AanbiederFactory)
    product = factory.SubFactory(ProductFactory)
    toewijzingsdatum = dt.date(2025, 3, 1)
    ingangsdatum = dt.date(2025, 3, 1)
    einddatum = dt.date(2025, 12, 31)
    volume = 2
    eenheid = "04"
    frequentie = "2"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    rol = Rol.CJG_MEDEWERKER
    password = factory.PostGenerationMethodCall("set_password", "Sterk-wachtwoord-123")

    @factory.post_generation
    def totp(self, create, extracted, **kwargs):
        if create:
            self.save()
            TOTPDevice.objects.create(user=self, name="test", confirmed=True)
