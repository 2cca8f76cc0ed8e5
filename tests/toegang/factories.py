"""Test data for the access process: a gemeente with a CJG team, a consulent, an aanbieder under contract."""

from __future__ import annotations

import datetime as dt

from jeugdhulp.accounts.roles import Rol
from tests import factories
from tests.berichten import voorbeelden as vb


def toegang_wereld(*, bsn: str = vb.BSN) -> dict:
    """Oss (0828) with team CJG Oss-Noord, a CJG worker and a jeugdconsulent, aanbieder 12345678 with a contract
    and tariff for product 45A04 (ambulant, per hour), and a known jeugdige (14 years, with address)."""
    oss = factories.GemeenteFactory(cbs_code=vb.OSS, naam="Oss")
    team = factories.TeamFactory(gemeente=oss, naam="CJG Oss-Noord")
    aanbieder = factories.AanbiederFactory(agb_code=vb.AANBIEDER, naam="Kompas Jeugdhulp")
    product = factories.ProductFactory(categorie="45", code="45A04", omschrijving="Ambulante begeleiding")
    contract = factories.ContractFactory(
        aanbieder=aanbieder, regio=oss.regio, begindatum=dt.date(2025, 1, 1), einddatum=dt.date(2027, 12, 31)
    )
    factories.TariefFactory(
        contract=contract, product=product, bedrag=7850, begindatum=dt.date(2025, 1, 1), einddatum=None
    )
    jeugdige = factories.JeugdigeFactory(
        gemeente=oss,
        team=team,
        bsn=bsn,
        voornamen="Noor",
        voorletters="N.",
        geslachtsnaam="Jansen",
        geboortedatum=vb.GEBOORTE.datum,
        geslacht="1",
    )
    factories.ContactFactory(jeugdige=jeugdige)
    factories.RelatieFactory(jeugdige=jeugdige)
    cjg = factories.UserFactory(username="sanne", first_name="Sanne", rol=Rol.CJG_MEDEWERKER, team=team)
    consulent = factories.UserFactory(username="ilse", first_name="Ilse", rol=Rol.JEUGDCONSULENT, gemeente=oss)
    return {
        "oss": oss,
        "team": team,
        "aanbieder": aanbieder,
        "product": product,
        "jeugdige": jeugdige,
        "cjg": cjg,
        "consulent": consulent,
    }


def casus_met_plan(w: dict, *, vraag: str = "Ruzie thuis"):
    """A phone hulpvraag triaged to a new casus for the world's jeugdige, with a samenwerkingsplan vastgesteld."""
    from jeugdhulp.hulpvragen import services as hulpvragen

    h = hulpvragen.registreer(gemeente=w["oss"], team=w["team"], vrager="ouder", kanaal="telefoon", vraag=vraag)
    casus, _nieuw = hulpvragen.naar_vraagverheldering(h, door=w["cjg"], jeugdige=w["jeugdige"])
    plan_vastgesteld(w, casus)
    casus.refresh_from_db()
    return casus


def plan_vastgesteld(w: dict, casus):
    """The casus's samenwerkingsplan with an evaluation date and one network action, vastgesteld by the CJG worker."""
    from django.utils import timezone

    from jeugdhulp.casussen import services as casussen

    plan = casussen.plan_voor(casus)
    plan.evaluatiedatum = timezone.localdate() + dt.timedelta(weeks=12)
    plan.save()
    plan.acties.create(
        omschrijving="Oma past op", eigenaar_soort="netwerk", eigenaar="Oma", deadline=plan.evaluatiedatum
    )
    casussen.plan_vaststellen(plan, door=w["cjg"])
    return plan


def jw305_voor(toewijzing, begindatum: dt.date) -> bytes:
    """A JW305 (start zorg) from the aanbieder for one toewijzing, as bytes."""
    from jeugdhulp.berichten.ijw import build
    from jeugdhulp.berichten.ijw.berichten import basis

    p = toewijzing.product
    bericht = vb.jw305_bericht(
        vb.start_product(
            toewijzing_nummer=toewijzing.toewijzingnummer,
            product=basis.Product(categorie=p.categorie, code=p.code),
            toewijzing_ingangsdatum=toewijzing.ingangsdatum,
            begindatum=begindatum,
        ),
        ident=f"S{toewijzing.toewijzingnummer}",
    )
    bericht = vb.wijzig(bericht, "client.bsn", toewijzing.jeugdige.bsn)
    bericht = vb.wijzig(bericht, "header.bericht_identificatie.dagtekening", begindatum)
    return build(bericht)


def matrix_objecten(wereld: dict) -> dict:
    """For the role × resource matrix: a hulpvraag, casus, aanvraag (with beschikking and bezwaar) in each scope."""
    from django.utils import timezone

    from jeugdhulp.besluiten.models import AangevraagdProduct, Aanvraag, Beschikking, Bezwaar
    from jeugdhulp.casussen.models import Casus
    from jeugdhulp.hulpvragen.services import registreer

    vandaag = timezone.localdate()
    product = factories.ProductFactory()
    uit = {}
    for sleutel in ("eigen", "ander_team", "andere_gemeente"):
        j = wereld[sleutel]
        uit[f"hulpvraag_{sleutel}"] = registreer(
            gemeente=j.gemeente, team=j.team, vrager="ouder", kanaal="telefoon", vraag="?", jeugdige=j
        )
        casus = uit[f"casus_{sleutel}"] = Casus.objects.create(jeugdige=j, gemeente=j.gemeente, team=j.team)
        aanvraag = uit[f"aanvraag_{sleutel}"] = Aanvraag.objects.create(
            casus=casus, jeugdige=j, gemeente=j.gemeente, vorm="zin", ontvangen_op=vandaag, beslis_uiterlijk=vandaag
        )
        AangevraagdProduct.objects.create(aanvraag=aanvraag, product=product, ingangsdatum=vandaag, einddatum=vandaag)
        beschikking = Beschikking.objects.create(
            aanvraag=aanvraag, gemeente=j.gemeente, beschikkingnummer=aanvraag.pk, besluit="toegekend",
            motivering="m", bezwaarclausule="b", datum=vandaag, ingangsdatum=vandaag, einddatum=vandaag,
            bezwaar_uiterlijk=vandaag,
        )  # fmt: skip
        uit[f"bezwaar_{sleutel}"] = Bezwaar.objects.create(
            beschikking=beschikking, gemeente=j.gemeente, ontvangen_op=vandaag, gronden="g", beslis_uiterlijk=vandaag
        )
    return uit
