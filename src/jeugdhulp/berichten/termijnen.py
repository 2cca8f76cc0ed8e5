"""iJw deadlines (ijw.md §6.4) in working days, and the overdue queries behind the "termijnen" page.

Each deadline is computed once, when its clock starts, and stored on the row:

* ``Bericht.antwoord_uiterlijk``: retour within 3 werkdagen of receipt (OP090), JW325 within 10 (OP090x4);
  for a message we send, the aanbieder's retour within 3 werkdagen of sending;
* ``Verzoek.antwoord_uiterlijk``: a VOT/VOW answered (JW301 or JW319) within 5 werkdagen (OP274/OP346);
  ``Verzoek.onderzoek_uiterlijk``: "in onderzoek" resolved within 8 weken of receipt of the verzoek;
* ``Bericht.melding_uiterlijk``: start or stop reported within 5 werkdagen of the actual date (OP271/OP272).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import F, Q, QuerySet

from jeugdhulp.core.werkdagen import plus_werkdagen

RETOUR_WERKDAGEN = 3  # OP090
DECLARATIE_ANTWOORD_WERKDAGEN = 10  # OP090x4
VERZOEK_WERKDAGEN = 5  # OP274, OP346
ONDERZOEK_WEKEN = 8  # OP274, OP346
MELDING_WERKDAGEN = 5  # OP271, OP272


def antwoord_uiterlijk(berichtsoort: str, ontvangen: dt.date) -> dt.date:
    dagen = DECLARATIE_ANTWOORD_WERKDAGEN if berichtsoort == "JW323" else RETOUR_WERKDAGEN
    return plus_werkdagen(ontvangen, dagen)


def verzoek_uiterlijk(ontvangen: dt.date) -> dt.date:
    return plus_werkdagen(ontvangen, VERZOEK_WERKDAGEN)


def onderzoek_uiterlijk(ontvangen: dt.date) -> dt.date:
    return ontvangen + dt.timedelta(weeks=ONDERZOEK_WEKEN)


def melding_uiterlijk(werkelijke_datum: dt.date) -> dt.date:
    return plus_werkdagen(werkelijke_datum, MELDING_WERKDAGEN)


def open_berichten(qs: QuerySet, vandaag: dt.date) -> QuerySet:
    """Messages whose answer is overdue (uses the partial index ``bericht_open_termijn``)."""
    return qs.filter(beantwoord__isnull=True, antwoord_uiterlijk__lt=vandaag).order_by("antwoord_uiterlijk")


def open_verzoeken(qs: QuerySet, vandaag: dt.date) -> QuerySet:
    from jeugdhulp.berichten.models import VerzoekStatus

    return qs.filter(
        Q(status=VerzoekStatus.OPEN, antwoord_uiterlijk__lt=vandaag)
        | Q(status=VerzoekStatus.IN_ONDERZOEK, onderzoek_uiterlijk__lt=vandaag)
    ).order_by("antwoord_uiterlijk")


def te_laat_gemeld(qs: QuerySet) -> QuerySet:
    """Starts and stops (JW305/JW307) received after their melding_uiterlijk (OP271/OP272): the day of receipt in
    Dutch time, the same rule as ``Bericht.te_laat_gemeld``. Newest first."""
    from jeugdhulp.berichten.models import Richting

    return qs.filter(
        richting=Richting.IN, melding_uiterlijk__isnull=False, aangemaakt__date__gt=F("melding_uiterlijk")
    ).order_by("-aangemaakt", "-pk")
