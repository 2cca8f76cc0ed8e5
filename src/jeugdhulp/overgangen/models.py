"""Explicit workflows: a status moves only along a transition table, each move is recorded with who and when.

``Tabel`` holds the allowed transitions with the roles that may make them. ``MetStatus`` is the abstract model
that carries ``status`` and ``versie``: ``naar()`` checks the table and the role, updates the row only when
nobody changed it in between (optimistic locking on ``versie``) and writes an ``Overgang`` row. The access
components (hulpvragen, casussen, besluiten) all use it, so every process reads the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdhulp.accounts.roles import Rol


class OngeldigeOvergang(ValueError):
    """The table does not allow this move, or not for this role. Nothing was changed."""


class Gelijktijdig(RuntimeError):
    """Someone else changed the row since it was read. Nothing was changed; reload and try again."""


@dataclass(frozen=True)
class Stap:
    van: str
    naar: str
    rollen: frozenset[str]
    label: str = ""


class Tabel:
    """The transition table of one workflow: ``(van, naar) -> roles``. Systeem (no user) may make every step."""

    def __init__(self, *stappen: Stap):
        self.stappen = {(s.van, s.naar): s for s in stappen}

    def stap(self, van: str, naar: str) -> Stap | None:
        return self.stappen.get((van, naar))

    def vanuit(self, van: str, rol: str | None = None) -> list[Stap]:
        return [s for (v, _n), s in self.stappen.items() if v == van and (rol is None or rol in s.rollen)]

    def controleer(self, van: str, naar: str, rol: str | None) -> Stap:
        stap = self.stap(van, naar)
        if stap is None:
            raise OngeldigeOvergang(
                _("Deze stap kan niet: van ‘%(van)s’ naar ‘%(naar)s’.") % {"van": van, "naar": naar}
            )
        if rol is not None and rol not in stap.rollen:
            raise OngeldigeOvergang(_("Uw rol mag deze stap niet zetten."))
        return stap


def stap(van, naar, *rollen: Rol, label: str = "") -> Stap:
    return Stap(str(van), str(naar), frozenset(str(r) for r in rollen), str(label))


class MetStatus(models.Model):
    """A row with a status that moves along ``TABEL`` and a ``versie`` that guards against silent overwrites."""

    TABEL: Tabel = Tabel()

    versie = models.PositiveIntegerField(_("versie"), default=1)

    class Meta:
        abstract = True

    def mogelijke_stappen(self, user=None) -> list[Stap]:
        return self.TABEL.vanuit(self.status, getattr(user, "rol", None) if user is not None else None)

    def naar(self, nieuw: str, *, door=None, toelichting: str = "", **velden) -> Overgang:
        """Move to ``nieuw``: checks table and role, locks optimistically, records the Overgang."""
        rol = getattr(door, "rol", None) if door is not None else None
        self.TABEL.controleer(self.status, str(nieuw), rol)
        with transaction.atomic():
            bijgewerkt = (
                type(self)
                ._default_manager.filter(pk=self.pk, versie=self.versie, status=self.status)
                .update(status=nieuw, versie=F("versie") + 1, **velden)
            )
            if not bijgewerkt:
                raise Gelijktijdig(_("Iemand anders heeft dit net gewijzigd. Laad de pagina opnieuw."))
            overgang = Overgang.objects.create(
                content_type=ContentType.objects.get_for_model(self),
                object_id=self.pk,
                van=self.status,
                naar=nieuw,
                door=door if door is not None and door.is_authenticated else None,
                rol=rol or "",
                toelichting=toelichting,
            )
        self.status = nieuw
        self.versie += 1
        for naam, waarde in velden.items():
            setattr(self, naam, waarde)
        return overgang

    def bewaar(self, *velden: str) -> None:
        """Save the given fields only if nobody changed the row since it was read (``versie`` check)."""
        waarden = {v: getattr(self, v) for v in velden}
        if (
            not type(self)
            ._default_manager.filter(pk=self.pk, versie=self.versie)
            .update(versie=F("versie") + 1, **waarden)
        ):
            raise Gelijktijdig(_("Iemand anders heeft dit net gewijzigd. Laad de pagina opnieuw."))
        self.versie += 1

    @property
    def overgangen(self):
        return Overgang.objects.filter(
            content_type=ContentType.objects.get_for_model(self), object_id=self.pk
        ).select_related("door")


class Overgang(models.Model):
    """One recorded status change: which row, from, to, who (and in which role), when, why."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    onderwerp = GenericForeignKey("content_type", "object_id")
    van = models.CharField(_("van"), max_length=30)
    naar = models.CharField(_("naar"), max_length=30)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    rol = models.CharField(_("rol"), max_length=30, blank=True)
    op = models.DateTimeField(_("op"), default=timezone.now)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("overgang")
        verbose_name_plural = _("overgangen")
        ordering = ["op", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "op"])]

    def __str__(self) -> str:
        return f"{self.van} → {self.naar} ({self.op:%Y-%m-%d %H:%M})"

    def _tekst(self, waarde: str) -> str:
        """The status label as the workflow's model names it (e.g. 'Verdaagd'), for history lists."""
        model = self.content_type.model_class()
        try:
            keuzes = dict(model._meta.get_field("status").flatchoices) if model else {}
        except FieldDoesNotExist:  # a model without a status field shows the raw value
            keuzes = {}
        return str(keuzes.get(waarde, waarde))

    @property
    def van_tekst(self) -> str:
        return self._tekst(self.van)

    @property
    def naar_tekst(self) -> str:
        return self._tekst(self.naar)
