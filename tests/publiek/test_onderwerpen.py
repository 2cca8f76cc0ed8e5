"""The topic list exists on a real installation too: `jeugdhulp onderwerpen` creates it without the demo."""

from io import StringIO

from django.core.management import call_command

import pytest

from jeugdhulp.publiek.models import Pagina
from jeugdhulp.publiek.onderwerpen import ONDERWERPEN
from jeugdhulp.socialekaart.models import Term

pytestmark = pytest.mark.django_db


def test_command_creates_topics_and_pages_once_and_keeps_edits(client):
    uit = StringIO()
    call_command("onderwerpen", stdout=uit)
    assert f"{len(ONDERWERPEN)} topics ({len(ONDERWERPEN)} new)" in uit.getvalue()
    codes = set(Term.objects.filter(taxonomie__code="cjg-onderwerpen").values_list("code", flat=True))
    assert {"pesten", "scheiding", "school", "18-worden"} <= codes
    assert Pagina.objects.filter(slug="pesten").count() == 3  # nl, en, pl

    Term.objects.filter(code="pesten").update(naam="Pesten en buitensluiten")
    uit = StringIO()
    call_command("onderwerpen", stdout=uit)
    assert "(0 new), 0 new pages" in uit.getvalue()
    assert Term.objects.get(code="pesten").naam == "Pesten en buitensluiten"
    pagina = client.get("/onderwerp/pesten/")
    assert pagina.status_code == 200
    assert "Dat is nooit je eigen schuld." in pagina.content.decode()  # the topic page's own text
