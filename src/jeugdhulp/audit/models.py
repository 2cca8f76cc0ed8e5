"""The append-only access log (NEN 7513 style): who saw or changed which jeugdige's data, when, from where, why.

Append-only is enforced at four levels: the model refuses updates and deletes, the queryset refuses bulk
updates and deletes, database triggers refuse UPDATE and DELETE underneath the ORM (PostgreSQL and SQLite), and a
hash chain (``keten``) makes any change, deletion or insertion that gets past them visible to ``jeugdhulp audit
verifieer``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove an access-log entry."""


class Actie(models.TextChoices):
    BEKEKEN = "bekeken", _("bekeken")
    GEZOCHT = "gezocht", _("gezocht")
    AANGEMAAKT = "aangemaakt", _("aangemaakt")
    GEWIJZIGD = "gewijzigd", _("gewijzigd")
    VERWIJDERD = "verwijderd", _("verwijderd")
    GEEXPORTEERD = "geexporteerd", _("geëxporteerd")
    LOG_BEKEKEN = "log_bekeken", _("toegangslog bekeken")
    GEWEIGERD = "geweigerd", _("toegang geweigerd")
    # Rights (four-eyes grants): who asked, who approved or refused, and changes that need no second person.
    RECHT_AANGEVRAAGD = "recht_aangevraagd", _("recht aangevraagd")
    RECHT_VERLEEND = "recht_verleend", _("recht goedgekeurd")
    RECHT_AFGEWEZEN = "recht_afgewezen", _("recht afgewezen")
    RECHT_GEWIJZIGD = "recht_gewijzigd", _("recht gewijzigd")
    ACTIVERINGSLINK = "activeringslink", _("activeringslink gemaakt")
    RECHT_GEWEIGERD = "recht_geweigerd", _("poging tot eigen recht geweigerd")
    EMAIL_GEWIJZIGD = "email_gewijzigd", _("e-mailadres gewijzigd")
    GEDEACTIVEERD = "gedeactiveerd", _("account gedeactiveerd")
    GEACTIVEERD = "geactiveerd", _("account weer actief")


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Het toegangslog kan niet worden gewijzigd.")

    def delete(self):
        raise AppendOnlyError("Het toegangslog kan niet worden verwijderd.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError("Het toegangslog kan niet worden gewijzigd.")


class Toegangslogregel(models.Model):
    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True, editable=False)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,  # the log outlives users
        null=True,
        related_name="+",
        verbose_name=_("gebruiker"),
        editable=False,
    )
    gebruikersnaam = models.CharField(_("gebruikersnaam"), max_length=150, editable=False)
    rol = models.CharField(_("rol"), max_length=30, editable=False)
    jeugdige = models.ForeignKey(
        "jeugdigen.Jeugdige",
        on_delete=models.DO_NOTHING,
        db_constraint=False,  # the log outlives the dossier (retention)
        null=True,
        related_name="+",
        verbose_name=_("jeugdige"),
        editable=False,
    )
    jeugdige_bsn = models.CharField(_("BSN jeugdige"), max_length=9, blank=True, editable=False, db_index=True)
    actie = models.CharField(_("actie"), max_length=20, choices=Actie.choices, editable=False)
    onderwerp = models.CharField(
        _("onderwerp"),
        max_length=100,
        blank=True,
        editable=False,
        help_text=_("Welk gegeven, bijvoorbeeld 'dossier'."),
    )
    ip_adres = models.GenericIPAddressField(_("IP-adres"), null=True, editable=False)
    pad = models.CharField(_("pad"), max_length=300, blank=True, editable=False)
    reden = models.TextField(_("reden"), blank=True, editable=False)
    # The hash chain: this row's link to the previous row, and its own HMAC (see ``keten``).
    vorige_hash = models.CharField(_("hash vorige regel"), max_length=64, editable=False)
    hash = models.CharField(_("hash"), max_length=64, editable=False)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("toegangslogregel")
        verbose_name_plural = _("toegangslog")
        ordering = ["-tijdstip", "-pk"]
        default_permissions = ("view",)
        indexes = [
            models.Index(fields=["jeugdige", "tijdstip"]),
            models.Index(fields=["gebruiker", "tijdstip"]),
        ]

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.gebruikersnaam} {self.actie} {self.jeugdige_bsn}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None or kwargs.get("force_update"):
            raise AppendOnlyError("Het toegangslog kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Het toegangslog kan niet worden verwijderd.")

    @property
    def rol_label(self) -> str:
        from jeugdhulp.accounts.roles import Rol

        return Rol(self.rol).label if self.rol in Rol.values else self.rol
