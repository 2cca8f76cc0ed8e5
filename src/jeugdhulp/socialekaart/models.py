"""The sociale kaart of Oss, modelled on Open Referral HSDS 3.0.

HSDS object -> model: organization -> Organisatie, service -> Dienst, location -> Locatie,
service_at_location -> DienstLocatie, taxonomy -> Taxonomie, taxonomy_term -> Term, schedule -> Openingstijd,
service_area -> Werkgebied, contact -> Contactpersoon, phone -> Telefoonnummer. Identifiers are UUIDs, as HSDS wants.

Beyond HSDS: the kind of vindplaats, whether a verwijzing or beschikking is needed, the expected wait (a place the
monitor's beschikbaarheidswijzer fills later, see ``services.zet_wachttijd``), the last-checked date that drives the
redacteur's freshness queue, and correction requests from organisations.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from jeugdhulp.aanbieders.models import Aanbieder, Product
from jeugdhulp.organisatie.models import Gemeente, Wijk

VERSE_TERMIJN = dt.timedelta(days=183)  # "unchecked for more than 6 months" -> the redacteur's queue


class Taxonomie(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    omschrijving = models.TextField(_("omschrijving"))
    uri = models.URLField(_("URI"), blank=True)
    versie = models.CharField(_("versie"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("taxonomie")
        verbose_name_plural = _("taxonomieën")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Term(models.Model):
    """A taxonomy term: a topic (onderwerp) such as pesten, or a kind of vindplaats."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    taxonomie = models.ForeignKey(Taxonomie, on_delete=models.PROTECT, related_name="termen")
    code = models.SlugField(_("code"), max_length=40)
    naam = models.CharField(_("naam"), max_length=100)
    naam_en = models.CharField(_("naam (Engels)"), max_length=100, blank=True)
    naam_pl = models.CharField(_("naam (Pools)"), max_length=100, blank=True)
    omschrijving = models.TextField(_("omschrijving"))
    zoekwoorden = models.CharField(
        _("zoekwoorden"), max_length=300, blank=True, help_text=_("Andere woorden die mensen gebruiken.")
    )
    bovenliggend = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="kinderen")
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    voor_ouders = models.BooleanField(_("voor ouders"), default=True)
    voor_jongeren = models.BooleanField(_("voor jongeren"), default=True)

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("termen")
        ordering = ["taxonomie", "volgorde", "naam"]
        constraints = [models.UniqueConstraint(fields=["taxonomie", "code"], name="term_code_uniek")]

    def __str__(self) -> str:
        return self.naam

    @property
    def naam_vertaald(self) -> str:
        return {"en": self.naam_en, "pl": self.naam_pl}.get(get_language() or "nl") or self.naam


class Soort(models.TextChoices):
    CJG = "cjg", _("Centrum Jeugd en Gezin")
    AANBIEDER = "aanbieder", _("Jeugdhulpaanbieder (gecontracteerd)")
    VINDPLAATS = "vindplaats", _("Vindplaats")
    VOORZIENING = "voorziening", _("Algemene voorziening")


class Vindplaats(models.TextChoices):
    CONSULTATIEBUREAU = "consultatiebureau", _("Consultatiebureau")
    KINDEROPVANG = "kinderopvang", _("Kinderopvang")
    BASISSCHOOL = "basisschool", _("Basisschool")
    VOORTGEZET_ONDERWIJS = "voortgezet_onderwijs", _("Voortgezet onderwijs")
    MBO = "mbo", _("MBO")
    HUISARTS = "huisarts", _("Huisarts")
    POH_GGZ = "poh_ggz", _("POH-GGZ jeugd")
    JONGERENWERK = "jongerenwerk", _("Jongerenwerk")
    VERENIGING = "vereniging", _("Vereniging")
    BIBLIOTHEEK = "bibliotheek", _("Bibliotheek")


