"""The iJw message store and the domain rows that incoming messages create.

``Bericht`` keeps every message in and out with its ORIGINAL BYTES verbatim, its sha256, a status that moves only
along ``TRANSITIES``, its retourcodes and the deadline that runs on it. ``Verzoek`` (JW315/JW317), ``Levering``
(JW305/JW307 history) and ``Declaratie``/``Prestatie`` (JW323) are what the inbox derives from accepted messages;
the ``historie_db`` module reads them back for the cross-message rules.
"""

from __future__ import annotations

from django.db import connection, models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdhulp.aanbieders.models import Aanbieder
from jeugdhulp.jeugdigen.models import Jeugdige
from jeugdhulp.organisatie.models import Gemeente
from jeugdhulp.toewijzingen.models import Toewijzing


class OngeldigeOvergang(Exception):
    """A status change that the workflow does not allow."""


class Workflow(models.Model):
    """A ``status`` field that only moves along the class's ``TRANSITIES`` table."""

    TRANSITIES: dict[str, set[str]] = {}

    class Meta:
        abstract = True

    def mag_naar(self, nieuw: str) -> bool:
        return nieuw in self.TRANSITIES.get(self.status, set())

    def naar(self, nieuw: str, *, opslaan: bool = True, **velden) -> None:
        if not self.mag_naar(nieuw):
            raise OngeldigeOvergang(f"{type(self).__name__} {self.pk}: {self.status} → {nieuw} is niet toegestaan.")
        self.status = nieuw
        for naam, waarde in velden.items():
            setattr(self, naam, waarde)
        if opslaan:
            self.save(update_fields=["status", *velden])


class Richting(models.TextChoices):
    IN = "in", _("ontvangen")
    UIT = "uit", _("verstuurd")


class Status(models.TextChoices):
    # inbound
    ONTVANGEN = "ontvangen", _("ontvangen, nog niet verwerkt")
    VERWERKT = "verwerkt", _("verwerkt")
    AFGEKEURD = "afgekeurd", _("afgekeurd")
    QUARANTAINE = "quarantaine", _("in quarantaine")
    # outbound
    KLAAR = "klaar", _("klaar om te versturen")
    VERZONDEN = "verzonden", _("verzonden")
    MISLUKT = "mislukt", _("versturen mislukt")
    RETOUR_ONTVANGEN = "retour_ontvangen", _("retour ontvangen")


