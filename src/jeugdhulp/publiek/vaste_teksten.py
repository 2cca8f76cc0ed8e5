"""Standard wordings in data: the sociale kaart entry of the CJG (its phone lines and opening hours), the usual costs.

They are data the redacteur may change, so templates translate them at run time (``{% translate tijd.omschrijving %}``);
these standard wordings are in the catalogues, so /en/ and /pl/ do not show Dutch opening hours. A text the redacteur
rewrote shows as written until it is added here and translated.
"""

from django.utils.translation import gettext_noop

OMSCHRIJVINGEN = (
    gettext_noop("Maandag t/m vrijdag 8.30–17.00 uur"),
    gettext_noop("App voor jongeren"),
    gettext_noop("Open"),
    gettext_noop("Inloopspreekuur, zonder afspraak"),
    gettext_noop("Inloopspreekuur"),
    gettext_noop("Op werkdagen"),
    gettext_noop("Crisisdienst jeugd: 's avonds, 's nachts en in het weekend"),
    gettext_noop("Gratis"),
    gettext_noop("Gratis: de gemeente betaalt."),
)

# The skip link of web/base.html, which the public site extends: the web app has no catalogue of its own.
SKIPLINK = gettext_noop("Naar de inhoud")
