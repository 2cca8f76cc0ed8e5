"""Staff users. Each user has exactly one role and the scope that role needs (team, gemeente or aanbieder)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdhulp.aanbieders.models import Aanbieder
from jeugdhulp.accounts.roles import SCOPE_PER_ROL, Rol
from jeugdhulp.organisatie.models import Gemeente, Team
from jeugdhulp.overgangen.models import MetStatus, Tabel, stap


class User(AbstractUser):
    rol = models.CharField(_("rol"), max_length=30, choices=Rol.choices, blank=True)
    team = models.ForeignKey(
        Team,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
        verbose_name=_("team"),
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
        verbose_name=_("gemeente"),
    )
    aanbieder = models.ForeignKey(
        Aanbieder,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
        verbose_name=_("aanbieder"),
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(rol="cjg_medewerker") | models.Q(team__isnull=False),
                name="cjg_medewerker_heeft_team",
            ),
            models.CheckConstraint(
                condition=~models.Q(rol__in=["jeugdconsulent", "beleidsmedewerker"]) | models.Q(gemeente__isnull=False),
                name="gemeenterol_heeft_gemeente",
            ),
            models.CheckConstraint(
                condition=~models.Q(rol="aanbieder_medewerker") | models.Q(aanbieder__isnull=False),
                name="aanbieder_medewerker_heeft_aanbieder",
            ),
        ]

    def clean(self) -> None:
        super().clean()
        if not self.rol:
            return
        scope = SCOPE_PER_ROL[Rol(self.rol)]
        if scope and getattr(self, f"{scope}_id") is None:
            raise ValidationError({scope: _("Deze rol hoort bij een %(scope)s.") % {"scope": scope}})
        if self.rol == Rol.CJG_MEDEWERKER and self.team_id:
            self.gemeente_id = self.team.gemeente_id

    @property
    def rol_label(self) -> str:
        return Rol(self.rol).label if self.rol else ""

    def save(self, *args, **kwargs) -> None:
        # A CJG-medewerker's gemeente follows the team, so scope checks can use either.
        if self.rol == Rol.CJG_MEDEWERKER and self.team_id and not self.gemeente_id:
            self.gemeente_id = Team.objects.filter(pk=self.team_id).values_list("gemeente_id", flat=True).first()
        super().save(*args, **kwargs)


class Rechtaanvraag(MetStatus):
    """A requested change of a user's rights, waiting for a second beheerder (four eyes, ADR 0016).

    The change is a role and scope (``rol`` … ``aanbieder``: the rights after approval), and for a user whose role sees
    person-level data also a new e-mail address, reactivation, or a new activation link for an account that already
    has a password: each of these would let one beheerder take the account over (the link goes to the address).
    Until it is approved the user keeps the old role, scope and address: the request changes nothing by itself. The
    requester may not be the user, and the approver may be neither the requester nor the user (database constraints).
    """

    class Status(models.TextChoices):
        OPEN = "open", _("wacht op goedkeuring")
        GOEDGEKEURD = "goedgekeurd", _("goedgekeurd")
        AFGEWEZEN = "afgewezen", _("afgewezen")

    TABEL = Tabel(
        stap(Status.OPEN, Status.GOEDGEKEURD, Rol.FUNCTIONEEL_BEHEERDER, label=_("Goedkeuren")),
        stap(Status.OPEN, Status.AFGEWEZEN, Rol.FUNCTIONEEL_BEHEERDER, label=_("Afwijzen")),
    )

    gebruiker = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="rechtaanvragen", verbose_name=_("gebruiker")
    )
    rol = models.CharField(_("gevraagde rol"), max_length=30, choices=Rol.choices)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    aangevraagd_door = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("aangevraagd door")
    )
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), default=timezone.now)
    beoordeeld_door = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("beoordeeld door")
    )
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    motivering = models.TextField(_("motivering"), blank=True)
    van = models.CharField(_("was"), max_length=200, blank=True, help_text=_("Rol en bereik vóór de aanvraag."))
    email = models.EmailField(_("nieuw e-mailadres"), blank=True)
    email_was = models.EmailField(_("e-mailadres was"), blank=True)
    heractiveren = models.BooleanField(_("account weer actief maken"), default=False)
    nieuwe_activeringslink = models.BooleanField(_("nieuwe activeringslink"), default=False)

    class Meta:
        verbose_name = _("rechtaanvraag")
        verbose_name_plural = _("rechtaanvragen (vier ogen)")
        ordering = ["-aangevraagd_op", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(aangevraagd_door=F("gebruiker")), name="geen_eigen_rechtaanvraag"
            ),
            models.CheckConstraint(
                condition=models.Q(beoordeeld_door__isnull=True)
                | (~models.Q(beoordeeld_door=F("aangevraagd_door")) & ~models.Q(beoordeeld_door=F("gebruiker"))),
                name="beoordelaar_is_een_tweede_persoon",
            ),
            models.UniqueConstraint(
                fields=["gebruiker"], condition=models.Q(status="open"), name="een_open_rechtaanvraag_per_gebruiker"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker}: {self.omschrijving}"

    @property
    def bereik(self) -> str:
        """The requested role with its scope, in words: 'Jeugdconsulent (backoffice), gemeente Oss'."""
        return beschrijf_recht(self.rol, self.team, self.gemeente, self.aanbieder)

    @property
    def omschrijving(self) -> str:
        """Everything this request changes, in words: 'Jeugdconsulent, Oss → Jeugdconsulent, ’s-Hertogenbosch;
        e-mailadres a@… → b@…'."""
        delen = []
        if self.van != self.bereik:
            delen.append(f"{self.van} → {self.bereik}" if self.van else self.bereik)
        if self.email:
            delen.append(_("e-mailadres %(van)s → %(naar)s") % {"van": self.email_was or "-", "naar": self.email})
        if self.heractiveren:
            delen.append(str(_("account weer actief maken")))
        if self.nieuwe_activeringslink:
            delen.append(str(_("nieuwe activeringslink (wachtwoord opnieuw kiezen)")))
        return "; ".join(delen) or self.bereik


def beschrijf_recht(rol, team, gemeente, aanbieder) -> str:
    if not rol:
        return str(_("geen rol"))
    plek = team or gemeente or aanbieder
    return f"{Rol(rol).label}, {plek}" if plek else str(Rol(rol).label)
