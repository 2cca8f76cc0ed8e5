"""How people's details read on every staff page and in the family's PDFs: one phone format, and an estimated
birth date (iJw datumgebruik) shown as an age ("ongeveer 9 jaar"), never as a guessed day."""

from __future__ import annotations

import re

from django import template
from django.template.defaultfilters import date as datum
from django.utils.translation import gettext as _

register = template.Library()

# Dutch area codes with two digits after the 0 (010 Rotterdam, 020 Amsterdam, ...); all others have three (0412 Oss).
KORTE_NETNUMMERS = frozenset(
    {
        "010",
        "013",
        "015",
        "020",
        "023",
        "024",
        "026",
        "030",
        "033",
        "035",
        "036",
        "038",
        "040",
        "043",
        "045",
        "046",
        "050",
        "053",
        "055",
        "058",
        "070",
        "071",
        "072",
        "073",
        "074",
        "075",
        "076",
        "077",
        "078",
        "079",
    }
)


@register.filter
def telefoon(waarde) -> str:
    """ "0662669129", "06 62669129", "+31 6 6266 9129" → "06-62669129"; "0412123456" → "0412-123456".

    A foreign number, or what is not a phone number, is shown as typed.
    """
    tekst = str(waarde or "").strip()
    cijfers = re.sub(r"[\s\-().]", "", tekst)
    if cijfers.startswith("00"):
        cijfers = "+" + cijfers[2:]
    if cijfers.startswith("+31"):
        cijfers = "0" + cijfers[3:]
    if re.fullmatch(r"0[1-9]\d{8}", cijfers):
        knip = 2 if cijfers.startswith("06") else 3 if cijfers[:3] in KORTE_NETNUMMERS else 4
        return f"{cijfers[:knip]}-{cijfers[knip:]}"
    return tekst


@register.filter
def geboren(jeugdige) -> str:
    """ "geboren 3 maart 2015", or for an age told on the phone (birth date estimated): "ongeveer 9 jaar"."""
    if jeugdige.datumgebruik:
        return _("ongeveer %(n)s jaar") % {"n": jeugdige.leeftijd()}
    return _("geboren %(datum)s") % {"datum": datum(jeugdige.geboortedatum, "j F Y")}


@register.filter
def geboortedatum(jeugdige) -> str:
    """For a birth date column: the date, or "ongeveer 9 jaar" when it is an estimate."""
    if jeugdige.datumgebruik:
        return _("ongeveer %(n)s jaar") % {"n": jeugdige.leeftijd()}
    return datum(jeugdige.geboortedatum, "j F Y")