class Organisatie(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="organisaties")
    naam = models.CharField(_("naam"), max_length=200)
    alternatieve_naam = models.CharField(_("andere naam"), max_length=200, blank=True)
    omschrijving = models.TextField(_("omschrijving"))
    email = models.EmailField(_("e-mailadres"), blank=True)
    website = models.URLField(_("website"), blank=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    vindplaats = models.CharField(_("soort vindplaats"), max_length=30, choices=Vindplaats.choices, blank=True)
    aanbieder = models.ForeignKey(
        Aanbieder,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisaties",
        verbose_name=_("gecontracteerde aanbieder"),
    )
    cjg_contact = models.ForeignKey(
        "Contactpersoon",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vindplaatsen",
        verbose_name=_("vaste contactpersoon bij het CJG"),
    )
    laatst_gecontroleerd = models.DateField(_("laatst gecontroleerd"), null=True, blank=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["naam"]
        indexes = [models.Index(fields=["soort", "vindplaats"])]

    def __str__(self) -> str:
        return self.naam


class Toegang(models.TextChoices):
    VRIJ = "vrij", _("Zonder verwijzing")
    VERWIJZING = "verwijzing", _("Verwijzing nodig (CJG, huisarts of jeugdarts)")
    BESCHIKKING = "beschikking", _("Beschikking van de gemeente nodig")


class WachttijdBron(models.TextChoices):
    REDACTIE = "redactie", _("Opgegeven door de organisatie")
    BESCHIKBAARHEIDSWIJZER = "beschikbaarheidswijzer", _("Beschikbaarheidswijzer (monitor)")


class DienstQuerySet(models.QuerySet):
    def actief(self):
        return self.filter(status=Dienst.Status.ACTIEF)

    def verouderd(self, vandaag: dt.date | None = None):
        """Services unchecked for more than 6 months (or never): the redacteur's freshness queue."""
        grens = (vandaag or timezone.localdate()) - VERSE_TERMIJN
        return self.filter(Q(laatst_gecontroleerd__isnull=True) | Q(laatst_gecontroleerd__lt=grens))


class Dienst(models.Model):
    """An HSDS service: what an organisation offers, for whom, and how to get it."""

    class Status(models.TextChoices):  # the HSDS values
        ACTIEF = "active", _("Actief")
        INACTIEF = "inactive", _("Niet actief")
        OPGEHEVEN = "defunct", _("Opgeheven")
        TIJDELIJK_DICHT = "temporarily closed", _("Tijdelijk gesloten")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="diensten")
    naam = models.CharField(_("naam"), max_length=200)
    alternatieve_naam = models.CharField(_("andere naam"), max_length=200, blank=True)
    omschrijving = models.TextField(_("omschrijving"))
    url = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIEF)
    aanmelden = models.TextField(_("hoe meld je je aan"), blank=True)
    kosten = models.CharField(_("kosten"), max_length=300, blank=True)
    doelgroep = models.CharField(_("voor wie"), max_length=300, blank=True)
    min_leeftijd = models.PositiveSmallIntegerField(_("vanaf leeftijd"), null=True, blank=True)
    max_leeftijd = models.PositiveSmallIntegerField(_("tot en met leeftijd"), null=True, blank=True)
    toegang = models.CharField(_("toegang"), max_length=20, choices=Toegang.choices, default=Toegang.VRIJ)
    product = models.ForeignKey(
        Product,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="diensten",
        verbose_name=_("product (jeugdhulp in natura)"),
    )
    termen = models.ManyToManyField(Term, blank=True, related_name="diensten", verbose_name=_("onderwerpen"))
    wijken = models.ManyToManyField(
        Wijk,
        through="Werkgebied",
        blank=True,
        related_name="diensten",
        verbose_name=_("werkgebied"),
        help_text=_("Leeg: de hele gemeente."),
    )
    # Expected wait: filled by the redactie now, by the monitor's beschikbaarheidswijzer later (services.zet_wachttijd)
    wachttijd_weken = models.PositiveSmallIntegerField(_("verwachte wachttijd (weken)"), null=True, blank=True)
    wachttijd_bron = models.CharField(_("bron wachttijd"), max_length=30, choices=WachttijdBron.choices, blank=True)
    wachttijd_peildatum = models.DateField(_("wachttijd gemeten op"), null=True, blank=True)
    laatst_gecontroleerd = models.DateField(_("laatst gecontroleerd"), null=True, blank=True)
    gecontroleerd_door = models.EmailField(_("gecontroleerd door"), blank=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)
    # Stemmed search text (search.py), the same on SQLite and PostgreSQL; name stems separately for ranking.
    zoeknaam = models.TextField(editable=False, default="")
    zoektekst = models.TextField(editable=False, default="")

    objects = DienstQuerySet.as_manager()

    class Meta:
        verbose_name = _("dienst")
        verbose_name_plural = _("diensten")
        ordering = ["naam"]
        indexes = [models.Index(fields=["status", "toegang"]), models.Index(fields=["laatst_gecontroleerd"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_leeftijd__isnull=True)
                | Q(max_leeftijd__isnull=True)
                | Q(min_leeftijd__lte=models.F("max_leeftijd")),
                name="dienst_leeftijd_oplopend",
            )
        ]

    def __str__(self) -> str:
        return self.naam

    def save(self, *args, **kwargs):
        from jeugdhulp.socialekaart import search

        search.vul_zoekvelden(self)
        super().save(*args, **kwargs)

    @property
    def verouderd(self) -> bool:
        return self.laatst_gecontroleerd is None or self.laatst_gecontroleerd < timezone.localdate() - VERSE_TERMIJN

    @property
    def leeftijd_tekst(self) -> str:
        from django.utils.translation import gettext  # at request time, in the page's language

        if self.min_leeftijd is not None and self.max_leeftijd is not None:
            return gettext("%(van)s tot en met %(tot)s jaar") % {"van": self.min_leeftijd, "tot": self.max_leeftijd}
        if self.min_leeftijd is not None:
            return gettext("vanaf %(van)s jaar") % {"van": self.min_leeftijd}
        if self.max_leeftijd is not None:
            return gettext("tot en met %(tot)s jaar") % {"tot": self.max_leeftijd}
        return gettext("alle leeftijden")


