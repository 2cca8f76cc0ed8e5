from django import template

from jeugdhulp.taken import wachtrij

register = template.Library()


@register.filter
def taaknaam(taak) -> str:
    return wachtrij.taaknaam(taak)


@register.filter
def taakfout(taak) -> str:
    return wachtrij.fout(taak)
