"""Content the redacteur edits without a developer: pages (per language) and the professionals' event calendar."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class PaginaQuerySet(models.QuerySet):
    def vertaald(self, slug: str):
        """The page in the active language, else the Dutch one (None if neither exists or is published)."""
        taal = (get_language() or settings.LANGUAGE_CODE)[:2]
        rijen = {p.taal: p for p in self.filter(slug=slug, gepubliceerd=True, taal__in={taal, "nl"})}
        return rijen.get(taal) or rijen.get("nl")


class Pagina(models.Model):
    """An editable page (topic pages, the introductions of the entry paths). Plain text: no HTML, no scripts."""

    slug = models.SlugField(_("adres"), max_length=60)
    taal = models.CharField(_("taal"), max_length=5, choices=settings.LANGUAGES, default="nl")
    titel = models.CharField(_("titel"), max_length=120)
    samenvatting = models.CharField(_("samenvatting"), max_length=300, blank=True)
    tekst = models.TextField(_("tekst"), help_text=_("Gewone tekst. Een lege regel begint een nieuwe alinea."))
    gepubliceerd = models.BooleanField(_("gepubliceerd"), default=True)
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    objects = PaginaQuerySet.as_manager()

    class Meta:
        verbose_name = _("pagina")
        verbose_name_plural = _("pagina's")
        ordering = ["slug", "taal"]
        constraints = [models.UniqueConstraint(fields=["slug", "taal"], name="pagina_uniek_per_taal")]

    def __str__(self) -> str:
        return f"{self.titel} ({self.taal})"


class Bijeenkomst(models.Model):
    """An event for professionals: leertafel, themabijeenkomst or webinar."""

    class Soort(models.TextChoices):
        LEERTAFEL = "leertafel", _("Leertafel")
        THEMABIJEENKOMST = "themabijeenkomst", _("Themabijeenkomst")
        WEBINAR = "webinar", _("Webinar")

    titel = models.CharField(_("titel"), max_length=200)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    begint_op = models.DateTimeField(_("begint op"))
    eindigt_op = models.DateTimeField(_("eindigt op"))
    plaats = models.CharField(_("plaats"), max_length=200, help_text=_("Adres, of 'online'."))
    omschrijving = models.TextField(_("omschrijving"))
    aanmelden = models.CharField(_("aanmelden bij"), max_length=200, help_text=_("E-mailadres of website."))

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["begint_op"]
        constraints = [
            models.CheckConstraint(condition=models.Q(eindigt_op__gt=models.F("begint_op")), name="bijeenkomst_duur")
        ]

    def __str__(self) -> str:
        return self.titel

    @classmethod
    def komende(cls):
        return cls.objects.filter(eindigt_op__gte=timezone.now())


class Inzending(models.Model):
    """One accepted online hulpvraag, counted for the rate limit (publiek.teller): where all workers see it.

    Holds no personal data: ``bron`` is a salted hash of the client address (or of the browser session), and rows
    are deleted after the counting window (one hour).
    """

    bron = models.CharField(_("bron (versleuteld)"), max_length=64, db_index=True)
    op = models.DateTimeField(_("ontvangen op"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("telling online vraag")
        verbose_name_plural = _("tellingen online vragen")

    def __str__(self) -> str:
        return f"{self.op:%Y-%m-%d %H:%M}"
