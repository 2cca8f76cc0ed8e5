"""Every role × every person-level page and API endpoint: allowed (200), forbidden (403) or not found (404).

'deny' accepts 302/403/404 (the admin redirects unpermitted users to the login). Future issues add rows.
"""

import datetime as dt

from django.urls import reverse

import pytest

from jeugdhulp.accounts.roles import Rol
from tests.conftest import login_verified
from tests.toegang.factories import matrix_objecten

CJG, JC, BEL, AANB, FB, AUD = (
    Rol.CJG_MEDEWERKER,
    Rol.JEUGDCONSULENT,
    Rol.BELEIDSMEDEWERKER,
    Rol.AANBIEDER_MEDEWERKER,
    Rol.FUNCTIONEEL_BEHEERDER,
    Rol.AUDITOR,
)
ROLLEN = (CJG, JC, BEL, AANB, FB, AUD)

# endpoint -> (url name, object key in `wereld` or None, expected per role in ROLLEN order)
MATRIX = {
    "jeugdigen lijst": ("jeugdigen:lijst", None, (200, 200, 403, 200, 403, 403)),
    "dossier eigen team": ("jeugdigen:dossier", "eigen", (200, 200, 403, 200, 403, 403)),
    "dossier ander team": ("jeugdigen:dossier", "ander_team", (404, 200, 403, 404, 403, 403)),
    "dossier andere gemeente": ("jeugdigen:dossier", "andere_gemeente", (404, 404, 403, 200, 403, 403)),
    "toegangslog zoeken": ("audit:zoeken", None, (403, 403, 403, 403, 403, 200)),
    "toegangslog jeugdige": ("audit:jeugdige", "eigen", (403, 403, 403, 403, 403, 200)),
    "cijfers": ("monitor:cijfers", None, (403, 200, 200, 403, 403, 403)),
    "beheer": ("admin:index", None, ("deny", "deny", "deny", "deny", 200, "deny")),
    "beheer gebruikers": ("admin:accounts_user_changelist", None, ("deny", "deny", "deny", "deny", 200, "deny")),
    "api jeugdigen": ("jeugdige-list", None, (200, 200, 403, 200, 403, 403)),
    "api jeugdige eigen": ("jeugdige-detail", "eigen", (200, 200, 403, 200, 403, 403)),
    "api jeugdige ander team": ("jeugdige-detail", "ander_team", (404, 200, 403, 404, 403, 403)),
    "api jeugdige andere gemeente": ("jeugdige-detail", "andere_gemeente", (404, 404, 403, 200, 403, 403)),
    "api toewijzingen": ("toewijzing-list", None, (200, 200, 403, 200, 403, 403)),
    "api toegangslog": ("toegangslog-list", None, (403, 403, 403, 403, 403, 200)),
    "api aanbieders": ("aanbieder-list", None, (200, 200, 200, 200, 200, 403)),
    "berichten lijst": ("berichten:lijst", None, (200, 200, 403, 200, 403, 403)),
    "berichten jeugdige eigen": ("berichten:jeugdige", "eigen", (200, 200, 403, 200, 403, 403)),
    "berichten jeugdige ander team": ("berichten:jeugdige", "ander_team", (404, 200, 403, 404, 403, 403)),
    "berichten aanbieder b": ("berichten:aanbieder", "aanbieder_b", (200, 200, 403, 404, 403, 403)),
    "bericht eigen": ("berichten:detail", "bericht_eigen", (200, 200, 403, 200, 403, 403)),
    "bericht ander team": ("berichten:detail", "bericht_ander_team", (404, 200, 403, 404, 403, 403)),
    "bericht andere gemeente": ("berichten:detail", "bericht_andere_gemeente", (404, 404, 403, 200, 403, 403)),
    "termijnen": ("berichten:termijnen", None, (200, 200, 403, 200, 403, 403)),
    "verzoeken": ("berichten:verzoeken", None, (403, 200, 403, 403, 403, 403)),
    "verzoek eigen": ("berichten:verzoek", "verzoek_eigen", (403, 200, 403, 403, 403, 403)),
    "verzoek andere gemeente": ("berichten:verzoek", "verzoek_andere_gemeente", (403, 404, 403, 403, 403, 403)),
    "api berichten": ("bericht-list", None, (200, 200, 403, 200, 403, 403)),
    # issue 5: hulpvragen, casussen, besluiten
    "hulpvragen wachtrij": ("hulpvragen:wachtrij", None, (200, 200, 403, 403, 403, 403)),
    "hulpvraag registreren": ("hulpvragen:registreren", None, (200, 200, 403, 403, 403, 403)),
    "hulpvraag eigen team": ("hulpvragen:detail", "hulpvraag_eigen", (200, 200, 403, 403, 403, 403)),
    "hulpvraag ander team": ("hulpvragen:detail", "hulpvraag_ander_team", (404, 200, 403, 403, 403, 403)),
    "hulpvraag andere gemeente": ("hulpvragen:detail", "hulpvraag_andere_gemeente", (404, 404, 403, 403, 403, 403)),
    "werkvoorraad": ("casussen:werkvoorraad", None, (200, 200, 403, 403, 403, 403)),
    "casus eigen team": ("casussen:detail", "casus_eigen", (200, 200, 403, 403, 403, 403)),
    "casus ander team": ("casussen:detail", "casus_ander_team", (404, 200, 403, 403, 403, 403)),
    "casus andere gemeente": ("casussen:detail", "casus_andere_gemeente", (404, 404, 403, 403, 403, 403)),
    "tijdlijn eigen team": ("casussen:tijdlijn", "casus_eigen", (200, 200, 403, 403, 403, 403)),
    "tijdlijn ander team": ("casussen:tijdlijn", "casus_ander_team", (404, 200, 403, 403, 403, 403)),
    "richting 18 (team)": ("casussen:richting18", None, (200, 200, 403, 403, 403, 403)),
    "aanvragen": ("besluiten:lijst", None, (200, 200, 403, 403, 403, 403)),
    "aanvraag eigen team": ("besluiten:aanvraag", "aanvraag_eigen", (200, 200, 403, 403, 403, 403)),
    "aanvraag ander team": ("besluiten:aanvraag", "aanvraag_ander_team", (404, 200, 403, 403, 403, 403)),
    "aanvraag andere gemeente": ("besluiten:aanvraag", "aanvraag_andere_gemeente", (404, 404, 403, 403, 403, 403)),
    "bezwaar eigen gemeente": ("besluiten:bezwaar", "bezwaar_eigen", (403, 200, 403, 403, 403, 403)),
    "bezwaar andere gemeente": ("besluiten:bezwaar", "bezwaar_andere_gemeente", (403, 404, 403, 403, 403, 403)),
    # issue 6: the monitor (aggregates only) and the aanbieders' waiting-list feed
    "monitor wachttijden": ("monitor:wachttijden", None, (403, 200, 200, 403, 403, 403)),
    "monitor inzet": ("monitor:inzet", None, (403, 200, 200, 403, 403, 403)),
    "monitor financien": ("monitor:financien", None, (403, 200, 200, 403, 403, 403)),
    "monitor budget": ("monitor:budget", None, (403, 403, 200, 403, 403, 403)),
    "kwartaalrapportage": ("monitor:rapportage", None, (403, 200, 200, 403, 403, 403)),
    "wachtlijsten": ("monitor:wachtlijsten", None, (403, 403, 200, 200, 403, 403)),
    "wachtlijst melden": ("monitor:melden", None, (403, 403, 403, 200, 403, 403)),
    # issue 16: background work (queue, failed tasks, sent mail) for the functioneel beheerder only
    "achtergrondtaken": ("taken:overzicht", None, (403, 403, 403, 403, 200, 403)),
    "api wachtlijstmeldingen": ("wachtlijstmelding-list", None, (403, 403, 200, 200, 403, 403)),
    # person-level CBS Beleidsinformatie Jeugd file: the backoffice only, not the (aggregates-only) beleidsmedewerker
    "cbs aanlevering": ("monitor:cbs", None, (403, 200, 403, 403, 403, 403)),
}


