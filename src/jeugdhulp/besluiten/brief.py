"""The beschikking as a letter a family understands: who it is addressed to, product and volume in words, and the
letter texts the functioneel beheerder edits in Beheer.

The texts reuse the werkinstructies (``casussen.Werkinstructie``, edited in Beheer): each text is a row whose
``stap`` starts with ``brief-``. A row ``<stap>-<cbs_code>`` overrides the text for one gemeente. The rows are created
with their default wording after every migrate (``ensure_briefteksten``), so the beheerder finds them to edit; a
missing row falls back to the default below. When a beschikking is made, the texts as they read that day are copied
onto it (``Beschikking.brief``): a letter printed again later says what the first one said.

Placeholders in a text: ``{gemeente}``, ``{jeugdige}``, ``{beschikkingnummer}``, ``{bezwaar_uiterlijk}``. Anything
else between braces is left as it is.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jeugdhulp import codelijsten

# stap: (titel in Beheer, default text). Plain Dutch (B1); a blank line starts a new paragraph.
BRIEFTEKSTEN: dict[str, tuple[str, str]] = {
    "brief-afzender": (
        "Brief: afzender en postadres van de gemeente",
        "Gemeente Oss\nPostbus 5\n5340 BA Oss",
    ),
    "brief-toegekend": (
        "Brief: inleiding bij een toekenning",
        "Wij hebben uw aanvraag bekeken. U krijgt de hulp die hieronder staat.",
    ),
    "brief-afgewezen": (
        "Brief: inleiding bij een afwijzing",
        "Wij hebben uw aanvraag bekeken. U krijgt deze hulp niet. Hieronder leest u waarom.",
    ),
    "brief-zin-vervolg": (
        "Brief: wat gebeurt er nu (zorg in natura)",
        "De aanbieder krijgt van ons bericht dat de hulp mag beginnen. De aanbieder neemt contact met u op om een "
        "eerste afspraak te maken. Heeft u na twee weken niets gehoord? Neem dan contact op met uw contactpersoon "
        "van het CJG.",
    ),
    "brief-pgb": (
        "Brief: pgb en de Sociale Verzekeringsbank (SVB)",
        "U krijgt het budget niet op uw eigen rekening. De Sociale Verzekeringsbank (SVB) beheert het budget voor "
        "u en betaalt uw hulpverlener. Dit heet trekkingsrecht.\n\n"
        "Wat moet u doen?\n"
        "1. Maak een zorgovereenkomst met uw hulpverlener en stuur die naar de SVB.\n"
        "2. De SVB controleert de overeenkomst. Daarna kan de hulp beginnen.\n"
        "3. Keur de declaraties van uw hulpverlener goed. De SVB betaalt dan uit uw budget.\n\n"
        "Meer informatie staat op www.svb.nl/pgb.",
    ),
    "brief-bezwaar": (
        "Brief: bezwaar maken",
        "Dan kunt u bezwaar maken. Doe dat binnen 6 weken na de datum van deze brief: uiterlijk op "
        "{bezwaar_uiterlijk}. Schrijf in uw brief:\n"
        "- uw naam en adres;\n"
        "- de datum;\n"
        "- dat het gaat om besluit {beschikkingnummer};\n"
        "- waarom u het niet eens bent met het besluit;\n"
        "- uw handtekening.\n\n"
        "Wilt u eerst met ons praten? Dat kan altijd. Hulp nodig bij bezwaar maken? Een cliëntondersteuner helpt u "
        "gratis (MEE of het AKJ).",
    ),
    "brief-bezwaar-adres": (
        "Brief: postadres voor bezwaar",
        "Het college van burgemeester en wethouders van Oss\nt.a.v. bezwaarschriften\nPostbus 5\n5340 BA Oss",
    ),
    "brief-ondertekening": (
        "Brief: ondertekening (mandaat)",
        "Met vriendelijke groet,\nnamens het college van burgemeester en wethouders van {gemeente},",
    ),
}

_PLACEHOLDER = re.compile(r"\{(gemeente|jeugdige|beschikkingnummer|bezwaar_uiterlijk)\}")


def ensure_briefteksten(**_kwargs) -> None:
    """post_migrate: create the missing letter texts with their default wording; never overwrite an edit."""
    from jeugdhulp.casussen.models import Werkinstructie

    bestaand = set(Werkinstructie.objects.filter(stap__in=BRIEFTEKSTEN).values_list("stap", flat=True))
    Werkinstructie.objects.bulk_create(
        Werkinstructie(stap=stap, titel=titel, tekst=tekst)
        for stap, (titel, tekst) in BRIEFTEKSTEN.items()
        if stap not in bestaand
    )


def briefteksten(gemeente) -> dict[str, str]:
    """The letter texts as they read now for this gemeente (its own row, else the general one, else the default)."""
    from jeugdhulp.casussen.models import Werkinstructie

    eigen = {f"{stap}-{gemeente.cbs_code}": stap for stap in BRIEFTEKSTEN}
    rijen = dict(Werkinstructie.objects.filter(stap__in=[*BRIEFTEKSTEN, *eigen]).values_list("stap", "tekst"))
    teksten = {stap: rijen.get(stap, tekst) for stap, (_titel, tekst) in BRIEFTEKSTEN.items()}
    teksten.update({stap: rijen[sleutel] for sleutel, stap in eigen.items() if sleutel in rijen})
    return teksten


def datum_in_woorden(dag: dt.date | None) -> str:
    """6 december 2026 (in the active language)."""
    return formats.date_format(dag, "j F Y") if dag else ""


def invullen(tekst: str, waarden: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: waarden.get(m.group(1), m.group(0)), tekst)


# ---- product and volume in words
def _eenheden(eenheid: str, n: int) -> str:
    woorden = {
        "01": ngettext("minuut", "minuten", n),
        "04": ngettext("uur", "uur", n),
        "14": ngettext("etmaal (dag en nacht)", "etmalen (dag en nacht)", n),
        "16": ngettext("dagdeel van 4 uur", "dagdelen van 4 uur", n),
        "82": ngettext("traject", "trajecten", n),
        "84": ngettext("keer", "keer", n),
    }
    return woorden.get(eenheid, codelijsten.EENHEID.codes.get(eenheid, eenheid).lower())


def _per(frequentie: str) -> str:
    return {
        "1": _("per dag"),
        "2": _("per week"),
        "4": _("per maand"),
        "6": _("in totaal"),
    }.get(frequentie, codelijsten.FREQUENTIE.codes.get(frequentie, frequentie).lower())


def omvang_in_woorden(volume: int | None, eenheid: str, frequentie: str) -> str:
    """82, '04', '6' → '82 uur in totaal'; 2, '04', '2' → '2 uur per week'; 1500, '83', '6' → '€ 1.500 in totaal'."""
    if not volume or not eenheid:
        return ""
    getal = formats.number_format(volume, force_grouping=True)
    hoeveel = f"€ {getal}" if eenheid == "83" else f"{getal} {_eenheden(eenheid, volume)}"
    per = _per(frequentie)
    return f"{hoeveel} {per}" if per else hoeveel


def tarief_in_woorden(bedrag: str, eenheid: str) -> str:
    """'€ 14,51', '04' → '€ 14,51 per uur'; '€ 152,00', '14' → '€ 152,00 per etmaal (dag en nacht)'."""
    return _("%(bedrag)s per %(eenheid)s") % {"bedrag": bedrag, "eenheid": _eenheden(eenheid, 1)}


def pgb_berekening(pgb, product) -> str:
    """How the budget follows from what is granted, in the same unit: volume per period × tariff per unit."""
    if pgb is None or product is None:
        return ""
    return _("Zo hebben wij het bedrag berekend: %(omvang)s hulp %(wie)s, tegen %(tarief)s.") % {
        "omvang": omvang_in_woorden(product.volume, product.eenheid, product.frequentie),
        "wie": _pgb_wie(pgb.tariefsoort),
        "tarief": tarief_in_woorden(pgb.tarief_euro, product.eenheid),
    }


def product_in_woorden(product, volume: int | None, eenheid: str, frequentie: str) -> str:
    """'Ambulante begeleiding, 82 uur in totaal' (the product's description, never its codes)."""
    naam = product.omschrijving or codelijsten.PRODUCTCATEGORIE.codes.get(product.categorie, "")
    omvang = omvang_in_woorden(volume, eenheid, frequentie)
    return f"{naam}, {omvang}" if omvang else naam


def periode_in_woorden(van: dt.date | None, tot: dt.date | None) -> str:
    if van and tot:
        return _("van %(van)s tot en met %(tot)s") % {"van": datum_in_woorden(van), "tot": datum_in_woorden(tot)}
    if van:
        return _("vanaf %(van)s") % {"van": datum_in_woorden(van)}
    return ""


# ---- the addressee
OUDER_SOORTEN = ("10", "11", "13")  # ouder, voogd, pleegouder (COD472)
ADRES_VOORKEUR = ("02", "01", "03", "04")  # correspondentie-adres first, then BRP, verblijf, tijdelijk


@dataclass
class Geadresseerde:
    namen: list[str]
    aanhef: str
    adres: list[str] = field(default_factory=list)
    ouders: bool = True  # the parents are addressed (under 16)
    jeugdige: bool = False  # the jeugdige is addressed (from 12)

    def aanleiding(self, ontvangen_op: dt.date, naam: str) -> str:
        """The letter's first sentence, spoken to whom it addresses: a youth of 16 or older is 'u' about himself,
        parents ask for their child, and a letter to parents and youth together names the youth neutrally."""
        d = datum_in_woorden(ontvangen_op)
        if not self.ouders:
            return _("Op %(d)s vroeg u jeugdhulp aan.") % {"d": d}
        if self.jeugdige:
            return _("Op %(d)s is jeugdhulp aangevraagd voor %(naam)s.") % {"d": d, "naam": naam}
        return _("Op %(d)s vroeg u jeugdhulp aan voor %(naam)s.") % {"d": d, "naam": naam}


def _adres(jeugdige, op: dt.date) -> list[str]:
    contacten = [
        c
        for c in jeugdige.contacten.all()
        if c.huisnummer and c.postcode and (c.einddatum is None or c.einddatum >= op)
    ]
    contacten.sort(key=lambda c: ADRES_VOORKEUR.index(c.soort) if c.soort in ADRES_VOORKEUR else len(ADRES_VOORKEUR))
    if not contacten:
        return []
    c = contacten[0]
    toevoeging = f"-{c.huisnummertoevoeging}" if c.huisnummertoevoeging else ""
    postcode = f"{c.postcode[:4]} {c.postcode[4:]}" if len(c.postcode) == 6 else c.postcode
    return [f"{c.straatnaam} {c.huisnummer}{c.huisletter}{toevoeging}".strip(), f"{postcode} {c.plaatsnaam}".strip()]


def opsomming(delen: list[str]) -> str:
    """['Anne', 'Bas', 'Noor'] → 'Anne, Bas en Noor'."""
    if len(delen) < 2:
        return "".join(delen)
    return _("%(eerste)s en %(laatste)s") % {"eerste": ", ".join(delen[:-1]), "laatste": delen[-1]}


def geadresseerde(jeugdige, op: dt.date) -> Geadresseerde:
    """Who the letter is for, by the jeugdige's age on the letter's date (the same rule as consent,
    ``casussen.toestemming``): under 12 the parents with gezag, 12 to 16 the parents and the jeugdige, from 16 the
    jeugdige. The address is the jeugdige's (correspondence address first)."""
    from jeugdhulp.casussen import toestemming

    wie = toestemming.wie_stemt_in(jeugdige.leeftijd(op))
    namen, aanhef = [], []
    if toestemming.OUDERS in wie:
        relaties = list(jeugdige.relaties.all())
        ouders = [r for r in relaties if r.gezagsdrager] or [r for r in relaties if r.soort in OUDER_SOORTEN]
        if ouders:
            namen += [r.volledige_naam for r in ouders[:2]]
            aanhef += namen
        else:  # no parent known by name: the letter still reaches the household
            namen.append(_("De ouders of verzorgers van %(naam)s") % {"naam": jeugdige.volledige_naam})
            aanhef.append(_("ouders of verzorgers"))
    if toestemming.JEUGDIGE in wie:
        namen.append(jeugdige.volledige_naam)
        aanhef.append(jeugdige.volledige_naam)
    return Geadresseerde(
        namen=namen,
        aanhef=_("Beste %(namen)s,") % {"namen": opsomming(aanhef)},
        adres=_adres(jeugdige, op),
        ouders=toestemming.OUDERS in wie,
        jeugdige=toestemming.JEUGDIGE in wie,
    )


# ---- the whole letter
def teksten_voor(beschikking) -> dict[str, str]:
    """The texts of this letter: the copy made on the day of the decision, or (for an older beschikking without
    one) today's texts; with the placeholders filled in."""
    aanvraag = beschikking.aanvraag
    waarden = {
        "gemeente": beschikking.gemeente.naam,
        "jeugdige": aanvraag.jeugdige.volledige_naam,
        "beschikkingnummer": str(beschikking.beschikkingnummer),
        "bezwaar_uiterlijk": datum_in_woorden(beschikking.bezwaar_uiterlijk),
    }
    teksten = {**briefteksten(beschikking.gemeente), **(beschikking.brief or {})}
    return {stap: invullen(tekst, waarden) for stap, tekst in teksten.items()}


@dataclass
class Regel:
    """One product of the letter, in words."""

    wat: str
    periode: str
    aanbieder: str


def regels(producten) -> list[Regel]:
    """Aangevraagde producten in words (the letter and the aanvraag page)."""
    return [
        Regel(
            wat=product_in_woorden(p.product, p.volume, p.eenheid, p.frequentie),
            periode=periode_in_woorden(p.ingangsdatum, p.einddatum),
            aanbieder=p.aanbieder.naam if p.aanbieder else "",
        )
        for p in producten
    ]


def _pgb_wie(tariefsoort: str) -> str:
    from jeugdhulp.besluiten.models import Tariefsoort

    if tariefsoort == Tariefsoort.INFORMEEL:
        return _("door iemand uit uw sociale netwerk")
    return _("door een professionele hulpverlener")


def _wie_besliste(aanvraag):
    """For a beschikking stored without its maker: the official who took the aanvraag to its decision."""
    stap = aanvraag.overgangen.filter(naar__in=("toegekend", "afgewezen"), door__isnull=False).order_by("-op").first()
    return stap.door if stap else None


def brief_context(beschikking) -> dict:
    aanvraag = beschikking.aanvraag
    producten = aanvraag.producten.select_related("product", "aanbieder")
    door = beschikking.door or _wie_besliste(aanvraag)
    pgb = getattr(aanvraag, "pgb", None)
    aan = geadresseerde(aanvraag.jeugdige, beschikking.datum)
    return {
        "aanvraag": aanvraag,
        "beschikking": beschikking,
        # brief-zin-vervolg → tekst.zin_vervolg in the template
        "tekst": {stap.removeprefix("brief-").replace("-", "_"): t for stap, t in teksten_voor(beschikking).items()},
        "aan": aan,
        "aanleiding": aan.aanleiding(aanvraag.ontvangen_op, aanvraag.jeugdige.volledige_naam),
        "regels": regels(producten),
        "pgb": pgb,
        "pgb_berekening": pgb_berekening(pgb, producten.first()),
        "periode": periode_in_woorden(beschikking.ingangsdatum, beschikking.einddatum),
        "ondertekenaar": (door.get_full_name() or door.get_username()) if door else "",
    }
