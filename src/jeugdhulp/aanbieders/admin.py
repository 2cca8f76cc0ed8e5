from django.contrib import admin

from jeugdhulp.aanbieders.models import Aanbieder, Contract, Product, Tarief
from jeugdhulp.web.admin_site import ReferentiedataAdmin, ReferentiedataInline


@admin.register(Aanbieder)
class AanbiederAdmin(ReferentiedataAdmin):
    list_display = ["naam", "agb_code", "plaats"]
    search_fields = ["naam", "agb_code"]


@admin.register(Product)
class ProductAdmin(ReferentiedataAdmin):
    list_display = ["code", "omschrijving", "categorie", "eenheid", "frequentie", "uitvoeringsvariant"]
    list_filter = ["categorie", "uitvoeringsvariant"]
    search_fields = ["code", "omschrijving"]


class TariefInline(ReferentiedataInline):
    model = Tarief
    autocomplete_fields = ["product"]


@admin.register(Contract)
class ContractAdmin(ReferentiedataAdmin):
    list_display = ["kenmerk", "aanbieder", "regio", "begindatum", "einddatum"]
    list_filter = ["regio"]
    search_fields = ["kenmerk", "aanbieder__naam"]
    autocomplete_fields = ["aanbieder"]
    inlines = [TariefInline]
