"""The casus: the CJG's work with one jeugdige and gezin, from vraagverheldering to closure and waakvlam.

The casus is the trajectory: it carries the verwijzer type (COD327) for the CBS statistics, the regie, the
safety flag and the closure. Conversations, the versioned kort verslag, the samenwerkingsplan (1 gezin 1 plan),
safety signals, waakvlam contacts and evaluations hang off it. Every deadline is stored on its row.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdhulp import codelijsten
from jeugdhulp.accounts.roles import Rol
from jeugdhulp.core.validators import validate_not_future
from jeugdhulp.jeugdigen.models import Jeugdige
from jeugdhulp.organisatie.models import Gemeente, Team
from jeugdhulp.overgangen.models import MetStatus, Tabel, stap

CJG, JC = Rol.CJG_MEDEWERKER, Rol.JEUGDCONSULENT


class CasusStatus(models.TextChoices):
    VRAAGVERHELDERING = "vraagverheldering", _("Vraagverheldering")
    PLAN = "plan", _("Samenwerkingsplan")
    UITVOERING = "uitvoering", _("Hulp loopt")
    WAAKVLAM = "waakvlam", _("Afgesloten, waakvlam loopt")
    AFGESLOTEN = "afgesloten", _("Afgesloten")


class Regievorm(models.TextChoices):
    ZELFREGIE = "zelfregie", _("Zelfregie (ouders en/of jeugdige)")
    CASUSREGIE = "casusregie", _("Casusregie")
    PROCESREGIE = "procesregie", _("Procesregie")


class RedenAfsluiting(models.TextChoices):
    VOLGENS_PLAN = "volgens_plan", _("Volgens plan afgerond")
    VOORTIJDIG_CLIENT = "voortijdig_client", _("Voortijdig: op verzoek van gezin of jeugdige")
    VOORTIJDIG_CJG = "voortijdig_cjg", _("Voortijdig: door het CJG")
    VERHUIZING = "verhuizing", _("Verhuisd naar een andere gemeente")
    OVERGEDRAGEN = "overgedragen", _("Overgedragen (bijvoorbeeld aan Wmo of GI)")
    OVERLEDEN = "overleden", _("Overleden")


S = CasusStatus
_SLUIT = (S.VRAAGVERHELDERING, S.PLAN, S.UITVOERING)


class Casus(MetStatus):
    TABEL = Tabel(
        stap(S.VRAAGVERHELDERING, S.PLAN, CJG, label=_("Samenwerkingsplan maken")),
        stap(S.PLAN, S.UITVOERING, CJG, JC, label=_("Hulp is gestart: zet op uitvoering")),
        stap(S.UITVOERING, S.PLAN, CJG, label=_("Plan bijstellen: zet terug op plan")),
        *(stap(v, S.AFGESLOTEN, CJG, label=_("Afsluiten")) for v in _SLUIT),
        *(stap(v, S.WAAKVLAM, CJG, label=_("Afsluiten met waakvlam")) for v in _SLUIT),
        stap(S.WAAKVLAM, S.AFGESLOTEN, CJG, label=_("Waakvlam beëindigen: sluit de casus helemaal af")),
        stap(S.WAAKVLAM, S.VRAAGVERHELDERING, CJG, label=_("Casus heropenen: terug naar vraagverheldering")),
        stap(S.AFGESLOTEN, S.VRAAGVERHELDERING, CJG, label=_("Casus heropenen: terug naar vraagverheldering")),
    )
    OPEN = (S.VRAAGVERHELDERING, S.PLAN, S.UITVOERING)

    jeugdige = models.ForeignKey(
        Jeugdige, on_delete=models.PROTECT, related_name="casussen", verbose_name=_("jeugdige")
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="casussen", verbose_name=_("gemeente")
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="casussen", verbose_name=_("CJG-team"))
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="casussen",
        verbose_name=_("CJG-medewerker"),
    )
    status = models.CharField(_("status"), max_length=20, choices=CasusStatus.choices, default=S.VRAAGVERHELDERING)
    verwijzer_type = models.CharField(
        _("verwijzer (CBS)"), max_length=2, choices=codelijsten.TYPE_VERWIJZER.choices, default="01"
    )
    verwijzer_naam = models.CharField(_("naam verwijzer"), max_length=64, blank=True)
    regievorm = models.CharField(_("regie"), max_length=20, choices=Regievorm.choices, default=Regievorm.ZELFREGIE)
    regisseur = models.CharField(
        _("regisseur"), max_length=200, blank=True, help_text=_("Naam van wie de regie heeft.")
    )
    veiligheid = models.BooleanField(_("zorgen over veiligheid"), default=False)
    geopend_op = models.DateField(_("geopend op"), default=timezone.localdate)
    laatste_voortgang = models.DateField(_("laatste voortgang"), default=timezone.localdate)
    afgesloten_op = models.DateField(_("afgesloten op"), null=True, blank=True)
    reden_afsluiting = models.CharField(
        _("reden afsluiting"), max_length=20, choices=RedenAfsluiting.choices, blank=True
    )
    toelichting_afsluiting = models.TextField(_("wat is er bereikt"), blank=True)

    class Meta:
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")
        ordering = ["-geopend_op", "-pk"]
        indexes = [models.Index(fields=["team", "status"]), models.Index(fields=["gemeente", "status"])]

    def __str__(self) -> str:
        return f"Casus {self.pk} ({self.jeugdige})"

    def get_absolute_url(self) -> str:
        return reverse("casussen:detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN


class Gesprek(models.Model):
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="gesprekken", verbose_name=_("casus"))
    datum = models.DateField(_("datum"), validators=[validate_not_future])
    deelnemers = models.CharField(_("wie waren er bij"), max_length=500)
    samenvatting = models.TextField(_("samenvatting"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)

    class Meta:
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")
        ordering = ["-datum", "-pk"]

    def __str__(self) -> str:
        return f"Gesprek {self.datum}"


class KortVerslag(models.Model):
    """One version of the kort verslag. A change makes a new version; old versions stay as they were shared."""

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="verslagen", verbose_name=_("casus"))
    versie = models.PositiveIntegerField(_("versie"))
    vraag = models.TextField(_("wat is de vraag"))
    wat_gaat_goed = models.TextField(_("wat gaat goed"), blank=True)
    afspraken = models.TextField(_("wat spreken we af"))
    reactie_gezin = models.TextField(
        _("reactie van gezin en jeugdige"),
        blank=True,
        help_text=_("In hun eigen woorden, ook waar zij het niet eens zijn."),
    )
    gezin_eens = models.BooleanField(_("gezin is het eens met het verslag"), default=False)
    akkoord_ouders = models.BooleanField(_("ouders hebben ingestemd"), default=False)
    akkoord_jeugdige = models.BooleanField(_("jeugdige heeft ingestemd"), default=False)
    gedeeld_op = models.DateField(_("gedeeld op"), null=True, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    class Meta:
        verbose_name = _("kort verslag")
        verbose_name_plural = _("korte verslagen")
        ordering = ["casus", "-versie"]
        constraints = [models.UniqueConstraint(fields=["casus", "versie"], name="kort_verslag_versie_uniek")]

    def __str__(self) -> str:
        return f"Kort verslag versie {self.versie}"


class Leefgebied(models.TextChoices):
    OPVOEDEN = "opvoeden", _("Opvoeden en gezin")
    ONDERWIJS = "onderwijs", _("School en opleiding")
    WERK_INKOMEN = "werk_inkomen", _("Werk en inkomen")
    GEZONDHEID = "gezondheid", _("Gezondheid en zorg")
    WONEN = "wonen", _("Wonen")
    VEILIGHEID = "veiligheid", _("Veiligheid")
    NETWERK = "netwerk", _("Netwerk, vrienden en vrije tijd")


class Samenwerkingsplan(MetStatus):
    """1 gezin 1 plan: ik wil / ik kan / ik heb nodig per leefgebied, doelen, acties, deelnemers, evaluatiedatum."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        VASTGESTELD = "vastgesteld", _("Vastgesteld met het gezin")

    TABEL = Tabel(
        stap(Status.CONCEPT, Status.VASTGESTELD, CJG, label=_("Vaststellen")),
        stap(Status.VASTGESTELD, Status.CONCEPT, CJG, label=_("Bijstellen")),
    )

    casus = models.OneToOneField(Casus, on_delete=models.CASCADE, related_name="plan", verbose_name=_("casus"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    leefgebieden = models.JSONField(
        _("ik wil / ik kan / ik heb nodig"), default=list, blank=True, help_text=_("Per leefgebied: wil, kan, nodig.")
    )
    doelen = models.TextField(_("doelen"), blank=True)
    datum_overleg = models.DateField(_("datum samenwerkoverleg"), null=True, blank=True)
    locatie_overleg = models.CharField(_("waar"), max_length=100, default="thuis bij het gezin", blank=True)
    evaluatiedatum = models.DateField(_("evaluatiedatum"), null=True, blank=True)

    class Meta:
        verbose_name = _("samenwerkingsplan")
        verbose_name_plural = _("samenwerkingsplannen")

    def __str__(self) -> str:
        return f"Samenwerkingsplan casus {self.casus_id}"

    def organisaties(self) -> set[str]:
        return {d.organisatie.strip().lower() for d in self.deelnemers.all() if d.organisatie.strip()}

    def controleer_regie(self) -> None:
        """A casusregisseur is required when professionals of several organisations are involved."""
        casus = self.casus
        if len(self.organisaties()) >= 2 and (casus.regievorm == Regievorm.ZELFREGIE or not casus.regisseur):
            raise ValidationError(
                _("Er zijn meerdere organisaties betrokken. Kies casusregie of procesregie en noem de regisseur.")
            )
        if casus.regievorm != Regievorm.ZELFREGIE and not casus.regisseur:
            raise ValidationError(_("Noem de regisseur."))


class Deelnemer(models.Model):
    class Soort(models.TextChoices):
        INWONER = "inwoner", _("Gezin of jeugdige")
        NETWERK = "netwerk", _("Netwerk")
        JIM = "jim", _("JIM-mentor")
        PROFESSIONAL = "professional", _("Professional")

    plan = models.ForeignKey(Samenwerkingsplan, on_delete=models.CASCADE, related_name="deelnemers")
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    organisatie = models.CharField(_("organisatie"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.naam


class Actie(models.Model):
    class Eigenaar(models.TextChoices):
        NETWERK = "netwerk", _("Gezin of netwerk")
        PROFESSIONAL = "professional", _("Professional")

    plan = models.ForeignKey(Samenwerkingsplan, on_delete=models.CASCADE, related_name="acties")
    omschrijving = models.CharField(_("wat"), max_length=300)
    eigenaar_soort = models.CharField(_("wie"), max_length=20, choices=Eigenaar.choices)
    eigenaar = models.CharField(_("naam"), max_length=200)
    deadline = models.DateField(_("wanneer klaar"))
    gedaan_op = models.DateField(_("gedaan op"), null=True, blank=True)

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["deadline", "pk"]

    def __str__(self) -> str:
        return self.omschrijving


class Veiligheidssignaal(models.Model):
    class Soort(models.TextChoices):
        ZORGEN = "zorgen", _("Zorgen over veiligheid")
        VEILIG_THUIS = "veilig_thuis", _("Melding bij Veilig Thuis")
        CRISIS = "crisis", _("Crisis")
        RVDK_ONDERZOEK = "rvdk_onderzoek", _("Verzoek tot onderzoek bij de Raad voor de Kinderbescherming")
        MACHTIGING_GESLOTEN = "machtiging_gesloten", _("Verzoek machtiging gesloten jeugdhulp")
        BESLUIT_VERBLIJF = "besluit_verblijf", _("Besluit over jeugdhulp met verblijf")

    MANDAAT_NODIG = frozenset({Soort.RVDK_ONDERZOEK, Soort.MACHTIGING_GESLOTEN, Soort.BESLUIT_VERBLIJF})

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="signalen")
    soort = models.CharField(_("soort"), max_length=30, choices=Soort.choices)
    datum = models.DateField(_("datum"))
    toelichting = models.TextField(_("toelichting"))
    mandaat = models.CharField(
        _("mandaat"), max_length=300, blank=True, help_text=_("Op welk mandaat rust deze actie (besluit, artikel)?")
    )
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)

    class Meta:
        verbose_name = _("veiligheidssignaal")
        verbose_name_plural = _("veiligheidssignalen")
        ordering = ["-datum", "-pk"]

    def __str__(self) -> str:
        return self.get_soort_display()

    def clean(self) -> None:
        if self.soort in self.MANDAAT_NODIG and not self.mandaat.strip():
            raise ValidationError({"mandaat": _("Leg vast op welk mandaat deze actie rust.")})


class Waakvlamcontact(models.Model):
    """One planned lean-on/support contact after closure; the reminder date is the planned date on the row."""

    class Soort(models.TextChoices):
        LEUN = "leun", _("Leuncontact (gezin belt als het nodig is)")
        STEUN = "steun", _("Steuncontact (CJG belt op de afgesproken datum)")

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="waakvlam")
    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices, default=Soort.STEUN)
    gepland_op = models.DateField(_("gepland op"))
    gedaan_op = models.DateField(_("gedaan op"), null=True, blank=True)
    verslag = models.TextField(_("kort verslag van het contact"), blank=True)

    class Meta:
        verbose_name = _("waakvlamcontact")
        verbose_name_plural = _("waakvlamcontacten")
        ordering = ["gepland_op", "pk"]

    def __str__(self) -> str:
        return f"Waakvlam {self.gepland_op}"