@pytest.fixture
def wereld(wereld):
    """The shared world plus iJw messages and verzoeken in each scope (for the berichten rows)."""
    from jeugdhulp.berichten.models import Bericht, Richting, Status, Verzoek

    aanbieder_b = wereld["eigen"].toewijzingen.model.objects.get(jeugdige=wereld["ander_team"]).aanbieder

    def bericht(jeugdige, aanbieder, gemeente):
        return Bericht.objects.create(
            richting=Richting.IN,
            status=Status.VERWERKT,
            berichtsoort="JW305",
            inhoud=b"<x/>",
            sha256=f"{jeugdige.pk:064d}",
            jeugdige=jeugdige,
            aanbieder=aanbieder,
            gemeente=gemeente,
        )

    def verzoek(b, ref):
        return Verzoek.objects.create(
            bericht=b,
            berichtsoort="JW315",
            gemeente=b.gemeente,
            aanbieder=b.aanbieder,
            jeugdige=b.jeugdige,
            referentie_aanbieder=ref,
            antwoord_uiterlijk=b.aangemaakt.date(),
        )

    a, oss, bosch = wereld["aanbieder_a"], wereld["oss"], wereld["bosch"]
    wereld["aanbieder_b"] = aanbieder_b
    wereld["bericht_eigen"] = bericht(wereld["eigen"], a, oss)
    wereld["bericht_ander_team"] = bericht(wereld["ander_team"], aanbieder_b, oss)
    wereld["bericht_andere_gemeente"] = bericht(wereld["andere_gemeente"], a, bosch)
    wereld["verzoek_eigen"] = verzoek(wereld["bericht_eigen"], "V1")
    wereld["verzoek_andere_gemeente"] = verzoek(wereld["bericht_andere_gemeente"], "V2")
    wereld.update(matrix_objecten(wereld))
    return wereld


