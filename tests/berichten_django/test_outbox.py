"""JW301 snapshots and JW319 answers built from the database, validated with the pure library, and delivered."""

import datetime as dt

from django.core.management import call_command
from django.utils import timezone

import pytest

from jeugdhulp.berichten import outbox
from jeugdhulp.berichten.ijw import parse, validate
from jeugdhulp.berichten.models import OngeldigeOvergang, Status, Verzoek, VerzoekStatus
from jeugdhulp.core.werkdagen import plus_werkdagen
from tests import factories
from tests.berichten import voorbeelden as vb
from tests.berichten_django.conftest import ontvang_bericht

VANDAAG = dt.date(2024, 6, 1)


def _toewijzing(ijw, nummer, **kw):
    velden = {
        "jeugdige": ijw["jeugdige"],
        "gemeente": ijw["oss"],
        "aanbieder": ijw["aanbieder"],
        "product": ijw["product"],
        "toewijzingnummer": nummer,
        "toewijzingsdatum": dt.date(2024, 3, 14),
        "ingangsdatum": dt.date(2024, 4, 1),
        "einddatum": dt.date(2024, 12, 31),
        "volume": 120,
        "eenheid": "01",
        "frequentie": "2",
    }
    return factories.ToewijzingFactory(**{**velden, **kw})


def test_jw301_is_the_full_valid_snapshot_for_client_and_aanbieder(ijw):
    ander_product = factories.ProductFactory(code="45A05", eenheid="01")
    _toewijzing(ijw, 1002, product=ander_product, toewijzingstijd=dt.time(9, 0))
    _toewijzing(ijw, 1003, ingangsdatum=dt.date(2023, 1, 1), einddatum=dt.date(2023, 12, 31))  # ended, unchanged
    _toewijzing(ijw, 1004, aanbieder=factories.AanbiederFactory())  # other aanbieder
    b = outbox.maak_jw301(ijw["oss"], ijw["jeugdige"], ijw["aanbieder"], vandaag=VANDAAG)
    resultaat = validate(b.bytes, vandaag=VANDAAG)
    assert resultaat.berichtsoort == "JW301" and resultaat.geldig, resultaat.bevindingen
    producten = parse(b.bytes).client.toegewezen_producten
    assert [p.toewijzing_nummer for p in producten] == [1001, 1002]
    assert producten[1].toewijzingstijd == dt.time(9, 0)
    assert (b.status, b.afzender, b.ontvanger, b.jeugdige) == (Status.KLAAR, "0828", vb.AANBIEDER, ijw["jeugdige"])


def test_changed_toewijzing_is_included_after_it_ended(ijw):
    outbox.maak_jw301(ijw["oss"], ijw["jeugdige"], ijw["aanbieder"], vandaag=VANDAAG)
    t = ijw["toewijzing"]
    t.einddatum, t.reden_wijziging, t.toewijzingsdatum = dt.date(2024, 5, 31), "05", timezone.localdate()
    t.save()
    b = outbox.maak_jw301(ijw["oss"], ijw["jeugdige"], ijw["aanbieder"], vandaag=dt.date(2024, 7, 1))
    (product,) = parse(b.bytes).client.toegewezen_producten
    assert (product.toewijzing_nummer, product.reden_wijziging) == (1001, "05")


def test_jw301_needs_an_address(ijw):
    ijw["jeugdige"].contacten.all().delete()
    with pytest.raises(outbox.OutboxFout, match="adres"):
        outbox.maak_jw301(ijw["oss"], ijw["jeugdige"], ijw["aanbieder"], vandaag=VANDAAG)


