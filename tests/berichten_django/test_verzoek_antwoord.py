"""Answering a verzoek om toewijzing: a volume the period cannot hold is refused at its field, the worker lands back
on the queue with a message in words, no rejection reason is chosen beforehand, and the message page reads in words
(names, Dutch dates, code lists) with the technical parts folded away."""

import re

from django.urls import reverse

import pytest

from jeugdhulp.berichten import omvang
from jeugdhulp.berichten.models import Bericht, VerzoekStatus
from tests.berichten_django.test_verzoek_pagina import _post, _vot, consulent  # noqa: F401 — the fixture

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("eenheid", "frequentie", "maximum"),
    [
        ("14", "4", 31),  # etmalen per maand
        ("14", "2", 7),  # etmalen per week
        ("14", "1", 1),  # etmalen per dag
        ("04", "2", 168),  # uren per week
        ("04", "1", 24),  # uren per dag
        ("04", "4", 744),  # uren per maand
        ("16", "2", 42),  # dagdelen (4 uur) per week
        ("01", "2", 10080),  # minuten per week
        ("14", "6", None),  # in totaal: no ceiling
        ("82", "4", None),  # trajecten: no length
    ],
)
def test_how_much_a_period_holds(eenheid, frequentie, maximum):
    assert omvang.hoogstens(eenheid, frequentie) == maximum
    if maximum:
        assert omvang.fout(maximum, eenheid, frequentie) is None
        assert omvang.fout(maximum + 1, eenheid, frequentie)


def test_sixty_etmalen_a_month_is_refused_at_the_volume(consulent):  # noqa: F811
    v = _vot()
    antwoord = _post(consulent, v, volume="60", eenheid="14", frequentie="4", keuze="wijzigen")
    html = antwoord.content.decode()
    fout = html.split('id="id_volume_error"', 1)[1].split("</div>", 1)[0]
    assert "hoogstens 31 etmalen (dag en nacht) per maand" in fout
    assert not Bericht.objects.filter(berichtsoort="JW301").exists()


def test_after_toewijzen_the_worker_is_back_on_the_queue_with_a_message(consulent):  # noqa: F811
    v = _vot(volume=180)
    antwoord = _post(consulent, v, volume="180", keuze="wijzigen")
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse("berichten:verzoeken")
    html = consulent.get(antwoord["Location"]).content.decode()
    assert "Toegewezen: Jan de Jansen bij Kompas Jeugdhulp." in html
    v.refresh_from_db()
    assert v.status == VerzoekStatus.TOEGEWEZEN


def test_no_rejection_reason_is_chosen_beforehand(consulent):  # noqa: F811
    v = _vot()
    html = consulent.get(reverse("berichten:verzoek", args=[v.pk])).content.decode()
    reden = html.split('name="reden"', 1)[1].split("</select>", 1)[0]
    assert '<option value="" selected>' in reden and reden.count("selected") == 1
    html = consulent.post(reverse("berichten:verzoek", args=[v.pk]), {"actie": "afwijzen", "reden": ""}).content
    assert "Dit veld is vereist." in html.decode().split('id="id_reden_error"', 1)[1].split("</div>", 1)[0]
    assert not Bericht.objects.filter(berichtsoort="JW319").exists()


def test_the_message_page_reads_in_words_with_the_technical_parts_folded(consulent):  # noqa: F811
    v = _vot(volume=180)
    _post(consulent, v, volume="180", keuze="wijzigen")
    jw301 = Bericht.objects.get(berichtsoort="JW301")
    html = consulent.get(reverse("berichten:detail", args=[jw301.pk])).content.decode()
    zichtbaar, technisch = html.split('data-testid="technisch"', 1)
    assert "Gemeente Oss" in zichtbaar.split('data-testid="van"', 1)[1].split("</dd>", 1)[0]
    assert "Kompas Jeugdhulp" in zichtbaar.split('data-testid="aan"', 1)[1].split("</dd>", 1)[0]
    richting = zichtbaar.split('data-testid="richting"', 1)[1].split("</dd>", 1)[0]
    assert "uitgaand" in richting and "verstuurd" not in richting and "outbox" not in richting
    inhoud = zichtbaar.split('id="inhoud"', 1)[1]
    assert not re.search(r"\d{4}-\d{2}-\d{2}", inhoud)  # no ISO dates
    assert "1 juli 2024" in inhoud and "30 juni 2024" in inhoud
    assert "Herbeoordeling: verkorting toewijzing (05)" in inhoud  # the code list in words, the code after it
    assert "sha256" not in zichtbaar and jw301.sha256 not in zichtbaar and "0828 →" not in zichtbaar
    assert "bericht code" not in zichtbaar and "bericht code" in technisch  # the header is technical too
    assert jw301.sha256 in technisch and 'data-testid="xml"' in technisch