CASES = [
    pytest.param(name, rol, expected[i], id=f"{name}-{rol.value}")
    for name, (_url, _obj, expected) in MATRIX.items()
    for i, rol in enumerate(ROLLEN)
]


def _url(wereld, name):
    url_name, obj_key, _expected = MATRIX[name]
    return reverse(url_name, args=[wereld[obj_key].pk]) if obj_key else reverse(url_name)


@pytest.mark.parametrize(("name", "rol", "expected"), CASES)
def test_role_resource_matrix(client, wereld, name, rol, expected):
    login_verified(client, wereld["users"][rol])
    response = client.get(_url(wereld, name))
    if expected == "deny":
        assert response.status_code in (302, 403, 404), response.status_code
        if response.status_code == 302:
            assert reverse("accounts:login") in response["Location"]
    else:
        assert response.status_code == expected


@pytest.mark.parametrize("name", list(MATRIX))
def test_anonymous_never_sees_staff_data(client, wereld, name):
    response = client.get(_url(wereld, name))
    assert response.status_code in (302, 401, 403)  # 401: endpoints that also take a koppelsleutel
    if response.status_code == 302:
        assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("name", ["jeugdigen lijst", "dossier eigen team", "api jeugdigen"])
def test_password_without_second_factor_is_not_enough(client, wereld, name):
    client.force_login(wereld["users"][CJG])  # password step done, TOTP not yet
    response = client.get(_url(wereld, name))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("accounts:verify"))


@pytest.mark.parametrize(
    ("rol", "zichtbaar", "onzichtbaar"),
    [
        (CJG, {"Eigenteam"}, {"Anderteam", "Anderegemeente"}),
        (JC, {"Eigenteam", "Anderteam"}, {"Anderegemeente"}),
        (AANB, {"Eigenteam", "Anderegemeente"}, {"Anderteam"}),
    ],
)
def test_lists_show_exactly_the_scope(client, wereld, rol, zichtbaar, onzichtbaar):
    login_verified(client, wereld["users"][rol])
    page = client.get(reverse("jeugdigen:lijst")).content.decode()
    api = {j["geslachtsnaam"] for j in client.get(reverse("jeugdige-list")).json()["results"]}
    assert api == zichtbaar
    for naam in zichtbaar:
        assert naam in page
    for naam in onzichtbaar:
        assert naam not in page


