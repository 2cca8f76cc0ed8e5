"""Monitor inputs that are not iJw traffic: configurable norms, budgets and the aanbieders' waiting-list reports.

Everything here is aggregate data (no person is referred to), entered by the beleidsmedewerker (Norm, Budget) or by
an aanbieder for its own products (Wachtlijstmelding).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from jeugdhulp import codelijsten
from jeugdhulp.aanbieders.models import Aanbieder, Product
from jeugdhulp.organisatie.models import Gemeente


class Maat(models.TextChoices):
    """The waiting-time measures of the monitor (see docs/architecture.md, Monitor)."""

    AANVRAAG_BESCHIKKING = "aanvraag_beschikking", _("Aanvraag tot beschikking")
    VOT_ANTWOORD = "vot_antwoord", _("Verzoek om toewijzing tot antwoord")
    TOEWIJZING_START = "toewijzing_start", _("Toewijzing tot start zorg")
    START_GEMELD = "start_gemeld", _("Start zorg tot startbericht")
    AANMELDING_INTAKE = "aanmelding_intake", _("Aanmelding tot intake (aanbieder)")
    INTAKE_BEHANDELING = "intake_behandeling", _("Intake tot behandeling (aanbieder)")


class Norm(models.Model):
    """A norm line for one measure, optionally for one productcategorie (blank: every category)."""

    maat = models.CharField(_("maat"), max_length=30, choices=Maat.choices)
    categorie = models.CharField(
        _("productcategorie"), max_length=2, choices=codelijsten.PRODUCTCATEGORIE.choices, blank=True
    )
    dagen = models.PositiveIntegerField(_("norm (dagen)"))
    werkdagen = models.BooleanField(_("in werkdagen"), default=False)
    toelichting = models.CharField(_("toelichting"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("norm")
        verbose_name_plural = _("normen")
        ordering = ["maat", "categorie"]
        constraints = [models.UniqueConstraint(fields=["maat", "categorie"], name="norm_uniek_per_categorie")]

    def __str__(self) -> str:
        return f"{self.get_maat_display()} {self.categorie or '*'}: {self.dagen}"


# Light youth care that the gemeente buys and invoices locally (subsidy or local contract), outside iJw: its own
# budget line next to the productcategorieën.
LICHT = "LJ"
BUDGETLIJNEN = [*codelijsten.PRODUCTCATEGORIE.choices, (LICHT, _("Lichte jeugdhulp, lokaal gefactureerd"))]


class Budget(models.Model):
    """The budget of one gemeente for one year and one productcategorie (or the local light-help line), in
    eurocent."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="budgetten")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    categorie = models.CharField(_("productcategorie"), max_length=2, choices=BUDGETLIJNEN)
    bedrag = models.PositiveBigIntegerField(_("budget (eurocent)"))
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgetten")
        ordering = ["gemeente", "jaar", "categorie"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "jaar", "categorie"], name="budget_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.gemeente} {self.jaar} {self.categorie}: € {self.bedrag / 100:.0f}"


class LokaleFactuur(models.Model):
    """An invoice for light youth care bought locally (e.g. the CJG's own light help, a subsidised group course):
    one amount for a period, never about one person, so the monitor can show it as its own line."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="lokale_facturen")
    factuurdatum = models.DateField(_("factuurdatum"))
    leverancier = models.CharField(_("leverancier"), max_length=100)
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    bedrag = models.PositiveBigIntegerField(_("bedrag (eurocent)"))
    ingevoerd = models.DateTimeField(_("ingevoerd"), auto_now_add=True)
    ingevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("lokale factuur")
        verbose_name_plural = _("lokale facturen")
        ordering = ["-factuurdatum", "pk"]
        indexes = [models.Index(fields=["gemeente", "factuurdatum"], name="lokale_factuur_periode")]

    def __str__(self) -> str:
        return f"{self.leverancier} {self.factuurdatum}: € {self.bedrag / 100:.0f}"


class Wachtlijstmelding(models.Model):
    """An aanbieder's own waiting-list stand for one product on one peildatum (aanmelding and intake are not in iJw)."""

    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="wachtlijstmeldingen")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="+")
    peildatum = models.DateField(_("peildatum"))
    wacht_op_intake = models.PositiveIntegerField(_("aangemeld, wacht op intake"))
    wacht_op_behandeling = models.PositiveIntegerField(_("na intake, wacht op behandeling"))
    verwachte_wachttijd_weken = models.PositiveSmallIntegerField(_("verwachte wachttijd (weken)"))
    intakecapaciteit = models.PositiveIntegerField(_("intakes per maand"))
    # Realised in the period before the peildatum: how many started, and their average wait from aanmelding.
    gestart = models.PositiveIntegerField(_("gestart sinds vorige melding"), default=0)
    gerealiseerde_wachttijd_weken = models.DecimalField(
        _("gemiddelde gerealiseerde wachttijd (weken)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    ingediend = models.DateTimeField(_("ingediend"), auto_now=True)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    bron = models.CharField(_("bron"), max_length=10, default="portaal")  # portaal | json | csv

    class Meta:
        verbose_name = _("wachtlijstmelding")
        verbose_name_plural = _("wachtlijstmeldingen")
        ordering = ["-peildatum", "aanbieder", "product"]
        constraints = [
            models.UniqueConstraint(fields=["aanbieder", "product", "peildatum"], name="wachtlijstmelding_uniek"),
            models.CheckConstraint(
                condition=Q(gerealiseerde_wachttijd_weken__isnull=True) | Q(gerealiseerde_wachttijd_weken__gte=0),
                name="wachtlijstmelding_wachttijd_niet_negatief",
            ),
        ]
        indexes = [models.Index(fields=["aanbieder", "product", "-peildatum"], name="wachtlijst_laatste")]

    def __str__(self) -> str:
        return f"{self.aanbieder.naam} {self.product.code} {self.peildatum}"