class Locatie(models.Model):
    class Type(models.TextChoices):
        FYSIEK = "physical", _("Adres")
        VIRTUEEL = "virtual", _("Online")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="locaties")
    naam = models.CharField(_("naam"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    type = models.CharField(_("soort"), max_length=10, choices=Type.choices, default=Type.FYSIEK)
    straat = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    plaats = models.CharField(_("plaats"), max_length=100, blank=True)
    wijk = models.ForeignKey(Wijk, on_delete=models.SET_NULL, null=True, blank=True, related_name="locaties")
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class DienstLocatie(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dienst = models.ForeignKey(Dienst, on_delete=models.CASCADE, related_name="dienstlocaties")
    locatie = models.ForeignKey(Locatie, on_delete=models.CASCADE, related_name="dienstlocaties")
    omschrijving = models.CharField(_("omschrijving"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("dienst op locatie")
        verbose_name_plural = _("diensten op locatie")
        constraints = [models.UniqueConstraint(fields=["dienst", "locatie"], name="dienstlocatie_uniek")]

    def __str__(self) -> str:
        return f"{self.dienst_id} @ {self.locatie_id}"


class Werkgebied(models.Model):
    """HSDS service_area: a wijk or kern where the service is offered. No rows: the whole gemeente."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dienst = models.ForeignKey(Dienst, on_delete=models.CASCADE, related_name="werkgebieden")
    wijk = models.ForeignKey(Wijk, on_delete=models.CASCADE, related_name="werkgebieden")

    class Meta:
        verbose_name = _("werkgebied")
        verbose_name_plural = _("werkgebieden")
        constraints = [models.UniqueConstraint(fields=["dienst", "wijk"], name="werkgebied_uniek")]

    def __str__(self) -> str:
        return f"{self.dienst_id} in {self.wijk_id}"


class Openingstijd(models.Model):
    """HSDS schedule (a weekly RRULE): opening hours, inloopspreekuur, telefonische bereikbaarheid."""

    DAGEN = {"MO": _("maandag"), "TU": _("dinsdag"), "WE": _("woensdag"), "TH": _("donderdag"), "FR": _("vrijdag"),
             "SA": _("zaterdag"), "SU": _("zondag")}  # fmt: skip

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dienst = models.ForeignKey(Dienst, on_delete=models.CASCADE, null=True, blank=True, related_name="openingstijden")
    locatie = models.ForeignKey(Locatie, on_delete=models.CASCADE, null=True, blank=True, related_name="openingstijden")
    dagen = models.CharField(_("dagen"), max_length=40, help_text=_("Bijvoorbeeld MO,WE (iCal BYDAY)."))
    open_van = models.TimeField(_("van"))
    open_tot = models.TimeField(_("tot"))
    omschrijving = models.CharField(_("omschrijving"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")
        ordering = ["dagen", "open_van"]

    def __str__(self) -> str:
        return f"{self.dagen_tekst} {self.open_van:%H:%M}–{self.open_tot:%H:%M}"

    @property
    def dagen_tekst(self) -> str:
        return ", ".join(str(self.DAGEN.get(d, d)) for d in self.dagen.split(","))


class Contactpersoon(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.CASCADE, null=True, blank=True, related_name="contactpersonen"
    )
    dienst = models.ForeignKey(Dienst, on_delete=models.CASCADE, null=True, blank=True, related_name="contactpersonen")
    naam = models.CharField(_("naam"), max_length=200)
    functie = models.CharField(_("functie"), max_length=200, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.functie})" if self.functie else self.naam


class Telefoonnummer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.CASCADE, null=True, blank=True, related_name="telefoonnummers"
    )
    dienst = models.ForeignKey(Dienst, on_delete=models.CASCADE, null=True, blank=True, related_name="telefoonnummers")
    locatie = models.ForeignKey(
        Locatie, on_delete=models.CASCADE, null=True, blank=True, related_name="telefoonnummers"
    )
    contactpersoon = models.ForeignKey(
        Contactpersoon, on_delete=models.CASCADE, null=True, blank=True, related_name="telefoonnummers"
    )
    nummer = models.CharField(_("nummer"), max_length=30)
    type = models.CharField(_("soort"), max_length=10, default="voice")  # RFC 6350: voice, text, ...
    omschrijving = models.CharField(_("omschrijving"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("telefoonnummer")
        verbose_name_plural = _("telefoonnummers")

    def __str__(self) -> str:
        return self.nummer

    @property
    def tel_href(self) -> str:
        return "tel:" + "".join(c for c in self.nummer if c.isdigit() or c == "+")


class Correctieverzoek(models.Model):
    """An organisation says its entry is wrong (via its signed link); lands in the redacteur's queue."""

    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="correctieverzoeken")
    tekst = models.TextField(_("wat moet anders"), max_length=4000)
    ontvangen_op = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("correctieverzoek")
        verbose_name_plural = _("correctieverzoeken")
        ordering = ["ontvangen_op"]
        # The signed link is spent until the redacteur handles the correction (services.dien_correctie_in).
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie"],
                condition=Q(afgehandeld_op__isnull=True),
                name="een_open_correctie_per_organisatie",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisatie}: {self.ontvangen_op:%Y-%m-%d}"