class Werkinstructie(models.Model):
    """Short guidance shown in context at a step; edited by the functioneel beheerder in Beheer."""

    stap = models.SlugField(_("stap"), max_length=40, unique=True)
    titel = models.CharField(_("titel"), max_length=100)
    tekst = models.TextField(_("tekst"))

    class Meta:
        verbose_name = _("werkinstructie")
        verbose_name_plural = _("werkinstructies")
        ordering = ["stap"]

    def __str__(self) -> str:
        return self.titel


class Woonvorm(models.TextChoices):
    THUIS = "thuis", _("Thuis of zelfstandig")
    PLEEGZORG = "pleegzorg", _("Pleegzorg")
    GEZINSHUIS = "gezinshuis", _("Gezinshuis")
    ANDERS = "anders", _("Andere vorm van verblijf")


class Na18(models.TextChoices):
    WMO = "wmo", _("Wmo (gemeente, vanaf 18)")
    ZVW = "zvw", _("Zorgverzekeringswet (bijv. ggz)")
    WLZ = "wlz", _("Wet langdurige zorg")
    VERLENGD = "verlengd", _("Verlengde jeugdhulp (tot uiterlijk 23)")
    GEEN = "geen", _("Geen hulp meer nodig")


class ToekomstLeefgebied(models.TextChoices):
    ONDERWIJS = "onderwijs", _("Onderwijs")
    WERK_INKOMEN = "werk_inkomen", _("Werk en inkomen")
    ZORG = "zorg", _("Zorg")
    WONEN = "wonen", _("Wonen en huisvesting")
    VEILIGHEID = "veiligheid", _("Veiligheid")
    NETWERK = "netwerk", _("Netwerk")


