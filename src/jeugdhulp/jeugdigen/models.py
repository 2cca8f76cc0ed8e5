"""The Jeugdige (the child or young adult), relaties around them and contact addresses — as iJw spells them."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdhulp import codelijsten
from jeugdhulp.core.validators import (
    validate_agb,
    validate_bsn,
    validate_not_future,
    validate_periode,
    validate_postcode,
)
from jeugdhulp.organisatie.models import Gemeente, Team, Wijk


class Naam(models.Model):
    """iJw CDT_VolledigeNaam: geslachtsnaam with voorvoegsel, voornamen, voorletters and naamgebruik (COD700)."""

    geslachtsnaam = models.CharField(_("achternaam"), max_length=200)
    voorvoegsel = models.CharField(_("voorvoegsel"), max_length=10, blank=True)
    voornamen = models.CharField(_("voornamen"), max_length=200, blank=True)
    voorletters = models.CharField(_("voorletters"), max_length=6, blank=True)
    naamgebruik = models.CharField(_("naamgebruik"), max_length=1, choices=codelijsten.NAAMGEBRUIK.choices, default="1")

    class Meta:
        abstract = True

    @property
    def volledige_naam(self) -> str:
        first = self.voornamen.split(" ")[0] if self.voornamen else self.voorletters
        return " ".join(part for part in (first, self.voorvoegsel, self.geslachtsnaam) if part)


class Jeugdige(Naam):
    """A young person (0-23) known to the gemeente. Person-level data: every read goes to the access log."""

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="jeugdigen", verbose_name=_("gemeente")
    )
    bsn = models.CharField(
        _("BSN"),
        max_length=9,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_bsn],
        help_text=_("Nodig voor een aanvraag of toewijzing; een gesprek kan zonder."),
    )
    geboortedatum = models.DateField(_("geboortedatum"), validators=[validate_not_future])
    datumgebruik = models.CharField(
        _("datumgebruik"),
        max_length=1,
        choices=codelijsten.DATUMGEBRUIK.choices,
        blank=True,
        help_text=_("Alleen invullen als (een deel van) de geboortedatum onbekend is."),
    )
    geslacht = models.CharField(_("geslacht"), max_length=1, choices=codelijsten.GESLACHT.choices)
    wijk = models.ForeignKey(
        Wijk,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="jeugdigen",
        verbose_name=_("wijk"),
    )
    team = models.ForeignKey(
        Team,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="jeugdigen",
        verbose_name=_("CJG-team"),
        help_text=_("Het CJG-team dat de casus van deze jeugdige voert."),
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("jeugdige")
        verbose_name_plural = _("jeugdigen")
        ordering = ["geslachtsnaam", "voornamen"]
        indexes = [models.Index(fields=["gemeente", "team"]), models.Index(fields=["geboortedatum"])]

    def __str__(self) -> str:
        return self.volledige_naam

    def leeftijd(self, op: dt.date | None = None) -> int:
        op = op or dt.date.today()
        b = self.geboortedatum
        return op.year - b.year - ((op.month, op.day) < (b.month, b.day))

    def clean(self) -> None:
        self.bsn = self.bsn or None  # unknown is NULL, so several jeugdigen without BSN stay unique
        if self.team_id and self.gemeente_id and self.team.gemeente_id != self.gemeente_id:
            raise ValidationError({"team": _("Dit team hoort bij een andere gemeente.")})
        if self.wijk_id and self.gemeente_id and self.wijk.gemeente_id != self.gemeente_id:
            raise ValidationError({"wijk": _("Deze wijk hoort bij een andere gemeente.")})


# Our own network roles, next to iJw COD472. Codes start with N so they can never collide with COD472.
NETWERKROLLEN = [("N1", "N1 JIM-mentor (Jouw Ingebrachte Mentor)"), ("N2", "N2 Netwerklid")]
SOORT_RELATIE_CHOICES = codelijsten.SOORT_RELATIE.choices + NETWERKROLLEN


class Relatie(Naam):
    """Someone around the jeugdige: ouder, gezagsdrager, voogd, pleegouder, or a network member like a JIM mentor."""

    jeugdige = models.ForeignKey(
        Jeugdige, on_delete=models.CASCADE, related_name="relaties", verbose_name=_("jeugdige")
    )
    soort = models.CharField(_("soort relatie"), max_length=2, choices=SOORT_RELATIE_CHOICES)
    gezagsdrager = models.BooleanField(_("heeft gezag"), default=False)
    geboortedatum = models.DateField(_("geboortedatum"), null=True, blank=True, validators=[validate_not_future])
    geslacht = models.CharField(_("geslacht"), max_length=1, choices=codelijsten.GESLACHT.choices, blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=15, blank=True)
    emailadres = models.EmailField(_("e-mailadres"), blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=1)

    class Meta:
        verbose_name = _("relatie")
        verbose_name_plural = _("relaties")
        ordering = ["jeugdige", "volgorde", "pk"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.volledige_naam}"


class Contact(models.Model):
    """A contact address typed as iJw COD757 (BRP-adres, correspondentie, verblijf, tijdelijk verblijf)."""

    jeugdige = models.ForeignKey(
        Jeugdige, on_delete=models.CASCADE, related_name="contacten", verbose_name=_("jeugdige")
    )
    soort = models.CharField(_("soort adres"), max_length=2, choices=codelijsten.ADRESSOORT.choices)
    straatnaam = models.CharField(_("straatnaam"), max_length=24, blank=True)
    huisnummer = models.PositiveIntegerField(_("huisnummer"), null=True, blank=True)
    huisletter = models.CharField(_("huisletter"), max_length=1, blank=True)
    huisnummertoevoeging = models.CharField(_("toevoeging"), max_length=4, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True, validators=[validate_postcode])
    plaatsnaam = models.CharField(_("plaatsnaam"), max_length=80, blank=True)
    landcode = models.CharField(_("land"), max_length=2, choices=codelijsten.LANDCODE.choices, default="NL")
    organisatie = models.CharField(
        _("organisatie (AGB)"),
        max_length=8,
        blank=True,
        validators=[validate_agb],
        help_text=_("Bij verblijf in een instelling: de AGB-code van de organisatie."),
    )
    telefoon = models.CharField(_("telefoon"), max_length=15, blank=True)
    emailadres = models.EmailField(_("e-mailadres"), blank=True)
    begindatum = models.DateField(_("begindatum"), null=True, blank=True)
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacten")
        ordering = ["jeugdige", "soort"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.adresregel}"

    @property
    def adresregel(self) -> str:
        toevoeging = f"-{self.huisnummertoevoeging}" if self.huisnummertoevoeging else ""
        nummer = f"{self.huisnummer or ''}{self.huisletter}{toevoeging}"
        straat = f"{self.straatnaam} {nummer}".strip()
        plaats = f"{self.postcode} {self.plaatsnaam}".strip()
        return ", ".join(part for part in (straat, plaats) if part)

    def clean(self) -> None:
        validate_periode(self.begindatum, self.einddatum)
        # iJw TR006: a contact has a telephone number and/or a house number with postcode.
        if not self.telefoon and not (self.huisnummer and self.postcode):
            raise ValidationError(_("Vul een telefoonnummer in, of een huisnummer met postcode."))
