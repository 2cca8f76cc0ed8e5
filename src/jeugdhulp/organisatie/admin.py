from django.contrib import admin

from jeugdhulp.organisatie.models import Gemeente, Regio, Team, Verwijzer, Wijk
from jeugdhulp.web.admin_site import ReferentiedataAdmin


@admin.register(Regio)
class RegioAdmin(ReferentiedataAdmin):
    list_display = ["naam", "code"]


@admin.register(Gemeente)
class GemeenteAdmin(ReferentiedataAdmin):
    list_display = ["naam", "cbs_code", "regio", "inwoners_0_17"]
    list_filter = ["regio"]
    search_fields = ["naam", "cbs_code"]


@admin.register(Wijk)
class WijkAdmin(ReferentiedataAdmin):
    list_display = ["naam", "code", "kern", "gemeente"]
    list_filter = ["gemeente"]
    search_fields = ["naam", "code"]


@admin.register(Team)
class TeamAdmin(ReferentiedataAdmin):
    list_display = ["naam", "soort", "gemeente"]
    list_filter = ["gemeente", "soort"]
    filter_horizontal = ["wijken"]


@admin.register(Verwijzer)
class VerwijzerAdmin(ReferentiedataAdmin):
    list_display = ["naam", "type", "zorgverlenercode", "gemeente"]
    list_filter = ["type"]
    search_fields = ["naam", "zorgverlenercode"]
