from django.contrib import admin

from jeugdhulp.casussen.models import Werkinstructie
from jeugdhulp.web.admin_site import ReferentiedataAdmin


@admin.register(Werkinstructie)
class WerkinstructieAdmin(ReferentiedataAdmin):
    """Short guidance shown at each step; the functioneel beheerder edits it without a developer."""

    list_display = ["stap", "titel"]
    search_fields = ["stap", "titel", "tekst"]