def test_toewijzen_answers_the_vot(ijw):
    ontvang_bericht(vb.jw315_bericht())
    verzoek = Verzoek.objects.get()
    product = {"product": ijw["product"], "ingangsdatum": dt.date(2024, 7, 1), "einddatum": dt.date(2024, 12, 31)}
    b = outbox.toewijzen(verzoek, [{**product, "volume": 4, "eenheid": "01", "frequentie": "2"}])
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.TOEGEWEZEN and verzoek.beantwoord is not None
    nieuw = verzoek.toewijzingen.get()
    assert nieuw.toewijzingnummer > 1001 and nieuw.toewijzingstijd is not None
    producten = {p.toewijzing_nummer: p for p in parse(b.bytes).client.toegewezen_producten}
    assert producten[nieuw.toewijzingnummer].referentie_aanbieder == "VOT-1"
    assert validate(b.bytes).geldig


def test_jw319_afwijzen_and_in_onderzoek(ijw):
    ontvang_bericht(vb.jw315_bericht())
    verzoek = Verzoek.objects.get()
    onderzoek = outbox.beantwoord_verzoek(verzoek, outbox.IN_ONDERZOEK)
    assert validate(onderzoek.bytes).geldig
    assert verzoek.status == VerzoekStatus.IN_ONDERZOEK
    assert verzoek.onderzoek_uiterlijk == timezone.localdate(verzoek.ontvangen) + dt.timedelta(weeks=8)
    af = outbox.beantwoord_verzoek(verzoek, outbox.AFGEWEZEN, "3")
    antwoord = parse(af.bytes).antwoord
    assert (antwoord.verzoek_antwoord, antwoord.reden_afwijzing_verzoek) == ("1", "3")
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.AFGEWEZEN and verzoek.antwoorden == ["2", "1"]
    with pytest.raises(OngeldigeOvergang):
        outbox.beantwoord_verzoek(verzoek, outbox.IN_ONDERZOEK)


def test_export_to_folder_starts_the_retour_clock(ijw, settings, tmp_path):
    settings.JEUGDHULP_IJW_OUTBOX_DIR = str(tmp_path)
    b = outbox.maak_jw301(ijw["oss"], ijw["jeugdige"], ijw["aanbieder"], vandaag=VANDAAG)
    call_command("ijw_verzend")
    b.refresh_from_db()
    assert b.status == Status.VERZONDEN and b.pogingen == 1
    assert b.antwoord_uiterlijk == plus_werkdagen(timezone.localdate(b.verzonden), 3)
    assert (tmp_path / f"JW301_0828_{vb.AANBIEDER}_{b.identificatie}.xml").read_bytes() == b.bytes


def test_sending_our_retour_answers_the_heenbericht(ijw, settings, tmp_path):
    settings.JEUGDHULP_IJW_OUTBOX_DIR = str(tmp_path)
    heen = ontvang_bericht(vb.jw305_bericht())
    assert heen.beantwoord is None
    assert outbox.verzend_klaar() == (1, 0)
    heen.refresh_from_db()
    assert heen.beantwoord is not None and heen.retour.status == Status.VERZONDEN


def test_failed_delivery_is_retried_then_marked_failed_and_can_be_resent(ijw, settings):
    settings.JEUGDHULP_IJW_OUTBOX_URL = "http://127.0.0.1:9/ijw"  # nothing listens on the discard port
    settings.JEUGDHULP_IJW_MAX_RETRIES = 2
    b = outbox.maak_jw301(ijw["oss"], ijw["jeugdige"], ijw["aanbieder"], vandaag=VANDAAG)
    assert outbox.verzend(b) is False
    b.refresh_from_db()
    assert (b.status, b.pogingen) == (Status.KLAAR, 1) and b.volgende_poging > timezone.now()
    assert not outbox.klaar_om_te_versturen().exists()  # waits for its next try
    assert outbox.verzend(b) is False
    b.refresh_from_db()
    assert (b.status, b.pogingen) == (Status.MISLUKT, 2)
    outbox.opnieuw_versturen(b)
    assert b.status == Status.KLAAR and outbox.klaar_om_te_versturen().filter(pk=b.pk).exists()
    with pytest.raises(OngeldigeOvergang):
        b.naar(Status.RETOUR_ONTVANGEN)
