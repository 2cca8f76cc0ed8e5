"""Each scheduled job at a frozen moment: it does its work, and a second run (or a second worker) adds nothing."""

import datetime as dt

from django.core import mail as django_mail
from django.test import Client

import pytest
from django_tasks_db.models import DBTaskResult

from jeugdhulp.accounts.roles import Rol
from jeugdhulp.berichten import outbox
from jeugdhulp.berichten.models import Status
from jeugdhulp.casussen.models import Casus, CasusStatus
from jeugdhulp.hulpvragen import services as hulpvragen
from jeugdhulp.socialekaart import services as kaart_services
from jeugdhulp.taken import jobs, planning
from jeugdhulp.taken.models import Bewaarlijst, Herinnering, Mail, MailSoort, Planrun, Voorkeur
from jeugdhulp.taken.worker import draai_eenmaal
from tests import factories
from tests.conftest import login_verified
from tests.toegang.factories import toegang_wereld

pytestmark = pytest.mark.django_db


# ---- the schedule
def test_each_slot_is_enqueued_once_and_daily_jobs_wait_for_their_time(time_machine):
    ochtend = dt.datetime(2026, 3, 10, 5, 0, tzinfo=dt.UTC)  # 06.00 in Oss: before the reminders (06.30)
    time_machine.move_to(ochtend, tick=False)
    eerste = planning.plan(ochtend)
    assert set(eerste) == {job.naam for job in planning.SCHEMA}  # first start: catch up with every current slot
    assert planning.plan(ochtend + dt.timedelta(seconds=20)) == []  # same minute, same day: nothing new
    assert planning.plan(ochtend + dt.timedelta(minutes=1)) == ["ijw_outbox"]
    assert planning.plan(ochtend + dt.timedelta(minutes=31)) == ["ijw_outbox", "herinneringen"]  # 06.31
    assert Planrun.objects.filter(job="herinneringen").count() == 2  # yesterday's slot, today's slot
    assert DBTaskResult.objects.count() == Planrun.objects.count()


def test_two_workers_planning_the_same_slot_enqueue_it_once(nu):
    from django.db import IntegrityError

    planning.plan(nu)
    job = planning.SCHEMA[0]
    with pytest.raises(IntegrityError):  # what the second worker's insert hits; plan() treats it as "done"
        Planrun.objects.create(job=job.naam, slot=job.slot(nu))


# ---- iJw outbox
def test_outbox_job_delivers_once_and_retries_with_backoff(ijw, nu, settings, tmp_path):
    settings.JEUGDHULP_IJW_OUTBOX_DIR = str(tmp_path)
    berichten = [
        outbox.maak_jw301(ijw["oss"], ijw["jeugdige"], ijw["aanbieder"], vandaag=dt.date(2024, 6, 1)) for _ in range(3)
    ]
    assert jobs.verzend_outbox.call() == {"verstuurd": 3, "mislukt": 0}
    assert jobs.verzend_outbox.call() == {"verstuurd": 0, "mislukt": 0}  # idempotent
    assert len(list(tmp_path.iterdir())) == 3
    for b in berichten:
        b.refresh_from_db()
        assert (b.status, b.pogingen) == (Status.VERZONDEN, 1)
    settings.JEUGDHULP_IJW_OUTBOX_URL = "http://127.0.0.1:9/ijw"  # nobody listens
    nieuw = outbox.maak_jw301(ijw["oss"], ijw["jeugdige"], ijw["aanbieder"], vandaag=dt.date(2024, 6, 1))
    assert jobs.verzend_outbox.call() == {"verstuurd": 0, "mislukt": 1}
    nieuw.refresh_from_db()
    assert nieuw.volgende_poging == nu + dt.timedelta(minutes=2)
    assert jobs.verzend_outbox.call() == {"verstuurd": 0, "mislukt": 0}  # waits for its next try


# ---- reminders
@pytest.fixture
def wereld(nu):
    w = toegang_wereld()
    w["hulpvraag"] = hulpvragen.registreer(
        gemeente=w["oss"], team=w["team"], vrager="ouder", kanaal="telefoon", vraag="Zorgen om Noor Jansen"
    )
    w["cjg"].email = "sanne@oss.example"
    w["cjg"].save()
    return w


def test_reminders_once_per_deadline_in_the_werkvoorraad_and_by_mail_when_chosen(wereld, nu):
    Voorkeur.objects.create(gebruiker=wereld["cjg"], herinneringen_per_mail=True)
    eerste = jobs.maak_herinneringen(nu.date())
    assert eerste["herinneringen"] >= 1 and eerste["mails"] == 1
    herinnering = Herinnering.objects.get(gebruiker=wereld["cjg"])
    assert herinnering.datum == wereld["hulpvraag"].contact_uiterlijk
    assert jobs.maak_herinneringen(nu.date()) == {"herinneringen": 0, "mails": 0}  # twice: nothing more
    draai_eenmaal(nu)
    (bericht,) = [m for m in django_mail.outbox if m.to == ["sanne@oss.example"]]
    assert "1 termijn" in bericht.body and "/medewerkers/casussen/" in bericht.body
    assert "Noor" not in bericht.body and "Jansen" not in bericht.body  # that something waits, not what
    # The werkvoorraad shows it.
    client = Client()
    login_verified(client, wereld["cjg"])
    pagina = client.get("/medewerkers/casussen/").content.decode()
    assert 'data-testid="herinneringen"' in pagina and "Hulpvraag" in pagina.split('data-testid="herinneringen"')[1]


