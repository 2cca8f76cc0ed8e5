"""The periodic jobs. Each is a task the schedule enqueues, and each is idempotent: run twice, or on two workers at
once, it has its effect once.

* ``verzend_outbox``: the iJw outbox (``berichten.outbox.verzend_klaar``, which claims each message under a lock and
  retries with backoff).
* ``herinneringen``: deadlines that come within reach (werkvoorraad, VOT/VOW answers, 18 years) become one
  ``Herinnering`` per user and deadline, shown in the werkvoorraad; a user who chose it gets one mail a day that
  says how many are waiting (never what or for whom).
* ``sociale_kaart_controle``: organisations with a service unchecked for 6 months get their signed confirm/correct
  link, at most once a month.
* ``bewaartermijnen``: the day's list of closed casussen past the 20-year retention period (Jeugdwet 7.3.8,
  counted from the last change). Destruction, with four-eyes approval, hangs off this list later.
* ``opruimen``: finished task rows, schedule runs and heartbeats of long-gone workers older than a week.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from django_tasks import task

from jeugdhulp.accounts.roles import Rol
from jeugdhulp.taken import mail
from jeugdhulp.taken.models import Bewaarlijst, Herinnering, MailSoort, Planrun, Voorkeur, Werker

log = logging.getLogger(__name__)

HERINNER_DAGEN = 3  # a deadline within 3 days (or overdue) is reminded once
HERINNER_18_DAGEN = 31  # turning 18 needs more lead time
BEWAARTERMIJN_JAREN = 20
OPRUIMEN_NA = dt.timedelta(days=7)
HERINNERING_ROLLEN = (Rol.CJG_MEDEWERKER, Rol.JEUGDCONSULENT)


def _vandaag() -> dt.date:
    return timezone.localdate()


# ---- iJw outbox
@task()
def verzend_outbox() -> dict:
    from jeugdhulp.berichten.outbox import verzend_klaar

    goed, fout = verzend_klaar()
    if goed or fout:
        log.info("iJw outbox: %s verstuurd, %s mislukt", goed, fout)
    return {"verstuurd": goed, "mislukt": fout}


# ---- deadline reminders
def termijnen_van(user, vandaag: dt.date) -> list[tuple[str, str, dt.date, str]]:
    """(sleutel, soort, datum, url) for every deadline of the user that is overdue or within reach."""
    from jeugdhulp.berichten.models import Verzoek, VerzoekStatus
    from jeugdhulp.casussen import werkvoorraad
    from jeugdhulp.casussen.models import Casus, Toekomstplan
    from jeugdhulp.permissions import policy

    grens = vandaag + dt.timedelta(days=HERINNER_DAGEN)
    uit = [
        (f"{r.soort}|{r.url}|{r.datum.isoformat()}", str(r.soort), r.datum, r.url)
        for r in werkvoorraad.rijen(user, alleen_eigen=user.rol == Rol.CJG_MEDEWERKER, vandaag=vandaag)
        if r.datum <= grens
    ]
    verzoeken = policy.filter_queryset(
        user, policy.Resource.BERICHT, Verzoek.objects.all(), policy.Actie.WIJZIGEN
    ).filter(status__in=[VerzoekStatus.OPEN, VerzoekStatus.IN_ONDERZOEK])
    for v in verzoeken.only("pk", "status", "berichtsoort", "antwoord_uiterlijk", "onderzoek_uiterlijk"):
        datum = v.onderzoek_uiterlijk if v.status == VerzoekStatus.IN_ONDERZOEK else v.antwoord_uiterlijk
        if datum and datum <= grens:
            url = reverse("berichten:verzoek", args=[v.pk])
            soort = (
                _("Onderzoek verzoek ({soort})") if v.status == VerzoekStatus.IN_ONDERZOEK else _("Antwoord {soort}")
            )
            uit.append(
                (f"verzoek|{url}|{v.status}|{datum.isoformat()}", soort.format(soort=v.berichtsoort), datum, url)
            )
    casussen = policy.filter_queryset(user, policy.Resource.CASUS, Casus.objects.filter(status__in=Casus.OPEN))
    if user.rol == Rol.CJG_MEDEWERKER:
        casussen = casussen.filter(medewerker=user)
    grens_18 = vandaag + dt.timedelta(days=HERINNER_18_DAGEN)
    for p in Toekomstplan.objects.filter(casus__in=casussen, achttien_op__gte=vandaag, achttien_op__lte=grens_18):
        url = p.get_absolute_url()
        uit.append((f"18|{url}|{p.achttien_op.isoformat()}", _("Wordt 18 jaar"), p.achttien_op, url))
    return uit


def maak_herinneringen(vandaag: dt.date) -> dict:
    User = get_user_model()
    gebruikers = User.objects.filter(is_active=True, rol__in=HERINNERING_ROLLEN).order_by("pk")
    per_mail = set(Voorkeur.objects.filter(herinneringen_per_mail=True).values_list("gebruiker_id", flat=True))
    nieuw_totaal = mails = 0
    for user in gebruikers:
        nieuw = 0
        for sleutel, soort, datum, url in termijnen_van(user, vandaag):
            try:
                with transaction.atomic():
                    _h, gemaakt = Herinnering.objects.get_or_create(
                        gebruiker=user,
                        sleutel=sleutel[:200],
                        defaults={"soort": soort[:60], "datum": datum, "url": url},
                    )
            except IntegrityError:  # another worker made it a moment ago
                gemaakt = False
            nieuw += gemaakt
        nieuw_totaal += nieuw
        if nieuw and user.pk in per_mail and user.email:
            open_ = Herinnering.objects.filter(gebruiker=user, datum__lte=vandaag + dt.timedelta(days=HERINNER_DAGEN))
            tekst = render_to_string(
                "taken/mail/herinnering.txt",
                {"aantal": open_.count(), "url": settings.JEUGDHULP_SITE_URL + reverse("casussen:werkvoorraad")},
            )
            if mail.in_wachtrij(
                MailSoort.HERINNERING,
                user.email,
                _("Er staan termijnen voor u klaar in jeugdhulp"),
                tekst,
                sleutel=f"herinnering:{user.pk}:{vandaag.isoformat()}",
            ):
                mails += 1
    # Reminders of deadlines long past are of no use any more: they go after a month.
    Herinnering.objects.filter(datum__lt=vandaag - dt.timedelta(days=31)).delete()
    return {"herinneringen": nieuw_totaal, "mails": mails}


@task()
def herinneringen() -> dict:
    return maak_herinneringen(_vandaag())


# ---- sociale kaart freshness
def controleer_sociale_kaart(vandaag: dt.date) -> dict:
    from jeugdhulp.socialekaart import services as kaart
    from jeugdhulp.socialekaart.models import Dienst, Organisatie

    verouderd = Dienst.objects.actief().verouderd(vandaag).values("organisatie_id")
    organisaties = Organisatie.objects.filter(pk__in=verouderd).exclude(email="").order_by("pk")
    mails = 0
    for org in organisaties:
        link = settings.JEUGDHULP_SITE_URL + reverse("publiek:controleren", args=[kaart.controle_token(org)])
        tekst = render_to_string("taken/mail/sociale_kaart.txt", {"organisatie": org, "link": link})
        if mail.in_wachtrij(
            MailSoort.SOCIALE_KAART,
            org.email,
            _("Klopt uw informatie op de sociale kaart nog?"),
            tekst,
            sleutel=f"sociale_kaart:{org.pk}:{vandaag:%Y-%m}",
        ):
            mails += 1
    return {"organisaties": mails}


@task()
def sociale_kaart_controle() -> dict:
    return controleer_sociale_kaart(_vandaag())


# ---- retention
def bewaarlijst(vandaag: dt.date) -> Bewaarlijst:
    from django.db.models import F
    from django.db.models.functions import Greatest

    from jeugdhulp.casussen.models import Casus, CasusStatus

    try:
        grens = vandaag.replace(year=vandaag.year - BEWAARTERMIJN_JAREN)
    except ValueError:  # 29 February
        grens = vandaag.replace(year=vandaag.year - BEWAARTERMIJN_JAREN, day=28)
    verlopen = (
        Casus.objects.filter(status=CasusStatus.AFGESLOTEN, afgesloten_op__isnull=False)
        .annotate(laatste=Greatest(F("afgesloten_op"), F("laatste_voortgang")))
        .filter(laatste__lt=grens)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    pks = list(verlopen)
    lijst, _nieuw = Bewaarlijst.objects.update_or_create(datum=vandaag, defaults={"casussen": pks, "aantal": len(pks)})
    log.info("bewaartermijnen: %s casussen voorbij de bewaartermijn", len(pks))
    return lijst


@task()
def bewaartermijnen() -> dict:
    return {"aantal": bewaarlijst(_vandaag()).aantal}


# ---- housekeeping
@task()
def opruimen() -> dict:
    from django_tasks_db.models import DBTaskResult

    grens = timezone.now() - OPRUIMEN_NA
    taken, _x = DBTaskResult.objects.successful().filter(finished_at__lt=grens).delete()
    runs, _x = Planrun.objects.filter(slot__lt=grens).delete()
    werkers, _x = Werker.objects.filter(laatst_gezien__lt=grens).delete()
    return {"taken": taken, "planruns": runs, "werkers": werkers}
