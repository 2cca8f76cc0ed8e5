"""The demo municipality: deterministic with --seed, idempotent, synthetic, realistic in shape."""

import datetime as dt
import hashlib
from io import StringIO

from django.core.management import CommandError, call_command
from django.db.models import F

import pytest

from jeugdhulp.aanbieders.models import Aanbieder, Tarief
from jeugdhulp.accounts.models import User
from jeugdhulp.accounts.roles import Rol
from jeugdhulp.core.validators import validate_bsn
from jeugdhulp.jeugdigen.models import Contact, Jeugdige, Relatie
from jeugdhulp.organisatie.models import Gemeente
from jeugdhulp.toewijzingen.models import Toewijzing

PEILDATUM = "2026-06-30"


def _fingerprint() -> str:
    """A digest of the person-level and reference content, independent of primary keys."""
    h = hashlib.sha256()
    for row in Jeugdige.objects.order_by("bsn").values_list(
        "bsn", "geslachtsnaam", "voornamen", "geboortedatum", "geslacht", "wijk__code", "team__naam"
    ):
        h.update(repr(row).encode())
    for row in Toewijzing.objects.order_by("gemeente__cbs_code", "toewijzingnummer").values_list(
        "gemeente__cbs_code", "toewijzingnummer", "jeugdige__bsn", "aanbieder__agb_code", "product__code",
        "ingangsdatum", "einddatum", "volume", "begindatum_zorg", "einddatum_zorg", "reden_beeindiging",
    ):  # fmt: skip
        h.update(repr(row).encode())
    for row in Relatie.objects.order_by("jeugdige__bsn", "volgorde", "soort").values_list(
        "jeugdige__bsn", "soort", "geslachtsnaam"
    ):
        h.update(repr(row).encode())
    for row in Tarief.objects.order_by("contract__aanbieder__agb_code", "product__code", "begindatum").values_list(
        "contract__aanbieder__agb_code", "product__code", "begindatum", "bedrag"
    ):
        h.update(repr(row).encode())
    return h.hexdigest()


