"""Aanbieders (youth-care providers), the product catalogue, contracts and tariffs per period."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from jeugdhulp import codelijsten
from jeugdhulp.core.validators import validate_agb, validate_periode
from jeugdhulp.organisatie.models import Regio


class Aanbieder(models.Model):
    agb_code = models.CharField(_("AGB-code"), max_length=8, unique=True, validators=[validate_agb])
    naam = models.CharField(_("naam"), max_length=200)
    plaats = models.CharField(_("plaats"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("aanbieder")
        verbose_name_plural = _("aanbieders")
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.agb_code})"


class Uitvoeringsvariant(models.TextChoices):
    INSPANNINGSGERICHT = "inspanningsgericht", _("Inspanningsgericht")
    OUTPUTGERICHT = "outputgericht", _("Outputgericht")
    TAAKGERICHT = "taakgericht", _("Taakgericht")


class Product(models.Model):
    """A product of the regional product list: categorie (JZ020), code, eenheid (WJ756), frequentie (WMO757)."""

    categorie = models.CharField(_("productcategorie"), max_length=2, choices=codelijsten.PRODUCTCATEGORIE.choices)
    code = models.CharField(_("productcode"), max_length=5)
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    eenheid = models.CharField(_("eenheid"), max_length=2, choices=codelijsten.EENHEID.choices)
    frequentie = models.CharField(_("frequentie"), max_length=1, choices=codelijsten.FREQUENTIE.choices)
    uitvoeringsvariant = models.CharField(_("uitvoeringsvariant"), max_length=20, choices=Uitvoeringsvariant.choices)

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("producten")
        ordering = ["categorie", "code"]
        constraints = [models.UniqueConstraint(fields=["categorie", "code"], name="product_uniek")]

    def __str__(self) -> str:
        return f"{self.code} {self.omschrijving}"


class Contract(models.Model):
    """What an aanbieder may deliver, for which regio, in which period."""

    aanbieder = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, related_name="contracten", verbose_name=_("aanbieder")
    )
    regio = models.ForeignKey(Regio, on_delete=models.PROTECT, related_name="contracten", verbose_name=_("regio"))
    kenmerk = models.CharField(_("kenmerk"), max_length=40)
    begindatum = models.DateField(_("begindatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracten")
        ordering = ["aanbieder", "-begindatum"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("begindatum")),
                name="contract_periode_geldig",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kenmerk} ({self.aanbieder.naam})"

    def clean(self) -> None:
        validate_periode(self.begindatum, self.einddatum)


class TariefQuerySet(models.QuerySet):
    def geldig_op(self, datum: dt.date):
        """Tariffs in force on ``datum``, newest first (the single definition of "geldend")."""
        return (
            self.filter(begindatum__lte=datum)
            .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=datum))
            .order_by("-begindatum")
        )


class Tarief(models.Model):
    """The tariff of one product in one contract for a period, in eurocents per eenheid (as iJw)."""

    contract = models.ForeignKey(
        Contract, on_delete=models.CASCADE, related_name="tarieven", verbose_name=_("contract")
    )
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="tarieven", verbose_name=_("product"))
    bedrag = models.PositiveIntegerField(_("tarief (eurocent)"))
    begindatum = models.DateField(_("begindatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)

    objects = TariefQuerySet.as_manager()

    class Meta:
        verbose_name = _("tarief")
        verbose_name_plural = _("tarieven")
        ordering = ["contract", "product", "-begindatum"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "product", "begindatum"], name="tarief_uniek_per_begin"),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("begindatum")),
                name="tarief_periode_geldig",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product.code}: € {self.bedrag / 100:.2f}"

    def clean(self) -> None:
        validate_periode(self.begindatum, self.einddatum)
        contract = self.contract
        if self.begindatum and self.begindatum < contract.begindatum:
            raise ValidationError({"begindatum": _("Het tarief begint vóór het contract.")})
        if contract.einddatum and (self.einddatum is None or self.einddatum > contract.einddatum):
            raise ValidationError({"einddatum": _("Het tarief loopt door na het einde van het contract.")})


def geldend_tarief(aanbieder: Aanbieder, product: Product, op: dt.date) -> Tarief | None:
    """The tariff an aanbieder may charge for a product on a date, or None when it has no contract for it."""
    return Tarief.objects.filter(contract__aanbieder=aanbieder, product=product).geldig_op(op).first()
