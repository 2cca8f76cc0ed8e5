"""Aanvraag, beschikking, PGB and bezwaar: the backoffice's legal decisions, each with its Awb clock on the row.

An ``Aanvraag`` (ZIN or PGB) belongs to a casus; the beslistermijn (Awb 4:13) is stored when it is received and
recomputed when an opschorting ends or a verdaging is announced. A ``Beschikking`` needs an aanvraag, gets a
unique beschikkingnummer per gemeente and stores its bezwaartermijn. ``Bezwaar`` stores its own beslistermijn.
``Evaluatie`` records the driehoek's judgement on a running toewijzing.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdhulp import codelijsten
from jeugdhulp.aanbieders.models import Aanbieder, Product
from jeugdhulp.accounts.roles import Rol
from jeugdhulp.casussen.models import Casus
from jeugdhulp.jeugdigen.models import Jeugdige
from jeugdhulp.organisatie.models import Gemeente
from jeugdhulp.overgangen.models import MetStatus, Tabel, stap
from jeugdhulp.toewijzingen.models import Toewijzing

CJG, JC = Rol.CJG_MEDEWERKER, Rol.JEUGDCONSULENT


class Vorm(models.TextChoices):
    ZIN = "zin", _("Zorg in natura")
    PGB = "pgb", _("Persoonsgebonden budget (pgb)")


class AanvraagStatus(models.TextChoices):
    INGEDIEND = "ingediend", _("Ingediend, wacht op besluit")
    OPGESCHORT = "opgeschort", _("Opgeschort: wacht op informatie")
    VERDAAGD = "verdaagd", _("Verdaagd: het besluit komt later")
    TOEGEKEND = "toegekend", _("Toegekend")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


A = AanvraagStatus


class Aanvraag(MetStatus):
    # Verdaging (Awb 4:14 lid 3) is a step of its own, once: the new date and the reason are on the row and in the
    # Overgang. An opschorting during a verdaging returns to verdaagd when the information arrives.
    TABEL = Tabel(
        stap(A.INGEDIEND, A.OPGESCHORT, JC, label=_("Opschorten: informatie opvragen")),
        stap(A.OPGESCHORT, A.INGEDIEND, JC, label=_("Informatie ontvangen: termijn loopt weer")),
        stap(A.INGEDIEND, A.VERDAAGD, JC, label=_("Verdagen: het besluit komt later")),
        stap(A.VERDAAGD, A.OPGESCHORT, JC, label=_("Opschorten: informatie opvragen")),
        stap(A.OPGESCHORT, A.VERDAAGD, JC, label=_("Informatie ontvangen: termijn loopt weer")),
        *(stap(v, A.TOEGEKEND, JC, label=_("Toekennen")) for v in (A.INGEDIEND, A.VERDAAGD)),
        *(stap(v, A.AFGEWEZEN, JC, label=_("Afwijzen")) for v in (A.INGEDIEND, A.VERDAAGD)),
        *(
            stap(v, A.INGETROKKEN, CJG, JC, label=_("Ingetrokken door het gezin"))
            for v in (A.INGEDIEND, A.OPGESCHORT, A.VERDAAGD)
        ),
    )
    OPEN = (A.INGEDIEND, A.OPGESCHORT, A.VERDAAGD)

    casus = models.ForeignKey(Casus, on_delete=models.PROTECT, related_name="aanvragen", verbose_name=_("casus"))
    jeugdige = models.ForeignKey(Jeugdige, on_delete=models.PROTECT, related_name="aanvragen")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="aanvragen")
    vorm = models.CharField(_("vorm"), max_length=3, choices=Vorm.choices)
    status = models.CharField(_("status"), max_length=20, choices=AanvraagStatus.choices, default=A.INGEDIEND)
    ontvangen_op = models.DateField(_("aanvraag ontvangen op"))
    beslis_uiterlijk = models.DateField(_("besluit uiterlijk"), help_text=_("8 weken (Awb 4:13), plus opschorting."))
    opgeschort_op = models.DateField(_("opgeschort op"), null=True, blank=True)
    opgeschorte_dagen = models.PositiveIntegerField(_("dagen opgeschort"), default=0)
    verdaagd_tot = models.DateField(_("verdaagd tot"), null=True, blank=True)
    reden_verdaging = models.TextField(_("reden verdaging"), blank=True)
    toelichting = models.TextField(_("waarom deze hulp"), blank=True)
    # While no JW305 has arrived, the jeugdige waits: who holds regie meanwhile, and what bridging care is given.
    regie_tijdens_wachten = models.CharField(_("regie tijdens het wachten"), max_length=200, blank=True)
    overbruggingszorg = models.TextField(_("overbruggingszorg"), blank=True)
    toewijzingen = models.ManyToManyField(Toewijzing, blank=True, related_name="aanvragen")
    ingediend_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("aanvraag")
        verbose_name_plural = _("aanvragen")
        ordering = ["beslis_uiterlijk", "pk"]
        indexes = [models.Index(fields=["gemeente", "status", "beslis_uiterlijk"])]

    def __str__(self) -> str:
        return f"Aanvraag {self.pk} ({self.get_vorm_display()})"

    def get_absolute_url(self) -> str:
        return reverse("besluiten:aanvraag", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def wacht_op_start(self) -> bool:
        return self.status == A.TOEGEKEND and self.toewijzingen.filter(begindatum_zorg__isnull=True).exists()


class AangevraagdProduct(models.Model):
    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="producten")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="+", verbose_name=_("product"))
    aanbieder = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("aanbieder")
    )
    volume = models.PositiveIntegerField(_("omvang"), null=True, blank=True)
    eenheid = models.CharField(_("eenheid"), max_length=2, choices=codelijsten.EENHEID.choices, blank=True)
    frequentie = models.CharField(_("per"), max_length=1, choices=codelijsten.FREQUENTIE.choices, blank=True)
    ingangsdatum = models.DateField(_("vanaf"))
    einddatum = models.DateField(_("tot en met"))

    class Meta:
        verbose_name = _("aangevraagd product")
        verbose_name_plural = _("aangevraagde producten")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.product} {self.ingangsdatum}–{self.einddatum}"

    def clean(self) -> None:
        if self.ingangsdatum and self.einddatum and self.einddatum < self.ingangsdatum:
            raise ValidationError({"einddatum": _("De einddatum ligt voor de ingangsdatum.")})


class Beschikking(models.Model):
    class Besluit(models.TextChoices):
        TOEGEKEND = "toegekend", _("Toegekend")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    aanvraag = models.OneToOneField(Aanvraag, on_delete=models.PROTECT, related_name="beschikking")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="beschikkingen")
    beschikkingnummer = models.PositiveBigIntegerField(_("beschikkingnummer"))
    besluit = models.CharField(_("besluit"), max_length=20, choices=Besluit.choices)
    motivering = models.TextField(_("motivering"))
    bezwaarclausule = models.TextField(_("bezwaarclausule"))
    datum = models.DateField(_("datum bekendmaking"))
    ingangsdatum = models.DateField(_("ingangsdatum"))
    einddatum = models.DateField(_("einddatum"))
    bezwaar_uiterlijk = models.DateField(_("bezwaar uiterlijk"), help_text=_("6 weken na bekendmaking (Awb 6:7)."))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    # The letter texts as they read on the day of the decision (see besluiten.brief): a letter printed again later
    # says what the first one said, even after the functioneel beheerder edited the texts.
    brief = models.JSONField(_("brieftekst"), default=dict, blank=True)

    class Meta:
        verbose_name = _("beschikking")
        verbose_name_plural = _("beschikkingen")
        ordering = ["-datum", "-pk"]
        constraints = [
            # UP037: the beschikkingnummer is unique within the gemeente
            models.UniqueConstraint(fields=["gemeente", "beschikkingnummer"], name="beschikkingnummer_uniek")
        ]

    def __str__(self) -> str:
        return f"Beschikking {self.beschikkingnummer}"


def euro(cent: int) -> str:
    """Eurocent as Dutch money text: 453956 → '€ 4.539,56'."""
    tekst = f"{cent / 100:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"€ {tekst}"


class Tariefsoort(models.TextChoices):
    PROFESSIONEEL = "professioneel", _("Professionele hulpverlener")
    INFORMEEL = "informeel", _("Iemand uit het sociale netwerk")


class PgbBeoordeling(models.Model):
    """The Jeugdwet 8.1.1 checklist, the budget computed from the tariffs, and refusal grounds."""

    aanvraag = models.OneToOneField(Aanvraag, on_delete=models.CASCADE, related_name="pgb")
    kan_beheren = models.BooleanField(_("het gezin kan het pgb beheren (8.1.1 lid 2a)"), default=False)
    waarom_geen_zin = models.TextField(_("waarom past zorg in natura niet (8.1.1 lid 2b)"), blank=True)
    kwaliteit_geborgd = models.BooleanField(_("de kwaliteit is geborgd (8.1.1 lid 2c)"), default=False)
    budgetplan_compleet = models.BooleanField(_("het budgetplan is compleet"), default=False)
    tariefsoort = models.CharField(_("wie gaat helpen"), max_length=20, choices=Tariefsoort.choices)
    tarief = models.PositiveIntegerField(
        _("tarief per eenheid (eurocent)"),
        default=0,
        help_text=_("In de eenheid van de aangevraagde hulp: per uur, per etmaal, per dagdeel, …"),
    )
    budget = models.PositiveBigIntegerField(_("budget voor de hele periode (eurocent)"), default=0)
    weigeringsgronden = models.TextField(_("weigeringsgronden"), blank=True)

    class Meta:
        verbose_name = _("pgb-beoordeling")
        verbose_name_plural = _("pgb-beoordelingen")

    def __str__(self) -> str:
        return f"Pgb-beoordeling aanvraag {self.aanvraag_id}"

    @property
    def tarief_euro(self) -> str:
        return euro(self.tarief)

    @property
    def budget_euro(self) -> str:
        return euro(self.budget)

    @property
    def voldoet(self) -> bool:
        return (
            self.kan_beheren
            and bool(self.waarom_geen_zin.strip())
            and self.kwaliteit_geborgd
            and self.budgetplan_compleet
        )


class BezwaarStatus(models.TextChoices):
    ONTVANGEN = "ontvangen", _("Ontvangen")
    VERDAAGD = "verdaagd", _("Verdaagd")
    BESLIST = "beslist", _("Beslist")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


B = BezwaarStatus


class Bezwaar(MetStatus):
    class Uitkomst(models.TextChoices):
        GEGROND = "gegrond", _("Gegrond: het besluit wordt herzien")
        DEELS_GEGROND = "deels_gegrond", _("Deels gegrond")
        ONGEGROND = "ongegrond", _("Ongegrond: het besluit blijft")
        NIET_ONTVANKELIJK = "niet_ontvankelijk", _("Niet-ontvankelijk")

    TABEL = Tabel(
        stap(B.ONTVANGEN, B.VERDAAGD, JC, label=_("Verdagen (ten hoogste 6 weken)")),
        stap(B.ONTVANGEN, B.BESLIST, JC, label=_("Beslissen")),
        stap(B.VERDAAGD, B.BESLIST, JC, label=_("Beslissen")),
        stap(B.ONTVANGEN, B.INGETROKKEN, JC, label=_("Ingetrokken")),
        stap(B.VERDAAGD, B.INGETROKKEN, JC, label=_("Ingetrokken")),
    )

    beschikking = models.ForeignKey(Beschikking, on_delete=models.PROTECT, related_name="bezwaren")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="bezwaren")
    status = models.CharField(_("status"), max_length=20, choices=BezwaarStatus.choices, default=B.ONTVANGEN)
    ontvangen_op = models.DateField(_("bezwaar ontvangen op"))
    tijdig = models.BooleanField(_("binnen de bezwaartermijn"), default=True)
    gronden = models.TextField(_("gronden van het bezwaar"))
    adviescommissie = models.BooleanField(_("advies van de bezwaarcommissie"), default=False)
    beslis_uiterlijk = models.DateField(_("beslissen uiterlijk"), help_text=_("Awb 7:10."))
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices, blank=True)
    beslist_op = models.DateField(_("beslist op"), null=True, blank=True)
    toelichting_uitkomst = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("bezwaar")
        verbose_name_plural = _("bezwaren")
        ordering = ["beslis_uiterlijk", "pk"]

    def __str__(self) -> str:
        return f"Bezwaar tegen {self.beschikking}"

    def get_absolute_url(self) -> str:
        return reverse("besluiten:bezwaar", args=[self.pk])

    @property
    def jeugdige(self):
        return self.beschikking.aanvraag.jeugdige


class Evaluatie(models.Model):
    """The driehoek (jeugdige, toegang, aanbieder) asks: is the help still right? The outcome changes the toewijzing."""

    class Uitkomst(models.TextChoices):
        ZO_DOOR = "zo_door", _("Goed zo: zo doorgaan")
        MEER = "meer", _("Meer hulp nodig")
        MINDER = "minder", _("Minder hulp nodig")
        ANDERS = "anders", _("Andere hulp nodig")
        STOPPEN = "stoppen", _("Stoppen: doel bereikt of hulp past niet")

    toewijzing = models.ForeignKey(Toewijzing, on_delete=models.PROTECT, related_name="evaluaties")
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="evaluaties")
    datum = models.DateField(_("datum"))
    deelnemers = models.CharField(_("wie waren er bij"), max_length=300)
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices)
    toelichting = models.TextField(_("toelichting"), blank=True)
    volgende_evaluatie = models.DateField(_("volgende evaluatie"), null=True, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    aangemaakt = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        ordering = ["-datum", "-pk"]

    def __str__(self) -> str:
        return f"Evaluatie {self.datum}"
