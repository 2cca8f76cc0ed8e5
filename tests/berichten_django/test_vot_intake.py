"""A VOT in the CJG intake queue: the verwijzer asks (in words, never a bare COD327 code, never the child's name),
and the demo's re-dated VOTs are received when their deadline says (5 werkdagen after receipt, OP274)."""

import datetime as dt
import zoneinfo

from jeugdhulp.berichten.models import Bericht, Verzoek
from jeugdhulp.core.werkdagen import plus_werkdagen
from jeugdhulp.demo.berichten import BRON, _verzoeken_in_de_tijd
from jeugdhulp.hulpvragen.models import Hulpvraag
from jeugdhulp.organisatie.models import Verwijzer
from tests.berichten import voorbeelden as vb
from tests.berichten_django.conftest import ontvang_bericht

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


def test_the_verwijzer_asks_in_words(ijw):
    ontvang_bericht(vb.jw315_bericht())  # huisarts by AGB code only, no name
    h = Hulpvraag.objects.get(verzoek__referentie_aanbieder="VOT-1")
    assert h.naam == "Huisarts (AGB-code 01234567)" and "Jansen" not in h.naam
    assert "verwezen door Huisarts (AGB-code 01234567)" in h.vraag and "door 02" not in h.vraag


def test_a_known_verwijzer_is_named(ijw):
    Verwijzer.objects.create(type="02", naam="H. de Wit", zorgverlenercode="01234567")
    ontvang_bericht(vb.jw315_bericht())
    h = Hulpvraag.objects.get(verzoek__referentie_aanbieder="VOT-1")
    assert h.naam == "Huisarts H. de Wit" and "verwezen door Huisarts H. de Wit" in h.vraag


def test_demo_vots_are_received_when_their_deadline_says(ijw, time_machine):
    nu = dt.datetime(2026, 12, 6, 16, 23, tzinfo=AMS)  # a Sunday
    time_machine.move_to(nu, tick=False)
    for n in range(3):
        ontvang_bericht(vb.jw315_bericht(vb.aangevraagd_product(f"VOT-{n}"), ident=f"V{n}"))
    Bericht.objects.update(bron=BRON)
    _verzoeken_in_de_tijd(nu.date())
    for n, v in enumerate(Verzoek.objects.order_by("pk")):
        h = Hulpvraag.objects.get(verzoek=v)
        ontvangen = nu - dt.timedelta(days=2 * n)
        assert h.ontvangen_op == v.ontvangen == ontvangen
        assert v.antwoord_uiterlijk == h.contact_uiterlijk == plus_werkdagen(ontvangen.date(), 5)
        assert Bericht.objects.get(pk=v.bericht_id).aangemaakt == ontvangen
