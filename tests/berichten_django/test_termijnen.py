"""Deadlines are stored when the clock starts, count Dutch working days, and drive the overdue queries."""

import datetime as dt

import time_machine

from jeugdhulp.berichten import outbox, termijnen
from jeugdhulp.berichten.models import Bericht, Richting, Verzoek
from tests.berichten import voorbeelden as vb
from tests.berichten_django.conftest import ontvang_bericht


def test_retour_deadline_skips_koningsdag_and_closes_when_the_retour_is_sent(ijw, settings, tmp_path):
    settings.JEUGDHULP_IJW_OUTBOX_DIR = str(tmp_path)
    with time_machine.travel(
        dt.datetime(2026, 4, 24, 10, 0, tzinfo=dt.UTC), tick=False
    ):  # Friday before Koningsdag (Monday 27 April)
        heen = ontvang_bericht(vb.jw305_bericht())
    assert heen.antwoord_uiterlijk == dt.date(2026, 4, 30)
    inkomend = Bericht.objects.filter(richting=Richting.IN)
    assert not termijnen.open_berichten(inkomend, dt.date(2026, 4, 30)).exists()  # last day: still in time
    assert list(termijnen.open_berichten(inkomend, dt.date(2026, 5, 1))) == [heen]
    outbox.verzend_klaar()
    assert not termijnen.open_berichten(inkomend, dt.date(2026, 5, 1)).exists()


def test_verzoek_deadline_over_christmas_and_eight_weeks_in_onderzoek(ijw):
    with time_machine.travel(
        dt.datetime(2024, 12, 23, 9, 0, tzinfo=dt.UTC), tick=False
    ):  # Monday; 25, 26 December and 1 January are no working days
        ontvang_bericht(vb.jw315_bericht())
    verzoek = Verzoek.objects.get()
    assert verzoek.antwoord_uiterlijk == dt.date(2025, 1, 2)
    assert list(termijnen.open_verzoeken(Verzoek.objects.all(), dt.date(2025, 1, 3))) == [verzoek]
    with time_machine.travel(dt.datetime(2024, 12, 30, 9, 0, tzinfo=dt.UTC), tick=False):
        outbox.beantwoord_verzoek(verzoek, outbox.IN_ONDERZOEK)
    assert verzoek.onderzoek_uiterlijk == dt.date(2025, 2, 17)  # 8 weeks after receipt
    assert not termijnen.open_verzoeken(Verzoek.objects.all(), dt.date(2025, 2, 17)).exists()
    assert termijnen.open_verzoeken(Verzoek.objects.all(), dt.date(2025, 2, 18)).exists()


def test_declaratie_answer_deadline_is_ten_working_days(ijw):
    with time_machine.travel(dt.datetime(2024, 5, 2, 12, 0, tzinfo=dt.UTC), tick=False):  # Thursday; Hemelvaart 9 May
        b = ontvang_bericht(vb.jw323_bericht())
    assert b.antwoord_uiterlijk == dt.date(2024, 5, 17)


def test_start_reported_late_is_flagged(ijw):
    with time_machine.travel(
        dt.datetime(2024, 4, 10, 12, 0, tzinfo=dt.UTC), tick=False
    ):  # start 3 April + 5 werkdagen = 10 April: in time
        op_tijd = ontvang_bericht(vb.jw305_bericht())
    assert op_tijd.melding_uiterlijk == dt.date(2024, 4, 10) and not op_tijd.te_laat_gemeld
    with time_machine.travel(dt.datetime(2024, 4, 11, 12, 0, tzinfo=dt.UTC), tick=False):
        stop = ontvang_bericht(vb.jw307_bericht(vb.stop_product(einddatum=dt.date(2024, 4, 3))))
    assert stop.melding_uiterlijk == dt.date(2024, 4, 10) and stop.te_laat_gemeld
