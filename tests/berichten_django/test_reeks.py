"""Group commit (``ontvang_reeks``): same outcome as one by one, each message still all-or-nothing."""

from django.db import transaction

import pytest

from jeugdhulp.berichten import inbox, verwerking
from jeugdhulp.berichten.ijw import build
from jeugdhulp.berichten.inbox import ontvang, ontvang_reeks
from jeugdhulp.berichten.models import Bericht, Levering, Richting, Status
from tests.berichten import voorbeelden as vb
from tests.berichten_django.conftest import VANDAAG


def _reeks():
    return [
        build(vb.jw305_bericht(ident="S1")),
        build(vb.jw315_bericht(ident="V1")),
        b"<kapot",
        build(vb.jw305_bericht(ident="S1")),  # the same bytes again: one row, one answer
        build(vb.jw307_bericht(ident="P1")),  # needs the start of the first message (same block)
        build(vb.jw305_bericht(ident="S2")),  # the same start again: judged against the history
    ]


def _uitkomst(berichten):
    return [
        (b.status, b.berichtsoort, sorted(r["retourcode"] for r in b.retourcodes), bool(b.retour)) for b in berichten
    ]


def test_block_gives_the_same_outcome_as_one_by_one(ijw):
    punt = transaction.savepoint()
    een_voor_een = _uitkomst([ontvang(d, bron="los", vandaag=VANDAAG) for d in _reeks()])
    transaction.savepoint_rollback(punt)  # back to the empty inbox
    assert not Bericht.objects.exists()
    reeks = ontvang_reeks(_reeks(), bron=lambda i: f"bestand:{i}.xml", vandaag=VANDAAG, blok=4)
    assert _uitkomst(reeks) == een_voor_een, een_voor_een
    assert [u[0] for u in een_voor_een] == ["verwerkt", "verwerkt", "quarantaine", "verwerkt", "verwerkt", "afgekeurd"]
    assert reeks[0].pk == reeks[3].pk  # stored once
    assert [b.bron for b in reeks[:3]] == ["bestand:0.xml", "bestand:1.xml", "bestand:2.xml"]
    assert een_voor_een[4][0] == Status.VERWERKT  # the stop saw the start processed before it
    assert Bericht.objects.filter(richting=Richting.IN).count() == 5


def test_a_failing_message_rolls_back_alone_and_stays_received(ijw, monkeypatch):
    echt = verwerking.HANDLERS["JW307"]

    def stuk(v):
        echt(v)  # writes a Levering and updates the toewijzing …
        raise RuntimeError("database weg")  # … and then fails

    monkeypatch.setitem(verwerking.HANDLERS, "JW307", stuk)
    reeks = ontvang_reeks(
        [build(vb.jw305_bericht()), build(vb.jw307_bericht()), build(vb.jw315_bericht())],
        bron="test",
        vandaag=VANDAAG,
    )
    assert [b.status for b in reeks] == [Status.VERWERKT, Status.ONTVANGEN, Status.VERWERKT]
    stop = Bericht.objects.get(pk=reeks[1].pk)
    assert stop.bytes == build(vb.jw307_bericht()) and stop.retour is None
    assert not Levering.objects.filter(soort="stop").exists()
    ijw["toewijzing"].refresh_from_db()
    assert ijw["toewijzing"].einddatum_zorg is None and ijw["toewijzing"].begindatum_zorg is not None
    monkeypatch.setitem(verwerking.HANDLERS, "JW307", echt)
    again = ontvang_reeks([build(vb.jw307_bericht())], bron="test", vandaag=VANDAAG)
    assert again[0].pk == stop.pk and again[0].status == Status.VERWERKT


def test_block_refuses_another_afzender_before_storing_anything(ijw):
    from tests import factories

    ander = factories.AanbiederFactory(agb_code="87654321")
    with pytest.raises(inbox.AfzenderGeweigerd):
        ontvang_reeks([build(vb.jw305_bericht()), build(vb.jw315_bericht())], bron="api", aanbieder=ander)
    assert not Bericht.objects.exists()
