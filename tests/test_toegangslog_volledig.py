"""The access log misses nothing (issue 15 §4): the asker of a hulpvraag, the queue, steps and lists, in Dutch."""

import datetime as dt

from django.urls import reverse

import pytest

from jeugdhulp.audit.models import Actie, Toegangslogregel
from jeugdhulp.casussen.models import Casus
from jeugdhulp.hulpvragen import services
from tests import factories
from tests.conftest import login_verified
from tests.toegang.factories import toegang_wereld


@pytest.fixture
def w(db):
    return toegang_wereld()


@pytest.fixture
def vraag(w):
    """A phoned-in hulpvraag without a known child: only the asker's name, phone and e-mail."""
    return services.registreer(
        gemeente=w["oss"], team=w["team"], vrager="ouder", kanaal="telefoon", vraag="Zorgen over slapen",
        naam="Petra de Vries", telefoon="0612345678", email="petra@example.org",
    )  # fmt: skip


def test_opening_a_hulpvraag_without_a_child_is_logged(client, w, vraag):
    login_verified(client, w["cjg"])
    page = client.get(reverse("hulpvragen:detail", args=[vraag.pk]))
    assert "Petra de Vries" in page.content.decode()
    regel = Toegangslogregel.objects.get(actie=Actie.BEKEKEN)
    assert (regel.gebruikersnaam, regel.onderwerp, regel.jeugdige_id) == (
        "sanne",
        f"hulpvraag {vraag.pk}: vrager en kind",
        None,
    )


def test_the_queue_logs_every_hulpvraag_it_shows(client, w, vraag):
    tweede = services.registreer(
        gemeente=w["oss"], team=w["team"], vrager="school", kanaal="telefoon", vraag="Verzuim", naam="Mentor",
        telefoon="0698765432", email="",
    )  # fmt: skip
    login_verified(client, w["cjg"])
    client.get(reverse("hulpvragen:wachtrij"))
    assert set(Toegangslogregel.objects.filter(actie=Actie.GEZOCHT).values_list("onderwerp", flat=True)) == {
        f"wachtrij: hulpvraag {vraag.pk}",
        f"wachtrij: hulpvraag {tweede.pk}",
    }


def test_a_step_is_logged_in_words_not_a_class_name(client, w, vraag):
    login_verified(client, w["cjg"])
    client.post(reverse("hulpvragen:contact", args=[vraag.pk]))
    regel = Toegangslogregel.objects.get(actie=Actie.GEWIJZIGD)
    assert regel.onderwerp == f"hulpvraag {vraag.pk}: contact"


def test_the_richting_18_list_is_logged_as_viewed_not_exported(client, w, time_machine):
    time_machine.move_to(dt.datetime(2026, 1, 15, 9, tzinfo=dt.UTC), tick=False)
    j = factories.JeugdigeFactory(
        gemeente=w["oss"], team=w["team"], bsn="111222333", geboortedatum=dt.date(2008, 2, 29)
    )
    Casus.objects.create(jeugdige=j, gemeente=w["oss"], team=w["team"])
    login_verified(client, w["cjg"])
    assert client.get(reverse("casussen:richting18"), {"maanden": "24"}).status_code == 200
    acties = set(Toegangslogregel.objects.filter(jeugdige=j).values_list("actie", flat=True))
    assert acties == {Actie.BEKEKEN}