def test_aanbieder_sees_only_its_own_toewijzingen(client, wereld):
    login_verified(client, wereld["users"][AANB])
    rows = client.get(reverse("toewijzing-list")).json()["results"]
    assert rows and {row["aanbieder"] for row in rows} == {wereld["aanbieder_a"].agb_code}


def test_beleidsmedewerker_sees_no_person_level_data(client, wereld):
    login_verified(client, wereld["users"][BEL])
    page = client.get(reverse("monitor:cijfers")).content.decode()
    for key in ("eigen", "ander_team", "andere_gemeente"):
        jeugdige = wereld[key]
        assert jeugdige.bsn not in page
        assert jeugdige.geslachtsnaam not in page


# --- the public site's editors (issue 7): only the redacteur edits pages, events and the sociale kaart ---------
REDACTIE = ["redactie:overzicht", "redactie:pagina_nieuw", "redactie:bijeenkomst_nieuw"]


@pytest.fixture
def redacteur(db):
    from tests import factories

    return factories.UserFactory(username="redacteur", rol=Rol.REDACTEUR)


@pytest.mark.parametrize("url_name", REDACTIE)
def test_only_the_redacteur_edits_the_public_site(client, wereld, redacteur, url_name):
    for rol in ROLLEN:
        client.logout()
        login_verified(client, wereld["users"][rol])
        assert client.get(reverse(url_name)).status_code == 403, rol
    client.logout()
    assert client.get(reverse(url_name)).status_code == 302  # anonymous: to the login
    login_verified(client, redacteur)
    assert client.get(reverse(url_name)).status_code == 200


@pytest.mark.parametrize("name", list(MATRIX))
def test_redacteur_sees_no_person_level_data(client, wereld, redacteur, name):
    login_verified(client, redacteur)
    response = client.get(_url(wereld, name))
    assert response.status_code in (302, 403, 404), response.status_code


# --- access that ends (issue 15 §2, ADR 0014): the aanbieder's view of a jeugdige over time -----------------------
# One toewijzing made 1-3-2025, care from 15-3-2025 to 30-9-2025; the declaration period (6 months) runs to 31-3-2026.
MOMENTEN = {
    "voor de toewijzing": (dt.date(2025, 2, 28), False),
    "toegewezen, zorg nog niet begonnen": (dt.date(2025, 3, 1), True),
    "tijdens": (dt.date(2025, 6, 2), True),
    "declaratieperiode": (dt.date(2026, 1, 15), True),
    "laatste dag declaratieperiode": (dt.date(2026, 3, 31), True),
    "na": (dt.date(2026, 4, 1), False),
}


@pytest.fixture
def tijdelijk(wereld):
    """A jeugdige of gemeente Oss with one (ended) toewijzing to aanbieder A and the JW301 that told it."""
    from jeugdhulp.berichten.models import Bericht, Richting, Status
    from tests import factories

    jeugdige = factories.JeugdigeFactory(gemeente=wereld["oss"], geslachtsnaam="Tijdelijk", voornamen="Yusuf")
    factories.RelatieFactory(jeugdige=jeugdige)
    factories.ToewijzingFactory(
        jeugdige=jeugdige,
        aanbieder=wereld["aanbieder_a"],
        toewijzingsdatum=dt.date(2025, 3, 1),
        ingangsdatum=dt.date(2025, 3, 15),
        einddatum=dt.date(2025, 9, 30),
    )
    jw301 = Bericht.objects.create(
        richting=Richting.UIT,
        status=Status.VERZONDEN,
        berichtsoort="JW301",
        inhoud=f"<bsn>{jeugdige.bsn}</bsn>".encode(),
        sha256="f" * 64,
        jeugdige=jeugdige,
        aanbieder=wereld["aanbieder_a"],
        gemeente=wereld["oss"],
    )
    return {"jeugdige": jeugdige, "jw301": jw301}


def _op(time_machine, dag):
    time_machine.move_to(dt.datetime.combine(dag, dt.time(10), tzinfo=dt.UTC), tick=False)


