"""Template helpers for the public site: the language switcher, opening hours in the active language."""

from django import template
from django.conf import settings
from django.urls import translate_url
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


@register.filter
def uren(tijd) -> str:
    """Opening hours in the active language: "maandag t/m vrijdag 08:30–17:00" (a run of days as a range)."""
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
    return f"{tekst} {tijd.open_van:%H:%M}–{tijd.open_tot:%H:%M}"
