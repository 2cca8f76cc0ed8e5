"""The schedule, in code. The worker calls ``plan()`` every few seconds; each job whose current time slot has no
``Planrun`` yet gets one (a unique row) and its task is enqueued in the same transaction. Two workers racing for the
same slot: one inserts, the other hits the unique constraint and does nothing. A worker that was down catches up
with the current slot when it comes back (not with every slot it missed: the jobs look at the present state).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from jeugdhulp.taken import jobs
from jeugdhulp.taken.models import Planrun

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    naam: str
    taak: object  # a django_tasks Task
    omschrijving: str
    elke: dt.timedelta | None = None  # every interval, aligned to the clock (UTC)
    om: dt.time | None = None  # daily at this local time

    def slot(self, nu: dt.datetime) -> dt.datetime:
        if self.elke is not None:
            stap = self.elke.total_seconds()
            ts = nu.timestamp()
            return dt.datetime.fromtimestamp(ts - ts % stap, tz=dt.UTC)
        lokaal = timezone.localtime(nu)
        start = lokaal.replace(hour=self.om.hour, minute=self.om.minute, second=0, microsecond=0)
        if lokaal < start:
            start = timezone.localtime(nu - dt.timedelta(days=1)).replace(
                hour=self.om.hour, minute=self.om.minute, second=0, microsecond=0
            )
        return start

    @property
    def wanneer(self) -> str:
        if self.elke is not None:
            n = int(self.elke.total_seconds() // 60)
            return ngettext("elke minuut", "elke %(n)s minuten", n) % {"n": n}
        return _("dagelijks om %(tijd)s") % {"tijd": self.om.strftime("%H.%M")}


SCHEMA: tuple[Job, ...] = (
    Job(
        "ijw_outbox",
        jobs.verzend_outbox,
        _("iJw-berichten versturen (met nieuwe pogingen)"),
        elke=dt.timedelta(minutes=1),
    ),
    Job("herinneringen", jobs.herinneringen, _("Herinneringen aan termijnen"), om=dt.time(6, 30)),
    Job(
        "sociale_kaart",
        jobs.sociale_kaart_controle,
        _("Sociale kaart: controlelink aan organisaties"),
        om=dt.time(7, 0),
    ),
    Job("bewaartermijnen", jobs.bewaartermijnen, _("Lijst van dossiers voorbij de bewaartermijn"), om=dt.time(2, 0)),
    Job("opruimen", jobs.opruimen, _("Oude taken en planregels opruimen"), om=dt.time(3, 0)),
)


def plan(nu: dt.datetime | None = None) -> list[str]:
    """Enqueue every job whose current slot has not been enqueued yet; returns the names enqueued now."""
    nu = nu or timezone.now()
    gepland = []
    for job in SCHEMA:
        slot = job.slot(nu)
        if Planrun.objects.filter(job=job.naam, slot=slot).exists():
            continue
        try:
            with transaction.atomic():
                run = Planrun.objects.create(job=job.naam, slot=slot)
                resultaat = job.taak.enqueue()
                Planrun.objects.filter(pk=run.pk).update(taak_id=str(resultaat.id))
        except IntegrityError:
            continue  # another worker planned this slot
        gepland.append(job.naam)
    if gepland:
        log.info("planning: %s", ", ".join(gepland))
    return gepland
