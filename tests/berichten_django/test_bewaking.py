"""Duplicates, bad input in quarantine (nothing half-written), and aanbieder impersonation."""

import pytest

from jeugdhulp.berichten.ijw import build, lees
from jeugdhulp.berichten.ijw.reader import MAX_BYTES
from jeugdhulp.berichten.inbox import AfzenderGeweigerd, ontvang
from jeugdhulp.berichten.models import Bericht, Levering, Richting, Status
from tests import factories
from tests.berichten import voorbeelden as vb
from tests.berichten.voorbeelden import wijzig
from tests.berichten_django.conftest import VANDAAG, domein_telling


def test_same_bytes_twice_are_stored_once_and_answered_the_same(ijw):
    data = build(vb.jw305_bericht())
    eerste = ontvang(data, bron="a", vandaag=VANDAAG)
    tweede = ontvang(data, bron="b", vandaag=VANDAAG)
    assert eerste.pk == tweede.pk
    assert Bericht.objects.filter(richting=Richting.IN).count() == 1
    assert Bericht.objects.filter(richting=Richting.UIT).count() == 1
    assert tweede.retour.bytes == eerste.retour.bytes
    assert Levering.objects.count() == 1


def test_same_identificatie_with_other_content_is_rejected_with_9056(ijw):
    ontvang(build(vb.jw305_bericht(ident="S1")), bron="a", vandaag=VANDAAG)
    voor = domein_telling()
    ander = wijzig(vb.jw305_bericht(ident="S1"), "client.start_producten[0].begindatum", VANDAAG)
    b = ontvang(build(ander), bron="b", vandaag=VANDAAG)
    assert b.status == Status.AFGEKEURD
    assert "9056" in {r["retourcode"] for r in b.retourcodes}
    assert {el.text for el in lees(b.retour.bytes).root.iter("{*}RetourCode")} >= {"9056"}
    assert domein_telling() == voor


GELDIG = build(vb.jw315_bericht())
XXE = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>""" + GELDIG.split(b"?>", 1)[1]
LACHEN = (
    b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><l>&c;</l>'
)
SLECHT = {
    "geen-xml": (b"dit is geen xml", False),
    "afgebroken": (GELDIG[: len(GELDIG) // 2], False),
    "xxe": (XXE, False),
    "billion-laughs": (LACHEN, False),
    "verkeerde-namespace": (GELDIG.replace(b"ijw/3_2/jw315", b"ijw/3_1/jw315"), False),
    "onmogelijke-datum": (GELDIG.replace(b"2024-04-01", b"2024-02-30"), True),
    "ongeldig-bsn": (build(wijzig(vb.jw315_bericht(), "client.bsn", "123456789")), True),
}


@pytest.mark.parametrize("naam", list(SLECHT))
def test_bad_input_is_kept_in_quarantine_without_domain_change(ijw, naam):
    data, retour_mogelijk = SLECHT[naam]
    voor = domein_telling()
    b = ontvang(data, bron="test", vandaag=VANDAAG)
    assert b.status == Status.QUARANTAINE
    assert Bericht.objects.get(pk=b.pk).bytes == data  # original bytes kept verbatim
    assert domein_telling() == voor
    assert any(r["retourcode"] == "0001" for r in b.retourcodes)
    if retour_mogelijk:
        codes = {el.text for el in lees(b.retour.bytes).root.iter("{*}RetourCode")}
        assert "0001" in codes and b.retour.berichtsoort == "JW316"
    else:
        assert b.retour is None


def test_too_large_is_kept_in_quarantine(ijw):
    data = GELDIG + b" " * (MAX_BYTES + 1 - len(GELDIG))
    voor = domein_telling()
    b = ontvang(data, bron="test", vandaag=VANDAAG)
    assert b.status == Status.QUARANTAINE and b.grootte == MAX_BYTES + 1
    assert {r["regel"] for r in b.retourcodes} == {"OP179"}
    assert domein_telling() == voor


def test_an_aanbieder_cannot_send_as_another_aanbieder(ijw):
    ander = factories.AanbiederFactory(agb_code="87654321")
    with pytest.raises(AfzenderGeweigerd):
        ontvang(build(vb.jw315_bericht()), bron="api", aanbieder=ander)
    assert not Bericht.objects.exists()
    # a retour (JW302/JW320) is judged by its real sender, the Ontvanger of the heenbericht
    retour_van_ander = build(vb.jw301_bericht()).replace(b"436", b"437")
    with pytest.raises(AfzenderGeweigerd):
        ontvang(retour_van_ander.replace(b"jw301", b"jw302"), bron="api", aanbieder=ander)
    assert not Bericht.objects.exists()


def test_unknown_afzender_goes_to_quarantine(ijw):
    b = ontvang(build(wijzig(vb.jw315_bericht(), "header.afzender", "11112222")), bron="bestand", vandaag=VANDAAG)
    assert b.status == Status.QUARANTAINE and "11112222" in b.melding and b.retour is None
