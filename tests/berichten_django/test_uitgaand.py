"""What we send passes what we demand: every message type the gemeente sends (JW301, JW319, the retours JW306,
JW308, JW316, JW318 and the JW325) is built from demo-like rows, checked by the same validator with every rule that
applies to it, and only then delivered; a message that would be rejected never leaves the outbox."""

from __future__ import annotations

import datetime as dt

from jeugdhulp.berichten import outbox
from jeugdhulp.berichten.ijw import validate_uitgaand
from jeugdhulp.berichten.models import Bericht, Richting, Status, Verzoek
from jeugdhulp.berichten.opslag import bewaar_uit
from tests.berichten import voorbeelden as vb
from tests.berichten.voorbeelden import wijzig
from tests.berichten_django.conftest import VANDAAG, ontvang_bericht

VERZONDEN_SOORTEN = {"JW301", "JW306", "JW308", "JW316", "JW318", "JW319", "JW325"}


def test_elk_uitgaand_berichttype_wordt_gecontroleerd_en_verstuurd(ijw, settings, tmp_path, time_machine):
    time_machine.move_to(dt.datetime(2024, 6, 1, 10, tzinfo=dt.UTC), tick=False)
    settings.JEUGDHULP_IJW_OUTBOX_DIR = str(tmp_path)
    for heen in (vb.jw305_bericht(), vb.jw307_bericht(), vb.jw315_bericht(), vb.jw317_bericht(), vb.jw323_bericht()):
        ontvang_bericht(heen)
    outbox.maak_jw301(ijw["oss"], ijw["jeugdige"], ijw["aanbieder"], vandaag=VANDAAG)
    outbox.beantwoord_verzoek(Verzoek.objects.get(referentie_aanbieder="VOT-1"), outbox.IN_ONDERZOEK)
    uit = Bericht.objects.filter(richting=Richting.UIT)
    assert set(uit.values_list("berichtsoort", flat=True)) == VERZONDEN_SOORTEN
    for b in uit:
        assert validate_uitgaand(b.bytes).bevindingen == (), b.berichtsoort
    assert outbox.verzend_klaar() == (len(uit), 0)
    assert set(uit.values_list("status", flat=True)) == {Status.VERZONDEN}


def test_een_bericht_dat_zou_worden_afgekeurd_gaat_niet_de_deur_uit(ijw, settings, tmp_path, time_machine):
    time_machine.move_to(dt.datetime(2024, 6, 1, 10, tzinfo=dt.UTC), tick=False)
    settings.JEUGDHULP_IJW_OUTBOX_DIR = str(tmp_path)
    from jeugdhulp.berichten.ijw import build

    data = build(wijzig(vb.jw301_bericht(), "header.afzender", "0900"))  # no such CBS gemeentecode: TR378
    b = bewaar_uit(data, berichtsoort="JW301", afzender="0900", ontvanger=vb.AANBIEDER, identificatie="B1")
    assert outbox.verzend(b) is False
    b.refresh_from_db()
    assert b.status == Status.MISLUKT and "TR378" in b.melding
    assert not list(tmp_path.iterdir())
