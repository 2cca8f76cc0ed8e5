"""Template helpers for the public site: the language switcher, dates and opening hours in the active language."""

import datetime as dt

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag(takes_context=True)
def taalkeuze(context) -> list[dict]:
    """The current page in every site language (the URL prefix is the language: none for Dutch, /en/, /pl/)."""
    request = context["request"]
    huidig = get_language()
    return [
        {"code": code, "naam": naam, "url": translate_url(request.get_full_path(), code), "huidig": code == huidig}
        for code, naam in settings.LANGUAGES
    ]


@register.simple_tag
def noodnummers() -> dict:
    """The national numbers for help now (publiek.noodnummers), by name: ``{% noodnummers as nood %}``."""
    from jeugdhulp.publiek.noodnummers import ALLE

    return ALLE


@register.filter
def uren(tijd) -> str:
    """Opening hours in the active language: "maandag t/m vrijdag 8.30–17.00 uur" (a run of days as a range)."""
    from jeugdhulp.socialekaart.models import Openingstijd

    volgorde = list(Openingstijd.DAGEN)
    dagen = [d for d in tijd.dagen.split(",") if d in Openingstijd.DAGEN]
    posities = [volgorde.index(d) for d in dagen]
    if len(dagen) >= 3 and posities == list(range(posities[0], posities[0] + len(dagen))):
        tekst = _("%(van)s t/m %(tot)s") % {
            "van": Openingstijd.DAGEN[dagen[0]],
            "tot": Openingstijd.DAGEN[dagen[-1]],
        }
    else:
        tekst = ", ".join(str(Openingstijd.DAGEN[d]) for d in dagen) or tijd.dagen
    return f"{tekst} {tijden(tijd.open_van, tijd.open_tot)}"


def tijden(van: dt.time, tot: dt.time) -> str:
    """From-to times as the language writes them: "8.30–17.00 uur", "8:30–17:00"."""
    # Translators: a Django date format for a time of day in opening hours; Dutch writes 8.30, most others 8:30.
    notatie = _("G.i")
    return _("%(van)s–%(tot)s uur") % {"van": date_format(van, notatie), "tot": date_format(tot, notatie)}


# Day and month as running text needs them: "8 december", "8 grudnia" (the genitive: Django's "E"), "8 December".
DAG_MAAND = "j E"


@register.filter
def datum(waarde, jaar: bool = True) -> str:
    """A date in the active language, as in a sentence: "6 december 2026", "6 grudnia 2026", "6 December 2026"."""
    if not waarde:
        return ""
    if isinstance(waarde, dt.datetime):
        waarde = timezone.localtime(waarde)
    return date_format(waarde, DAG_MAAND + (" Y" if jaar else ""))


@register.filter
def dag_en_datum(waarde) -> str:
    """A day in a sentence: "dinsdag 8 december", "wtorek 8 grudnia", "Tuesday 8 December". The weekday comes from
    the sociale kaart's own names of days (lower case where the language writes it so; Django's Polish "Wtorek" is
    capitalised), the month in the genitive where the language has one."""
    from jeugdhulp.socialekaart.models import Openingstijd

    if not waarde:
        return ""
    if isinstance(waarde, dt.datetime):
        waarde = timezone.localtime(waarde)
    weekdag = list(Openingstijd.DAGEN.values())[waarde.weekday()]
    return f"{weekdag} {datum(waarde, jaar=False)}"