@pytest.mark.parametrize("moment", list(MOMENTEN))
def test_aanbieder_access_ends_on_every_page_and_endpoint(client, wereld, tijdelijk, time_machine, moment):
    dag, ziet = MOMENTEN[moment]
    _op(time_machine, dag)
    login_verified(client, wereld["users"][AANB])
    jeugdige, jw301 = tijdelijk["jeugdige"], tijdelijk["jw301"]
    detail = 200 if ziet else 404
    assert client.get(reverse("jeugdigen:dossier", args=[jeugdige.pk])).status_code == detail
    assert client.get(reverse("jeugdige-detail", args=[jeugdige.pk])).status_code == detail
    assert client.get(reverse("berichten:jeugdige", args=[jeugdige.pk])).status_code == detail
    assert client.get(reverse("berichten:detail", args=[jw301.pk])).status_code == detail
    lijst = client.get(reverse("jeugdigen:lijst"), {"q": jeugdige.bsn}).content.decode()
    assert ("Tijdelijk" in lijst) is ziet
    api = client.get(reverse("jeugdige-list"), {"limit": 500}).json()["results"]
    assert (jeugdige.bsn in {j["bsn"] for j in api}) is ziet
    toewijzingen = client.get(reverse("toewijzing-list"), {"limit": 500}).content.decode()
    assert (jeugdige.bsn in toewijzingen) is ziet
    berichten = client.get(reverse("bericht-list"), {"limit": 500}).json()["results"]
    assert (jw301.pk in {b["id"] for b in berichten}) is ziet
    berichtenlijst = client.get(reverse("berichten:lijst")).content.decode()
    assert (reverse("berichten:detail", args=[jw301.pk]) in berichtenlijst) is ziet


@pytest.mark.parametrize("moment", list(MOMENTEN))
def test_the_gemeente_keeps_its_view_after_the_aanbieder_loses_it(client, wereld, tijdelijk, time_machine, moment):
    _op(time_machine, MOMENTEN[moment][0])
    login_verified(client, wereld["users"][JC])
    assert client.get(reverse("jeugdigen:dossier", args=[tijdelijk["jeugdige"].pk])).status_code == 200


def test_the_declaration_period_is_configurable(client, wereld, tijdelijk, time_machine, settings):
    settings.JEUGDHULP_AANBIEDER_INZAGE_MAANDEN = 12
    url = reverse("jeugdigen:dossier", args=[tijdelijk["jeugdige"].pk])
    _op(time_machine, dt.date(2026, 9, 30))
    login_verified(client, wereld["users"][AANB])
    assert client.get(url).status_code == 200
    _op(time_machine, dt.date(2026, 10, 1))
    login_verified(client, wereld["users"][AANB])
    assert client.get(url).status_code == 404


def test_an_open_vot_or_vow_gives_access_until_it_is_answered(client, wereld):
    """A verzoek of the aanbieder about a jeugdige without any toewijzing: visible while open or in onderzoek."""
    from jeugdhulp.berichten.models import Verzoek, VerzoekStatus
    from tests import factories

    jeugdige = factories.JeugdigeFactory(gemeente=wereld["oss"], geslachtsnaam="Verzocht")
    verzoek = Verzoek.objects.create(
        bericht=wereld["bericht_eigen"],
        berichtsoort="JW315",
        gemeente=wereld["oss"],
        aanbieder=wereld["aanbieder_a"],
        jeugdige=jeugdige,
        referentie_aanbieder="V-tijd",
        antwoord_uiterlijk=dt.date(2026, 1, 1),
    )
    login_verified(client, wereld["users"][AANB])
    url = reverse("jeugdigen:dossier", args=[jeugdige.pk])
    for status, code in [
        (VerzoekStatus.OPEN, 200),
        (VerzoekStatus.IN_ONDERZOEK, 200),
        (VerzoekStatus.AFGEWEZEN, 404),
    ]:
        Verzoek.objects.filter(pk=verzoek.pk).update(status=status)
        assert client.get(url).status_code == code, status
    login_verified(client, wereld["users"][CJG])  # another role's scope does not change
    assert client.get(url).status_code == 404  # not team Oss-Noord's jeugdige


