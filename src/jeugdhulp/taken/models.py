"""Rows of the background work: mails, reminders, schedule runs, worker heartbeats, retention lists.

The task queue itself is django-tasks-db's ``DBTaskResult`` (app ``django_tasks_database``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MailSoort(models.TextChoices):
    HULPVRAAG_BEVESTIGING = "hulpvraag_bevestiging", _("Bevestiging hulpvraag")
    HERINNERING = "herinnering", _("Herinnering termijnen")
    SOCIALE_KAART = "sociale_kaart", _("Controle sociale kaart")
    ACTIVERINGSLINK = "activeringslink", _("Activeringslink account")


class MailStatus(models.TextChoices):
    WACHT = "wacht", _("In de wachtrij")
    OPNIEUW = "opnieuw", _("Mislukt, wordt opnieuw geprobeerd")
    VERZONDEN = "verzonden", _("Verzonden")
    OPGEGEVEN = "opgegeven", _("Mislukt, opgegeven")


class Mail(models.Model):
    """One outgoing mail. Address and body are kept only until it is sent; the log keeps kind, status and domain."""

    soort = models.CharField(_("soort"), max_length=30, choices=MailSoort.choices)
    sleutel = models.CharField(
        _("sleutel"), max_length=120, unique=True, null=True, blank=True, help_text=_("Eén mail per sleutel.")
    )
    aan = models.EmailField(_("aan"), blank=True)
    aan_domein = models.CharField(_("domein ontvanger"), max_length=254, blank=True)
    onderwerp = models.CharField(_("onderwerp"), max_length=200, blank=True)
    tekst = models.TextField(_("tekst"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=MailStatus.choices, default=MailStatus.WACHT)
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    laatste_fout = models.CharField(_("laatste fout"), max_length=200, blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    volgende_poging = models.DateTimeField(_("volgende poging"), null=True, blank=True)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)

    class Meta:
        verbose_name = _("mail")
        verbose_name_plural = _("mails")
        ordering = ["-aangemaakt", "-pk"]
        indexes = [models.Index(fields=["status", "aangemaakt"])]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.get_status_display()})"


class Voorkeur(models.Model):
    """What a staff user chose: reminders in the werkvoorraad only, or also by mail."""

    gebruiker = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="taken_voorkeur")
    herinneringen_per_mail = models.BooleanField(_("herinneringen ook per mail"), default=False)

    def __str__(self) -> str:
        return f"{self.gebruiker_id}: {self.herinneringen_per_mail}"


class Herinnering(models.Model):
    """A deadline that came within reach, once per user and deadline (so a second run adds nothing)."""

    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="herinneringen")
    sleutel = models.CharField(max_length=200)
    soort = models.CharField(_("soort"), max_length=60)
    datum = models.DateField(_("uiterlijk"))
    url = models.CharField(max_length=200)
    aangemaakt = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["datum", "pk"]
        constraints = [models.UniqueConstraint(fields=["gebruiker", "sleutel"], name="herinnering_eenmaal")]

    def __str__(self) -> str:
        return f"{self.soort} {self.datum}"


class Planrun(models.Model):
    """A scheduled job's run for one time slot: the unique row is what makes two workers enqueue it only once."""

    job = models.CharField(max_length=60)
    slot = models.DateTimeField()
    taak_id = models.CharField(max_length=64, blank=True)
    aangemaakt = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-slot"]
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="planrun_eenmaal")]

    def __str__(self) -> str:
        return f"{self.job} {self.slot}"


class Werker(models.Model):
    """A running `jeugdhulp worker` process; its heartbeat tells the others (and the beheer page) it is alive."""

    werker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    gestart = models.DateTimeField()
    laatst_gezien = models.DateTimeField()

    def __str__(self) -> str:
        return self.werker_id


class Bewaarlijst(models.Model):
    """The daily retention pass: closed dossiers past their retention period (destruction comes later, four-eyes)."""

    datum = models.DateField(unique=True)
    casussen = models.JSONField(default=list)
    aantal = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-datum"]

    def __str__(self) -> str:
        return f"{self.datum}: {self.aantal}"
