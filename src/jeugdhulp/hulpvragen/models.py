"""A hulpvraag: a question about opvoeden or opgroeien that reaches the CJG, by any channel.

It is the front of the access process: the public site's online form, a phone call, the inloop or a
vindplaats all create one, and the CJG triages it. The deadline for the first contact is stored on the row
(``contact_uiterlijk``) so that queues stay cheap.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdhulp import codelijsten
from jeugdhulp.accounts.roles import Rol
from jeugdhulp.organisatie.models import Gemeente, Team, Wijk
from jeugdhulp.overgangen.models import MetStatus, Tabel, stap


class Vrager(models.TextChoices):
    JEUGDIGE = "jeugdige", _("Jeugdige zelf")
    OUDER = "ouder", _("Ouder of verzorger")
    PROFESSIONAL = "professional", _("Professional")
    SCHOOL = "school", _("School")
    HUISARTS = "huisarts", _("Huisarts")
    VINDPLAATS = "vindplaats", _("Andere vindplaats")
    VERWIJZER = "verwijzer", _("Wettelijke verwijzer (via een aanbieder)")


class Kanaal(models.TextChoices):
    TELEFOON = "telefoon", _("Telefoon")
    WEBSITE = "website", _("Website (online formulier)")
    INLOOP = "inloop", _("Inloop")
    VINDPLAATS = "vindplaats", _("Vindplaats")
    EMAIL = "email", _("E-mail")
    IJW = "ijw", _("Verzoek om toewijzing (iJw JW315)")


class Contactvoorkeur(models.TextChoices):
    TELEFOON = "telefoon", _("Telefoon")
    EMAIL = "email", _("E-mail")


class LichteHulp(models.TextChoices):
    INFORMATIE = "informatie", _("Informatie gegeven")
    ADVIES = "advies", _("Advies gegeven")
    KORTDURENDE_HULP = "kortdurend", _("Kortdurende hulp door het CJG")
    DOORVERWEZEN = "doorverwezen", _("Doorverwezen naar een algemene voorziening")


class HulpvraagStatus(models.TextChoices):
    NIEUW = "nieuw", _("Nieuw")
    IN_BEHANDELING = "in_behandeling", _("Contact gehad, in behandeling")
    LICHT_AFGEHANDELD = "licht_afgehandeld", _("Afgehandeld door het CJG")
    VRAAGVERHELDERING = "vraagverheldering", _("Naar vraagverheldering (casus)")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


_H = HulpvraagStatus
_CJG, _JC = Rol.CJG_MEDEWERKER, Rol.JEUGDCONSULENT


class HulpvraagQuerySet(models.QuerySet):
    def met_uiterlijk(self):
        """Annotate ``uiterlijk``: a VOT is due when its verzoek is due (one stored truth), else contact_uiterlijk."""
        from jeugdhulp.berichten.models import VerzoekStatus

        return self.annotate(
            uiterlijk=models.Case(
                models.When(
                    verzoek__status=VerzoekStatus.IN_ONDERZOEK,
                    verzoek__onderzoek_uiterlijk__isnull=False,
                    then=models.F("verzoek__onderzoek_uiterlijk"),
                ),
                models.When(verzoek__isnull=False, then=models.F("verzoek__antwoord_uiterlijk")),
                default=models.F("contact_uiterlijk"),
                output_field=models.DateField(),
            )
        )


class Hulpvraag(MetStatus):
    Status = HulpvraagStatus
    TABEL = Tabel(
        stap(_H.NIEUW, _H.IN_BEHANDELING, _CJG, label=_("Contact opgenomen")),
        stap(_H.NIEUW, _H.LICHT_AFGEHANDELD, _CJG, label=_("Zelf afhandelen")),
        stap(_H.IN_BEHANDELING, _H.LICHT_AFGEHANDELD, _CJG, label=_("Zelf afhandelen")),
        stap(_H.NIEUW, _H.VRAAGVERHELDERING, _CJG, label=_("Naar vraagverheldering")),
        stap(_H.IN_BEHANDELING, _H.VRAAGVERHELDERING, _CJG, label=_("Naar vraagverheldering")),
        stap(_H.NIEUW, _H.INGETROKKEN, _CJG, _JC, label=_("Ingetrokken")),
        stap(_H.IN_BEHANDELING, _H.INGETROKKEN, _CJG, _JC, label=_("Ingetrokken")),
    )
    OPEN = (_H.NIEUW, _H.IN_BEHANDELING)

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="hulpvragen", verbose_name=_("gemeente")
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, blank=True, related_name="hulpvragen", verbose_name=_("CJG-team")
    )
    wijk = models.ForeignKey(
        Wijk, on_delete=models.PROTECT, null=True, blank=True, related_name="hulpvragen", verbose_name=_("wijk of kern")
    )
    vrager = models.CharField(_("wie vraagt"), max_length=20, choices=Vrager.choices)
    kanaal = models.CharField(_("kanaal"), max_length=20, choices=Kanaal.choices)
    vraag = models.TextField(_("de vraag, in eigen woorden"))
    onderwerpen = models.JSONField(_("onderwerpen"), default=list, blank=True)
    leeftijd_kind = models.PositiveSmallIntegerField(_("leeftijd van het kind"), null=True, blank=True)
    naam = models.CharField(_("naam"), max_length=200, blank=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    contactvoorkeur = models.CharField(
        _("contact via"), max_length=20, choices=Contactvoorkeur.choices, default=Contactvoorkeur.TELEFOON
    )
    bereikbaar = models.CharField(_("wanneer bereikbaar"), max_length=200, blank=True)
    toestemmingen = models.JSONField(_("toestemmingen"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.NIEUW)
    ontvangen_op = models.DateTimeField(_("ontvangen op"))
    contact_uiterlijk = models.DateField(_("contact uiterlijk"), help_text=_("Binnen 2 werkdagen na ontvangst."))
    # Triage
    jeugdige = models.ForeignKey(
        "jeugdigen.Jeugdige",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hulpvragen",
        verbose_name=_("jeugdige"),
    )
    casus = models.ForeignKey(
        "casussen.Casus", on_delete=models.PROTECT, null=True, blank=True, related_name="hulpvragen"
    )
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    verzoek = models.OneToOneField(
        "berichten.Verzoek", on_delete=models.PROTECT, null=True, blank=True, related_name="hulpvraag"
    )
    verwijzer_type = models.CharField(
        _("verwijzer (CBS)"), max_length=2, choices=codelijsten.TYPE_VERWIJZER.choices, default="01"
    )
    lichte_hulp = models.CharField(_("wat heeft het CJG gedaan"), max_length=20, choices=LichteHulp.choices, blank=True)
    afhandeling = models.TextField(_("toelichting afhandeling"), blank=True)

    objects = HulpvraagQuerySet.as_manager()

    class Meta:
        verbose_name = _("hulpvraag")
        verbose_name_plural = _("hulpvragen")
        ordering = ["contact_uiterlijk", "ontvangen_op"]
        indexes = [models.Index(fields=["gemeente", "status", "contact_uiterlijk"])]

    def __str__(self) -> str:
        return f"Hulpvraag {self.pk} ({self.get_kanaal_display()})"

    @property
    def referentie(self) -> str:
        """The number a parent quotes on the phone: derived from the key, so nothing extra is stored ("HV-000123")."""
        return f"HV-{self.pk:06d}" if self.pk else ""

    @property
    def termijn(self):
        """The one deadline of this hulpvraag: a VOT is answered by the verzoek's stored deadline (OP274)."""
        if self.verzoek_id:
            return self.verzoek.uiterlijk
        return self.contact_uiterlijk

    @property
    def overleg_toegestaan(self) -> bool | None:
        """The asker's consent to consult school or huisarts; None when it was not asked (phone, VOT)."""
        return self.toestemmingen.get("overleg_school_huisarts") if self.toestemmingen else None