class Toekomstplan(MetStatus):
    """18-/18+: the youth's plan for life after 18, with every age trigger stored on the row (from geboortedatum).

    One per jeugdige (it spans casussen); ``casus`` is the casus it is worked on now and gives the team scope.
    """

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Nog niet vastgesteld")
        VASTGESTELD = "vastgesteld", _("Vastgesteld met de jongere")

    TABEL = Tabel(
        stap(Status.CONCEPT, Status.VASTGESTELD, CJG, label=_("Toekomstplan vaststellen")),
        stap(Status.VASTGESTELD, Status.CONCEPT, CJG, label=_("Toekomstplan bijstellen")),
    )

    jeugdige = models.OneToOneField(Jeugdige, on_delete=models.CASCADE, related_name="toekomstplan")
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="toekomstplannen")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    woonvorm = models.CharField(_("woont nu"), max_length=20, choices=Woonvorm.choices, default=Woonvorm.THUIS)
    plan_uiterlijk = models.DateField(_("toekomstplan klaar uiterlijk (16 jaar)"))
    overgangscheck_op = models.DateField(_("overgangscheck (17½ jaar)"))
    achttien_op = models.DateField(_("18 jaar"))
    verblijf_tot = models.DateField(_("einde pleegzorg of gezinshuis (21 jaar)"), null=True, blank=True)
    verlengd_uiterlijk = models.DateField(_("einde verlengde jeugdhulp (23 jaar)"))
    vastgesteld_op = models.DateField(_("vastgesteld op"), null=True, blank=True)
    overgangscheck_gedaan_op = models.DateField(_("overgangscheck gedaan op"), null=True, blank=True)
    na_18 = models.JSONField(_("wat loopt door na 18"), default=list, blank=True)
    toelichting_na_18 = models.TextField(_("toelichting na 18"), blank=True)

    class Meta:
        verbose_name = _("toekomstplan")
        verbose_name_plural = _("toekomstplannen")
        indexes = [
            models.Index(fields=["plan_uiterlijk"]),
            models.Index(fields=["overgangscheck_op"]),
            models.Index(fields=["achttien_op"]),
        ]

    def __str__(self) -> str:
        return f"Toekomstplan {self.jeugdige}"

    def get_absolute_url(self) -> str:
        return reverse("casussen:detail", args=[self.casus_id]) + "#h-toekomst"

    def na_18_tekst(self) -> list[str]:
        labels = dict(Na18.choices)
        return [str(labels.get(k, k)) for k in self.na_18]


class Toekomstdoel(models.Model):
    """Per leefgebied: the youth's own goal, and who does what: the network and the formal support."""

    plan = models.ForeignKey(Toekomstplan, on_delete=models.CASCADE, related_name="doelen")
    leefgebied = models.CharField(_("leefgebied"), max_length=20, choices=ToekomstLeefgebied.choices)
    eigen_doel = models.TextField(_("mijn doel (in eigen woorden)"))
    netwerk_doet = models.TextField(_("wat doet mijn netwerk"), blank=True)
    formeel_doet = models.TextField(_("wat doet formele hulp (wie)"), blank=True)

    class Meta:
        verbose_name = _("toekomstdoel")
        verbose_name_plural = _("toekomstdoelen")
        ordering = ["plan", "leefgebied"]
        constraints = [models.UniqueConstraint(fields=["plan", "leefgebied"], name="toekomstdoel_per_leefgebied")]

    def __str__(self) -> str:
        return self.get_leefgebied_display()