class Bericht(Workflow):
    TRANSITIES = {
        Status.ONTVANGEN: {Status.VERWERKT, Status.AFGEKEURD, Status.QUARANTAINE},
        Status.KLAAR: {Status.KLAAR, Status.VERZONDEN, Status.MISLUKT},  # KLAAR → KLAAR: a failed try, retry later
        Status.MISLUKT: {Status.KLAAR},  # "opnieuw versturen"
        Status.VERZONDEN: {Status.RETOUR_ONTVANGEN, Status.KLAAR},  # KLAAR: resend when no retour came
    }

    richting = models.CharField(_("richting"), max_length=3, choices=Richting.choices)
    berichtsoort = models.CharField(_("berichtsoort"), max_length=5, blank=True)
    afzender = models.CharField(_("afzender"), max_length=8, blank=True)
    ontvanger = models.CharField(_("ontvanger"), max_length=8, blank=True)
    identificatie = models.CharField(_("identificatie"), max_length=12, blank=True)
    dagtekening = models.DateField(_("dagtekening"), null=True, blank=True)
    inhoud = models.BinaryField(_("inhoud (originele bytes)"))
    sha256 = models.CharField(_("sha256"), max_length=64)
    grootte = models.PositiveIntegerField(_("grootte (bytes)"), default=0)
    bron = models.CharField(_("bron"), max_length=200, blank=True, help_text=_("Bestand, API of outbox."))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    melding = models.TextField(_("melding"), blank=True)
    retourcodes = models.JSONField(_("retourcodes"), default=list, blank=True)
    pogingen = models.PositiveSmallIntegerField(_("verzendpogingen"), default=0)
    volgende_poging = models.DateTimeField(_("volgende poging"), null=True, blank=True)

    heenbericht = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="retouren", verbose_name=_("heenbericht")
    )
    jeugdige = models.ForeignKey(
        Jeugdige, on_delete=models.PROTECT, null=True, blank=True, related_name="berichten", verbose_name=_("jeugdige")
    )
    aanbieder = models.ForeignKey(
        Aanbieder,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="berichten",
        verbose_name=_("aanbieder"),
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, null=True, blank=True, related_name="berichten", verbose_name=_("gemeente")
    )

    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now, db_index=True)
    verwerkt = models.DateTimeField(_("verwerkt"), null=True, blank=True)
    verzonden = models.DateTimeField(_("verzonden"), null=True, blank=True)
    # Deadlines, stored when the clock starts (see jeugdhulp.berichten.termijnen)
    antwoord_uiterlijk = models.DateField(
        _("antwoord uiterlijk"), null=True, blank=True, help_text=_("Retour (OP090) of JW325 (OP090x4).")
    )
    beantwoord = models.DateTimeField(_("beantwoord"), null=True, blank=True)
    melding_uiterlijk = models.DateField(
        _("melden uiterlijk"), null=True, blank=True, help_text=_("Start of stop binnen 5 werkdagen (OP271/OP272).")
    )

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["-aangemaakt", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["sha256"], condition=Q(richting="in"), name="bericht_in_sha256_uniek"),
            models.CheckConstraint(condition=Q(richting__in=["in", "uit"]), name="bericht_richting_geldig"),
        ]
        indexes = [
            models.Index(fields=["afzender", "berichtsoort", "identificatie"], name="bericht_tr056"),
            models.Index(
                fields=["antwoord_uiterlijk"], condition=Q(beantwoord__isnull=True), name="bericht_open_termijn"
            ),
            models.Index(fields=["status", "volgende_poging"], name="bericht_outbox"),
            models.Index(fields=["jeugdige", "aangemaakt"], name="bericht_per_jeugdige"),
            models.Index(fields=["aanbieder", "aangemaakt"], name="bericht_per_aanbieder"),
        ]

    def __str__(self) -> str:
        return f"{self.berichtsoort or '?'} {self.identificatie or self.sha256[:8]} ({self.get_status_display()})"

    @property
    def bytes(self) -> bytes:
        return bytes(self.inhoud)

    # Stored once, verbatim, before processing; never written again (and never re-sent to the database).
    ONVERANDERLIJK = frozenset({"id", "richting", "inhoud", "sha256", "grootte", "bron", "aangemaakt"})

    def bewaar_verwerking(self) -> None:
        """Save what processing changed, without rewriting the original bytes."""
        self.save(update_fields=[f.name for f in self._meta.concrete_fields if f.name not in self.ONVERANDERLIJK])

    @property
    def te_laat_gemeld(self) -> bool:
        # The day of receipt in Dutch time: at 00:30 on the day after the deadline it is late, although UTC
        # still says the day before.
        return bool(self.melding_uiterlijk and timezone.localdate(self.aangemaakt) > self.melding_uiterlijk)

    @property
    def retour(self) -> Bericht | None:
        """The answer to this heenbericht (its retour or JW325), if any; the other party's for a message we sent."""
        from jeugdhulp.berichten.ijw import BERICHTSOORTEN

        soort = BERICHTSOORTEN.get(self.berichtsoort)
        if soort is None or soort.retour is None:
            return None
        return self.retouren.filter(berichtsoort=soort.retour).order_by("pk").first()


class Teller(models.Model):
    """Gap-free counters, e.g. for the BerichtIdentificatie of messages we send (TR056: unique per sender)."""

    naam = models.CharField(max_length=40, unique=True)
    waarde = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.naam}: {self.waarde}"

    @classmethod
    def volgende(cls, naam: str) -> int:
        """The next value, in one statement (UPDATE … RETURNING, PostgreSQL and SQLite ≥ 3.35); the row is
        created on first use. The row lock of the UPDATE serialises concurrent callers until their commit."""
        tabel = connection.ops.quote_name(cls._meta.db_table)
        sql = f"UPDATE {tabel} SET waarde = waarde + 1 WHERE naam = %s RETURNING waarde"  # noqa: S608 — table name from the model, value bound
        with connection.cursor() as cursor:  # one statement: atomic on its own, no savepoint needed
            cursor.execute(sql, [naam])
            if (rij := cursor.fetchone()) is not None:
                return rij[0]
            cls.objects.get_or_create(naam=naam)
            cursor.execute(sql, [naam])
            return cursor.fetchone()[0]

    @classmethod
    def volgende_na(cls, naam: str, hoogste: int | None) -> int:
        """The next value above ``hoogste`` too: a counter that lags behind numbers given before it existed (demo,
        import, admin) jumps past them in one statement. Counting up one by one held the write lock for as long as
        that took (seconds to minutes: "database is locked" for every colleague meanwhile). Call inside the
        transaction that uses the number; the counter's row stays locked until it commits."""
        n = cls.volgende(naam)
        if hoogste is not None and n <= hoogste:
            n = hoogste + 1
            cls.objects.filter(naam=naam).update(waarde=n)
        return n


class VerzoekStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_ONDERZOEK = "in_onderzoek", _("in onderzoek")
    TOEGEWEZEN = "toegewezen", _("toegewezen")
    AFGEWEZEN = "afgewezen", _("afgewezen")


class Verzoek(Workflow):
    """One ReferentieAanbieder of a VOT (JW315 AangevraagdProduct) or a VOW (JW317), as received."""

    TRANSITIES = {
        VerzoekStatus.OPEN: {VerzoekStatus.IN_ONDERZOEK, VerzoekStatus.TOEGEWEZEN, VerzoekStatus.AFGEWEZEN},
        VerzoekStatus.IN_ONDERZOEK: {VerzoekStatus.TOEGEWEZEN, VerzoekStatus.AFGEWEZEN},
    }

    bericht = models.ForeignKey(Bericht, on_delete=models.PROTECT, related_name="verzoeken", verbose_name=_("bericht"))
    berichtsoort = models.CharField(_("berichtsoort"), max_length=5)  # JW315 | JW317
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente"))
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="+", verbose_name=_("aanbieder"))
    jeugdige = models.ForeignKey(
        Jeugdige, on_delete=models.PROTECT, related_name="verzoeken", verbose_name=_("jeugdige")
    )
    referentie_aanbieder = models.CharField(_("referentie aanbieder"), max_length=40)
    producten = models.JSONField(_("gevraagde producten"), default=list)
    verwijzer_type = models.CharField(_("type verwijzer"), max_length=2, blank=True)
    verwijzer_naam = models.CharField(_("naam verwijzer"), max_length=64, blank=True)
    verwijzer_code = models.CharField(_("zorgverlenercode verwijzer"), max_length=8, blank=True)
    reden_verzoek = models.CharField(_("reden verzoek"), max_length=1, blank=True)
    commentaar = models.TextField(_("commentaar"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=VerzoekStatus.choices, default=VerzoekStatus.OPEN)
    antwoorden = models.JSONField(_("gegeven antwoorden (WJ760)"), default=list, blank=True)
    reden_afwijzing = models.CharField(_("reden afwijzing"), max_length=2, blank=True)
    toewijzingen = models.ManyToManyField(Toewijzing, blank=True, related_name="verzoeken")
    ontvangen = models.DateTimeField(_("ontvangen"), default=timezone.now)
    antwoord_uiterlijk = models.DateField(_("antwoord uiterlijk"), help_text=_("5 werkdagen (OP274/OP346)."))
    onderzoek_uiterlijk = models.DateField(_("onderzoek klaar uiterlijk"), null=True, blank=True)
    beantwoord = models.DateTimeField(_("eerste antwoord"), null=True, blank=True)

    class Meta:
        verbose_name = _("verzoek")
        verbose_name_plural = _("verzoeken")
        ordering = ["antwoord_uiterlijk", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["aanbieder", "referentie_aanbieder"], name="verzoek_referentie_uniek")
        ]
        indexes = [models.Index(fields=["status", "antwoord_uiterlijk"], name="verzoek_termijn")]

    def __str__(self) -> str:
        return f"{self.berichtsoort} {self.referentie_aanbieder} ({self.get_status_display()})"

    @property
    def is_vot(self) -> bool:
        return self.berichtsoort == "JW315"

    @property
    def uiterlijk(self):
        return self.onderzoek_uiterlijk if self.status == VerzoekStatus.IN_ONDERZOEK else self.antwoord_uiterlijk


