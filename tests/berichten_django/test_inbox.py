"""Each inbound message type end to end: bytes stored, domain updated, retour stored and linked, deadlines set."""

import datetime as dt

import pytest

from jeugdhulp.berichten.ijw import build, lees, parse, validate
from jeugdhulp.berichten.ijw.berichten import basis
from jeugdhulp.berichten.ijw.binding import bouw
from jeugdhulp.berichten.ijw.retour import maak_retour
from jeugdhulp.berichten.inbox import ontvang
from jeugdhulp.berichten.models import Bericht, Declaratie, Levering, Richting, Status, Verzoek, VerzoekStatus
from jeugdhulp.berichten.outbox import maak_jw301, markeer_verzonden
from jeugdhulp.core.werkdagen import plus_werkdagen
from jeugdhulp.jeugdigen.models import Jeugdige
from tests.berichten import voorbeelden as vb
from tests.berichten.voorbeelden import wijzig
from tests.berichten_django.conftest import VANDAAG, ontvang_bericht


def _retour_codes(bericht: Bericht) -> set[str]:
    root = lees(bericht.retour.bytes).root
    return {el.text for el in root.iter("{*}RetourCode")}


def test_vot_creates_verzoek_and_retour(ijw):
    b = ontvang_bericht(vb.jw315_bericht())
    assert b.status == Status.VERWERKT and b.berichtsoort == "JW315" and b.jeugdige == ijw["jeugdige"]
    assert b.bytes == build(vb.jw315_bericht())  # verbatim
    v = Verzoek.objects.get()
    assert (v.referentie_aanbieder, v.verwijzer_type, v.status) == ("VOT-1", "02", VerzoekStatus.OPEN)
    assert v.producten[0]["code"] == "45A04"
    assert v.antwoord_uiterlijk == plus_werkdagen(b.aangemaakt.date(), 5)
    assert b.antwoord_uiterlijk == plus_werkdagen(b.aangemaakt.date(), 3)
    retour = b.retour
    assert (retour.richting, retour.berichtsoort, retour.status, retour.heenbericht) == (
        Richting.UIT,
        "JW316",
        Status.KLAAR,
        b,
    )
    assert validate(retour.bytes).berichtsoort == "JW316"
    assert _retour_codes(b) == {"0200"}


def test_vot_for_unknown_client_creates_the_jeugdige_in_the_gemeente_of_the_ontvanger(ijw):
    bericht = wijzig(vb.jw315_bericht(), "client.bsn", vb.ANDER_BSN)
    b = ontvang_bericht(bericht)
    nieuw = Jeugdige.objects.get(bsn=vb.ANDER_BSN)
    assert b.status == Status.VERWERKT and nieuw.gemeente == ijw["oss"] and nieuw.geslachtsnaam == "Jansen"
    assert Verzoek.objects.get().jeugdige == nieuw


def test_start_and_stop_update_the_toewijzing(ijw):
    start = ontvang_bericht(vb.jw305_bericht())
    t = ijw["toewijzing"]
    t.refresh_from_db()
    assert start.status == Status.VERWERKT and t.begindatum_zorg == dt.date(2024, 4, 3)
    assert start.melding_uiterlijk == plus_werkdagen(dt.date(2024, 4, 3), 5) and start.te_laat_gemeld
    stop = ontvang_bericht(vb.jw307_bericht())
    t.refresh_from_db()
    assert stop.status == Status.VERWERKT, stop.retourcodes
    assert (t.einddatum_zorg, t.reden_beeindiging) == (dt.date(2024, 6, 30), "31")
    assert list(Levering.objects.values_list("soort", flat=True)) == ["start", "stop"]
    assert stop.retour.berichtsoort == "JW308"


def test_stop_without_start_is_rejected_and_changes_nothing(ijw):
    b = ontvang_bericht(vb.jw307_bericht())
    t = ijw["toewijzing"]
    t.refresh_from_db()
    assert b.status == Status.AFGEKEURD and t.einddatum_zorg is None and not Levering.objects.exists()
    assert "0200" not in {r["retourcode"] for r in b.retourcodes}


def test_vow_creates_verzoek(ijw):
    b = ontvang_bericht(vb.jw317_bericht())
    assert b.status == Status.VERWERKT, b.retourcodes
    v = Verzoek.objects.get()
    assert v.berichtsoort == "JW317" and v.producten[0]["soort"] == "te_wijzigen"
    assert b.retour.berichtsoort == "JW318"