def test_a_newly_assigned_jeugdige_is_found_at_once_by_name_and_bsn(client, wereld, time_machine):
    """Issue 14 §4: the new jeugdige is findable under Jeugdigen by the name and BSN its JW301 shows."""
    from jeugdhulp.berichten import outbox
    from tests import factories

    vandaag = dt.date(2026, 12, 4)
    _op(time_machine, vandaag)

    jeugdige = factories.JeugdigeFactory(
        gemeente=wereld["oss"], voornamen="Sanne Maria", voorvoegsel="van", geslachtsnaam="Hoof"
    )
    factories.ContactFactory(jeugdige=jeugdige)
    toewijzing = factories.ToewijzingFactory(
        jeugdige=jeugdige,
        aanbieder=wereld["aanbieder_a"],
        toewijzingsdatum=vandaag,
        ingangsdatum=vandaag + dt.timedelta(days=14),
        einddatum=vandaag + dt.timedelta(days=200),
    )
    outbox.maak_jw301(toewijzing.gemeente, jeugdige, toewijzing.aanbieder, vandaag=vandaag)
    login_verified(client, wereld["users"][AANB])
    bsn = jeugdige.bsn
    for zoek in (bsn, f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}", "Sanne van Hoof", "van Hoof", "hoof sanne"):
        page = client.get(reverse("jeugdigen:lijst"), {"q": zoek}).content.decode()
        assert reverse("jeugdigen:dossier", args=[jeugdige.pk]) in page, zoek
    page = client.get(reverse("jeugdigen:lijst"), {"q": "Sanne van Dijk"}).content.decode()
    assert reverse("jeugdigen:dossier", args=[jeugdige.pk]) not in page


# Every step on a casus is a POST: a role or team that may not change the casus changes nothing, whatever it sends.
CASUS_STAPPEN = [
    "status",
    "gesprek",
    "jeugdige",
    "verslag",
    "regie",
    "plan",
    "deelnemer",
    "actie",
    "vaststellen",
    "signaal",
    "afsluiten",
]


@pytest.mark.parametrize("stap", CASUS_STAPPEN)
@pytest.mark.parametrize("rol", [CJG, BEL, AANB, FB, AUD], ids=lambda r: r.value)
def test_no_step_on_another_teams_casus(client, wereld, stap, rol):
    """The CJG worker of another team gets 404 (the casus does not exist for it), other roles 403; nothing changes."""
    from django.forms.models import model_to_dict

    from jeugdhulp.overgangen.models import Overgang

    casus = wereld["casus_ander_team"]
    voor = (model_to_dict(casus), Overgang.objects.count(), casus.gesprekken.count(), casus.signalen.count())
    login_verified(client, wereld["users"][rol])
    data = {"naar": "plan", "datum": "2026-01-05", "samenvatting": "x", "deelnemers": "x", "soort": "zorgen",
            "toelichting": "x", "reden": "volgens_plan", "regievorm": "zelfregie", "bsn": "999999990"}  # fmt: skip
    response = client.post(reverse(f"casussen:{stap}", args=[casus.pk]), data)
    assert response.status_code in (403, 404), response.status_code
    casus.refresh_from_db()
    na = (model_to_dict(casus), Overgang.objects.count(), casus.gesprekken.count(), casus.signalen.count())
    assert na == voor


@pytest.mark.parametrize("rol", [CJG, BEL, AANB, FB, AUD], ids=lambda r: r.value)
def test_no_one_else_marks_an_action_done(client, wereld, rol):
    from jeugdhulp.casussen.models import Samenwerkingsplan

    plan = Samenwerkingsplan.objects.create(casus=wereld["casus_ander_team"])
    actie = plan.acties.create(omschrijving="Bellen", eigenaar_soort="netwerk", eigenaar="Oma", deadline="2026-01-05")
    login_verified(client, wereld["users"][rol])
    response = client.post(reverse("casussen:actie_gedaan", args=[actie.pk]))
    assert response.status_code in (403, 404), response.status_code
    actie.refresh_from_db()
    assert actie.gedaan_op is None