def test_no_reminder_mail_without_the_choice_and_none_for_far_deadlines(wereld, nu):
    resultaat = jobs.maak_herinneringen(nu.date() - dt.timedelta(days=10))  # the deadline is 12 days away
    assert resultaat == {"herinneringen": 0, "mails": 0}
    assert jobs.maak_herinneringen(nu.date())["mails"] == 0
    assert not Mail.objects.exists()


def test_vot_answers_and_turning_18_are_reminded_to_the_consulent(wereld, nu):
    from jeugdhulp.berichten.models import Verzoek
    from tests.berichten import voorbeelden as vb
    from tests.berichten_django.conftest import ontvang_bericht

    ontvang_bericht(vb.jw315_bericht())
    Verzoek.objects.update(antwoord_uiterlijk=nu.date() + dt.timedelta(days=1))
    jobs.maak_herinneringen(nu.date())
    soorten = set(Herinnering.objects.filter(gebruiker=wereld["consulent"]).values_list("soort", flat=True))
    assert "Antwoord JW315" in soorten


def test_preference_page_is_per_user(wereld):
    client = Client()
    login_verified(client, wereld["cjg"])
    client.post("/medewerkers/achtergrondtaken/voorkeur/", {"herinneringen_per_mail": "1"})
    assert Voorkeur.objects.get(gebruiker=wereld["cjg"]).herinneringen_per_mail is True


# ---- sociale kaart
def test_stale_organisations_get_their_signed_link_once_a_month(kaart, nu, time_machine):
    oud = kaart["oud"]
    oud.organisatie.email = "info@cursus.example"
    oud.organisatie.save()
    oud.laatst_gecontroleerd = nu.date() - dt.timedelta(days=200)
    oud.save()
    assert jobs.controleer_sociale_kaart(nu.date()) == {"organisaties": 1}
    assert jobs.controleer_sociale_kaart(nu.date()) == {"organisaties": 0}
    mail = Mail.objects.get(soort=MailSoort.SOCIALE_KAART)
    token = mail.tekst.split("/sociale-kaart/controleren/")[1].split("/")[0]
    assert kaart_services.organisatie_uit_token(token) == oud.organisatie
    assert jobs.controleer_sociale_kaart(nu.date() + dt.timedelta(days=31)) == {"organisaties": 1}  # next month
    kaart_services.bevestig(oud.organisatie, op=nu.date() + dt.timedelta(days=31))
    assert jobs.controleer_sociale_kaart(nu.date() + dt.timedelta(days=62)) == {"organisaties": 0}


# ---- retention
def test_daily_retention_list_names_closed_casussen_past_20_years(wereld, nu):
    def casus(afgesloten):
        return Casus.objects.create(
            gemeente=wereld["oss"],
            team=wereld["team"],
            jeugdige=wereld["jeugdige"],
            status=CasusStatus.AFGESLOTEN,
            geopend_op=afgesloten - dt.timedelta(days=300),
            laatste_voortgang=afgesloten,
            afgesloten_op=afgesloten,
        )

    verlopen = casus(dt.date(2006, 3, 9))
    casus(dt.date(2006, 3, 11))  # 20 years on 11 March 2026: not yet
    lijst = jobs.bewaarlijst(nu.date())
    assert (lijst.casussen, lijst.aantal) == ([verlopen.pk], 1)
    jobs.bewaarlijst(nu.date())
    assert Bewaarlijst.objects.count() == 1


# ---- the beheer page
def test_beheerder_sees_the_queue_and_retries_a_failed_task(nu):
    beheerder = factories.UserFactory(rol=Rol.FUNCTIONEEL_BEHEERDER)
    jobs.opruimen.enqueue()
    taak = DBTaskResult.objects.get()
    DBTaskResult.objects.filter(pk=taak.pk).update(status="FAILED", traceback="Traceback…\nOSError: schijf vol")
    client = Client()
    login_verified(client, beheerder)
    pagina = client.get("/medewerkers/achtergrondtaken/").content.decode()
    assert "OSError: schijf vol" in pagina and "Opnieuw proberen" in pagina and "Er draait geen worker" in pagina
    client.post(f"/medewerkers/achtergrondtaken/{taak.pk}/opnieuw/")
    assert DBTaskResult.objects.get().status == "READY"
    for minuut in range(3):  # a job that keeps failing is a signal on the page
        DBTaskResult.objects.create(
            task_path="jeugdhulp.taken.jobs.herinneringen",
            args_kwargs={"args": [], "kwargs": {}},
            backend_name="default",
            status="FAILED",
            finished_at=nu,
            run_after=nu - dt.timedelta(minutes=minuut),
        )
    pagina = client.get("/medewerkers/achtergrondtaken/").content.decode()
    assert pagina.count("Herinneringen is 3 keer achter elkaar mislukt") == 1  # one signal, not one per row
    andere = factories.UserFactory(rol=Rol.AUDITOR)
    login_verified(client, andere)
    assert client.get("/medewerkers/achtergrondtaken/").status_code == 403