def test_declaratie_is_checked_against_toewijzing_and_tariff(ijw):
    b = ontvang_bericht(vb.jw323_bericht())
    assert b.status == Status.VERWERKT, b.retourcodes
    d = Declaratie.objects.get()
    assert d.ingediend_bedrag == d.toegekend_bedrag == 72000
    assert d.prestaties.get().toewijzing == ijw["toewijzing"]
    assert b.antwoord_uiterlijk == plus_werkdagen(b.aangemaakt.date(), 10)
    antwoord = parse(b.retour.bytes)
    assert b.retour.berichtsoort == "JW325"
    assert antwoord.declaratie_antwoord.totaal_toegekend_bedrag.totaal_bedrag == 72000


def test_prestatie_with_wrong_tariff_is_rejected_in_the_jw325(ijw):
    fout = vb.prestatie(product_tarief=200, ingediend_bedrag=basis.BedragMetDC(bedrag=96000, debet_credit="D"))
    b = ontvang_bericht(vb.jw323_bericht(fout))
    d = Declaratie.objects.get()
    p = d.prestaties.get()
    assert not p.goedgekeurd and "0611" in p.retourcodes  # TR418: contract tariff is 150
    assert d.toegekend_bedrag == 0
    assert parse(b.retour.bytes).declaratie_antwoord.totaal_toegekend_bedrag.totaal_bedrag == 0


def test_jw302_is_linked_to_our_jw301(ijw):
    jw301 = maak_jw301(ijw["oss"], ijw["jeugdige"], ijw["aanbieder"], vandaag=dt.date(2024, 6, 1))
    markeer_verzonden(jw301)
    jw302 = bouw(maak_retour(parse(jw301.bytes), [], identificatie="R1", volledig=True))
    b = ontvang(jw302, bron="test", aanbieder=ijw["aanbieder"])
    jw301.refresh_from_db()
    assert b.status == Status.VERWERKT and b.heenbericht == jw301 and b.afzender == vb.AANBIEDER
    assert jw301.status == Status.RETOUR_ONTVANGEN and jw301.beantwoord is not None
    assert b.retour is None  # no retour on a retour


def test_message_for_another_gemeente_goes_to_quarantine_without_retour(ijw):
    bericht = wijzig(vb.jw315_bericht(), "header.ontvanger", "0796")
    b = ontvang_bericht(bericht)
    assert b.status == Status.QUARANTAINE and b.retour is None and not Verzoek.objects.exists()
    assert "0796" in b.melding


def test_failure_during_processing_rolls_back_and_a_redelivery_processes_again(ijw, monkeypatch):
    from jeugdhulp.berichten import verwerking

    echte = verwerking.HANDLERS["JW315"]

    def kapot(v):
        echte(v)  # the Verzoek and Jeugdige rows are written …
        raise RuntimeError("database weg")  # … and then the transaction fails

    monkeypatch.setitem(verwerking.HANDLERS, "JW315", kapot)
    data = build(vb.jw315_bericht())
    with pytest.raises(RuntimeError):
        ontvang(data, bron="test", vandaag=VANDAAG)
    b = Bericht.objects.get(richting=Richting.IN)
    assert b.status == Status.ONTVANGEN and b.bytes == data  # bytes kept, nothing half-written
    assert not Verzoek.objects.exists() and not Bericht.objects.filter(richting=Richting.UIT).exists()
    monkeypatch.setitem(verwerking.HANDLERS, "JW315", echte)
    assert ontvang(data, bron="test", vandaag=VANDAAG).status == Status.VERWERKT
    assert Verzoek.objects.count() == 1


def _queries_voor_declaratie(aantal: int, nummer: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    prestaties = [vb.prestatie(f"{nummer}-{i}") for i in range(aantal)]
    with CaptureQueriesContext(connection) as ctx:
        ontvang_bericht(vb.jw323_bericht(*prestaties, nummer=nummer, ident=nummer))
    return len(ctx.captured_queries)


def test_declaratie_query_count_does_not_grow_with_the_number_of_prestaties(ijw):
    klein = _queries_voor_declaratie(5, "DK")
    groot = _queries_voor_declaratie(100, "DG")
    assert groot <= klein, (klein, groot)  # the first message also creates the retour counter


def test_processing_never_rewrites_the_original_bytes(ijw):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        b = ontvang_bericht(vb.jw315_bericht())
    updates = [
        q["sql"] for q in queries.captured_queries if q["sql"].startswith("UPDATE") and "berichten_bericht" in q["sql"]
    ]
    assert updates, "processing should update the message row"
    assert not any('"inhoud"' in sql for sql in updates)
    assert b.bytes == build(vb.jw315_bericht())
