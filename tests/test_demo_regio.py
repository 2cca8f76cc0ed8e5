"""The region-scale message volume (``demo.regio``): the rows five years of iJw traffic leave behind, consistent
with the toewijzingen they belong to, and built once."""

import datetime as dt

from django.db.models import Sum

import pytest

from jeugdhulp.berichten.models import Bericht, Declaratie, Levering, Prestatie, Verzoek
from jeugdhulp.besluiten.models import Aanvraag
from jeugdhulp.demo.bouwer import bouw_demo
from jeugdhulp.demo.regio import BRON, CJG, VOT_VERWIJZERS, AlGebouwd, bouw_berichtvolume, perioden
from jeugdhulp.toewijzingen.models import Toewijzing

PEILDATUM = dt.date(2026, 6, 30)


def test_weeks_are_cut_at_month_ends():
    assert list(perioden(dt.date(2026, 1, 28), dt.date(2026, 2, 9), "week")) == [
        (dt.date(2026, 1, 28), dt.date(2026, 1, 31)),  # Wednesday to the end of January
        (dt.date(2026, 2, 1), dt.date(2026, 2, 1)),  # Sunday 1 February
        (dt.date(2026, 2, 2), dt.date(2026, 2, 8)),
        (dt.date(2026, 2, 9), dt.date(2026, 2, 9)),
    ]
    assert list(perioden(dt.date(2026, 1, 28), dt.date(2026, 2, 9), "maand")) == [
        (dt.date(2026, 1, 28), dt.date(2026, 1, 31)),
        (dt.date(2026, 2, 1), dt.date(2026, 2, 9)),
    ]


@pytest.mark.django_db
def test_the_volume_follows_the_toewijzingen_and_is_built_once():
    bouw_demo(seed=5, schaal="klein", peildatum=PEILDATUM)
    aantallen = bouw_berichtvolume(PEILDATUM, seed=5, periode="week")
    assert aantallen["prestaties"] > aantallen["declaraties"] > 0 and aantallen["JW305"] > 0

    # every started toewijzing has one start, reported on or after the start and not after the peildatum
    gestart = Toewijzing.objects.filter(begindatum_zorg__lte=PEILDATUM)
    for t in gestart:
        (start,) = Levering.objects.filter(toewijzing=t, soort="start")
        assert start.begindatum == t.begindatum_zorg
        assert t.begindatum_zorg <= start.bericht.aangemaakt.date() <= PEILDATUM or start.bericht.bron != BRON
    # a declaratie adds up, and each prestatie lies in its month and in the care period of its toewijzing
    for d in Declaratie.objects.filter(bericht__bron=BRON):
        prestaties = list(d.prestaties.select_related("toewijzing"))
        assert d.ingediend_bedrag == sum(p.bedrag for p in prestaties)
        assert d.toegekend_bedrag == sum(p.bedrag for p in prestaties if p.goedgekeurd)
        for p in prestaties:
            assert d.begindatum <= p.begindatum <= p.einddatum <= d.einddatum
            assert p.toewijzing.begindatum_zorg <= p.begindatum and p.einddatum < PEILDATUM.replace(day=1)
            assert (p.einddatum - p.begindatum).days < 7 and p.bsn == p.toewijzing.jeugdige.bsn
    # VOTs for the referrals by a huisarts, jeugdarts or medisch specialist; aanvragen for the CJG's own
    for v in Verzoek.objects.filter(bericht__bron=BRON):
        (t,) = v.toewijzingen.all()
        assert t.verwijzer.type in VOT_VERWIJZERS and v.ontvangen <= v.beantwoord
    cjg = Toewijzing.objects.filter(verwijzer__type=CJG)
    assert Aanvraag.objects.filter(toewijzingen__in=cjg, beschikking__isnull=False).count() == cjg.count()
    assert not Bericht.objects.filter(bron=BRON).exclude(inhoud=b"").exists()  # heads only, no message bodies

    totaal = Prestatie.objects.aggregate(s=Sum("bedrag"))["s"]
    with pytest.raises(AlGebouwd):
        bouw_berichtvolume(PEILDATUM, seed=5)
    assert Prestatie.objects.aggregate(s=Sum("bedrag"))["s"] == totaal
