"""Hand-written, fully valid example messages (they pass XSD and every field rule), plus ``wijzig`` to derive
a broken variant by changing one nested field."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time
from typing import Any

from jeugdhulp.berichten.ijw.berichten import basis, jw301, jw305, jw307, jw315, jw317, jw319, jw323

OSS = "0828"
AANBIEDER = "12345678"
BSN = "999900018"
ANDER_BSN = "999900031"
DAG = date(2024, 3, 15)
VERSIE = basis.XsdVersie(basisschema_xsd_versie="1.0.0", bericht_xsd_versie="1.0.0")


def _header(mod, code: str, afzender: str, ontvanger: str, ident: str = "B1", dag: date = DAG):
    return mod.Header(
        bericht_code=code,
        bericht_versie=3,
        bericht_subversie=2,
        afzender=afzender,
        ontvanger=ontvanger,
        bericht_identificatie=basis.BerichtIdentificatie(identificatie=ident, dagtekening=dag),
        xsd_versie=VERSIE,
    )


def _naam():
    return basis.VolledigeNaam(
        geslachtsnaam=basis.Achternaam(achternaam="Jansen", voorvoegsel="de"), voorletters="J", naam_gebruik="1"
    )


def _kort():
    return basis.VerkorteNaam(geslachtsnaam=basis.Achternaam(achternaam="Jansen"), voorletters="J")


GEBOORTE = basis.Geboortedatum(datum=date(2012, 5, 1))


def toegewezen_product(nummer: int = 1001, **kw) -> jw301.ToegewezenProduct:
    velden = {
        "toewijzing_nummer": nummer,
        "product": basis.Product(categorie="45", code="45A04"),
        "toewijzingsdatum": date(2024, 3, 14),
        "toewijzingstijd": time(10, 30),
        "ingangsdatum": date(2024, 4, 1),
        "einddatum": date(2024, 12, 31),
        "omvang": basis.Omvang(volume=120, eenheid="01", frequentie="2"),
    }
    velden.update(kw)
    return jw301.ToegewezenProduct(**velden)


def jw301_bericht(*producten: jw301.ToegewezenProduct) -> jw301.Bericht:
    return jw301.Bericht(
        header=_header(jw301, "436", OSS, AANBIEDER),
        client=jw301.Client(
            bsn=BSN,
            geboortedatum=GEBOORTE,
            geslacht="1",
            naam=_naam(),
            contactgegevens=(
                jw301.Contact(
                    soort="01",
                    adres=basis.Adres(
                        huis=basis.Huis(huisnummer=12),
                        postcode="5341AB",
                        straatnaam="Kerkstraat",
                        plaatsnaam="Oss",
                        land_code="NL",
                    ),
                ),
            ),
            toegewezen_producten=producten or (toegewezen_product(),),
        ),
    )


def start_product(**kw) -> jw305.StartProduct:
    velden = {
        "toewijzing_nummer": 1001,
        "product": basis.Product(categorie="45", code="45A04"),
        "toewijzing_ingangsdatum": date(2024, 4, 1),
        "begindatum": date(2024, 4, 3),
        "status_aanlevering": "1",
    }
    velden.update(kw)
    return jw305.StartProduct(**velden)


def jw305_bericht(*producten, ident: str = "S1") -> jw305.Bericht:
    return jw305.Bericht(
        header=_header(jw305, "438", AANBIEDER, OSS, ident),
        client=jw305.Client(
            bsn=BSN, geboortedatum=GEBOORTE, geslacht="1", naam=_kort(), start_producten=producten or (start_product(),)
        ),
    )


def stop_product(**kw) -> jw307.StopProduct:
    velden = {
        "toewijzing_nummer": 1001,
        "product": basis.Product(categorie="45", code="45A04"),
        "toewijzing_ingangsdatum": date(2024, 4, 1),
        "begindatum": date(2024, 4, 3),
        "reden_beeindiging": "31",
        "einddatum": date(2024, 6, 30),
        "status_aanlevering": "1",
    }
    velden.update(kw)
    return jw307.StopProduct(**velden)


def jw307_bericht(*producten, ident: str = "P1") -> jw307.Bericht:
    return jw307.Bericht(
        header=_header(jw307, "440", AANBIEDER, OSS, ident),
        client=jw307.Client(
            bsn=BSN, geboortedatum=GEBOORTE, geslacht="1", naam=_kort(), stop_producten=producten or (stop_product(),)
        ),
    )


def aangevraagd_product(ref: str = "VOT-1", **kw) -> jw315.AangevraagdProduct:
    velden = {
        "referentie_aanbieder": ref,
        "product": basis.Product(categorie="45", code="45A04"),
        "toewijzing_ingangsdatum": date(2024, 4, 1),
        "toewijzing_einddatum": date(2024, 12, 31),
        "omvang": basis.Omvang(volume=120, eenheid="01", frequentie="2"),
        "verwijzer": basis.Verwijzer(type="02", zorgverlener_code="01234567"),
    }
    velden.update(kw)
    return jw315.AangevraagdProduct(**velden)


def jw315_bericht(*producten, ident: str = "V1") -> jw315.Bericht:
    return jw315.Bericht(
        header=_header(jw315, "446", AANBIEDER, OSS, ident),
        client=jw315.Client(
            bsn=BSN,
            geboortedatum=GEBOORTE,
            geslacht="1",
            naam=_kort(),
            aangevraagde_producten=producten or (aangevraagd_product(),),
        ),
    )


def te_wijzigen_product(nummer: int = 1001, **kw) -> jw317.TeWijzigenProduct:
    velden = {
        "toewijzing_nummer": nummer,
        "gewenste_ingangsdatum": date(2024, 5, 1),
        "einddatum": date(2024, 12, 31),
        "omvang": basis.Omvang(volume=180, eenheid="01", frequentie="2"),
    }
    velden.update(kw)
    return jw317.TeWijzigenProduct(**velden)


def jw317_bericht(
    *, ongewijzigd=(), te_wijzigen=None, nieuw=(), ref: str = "VOW-1", ident: str = "W1"
) -> jw317.Bericht:
    return jw317.Bericht(
        header=_header(jw317, "486", AANBIEDER, OSS, ident),
        client=jw317.Client(
            bsn=BSN,
            verzoek=jw317.Verzoek(
                referentie_aanbieder=ref,
                reden_verzoek="1",
                ongewijzigde_producten=tuple(jw317.OngewijzigdProduct(toewijzing_nummer=n) for n in ongewijzigd),
                te_wijzigen_producten=(te_wijzigen_product(),) if te_wijzigen is None else tuple(te_wijzigen),
                nieuwe_producten=tuple(nieuw),
            ),
        ),
    )


def nieuw_product(**kw) -> jw317.NieuwProduct:
    velden = {
        "product": basis.Product(categorie="41", code="41A01"),
        "gewenste_ingangsdatum": date(2024, 5, 1),
        "einddatum": date(2024, 12, 31),
        "omvang": basis.Omvang(volume=4, eenheid="16", frequentie="2"),
    }
    velden.update(kw)
    return jw317.NieuwProduct(**velden)


def jw319_bericht(antwoord: str = "1", reden: str | None = "3", ref: str = "VOT-1", ident: str = "A1") -> jw319.Bericht:
    return jw319.Bericht(
        header=_header(jw319, "488", OSS, AANBIEDER, ident),
        antwoord=jw319.Antwoord(referentie_aanbieder=ref, verzoek_antwoord=antwoord, reden_afwijzing_verzoek=reden),
    )


def prestatie(ref: str = "P-1", **kw) -> jw323.Prestatie:
    velden = {
        "product_referentie": basis.Referentie(referentie_nummer=ref),
        "toewijzing_nummer": 1001,
        "product_categorie": "45",
        "product_code": "45A04",
        "product_periode": basis.GeslotenPeriode(begindatum=date(2024, 4, 1), einddatum=date(2024, 4, 30)),
        "geleverd_volume": 480,
        "eenheid": "01",
        "product_tarief": 150,
        "ingediend_bedrag": basis.BedragMetDC(bedrag=72000, debet_credit="D"),
    }
    velden.update(kw)
    return jw323.Prestatie(**velden)


def jw323_bericht(*prestaties, nummer: str = "D2024041", ident: str = "D1", bsn: str = BSN) -> jw323.Bericht:
    prestaties = prestaties or (prestatie(),)
    totaal = sum(
        -p.ingediend_bedrag.bedrag if p.ingediend_bedrag.debet_credit == "C" else p.ingediend_bedrag.bedrag
        for p in prestaties
    )
    return jw323.Bericht(
        header=_header(jw323, "490", AANBIEDER, OSS, ident, dag=date(2024, 5, 2)),  # after the period (TR134)
        declaratie=jw323.Declaratie(
            declaratie_nummer=nummer,
            declaratie_periode=basis.GeslotenPeriode(begindatum=date(2024, 4, 1), einddatum=date(2024, 4, 30)),
            declaratie_dagtekening=date(2024, 5, 2),
            totaal_ingediend_bedrag=basis.TotaalBedragMetDC(
                totaal_bedrag=abs(totaal), debet_credit="C" if totaal < 0 else "D"
            ),
            clienten=(jw323.Client(bsn=bsn, prestaties=tuple(prestaties)),),
        ),
    )


GELDIG = {
    "JW301": jw301_bericht,
    "JW305": jw305_bericht,
    "JW307": jw307_bericht,
    "JW315": jw315_bericht,
    "JW317": jw317_bericht,
    "JW319": jw319_bericht,
    "JW323": jw323_bericht,
}

_STAP = re.compile(r"(\w+)(?:\[(\d+)\])?")


def wijzig(obj: Any, pad: str, waarde: Any) -> Any:
    """Return a copy of ``obj`` with the field at ``pad`` (``"client.toegewezen_producten[0].einddatum"``) set."""
    naam, _, rest = pad.partition(".")
    m = _STAP.fullmatch(naam)
    veld, index = m[1], m[2]
    huidig = getattr(obj, veld)
    if index is None:
        nieuw = wijzig(huidig, rest, waarde) if rest else waarde
    else:
        i = int(index)
        item = wijzig(huidig[i], rest, waarde) if rest else waarde
        nieuw = (*huidig[:i], item, *huidig[i + 1 :])
    return replace(obj, **{veld: nieuw})
