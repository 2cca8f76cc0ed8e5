"""A small iJw world matching the example messages of tests/berichten/voorbeelden.py (Oss, AGB 12345678)."""

import datetime as dt

import pytest

from jeugdhulp.aanbieders.models import Product
from tests import factories
from tests.berichten import voorbeelden as vb

VANDAAG = dt.date(2024, 6, 1)


@pytest.fixture
def ijw(db):
    oss = factories.GemeenteFactory(cbs_code=vb.OSS, naam="Oss")
    team = factories.TeamFactory(gemeente=oss, naam="CJG Oss-Centrum")
    aanbieder = factories.AanbiederFactory(agb_code=vb.AANBIEDER, naam="Kompas Jeugdhulp")
    product = Product.objects.create(
        categorie="45",
        code="45A04",
        omschrijving="Ambulant",
        eenheid="01",
        frequentie="2",
        uitvoeringsvariant="inspanningsgericht",
    )
    jeugdige = factories.JeugdigeFactory(
        gemeente=oss,
        team=team,
        bsn=vb.BSN,
        geslachtsnaam="Jansen",
        voorvoegsel="de",
        voorletters="J",
        voornamen="Jan",
        geboortedatum=dt.date(2012, 5, 1),
        geslacht="1",
    )
    factories.ContactFactory(jeugdige=jeugdige)
    toewijzing = factories.ToewijzingFactory(
        jeugdige=jeugdige,
        gemeente=oss,
        aanbieder=aanbieder,
        product=product,
        toewijzingnummer=1001,
        toewijzingsdatum=dt.date(2024, 3, 14),
        ingangsdatum=dt.date(2024, 4, 1),
        einddatum=dt.date(2024, 12, 31),
        volume=120,
        eenheid="01",
        frequentie="2",
    )
    contract = factories.ContractFactory(aanbieder=aanbieder, begindatum=dt.date(2024, 1, 1))
    factories.TariefFactory(contract=contract, product=product, bedrag=150, begindatum=dt.date(2024, 1, 1))
    return {
        "oss": oss,
        "team": team,
        "aanbieder": aanbieder,
        "product": product,
        "jeugdige": jeugdige,
        "toewijzing": toewijzing,
    }


def ontvang_bericht(bericht, **kw):
    """Build a typed example message and receive it through the inbox."""
    from jeugdhulp.berichten.ijw import build
    from jeugdhulp.berichten.inbox import ontvang

    return ontvang(build(bericht), bron="test", vandaag=VANDAAG, **kw)


def domein_telling() -> dict:
    """Row counts and care dates of every domain table the inbox may touch."""
    from jeugdhulp.berichten.models import Declaratie, Levering, Prestatie, Verzoek
    from jeugdhulp.jeugdigen.models import Jeugdige
    from jeugdhulp.toewijzingen.models import Toewijzing

    return {
        "verzoek": Verzoek.objects.count(),
        "levering": Levering.objects.count(),
        "declaratie": Declaratie.objects.count(),
        "prestatie": Prestatie.objects.count(),
        "jeugdige": Jeugdige.objects.count(),
        "toewijzing": list(Toewijzing.objects.values_list("begindatum_zorg", "einddatum_zorg", "reden_beeindiging")),
    }
