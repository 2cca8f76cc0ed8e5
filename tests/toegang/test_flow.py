"""The access process through its services: hulpvraag → triage → casus → verslag → plan → aanvraag → beschikking →
toewijzing (JW301) → JW305 → evaluatie → afsluiten met waakvlam; and the safety rails that refuse impossible steps."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from jeugdhulp.berichten import inbox
from jeugdhulp.berichten.models import Bericht, Status
from jeugdhulp.besluiten import services as besluiten
from jeugdhulp.besluiten.models import AanvraagStatus, Beschikking, Vorm
from jeugdhulp.casussen import services as casussen
from jeugdhulp.casussen.models import Casus, CasusStatus, Regievorm
from jeugdhulp.hulpvragen import services as hulpvragen
from jeugdhulp.hulpvragen.models import Hulpvraag
from jeugdhulp.overgangen.models import Gelijktijdig, OngeldigeOvergang, Overgang
from tests.toegang.factories import jw305_voor, plan_vastgesteld, toegang_wereld

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return toegang_wereld()


def _casus(w):
    h = hulpvragen.registreer(gemeente=w["oss"], team=w["team"], vrager="ouder", kanaal="telefoon", vraag="Ruzie thuis")
    casus, nieuw = hulpvragen.naar_vraagverheldering(h, door=w["cjg"], jeugdige=w["jeugdige"])
    assert nieuw
    return casus


_plan = plan_vastgesteld


def _aanvraag(w, casus, vorm=Vorm.ZIN, van=None, tot=None):
    van = van or timezone.localdate()
    return besluiten.aanvraag_indienen(
        casus,
        door=w["cjg"],
        vorm=vorm,
        ontvangen_op=timezone.localdate(),
        producten=[
            {
                "product": w["product"],
                "aanbieder": w["aanbieder"] if vorm == Vorm.ZIN else None,
                "volume": 2,
                "eenheid": "04",
                "frequentie": "2",
                "ingangsdatum": van,
                "einddatum": tot or van + dt.timedelta(days=180),
            }
        ],
    )


def test_whole_process_from_phone_call_to_waakvlam(w):
    casus = _casus(w)
    assert casus.verwijzer_type == "01" and casus.status == CasusStatus.VRAAGVERHELDERING
    casussen.schrijf_verslag(
        casus, door=w["cjg"], basis_versie=0, delen=True, vraag="v", afspraken="a", akkoord_ouders=True,
        akkoord_jeugdige=True, reactie_gezin="Wij zien het anders", gezin_eens=False,
    )  # fmt: skip
    _plan(w, casus)
    casus.refresh_from_db()
    assert casus.status == CasusStatus.PLAN
    aanvraag = _aanvraag(w, casus)
    beschikking = besluiten.beschikken(aanvraag, door=w["consulent"], besluit="toegekend", motivering="Nodig")
    assert beschikking.bezwaar_uiterlijk >= beschikking.datum + dt.timedelta(weeks=6)
    (jw301,) = besluiten.toewijzen(aanvraag, door=w["consulent"], regie_tijdens_wachten="CJG", overbruggingszorg="")
    assert jw301.berichtsoort == "JW301" and jw301.status == Status.KLAAR
    casus.refresh_from_db()
    assert casus.status == CasusStatus.UITVOERING
    (t,) = aanvraag.toewijzingen.all()
    assert aanvraag.wacht_op_start
    ontvangen = inbox.ontvang(jw305_voor(t, timezone.localdate()), bron="test", aanbieder=w["aanbieder"])
    assert ontvangen.status == Status.VERWERKT, ontvangen.melding
    t.refresh_from_db()
    assert t.begindatum_zorg == timezone.localdate() and not aanvraag.wacht_op_start
    besluiten.evalueren(t, casus, door=w["cjg"], datum=timezone.localdate(), deelnemers="x", uitkomst="stoppen")
    t.refresh_from_db()
    assert t.einddatum == timezone.localdate() and t.reden_wijziging == "05"
    assert Bericht.objects.filter(berichtsoort="JW301").count() == 2  # the shortened toewijzing was sent again
    casussen.afsluiten(
        casus, door=w["cjg"], reden="volgens_plan", toelichting="Klaar",
        waakvlam=[timezone.localdate() + dt.timedelta(days=90)], open_acties_lopen_door=True,
    )  # fmt: skip
    casus.refresh_from_db()
    assert casus.status == CasusStatus.WAAKVLAM and casus.waakvlam.count() == 1
    assert [o.naar for o in casus.overgangen] == ["plan", "uitvoering", "waakvlam"]
    assert all(o.door == w["cjg"] or o.door == w["consulent"] for o in casus.overgangen)


def test_existing_casus_is_reused_and_waakvlam_reopens(w):
    casus = _casus(w)
    h2 = hulpvragen.registreer(gemeente=w["oss"], team=w["team"], vrager="school", kanaal="email", vraag="Spijbelt")
    zelfde, nieuw = hulpvragen.naar_vraagverheldering(h2, door=w["cjg"], jeugdige=w["jeugdige"])
    assert zelfde == casus and not nieuw
    casussen.afsluiten(
        casus,
        door=w["cjg"],
        reden="volgens_plan",
        toelichting="",
        waakvlam=[timezone.localdate() + dt.timedelta(days=1)],
    )
    h3 = hulpvragen.registreer(gemeente=w["oss"], team=w["team"], vrager="ouder", kanaal="telefoon", vraag="Weer")
    weer, nieuw = hulpvragen.naar_vraagverheldering(h3, door=w["cjg"], jeugdige=w["jeugdige"])
    assert weer == casus and not nieuw
    casus.refresh_from_db()
    assert casus.status == CasusStatus.VRAAGVERHELDERING
    assert Casus.objects.count() == 1


def test_light_question_is_closed_with_what_was_done(w):
    h = hulpvragen.registreer(gemeente=w["oss"], vrager="ouder", kanaal="inloop", vraag="Slaapt slecht")
    with pytest.raises(ValidationError):
        hulpvragen.licht_afhandelen(h, door=w["cjg"], lichte_hulp="advies", afhandeling=" ")
    hulpvragen.licht_afhandelen(h, door=w["cjg"], lichte_hulp="advies", afhandeling="Slaaptips gegeven")
    h.refresh_from_db()
    assert h.status == Hulpvraag.Status.LICHT_AFGEHANDELD
    (o,) = Overgang.objects.filter(object_id=h.pk, naar="licht_afgehandeld")
    assert o.door == w["cjg"] and o.rol == "cjg_medewerker"


def test_a_transition_the_table_does_not_allow_changes_nothing(w):
    h = hulpvragen.registreer(gemeente=w["oss"], vrager="ouder", kanaal="inloop", vraag="?")
    hulpvragen.licht_afhandelen(h, door=w["cjg"], lichte_hulp="advies", afhandeling="ok")
    with pytest.raises(OngeldigeOvergang):
        h.naar(Hulpvraag.Status.VRAAGVERHELDERING, door=w["cjg"])
    with pytest.raises(OngeldigeOvergang):  # the role may not: only the CJG triages
        hulpvragen.registreer(gemeente=w["oss"], vrager="ouder", kanaal="inloop", vraag="?").naar(
            Hulpvraag.Status.LICHT_AFGEHANDELD, door=w["consulent"]
        )
    h.refresh_from_db()
    assert h.status == Hulpvraag.Status.LICHT_AFGEHANDELD


def test_two_workers_do_not_overwrite_each_other(w):
    casus = _casus(w)
    a, b = Casus.objects.get(pk=casus.pk), Casus.objects.get(pk=casus.pk)
    a.regievorm, a.regisseur = Regievorm.CASUSREGIE, "Sanne"
    a.bewaar("regievorm", "regisseur")
    b.regievorm = Regievorm.ZELFREGIE
    with pytest.raises(Gelijktijdig):
        b.bewaar("regievorm")
    casussen.schrijf_verslag(casus, door=w["cjg"], basis_versie=0, delen=False, vraag="1", afspraken="1")
    with pytest.raises(Gelijktijdig):  # the second writer started from version 0 as well
        casussen.schrijf_verslag(casus, door=w["cjg"], basis_versie=0, delen=False, vraag="2", afspraken="2")
    assert casus.verslagen.count() == 1


@pytest.mark.parametrize(
    ("geboren_jaren_geleden", "ouders", "jeugdige", "mag"),
    [(11, True, False, True), (11, False, True, False), (14, True, False, False), (14, True, True, True),
     (16, False, True, True), (16, True, False, False)],
)  # fmt: skip
def test_consent_to_share_follows_the_age(w, geboren_jaren_geleden, ouders, jeugdige, mag):
    vandaag = timezone.localdate()
    w["jeugdige"].geboortedatum = vandaag.replace(year=vandaag.year - geboren_jaren_geleden) - dt.timedelta(days=1)
    w["jeugdige"].save()
    casus = _casus(w)
    kwargs = {"door": w["cjg"], "basis_versie": 0, "delen": True, "vraag": "v", "afspraken": "a"}
    if mag:
        casussen.schrijf_verslag(casus, akkoord_ouders=ouders, akkoord_jeugdige=jeugdige, **kwargs)
    else:
        with pytest.raises(ValidationError):
            casussen.schrijf_verslag(casus, akkoord_ouders=ouders, akkoord_jeugdige=jeugdige, **kwargs)


def test_several_organisations_need_a_casusregisseur(w):
    casus = _casus(w)
    plan = casussen.plan_voor(casus)
    plan.deelnemers.create(naam="A", soort="professional", organisatie="Kompas")
    plan.deelnemers.create(naam="B", soort="professional", organisatie="School")
    with pytest.raises(ValidationError, match="meerdere organisaties"):
        _plan(w, casus)
    casus.regievorm, casus.regisseur = Regievorm.CASUSREGIE, "Sanne de Vries"
    casus.bewaar("regievorm", "regisseur")
    _plan(w, casus)


def test_stagnation_signal(w, settings):
    settings.JEUGDHULP_STAGNATIE_WEKEN = 4
    casus = _casus(w)
    vandaag = timezone.localdate()
    Casus.objects.filter(pk=casus.pk).update(laatste_voortgang=vandaag - dt.timedelta(weeks=4))
    assert list(casussen.stagnerend(Casus.objects.all(), vandaag)) == [casus]
    Casus.objects.filter(pk=casus.pk).update(laatste_voortgang=vandaag - dt.timedelta(weeks=4) + dt.timedelta(days=1))
    assert not casussen.stagnerend(Casus.objects.all(), vandaag).exists()


def test_impossible_decisions_are_refused(w):
    casus = _casus(w)
    with pytest.raises(ValidationError):
        besluiten.beschikken(None, door=w["consulent"], besluit="toegekend", motivering="x")
    aanvraag = _aanvraag(w, casus)
    with pytest.raises(ValidationError, match="vóór de aanvraag"):
        besluiten.beschikken(
            aanvraag, door=w["consulent"], besluit="toegekend", motivering="x",
            datum=aanvraag.ontvangen_op - dt.timedelta(days=1),
        )  # fmt: skip
    besluiten.opschorten(aanvraag, door=w["consulent"], dag=aanvraag.ontvangen_op, reden="Verslag school")
    with pytest.raises(OngeldigeOvergang):  # opgeschort: first the information
        besluiten.beschikken(aanvraag, door=w["consulent"], besluit="toegekend", motivering="x")
    assert not Beschikking.objects.exists()


def test_toewijzing_outside_the_contract_is_refused(w):
    casus = _casus(w)
    aanvraag = _aanvraag(w, casus, van=dt.date(2027, 6, 1), tot=dt.date(2028, 6, 1))  # contract ends 2027-12-31
    besluiten.beschikken(aanvraag, door=w["consulent"], besluit="toegekend", motivering="x")
    with pytest.raises(ValidationError, match="geen contract"):
        besluiten.toewijzen(aanvraag, door=w["consulent"])
    assert not aanvraag.toewijzingen.exists() and not Bericht.objects.exists()


def test_pgb_budget_checklist_and_no_overlap_with_zin(w):
    casus = _casus(w)
    van = timezone.localdate()
    pgb = _aanvraag(w, casus, vorm=Vorm.PGB, van=van, tot=van + dt.timedelta(days=6))
    with pytest.raises(ValidationError, match="checklist"):
        besluiten.beschikken(pgb, door=w["consulent"], besluit="toegekend", motivering="x")
    beoordeling = besluiten.pgb_beoordelen(
        pgb, kan_beheren=True, waarom_geen_zin="Wachtlijst en oma kent haar", kwaliteit_geborgd=True,
        budgetplan_compleet=True, tariefsoort="informeel", weigeringsgronden="",
    )  # fmt: skip
    assert beoordeling.tarief == 1451 and beoordeling.budget == 2 * 1451  # 2 uur per week, one week
    prof = besluiten.pgb_beoordelen(
        pgb, kan_beheren=True, waarom_geen_zin="x", kwaliteit_geborgd=True, budgetplan_compleet=True,
        tariefsoort="professioneel", weigeringsgronden="",
    )  # fmt: skip
    assert prof.tarief == 7850 and prof.budget == 2 * 7850
    besluiten.beschikken(pgb, door=w["consulent"], besluit="toegekend", motivering="x")
    zin = _aanvraag(w, casus, van=van + dt.timedelta(days=3))
    besluiten.beschikken(zin, door=w["consulent"], besluit="toegekend", motivering="x")
    with pytest.raises(ValidationError, match="OP043"):
        besluiten.toewijzen(zin, door=w["consulent"])


def test_vot_lands_in_the_intake_queue_with_its_verwijzer(w):
    from jeugdhulp.berichten.ijw import build
    from tests.berichten import voorbeelden as vb

    bericht = inbox.ontvang(build(vb.jw315_bericht()), bron="test", aanbieder=w["aanbieder"])
    assert bericht.status == Status.VERWERKT, bericht.melding
    h = Hulpvraag.objects.get(kanaal="ijw")
    verzoek = bericht.verzoeken.get()
    assert h.verzoek == verzoek and h.jeugdige == w["jeugdige"] and h.verwijzer_type == verzoek.verwijzer_type
    assert h.contact_uiterlijk == verzoek.antwoord_uiterlijk
    casus, _nieuw = hulpvragen.naar_vraagverheldering(h, door=w["cjg"], jeugdige=w["jeugdige"])
    assert casus.verwijzer_type == verzoek.verwijzer_type


@pytest.mark.parametrize(
    "vandaag",
    [
        dt.date(2026, 12, 6),  # 8 weeks later is Sunday 31-1-2027: the Algemene termijnenwet moves it to Monday
        dt.date(2027, 3, 3),  # 8 weeks later is Wednesday 28-4-2027; +10 days crosses Koningsdag
        dt.date(2026, 11, 4),  # the term ends in the week between Christmas and New Year
    ],
)
def test_aanvraag_clock_pauses_and_is_postponed(w, vandaag, time_machine):
    """Awb 4:15: the paused days are added to the unshifted 8-week term, and only then does the Algemene termijnenwet
    move a last day off a weekend or holiday; so the new date is not simply the old (already moved) one plus 10."""
    from jeugdhulp.besluiten import termijnen

    time_machine.move_to(dt.datetime.combine(vandaag, dt.time(10), tzinfo=dt.UTC), tick=False)
    casus = _casus(w)
    aanvraag = _aanvraag(w, casus)
    assert aanvraag.ontvangen_op == vandaag
    assert aanvraag.beslis_uiterlijk == termijnen.atw(vandaag + dt.timedelta(weeks=8))
    besluiten.opschorten(aanvraag, door=w["consulent"], dag=aanvraag.ontvangen_op, reden="Info")
    besluiten.hervatten(aanvraag, door=w["consulent"], dag=aanvraag.ontvangen_op + dt.timedelta(days=10))
    assert aanvraag.status == AanvraagStatus.INGEDIEND and aanvraag.opgeschorte_dagen == 10
    assert aanvraag.beslis_uiterlijk == termijnen.atw(vandaag + dt.timedelta(weeks=8, days=10))
    with pytest.raises(ValidationError):
        besluiten.verdagen(aanvraag, door=w["consulent"], tot=aanvraag.beslis_uiterlijk, reden="x")
    nieuw = aanvraag.beslis_uiterlijk + dt.timedelta(weeks=4)
    besluiten.verdagen(aanvraag, door=w["consulent"], tot=nieuw, reden="Advies nodig")
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.VERDAAGD and aanvraag.verdaagd_tot == nieuw
    assert aanvraag.beslis_uiterlijk >= nieuw
    verdaging = aanvraag.overgangen.last()
    assert (verdaging.van, verdaging.naar, verdaging.door, verdaging.toelichting) == (
        "ingediend", "verdaagd", w["consulent"], "Advies nodig",
    )  # fmt: skip
    with pytest.raises(ValidationError, match="al verdaagd"):  # once
        besluiten.verdagen(aanvraag, door=w["consulent"], tot=nieuw + dt.timedelta(weeks=1), reden="Nog later")
    # an opschorting during the verdaging returns to verdaagd and moves the announced date by the paused days
    besluiten.opschorten(aanvraag, door=w["consulent"], dag=aanvraag.ontvangen_op + dt.timedelta(days=20), reden="i")
    besluiten.hervatten(aanvraag, door=w["consulent"], dag=aanvraag.ontvangen_op + dt.timedelta(days=25))
    assert aanvraag.status == AanvraagStatus.VERDAAGD and aanvraag.beslis_uiterlijk >= nieuw + dt.timedelta(days=5)
    besluiten.beschikken(aanvraag, door=w["consulent"], besluit="toegekend", motivering="Advies binnen")
    assert [o.naar for o in aanvraag.overgangen] == ["opgeschort", "ingediend", "verdaagd", "opgeschort", "verdaagd",
                                                     "toegekend"]  # fmt: skip


def test_no_cjg_worker_sees_a_vot_outside_their_scope(client, w):
    """A VOT for a jeugdige of another team, or without a team, never shows in this team's intake queue; the
    jeugdconsulent sees both and answers from the aanvraag page (link to the verzoek, JW319) or by toewijzen (JW301)."""
    from django.urls import reverse

    from jeugdhulp.berichten.ijw import build
    from jeugdhulp.jeugdigen.models import Jeugdige
    from jeugdhulp.permissions import policy
    from tests import factories
    from tests.berichten import voorbeelden as vb
    from tests.conftest import login_verified

    ander_team = factories.TeamFactory(gemeente=w["oss"], naam="CJG Oss-Zuid")
    Jeugdige.objects.filter(pk=w["jeugdige"].pk).update(team=ander_team)
    assert inbox.ontvang(build(vb.jw315_bericht()), bron="test", aanbieder=w["aanbieder"]).status == Status.VERWERKT
    h = Hulpvraag.objects.get(kanaal="ijw")
    assert h.team == ander_team
    zichtbaar = lambda user: policy.filter_queryset(user, policy.Resource.HULPVRAAG, Hulpvraag.objects.all())  # noqa: E731
    assert not zichtbaar(w["cjg"]).exists()
    Hulpvraag.objects.filter(pk=h.pk).update(team=None)  # a jeugdige without team or wijk
    assert not zichtbaar(w["cjg"]).exists()
    collega = factories.UserFactory(username="joost", rol="cjg_medewerker", team=ander_team)
    assert not zichtbaar(collega).exists()  # not the whole gemeente either
    assert list(zichtbaar(w["consulent"])) == [h]
    login_verified(client, w["cjg"])
    assert client.get(reverse("hulpvragen:detail", args=[h.pk])).status_code == 404
    assert "Verzoek om toewijzing" not in client.get(reverse("hulpvragen:wachtrij")).content.decode()
    # once in a casus with an aanvraag, the backoffice answers it from the aanvraag page
    Hulpvraag.objects.filter(pk=h.pk).update(team=ander_team)
    h.refresh_from_db()
    casus, _nieuw = hulpvragen.naar_vraagverheldering(h, door=collega, jeugdige=w["jeugdige"])
    aanvraag = _aanvraag(w, casus)
    login_verified(client, w["consulent"])
    pagina = client.get(aanvraag.get_absolute_url()).content.decode()
    assert reverse("berichten:verzoek", args=[h.verzoek_id]) in pagina and "JW319" in pagina
    besluiten.beschikken(aanvraag, door=w["consulent"], besluit="toegekend", motivering="Verwijzing huisarts")
    (jw301,) = besluiten.toewijzen(aanvraag, door=w["consulent"], regie_tijdens_wachten="CJG")
    h.verzoek.refresh_from_db()
    assert h.verzoek.status == "toegewezen" and jw301.berichtsoort == "JW301"