class Levering(models.Model):
    """A StartProduct (JW305) or StopProduct (JW307) accepted earlier; the history TR063/TR326/TR382… read."""

    bericht = models.ForeignKey(Bericht, on_delete=models.PROTECT, related_name="leveringen")
    soort = models.CharField(max_length=5, choices=[("start", "start"), ("stop", "stop")])
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="+")
    bsn = models.CharField(max_length=9)
    toewijzing = models.ForeignKey(Toewijzing, on_delete=models.PROTECT, null=True, related_name="leveringen")
    toewijzing_nummer = models.PositiveIntegerField(null=True)
    product_categorie = models.CharField(max_length=2, blank=True)
    product_code = models.CharField(max_length=5, blank=True)
    toewijzing_ingangsdatum = models.DateField(null=True)
    begindatum = models.DateField()
    status_aanlevering = models.CharField(max_length=1)
    reden_beeindiging = models.CharField(max_length=2, blank=True)
    einddatum = models.DateField(null=True)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["aanbieder", "bsn", "toewijzing_nummer"], name="levering_sleutel")]

    def __str__(self) -> str:
        return f"{self.soort} {self.toewijzing_nummer} {self.begindatum}"


class Declaratie(models.Model):
    """A JW323 that was accepted as a whole (single prestaties may still be rejected)."""

    bericht = models.OneToOneField(Bericht, on_delete=models.PROTECT, related_name="declaratie")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="declaraties")
    declaratienummer = models.CharField(_("declaratienummer"), max_length=12)
    begindatum = models.DateField(_("periode van"))
    einddatum = models.DateField(_("periode tot en met"))
    ingediend_bedrag = models.BigIntegerField(_("ingediend (eurocent, credit negatief)"))
    toegekend_bedrag = models.BigIntegerField(_("toegekend (eurocent, credit negatief)"))

    class Meta:
        verbose_name = _("declaratie")
        verbose_name_plural = _("declaraties")
        constraints = [models.UniqueConstraint(fields=["aanbieder", "declaratienummer"], name="declaratienummer_uniek")]

    def __str__(self) -> str:
        return f"Declaratie {self.declaratienummer}"


class Prestatie(models.Model):
    declaratie = models.ForeignKey(Declaratie, on_delete=models.CASCADE, related_name="prestaties")
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="+")
    bsn = models.CharField(max_length=9)
    jeugdige = models.ForeignKey(Jeugdige, on_delete=models.PROTECT, null=True, related_name="prestaties")
    toewijzing = models.ForeignKey(Toewijzing, on_delete=models.PROTECT, null=True, related_name="prestaties")
    toewijzing_nummer = models.PositiveIntegerField()
    referentienummer = models.CharField(max_length=20)
    vorig_referentienummer = models.CharField(max_length=20, blank=True)
    product_categorie = models.CharField(max_length=2)
    product_code = models.CharField(max_length=5)
    begindatum = models.DateField()
    einddatum = models.DateField()
    geleverd_volume = models.PositiveIntegerField()
    eenheid = models.CharField(max_length=2)
    tarief = models.PositiveIntegerField(null=True)
    bedrag = models.PositiveBigIntegerField(help_text="eurocent")
    debet_credit = models.CharField(max_length=1)
    goedgekeurd = models.BooleanField(default=True)
    retourcodes = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("prestatie")
        verbose_name_plural = _("prestaties")
        constraints = [models.UniqueConstraint(fields=["aanbieder", "referentienummer"], name="referentienummer_uniek")]
        indexes = [
            models.Index(fields=["aanbieder", "toewijzing_nummer"], name="prestatie_per_toewijzing"),
            # The monitor's finance sums per year (categorie or aanbieder × debet/credit × goedgekeurd): a covering
            # index, so a year is read from the index alone instead of scanning every prestatie. Key columns, not
            # INCLUDE, so SQLite (no INCLUDE) covers it too.
            models.Index(
                fields=[
                    "begindatum",
                    "product_categorie",
                    "aanbieder",
                    "debet_credit",
                    "goedgekeurd",
                    "bedrag",
                    "declaratie",
                ],
                name="prestatie_per_periode",
            ),
        ]

    def __str__(self) -> str:
        return f"Prestatie {self.referentienummer}"
