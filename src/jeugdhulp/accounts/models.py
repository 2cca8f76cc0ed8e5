"""Staff users. Each user has exactly one role and the scope that role needs (team, gemeente or aanbieder)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdhulp.aanbieders.models import Aanbieder
from jeugdhulp.accounts.roles import SCOPE_PER_ROL, Rol
from jeugdhulp.organisatie.models import Gemeente, Team


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
