"""Template helpers for the public site: the language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

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
