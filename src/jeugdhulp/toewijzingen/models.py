"""Toewijzing: the gemeente assigns a product to an aanbieder for one jeugdige (iJw ToegewezenProduct, GGM Toewijzing).

The start and stop of care as reported by the aanbieder (JW305/JW307) are kept on the row, so lists and
dashboards need no joins over message history.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from jeugdhulp import codelijsten
from jeugdhulp.aanbieders.models import Aanbieder, Product
from jeugdhulp.core.validators import validate_periode
from jeugdhulp.jeugdigen.models import Jeugdige
from jeugdhulp.organisatie.models import Gemeente, Verwijzer


class Toewijzing(models.Model):
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="toewijzingen", verbose_name=_("gemeente")
    )
    toewijzingnummer = models.PositiveIntegerField(_("toewijzingnummer"))
    jeugdige = models.ForeignKey(
        Jeugdige, on_delete=models.PROTECT, related_name="toewijzingen", verbose_name=_("jeugdige")
    )
    aanbieder = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, related_name="toewijzingen", verbose_name=_("aanbieder")
    )
    product = models.ForeignKey(
        Product, on_delete=models.PROTECT, related_name="toewijzingen", verbose_name=_("product")
    )
    verwijzer = models.ForeignKey(
        Verwijzer,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="toewijzingen",
        verbose_name=_("verwijzer"),
    )
    toewijzingsdatum = models.DateField(_("toewijzingsdatum"))
    # With the date, the leading version of a toewijzing (iJw OP033x1); empty for toewijzingen from before iJw.
    toewijzingstijd = models.TimeField(_("toewijzingstijd"), null=True, blank=True)
    ingangsdatum = models.DateField(_("ingangsdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    volume = models.PositiveIntegerField(_("volume"), null=True, blank=True)
    eenheid = models.CharField(_("eenheid"), max_length=2, choices=codelijsten.EENHEID.choices, blank=True)
    frequentie = models.CharField(_("frequentie"), max_length=1, choices=codelijsten.FREQUENTIE.choices, blank=True)
    budget = models.PositiveIntegerField(_("budget (eurocent)"), null=True, blank=True)
    reden_wijziging = models.CharField(
        _("reden wijziging"), max_length=2, choices=codelijsten.REDEN_WIJZIGING.choices, blank=True
    )
    # Reported by the aanbieder (JW305 Start / JW307 Stop)
    begindatum_zorg = models.DateField(_("start zorg"), null=True, blank=True)
    einddatum_zorg = models.DateField(_("einde zorg"), null=True, blank=True)
    reden_beeindiging = models.CharField(
        _("reden beëindiging"), max_length=2, choices=codelijsten.REDEN_BEEINDIGING.choices, blank=True
    )

    class Meta:
        verbose_name = _("toewijzing")
        verbose_name_plural = _("toewijzingen")
        ordering = ["-toewijzingsdatum", "toewijzingnummer"]
        constraints = [
            # iJw TR332 / OP275: unique per gemeente
            models.UniqueConstraint(fields=["gemeente", "toewijzingnummer"], name="toewijzingnummer_uniek"),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=F("ingangsdatum")),
                name="toewijzing_periode_geldig",
            ),
        ]
        indexes = [
            models.Index(fields=["aanbieder", "ingangsdatum"]),
            models.Index(fields=["gemeente", "ingangsdatum"]),
        ]

    def __str__(self) -> str:
        return f"Toewijzing {self.toewijzingnummer}: {self.product.code} bij {self.aanbieder.naam}"

    def clean(self) -> None:
        validate_periode(self.ingangsdatum, self.einddatum)
        validate_periode(self.begindatum_zorg, self.einddatum_zorg, field="einddatum_zorg")
