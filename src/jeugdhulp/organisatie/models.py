"""Regio, Gemeente, Wijk, CJG-teams and Verwijzers: who works where, and for which area."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdhulp import codelijsten
from jeugdhulp.core.validators import validate_agb, validate_cbs_gemeentecode


class Regio(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("naam"), max_length=100)

    class Meta:
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Gemeente(models.Model):
    """A municipality, identified by its CBS gemeentecode (iJw LDT_Gemeente). Oss = 0828."""

    cbs_code = models.CharField(
        _("CBS-gemeentecode"), max_length=4, unique=True, validators=[validate_cbs_gemeentecode]
    )
    naam = models.CharField(_("naam"), max_length=100)
    regio = models.ForeignKey(Regio, on_delete=models.PROTECT, related_name="gemeenten", verbose_name=_("regio"))
    inwoners_0_17 = models.PositiveIntegerField(
        _("inwoners 0-17 jaar"),
        null=True,
        blank=True,
        help_text=_("Voor het aandeel jeugdigen met jeugdhulp."),
    )

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.cbs_code})"


class Wijk(models.Model):
    """A wijk or kern within a gemeente (CBS wijkcode where known)."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="wijken", verbose_name=_("gemeente"))
    code = models.CharField(_("wijkcode"), max_length=8, help_text=_("CBS-wijkcode, bijvoorbeeld WK082801."))
    naam = models.CharField(_("naam"), max_length=100)
    kern = models.CharField(_("kern"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ["gemeente", "naam"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "code"], name="wijk_code_uniek_per_gemeente")]

    def __str__(self) -> str:
        return self.naam


class Team(models.Model):
    class Soort(models.TextChoices):
        CJG = "cjg", _("CJG-team")
        BACKOFFICE = "backoffice", _("Backoffice")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="teams", verbose_name=_("gemeente"))
    naam = models.CharField(_("naam"), max_length=100)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices, default=Soort.CJG)
    wijken = models.ManyToManyField(Wijk, blank=True, related_name="teams", verbose_name=_("wijken"))

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["gemeente", "naam"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "naam"], name="team_naam_uniek_per_gemeente")]

    def __str__(self) -> str:
        return f"{self.naam} ({self.gemeente.naam})"


class Verwijzer(models.Model):
    """A referrer (iJw CDT_Verwijzer): its type from COD327, a name and optionally an AGB zorgverlenercode."""

    type = models.CharField(_("type verwijzer"), max_length=2, choices=codelijsten.TYPE_VERWIJZER.choices)
    naam = models.CharField(_("naam"), max_length=64, blank=True)
    zorgverlenercode = models.CharField(
        _("zorgverlenercode (AGB)"), max_length=8, blank=True, validators=[validate_agb]
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verwijzers",
        verbose_name=_("gemeente"),
    )

    class Meta:
        verbose_name = _("verwijzer")
        verbose_name_plural = _("verwijzers")
        ordering = ["type", "naam"]

    def __str__(self) -> str:
        label = codelijsten.TYPE_VERWIJZER.label(self.type)
        return f"{label}: {self.naam}" if self.naam else label