def _demo(*args):
    out = StringIO()
    call_command("demo", "--scale", "klein", "--peildatum", PEILDATUM, *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_same_seed_gives_the_same_database_and_rerun_is_a_no_op():
    _demo("--seed", "7")
    first = _fingerprint()
    counts = (Jeugdige.objects.count(), Toewijzing.objects.count(), User.objects.count())
    assert "niets gedaan" in _demo("--seed", "7")  # idempotent
    assert _fingerprint() == first
    assert (Jeugdige.objects.count(), Toewijzing.objects.count(), User.objects.count()) == counts
    _demo("--seed", "7", "--reset")  # rebuilt from scratch: identical content
    assert _fingerprint() == first
    _demo("--seed", "8", "--reset")  # another seed: other people
    assert _fingerprint() != first


@pytest.mark.django_db
def test_other_seed_into_a_built_database_is_refused():
    _demo("--seed", "7")
    with pytest.raises(CommandError, match="--reset"):
        _demo("--seed", "9")


@pytest.mark.django_db
def test_demo_is_synthetic_and_realistic():
    _demo()
    oss = Gemeente.objects.get(cbs_code="0828")
    assert oss.regio.naam == "Noordoost-Brabant"
    assert Gemeente.objects.count() == 10
    assert Aanbieder.objects.count() == 40
    jeugdigen = list(Jeugdige.objects.all())
    for j in jeugdigen:
        validate_bsn(j.bsn)
        assert j.bsn.startswith("9")
        assert j.team is not None and j.team.gemeente_id == j.gemeente_id
    assert Jeugdige.objects.filter(gemeente=oss).count() == 150
    assert Jeugdige.objects.exclude(gemeente=oss).exists()  # regional views have something to show
    assert Contact.objects.filter(soort="01").count() == len(jeugdigen)
    assert Relatie.objects.filter(soort="10", gezagsdrager=True).exists()
    # Care in every stage: waiting, started, ended according to plan and early.
    assert Toewijzing.objects.filter(begindatum_zorg__isnull=True).exists()
    assert Toewijzing.objects.filter(begindatum_zorg__isnull=False, einddatum_zorg__isnull=True).exists()
    assert Toewijzing.objects.filter(reden_beeindiging="31").exists()
    assert Toewijzing.objects.filter(reden_beeindiging__in=["32", "33", "34", "35"]).exists()
    peildatum = dt.date.fromisoformat(PEILDATUM)
    assert not Toewijzing.objects.filter(begindatum_zorg__gt=peildatum).exists()
    assert not Toewijzing.objects.filter(ingangsdatum__lt=F("jeugdige__geboortedatum")).exists()  # born first
    # Every toewijzing is within a contract of its aanbieder for that product.
    for t in Toewijzing.objects.select_related("aanbieder", "product")[:200]:
        assert Tarief.objects.filter(contract__aanbieder=t.aanbieder, product=t.product).exists()
    # One demo login per role, each with a TOTP device.
    assert sorted(User.objects.values_list("rol", flat=True).distinct()) == sorted(Rol.values)


@pytest.mark.django_db
def test_verwijzer_mix_is_close_to_cbs():
    call_command("demo", "--scale", "gemeente", "--peildatum", PEILDATUM, stdout=StringIO())
    totaal = Toewijzing.objects.count()
    gemeente = Toewijzing.objects.filter(verwijzer__type="01").count() / totaal
    huisarts = Toewijzing.objects.filter(verwijzer__type="02").count() / totaal
    assert 0.38 < gemeente < 0.50
    assert 0.25 < huisarts < 0.35
    oss = Jeugdige.objects.filter(gemeente__cbs_code="0828").count()
    assert 2400 <= oss <= 2600


@pytest.mark.django_db
def test_demo_has_living_ijw_traffic():
    from collections import Counter

    from jeugdhulp.berichten.models import Bericht, Prestatie, Verzoek

    _demo()
    soorten = Counter((b.richting, b.berichtsoort, b.status) for b in Bericht.objects.all())
    for soort in ("JW305", "JW307", "JW315", "JW323"):  # received through the real inbox and accepted
        assert soorten[("in", soort, "verwerkt")] > 0, soorten
    assert not any(k[0] == "in" and k[2] == "afgekeurd" for k in soorten), soorten  # a stop always after its start
    assert soorten[("in", "JW305", "quarantaine")] == 1  # the one with a BSN that fails the 11-proef
    # received on the day they were sent, so Termijnen lists only the start that really was reported late
    from jeugdhulp.berichten import termijnen

    laat = list(termijnen.te_laat_gemeld(Bericht.objects.all()))
    assert len(laat) == 1 and laat[0].berichtsoort == "JW305", laat
    assert soorten[("uit", "JW301", "verzonden")] > 0 and soorten[("uit", "JW301", "mislukt")] == 1
    # our retours and JW325s went out on the day of receipt: nothing received waits for our answer
    assert soorten[("uit", "JW325", "verzonden")] == soorten[("in", "JW323", "verwerkt")]
    inkomend = Bericht.objects.filter(richting="in")
    assert not termijnen.open_berichten(inkomend, dt.date.fromisoformat(PEILDATUM)).exists()
    assert list(Prestatie.objects.filter(goedgekeurd=False).values_list("retourcodes", flat=True)) == [["0611"]]
    peildatum = dt.date.fromisoformat(PEILDATUM)
    assert Verzoek.objects.filter(antwoord_uiterlijk__lt=peildatum).exists() or Verzoek.objects.count() >= 8


@pytest.mark.django_db
def test_demo_has_a_living_cjg():
    """Hulpvragen and casussen in every state, aanvragen open and decided, a bezwaar, waakvlam and werkinstructies."""
    from jeugdhulp.besluiten.models import Aanvraag, Bezwaar
    from jeugdhulp.casussen.models import Casus, CasusStatus, Werkinstructie
    from jeugdhulp.hulpvragen.models import Hulpvraag

    _demo()
    assert set(Casus.objects.values_list("status", flat=True)) == set(CasusStatus.values)
    assert {"nieuw", "in_behandeling", "licht_afgehandeld"} <= set(Hulpvraag.objects.values_list("status", flat=True))
    assert Hulpvraag.objects.filter(kanaal="ijw", verzoek__isnull=False).exists()  # VOTs in the intake queue
    assert {"ingediend", "opgeschort", "toegekend"} <= set(Aanvraag.objects.values_list("status", flat=True))
    assert Aanvraag.objects.filter(vorm="pgb", pgb__isnull=False).exists() and Bezwaar.objects.exists()
    assert Casus.objects.filter(veiligheid=True).exists()
    assert Werkinstructie.objects.filter(stap="verslag").exists()
    # issue 5: transition histories, a verdaagde aanvraag, and youths near every 18-/18+ trigger
    from jeugdhulp.casussen import werkvoorraad
    from jeugdhulp.overgangen.models import Overgang

    waakvlam = Casus.objects.filter(status="waakvlam").first()
    assert [o.naar for o in waakvlam.overgangen] == ["plan", "uitvoering", "waakvlam"]
    verdaagd = Aanvraag.objects.filter(status="verdaagd").first()
    assert verdaagd is not None and verdaagd.overgangen.get().naar == "verdaagd" and verdaagd.verdaagd_tot
    assert Overgang.objects.count() > Casus.objects.count()
    consulent = User.objects.get(username="jeugdconsulent")
    peil = dt.date.fromisoformat(PEILDATUM)
    triggers = {t.sleutel: t.rijen for t in werkvoorraad.richting_18(consulent, vandaag=peil)}
    assert all(triggers[k] for k in ("plan", "check", "achttien")), {k: len(v) for k, v in triggers.items()}
    cjg = User.objects.get(username="cjg")
    assert Casus.objects.filter(team=cjg.team).count() >= 10
    # A living CJG (issue 14 §7): evaluations, JIM mentors, and every casus tells the question it started from.
    from jeugdhulp.besluiten.models import Evaluatie
    from jeugdhulp.casussen.models import Deelnemer

    assert Evaluatie.objects.exists() and Deelnemer.objects.filter(soort="jim").exists()
    assert not Casus.objects.filter(hulpvragen__isnull=True).exists()
