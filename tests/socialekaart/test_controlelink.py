"""Issue 15 §8: the 90-day confirm-or-correct link of the sociale kaart cannot be used to file unlimited corrections:
one open correction per organisation (and so per service) at a time, the link is spent once used until the redacteur
handles it, and a rate limit per day."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

import pytest

from jeugdhulp.socialekaart import services as kaart_services
from jeugdhulp.socialekaart.models import Correctieverzoek


@pytest.fixture
def link(kaart):
    organisatie = kaart["behandeling"].organisatie
    return organisatie, reverse("publiek:controleren", args=[kaart_services.controle_token(organisatie)])


def _afhandelen():
    Correctieverzoek.objects.filter(afgehandeld_op__isnull=True).update(afgehandeld_op=timezone.now())


def test_25_posts_make_one_correction_and_the_link_is_spent(client, link):
    organisatie, url = link
    eerste = client.post(url, {"actie": "correctie", "tekst": "Wij zitten nu ook in Oss."})
    assert eerste.status_code == 200 and "De redactie past de gegevens aan" in eerste.content.decode()
    for i in range(24):
        response = client.post(url, {"actie": "correctie", "tekst": f"Nog iets {i}"})
        assert response.status_code == 429
        assert "al een correctie gestuurd" in response.content.decode()
    assert Correctieverzoek.objects.count() == 1
    assert client.post(url, {"actie": "klopt"}).status_code == 429  # spent for "alles klopt" too
    pagina = client.get(url).content.decode()
    assert "al een correctie gestuurd" in pagina and 'name="tekst"' not in pagina  # no form while spent


def test_the_link_works_again_once_the_redacteur_handled_it(client, link):
    _organisatie, url = link
    client.post(url, {"actie": "correctie", "tekst": "Ander telefoonnummer."})
    _afhandelen()
    assert 'name="tekst"' in client.get(url).content.decode()
    assert client.post(url, {"actie": "correctie", "tekst": "Nieuw adres."}).status_code == 200
    assert Correctieverzoek.objects.count() == 2


def test_at_most_three_corrections_a_day_even_when_each_is_handled(client, link, time_machine):
    time_machine.move_to(dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC), tick=False)
    _organisatie, url = link
    for i in range(kaart_services.MAX_CORRECTIES_PER_DAG):
        assert client.post(url, {"actie": "correctie", "tekst": f"Correctie {i}"}).status_code == 200
        _afhandelen()
    te_veel = client.post(url, {"actie": "correctie", "tekst": "Nog een"})
    assert te_veel.status_code == 429 and "morgen" in te_veel.content.decode()
    time_machine.move_to(dt.datetime(2026, 12, 8, 9, 1, tzinfo=dt.UTC), tick=False)
    assert client.post(url, {"actie": "correctie", "tekst": "Nog een"}).status_code == 200
    assert Correctieverzoek.objects.count() == kaart_services.MAX_CORRECTIES_PER_DAG + 1


def test_the_database_refuses_a_second_open_correction(link):
    organisatie, _url = link
    Correctieverzoek.objects.create(organisatie=organisatie, tekst="een")
    with pytest.raises(IntegrityError), transaction.atomic():
        Correctieverzoek.objects.create(organisatie=organisatie, tekst="twee")
